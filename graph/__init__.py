"""The LangGraph state graph behind the chat: state, intents, router, providers, nodes.

The edge (CLI, app) opens the assistant once with `open_assistant(settings)` and runs each
message with `run_turn(...)`; tests compile `build_graph()` with their own parts.
"""

from graph.build import build_graph, compile_graph
from graph.session import Assistant, TurnResult, delete_thread, open_assistant, run_turn

__all__ = [
    "Assistant",
    "TurnResult",
    "build_graph",
    "compile_graph",
    "delete_thread",
    "open_assistant",
    "run_turn",
]
