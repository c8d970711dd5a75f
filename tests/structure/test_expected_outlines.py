"""The parser reproduces outlines written by hand, by reading (tests/fixtures/expected)."""

import json
from pathlib import Path

import pytest

import baogao
from baogao.sources.shipped import EXAMPLES

EXPECTED = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "expected").glob("*.json"))


def load_report(source: str):
    if source == "specimen":
        return baogao.specimen()
    kind, name = source.split("/", 1)
    return baogao.example(name) if kind == "examples" else baogao.corpus(name)


@pytest.fixture(params=EXPECTED, ids=[p.stem for p in EXPECTED])
def case(request):
    expected = json.loads(request.param.read_text(encoding="utf-8"))
    return expected, load_report(expected["source"]).outline().to_dict()


def test_there_are_enough_hand_written_outlines():
    names = {p.stem for p in EXPECTED}
    assert {"specimen", "report_gongwen", "request_qingshi", "notice_tongzhi", "report_numbered",
            "summary_zongjie", "1978_state-council_gwr",
            "1988_state-council_gwr", "2009_state-council_gwr", "2021_state-council_gwr"} <= names
    assert len([n for n in names if n[:4].isdigit()]) >= 6


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


def test_enumerations(case):
    expected, got = case
    assert got["enumerations"] == expected["enumerations"]


def test_numbering_issues(case):
    expected, got = case
    found = [{k: i[k] for k in ("kind", "line", "expected")} for i in got["numbering_issues"]]
    want = [{k: i[k] for k in ("kind", "line", "expected")} for i in expected["numbering_issues"]]
    key = lambda i: (i["line"], i["kind"])  # noqa: E731
    assert sorted(found, key=key) == sorted(want, key=key)


def test_parts(case):
    expected, got = case
    assert [{"kind": p["kind"], "line": p["line"]} for p in got["parts"]] == \
        [{"kind": p["kind"], "line": p["line"]} for p in expected["parts"]]
