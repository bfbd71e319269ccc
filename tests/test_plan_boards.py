"""`make_plan`'s priced boards on a generated feature, and the fresh plan a feature-scale
re-plan falls back to when the stable re-plan finds no board within its time limit."""

from __future__ import annotations

from tests.test_jobs_progress import feature_fountain
from tools.parsing import read_script
from tools.plan import Board, PlanInputs, make_plan
from tools.plan.solving import STUCK_REPLAN
from tools.sites import SiteCorrections


def test_boards_are_priced_and_a_stuck_stable_replan_plans_afresh() -> None:
    script = read_script(feature_fountain(scenes=150, seed=11), filename="f.fountain")
    boards: list[Board] = []
    first = make_plan(script, PlanInputs(time_limit_s=6.0), boards=boards.append)
    assert boards and boards[0].number == 1 and boards[0].method == "lns"
    assert all(b.likely > 0 and b.days > 0 and b.currency == "USD" for b in boards)
    assert [b.number for b in boards] == list(range(1, len(boards) + 1))
    assert boards[0].seconds < first.schedule.seconds + 5

    places = list(dict.fromkeys(s.location for s in script.scenes if s.location))
    corrected = PlanInputs(
        time_limit_s=6.0, site_corrections=SiteCorrections(locations={places[1]: places[0]})
    )
    again: list[Board] = []
    second = make_plan(script, corrected, previous=first, boards=again.append)
    assert second.schedule.days, "the re-plan came back without a board"
    if STUCK_REPLAN in second.schedule.diagnosis:  # the stable model found nothing in 6 s
        assert again and second.summary.text[-1] == STUCK_REPLAN
    else:
        # The stable paths: the previous board repaired and improved by LNS at this size,
        # or the monolithic model should that repair fail.
        assert second.schedule.method in {"lns", "cp-sat"}
