"""The exercise machinery (baogao.exercises): every registered exercise can
fail, the grader's path gives the notebook's verdict, comparisons are
tolerant where they should be, coding checks disable the function they
reimplement, writing checks give structural feedback and the linter's advice."""

from __future__ import annotations

import json
import re
import types

import numpy as np
import pandas as pd
import pytest

import baogao
from baogao.course import assignments, get_assignment
from baogao.course import lesson01_structure as ex
from baogao.errors import UsageError
from baogao.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    SUBMITTED,
    ValueProblem,
    FunctionProblem,
    WritingProblem,
    collect,
    compare,
    load_report,
    writing,
)
from baogao.lint import lint
from baogao.text.markers import match_marker

ALL = [(a, p) for a in assignments().values() for p in a]
IDS = [f"{a.name}.{p.name}" for a, p in ALL]
VALUES = [(a, p) for a, p in ALL if isinstance(p, ValueProblem)]


def via_grader(problem, answer, report):
    """What ``baogao teach grade`` computes: collect in the kernel, JSON, grade elsewhere."""
    data = json.loads(json.dumps(collect.collect({problem.variable: answer}, [problem.collect_spec()]),
                                 ensure_ascii=False))
    return problem.grade(data[problem.name], report)


def test_registry_finds_the_sample_assignment():
    assert "01_structure" in assignments()
    assert list(get_assignment("01_structure").problems) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert len(ALL) >= 4
    with pytest.raises(UsageError, match="没有名为"):
        get_assignment("99_nothing")


# -- the generic walk: every exercise of every assignment -------------------------------
@pytest.mark.parametrize("assignment,problem", ALL, ids=IDS)
def test_solution_passes(assignment, problem):
    report = assignment.report
    answer = problem.solution_answer(report)
    for outcome in (problem.check(answer), via_grader(problem, answer, report)):
        if isinstance(problem, WritingProblem):
            assert outcome.status == SUBMITTED and outcome.score is None
            assert outcome.checks and not outcome.issues, outcome.text()
        else:
            assert outcome.status == CORRECT, outcome.text()
            assert outcome.score == problem.points


@pytest.mark.parametrize("assignment,problem", ALL, ids=IDS)
def test_stub_is_not_attempted(assignment, problem):
    for outcome in (problem.check(problem.stub_answer()),
                    via_grader(problem, problem.stub_answer(), assignment.report),
                    problem.grade({"$": "missing"})):
        assert outcome.status == NOT_ATTEMPTED, outcome.text()
        assert outcome.score == 0
        assert outcome.text().startswith("○ 尚未作答")


@pytest.mark.parametrize("assignment,problem", ALL, ids=IDS)
def test_plausible_wrong_answers_are_not_accepted(assignment, problem):
    report = assignment.report
    wrong = problem.wrong(report)
    assert wrong, "every exercise declares at least one plausible wrong answer"
    for answer in wrong:
        for outcome in (problem.check(answer), via_grader(problem, answer, report)):
            if isinstance(problem, WritingProblem):
                assert outcome.status == SUBMITTED and outcome.issues, outcome.text()
            else:
                assert outcome.status == INCORRECT, (answer, outcome.text())
                if isinstance(problem, FunctionProblem):  # partial credit: the share of cases passed
                    assert 0 <= outcome.score < problem.points
                    assert (outcome.score > 0) == ("部分得分" in outcome.message), outcome.message
                else:
                    assert outcome.score == 0
                assert outcome.text().startswith("× 不正确：") and outcome.message


@pytest.mark.parametrize("assignment,problem", ALL, ids=IDS)
def test_other_correct_answers_pass(assignment, problem):
    """Checks are not tuned to one spelling of the answer: another valid form, another
    valid implementation or another acceptable text passes too."""
    report = assignment.report
    right = problem.right(report)
    assert right, "every exercise declares at least one other correct answer (right_answers)"
    model = problem.solution_answer(report)
    for answer in right:
        assert answer is not model and not (isinstance(answer, str) and answer == model), (
            "a right answer should differ from the model solution")
        for outcome in (problem.check(answer), via_grader(problem, answer, report)):
            if isinstance(problem, WritingProblem):
                assert outcome.status == SUBMITTED and not outcome.issues, outcome.text()
            else:
                assert outcome.status == CORRECT, (answer, outcome.text())


