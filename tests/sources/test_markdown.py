"""Markdown input: what is prose, where it stands in the original file, heading evidence, bad input."""

import pytest

import baogao
from baogao import errors
from baogao.analysis.quantities import quantity_table
from baogao.sources.markdown import NOT_PROSE, MarkdownReport, read_markdown

# A work summary as a student writes it in Markdown: front matter, a title,
# a table of contents, ## and ### headings, a table, a list, a code block,
# an HTML comment, a link reference definition, a signature and a date.
SUMMARY = """\
---
title: 某大学团委2025年工作总结
author: 校团委办公室
tags: [总结, 共青团]
---

# 某大学团委2025年工作总结

目录：

1. [主要工作](#一主要工作)
2. [存在的不足](#二存在的不足)
3. [2026年工作思路](#三2026年工作思路)

2025年，校团委在学校党委的领导下，较好地完成了全年各项工作。现总结如下。

## 一、主要工作

### （一）思想引领扎实有效

一是深化理论学习。全年组织集中学习24次，覆盖学生3.2万人次。二是抓好“青年大学习”，参学率稳定在90%以上。

| 项目 | 2024年 | 2025年 |
| --- | ---: | ---: |
| 集中学习（次） | 20 | 24 |

### （二）素质拓展成果丰硕

- 学科竞赛：获奖41项，比上年增加12项。
- 社会实践：组建团队168支，详见[实践报告][report]。

```python
print("共 168 支")  # 统计脚本，不是正文
```

**注册志愿者达到1.6万人，全年志愿服务时长超过28万小时。**

## 二、存在的不足

> 一是部分团支部活动形式单一；二是志愿服务的专业化水平有待提高。

<!-- 编辑注释：定稿前删去 -->

## 三、2026年工作思路

2026年，校团委将重点做好三件事。

[report]: https://example.edu.cn/report "实践报告"

共青团某大学委员会
2025年12月30日
"""

# Every prose line of SUMMARY, read by hand: (line, the paragraph's text).
SUMMARY_PROSE = [
    (7, "某大学团委2025年工作总结"),
    (15, "2025年，校团委在学校党委的领导下，较好地完成了全年各项工作。现总结如下。"),
    (17, "一、主要工作"),
    (19, "（一）思想引领扎实有效"),
    (21, "一是深化理论学习。全年组织集中学习24次，覆盖学生3.2万人次。二是抓好“青年大学习”，参学率稳定在90%以上。"),
    (27, "（二）素质拓展成果丰硕"),
    (29, "学科竞赛：获奖41项，比上年增加12项。"),
    (30, "社会实践：组建团队168支，详见[实践报告][report]。"),
    (36, "注册志愿者达到1.6万人，全年志愿服务时长超过28万小时。"),
    (38, "二、存在的不足"),
    (40, "一是部分团支部活动形式单一；二是志愿服务的专业化水平有待提高。"),
    (44, "三、2026年工作思路"),
    (46, "2026年，校团委将重点做好三件事。"),
    (50, "共青团某大学委员会"),
    (51, "2025年12月30日"),
]


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "总结.md"
    path.write_bytes(SUMMARY.encode("utf-8"))
    return baogao.load(path)


def test_summary_keeps_the_original_text(summary):
    assert isinstance(summary, MarkdownReport) and summary.format == "markdown"
    assert summary.text == SUMMARY
    assert len(summary.lines) == len(SUMMARY.split("\n"))


def test_summary_prose_lines_and_their_offsets(summary):
    assert [(p.line, p.text) for p in summary.paragraphs] == SUMMARY_PROSE
    lines = SUMMARY.split("\n")
    for p in summary.paragraphs:
        assert SUMMARY[p.start:p.end] == p.text
        # The paragraph is a span of its original line, after the Markdown marks.
        line = lines[p.line - 1]
        assert line[len(p.indent):len(p.indent) + len(p.text)] == p.text
        assert summary.position(p.start) == (p.line, len(p.indent) + 1)
    indents = {p.line: p.indent for p in summary.paragraphs}
    assert indents[7] == "# " and indents[17] == "## " and indents[19] == "### "
    assert indents[29] == "- " and indents[40] == "> " and indents[36] == "**"


