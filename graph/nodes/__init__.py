"""The graph's nodes, one module per concern; each node is a small async function."""

from graph.nodes.documents import print_document
from graph.nodes.ingest import ingest_files
from graph.nodes.lookup import answer_question, estimate_render, export_plan, show_plan
from graph.nodes.planning import compare_versions, plan_script, switch_version
from graph.nodes.progress import record_progress
from graph.nodes.respond import respond, route_model
from graph.nodes.understand import understand_request

__all__ = [
    "answer_question",
    "compare_versions",
    "estimate_render",
    "export_plan",
    "ingest_files",
    "plan_script",
    "print_document",
    "record_progress",
    "respond",
    "route_model",
    "show_plan",
    "switch_version",
    "understand_request",
]
