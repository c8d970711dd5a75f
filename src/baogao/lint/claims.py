"""Findings of any proofreading tool, read for scoring against the specimen's errata.

A tool's findings on the raw specimen (``report_raw.txt``; in Python
``baogao.specimen()``) are a JSON array, or an object whose ``findings`` is
that array. Each finding is an object with (docs/cli.md, ``baogao score``):

- where it starts: ``line`` and ``column`` (both 1-based, the column in
  characters), or ``start`` (a 0-based character offset into the specimen's
  text, line endings ``\\n``); ``line``/``column`` win when both are given;
- how long it is: ``end_column`` (exclusive, with ``line``/``column``),
  ``length``, ``end`` (an exclusive offset, with ``start``) or, failing
  those, ``text`` (its length); a span is cut at the end of its first line;
- what it is, all optional: ``family`` (one of the kit's rule families),
  ``rule`` (any name; one of the kit's rule ids gives that rule's family),
  ``category`` (one of the errata's categories). A finding of the family
  ``style`` is advice on style, which the errata do not record: it is not
  scored (a tool marks its own advice so). Other fields are ignored.

``baogao lint specimen --json`` is in this form. Anything else is a
``ClaimsError`` with one Chinese sentence naming the finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from baogao.errors import BaogaoError
from baogao.lint.registry import FAMILIES, RULES
from baogao.sources.errata import CATCHABLE

#: Families whose findings are advice rather than defects: they are not scored.
UNSCORED_FAMILIES = ("style",)


class ClaimsError(BaogaoError):
    """Findings that cannot be scored: not JSON, or a finding without a place."""


@dataclass(frozen=True)
class Claim:
    """One finding as the scorer reads it.

    - ``index``: its position in the tool's list (0-based; messages count from 1).
    - ``line``, ``column``, ``width``: where it is on the specimen (1-based line
      and column, width in characters, cut at the end of the line).
    - ``rule``, ``family``, ``category``: what the tool says it is (each ``None``
      when not given); ``family`` is filled in from ``rule`` when the rule is one
      of the kit's.
    """

    index: int
    line: int
    column: int
    width: int
    rule: str | None = None
    family: str | None = None
    category: str | None = None

    @property
    def scored(self) -> bool:
        """Is it a claim of a defect (not advice on style)?"""
        return self.family not in UNSCORED_FAMILIES

    @property
    def classified(self) -> bool:
        """Does the finding say what kind of defect it is (a family or a category)?"""
        return self.family is not None or self.category is not None


def parse_json(text: str, name: str = "结果文件"):
    """``text`` as JSON; a ClaimsError naming where it breaks otherwise."""
    if not text.strip():
        raise ClaimsError(f"{name}是空的：里面没有任何 JSON。")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimsError(f"{name}不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有误。") from None


def _kind(value) -> str:
    """What a JSON value is, in Chinese."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, (int, float)):
        return "数字"
    return {str: "字符串", list: "数组", dict: "对象"}.get(type(value), "其他值")


def _int(item: dict, key: str, n: int):
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ClaimsError(f"第 {n} 条结果的“{key}”应是整数，不能是{_kind(value)} {json.dumps(value, ensure_ascii=False)[:40]}。")
    return value


def _label(item: dict, key: str, n: int, known=None):
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ClaimsError(f"第 {n} 条结果的“{key}”应是非空的字符串。")
    if known is not None and value not in known:
        raise ClaimsError(f"第 {n} 条结果的“{key}”是“{value}”，不在可用的取值之中：{'、'.join(known)}。")
    return value


def read_claim(item, index: int, report) -> Claim:
    """One finding of a tool's list (``index`` 0-based) as a Claim on ``report``."""
    n = index + 1
    if not isinstance(item, dict):
        raise ClaimsError(f"第 {n} 条结果应是一个 JSON 对象（带 line、column 等字段），不能是{_kind(item)}。")
    line, column, start = _int(item, "line", n), _int(item, "column", n), _int(item, "start", n)
    lines = len(report.lines)
    if line is not None and column is not None:
        if not 1 <= line <= lines:
            raise ClaimsError(f"第 {n} 条结果的位置不在样本报告里：没有第 {line} 行（样本报告共 {lines} 行）。")
        length = len(report.line(line).text)
        if not 1 <= column <= length:
            raise ClaimsError(f"第 {n} 条结果的位置不在样本报告里：第 {line} 行只有 {length} 个字，没有第 {column} 列。")
        offset = report.line(line).start + column - 1
    elif start is not None:
        if not 0 <= start < len(report.text):
            raise ClaimsError(f"第 {n} 条结果的 start 是 {start}，不在样本报告的 0…{len(report.text) - 1} 之内。")
        offset = start
        line, column = report.position(start)
    else:
        raise ClaimsError(f"第 {n} 条结果缺少位置：需要 line 和 column（从 1 算起），或 start（从 0 算起的字符位置）。")
    end_column, width, end = _int(item, "end_column", n), _int(item, "length", n), _int(item, "end", n)
    text = item.get("text")
    if end_column is not None and item.get("line") is not None:
        width = end_column - column
    elif width is None and end is not None:
        width = end - offset
    elif width is None and isinstance(text, str) and text:
        width = len(text)
    if width is None:
        raise ClaimsError(f"第 {n} 条结果缺少长度：需要 end_column、length、end 或 text 之一。")
    if width < 1:
        raise ClaimsError(f"第 {n} 条结果的长度是 {width}：结果至少要有一个字。")
    line_end = report.line(line).end
    width = min(width, line_end - offset)
    rule = _label(item, "rule", n)
    family = _label(item, "family", n, list(FAMILIES))
    category = _label(item, "category", n, list(CATCHABLE))
    if family is None and rule in RULES:
        family = RULES[rule].family
    return Claim(index, line, column, max(width, 1), rule, family, category)


def read_claims(data, report) -> list[Claim]:
    """A tool's findings (parsed JSON: a list, or an object with ``findings``) as Claims."""
    if isinstance(data, dict) and "findings" in data:
        data = data["findings"]
    if not isinstance(data, list):
        raise ClaimsError("结果文件的最外层应是校对结果的数组，或是带“findings”数组的对象。")
    return [read_claim(item, i, report) for i, item in enumerate(data)]


def from_findings(findings) -> list[Claim]:
    """The kit's own findings (``baogao.lint.lint``) as Claims, as their JSON would read."""
    return [Claim(i, f.line, f.column, f.end_column - f.column, f.rule, f.family)
            for i, f in enumerate(findings)]
