"""The rule catalogue (docs/rules.md), generated from the registry.

``python -m baogao.lint.ruledoc > docs/rules.md`` regenerates it; a test
fails when the committed file is out of date.
"""

from __future__ import annotations

import sys

from baogao.lint import catalogue, lint
from baogao.lint.format import finding_text
from baogao.lint.registry import FAMILIES, SEVERITY_LABELS
from baogao.sources.load import load


def example_findings(r):
    """The findings of rule ``r`` on its own positive example."""
    return lint(load(r.positive), select=[r.id])


def markdown() -> str:
    out = ["# 规则目录 Rule catalogue", "",
           "Generated from the registry by `python -m baogao.lint.ruledoc`; do not edit by hand.",
           "Every rule fires on its positive example and stays silent on its negative one (tested).",
           ""]
    rules = catalogue()
    out.append("| id | family | severity | 规则 |")
    out.append("|---|---|---|---|")
    for r in rules:
        out.append(f"| `{r.id}` | {r.family} | {r.severity} | {r.title} |")
    for family, name in FAMILIES.items():
        members = [r for r in rules if r.family == family]
        if not members:
            continue
        out += ["", f"## {name}（{family}）"]
        for r in members:
            out += ["", f"### `{r.id}` — {r.title}", "",
                    f"- 级别：{SEVERITY_LABELS[r.severity]} {r.severity}",
                    f"- 依据：{r.reference}",
                    f"- 适用：{'仅公文' if r.genres == ('document',) else '所有报告'}",
                    f"- What it checks: {' '.join(r.description.split())}"]
            out += ["", "触发示例：", "", "```text", r.positive, "```", ""]
            for f in example_findings(r)[:3]:
                out.append(f"- {finding_text(f)}")
            out += ["", "不触发示例：", "", "```text", r.negative, "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(markdown())
