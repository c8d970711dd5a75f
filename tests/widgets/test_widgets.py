"""The widgets of issue 5: plain functions on hand-made reports, then each widget driven headlessly."""

from __future__ import annotations

import asyncio
import random
import re
import subprocess
import sys
import threading
from html import escape as html_escape
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.colors import to_rgba

import baogao
from baogao.analysis.lengths import sentence_lengths
from baogao.analysis.stats import text_stats
from baogao.concordance import kwic
from baogao.concordance.profile import measure_table
from baogao.lint import Finding, lint
from baogao.sources.edition import DIFF_COLUMNS, edition_diff
from baogao.widgets import (
    LAYERS,
    PRECEDENCE,
    Charts,
    Concordance,
    Debouncer,
    EditionCompare,
    Highlighter,
    LintViewer,
    OutlineBuilder,
    Question,
    Quiz,
    check_choice,
    compare_html,
    dispersion_svg,
    distribution_figure,
    feedback_html,
    filter_findings,
    findings_html,
    highlight_html,
    kwic_html,
    layer_marks,
    load_draft,
    measure_figure,
    measure_svg,
    save_draft,
    word_lengths,
)
from baogao.widgets.builder import default_schedule, export_paths
from baogao.widgets.charts import TARGET_COLOUR
from baogao.widgets.highlight import layered_html
from baogao.widgets.lintview import finding_context
from baogao.widgets.quiz import pieces

DRAFT = """关于2024年工作情况的报告
一、加强思想引领
深入开展主题教育。全年开展活动120场,覆盖青年3.5万人次,进一步增强“四个意识”。
二、存在的问题
<script>alert(1)</script>基层基础仍然薄弱。一些团组织活力不足，联系青年不够紧密。"""

def marked(html: str, layer: str) -> bool:
    """Whether any mark of the layer is in the HTML (the style sheet names every layer)."""
    return re.search(rf'<span class="hl[^"]* hl-{layer}[ "]', html) is not None


LEAD_TITLE = "主旨句（9 字）：段落的第一句，只有一个分句，点明全段要点"


@pytest.fixture(scope="module")
def draft():
    return baogao.load(DRAFT)


@pytest.fixture(scope="module")
def small_corpus():
    return [baogao.corpus("2021_state-council_gwr"), baogao.corpus("2023_state-council_gwr")]


# -- highlighter ------------------------------------------------------------------------

def test_layer_marks_find_each_layer(draft):
    heads = layer_marks(draft, "headings")
    assert [(draft.text[m.start:m.end], m.title) for m in heads] == [
        ("一、加强思想引领", "标题：第 1 级，“一、”式编号"), ("二、存在的问题", "标题：第 1 级，“一、”式编号")]
    assert [draft.text[m.start:m.end] for m in layer_marks(draft, "leads")] == ["深入开展主题教育。"]
    assert [draft.text[m.start:m.end] for m in layer_marks(draft, "quantities")] == ["120场", "3.5万人次"]
    assert {draft.text[m.start:m.end] for m in layer_marks(draft, "formulations")} == {"“四个意识”", "四个意识"}
    assert [draft.text[m.start:m.end] for m in layer_marks(draft, "four_char")] == ["深入开展", "开展活动"]
    with pytest.raises(ValueError, match="图层"):
        layer_marks(draft, "colours")
    # A run-in heading: only the heading sentence is marked, not its paragraph.
    example = baogao.example("report_gongwen")
    run_in = [(example.text[m.start:m.end], m.title) for m in layer_marks(example, "headings") if "段中" in m.title]
    assert run_in[0] == ("1.扩大注册规模。", "标题：第 3 级，“1.”式编号，段中标题")


