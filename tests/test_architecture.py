"""Meta-tests: the dependency direction, the public surface and the docstrings hold."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

from graph.config import GraphSettings
from greenlight.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ("langchain", "langgraph", "chainlit", "langchain_core", "langchain_openai")


def _python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", _python_files("tools"), ids=lambda p: str(p.relative_to(ROOT)))
def test_tools_are_framework_free(path: Path) -> None:
    bad = {root for root in _imported_roots(path) if root.startswith(FRAMEWORKS)}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _python_files("tools"), ids=lambda p: str(p.relative_to(ROOT)))
def test_tools_do_not_import_upwards(path: Path) -> None:
    bad = _imported_roots(path) & {"graph", "greenlight", "store", "app", "prompts"}
    assert not bad, f"{path} imports {bad}: tools <- graph <- app.py"


@pytest.mark.parametrize("path", _python_files("graph"), ids=lambda p: str(p.relative_to(ROOT)))
def test_graph_does_not_import_the_app(path: Path) -> None:
    bad = _imported_roots(path) & {"app", "chainlit", "greenlight"}
    assert not bad, f"{path} imports {bad}: settings reach the graph as graph.config.GraphSettings"


def test_the_settings_satisfy_the_graphs_view_of_them() -> None:
    fields = {n for n in dir(GraphSettings) if not n.startswith("_")}
    missing = {n for n in fields if not hasattr(Settings(), n)}
    assert fields and not missing, f"Settings lacks {missing}"


def _public_modules() -> list[str]:
    names = []
    for package in ("tools", "graph", "store", "greenlight", "jobs"):
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
            if not info.name.split(".")[-1].startswith("_"):
                names.append(info.name)
    return names


@pytest.mark.parametrize("name", _public_modules())
def test_modules_and_public_functions_have_docstrings(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__ and module.__doc__.strip(), f"{name} has no module docstring"
    for attr in getattr(module, "__all__", []):
        obj = getattr(module, attr)
        if callable(obj) and getattr(obj, "__module__", None) == name:
            assert obj.__doc__ and obj.__doc__.strip(), f"{name}.{attr} has no docstring"


@pytest.mark.parametrize("name", _public_modules())
def test_declared_public_surface_exists(name: str) -> None:
    module = importlib.import_module(name)
    for attr in getattr(module, "__all__", []):
        assert hasattr(module, attr), f"{name}.__all__ names {attr!r}, which does not exist"


@pytest.mark.parametrize(
    "path",
    [p for pkg in ("tools", "graph", "store", "greenlight", "prompts") for p in _python_files(pkg)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_jobs_imports_celery_and_nothing_below_imports_jobs(path: Path) -> None:
    roots = _imported_roots(path)
    assert not roots & {"celery", "kombu"}, f"{path} imports celery: only jobs/ may"
    if path.is_relative_to(ROOT / "tools") or path.is_relative_to(ROOT / "graph"):
        assert "jobs" not in roots, f"{path} imports jobs/: the edge injects the runner"
