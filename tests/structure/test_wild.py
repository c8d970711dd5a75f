"""Reports as people bring them from the web: the title block, web residue, split paragraphs,
endnotes, and heading levels that a stray line cannot shift (docs/structure.md)."""

from pathlib import Path

import pytest

import baogao
from baogao.structure.levels import series_parents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED_WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus-wild"
WILD = sorted(SHARED_WILD.glob("*.txt")) if SHARED_WILD.is_dir() else []


def outline(text: str):
    return baogao.load(text).outline()


def kinds(o) -> dict[int, str]:
    return {e.line: e.kind for e in o.elements}


def levels(o) -> list[tuple[int, str]]:
    return [(h.level, h.marker or h.title) for h in o.headings]


# -- the Hebei excerpt: one stray line in the title block used to shift every level --------------
def test_the_hebei_excerpt_has_its_title_block_and_its_levels():
    o = baogao.load(FIXTURES / "wild_copy_hebei.txt").outline()
    assert o.title == "2026年河北省政府工作报告" and o.genre == "speech"
    k = kinds(o)
    assert [line for line, kind in k.items() if kind == "boilerplate"] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 15]
    assert (k[10], k[11], k[14], k[16]) == ("title", "subtitle", "speaker", "salutation")
    reasons = {e.line: e.reason for e in o.elements if e.kind == "boilerplate"}
    assert reasons[1] == reasons[5] == reasons[9] == "页面按钮"
    assert reasons[12] == "网页信息栏“来源”" and reasons[13] == "网页信息栏“时间”" and reasons[15] == "图片说明"
    assert [(h.line, h.level) for h in o.headings if h.style == "cn-dun"] == [(18, 1), (30, 1), (42, 1)]
    assert {h.level for h in o.headings if h.style == "cn-paren"} == {2}
    assert all(h.style != "none" for h in o.headings) and o.numbering_issues == []
    assert "网站附加文字（图片说明）：王正谱作政府工作报告。本报记者 霍艳恩摄" in o.render()


# -- all nineteen wild copies -------------------------------------------------------------------
@pytest.mark.skipif(not WILD, reason="needs ../shared/corpus-wild")
def test_there_are_nineteen_wild_copies():
    assert len(WILD) == 19


@pytest.mark.parametrize("path", WILD, ids=[p.stem for p in WILD])
def test_no_numbering_issue_and_no_heading_from_residue_in_a_wild_copy(path):
    o = baogao.load(path).outline()
    # By reading: none of the nineteen copies has a numbering problem of its own, and none has an
    # unnumbered heading; every heading stands on a line that is report text.
    assert o.numbering_issues == []
    assert [h.line for h in o.headings if h.style == "none"] == []
    residue = {e.line for e in o.elements if e.kind == "boilerplate"}
    assert not residue & {h.line for h in o.headings}
    top = [h.level for h in o.headings if h.style == "cn-dun"]
    assert set(top) <= {1}  # 一、 is the top level wherever a copy has it
    # The title is report text: a 2026 provincial copy has one that names the report; the
    # Wikisource copies have none; no part starts in residue.
    if "2026_" in path.stem:
        assert o.title and o.title.endswith("报告"), o.title
    if "wikisource" in path.stem:
        assert o.title is None
    assert not residue & {p.line for p in o.parts}
    assert o.genre == ("document" if "haikou" in path.stem else "speech")


# -- the title block ----------------------------------------------------------------------------
BODY = "现在，我代表省人民政府向大会报告工作，请予审议。\n一、工作回顾\n过去一年，经济社会发展取得新成就，人民群众获得感增强。\n"


def test_a_speech_title_on_two_lines_and_a_speaker_on_two_lines():
    o = outline("2026年某某省\n政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第四次会议上\n"
                "某某省人民政府省长\n王某某\n各位代表：\n" + BODY)
    assert o.title == "2026年某某省政府工作报告"
    assert [kinds(o)[i] for i in range(1, 7)] == ["title", "title", "subtitle", "speaker", "speaker", "salutation"]


def test_a_spaced_name_is_a_speaker_and_a_sentence_about_the_speaker_is_a_caption():
    o = outline("政府工作报告\n王　某　某\n省长王某某作政府工作报告\n各位代表：\n" + BODY)
    k = kinds(o)
    assert (k[2], k[3]) == ("speaker", "boilerplate")
    assert o.elements[2].reason == "图片说明或新闻导语"


