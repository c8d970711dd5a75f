"""Quantities (数据) in report text: ``25.3万人次``, ``近三分之一``, ``97.4%``.

Read from the characters themselves, not from jieba tokens (posseg splits
``1244万人`` into ``1244/万/人``). The policy (what is and is not a quantity,
how each is read) is ``docs/quantities.md``; the hand-written fixture
``tests/fixtures/specimen_quantities.json`` applies it to the specimen.

The scanner walks the text from one numeral to the next. At each one it
reads: prefix qualifier, number, 多/余, multiplier, 多/余, unit, suffix
qualifier. It then rejects what the policy excludes (dates, ordinals,
formulations, articles, grades, bare numbers) and joins two quantities
around a range separator. Years spelled digit by digit (二〇一二年, 二○一二年,
二0二0年) are found first and skipped whole.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

from baogao.analysis.tables import tables
from baogao.lazy import pandas as pd
from baogao.text.sentences import sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report

__all__ = ["Quantity", "extract_quantities", "quantity_table", "COLUMNS"]

COLUMNS = ["raw", "value", "value_high", "unit", "qualifier", "kind", "line", "column",
           "start", "end", "sentence", "sentence_text"]


@dataclass(frozen=True)
class Quantity:
    """One quantity of the text: a number with its unit, as the report writes it.

    ``raw`` is the exact span (qualifiers, number, multiplier and unit);
    ``value`` the number with its multiplier applied (三点五万亿元 → 3.5e12),
    the lower bound of a range, whose upper bound is ``value_high`` (None
    otherwise); ``unit`` the measure word without multiplier ("" for a bare
    万/亿 count or a fraction); ``qualifier`` 多, 余, 近, 以上 … as written;
    ``kind`` one of count, money, percent, points, fraction, multiple,
    measure, duration, range. ``start``/``end`` are offsets into
    ``Report.text``; ``line``, ``column`` and ``sentence`` are 1-based
    (``sentence`` indexes the sentence table), ``sentence_text`` its text.
    What is and is not a quantity: docs/quantities.md.
    """

    raw: str  # exact span: qualifiers, number, multiplier and unit
    value: int | float  # multiplier applied; lower bound of a range
    unit: str  # measure word without multiplier ("" for bare 万/亿 counts and fractions)
    qualifier: str  # 多, 余, 近, 以上 ... as written, "" if none
    kind: str  # count money percent points fraction multiple measure duration range
    start: int
    end: int
    line: int  # 1-based
    column: int  # 1-based, in characters
    sentence: int  # 1-based
    sentence_text: str
    value_high: int | float | None = None  # upper bound of a range


# -- characters and numbers ------------------------------------------------

_FW = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIG = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_FACTOR = {"万亿": 10 ** 12, "千万": 10 ** 7, "百万": 10 ** 6, "亿": 10 ** 8, "万": 10 ** 4, "千": 10 ** 3}
_CN_DIGITS = "".join(_DIG)

_AR = r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN = (rf"[{_CN_DIGITS}十百千](?:[{_CN_DIGITS}十百千万亿]*[{_CN_DIGITS}十百千])?"
       r"(?:点[零〇一二三四五六七八九]+)?")
_AR_RE = re.compile(_AR)
_CN_RE = re.compile(_CN)
_START_RE = re.compile(rf"[0-9０-９{_CN_DIGITS}十百千半]")
_AR_MUL_RE = re.compile(r"万亿|千万|百万|亿|万|千(?![米克瓦卡伏帕])")
_CN_MUL_RE = re.compile(r"万亿|亿|万")
_ABOUT_RE = re.compile(r"[多余]")
_FRACTION_RE = re.compile(rf"({_AR}|{_CN})分之({_AR}|{_CN})")

_PREFIXES = ["不超过", "不少于", "不低于", "不高于", "近乎", "将近", "接近", "大约", "超过", "不到", "不足", "至少", "近", "约", "逾", "超"]
# A prefix that is really the end of a word: 节约, 最近, 赶超 ...
_PREFIX_NOT_AFTER = {"约": "节制签条公预合契大", "近": "最附邻临靠", "超": "赶"}
_SUFFIX_RE = re.compile(r"以上|以下|以内|左右|上下(?!游|级|班|功夫|一心)")
_RANGE_SEPS = "～~〜－-—–至到"

# unit -> kind; the second element lists characters that must not follow
# (the unit would be the first character of another word: 项目, 支持, 台湾).
_UNITS: dict[str, tuple[str, str]] = {
    # percent and points
    "%": ("percent", ""), "％": ("percent", ""), "‰": ("percent", ""),
    "个百分点": ("points", ""), "百分点": ("points", ""),
    # money
    "美元": ("money", ""), "欧元": ("money", ""), "港元": ("money", ""), "日元": ("money", ""),
    "元": ("money", "旦素首帅宵"),
    # durations
    "个多月": ("duration", ""), "个月": ("duration", ""), "小时": ("duration", ""),
    "分钟": ("duration", ""), "天": ("duration", "然津下地空"), "年": ("duration", ""),
    "个工作日": ("duration", ""), "工作日": ("duration", ""),
    # measures
    "平方公里": ("measure", ""), "平方千米": ("measure", ""), "平方米": ("measure", ""),
    "立方米": ("measure", ""), "微克/立方米": ("measure", ""), "公里": ("measure", ""),
    "千米": ("measure", ""), "厘米": ("measure", ""), "毫米": ("measure", ""), "米": ("measure", ""),
    "公顷": ("measure", ""), "亩": ("measure", ""), "吨标准煤": ("measure", ""), "蒸吨": ("measure", ""),
    "吨": ("measure", ""), "公斤": ("measure", ""), "千克": ("measure", ""), "斤": ("measure", ""),
    "克": ("measure", "服"), "千瓦时": ("measure", ""), "千瓦": ("measure", ""), "兆瓦": ("measure", ""),
    "升": ("measure", "级高至到幅格"), "英寸": ("measure", ""), "岁": ("measure", ""),
    # container units (twenty-foot equivalent units), normalised to 标准箱
    "标准箱": ("measure", ""), "标箱": ("measure", ""), "TEU": ("measure", string.ascii_letters),
    # magnitudes of earthquakes and wind force; any other N级 is a grade (_magnitude)
    "级": ("measure", ""),
    # multiples
    "倍": ("multiple", ""),
    # counts
    "人次": ("count", ""), "人口": ("count", ""), "人": ("count", ""), "场次": ("count", ""),
    "架次": ("count", ""), "批次": ("count", ""), "重量箱": ("count", ""),
    "名": ("count", "单称义额誉牌"), "位": ("count", "数于置"), "个": ("count", ""),
    "件": ("count", ""), "项": ("count", "目"), "次": ("count", ""), "期": ("count", "间限望待"),
    "支": ("count", "持出付援柱"), "场": ("count", ""), "所": ("count", "有在需得属以谓"),
    "家": ("count", ""), "座": ("count", "谈"), "条": ("count", "件例款"), "台": ("count", "湾阶账风"),
    "辆": ("count", ""), "艘": ("count", ""), "架": ("count", ""), "部": ("count", "署分长队门"),
    "篇": ("count", ""), "枚": ("count", "举"), "本": ("count", "次年届地级着"), "册": ("count", ""),
    "套": ("count", ""),
    "张": ("count", "家"), "株": ("count", ""), "棵": ("count", ""), "头": ("count", "等号脑"),
    "只": ("count", "有是要能"), "匹": ("count", "配"), "种": ("count", "植子养"),
    "类": ("count", "似型"), "批": ("count", "准示复发评"), "轮": ("count", ""),
    "户": ("count", "籍口"), "栋": ("count", ""), "处": ("count", "理于置分罚长"),
    "块": ("count", ""), "门": ("count", "户槛类诊口"), "份": ("count", "额"),
    "款": ("count", "项"), "例": ("count", "如外"), "宗": ("count", "教旨"),
    "省份": ("count", ""), "省": ("count", "委级长会"), "市": ("count", "场民委级长"),
    "县": ("count", "委级城域长"),
}
_UNIT_NORMAL = {"％": "%", "百分点": "个百分点", "个多月": "个月", "标箱": "标准箱", "TEU": "标准箱"}
_UNIT_RE = re.compile("|".join(
    re.escape(u) + (f"(?![{re.escape(bad)}])" if bad else "")
    for u, (_, bad) in sorted(_UNITS.items(), key=lambda kv: -len(kv[0]))))
# A unit in Latin letters (TEU) may stand after one space, as in English.
_LATIN_UNIT_RE = re.compile(r"[ \u00a0](TEU)(?![A-Za-z])")
_LATIN_UNITS = {"TEU"}
# 成 (tenths) after a single digit (一 to 九, 1 to 9, with or without a
# decimal part), and only before these: 七成以上, 占全国3成, but 一成不变, 3成员.
_CHENG_RE = re.compile(r"成(?=以上|以下|左右|多|的|[，,。；;、）)”]|$)")
_CHENG_CN = "一二两三四五六七八九"
_CHENG_AR_RE = re.compile(r"[1-9１-９](?:[.．][0-9０-９]+)?")
# 级 is a magnitude (震级, 风力等级) when the number has a decimal part, when
# an earthquake or a wind follows, or when the scale is named before it;
# otherwise it is a grade or a tier (三级医院, 二级航道, 市县两级): no quantity.
_MAGNITUDE_AFTER = re.compile(
    r"(?:以上|以下|左右|上下)?(?:的)?(?:强烈|破坏性|特大|强|大)?"
    r"(?:地震|余震|强震|震|大风|阵风|台风|飓风|狂风|强风|龙卷风|风暴|风(?=[，,。；;、）)”]|$))")
_MAGNITUDE_BEFORE = re.compile(r"(?:里氏|震级|风力|阵风|风级)(?:达到|高达|达|为|约|超过)?$")
# A year written digit by digit with at least one character that is not an
# Arabic digit: 二〇一二年, 二○一二年 (a white circle for 〇), 二0二0年, 二O二O年;
# two characters with a leading zero are a short year (〇八年, 08年).
_YEAR_DIGIT = "0-9０-９〇零○◯OＯ一二三四五六七八九"
_YEAR_RE = re.compile(
    rf"(?<![{_YEAR_DIGIT}])(?:(?=[{_YEAR_DIGIT}]{{0,3}}[^0-9０-９])[{_YEAR_DIGIT}]{{4}}"
    rf"|[0０〇零○◯OＯ][{_YEAR_DIGIT}])(?=年)")

# Numbered formulations, names and idioms whose numeral is part of the name.
_NAMED = [
    "四个意识", "四个自信", "两个维护", "两个确立", "四个全面", "三个代表", "两个一百年", "两个百年",
    "四个现代化", "两个毫不动摇", "两个积极性", "两个大局", "两个基本点", "一个中心", "三个世界",
    "三个有利于", "两个文明", "两个务必", "三个务必", "四项基本原则", "五项原则", "八项规定",
    "六项规定", "三项制度", "八项主张", "八项注意", "四人帮", "港澳青年八条", "三严三实",
    "五位一体", "两学一做", "一带一路", "一岗双责", "百年奋斗", "一百年奋斗", "三支两军",
    "三次产业", "三元乳业", "两头", "三番五次", "一五一十", "三令五申", "总有一天", "一天比一天",
]
_NAMED_RE = re.compile("|".join(sorted(map(re.escape, _NAMED), key=len, reverse=True)))
_OPEN_Q, _CLOSE_Q = "“「『", "”」』"
_QUOTE_MAX = 10  # a count inside a quotation this short is a formulation: “六项规定”
# 年 followed by these is a date or a plan name, not a duration.
_YEAR_NOT_BEFORE = re.compile(r"代|度|底|月|规划|计划|行动|义务教育|奋斗|华诞")
# 次/期 as ordinals without 第: 十三届全国人大二次会议, 二期工程.
_ORDINAL_AFTER = {"次": re.compile(r"会议|全会|全体会议|全委会|常委会|代表大会"),
                  "期": re.compile(r"工程|项目")}
# Counts say 两期, 两次; 二期, 二次, 二轮 are ordinals (phase two, second round).
_ORDINAL_ER = {"期", "次", "批", "轮"}


def _ar_value(s: str) -> Decimal:
    return Decimal(s.translate(_FW).replace(",", ""))


def _cn_value(s: str) -> Decimal | None:
    """Value of a Chinese numeral (一百零八, 三亿五千万, 十一点八); None if malformed."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        base = _cn_value(whole)
        if base is None or not frac or any(ch not in _DIG for ch in frac):
            return None
        return base + Decimal("0." + "".join(str(_DIG[ch]) for ch in frac))
    total = mid = section = 0  # above 亿, between 万 and 亿, below 万
    num = None
    prev = ""
    for ch in s:
        if ch in _UNIT and prev in _UNIT:
            return None  # 千百万: "millions", not a number
        prev = ch
        if ch in _DIG:
            if num is not None and _DIG[ch] != 0:
                return None  # 十四五, 七一: two digits in a row
            num = None if _DIG[ch] == 0 else _DIG[ch]
        elif ch in _UNIT:
            section += (1 if num is None else num) * _UNIT[ch]
            num = None
        elif ch == "万":
            mid += (section + (num or 0)) * 10 ** 4
            section, num = 0, None
        elif ch == "亿":
            total = (total + mid + section + (num or 0)) * 10 ** 8
            mid, section, num = 0, 0, None
    return Decimal(total + mid + section + (num or 0))


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class _Cand:
    """A parsed candidate before the policy decides on it."""

    start: int  # of raw, prefix qualifier included
    num_start: int
    end: int
    value: Decimal
    unit: str = ""
    kind: str = ""
    mul: str = ""
    prefix: str = ""
    inner: str = ""  # 多 / 余 inside
    suffix: str = ""
    reject: str | None = None  # reason, or None if it is a quantity
    high: Decimal | None = None

    @property
    def bare(self) -> bool:
        return not self.unit and not self.mul and self.kind not in ("percent", "fraction")

    @property
    def qualifier(self) -> str:
        return "".join(q for q in (self.prefix, self.inner, self.suffix) if q)


