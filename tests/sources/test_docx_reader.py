"""Tests for baogao.docx_reader: paragraphs of a .docx with automatic numbering."""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from file_module import load_file
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

try:
    import baogao.sources.docx  # noqa: F401
except ModuleNotFoundError:  # package not installed: import it from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from baogao.errors import BaogaoError, DocxError  # noqa: E402
from baogao.sources.docx import (  # noqa: E402
    DEFAULT_LIMITS,
    DocxParagraph,
    ExpansionLimits,
    _chinese_numeral,
    _format_number,
    read_docx,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_DOCX = FIXTURES / "auto_numbered.docx"
FIXTURE_EXPECTED = FIXTURES / "auto_numbered.expected.txt"

# ---------------------------------------------------------------------------
# Helpers: build small documents with hand-written numbering definitions


def _numbering(document):
    return document.part.part_related_by(RT.NUMBERING).element


def add_abstract(document, levels_xml: str, extra_xml: str = "") -> int:
    """Add a w:abstractNum with the given w:lvl elements; return its id."""
    numbering = _numbering(document)
    ids = [int(e.get(qn("w:abstractNumId"))) for e in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    el = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{extra_xml}{levels_xml}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)
    return abstract_id


def add_num(document, abstract_id: int, overrides_xml: str = "") -> int:
    """Add a w:num pointing at ``abstract_id``; return its numId."""
    numbering = _numbering(document)
    ids = [int(e.get(qn("w:numId"))) for e in numbering.findall(qn("w:num"))]
    num_id = max(ids, default=0) + 1
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides_xml}</w:num>'
        )
    )
    return num_id


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    """A w:lvl element; ``extra`` goes between numFmt and lvlText (schema order)."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def number(paragraph, num_id: int | None, ilvl: int | None = None):
    """Give ``paragraph`` a direct w:numPr."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    if num_id is not None:
        num_pr.get_or_add_numId().val = num_id
    return paragraph


def to_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def markers(data: bytes) -> list[str]:
    return [p.marker for p in read_docx(data, name="t.docx")]


