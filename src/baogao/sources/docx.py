"""Read a Word .docx into paragraphs, rendering Word's automatic numbering.

Students often number their headings (一、 （一） 1. （1）) with Word's
*automatic numbering*: the number lives in ``word/numbering.xml`` and is drawn
by Word at display time, so it is absent from the paragraph's own text. If we
only read ``paragraph.text`` those headings lose their numbers and every later
check (heading hierarchy, numbering order) goes wrong. This module therefore
replays Word's list counters and writes the rendered number in front of the
text.

A .docx is a zip archive, and a small one can expand to gigabytes of XML
(a "zip bomb"): before python-docx parses anything, the archive's table of
contents is checked against :class:`ExpansionLimits` (the expanded size of
all parts together, of each part, and each large part's compression ratio).

Public interface: :class:`DocxParagraph`, :func:`read_docx` and
:class:`ExpansionLimits` (``DEFAULT_LIMITS``).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from baogao.errors import DocxError

__all__ = ["DEFAULT_LIMITS", "DocxParagraph", "ExpansionLimits", "read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"w": _W, "mc": _MC}
_RT_NUMBERING = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
)
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_MAX_LEVELS = 9
_MIB = 1024 * 1024


@dataclass(frozen=True)
class ExpansionLimits:
    """How far the parts of a .docx may expand, checked before parsing.

    The sizes are the archive's own ``ZipInfo.file_size`` of every part (a
    part that decompresses to more than its declared size fails Python's
    zipfile reader, so the declared sizes bound what python-docx reads).
    A student's report expands to a few MB at most: exported as a .docx,
    the corpus's longest report expands to 1.0 MB in all; its largest part,
    Word's ``stylesWithEffects.xml``, to 0.4 MB at a ratio of 32.
    """

    #: All parts together, expanded (bytes).
    total: int = 128 * _MIB
    #: Any one part, expanded (bytes).
    part: int = 64 * _MIB
    #: Expanded size / compressed size of one part, for parts of at least ``ratio_from`` bytes.
    ratio: float = 200.0
    ratio_from: int = 1 * _MIB


DEFAULT_LIMITS = ExpansionLimits()


def _w(tag: str) -> str:
    """Clark name of a WordprocessingML tag, e.g. ``_w("p")``."""
    return f"{{{_W}}}{tag}"


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph of the document body, as a reader sees it in Word."""

    text: str  # marker + the paragraph's own text, e.g. "一、主要工作"
    marker: str  # rendered automatic number alone ("一、", "（一）"), "" if none
    style: str  # paragraph style name as Word shows it ("Heading 1", "Normal")
    heading_level: int | None  # 1..9 for headings/outline levels, None otherwise


# ---------------------------------------------------------------------------
# Number formatting (w:numFmt)

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _chinese_below_10000(n: int, digits: str, units: tuple[str, ...]) -> str:
    """Chinese numeral for 0 < n < 10000 with 零 for inner gaps (一百零一)."""
    out: list[str] = []
    zero_pending = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            if out:  # a gap after a written digit needs one 零 before the next
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")  # 一百零一, also in the legal capitals
            zero_pending = False
        out.append(digits[d] + units[power])
    return "".join(out)


def _chinese_numeral(n: int, *, legal: bool = False) -> str:
    """Render ``n`` the way Word's Chinese counting formats do.

    1..99 -> 一 … 九十九 (10 -> 十, 11 -> 十一, 20 -> 二十), 100 -> 一百,
    101 -> 一百零一, 110 -> 一百一十. ``legal`` gives the financial capitals
    (壹 贰 叁 …), which keep the leading 壹 in 壹拾.
    """
    digits = _CN_LEGAL_DIGITS if legal else _CN_DIGITS
    units = _CN_LEGAL_UNITS if legal else _CN_UNITS
    if n < 0:
        return str(n)
    if n == 0:
        return digits[0]
    if n >= 10**8:  # far beyond any list; Word gives up on words here too
        return str(n)
    high, low = divmod(n, 10000)
    if high:
        text = _chinese_below_10000(high, digits, units) + "万"
        if low:
            if low < 1000:  # 一万零五
                text += "零"
            text += _chinese_below_10000(low, digits, units)
    else:
        text = _chinese_below_10000(low, digits, units)
    if not legal and (10 <= n < 20 or 100000 <= n < 200000):
        text = text[1:]  # 十, 十一 … 十九, 十万: no leading 一 in counting style
    return text


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word's list letters repeat the letter: a … z, aa … zz, aaa …
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed_circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ① … ⑳
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)  # ㉑ … ㉟
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)  # ㊱ … ㊿
    return str(n)