def test_summary_what_is_not_prose(summary):
    kinds = summary.line_kinds
    assert [kinds[n] for n in range(1, 6)] == ["front_matter"] * 5
    assert [kinds[n] for n in (9, 11, 12, 13)] == ["links"] * 4  # 目录： and its links
    assert [kinds[n] for n in (23, 24, 25)] == ["table"] * 3
    assert [kinds[n] for n in (32, 33, 34)] == ["code"] * 3
    assert kinds[42] == "html" and kinds[48] == "definition"
    prose = {n for n, k in kinds.items() if k not in NOT_PROSE}
    assert prose == {n for n, _ in SUMMARY_PROSE}
    # Every non-blank line has a kind; no excluded line is a paragraph.
    assert set(kinds) == {n for n, line in enumerate(SUMMARY.split("\n"), 1) if line.strip()}
    notes = {(n.line, n.detail) for n in summary.notes if n.kind == "markdown"}
    assert (1, "第1–5行是 YAML 前置元数据（front matter），不计入正文") in notes
    assert (9, "第9–13行是只有链接的段落（如目录），不计入正文") in notes
    assert (23, "第23–25行是表格，不计入正文") in notes
    assert (32, "第32–34行是代码块，不计入正文") in notes
    assert summary.meta["front_matter"].startswith("title: 某大学团委2025年工作总结")


def test_summary_heading_evidence(summary):
    # The lone # heading is the title; ## is level 1, ### level 2.
    assert summary.heading_levels == {17: 1, 19: 2, 27: 2, 38: 1, 44: 1}
    assert any(n.line == 7 and "全文标题" in n.detail for n in summary.notes)
    o = summary.outline()
    assert o.title == "某大学团委2025年工作总结"
    assert [(h.line, h.level, h.marker, h.title) for h in o.headings] == [
        (17, 1, "一、", "主要工作"), (19, 2, "（一）", "思想引领扎实有效"),
        (27, 2, "（二）", "素质拓展成果丰硕"), (38, 1, "二、", "存在的不足"),
        (44, 1, "三、", "2026年工作思路")]
    assert o.numbering_issues == []
    kinds = {e.line: e.kind for e in o.elements}
    assert kinds[7] == "title" and kinds[50] == "signature" and kinds[51] == "date"
    assert "addressee" not in kinds.values()  # 目录： is no 主送机关


def test_summary_inline_link_is_marked_where_it_stands(summary):
    line = summary.line(30)
    assert [summary.text[a:b] for a, b in summary.markup_spans] == ["[", "][report]"]
    (a, _), _ = summary.markup_spans
    assert summary.position(a) == (30, line.text.index("[") + 1)
    note = next(n for n in summary.notes if n.kind == "markdown_inline")
    assert (note.line, note.column) == (30, line.text.index("[") + 1) and "链接" in note.detail


def test_summary_quantities_point_into_the_original(summary):
    table = quantity_table(summary)
    assert list(table["raw"]) == ["24次", "3.2万人次", "90%以上", "41项", "12项", "168支",
                                  "1.6万人", "超过28万小时", "三件"]
    for row in table.itertuples():
        assert SUMMARY[row.start:row.end] == row.raw
        assert summary.position(row.start) == (row.line, row.column)
    assert 24 not in set(table["line"])  # the table's 20 and 24 are no prose


def test_crlf_markdown_keeps_lines_and_columns(tmp_path):
    r = baogao.load(write(tmp_path, "a.md", SUMMARY.replace("\n", "\r\n").encode("utf-8")))
    assert r.text == SUMMARY and r.newline == "\r\n"
    assert [(p.line, p.text) for p in r.paragraphs] == SUMMARY_PROSE


# -- the rules one by one ----------------------------------------------------------------

def md(text: str) -> MarkdownReport:
    return baogao.load(text, format="markdown")


def prose(r) -> list[tuple[int, str]]:
    return [(p.line, p.text) for p in r.paragraphs]


def test_setext_headings_and_their_underlines():
    r = md("工作总结\n=======\n\n总体情况\n--------\n\n今年完成了各项任务，成效明显。\n")
    assert prose(r) == [(1, "工作总结"), (4, "总体情况"), (7, "今年完成了各项任务，成效明显。")]
    assert r.line_kinds[2] == r.line_kinds[5] == "underline"
    assert r.heading_levels == {4: 1}  # 工作总结 is the title
    assert [h.title for h in r.outline().headings] == ["总体情况"]