def _prefix(text: str, i: int) -> str:
    for p in _PREFIXES:
        a = i - len(p)
        if a >= 0 and text.startswith(p, a):
            if a > 0 and text[a - 1] in _PREFIX_NOT_AFTER.get(p, ""):
                continue
            return p
    return ""


def _unit_at(text: str, pos: int, digits: str, chinese: bool, mul: str) -> tuple[str, str, int]:
    """(unit as written, kind, end) at pos, or ("", "", pos)."""
    m = _UNIT_RE.match(text, pos) or _LATIN_UNIT_RE.match(text, pos)
    if m:
        unit = m.group(m.lastindex or 0)
        return unit, _UNITS[unit][0], m.end()
    # A Chinese digit, or two in a row (三四成, read as a range); an Arabic one.
    single = (len(digits) <= 2 and digits in _CHENG_CN) if chinese else bool(_CHENG_AR_RE.fullmatch(digits))
    if single and not mul and _CHENG_RE.match(text, pos):
        return "成", "fraction", pos + 1
    return "", "", pos


def _parse_fraction(text: str, i: int) -> _Cand | None:
    """百分之十一点八, 千分之五, 三分之一, 一半, 半数."""
    for head, unit in (("百分之", "%"), ("千分之", "‰")):
        if text.startswith(head, i):
            m = _AR_RE.match(text, i + 3) or _CN_RE.match(text, i + 3)
            if not m:
                return None
            v = _ar_value(m.group()) if m.group()[0] in "0123456789０１２３４５６７８９" else _cn_value(m.group())
            if v is None:
                return None
            return _Cand(i, i, m.end(), v, unit=unit, kind="percent")
    if text.startswith("一半", i) or text.startswith("半数", i):
        return _Cand(i, i, i + 2, Decimal("0.5"), kind="fraction")
    m = _FRACTION_RE.match(text, i)
    if m:
        d, n = (_ar_value(g) if g[0].isdigit() else _cn_value(g) for g in m.groups())
        if d and n is not None:
            return _Cand(i, i, m.end(), n / d, kind="fraction")
    return None


