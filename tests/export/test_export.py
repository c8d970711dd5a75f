"""Tests for baogao.export: Markdown and GB/T 9704 Word exports of a draft."""

from __future__ import annotations

import io
import os
import re
import stat

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import baogao
from baogao.errors import BaogaoError, UsageError
from baogao.export import export
from baogao.export.docx import CHAR_SPACING_TWIPS, LINE_PITCH_PT, to_docx
from baogao.export.markdown import to_markdown

# A draft with all four heading levels, standalone and run-in headings, an
# attachment note, a closing, a signature and a date (no blank lines: the
# line numbers of the source are its paragraph indexes).
FOUR_LEVELS = """共青团某大学委员会关于2025年度工作情况的报告
校党委：
2025年，校团委在校党委的坚强领导下，紧扣立德树人根本任务，各项工作取得新进展。现将有关情况报告如下。
一、主要工作
（一）思想引领
1.理论学习
（1）专题学习。全年开展专题学习42场，覆盖团员青年1.2万人次。
（2）网络宣传。校团委微信公众号发布推文365篇，总阅读量达到86万次。
2.主题教育。组织“青年大学习”主题团课，团员参与率达到98%。
（二）志愿服务。全年组织志愿服务项目120个，累计服务时长5.6万小时。
二、存在的问题
一是基层团支部活力不足；二是网络宣传原创内容偏少。
三、下一步工作打算
（一）加强基层组织建设。开展“活力团支部”创建活动，年底前覆盖全部学院。
特此报告。
附件：2025年度志愿服务项目清单
共青团某大学委员会
2025年12月5日
"""

SMALL = """关于春季运动会筹备情况的报告

校团委：

现将运动会筹备情况报告如下。

一、筹备进展

（一）场地布置。操场已完成划线。

#青春有我#话题阅读量达到120万次。

特此报告。

学生会体育部
2025年3月20日
"""

# Written by hand from docs/export.md: title `#`, level-1 heading `##`, the
# run-in heading in bold with its 。 after the bold, the hashtag escaped so
# that it is not read as a heading, signature and date as plain paragraphs.
SMALL_MARKDOWN = """# 关于春季运动会筹备情况的报告

校团委：

现将运动会筹备情况报告如下。

## 一、筹备进展

**（一）场地布置**。操场已完成划线。

\\#青春有我#话题阅读量达到120万次。

特此报告。

学生会体育部

2025年3月20日
"""

