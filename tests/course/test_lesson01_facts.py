"""Every figure, line number and quotation lesson 01's prose (notebooks/01_structure.ipynb)
and its solution's explanations state about the specimen (raw edition), the examples and
the 2021 State Council report, computed by the kit. A parser change that falsifies a
sentence of the lesson fails the test named after it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import baogao
from baogao.analysis.tables import lead_sentences
from baogao.course import lesson01_reading as reading
from baogao.course.lesson01_assignment import section_sizes
from baogao.sources.errata import load_errata
from baogao.structure.elements import is_document_title
from baogao.structure.headings import family
from baogao.text.sentences import sentence_spans
from baogao.widgets.compare import CERTAINTY_NAMES
from baogao.widgets.outline import section_html


@pytest.fixture(scope="module")
def raw():
    return baogao.specimen()


@pytest.fixture(scope="module")
def gwr():
    return baogao.corpus("2021_state-council_gwr")


def text(report, n: int) -> str:
    return report.line(n).text


def level1(report):
    return [h for h in report.outline().headings if h.level == 1]


def errata(line: int) -> dict:
    table = load_errata()
    return {row.id: row for row in table[table["line"] == line].itertuples()}


def sentences(report, n: int) -> list[str]:
    t = text(report, n).strip()
    return [t[a:b] for a, b in sentence_spans(t)]


# -- 版本、标点 --------------------------------------------------------------------------------
def test_the_editions_and_raw_24_is_corrected_22(raw):
    corrected = baogao.specimen(edition="corrected")
    assert (len(raw.lines), len(corrected.lines)) == (47, 44)
    assert text(raw, 24).startswith("第五,主动作为") and text(corrected, 22).startswith("五、主动作为")


def test_all_368_commas_are_ascii_the_heading_of_line_24_too(raw):
    assert raw.text.count(",") == 368 and raw.text.count("，") == 0
    assert text(raw, 24).startswith("第五,") and not text(raw, 24).startswith("第五，")
    assert reading.comma_table(raw)["全文个数"].tolist() == [368, 0]


# -- 一、文种 --------------------------------------------------------------------------------
def test_the_examples_show_one_frame_each(gwr):
    example = baogao.example("report_gongwen")
    assert example.outline().genre == "document" and gwr.outline().genre == "speech"
    kinds = {e.kind: (e.line, e.text) for e in example.outline().elements}
    assert {k: kinds[k][1] for k in ("addressee", "closing", "signature", "date")} == {
        "addressee": "市委：", "closing": "特此报告。", "signature": "共青团某市委员会", "date": "2025年7月10日"}
    assert is_document_title(example.outline().title)
    assert not {"subtitle", "speaker", "salutation"} & set(kinds)
    speech = {}
    for e in gwr.outline().elements:
        speech.setdefault(e.kind, (e.line, e.text))
    assert speech["subtitle"] == (3, "——2021年3月5日在第十三届全国人民代表大会第四次会议上")
    assert speech["speaker"][0] == 5 and speech["salutation"] == (7, "各位代表：")
    assert not {"addressee", "closing", "signature", "date"} & set(speech)


def test_the_specimen_shows_neither_frame(raw):
    outline = raw.outline()
    assert outline.genre == "unknown" and outline.genre_evidence == []
    seen = reading.frame_checklist({"这份报告": raw})["这份报告"].tolist()
    assert all(s.startswith("没有") for s in seen)
    assert seen[0].startswith("没有（第 1 行")
    kinds = {e.kind for e in outline.elements}
    assert not {"addressee", "closing", "signature", "date", "subtitle", "speaker", "salutation"} & kinds


def test_the_genre_sentence_names_what_the_text_is(raw, gwr):
    """lesson.genre_sentence(report), printed by the lesson (on the specimen in its stored output):
    the genre's label refined by the 文种, so that a 请示 or a 通知 is a 公文, not a 公文式报告."""
    assert reading.genre_sentence(raw) == "提纲的判断：文体不明（依据：既没有公文要素，也没有讲话稿的题注、报告人和称呼）。"
    assert reading.genre_sentence(gwr) == "提纲的判断：讲话式报告（依据：有题注；有报告人；有称呼）。"
    assert reading.genre_sentence(baogao.example("report_gongwen")) == (
        "提纲的判断：公文式报告（依据：有主送机关；有结束语“特此报告。”；标题为“关于……的报告”；有署名和成文日期）。")
    assert reading.genre_sentence(baogao.example("request_qingshi")) == (
        "提纲的判断：公文（依据：有主送机关；有结束语“妥否，请批示。”；标题为“关于……的请示”；有署名和成文日期）。")
    assert reading.genre_sentence(baogao.example("notice_tongzhi")).startswith("提纲的判断：公文（依据：有发文机关标志；")
    assert reading.genre_sentence(baogao.example("summary_zongjie")) == "提纲的判断：书面文稿（依据：有署名和成文日期）。"


