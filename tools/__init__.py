"""Deterministic, framework-free tools: parsing, breakdown, schedule, budget, savings.

Nothing in this package imports langchain, langgraph or chainlit (a test enforces it). Tools
take keyword-only options, never mutate their inputs, raise `ValueError` (or a subclass)
naming the bad value, and return plain records.
"""
