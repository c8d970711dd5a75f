"""Markers: every style, its value, and look-alikes that are not markers."""

import pytest

from baogao.text.markers import cn_to_int, find_enumeration_markers, int_to_cn, match_marker, render


@pytest.mark.parametrize("text,style,number,marker", [
    ("一、主要工作", "cn-dun", 1, "一、"),
    ("十二、结束语", "cn-dun", 12, "十二、"),
    ("一.主要工作", "cn-dun", 1, "一."),
    ("（三）加强建设", "cn-paren", 3, "（三）"),
    ("（一）、加强建设", "cn-paren", 1, "（一）、"),
    ("1.扩大规模", "arabic-dot", 1, "1."),
    ("１．扩大规模", "arabic-dot", 1, "１．"),
    ("12.扩大规模", "arabic-dot", 12, "12."),
    ("（2）具体措施", "arabic-paren", 2, "（2）"),
    ("一是加强领导", "cn-shi", 1, "一是"),
    ("十是加强领导", "cn-shi", 10, "十是"),
    ("第一，全国动员", "cn-di", 1, "第一，"),
    ("第五,主动作为", "cn-di", 5, "第五,"),
    ("第二、加快发展", "cn-di", 2, "第二、"),
    ("1、扩大规模", "arabic-dun", 1, "1、"),
    ("(四)政府自身建设", "half-paren", 4, "(四)"),
    ("(4)政府自身建设", "half-paren", 4, "(4)"),
    ("（四)政府自身建设", "half-paren", 4, "（四)"),
])
def test_styles(text, style, number, marker):
    m = match_marker(text)
    assert m is not None and (m.style, m.number, m.text) == (style, number, marker)


@pytest.mark.parametrize("text", [
    "1.2万人参加", "2021.3月", "第一批20个县", "第二十次全国代表大会", "第一书记", "一年来，共青团",
    "二〇二一年是", "0.5个百分点", "100.主要工作", "一二三", "（一", "是一个", "第一专题",
])
def test_not_markers(text):
    assert match_marker(text) is None


def test_numerals_round_trip():
    for n in range(1, 200):
        assert cn_to_int(int_to_cn(n)) == n
    assert int_to_cn(10) == "十" and int_to_cn(21) == "二十一" and int_to_cn(108) == "一百零八"
    assert cn_to_int("两") == 2 and cn_to_int("二〇二一") == 2021


def test_render():
    assert render("cn-paren", 3) == "（三）"
    assert render("cn-di", 4) == "第四，"
    assert render("arabic-dot", 7) == "7."


def test_enumeration_markers_open_clauses_only():
    text = "严格落实。二是强化履职能力，三是狠抓作风；第一专题学习26项，统一是关键。第二，共青团要看齐。"
    found = [(m.text, m.number) for _, m in find_enumeration_markers(text)]
    assert found == [("二是", 2), ("三是", 3), ("第二，", 2)]