def _parse_number(text: str, i: int) -> _Cand | None:
    """Number, 多/余, multiplier, unit; rejected candidates keep their reason."""
    ar = _AR_RE.match(text, i)
    cn = None if ar else _CN_RE.match(text, i)
    m = ar or cn
    if not m:
        return None
    digits = m.group()
    pos = m.end()
    inner = ""
    if _ABOUT_RE.match(text, pos):
        inner, pos = text[pos], pos + 1
    mm = (_AR_MUL_RE if ar else _CN_MUL_RE).match(text, pos)
    mul = mm.group() if mm else ""
    pos = mm.end() if mm else pos
    if not inner and mul and _ABOUT_RE.match(text, pos):
        inner, pos = text[pos], pos + 1
        if mul == "万" and text.startswith("亿", pos):  # 4万多亿元
            mul, pos = "万亿", pos + 1
    unit, kind, pos = _unit_at(text, pos, digits, bool(cn), mul)
    cand = _Cand(i, i, pos, Decimal(0), unit=unit, kind=kind, mul=mul, inner=inner)

    half = False
    if unit == "个多月":
        cand.inner = cand.inner or "多"
    elif unit in ("年", "天", "小时") and text.startswith("半", pos):
        half, cand.end = True, pos + 1  # 一年半, 五天半
    elif (kind == "duration" or unit == "倍") and text.startswith("多", pos) and not inner:
        cand.inner, cand.end = "多", pos + 1  # 两年多, 一倍多

    # The value.
    if ar:
        value = _ar_value(digits)
        if mul:
            value *= _FACTOR[mul]
    else:
        if all(ch in _DIG for ch in digits) and len(digits) >= 2:
            a, b = _DIG[digits[0]], _DIG[digits[1]]
            if len(digits) == 2 and b == a + 1 and a > 0:  # 两三年, 三四个
                cand.value, cand.high = Decimal(a), Decimal(b)
                return _finish(text, cand, digits, ar=False)
            cand.reject = "date" if unit == "年" else "digits"  # 一九七八年, 七一
            return cand
        if "点" in digits:  # 三点五万亿: the multiplier applies to the decimal
            value = _cn_value(digits)
            if value is not None and mul:
                value *= _FACTOR[mul]
        else:
            value = _cn_value(digits + ("" if inner else mul))
            if value is not None and inner and mul:
                value *= _FACTOR[mul]
        if value is None:
            cand.reject = "invalid"
            return cand
    cand.value = value + (Decimal("0.5") if half else 0)
    if half:
        return _finish(text, cand, digits + "半", ar=bool(ar))
    return _finish(text, cand, digits, ar=bool(ar))


