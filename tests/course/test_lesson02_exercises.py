"""Lesson 02 (段落的写法): its files and widgets, Chinese tables on any report, and for every
exercise the answers that are right in another form, the plausible wrong ones with their
specific feedback, the hidden cases checked against the kit, and the report each follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import baogao
from baogao.analysis.leads import PATTERNS
from baogao.course import LESSONS
from baogao.course import lesson02_paragraphs as ex
from baogao.exercises import CORRECT, INCORRECT, SUBMITTED
from baogao.structure.numbering import opens_with_lead
from baogao.text.sentences import sentence_spans
from baogao.widgets import Highlighter, Quiz
from notebook_cells import cell_list as cells

ROOT = Path(__file__).resolve().parents[2]
RAW = baogao.specimen()


@pytest.fixture
def specimen_in_use():
    yield
    ex.use("specimen")


# -- files ------------------------------------------------------------------------------------
def test_lesson02_files_title_and_link():
    lesson = next(x for x in LESSONS if x.id == "02_paragraphs")
    assert lesson.title == "段落的写法"
    for path in (lesson.notebook, lesson.solution, lesson.exercise):
        assert (ROOT / path).is_file(), path
    prose = "\n".join(cells(lesson.notebook, "markdown"))
    assert prose.startswith("# 第 2 课　段落的写法") and "(../exercises/02_paragraphs.ipynb)" in prose
    assert prose.count("先预测") >= 5 and "学习目标" in prose and "时长" in prose and "小结" in prose
    code = cells(lesson.notebook, "code")
    widgets = [c for c in code if "highlighter(" in c or "quiz(" in c]
    assert len(widgets) == 2 and all(c.startswith("# NBVAL_IGNORE_OUTPUT") for c in widgets)


def test_the_exercise_notebook_keeps_the_questions_and_drops_the_answers():
    prose = "\n".join(cells("exercises/02_paragraphs.ipynb", "markdown"))
    code = "\n".join(cells("exercises/02_paragraphs.ipynb", "code"))
    assert prose.count("想一想：为什么？") == 7 and prose.count("（请在这里作答）") == 7
    for answer in ('{6: "A"', '{7: "C"', "re.findall", "setdefault", "突击队作用", "同志们，新的一年", "BEGIN SOLUTION"):
        assert answer not in prose + code, answer
    for stub in ("q1_answer = ...", "q3_answer = ...", "q4_answer = ...", "q5_answer = ...", "q6_answer = ...",
                 "q7_answer = ..."):
        assert stub in code, stub


def test_the_solution_notebook_holds_the_model_answers():
    code = "\n".join(cells("solutions/02_paragraphs.ipynb", "code"))
    joined = code.replace('"\n             "', "")
    assert ex.REWRITE_MODEL in joined and ex.CLOSING_MODEL in joined
    assert 'q4_answer = {6: "A", 11: "A", 14: "C", 16: "A", 20: "B", 25: "A", 29: "A", 35: "A", 40: "A"}' in code
    assert f"q5_answer = {ex.Q5_ANSWER}".replace("'", '"') in code
    assert ex.q4.solution_answer(RAW) == {6: "A", 11: "A", 14: "C", 16: "A", 20: "B", 25: "A", 29: "A", 35: "A", 40: "A"}


# -- tables and widgets on any report --------------------------------------------------------------
REPORTS = ["specimen", "2021_state-council_gwr", "example:request_qingshi", "example:report_gongwen"]
TABLES = ["roles_table", "roles_summary", "leads_table", "patterns_summary", "sections_table", "intro_table",
          "forward_table", "length_table"]


@pytest.mark.parametrize("name", REPORTS)
def test_every_table_has_chinese_columns_and_values(name):
    report = baogao.get(name)
    frames = [getattr(ex, t)(report) for t in TABLES] + [ex.development_table(), ex.opening_table(),
                                                          ex.transition_table(), ex.closing_table()]
    for frame in frames:
        assert all(re.search("[\u4e00-\u9fff]", str(c)) for c in frame.columns), list(frame.columns)
        for column in frame.columns:
            for value in frame[column]:
                if isinstance(value, str):
                    assert not re.fullmatch(r"[a-z_]+", value), (column, value)  # no English keys


def test_the_highlighter_shows_leads_and_a_chosen_section():
    h = ex.highlighter(RAW)
    assert isinstance(h, Highlighter) and h.layers == ["leads", "headings"]
    assert h.toggles["leads"].description == "主旨句（22）"
    h.section.value = 10
    assert "努力提高覆盖率。" in h.view.value and "鲜明的政治立场" not in h.view.value
    assert h.view.value.count("\"hl hl-leads\"") == 2  # lines 12 and 13
    h.toggles["leads"].value = False
    assert "\"hl hl-leads\"" not in h.view.value
    h.section.value = 15
    assert "打开青年政治参与的渠道" in h.view.value  # line 23: section 三 runs on, its heading lost


def test_the_quiz_answers_a_choice_and_a_click():
    quiz = ex.quiz()
    assert isinstance(quiz, Quiz) and len(quiz.views) == 4
    quiz.views[0].choice.value = "背景式"
    assert "正确" in quiz.views[0].feedback.value
    quiz.views[1].choice.value = "根据式"
    assert "不正确" in quiz.views[1].feedback.value and "目的式" in quiz.views[1].feedback.value
    view = quiz.views[3]
    k = next(i for i, (a, _b, _t) in enumerate(view.spans) if view.question.sentence[a:a + 5] == "要主动备战")
    view.buttons[k].click()
    assert "正确！错误在“要”" in view.feedback.value and "得分：2 / 4" in quiz.score.value


# -- q1 --------------------------------------------------------------------------------------------
def test_q1_other_forms_and_feedback():
    groups = ex.pattern_groups(RAW)
    chinese = {PATTERNS[k]: v for k, v in groups.items()}
    for answer in (chinese, {k: tuple(v) for k, v in groups.items()},
                   {k.replace("＋", "+").replace("……", "..."): v for k, v in chinese.items()},
                   {**chinese, "动词＋宾语": "22、23、26、41"}):
        assert ex.q1.check(answer).status == CORRECT, answer
    assert "从 0 开始" in ex.q1.check({k: [n - 1 for n in v] for k, v in chinese.items()}).message
    assert "两组" in ex.q1.check({**chinese, "主语＋谓语": chinese["主语＋谓语"] + [22]}).message
    assert "少了" in ex.q1.check({k: v for k, v in chinese.items() if k != "在……中……"}).message
    assert "不是主旨句所在的行" in ex.q1.check({**chinese, "在……中……": [17, 18, 19, 20]}).message
    assert "只分了一组" in ex.q1.check({"动词＋宾语": sorted(n for v in groups.values() for n in v)}).message
    assert "不是句式的名称" in ex.q1.check({"被动句": [7]}).message
    assert "字典" in ex.q1.check([7, 8]).message


# -- q2 --------------------------------------------------------------------------------------------
def test_q2_cases_agree_with_the_kit():
    for (paragraph,), expected in ex.LEAD_CASES:
        text = paragraph.strip()
        spans = sentence_spans(text)
        kit = text[spans[0][0]:spans[0][1]] if opens_with_lead(text) else None
        assert kit == expected, paragraph
        assert ex.lead_of(paragraph) == expected


def test_q2_another_implementation_passes_and_the_slips_get_partial_credit():
    assert ex.q2.check(ex._lead_of_by_scanning).status == CORRECT
    for slip, case in ((ex._no_ascii_marks, "一年来,全团"), (ex._one_sentence_ok, "推动均衡发展。"),
                       (ex._no_closers, "提出“党旗所指")):
        outcome = ex.q2.check(slip)
        assert outcome.status == INCORRECT and 0 < outcome.score < 1 and case in outcome.message
    blocked = ex.q2.check(ex.q2.wrong(RAW)[0])
    assert blocked.status == INCORRECT and "opens_with_lead" in blocked.message and blocked.score == 0


# -- q3 --------------------------------------------------------------------------------------------
def test_q3_other_forms_and_feedback():
    want = [3, 4, 6, 11, 14, 16, 20, 25, 29, 35, 40, 43, 44, 45, 46]
    for answer in (want, set(want), "、".join(map(str, want)), tuple(reversed(want))):
        assert ex.q3.check(answer).status == CORRECT
    assert "从 0 开始" in ex.q3.check([n - 1 for n in want]).message
    assert "标题不是正文段落" in ex.q3.check(want + [5]).message
    assert "网站加的文字" in ex.q3.check(want + [1]).message
    assert "以主旨句开头的" in ex.q3.check(want + [12]).message
    assert "开头和结尾部分" in ex.q3.check([6, 11, 14, 16, 20, 25, 29, 35, 40]).message
    assert "重复" in ex.q3.check(want + [3]).message


# -- q4, q5 --------------------------------------------------------------------------------------------
def test_q4_forms_and_feedback():
    want = ex.q4.solution_answer(RAW)
    assert ex.q4.check({str(k): f"（{v}）" for k, v in want.items()}).status == CORRECT
    assert "丢了" in ex.q4.check({**want, 20: "A"}).message
    assert "实践证明" in ex.q4.check({**want, 14: "A"}).message
    assert "断掉的段落也可能是总述段" in ex.q4.check({**want, 25: "C"}).message
    assert "上一行就是本部分的标题" in ex.q4.check({**want, 6: "B"}).message
    assert "第 12 行不在这道题里" in ex.q4.check({**want, 12: "A"}).message
    assert "还少了几段" in ex.q4.check({k: v for k, v in want.items() if k != 40}).message
    assert "不是选项" in ex.q4.check({**want, 6: "D"}).message
    assert repr(ex.q4_options()).count("\n  ") == 3


def test_q5_forms_and_feedback():
    assert ex.q5.check({"7": "c", "23": "选E", "31": ex.Q5_OPTIONS["A"][0], "32": "B"}).status == CORRECT
    assert ex.q5.check({**ex.Q5_ANSWER, 23: "A"}).message == "第 23 行选 A 不对：这一段讲的就是共青团的工作（代表建议、提案）。"
    assert "都不超过 30 个字" in ex.q5.check({**ex.Q5_ANSWER, 31: "D"}).message
    assert "只判断第 7、23、31、32 行" in ex.q5.check({7: "C"}).message
    shown = repr(ex.q5_options())
    assert all(f"第 {n} 行：" in shown for n in ex.Q5_LINES)


# -- q6, q7 --------------------------------------------------------------------------------------------
def issues(problem, text):
    outcome = problem.check(text)
    assert outcome.status == SUBMITTED
    return outcome.issues


def test_q6_names_each_trap():
    assert issues(ex.q6, ex.REWRITE_MODEL) == [] and issues(ex.q6, ex.REWRITE_OTHER) == []
    model = ex.REWRITE_MODEL
    traps = {
        model.replace("主动备战", "要主动备战"): "不用提出要求的“要”",
        model.replace("共出动", "将出动"): "说将来的“将”",
        model.replace("在急难险重任务中发挥突击队作用。", "在急难险重任务中，共青团发挥了突击队作用。"): "只有一个分句",
        model.replace("，动员388.1万名青年团员参加志愿服务", ""): "388.1",
        model.replace("，", ","): "半角标点",
        model.replace("。面对河南", "。\n面对河南"): "不要分行",
        RAW.line(22).text.replace(",", "，").replace(";", "；"): "几乎一样",
        "在急难险重任务中发挥突击队作用。": "只有一句话",
    }
    for text, issue in traps.items():
        assert any(issue in i for i in issues(ex.q6, text)), (issue, issues(ex.q6, text))
    assert "第 22 行" in ex.q6.check(ex.REWRITE_OTHER).text()


def test_q6_is_read_in_the_specimen_whatever_the_report(specimen_in_use):
    ex.use("2021_state-council_gwr")
    assert issues(ex.q6, ex.REWRITE_MODEL) == []
    assert "第 17 行和第 22 行" in repr(ex.q6.describe())


def test_q7_names_each_trap():
    assert issues(ex.q7, ex.CLOSING_MODEL) == [] and issues(ex.q7, ex.CLOSING_OTHER) == []
    traps = {
        RAW.line(46).text.replace(",", "，") + "。": "第 46 行",
        "在新的一年里，共青团将坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平总书记“三个代表”重要思想，"
        "团结带领广大团员青年为实现中华民族伟大复兴而奋斗！": "第 46 行",
        ex.gwr_closing(): "几乎一样",
        "特此报告。": "没有号召的话",
        ex.CLOSING_MODEL.replace("团结在", "聚集在").replace("带领", "引导"): "团结一心",
        ex.CLOSING_MODEL.replace("为建设教育强国、实现中华民族伟大复兴的中国梦贡献青春力量！", "好好干！"): "为什么目标",
        ex.CLOSING_MODEL.rstrip("！"): "句末标点",
        ex.CLOSING_MODEL.replace("，", ","): "半角标点",
    }
    for text, issue in traps.items():
        assert any(issue in i for i in issues(ex.q7, text)), (issue, issues(ex.q7, text))


# -- the report each problem follows ---------------------------------------------------------------
def test_q1_to_q3_follow_the_report_and_q4_to_q6_stay_on_the_specimen(specimen_in_use):
    report = ex.use("2021_state-council_gwr")
    assert "只针对样本报告的原样版" in repr(ex.scope_note())
    assert ex.q1.check(ex.pattern_groups(report)).status == CORRECT
    assert ex.q1.check(ex.pattern_groups(RAW)).status == INCORRECT
    assert ex.q3.check(ex.q3.solution_answer(report)).status == CORRECT
    assert ex.q3.solution_answer(report) != ex.q3.solution_answer(RAW)
    assert ex.q4.check(ex.q4.solution_answer(RAW)).status == CORRECT
    assert ex.q5.check(ex.Q5_ANSWER).status == CORRECT
    empty = ex.use("example:request_qingshi")  # no lead sentence at all
    assert ex.q1.solution_answer(empty) == {} and ex.q1.check({}).status == CORRECT
    ex.use("specimen")
    assert "原样版" in repr(ex.scope_note()) and "只针对" not in repr(ex.scope_note())
