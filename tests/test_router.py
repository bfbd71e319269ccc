"""The complexity router: accuracy on the labelled set, the policy's overrides, its reasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.router import ComplexityScore, RoutePolicy, choose_route, score_message

LABELS = Path(__file__).parent / "data" / "router_labels.jsonl"
HELD_OUT = Path(__file__).parent / "data" / "router_labels_heldout.jsonl"
#: Measured: 68/68 on the set the weights were tuned on; 18/20 on the held-out set written
#: after tuning and never tuned against.
TUNED_THRESHOLD = 0.95
HELD_OUT_THRESHOLD = 0.85


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _accuracy(path: Path) -> float:
    rows = _rows(path)
    hits = sum(score_message(row["text"]).level == row["label"] for row in rows)
    return hits / len(rows)


def test_labelled_set_is_big_and_balanced() -> None:
    rows = _rows(LABELS)
    assert len(rows) >= 60
    for level in ("simple", "moderate", "complex"):
        assert sum(row["label"] == level for row in rows) >= 15


def test_accuracy_on_the_labelled_set() -> None:
    accuracy = _accuracy(LABELS)
    print(f"router accuracy on {LABELS.name}: {accuracy:.3f}")
    assert accuracy >= TUNED_THRESHOLD


def test_accuracy_on_the_held_out_set() -> None:
    accuracy = _accuracy(HELD_OUT)
    print(f"router accuracy on {HELD_OUT.name}: {accuracy:.3f}")
    assert accuracy >= HELD_OUT_THRESHOLD


@pytest.mark.parametrize(
    ("message", "depth", "level", "reason_word"),
    [
        ("show the schedule", 0, "simple", "short request"),
        ("Shoot it in 18 days", 0, "moderate", "what-if"),
        ("compare version 2 and 3", 0, "moderate", "comparison"),
        ("pin scene 4 to day 1 and scene 9 to day 2, then compare", 0, "complex", "steps"),
        ("show the schedule", 12, "simple", "deep conversation"),
    ],
)
def test_score_names_its_features(message: str, depth: int, level: str, reason_word: str) -> None:
    score = score_message(message, depth=depth)
    assert score.level == level
    assert reason_word in score.reason


def test_deeper_conversations_score_higher() -> None:
    assert score_message("why?", depth=20).score > score_message("why?", depth=0).score


def test_negative_depth_is_rejected() -> None:
    with pytest.raises(ValueError, match="-1"):
        score_message("hi", depth=-1)


SIMPLE = ComplexityScore("simple", 0.0, "simple (0)")
MODERATE = ComplexityScore("moderate", 2.0, "moderate (2)")
COMPLEX = ComplexityScore("complex", 4.0, "complex (4)")


def cloud(**options: Any) -> RoutePolicy:
    """A policy with a cloud model available."""
    return RoutePolicy(cloud_available=True, **options)


@pytest.mark.parametrize(
    ("score", "policy", "target", "sees", "why"),
    [
        (SIMPLE, cloud(), "local", "nothing", "simple requests"),
        (COMPLEX, cloud(), "cloud", "facts", "complex requests"),
        (MODERATE, cloud(), "local", "nothing", "moderate requests go local"),
        (MODERATE, cloud(moderate_target="cloud"), "cloud", "facts", "policy"),
        (COMPLEX, cloud(privacy_mode="local_only"), "local", "nothing", "privacy"),
        (COMPLEX, cloud(privacy_mode="off"), "cloud", "everything", "complex"),
        (
            COMPLEX,
            cloud(preference="local"),
            "local",
            "nothing",
            "prefers the local",
        ),
        (SIMPLE, cloud(preference="cloud"), "cloud", "facts", "prefers the cloud"),
        (COMPLEX, RoutePolicy(cloud_available=False), "local", "nothing", "no cloud model"),
        (
            COMPLEX,
            cloud(session_cloud_cost=1.5, cloud_cost_cap=1.0),
            "local",
            "nothing",
            "reached the cap",
        ),
        (SIMPLE, cloud(local_available=False), "cloud", "facts", "no local model"),
    ],
)
def test_policy_overrides(
    score: ComplexityScore, policy: RoutePolicy, target: str, sees: str, why: str
) -> None:
    decision = choose_route(score, policy)
    assert decision.target == target
    assert decision.cloud_sees == sees
    assert why in decision.reason
    assert score.reason in decision.reason