def test_line_1_is_the_sites_title_and_the_outline_lists_it_as_title(raw):
    outline = raw.outline()
    assert outline.title == text(raw, 1) and outline.elements[0].kind == "title"
    assert "院团委新媒体中心" in text(raw, 1) and text(raw, 1).endswith("个人工作总结)")
    assert not is_document_title(outline.title)
    assert "本站" in text(raw, 2) and "本站" in text(raw, 47)
    assert "E001" in errata(1) and errata(1)["E001"].category == "seo_title"


def test_the_text_names_the_central_secretariat_in_the_third_person(raw):
    assert [ln.number for ln in raw.lines if "中共中央书记处" in ln.text] == [3, 35]
    assert "得到了中央书记处的充分肯定" in text(raw, 4)
    assert "团中央书记处高度重视加强自身建设" in text(raw, 43)
    assert "全团有四条突出经验" in text(raw, 45)


# -- 二、报告、请示、函 -------------------------------------------------------------------------
def test_the_two_examples_frames():
    report, request = baogao.example("report_gongwen"), baogao.example("request_qingshi")
    assert reading.intro_sentence(report) == "现将有关情况报告如下。"
    assert reading.intro_sentence(request) == "现将有关事项请示如下："
    closing = {e.kind: e.text for e in request.outline().elements}
    assert closing["closing"] == "妥否，请批示。" and closing["date"] == "2026年3月2日"
    assert "拟于2026年4月举办青年写作训练营" in request.text
    assert request.outline().title.endswith("关于举办2026年青年写作训练营的请示")
    frame = {"title", "addressee", "closing", "signature", "date"}
    assert all(frame <= {e.kind for e in r.outline().elements} for r in (report, request))


def test_the_request_examples_addressee_is_judged_by_who_leads_the_sender():
    request = baogao.example("request_qingshi")
    remark = reading.addressee_remark(request)
    addressee = next(e.text for e in request.outline().elements if e.kind == "addressee")
    assert f"主送“{addressee.rstrip('：')}”" in remark
    other = baogao.load(request.text.replace(addressee, "市委宣传部：" if addressee == "市委：" else "市委："))
    kinds = {reading.addressee_remark(r).split("：")[0] for r in (request, other)}
    assert kinds == {"这份请示主送“市委”", "这份请示主送“市委宣传部”"}
    assert "用函" in reading.addressee_remark(request if addressee != "市委：" else other)
    assert "没有越级" in reading.addressee_remark(other if addressee != "市委：" else request)


# -- 三、标题 ---------------------------------------------------------------------------------
def test_title_parts_of_the_examples_and_the_state_council_title(gwr):
    table = reading.title_parts(baogao.example("report_gongwen").outline().title)
    assert table.iloc[0][["发文机关", "事由", "文种"]].tolist() == [
        "共青团某市委员会", "关于2025年上半年青年志愿服务工作情况", "报告"]
    assert gwr.outline().title == "政府工作报告"


# -- 四、层次序数 ---------------------------------------------------------------------------------
def test_seven_level_1_headings_in_four_styles_and_no_second_level(raw):
    assert [(h.line, h.marker) for h in level1(raw)] == [
        (5, "一是"), (10, "二是"), (15, "三、"), (24, "第五,"), (28, "6."), (34, "七、"), (39, "八、")]
    assert len(raw.outline().headings) == 7
    assert len({family(h.style, h.chinese) for h in level1(raw)}) == 4


def test_the_most_used_style_is_the_standard_one_and_four_headings_depart_from_it(raw):
    styles = Counter(family(h.style, h.chinese) for h in level1(raw))
    assert styles.most_common(1)[0] == ("cn-dun", 3)
    assert [h.line for h in level1(raw) if h.style == "cn-dun"] == [15, 34, 39]
    issues = raw.outline().numbering_issues
    assert {i.line: i.expected for i in issues if i.kind == "style_change"} == {
        5: "一、", 10: "二、", 24: "五、", 28: "六、"}


