"""Lesson 04's exercises beyond the generic walk of tests/exercises/test_exercises.py: the
specific feedback of each plausible wrong answer, the hidden cases of q3 against the kit's
own clause splitting, the writing checks, and the lesson's tables on other reports."""

from __future__ import annotations

import re

import pytest

import baogao
from baogao.analysis.lengths import clause_table
from baogao.analysis.tables import body_sentences
from baogao.course import lesson04_exercises as ex
from baogao.course import lesson04_rhythm as lesson
from baogao.course import lesson04_writing as writing
from baogao.course.lesson04_measures import length_bands, medians, sentence_clauses
from baogao.exercises import CORRECT, INCORRECT, SUBMITTED

RAW = baogao.specimen()


@pytest.fixture(autouse=True)
def on_the_specimen():
    ex.use("specimen")
    yield
    ex.use("specimen")


def message(problem, answer) -> str:
    outcome = problem.check(answer)
    assert outcome.status == INCORRECT, outcome.text()
    return outcome.message


# -- q1, q2 -------------------------------------------------------------------------------------
def test_q1_reads_a_list_or_a_dict_of_the_bands():
    bands = length_bands(RAW)
    assert ex.q1.check(bands).status == CORRECT
    assert ex.q1.check({"不到20字": bands[0], "20—39字": bands[1], "40—59 字": bands[2], "60—99字": bands[3],
                        "100字及以上": str(bands[4])}).status == CORRECT
    assert "五档" in message(ex.q1, {"不到 20 字": 1})
    assert "五个整数" in message(ex.q1, bands[:4])


def test_q1_says_what_went_wrong():
    lengths = [int(n) for n in body_sentences(RAW)["chars"]]
    assert "边界上的句子放错了档" in message(ex.q1, ex._inclusive(lengths))
    assert "标题、小标题" in message(ex.q1, ex._all_sentences(RAW))
    assert "段落的字数" in message(ex.q1, ex._paragraph_bands(RAW))
    assert "顺序反了" in message(ex.q1, length_bands(RAW)[::-1])
    bands = length_bands(RAW)
    assert "放错了档" in message(ex.q1, [bands[0] + 1, bands[1] - 1] + bands[2:])


def test_q2_says_what_went_wrong():
    assert ex.q2.check(medians(RAW)).status == CORRECT
    assert "平均数" in message(ex.q2, ex._means(RAW))
    assert "标题、小标题" in message(ex.q2, ex._all_medians(RAW))
    assert "顺序反了" in message(ex.q2, medians(RAW)[::-1])
    assert "四个数" in message(ex.q2, medians(RAW)[:3])


def test_q1_and_q2_follow_the_report_in_use():
    gwr = baogao.get("2021_state-council_gwr")
    ex.use(gwr)
    assert ex.q1.check(length_bands(gwr)).status == CORRECT
    assert ex.q1.check(length_bands(RAW)).status == INCORRECT
    assert ex.q2.check(medians(gwr)).status == CORRECT and medians(gwr)[0] == medians(gwr)[3]
    assert "2021 国务院" in lesson.assignment_note(gwr) and "第 1、2 题" in lesson.assignment_note(gwr)


# -- q3 ----------------------------------------------------------------------------------------
def kit_lengths(sentence: str) -> list[int]:
    return [n for _, n in sentence_clauses(sentence)]


def test_the_hidden_cases_agree_with_the_kit():
    for (sentence,), expected in ex.CLAUSE_CASES:
        assert expected == kit_lengths(sentence), sentence
    assert ex.clause_lengths("进口1,000万吨,增长10.5%。") == [8, 5]
    assert ex.clause_lengths("会议于10:30开始:请大家准时到会。") == [9, 7]
    assert ex.clause_lengths("通过改革,一方面,制度化") == [4, 3, 3]


@pytest.mark.parametrize("name", ["specimen", "2021_state-council_gwr", "1988_state-council_gwr"])
def test_the_reference_agrees_with_the_kit_on_every_body_sentence(name):
    report = baogao.get(name)
    table = clause_table(report)
    by_sentence = table.groupby("sentence")["chars"].apply(list).to_dict()
    for number, text in zip(body_sentences(report)["sentence"], body_sentences(report)["text"]):
        assert ex.clause_lengths(text) == by_sentence.get(number, []), text


