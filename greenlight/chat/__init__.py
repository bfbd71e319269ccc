"""The chat's infrastructure: uploads, settings, charts, tables, downloads, persistence, the turn.

`app.py` holds only Chainlit handlers; everything they need lives here, and the one seam where
the planning graph plugs in is `greenlight.chat.turn.run_turn`.
"""

__all__: list[str] = []
