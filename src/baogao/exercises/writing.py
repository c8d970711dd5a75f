"""Automatic feedback on a rewritten line, read in the context of its report.

The student's line replaces the original one, the structure parser
(``report.outline()``) reads the new report, and the feedback says what it
sees at that line; the proofreading linter's findings on the line
(``baogao.lint.lint``) are added as advice.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from baogao.exercises.compare import fold
from baogao.lint import lint
from baogao.sources.load import load
from baogao.structure.headings import family
from baogao.text.markers import STYLE_NAMES

_PUNCT = re.compile(r"[\W_]+")


def replace_line(report, line: int, text: str):
    """A new report: ``report`` with line ``line`` (1-based) replaced by ``text``."""

    lines = report.text.split("\n")
    lines[line - 1] = text
    return load("\n".join(lines), name=report.source)


def heading_at(report, line: int):
    return next((h for h in report.outline().headings if h.line == line), None)


def sibling_style(report, line: int) -> str | None:
    """The most common numbering style of the headings at the level of ``line``
    (the style this heading should have), ignoring the heading itself."""
    target = heading_at(report, line)
    if target is None:
        return None
    styles = Counter(family(h.style, h.chinese) for h in report.outline().headings
                     if h.level == target.level and h.line != line and h.style != "none")
    if not styles:
        return None
    return max(styles.items(), key=lambda kv: (kv[1], -list(styles).index(kv[0])))[0]


def _core(text: str) -> str:
    return _PUNCT.sub("", fold(text))


def heading_feedback(report, line: int, text: str) -> tuple[list[tuple[bool, str]], list[str]]:
    """Checks on a rewritten heading — still a heading at its level, in the
    siblings' style, no numbering issue, content kept — and the linter's
    advice on the line (``lint_messages``), as ``(checks, notes)``."""
    text = text.strip()
    if "\n" in text:
        return [(False, "改写应当只有一行：标题不换行。")], []
    original = heading_at(report, line)
    want_style = sibling_style(report, line)
    new = replace_line(report, line, text)
    heading = heading_at(new, line)
    checks: list[tuple[bool, str]] = []
    if heading is None:
        return [(False, "改写后的这一行不再被识别为标题：标题以编号开头，是一句简短的话。")], []
    if original is not None:
        same_level = heading.level == original.level
        checks.append((same_level, f"仍是第 {original.level} 级标题" if same_level
                       else f"层级变了：原为第 {original.level} 级，现为第 {heading.level} 级"))
    if want_style is not None:
        ok = family(heading.style, heading.chinese) == want_style
        checks.append((ok, f"编号样式与同级标题一致（{STYLE_NAMES[want_style]}）" if ok
                       else f"编号样式与同级标题不一致：同级标题多用{STYLE_NAMES[want_style]}"))
    # A lost heading before this one (原标题缺失) is the report's, not this rewrite's.
    issues = [i.message.rstrip("。") for i in new.outline().numbering_issues
              if i.line == line and i.next_heading is None]
    checks.append((True, "这一行没有编号问题") if not issues else (False, "编号问题：" + issues[0]))
    checks += [(False, "编号问题：" + message) for message in issues[1:]]
    if original is not None:
        ratio = difflib.SequenceMatcher(None, _core(original.title), _core(heading.title)).ratio()
        ok = ratio >= 0.8
        checks.append((ok, "保留了原标题的内容" if ok
                       else "标题内容与原文差别较大：不要改动标题的内容（明显的错字除外）"))
    seen = {message for _, message in checks}
    notes = [m for m in lint_messages(new, line)
             if m not in seen and "编号问题：" + m not in seen]
    return checks, list(dict.fromkeys(notes))


def lint_messages(report, line: int) -> list[str]:
    """The linter's messages on ``line`` (1-based), without their final 。.

    The findings are kept with the report: feedback asks about several lines of
    one text (each rewritten heading), and the report is linted once."""
    try:
        findings = report.memo("lint.findings", lint)
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        return [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return [f.message.rstrip("。") for f in findings if f.line == line and f.message]
