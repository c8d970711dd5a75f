"""Lead sentences (主旨句) of the specimen against an independent hand-written reading."""

import json
from pathlib import Path

import baogao
from baogao.analysis.tables import lead_sentences

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "specimen_leads.json"


def _expected():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_texts_are_first_sentences_of_their_lines():
    report = baogao.specimen()
    fixture = _expected()
    for e in fixture["leads"]:
        assert report.line(e["line"]).text.startswith(e["text"]), e
        assert e["text"].endswith("。")
    judged = [e["line"] for e in fixture["leads"]] + [e["line"] for e in fixture["not_leads"]]
    assert len(judged) == len(set(judged))  # no paragraph judged twice


def test_lead_sentences_match_hand_reading():
    report = baogao.specimen()
    want = [(e["line"], e["text"]) for e in _expected()["leads"]]
    leads = lead_sentences(report)
    got = [(int(line), text) for line, text in zip(leads["line"], leads["text"])]
    assert got == want


def test_not_leads_are_not_detected():
    leads = lead_sentences(baogao.specimen())
    detected = set(int(x) for x in leads["line"])
    for e in _expected()["not_leads"]:
        assert e["line"] not in detected, e