@pytest.mark.parametrize("assignment,problem", VALUES,
                         ids=[f"{a.name}.{p.name}" for a, p in VALUES])
def test_feedback_does_not_give_the_answer_away(assignment, problem):
    # Coding feedback: test_coding_feedback_quotes_the_call_and_the_students_result_only.
    expected = problem.solution_answer(assignment.report)
    numbers = {str(n) for n in (expected if isinstance(expected, list) else [expected])}
    for answer in problem.wrong(assignment.report):
        shown = set(re.findall(r"\d+", problem.check(answer).message))
        assert not numbers & shown, problem.check(answer).message


@pytest.mark.parametrize("assignment,problem", ALL, ids=IDS)
def test_hint_ladder_and_solution(assignment, problem):
    n = len(problem.hints)
    assert n >= 1
    for k in range(1, n + 1):
        assert repr(problem.hint(k)).startswith(f"※ 提示 {k}/{n}：")
    assert repr(problem.hint()) == repr(problem.hint(1))
    assert "只有" in repr(problem.hint(n + 1)) and "solution()" in repr(problem.hint(n + 1))
    assert "从 1 开始" in repr(problem.hint(0))
    assert repr(problem.solution()).startswith("※ 参考答案")


# -- tolerant, strict --------------------------------------------------------------------------
@pytest.mark.parametrize("value", [7, 7.0, "7", "７", " 7 ", "七", "第7个", "7个"])
def test_numbers_are_read_in_every_valid_form(value):
    assert compare.as_int(value) == 7


@pytest.mark.parametrize("value", [True, [7], "7.5", "seven", None, {"$": "set", "items": [7]}])
def test_numbers_in_other_forms_are_refused_with_a_sentence(value):
    with pytest.raises(compare.AnswerFormError, match="整数"):
        compare.as_int(value)


def test_q1_accepts_every_valid_form_and_refuses_the_wrong_type():
    for value in (7, "7", "七", "７"):
        assert ex.q1.check(value).status == CORRECT
    outcome = ex.q1.check([7])
    assert outcome.status == INCORRECT and "整数" in outcome.message


def test_q2_reads_a_dict_or_pairs_with_keys_in_any_form():
    sizes = ex.section_sizes(ex.assignment.report)
    for value in (sizes, dict(reversed(list(sizes.items()))), [[k, v] for k, v in sizes.items()],
                  {str(k): str(v) for k, v in sizes.items()}, {f"第{k}行": f"{v}段" for k, v in sizes.items()}):
        assert ex.q2.check(value).status == CORRECT, value
    assert "字典" in ex.q2.check([2, 4, 4]).message
    assert "段数" in ex.q2.check({3: "很多"}).message
    fewer = {k: v for k, v in sizes.items() if k != 46}
    assert "还少了 1 节" in ex.q2.check(fewer).message


def test_text_comparison_folds_widths_and_spaces():
    assert compare.same_text("四、主动作为,积极", "四、 主动作为，积极")
    assert not compare.same_text("四、主动作为", "五、主动作为")


def test_check_reads_the_variable_from_the_callers_globals():
    namespace = {"ex": ex, "q1_answer": "七"}
    exec("outcome = ex.q1.check()", namespace)
    assert namespace["outcome"].status == CORRECT
    exec("del q1_answer\noutcome = ex.q1.check()", namespace)
    assert namespace["outcome"].status == NOT_ATTEMPTED