def test_a_page_that_shows_its_header_twice_keeps_the_copy_next_to_the_report():
    o = outline("分享:\n某省2026年政府工作报告\n2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 某某\n"
                "首页\n>\n政府信息公开\n>\n省政府工作报告\n某省2026年政府工作报告\n"
                "2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 某某\n时间：\n2026-02-02 09:20\n"
                "来源：\n某省人民政府\n各位代表：\n" + BODY)
    k = kinds(o)
    assert o.title == "某省2026年政府工作报告"
    assert (k[9], k[10]) == ("title", "subtitle")
    assert all(k[i] == "boilerplate" for i in [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14])
    reasons = {e.line: e.reason for e in o.elements}
    assert reasons[2] == "重复的标题" and reasons[3] == "重复的题注" and reasons[5] == "网页导航"
    assert reasons[12] == "网页上的发布时间" and reasons[14] == "网页信息栏“来源”的内容"
    assert [(h.level, h.marker) for h in o.headings] == [(1, "一、")]


def test_a_title_printed_twice_by_a_database_and_its_citation_code():
    o = outline("    【法宝引证码】 CLI.12.7186154\n原文链接：https://www.example.com/lar/1.html\n"
                "某市水务局关于水土保持方案审批决定的公告\n某市水务局关于水土保持方案审批决定的公告\n（2020年）\n"
                "根据有关规定，现将审批决定予以公告。\n联系电话：68724690\n传真：68724683\n2020年2月份.xlsx附件预览\n")
    k = kinds(o)
    assert [k[i] for i in range(1, 10)] == ["boilerplate", "boilerplate", "boilerplate", "title", "subtitle",
                                            "paragraph", "paragraph", "paragraph", "boilerplate"]
    assert [e.reason for e in o.elements if e.kind == "boilerplate"] == [
        "数据库的引证码", "网页链接", "重复的标题", "附件文件的链接"]
    assert (o.genre, o.doc_type) == ("document", "announcement")


def test_the_shipped_documents_keep_their_header_and_title():
    o = baogao.example("notice_tongzhi").outline()
    assert [e.kind for e in o.elements][:4] == ["issuer", "doc_number", "title", "addressee"]
    assert not [e for e in o.elements if e.kind == "boilerplate"]


# -- residue inside and after the text ------------------------------------------------------------
def test_residue_inside_the_text_is_reported_as_what_it_is():
    o = outline("各位代表：\n" + BODY + "（下转第四版）\n二、今年的工作\n今年要推动高质量发展，确保完成目标任务。\n"
                "本报记者 某某 摄\n三、自身建设\n加强政府自身建设，提高行政效能，转变工作作风。\n")
    reasons = {e.line: e.reason for e in o.elements if e.kind == "boilerplate"}
    assert reasons == {5: "报纸的转版提示", 8: "图片说明"}
    assert [(h.level, h.number) for h in o.headings] == [(1, 1), (1, 2), (1, 3)] and o.numbering_issues == []


def test_the_footer_runs_from_its_first_line_to_the_end():
    o = outline("各位代表：\n" + BODY + "二、今年的工作\n今年要推动高质量发展，确保完成目标任务。\n"
                "各位代表！让我们团结奋斗，共创美好未来！\n相关报道：\n某某代表热议政府工作报告\n打印本页\n关闭窗口\n")
    k = kinds(o)
    assert [k[i] for i in range(8, 12)] == ["boilerplate"] * 4
    assert [e.reason for e in o.elements if e.kind == "boilerplate"] == [
        "相关链接栏", "网页信息栏“相关报道”的内容", "页面按钮", "页面按钮"]
    assert [p.kind for p in o.parts][-1] == "outlook"  # the outlook does not land in the footer


def test_a_footer_signal_before_the_last_heading_starts_no_footer():
    o = outline("各位代表：\n" + BODY + "编辑：某某\n二、今年的工作\n今年要推动高质量发展，确保完成目标任务。\n"
                "三、自身建设\n加强政府自身建设，提高行政效能，转变工作作风。\n")
    assert kinds(o)[5] == "paragraph" and [h.number for h in o.headings] == [1, 2, 3]


def test_a_wiki_licence_split_at_its_links_is_residue():
    body = "".join(f"第{n}段正文，写明工作的内容和成效。\n" for n in range(12))
    o = outline("同志们：\n现在，我代表中央委员会向大会作报告。\n一、过去五年的工作\n" + body +
                "二、今后的任务\n我们要继续奋斗，开创新局面，为实现目标而努力！\n"
                "本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议、决定、命令和其他文件。根据《\n中华人民共和国著作权法\n"
                "》第五条第一项，本作品不适用于该法，属于\n公有领域\n。\nPublic domain\nfalse\n")
    k = kinds(o)
    assert all(k[i] == "boilerplate" for i in range(18, 29)) and k[17] == "paragraph"
    assert o.elements[17].reason == "网站的版权声明" and o.elements[18].reason == "网站的版权声明"
    assert [h.title for h in o.headings] == ["过去五年的工作", "今后的任务"] and o.split_paragraphs == []


