"""How a finding reads: one wording for the command line, the widgets and the rule catalogue.

- ``location_text(f)``: 第 7 行第 9 列
- ``suggestion_text(f)``: 建议改为：“习近平”, 建议：删除 (suggestion ``""``), or None
  (no suggestion)
- ``message_text(f)``: the message, then the suggestion
- ``quoted_text(f)``: the text found, in quotation marks
- ``finding_text(f)``: 第 7 行第 9 列 “习金平”：…之误：规范表述须一字不差。　建议改为：“习近平”
- ``labels_text(f)``: 提法与人名 · 错误 · name-near-miss
- ``summary_text(findings)``: 共 3 条：错误 2，警告 1，提示 0。

Severity and family labels are ``SEVERITY_LABELS`` and ``FAMILIES`` in
``registry.py``, next to the codes they label. Callers lay these pieces out
(one line of a terminal, a tooltip, an HTML block) and escape them for HTML;
the words are the same everywhere.
"""

from __future__ import annotations

from collections import Counter

from baogao.lint.registry import FAMILIES, SEVERITIES, SEVERITY_LABELS, Finding

#: Between a message and its suggestion (an ideographic space).
SEPARATOR = "\u3000"


def location_text(f: Finding) -> str:
    """Where a finding starts: 第 7 行第 9 列."""
    return f"第 {f.line} 行第 {f.column} 列"


def suggestion_text(f: Finding) -> str | None:
    """The suggestion as a student reads it: 建议改为：“X”, 建议：删除, or None.

    A suggestion that is itself quoted (“创青春”“挑战杯”) or a title in
    《》 is not put in quotation marks again.
    """
    if f.suggestion is None:
        return None
    if f.suggestion == "":
        return "建议：删除"
    if _delimited(f.suggestion):
        return f"建议改为：{f.suggestion}"
    return f"建议改为：“{f.suggestion}”"


def _delimited(text: str) -> bool:
    return len(text) >= 2 and (text[0], text[-1]) in (("“", "”"), ("《", "》"))


def message_text(f: Finding) -> str:
    """The message, followed by the suggestion when there is one."""
    suggestion = suggestion_text(f)
    return f.message if suggestion is None else f"{f.message}{SEPARATOR}{suggestion}"


def quoted_text(f: Finding, clip: int | None = None) -> str:
    """The text found in quotation marks, cut to ``clip`` characters (with …) when longer."""
    text = f.text if clip is None or len(f.text) <= clip else f.text[:clip] + "…"
    return f"“{text}”"


def finding_text(f: Finding, clip: int | None = None) -> str:
    """A finding in one line: where, what was found, the message and the suggestion."""
    return f"{location_text(f)} {quoted_text(f, clip)}：{message_text(f)}"


def labels_text(f: Finding) -> str:
    """Family, severity and rule id: 提法与人名 · 错误 · name-near-miss."""
    return f"{FAMILIES[f.family]} · {SEVERITY_LABELS[f.severity]} · {f.rule}"


def summary_text(findings) -> str:
    """How many findings of each severity: 共 3 条：错误 2，警告 1，提示 0。"""
    counts = Counter(f.severity for f in findings)
    by_severity = "，".join(f"{SEVERITY_LABELS[s]} {counts[s]}" for s in SEVERITIES)
    return f"共 {len(findings)} 条：{by_severity}。"
