"""The policy of latin-residue (what Latin letters official Chinese writes rightly, what is
residue), and the near-miss search's reading of phrases, lists and time: each allowance with
the residue it must still find."""

from pathlib import Path

import pytest

import baogao
from baogao.lint import RULES, accuracy, lint
from baogao.lint import _lexicon
from baogao.lint._lexicon import ordinary_phrase
from baogao.lint._latin import INSTITUTIONS, residue
from baogao.sources.shipped import EXAMPLES

SHARED_WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus-wild"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def found(text, rule_id):
    return [(f.text, f.suggestion) for f in lint(baogao.load(text), select=[rule_id])]


# --- latin-residue: what is allowed -----------------------------------------------------------

ALLOWED = {
    "standard codes": "按照GB/T 9704—2012、GB 3095—2012、GB/Z 20000.1、ISO 9001、IEC 61508和ISO/IEC 27001执行。",
    "roads, lines, aircraft": "G4京港澳高速、S20线、地铁Z4线一期、T3B航站楼建成，C919和ARJ21投入运营。",
    "pollutants and formulas": "PM2.5和PM10浓度下降，SO2、NOx、VOCs排放减少，CO2捕集，H2O2消毒。",
    "units after a number": "新建管网10km，日处理5 kg，装机100MW。",
    "grades and letter words": "创建5A级景区和AAA级企业，进入A类行列，消除劣V类水体，开展X光检查，构建“1+N+X”体系。",
    "acronyms": "GDP增长5%，CPI上涨2%，5G基站和AI应用加快，HPV疫苗接种，REITs发行，IPO获批。",
    "addresses and file names": "来信请寄tuanwei@example.gov.cn，详见https://www.gov.cn/zhengce/和www.gov.cn，附件报名表.xlsx。",
    "names": "推广“i志愿”和e政务平台，DeepSeek等模型领先，ESI（Essential Science Indicators）排名前1%。",
}


@pytest.mark.parametrize("kind", sorted(ALLOWED))
def test_latin_that_official_chinese_writes_is_allowed(kind):
    assert found(ALLOWED[kind], "latin-residue") == [], kind


def test_the_policy_is_documented_in_the_rule():
    doc = RULES["latin-residue"].description
    for word in ("GB/T 9704—2012", "PM2.5", "5A级", "GDP", "e-mail", "DeepSeek", "NPC", "25l亿元", "通过pa"):
        assert word in doc, word
    rules_md = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "GB/T 9704—2012" in rules_md.split("### `latin-residue`")[1].split("### ")[0]


# --- latin-residue: what is residue -----------------------------------------------------------

def test_english_abbreviations_of_chinese_institutions_are_residue():
    assert found("共青团与NPC代表、CPPCC委员面对面，扩大模联CPPCC的提案征集。", "latin-residue") == [
        ("NPC", "人大"), ("CPPCC", "政协"), ("CPPCC", "政协")]
    assert found("解放军PLA官兵和PRC公民。", "latin-residue") == [("PLA", "解放军"), ("PRC", "中华人民共和国")]
    # Every abbreviation of the list is found, everywhere, quoted or not.
    for word, (short, _full) in INSTITUTIONS.items():
        assert found(f"开展“{word}面对面”活动。", "latin-residue") == [(word, short)], word


def test_a_gloss_after_the_chinese_name_goes_with_its_brackets():
    assert found("讲述中国共产党(CPC)的故事。", "latin-residue") == [("(CPC)", "")]
    assert found("全国人民代表大会（NPC）闭幕。", "latin-residue") == [("（NPC）", "")]
    # Not after its name: the abbreviation itself, not a gloss.
    assert found("我们(CPC)的故事。", "latin-residue") == [("CPC", "中国共产党")]
    # Joined to a number it is a code, not an abbreviation of an organisation (CPC1).
    assert found("编号为CPC1的样品。", "latin-residue") == []


def test_letters_in_numbers_are_residue_with_the_digit_suggested():
    assert found("全年投入25l亿元。", "latin-residue") == [("l", "1")]
    assert found("2O21年以来。", "latin-residue") == [("O", "0")]
    assert found("H2O排放和5G、3D打印。", "latin-residue") == []  # a formula, a network, a technique


def test_lower_case_fragments_are_residue():
    assert found("跟党进行伟大斗争。通过pa", "latin-residue") == [("pa", None)]
    assert [t for t, _ in found("我们要 tell the story of 青年。", "latin-residue")] == ["tell", "the", "story", "of"]
    # The same letters in allowed forms: a unit, an address, a name in quotation marks.
    assert found("长3pa。", "latin-residue") == []
    assert found("开展“pa计划”。", "latin-residue") == []


