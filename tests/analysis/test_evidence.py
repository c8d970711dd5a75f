"""Result claims and their evidence (baogao.analysis.evidence): cues, titles left alone, the
quantities of the same sentence, other reports."""

import pytest

import baogao
from baogao.analysis.evidence import CUE_KINDS, CUES, claim_cues, result_claims


@pytest.mark.parametrize("sentence,cues", [
    ("青少年的学习意识比以前有了很大提高。", [("comparison", "比以前"), ("degree", "很大")]),
    ("团的基层组织活力不断提高。", [("state", "不断提高")]),
    ("少先队建设迈上新台阶。", [("state", "迈上新台阶")]),
    ("改革取得了重要的阶段性成果。", [("state", "取得了重要的阶段性成果")]),
    ("收入同比增长5%。", [("comparison", "同比")]),
])
def test_cues(sentence, cues):
    assert claim_cues(sentence) == cues


@pytest.mark.parametrize("sentence", [
    "不断提高政治学习质量,找准工作重点。",        # a measure, not a result
    "党中央发布《关于全面加强新时代少先队工作的意见》。",  # a title is not read
    "认真贯彻《中国共产党党组工作条例》。",
])
def test_no_cue(sentence):
    assert claim_cues(sentence) == []


def test_every_kind_has_a_chinese_name():
    assert set(CUES) == set(CUE_KINDS)


def test_specimen_claims_and_their_figures():
    c = result_claims(baogao.specimen())
    assert list(c.columns) == ["line", "sentence", "text", "cues", "kinds", "quantities", "evidenced"]
    row = c[c["text"] == "青少年的学习意识比以前有了很大提高。"].iloc[0]
    assert (row["line"], row["cues"], row["quantities"], row["evidenced"]) == (12, ["比以前", "很大"], [], False)
    row = c[c["text"].str.startswith("总的来看")].iloc[0]
    assert row["line"] == 36 and row["quantities"] == ["5年", "9个", "363项", "359项"] and row["evidenced"]
    assert c["evidenced"].sum() == sum(bool(q) for q in c["quantities"])
    sentences = baogao.analyze(baogao.specimen()).sentences
    assert set(c["sentence"]) <= set(sentences.loc[sentences["kind"] == "paragraph", "sentence"])


def test_other_reports_and_an_empty_one():
    c = result_claims(baogao.get("2021_state-council_gwr"))
    assert len(c) > 0 and c["evidenced"].dtype == bool
    empty = result_claims(baogao.load("一、总体要求\n", name="空"))
    assert len(empty) == 0 and list(empty.columns)[0] == "line"