def _format_number(n: int, fmt: str) -> str:
    """Render counter value ``n`` in Word number format ``fmt`` (w:numFmt)."""
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseDigitalTenThousand"):
        return _chinese_numeral(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese_numeral(n, legal=True)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return _STEMS[n - 1] if 1 <= n <= len(_STEMS) else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[n - 1] if 1 <= n <= len(_BRANCHES) else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed_circle(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"  # ⑴ … ⒇
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."  # ⒈ … ⒛
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)  # decimal, and the fallback for formats we do not know


# Bullets drawn from the Symbol/Wingdings fonts are stored as private-use
# characters that mean nothing outside those fonts; show a plain bullet.
_PUA_BULLETS = {
    "\uf0b7": "•", "\uf06c": "●", "\uf0a7": "▪", "\uf0a8": "◆", "\uf0d8": "➢",
    "\uf076": "❖", "\uf0fc": "✓", "\uf06e": "■", "\uf071": "❑", "\uf0e8": "➔",
}


def _plain_bullet(text: str) -> str:
    return "".join(
        _PUA_BULLETS.get(c, "•") if 0xF000 <= ord(c) <= 0xF0FF else c for c in text
    )


# ---------------------------------------------------------------------------
# Small XML helpers (the files come from many tools, so nothing is assumed)


def _val(el, path: str) -> str | None:
    """``w:val`` of the first element at ``path`` under ``el``, or None."""
    if el is None:
        return None
    found = el.find(path, _NS)
    if found is None:
        return None
    return found.get(_w("val"))


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


# ---------------------------------------------------------------------------
# Styles


@dataclass
class _Style:
    style_id: str
    name: str
    based_on: str | None
    num_id: int | None  # w:pPr/w:numPr/w:numId on the style itself
    ilvl: int | None  # w:pPr/w:numPr/w:ilvl on the style itself
    outline_level: int | None  # w:pPr/w:outlineLvl on the style itself (0-based)


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_NOT_HEADING_NAMES = {"title", "subtitle", "标题", "副标题"}


class _Styles:
    """Paragraph styles by id, with the basedOn chain Word uses for inheritance."""

    def __init__(self, styles_el) -> None:
        from docx.styles import BabelFish  # python-docx is heavy: loaded by the first .docx only

        self.by_id: dict[str, _Style] = {}
        self.numbering_style_num: dict[str, int] = {}  # numbering styles -> numId
        self.default_id: str | None = None
        if styles_el is None:
            return
        for el in styles_el.findall("w:style", _NS):
            style_id = el.get(_w("styleId"))
            if not style_id:
                continue
            kind = el.get(_w("type"), "paragraph")
            ppr = el.find("w:pPr", _NS)
            num_id = _int(_val(ppr, "w:numPr/w:numId"))
            if kind == "numbering":
                if num_id is not None:
                    self.numbering_style_num[style_id] = num_id
                continue
            if kind != "paragraph":
                continue
            name = BabelFish.internal2ui(_val(el, "w:name") or style_id)  # "heading 1" -> "Heading 1"
            self.by_id[style_id] = _Style(
                style_id=style_id,
                name=name,
                based_on=_val(el, "w:basedOn"),
                num_id=num_id,
                ilvl=_int(_val(ppr, "w:numPr/w:ilvl")),
                outline_level=_int(_val(ppr, "w:outlineLvl")),
            )
            if el.get(_w("default")) in ("1", "true", "on") and self.default_id is None:
                self.default_id = style_id

    def resolve(self, style_id: str | None) -> _Style | None:
        """The style a paragraph uses: its pStyle if known, else the default."""
        if style_id and style_id in self.by_id:
            return self.by_id[style_id]
        if self.default_id:
            return self.by_id.get(self.default_id)
        return None

    def chain(self, style: _Style | None) -> Iterator[_Style]:
        """``style`` then its basedOn ancestors (cycle-safe)."""
        seen: set[str] = set()
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            yield style
            style = self.by_id.get(style.based_on) if style.based_on else None


# ---------------------------------------------------------------------------
# Numbering


@dataclass
class _Level:
    start: int
    fmt: str
    text: str | None  # w:lvlText; None when absent
    restart: int | None  # w:lvlRestart (1-based level, 0 = never)
    legal: bool  # w:isLgl: render every referenced level as decimal
    pstyle: str | None  # w:pStyle: the paragraph style linked to this level


def _parse_level(lvl_el) -> _Level:
    fmt = _val(lvl_el, "w:numFmt")
    if fmt is None:  # newer Word wraps custom formats in mc:AlternateContent
        fmt = _val(lvl_el, "mc:AlternateContent/mc:Fallback/w:numFmt")
    text_el = lvl_el.find("w:lvlText", _NS)
    text = None
    if text_el is not None and text_el.get(_w("null")) not in ("1", "true", "on"):
        text = text_el.get(_w("val"))
    legal_el = lvl_el.find("w:isLgl", _NS)
    return _Level(
        start=_int(_val(lvl_el, "w:start"), 1),
        fmt=fmt or "decimal",
        text=text,
        restart=_int(_val(lvl_el, "w:lvlRestart")),
        legal=legal_el is not None
        and legal_el.get(_w("val"), "1") not in ("0", "false", "off"),
        pstyle=_val(lvl_el, "w:pStyle"),
    )


class _Numbering:
    """Replays Word's list counters over the paragraphs in document order."""

    def __init__(self, numbering_el, styles: _Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, object] = {}  # abstractNumId -> element
        self.nums: dict[int, object] = {}  # numId -> w:num element
        if numbering_el is not None:
            for el in numbering_el.findall("w:abstractNum", _NS):
                self.abstract[el.get(_w("abstractNumId"), "")] = el
            for el in numbering_el.findall("w:num", _NS):
                num_id = _int(el.get(_w("numId")))
                if num_id is not None:
                    self.nums[num_id] = el
        self._levels_cache: dict[int, tuple[object, list[_Level | None]] | None] = {}
        self._counters: dict[object, list[int | None]] = {}

    # -- definitions --------------------------------------------------------

    def _abstract_for(self, num_id: int, depth: int = 0):
        """The abstractNum element holding the level definitions of ``num_id``."""
        num = self.nums.get(num_id)
        if num is None or depth > 5:
            return None
        abstract = self.abstract.get(_val(num, "w:abstractNumId") or "")
        if abstract is None:
            return None
        # A list that points at a numbering style (w:numStyleLink) keeps its
        # levels in the abstractNum that defines that style; follow the link.
        link = _val(abstract, "w:numStyleLink")
        if link and not abstract.findall("w:lvl", _NS):
            linked_num = self.styles.numbering_style_num.get(link)
            if linked_num is not None and linked_num != num_id:
                target = self._abstract_for(linked_num, depth + 1)
                if target is not None:
                    return target
            for candidate in self.abstract.values():
                if _val(candidate, "w:styleLink") == link:
                    return candidate
        return abstract

    def _levels(self, num_id: int):
        """(counter key, nine level definitions) for ``num_id``, or None."""
        if num_id in self._levels_cache:
            return self._levels_cache[num_id]
        result = None
        num = self.nums.get(num_id)
        abstract = self._abstract_for(num_id)
        if num is not None and abstract is not None:
            levels: list[_Level | None] = [None] * _MAX_LEVELS
            for lvl in abstract.findall("w:lvl", _NS):
                ilvl = _int(lvl.get(_w("ilvl")))
                if ilvl is not None and 0 <= ilvl < _MAX_LEVELS:
                    levels[ilvl] = _parse_level(lvl)
            own_counters = False
            for override in num.findall("w:lvlOverride", _NS):
                ilvl = _int(override.get(_w("ilvl")))
                if ilvl is None or not 0 <= ilvl < _MAX_LEVELS:
                    continue
                lvl = override.find("w:lvl", _NS)
                if lvl is not None:  # a whole replacement level definition
                    levels[ilvl] = _parse_level(lvl)
                start = _int(_val(override, "w:startOverride"))
                if start is not None:
                    own_counters = True
                    if levels[ilvl] is not None:
                        levels[ilvl].start = start
            # Word shares counters between lists of one abstractNum (so a list
            # interrupted by body text continues), unless a startOverride
            # restarts this list instance.
            key = ("num", num_id) if own_counters else ("abstract", id(abstract))
            result = (key, levels)
        self._levels_cache[num_id] = result
        return result

    # -- per paragraph -------------------------------------------------------

    def _num_pr(self, p_el, style: _Style | None) -> tuple[int, int] | None:
        """(numId, ilvl) applying to paragraph ``p_el``, or None if unnumbered."""
        ppr = p_el.find("w:pPr", _NS)
        num_pr = ppr.find("w:numPr", _NS) if ppr is not None else None
        num_id = _int(_val(num_pr, "w:numId"))
        ilvl = _int(_val(num_pr, "w:ilvl"))
        from_style: _Style | None = None
        if num_id is None:
            for s in self.styles.chain(style):
                if s.num_id is not None:
                    num_id, from_style = s.num_id, s
                    if ilvl is None:
                        ilvl = s.ilvl
                    break
        if not num_id:  # None, or 0 which explicitly means "no numbering"
            return None
        if ilvl is None and from_style is not None:
            # Style-linked lists: the level whose w:pStyle names the style.
            info = self._levels(num_id)
            if info is not None:
                ids = [s.style_id for s in self.styles.chain(style)]
                for sid in ids:
                    for i, lvl in enumerate(info[1]):
                        if lvl is not None and lvl.pstyle == sid:
                            ilvl = i
                            break
                    if ilvl is not None:
                        break
        if ilvl is None or not 0 <= ilvl < _MAX_LEVELS:
            ilvl = 0
        return num_id, ilvl

    def marker(self, p_el, style: _Style | None) -> str:
        """Advance the counters for this paragraph and return its rendered number."""
        num_pr = self._num_pr(p_el, style)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        info = self._levels(num_id)
        if info is None:  # dangling numId: Word shows no number either
            return ""
        key, levels = info
        level = levels[ilvl]
        if level is None:
            return ""
        counters = self._counters.setdefault(key, [None] * _MAX_LEVELS)
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        # Deeper levels restart when this level is used, unless their
        # w:lvlRestart says they only restart at a higher level (or never).
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            deeper_level = levels[deeper]
            threshold = deeper  # default: restart after any higher level
            if deeper_level is not None and deeper_level.restart is not None:
                if deeper_level.restart == 0:
                    continue
                if deeper_level.restart <= deeper:
                    threshold = deeper_level.restart
            if ilvl < threshold:
                counters[deeper] = None

        if level.fmt == "bullet":
            return _plain_bullet(level.text or "")
        if not level.text:
            return ""

        def render(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            ref_level = levels[ref]
            value = counters[ref]
            if value is None:  # a level not used yet shows its start value
                value = ref_level.start if ref_level is not None else 1
            fmt = ref_level.fmt if ref_level is not None else "decimal"
            if fmt == "bullet":
                return ""
            if level.legal and fmt != "none":
                fmt = "decimal"
            return _format_number(value, fmt)

        return re.sub(r"%([1-9])", render, level.text)


# ---------------------------------------------------------------------------
# Body walking and paragraph text


def _iter_body_paragraphs(container) -> Iterator[object]:
    """Every w:p of a block container in document order, tables included."""
    for child in container:
        tag = child.tag
        if tag == _w("p"):
            yield child
        elif tag == _w("tbl"):
            for tr in child.findall("w:tr", _NS):
                for tc in _row_cells(tr):
                    yield from _iter_body_paragraphs(tc)
        elif tag in (_w("sdt"),):  # content controls wrap whole paragraphs
            content = child.find("w:sdtContent", _NS)
            if content is not None:
                yield from _iter_body_paragraphs(content)
        elif tag in (_w("customXml"), _w("sdtContent"), _w("ins"), _w("moveTo")):
            yield from _iter_body_paragraphs(child)


def _row_cells(tr) -> Iterator[object]:
    """The cells of a table row, skipping the continuation of merged cells.

    A vertically merged cell is stored as one w:tc per row; only the first
    (vMerge="restart") holds the text, the others hold an empty paragraph
    that Word does not display, so they are skipped.
    """
    for child in tr:
        if child.tag == _w("tc"):
            cells = [child]
        elif child.tag in (_w("sdt"), _w("customXml")):
            cells = child.findall(".//w:tc", _NS)
        else:
            continue
        for tc in cells:
            tc_pr = tc.find("w:tcPr", _NS)
            if tc_pr is not None:
                v_merge = tc_pr.find("w:vMerge", _NS)
                if v_merge is not None and v_merge.get(_w("val"), "continue") == "continue":
                    continue
                h_merge = tc_pr.find("w:hMerge", _NS)
                if h_merge is not None and h_merge.get(_w("val"), "continue") == "continue":
                    continue
            yield tc


# Runs that Word does not show as paragraph text: deleted revisions, the
# fallback copy of alternate content, and text boxes anchored in the paragraph.
_RUNS_XPATH = etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::mc:Fallback) and not(ancestor::w:txbxContent)]",
    namespaces=_NS,
)


