"""The parser reproduces outlines written by hand, by reading (tests/fixtures/expected)."""

import json
from pathlib import Path

import pytest

import baogao
from baogao.sources.shipped import EXAMPLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def load_report(source: str):
    if source == "specimen":
        return baogao.specimen()
    kind, name = source.split("/", 1)
    if kind == "wild":  # a copy as found on the web (tests/fixtures/wild, README.md there)
        return baogao.load(FIXTURES / "wild" / name)
    return baogao.example(name) if kind == "examples" else baogao.corpus(name)


#: Outlines that also give enumerations and parts (a wild copy's gives title block,
#: residue, headings, issues and split paragraphs only).
FULL = [p for p in EXPECTED if "parts" in json.loads(p.read_text(encoding="utf-8"))]


def _case(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    outline = load_report(expected["source"]).outline()
    got = outline.to_dict()
    got["split_paragraphs"] = [list(s.lines) for s in outline.split_paragraphs]
    return expected, got


@pytest.fixture(params=EXPECTED, ids=[p.stem for p in EXPECTED])
def case(request):
    return _case(request.param)


@pytest.fixture(params=FULL, ids=[p.stem for p in FULL])
def full_case(request):
    return _case(request.param)


def test_there_are_enough_hand_written_outlines():
    names = {p.stem for p in EXPECTED}
    assert {"specimen", "report_gongwen", "request_qingshi", "notice_tongzhi", "report_numbered",
            "summary_zongjie", "1978_state-council_gwr",
            "1988_state-council_gwr", "2009_state-council_gwr", "2021_state-council_gwr"} <= names
    assert len([n for n in names if n[:4].isdigit()]) >= 6
    # Wild copies: two congress reports, two scraped provincial reports with page residue, a
    # Wikisource State Council report and the 公告 at least (tests/fixtures/wild/README.md).
    wild = {n for n in names if n.startswith("wild_")}
    assert len(wild) >= 8
    assert {"wild_cpc16_congress_report_wikisource", "wild_cpc17_congress_report_wikisource",
            "wild_2026_hebei_gwr_scraped", "wild_2026_ningxia_gwr_scraped",
            "wild_2014_state-council_gwr_wikisource", "wild_2020_haikou_water_tongzhi_pkulaw"} <= wild


def test_full_outlines_are_the_clean_texts():
    assert len(FULL) == len([p for p in EXPECTED if not p.stem.startswith("wild_")])
    assert all("enumerations" in json.loads(p.read_text(encoding="utf-8")) for p in FULL)


def test_every_example_has_its_outline():
    assert {p.stem for p in EXPECTED} >= set(EXAMPLES)


def test_genre_and_title(case):
    expected, got = case
    assert got["genre"] == expected["genre"]
    assert got["doc_type"] == expected.get("doc_type")  # absent: the title names no 文种 (or a speech)
    assert got["title"] == expected["title"]


def test_elements(case):
    expected, got = case
    special = [{"kind": e["kind"], "line": e["line"]} for e in got["elements"]
               if e["kind"] not in ("paragraph", "heading")]
    assert special == expected["elements"]


def test_headings(case):
    expected, got = case
    assert got["headings"] == expected["headings"]


def test_enumerations(full_case):
    expected, got = full_case
    assert got["enumerations"] == expected["enumerations"]


def test_numbering_issues(case):
    expected, got = case
    found = [{k: i[k] for k in ("kind", "line", "expected")} for i in got["numbering_issues"]]
    want = [{k: i[k] for k in ("kind", "line", "expected")} for i in expected["numbering_issues"]]
    key = lambda i: (i["line"], i["kind"])  # noqa: E731
    assert sorted(found, key=key) == sorted(want, key=key)


def test_split_paragraphs(case):
    expected, got = case
    assert got["split_paragraphs"] == expected.get("split_paragraphs", [])


def test_parts(full_case):
    expected, got = full_case
    assert [{"kind": p["kind"], "line": p["line"]} for p in got["parts"]] == \
        [{"kind": p["kind"], "line": p["line"]} for p in expected["parts"]]
