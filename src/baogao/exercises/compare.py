"""Tolerant readings of answers, strict where it matters.

Every function here takes the *plain* form of an answer (see ``collect``)
and either returns a normalised value or raises ``AnswerFormError`` with a
Chinese sentence that says what form was expected — never what the answer is.
"""

from __future__ import annotations

import re
import unicodedata

from baogao.text.markers import cn_to_int

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE = re.compile(r"\s+")


class AnswerFormError(ValueError):
    """The answer has the wrong form (a list where a number is asked, ...)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_stub(value) -> bool:
    """A stub answer: ``...``, ``None``, a missing variable, or blank text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, dict) and value.get("$") in ("ellipsis", "missing")


def fold(text: str) -> str:
    """Full- and half-width forms alike (NFKC), no zero-width characters."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))


def squeeze(text: str) -> str:
    """``fold`` and drop every space (ASCII, full-width, newlines)."""
    return _SPACE.sub("", fold(text))


def as_int(value, *, what: str = "答案") -> int:
    """7, 7.0, "7", "７", "七", " 7 ", "第7行", "7行", "7个" → 7."""
    if isinstance(value, bool):
        raise AnswerFormError(f"{what}应当是一个整数，而不是 True/False。")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = squeeze(value)
        text = re.sub(r"^第", "", text)
        text = re.sub(r"[行个条处项次]$", "", text)
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        number = cn_to_int(text) if re.fullmatch("[一二三四五六七八九十百〇零两]+", text) else None
        if number is not None:
            return number
    raise AnswerFormError(f"{what}应当是一个整数（例如 3，也可以写“3”或“三”）。")


def as_int_list(value, *, what: str = "答案") -> list[int]:
    """A list, tuple or set of integers (each read by ``as_int``)."""
    if isinstance(value, dict) and value.get("$") == "set":
        value = value["items"]
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,，、;；\s]+", fold(value)) if p]
        if len(parts) > 1:
            value = parts
    if not isinstance(value, list):
        raise AnswerFormError(f"{what}应当是一组行号，例如 [3, 8]（列表、元组或集合都可以）。")
    return [as_int(v, what=f"{what}中的每一项") for v in value]


def as_text(value, *, what: str = "答案") -> str:
    if not isinstance(value, str):
        raise AnswerFormError(f"{what}应当是一段文字（字符串），例如 \"……\"。")
    return value


def same_text(a: str, b: str) -> bool:
    """Equal up to full/half-width forms and spaces."""
    return squeeze(a) == squeeze(b)


def same_items(a, b) -> bool:
    """Equal as multisets: order does not matter, repetitions do."""
    return sorted(a) == sorted(b)
