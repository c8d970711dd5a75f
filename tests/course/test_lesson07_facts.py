"""Every figure, count and quotation the prose of lesson 07 states, computed with the kit
(notebooks/07_drafting.ipynb and solutions/07_drafting.ipynb)."""

from __future__ import annotations

import baogao
from baogao.course import lesson07_drafting as lesson
from baogao.course.lesson07_models import MODEL, PEER
from baogao.lint import lint
from baogao.sources.errata import load_errata
from baogao.sources.shipped import corpus

def test_the_specimen_lines_the_lesson_quotes():
    raw = baogao.specimen()
    assert len(raw.lines) == 47  # raw edition
    assert raw.line(1).text == "团委新媒体工作情况(院团委新媒体中心个人工作总结)"
    assert raw.line(4).text.rstrip().endswith("重点关注以下几个方面。")
    e013 = load_errata().set_index("id").loc["E013"]
    assert e013["line"] == 4 and e013["text"] == "重点关注以下几个方面。"
    heads = {h.line: h for h in raw.outline().headings if h.level == 1}
    assert (heads[5].marker, heads[5].style) == ("一是", "cn-shi")
    assert (heads[10].marker, heads[10].style) == ("二是", "cn-shi")

def test_the_specimen_has_no_document_elements_and_no_doc_type():
    o = baogao.specimen().outline()
    assert o.doc_type is None and o.genre == "unknown"
    table = lesson.element_table(baogao.specimen())
    present = table.loc[table["样本报告（原样版）"] == "有", "要素"].tolist()
    assert present == ["标题", "正文段落"]
    assert o.title == baogao.specimen().line(1).text  # the "标题" the table finds is line 1

def test_examples_doc_types():
    t = lesson.example_types(baogao.specimen()).set_index("文稿")
    assert t.loc["example:summary_zongjie", "文种"] == "总结"
    assert t.loc["example:summary_zongjie", "条例规定的公文种类"] == "否"
    assert t.loc["example:summary_zongjie", "文体"] == "书面文稿"
    summary = baogao.get("example:summary_zongjie").outline()
    assert "addressee" not in {e.kind for e in summary.elements} and "closing" not in {e.kind for e in summary.elements}
    for name in ("report_gongwen", "report_numbered", "request_qingshi", "notice_tongzhi"):
        assert t.loc[f"example:{name}", "条例规定的公文种类"] == "是"
    assert t.loc["样本报告（原样版）", "文种"] == "（看不出）"

def test_report_numbered_has_only_the_date_warning():
    findings = lint(baogao.get("example:report_numbered"))
    assert [(f.rule, f.severity) for f in findings] == [("date-format", "warning")]

def test_the_model_draft():
    assert lesson.draft_summary(MODEL) == {"文体": "公文式报告", "文种": "报告", "标题": 9, "编号问题": 0,
                                           "错误": 0, "警告": 0, "提示": 0}
    heads = lesson.model().outline().headings
    assert [h.level for h in heads].count(1) == 3 and [h.level for h in heads].count(2) == 6
    assert all(h.run_in for h in heads if h.level == 2)
    assert lint(lesson.model()) == []
    assert "团县委报〔2026〕3号" in MODEL and "签发人：王某某" in MODEL
    assert len(lesson.docx_paragraphs(lesson.docx_bytes())) == 18

def test_the_traps():
    t = lesson.trap_table()
    opening, headings, request, date = (t.iloc[k] for k in range(4))
    assert (opening["错误"], opening["警告"], opening["提示"]) == (0, 0, 0)
    assert (request["错误"], request["警告"], request["提示"]) == (0, 0, 0)
    assert (date["错误"], date["警告"], date["提示"]) == (0, 1, 0)
    findings = lint(baogao.load(lesson.trap_text(1), name="x"))
    assert [(f.line, f.rule) for f in findings] == [(10, "enumeration-marker-as-heading"),
                                                    (18, "enumeration-marker-as-heading"),
                                                    (22, "numbering-repeat"), (22, "missing-final-punctuation")]
    assert "一是" in baogao.load(lesson.trap_text(1), name="x").line(20).text  # the paragraph before 三是
    assert headings["编号问题"] == 1

def test_the_measures_the_lesson_quotes():
    t = lesson.measures_table(MODEL, baogao.specimen()).set_index("文稿")
    model = t.loc["范文"]
    assert model["正文字数"] == 509
    assert round(model["平均句长（字）"], 1) == 31.8 and round(model["平均段长（字）"], 1) == 63.6
    assert model["每千字数据"] == 31.43
    median = t.loc["语料库 17 篇政府工作报告的中位数"]
    assert round(median["平均句长（字）"], 1) == 36.3 and round(median["平均段长（字）"], 1) == 218.2
    assert median["每千字数据"] == 5.32
    assert 1.9 < 1000 / model["正文字数"] < 2  # one more figure: nearly 2 more per 1,000
    years = sorted(r.meta["year"] for r in corpus())
    assert len(years) == 17 and (years[0], years[-1]) == (1978, 2025)
    assert t.loc["example:report_gongwen", "正文字数"] < 1000 and t.loc["example:report_numbered", "正文字数"] < 1000

def test_the_peer_draft_what_the_linter_catches():
    findings = lint(baogao.load(PEER, name="同学的草稿"))
    assert [(f.line, f.rule) for f in findings] == [(7, "enumeration-marker-as-heading"),
                                                    (13, "enumeration-marker-as-heading"),
                                                    (17, "enumeration-marker-as-heading"), (26, "date-format")]
    lines = PEER.split("\n")
    assert "恳请校团委拨付" in lines[20] and "重点关注以下几个方面。" in lines[4]  # lines 21 and 5: no finding
