"""The shipped measures are what ``text_stats`` computes now, and are used only for the
shipped texts they were computed from, loaded as the kit loads them."""

import json

import baogao
from baogao.analysis import shipped_stats
from baogao.analysis.stats import text_stats
from baogao.report import Report


def test_shipped_stats_are_current():
    reports = shipped_stats.shipped_reports()
    assert len(reports) == 17 + 2 + 5  # the corpus, the specimen's two editions, the examples
    assert shipped_stats.PATH.read_text(encoding="utf-8") == shipped_stats.payload(reports, text_stats), \
        "stale: run python tools/ship_stats.py"


def test_a_shipped_text_reads_its_stats_in_text_stats_order():
    for report in (baogao.corpus("2021_state-council_gwr"), baogao.specimen(), baogao.example("request_qingshi")):
        shipped = shipped_stats.lookup(report)
        assert shipped == text_stats(report), report.source
        assert list(shipped) == list(text_stats(report))
        assert baogao.analyze(report).stats == shipped
    raw, corrected = shipped_stats.lookup(baogao.specimen()), shipped_stats.lookup(baogao.specimen(edition="corrected"))
    assert raw != corrected  # two editions, two entries


def test_an_edited_or_unshipped_text_is_measured_afresh(monkeypatch):
    report = baogao.corpus("2021_state-council_gwr")
    edited = Report.from_text(report.text + "\n补充一段。", meta=dict(report.meta))
    edited.source = report.source
    assert shipped_stats.lookup(edited) is None  # the same name, another text
    assert shipped_stats.lookup(Report.from_text(report.text)) is None  # not loaded as the kit loads it
    # A stored number that disagrees with the text is never used: the digest must match.
    data = json.loads(shipped_stats.PATH.read_text(encoding="utf-8"))
    data["reports"]["2021_state-council_gwr"]["sha256"] = "0" * 64
    monkeypatch.setattr(shipped_stats, "_table", lambda version: data["reports"])
    assert shipped_stats.lookup(report) is None


def test_tables_of_many_reports_read_the_shipped_stats(monkeypatch):
    """The style table of a lesson and lesson 07's measures read the corpus's numbers from
    data/stats.json: measuring seventeen reports again took seconds on every fresh kernel."""
    from baogao.analysis import measures
    from baogao.concordance.profile import stats_table
    from baogao.course.lesson07_reading import measures_table

    corpus_ids = {r.source for r in baogao.corpus()}
    measured = []

    def only_unshipped(report):
        assert report.source not in corpus_ids, f"{report.source} measured again"
        measured.append(report.source)
        return text_stats(report)

    monkeypatch.setattr(measures, "text_stats", only_unshipped)
    table = stats_table([baogao.specimen()] + baogao.corpus())
    assert len(table) == 18 and measured == []
    frame = measures_table()
    assert len(frame) == 1 + 2 + 1 and len(measured) == 1  # the model draft alone is measured
