"""Sites shot in one block ("can we shoot Maya's apartment in one go?"): the solver keeps the
site's day work and its night work each in one run of days, the board is costed at the rate
card's real prices, and the answer says where the block fell (or that it could not be kept)."""

from __future__ import annotations

import pytest

from bench.schedule_feature import feature_problem
from graph.facts import overview_facts
from graph.grammar.blocks import ALL_SITES, block_changes
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Change, Request
from graph.intents import parse_intent
from graph.summary import write_summary
from tools.plan.blocks import BLOCK_CREW_DAYS, block_sites, blocked, night_site, real_cost, visits
from tools.schedule import ScheduleProblem, evaluate, optimize


@pytest.fixture(scope="module")
def feature() -> ScheduleProblem:
    problem = feature_problem(scenes=70, day_rules=True)
    options = problem.options.model_copy(update={"time_limit_s": 10.0})
    return problem.model_copy(update={"options": options})


def _most_visited(problem: ScheduleProblem) -> tuple[str, int]:
    free = optimize(problem)
    sites = {s.main_location or s.location for s in problem.strips}
    counts = {site: len(visits(free.days, site)) for site in sites}
    site = max(sorted(counts), key=lambda k: counts[k])
    return site, counts[site]


def test_a_blocked_site_is_one_run_of_days_and_one_of_nights(feature: ScheduleProblem) -> None:
    site, before = _most_visited(feature)
    assert before > 2  # the free board comes back to it: the block has work to do
    solved = optimize(blocked(feature, [site]))
    out = real_cost(feature, solved, [site])
    runs = visits(out.days, site)
    lit = [next(d.lighting for d in out.days if d.index == run[0]) for run in runs]
    assert len(runs) == len(set(lit)) <= 2  # one run of day work, one of nights at most
    assert any(note.startswith(f"{site} is shot in one block") for note in out.diagnosis)
    # Costed at the rate card's prices, its days named on the real sites.
    real = evaluate(feature, [day.strips for day in out.days])
    assert out.cost.total == pytest.approx(real.cost.total)
    assert out.cost.location_revisits < BLOCK_CREW_DAYS * feature.costs.crew_day
    assert all(night_site(site) not in day.sites for day in out.days)
    assert out.bound is not None and out.bound <= out.cost.total + 1e-6


def test_the_solver_sees_a_return_at_the_block_price_and_nights_apart(
    feature: ScheduleProblem,
) -> None:
    site = feature.strips[0].main_location or feature.strips[0].location
    seen = blocked(feature, [site])
    price = BLOCK_CREW_DAYS * feature.costs.crew_day
    assert seen.costs.location_setup[site] == price
    for was, now in zip(feature.strips, seen.strips, strict=True):
        mine = (was.main_location or was.location) == site
        expected = night_site(site) if mine and was.lighting == "NIGHT" else was.main_location
        assert now.main_location == expected
    assert blocked(feature, []) is feature


def test_names_resolve_to_sites_and_an_unknown_place_is_said(feature: ScheduleProblem) -> None:
    first = feature.strips[0]
    kitchen = first.model_copy(update={"location": f"{first.main_location} - KITCHEN"})
    problem = feature.model_copy(update={"strips": [kitchen, *feature.strips[1:]]})
    assert block_sites(problem, [kitchen.location.lower()]) == [first.main_location]
    every = block_sites(problem, [ALL_SITES])
    assert first.main_location in every and len(every) == len(set(every))
    singles = {s.main_location for s in problem.strips} - set(every)
    assert all(sum(s.main_location == x for s in problem.strips) == 1 for x in singles)
    with pytest.raises(ValueError, match="no site or heading is called ATLANTIS"):
        block_sites(problem, ["ATLANTIS"])


_LEXICON = Lexicon.from_script(
    {
        "scenes": [
            {"site": "MAYA'S APARTMENT", "location": "MAYA'S APARTMENT - KITCHEN"},
            {"site": "RADIO STATION", "speakers": ["ORSON"]},
            {"site": "RIVERSIDE MOTEL", "speakers": ["MAYA"]},
        ]
    }
)


@pytest.mark.parametrize(
    ("message", "sites"),
    [
        ("can we shoot Maya's apartment in one block?", ["MAYA'S APARTMENT"]),
        ("do the radio station all at once", ["RADIO STATION"]),
        ("keep the motel's days together", ["RIVERSIDE MOTEL"]),
        (
            "shoot Maya's apartment and the radio station in one go",
            ["MAYA'S APARTMENT", "RADIO STATION"],
        ),
        ("no more going back to the radio station", ["RADIO STATION"]),
        ("how much does keeping the radio station together cost?", ["RADIO STATION"]),
        ("what does it cost to shoot the radio station on consecutive days?", ["RADIO STATION"]),
        ("keep each location's days together", [ALL_SITES]),
        ("can we shoot every site in one block?", [ALL_SITES]),
        ("can we keep MAYA and ORSON together?", []),
        ("shoot all the nights together", []),
        ("how many scenes at the radio station?", []),
    ],
)
def test_block_phrasings(message: str, sites: list[str]) -> None:
    changes = block_changes(message, _LEXICON)
    assert [c.hint for c in changes] == sites
    assert all(c.kind == "block" for c in changes)


def test_a_follow_up_adds_or_replaces_a_block() -> None:
    last = Request(kind="what_if", changes=[Change(kind="block", hint="MAYA'S APARTMENT")])
    more = parse_intent("what about the radio station too?", previous=last, lexicon=_LEXICON)
    assert more is not None and more.kind == "what_if" and not more.instead
    assert [(c.kind, c.hint) for c in more.changes] == [("block", "RADIO STATION")]
    other = parse_intent("and the motel instead?", previous=last, lexicon=_LEXICON)
    assert other is not None and other.instead
    assert [c.hint for c in other.changes] == ["RIVERSIDE MOTEL"]
    alone = parse_intent("what about the radio station?", lexicon=_LEXICON)
    assert alone is None or all(c.kind != "block" for c in alone.changes)


def test_the_plans_answer_names_the_sites_it_keeps_coming_back_to() -> None:
    sites = ["BELL HOUSE", "DINER", "BELL HOUSE", "PIER", "BELL HOUSE", "PIER", "DINER", "PIER"]
    days = [{"index": d, "sites": [site], "strips": [str(d)]} for d, site in enumerate(sites)]
    days[3]["sites"].append("DINER")  # DINER on days 2, 4 and 7: three blocks
    overview = overview_facts({"title": "T", "schedule": {"days": days}})
    assert overview["revisited"] == [
        {"site": "BELL HOUSE", "visits": 3},
        {"site": "DINER", "visits": 3},
    ]
    text = write_summary({"kind": "plan", "overview": overview})
    assert "The board visits BELL HOUSE in 3 separate blocks of days and DINER in 3" in text
    assert 'say "shoot BELL HOUSE in one block"' in text
    # The phrase it offers is read as the block what-if.
    lexicon = Lexicon.from_script({"scenes": [{"site": "BELL HOUSE"}, {"site": "DINER"}]})
    assert [c.hint for c in block_changes("shoot BELL HOUSE in one block", lexicon)] == [
        "BELL HOUSE"
    ]
    kept = [{"index": d, "sites": ["PIER"], "strips": [str(d)]} for d in range(4)]
    assert "revisited" not in overview_facts({"schedule": {"days": kept}})
