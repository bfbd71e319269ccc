"""Persistence the graph and app own: plan versions, model usage, router decisions, audit."""