def test_layered_html_overlaps_follow_the_precedence_whatever_the_order():
    marks = [(0, 4, "leads", "L"), (2, 6, "quantities", "Q"), (5, 6, "lint", "<坏>")]
    expected = ('<span class="hl hl-leads" title="L">AB</span>'
                '<span class="hl hl-quantities hl-leads" title="Q\nL">CD</span>'
                '<span class="hl hl-quantities" title="Q">E</span>'
                '<span class="hl hl-quantities hl-lint" title="Q\n&lt;坏&gt;">&lt;</span>G')
    assert layered_html("ABCDE<G", marks) == expected
    for seed in range(5):
        shuffled = marks[:]
        random.Random(seed).shuffle(shuffled)
        assert layered_html("ABCDE<G", shuffled) == expected
    assert layered_html("a<b", []) == "a&lt;b"
    assert PRECEDENCE[0] == "quantities" and set(PRECEDENCE) == set(LAYERS)


def test_highlight_html_marks_titles_legend_and_escapes(draft):
    html = highlight_html(draft, list(LAYERS), line_range=(3, 3))
    assert f'<span class="hl hl-four_char hl-leads" title="四字格（成语或四字词）：深入开展\n{LEAD_TITLE}">深入开展</span>' in html
    assert f'<span class="hl hl-leads" title="{LEAD_TITLE}">主题教育。</span>' in html
    assert '<span class="hl hl-quantities" title="数据：120场（数量，数值 120场）">120场</span>' in html
    assert ('<span class="hl hl-lint" title="中文语句中使用了半角“,”，应改为全角“，”。\n建议改为：“，”\n'
            '（标点 · 错误 · half-width-punctuation）">,</span>') in html
    assert '<span class="bg-lineno">3</span>' in html and '<span class="bg-lineno">2</span>' not in html
    assert "数据（2）" in html and "问题（2）" in html  # the legend counts the marks shown
    # Every mark explains itself.
    titles = re.findall(r'<span class="hl [^"]*" title="([^"]*)">', html)
    assert len(titles) == html.count('<span class="hl ') == 10 and all(titles)
    heading = highlight_html(draft, ["headings"], line_range=(2, 2))
    assert '<span class="hl hl-headings" title="标题：第 1 级，“一、”式编号">一、加强思想引领</span>' in heading
    assert not marked(heading, "quantities")
    assert 'class="hl-key off"' in heading  # inactive layers are greyed in the legend
    whole = highlight_html(draft, "quantities")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in whole and "<script>" not in whole
    with pytest.raises(ValueError):
        highlight_html(draft, ["colours"])


def test_highlighter_driven_headlessly(draft):
    h = Highlighter(draft)
    assert h.layers == ["quantities", "leads", "headings"]
    assert marked(h.view.value, "quantities") and not marked(h.view.value, "lint")
    h.toggles["lint"].value = True
    assert "half-width-punctuation" in h.view.value
    h.toggles["quantities"].value = False
    assert not marked(h.view.value, "quantities")
    h.section.value = 4
    assert '<span class="bg-lineno">5</span>' in h.view.value
    assert '<span class="bg-lineno">3</span>' not in h.view.value
    h.section.value = 0
    assert '<span class="bg-lineno">3</span>' in h.view.value


def test_highlighter_on_the_specimen():
    h = Highlighter(baogao.specimen(), layers=("lint",))
    assert h.toggles["lint"].description == f"问题（{len(lint(baogao.specimen()))}）"
    h.section.value = 24
    assert '<span class="bg-lineno">24</span>' in h.view.value and '<span class="bg-lineno">28</span>' not in h.view.value
    assert "CPC" in h.view.value and "latin-residue" in h.view.value


# -- concordance --------------------------------------------------------------------------

def test_kwic_html_rows_limit_and_escaping(draft):
    frame = kwic(draft, "青年", window=4)
    html = kwic_html(frame)
    assert ('<tr><td class="kw-where">3:23</td><td class="kw-left">场,覆盖</td><td class="kw-match">青年</td>'
            '<td>3.5万</td></tr>') in html
    assert "另有" not in html
    assert "另有 1 处未显示（只显示前 1 处）" in kwic_html(frame, limit=1)
    evil = kwic_html(kwic(draft, "<script>"))
    assert '<td class="kw-match">&lt;script&gt;</td>' in evil and "<script>" not in evil
    assert "没有找到" in kwic_html(kwic(draft, "不存在的词"))


