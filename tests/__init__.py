"""Greenlight test suite (a package so `tests.pgserver` and `tests.fakes` import by name)."""