def test_residue_kinds():
    assert residue("形成NPC代表建议，讲述中国共产党(CPC)的故事，25l亿元，通过pa") == [
        (2, 5, "institution", "NPC"), (17, 22, "gloss", "CPC"), (28, 29, "digit", "l"), (34, 36, "fragment", "pa")]
    assert residue("GB/T 9704 only Latin") == []  # no Chinese: nothing is residue


def test_the_specimens_latin_residue_is_still_found():
    by_id = {row["id"]: row["found_by"] for row in accuracy.recall()["rows"]}
    for entry in ("E060", "E061", "E063", "E064", "E066", "E071", "E078"):  # NPC, CPPCC, 模联CPPCC, pa, (CPC)
        assert "latin-residue" in by_id[entry], entry
    found_ = [(f.line, f.text) for f in lint(baogao.specimen(), select=["latin-residue"])]
    assert found_ == [(23, "NPC"), (23, "CPPCC"), (23, "NPC"), (23, "CPPCC"), (23, "CPPCC"), (25, "pa"),
                      (27, "(CPC)")]


def test_no_latin_residue_on_the_examples_and_the_wild_copies():
    for name in EXAMPLES:
        assert lint(baogao.example(name), select=["latin-residue"]) == [], name
    assert lint(baogao.load(FIXTURES / "wild_copy_hebei.txt"), select=["latin-residue"]) == []
    if SHARED_WILD.is_dir():  # 20 copies from the web: GDP, G98, REITs, HPV, “村BA”, L3级, 2+N …
        for path in sorted(SHARED_WILD.glob("*.txt")):
            assert lint(baogao.load(path), select=["latin-residue"]) == [], path.name


# --- formulation-near-miss: phrases, lists, time ---------------------------------------------

def test_a_word_placed_inside_a_formulation_is_a_phrase_not_a_near_miss():
    rid = "formulation-near-miss"
    for phrase in ["全面落实从严治团要求。", "全面贯彻从严治团要求。", "全面推进从严治团。",
                   "认真贯彻习近平新时代中国特色社会主义经济思想。", "高质量开展城市更新行动。"]:
        assert found(phrase, rid) == [], phrase
    # Slips are still near misses: a character added or changed, a name doubled, a noun in
    # place of a word, a verb inside a name.
    assert found("坚持以习近平金平新时代中国特色社会主义思想为指导。", rid) == [
        ("习近平金平新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想")]
    assert found("在会议“第一专题”开展学习。", rid) == [("第一专题", "第一议题")]
    assert found("全面从严治团严，不断提高组织力。", rid) == []  # the entry itself, then a character
    assert found("推进全面从治团。", rid) == [("全面从治团", "全面从严治团")]
    assert found("应对香港“修法”风波。", rid) == [("修法”风波", "修例风波")]


def test_ordinary_phrase_reads_every_alignment():
    assert ordinary_phrase("全面落实从严治团", "全面从严治团")
    assert ordinary_phrase("高质量开展", "高质量发展")
    # 习近平金平 also reads as 习近 + 平金 + 平: not every reading inserts a word of its own.
    assert not ordinary_phrase("习近平金平新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想")
    assert not ordinary_phrase("修法风波", "修例风波")  # the verb does not end the window
    assert not ordinary_phrase("第一专题", "第一议题")  # a noun in place of a noun
    assert not ordinary_phrase("危机中有机", "危中有机")  # one character added


def test_a_list_with_the_head_of_its_second_item_left_out_is_a_query_that_keeps_the_first():
    fs = lint(baogao.load("认真学习贯彻党的十九大和历次全会精神。"), select=["formulation-near-miss"])
    assert [(f.text, f.suggestion, f.severity) for f in fs] == [
        ("十九大和历次全会精神", "十九大和十九届历次全会精神", "warning")]
    assert "请核对" in fs[0].message and "十九届" in fs[0].message and "之误" not in fs[0].message
    # On the specimen (raw lines 4 and 46; errata E009 and E155, both queries): the suggestion,
    # read with the 党的 before it, is the errata's 党的十九大和十九届历次全会精神.
    report = baogao.specimen()
    fs = [f for f in lint(report, select=["formulation-near-miss"]) if f.text == "十九大和历次全会精神"]
    assert [(f.line, f.severity) for f in fs] == [(4, "warning"), (46, "warning")]
    for f in fs:
        assert report.text[f.start - 2:f.start] + f.suggestion == "党的十九大和十九届历次全会精神"
    by_id = {row["id"]: row["found_by"] for row in accuracy.recall()["rows"]}
    assert by_id["E009"] == by_id["E155"] == ["formulation-near-miss"]
    # An ordinary near miss of the same entry stays an error.
    assert [(f.severity, f.suggestion) for f in lint(baogao.load("学习十九届历次全灰精神。"),
                                                      select=["formulation-near-miss"])] == [
        ("error", "十九届历次全会精神")]


