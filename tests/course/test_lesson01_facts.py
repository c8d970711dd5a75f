"""Every figure lesson 01's prose states about the specimen (raw edition),
computed by the kit: the first-level headings, which of them depart from the
level's most used style, and where the lost heading of section 四 is."""

from __future__ import annotations

from collections import Counter

import baogao
from baogao.structure.headings import family


def level1():
    return [h for h in baogao.specimen().outline().headings if h.level == 1]


def test_first_level_headings_and_their_markers():
    assert [(h.line, h.marker) for h in level1()] == [
        (5, "一是"), (10, "二是"), (15, "三、"), (24, "第五,"), (28, "6."), (34, "七、"), (39, "八、")]


def test_the_most_used_style_is_the_standard_one_and_four_headings_depart_from_it():
    styles = Counter(family(h.style, h.chinese) for h in level1())
    assert styles.most_common(1)[0] == ("cn-dun", 3)  # 三、 七、 八、
    issues = baogao.specimen().outline().numbering_issues
    assert [i.line for i in issues if i.kind == "style_change"] == [5, 10, 24, 28]
    assert {i.line: i.expected for i in issues if i.kind == "style_change"} == {
        5: "一、", 10: "二、", 24: "五、", 28: "六、"}


def test_the_lost_heading_is_section_four_before_line_20():
    gaps = [i for i in baogao.specimen().outline().numbering_issues if i.kind == "gap" and i.next_heading]
    assert [(g.line, g.expected, g.next_heading) for g in gaps] == [(20, "四", 24)]
    assert "不必改" in gaps[0].message


def test_the_copy_has_no_problems_part_and_its_outlook_breaks_off():
    report = baogao.specimen()
    parts = [(p.kind, p.line) for p in report.outline().parts]
    assert "problems" not in {kind for kind, _ in parts}
    assert parts[-1] == ("outlook", 46)
    line46 = report.text.split("\n")[45]
    assert line46[-1] not in "。！？…”"  # cut off mid-sentence
