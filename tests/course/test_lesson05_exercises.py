"""Lesson 05's assignment beyond the generic walk of tests/exercises: the hidden cases agree
with the kit, the arithmetic is the kit's, the judgement options quote the text, the writing
feedback reads the right line."""

from __future__ import annotations

import math

import baogao
from baogao.analysis.quantities import extract_quantities
from baogao.course import lesson05_evidence as ex
from baogao.course import lesson05_exercises as exercises
from baogao.course import lesson05_writing as writing
from baogao.exercises import CORRECT, INCORRECT

RAW = baogao.specimen()


def test_the_specimen_cases_are_specimen_text_and_the_kit_reads_them_the_same_way():
    raw_cases = exercises.FIGURE_CASES[:len(exercises._RAW_CASES)]
    for (text, units), expected in raw_cases:
        assert any(text in p.text for p in RAW.paragraphs), text
        kit = [[q.raw, q.value, q.unit, q.qualifier] for q in extract_quantities(text)]
        assert kit == expected, text


def test_the_made_up_cases_cover_what_the_rules_name():
    made_up = {text: expected for (text, _units), expected in exercises.FIGURE_CASES[len(exercises._RAW_CASES):]}
    assert made_up["约1200名志愿者参加,其中超过300人是大学生"] == [["约1200名", 1200, "名", "约"], ["超过300人", 300, "人", "超过"]]
    assert made_up["累计培训5000人左右"] == [["5000人左右", 5000, "人", "左右"]]
    assert made_up["投入资金4.1亿元,减税降费超过2.5万亿元"] == [["4.1亿元", 410000000, "元", ""],
                                                         ["超过2.5万亿元", 2500000000000, "元", "超过"]]
    assert made_up["开展调研3次,形成报告3篇"] == [["3篇", 3, "篇", ""]]
    assert 4.1 * 10 ** 8 != 410000000  # the float slip the hint names
    assert len(exercises.FIGURE_CASES) == 18


def test_the_arithmetic_expected_values():
    assert exercises._q3_expected() == (98.9, 83)
    low, high = exercises._q4_expected()
    assert math.floor(low) == 1077 and high == 200
    for answer in ({"完成比例": 98.9, "至少完成": 83}, {"完成比例": "98.9%", "至少完成": "83项"}, [98.88, 83]):
        assert ex.q3.check(answer).status == CORRECT, answer
    for answer in ({"每个社区至少": 1077, "每个项目不到": 200}, {"每个社区至少": 1077.28, "每个项目不到": "200"}):
        assert ex.q4.check(answer).status == CORRECT, answer
    assert ex.q4.check({"每个社区至少": 1078, "每个项目不到": 200}).status == INCORRECT
    assert ex.q4.check({"每个社区至少": 1077, "每个项目不到": 199}).status == INCORRECT
    assert "百分数" in ex.q3.check({"完成比例": 0.989, "至少完成": 83}).message


def test_q1_follows_the_report_in_use():
    other = baogao.get("2021_state-council_gwr")
    try:
        ex.use(other)
        q = baogao.analyze(other).quantities
        expected = {k: int(v) for k, v in q[q["qualifier"] != ""]["qualifier"].value_counts().items()}
        assert ex.q1.check(expected).status == CORRECT
        assert ex.q1.check({"多": 13, "以上": 5, "近": 3, "余": 2}).status == INCORRECT
        assert "第 3—7 题只针对样本报告的原样版" in repr(ex.scope_note())
    finally:
        ex.use("specimen")


def test_choice_feedback_names_the_kind_of_problem_not_the_letter():
    outcome = ex.q5.check("ABC")
    assert outcome.status == INCORRECT and "省级单位" in outcome.message and "D" not in outcome.message
    outcome = ex.q6.check("AB")
    assert "年份" in outcome.message and "C" not in outcome.message
    assert "GB/T 15834" in ex.q5.check("ABCDF").message


def test_the_judgement_options_quote_the_specimen():
    """The quotations the options build with ``_quoted`` are checked when the module loads; the
    others are these."""
    for line, words in ((17, "1400多支青年突击队"), (43, "开展学习26项"), (43, "书记处会议35次"), (33, "26个省份")):
        assert words in RAW.line(line).text, (line, words)
    assert "4000多万团员" in ex.q6.question and "去年底" in ex.q6.question


def test_writing_feedback_reads_line_14_or_17():
    assert writing.rewrite_target(writing.MODEL) == 17
    assert writing.rewrite_target(writing.OTHER) == 14
    checks, _notes = writing.feedback(RAW.line(14).text)
    failed = [m for ok, m in checks if not ok]
    assert any("相对的时间" in m for m in failed) and any("量词" in m for m in failed)
    checks, _notes = writing.feedback(writing.MODEL.replace("队员25.3万人次", "25.3万人次"))
    assert [m for ok, m in checks if not ok] == ["还写着“突击队……人次”：突击队论支，人次数的是出动的队员（写“突击队队员……人次”）"]
    assert writing.person_units("动员388.1万人，组织2900多名村团干部") == {"人", "名"}
