"""Every error-level finding on the wild copies has a judgement, and every judgement a
finding (data/lint/wild_judgements.csv, rendered into docs/lint-accuracy.md); the rule
fixes the judging led to; the split-paragraph rule and the residue messages."""

import os
from pathlib import Path

import pytest

import baogao
from baogao.lint import accuracy, lint, wild

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wild"
DOCS = Path(__file__).resolve().parents[2] / "docs"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="module")
def shared_findings():
    if not wild.wild_dir().is_dir():
        assert not IN_CI, f"CI lays shared/ beside the checkout: {wild.wild_dir()} is missing"
        pytest.skip("shared/corpus-wild is not beside the checkout")
    return wild.findings()


@pytest.fixture(scope="module")
def fixture_findings():
    return wild.findings(FIXTURES)


def test_judgements_are_well_formed():
    rows = wild.judgements()
    assert rows and all(r["verdict"] in wild.VERDICTS and r["reason"] for r in rows)
    assert {r["copy"] for r in rows} <= {p.stem for p in FIXTURES.glob("*.txt")} | {
        "2015_state-council_gwr_wikisource", "2018_state-council_gwr_wikisource", "2026_hubei_gwr_scraped",
        "2026_jiangsu_gwr_scraped", "2026_shandong_gwr_scraped", "2026_tianjin_gwr_scraped",
        "2026_zhejiang_gwr_scraped"}


def test_every_finding_on_the_fixture_copies_is_judged(fixture_findings):
    rows = [r for r in wild.judgements() if r["copy"] in fixture_findings]
    assert len(fixture_findings) == 12
    assert wild.unjudged(fixture_findings, rows) == []
    assert wild.stale(fixture_findings, rows) == []


def test_every_finding_on_the_nineteen_copies_is_judged(shared_findings):
    rows = wild.judgements()
    assert len(shared_findings) == 19
    assert wild.unjudged(shared_findings, rows) == []
    assert wild.stale(shared_findings, rows) == []


def test_staleness_is_detected(fixture_findings):
    rows = [r for r in wild.judgements() if r["copy"] in fixture_findings]
    assert wild.stale(fixture_findings, rows[1:]) == []
    assert len(wild.unjudged(fixture_findings, rows[1:])) == 1
    extra = {**rows[0], "line": 99999}
    assert wild.stale(fixture_findings, rows + [extra]) == [(extra["copy"], 99999, extra["rule"], extra["text"])]


def test_accuracy_document_is_up_to_date(shared_findings):
    assert (DOCS / "lint-accuracy.md").read_text(encoding="utf-8") == accuracy.markdown(shared_findings), \
        "regenerate: python -m baogao.lint.accuracy > docs/lint-accuracy.md"


def test_residue_messages_name_what_the_line_is():
    hebei = baogao.load(FIXTURES / "2026_hebei_gwr_scraped.txt")
    by_line = {f.line: f.message for f in lint(hebei, select=["boilerplate"])}
    assert by_line[1] == "这一行是复制时随原文带来的页面按钮，不属于报告本身，应删除。"
    assert by_line[12] == "这一行是复制时随原文带来的网页信息栏“来源”，不属于报告本身，应删除。"
    assert by_line[15] == "这一行是复制时随原文带来的图片说明，不属于报告本身，应删除。"
    assert not any("转载网站" in m for m in by_line.values())
    spec = {f.line: f.message for f in lint(baogao.specimen(), select=["boilerplate"])}
    assert spec == {2: "这一行是转载网站添加的文字，不属于报告本身，应删除。",
                    47: "这一行是转载网站添加的文字，不属于报告本身，应删除。"}


def test_split_paragraph_one_finding_per_split_at_the_break():
    copy = baogao.load(FIXTURES / "2014_state-council_gwr_wikisource.txt")
    splits = copy.outline().split_paragraphs
    found = lint(copy, select=["split-paragraph"])
    assert [f.message for f in found] == [s.message for s in splits] and len(found) == 3
    f = found[0]
    assert (f.line, f.text, f.severity) == (34, "M", "warning")  # 广义货币M | 2 | 增长13.6%
    assert copy.text[f.start:f.end] == "M\n2"
    assert lint(baogao.specimen(), select=["split-paragraph"]) == []


def test_split_pieces_are_neither_cut_off_nor_unbalanced():
    copy = baogao.load(FIXTURES / "2014_state-council_gwr_wikisource.txt")
    assert lint(copy, select=["cut-off-paragraph", "unbalanced-marks", "missing-final-punctuation"]) == []
    # A real unbalanced mark inside a split paragraph is still found.
    text = "工作报告\n以细颗粒物（PM\n2.5\n治理为突破口，抓住重点。\n下一段。"
    assert [(f.line, f.text) for f in lint(baogao.load(text), select=["unbalanced-marks"])] == [(2, "（")]
    assert [f.line for f in lint(baogao.load("工作报告\n稳健的货币政策要松紧适度。广义货币M\n2\n预期增长12%左右。"), select=["cut-off-paragraph"])] == []


def test_kilo_prefixed_units_are_no_numerals():
    text = "新建22个750千伏和330千伏电网工程，排放二氧化碳0.13千克，日均新设企业由5千多户增加到1万6千多户。"
    assert [f.text for f in lint(baogao.load(text), select=["arabic-with-chinese-unit"])] == ["5千", "6千"]