# Kind (or heading level) -> the paragraph style the export must use.
STYLE_OF_KIND = {"title": "公文标题", "addressee": "主送机关", "paragraph": "公文正文",
                 "closing": "公文正文", "attachment": "附件说明", "signature": "署名",
                 "date": "成文日期", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
FONT_OF_STYLE = {"公文标题": "方正小标宋简体", "主送机关": "仿宋", "公文正文": "仿宋",
                 "一级标题": "黑体", "二级标题": "楷体", "三级标题": "仿宋", "四级标题": "仿宋",
                 "署名": "仿宋", "成文日期": "仿宋", "附件说明": "仿宋"}


def drafts():
    return {"report_gongwen": baogao.example("report_gongwen"),
            "request_qingshi": baogao.example("request_qingshi"),
            "four_levels": baogao.load(FOUR_LEVELS)}


def docx_bytes(report) -> bytes:
    buf = io.BytesIO()
    to_docx(report, buf)
    return buf.getvalue()


def comparable(report, *, from_docx: bool) -> dict:
    """The outline as a dict, without source and encoding, lines as paragraph indexes.

    The examples have blank lines between paragraphs; the .docx has one
    paragraph per element and no empty ones, so its line N is the source's
    paragraph N. Mapping every line to its paragraph index compares the
    positions exactly instead of dropping them.
    """
    d = report.outline().to_dict()
    del d["source"], d["encoding"]
    index = {p.line: p.index for p in report.paragraphs}
    for key in ("elements", "headings", "enumerations", "parts", "numbering_issues"):
        for item in d[key]:
            item["line"] = item["line"] if from_docx else index[item["line"]]
    return d


def markdown_as_text(md: str) -> str:
    """Undo the Markdown marks the export adds: leading #s, ** and backslash escapes."""
    lines = []
    for line in md.split("\n"):
        line = re.sub(r"^#{1,6} ", "", line).replace("**", "")
        lines.append(re.sub(r"\\(.)", r"\1", line))
    return "\n".join(lines)


def heading_keys(report):
    return [(h.level, h.marker, h.title) for h in report.outline().headings]


def style_el(document, name):
    return document.styles[name].element


def east_asia(rpr_parent) -> str | None:
    rpr = rpr_parent.find(qn("w:rPr"))
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.fixture(scope="module")
def gongwen_doc():
    return docx.Document(io.BytesIO(docx_bytes(baogao.example("report_gongwen"))))


@pytest.fixture(scope="module")
def four_levels_doc():
    return docx.Document(io.BytesIO(docx_bytes(baogao.load(FOUR_LEVELS))))


# ---------------------------------------------------------------------------
# The draft used below has what the tests claim


def test_four_level_draft_has_every_level_and_run_in_headings():
    headings = baogao.load(FOUR_LEVELS).outline().headings
    assert {h.level for h in headings} == {1, 2, 3, 4}
    assert {h.level for h in headings if h.run_in} == {2, 3, 4}
    kinds = [e.kind for e in baogao.load(FOUR_LEVELS).outline().elements]
    assert kinds[:2] == ["title", "addressee"]
    assert kinds[-4:] == ["closing", "attachment", "signature", "date"]


# ---------------------------------------------------------------------------
# Page layout (GB/T 9704-2012)


def test_page_is_a4_with_the_standard_margins(gongwen_doc):
    section = gongwen_doc.sections[0]
    half_mm = Mm(0.5)
    assert abs(section.page_width - Mm(210)) <= half_mm
    assert abs(section.page_height - Mm(297)) <= half_mm
    assert abs(section.top_margin - Mm(37)) <= half_mm  # 天头
    assert abs(section.left_margin - Mm(28)) <= half_mm  # 订口
    assert abs(section.right_margin - Mm(26)) <= half_mm
    assert abs(section.bottom_margin - Mm(35)) <= half_mm
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(width - Mm(156)) <= half_mm
    assert abs(height - Mm(225)) <= half_mm


def test_22_lines_of_28_characters_fit_the_text_block(gongwen_doc):
    section = gongwen_doc.sections[0]
    height_pt = section.page_height.pt - section.top_margin.pt - section.bottom_margin.pt
    width_pt = section.page_width.pt - section.left_margin.pt - section.right_margin.pt
    body = gongwen_doc.styles["公文正文"].paragraph_format
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.line_spacing.pt == pytest.approx(LINE_PITCH_PT) == pytest.approx(28.95)
    assert 22 * body.line_spacing.pt <= height_pt < 23 * body.line_spacing.pt
    # Each character of 3号 text, condensed by the style's character spacing.
    pitch = gongwen_doc.styles["公文正文"].font.size.pt + CHAR_SPACING_TWIPS / 20
    assert 28 * pitch <= width_pt < 29 * pitch


def test_styles_have_the_standard_sizes_fonts_and_outline_levels(gongwen_doc):
    styles = gongwen_doc.styles
    assert styles["公文标题"].font.size == Pt(22)
    for name in ("公文正文", "主送机关", "一级标题", "二级标题", "三级标题", "四级标题",
                 "署名", "成文日期", "附件说明"):
        assert styles[name].font.size == Pt(16), name
    for name, font in FONT_OF_STYLE.items():
        fonts = style_el(gongwen_doc, name).find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman", name
        # A theme font in the same w:rFonts would override the named one.
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name
    for level, name in enumerate(("一级标题", "二级标题", "三级标题", "四级标题")):
        assert style_el(gongwen_doc, name).find(qn("w:pPr")).find(qn("w:outlineLvl")).get(
            qn("w:val")) == str(level)
    assert style_el(gongwen_doc, "公文正文").find(qn("w:pPr")).find(qn("w:outlineLvl")) is None
    # The document defaults name the fonts too, without theme fonts.
    defaults = gongwen_doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋" and fonts.get(qn("w:eastAsiaTheme")) is None


def test_each_element_has_its_style_and_the_draft_text(four_levels_doc):
    report = baogao.load(FOUR_LEVELS)
    outline = report.outline()
    level = {h.paragraph: h.level for h in outline.headings}
    paragraphs = four_levels_doc.paragraphs
    assert [p.text for p in paragraphs] == [p.text for p in report.paragraphs]
    for element, p in zip(outline.elements, paragraphs):
        key = level[element.paragraph] if element.kind == "heading" else element.kind
        assert p.style.name == STYLE_OF_KIND[key], element.text
    # Markers are literal text: no Word automatic numbering anywhere.
    assert four_levels_doc.element.body.find(".//" + qn("w:numPr")) is None


def test_every_run_gets_the_font_of_its_kind(four_levels_doc):
    """Fonts live in styles, and every run names the same East Asian font (w:eastAsia);
    a run-in heading is a run in the heading's linked character style."""
    outline = baogao.load(FOUR_LEVELS).outline()
    run_in = {h.paragraph: h for h in outline.headings if h.run_in}
    styles = {s.get(qn("w:styleId")): s for s in four_levels_doc.styles.element.findall(qn("w:style"))}
    seen_run_in = set()
    for index, p in enumerate(four_levels_doc.paragraphs, 1):
        for i, run in enumerate(p.runs):
            r = run._r
            rstyle = r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:rStyle"))
            if index in run_in and i == 0:
                char_style = styles[rstyle.get(qn("w:val"))]
                expected = FONT_OF_STYLE[STYLE_OF_KIND[run_in[index].level]]
                assert east_asia(char_style) == expected
                assert run.text.startswith(run_in[index].marker + run_in[index].title)
                assert run.text[-1] in "。！？"
                assert east_asia(r) == expected  # named on the run as well
                seen_run_in.add(index)
            else:
                assert rstyle is None or rstyle is False
                assert east_asia(styles[p.style.style_id]) == FONT_OF_STYLE[p.style.name]
                assert east_asia(r) == FONT_OF_STYLE[p.style.name]  # named on the run as well
    assert seen_run_in == set(run_in)
    # The heading character style is linked to its paragraph style.
    link = styles["GwLevel2Char"].find(qn("w:link")).get(qn("w:val"))
    assert link == "GwLevel2"


def test_indents_and_alignment(four_levels_doc):
    by_style = {}
    for p in four_levels_doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p)
    for name in ("公文正文", "一级标题", "二级标题", "三级标题", "四级标题", "附件说明"):
        fmt = four_levels_doc.styles[name].paragraph_format
        assert fmt.first_line_indent == Pt(32), name  # two characters of 3号
        ind = style_el(four_levels_doc, name).find(qn("w:pPr")).find(qn("w:ind"))
        assert ind.get(qn("w:firstLineChars")) == "200"
        for p in by_style.get(name, []):  # (this draft's level-4 headings are all run in)
            assert p.paragraph_format.first_line_indent is None  # no direct override
    styles = four_levels_doc.styles
    assert styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert styles["主送机关"].paragraph_format.first_line_indent == Pt(0)  # flush left
    assert styles["公文正文"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    date_style = styles["成文日期"].paragraph_format
    assert date_style.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date_style.right_indent == Pt(64)  # 右空四字
    # The signature is centred over the date: 共青团某大学委员会 is 9 characters,
    # 2025年12月5日 is 3 + 7 × ½ = 6.5, so it stands 4 − 1.25 = 2.75 characters in.
    (signature,) = by_style["署名"]
    assert styles["署名"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert signature.paragraph_format.right_indent == Pt(2.75 * 16)


def test_page_numbers_in_the_footer(gongwen_doc):
    section = gongwen_doc.sections[0]
    assert gongwen_doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        assert p.alignment == align
        field = p._p.find(qn("w:fldSimple"))
        assert field.get(qn("w:instr")).strip() == "PAGE"
        # The field's placeholder between two dashes (python-docx's p.text skips fields).
        assert "".join(t.text for t in p._p.iter(qn("w:t"))) == "— 1 —"
        assert p.runs[0]._r.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == "28"  # 4号


def test_docx_to_a_file_object_and_to_a_path(tmp_path):
    report = baogao.example("request_qingshi")
    path = tmp_path / "请示.docx"
    to_docx(report, path)
    assert path.read_bytes()[:2] == b"PK"
    assert docx.Document(str(path)).paragraphs[0].text == report.outline().title


# ---------------------------------------------------------------------------
# The exported .docx re-outlines to the draft's outline


@pytest.mark.parametrize("name", ["report_gongwen", "request_qingshi", "four_levels"])
def test_docx_reoutlines_to_the_same_outline(name):
    source = drafts()[name]
    again = baogao.load(docx_bytes(source), name=f"{name}.docx")
    assert again.format == "docx"
    assert comparable(again, from_docx=True) == comparable(source, from_docx=False)
    # Standalone headings are read through their styles' outline levels.
    for h in again.outline().headings:
        if not h.run_in:
            assert again.heading_levels[h.line] == h.level


def test_docx_reoutlines_the_specimen_without_its_boilerplate():
    source = baogao.specimen()
    again = baogao.load(docx_bytes(source), name="specimen.docx")
    elements = source.outline().elements
    assert sum(e.kind == "boilerplate" for e in elements) == 2
    assert all(e.kind != "boilerplate" for e in again.outline().elements)
    kept = [e.paragraph for e in elements if e.kind != "boilerplate"]
    expected = comparable(source, from_docx=False)
    position = {p: i for i, p in enumerate(kept, 1)}  # paragraph index -> .docx line
    expected["elements"] = [e for e in expected["elements"] if e["kind"] != "boilerplate"]
    for key in ("elements", "headings", "enumerations", "parts", "numbering_issues"):
        for item in expected[key]:
            item["line"] = position[item["line"]]
    for item in expected["numbering_issues"]:  # a lost heading's message names the lines around it
        item["message"] = re.sub(r"第 (\d+) 行", lambda m: f"第 {position[int(m.group(1))]} 行", item["message"])
    assert comparable(again, from_docx=True) == expected


def test_docx_reoutlines_every_corpus_report():
    """Speech-style reports: 题注, speaker, salutation, unnumbered headings (about 4 s)."""
    for source in baogao.corpus():
        again = baogao.load(docx_bytes(source), name=source.meta["id"] + ".docx")
        assert comparable(again, from_docx=True) == comparable(source, from_docx=False), \
            source.meta["id"]


def test_deep_headings_keep_their_level():
    draft = ("关于某项工作的报告\n一、总体情况\n（一）基本做法\n1.主要措施\n（1）具体安排\n"
             "①第一项内容\n一是坚持问题导向，二是坚持目标导向，三是坚持结果导向。")
    source = baogao.load(draft)
    levels = [h.level for h in source.outline().headings]
    again = baogao.load(docx_bytes(source), name="deep.docx")
    assert [h.level for h in again.outline().headings] == levels
    assert comparable(again, from_docx=True) == comparable(source, from_docx=False)


# ---------------------------------------------------------------------------
# Markdown


def test_markdown_of_a_small_draft_by_hand():
    assert to_markdown(baogao.load(SMALL)) == SMALL_MARKDOWN


def test_markdown_of_the_document_example():
    md = to_markdown(baogao.example("report_gongwen"))
    assert md.startswith("# 共青团某市委员会关于2025年上半年青年志愿服务工作情况的报告\n\n市委：\n\n")
    assert "\n## 一、主要工作及成效\n" in md
    assert "\n### （一）队伍建设稳步推进\n" in md
    assert "\n**1.扩大注册规模**。上半年新增注册青年志愿者1.2万人" in md
    assert md.endswith("\n\n特此报告。\n\n共青团某市委员会\n\n2025年7月10日\n")


def test_markdown_renders_headings_and_bold_run_in_headings():
    # mistune comes with Jupyter (nbconvert), which the kit depends on.
    import mistune

    html = mistune.create_markdown()(to_markdown(baogao.load(SMALL)))
    assert "<h1>关于春季运动会筹备情况的报告</h1>" in html
    assert "<h2>一、筹备进展</h2>" in html
    assert "<strong>（一）场地布置</strong>。操场已完成划线。" in html
    assert "<p>#青春有我#话题阅读量达到120万次。</p>" in html


def test_markdown_heading_levels_map_to_hashes():
    md = to_markdown(baogao.load(FOUR_LEVELS))
    assert "\n## 一、主要工作\n" in md
    assert "\n### （一）思想引领\n" in md
    assert "\n#### 1.理论学习\n" in md
    assert "\n**（1）专题学习**。全年开展" in md  # a level-4 heading, run in


@pytest.mark.parametrize("name", ["report_gongwen", "request_qingshi", "four_levels"])
def test_markdown_round_trip_keeps_headings_and_elements(name):
    source = drafts()[name]
    again = baogao.load(markdown_as_text(to_markdown(source)))
    assert heading_keys(again) == heading_keys(source)
    assert [h.run_in for h in again.outline().headings] == [h.run_in for h in source.outline().headings]
    assert [e.kind for e in again.outline().elements] == [e.kind for e in source.outline().elements]
    assert [e.text for e in again.outline().elements] == [e.text for e in source.outline().elements]


def test_markdown_escapes_what_markdown_would_read_as_syntax():
    draft = ("关于某项工作的报告\n-开头的短横线也要转义，否则可能变成列表。\n"
             "1. 编号后面有空格的正文段落，内容较长，不是标题；\n含有*星号*和_下划线_的段落。")
    source = baogao.load(draft)
    assert [e.kind for e in source.outline().elements] == ["title"] + ["paragraph"] * 3
    md = to_markdown(source)
    assert "\n\\-开头的短横线" in md
    assert "\n1\\. 编号后面有空格" in md
    assert "含有\\*星号\\*和\\_下划线\\_的段落。" in md
    assert [p for p in markdown_as_text(md).strip().split("\n\n")] == draft.split("\n")


def test_boilerplate_is_dropped_from_both_exports():
    specimen = baogao.specimen()
    boiler = [e.text for e in specimen.outline().elements if e.kind == "boilerplate"]
    md = to_markdown(specimen)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(docx_bytes(specimen))).paragraphs]
    for text in boiler:
        assert text not in md
        assert text not in paragraphs
    assert len(paragraphs) == len(specimen.paragraphs) - len(boiler)