_LINE_BREAKS = dict.fromkeys(map(ord, "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))


def _paragraph_text(p_el) -> str:
    # python-docx's CT_R.text renders w:t, w:tab, w:br, w:cr, w:ptab and
    # w:noBreakHyphen. We gather runs from the whole paragraph rather than its
    # direct children so that tracked insertions, hyperlinks, fields and inline
    # content controls are not lost.
    parts = []
    for r in _RUNS_XPATH(p_el):
        text = getattr(r, "text", None)
        if isinstance(text, str):
            parts.append(text)
    # A soft line break in Chinese text is not a space; and the caller joins
    # paragraphs with "\n", so no line separator (str.splitlines() also splits
    # on U+2028, U+0085 ...) may stay inside a paragraph.
    return "".join(parts).translate(_LINE_BREAKS)


def _heading_level(p_el, style: _Style | None, styles: _Styles) -> int | None:
    if style is not None and style.name.strip().lower() in _NOT_HEADING_NAMES:
        return None
    ppr = p_el.find("w:pPr", _NS)
    direct = _int(_val(ppr, "w:outlineLvl"))
    if direct is not None:  # direct formatting overrides the style
        return direct + 1 if 0 <= direct < _MAX_LEVELS else None
    for s in styles.chain(style):
        m = _HEADING_NAME.match(s.name.strip())
        if m:
            return int(m.group(1))
        if s.outline_level is not None:
            lvl = s.outline_level
            return lvl + 1 if 0 <= lvl < _MAX_LEVELS else None  # 9 = body text
    return None


# ---------------------------------------------------------------------------
# Entry point


def _cannot_read(name: str) -> str:
    """Start of every error sentence, naming the file when we know its name."""
    return f"无法读取 Word 文件“{name}”" if name else "无法读取该 Word 文件"


def _size(n: int) -> str:
    """A byte count for a sentence: "1,024 字节", "3.5 MB"."""
    return f"{n:,} 字节" if n < _MIB else f"{n / _MIB:,.1f} MB"


def _check_expansion(zf: zipfile.ZipFile, label: str, limits: ExpansionLimits) -> str | None:
    """The sentence refusing an archive whose parts expand beyond ``limits``, or None."""
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        size = info.file_size
        total += size
        what = f"{label}：其中的部件“{info.filename}”解压后有 {_size(size)}"
        if size > limits.part:
            return f"{what}，超过了单个部件 {_size(limits.part)} 的上限，这不像一份报告（可能是“压缩炸弹”）。"
        if size >= limits.ratio_from and size > limits.ratio * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            return (f"{what}，压缩比高达 {ratio:,.0f} 倍（上限 {limits.ratio:g} 倍），"
                    "这不像一份报告（可能是“压缩炸弹”）。")
        if total > limits.total:
            return (f"{label}：解压后的内容超过了 {_size(limits.total)} 的上限，"
                    "这不像一份报告（可能是“压缩炸弹”）。")
    return None


def _open_document(data: bytes, name: str, limits: ExpansionLimits = DEFAULT_LIMITS):
    """Open ``data`` with python-docx, turning every failure into DocxError.

    The archive is refused before parsing when its parts expand beyond
    ``limits``.
    """
    label = _cannot_read(name)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DocxError(f"{label}：传入的内容不是文件的字节数据。", path=name or None)
    data = bytes(data)
    if not data:
        raise DocxError(f"{label}：文件是空的。", path=name or None)
    if data.startswith(_OLE2_MAGIC):
        raise DocxError(
            f"{label}：这是旧版 .doc 文件或加了密码的 .docx 文件，"
            "请在 Word 中另存为不带密码的 .docx 文件后再上传。",
            path=name or None,
        )
    corrupt = f"{label}：文件已损坏或不是 .docx 格式。"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            too_large = _check_expansion(zf, label, limits)
    except Exception:
        raise DocxError(corrupt, path=name or None) from None
    if too_large is not None:
        raise DocxError(too_large, path=name or None)
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise DocxError(
            f"{label}：这是一个压缩包，但不是 Word 文档（缺少 word/document.xml）。",
            path=name or None,
        )

    import docx  # imported here so the error paths above stay cheap

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError:
        message = f"{label}：文档内部的 XML 内容已损坏。"
    except ValueError as exc:
        if "not a Word file" in str(exc):
            message = (
                f"{label}：这不是 Word 文档（可能是 Excel 或 PowerPoint 文件），"
                "请上传 .docx 格式的 Word 文件。"
            )
        else:
            message = corrupt
    except Exception:
        if "word/document.xml" not in names:
            message = (
                f"{label}：这是一个压缩包，但不是 Word 文档（缺少 word/document.xml）。"
            )
        else:
            message = corrupt
    raise DocxError(message, path=name or None) from None


def read_docx(data: bytes, *, name: str = "",
              limits: ExpansionLimits | None = None) -> list[DocxParagraph]:
    """Read the body paragraphs of a .docx, with automatic numbers rendered.

    Every body paragraph is returned in document order, empty ones included
    (the caller joins them with "\\n", so a paragraph's 1-based index is its
    line number); table cells are read row by row. Headers, footers and
    footnotes are not included.

    Raises :class:`~baogao.errors.DocxError` (one Chinese sentence naming
    ``name``) for anything that is not a readable .docx, and, before
    parsing, for an archive whose parts expand beyond ``limits``
    (default :data:`DEFAULT_LIMITS`).
    """
    document = _open_document(data, name, DEFAULT_LIMITS if limits is None else limits)
    try:
        return _read_paragraphs(document)
    except DocxError:
        raise
    except Exception:
        # Valid zip and XML but structures we cannot make sense of.
        raise DocxError(
            f"{_cannot_read(name)}：文档结构异常，无法解析其中的段落。",
            path=name or None,
        ) from None


def _read_paragraphs(document) -> list[DocxParagraph]:
    part = document.part
    styles = _Styles(part.styles.element)
    numbering_el = None
    # Look the numbering part up ourselves: python-docx's numbering_part
    # property would create an empty one as a side effect.
    for rel in part.rels.values():
        if rel.reltype == _RT_NUMBERING and not rel.is_external:
            numbering_el = getattr(rel.target_part, "element", None)
            break
    numbering = _Numbering(numbering_el, styles)

    body = document.element.find("w:body", _NS)
    result: list[DocxParagraph] = []
    if body is None:
        return result
    for p_el in _iter_body_paragraphs(body):
        style = styles.resolve(_val(p_el, "w:pPr/w:pStyle"))
        marker = numbering.marker(p_el, style)
        own = _paragraph_text(p_el)
        if marker:
            own = own.lstrip("\t")  # the tab Word puts after a number (w:suff)
        result.append(
            DocxParagraph(
                text=marker + own,
                marker=marker,
                style=style.name if style is not None else "",
                heading_level=_heading_level(p_el, style, styles),
            )
        )
    return result