def test_unnumbered_markdown_headings_are_headings():
    r = md("# 年度总结\n\n## 工作回顾\n\n今年我们完成了十二项重点任务，群众满意度持续提升。\n\n"
           "## 下一步打算\n\n明年将继续深化改革，推动各项工作再上新台阶。\n")
    assert [(h.line, h.level, h.title) for h in r.outline().headings] == [
        (3, 1, "工作回顾"), (7, 1, "下一步打算")]


def test_several_level_one_headings_are_all_levels():
    r = md("# 一、主要工作\n\n今年完成了任务。\n\n# 二、存在问题\n\n还有不足之处。\n")
    assert r.heading_levels == {1: 1, 5: 1}


def test_emphasis_and_links_around_a_whole_line_are_peeled():
    r = md("**一、总体情况**\n\n## [二、主要做法](#二)\n\n*（一）加强学习*\n")
    assert prose(r) == [(1, "一、总体情况"), (3, "二、主要做法"), (5, "（一）加强学习")]
    assert r.markup_spans == []
    for p in r.paragraphs:
        assert r.text[p.start:p.end] == p.text


def test_inline_markup_stays_and_is_located():
    text = "今年完成了**十二项**任务，详见[附表](#table)与<https://a.cn>，代码`x`，转义\\*号&amp;。\n"
    r = md(text)
    (p,) = r.paragraphs
    assert p.text == text.rstrip("\n")  # offsets cannot survive a cut: the line keeps its markup
    assert [r.text[a:b] for a, b in r.markup_spans] == [
        "**", "**", "[", "](#table)", "<https://a.cn>", "`x`", "\\", "&amp;"]


def test_table_of_contents_is_no_heading():
    r = md("# 报告\n\n目录\n\n1. [一、总体情况](#一)\n2. [二、主要工作](#二)\n   - [（一）学习](#学习)\n\n"
           "## 一、总体情况\n\n今年总体情况良好，各项指标稳中有进。\n\n## 二、主要工作\n\n全年完成了十二项任务。\n")
    assert all(r.line_kinds[n] == "links" for n in (3, 5, 6, 7))
    assert [h.line for h in r.outline().headings] == [9, 13]
    assert r.outline().numbering_issues == []


def test_ordered_list_numbers_stay_when_written_as_rendered():
    r = md("工作总结\n\n1. 完成学习任务。\n2. 完成实践任务。\n\n正文。\n\n1. 甲项工作全部完成。\n1. 乙项工作全部完成。\n")
    assert prose(r) == [(1, "工作总结"), (3, "1. 完成学习任务。"), (4, "2. 完成实践任务。"), (6, "正文。"),
                        (8, "甲项工作全部完成。"), (9, "乙项工作全部完成。")]
    assert any(n.line == 8 and "自动编号" in n.detail for n in r.notes)


def test_code_html_definitions_rules_are_no_prose():
    r = md("总结\n\n~~~\n代码\n~~~\n\n    indented = code\n\n<div align=\"center\">\n网页块\n</div>\n\n"
           "[a]: http://x.cn\n\n***\n\n正文一句。\n")
    assert prose(r) == [(1, "总结"), (17, "正文一句。")]
    assert [r.line_kinds[n] for n in (3, 4, 5, 7, 9, 10, 11, 13, 15)] == [
        "code", "code", "code", "code", "html", "html", "html", "definition", "rule"]


def test_indented_chinese_prose_is_prose_not_code():
    r = md("工作总结\n\n    今年以来，我们完成了各项任务。\n    明年将继续努力，再创佳绩。\n")
    assert prose(r) == [(1, "工作总结"), (3, "今年以来，我们完成了各项任务。"), (4, "明年将继续努力，再创佳绩。")]
    assert any("按正文读取" in n.detail for n in r.notes)
    assert not any(n.kind == "indent" and n.line == 1 for n in r.notes)


def test_toml_front_matter_and_bom():
    r = md("\ufeff+++\ntitle = \"总结\"\n+++\n\n# 总结\n\n今年完成了任务。\n")
    assert [r.line_kinds[n] for n in (1, 2, 3)] == ["front_matter"] * 3
    assert prose(r) == [(5, "总结"), (7, "今年完成了任务。")]
    assert r.outline().title == "总结"