def test_a_form_of_address_or_an_organ_with_a_colon_at_the_top_is_no_page_label():
    o = outline("女士们先生们：\n现在，我代表国务院向大会报告工作。\n一、工作回顾\n过去一年成绩显著，人民满意。\n")
    assert kinds(o)[1] == "salutation"
    o = outline("市委：\n现将有关情况报告如下。\n一、主要工作\n今年成效明显。\n特此报告。\n")
    assert "boilerplate" not in kinds(o).values()


def test_page_information_lines_in_the_body_are_text():
    o = outline("各位代表：\n" + BODY + "主要是：\n经济增长放缓，就业压力加大，民生短板仍然存在。\n")
    assert kinds(o)[5] == "paragraph"


# -- split paragraphs ----------------------------------------------------------------------------
def test_a_split_paragraph_is_read_joined_and_reported_once_with_its_lines():
    text = ("各位代表：\n一、工作回顾\n出重拳强化污染防治。以细颗粒物（PM\n2.5\n）和可吸入颗粒物（PM\n10\n）治理为突破口，深化联防联控。\n"
            "稳健的货币政策要松紧适度。广义货币M\n2\n预期增长12%左右。\n")
    report = baogao.load(text)
    o = report.outline()
    assert [s.lines for s in o.split_paragraphs] == [(3, 4, 5, 6, 7), (8, 9, 10)]
    first = o.split_paragraphs[0]
    assert first.text == "出重拳强化污染防治。以细颗粒物（PM2.5）和可吸入颗粒物（PM10）治理为突破口，深化联防联控。"
    assert "第 3—7 行是同一段话，复制时被拆成了 5 行" in first.message and first.message in o.render()
    assert all(kinds(o)[i] == "paragraph" for i in range(3, 11)) and o.headings[0].level == 1


def test_a_joined_paragraph_keeps_lines_and_offsets_into_the_text():
    from baogao.paragraphs import join_paragraphs

    report = baogao.load("前言\n广义货币M\n2\n预期增长12%左右。\n")
    joined = join_paragraphs(report.paragraphs[1:4])
    assert joined.text == "广义货币M2预期增长12%左右。"
    assert (joined.line, joined.line_end, joined.lines) == (2, 4, (2, 3, 4))
    assert all(report.text[joined.offset(i)] == c for i, c in enumerate(joined.text))
    assert joined.offset(len(joined.text)) == joined.end == report.paragraphs[3].end
    assert report.line_of(joined.offset(5)) == 3  # the 2 stands on line 3
    with pytest.raises(IndexError):
        joined.offset(len(joined.text) + 1)
    one = report.paragraphs[0]
    assert join_paragraphs([one]) is one and one.lines == (1,) and one.line_end == 1


def test_a_marker_split_over_two_lines_makes_one_heading_and_no_false_gap():
    o = outline("各位代表：\n一、工作回顾\n（一）经济运行稳中有进。\n全年增长5%。\n（二）产业发展提质增效。\n转型加快。\n"
                "（\n三）改革开放持续深化。\n改革深入推进。\n（四）城乡发展更趋协调。\n城乡差距缩小。\n")
    assert [(h.line, h.marker, h.title) for h in o.headings if h.level == 2][2] == (7, "（三）", "改革开放持续深化")
    assert kinds(o)[8] == "paragraph" and o.numbering_issues == []  # the heading's second piece


def test_a_short_line_after_a_heading_line_is_not_a_fragment_of_it():
    o = outline("关于某项工作的报告\n一、总体情况\n（一）基本做法\n1.主要措施\n（1）具体安排\n①第一项内容\n"
                "一是坚持问题导向，二是坚持目标导向，三是坚持结果导向。")
    assert o.split_paragraphs == [] and [h.level for h in o.headings][:4] == [1, 2, 3, 4]


def test_a_line_that_only_lacks_its_final_mark_is_not_joined():
    # A lead line with commas and no final punctuation, and a paragraph whose end was cut off.
    o = outline("各位代表：\n五年来，我国国民经济持续发展，总的形势是很好的\n国家经济实力继续得到显著增强。国民生产总值大幅增加。\n"
                "团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三,综合集成,系统实施\n"
                "不断加强机关党的建设。认真落实管党治党责任。\n")
    assert o.split_paragraphs == []


