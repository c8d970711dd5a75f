"""Tests for baogao.export.cheatsheet: the 速查表 is the kit's own data, renders in its font, prints to A4."""

from __future__ import annotations

import base64
import html
import os
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from fontTools.ttLib import TTFont

import baogao

from baogao import plotting
from baogao.cli import main
from baogao.doctor import chromium_path
from baogao.errors import UsageError
from baogao.export import cheatsheet
from baogao.export.cheatsheet import (
    STANDARD_FAMILIES,
    FindingCounts,
    RuleCount,
    cheatsheet_html,
    common_findings,
    formulation_groups,
    heading_levels,
    standard_rules,
    write_cheatsheet,
)
from baogao.lint import RULES, catalogue, lint
from baogao.lint.registry import Rule
from baogao.sources.load import load
from baogao.structure.elements import ELEMENT_KINDS, FOOTER_KINDS, HEADER_KINDS
from baogao.structure.genre import decide_genre
from baogao.text.lexicon import read_entries

#: Counts that need no linting: the sheet's layout does not depend on them.
FAKE_COUNTS = FindingCounts((RuleCount("half-width-punctuation", 7, 2), RuleCount("two-digit-year", 1, 1)),
                            3, "3 篇测试文本")


class _Text(HTMLParser):
    """The text a reader sees (and the page title), without the style sheet."""

    def __init__(self):
        super().__init__()
        self.parts, self._in_style = [], False

    def handle_starttag(self, tag, attrs):
        self._in_style = self._in_style or tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def uncovered(text: str, cmap: set[int]) -> str:
    """As tests/exercises/test_marks.py: the characters without a glyph (controls and spaces aside)."""
    return "".join(sorted({c for c in text if unicodedata.category(c) not in ("Cc", "Zl", "Zp")
                           and c != " " and ord(c) not in cmap}))


def rule_rows(page: str, with_titles: bool = False) -> list:
    """The rule ids of section 三 (with their titles), in the sheet's order."""
    section = page[page.index("<h2>三、"):page.index("<h2>四、")]
    rows = re.findall(r"<td class=id>([a-z0-9-]+) .*?</td><td>(.*?)<br>", section)
    return rows if with_titles else [rule_id for rule_id, _ in rows]


@pytest.fixture(scope="module")
def sheet() -> str:
    return cheatsheet_html(FAKE_COUNTS)


@pytest.fixture(scope="module")
def real_counts() -> FindingCounts:
    return common_findings()  # lints the 17 corpus reports and the specimen: some seconds


# -- the data is the kit's -------------------------------------------------------------------------


def test_rule_entries_are_exactly_the_registrys(sheet):
    expected = [(r.id, html.escape(r.title)) for r in catalogue() if r.family in STANDARD_FAMILIES]
    assert rule_rows(sheet, with_titles=True) == expected
    assert len(expected) >= 10


def test_a_new_rule_changes_the_sheet(monkeypatch, sheet):
    def check(ctx):
        for p, m in ctx.matches(re.compile("!")):
            yield ctx.finding_at(p, m.start(), m.end(), "半角叹号。", suggestion="！")

    fake = Rule("test-half-width-bang", "punctuation", "error", "测试用的半角叹号规则",
                "GB/T 15834-2011 标点符号用法，叹号", "好!", "好！", check)
    monkeypatch.setitem(RULES, fake.id, fake)
    changed = cheatsheet_html(FAKE_COUNTS)
    assert changed != sheet
    assert "test-half-width-bang" in rule_rows(changed)
    assert "测试用的半角叹号规则" in changed
    assert '好<b class="bad">!</b>' in changed and '好<b class="good">！</b>' in changed
    monkeypatch.delitem(RULES, fake.id)
    assert cheatsheet_html(FAKE_COUNTS) == sheet