def _tenths(c: _Cand) -> _Cand:
    """七成 is 0.7."""
    if c.unit == "成":
        c.value /= 10
        c.high = None if c.high is None else c.high / 10
    return c


def _finish(text: str, c: _Cand, digits: str, ar: bool) -> _Cand:
    """Apply the policy's exclusions to a parsed number."""
    i = c.num_start
    # "\0" stands for the edge of the text: it is in no character class below.
    before = text[i - 1] if i > 0 else "\0"
    after = text[c.end] if c.end < len(text) else "\0"
    if before == "第":
        c.reject = "ordinal"
    elif ar and (before.isascii() and before.isalpha() or
                 text[i + len(digits):i + len(digits) + 1].isascii()
                 and text[i + len(digits):i + len(digits) + 1].isalpha()
                 and c.unit not in _LATIN_UNITS):
        c.reject = "code"  # H5, 5G, PM2.5
    elif not ar and digits in ("零", "〇"):
        c.reject = "invalid"
    elif not ar and digits[0] in "十百千" and (before in "几数上" or after == "计"):
        c.reject = "vague"  # 几十年, 数百万, 上千万
    elif not ar and digits[0] in "百千" and c.mul not in ("万", "亿", "万亿"):
        c.reject = "formulation"  # 百年, 千方百计
    elif not ar and digits == "二" and c.unit in _ORDINAL_ER:
        c.reject = "ordinal"  # 二期工程, 二轮承包
    elif not ar and digits == "千" and c.mul == "万" and not c.unit and after in "不别要莫勿可":
        c.reject = "word"  # 千万不要
    elif not ar and digits == "一" and not c.mul and not c.inner and (
            c.unit == "年" or c.unit and c.kind != "duration" and c.unit not in ("倍", "成")):
        c.reject = "period" if c.unit == "年" else "article"  # 一年来; 一项调查
    elif c.unit == "年" and not c.mul and (
            ar and len(digits) == 4 and "." not in digits and 1000 <= int(_ar_value(digits)) <= 2199):
        c.reject = "date"
    elif c.unit == "年" and _YEAR_NOT_BEFORE.match(text, c.end):
        c.reject = "date"
    elif c.unit in _ORDINAL_AFTER and _ORDINAL_AFTER[c.unit].match(text, c.end) and (
            c.unit == "期" or before in "届大"):
        c.reject = "ordinal"
    elif c.unit == "级" and not _magnitude(text, c, digits):
        c.reject = "grade"  # 三级医院, 二级航道, 市县两级
    elif c.bare:
        c.reject = "bare"
    return _tenths(c)


