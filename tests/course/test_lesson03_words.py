"""Lesson 03 (用词与提法): its tables on every kind of report, its widget, and every exercise:
answers right in another form or by another method, the plausible wrong ones with their
specific feedback, hidden cases that agree with the library, the writing checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import baogao
from baogao.analysis.vocabulary import _style_parts
from baogao.course import LESSONS
from baogao.course import lesson03_words as ex
from baogao.analysis import vocabulary
from baogao.course.lesson03_feedback import KEYWORD_OPTIONS, STUDY_MODEL, STUDY_OTHER, stacked_adverbials
from baogao.exercises import CORRECT, INCORRECT, SUBMITTED
from baogao.text.lexicon import style_word_entries
from baogao.widgets import Concordance

ROOT = Path(__file__).resolve().parents[2]
RAW = baogao.specimen()
FIXTURES = ROOT / "tests" / "fixtures"
OTHERS = [baogao.get("2021_state-council_gwr"), baogao.get("example:request_qingshi"),
          baogao.load(FIXTURES / "wild_copy_hebei.txt"), baogao.load(FIXTURES / "auto_numbered.docx")]
ASCII_COLUMNS = {"word", "line", "count", "category", "lines", "report", "left", "right", "match", "type"}


def nb(path):
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _specimen_in_use():
    ex.use("specimen")
    yield
    ex.use("specimen")


def test_the_lesson_is_registered_with_its_files():
    lesson = next(item for item in LESSONS if item.id == "03_words")
    assert lesson.title == "用词与提法" and lesson.module() is ex
    for path in (lesson.notebook, lesson.solution, lesson.exercise):
        assert (ROOT / path).is_file(), path
    assert nb(lesson.solution)["metadata"]["baogao"] == {"assignment": "03_words"}
    assert list(ex.assignment.problems) == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]


@pytest.mark.parametrize("report", [RAW] + OTHERS, ids=["specimen", "gwr", "qingshi", "wild", "docx"])
def test_tables_have_chinese_columns_on_every_report(report):
    for table in (ex.style_word_table(report), ex.compound_table(report), ex.adverb_comparison(report),
                  ex.four_char_table(report), ex.formulation_findings(report), ex.era_table(report),
                  ex.keyword_table(report)):
        assert not set(table.columns) & ASCII_COLUMNS
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in str(c)) for c in table.columns), table.columns
    assert ex.report_label(report) and "/" not in ex.report_label(report)


def test_specimen_tables_have_chinese_values():
    assert set(ex.style_word_table(RAW)["类别"]) <= {"方式副词", "程度修饰语", "动作动词"}
    assert set(ex.four_char_table(RAW)["类型"]) <= set(ex.FOUR_CHAR_TYPES.values())
    assert set(ex.era_table(RAW)["用法"]) == {"时代称谓", "思想名称的一部分"}
    assert set(ex.organisation_errata()["把握程度"]) == {"确定", "很可能"}
    assert ex.damage_keywords()["勘误后排名"].tolist()[2:] == ["不是关键词"] * 6


def test_the_concordance_widget_answers_typing():
    widget = ex.concordance(RAW)
    assert isinstance(widget, Concordance)
    assert widget.count.value == "<b>“新时期”在本报告中共出现 4 次。</b>"
    widget.query.value = "新时代"
    assert widget.count.value == "<b>“新时代”在本报告中共出现 15 次。</b>"
    widget.query.value = "一年来"
    assert widget.count.value == "<b>“一年来”在本报告中共出现 11 次。</b>" and "一年来" in widget.table.value
    widget.query.value = "新时期"
    widget.scope.value = "corpus"
    assert widget.count.value == "<b>“新时期”在 17 篇参考报告中共出现 8 次，分布在 5 篇报告中。</b>"


def test_assignment_note_follows_the_report():
    assert "原样版" in ex.assignment_note(RAW)
    note = ex.assignment_note(OTHERS[0])
    assert "2021 国务院" in note and "第 5—7 题讲的是样本报告" in note


# -- q1, q2: the concordance --------------------------------------------------------------------
def test_q1_forms_and_feedback():
    right = {"新时期": [20, 24, 26, 37], "新时代": [3, 15, 17, 18, 35, 37, 41, 45]}
    for answer in (right, [right["新时期"], right["新时代"]], {"新时代": set(right["新时代"]), "新时期": "20、24、26、37"}):
        assert ex.q1.check(answer).status == CORRECT, answer
    assert "多算了" in ex.q1.check({"新时期": right["新时期"], "新时代": [3, 4, 7, 15, 17, 18, 35, 37, 41, 43, 44, 45, 46]}).message
    assert "勘误后版本" in ex.q1.check({"新时期": [18, 22, 24, 35], "新时代": right["新时代"]}).message
    assert "小了一" in ex.q1.check({"新时期": [19, 23, 25, 36], "新时代": right["新时代"]}).message
    assert "少了“新时代”" in ex.q1.check({"新时期": [20]}).message
    assert "有重复" in ex.q1.check({"新时期": right["新时期"], "新时代": right["新时代"] + [3]}).message


def test_q1_and_q2_follow_the_report():
    gwr = OTHERS[0]
    ex.use(gwr)
    assert ex.q1.check({"新时期": [], "新时代": [189]}).status == CORRECT
    assert ex.q2.check({"次数": 2, "段首": [19, 41]}).status == CORRECT
    assert ex.q3.check([32.51, 32.51]).status == CORRECT


def test_q2_forms_and_feedback():
    assert ex.q2.check([11, [45, 4, 43]]).status == CORRECT
    assert ex.q2.check({"段首": (4, 43, 45), "次数": "11"}).status == CORRECT
    assert "左侧的语境" in ex.q2.check({"次数": 11, "段首": [4, 6, 11, 16, 17, 20, 29, 35, 40, 43, 45]}).message
    assert "“次数”不对" in ex.q2.check({"次数": 10, "段首": [4, 43, 45]}).message
    assert "两项" in ex.q2.check({"次数": 11}).message


# -- q3: verbs per 1,000 characters ---------------------------------------------------------------
def test_q3_tolerance_and_feedback():
    assert ex.q3.check([20.09, 32.51]).status == CORRECT
    assert ex.q3.check((20.1, 32.5)).status == CORRECT
    assert ex.q3.check([20.2, 32.51]).status == INCORRECT
    assert "顺序反了" in ex.q3.check([32.51, 20.09]).message
    assert "次数，不是每千字" in ex.q3.check([178, 563]).message
    assert "两个数" in ex.q3.check(20.09).message and "一个数" in ex.q3.check(["20", 32.5]).message


# -- q4: the function on hidden cases --------------------------------------------------------------
def test_q4_cases_agree_with_the_library_where_they_use_its_words():
    kit = {w for w, _c, _g in style_word_entries()}
    for (token, words), expected in ex.q4.cases:
        assert ex.style_parts(token, words) == expected
        if words and set(words) <= kit and token:
            assert list(_style_parts(token)) == expected, token  # the whole list finds the same


def test_q4_another_implementation_passes_and_naive_ones_fail():
    def by_recursion(token, words):
        words = set(words)

        def scan(i, found, run):
            if i == len(token):
                runs_ok = run == 0 or run >= 2
                return found if runs_ok else None
            for k in range(len(token) - i, 1, -1):
                if token[i:i + k] in words:
                    if run == 1:
                        return None
                    return scan(i + k, found + [token[i:i + k]], 0)
            return scan(i + 1, found, run + 1)

        result = scan(0, [], 0)
        return result if result else []

    assert ex.q4.check(by_recursion).status == CORRECT
    outcome = ex.q4.check(lambda token, words: [w for w in words if w in token])
    assert outcome.status == INCORRECT and "部分得分" in outcome.message
    def delegating(token, words):
        return [found for found, _ in vocabulary.style_hits([])]

    assert "禁用" in ex.q4.check(delegating).message


# -- q5: the choice ---------------------------------------------------------------------------
def test_q5_every_wrong_option_is_explained():
    for letter in "ACD":
        outcome = ex.q5.check(letter)
        assert outcome.status == INCORRECT and KEYWORD_OPTIONS[letter][1] in outcome.message
    for answer in ("B", "b", "（B）", "选B", KEYWORD_OPTIONS["B"][0]):
        assert ex.q5.check(answer).status == CORRECT
    assert "只选一项" in ex.q5.check("AB").message


# -- q6: twelve formulations --------------------------------------------------------------------
def model():
    return ex.q6.solution_answer(RAW)


def test_q6_accepts_other_spellings_of_each_standard_form():
    other = {**model(), 2: "强信念", 5: "全方位交往、广泛交流、深度交融", 6: "一字不差", 8: "正确",
             9: "必须抓好后继有人这个根本大计", 10: "增强做中国人的志气、骨气、底气", 11: "请党放心,强国有我",
             12: "危中有机、危可转机"}
    assert ex.q6.check(other).status == CORRECT
    assert ex.q6.check({str(k): v for k, v in model().items()}).status == CORRECT
    assert ex.q6.check({**model(), 6: "全面从严治团"}).status == CORRECT  # the exact text itself, copied


@pytest.mark.parametrize("item,answer,feedback", [
    (1, "准确", "它走了样"), (1, "政治洞察力", "本身也走了样（第 43 行）"), (7, "政治悟性", "本身也走了样（第 6 行）"),
    (3, "国家大事", "不能意译"), (9, "准确", "决议原文"), (9, "做好后继有人这个根本大计", "动词还不是"),
    (9, "抓好接班人这个根本大计", "名词还不是"), (6, "全面从严治党", "是党的"), (8, "一岗两责", "本来就一字不差"),
    (12, "危机中有转机", "这不是规范写法"), (11, "请放心，党强，国有我", "它走了样"),
])
def test_q6_feedback_names_the_item_without_the_answer(item, answer, feedback):
    outcome = ex.q6.check({**model(), item: answer})
    assert outcome.status == INCORRECT
    assert f"第 {item} 项" in outcome.message and feedback in outcome.message, outcome.message
    right = model()[item]
    if right != "准确":
        assert right not in outcome.message


def test_q6_forms():
    assert "少了第 12 项" in ex.q6.check({k: v for k, v in model().items() if k != 12}).message
    assert "没有第 13 项" in ex.q6.check({**model(), 13: "准确"}).message
    assert "字典" in ex.q6.check(["政治领悟力"]).message
    assert "一段文字" in ex.q6.check({**model(), 1: 3}).message


# -- q7: the rewrite ----------------------------------------------------------------------------
def test_q7_model_and_another_good_rewrite_pass_every_check():
    for text in (STUDY_MODEL, STUDY_OTHER):
        outcome = ex.q7.check(text)
        assert outcome.status == SUBMITTED and not outcome.issues and not outcome.notes, outcome.text()


@pytest.mark.parametrize("text,issue", [
    (STUDY_MODEL.replace("系统回顾", "集中系统地回顾"), "状语叠用"),
    (STUDY_MODEL.replace("系统回顾", "认真深入地回顾"), "状语叠用"),
    (STUDY_MODEL.replace("学史崇德、学史力行", "学史力行、学史崇德"), "次序或标点"),
    (STUDY_MODEL.replace("学史力行", "践行历史"), "“践行历史”"),
    (STUDY_MODEL.replace("、撰写理论文章", ""), "“理论文章”"),
    (STUDY_MODEL.replace("，", ","), "半角标点"),
    (STUDY_MODEL.replace("，带头", "。带头"), "一句话"),
])
def test_q7_each_trap_is_named(text, issue):
    outcome = ex.q7.check(text)
    assert outcome.status == SUBMITTED and any(issue in i for i in outcome.issues), outcome.issues


def test_q7_the_original_sentence_fails_and_the_linter_adds_advice():
    outcome = ex.q7.check(ex.STUDY_SENTENCE)
    assert len(outcome.issues) == 4 and outcome.notes
    assert any("以史为鉴" in n for n in outcome.notes)
    assert "第 43 行" in repr(ex.q7.describe()) and "范文" in repr(ex.q7.solution())


def test_stacked_adverbials():
    assert stacked_adverbials("努力深入学习领会习近平新时代中国特色社会主义思想。") == ["努力深入"]
    assert stacked_adverbials("切实认真地落实。") == ["切实认真地"]
    for fine in ("不断提高质量。", "也不断加强。", "认真落实各项部署。", "做到学史明理。"):
        assert stacked_adverbials(fine) == [], fine


def test_the_exercise_notebook_keeps_the_questions_and_drops_the_answers():
    cells = nb("exercises/03_words.ipynb")["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert prose.count("想一想：为什么？") == 7 and prose.count("（请在这里作答）") == 7
    for answer in ("国之大者", "抓好后继有人", "学史明理", "[20, 24, 26, 37]", "k[k[\"left\"] == \"\"]", "runs.append"):
        assert answer not in prose + code, answer
    assert "BEGIN SOLUTION" not in prose + code
    assert "def style_parts(token, words):" in code and "ex.q4.check(style_parts)" in code
