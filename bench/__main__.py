"""Run the benchmark sections: `python -m bench [SECTION ...] [--quick]`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time

import bench


def sections() -> dict[str, object]:
    """Every module in `bench/` that defines `run(args)`, by name."""
    found: dict[str, object] = {}
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if hasattr(module, "run"):
            found[info.name] = module
    return found


def main() -> int:
    """Parse the section names and run them in order."""
    available = sections()
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help=f"sections: {', '.join(available)}")
    parser.add_argument("--quick", action="store_true", help="smaller instances, shorter limits")
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in available]
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}; choose from {', '.join(available)}")
    for name in args.names or list(available):
        started = time.perf_counter()
        print(f"\n== {name} ==", flush=True)
        available[name].run(args)  # type: ignore[attr-defined]
        print(f"({name}: {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
