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

#: Severities, most serious first, and the label a student reads for each.
SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
#: Families of rules and their labels, in catalogue order.
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
    """One problem the linter found in a report.

    - ``rule``: the id of the rule that found it (``"name-near-miss"``); its
      title and examples are in ``baogao.lint.RULES[rule]``.
    - ``family``: the rule's family (``"formulations"``; Chinese labels in
      ``baogao.lint.FAMILIES``).
    - ``severity``: ``"error"`` (a mistake), ``"warning"`` (probably one: read
      it) or ``"info"`` (advice on style); labels in ``SEVERITY_LABELS``.
    - ``line``, ``column``: where it starts, both 1-based; the column counts
      characters (not bytes) from the start of the line.
    - ``end_column``: the column just past its last character on that line
      (exclusive), so ``report.line(line).text[column - 1:end_column - 1] == text``.
    - ``start``, ``end``: the same place as offsets into ``report.text``
      (``end`` exclusive, at least ``start + 1``), with
      ``report.position(start) == (line, column)``. A finding is reported on
      the line where it starts: ``text`` stops at the end of that line, so
      ``report.text[start:end] == text`` whenever ``end`` is on that line too.
    - ``text``: the text found, as written.
    - ``message``: what is wrong, in one Chinese sentence.
    - ``suggestion``: the text to write instead of ``text``; ``""`` means
      delete it; ``None`` means the linter has no single replacement to offer
      (read the message and decide).
    - ``reference``: the standard or the lesson the rule follows
      (``"GB/T 15834-2011，标点符号的形式"``).

    ``to_dict()`` gives these fields as a dict (``baogao lint --json``).
    """

    rule: str
    family: str
    severity: str
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_column: int  # 1-based, exclusive: the column just past the finding on its line
    start: int  # offset into report.text
    end: int  # offset into report.text, exclusive; may lie past the end of the line
    text: str
    message: str
    suggestion: str | None
    reference: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "family": self.family, "severity": self.severity,
                "line": self.line, "column": self.column, "end_column": self.end_column,
                "start": self.start, "end": self.end,
                "text": self.text, "message": self.message, "suggestion": self.suggestion,
                "reference": self.reference}


@dataclass
class Rule:
    """A proofreading rule: ``check(ctx)`` yields its findings on a report.

    - ``id``: a stable name (``"half-width-punctuation"``), for
      ``lint(report, select=[...])`` and ``baogao lint --select``.
    - ``family``: its family (``"punctuation"``; labels in ``FAMILIES``).
    - ``severity``: the severity of its findings (``"error"``, ``"warning"``
      or ``"info"``; a rule may give a single finding another one).
    - ``title``: what it checks, in a few Chinese words (``"中文里的半角标点"``).
    - ``reference``: the standard or lesson it follows.
    - ``positive``: a minimal text on which it fires; ``negative``: a minimal
      text on which it stays silent (both tested, both in docs/rules.md).
    - ``check``: the function that finds the problems.
    - ``description``: what it checks, in English (the function's docstring).
    - ``genres``: the genres of report it runs on (``Outline.genre``:
      ``"document"``, ``"speech"``, ``"unknown"``; labels in ``structure.outline.GENRE_LABELS``).
    """

    id: str
    family: str
    severity: str
    title: str
    reference: str
    positive: str  # a minimal text on which the rule fires
    negative: str  # a minimal text on which it stays silent
    check: Callable[["Context"], Iterable[Finding]]
    description: str = ""
    genres: tuple[str, ...] = ("document", "speech", "unknown")


RULES: dict[str, Rule] = {}


def rule(id: str, *, family: str, severity: str, title: str, reference: str, positive: str,
         negative: str, genres: tuple[str, ...] = ("document", "speech", "unknown")):
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

    @cached_property
    def continued(self) -> frozenset[int]:
        """Lines (1-based) of the pieces of a split paragraph that the next piece goes on
        from (every piece but the last; ``Outline.split_paragraphs``)."""
        return frozenset(line for s in self.outline.split_paragraphs for line in s.lines[:-1])

    def units(self):
        """The chosen paragraphs (non-boilerplate) as units of reading: a paragraph on its
        own, or the pieces of a split paragraph together, in order (a list of paragraphs)."""
        group_of = {line: s.lines for s in self.outline.split_paragraphs for line in s.lines}
        unit: list = []
        for p in self.paragraphs():
            unit.append(p)
            if p.line not in self.continued or group_of[p.line][-1] == p.line:
                yield unit
                unit = []
        if unit:
            yield unit

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
        """A finding for report.text[start:end] (offsets into the report's text).

        An empty span is widened to one character; ``text`` and ``end_column``
        stop at the end of the line where the finding starts (``end`` does not).
        """
        r = self.rule
        line, column = self.report.position(start)
        end = max(end, start + 1)
        line_start, line_end = self.report.lines[line - 1].start, self.report.lines[line - 1].end
        end_column = min(end, line_end) - line_start + 1
        return Finding(r.id, r.family, severity or r.severity, line, column, max(end_column, column + 1),
                       start, end, self.report.text[start:min(end, line_end)], message, suggestion,
                       r.reference)

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
