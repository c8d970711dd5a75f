"""Lesson quizzes: answers follow the report and agree with the outline and the linter."""

import baogao
from baogao.course.lesson01_quiz import GENRE_OPTIONS
from baogao.course.lesson01_structure import quiz_questions as lesson01_questions
from baogao.lint import lint
from baogao.widgets.quiz import check_choice


def test_lesson01_on_the_specimen():
    report = baogao.specimen()
    q1, q2, q3, q4, q5 = lesson01_questions(report)
    assert check_choice(q1, "4 处")[0] and not check_choice(q1, "3 处")[0]
    assert "第 5 行“一是”" in q1.explanation and "第 28 行“6.”" in q1.explanation
    # The linter flags the same four level-1 headings.
    flagged = sorted(f.line for f in lint(report) if f.rule == "numbering-style-change")
    assert flagged == [5, 10, 24, 28]
    # The copy shows neither frame: the right option says it cannot be told.
    assert q2.answer == GENRE_OPTIONS["unknown"] and check_choice(q2, q2.answer)[0]
    assert not check_choice(q2, GENRE_OPTIONS["speech"])[0] and not check_choice(q2, GENRE_OPTIONS["document"])[0]
    assert q3.sentence.startswith("一是") and q3.wrong_text == "一是"
    assert any(f.line == 5 and f.text.startswith("一是") for f in lint(report) if f.family == "headings")
    ok, feedback = check_choice(q4, "第二级标题")
    assert not ok and "不正确" in feedback and check_choice(q4, "段内列举")[0]
    assert check_choice(q5, "函")[0] and not check_choice(q5, "请示")[0]


def test_lesson01_on_a_clean_document():
    q1, q2, q3, _, _ = lesson01_questions(baogao.example("report_gongwen"))
    assert check_choice(q1, "0 处")[0]
    assert q2.answer == GENRE_OPTIONS["document"]
    assert q3.sentence == "（一）、加强组织领导" and q3.wrong_text == "、"


def test_lesson01_genre_follows_the_outline_on_a_speech():
    report = baogao.corpus("2021_state-council_gwr")
    q2 = lesson01_questions(report)[1]
    assert report.outline().genre == "speech" and q2.answer == GENRE_OPTIONS["speech"]
    assert "有题注" in q2.explanation
