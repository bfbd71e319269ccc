"""The complexity router: a pure score of the message, then a policy picks local or cloud.

`score_message` looks only at the text and the conversation depth (no model, no I/O), so it
decides in microseconds and its reason can be shown to the user. `choose_route` applies the
policy in a fixed order: privacy, user preference, availability, session cost cap, then the
complexity rule (simple local, complex cloud, moderate as configured).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Complexity",
    "ComplexityScore",
    "RouteDecision",
    "RoutePolicy",
    "Target",
    "choose_route",
    "score_message",
]

Complexity = Literal["simple", "moderate", "complex"]
Target = Literal["local", "cloud"]

#: Score boundaries: below SIMPLE_BELOW is simple, from COMPLEX_FROM on is complex.
SIMPLE_BELOW = 1.5
COMPLEX_FROM = 3.0

_REASONING = re.compile(
    r"\b(why|explain\w*|justify|trade-?offs?|recommend\w*|should (?:we|i)|worth|risk\w*|"
    r"impact|strateg\w*|prioriti[sz]e|pros and cons|best way|how (?:can|could|would|should) "
    r"(?:we|you)|implications?|optimi[sz]e|balance|cut|sacrific\w*|minimi[sz]e|maximi[sz]e|"
    r"contingency|restructure|rebuild|walk me through|what do you think)\b",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(compare|comparison|versus|vs\.?|difference|differ|better|worse|cheaper|"
    r"instead|alternatives?|what changed|against)\b",
    re.I,
)
_STEPS = re.compile(r"\b(and then|then|after that|also|plus|as well|additionally)\b|;", re.I)
_ESTIMATE = re.compile(r"\b(estimate|how much would|forecast|project(?:ed)?)\b", re.I)
_CHANGES = re.compile(
    r"\b\d+\s*(?:shooting\s+)?days\b|\bpages?\s*(?:a|per)\s*day\b"
    r"|\b(?:unavailable|not available|only available|can'?t (?:work|do)|cannot work|is out)\b"
    r"|\b(?:pin|lock|move)\b|\bscene\s+\d+\w?\s+(?:to|on)\s+day\b|\b(?:stage|backlot)\b"
    r"|[$€£]\s*\d|\b\d+(?:\.\d+)?\s*(?:k|m|million|thousand)\b"
    r"|\b\d+[- ]hour days?\b|\bhours? (?:a|per) day\b"
    r"|\bweek\s+(?:\d+|one|two|three)\b|\b(?:first|second|last) week\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ComplexityScore:
    """How demanding a message is, with the features that made the score."""

    level: Complexity
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class RoutePolicy:
    """The overrides the user and the settings impose on the complexity rule."""

    preference: Literal["auto", "local", "cloud"] = "auto"
    privacy_mode: Literal["off", "facts_only", "local_only"] = "facts_only"
    moderate_target: Target = "local"
    session_cloud_cost: float = 0.0
    cloud_cost_cap: float = 1.0
    cloud_available: bool = False
    local_available: bool = True


@dataclass(frozen=True, slots=True)
class RouteDecision:
    """Where the answer is written, and what the cloud may see if it goes there."""

    target: Target
    complexity: Complexity
    score: float
    reason: str
    cloud_sees: Literal["everything", "facts", "nothing"]


def _features(message: str, depth: int) -> list[tuple[str, float]]:
    words = len(message.split())
    changes = len(_CHANGES.findall(message))
    found = [
        ("length", 0.5 * sum(words > limit for limit in (15, 25, 45))),
        ("reasoning words", min(3.0, 1.5 * len(_REASONING.findall(message)))),
        ("comparison words", min(2.0, 1.5 * len(_COMPARISON.findall(message)))),
        ("several steps", min(1.5, 0.75 * len(_STEPS.findall(message)))),
        ("several questions", 1.0 if message.count("?") > 1 else 0.0),
        ("an estimate", 1.5 if _ESTIMATE.search(message) else 0.0),
        ("what-if changes", min(3.5, 1.5 + 0.75 * (changes - 1)) if changes else 0.0),
        ("deep conversation", 0.5 if depth > 10 else 0.0),
    ]
    return [(name, value) for name, value in found if value]


def score_message(message: str, *, depth: int = 0) -> ComplexityScore:
    """Score a message (and the number of turns so far) into simple / moderate / complex."""
    if depth < 0:
        raise ValueError(f"conversation depth must be >= 0, got {depth}")
    features = _features(message, depth)
    score = round(sum(value for _, value in features), 2)
    level: Complexity = (
        "simple" if score < SIMPLE_BELOW else "moderate" if score < COMPLEX_FROM else "complex"
    )
    because = ", ".join(f"{name} +{value:g}" for name, value in features) or "a short request"
    return ComplexityScore(level=level, score=score, reason=f"{level} ({score:g}): {because}")


def choose_route(score: ComplexityScore, policy: RoutePolicy) -> RouteDecision:
    """Pick local or cloud for a scored message under the policy, saying why."""
    sees: Literal["everything", "facts", "nothing"] = (
        "everything"
        if policy.privacy_mode == "off"
        else "facts"
        if policy.privacy_mode == "facts_only"
        else "nothing"
    )

    def decide(target: Target, why: str) -> RouteDecision:
        return RouteDecision(
            target=target,
            complexity=score.level,
            score=score.score,
            reason=f"{why}; {score.reason}",
            cloud_sees=sees if target == "cloud" else "nothing",
        )

    if policy.privacy_mode == "local_only":
        return decide("local", "privacy mode keeps every answer on this machine")
    if policy.preference == "local":
        return decide("local", "the user prefers the local model")
    if not policy.cloud_available:
        return decide("local", "no cloud model is configured or reachable")
    if policy.session_cloud_cost >= policy.cloud_cost_cap:
        return decide(
            "local",
            f"this session's cloud cost {policy.session_cloud_cost:.4f} reached the cap "
            f"{policy.cloud_cost_cap:.4f}",
        )
    if policy.preference == "cloud" or not policy.local_available:
        why = (
            "the user prefers the cloud model"
            if policy.preference == "cloud"
            else ("no local model is available")
        )
        return decide("cloud", why)
    if score.level == "simple":
        return decide("local", "simple requests go to the local model")
    if score.level == "complex":
        return decide("cloud", "complex requests go to the cloud model")
    return decide(
        policy.moderate_target, f"moderate requests go {policy.moderate_target} by policy"
    )