def test_a_comma_at_the_end_joins_only_consecutive_lines():
    joined = outline("各位代表：\n中国电子增资麒麟软件，\n协和天津基地建设顺利推进。\n")
    assert [s.lines for s in joined.split_paragraphs] == [(2, 3)]
    apart = outline("各位代表：\n中国电子增资麒麟软件，\n\n协和天津基地建设顺利推进。\n")
    assert apart.split_paragraphs == []


# -- endnotes --------------------------------------------------------------------------------------
def test_a_glossary_after_the_text_is_endnotes_not_headings():
    o = outline("各位代表：\n" + BODY + "各位代表！让我们团结奋斗！\n注释\n［1］一降三减：\n全年火灾起数总体下降。\n"
                "［2］四大主导产业：\n旅游业、现代服务业。\n")
    assert [kinds(o)[i] for i in range(6, 11)] == ["endnote"] * 5
    assert [h.marker for h in o.headings] == ["一、"]
    o = outline("各位代表：\n" + BODY + "名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n"
                "2.“两新”：是指大规模设备更新和消费品以旧换新。\n")
    assert [h.marker for h in o.headings] == ["一、"] and kinds(o)[5] == "endnote"


def test_a_numbered_list_at_the_end_without_terms_is_not_a_glossary():
    o = outline("各位代表：\n" + BODY + "办好民生实事\n1.医疗卫生方面。提高孕产妇检查补助标准。\n2.养老帮困方面。提高养老金。\n")
    assert "endnote" not in kinds(o).values()


# -- levels follow the document's marker series ---------------------------------------------------
def test_a_stray_line_above_the_opening_does_not_shift_the_levels():
    o = outline("政府工作报告\n某某某同志在会上\n" + BODY + "（一）经济平稳增长\n全年经济增长百分之五，就业稳定。\n"
                "二、今年的任务\n今年要继续努力，推动高质量发展。\n（一）扩大内需\n大力提振消费，扩大有效投资。\n")
    assert levels(o) == [(1, "某某某同志在会上"), (1, "一、"), (2, "（一）"), (1, "二、"), (2, "（一）")]
    assert o.numbering_issues == []


def test_unnumbered_lines_head_levels_when_the_series_show_it():
    # The 1988 pattern: 一、 counts afresh under a second unnumbered heading.
    o = outline("各位代表！\n我代表国务院作报告，请予审议。\n过去五年的基本总结\n五年来，我国经济持续发展，各项事业取得新进展。\n"
                "一、坚持改革\n改革取得重大进展。\n二、扩大开放\n开放水平提高。\n今后五年的任务\n今后五年，要继续奋斗。\n"
                "一、发展经济\n经济要持续增长。\n二、改善民生\n民生要不断改善。\n")
    assert levels(o) == [(1, "过去五年的基本总结"), (2, "一、"), (2, "二、"), (1, "今后五年的任务"), (2, "一、"), (2, "二、")]
    assert o.numbering_issues == []


def test_an_unnumbered_line_inside_a_section_is_a_sub_heading():
    o = outline("各位代表：\n" + BODY + "（一）扩大内需\n要扩大内需，稳定增长。\n着力扩大有效投资\n要扩大有效投资，稳定增长。\n"
                "（二）深化改革\n要深化改革，激发活力。\n")
    assert levels(o) == [(1, "一、"), (2, "（一）"), (3, "着力扩大有效投资"), (2, "（二）")]


def test_a_series_before_the_first_top_level_heading_does_not_push_it_down():
    o = outline("各位代表：\n（一）说明\n本报告说明如下，请予审议。\n（二）范围\n本报告的范围如下，请予审议。\n" + BODY
                + "（一）经济平稳增长\n全年经济增长百分之五。\n（二）民生改善\n居民收入增长。\n二、今年的任务\n今年要继续努力。\n"
                "（一）扩大内需\n大力提振消费。\n")
    assert [(lv, m) for lv, m in levels(o) if m in ("一、", "二、")] == [(1, "一、"), (1, "二、")]
    assert {lv for lv, m in levels(o)[2:] if m.startswith("（")} == {2}
    assert o.numbering_issues == []


def test_series_parents_counts_where_each_series_starts():
    o = baogao.corpus("1988_state-council_gwr").outline()
    assert [(h.level, h.marker) for h in o.headings if h.line in (5, 77, 97, 105)] == [
        (1, ""), (2, "一、"), (1, ""), (2, "一、")]
    report = baogao.load("各位代表：\n" + BODY + "（一）甲\n甲的内容很长，要写清楚。\n二、乙\n乙的内容很长。\n（一）丙\n丙的内容很长。\n")
    from baogao.structure.headings import candidate
    items = [(candidate(p), False) for p in report.paragraphs if candidate(p) is not None]
    assert series_parents(items) == {("cn-dun", "cn-paren"): 2}