def test_outcome_labels_are_chinese():
    assert repr(ex.q1.check(7)) == "✓ 正确"
    assert repr(ex.q1.check(...)).startswith("○ 尚未作答：")
    assert repr(ex.q1.check(8)).startswith("× 不正确：")
    assert repr(ex.q5.check(ex.q5.solution_answer(ex.assignment.report))).startswith("→ 已提交，待教师评阅")


def test_checks_follow_the_report_in_use():
    other = baogao.load("一、总体要求\n第一段正文很长很长很长很长很长很长很长很长很长很长。\n"
                        "二、主要任务\n第二段正文很长很长很长很长很长很长很长很长很长很长。\n", name="两节")
    try:
        ex.use(other)
        assert ex.q1.check(2).status == CORRECT
        assert ex.q1.check(7).status == INCORRECT
        assert "第 1、3 行" in repr(ex.q5.describe()) and "原标题缺失" not in repr(ex.q5.describe())
        assert ex.q2.check({1: 1, 3: 1}).status == CORRECT
    finally:
        ex.use("specimen")
    assert ex.q1.check(7).status == CORRECT


# -- serialisation -------------------------------------------------------------------------------
def test_plain_turns_answers_into_json():
    assert collect.plain(np.int64(7)) == 7 and type(collect.plain(np.int64(7))) is int
    assert collect.plain(np.array([1, 2])) == [1, 2]
    assert collect.plain(pd.Series([15, 24])) == [15, 24]
    assert collect.plain((1, "a", None)) == [1, "a", None]
    assert collect.plain({3, 1, 2}) == {"$": "set", "items": [1, 2, 3]}
    assert collect.plain(...) == {"$": "ellipsis"}
    assert collect.plain(float("nan"))["$"] == "repr"
    assert collect.plain(len) == {"$": "callable", "name": "len"}
    assert collect.plain(object())["$"] == "repr"
    nested: list = []
    nested.append(nested)
    json.dumps(collect.plain(nested))  # a cycle does not loop


def test_collect_reports_missing_variables_and_keeps_going():
    specs = [p.collect_spec() for p in ex.assignment]
    out = collect.collect({"q1_answer": 7}, specs)
    assert out["q1"] == 7
    assert out["q2"] == {"$": "missing"} and out["q3"] == {"$": "missing"}


# -- coding exercises: hidden cases, the reimplemented function disabled -----------------------
def test_marker_cases_agree_with_match_marker():
    for args, expected in ex.MARKER_CASES:
        marker = match_marker(*args)
        assert (marker.style if marker else None) == expected, args


def test_disabled_function_is_blocked_under_any_name_and_restored():
    from baogao.text.markers import match_marker as alias  # bound before the guard, under another name

    guard = collect.disabled(["baogao.text.markers:match_marker"])
    with guard:
        with pytest.raises(NotImplementedError):
            alias("一、")
        with pytest.raises(NotImplementedError):  # and inside the library too
            baogao.load("一、总体要求\n正文很长很长很长很长很长很长很长很长很长很长。", name="x").outline()
    assert guard.called
    assert match_marker("一、").style == "cn-dun" and alias is match_marker
    with pytest.raises(ZeroDivisionError):
        with collect.disabled(["baogao.text.markers:match_marker"]):
            1 / 0
    assert match_marker("（一）").style == "cn-paren"


def test_delegating_answer_is_rejected_even_when_it_swallows_the_error():
    def sly(line):
        try:
            from baogao.text.markers import match_marker as mm
            m = mm(line)
            return m.style if m else None
        except Exception:  # noqa: BLE001
            return ex.marker_style(line)

    outcome = ex.q3.check(sly)
    assert outcome.status == INCORRECT and "match_marker" in outcome.message
    assert match_marker("一、") is not None


def test_coding_feedback_quotes_the_call_and_the_students_result_only():
    def partial(line):
        return ex.marker_style(line) if not line.startswith("３") else "cn-dun"

    outcome = ex.q3.check(partial)
    assert outcome.status == INCORRECT
    assert "marker_style('３．完善制度') 返回了 'cn-dun'" in outcome.message
    assert "arabic-dot" not in outcome.message