def test_dispersion_svg_places_ticks_deterministically():
    svg = dispersion_svg({"甲": [0.0, 0.5, 1.0], "<乙>": []})
    assert svg.count("<line ") == 3
    assert 'x1="190.0"' in svg and 'x1="370.0"' in svg and 'x1="550.0"' in svg
    assert "甲（3）" in svg and "&lt;乙&gt;（0）" in svg
    assert dispersion_svg({"甲": [0.0, 0.5, 1.0], "<乙>": []}) == svg
    assert dispersion_svg([0.25]).count("<line ") == 1
    frame = pd.DataFrame({"report": ["a"], "positions": [[0.1, 0.2]]})
    assert dispersion_svg(frame).count("<line ") == 2
    with pytest.raises(ValueError, match="0 到 1"):
        dispersion_svg([1.5])


def test_concordance_driven_headlessly(draft, small_corpus):
    c = Concordance(draft, corpus=small_corpus)
    assert "请输入" in c.count.value and c.table.value == ""
    c.query.value = "青年"
    assert "共出现 2 次" in c.count.value
    assert c.strip.value.count("<line ") == 2
    c.window.value = 2
    assert '<td class="kw-left">覆盖</td>' in c.table.value
    c.sort.value = "right"
    assert c.table.value.index("<td>3.</td>") < c.table.value.index("<td>不够</td>")
    assert c.frame["match"].tolist() == ["青年", "青年"]
    c.scope.value = "corpus"
    n = len(kwic(small_corpus, "青年"))
    assert f"在 2 篇参考报告中共出现 {n} 次" in c.count.value and "分布在 2 篇报告中" in c.count.value
    assert "2021 国务院" in c.strip.value and "2023 国务院" in c.strip.value
    c.regex.value = True
    c.query.value = "青年(工作"
    assert "正则表达式" in c.count.value and c.table.value == ""
    c.query.value = "青年(工作|人才)"
    assert f"共出现 {len(kwic(small_corpus, '青年(工作|人才)', regex=True))} 次" in c.count.value


# -- charts ---------------------------------------------------------------------------------

def test_distribution_figures_count_every_word_and_sentence(draft):
    lengths = word_lengths(draft)
    fig = distribution_figure(draft, "words")
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert sum(heights) == len(lengths) == text_stats(draft)["words"]
    assert len(heights) == lengths.max()  # one bar per length 1..max
    assert heights[1] == (lengths == 2).sum()
    assert fig.axes[0].get_title() == "词长分布"
    fig = distribution_figure(draft, "sentences")
    assert sum(p.get_height() for p in fig.axes[0].patches) == len(sentence_lengths(draft)) == 4
    with pytest.raises(ValueError):
        distribution_figure(draft, "paragraphs")


def test_measure_table_and_figure_place_the_report(draft, small_corpus):
    table = measure_table(draft, small_corpus, "mean_sentence_chars")
    assert list(table.columns) == ["report", "value", "is_target"]
    assert len(table) == 3 and table["is_target"].sum() == 1
    assert table.loc[table["is_target"], "value"].item() == text_stats(draft)["mean_sentence_chars"]
    assert table.loc[table["is_target"], "report"].item() == "本报告"
    assert set(table["report"]) == {"本报告", "2021 国务院", "2023 国务院"}
    assert table["value"].is_monotonic_decreasing
    # A corpus report studied against the corpus appears once.
    assert len(measure_table(small_corpus[0], small_corpus, "readability")) == 2
    fig = measure_figure(table, "mean_sentence_chars")
    bars = fig.axes[0].patches
    assert [b.get_width() for b in bars] == table["value"].tolist()
    red = [i for i, b in enumerate(bars) if b.get_facecolor() == to_rgba(TARGET_COLOUR)]
    assert red == [int(table.index[table["is_target"]][0])]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == table["report"].tolist()
    with pytest.raises(ValueError):
        measure_table(draft, small_corpus, "beauty")


