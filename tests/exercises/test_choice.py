"""Lettered judgement exercises: every form of a letter is read, each wrong option
explains itself, several right options must all be chosen."""

import pytest

from baogao.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED, Assignment, ChoiceProblem

OPTIONS = {"A": ("第 1 行是报告的标题。", "第 1 行是网站换上的标题。"),
           "B": ("第 2 行是网站的文字。", ""),
           "C": ("第 47 行是网站的文字。", ""),
           "D": ("第 3 行是网站的文字。", "第 3 行是报告的开头。")}


def make(answer):
    assignment = Assignment("99_choice", "测试")
    return assignment.add(ChoiceProblem(name="q1", title="选择", variable="q1_answer",
                                        question="哪些说法对？", options=OPTIONS, answer=answer))


@pytest.mark.parametrize("value", ["B", "b", "（B）", "选B", "B.", " b ", "第 2 行是网站的文字。"])
def test_one_letter_in_every_form(value):
    assert make("B").check(value).status == CORRECT


def test_a_wrong_option_says_why_and_not_the_answer():
    outcome = make("B").check("A")
    assert outcome.status == INCORRECT and "网站换上的标题" in outcome.message
    assert "B" not in outcome.message


def test_a_single_choice_refuses_two_letters_and_non_letters():
    for value in ("AB", ["A", "B"], "E", 3):
        outcome = make("B").check(value)
        assert outcome.status == INCORRECT and outcome.message, value
    assert "只选一项" in make("B").check("AB").message


@pytest.mark.parametrize("value", ["BC", "CB", ["B", "C"], "B、C", "b,c", {"C", "B"}])
def test_several_letters_in_every_form(value):
    assert make("BC").check(value).status == CORRECT


def test_several_right_options_must_all_be_chosen():
    problem = make("BC")
    assert problem.check("B").status == INCORRECT and "少选了 1 项" in problem.check("B").message
    assert "第 3 行是报告的开头" in problem.check(["B", "C", "D"]).message
    assert problem.check(...).status == NOT_ATTEMPTED


def test_default_wrong_answers_and_solution():
    assert make("BC").wrong_answers == ["A", "D", "B"]
    assert 'q1_answer = ["B", "C"]' in repr(make("BC").solution())
    assert "A. 第 1 行" in repr(make("B").show())
    with pytest.raises(ValueError):
        make("E")