def _magnitude(text: str, c: _Cand, digits: str) -> bool:
    """N级 as a magnitude: 7.4级, 8级大风, 7级以上地震, 里氏6级, 风力达8级."""
    if any(ch in digits for ch in ".．点"):
        return True
    if _MAGNITUDE_AFTER.match(text, c.end):
        return True
    a = c.num_start - len(_prefix(text, c.num_start))
    return bool(_MAGNITUDE_BEFORE.search(text, max(0, a - 6), a))


def _qualify(text: str, c: _Cand) -> _Cand:
    """Add the qualifiers around an accepted number to its span."""
    i = c.num_start
    p = _prefix(text, i)
    if p and not (c.kind == "duration" and p == "近"):  # 近五年来: recent, not nearly
        c.prefix, c.start = p, i - len(p)
    s = _SUFFIX_RE.match(text, c.end)
    if s:
        c.suffix, c.end = s.group(), s.end()
    if c.unit in ("元", "美元", "欧元", "港元", "日元") and text.startswith("人民币", c.end):
        c.end += 3
    return c


def _parse_at(text: str, i: int) -> _Cand | None:
    c = _parse_fraction(text, i) or _parse_number(text, i)
    if c is not None and c.reject is None:
        if i > 0 and text[i - 1] == "第":
            c.reject = "ordinal"
        else:
            _qualify(text, c)
    return c


