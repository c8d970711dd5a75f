"""The scorer of findings against the specimen's errata: a finding counts for an entry only
by place, kind and width; the kit's own score; findings of other tools read and refused."""

import pytest

import baogao
from baogao.lint import FAMILIES, RULES, accuracy, lint
from baogao.lint.claims import Claim, ClaimsError, from_findings, parse_json, read_claims
from baogao.lint.scoring import (
    CATEGORY_FAMILIES,
    CATEGORY_LABELS,
    MAX_SPAN_RATIO,
    MIN_ENTRY_WIDTH,
    RULE_CATEGORIES,
    matches,
    score,
    targets,
    why_not,
)
from baogao.sources.errata import CATCHABLE, load_errata


@pytest.fixture(scope="module")
def kit_score():
    return accuracy.specimen_score()


@pytest.fixture(scope="module")
def entries():
    return targets()


def entry(entries, key):
    return next(t for t in entries if t.key == key)


def test_the_maps_cover_every_category_and_rule():
    assert set(CATEGORY_FAMILIES) == set(CATCHABLE) == set(CATEGORY_LABELS)
    assert all(set(fams) <= set(FAMILIES) - {"style"} for fams in CATEGORY_FAMILIES.values())
    assert set(RULE_CATEGORIES) == set(RULES)
    for rid, cat in RULE_CATEGORIES.items():
        if cat is not None:  # a rule's category is one its family targets
            assert RULES[rid].family in CATEGORY_FAMILIES[cat], rid
    assert {rid for rid, cat in RULE_CATEGORIES.items() if RULES[rid].family == "style"} <= \
        {rid for rid, cat in RULE_CATEGORIES.items() if cat is None}


def test_category_labels_are_those_the_edition_widget_shows():
    # One table, the errata's: the scores and the widget's filter name a category alike.
    from baogao.sources import errata
    from baogao.widgets import compare

    assert CATEGORY_LABELS is errata.CATEGORY_LABELS is compare.CATEGORY_LABELS
    assert len(set(CATEGORY_LABELS.values())) == len(CATEGORY_LABELS)  # no two categories share a name


def test_targets_are_the_errata(entries):
    errata = load_errata()
    once = [t for t in entries if t.scope == "once"]
    assert len(once) == (errata["scope"] == "once").sum()
    assert sum(t.in_recall for t in once) == 80  # the catchable once entries (ERRATA.md)
    spaces = [(t.line, t.column) for t in entries if t.id == "E011"]
    assert spaces == [(4, 106), (4, 175), (37, 122), (37, 156)]
    commas = [t for t in entries if t.id == "E005"]
    assert len(commas) == 368 and sum(t.in_recall for t in commas) == 362  # six go with deleted lines
    report = baogao.specimen()
    for t in entries:
        line = report.line(t.line).text
        assert line[t.column - 1:t.column - 1 + len(t.text)] == t.text, t.key


def test_a_finding_counts_only_by_place_kind_and_width(entries):
    name = entry(entries, "E021")  # 习金平, line 7, column 9, name_error
    assert (name.line, name.column, name.text, name.category) == (7, 9, "习金平", "name_error")
    here = dict(line=7, column=9, width=3)
    assert why_not(Claim(0, **here, rule="name-near-miss", family="formulations"), name) is None
    assert why_not(Claim(0, **here, rule="long-sentence", family="style"), name) == "kind"
    assert why_not(Claim(0, **here, family="punctuation"), name) == "kind"
    assert why_not(Claim(0, **here, category="name_error"), name) is None
    assert why_not(Claim(0, **here, category="formulation_error"), name) is None  # same family
    assert why_not(Claim(0, **here, category="ascii_punctuation"), name) == "kind"
    assert why_not(Claim(0, **here), name) is None  # place only
    limit = MAX_SPAN_RATIO * max(len(name.text), MIN_ENTRY_WIDTH)
    assert why_not(Claim(0, 7, 1, limit, family="formulations"), name) is None
    assert why_not(Claim(0, 7, 1, limit + 1, family="formulations"), name) == "width"
    # Place: the line and overlapping columns.
    assert [m.target.key for m in matches([Claim(0, 7, 11, 2)], entries)] == ["E021"]
    assert matches([Claim(0, 7, 12, 2)], entries) == []
    assert matches([Claim(0, 8, 9, 3)], entries) == []


def test_the_kits_score_on_the_specimen(kit_score):
    s = kit_score
    assert s["recall"] == {"entries": 80, "found": 62, "recall": 62 / 80}
    assert s["systematic"]["found"] == s["systematic"]["occurrences"] == 390  # ( ) of line 21 kept with E053
    assert (s["precision"]["right"], s["precision"]["findings"]) == (461, 462)
    assert s["unscored"] == len(lint(baogao.specimen(), select=["style"]))
    by_id = {e["id"]: e["found_by"] for e in s["entries"]}
    assert {i for i, rules in by_id.items() if not rules} == set(accuracy.MISSES)
    assert by_id["E008"] == ["formulation-near-miss"]  # 习近平金平新时代… : 18 characters for 2, counted
    assert by_id["E054"] == by_id["E084"] == ["dunhao-between-quoted"]  # an info outside style counts
    cats = {c["category"]: c for c in s["categories"]}
    assert (cats["stray_space"]["occurrences_found"], cats["stray_space"]["occurrences"]) == (4, 4)
    assert (cats["duplication"]["found"], cats["duplication"]["entries"]) == (2, 2)


