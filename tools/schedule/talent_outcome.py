"""What a talent search returns: the best group order found, its cost, and a lower bound."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TalentOutcome"]


@dataclass(frozen=True)
class TalentOutcome:
    """The best group order found, its DP cost, and a lower bound on every order's DP cost."""

    groups: list[int]
    cost: float
    bound: float

    @property
    def proven(self) -> bool:
        """True when no order is cheaper than the one found."""
        return self.bound >= self.cost - 1e-6 * max(1.0, abs(self.cost))