def test_the_charts_open_without_matplotlib():
    """The widget draws SVG: opening it imports no matplotlib (about a second in a fresh kernel)."""
    code = ("import sys, baogao\nfrom baogao.widgets import Charts\nc = Charts(baogao.specimen())\n"
            "c.view.value = 'words'\nc.view.value = 'measure'\nprint('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr[-500:]


def test_charts_driven_headlessly(small_corpus):
    r = baogao.specimen()
    c = Charts(r, small_corpus)
    assert c.measure.disabled and 'aria-label="句长分布"' in c.svg
    assert c.out.outputs[0]["data"]["text/html"] == c.svg
    assert f"{text_stats(r)['sentences']} 个句子" in c.caption.value
    assert sum(n for _, _, n in c.bins) == text_stats(r)["sentences"]
    assert c.svg.count("<rect") == len(c.bins)  # one bar per bin of 5 characters
    assert all(high - low == 5 for low, high, _ in c.bins)
    c.view.value = "words"
    assert sum(n for _, _, n in c.bins) == len(word_lengths(r))
    assert [low for low, _, _ in c.bins] == list(range(1, len(c.bins) + 1))  # one bar per word length
    drawn = c.svg
    c.view.value = "sentences"
    c.view.value = "words"
    assert c.svg is drawn  # drawn once, when first shown
    c.view.value = "measure"
    assert not c.measure.disabled and len(c.table) == 3 and c.bins is None
    assert "平均句长" in c.svg and "在 3 篇报告中" in c.caption.value
    c.measure.value = "readability"
    assert c.table.loc[c.table["is_target"], "value"].item() == text_stats(r)["readability"]
    assert c.out.outputs[0]["data"]["text/html"] == c.svg
    assert c.out.outputs[0]["data"]["text/plain"] == "<图：可读性指数>"


def test_measure_svg_bars(small_corpus):
    table = measure_table(baogao.specimen(), small_corpus, "readability")
    svg = measure_svg(table, "readability")
    assert svg.count("<rect ") == 3 and svg.count(f'fill="{TARGET_COLOUR}"') == 1
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "本报告：" in svg and svg == measure_svg(table, "readability")  # deterministic
    widths = [float(x) for x in re.findall(r'<rect x="\d+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths == sorted(widths, reverse=True) and max(widths) > 0


# -- lint viewer ------------------------------------------------------------------------------

def test_finding_context_clips_and_marks():
    r = baogao.load("一二三四五六七八九十,十一十二")
    f = Finding("half-width-punctuation", "punctuation", "error", 1, 11, 12, 10, 11, ",", "半角逗号。", "，", "GB/T 15834")
    assert finding_context(r, f, 3) == '…八九十<span class="lv-mark">,</span>十一十…'
    assert finding_context(r, f, 20) == '一二三四五六七八九十<span class="lv-mark">,</span>十一十二'
    # The mark follows the offsets (start, end), cut at the end of the finding's line.
    two = baogao.load("第一行有错\n第二行")
    across = Finding("long-sentence", "style", "info", 1, 4, 6, 3, 8, "有错", "跨行。", None, "第 2 课")
    assert finding_context(two, across, 5) == '第一行<span class="lv-mark">有错</span>'


def test_lint_marks_and_finding_context_use_the_offsets():
    report = baogao.specimen()
    findings = lint(report)
    marks = layer_marks(report, "lint")
    assert sorted((f.start, f.end) for f in findings) == [(m.start, m.end) for m in marks]
    for f in findings:
        assert f'<span class="lv-mark">{html_escape(f.text, quote=False)}</span>' in finding_context(report, f, 5) \
            or not f.text.strip()


def test_findings_html_and_filter(draft):
    findings = lint(draft)
    html = findings_html(draft, findings)
    assert "共 8 条：错误 7，警告 1，提示 0。" in html
    assert ('第 3 行第 20 列 · 标点 · 错误 · 中文里的半角标点（half-width-punctuation）') in html
    assert '覆盖青年3.5万人次<span class="lv-mark">,</span>进一步增强“四个意识”。' in html
    assert '开展活动120场<span class="lv-mark">,</span>覆盖青年' in html
    assert "中文语句中使用了半角“,”，应改为全角“，”。\u3000建议改为：“，”</div>" in html
    assert "依据：GB/T 15834-2011" in html
    assert "<script>" not in html and '&lt;<span class="lv-mark">script</span>&gt;' in html
    damage = filter_findings(findings, families=["damage"])
    assert {f.rule for f in damage} == {"latin-residue"} and len(damage) == 3
    assert filter_findings(findings, severities=["warning"])[0].rule == "missing-closing"
    assert filter_findings(findings, ["damage"], ["warning"]) == []
    assert "另有 6 条未显示" in findings_html(draft, findings, limit=2)
    assert "没有符合条件的问题" in findings_html(draft, [])


def test_lint_viewer_driven_headlessly():
    r = baogao.specimen()
    v = LintViewer(r)
    assert len(v.shown) == len(lint(r))
    v.families.value = ("damage",)
    assert v.shown and {f.family for f in v.shown} == {"damage"}
    assert "转载与改写痕迹" in v.view.value and "half-width-punctuation" not in v.view.value
    v.severities.value = ("warning",)
    assert {f.severity for f in v.shown} == {"warning"}
    assert f"共 {len(v.shown)} 条：错误 0，警告 {len(v.shown)}，提示 0。" in v.view.value
    v.severities.value = ()
    assert "没有符合条件的问题" in v.view.value


# -- edition compare ----------------------------------------------------------------------------

def _diff(rows):
    base = {"scope": "once", "count": 1, "certainty": "certain", "basis": "why"}
    return pd.DataFrame([{**base, **r} for r in rows], columns=DIFF_COLUMNS)


RAW = "网站标题\n习金平同志说,好<b>。\n多余的字在这里。\n网站尾巴"
NEW = "习近平同志说，好<b>。\n在这里。"
ROWS = [
    {"id": "E1", "raw_line": 1, "raw_column": 1, "raw_text": "网站标题", "corrected_line": pd.NA,
     "corrected_column": pd.NA, "corrected_text": "", "category": "seo_title", "status": "deleted"},
    {"id": "E2", "raw_line": 2, "raw_column": 1, "raw_text": "习金平", "corrected_line": 1,
     "corrected_column": 1, "corrected_text": "习近平", "category": "name_error", "status": "corrected"},
    {"id": "E3", "raw_line": 2, "raw_column": 7, "raw_text": ",", "corrected_line": 1, "corrected_column": 7,
     "corrected_text": "，", "category": "ascii_punctuation", "status": "corrected", "certainty": "probable"},
    {"id": "E4", "raw_line": 3, "raw_column": 1, "raw_text": "多余的字", "corrected_line": 2,
     "corrected_column": 1, "corrected_text": "", "category": "duplication", "status": "deleted"},
    {"id": "E5", "raw_line": 4, "raw_column": 1, "raw_text": "网站尾巴", "corrected_line": pd.NA,
     "corrected_column": pd.NA, "corrected_text": "", "category": "boilerplate", "status": "deleted"},
]


def test_compare_html_marks_both_sides_with_basis_and_certainty():
    html = compare_html(_diff(ROWS), RAW, NEW)
    assert "标出 5 处改动" in html
    title = "E2 人名错误（把握：确定）\n“习金平”改为“习近平”\n依据：why"
    assert (f'<tr><td class="cmp-no">2</td><td><span class="cmp-raw" title="{title}">习金平</span>同志说'
            f'<span class="cmp-raw" title="E3 半角标点（把握：很可能）\n“,”改为“，”\n依据：why">,</span>好&lt;b&gt;。</td>'
            f'<td class="cmp-no">1</td><td><span class="cmp-new" title="{title}">习近平</span>同志说') in html
    # In-line deletion: a caret where the words were, with the explanation.
    assert '<td class="cmp-no">2</td><td><span class="cmp-gap" title="E4 重复（把握：确定）\n删除“多余的字”\n依据：why"></span>在这里。' in html
    # Lines removed whole have no counterpart.
    assert html.count("（整行删除）") == 2 and "<b>" not in html
    only = compare_html(_diff(ROWS), RAW, NEW, categories=["name_error"])
    assert "标出 1 处改动" in only and "E3" not in only and "E2" in only
    probable = compare_html(_diff(ROWS), RAW, NEW, certainties=["probable"], changed_only=True)
    assert "标出 1 处改动" in probable and probable.count('<td class="cmp-no">') == 2  # one row, two cells


def test_edition_compare_driven_headlessly():
    c = EditionCompare()
    diff = edition_diff(expand_systematic=True)
    shown = diff[diff["status"].isin(["corrected", "deleted", "unresolved"])]
    assert f"标出 {len(shown)} 处改动" in c.view.value
    c.categories.value = ("name_error",)
    n = int((shown["category"] == "name_error").sum())
    assert f"标出 {n} 处改动" in c.view.value
    assert '<span class="cmp-raw" title="E021 人名错误（把握：确定）\n“习金平”改为“习近平”' in c.view.value
    assert '>习近平</span>' in c.view.value
    c.certainties.value = ("unknown",)
    m = int(((shown["category"] == "name_error") & (shown["certainty"] == "unknown")).sum())
    assert f"标出 {m} 处改动" in c.view.value
    c.categories.value = ("missing_heading",)
    c.certainties.value = ("certain", "probable", "unknown")
    assert "之前缺了一个标题，标题原文不明" in c.view.value
    assert c.view.value.count("<tr>") == 2  # header and line 20 only (changed lines only)
    c.changed_only.value = False
    assert c.view.value.count("<tr>") == 1 + len(baogao.specimen().lines)


# -- outline builder ------------------------------------------------------------------------------

class FakeTimers:
    """A clock and a scheduler the test advances by hand."""

    def __init__(self):
        self.now = 0.0
        self.armed = []

    def clock(self):
        return self.now

    def schedule(self, delay, fn):
        timer = {"at": self.now + delay, "fn": fn, "cancelled": False}
        timer["cancel"] = lambda: timer.update(cancelled=True)
        self.armed.append(timer)
        return type("Handle", (), {"cancel": staticmethod(timer["cancel"])})()

    def run_until(self, t):
        self.now = t
        for timer in list(self.armed):
            if timer["at"] <= t and not timer["cancelled"]:
                self.armed.remove(timer)
                timer["fn"]()


def test_debouncer_waits_for_a_pause_and_flushes():
    calls = []
    timers = FakeTimers()
    d = Debouncer(calls.append, 0.5, schedule=timers.schedule, clock=timers.clock)
    d("一")
    timers.run_until(0.3)
    d("一、")
    assert len(timers.armed) == 1  # one timer per burst
    timers.run_until(0.5)  # the first timer fires early: it re-arms for the rest
    assert calls == [] and d.pending
    timers.run_until(0.79)
    assert calls == []
    timers.run_until(0.8)
    assert calls == ["一、"] and not d.pending
    d("二")
    assert d.flush() and calls == ["一、", "二"]
    assert not d.flush()
    timers.run_until(5)
    assert calls == ["一、", "二"]  # the flushed call's timer was cancelled


def test_default_schedule_uses_the_running_loop_or_a_timer_thread():
    async def inside():
        handle = default_schedule(60, lambda: None)
        handle.cancel()
        return handle

    assert isinstance(asyncio.run(inside()), asyncio.TimerHandle)
    timer = default_schedule(60, lambda: None)
    try:
        assert isinstance(timer, threading.Timer) and timer.daemon
    finally:
        timer.cancel()


def test_save_draft_is_atomic_and_load_draft_reads_it(tmp_path):
    path = tmp_path / "d.txt"
    assert load_draft(path) is None
    save_draft(path, "一、标题\n正文。\r\n")
    save_draft(path, "一、新标题\n正文。")
    assert load_draft(path) == "一、新标题\n正文。"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt"]  # no temporary file left
    assert export_paths(path) == {"markdown": tmp_path / "d.md", "docx": tmp_path / "d.docx"}
    assert export_paths(tmp_path / "d.md")["markdown"] == tmp_path / "d.export.md"


def test_feedback_html_outline_and_lint():
    assert "在上面写草稿" in feedback_html("  \n")
    html = feedback_html(DRAFT)
    assert "<li>一、加强思想引领 <span class=\"bd-line\">第2行</span></li>" in html
    assert "标题：关于2024年工作情况的报告" in html and "独立部分：工作回顾、问题与不足" in html
    assert "共 8 条：错误 7，警告 1，提示 0。" in html
    assert "文体：公文式报告；" in html and "文体：文体不明；" in feedback_html("一、加强思想引领\n正文。")
    # The label is refined by the 文种 (Outline.genre_label): a 请示 or a 通知 is a 公文, not a
    # 公文式报告; a 工作总结 a 书面文稿.
    for name, label in [("request_qingshi", "公文"), ("notice_tongzhi", "公文"), ("report_numbered", "公文式报告"),
                        ("summary_zongjie", "书面文稿")]:
        shown = feedback_html(baogao.example(name).text)
        assert f"文体：{label}；" in shown and baogao.example(name).outline().genre_label == label, name
        if label != "公文式报告":
            assert "公文式报告" not in shown, name
    assert "文体：讲话式报告；" in feedback_html(baogao.corpus("2021_state-council_gwr").text)
    assert ('<span class="bd-line">第 3 行第 20 列</span> [错误] “,”：中文语句中使用了半角“,”，应改为全角“，”。'
            '\u3000建议改为：“，”</div>') in html
    assert "<script>" not in html
    gap = feedback_html("一、甲\n正文。\n三、乙\n正文。")
    assert "缺号" in gap and "丢了一个标题（“二”，原标题缺失）" in gap


def test_outline_builder_saves_reloads_and_exports(tmp_path):
    path = tmp_path / "mine.txt"
    b = OutlineBuilder(path, schedule=None)
    assert b.text.value == "" and "自动保存" in b.status.value
    b.text.value = "一、加强"
    b.text.value = DRAFT  # still typing: nothing saved yet
    assert not path.exists() and "在上面写草稿" in b.feedback.value
    assert b.flush()
    assert path.read_text(encoding="utf-8") == DRAFT
    assert "二、存在的问题" in b.feedback.value and "共 8 条" in b.feedback.value
    assert "已自动保存" in b.status.value
    again = OutlineBuilder(path, schedule=None)  # e.g. after a kernel restart
    assert again.text.value == DRAFT and "已从" in again.status.value
    assert "二、存在的问题" in again.feedback.value
    again.text.value = DRAFT + "\n三、下一步打算"
    again.export_md.click()  # exporting saves the pending change first
    assert load_draft(path).endswith("三、下一步打算")
    md = tmp_path / "mine.md"
    assert md.is_file() and "## 三、下一步打算" in md.read_text(encoding="utf-8")
    assert str(md) in again.status.value
    again.text.value = DRAFT + "\n三、下一步工作打算"
    again.export_md.click()  # a second export rewrites the widget's own file
    assert "## 三、下一步工作打算" in md.read_text(encoding="utf-8") and str(md) in again.status.value
    again.export_docx.click()
    docx = tmp_path / "mine.docx"
    assert docx.is_file() and str(docx) in again.status.value
    heads = [(h.level, h.marker + h.title) for h in baogao.load(docx).outline().headings]
    assert heads == [(1, "一、加强思想引领"), (1, "二、存在的问题"), (1, "三、下一步工作打算")]


def test_outline_builder_defaults_to_draft_txt_in_the_working_directory(tmp_path):
    b = OutlineBuilder(schedule=None)  # conftest runs each test in tmp_path
    assert b.path == Path(tmp_path / "draft.txt").resolve()
    assert b.export("markdown") is None and "草稿是空的" in b.status.value
    b.text.value = "一、标题\n正文。"
    b.flush()
    assert (tmp_path / "draft.txt").read_text(encoding="utf-8") == "一、标题\n正文。"


# -- quiz -------------------------------------------------------------------------------------------

CHOICE = Question.choice("“十四五”中的引号表示什么？", ["强调", "特定称谓", "引用原话"], 1,
                         "“十四五”是规划的特定称谓，所以加引号。")
CLICK = Question.click("点出句中的错字。", "坚持以习金平新时代中国特色社会主义思想为指导。", "习金平",
                       "总书记的名字是习近平。")


def test_questions_validate_their_answers():
    assert CHOICE.answer == "特定称谓" and CHOICE.kind == "choice"
    assert CLICK.answer == (3, 6) and CLICK.kind == "click" and CLICK.wrong_text == "习金平"
    with pytest.raises(ValueError, match="不在选项中"):
        Question.choice("问？", ["甲", "乙"], "丙", "因为。")
    with pytest.raises(ValueError, match="找不到"):
        Question.click("问？", "一句话。", "两句", "因为。")
    assert Question.click("问", "甲乙甲乙", "甲乙", "因为", occurrence=2).answer == (2, 4)


def test_check_choice_gives_chinese_feedback():
    ok, text = check_choice(CHOICE, "特定称谓")
    assert ok and text.startswith("正确") and "规划的特定称谓" in text
    ok, text = check_choice(CHOICE, 0)
    assert not ok and text.startswith("不正确") and "正确答案是“特定称谓”" in text and "规划的特定称谓" in text
    with pytest.raises(ValueError):
        check_choice(CHOICE, "别的")
    assert check_choice(CLICK, 4)[0] and check_choice(CLICK, (5, 6))[0]
    ok, text = check_choice(CLICK, (0, 1))
    assert not ok and text.startswith("不正确：“坚”没有问题，错误在“习金平”") and "习近平" in text
    assert check_choice(CLICK, None) == (False, "请先作答。")


def test_pieces_cover_the_sentence():
    chars = pieces(CLICK)
    assert len(chars) == len(CLICK.sentence) and chars[3] == (3, 4, "习")
    assert [p[2] for p in pieces(Question.click("问", "甲 乙", "乙", "因为"))] == ["甲", "乙"]
    words = pieces(Question.click("问", CLICK.sentence, "习金平", "因为", unit="word"))
    assert "".join(w for _, _, w in words) == CLICK.sentence
    assert all(CLICK.sentence[a:b] == w for a, b, w in words)


def test_quiz_driven_headlessly():
    q = Quiz([CHOICE, CLICK, Question.choice("<script>选哪个？</script>", ["甲", "乙"], "甲", "甲对。")])
    assert "得分：0 / 3" in q.score.value and "已作答 0 题" in q.score.value
    assert "&lt;script&gt;" in q.views[2].prompt.value and "<script>" not in q.views[2].prompt.value
    choice = q.views[0]
    choice.choice.value = "强调"
    assert "不正确" in choice.feedback.value and "规划的特定称谓" in choice.feedback.value
    assert "得分：0 / 3" in q.score.value and "已作答 1 题" in q.score.value
    choice.choice.value = "特定称谓"
    assert "正确！" in choice.feedback.value and "不正确" not in choice.feedback.value
    assert "得分：1 / 3" in q.score.value
    click = q.views[1]
    assert [b.description for b in click.buttons][:4] == ["坚", "持", "以", "习"]
    click.buttons[0].click()
    assert "不正确" in click.feedback.value and click.buttons[0].button_style == "danger"
    click.buttons[4].click()  # 金
    assert "正确！错误在“习金平”" in click.feedback.value
    assert click.buttons[4].button_style == "success" and click.buttons[0].button_style == ""
    assert "得分：2 / 3" in q.score.value


@pytest.mark.parametrize("which", ["words", "sentences"])
def test_the_notebook_figure_and_the_widget_draw_the_same_bars(which):
    from baogao.widgets.charts import distribution_bins, distribution_figure

    r = baogao.specimen()
    heights = [int(p.get_height()) for p in distribution_figure(r, which).axes[0].patches]
    assert heights == [n for _, _, n in distribution_bins(r, which)]
