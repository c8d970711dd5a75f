"""The draft as a Word document laid out by GB/T 9704-2012 (``to_docx``).

A4 with the standard's text block (156 × 225 mm, 22 lines of 28 characters),
3号 仿宋 body text, a 2号 小标宋 title, heading fonts by level, signature
and date on the right, and page numbers; the layout numbers below are
explained in ``docs/export.md``. Each element of
the draft becomes one paragraph in a named style (公文标题, 公文正文, 一级标题 …),
so the student can restyle it in Word; the text, markers included, is the
draft's own, and standalone headings carry an outline level so that
``baogao.load`` reads the same outline back.

python-docx is imported inside the functions that build the document, so
that importing ``baogao.export`` stays light.
"""
from __future__ import annotations

import math
import os
import unicodedata
from dataclasses import dataclass
from typing import IO

from baogao.export.blocks import draft_blocks
from baogao.sources.load import load
from baogao.export.frame import RED, TAB, frame_layout, pieces
from baogao.structure.lines import ANNEX

#: Page and text block in millimetres (GB/T 9704-2012, 5.2.1 and 5.2.2).
PAGE_MM = (210, 297)


MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}  # 天头, 地脚, 订口, 翻口


LINES_PER_PAGE = 22


CHARS_PER_LINE = 28


BODY_PT = 16  # 3号


TITLE_PT = 22  # 2号


PAGE_NUMBER_PT = 14  # 4号


_TWIPS_PER_MM = 1440 / 25.4


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


#: 225 mm / 22 lines = 579.8 twips; rounded *down* to 579 twips (28.95 pt),
#: because 22 lines of 580 twips (29 pt) are 0.07 mm taller than the text
#: block and Word would then fit only 21 lines on a page.
LINE_PITCH_TWIPS = math.floor(
    (_twips(PAGE_MM[1]) - _twips(MARGINS_MM["top"]) - _twips(MARGINS_MM["bottom"])) / LINES_PER_PAGE)


LINE_PITCH_PT = LINE_PITCH_TWIPS / 20


#: 156 mm / 28 characters = 15.79 pt per character, a little under the 16 pt
#: of 3号: every character of body-size text is condensed by 5 twips
#: (0.25 pt), so 28 characters take 441 pt of the 442.2 pt line.
TEXT_WIDTH_TWIPS = _twips(PAGE_MM[0]) - _twips(MARGINS_MM["left"]) - _twips(MARGINS_MM["right"])


CHAR_SPACING_TWIPS = -math.ceil(BODY_PT * 20 - TEXT_WIDTH_TWIPS / CHARS_PER_LINE)


#: Fonts. East Asian names are the ones Windows has shipped since Vista (仿宋,
#: 楷体, 黑体), so a student's Word finds them; the _GB2312 variants of
#: government machines are listed as alternative names in the font table.
#: 方正小标宋简体 is not a system font: where it is missing, Word and
#: LibreOffice substitute another Song face for the title.
TITLE_FONT = "方正小标宋简体"


FANGSONG = "仿宋"


KAITI = "楷体"


HEITI = "黑体"


SONGTI = "宋体"


LATIN_FONT = "Times New Roman"


_FONT_TABLE = {  # name: (alternative names, w:family, w:pitch)
    TITLE_FONT: ("FZXiaoBiaoSong-B05S", "roman", "variable"),
    FANGSONG: ("仿宋_GB2312,FangSong", "modern", "fixed"),
    KAITI: ("楷体_GB2312,KaiTi", "modern", "fixed"),
    HEITI: ("SimHei", "modern", "fixed"),
    SONGTI: ("SimSun", "auto", "variable"),
}


@dataclass(frozen=True)
class _Style:
    style_id: str
    name: str
    east_asia: str = FANGSONG
    size: float = BODY_PT
    align: str = "both"  # w:jc
    first_line_chars: int = 0  # first-line indent, in characters
    right_chars: int = 0  # right indent, in characters
    outline_level: int | None = None  # 0 = level 1
    space_before_lines: int = 0
    space_after_lines: int = 0
    keep_next: bool = False
    bold: bool = False
    left_chars: int = 0  # left indent, in characters
    color: str | None = None  # w:color, RRGGBB
    page_break_before: bool = False