def test_zero_width_characters_stay_where_they_were():
    draft = "关于某项工作的报告\n一、总体\u200b情况\n（一）\u200b基本做法。具体内容如下，详见附表。"
    source = baogao.load(draft)
    paragraphs = docx.Document(io.BytesIO(docx_bytes(source))).paragraphs
    assert paragraphs[2].runs[0].text == "（一）\u200b基本做法。"
    assert paragraphs[2].text == "（一）\u200b基本做法。具体内容如下，详见附表。"
    assert "**（一）\u200b基本做法**。具体内容如下" in to_markdown(source)


# ---------------------------------------------------------------------------
# Dispatch and edge cases


def test_export_dispatches_on_the_suffix(tmp_path):
    report = baogao.example("report_gongwen")
    md_path = export(report, tmp_path / "报告.MD")
    assert md_path.read_text(encoding="utf-8") == to_markdown(report)
    docx_path = export(report, str(tmp_path / "报告.docx"))
    assert heading_keys(baogao.load(docx_path)) == heading_keys(report)


@pytest.mark.parametrize("name", ["报告.pdf", "报告.doc", "报告"])
def test_export_refuses_other_suffixes(tmp_path, name):
    with pytest.raises(UsageError) as info:
        export(baogao.example("report_gongwen"), tmp_path / name)
    message = str(info.value)
    assert ".md" in message and ".docx" in message and "导出" in message
    assert isinstance(info.value, BaogaoError)
    assert not (tmp_path / name).exists()