def test_wrong_fires_and_right_stays_silent():
    entries = standard_rules()
    assert {e.id for e in entries} == {r.id for r in RULES.values() if r.family in STANDARD_FAMILIES}
    for e in entries:
        assert e.wrong == RULES[e.id].positive
        assert lint(load(e.wrong), select=[e.id]), e.id
        assert lint(load(e.right), select=[e.id]) == [], (e.id, e.right)
    by_id = {e.id: e for e in entries}
    assert by_id["half-width-punctuation"].right == "今年，我们完成了任务。"  # the rule's suggestion applied
    assert by_id["range-units"].right == "预计投资9亿～16亿元，增长15%～30%。"
    assert by_id["two-digit-year"].right == RULES["two-digit-year"].negative  # no single suggestion


def test_heading_sequence_wording(sheet):
    assert heading_levels() == [(1, "一、", "“一、”式", "黑体"), (2, "（一）", "“（一）”式", "楷体"),
                                (3, "1.", "“1.”式", "仿宋"), (4, "（1）", "“（1）”式", "仿宋")]
    text = visible_text(sheet)
    assert ("GB/T 9704-2012《党政机关公文格式》：结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；"
            "一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋字。这是给党政机关公文推荐的层次序数。") in text
    # Consecutive numbering is a convention, and said to be one.
    assert "惯例（不是该标准的条文）：同一层级只用一种序数，序号依次连续，不缺号" in text
    assert "规定" not in text.split("一、结构层次序数")[1].split("二、公文要素")[0]


def test_document_elements(sheet):
    text = visible_text(sheet)
    for part in ("版头", "主体", "版记"):
        assert f"<th>{part}</th>" in sheet
    # What the parser recognises is bold, with the parser's name where it differs.
    assert "<b>主送机关</b>" in sheet and "<b>发文机关署名</b>（署名）" in sheet and "<b>成文日期</b>" in sheet
    # The 版头 and the 版记 are element kinds too: every element but the 印章 is recognised.
    assert "<b>份号</b>" in sheet and "<b>发文机关标志</b>" in sheet and "<b>印发机关和印发日期</b>" in sheet
    assert "<b>密级</b>（密级和保密期限）" in sheet and "<b>附注</b>" in sheet and "<b>抄送机关</b>" in sheet
    assert "<b>印章</b>" not in sheet and "印章" in text
    parts = dict(cheatsheet.DOCUMENT_PARTS)
    assert tuple(kind for _, kind in parts["版头"]) == HEADER_KINDS
    assert tuple(kind for _, kind in parts["版记"]) == FOOTER_KINDS
    assert {kind for _, elements in cheatsheet.DOCUMENT_PARTS for _, kind in elements} - {None} <= set(ELEMENT_KINDS)
    assert dict(parts["版头"]) == {"份号": "copy_number", "密级": "secrecy", "紧急程度": "urgency",
                                  "发文机关标志": "issuer", "发文字号": "doc_number", "签发人": "signer"}
    assert {k: dict(parts["主体"])[k] for k in ("附注", "附件")} == {"附注": "note", "附件": "annex"}
    assert dict(parts["版记"]) == {"抄送机关": "cc", "印发机关和印发日期": "imprint"}
    assert "结束语（如“特此报告。”）是正文末尾的习惯用语，不是该标准规定的要素" in text
    assert "讲话式报告" in text and "题注、报告人、称呼" in text