def test_q3_wrong_implementations_fail_for_their_reason():
    assert "全部 16 个测试用例" in ex.q3.check(ex.clause_lengths).message
    assert "用到了 baogao" in message(ex.q3, ex._delegating)
    for wrong in (ex._full_width_only, ex._with_marks, ex._splits_items, ex._splits_numbers):
        text = message(ex.q3, wrong)
        assert "没有通过" in text and "clause_lengths(" in text
    assert ex.q3.check(ex._by_regex).status == CORRECT


# -- q4, q5 --------------------------------------------------------------------------------------
def test_q4_feedback_names_the_trap():
    assert ex.q4.check(["A", "D", "E", "F"]).status == CORRECT
    assert "有一组勘误表只记为存疑" in message(ex.q4, "ADF")
    assert "还少选了 1 项" in message(ex.q4, "ADF")
    assert message(ex.q4, "ADEFC").startswith("C 不对：")
    assert message(ex.q4, "ADEFG").startswith("G 不对：")
    assert "对照勘误表" in message(ex.q4, "ADE")
    for key in "BCGH":
        assert ex.q4.options[key][1], key  # every intact series says why it is intact


def test_q5_feedback_of_each_wrong_option():
    assert ex.q5.check("B").status == CORRECT
    assert "上市公司年报" in message(ex.q5, "A")
    assert "两篇的副词和连词比例差不多，样本报告还略低" in message(ex.q5, "C")
    assert "零碎" in message(ex.q5, "D")


# -- q6 ------------------------------------------------------------------------------------------
def failed(text: str) -> list[str]:
    outcome = ex.q6.check(text)
    assert outcome.status == SUBMITTED
    return outcome.issues


def test_q6_model_and_other_pass_every_check():
    assert failed(writing.MODEL) == [] and failed(writing.OTHER) == []


@pytest.mark.parametrize("wrong,why", [
    (writing.WRONG[0], "还是一句话"),
    (writing.WRONG[1], "提法少了或走了样：“组织力、引领力、服务力和大局贡献度”"),
    (writing.WRONG[2], "有半角标点"),
    (writing.WRONG[3], "用了原样版受损的写法：“金平”“党的十八大和历次全会”"),
    (writing.WRONG[4], "拆成两句或三句就够了"),
    (writing.WRONG[5], "“总揽全局”“组织、领导、服务能力”"),
    (writing.WRONG[6], "不要带上后面的“重点关注以下几个方面。”"),
])
def test_q6_says_what_is_wrong(wrong, why):
    assert any(why in issue for issue in failed(wrong)), failed(wrong)


def test_q6_long_sentence_and_fragment():
    long_one = writing.MODEL.replace("重要思想。全团按照", "重要思想，按照")
    assert any("100 字以上" in i for i in failed(long_one))
    fragment = writing.MODEL.replace("，得到了中央书记处的充分肯定。", "。得到了肯定。") + "中央书记处充分肯定。"
    assert any("残缺" in i or "只有" in i for i in failed(fragment))


# -- the lesson's tables on other reports ----------------------------------------------------------
TABLES = ("summary_table", "longest_table", "band_table", "comma_table", "clause_comparison", "clause_breakdown",
          "corpus_lengths", "readability_table", "parallel_table")


@pytest.mark.parametrize("name", ["specimen", "example:request_qingshi", "2021_state-council_gwr"])
def test_the_tables_have_chinese_columns_and_values(name):
    report = baogao.get(name)
    for fn in TABLES:
        frame = getattr(lesson, fn)(report)
        for column in frame.columns:
            assert re.search(r"[\u4e00-\u9fff]", str(column)), (fn, column)
        for column in frame.columns:
            if frame[column].dtype == object:
                for value in frame[column]:
                    assert not re.fullmatch(r"[a-z_]+", str(value)), (fn, column, value)
    for fn in ("trap_table", "series_table"):
        frame = getattr(lesson, fn)()
        assert all(re.search(r"[\u4e00-\u9fff]", c) for c in frame.columns), fn


def test_a_report_without_body_sentences():
    empty = baogao.load("关于学习的报告", name="只有标题")
    assert lesson.longest_caption(empty) == "这份报告没有正文句子。"
    assert lesson.clause_breakdown(empty).empty
    assert lesson.summary_table(empty)["数值"].tolist()[4] == "（没有正文句子）"