def rewrite_zip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """Copy a zip, replacing members (None drops the member)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
            else:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# The committed fixture


def test_fixture_renders_expected_text():
    paragraphs = read_docx(FIXTURE_DOCX.read_bytes(), name="auto_numbered.docx")
    expected = FIXTURE_EXPECTED.read_text(encoding="utf-8").removesuffix("\n")
    assert "\n".join(p.text for p in paragraphs) == expected
    assert all(isinstance(p, DocxParagraph) for p in paragraphs)


def test_fixture_numbers_are_not_in_the_paragraph_text():
    # Guards the fixture itself: without numbering support the numbers vanish.
    raw = [p.text for p in docx.Document(str(FIXTURE_DOCX)).paragraphs]
    assert "主要工作" in raw
    assert "加强青年思想政治引领" in raw
    assert not any(re.match(r"^[一二三]、|^（[一二]）|^\d\.", t) for t in raw)


def test_fixture_script_builds_the_same_text(tmp_path):
    module = load_file(FIXTURES / "make_docx_fixtures.py", "make_docx_fixtures")
    built = tmp_path / "built.docx"
    module.build().save(built)
    text = "\n".join(p.text for p in read_docx(built.read_bytes()))
    assert text == module.EXPECTED
    assert text == FIXTURE_EXPECTED.read_text(encoding="utf-8").removesuffix("\n")


def _by_text(paragraphs, text):
    (found,) = [p for p in paragraphs if p.text == text]
    return found


def test_fixture_markers_styles_and_levels():
    paragraphs = read_docx(FIXTURE_DOCX.read_bytes())
    title = paragraphs[0]
    assert title == DocxParagraph(
        "关于2025年上半年共青团工作情况的报告", "", "Title", None
    )
    assert _by_text(paragraphs, "市委：") == DocxParagraph("市委：", "", "Normal", None)
    assert _by_text(paragraphs, "一、主要工作") == DocxParagraph(
        "一、主要工作", "一、", "Heading 1", 1
    )
    assert _by_text(paragraphs, "（二）服务青年就业创业") == DocxParagraph(
        "（二）服务青年就业创业", "（二）", "Heading 2", 2
    )
    assert _by_text(paragraphs, "三、下一步工作打算").marker == "三、"
    item = _by_text(paragraphs, "1.组织开展“青年大学习”网上主题团课。")
    assert (item.marker, item.style, item.heading_level) == ("1.", "Normal", None)
    # A Heading 2 that opts out of its style's numbering (numId 0).
    assert _by_text(paragraphs, "附：主要指标完成情况") == DocxParagraph(
        "附：主要指标完成情况", "", "Heading 2", 2
    )
    # The soft line break inside the intro paragraph is dropped, not a space.
    assert paragraphs[2].text.endswith("服务大局，现将有关情况报告如下。")


def test_fixture_empty_paragraph_and_table_keep_their_lines():
    texts = [p.text for p in read_docx(FIXTURE_DOCX.read_bytes())]
    i = texts.index("附：主要指标完成情况")
    assert texts[i + 1 : i + 7] == ["", "指标", "完成情况", "新发展团员", "1200名", "特此报告。"]
    assert texts[-2:] == ["共青团某市委员会", "2025年7月10日"]


def test_level1_restarts_under_each_level0_heading():
    paragraphs = read_docx(FIXTURE_DOCX.read_bytes())
    sequence = [p.marker for p in paragraphs if p.marker and p.style.startswith("Heading")]
    assert sequence == [
        "一、", "（一）", "（二）",
        "二、", "（一）", "（二）",
        "三、", "（一）",
    ]
    # Level 2 restarts under every level-1 heading.
    items = [p.marker for p in paragraphs if p.marker and p.style == "Normal"]
    assert items == ["1.", "2.", "1.", "2.", "1."]


# ---------------------------------------------------------------------------
# Numbering rules on small generated documents


def test_start_override_gives_a_list_its_own_counters():
    d = docx.Document()
    abstract = add_abstract(d, lvl(0, "decimal", "%1."))
    shared_a = add_num(d, abstract)
    shared_b = add_num(d, abstract)  # same abstractNum, no override: shares counters
    restarted = add_num(
        d, abstract, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    )
    for num_id in (shared_a, shared_a, restarted, restarted, shared_b, shared_a):
        number(d.add_paragraph("项目"), num_id, 0)
    assert markers(to_bytes(d)) == ["1.", "2.", "5.", "6.", "3.", "4."]


def test_lvl_override_replaces_the_level_definition():
    d = docx.Document()
    abstract = add_abstract(d, lvl(0, "decimal", "%1."))
    num = add_num(
        d,
        abstract,
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
        + lvl(0, "chineseCounting", "%1、", start=1)
        + "</w:lvlOverride>",
    )
    number(d.add_paragraph("甲"), num, 0)
    number(d.add_paragraph("乙"), num, 0)
    assert markers(to_bytes(d)) == ["三、", "四、"]


def test_style_linked_numbering_and_basedon_chain():
    d = docx.Document()
    abstract = add_abstract(
        d,
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="ReportPoint"/>'),
    )
    num = add_num(d, abstract)
    styles = d.styles
    point = styles.add_style("报告要点", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    point.element.set(qn("w:styleId"), "ReportPoint")
    # numId only: the level comes from the lvl whose w:pStyle names the style.
    point.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num
    child = styles.add_style("报告要点子样式", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = point  # inherits the numbering through w:basedOn

    d.add_paragraph("第一点", style=point)
    d.add_paragraph("第二点", style=child)
    number(d.add_paragraph("直接指定级别", style=point), None, 0)  # direct ilvl only
    number(d.add_paragraph("取消编号", style=point), 0)  # numId 0 removes it
    d.add_paragraph("第三点", style=point)
    paragraphs = read_docx(to_bytes(d))
    assert [p.text for p in paragraphs] == [
        "（一）第一点",
        "（二）第二点",
        "一、直接指定级别",
        "取消编号",
        "（一）第三点",
    ]
    assert paragraphs[0].style == "报告要点"
    assert paragraphs[1].style == "报告要点子样式"


def test_num_style_link_is_followed():
    d = docx.Document()
    # abstractNum A defines the levels and the numbering style "MyList";
    # abstractNum B only links to that style (w:numStyleLink).
    a = add_abstract(d, lvl(0, "upperRoman", "%1."), '<w:styleLink w:val="MyList"/>')
    num_a = add_num(d, a)
    b = add_abstract(d, "", '<w:numStyleLink w:val="MyList"/>')
    num_b = add_num(d, b)
    d.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="MyList">'
            f'<w:name w:val="MyList"/><w:pPr><w:numPr><w:numId w:val="{num_a}"/>'
            "</w:numPr></w:pPr></w:style>"
        )
    )
    number(d.add_paragraph("x"), num_b, 0)
    number(d.add_paragraph("y"), num_b, 0)
    assert markers(to_bytes(d)) == ["I.", "II."]


def test_multilevel_text_lvl_restart_and_legal_numbering():
    d = docx.Document()
    abstract = add_abstract(
        d,
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "decimal", "%1.%2", extra='<w:isLgl/>')
        # w:lvlRestart 1: level 3 restarts only after level 1, not after level 2.
        + lvl(2, "decimal", "（%3）", extra='<w:lvlRestart w:val="1"/>'),
    )
    num = add_num(d, abstract)
    for ilvl in (0, 1, 2, 2, 1, 2, 0, 2):
        number(d.add_paragraph("内容"), num, ilvl)
    assert markers(to_bytes(d)) == [
        "一、", "1.1", "（1）", "（2）", "1.2", "（3）", "二、", "（1）",
    ]


def test_lvl_restart_zero_never_restarts():
    d = docx.Document()
    abstract = add_abstract(
        d,
        lvl(0, "chineseCounting", "%1、")
        + lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    )
    num = add_num(d, abstract)
    for ilvl in (0, 1, 1, 0, 1):
        number(d.add_paragraph("内容"), num, ilvl)
    assert markers(to_bytes(d)) == ["一、", "1.", "2.", "二、", "3."]


def test_bullet_and_none_formats():
    d = docx.Document()
    abstract = add_abstract(d, lvl(0, "bullet", "\uf0b7") + lvl(1, "none", ""))
    num = add_num(d, abstract)
    number(d.add_paragraph("要点"), num, 0)
    number(d.add_paragraph("无编号"), num, 1)
    paragraphs = read_docx(to_bytes(d))
    # The Symbol-font private-use bullet is shown as a plain bullet.
    assert [(p.marker, p.text) for p in paragraphs] == [("•", "•要点"), ("", "无编号")]


def test_unused_higher_level_shows_its_start_value():
    d = docx.Document()
    abstract = add_abstract(
        d, lvl(0, "decimal", "%1.", start=3) + lvl(1, "decimal", "%1.%2")
    )
    num = add_num(d, abstract)
    number(d.add_paragraph("子项"), num, 1)
    number(d.add_paragraph("子项"), num, 1)
    number(d.add_paragraph("父项"), num, 0)
    number(d.add_paragraph("子项"), num, 1)
    assert markers(to_bytes(d)) == ["3.1", "3.2", "3.", "3.1"]


def test_tab_after_marker_and_dangling_num_id():
    d = docx.Document()
    num = add_num(d, add_abstract(d, lvl(0, "decimalEnclosedCircle", "%1")))
    number(d.add_paragraph("\t第一项"), num, 0)
    number(d.add_paragraph("\t没有编号的制表符"), 999, 0)  # numId not defined
    paragraphs = read_docx(to_bytes(d))
    assert paragraphs[0].text == "①第一项"
    assert paragraphs[1] == DocxParagraph("\t没有编号的制表符", "", "Normal", None)


def test_document_without_numbering_part():
    d = docx.Document()
    number(d.add_paragraph("标题文字", style="Heading 1"), 1, 0)
    d.add_paragraph("正文")
    data = to_bytes(d)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode("utf-8")
    rels = re.sub(r"<Relationship [^>]*numbering[^>]*/>", "", rels)
    data = rewrite_zip(
        data, {"word/numbering.xml": None, "word/_rels/document.xml.rels": rels.encode()}
    )
    paragraphs = read_docx(data)
    assert [(p.text, p.marker, p.heading_level) for p in paragraphs] == [
        ("标题文字", "", 1),
        ("正文", "", None),
    ]


# ---------------------------------------------------------------------------
# Heading levels, text and body walking


def test_heading_levels_from_styles_and_outline_level():
    d = docx.Document()
    st = docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    cn_heading = d.styles.add_style("标题 3", st)  # a Chinese-named heading style
    outline_style = d.styles.add_style("自定义大纲", st)
    outline_style.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="3"/>')
    )
    derived = d.styles.add_style("我的二级标题", st)
    derived.base_style = d.styles["Heading 2"]

    d.add_paragraph("总标题", style="Title")
    d.add_paragraph("副标题", style="Subtitle")
    d.add_paragraph("中文标题", style=cn_heading)
    d.add_paragraph("大纲四级", style=outline_style)
    d.add_paragraph("继承二级", style=derived)
    direct = d.add_paragraph("直接大纲")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    body = d.add_paragraph("正文级别", style="Heading 1")
    body._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))
    d.add_paragraph("普通正文")
    got = [(p.text, p.style, p.heading_level) for p in read_docx(to_bytes(d))]
    assert got == [
        ("总标题", "Title", None),
        ("副标题", "Subtitle", None),
        ("中文标题", "标题 3", 3),
        ("大纲四级", "自定义大纲", 4),
        ("继承二级", "我的二级标题", 2),
        ("直接大纲", "Normal", 1),
        ("正文级别", "Heading 1", None),
        ("普通正文", "Normal", None),
    ]


def test_tables_in_order_with_merged_cells_once():
    d = docx.Document()
    d.add_paragraph("表前")
    table = d.add_table(rows=3, cols=2)
    merged_down = table.cell(0, 0).merge(table.cell(1, 0))
    merged_down.text = "纵向合并"
    merged_across = table.cell(2, 0).merge(table.cell(2, 1))
    merged_across.text = "横向合并"
    table.cell(0, 1).text = "右上"
    table.cell(1, 1).text = "右中"
    d.add_paragraph("表后")
    texts = [p.text for p in read_docx(to_bytes(d))]
    assert texts == ["表前", "纵向合并", "右上", "右中", "横向合并", "表后"]


def test_tracked_changes_and_hyperlink_runs():
    d = docx.Document()
    p = d.add_paragraph("保留")
    w = nsdecls("w")
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'))
    p._p.append(
        parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>')
    )
    p._p.append(parse_xml(f'<w:hyperlink {w}><w:r><w:t>链接</w:t></w:r></w:hyperlink>'))
    assert [x.text for x in read_docx(to_bytes(d))] == ["保留插入链接"]


def test_no_line_separator_survives_inside_a_paragraph():
    d = docx.Document()
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行\u2028第三行\x85第四行")
    d.add_paragraph("下一段")
    paragraphs = read_docx(to_bytes(d))
    assert [x.text for x in paragraphs] == ["第一行第二行第三行第四行", "下一段"]
    assert "\n".join(x.text for x in paragraphs).splitlines() == [x.text for x in paragraphs]


def test_empty_document_gives_no_paragraphs_and_empty_paragraphs_are_kept():
    assert read_docx(to_bytes(docx.Document())) == []
    d = docx.Document()
    for text in ("", "甲", "", ""):
        d.add_paragraph(text)
    assert [p.text for p in read_docx(to_bytes(d))] == ["", "甲", "", ""]


# ---------------------------------------------------------------------------
# Number formats


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十")],
)
def test_chinese_numeral(n, expected):
    assert _chinese_numeral(n) == expected
    assert _format_number(n, "chineseCounting") == expected
    assert _format_number(n, "chineseCountingThousand") == expected
    assert _format_number(n, "japaneseCounting") == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "decimalEnclosedCircle", "①"),
        (10, "decimalEnclosedCircle", "⑩"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "㉑"),
        (4, "lowerRoman", "iv"),
        (9, "upperRoman", "IX"),
        (1994, "upperRoman", "MCMXCIV"),
        (3, "ideographTraditional", "丙"),
        (10, "ideographTraditional", "癸"),
        (12, "decimalFullWidth", "１２"),
        (5, "decimalZero", "05"),
        (12, "decimalZero", "12"),
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (7, "decimal", "7"),
        (7, "none", ""),
        (7, "someFutureFormat", "7"),
        (10, "chineseLegalSimplified", "壹拾"),
    ],
)
def test_format_number(n, fmt, expected):
    assert _format_number(n, fmt) == expected


# ---------------------------------------------------------------------------
# Bad input


def _real_docx() -> bytes:
    return FIXTURE_DOCX.read_bytes()


def _zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "这不是 Word 文件")
    return buf.getvalue()


def zip_bomb(megabytes: int = 4) -> bytes:
    """The fixture with megabytes of zeros in an XML comment of its document.xml: a few KB
    on disk that expand about a thousandfold (the document still parses as XML)."""
    with zipfile.ZipFile(io.BytesIO(_real_docx())) as zf:
        document = zf.read("word/document.xml")
    head, tail = document.split(b"<w:body>", 1)
    padded = head + b"<w:body><!--" + b"0" * (megabytes * 1024 * 1024) + b"-->" + tail
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_real_docx())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = padded if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _xlsx_like() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        zf.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        )
    return buf.getvalue()


BAD_INPUTS = {
    "random": lambda: os.urandom(64) * 8,
    "empty": lambda: b"",
    "truncated": lambda: _real_docx()[:200],
    "zip_without_document": _zip_without_document,
    "ole2": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
    "broken_document_xml": lambda: rewrite_zip(
        _real_docx(), {"word/document.xml": b"<not xml"}
    ),
    "broken_numbering_xml": lambda: rewrite_zip(
        _real_docx(), {"word/numbering.xml": b"<w:numbering"}
    ),
    "spreadsheet": _xlsx_like,
    "zip_bomb": zip_bomb,
    "plain_text": lambda: "市委：\n现将有关情况报告如下。".encode("utf-8"),
}

_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_raises_docx_error_in_chinese(case):
    name = f"学生草稿_{case}.docx"
    with pytest.raises(DocxError) as info:
        read_docx(BAD_INPUTS[case](), name=name)
    err = info.value
    assert type(err) is DocxError and isinstance(err, BaogaoError)
    message = str(err)
    assert message == err.message
    assert name in message
    assert len(_CJK.findall(message)) >= 8
    assert "\n" not in message
    assert message.endswith("。") and message.count("。") == 1  # one sentence
    # Clean chaining: no library traceback is shown behind the sentence.
    assert err.__cause__ is None
    assert err.__context__ is None or err.__suppress_context__


def test_bad_input_messages_say_what_is_wrong():
    def message(data: bytes) -> str:
        with pytest.raises(DocxError) as info:
            read_docx(data, name="x.docx")
        return str(info.value)

    assert "密码" in message(BAD_INPUTS["ole2"]()) and ".doc" in message(BAD_INPUTS["ole2"]())
    assert "word/document.xml" in message(_zip_without_document())
    assert "XML" in message(BAD_INPUTS["broken_document_xml"]())
    assert "损坏" in message(BAD_INPUTS["truncated"]())
    assert "空" in message(b"")
    assert "Excel" in message(_xlsx_like())


def test_error_without_a_name_is_still_a_sentence():
    with pytest.raises(DocxError, match=r"^无法读取该 Word 文件：文件已损坏或不是 \.docx 格式。$"):
        read_docx(b"not a zip at all")


# ---------------------------------------------------------------------------
# Zip bombs: refused from the archive's table of contents, before parsing


def test_a_zip_bomb_is_refused_before_parsing(monkeypatch):
    bomb = zip_bomb(4)
    assert len(bomb) < 64 * 1024  # 4 MB of document.xml in a few KB
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        info = zf.getinfo("word/document.xml")
    assert info.file_size > 4 * 1024 * 1024 and info.file_size / info.compress_size > 500

    def no_parsing(*args, **kwargs):
        raise AssertionError("python-docx must not see a refused archive")
    monkeypatch.setattr(docx, "Document", no_parsing)
    with pytest.raises(DocxError) as refused:
        read_docx(bomb, name="炸弹.docx")
    message = str(refused.value)
    assert "炸弹.docx" in message and "word/document.xml" in message
    assert "压缩比" in message and "压缩炸弹" in message and message.count("。") == 1
    monkeypatch.undo()
    # The limit, not the content, refused it: with the ratio guard lifted it reads.
    lifted = ExpansionLimits(ratio=10**6)
    assert [p.text for p in read_docx(bomb, limits=lifted)] == [
        p.text for p in read_docx(_real_docx())]


def test_expansion_limits_total_and_per_part():
    data = _real_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sizes = {i.filename: i.file_size for i in zf.infolist()}
    total, largest = sum(sizes.values()), max(sizes, key=sizes.get)
    assert read_docx(data, limits=ExpansionLimits(total=total, part=sizes[largest]))  # at the limits
    with pytest.raises(DocxError, match=f"“{re.escape(largest)}”.*单个部件.*上限"):
        read_docx(data, name="a.docx", limits=ExpansionLimits(part=sizes[largest] - 1))
    with pytest.raises(DocxError, match="解压后的内容超过了.*上限"):
        read_docx(data, name="a.docx", limits=ExpansionLimits(total=total - 1))
    # The defaults leave room for any report: the fixture uses a small part of them.
    assert total * 100 < DEFAULT_LIMITS.total and sizes[largest] * 100 < DEFAULT_LIMITS.part


def test_the_ratio_guard_spares_small_parts():
    # A tiny part may compress very well; the ratio counts only from ratio_from bytes on.
    data = rewrite_zip(_real_docx(), {"customXml/zeros.xml": None})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("customXml/zeros.xml", b"0" * (DEFAULT_LIMITS.ratio_from - 1))
    assert read_docx(out.getvalue())
    with pytest.raises(DocxError, match="压缩比"):
        read_docx(out.getvalue(), limits=ExpansionLimits(ratio_from=1024))
