"""The domain stays pure: no framework, no I/O, no asyncio, no wall clock, no process state."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "app" / "domain"
FORBIDDEN_MODULES = {
    "fastapi", "starlette", "sqlmodel", "sqlalchemy", "pydantic", "asyncio", "time",
    "os", "socket", "redis", "httpx", "requests", "threading", "subprocess", "gc",
}  # fmt: skip
# Beyond the standard library, only numpy, where many numbers are computed at once: vectors
# compared, the value bound (an LP dual over every valued pair, tens of times too slow in pure
# Python at 500 people), circle seats traded by value, and tables' seat swaps priced as arrays;
# and networkx's blossom algorithm for round 1's exact matching.
THIRD_PARTY_ALLOWED = {
    "numpy": (
        DOMAIN / "matchmaking",
        DOMAIN / "scheduler" / "check" / "bound.py",
        DOMAIN / "scheduler" / "pairs" / "early.py",
        DOMAIN / "scheduler" / "tables" / "valued.py",
    ),
    "networkx": (DOMAIN / "scheduler" / "pairs" / "first_round.py",),
}
WALL_CLOCK_CALLS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter"}
SOURCES = sorted(DOMAIN.rglob("*.py"))


def imported_modules(tree: ast.AST) -> set[str]:
    """Name every module a source file imports, absolute."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_domain_module_imports_no_framework_and_no_io(source: Path) -> None:
    modules = imported_modules(ast.parse(source.read_text()))
    assert not {m for m in modules if m.split(".")[0] in FORBIDDEN_MODULES}
    assert not {m for m in modules if m.startswith("app.") and not m.startswith("app.domain")}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_domain_module_imports_only_the_standard_library_and_numpy_where_allowed(
    source: Path,
) -> None:
    tops = {m.split(".")[0] for m in imported_modules(ast.parse(source.read_text()))}
    outside = tops - set(sys.stdlib_module_names) - {"app"}
    homes = {top: THIRD_PARTY_ALLOWED.get(top, ()) for top in outside}
    assert not {top for top, home in homes.items() if not any(map(source.is_relative_to, home))}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_domain_module_never_reads_the_wall_clock(source: Path) -> None:
    tree = ast.parse(source.read_text())
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not calls & WALL_CLOCK_CALLS