def test_coincidental_overlaps_no_longer_count(kit_score):
    """The issue's list: these entries counted as found because a long-sentence or an
    unrelated half-width-punctuation finding happened to cover them."""
    by_id = {e["id"]: e["found_by"] for e in kit_score["entries"]}
    coincidental = {(m["id"], m["rule"]) for m in kit_score["coincidental"]}
    for eid in ("E001", "E012", "E094", "E112", "E146", "E147", "E148"):
        assert by_id[eid] == [], eid
        assert any(i == eid and r in ("long-sentence", "half-width-punctuation") for i, r in coincidental), eid
    assert ("E008", "long-sentence") in coincidental and by_id["E008"]  # found by its own rule too
    assert all(m["reason"] in ("kind", "width") for m in kit_score["coincidental"])


def test_every_wrong_finding_on_the_specimen_is_explained(kit_score):
    wrong = {r["rule"] for r in kit_score["rules"] if r["right"] < r["findings"]}
    assert wrong == set(accuracy.PRECISION_NOTES) == {"unbalanced-marks"}


def test_a_perfect_tool_scores_full_marks(entries):
    claims = [Claim(i, t.line, t.column, len(t.text), category=t.category) for i, t in enumerate(entries)]
    s = score(claims, entries)
    assert s["recall"]["recall"] == s["systematic"]["recall"] == s["precision"]["precision"] == 1.0
    assert all(c["precision"] in (None, 1.0) for c in s["categories"])


def test_a_tool_that_marks_whole_lines_finds_little(entries):
    report = baogao.specimen()
    claims = [Claim(i, ln.number, 1, len(ln.text)) for i, ln in enumerate(report.lines) if ln.text]
    s = score(claims, entries)
    assert s["classified"] == 0
    assert s["recall"]["found"] == 3  # the two boilerplate lines and the title line are whole-line entries
    assert {e["id"] for e in s["entries"] if e["found_by"]} == {"E001", "E004", "E158"}


def test_the_kits_findings_read_as_their_json_does():
    report = baogao.specimen()
    findings = lint(report)
    direct = from_findings(findings)
    via_json = read_claims([f.to_dict() for f in findings], report)
    assert direct == via_json


def test_findings_of_another_shape():
    report = baogao.specimen()
    offset = report.line(7).start + 8
    claims = read_claims({"findings": [{"start": offset, "end": offset + 3, "category": "name_error"},
                                       {"line": 7, "column": 9, "text": "习金平", "rule": "人名"},
                                       {"start": offset, "length": 3, "rule": "name-near-miss"}]}, report)
    assert claims == [Claim(0, 7, 9, 3, category="name_error"), Claim(1, 7, 9, 3, rule="人名"),
                      Claim(2, 7, 9, 3, rule="name-near-miss", family="formulations")]
    line_end = report.line(7).end
    cut = read_claims([{"start": offset, "end": line_end + 50}], report)[0]
    assert cut.width == line_end - offset  # cut at the end of its line


@pytest.mark.parametrize("data,needle", [
    (42, "最外层应是校对结果的数组"),
    ({"results": []}, "最外层应是校对结果的数组"),
    ([[7, 9]], "第 1 条结果应是一个 JSON 对象"),
    ([{"text": "习金平"}], "第 1 条结果缺少位置"),
    ([{"line": 7}], "第 1 条结果缺少位置"),
    ([{"line": 7, "column": 9}], "第 1 条结果缺少长度"),
    ([{"line": 7, "column": 9, "length": 0}], "至少要有一个字"),
    ([{"line": 99, "column": 1, "length": 1}], "没有第 99 行（样本报告共 47 行）"),
    ([{"line": 7, "column": 9999, "length": 1}], "没有第 9999 列"),
    ([{"start": -1, "length": 1}], "start 是 -1"),
    ([{"line": "7", "column": 9, "length": 3}], "“line”应是整数"),
    ([{"line": True, "column": 9, "length": 3}], "“line”应是整数，不能是布尔值"),
    ([{"line": 7, "column": 9, "length": 3, "category": "typo"}], "“category”是“typo”"),
    ([{"line": 7, "column": 9, "length": 3, "family": "spelling"}], "“family”是“spelling”"),
    ([{"line": 7, "column": 9, "length": 3, "rule": ""}], "“rule”应是非空的字符串"),
])
def test_findings_that_cannot_be_scored(data, needle):
    with pytest.raises(ClaimsError) as exc:
        read_claims(data, baogao.specimen())
    assert needle in exc.value.message and exc.value.message.endswith("。")


def test_json_errors_are_one_sentence():
    with pytest.raises(ClaimsError, match="不是有效的 JSON：第 1 行第 2 列附近有误"):
        parse_json("[,]", "结果")
    with pytest.raises(ClaimsError, match="是空的"):
        parse_json("  \n", "结果")