def test_coding_errors_timeouts_and_non_functions():
    def broken(line):
        raise KeyError("x")

    assert "KeyError" in ex.q3.check(broken).message
    assert ex.q3.check("cn-dun").status == INCORRECT
    assert "函数" in ex.q3.check("cn-dun").message

    def endless(line):
        while True:
            pass

    slow = FunctionProblem(name="q9", title="t", variable="f", cases=[(["a"], 1)] * 5,
                           case_timeout=0.1, wrong_answers=[0])
    result = collect.run_cases(endless, [["a"]] * 5, timeout=0.1)
    assert result["outputs"] == [{"$": "timeout"}] * 5
    assert "超时" in slow.grade(result).message


# -- writing exercises: outline feedback and the lint hook ---------------------------------------
SPECIMEN_Q5 = """一、以加强政治建设为统领，带动全团进一步强化“四个意识”，坚定“四个自信”，做到“两个维护”。
二、把党史学习教育作为总体规划，继续深化对青少年的思想引导。
三、立足“十四五”开局，组织动员广大团员青年在新时代建功立业，在新征程上奋进。
四、（原标题缺失）
五、主动作为，积极拓展新时期共青团工作的空间和领域。
六、坚持不懈抓基层，夯实党的青年工作的基层基础。
七、适应国家治理体系和治理能力现代化的要求，全面深化共青团改革。
八、弘扬自我革命精神，扎实推进全面从严治团。"""


def test_writing_feedback_puts_the_headings_back_into_the_report():
    assert ex.q5.solution_answer(ex.assignment.report) == SPECIMEN_Q5  # 新时期 is kept: a query, not an error
    outcome = ex.q5.check(SPECIMEN_Q5)
    assert outcome.status == SUBMITTED and outcome.score is None and not outcome.issues
    assert outcome.checks[-1] == (True, "放回报告里，提纲认出 8 个一级标题，编号连续、样式一致")
    lines = SPECIMEN_Q5.split("\n")
    # Section 五 renumbered to fill the gap, the lost line left out.
    renumbered = "\n".join(f"{n}、" + x.split("、", 1)[1] for n, x in zip("一二三四五六七", lines[:3] + lines[4:]))
    assert any("丢了标题的部分也要占一行" in i for i in ex.q5.check(renumbered).issues)
    # The same eight lines with 五 written 四: its number is kept, not moved up.
    moved = "\n".join(lines[:4] + ["四、" + lines[4][2:]] + lines[5:])
    assert any("第 5 行的编号是“四、”" in i for i in ex.q5.check(moved).issues)
    invented = SPECIMEN_Q5.replace("（原标题缺失）", "推动青年发展规划深入实施。")
    assert any("不要替作者拟" in i for i in ex.q5.check(invented).issues)
    assert any("半角标点" in i for i in ex.q5.check(SPECIMEN_Q5.replace("，", ",")).issues)
    mixed = SPECIMEN_Q5.replace("做到“两个维护”。", "做到“两个维护”")
    assert any("末尾不一致" in i for i in ex.q5.check(mixed).issues)
    reworded = SPECIMEN_Q5.replace("坚持不懈抓基层，夯实党的青年工作的基层基础", "加强基层组织建设")
    assert any("文字与副本差别较大" in i for i in ex.q5.check(reworded).issues)
    assert "范文" in repr(ex.q5.solution()) and SPECIMEN_Q5 in repr(ex.q5.solution())
    assert "第 5、10、15、24、28、34、39 行" in repr(ex.q5.describe())


