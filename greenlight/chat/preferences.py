"""Per-session chat settings: which model, privacy, schedule length, currency, rate card.

Chainlit keeps the values a user picks in the session and in the thread's metadata, so they
come back when the session is resumed. `Preferences` is the validated form the turn reads.
"""

from __future__ import annotations

from typing import Any, Literal

from chainlit.input_widget import InputWidget, NumberInput, Select, TextInput
from pydantic import BaseModel, Field, ValidationError, field_validator

from greenlight.settings import Settings

__all__ = ["Preferences", "from_values", "initial_preferences", "widgets"]

MODEL_CHOICES = ("auto", "local", "cloud")
PRIVACY_CHOICES = ("off", "facts_only", "local_only")
LENGTH_CHOICES = ("pages_per_day", "days")


class Preferences(BaseModel):
    """What the user chose for this session."""

    model_preference: Literal["auto", "local", "cloud"] = "auto"
    """Which model answers: the router decides (auto), or always local, or always cloud."""
    privacy_mode: Literal["off", "facts_only", "local_only"] = "facts_only"
    """What may leave the machine: everything, only tool facts, or nothing (local only)."""
    schedule_by: Literal["pages_per_day", "days"] = "pages_per_day"
    """Whether the schedule's length follows a page rate or a fixed number of days."""
    pages_per_day: float = Field(default=4.0, gt=0, le=20)
    days: int | None = Field(default=None, ge=1, le=365)
    """Shoot days when `schedule_by` is "days"."""
    currency: str = Field(default="USD", min_length=3, max_length=3)
    rate_card_name: str | None = None
    """Display name of the rate card uploaded in this session (default card when None)."""

    @field_validator("currency")
    @classmethod
    def _upper(cls, value: str) -> str:
        if not value.isalpha():
            raise ValueError(f"currency {value!r} is not a 3-letter code")
        return value.upper()


def initial_preferences(settings: Settings) -> Preferences:
    """The session's starting values, from the app's configuration."""
    return Preferences(
        model_preference=settings.model_preference,
        privacy_mode=settings.privacy_mode,
        pages_per_day=settings.pages_per_day,
        currency=settings.currency,
    )


def widgets(current: Preferences) -> list[InputWidget]:
    """The chat-settings panel, showing the current values."""
    return [
        Select(
            id="model_preference",
            label="Model",
            values=list(MODEL_CHOICES),
            initial_value=current.model_preference,
            description="auto lets the router pick local or cloud per question.",
        ),
        Select(
            id="privacy_mode",
            label="Privacy",
            values=list(PRIVACY_CHOICES),
            initial_value=current.privacy_mode,
            description="facts_only sends only tool results to a cloud model, never the script.",
        ),
        Select(
            id="schedule_by",
            label="Schedule length",
            values=list(LENGTH_CHOICES),
            initial_value=current.schedule_by,
        ),
        NumberInput(id="pages_per_day", label="Pages per day", initial=current.pages_per_day),
        NumberInput(id="days", label="Shoot days (when scheduling by days)", initial=current.days),
        TextInput(id="currency", label="Currency (ISO code)", initial=current.currency),
    ]


def from_values(values: dict[str, Any], *, base: Preferences) -> Preferences:
    """Validated preferences from the panel's values; ValueError names the bad field."""
    merged = base.model_dump()
    merged.update({k: v for k, v in values.items() if k in Preferences.model_fields})
    if merged.get("days") in ("", 0):
        merged["days"] = None
    try:
        return Preferences.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "settings"
        raise ValueError(f"{field}: {first['msg']} (got {first.get('input')!r})") from None