def test_the_lost_heading_is_section_four_before_line_20(raw):
    gaps = [i for i in raw.outline().numbering_issues if i.kind == "gap" and i.next_heading]
    assert [(g.line, g.expected, g.next_heading) for g in gaps] == [(20, "四", 24)]
    assert "不必改" in gaps[0].message and "四、（原标题缺失）" in gaps[0].message and "总述段" in gaps[0].message
    assert "推动青年发展规划的深入实施" in text(raw, 20) and "“十四五”开局" in text(raw, 15)
    assert "E046" in errata(20) and errata(20)["E046"].category == "missing_heading"


def test_the_other_gap_is_the_enumeration_of_line_43(raw):
    gaps = [i for i in raw.outline().numbering_issues if i.kind == "gap" and not i.next_heading]
    assert [g.line for g in gaps] == [43]
    assert "是掌握武装力量的理论。" in text(raw, 43)
    assert {"E132", "E133"} <= set(errata(43))


def test_final_punctuation_of_the_level_1_headings(raw):
    assert [h.line for h in level1(raw) if text(raw, h.line).endswith("。")] == [10, 15, 24, 28, 34, 39]
    assert not text(raw, 5).endswith("。")


# -- 五、标题、段首标题、列举 ---------------------------------------------------------------------
def test_the_examples_run_in_heading_and_inline_enumeration():
    example = baogao.example("report_gongwen")
    heading = next(h for h in example.outline().headings if h.line == 11)
    assert heading.run_in and text(example, 11).startswith("1.扩大注册规模。上半年新增")
    assert "1.扩大注册规模  [“1.”式，段中标题]" in example.outline().render()  # the outline's own label
    assert [(e.line, e.kind, e.markers) for e in example.outline().enumerations] == [
        (23, "inline", ["一是", "二是", "三是"])]


def test_the_second_level_is_carried_by_22_lead_sentences(raw):
    leads = lead_sentences(raw)
    lines = leads["line"].astype(int).tolist()
    assert len(lines) == 22 and all(5 <= n <= 42 for n in lines)
    assert text(raw, 12).startswith("努力提高覆盖率。") and text(raw, 13).startswith("切实增强针对性。")
    assert {12, 13} <= set(lines)
    assert not [h for h in raw.outline().headings if h.level == 2]


def test_the_enumerations_of_lines_43_and_45(raw):
    assert [(e.line, e.kind, e.markers) for e in raw.outline().enumerations] == [
        (43, "inline", ["二是", "三是", "四是"]), (45, "inline", ["第一,", "第二,", "第三,", "第四,"])]
    assert "第一,共青团必须时刻牢记自己的政治责任。" in text(raw, 45)


# -- 六、先总后分 -----------------------------------------------------------------------------------
def test_eight_section_intros_and_the_sentence_that_opens_with_yi_nian_lai(raw):
    sections = reading.level1_sections(raw)
    assert [s["body"][0] for s in sections] == [6, 11, 16, 20, 25, 29, 35, 40]
    where = {}
    for n in (6, 11, 16, 20, 25, 29, 35, 40):
        found = [k for k, s in enumerate(sentences(raw, n), 1) if s.startswith("一年来")]
        where[n] = found
    assert where == {6: [2], 11: [2], 16: [2], 20: [2], 25: [], 29: [3], 35: [3], 40: [2]}
    assert text(raw, 25).endswith("通过pa")


def test_after_the_intros_every_paragraph_opens_with_a_lead_but_line_14(raw):
    leads = set(lead_sentences(raw)["line"].astype(int))
    rest = [n for s in reading.level1_sections(raw) for n in s["body"][1:] if n not in leads]
    assert rest == [14] and text(raw, 14).startswith("实践证明") and "调查显示" in text(raw, 14)


# -- 七、节与功能部分 --------------------------------------------------------------------------------
def test_twelve_sections_seven_with_a_heading(raw):
    top = [s for s in raw.outline().sections() if s.level == 1]
    assert len(top) == 12 and sum(s.kind == "heading" for s in top) == 7
    assert [s.title for s in top if s.kind == "part"] == ["开头", "自身建设", "致谢", "经验体会", "下一步打算"]


