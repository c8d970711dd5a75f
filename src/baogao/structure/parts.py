"""Functional parts of a work report, found from cue phrases.

opening → review → problems → lessons → outlook → closing is the textbook
skeleton of a 工作报告; self-construction and thanks are common extras. A
part is reported where its kind begins, with the cue that gave it away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.paragraphs import Paragraph
from baogao.structure.headings import Heading

PART_KINDS = ("opening", "review", "problems", "lessons", "self_construction", "thanks",
              "outlook", "closing")

PART_NAMES = {
    "opening": "开头", "review": "工作回顾", "problems": "问题与不足", "lessons": "经验体会",
    "self_construction": "自身建设", "thanks": "致谢", "outlook": "下一步打算", "closing": "结尾",
}

# Heading cues, checked in this order.
_HEADING_CUES = [
    ("closing", re.compile(r"^结束语$")),
    ("self_construction", re.compile(r"自身建设")),
    ("problems", re.compile(r"存在的问题|问题和不足|不足")),
    ("lessons", re.compile(r"经验|体会|启示")),
    ("outlook", re.compile(r"今年|明年|下一步|重点工作|主要任务|目标任务|主要目标|目标和任务|总体部署|"
                           r"总体要求|打算|建议|今后")),
    ("review", re.compile(r"工作回顾|回顾|总结|主要工作|过去")),
]

# Paragraph cues, matched in the first sentence, in this order.
_PARAGRAPH_CUES = [
    ("thanks", re.compile(r"归功于")),
    ("self_construction", re.compile(r"自身建设")),
    ("problems", re.compile(r"存在的问题|问题和不足|缺点和不足|不足之处|清醒地?(看到|认识到)|"
                            r"(仍然|仍|还|也)存在[^。]{0,8}(问题|困难|缺点|不足)")),
    ("lessons", re.compile(r"[一二三四五六七八九十几两多][条点个][^。，,；]{0,6}(经验|体会|启示)|"
                           r"(经验|体会|启示)[^。]{0,8}(以下|如下)|有益的经验")),
    ("outlook", re.compile(r"^(今年是|明年是|在?新的一年|下一步|今后)")),
    ("review", re.compile(r"^(一年来|过去一年|过去的一年|五年来|过去五年|回顾)")),
]
_YEAR_IS = re.compile(r"^([12][0-9]{3}|[１２][０-９]{3})年是")
_YEAR = re.compile(r"([12][0-9]{3}|[１２][０-９]{3})年")
_SENT = re.compile(r"^[^。！？!?]*[。！？!?]?")

#: Parts that, after the last of a run of topical sections, stand on their own.
CLOSING_KINDS = {"self_construction", "thanks", "lessons", "outlook", "problems"}


@dataclass(frozen=True)
class Part:
    """Where a functional part of the report begins (docs/structure.md, "Functional parts").

    - ``kind``: a key of ``PART_NAMES``: ``opening`` 开头, ``review`` 工作回顾,
      ``problems`` 问题与不足, ``lessons`` 经验体会, ``self_construction``
      自身建设, ``thanks`` 致谢, ``outlook`` 下一步打算, ``closing`` 结尾;
    - ``line``: 1-based line where it begins (a heading or a paragraph);
    - ``evidence``: the cue as found (``自身建设``, ``过去一年``), the closing
      formula, or ``正文第一段`` / ``第一个小标题`` for the default opening and
      review;
    - ``standalone``: True when the part closes the section before it and is
      a section of its own in the tree (after the last topical heading).
    """

    kind: str
    line: int
    evidence: str
    standalone: bool = False

    def to_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "evidence": self.evidence}


def _year(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


# Thanks come at the end of a paragraph (…表示诚挚感谢！), not in its first sentence.
_THANKS_ANYWHERE = re.compile(r"(表示|致以)(诚挚|衷心|由衷|崇高)?的?(感谢|谢意)")


def heading_cue(title: str, base_year: int | None = None) -> tuple[str, str] | None:
    for kind, pattern in _HEADING_CUES:
        m = pattern.search(title)
        if m:
            return kind, m.group(0)
    m = _YEAR.search(title)
    if m and base_year is not None and _year(m.group(1)) > base_year:
        return "outlook", m.group(0)  # 二、2025年经济社会发展… in the report on 2024
    return None


_ADDRESS = re.compile(r"^(各位代表|各位委员|同志们|代表们)[，,！!：:]")


def paragraph_cue(text: str, base_year: int | None) -> tuple[str, str] | None:
    text = _ADDRESS.sub("", text)  # 各位代表，过去一年… opens like 过去一年…
    first = _SENT.match(text).group(0)
    m = _THANKS_ANYWHERE.search(text)
    if m:
        return "thanks", m.group(0)
    for kind, pattern in _PARAGRAPH_CUES:
        m = pattern.search(first)
        if m:
            return kind, m.group(0)
    m = _YEAR_IS.match(text)
    if m and base_year is not None and _year(m.group(1)) > base_year:
        return "outlook", m.group(0)
    return None


def find_parts(body: list[tuple[Paragraph, Heading | None]], closing: list[tuple[int, str]],
               *, work_report: bool = True) -> list[Part]:
    """Parts in document order.

    ``body`` lists body paragraphs with the heading each one is (or None);
    ``closing`` lists (line, text) of closing formulas. A document that is
    no work report (``work_report=False``: a 请示, 通知, 函 …) has only its
    opening and its closing formulas: its cue words (a 通知 on training in
    ``总结的写法``) name no part of a report.
    """
    parts: list[Part] = []
    if not body:
        return parts
    if not work_report:
        if body[0][1] is None:
            parts.append(Part("opening", body[0][0].line, "正文第一段"))
        return parts + [Part("closing", line, text) for line, text in closing]
    base_year = None
    for p, _h in body:
        m = _YEAR.search(p.clean)
        if m:
            base_year = _year(m.group(1))
            break

    level1 = [h for _p, h in body if h is not None and h.level == 1]
    topical = bool(level1) and all(heading_cue(h.title, base_year) is None for h in level1)
    last_level1_line = level1[-1].line if level1 else None

    current = None
    seen_outlook = False
    for p, h in body:
        if current is None:
            if h is None:
                parts.append(Part("opening", p.line, "正文第一段"))
                current = "opening"
                cue = paragraph_cue(p.clean, base_year)
                if cue is None or cue[0] in ("review", "opening"):
                    continue
            else:
                current = "opening"
        if h is not None:
            cue = heading_cue(h.title, base_year)
            if cue is None and current == "opening":
                cue = ("review", "第一个小标题")
        else:
            cue = paragraph_cue(p.clean, base_year)
        if cue is None or cue[0] == current:
            continue
        if cue[0] == "review" and h is None and seen_outlook:
            continue  # 过去一年… inside the plans looks back at one task, not at the year
        seen_outlook = seen_outlook or cue[0] == "outlook"
        kind, evidence = cue
        standalone = (topical and h is None and last_level1_line is not None
                      and p.line > last_level1_line and kind in CLOSING_KINDS)
        parts.append(Part(kind, p.line, evidence, standalone))
        current = kind
    for line, text in closing:
        parts.append(Part("closing", line, text))
    return parts
