"""The proofreading linter: ``baogao.lint.lint(report)`` → findings.

Rules live in one module per family and register themselves (see
``registry.py``); ``catalogue()`` lists them with their examples.
"""

from __future__ import annotations

from baogao.lazy import pandas as pd
from baogao.lint import (  # noqa: F401  (registration)
    damage,
    document,
    formulations,
    headings,
    numerals,
    phrasing,
    punctuation,
    style,
)
from baogao.lint.registry import (
    FAMILIES,
    RULES,
    SEVERITIES,
    SEVERITY_LABELS,
    Context,
    Finding,
    Rule,
    iter_rules,
)
from baogao.sources.load import load

SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def lint(report, *, select=None, ignore=None) -> list[Finding]:
    """All findings of the chosen rules on a report, by line and column."""
    report = load(report)
    ctx = Context(report)
    genre = ctx.outline.genre
    out: list[Finding] = []
    for r in iter_rules(select, ignore):
        if genre not in r.genres:
            continue
        ctx.rule = r
        out.extend(r.check(ctx))
    seen, unique = set(), []
    for f in sorted(out, key=lambda f: (f.line, f.column, SEVERITY_ORDER[f.severity], f.rule)):
        key = (f.rule, f.line, f.column, f.end_column)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def findings_frame(findings):
    """Findings as a pandas DataFrame (one row each, the JSON fields as columns)."""
    cols = ["rule", "family", "severity", "line", "column", "end_column", "start", "end", "text",
            "message", "suggestion", "reference"]
    return pd.DataFrame([f.to_dict() for f in findings], columns=cols)


def catalogue() -> list[Rule]:
    """Every rule, by family then id."""
    order = list(FAMILIES)
    return sorted(RULES.values(), key=lambda r: (order.index(r.family), r.id))


__all__ = ["lint", "findings_frame", "catalogue", "RULES", "FAMILIES", "SEVERITIES", "SEVERITY_LABELS",
           "Finding", "Rule"]