def test_the_parts_and_line_4_starts_the_review_inside_the_opening_section(raw):
    outline = raw.outline()
    assert [(p.kind, p.line, p.evidence) for p in outline.parts] == [
        ("opening", 3, "正文第一段"), ("review", 4, "一年来"), ("self_construction", 43, "自身建设"),
        ("thanks", 44, "归功于"), ("lessons", 45, "四条突出经验"), ("outlook", 46, "2022年是")]
    section = outline.section_at(4)
    assert section.kind == "part" and section.title == "开头" and (section.line, section.end_line) == (3, 4)


def test_line_4s_transition_is_damaged(raw):
    assert text(raw, 4).endswith("重点关注以下几个方面。")
    entry = errata(4)["E013"]
    assert entry.category == "garbled" and CERTAINTY_NAMES[entry.certainty] == "很可能"
    assert "主要做了以下工作。" in entry.basis


def test_line_44_attributes_then_thanks(raw):
    first, second = sentences(raw, 44)
    assert first.count("归功于") == 2 and "党中央的坚强领导" in first and "科学指导" in first
    assert second.startswith("感谢所有") and "团中央同志" in second
    assert errata(44)["E142"].category == "name_error" and errata(44)["E143"].certainty == "unknown"


def test_the_state_council_report_attributes_and_thanks_in_one_paragraph(gwr):
    assert "过去一年取得的成绩，是以习近平同志为核心的党中央坚强领导的结果" in text(gwr, 45)
    assert "表示诚挚感谢" in text(gwr, 45) and text(gwr, 45).endswith("海外")
    assert text(gwr, 47).startswith("侨胞，表示诚挚感谢！")
    assert ("thanks", 45) in [(p.kind, p.line) for p in gwr.outline().parts]


def test_skeletons_the_specimen_has_no_problems_part_and_breaks_off(raw, gwr):
    assert reading.skeleton(raw) == "开头 → 工作回顾 → 自身建设 → 致谢 → 经验体会 → 下一步打算"
    assert "problems" not in {p.kind for p in raw.outline().parts}
    said = sentences(raw, 46)
    assert len(said) == 4 and all(s.endswith("。") for s in said[:3]) and said[3][-1] not in "。！？…”"
    assert said[0].startswith("2022年是") and said[3].startswith("在新的一年里")
    assert errata(46)["E157"].category == "cut_off"


def test_the_state_council_report_puts_its_problems_at_the_end_of_its_review(gwr):
    outline = gwr.outline()
    assert reading.skeleton(gwr) == "开头 → 工作回顾 → 致谢 → 问题与不足 → 下一步打算"
    assert "lessons" not in {p.kind for p in outline.parts}
    assert not re.search("经验体会|[几两三四五六七八九十][条点]经验", gwr.text)
    assert text(gwr, 49).startswith("在肯定成绩的同时，我们也清醒看到面临的困难和挑战。")
    assert outline.section_at(49).label == "一、2020年工作回顾"
    assert [h.marker + h.title for h in outline.headings if h.level == 1] == [
        "一、2020年工作回顾", "二、“十三五”时期发展成就和“十四五”时期主要目标任务", "三、2021年重点工作"]


# -- 八、平行 ---------------------------------------------------------------------------------------
def test_the_four_leads_of_section_six(raw):
    assert reading.leads_under(raw, 28).values.tolist() == [
        [30, "团的基层组织活力不断提高。"], [31, "共青团的政治功能日益突出。"],
        [32, "学生会的工作将进一步聚焦于服务学生主业。"], [33, "少先队建设迈上新台阶。"]]
    assert errata(32)["E095"].certainty == "unknown"
    assert errata(31)["E090"].correction == "青联" and "青联" in text(raw, 29)


# -- 九、控件；练习本的说明 ------------------------------------------------------------------------
def test_the_explorer_counts_the_heading_and_shows_the_style_issue_of_line_24(raw):
    pane = section_html(raw, 24)
    assert "4 段" in pane and "应写作“五、”" in pane
    assert len(raw.outline().section_at(24).all_paragraphs()) == 4


def test_the_solutions_explanations(raw):
    sizes = section_sizes(raw)
    assert sizes[15] == 8 and sum(sizes.values()) == 37
    assert len([p for p in raw.paragraphs if 3 <= p.line <= 46]) == 44 == 37 + 7
