"""Benchmarks: `make bench` runs every section; `python -m bench SECTION ...` runs some.

Each module here with a `run(args) -> None` function is a section that prints its own table.
"""
