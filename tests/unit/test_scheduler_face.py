"""The services reach the scheduler through its package face only."""

from __future__ import annotations

import ast
from pathlib import Path

import app.domain.scheduler as scheduler

SERVICES = sorted((Path(__file__).resolve().parents[2] / "app" / "services").glob("*.py"))


def scheduler_imports() -> list[tuple[str, str, str]]:
    """List (service file, module, name) for every name a service imports from the scheduler."""
    found = []
    for source in SERVICES:
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                found += [(source.name, a.name, "") for a in node.names if "scheduler" in a.name]
            elif isinstance(node, ast.ImportFrom) and "scheduler" in (node.module or ""):
                found += [(source.name, node.module or "", a.name) for a in node.names]
    return found


def test_services_import_the_scheduler_from_its_face_only():
    imports = scheduler_imports()
    assert imports, "no service imports the scheduler: the test would prove nothing"
    assert {module for _, module, _ in imports} == {"app.domain.scheduler"}


def test_the_face_exports_what_services_use_and_the_values_they_get_back():
    used = {name for _, _, name in scheduler_imports()}
    assert set(scheduler.__all__) == used | {"PlanReport", "Replan"}
    assert all(hasattr(scheduler, name) for name in scheduler.__all__)
