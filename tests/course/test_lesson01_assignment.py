"""Lesson 01's assignment beyond the generic walk of tests/exercises/test_exercises.py:
the feedback each instructive wrong answer gets, the writing checks, and the lesson's
tables on reports other than the specimen."""

from __future__ import annotations

from pathlib import Path

import pytest

import baogao
from baogao.course import lesson01_structure as ex
from baogao.course.lesson01_assignment import _marker_style_by_hand
from baogao.exercises import CORRECT, INCORRECT, SUBMITTED
from baogao.text.markers import match_marker

ROOT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OTHERS = ["2021_state-council_gwr", "example:request_qingshi", "example:report_gongwen",
          f"{ROOT_FIXTURES}/wild_copy_hebei.txt", f"{ROOT_FIXTURES}/auto_numbered.docx", "specimen:corrected"]


@pytest.fixture(autouse=True)
def on_the_specimen():
    ex.use("specimen")
    yield
    ex.use("specimen")


def test_every_problem_has_two_or_three_hint_tiers_and_the_last_is_not_the_solution():
    for problem in ex.assignment:
        assert 2 <= len(problem.hints) <= 3, problem.name
        assert problem.hints[-1].strip() not in str(problem.solution())


def test_q1_explains_each_instructive_wrong_count():
    assert "丢了标题的部分也算上了" in ex.q1.check(8).message  # the lost 四 counted
    assert "没有标题的节不是标题" in ex.q1.check(12).message  # sections of the outline counted
    assert "功能部分" in ex.q1.check(6).message  # functional parts counted
    assert "只数了“一、”式" in ex.q1.check(3).message and "“一是”" in ex.q1.check(3).message
    assert "少数了" in ex.q1.check(5).message


def test_q2_explains_zero_based_lines_the_heading_counted_and_the_lost_section():
    sizes = ex.section_sizes(ex.assignment.report)
    assert "小了一" in ex.q2.check({k - 1: v for k, v in sizes.items()}).message
    with_heading = {k: v + (k in (5, 10, 15, 24, 28, 34, 39)) for k, v in sizes.items()}
    assert "标题也算成了一段" in ex.q2.check(with_heading).message
    assert "没有标题的节" in ex.q2.check({k: v for k, v in sizes.items() if k in (5, 10, 15, 24, 28, 34, 39)}).message
    split = {**sizes, 15: 4, 20: 4}
    assert "丢了标题的那一行" in ex.q2.check(split).message
    assert "有 1 节的段数不对" in ex.q2.check({**sizes, 28: 6}).message


def test_q3s_other_implementation_agrees_with_match_marker_beyond_the_cases():
    for line in ["十、附则", "（１）全角数字", "第十一，", "2.5倍", "一、", "四是加强", "第一批", "（一）、错写", ""]:
        marker = match_marker(line)
        expected = marker.style if marker and marker.style not in ("half-paren", "arabic-dun") else None
        if line.startswith("（一）、"):
            expected = "cn-paren"
        assert _marker_style_by_hand(line) == expected, line


def test_q4_is_about_the_specimen_and_each_wrong_option_says_why():
    assert ex.q4.check("B").status == CORRECT
    for letter in "ACDE":
        outcome = ex.q4.check(letter)
        assert outcome.status == INCORRECT and outcome.message.startswith(f"{letter} 不对：")
    assert "第五部分" in ex.q4.check("A").message and "原标题无从得知" in ex.q4.check("C").message


def test_q6_reads_the_draft_with_the_outline_and_the_linter():
    good = ex.q6.check(ex.Q6_MODEL)
    assert good.status == SUBMITTED and not good.issues and len(good.checks) == 12
    assert "编号问题：无" in repr(ex.outline_of(ex.Q6_MODEL))
    assert "还没有提纲可读" in repr(ex.outline_of(...))  # the exercise notebook's stub
    request = ex.Q6_MODEL.replace("特此报告。", "以上报告，妥否，请批示。")
    assert any("不得夹带请示事项" in i for i in ex.q6.check(request).issues)
    mixed = ex.Q6_MODEL.replace("工作情况的报告", "工作情况的请示报告", 1)
    assert any("只有一个文种" in i for i in ex.q6.check(mixed).issues)
    skipped = ex.Q6_MODEL.replace("（二）服务青年成长", "（三）服务青年成长")
    assert any(i.startswith("编号问题：") for i in ex.q6.check(skipped).issues)
    flat = "\n".join(x for x in ex.Q6_MODEL.split("\n") if not x.startswith(("1.", "2.")))
    assert any("第 3 层应当用“1.”" in i for i in ex.q6.check(flat).issues)
    padded = ex.Q6_MODEL.replace("2026年1月12日", "2026年01月12日")
    assert any("成文日期" in n for n in ex.q6.check(padded).notes)


@pytest.mark.parametrize("name", OTHERS)
def test_the_lessons_tables_and_the_assignment_run_on_other_reports(name):
    report = baogao.get(name)
    assert not ex.is_specimen(report)
    for table in (ex.frame_checklist({"这份报告": report}), ex.levels_table(report), ex.headings_table(report),
                  ex.numbering_table(report), ex.comma_table(report), ex.enumerations_table(report),
                  ex.intro_table(report), ex.parts_table(report), ex.skeleton_table({"这份报告": report})):
        assert all(not str(c).isascii() for c in table.columns), table.columns
    assert ex.genre_sentence(report).startswith("提纲的判断：") and ex.about(report).startswith("本课读的报告：")
    ex.use(report)
    for problem in ex.assignment:
        outcome = problem.check(problem.solution_answer(report))
        assert outcome.status in (CORRECT, SUBMITTED), (problem.name, outcome.text())
    assert len(ex.quiz_questions(report)) == 5
