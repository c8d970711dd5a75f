"""The .docx export of the 版头, the 附注, the 附件 and the 版记 (docs/export.md), read back with
python-docx from the shipped examples and from a draft that has every element of GB/T 9704."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

import baogao
from baogao.export.docx import LINE_PITCH_TWIPS, TEXT_WIDTH_TWIPS, TITLE_FONT, to_docx
from baogao.export.frame import FOOTER_RULES, HEADER_RULE, frame_layout, pieces
from baogao.export.blocks import draft_blocks

#: Every element kind of the 版头, the 主体 and the 版记 the parser knows, one per line.
FULL = """000001
机密★1年
特急
共青团某市委员会文件
团市委报〔2026〕3号
签发人：张某某
共青团某市委员会关于2026年一季度工作情况的报告
市委：
2026年一季度，团市委认真落实市委部署，各项工作有序推进。现将有关情况报告如下。
一、主要工作
全市新建团组织12个，发展团员320名。
特此报告。
附件：一季度工作统计表
共青团某市委员会
2026年4月2日
（联系人：王某某，电话：0000-12345678）
附件
一季度工作统计表
全市新建团组织12个，发展团员320名。
抄送：团省委办公室，市委办公室。
共青团某市委员会办公室　　　　2026年4月2日印发
"""

EM = 320  # one character of 3号 (16 pt), in twips


def docx_of(report) -> docx.Document:
    buf = io.BytesIO()
    to_docx(report, buf)
    return docx.Document(io.BytesIO(buf.getvalue()))


def by_style(document, name):
    return [p for p in document.paragraphs if p.style.name == name]


def ppr(p):
    return p._p.find(qn("w:pPr"))


def border(p, side):
    """(width, colour) of a paragraph's border on one side, or None."""
    bdr = ppr(p).find(qn("w:pBdr"))
    edge = None if bdr is None else bdr.find(qn("w:" + side))
    return None if edge is None else (int(edge.get(qn("w:sz"))), edge.get(qn("w:color")))


def run_fonts(p):
    """(text, East Asian font) of each run, a tab shown as \\t."""
    out = []
    for r in p.runs:
        fonts = r._r.find(qn("w:rPr")).find(qn("w:rFonts"))
        out.append((r.text, fonts.get(qn("w:eastAsia"))))
    return out


@pytest.fixture(scope="module")
def notice():
    return docx_of(baogao.example("notice_tongzhi"))


@pytest.fixture(scope="module")
def numbered():
    return docx_of(baogao.example("report_numbered"))


@pytest.fixture(scope="module")
def full():
    return docx_of(baogao.load(FULL))


def test_the_full_draft_has_every_kind():
    kinds = [e.kind for e in baogao.load(FULL).outline().elements]
    assert kinds[:7] == ["copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer", "title"]
    assert kinds[-7:] == ["date", "note", "annex", "annex", "paragraph", "cc", "imprint"]


