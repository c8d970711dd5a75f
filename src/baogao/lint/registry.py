"""The rule registry: every rule has a stable id, a family, a severity, a
Chinese message, a reference, and two minimal examples (one where it fires,
one where it stays silent) that the tests and the rule catalogue use.

Adding a rule is one decorated function::

    @rule("half-width-punctuation", family="punctuation", severity="error",
          title="中文里的半角标点", reference="GB/T 15834-2011，标点符号的形式",
          positive="今年,我们", negative="今年，我们")
    def half_width(ctx):
        for m in PATTERN.finditer(...):
            yield ctx.finding_at(p, m.start(), m.end(), "…", suggestion="…")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable, Iterator

from baogao.analysis.measures import analyze
from baogao.errors import UsageError

SEVERITIES = ("error", "warning", "info")
FAMILIES = {
    "punctuation": "标点",
    "numerals": "数字用法",
    "headings": "标题与编号",
    "document": "公文格式",
    "damage": "转载与改写痕迹",
    "formulations": "提法与人名",
    "style": "文风",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    family: str
    severity: str
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_column: int  # 1-based, exclusive: the column just past the finding
    text: str
    message: str
    suggestion: str | None
    reference: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "family": self.family, "severity": self.severity,
                "line": self.line, "column": self.column, "end_column": self.end_column,
                "text": self.text, "message": self.message, "suggestion": self.suggestion,
                "reference": self.reference}


@dataclass
class Rule:
    id: str
    family: str
    severity: str
    title: str
    reference: str
    positive: str  # a minimal text on which the rule fires
    negative: str  # a minimal text on which it stays silent
    check: Callable[["Context"], Iterable[Finding]]
    description: str = ""
    genres: tuple[str, ...] = ("document", "speech")


RULES: dict[str, Rule] = {}


def rule(id: str, *, family: str, severity: str, title: str, reference: str, positive: str,
         negative: str, genres: tuple[str, ...] = ("document", "speech")):
    """Register a rule function ``check(ctx) -> Iterable[Finding]``."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(fn):
        if id in RULES:
            raise ValueError(f"duplicate rule id {id!r}")
        RULES[id] = Rule(id, family, severity, title, reference, positive, negative, fn,
                         (fn.__doc__ or "").strip(), genres)
        fn.rule_id = id
        return fn
    return register


@dataclass
class Context:
    """What rules read: the report and everything computed from it, once."""

    report: object
    rule: Rule | None = None
    #: Work shared between rules of one run (e.g. word boundaries per paragraph).
    cache: dict = field(default_factory=dict)

    @cached_property
    def outline(self):
        return self.report.outline()

    @cached_property
    def analysis(self):

        return analyze(self.report)

    @cached_property
    def kinds(self) -> dict[int, str]:
        """Paragraph index -> element kind."""
        return {e.paragraph: e.kind for e in self.outline.elements}

    def paragraphs(self, *kinds: str):
        """Paragraphs of the given element kinds (all non-boilerplate ones by default)."""
        wanted = set(kinds) if kinds else None
        for p in self.report.paragraphs:
            k = self.kinds.get(p.index, "paragraph")
            if wanted is None and k == "boilerplate":
                continue
            if wanted is None or k in wanted:
                yield p

    def matches(self, pattern, *kinds: str):
        """(paragraph, match) for every match of a compiled pattern in the chosen paragraphs."""
        for p in self.paragraphs(*kinds):
            for m in pattern.finditer(p.text):
                yield p, m

    def finding(self, start: int, end: int, message: str, suggestion: str | None = None,
                *, severity: str | None = None) -> Finding:
        """A finding for report.text[start:end] (offsets into the report's text)."""
        r = self.rule
        line, column = self.report.position(start)
        end = max(end, start + 1)
        line_end = self.report.lines[line - 1].end
        end_column = min(end, line_end) - self.report.lines[line - 1].start + 1
        return Finding(r.id, r.family, severity or r.severity, line, column, max(end_column, column + 1),
                       self.report.text[start:min(end, line_end)], message, suggestion, r.reference)

    def finding_at(self, paragraph, a: int, b: int, message: str, suggestion: str | None = None,
                   **kw) -> Finding:
        """A finding for paragraph.text[a:b]."""
        return self.finding(paragraph.start + a, paragraph.start + b, message, suggestion, **kw)


def iter_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> Iterator[Rule]:
    """Rules chosen by ids or families (``select``), minus ``ignore``."""

    known = set(RULES) | set(FAMILIES)
    for name in list(select or []) + list(ignore or []):
        if name not in known:
            raise UsageError(f"没有名为“{name}”的规则或规则类别：可用的见 baogao lint --list-rules。")
    sel = set(select or [])
    ign = set(ignore or [])
    for r in RULES.values():
        if sel and r.id not in sel and r.family not in sel:
            continue
        if r.id in ign or r.family in ign:
            continue
        yield r
