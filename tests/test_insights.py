"""Insights across projects: figures from plans, sums per user, template observations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import make_engine
from store.insights import (
    InsightStore,
    ProjectFigures,
    ProjectFiguresRow,
    Totals,
    create_insight_tables,
    figures_of,
    observations,
    totals,
)
from tests.builders import scene
from tools.plan import Plan, PlanInputs, make_plan
from tools.script import Script


def _script(night_exteriors: int, tag: str) -> Script:
    """Eight scenes of 8 eighths; the first `night_exteriors` of them are exterior nights."""
    places = ["HOUSE", "DINER", "STREET", "PARK"]
    scenes = [
        scene(
            i,
            places[i % 4],
            [["MAYA", "JO"], ["SAM"]][i % 2],
            ext=i < night_exteriors,
            night=i < night_exteriors,
            flags=("props",) if i % 3 == 0 else (),
        )
        for i in range(8)
    ]
    return Script(title=f"Film {tag}", format="fountain", scenes=scenes, content_hash=tag)


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    inputs = PlanInputs(time_limit_s=2.0)
    return {
        "calm": make_plan(_script(1, "calm"), inputs),
        "dark": make_plan(_script(4, "dark"), inputs),
    }


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    await create_insight_tables(engine)
    await create_insight_tables(engine)  # idempotent
    yield engine
    await engine.dispose()


def test_figures_come_from_the_plan(plans: dict[str, Plan]) -> None:
    plan = plans["dark"]
    figures = figures_of(plan)
    assert plan.budget is not None
    assert (figures.pages, figures.days) == (8.0, len(plan.schedule.days))
    assert figures.night_ext_share == pytest.approx(0.5)
    assert figures.cost_per_page == pytest.approx(float(plan.budget.likely) / 8)
    assert figures.pages_per_day == pytest.approx(8 / figures.days)
    assert figures.company_moves == plan.summary.moves
    assert figures.move_cost == plan.problem.costs.company_move > 0
    assert figures.savings_by_analysis == {
        name: float(amount) for name, amount in plan.summary.by_analysis.items()
    }
    assert figures.plan_key == plan.key and figures_of(plans["calm"]).night_ext_share == 0.125


IN_LINE = "In line with your other projects: 4.0 pages a day (average 4.0), 19% night exteriors."


def _figures(**changes: float | str) -> ProjectFigures:
    base = ProjectFigures(
        title="T",
        plan_key="k",
        currency="USD",
        pages=100.0,
        days=25,
        likely=1_000_000.0,
        cost_per_page=10_000.0,
        pages_per_day=4.0,
        night_ext_share=0.19,
        company_moves=4,
        move_cost=3500.0,
        saving=100_000.0,
        saving_share=0.1,
    )
    return base.model_copy(update=changes)


@pytest.mark.parametrize(
    ("current", "others", "expected"),
    [
        (
            _figures(night_ext_share=0.38),
            [],
            [
                "First planned project: 100.0 pages over 25 days, USD 10,000 per page, "
                "38% night exteriors."
            ],
        ),
        (
            _figures(night_ext_share=0.38),
            [_figures(night_ext_share=0.18), _figures(night_ext_share=0.20)],
            ["38% night exteriors, twice your average (19%)."],
        ),
        (
            _figures(),
            [_figures(pages_per_day=4.5), _figures(pages_per_day=3.5)],
            [IN_LINE],
        ),
        (
            _figures(cost_per_page=30_000.0, pages_per_day=2.0),
            [_figures()],
            [
                "USD 30,000 per page, three times your average (USD 10,000).",
                "2.0 pages a day, half your average (4.0).",
            ],
        ),
        (
            _figures(night_ext_share=0.3, company_moves=9),
            [_figures(night_ext_share=0.0, company_moves=4)],
            [
                "30% night exteriors, where your other projects have none.",
                "9 company moves, 2.2 times your average (4).",
            ],
        ),
        (
            # Another currency's cost per page is never averaged with this one.
            _figures(cost_per_page=30_000.0),
            [_figures(currency="EUR", cost_per_page=10_000.0)],
            [IN_LINE],
        ),
        (
            _figures(saving_share=0.03),
            [_figures(saving_share=0.12)],
            ["Savings of 3% against script order, 75% below your average (12%)."],
        ),
    ],
)
def test_observations_from_templates(
    current: ProjectFigures, others: list[ProjectFigures], expected: list[str]
) -> None:
    assert observations(current, totals([current, *others])) == expected


def test_averages_leave_the_project_out() -> None:
    a, b, c = _figures(pages_per_day=2.0), _figures(pages_per_day=4.0), _figures(pages_per_day=9.0)
    summed = totals([a, b, c])
    assert summed.projects == 3 and summed.average("pages_per_day") == pytest.approx(5.0)
    assert summed.average("pages_per_day", excluding=c) == pytest.approx(3.0)
    assert Totals().average("pages_per_day") is None


async def test_insights_recompute_when_a_plan_changes_and_only_then(
    engine: AsyncEngine, plans: dict[str, Plan]
) -> None:
    store = InsightStore(engine)
    calm, dark = plans["calm"], plans["dark"]
    assert await store.plan_saved("ana", "t1", calm) is True
    assert await store.plan_saved("ana", "t1", calm) is False
    assert await store.plan_saved("ana", "t1", calm.model_dump(mode="json")) is False
    assert store.recomputed == 1
    assert await store.plan_saved("ana", "t2", calm) is True  # another project
    assert await store.plan_saved("ana", "t1", dark) is True  # the plan changed
    assert await store.plan_saved("ana", "t1", dark) is False
    assert store.recomputed == 3
    for _ in range(3):
        assert await store.observe("ana", "t1")
    assert store.recomputed == 3  # reading never recomputes
    figures = await store.figures("ana", "t1")
    assert figures is not None and figures.plan_key == dark.key
    summed = await store.totals("ana")
    assert summed.projects == 2
    assert summed.sums["night_ext_share"] == pytest.approx(0.5 + 0.125)


async def test_observations_compare_with_the_users_other_projects_only(
    engine: AsyncEngine, plans: dict[str, Plan]
) -> None:
    store = InsightStore(engine)
    assert await store.observe("ana", "t1") == []
    await store.plan_saved("ana", "t1", plans["dark"])
    first = await store.observe("ana", "t1")
    assert first[0].startswith("First planned project: 8.0 pages")
    await store.plan_saved("bo", "b1", plans["calm"])  # someone else's project
    assert await store.observe("ana", "t1") == first
    await store.plan_saved("ana", "t2", plans["calm"])
    assert "50% night exteriors, 4.0 times your average (12%)." in await store.observe("ana", "t1")
    await store.forget("ana", "t2")
    assert await store.observe("ana", "t1") == first
    assert (await store.totals("ana")).projects == 1


async def test_remember_is_save_then_observe_in_one_transaction(
    engine: AsyncEngine, plans: dict[str, Plan]
) -> None:
    store = InsightStore(engine)
    first = await store.remember("ana", "t1", plans["dark"])
    assert first == await store.observe("ana", "t1")
    assert first[0].startswith("First planned project: 8.0 pages")
    assert store.recomputed == 1
    await store.plan_saved("ana", "t2", plans["calm"])
    again = await store.remember("ana", "t1", plans["dark"].model_dump(mode="json"))
    assert store.recomputed == 2  # only t2's save computed figures; t1's plan is unchanged
    assert again == await store.observe("ana", "t1")
    assert "50% night exteriors, 4.0 times your average (12%)." in again


async def test_a_plan_without_a_key_is_keyed_by_its_content(
    engine: AsyncEngine, plans: dict[str, Plan]
) -> None:
    store = InsightStore(engine)
    keyless = plans["calm"].model_copy(update={"key": ""})
    assert await store.plan_saved("ana", "t1", keyless) is True
    assert await store.plan_saved("ana", "t1", keyless) is False
    async with engine.connect() as conn:
        keys = (await conn.execute(select(ProjectFiguresRow.plan_key))).scalars().all()
    assert len(keys) == 1 and len(keys[0]) == 64


async def test_concurrent_first_saves_of_one_user_do_not_collide(
    engine: AsyncEngine, plans: dict[str, Plan]
) -> None:
    # One producer planning in several tabs at once: every first save must land.
    store = InsightStore(engine)
    saved = await asyncio.gather(
        *(
            store.plan_saved("maya", f"tab-{i}", plans["calm" if i % 2 else "dark"])
            for i in range(6)
        )
    )
    assert saved == [True] * 6
    assert (await store.totals("maya")).projects == 6