def test_the_note_on_documents_follows_the_outlines_genre_rules(sheet):
    """Which copies count as documents and how they are named: as decide_genre and genre_label do."""
    text = visible_text(sheet)
    note = ("有版头或版记的任一要素、主送机关、附件说明、附注，或署名和成文日期俱全，或有结束语，"
            "或标题为“关于……的”加《党政机关公文处理工作条例》规定的 15 种文种之一（如“关于……的请示”）的，"
            "提纲判为公文，公文格式规则只用于这类文本：文种为报告或标题不写文种的标为“公文式报告”，"
            "请示、通知等其他法定文种标为“公文”，总结、计划等不是法定文种的标为“书面文稿”。")
    assert note in text
    # Each element the note names shows the document form on its own; a 署名 or a date alone does not.
    for kind in (*HEADER_KINDS, *FOOTER_KINDS, *cheatsheet.DOCUMENT_EVIDENCE):
        assert decide_genre([(kind, "某某")], None, "")[0] == "document", kind
    for kind in ("signature", "date", "paragraph", "heading"):
        assert decide_genre([(kind, "某某")], None, "")[0] != "document", kind
    assert decide_genre([("signature", "某某"), ("date", "2026年1月1日")], None, "")[0] == "document"
    assert decide_genre([], "某某关于开展培训的通知", "")[0] == "document"
    # The labels are the outline's, on the examples.
    labels = {name: baogao.example(name).outline().genre_label
              for name in ("report_gongwen", "request_qingshi", "notice_tongzhi", "summary_zongjie")}
    assert labels == {"report_gongwen": "公文式报告", "request_qingshi": "公文", "notice_tongzhi": "公文",
                      "summary_zongjie": "书面文稿"}
    assert "的，按公文式报告校对" not in text


def test_formulations_are_the_lexicons_right_forms(sheet):
    text = visible_text(sheet)
    entries = [line.split("\t") for line in read_entries("proofing.txt")]
    formulations = [e[1] for e in entries if e[0] == "formulation"]
    for f in formulations:
        assert f in text, f
    for kind, item, *_ in entries:
        if kind.startswith("set:"):
            assert item in text
        if kind == "programme":
            assert f"“{item}”" in text
    # Names are not listed (only counted); near misses never appear.
    names = [e[1] for e in entries if e[0] == "name"]
    assert all(n not in text for n in names if not any(n in f for f in formulations))
    assert f"领导人姓名 {len(names)} 个" in text
    for wrong in ("习金平", "四个目信", "政治悟性", "急难忧"):
        assert wrong not in "".join(i for _, items in formulation_groups() for i in items)


def test_a_new_kind_of_entry_needs_a_label(monkeypatch):
    monkeypatch.setattr(cheatsheet, "read_entries", lambda name: ("slogan\t某口号",))
    with pytest.raises(ValueError, match="slogan"):
        formulation_groups()


def test_common_findings_counts_per_rule_and_text():
    counts = common_findings([load("今年,我们,完成了。"), load("会议于21年3月召开,好。")], "两段测试文字")
    by_rule = {c.rule: c for c in counts.rules}
    assert (by_rule["half-width-punctuation"].findings, by_rule["half-width-punctuation"].texts) == (3, 2)
    assert (by_rule["two-digit-year"].findings, by_rule["two-digit-year"].texts) == (1, 1)
    assert counts.rules[0].rule == "half-width-punctuation"
    assert counts.texts == 2 and counts.described == "两段测试文字"


def test_the_sheet_says_what_was_counted(real_counts):
    assert real_counts.texts == 18 and real_counts.described == "17 篇政府工作报告和样本"
    page = cheatsheet_html(real_counts)
    assert "在 17 篇政府工作报告和样本上出现最多的校对结果" in visible_text(page)
    section = page[page.index("<h2>五、"):]
    shown = re.findall(r"<td class=id>([a-z0-9-]+)</td>", section)
    assert shown == [c.rule for c in real_counts.rules[:len(shown)]] and len(shown) == 10
    numbers = [c.findings for c in real_counts.rules[:10]]
    assert numbers == sorted(numbers, reverse=True)
    assert all(c.texts <= 18 for c in real_counts.rules)


# -- it renders ------------------------------------------------------------------------------------


def test_every_character_is_in_the_bundled_font(sheet):
    cmap = set(TTFont(str(plotting.font_path())).getBestCmap())
    text = visible_text(sheet)
    assert len(text) > 2000
    assert uncovered(text, cmap) == ""
    assert uncovered("✅", cmap) == "✅"  # the check sees a missing glyph


def test_the_bundled_font_is_embedded(sheet):
    match = re.search(r"url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)", sheet)
    assert match and base64.b64decode(match.group(1)) == plotting.font_path().read_bytes()
    assert "font-family: 'Baogao Sans SC'" in sheet and "@page { size: A4;" in sheet


