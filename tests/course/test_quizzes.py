"""Lesson quizzes: answers follow the report."""

import baogao
from baogao.course.lesson01_structure import quiz_questions as lesson01_questions
from baogao.widgets.quiz import check_choice


def test_lesson01_on_the_specimen():
    q1, q2, q3, q4 = lesson01_questions(baogao.specimen())
    assert check_choice(q1, "4 次")[0] and not check_choice(q1, "3 次")[0]
    assert "第 5 行“一是”" in q1.explanation and "第 28 行“6.”" in q1.explanation
    assert check_choice(q2, q2.options[1])[0]  # speech-style
    assert q3.sentence.startswith("一是") and q3.wrong_text == "一是"
    ok, feedback = check_choice(q4, "小标题")
    assert not ok and "不正确" in feedback


def test_lesson01_on_a_clean_document():
    q1, q2, q3, _ = lesson01_questions(baogao.example("report_gongwen"))
    assert check_choice(q1, "0 次")[0]
    assert check_choice(q2, q2.options[0])[0]  # a 公文
    assert q3.sentence == "（一）、加强组织领导" and q3.wrong_text == "、"
