"""The understand node's prompt: classify a message the rules could not read.

Placeholders: `message` only. The script's text never goes into this prompt, so it may be
sent to a cloud model under the "facts_only" privacy mode.
"""

from __future__ import annotations

__all__ = ["SYSTEM", "USER"]

SYSTEM = """Classify a film producer's chat message into a planning request.
kind is one of: plan (plan the uploaded script), show (view: schedule, stripboard, dood,
budget, savings, summary), what_if (changes: days, pages_per_day, hours_per_day, unavailable
(actor + 0-based days), pin (scene + one 0-based day), stage (scene or hint), budget_cap),
compare (versions), revert (versions), export (export_format csv, xlsx or json), render_cost
(an AI-generated shot's cost), question (scene or category), chat (anything else).
Days in the message are 1-based; write them 0-based. Leave out what the message does not say.
The message is: {message}"""

USER = "{message}"
