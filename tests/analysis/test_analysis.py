"""Analysis: one object per report, every part a DataFrame, computed once."""

import json

import baogao
from baogao.analysis.measures import analyze
from baogao.analysis.tables import lead_sentences, sentence_table, token_table


def test_analysis_is_cached_and_complete():
    r = baogao.specimen()
    a = analyze(r)
    assert analyze(r) is a and baogao.analyze(r) is a
    assert a.sentences is a.sentences  # computed once
    a.compute_all()
    assert len(a.leads) == 22 and len(a.quantities) == 69
    assert {"formulation", "kind", "count", "lines", "source"} <= set(a.formulations.columns)
    assert "四个意识" in set(a.formulations["formulation"])
    assert len(a.paragraphs) == 47 and a.paragraphs["kind"].iloc[1] == "boilerplate"
    json.dumps(a.stats)
    assert a.stats_frame.loc["specimen", "chars"] == a.stats["chars"] == 9211
    assert a.readability["note"] and "上市公司" in a.readability["note"]


def test_sentence_and_token_tables_point_into_the_text():
    r = baogao.specimen()
    s = sentence_table(r)
    for row in s.itertuples():
        assert r.text[row.start:row.end] == row.text
        assert r.position(row.start) == (row.line, row.column)
    t = token_table(r)
    assert "".join(t["word"]) == "".join(p.text for p in r.paragraphs)
    for row in t.sample(200, random_state=1).itertuples():
        assert r.text[row.start:row.end] == row.word
        assert s.loc[row.sentence - 1, "start"] <= row.start < s.loc[row.sentence - 1, "end"]
    assert list(lead_sentences(r)["line"])[:3] == [7, 8, 9]


def test_lexicon_keeps_formulations_whole():
    r = baogao.load("增强“四个意识”，发展新质生产力，坚持全过程人民民主，胸怀国之大者。")
    words = set(token_table(r)["word"])
    assert {"四个意识", "新质生产力", "全过程人民民主", "国之大者"} <= words


def test_every_corpus_report_analyses():
    for r in baogao.corpus():
        a = analyze(r)
        assert len(a.tokens) > 1000 and a.stats["sentences"] > 100
        assert not a.quantities.empty
