"""Lesson 06's assignment beyond the generic walk of tests/exercises: the expected values are the
scorer's, the hidden cases agree with the kit's rule on the specimen, the judgement answers are the
errata's, and the writing feedback reads the raw lines."""

from __future__ import annotations

import baogao
from baogao.course import lesson06_exercises as exercises
from baogao.course import lesson06_judgement as judgement
from baogao.course import lesson06_proofreading as ex
from baogao.course import lesson06_writing as writing
from baogao.exercises import CORRECT, INCORRECT
from baogao.lint import lint
from baogao.lint.claims import from_findings
from baogao.lint.scoring import score
from baogao.sources.errata import load_errata

RAW = baogao.specimen()


def test_q1_and_q2_expect_what_the_scorer_says():
    result = score(from_findings(lint(RAW)))
    expected = {c["category"]: [c["found"], c["entries"]] for c in result["categories"]
                if c["catchable"] and c["entries"]}
    assert ex.q1.check(expected).status == CORRECT
    assert "ascii_punctuation" not in expected and "stray_space" not in expected
    missed = [x["id"] for x in result["entries"] if not x["found_by"]]
    assert ex.q2.check(missed).status == CORRECT and ex.q2.check(missed[:-1]).status == INCORRECT
    assert "次序反了" in ex.q1.check({k: [b, a] for k, (a, b) in expected.items()}).message


def test_the_doubled_words_rule_agrees_with_the_kit_on_the_specimen():
    kit = [(f.line, f.text) for f in lint(RAW, select=["duplicated-words"])]
    mine = [(p.line, p.text[a:b]) for p in RAW.paragraphs for a, b, _w in exercises.doubled_words(p.text)]
    assert mine == kit == [(33, "晋级晋级"), (43, "以史为鉴、以史为鉴")]
    for (text,), _expected in exercises.DOUBLED_CASES[:len(exercises._RAW_CASES)]:
        assert any(text in p.text for p in RAW.paragraphs), text
    assert sum(bool(expected) for _args, expected in exercises.DOUBLED_CASES) >= 4
    assert exercises.doubled_words("扎扎实实，一代一代，社会保障、保障性住房") == []


def test_q4_answer_is_the_errata_catchable_column():
    e = load_errata().set_index("id")
    letters = "".join(k for k, (eid, _t, _w) in judgement.Q4_ITEMS.items() if e.loc[eid, "catchable"])
    assert letters == judgement.q4_answer() == "ADFH"
    outcome = ex.q4.check("ADF")
    assert outcome.status == INCORRECT and "提法" in outcome.message and "H" not in outcome.message


def test_q5_queries_are_unknown_in_the_errata():
    e = load_errata().set_index("id")
    assert e.loc["E048", "certainty"] == e.loc["E143", "certainty"] == "unknown"
    assert any(f.rule == "outdated-formulation" and f.line == 20 for f in lint(RAW))
    assert ex.q5.check("AC").status == CORRECT and ex.q5.check("ACE").status == INCORRECT


def test_writing_feedback_reads_the_raw_lines_and_the_errata():
    checks, _notes = writing.feedback(writing.MODEL)
    assert all(ok for ok, _m in checks)
    assert any("E021" in m for ok, m in checks if ok)
    checks, _notes = writing.feedback(writing.MODEL.replace("第 7 行", "第 8 行"))
    assert [m for ok, m in checks if not ok] == ["第 1 条的引文不在原样版第 8 行：引文照原样版抄录（半角逗号也照录）"]
    query = writing.OTHER.replace("此处是否为原文写法，请作者核对", "建议改为“新时代”")
    failed = [m for ok, m in writing.feedback(query)[0] if not ok]
    assert failed and "E048" in failed[0]
    assert writing.unknown_entries(20, ["新时期青年工作"]) == ["E048"]