def _in_quotation(text: str, start: int, end: int) -> bool:
    """True when start..end lies in a short quotation on its line: “四个意识”."""
    a = start - 1
    while a >= 0 and start - a <= _QUOTE_MAX and text[a] not in _OPEN_Q + _CLOSE_Q + "\n":
        a -= 1
    if a < 0 or text[a] not in _OPEN_Q:
        return False
    b = end
    while b < len(text) and b - a - 1 <= _QUOTE_MAX and text[b] not in _OPEN_Q + _CLOSE_Q + "\n":
        b += 1
    return b < len(text) and text[b] in _CLOSE_Q and b - a - 1 <= _QUOTE_MAX


def _merge_range(text: str, a: _Cand) -> _Cand | None:
    """a followed by ～/至/到… and a second quantity: one range, or None."""
    if a.end >= len(text) or a.suffix or a.high is not None or a.reject not in (None, "bare"):
        return None
    sep = text[a.end]
    if sep == "、":  # 两、三倍: two neighbouring Chinese digits
        b = _parse_at(text, a.end + 1)
        if not (a.bare and b is not None and b.reject is None and b.num_start == a.end + 1
                and text[a.start] in _DIG and text[b.num_start] in _DIG and b.end - b.num_start > 1
                and a.end - a.start == 1 and b.value == a.value + 1 and not b.mul):
            return None
    elif sep in _RANGE_SEPS:
        b = _parse_at(text, a.end + 1)
    else:
        return None
    if b is None or b.prefix or b.high is not None:
        return None
    if b.reject == "bare" and a.kind == "percent" and text.startswith(("百分之", "千分之"), a.start):
        b.unit, b.kind, b.reject = a.unit, a.kind, None  # 百分之四到五
        _qualify(text, b)
    if b.reject:
        return None
    if not a.bare and _UNIT_NORMAL.get(a.unit, a.unit) != _UNIT_NORMAL.get(b.unit, b.unit):
        return None
    low = a.value
    if a.bare and b.mul and not a.mul:  # 9～16亿: the multiplier is shared
        low *= _FACTOR[b.mul]
    if low > b.value:
        return None
    start, prefix = a.start, a.prefix
    if a.bare:  # a bare lower bound was not qualified on its own: 约9～16亿元
        p = _prefix(text, a.num_start)
        if p and not (b.kind == "duration" and p == "近"):
            start, prefix = a.num_start - len(p), p
    return _Cand(start, a.num_start, b.end, low, unit=b.unit, kind="range", mul=b.mul,
                 prefix=prefix, inner=a.inner or b.inner, suffix=b.suffix, high=b.value)


