"""The graph's state: raw, JSON-serializable records plus the conversation's messages.

Records are stored as plain dicts (the `model_dump(mode="json")` of the tools' pydantic
models) so any checkpointer can store them and any version of the code can read them back;
nodes validate them into models at their boundary. Prompts are never stored here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages

__all__ = ["InputState", "State"]

Record = dict[str, Any]


@dataclass(kw_only=True)
class InputState:
    """What a turn brings: the new message(s) and any attached files."""

    messages: Annotated[Sequence[AnyMessage], add_messages] = field(default_factory=list)
    """The conversation; a turn appends the user's message and the assistant's answer."""
    uploads: list[dict[str, Any]] = field(default_factory=list)
    """Files attached to this turn: {"name", "path"} (saved by the app) or {"name", "data"}.

    The ingest node empties this list, so the bytes never reach a saved checkpoint when the
    turn runs with durability "exit" (as `run_turn` does)."""


@dataclass(kw_only=True)
class State(InputState):
    """Everything a later turn needs to remember, plus this turn's working records."""

    script: Record | None = None
    """The parsed script (`tools.script.Script`), once one was uploaded."""
    inputs: Record = field(default_factory=dict)
    """The current plan's inputs (`tools.plan.PlanInputs`): the constraints so far."""
    plan: Record | None = None
    """The current plan (`tools.plan.Plan`)."""
    version: int | None = None
    """The current plan's version number in the plan store."""
    request: Record | None = None
    """This turn's request (`graph.intents.Request`)."""
    facts: Record = field(default_factory=dict)
    """This turn's facts: the only figures the answer may use."""
    route: Record | None = None
    """This turn's routing decision (`graph.router.RouteDecision`)."""
    answer: Record | None = None
    """How this turn was answered: provider, model, tokens, cost, grounding verdict."""
    artifacts: list[Record] = field(default_factory=list)
    """Files this turn produced (exports): {"name", "path", "format"}."""
    cloud_cost: float = 0.0
    """Cloud spend of this conversation so far, for the session cost cap."""
    turns: int = 0
    """Completed turns, the conversation depth the router sees."""
    last_request: Record | None = None
    """The previous turn's request (ingest clears `request`): what follow-ups lean on."""
    base_inputs: Record | None = None
    """The inputs the what-ifs in force apply to (the first plan's, or a version gone back to)."""
    whatifs: list[list[Record]] = field(default_factory=list)
    """The what-if changes in force, one group per message (`graph.intents.Change` records)."""