def test_a_formulation_dated_after_the_report_is_not_misquoted(monkeypatch):
    rid = "formulation-near-miss"
    text = "{}年，团区委推进全面从治团。"
    assert found(text.format(2015), rid) == [("全面从治团", "全面从严治团")]
    dated = dict(_lexicon.dictionary(), dates={"全面从严治团": 2016})
    monkeypatch.setattr(_lexicon, "dictionary", lambda: dated)
    from baogao.lint import formulations
    monkeypatch.setattr(formulations, "dictionary", lambda: dated)
    assert found(text.format(2015), rid) == []  # before the formulation: not a misquotation
    assert found(text.format(2021), rid) == [("全面从治团", "全面从严治团")]
    assert found("团区委推进全面从治团。", rid) == [("全面从治团", "全面从严治团")]  # no year: checked


def test_the_lexicon_dates_what_it_can():
    # The new form of an outdated entry is in use from the year of the change; a
    # formulation line may carry a year as its third field.
    assert _lexicon.since("新时代") == 2017
    assert _lexicon.since("全面从严治团") is None


# --- outdated-formulation: a query, and silent before the change -------------------------------

def test_outdated_formulation_is_a_query():
    fs = lint(baogao.load("2021年，共青团积极拓展新时期共青团工作的空间。"), select=["outdated-formulation"])
    assert [(f.text, f.suggestion, f.severity) for f in fs] == [("新时期", "新时代", "warning")]
    assert fs[0].message.startswith("“新时期”疑为过时的提法") and "请核对" in fs[0].message
    assert "2021 年" in fs[0].message and "是过时的提法" not in fs[0].message


def test_outdated_formulation_is_silent_on_the_reports_that_say_it_in_their_time():
    said = {}
    for report in baogao.corpus():
        year = int(report.meta["year"])
        findings = lint(report, select=["outdated-formulation"])
        if year <= 2017:
            assert findings == [], report.source
            said[report.source] = report.text.count("新时期")
        else:
            assert [f.text for f in findings] == ["新时期"] * report.text.count("新时期"), report.source
    # The reports of 1978–2016 that say 新时期, rightly: eight times in five reports.
    assert sum(said.values()) == 8 and sum(1 for n in said.values() if n) == 5
    assert found("新时期共青团工作。", "outdated-formulation") == []  # no year: no finding


# --- name-near-miss: a place name beside a word ---------------------------------------------

def test_a_word_beside_a_place_name_is_not_a_name_near_miss():
    rid = "name-near-miss"
    # 沿 + 沪宁 (along the Shanghai–Nanjing line), 和 + 沪宁: ordinary text, not 王沪宁.
    assert found("深化沿沪宁产业创新带建设。", rid) == []
    assert found("加强和沪宁两地的合作。", rid) == []
    # A changed surname, or a changed given name, is still a slip.
    assert found("汪沪宁同志出席会议。", rid) == [("汪沪宁", "王沪宁")]
    assert found("坚持以习金平新时代中国特色社会主义思想为指导。", rid) == [("习金平", "习近平")]


# --- single-dash: the connector (一字线) is not a dash written short --------------------------

@pytest.mark.parametrize("text", [
    "推进京—津—冀协同发展。", "北京—上海高速铁路。", "沪—宁—杭一体化。", "增长4%—5%。",
    "一季度—三季度。", "Ⅰ—Ⅲ类水质比例。", "全面融入中国—东盟自由贸易区。",
    "强化药械研发—生产制造—临床应用全链条。", "实施“科技创新2030—重大项目”。"])
def test_a_connector_between_places_numbers_or_items_is_not_a_short_dash(text):
    assert found(text, "single-dash") == []


@pytest.mark.parametrize("text", [
    "—2018年3月7日在区人民代表大会上", "会上指出—要坚定信心。", "北京—我们的首都。",
    "目标—建设美丽中国。"])
def test_a_single_dash_before_a_clause_or_opening_a_line_is_still_found(text):
    assert found(text, "single-dash") == [("—", "——")]
