"""Section and enumeration markers: 一、 （一） 1. （1） 一是 第一， 1、 (一).

A marker is recognised at the start of a paragraph (or of a clause, for
enumerations), with its style, its integer value and its exact text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十百〇零两]+"
_DIGITS = "[0-9０-９]+"

#: Every style the kit names: the four that GB/T 9704 says the heading levels
#: "依次可以用" (一、（一）1.（1）), the enumeration styles, the
#: wrong-but-common ones, and ``none`` for an unnumbered heading.
STYLES = ("cn-dun", "cn-paren", "arabic-dot", "arabic-paren", "cn-shi", "cn-di",
          "arabic-dun", "half-paren", "none")

STYLE_NAMES = {
    "cn-dun": "“一、”式",
    "cn-paren": "“（一）”式",
    "arabic-dot": "“1.”式",
    "arabic-paren": "“（1）”式",
    "cn-shi": "“一是”式",
    "cn-di": "“第一，”式",
    "arabic-dun": "“1、”式（不规范）",
    "half-paren": "半角括号“(一)”式（不规范）",
    "none": "无编号",
}


def cn_to_int(s: str) -> int | None:
    """Parse a Chinese numeral up to the hundreds: 三 → 3, 十二 → 12, 二十一 → 21, 一百零八 → 108."""
    if not s:
        return None
    if all(ch in _CN_VALUE for ch in s) and len(s) > 1:
        # Digit-by-digit form: 二〇二一 → 2021.
        value = 0
        for ch in s:
            value = value * 10 + _CN_VALUE[ch]
        return value
    total, current = 0, 0
    for ch in s:
        if ch in _CN_VALUE:
            current = _CN_VALUE[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def int_to_cn(n: int) -> str:
    """Render 1..999 as a Chinese numeral: 4 → 四, 10 → 十, 21 → 二十一."""
    digits = "零一二三四五六七八九"
    if n <= 0:
        return "零"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    head = digits[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + digits[rest]
    return head + (digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else ""))


def digits_to_int(s: str) -> int:
    return int(s.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def render(style: str, number: int, *, chinese: bool | None = None) -> str:
    """The canonical marker of a style for a number: ("cn-paren", 3) → "（三）"."""
    cn = int_to_cn(number)
    return {
        "cn-dun": f"{cn}、",
        "cn-paren": f"（{cn}）",
        "arabic-dot": f"{number}.",
        "arabic-paren": f"（{number}）",
        "cn-shi": f"{cn}是",
        "cn-di": f"第{cn}，",
        "arabic-dun": f"{number}、",
        "half-paren": f"({cn})" if chinese else f"({number})",
    }.get(style, "")


def numeral(style: str, number: int, *, chinese: bool = True) -> str:
    """A number written in a style's numeral system: 4 → 四 or 4."""
    if style in ("arabic-dot", "arabic-paren", "arabic-dun") or (style == "half-paren" and not chinese):
        return str(number)
    return int_to_cn(number)


@dataclass(frozen=True)
class Marker:
    """A section or enumeration marker at the start of a text (``match_marker``).

    - ``style``: the marker's form, a key of ``STYLE_NAMES``: ``cn-dun``
      “一、”式 (also the wrong ``一.``), ``cn-paren`` “（一）”式, ``arabic-dot``
      “1.”式, ``arabic-paren`` “（1）”式, ``cn-shi`` “一是”式, ``cn-di``
      “第一，”式, and the wrong-but-common ``arabic-dun`` “1、”式 and
      ``half-paren`` 半角括号“(一)”式 (``none``, 无编号, is never a marker's);
    - ``number``: its value, 1 to 99 (``（三）`` → 3, ``１．`` → 1);
    - ``text``: the marker exactly as written, punctuation included (``第五,``,
      ``（一）、``); ``len(marker)`` is its length;
    - ``chinese``: True when written with Chinese numerals (``(四)``), False
      with digits (``(4)``).
    """

    style: str
    number: int
    text: str
    chinese: bool

    def __len__(self) -> int:
        return len(self.text)


# Order matters: the more specific patterns first.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    # （一） with full-width parens, optionally followed by a wrong 、 or ．
    ("cn-paren", re.compile(rf"^[（]({_CN_NUM})[）]([、.．]?)")),
    ("arabic-paren", re.compile(rf"^[（]({_DIGITS})[）]([、.．]?)")),
    # Half-width or mixed parens: (一) (1) （一) (一）
    ("half-paren", re.compile(rf"^[(（]({_CN_NUM}|{_DIGITS})[)）]([、.．]?)")),
    ("cn-shi", re.compile(rf"^({_CN_NUM})是()")),
    ("cn-di", re.compile(rf"^第({_CN_NUM})([，,、：:])")),
    # 一、 and the wrong 一. / 一．
    ("cn-dun", re.compile(rf"^({_CN_NUM})([、.．])")),
    # 1. / 1．, not a decimal (1.2万) nor a date (2021.3)
    ("arabic-dot", re.compile(rf"^({_DIGITS})([.．])(?![0-9０-９])")),
    ("arabic-dun", re.compile(rf"^({_DIGITS})(、)")),
]


def match_marker(text: str, *, styles: tuple[str, ...] | None = None) -> Marker | None:
    """The marker at the start of ``text``, if any."""
    for style, pattern in _PATTERNS:
        if styles is not None and style not in styles:
            continue
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group(1)
        chinese = not raw[0].isdigit()
        if style == "half-paren" and text[0] == "（" and m.group(0)[len(raw) + 1] == "）":
            continue  # both parens full-width: handled by the patterns above
        if chinese:
            value = cn_to_int(raw)
            # 十 alone is fine, but reject digit-by-digit years such as 二〇二一、
            if value is None or value == 0 or value > 99 or "〇" in raw or "零" in raw:
                continue
            if style == "cn-shi" and len(raw) > 2:
                continue
        else:
            value = digits_to_int(raw)
            if value == 0 or value > 99 or (len(raw) > 1 and raw[0] in "0０"):
                continue
        return Marker(style, value, m.group(0), chinese)
    return None


#: Where an enumeration marker may open a clause inside a paragraph.
CLAUSE_BREAK = "。；;！!？?：:，,"
_ENUM_RE = re.compile(rf"(?:^|(?<=[{CLAUSE_BREAK}]))(?:({_CN_NUM})是|第({_CN_NUM})[，,、：:])")


def find_enumeration_markers(text: str) -> list[tuple[int, Marker]]:
    """(offset, marker) of every 一是 / 第一， that opens a clause in ``text``."""
    out = []
    for m in _ENUM_RE.finditer(text):
        marker = match_marker(text[m.start():], styles=("cn-shi", "cn-di"))
        if marker is not None:
            out.append((m.start(), marker))
    return out
