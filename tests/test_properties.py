"""Property tests: arbitrary text never breaks loading or outlining, as plain text or as Markdown."""

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import baogao
from baogao.errors import BaogaoError

# Text built from the pieces reports are made of, plus arbitrary Unicode.
PIECES = st.sampled_from([
    "一、", "（一）", "（二）", "1.", "（1）", "一是", "二是", "第一，", "第五,", "1、", "(四)", "十二、",
    "各位代表：", "特此报告。", "市委：", "——", "2025年7月10日", "本站仅供参考", "附件：", "关于", "的报告",
    "。", "，", "；", "\n", "\r\n", "\r", "\u3000\u3000", "\u200b", "\ufeff", " ", "主要工作", "经验",
    "自身建设", "今年是", "2022年是", "归功于", "表示感谢", "过去一年", "清醒看到",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join),
)


def check(report):
    text = report.text
    assert "\r" not in text
    for ln in report.lines:
        assert 0 <= ln.start <= ln.end <= len(text) and text[ln.start:ln.end] == ln.text
    for p in report.paragraphs:
        assert text[p.start:p.end] == p.text
        assert report.line_of(p.start) == p.line
    o = report.outline()
    lines = {ln.number for ln in report.lines}
    items = ([e.line for e in o.elements] + [h.line for h in o.headings] + [e.line for e in o.enumerations]
             + [p.line for p in o.parts] + [i.line for i in o.numbering_issues])
    assert set(items) <= lines
    for s in o.sections():
        assert s.line in lines and s.end_line in lines and s.line <= s.end_line
    o.to_dict()
    o.to_frame()
    o.render()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_text_never_raises_but_baogao_errors(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = baogao.load(text if "\n" in text or len(text) > 3 else text + "\n")
        except BaogaoError:
            return
        check(report)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_bytes_never_raise_but_baogao_errors(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = baogao.load(data, name="随机字节")
        except BaogaoError:
            return
        check(report)


# Markdown's block and inline marks, to make the parser take every path.
MARKDOWN_PIECES = st.sampled_from([
    "# ", "## ", "### ", "#", "---", "+++", "...", "***", "===", "```", "~~~", "    ", "\t", "> ", "- ",
    "* ", "+ ", "1. ", "2. ", "2) ", "| a | b |", "|---|---|", "[", "]", "(", ")", "[目录](#a)",
    "![图](x.png)", "<div>", "</div>", "<!--", "-->", "**", "*", "_", "~~", "`", "\\", "&amp;",
    "[ref]: http://x.cn", "[ref]", "<https://x.cn>", "title: 标题", "key = 1",
])
MARKDOWN = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(MARKDOWN_PIECES, PIECES, st.text(max_size=6)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN)
def test_markdown_never_raises_and_offsets_index_the_original(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = baogao.load(text, format="markdown")
        except BaogaoError:
            return
    assert report.format == "markdown"
    assert report.text == text.replace("\r\n", "\n").replace("\r", "\n")  # the original, line ends aside
    check(report)
    for p in report.paragraphs:
        assert p.start == report.lines[p.line - 1].start + len(p.indent)
        assert report.line_kinds[p.line] in ("prose", "heading")
    for a, b in report.markup_spans:
        assert any(p.start <= a < b <= p.end for p in report.paragraphs)
    assert set(report.heading_levels) <= {p.line for p in report.paragraphs}
    assert all(level >= 1 for level in report.heading_levels.values())
