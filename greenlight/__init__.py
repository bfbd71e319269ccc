"""Greenlight's edge: settings and the `greenlight` command line.

Everything that reads the environment or the command line lives here; `tools/`, `graph/`
and `store/` receive what they need as arguments.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
