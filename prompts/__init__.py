"""Prompt templates, one module per LLM node, formatted at call time inside the node."""
