"""The numbering checks of headings (baogao.structure.numbering): the style each
level should keep, the suggestion a departing heading gets, lost headings."""

import pytest

import baogao
from baogao.structure.numbering import level_styles, opens_with_lead, positions
from baogao.text.markers import match_marker

INTRO = "一年来，我们围绕中心工作，坚持以人民为中心的发展思想，推动各项工作取得了新的进展和成效。"
LEAD = "加强组织建设。全年新建组织二十个，培训骨干五百人次，覆盖全部街道。"


def issues(text):
    return [(i.kind, i.line, i.expected) for i in baogao.load(text).outline().numbering_issues]


def test_specimen_level_one_is_unified_to_the_standard_sequence():
    o = baogao.specimen().outline()
    changes = [(i.line, i.found, i.expected) for i in o.numbering_issues if i.kind == "style_change"]
    assert changes == [(5, "一是", "一、"), (10, "二是", "二、"), (24, "第五,", "五、"), (28, "6.", "六、")]
    # Never an enumeration marker, never a deeper level's marker: every suggestion is 一、 style.
    assert all(match_marker(e).style == "cn-dun" for _, _, e in changes)


def test_specimen_section_four_lost_its_heading_at_line_20():
    o = baogao.specimen().outline()
    lost = [i for i in o.numbering_issues if i.next_heading is not None]
    assert [(i.kind, i.line, i.expected, i.next_heading) for i in lost] == [("gap", 20, "四", 24)]
    assert "原标题缺失" in lost[0].message and "不必改" in lost[0].message
    # 第五, keeps its number: its only issue is its style, and the suggestion is 五、, not 四、.
    assert [(i.kind, i.expected) for i in o.numbering_issues if i.line == 24] == [("style_change", "五、")]


def test_corrected_edition_places_the_lost_heading_at_its_line_18():
    o = baogao.specimen("corrected").outline()
    assert [(i.kind, i.line, i.expected, i.next_heading) for i in o.numbering_issues] == [("gap", 18, "四", 22)]


def test_standard_style_wins_a_tie():
    assert issues("（一）甲\n正文。\n2.乙\n正文。") == [("style_change", 3, "（二）")]


def test_majority_style_when_the_standard_is_a_minority():
    # Level 1 counts 1. 2. 3.: the odd 二、 takes the level's own style, not the standard's.
    assert issues("1.甲\n正文。\n二、乙\n正文。\n3.丙\n正文。") == [("style_change", 3, "2.")]


def test_enumeration_majority_is_never_suggested():
    text = "一是加强政治建设\n鲜明的政治立场是根本。一年来成效明显。\n二是深化思想引导\n以建党一百周年为契机，开展学习。\n3.改进作风\n作风建设取得实效。"
    o = baogao.load(text).outline()
    assert [h.level for h in o.headings] == [1, 1, 1]
    assert [(i.kind, i.line, i.expected) for i in o.numbering_issues] == [("style_change", 5, "三、")]
    assert "“一是”式（段内列举的写法）" in o.numbering_issues[0].message
    assert level_styles(o.headings)[1].majority == "cn-shi"


def test_ordinal_of_a_repeat_is_the_number_due():
    o = baogao.load("一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n四、丁\n正文。").outline()
    assert [positions(o.headings)[h.paragraph].ordinal for h in o.headings] == [1, 2, 3, 4]
    # The gap after the repeat is that repeat's, not a lost heading.
    assert [(i.kind, i.line, i.expected, i.next_heading) for i in o.numbering_issues] == [
        ("repeat", 5, "三", None), ("gap", 7, "三", None)]


def test_lost_heading_that_the_text_cannot_place():
    o = baogao.load("一、甲\n正文。\n三、丙\n正文。").outline()
    [issue] = o.numbering_issues
    assert (issue.kind, issue.line, issue.expected, issue.next_heading) == ("gap", 3, "二", 3)
    assert "第 1 行“一、”与第 3 行“三、”之间似乎丢了一个标题（“二”" in issue.message


def test_two_lost_headings_are_named():
    [issue] = baogao.load("一、甲\n正文。\n四、丁\n正文。").outline().numbering_issues
    assert issue.line == 3 and "丢了2 个标题（“二、三”" in issue.message.replace(" 2", "2")


def test_lost_heading_placed_at_a_section_intro():
    text = f"一、加强基层\n{INTRO}\n{LEAD}\n{LEAD}\n{INTRO}\n{LEAD}\n三、改进作风\n{INTRO}\n{LEAD}"
    assert issues(text) == [("gap", 5, "二")]
    # Without the 总—分 pattern (no lead paragraphs before it) nothing marks the place.
    flat = f"一、加强基层\n{INTRO}\n{INTRO}\n{INTRO}\n三、改进作风\n{INTRO}\n{LEAD}"
    assert issues(flat) == [("gap", 5, "二")]
    assert baogao.load(flat).outline().numbering_issues[0].next_heading == 5


def test_lost_heading_placed_where_subheadings_restart():
    text = "一、甲\n（一）子一\n正文。\n（二）子二\n正文。\n（一）子三\n正文。\n三、丙\n正文。"
    o = baogao.load(text).outline()
    assert [(i.kind, i.line, i.expected, i.next_heading) for i in o.numbering_issues] == [("gap", 6, "二", 8)]


def test_gap_followed_by_a_step_back_is_no_lost_heading():
    o = baogao.load("一、甲\n正文一段。\n三、丙\n正文二段。\n二、乙\n正文三段。").outline()
    assert [(i.kind, i.line, i.next_heading) for i in o.numbering_issues] == [
        ("gap", 3, None), ("out_of_order", 5, None)]


def test_series_starting_above_one_stays_a_gap():
    [issue] = baogao.load("二、乙\n正文。\n三、丙\n正文。").outline().numbering_issues
    assert (issue.kind, issue.line, issue.next_heading) == ("gap", 1, None)


@pytest.mark.parametrize("text,lead", [
    ("努力提高覆盖率。以组织学习为基本途径，依托基层团支部开展学习，覆盖面不断扩大。", True),
    (INTRO + "全年开展活动十次。", False),  # a first sentence of several clauses
    ("努力提高覆盖率。", False),  # one sentence: nothing follows the lead
])
def test_opens_with_lead(text, lead):
    assert opens_with_lead(text) is lead


def test_attachment_list_items_are_not_headings():
    text = ("关于某事的通知\n各单位：\n现将有关事项通知如下。\n一、时间\n全天。\n二、地点\n会议室。\n"
            "附件：1.报名回执\n      2.日程安排\n某单位\n2026年3月25日")
    o = baogao.load(text).outline()
    assert [(e.kind, e.line) for e in o.elements if e.kind == "attachment"] == [("attachment", 8), ("attachment", 9)]
    assert [h.marker for h in o.headings] == ["一、", "二、"]
    assert o.numbering_issues == []
