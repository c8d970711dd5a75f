"""Every shipped text loads and outlines; the corpus has only its real numbering issues."""

import hashlib
from pathlib import Path

import pytest

import baogao
from baogao.sources.shipped import EXAMPLES, corpus_ids, provenance
from baogao.text.lexicon import data_path

SHARED = Path(__file__).resolve().parents[3] / "shared"

# The only numbering issue of the seventeen real reports: 1995 opens a list
# with 首先 and goes on with 二是…十是 (line 47).
REAL_ISSUES = {"1995_state-council_gwr": [("gap", 47, "一")]}


def test_specimen_is_byte_identical_to_the_collected_copy():
    data = data_path("specimen", "report_raw.txt").read_bytes()
    assert len(data) == 26391
    assert hashlib.sha256(data).hexdigest() == _recorded_hash()
    shared = SHARED / "specimen" / "report_raw.txt"
    if shared.exists():  # beside the checkout on developer machines and in CI
        assert shared.read_bytes() == data


def _recorded_hash() -> str:
    return (Path(__file__).resolve().parents[1] / "fixtures" / "specimen.sha256").read_text().split()[0]


def test_specimen_model():
    r = baogao.specimen()
    assert r.encoding == "utf-8"
    assert len(r.lines) == 47 and len(r.paragraphs) == 47
    assert len(r.text) == 9257
    assert r.text.count(",") == 368
    assert r.meta["year"] == 2021
    assert baogao.specimen() is r  # loaded once per session


def test_provenance_notes_are_honest():
    note = provenance("specimen")
    for phrase in ("damaged third-party copy", "content-farm", "machine rewriting", "not known",
                   "人民团体", "article 5", "Substituting another report"):
        assert phrase in note
    assert "MANIFEST" in provenance("corpus") or "Sources" in provenance("corpus")
    assert "主送机关" in provenance("examples")


def test_corpus_ids_and_files():
    ids = corpus_ids()
    assert len(ids) == 17 and ids[0] == "1978_state-council_gwr" and ids[-1] == "2025_state-council_gwr"
    for key in ids:
        assert data_path("corpus", key + ".txt").is_file()
    if (SHARED / "corpus").exists():
        for key in ids:
            assert (SHARED / "corpus" / f"{key}.txt").read_bytes() == \
                data_path("corpus", key + ".txt").read_bytes()


@pytest.mark.parametrize("key", corpus_ids())
def test_every_corpus_report_outlines(key):
    r = baogao.corpus(key)
    o = r.outline()
    assert r.meta["id"] == key and r.meta["repository"]
    assert o.genre == "speech"
    assert o.headings and all(h.level >= 1 for h in o.headings)
    assert [p.kind for p in o.parts][:2] == ["opening", "review"]
    issues = [(i.kind, i.line, i.expected) for i in o.numbering_issues]
    assert issues == REAL_ISSUES.get(key, [])
    # Every line and offset points into the text.
    for h in o.headings:
        assert r.line(h.line).text.strip().startswith(h.marker)


def test_corpus_by_year_prefix():
    assert baogao.corpus("1988").meta["id"] == "1988_state-council_gwr"
    with pytest.raises(baogao.BaogaoError, match="语料库中没有"):
        baogao.corpus("2019")  # two reports of 2019: ambiguous
    with pytest.raises(baogao.BaogaoError):
        baogao.corpus("1066")


def test_corpus_table():
    t = baogao.corpus_table()
    assert list(t.columns) == ["id", "year", "issuer", "source", "genre", "characters", "paragraphs"]
    assert len(t) == 17
    assert set(t["genre"]) == {"speech"}
    row = t.set_index("id").loc["1978_state-council_gwr"]
    assert row["year"] == 1978 and row["issuer"] == "state-council"
    assert row["source"].startswith("WS: aldohemsn/chinese-political-corpora")
    # Characters agree with the MANIFEST's counts (which exclude line breaks).
    assert 29000 < t.set_index("id").loc["1988_state-council_gwr", "characters"] < 30500


def test_examples():
    assert EXAMPLES == ("report_gongwen", "request_qingshi", "notice_tongzhi", "report_numbered",
                        "summary_zongjie")
    shared = Path(__file__).resolve().parents[3] / "shared" / "examples"
    for name in EXAMPLES:
        r = baogao.example(name)
        assert r.meta["provenance"] == "data/examples/README.md" and r.source == "examples/" + name
        assert baogao.get("example:" + name) is r
        if shared.is_dir():  # shipped byte for byte as written
            assert (shared / f"{name}.txt").read_bytes() == data_path("examples", name + ".txt").read_bytes()
        o = r.outline()
        assert o.genre == "document"
        kinds = {e.kind for e in o.elements}
        assert {"title", "signature", "date"} <= kinds
        if name == "summary_zongjie":  # a 工作总结: no 主送机关, no closing formula
            assert not {"addressee", "closing"} & kinds and not o.statutory
        elif name == "notice_tongzhi":  # a 通知 needs no closing formula
            assert {"issuer", "doc_number", "addressee", "attachment", "note"} <= kinds
        else:
            assert {"addressee", "closing"} <= kinds
    assert all(f"`{name}.txt`" in provenance("examples") for name in EXAMPLES)
    with pytest.raises(baogao.BaogaoError):
        baogao.example("nope")