_STYLES = {
    "title": _Style("GwTitle", "公文标题", TITLE_FONT, TITLE_PT, "center", space_after_lines=1),
    "subtitle": _Style("GwSubtitle", "题注", KAITI, align="center"),
    "speaker": _Style("GwSpeaker", "报告人", KAITI, align="center"),
    "salutation": _Style("GwSalutation", "称呼", align="left"),
    "addressee": _Style("GwAddressee", "主送机关", align="left"),
    "paragraph": _Style("GwBody", "公文正文", first_line_chars=2),
    1: _Style("GwLevel1", "一级标题", HEITI, align="left", first_line_chars=2,
              outline_level=0, keep_next=True),
    2: _Style("GwLevel2", "二级标题", KAITI, align="left", first_line_chars=2,
              outline_level=1, keep_next=True),
    3: _Style("GwLevel3", "三级标题", FANGSONG, align="left", first_line_chars=2,
              outline_level=2, keep_next=True),
    4: _Style("GwLevel4", "四级标题", FANGSONG, align="left", first_line_chars=2,
              outline_level=3, keep_next=True),
    "attachment": _Style("GwAttachment", "附件说明", first_line_chars=2, space_before_lines=1),
    "signature": _Style("GwSignature", "署名", align="right", right_chars=4, space_before_lines=1),
    "date": _Style("GwDate", "成文日期", align="right", right_chars=4),
    # The 版头 (docs/export.md, "The 版头, the 附注 and the 版记").
    "copy_number": _Style("GwCopyNumber", "份号", align="left"),
    "secrecy": _Style("GwSecrecy", "密级和保密期限", HEITI, align="left"),
    "urgency": _Style("GwUrgency", "紧急程度", HEITI, align="left"),
    "issuer": _Style("GwIssuer", "发文机关标志", TITLE_FONT, TITLE_PT, "center", color=RED),
    "doc_number": _Style("GwDocNumber", "发文字号", align="center", space_before_lines=2),
    "signer": _Style("GwSigner", "签发人", align="right", right_chars=1),
    # The 附注 under the date, the 附件 on a page of its own, the 版记.
    "note": _Style("GwNote", "附注", align="left", first_line_chars=2),
    "annex": _Style("GwAnnex", "附件", HEITI, align="left", page_break_before=True),
    "annex_title": _Style("GwAnnexTitle", "附件标题", TITLE_FONT, TITLE_PT, "center", space_before_lines=1,
                          space_after_lines=1),
    "cc": _Style("GwCc", "抄送机关", size=14, align="left", left_chars=1, right_chars=1),
    "imprint": _Style("GwImprint", "印发机关和印发日期", size=14, align="left", left_chars=1, right_chars=1),
}

#: The East Asian font of each part of a 版头 or 版记 paragraph (``frame.pieces``).
_PIECE_FONTS = {"number": FANGSONG, "label": FANGSONG, "name": KAITI, "organ": FANGSONG, "date": FANGSONG}


#: GB/T 9704 names only the typeface of levels 3 and 4 (仿宋); we add no bold.
#: Run-in headings use a character style linked to the heading's paragraph
#: style, so restyling 一级标题 in Word restyles both kinds of heading.
_CHAR_SUFFIX = "Char"  # style id of the linked character style: GwLevel1Char


_CHAR_NAME_SUFFIX = "字符"  # its name: 一级标题字符


DATE_RIGHT_CHARS = 4  # 成文日期 右空四字


def _ordered_child(parent, tag: str, order: tuple[str, ...]):
    """The child ``tag`` of ``parent``, created in schema order if missing."""
    from docx.oxml import OxmlElement  # python-docx is heavy: loaded on export only
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is not None:
        return found
    child = OxmlElement(tag)
    successors = order[order.index(tag) + 1:]
    for el in parent:
        if el.tag in {qn(t) for t in successors}:
            el.addprevious(child)
            return child
    parent.append(child)
    return child


_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
              "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
              "w:pPrChange")


_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
              "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _set(el, **attrs) -> None:
    from docx.oxml.ns import qn  # python-docx is heavy: loaded on export only

    for key, value in attrs.items():
        el.set(qn("w:" + key), str(value))