def test_text_is_escaped(monkeypatch):
    fake = Rule("test-escape", "numerals", "info", "<script>x</script>", "GB/T 15835-2011，测试",
                "a<b>&c", "a", lambda ctx: iter(()))
    monkeypatch.setitem(RULES, fake.id, fake)
    page = cheatsheet_html(FAKE_COUNTS)
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "a&lt;b&gt;&amp;c" in page


# -- files and the command line --------------------------------------------------------------------


@pytest.fixture
def no_linting(monkeypatch):
    monkeypatch.setattr(cheatsheet, "common_findings", lambda: FAKE_COUNTS)


def test_cli_writes_and_refuses_to_overwrite(tmp_path, capsys, no_linting):
    out = tmp_path / "速查表.html"
    assert main(["cheatsheet", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"已生成速查表：{out}\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out.write_text("学生的笔记", encoding="utf-8")
    assert main(["cheatsheet", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "已经存在" in err and "--force" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "学生的笔记"
    assert main(["cheatsheet", "--out", str(out), "--force"]) == 0
    assert "公文写作速查表" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["速查表.html"]  # no temporary file left


def test_an_existing_pdf_is_checked_before_any_work(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cheatsheet, "common_findings", lambda: pytest.fail("linted before checking targets"))
    (tmp_path / "a.pdf").write_bytes(b"old")
    assert main(["cheatsheet", "--out", str(tmp_path / "a.html"), "--pdf", str(tmp_path / "a.pdf")]) == 2
    assert "a.pdf" in capsys.readouterr().err
    assert not (tmp_path / "a.html").exists() and (tmp_path / "a.pdf").read_bytes() == b"old"


def test_missing_chromium_is_one_chinese_sentence(tmp_path, capsys, monkeypatch, no_linting):
    import baogao.doctor  # the command finds Chromium through it, when it runs

    monkeypatch.setattr(baogao.doctor, "chromium_path", lambda: None)
    assert main(["cheatsheet", "--out", str(tmp_path / "a.html"), "--pdf", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：没有找到 Chromium，无法生成 PDF") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing half-done


@pytest.mark.parametrize("argv, needle", [
    (["cheatsheet"], "缺少参数：--out"),
    (["cheatsheet", "--out", "速查表.txt"], "应以 .html 结尾"),
    (["cheatsheet", "--out", "a.html", "--pdf", "a.png"], "应以 .pdf 结尾"),
    (["cheatsheet", "--out", "没有这个文件夹/a.html"], "不存在"),
])
def test_bad_usage_exits_2(capsys, argv, needle, no_linting):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_pdf_needs_chromium_in_python_too(tmp_path):
    with pytest.raises(UsageError, match="没有找到 Chromium"):
        write_cheatsheet(tmp_path / "a.html", tmp_path / "a.pdf", chromium=None, counts=FAKE_COUNTS)


def test_pdf_is_a4_one_to_three_pages_in_the_bundled_font(tmp_path, real_counts):
    chromium = chromium_path()
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium: install chromium (.ci/run does) or set BAOGAO_CHROMIUM")
        pytest.skip("Chromium is not installed")
    html_path, pdf_path = write_cheatsheet(tmp_path / "速查表.html", tmp_path / "速查表.pdf",
                                           chromium=chromium, counts=real_counts)
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert 1 <= pages <= 3, pages
    # A4 media box (595 × 842 pt).
    boxes = {tuple(round(float(v)) for v in m) for m in
             re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)}
    assert boxes == {(595, 842)}, boxes
    # Every glyph comes from the embedded subset of the bundled font: Chromium fell back to no
    # other font, so nothing the HTML check let through was drawn as an empty box.
    fonts = set(re.findall(rb"/FontName\s*/([^\s/\]>]+)", data))
    assert fonts and all(f.endswith(b"+BaogaoSansSC-Regular") for f in fonts), fonts
    assert html_path.read_text(encoding="utf-8") == cheatsheet_html(real_counts)
