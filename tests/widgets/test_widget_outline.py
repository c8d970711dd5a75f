"""The outline explorer: plain functions, then the widget driven headlessly."""

import baogao
from baogao.widgets import OutlineExplorer, section_choices, section_html


def test_section_choices_follow_the_outline():
    choices = section_choices(baogao.specimen())
    assert [line for _, line in choices] == [3, 5, 10, 15, 24, 28, 34, 39, 43, 44, 45, 46]
    assert choices[0][0] == "〈开头〉（第3行）"
    assert choices[4][0].startswith("第五,主动作为")
    sub = section_choices(baogao.example("report_gongwen"))
    assert ("\u3000（一）队伍建设稳步推进（第9行）", 9) in sub


def test_section_html_marks_leads_length_and_issues():
    r = baogao.specimen()
    html = section_html(r, 24)
    assert "第 1 级标题" in html and "第 24–27 行" in html
    assert "样式不一" in html and "应写作“五、”" in html
    # The lost heading of section 四 is reported where it was lost: line 20, in the section before.
    assert "第20行 缺号" in section_html(r, 15) and "缺了“四”" in section_html(r, 15)
    assert '<span class="bg-lead" title="主旨句">巩固和扩大新时期青年爱国统一战线。</span>' in html
    assert "共 2 句" in html
    part = section_html(r, 45)
    assert "独立部分：经验体会" in part and "缺号" not in part
    # Text is escaped: nothing from the report can inject markup.
    evil = baogao.load("一、标题<b>粗</b>\n正文<script>alert(1)</script>写得很长很长。第二句。")
    assert "<script>" not in section_html(evil, 1) and "&lt;script&gt;" in section_html(evil, 1)


def test_explorer_driven_headlessly():
    e = OutlineExplorer(baogao.specimen())
    assert e.selector.value == 3 and "〈开头〉" not in e.view.value and "开头" in e.view.value
    e.selector.value = 43
    assert "独立部分：自身建设" in e.view.value
    assert "第 43–43 行" in e.view.value
    e.selector.value = 15
    assert "三、立足" in e.view.value and "缺号" in e.view.value


def test_show_line_chooses_the_section_that_holds_it():
    e = OutlineExplorer(baogao.specimen())
    assert e.show_line(26) == 24 and "样式不一" in e.view.value
    assert e.show_line(20) == 15 and "缺号" in e.view.value
    assert e.show_line(45) == 45
    assert e.show_line(1) == 3  # the title block is in no section: the first one is shown
