"""Every assignment the kit ships, found by walking this package.

A module of ``baogao.exercises`` that defines a module-level ``assignment``
(an ``Assignment``) registers it under ``assignment.name`` — the stem of its
notebooks (``solutions/00_sample.ipynb`` → ``00_sample``). Nothing to list by
hand, so a generic test can walk every exercise.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..errors import UsageError
from .problems import Assignment

#: Modules of the framework itself (they define no assignment).
FRAMEWORK = frozenset({"collect", "compare", "outcomes", "problems", "registry", "reports",
                       "writing"})


def assignment_modules() -> list[str]:
    from .. import exercises

    return sorted(f"{exercises.__name__}.{m.name}" for m in pkgutil.iter_modules(exercises.__path__)
                  if not m.name.startswith("_") and m.name not in FRAMEWORK)


def assignments() -> dict[str, Assignment]:
    """Name → assignment, in name order."""
    found: dict[str, Assignment] = {}
    for module_name in assignment_modules():
        module = importlib.import_module(module_name)
        assignment = getattr(module, "assignment", None)
        if not isinstance(assignment, Assignment):
            continue
        if assignment.name in found:
            raise ValueError(f"assignment {assignment.name} defined twice ({module_name})")
        found[assignment.name] = assignment
    return dict(sorted(found.items()))


def get_assignment(name: str) -> Assignment:
    known = assignments()
    if name not in known:
        raise UsageError(f"没有名为“{name}”的作业：已有 {'、'.join(known) or '（无）'}。")
    return known[name]