def test_export_to_a_missing_folder_says_so(tmp_path):
    with pytest.raises(UsageError, match="文件夹.*不存在"):
        export(baogao.example("report_gongwen"), tmp_path / "没有这个文件夹" / "报告.docx")


def test_a_draft_with_only_a_title(tmp_path):
    draft = baogao.load("关于某项工作的报告")
    assert to_markdown(draft) == "# 关于某项工作的报告\n"
    again = baogao.load(export(draft, tmp_path / "title.docx"))
    assert [(e.kind, e.text) for e in again.outline().elements] == [("title", "关于某项工作的报告")]
    assert comparable(again, from_docx=True) == comparable(draft, from_docx=False)


# ---------------------------------------------------------------------------
# Never losing a file


def _draft(tmp_path, name="草稿.txt"):
    path = tmp_path / name
    path.write_text(FOUR_LEVELS, encoding="utf-8")
    return path


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_export_never_overwrites_its_own_input(tmp_path, suffix):
    if suffix == ".md":
        draft = tmp_path / "草稿.md"
        draft.write_text("# 我的草稿\n\n一、主要工作\n\n全年开展专题学习。\n", encoding="utf-8")
    else:
        draft = tmp_path / "草稿.docx"
        to_docx(baogao.load(FOUR_LEVELS), draft)
    before = draft.read_bytes()
    report = baogao.load(draft)
    (tmp_path / "sub").mkdir()
    hard = tmp_path / f"硬链接{suffix}"
    os.link(draft, hard)
    link = tmp_path / f"链接{suffix}"
    link.symlink_to(draft.name)
    for target in (draft, tmp_path / "sub" / ".." / draft.name, hard, link):
        for force in (False, True):
            with pytest.raises(UsageError, match="正在读取的草稿") as info:
                export(report, target, force=force)
            assert str(info.value).count("。") == 1
    # Also when the draft is given as a path rather than a Report.
    with pytest.raises(UsageError, match="正在读取的草稿"):
        export(str(draft), draft, force=True)
    assert draft.read_bytes() == before and hard.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_export_replaces_an_existing_file_only_with_force(tmp_path):
    report = baogao.load(_draft(tmp_path))
    target = tmp_path / "导出.md"
    target.write_text("别人的文件\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"已经存在.*--force.*force=True") as info:
        export(report, target)
    assert str(info.value).count("。") == 1
    assert target.read_text(encoding="utf-8") == "别人的文件\n"
    target.chmod(0o640)
    assert export(report, target, force=True) == target
    assert target.read_text(encoding="utf-8") == to_markdown(report)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file's permissions kept
    fresh = export(report, tmp_path / "新文件.docx")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    assert _leftovers(tmp_path) == []


def test_export_does_not_follow_a_symlink_onto_another_file(tmp_path):
    report = baogao.load(_draft(tmp_path))
    other = tmp_path / "另一个文件.md"
    other.write_text("不能被改写\n", encoding="utf-8")
    link = tmp_path / "导出.md"
    link.symlink_to(other.name)
    dangling = tmp_path / "悬空.docx"
    dangling.symlink_to("nowhere.docx")
    for target in (link, dangling):
        for force in (False, True):
            with pytest.raises(UsageError, match="符号链接"):
                export(report, target, force=force)
    assert other.read_text(encoding="utf-8") == "不能被改写\n"
    assert link.is_symlink() and dangling.is_symlink() and not (tmp_path / "nowhere.docx").exists()


def test_export_to_a_folder_says_so(tmp_path):
    (tmp_path / "报告.docx").mkdir()
    with pytest.raises(UsageError, match="文件夹"):
        export(baogao.load(_draft(tmp_path)), tmp_path / "报告.docx", force=True)


def test_a_write_that_fails_partway_leaves_the_old_file(tmp_path, monkeypatch):
    import baogao.export as export_module

    report = baogao.load(_draft(tmp_path))
    target = tmp_path / "导出.docx"
    export(report, target)
    good = target.read_bytes()

    def half_written(report, f):  # the writer dies after writing part of the file
        f.write(good[: len(good) // 2])
        raise RuntimeError("writer crashed")
    monkeypatch.setattr(export_module, "to_docx", half_written)
    with pytest.raises(RuntimeError, match="writer crashed"):
        export(report, target, force=True)
    assert target.read_bytes() == good and _leftovers(tmp_path) == []
    monkeypatch.undo()

    def disk_full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    md = tmp_path / "导出.md"
    md.write_text("旧内容\n", encoding="utf-8")
    with pytest.raises(UsageError, match="无法写入.*磁盘空间"):
        export(report, md, force=True)
    assert md.read_text(encoding="utf-8") == "旧内容\n" and _leftovers(tmp_path) == []
    with pytest.raises(UsageError, match="无法写入"):
        export(report, tmp_path / "新.md")
    assert not (tmp_path / "新.md").exists() and _leftovers(tmp_path) == []


def test_a_file_created_meanwhile_is_not_replaced_without_force(tmp_path, monkeypatch):
    import baogao.export as export_module

    report = baogao.load(_draft(tmp_path))
    target = tmp_path / "导出.md"
    real = export_module.to_markdown

    def racing(report):  # another program creates the file while the export renders
        target.write_text("抢先写入\n", encoding="utf-8")
        return real(report)
    monkeypatch.setattr(export_module, "to_markdown", racing)
    with pytest.raises(UsageError, match="已经存在"):
        export(report, target)
    assert target.read_text(encoding="utf-8") == "抢先写入\n" and _leftovers(tmp_path) == []
