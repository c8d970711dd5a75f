"""The 文种 a title names: the 15 types of the 党政机关公文处理工作条例 and common other texts.

A title names its type in its last word (``…关于…的通知``, ``…2025年工作总结``);
a qualifier in brackets may follow (``（试行）``, ``（草案）``). The longer,
non-statutory names are tried first, so that ``述职报告`` is not a 报告.
"""

from __future__ import annotations

import re

#: ``Outline.doc_type``: the 15 types of Article 8 of the 党政机关公文处理工作条例
#: (中办发〔2012〕14号), then the other texts the kit knows, with their Chinese labels.
DOC_TYPES = {
    "resolution": "决议", "decision": "决定", "order": "命令（令）", "communique": "公报",
    "announcement": "公告", "public_notice": "通告", "opinion": "意见", "notice": "通知",
    "bulletin": "通报", "report": "报告", "request": "请示", "reply": "批复", "motion": "议案",
    "letter": "函", "minutes": "纪要",
    "summary": "总结", "debriefing": "述职报告", "survey": "调研报告", "plan": "计划",
    "key_points": "工作要点", "scheme": "方案", "remarks": "讲话",
}

#: The statutory types (法定公文文种): Article 8 of the 条例.
STATUTORY_TYPES = ("resolution", "decision", "order", "communique", "announcement", "public_notice",
                   "opinion", "notice", "bulletin", "report", "request", "reply", "motion", "letter",
                   "minutes")

#: The last word of a title for each type, longest first within the non-statutory ones.
_ENDINGS = [
    ("debriefing", "述职报告"), ("survey", "调研报告|调查报告"), ("summary", "总结"),
    ("plan", "计划|规划"), ("key_points", "要点"), ("scheme", "方案"), ("remarks", "讲话|讲话稿|发言"),
    ("resolution", "决议"), ("decision", "决定"), ("order", "命令|令"), ("communique", "公报"),
    ("announcement", "公告"), ("public_notice", "通告"), ("opinion", "意见"), ("notice", "通知"),
    ("bulletin", "通报"), ("report", "报告"), ("request", "请示"), ("reply", "批复"),
    ("motion", "议案"), ("letter", "函"), ("minutes", "纪要"),
]
_QUALIFIER = re.compile(r"[（(](试行|暂行|草案|修订|修订稿|征求意见稿|送审稿|讨论稿|代拟稿)[）)]$")
_TYPE_AT_END = [(key, re.compile(f"(?:{words})$")) for key, words in _ENDINGS]
_STATUTORY_WORDS = "|".join(words for key, words in _ENDINGS if key in STATUTORY_TYPES)
#: ``…关于…的<type>``: the form GB/T 9704 gives a title (发文机关 + 事由 + 文种).
_DOCUMENT_TITLE = re.compile(f"关于.+的(?:{_STATUTORY_WORDS})$")


def _stem(title: str) -> str:
    return _QUALIFIER.sub("", title.strip().rstrip("。."))


def doc_type_of(title: str | None) -> str | None:
    """The key of ``DOC_TYPES`` the title ends with (``…的通知`` → ``notice``), or None."""
    if not title:
        return None
    stem = _stem(title)
    for key, pattern in _TYPE_AT_END:
        m = pattern.search(stem)
        if m and (key != "order" or m.group(0) == "命令" or len(stem) <= 20):
            return key
    return None


def ends_with_doc_type(text: str) -> bool:
    return doc_type_of(text) is not None


def is_statutory(doc_type: str | None) -> bool:
    return doc_type in STATUTORY_TYPES


def is_document_title(text: str | None) -> bool:
    """A title of the form ``…关于…的<statutory type>`` (``关于……的请示``), or ``关于…报告/请示``."""
    if not text:
        return False
    stem = _QUALIFIER.sub("", text.strip())
    return "关于" in stem and bool(_DOCUMENT_TITLE.search(stem) or re.search(r"(报告|请示)$", stem))


def type_word(title: str) -> str:
    """The type word as the title writes it (``函``, ``请示``, ``工作总结``'s ``总结``)."""
    stem = _stem(title)
    for _key, pattern in _TYPE_AT_END:
        m = pattern.search(stem)
        if m:
            return m.group(0)
    return ""