def test_model_answer_on_another_report_keeps_its_number_in_the_siblings_style():
    other = baogao.load("一、总体要求\n正文很长很长很长很长很长很长很长很长很长很长很长。\n"
                        "二、主要任务\n正文很长很长很长很长很长很长很长很长很长很长很长。\n"
                        "第四,保障措施\n正文很长很长很长很长很长很长很长很长很长很长很长。\n", name="三节")
    model = ex.q5.solution_answer(other)
    assert model == "一、总体要求\n二、主要任务\n三、（原标题缺失）\n四、保障措施"  # 三 was lost: 四 stays 四
    assert not ex.q5.grade(model, other).issues
    assert ex.q5.grade("一、总体要求\n二、主要任务\n三、（原标题缺失）\n第四,保障措施", other).issues


def test_linter_findings_on_the_rewritten_headings_are_advice():
    outcome = ex.q5.check(SPECIMEN_Q5)
    # The linter calls 新时期 outdated; the errata only query it: the note says so, the model keeps it.
    assert outcome.notes == [("你写的第 5 行：“新时期”：文风检查建议改为“新时代”；这份副本里它是不是原文的写法无从确知"
                              "（勘误表只列为存疑），本题只统一编号和标点，照录即可")]
    unified = writing.replace_line(writing.replace_line(baogao.specimen(), 24, SPECIMEN_Q5.split("\n")[4]), 5,
                                   SPECIMEN_Q5.split("\n")[0])
    assert any("新时期" in f.message for f in lint(unified) if f.line == 24)


def test_lint_hook_adds_findings_on_the_lines_as_advice(monkeypatch):
    Finding = types.SimpleNamespace
    monkeypatch.setattr(writing, "lint", lambda report: [
        Finding(line=25, message="标题里有“测试规则”发现的问题。"),  # row 5: raw line 24, one line down
        Finding(line=25, message="第二条发现"),
        Finding(line=3, message="别的行的问题不算"),
    ])
    outcome = ex.q5.check(SPECIMEN_Q5)
    assert outcome.notes == ["你写的第 5 行：标题里有“测试规则”发现的问题", "你写的第 5 行：第二条发现"]
    assert outcome.issues == []
    assert "文风提示（供参考）：\n  ※ 你写的第 5 行：标题里有“测试规则”发现的问题" in outcome.text()
    assert "※ 你写的第 5 行：第二条发现" in outcome.feedback


def test_lint_hook_survives_a_broken_linter(monkeypatch):
    def broken(report):
        raise RuntimeError("boom")

    monkeypatch.setattr(writing, "lint", broken)
    outcome = ex.q5.check(SPECIMEN_Q5)
    assert outcome.status == SUBMITTED and not outcome.issues
    assert outcome.notes == ["文风检查未能运行（RuntimeError），请教师留意"]


# -- reports -------------------------------------------------------------------------------------
def test_load_report_accepts_names_paths_and_reports(tmp_path):
    assert load_report("specimen") is baogao.specimen()
    assert load_report("2021_state-council_gwr").meta["id"] == "2021_state-council_gwr"
    path = tmp_path / "r.txt"
    path.write_text("一、总体要求\n正文。\n", encoding="utf-8")
    assert load_report(str(path)).text.startswith("一、")
    assert load_report(path).text.startswith("一、")
    report = baogao.specimen()
    assert load_report(report) is report
    with pytest.raises(UsageError, match="REPORT"):
        load_report(3)


def test_in_the_graders_kernel_a_check_checks_nothing(monkeypatch):
    # The grader grades the answers it collects itself; in its kernel (told by the
    # environment) a check only says so: it neither reads nor grades the answer.
    from baogao.exercises import problems

    problem = ex.q5  # a writing check: the one that lints a whole report
    monkeypatch.setenv(problems.GRADING_ENV, "1")
    monkeypatch.setattr(type(problem), "grade", lambda *a, **k: pytest.fail("graded in the grader's kernel"))
    shown = repr(problem.check("一、任何答案"))
    assert "批改时" in shown and "第 5 题" in shown
    monkeypatch.setenv(problems.GRADING_ENV, "0")  # anything but "1": the student's own kernel
    with pytest.raises(pytest.fail.Exception, match="graded in the grader's kernel"):
        problem.check("一、任何答案")