def test_the_issuer_is_centred_red_in_the_title_font(notice):
    (issuer,) = by_style(notice, "发文机关标志")
    assert issuer.text == "共青团某市委员会" and notice.paragraphs[0]._p is issuer._p
    style = notice.styles["发文机关标志"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.font.color.rgb == RGBColor(0xFF, 0x00, 0x00) and style.font.size == Pt(22)
    assert style.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == TITLE_FONT
    assert issuer.paragraph_format.first_line_indent is None  # no body indent


def test_a_downward_documents_number_is_centred_two_lines_under_the_issuer_with_the_red_rule(notice):
    (number,) = by_style(notice, "发文字号")
    assert number.text == "团市委发〔2026〕7号" and number.alignment is None  # the style's: centred
    style = notice.styles["发文字号"].paragraph_format
    assert style.alignment == WD_ALIGN_PARAGRAPH.CENTER and style.first_line_indent == Pt(0)
    assert style.space_before == Pt(2 * LINE_PITCH_TWIPS / 20)
    color, width, _ = HEADER_RULE
    assert border(number, "bottom") == (width, color) and border(notice.paragraphs[0], "bottom") is None
    assert not number.paragraph_format.tab_stops  # no 签发人: no tab
    # The title stands two lines under the rule.
    (title,) = by_style(notice, "公文标题")
    assert title.paragraph_format.space_before == Pt(2 * LINE_PITCH_TWIPS / 20)


def test_an_upward_documents_number_is_left_with_the_signer_on_the_right(numbered):
    (number,) = by_style(numbered, "发文字号")
    assert number.alignment == WD_ALIGN_PARAGRAPH.LEFT and number.paragraph_format.left_indent == Pt(16)
    assert run_fonts(number) == [("团区委报〔2026〕12号", "仿宋"), ("\t", "仿宋"), ("签发人：", "仿宋"), ("李某某", "楷体")]
    (stop,) = number.paragraph_format.tab_stops
    assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT and stop.position.twips == TEXT_WIDTH_TWIPS - EM
    assert border(number, "bottom") == (HEADER_RULE[1], HEADER_RULE[0])


def test_the_note_stands_under_the_date_two_characters_in(notice):
    texts = [p.text for p in notice.paragraphs]
    (note,) = by_style(notice, "附注")
    assert note.text == "（此件公开发布）" and texts.index(note.text) == texts.index("2026年3月25日") + 1
    fmt = notice.styles["附注"].paragraph_format
    assert fmt.first_line_indent == Pt(32) and fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_the_other_header_elements(full):
    assert [p.style.name for p in full.paragraphs[:7]] == [
        "份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号", "签发人", "公文标题"]
    for name, font in (("份号", "仿宋"), ("密级和保密期限", "黑体"), ("紧急程度", "黑体")):
        style = full.styles[name]
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT, name
        assert style.paragraph_format.first_line_indent == Pt(0), name  # 顶格
        assert style.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == font, name
    # A 签发人 on its own line: the document is upward, its number flush left without a tab,
    # the 签发人 on the right, its name in 楷体; the red rule under the last line of the 版头.
    number, signer = full.paragraphs[4], full.paragraphs[5]
    assert number.alignment == WD_ALIGN_PARAGRAPH.LEFT and not number.paragraph_format.tab_stops
    assert full.styles["签发人"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert run_fonts(signer) == [("签发人：", "仿宋"), ("张某某", "楷体")]
    assert border(signer, "bottom") == (HEADER_RULE[1], HEADER_RULE[0]) and border(number, "bottom") is None


def test_the_annex_starts_a_page(full):
    (label,) = by_style(full, "附件")
    (title,) = by_style(full, "附件标题")
    assert (label.text, title.text) == ("附件", "一季度工作统计表")
    assert full.styles["附件"].paragraph_format.page_break_before
    assert full.styles["附件标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert full.styles["附件标题"].font.size == Pt(22)


def test_the_imprint_block_between_rules(full):
    cc, imprint = full.paragraphs[-2], full.paragraphs[-1]
    assert (cc.style.name, imprint.style.name) == ("抄送机关", "印发机关和印发日期")
    for p in (cc, imprint):
        fmt = full.styles[p.style.name].paragraph_format
        assert full.styles[p.style.name].font.size == Pt(14)  # 4号
        assert fmt.left_indent == Pt(16) and fmt.right_indent == Pt(16)
    assert border(cc, "top") == (FOOTER_RULES["thick"], "000000")
    assert border(imprint, "top") == (FOOTER_RULES["thin"], "000000")
    assert border(imprint, "bottom") == (FOOTER_RULES["thick"], "000000") and border(cc, "bottom") is None
    assert run_fonts(imprint) == [("共青团某市委员会办公室", "仿宋"), ("\t", "仿宋"), ("2026年4月2日印发", "仿宋")]
    (stop,) = imprint.paragraph_format.tab_stops
    assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT


def test_a_draft_without_header_or_imprint_gets_no_rule():
    document = docx_of(baogao.example("report_gongwen"))
    assert all(ppr(p).find(qn("w:pBdr")) is None for p in document.paragraphs)
    assert document.paragraphs[0].paragraph_format.space_before is None  # the title's style spacing
    assert all(layout == {} for layout in frame_layout(draft_blocks(baogao.example("report_gongwen"))))


def test_pieces_keep_the_text_but_the_spaces_before_the_right_hand_part():
    assert pieces("doc_number", "团区委报〔2026〕12号　　签发人：李某某") == [
        ("number", "团区委报〔2026〕12号"), ("tab", ""), ("label", "签发人："), ("name", "李某某")]
    assert pieces("doc_number", "团市委发〔2026〕7号") == [("text", "团市委发〔2026〕7号")]
    assert pieces("imprint", "某办公室2026年4月2日印发") == [("organ", "某办公室"), ("tab", ""),
                                                        ("date", "2026年4月2日印发")]
    assert pieces("paragraph", "签发人：某某") == [("text", "签发人：某某")]


def _comparable(report, *, from_docx: bool) -> dict:
    """The outline as a dict, lines as paragraph indexes, the spaces before a right-hand part
    (签发人, 印发日期) folded: the .docx writes them as a tab."""
    d = report.outline().to_dict()
    del d["source"], d["encoding"]
    index = {p.line: p.index for p in report.paragraphs}
    for key in ("elements", "headings", "enumerations", "parts", "numbering_issues"):
        for item in d[key]:
            item["line"] = item["line"] if from_docx else index[item["line"]]
    for e in d["elements"]:
        if e["kind"] in ("doc_number", "imprint"):
            e["text"] = re.sub(r"[ \t\u3000]+", "", e["text"])
    return d


@pytest.mark.parametrize("name", ["notice_tongzhi", "report_numbered", "summary_zongjie", "full"])
def test_the_export_reads_back_to_the_same_outline(name):
    source = baogao.load(FULL) if name == "full" else baogao.example(name)
    buf = io.BytesIO()
    to_docx(source, buf)
    again = baogao.load(buf.getvalue(), name=f"{name}.docx")
    assert _comparable(again, from_docx=True) == _comparable(source, from_docx=False)
