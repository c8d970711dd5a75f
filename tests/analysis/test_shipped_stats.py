"""The shipped corpus measures are what ``text_stats`` computes now, and are used only
for the shipped corpus texts they were computed from."""

import json

import baogao
from baogao.analysis import shipped_stats
from baogao.analysis.stats import text_stats
from baogao.report import Report
from baogao.sources.shipped import corpus


def test_shipped_corpus_stats_are_current():
    reports = corpus()
    assert len(reports) == 17
    assert shipped_stats.PATH.read_text(encoding="utf-8") == shipped_stats.payload(reports, text_stats), \
        "stale: run python tools/ship_corpus_stats.py"


def test_a_corpus_report_reads_its_shipped_stats_in_text_stats_order():
    report = baogao.corpus("2021_state-council_gwr")
    shipped = shipped_stats.lookup(report)
    assert shipped == text_stats(report)
    assert list(shipped) == list(text_stats(report))
    assert baogao.analyze(report).stats == shipped


def test_an_edited_or_unshipped_text_is_measured_afresh(monkeypatch):
    report = baogao.corpus("2021_state-council_gwr")
    edited = Report.from_text(report.text + "\n补充一段。", meta=dict(report.meta))
    assert shipped_stats.lookup(edited) is None  # the same id, another text
    same_text = Report.from_text(report.text)
    assert shipped_stats.lookup(same_text) is None  # not loaded as a corpus report
    assert shipped_stats.lookup(baogao.specimen()) is None
    # A stored number that disagrees with the text is never used: the digest must match.
    data = json.loads(shipped_stats.PATH.read_text(encoding="utf-8"))
    data["reports"]["2021_state-council_gwr"]["sha256"] = "0" * 64
    monkeypatch.setattr(shipped_stats, "_table", lambda version: data["reports"])
    assert shipped_stats.lookup(report) is None