def _kind(c: _Cand) -> str:
    if c.high is not None:
        return "range"
    return c.kind or "count"


def _sentence_index(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Sentence spans of every non-blank line (a line is a paragraph)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for ln in text.split("\n"):
        for a, b in sentence_spans(ln):
            spans.append((pos + a, pos + b))
        pos += len(ln) + 1
    return [s for s, _ in spans], spans


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text`` in text order; offsets, lines and sentences relative to it."""
    found = _candidates(text)
    line_starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
    sent_starts, spans = _sentence_index(text)

    out = []
    for c in found:
        ln = bisect.bisect_right(line_starts, c.start)
        k = bisect.bisect_right(sent_starts, c.start)
        s_text = text[spans[k - 1][0]:spans[k - 1][1]] if k else ""
        out.append(_quantity(text, c, c.start, c.end, ln, c.start - line_starts[ln - 1] + 1, k, s_text))
    return out


def _quantity(text: str, c: _Cand, start: int, end: int, line: int, column: int, sentence: int,
              sentence_text: str) -> Quantity:
    return Quantity(
        raw=text[c.start:c.end], value=_number(c.value),
        unit=_UNIT_NORMAL.get(c.unit, c.unit), qualifier=c.qualifier, kind=_kind(c),
        start=start, end=end, line=line, column=column, sentence=sentence, sentence_text=sentence_text,
        value_high=None if c.high is None else _number(c.high))


_NEWLINE_RE = re.compile("\n")


def _candidates(text: str) -> list[_Cand]:
    """The quantities of ``text`` as parsed, in text order (offsets into it)."""
    named = [(m.start(), m.end()) for m in _NAMED_RE.finditer(text)]
    years = [(m.start(), m.end()) for m in _YEAR_RE.finditer(text)]
    year_starts = [a for a, _ in years]
    found: list[_Cand] = []
    i = 0
    n = len(text)
    while i < n:
        m = _START_RE.search(text, i)
        if not m:
            break
        i = m.start()
        y = bisect.bisect_right(year_starts, i) - 1
        if y >= 0 and i < years[y][1]:  # a calendar year: a date, not a duration
            i = years[y][1]
            continue
        c = _parse_at(text, i)
        if c is None:
            i += 1
            continue
        r = _merge_range(text, c)
        if r is not None:
            c = r
        if c.reject is None:
            if not any(a < c.end and c.start < b for a, b in named) and not _in_quotation(text, c.start, c.end):
                found.append(c)
        i = max(c.end, i + 1)
    return found


def _included_paragraphs(report: "Report") -> list:
    """Body paragraphs and headings: not the title block, closing or boilerplate."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    return [p for p in report.paragraphs if kinds.get(p.index) in ("paragraph", "heading")]


def quantity_table(report: "Report") -> pd.DataFrame:
    """One row per quantity of the report's body paragraphs and headings.

    Columns: raw, value, value_high (floats; value_high is NaN outside
    ranges), unit, qualifier, kind, line, column (1-based, characters),
    start, end (offsets into ``report.text``), sentence (1-based index into
    ``tables.sentence_table``), sentence_text.
    """
    sentences = tables(report).sentences
    starts = sentences["start"].tolist()
    texts = sentences["text"].tolist()

    rows = []
    for p in _included_paragraphs(report):
        line_start = report.lines[p.line - 1].start
        for c in _candidates(p.text):  # placed in the report: no need to place them in the paragraph
            a = p.start + c.start
            k = bisect.bisect_right(starts, a)
            rows.append(_quantity(p.text, c, a, p.start + c.end, p.line, a - line_start + 1, k, texts[k - 1]))
    frame = pd.DataFrame(list(map(attrgetter(*COLUMNS), rows)), columns=COLUMNS)
    # Numeric columns stay numeric when empty; value_high is NaN outside ranges.
    frame["value"] = frame["value"].astype("float64")
    frame["value_high"] = pd.to_numeric(frame["value_high"]).astype("float64")
    for col in ("line", "column", "start", "end", "sentence"):
        frame[col] = frame[col].astype("int64")
    return frame