def _set_fonts(rpr, east_asia: str, latin: str = LATIN_FONT, size: float | None = None,
               bold: bool = False, spacing: int | None = None, color: str | None = None) -> None:
    """Explicit fonts (no theme fonts) for every script, and the size."""
    from docx.oxml.ns import qn  # python-docx is heavy: loaded on export only

    fonts = _ordered_child(rpr, "w:rFonts", _RPR_ORDER)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn("w:" + attr), None)  # a theme font would win over the name
    # hint="eastAsia": quotation marks and dashes (“ ” — …), which Unicode
    # shares between scripts, are drawn in the East Asian font, full width.
    _set(fonts, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia, hint="eastAsia")
    if bold:
        _ordered_child(rpr, "w:b", _RPR_ORDER)
        _ordered_child(rpr, "w:bCs", _RPR_ORDER)
    if color is not None:
        _set(_ordered_child(rpr, "w:color", _RPR_ORDER), val=color)
    if spacing is not None:  # character spacing in twips (negative: condensed)
        _set(_ordered_child(rpr, "w:spacing", _RPR_ORDER), val=spacing)
    if size is not None:
        _set(_ordered_child(rpr, "w:sz", _RPR_ORDER), val=round(size * 2))
        _set(_ordered_child(rpr, "w:szCs", _RPR_ORDER), val=round(size * 2))


def _set_paragraph(ppr, style: _Style) -> None:
    em = round(BODY_PT * 20)  # one character of body text, in twips
    if style.keep_next:
        _ordered_child(ppr, "w:keepNext", _PPR_ORDER)
    if style.page_break_before:
        _ordered_child(ppr, "w:pageBreakBefore", _PPR_ORDER)
    spacing = _ordered_child(ppr, "w:spacing", _PPR_ORDER)
    _set(spacing, before=style.space_before_lines * LINE_PITCH_TWIPS,
         after=style.space_after_lines * LINE_PITCH_TWIPS,
         line=LINE_PITCH_TWIPS, lineRule="exact")
    ind = _ordered_child(ppr, "w:ind", _PPR_ORDER)
    # Both forms: w:*Chars (hundredths of a character, what Word shows as
    # "2 字符") and the same in twips for applications that ignore the first.
    _set(ind, firstLine=style.first_line_chars * em, firstLineChars=style.first_line_chars * 100,
         right=style.right_chars * em, rightChars=style.right_chars * 100,
         left=style.left_chars * em, leftChars=style.left_chars * 100)
    _set(_ordered_child(ppr, "w:jc", _PPR_ORDER), val=style.align)
    if style.outline_level is not None:
        _set(_ordered_child(ppr, "w:outlineLvl", _PPR_ORDER), val=style.outline_level)


def _setup_styles(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE  # python-docx is heavy: loaded on export only
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles
    # Document defaults and Normal: 3号 仿宋, Chinese language, the line pitch.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, FANGSONG, size=BODY_PT)
    _set(_ordered_child(rpr, "w:lang", _RPR_ORDER), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set(_ordered_child(ppr, "w:spacing", _PPR_ORDER), before=0, after=0,
         line=LINE_PITCH_TWIPS, lineRule="exact")

    normal = styles["Normal"].element
    npr = normal.get_or_add_pPr()
    # No widow control: every full page holds its 22 lines.
    _set(_ordered_child(npr, "w:widowControl", _PPR_ORDER), val=0)
    # No automatic space between Chinese and Latin letters or digits (2025年).
    _set(_ordered_child(npr, "w:autoSpaceDE", _PPR_ORDER), val=0)
    _set(_ordered_child(npr, "w:autoSpaceDN", _PPR_ORDER), val=0)
    _set_fonts(normal.get_or_add_rPr(), FANGSONG, size=BODY_PT, spacing=CHAR_SPACING_TWIPS)

    for key, spec in _STYLES.items():
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), spec.style_id)  # ASCII ids travel better
        style.base_style = styles["Normal"]
        style.quick_style = True  # shown in Word's style gallery
        _set_paragraph(style.element.get_or_add_pPr(), spec)
        _set_fonts(style.element.get_or_add_rPr(), spec.east_asia, size=spec.size, bold=spec.bold,
                   spacing=CHAR_SPACING_TWIPS if spec.size == BODY_PT else 0, color=spec.color)
        if isinstance(key, int):  # heading levels: a linked character style for run-in use
            char = styles.add_style(spec.name + _CHAR_NAME_SUFFIX, WD_STYLE_TYPE.CHARACTER)
            char.element.set(qn("w:styleId"), spec.style_id + _CHAR_SUFFIX)
            char.base_style = styles["Default Paragraph Font"]
            _set_fonts(char.element.get_or_add_rPr(), spec.east_asia, bold=spec.bold)
            for el, target in ((style.element, char.style_id), (char.element, spec.style_id)):
                link = OxmlElement("w:link")
                _set(link, val=target)
                # w:link comes right after w:basedOn/w:next in a style
                el.find(qn("w:basedOn")).addnext(link)