def test_yaml_front_matter_without_a_space_after_the_colon():
    r = md("---\ntitle:年度总结\ndate: 2025-12-30\n---\n今年完成了任务。\n")
    assert [r.line_kinds[n] for n in (1, 2, 3, 4)] == ["front_matter"] * 4
    assert prose(r) == [(5, "今年完成了任务。")] and r.heading_levels == {}


def test_a_rule_at_the_top_is_no_front_matter():
    # No closing line, or lines that are no YAML: Markdown's own reading stands.
    r = md("---\n一、总体情况良好，各项指标稳中有进。\n")
    assert r.line_kinds[1] == "rule" and prose(r) == [(2, "一、总体情况良好，各项指标稳中有进。")]
    r = md("---\n今年，我们完成了任务。\n---\n")
    assert "front_matter" not in r.line_kinds.values()


def test_a_line_the_parser_rewrote_is_kept_whole():
    # markdown-it turns NUL into U+FFFD: the line cannot be located, so it stays as it stands.
    r = md("总结\n\n文字\x00文字，完成任务。\n")
    assert prose(r) == [(1, "总结"), (3, "文字\x00文字，完成任务。")]


def test_read_markdown_directly():
    r = read_markdown("# 总结\r\n\r\n正文。\r\n", source="草稿.md")
    assert r.source == "草稿.md" and r.text == "# 总结\n\n正文。\n" and r.newline == "\r\n"
    assert prose(r) == [(1, "总结"), (3, "正文。")]


# -- choosing the reader --------------------------------------------------------------------

def test_suffixes_and_the_format_parameter(tmp_path):
    data = "# 总结\n\n## 一、工作\n\n今年完成了任务。\n".encode()
    assert baogao.load(write(tmp_path, "a.markdown", data)).format == "markdown"
    assert baogao.load(write(tmp_path, "a.md", data), format="text").paragraphs[0].text == "# 总结"
    txt = baogao.load(write(tmp_path, "a.txt", data), format="markdown")
    assert txt.format == "markdown" and txt.paragraphs[0].text == "总结"
    assert baogao.load(data, format="markdown", name="上传.md").heading_levels == {3: 1}
    assert baogao.load(data).format == "text"  # bytes without a format stay plain text
    assert baogao.load("# 总结\n正文。\n").paragraphs[0].text == "# 总结"


# -- bad input: one Chinese sentence each ------------------------------------------------------

def assert_one_sentence(exc: errors.BaogaoError):
    msg = exc.message
    assert msg and "\n" not in msg and msg.endswith("。")
    assert sum(msg.count(c) for c in "。！？") == 1
    assert any("\u4e00" <= c <= "\u9fff" for c in msg)


@pytest.mark.parametrize("data", [b"", b"\n\n   \n"])
def test_empty_markdown_file(tmp_path, data):
    with pytest.raises(errors.EmptyFileError) as e:
        baogao.load(write(tmp_path, "空.md", data))
    assert_one_sentence(e.value)


def test_only_front_matter(tmp_path):
    with pytest.raises(errors.EmptyFileError, match="前置元数据") as e:
        baogao.load(write(tmp_path, "fm.md", b"---\ntitle: x\n---\n"))
    assert_one_sentence(e.value)
    assert "fm.md" in e.value.message


def test_only_code_and_tables():
    with pytest.raises(errors.EmptyFileError, match="代码块、表格") as e:
        baogao.load("```\nx\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", format="markdown")
    assert_one_sentence(e.value)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"# \xe6\x80\xbb\x00\x01\x02"])
def test_binary_bytes_named_md(tmp_path, data):
    with pytest.raises(errors.BinaryFileError) as e:
        baogao.load(write(tmp_path, "scan.md", data))
    assert_one_sentence(e.value)


def test_bad_format_values(tmp_path):
    with pytest.raises(errors.UsageError, match="不认识格式") as e:
        baogao.load("正文。", format="html")
    assert_one_sentence(e.value)
    docx = write(tmp_path, "a.docx", b"PK\x03\x04 not really")
    with pytest.raises(errors.UsageError, match="Word 文件") as e:
        baogao.load(docx, format="markdown")
    assert_one_sentence(e.value)