def _setup_page(document) -> None:
    from docx.oxml.ns import qn  # python-docx is heavy: loaded on export only
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.gutter = Mm(0)
    # No document grid (w:type): every paragraph has an exact line height
    # already, and LibreOffice (7.4) misreads the negative w:charSpace that a
    # 28-character grid needs, spreading a line over twice its width. The 28
    # characters per line come from CHAR_SPACING_TWIPS instead.
    grid = section._sectPr.find(qn("w:docGrid"))
    for attr in ("type", "charSpace"):
        grid.attrib.pop(qn("w:" + attr), None)
    _set(grid, linePitch=LINE_PITCH_TWIPS)


def _page_number_footer(document) -> None:
    """Page numbers as GB/T 9704 wants them: 4号 半角宋体, "— 1 —",
    odd pages right and even pages left, one character in from the text block.

    The number's top sits about 7 mm under the text block: 35 mm of bottom
    margin minus 7 mm, minus one 20 pt line, gives a footer distance of 21 mm.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # python-docx is heavy: loaded on export only
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm, Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.footer_distance = Mm(21)
    rpr = (f'<w:rPr><w:rFonts w:ascii="{SONGTI}" w:hAnsi="{SONGTI}" w:eastAsia="{SONGTI}" '
           f'w:cs="{SONGTI}" w:hint="eastAsia"/><w:spacing w:val="0"/><w:sz w:val="{PAGE_NUMBER_PT * 2}"/>'
           f'<w:szCs w:val="{PAGE_NUMBER_PT * 2}"/></w:rPr>')
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(20)
        fmt.first_line_indent = Pt(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            fmt.left_indent = Pt(PAGE_NUMBER_PT)
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}>{rpr}<w:t xml:space="preserve">— </w:t></w:r>'))
        p._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>'))
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>'))


def _font_table(document) -> None:
    """Declare the fonts with charset GB2312 and alternative names.

    When a font is missing, Word picks a substitute from this entry (a
    Chinese font of the same family) rather than from nothing.
    """
    # python-docx and lxml are heavy: loaded on export only
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    part = next((r.target_part for r in document.part.rels.values()
                 if r.reltype == RT.FONT_TABLE), None)
    if part is None:  # pragma: no cover - python-docx's template has one
        return
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(part.blob)
    for name, (alt, family, pitch) in _FONT_TABLE.items():
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
        etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})  # GB2312
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": family})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": pitch})
    # python-docx keeps parts it does not model as bytes; replace them.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _width_in_chars(text: str) -> float:
    """Width of a line in characters of body text: Latin letters and digits are half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _border(ppr, side: str, size: int, color: str = "000000", space: int = 1) -> None:
    bdr = _ordered_child(ppr, "w:pBdr", _PPR_ORDER)
    edge = _ordered_child(bdr, "w:" + side, ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"))
    _set(edge, val="single", sz=size, space=space, color=color)


def _right_tab(ppr) -> None:
    """A right-aligned tab stop one character in from the right edge of the text block."""
    from docx.oxml import OxmlElement  # python-docx is heavy: loaded on export only

    tab = OxmlElement("w:tab")
    _set(tab, val="right", pos=TEXT_WIDTH_TWIPS - round(BODY_PT * 20))
    _ordered_child(ppr, "w:tabs", _PPR_ORDER).append(tab)


def to_docx(report, target: "str | os.PathLike | IO[bytes]") -> None:
    """Write the draft as a Word document laid out by GB/T 9704-2012.

    ``target`` is a path or a binary file object. The layout (A4, text block
    156 × 225 mm, 22 lines of 28 characters, 3号 仿宋 body, 2号 小标宋
    title, heading fonts by level, signature and date on the right, page
    numbers; the 版头, the 附注, the 附件 and the 版记) is described in
    ``docs/export.md``. Each element of the draft becomes one paragraph in a
    named style (发文机关标志, 发文字号, 公文标题, 主送机关, 公文正文, 一级标题 …
    四级标题, 署名, 成文日期, 附注, 抄送机关 …); the text, markers included, is
    the draft's own (the spaces that put a 签发人 or a 印发日期 on the right
    become a tab). Standalone headings carry an outline level so that Word's
    navigation pane — and ``baogao.load`` — see them as headings; run-in
    headings are a run in the heading's character style at the start of a
    body paragraph. Boilerplate is dropped.
    """
    import docx  # python-docx is heavy: loaded by the first export to .docx only

    blocks = draft_blocks(load(report))
    document = docx.Document()
    _setup_styles(document)
    _setup_page(document)
    _page_number_footer(document)
    _font_table(document)
    core = document.core_properties
    core.title = next((b.text for b in blocks if b.kind == "title"), "")
    core.language = "zh-CN"

    date = next((b.text for b in blocks if b.kind == "date"), None)
    frame = frame_layout(blocks)
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            spec = _STYLES[min(block.heading.level, 4)]
        elif block.kind == "annex":
            spec = _STYLES["annex" if ANNEX.match(block.text.strip()) else "annex_title"]
        else:
            spec = _STYLES.get(block.kind, _STYLES["paragraph"])  # closing: a body paragraph
        p = document.add_paragraph(style=spec.name)
        ppr = p._p.get_or_add_pPr()
        if block.kind == "heading" and block.heading.level > 4:
            # No style below 四级标题: give the paragraph its own outline level.
            _set(_ordered_child(ppr, "w:outlineLvl", _PPR_ORDER), val=min(block.heading.level, 9) - 1)
        # The East Asian font is named on every run too (w:eastAsia), as GB/T 9704
        # layouts are usually checked run by run; it repeats the style's font,
        # so the styles still tell what each kind of paragraph is.
        if block.kind == "paragraph" and block.heading is not None:
            head = _STYLES[min(block.heading.level, 4)]
            run = p.add_run(block.text[:block.split], style=head.name + _CHAR_NAME_SUFFIX)
            _set_fonts(run._r.get_or_add_rPr(), head.east_asia, bold=head.bold)
            run = p.add_run(block.text[block.split:])
            _set_fonts(run._r.get_or_add_rPr(), spec.east_asia)
        else:
            for role, text in pieces(block.kind, block.text):
                run = p.add_run()
                if role == TAB:
                    run.add_tab()
                else:
                    run.text = text
                _set_fonts(run._r.get_or_add_rPr(), _PIECE_FONTS.get(role, spec.east_asia), bold=spec.bold)
        layout = frame[i]
        if layout.get("left"):  # an upward document: 发文字号 one character in from the left
            _set(_ordered_child(ppr, "w:jc", _PPR_ORDER), val="left")
            _set(_ordered_child(ppr, "w:ind", _PPR_ORDER), left=round(BODY_PT * 20), leftChars=100)
        if layout.get("tab"):
            _right_tab(ppr)
        if layout.get("before"):
            _set(_ordered_child(ppr, "w:spacing", _PPR_ORDER), before=layout["before"] * LINE_PITCH_TWIPS,
                 after=spec.space_after_lines * LINE_PITCH_TWIPS, line=LINE_PITCH_TWIPS, lineRule="exact")
        for side, width, color, space in layout.get("rules", ()):
            _border(ppr, side, width, color, space)
        if block.kind == "signature" and date is not None:
            # Centre the signature over the date, which stands four characters
            # in from the right: shift it by half the difference of widths.
            chars = max(0.0, DATE_RIGHT_CHARS + (_width_in_chars(date) - _width_in_chars(block.text)) / 2)
            ind = _ordered_child(ppr, "w:ind", _PPR_ORDER)
            _set(ind, right=round(chars * BODY_PT * 20), rightChars=round(chars * 100))
    document.save(target)


DOCX_SUFFIXES = (".docx",)
