"""The specimen's errata: schema, fit to the raw text, application, corrected edition."""

import re

import pandas as pd
import pytest

import baogao
from baogao.errors import BaogaoError
from baogao.sources import errata as er
from baogao.sources.edition import (
    DIFF_COLUMNS,
    ErrataMismatchError,
    apply_errata,
    corrected_text,
    edition_diff,
    unresolved,
)
from baogao.sources.errata import CATCHABLE, COLUMNS, ErrataSchemaError, load_errata
from baogao.text.lexicon import data_path

SPECIMEN = data_path("specimen")
RAW = (SPECIMEN / "report_raw.txt").read_text(encoding="utf-8")
RAW_LINES = RAW.split("\n")
ERRATA_MD = (SPECIMEN / "ERRATA.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def table():
    return load_errata()


def at(lines, line, column, length):
    return lines[line - 1][column - 1:column - 1 + length]


def synthetic(rows):
    """A small errata table in the schema, ids numbered in order."""
    full = []
    for i, r in enumerate(rows, 1):
        cat = r.get("category", "ascii_punctuation")
        full.append({"id": f"E{i:03d}", "line": r["line"], "column": r["column"],
                     "text": r["text"], "category": cat,
                     "correction": r["correction"], "certainty": r.get("certainty", "certain"),
                     "basis": "test", "catchable": "yes" if CATCHABLE[cat] else "no",
                     "scope": r.get("scope", "once"), "count": r.get("count", 1)})
    return pd.DataFrame(full, columns=COLUMNS)


# ---------------------------------------------------------------- schema


def test_table_has_typed_columns(table):
    assert list(table.columns) == COLUMNS
    assert str(table["line"].dtype) == "int64"
    assert str(table["column"].dtype) == "int64"
    assert str(table["count"].dtype) == "int64"
    assert str(table["catchable"].dtype) == "bool"
    assert sorted(table["id"], key=lambda x: int(x[1:])) == [f"E{i:03d}" for i in range(1, len(table) + 1)]
    assert len(table) > 100


def test_entries_are_in_text_order(table):
    keys = list(zip(table["line"], table["column"]))
    assert keys == sorted(keys)


def test_ids_are_stable(table):
    # E001–E158 were numbered in text order; later entries take the next ids, wherever they stand.
    number = table["id"].str[1:].astype(int)
    first = table[number <= 158]
    assert first["id"].tolist() == [f"E{i:03d}" for i in range(1, 159)]
    pinned = {"E021": (7, 9, "习金平"), "E048": (20, 64, "新时期"), "E049": (21, 65, "十五"),
              "E056": (22, 95, "青年之家"), "E143": (44, 71, "感谢所有兢兢业业、尽职尽责的团中央同志,这是"),
              "E158": (47, 1, RAW_LINES[46]), "E159": (3, 158, "突出了共青团员和少先队员红色基因的政治内涵"),
              "E168": (45, 90, "要做好接班人这个根本大计")}
    rows = table.set_index("id")
    for eid, (line, column, text) in pinned.items():
        assert (rows.loc[eid, "line"], rows.loc[eid, "column"], rows.loc[eid, "text"]) == (line, column, text), eid


def test_a_duplicate_or_missing_id_raises(table):
    bad = table.copy()
    bad.loc[7, "id"] = bad.loc[6, "id"]
    with pytest.raises(ErrataSchemaError, match="重复"):
        load_errata(bad)
    bad = table.copy()
    bad.loc[7, "id"] = f"E{len(table) + 1:03d}"
    with pytest.raises(ErrataSchemaError, match="缺了") as info:
        load_errata(bad)
    assert info.value.entry_id == f"E{len(table) + 1:03d}"


def test_rows_out_of_text_order_raise(table):
    bad = table.iloc[[0, 2, 1] + list(range(3, len(table)))].reset_index(drop=True)
    with pytest.raises(ErrataSchemaError, match="原文顺序") as info:
        load_errata(bad)
    assert info.value.entry_id == bad.loc[2, "id"]


def test_the_empty_correction_survives_loading(table):
    # A deletion is the empty string, not NaN (pandas' default reading would lose it).
    deletions = table[table["correction"] == ""]
    assert {"seo_title", "boilerplate", "duplication", "latin_residue"} <= set(deletions["category"])


def test_a_table_read_by_pandas_validates_to_the_same(table):
    # pandas reads the empty correction of a deletion as NaN; it must stay a deletion.
    df = pd.read_csv(er.errata_path(), encoding="utf-8")
    assert df["correction"].isna().any()
    pd.testing.assert_frame_equal(load_errata(df), table)


@pytest.mark.parametrize("column, value, fragment", [
    ("category", "typo", "类别"),
    ("certainty", "likely", "确定程度"),
    ("scope", "twice", "范围"),
    ("catchable", "maybe", "catchable"),
])
def test_schema_violations_raise_with_the_id(table, column, value, fragment):
    bad = table.copy()
    bad[column] = bad[column].astype(object)
    bad.loc[5, column] = value
    with pytest.raises(ErrataSchemaError) as info:
        load_errata(bad)
    assert info.value.entry_id == "E006"
    assert fragment in str(info.value)


def test_catchable_disagreeing_with_its_category_raises(table):
    bad = table.copy()
    row = bad.index[bad["category"] == "garbled"][0]
    bad.loc[row, "catchable"] = True
    with pytest.raises(ErrataSchemaError) as info:
        load_errata(bad)
    assert info.value.entry_id == bad.loc[row, "id"]


def test_unknown_certainty_never_carries_a_correction(table):
    bad = table.copy()
    row = bad.index[bad["certainty"] == "unknown"][0]
    bad.loc[row, "correction"] = "猜测"
    with pytest.raises(ErrataSchemaError):
        load_errata(bad)
    assert (table[table["certainty"] == "unknown"]["correction"] == "unknown").all()


def test_ids_out_of_sequence_raise(table):
    bad = table.copy()
    bad.loc[3, "id"] = "E999"
    with pytest.raises(ErrataSchemaError):
        load_errata(bad)


def test_errors_are_baogao_errors():
    assert issubclass(ErrataMismatchError, BaogaoError)
    assert issubclass(ErrataSchemaError, BaogaoError)


# ---------------------------------------------------------------- fit to the raw text


def test_every_once_entry_matches_the_raw_text(table):
    once = table[table["scope"] == "once"]
    for row in once.itertuples():
        assert at(RAW_LINES, row.line, row.column, len(row.text)) == row.text, row.id
        assert row.count == 1


def test_systematic_counts_and_first_positions_match_the_raw_text(table):
    systematic = table[table["scope"] == "systematic"]
    assert set(systematic["text"]) == {",", ";", "(", ")", "!", " "}
    for row in systematic.itertuples():
        assert RAW.count(row.text) == row.count, row.id
        first = RAW.find(row.text)
        line = RAW.count("\n", 0, first) + 1
        column = first - (RAW.rfind("\n", 0, first) + 1) + 1
        assert (line, column) == (row.line, row.column), row.id
    commas = systematic[systematic["text"] == ","].iloc[0]
    assert commas["count"] == 368 and "，" not in RAW


def test_specimen_has_no_ascii_comma_between_digits():
    assert not re.search(r"\d,\d", RAW)


def test_catchable_is_set_per_category(table):
    for row in table.itertuples():
        assert row.catchable == CATCHABLE[row.category], row.id
    per_category = table.groupby("category")["catchable"].nunique()
    assert (per_category == 1).all()


def test_errata_md_declares_the_same_categories():
    section = ERRATA_MD.split("## Categories", 1)[1].split("\n## ", 1)[0]
    declared = dict(re.findall(r"^\| `([a-z_]+)` \| (yes|no) \|", section, flags=re.M))
    assert declared == {c: ("yes" if v else "no") for c, v in CATCHABLE.items()}


def test_errata_md_counts_agree_with_the_table():
    section = ERRATA_MD.split("## Counts", 1)[1].split("\n## ", 1)[0]
    found = {}
    for cat, *nums in re.findall(r"^\| `([a-z_]+)` \| (?:yes|no) \| (\d+) \| (\d+) \| (\d+) \| "
                                 r"(\d+) \| (\d+) \|", section, flags=re.M):
        found[cat] = [int(n) for n in nums]
    summary = er.summary()
    expected = {cat: [int(summary.loc[cat, c]) for c in
                      ("certain", "probable", "unknown", "entries", "occurrences")]
                for cat in summary.index}
    assert found == expected


def test_errata_md_totals_agree_with_the_table(table):
    section = ERRATA_MD.split("## Counts", 1)[1].split("\n## ", 1)[0]
    flat = " ".join(section.split())
    m = re.search(r"Totals: (\d+) entries \((\d+) once, (\d+) systematic: .*?\); (\d+) certain, (\d+) probable, "
                  r"(\d+) unknown; (\d+) entries with correction `unknown`\. Catchable once entries \(the linter's "
                  r"recall target\): (\d+) \((\d+) certain, (\d+) probable, (\d+) queries\)", flat)
    assert m, "the Totals paragraph of ERRATA.md"
    once = table[table["scope"] == "once"]
    target = once[once["catchable"]]
    certainty = table["certainty"].value_counts()
    expected = [len(table), len(once), len(table) - len(once), certainty["certain"], certainty["probable"],
                certainty["unknown"], (table["correction"] == "unknown").sum(), len(target),
                (target["certainty"] == "certain").sum(), (target["certainty"] == "probable").sum(),
                (target["certainty"] == "unknown").sum()]
    assert [int(x) for x in m.groups()] == [int(x) for x in expected]
    queries = re.search(r"\*\*Honest uncertainty\*\* — (\d+) queries", ERRATA_MD)
    assert queries and int(queries.group(1)) == certainty["unknown"]


# ---------------------------------------------------------------- what the bases may say


NUMBERING_SEQUENCE = "“依次可以用”“一、”“（一）”“1.”“（1）”"


def test_bases_cite_standards_for_what_they_say(table):
    for row in table.itertuples():
        if "GB/T 9704" in row.basis:
            # GB/T 9704 is cited only for the heading sequence, and as the recommendation it is.
            assert row.category == "numbering", row.id
            assert NUMBERING_SEQUENCE in row.basis and "推荐" in row.basis and "惯例" in row.basis, row.id
        assert "第一层为" not in row.basis and "一级标题应为" not in row.basis, row.id
    commas = table[(table["scope"] == "systematic") & (table["text"] == ",")].iloc[0]
    assert "GB/T 15834-2011" in commas["basis"] and "9704" not in commas["basis"]
    rows = table.set_index("id")
    for eid in ("E014", "E027", "E068", "E082"):
        assert NUMBERING_SEQUENCE in rows.loc[eid, "basis"], eid
    # House style and the text's own practice are said to be that, not a standard's rule.
    for eid in ("E015", "E044", "E056"):
        assert "不是" in rows.loc[eid, "basis"] and ("体例" in rows.loc[eid, "basis"] or "写法" in rows.loc[eid, "basis"])
    assert "标准的规定" in rows.loc["E015", "basis"]


def test_no_basis_assumes_the_addressee_or_the_occasion(table):
    # The copy names the 中央书记处 only in the third person (raw lines 3, 4, 35).
    assert [n for n, line in enumerate(RAW_LINES, 1) if "中央书记处" in line and "团中央书记处" not in line] \
        == [3, 4, 35]
    for row in table.itertuples():
        for phrase in ("向中央书记处", "向中共中央书记处", "给中央书记处", "向党中央所作", "全会上所作", "报告的对象是"):
            assert phrase not in row.basis, (row.id, phrase)
    e143 = table.set_index("id").loc["E143"]
    assert e143["certainty"] == "unknown" and "看不出来" in e143["basis"]


TITLE_CHAIN = ("E053", "E065", "E080", "E093", "E098", "E104", "E121")


def test_no_document_title_is_moved(table):
    """The titles of lines 21–41 may have slipped one place each (21 ← 23 ← 27 ← 31 ← 33 ← 35): a
    hypothesis the bases state and the edition does not apply."""
    titles = table[table["category"] == "document_title_error"]
    assert sorted(titles["id"]) == sorted(TITLE_CHAIN)
    assert (titles["correction"] == "unknown").all()
    assert set(TITLE_CHAIN) <= set(unresolved()["id"])      # every title stays where it stands
    for row in titles.itertuples():
        assert "假设" in row.basis or "推测" in row.basis, row.id
    rows = table.set_index("id")
    assert rows.loc["E053", "certainty"] == "unknown" and rows.loc["E104", "certainty"] == "unknown"
    for eid in ("E080", "E093", "E098", "E121"):             # wrong where it stands, beyond doubt
        assert rows.loc[eid, "certainty"] == "certain" and "放在这里是错的" in rows.loc[eid, "basis"], eid


NEW_ENTRIES = [  # (id, line, column, text, category, correction, certainty)
    ("E159", 3, 158, "突出了共青团员和少先队员红色基因的政治内涵", "garbled", "unknown", "unknown"),
    ("E160", 9, 33, "主动满足共青团各级领导机关关于不设党组的明确要求", "garbled", "unknown", "unknown"),
    ("E161", 18, 258, "在家乡聘请一位有爱心、有教养、有责任心的“童伴妈妈”", "garbled", "unknown", "unknown"),
    ("E162", 32, 168, "学术关", "formulation_error", "学业关", "probable"),
    ("E163", 41, 61, "经过深入调研和专题调研", "word_choice", "unknown", "unknown"),
    ("E164", 41, 105, "以政治建设为统领,以从严团组织建设为重点,从严团干部管理、从严团员管理、以制度建设为保障",
     "garbled", "unknown", "unknown"),
    ("E165", 43, 171, "12项", "word_choice", "12次", "probable"),
    ("E166", 43, 191, "26项", "word_choice", "26次", "probable"),
    ("E167", 43, 451, "努力在全团建设廉洁正气", "garbled", "unknown", "unknown"),
    ("E168", 45, 90, "要做好接班人这个根本大计", "formulation_error", "抓好后继有人这个根本大计", "probable"),
]


@pytest.mark.parametrize("eid, line, column, text, category, correction, certainty", NEW_ENTRIES)
def test_the_entries_added_after_review(table, eid, line, column, text, category, correction, certainty):
    row = table.set_index("id").loc[eid]
    assert (row["line"], row["column"], row["text"]) == (line, column, text)
    assert at(RAW_LINES, line, column, len(text)) == text
    assert (row["category"], row["correction"], row["certainty"]) == (category, correction, certainty)
    assert row["scope"] == "once" and row["basis"].endswith("。")


def test_the_added_corrections_rest_on_the_text():
    # 项 for sessions of study: the same paragraph counts its meetings in 次.
    assert "召开书记处会议35次、书记处专题会议20次" in RAW_LINES[42]
    assert "开展学习12项" in RAW_LINES[42] and "开展学习26项" in RAW_LINES[42]
    # 学术关: the four other items of the series stand as the 学生会 reform documents have them.
    assert "严把政治关、学术关、能力关、作风关、群众关" in RAW_LINES[31]
    # The 决议 is named as the source of the quotation.
    assert "党的十九届六中全会决议明确提出“要做好接班人这个根本大计”" in RAW_LINES[44]
    text = corrected_text()
    for right in ("开展学习12次", "开展学习26次", "严把政治关、学业关、能力关、作风关、群众关",
                  "“抓好后继有人这个根本大计”"):
        assert right in text, right


# ---------------------------------------------------------------- application


def test_corrected_text_has_no_ascii_marks_in_chinese_context():
    text = corrected_text()
    for m in re.finditer(r"[,;()!]", text):
        before, after = text[m.start() - 1], text[m.end():m.end() + 1]
        assert before.isascii() and before.isalnum() and after.isascii() and after.isalnum(), \
            text[m.start() - 5:m.end() + 5]
    assert " " not in text
    assert "，" in text and text.count("，") > 300


def test_boilerplate_lines_are_removed():
    text = corrected_text()
    assert len(text.split("\n")) == len(RAW_LINES) - 3
    assert "本站" not in text and "新媒体中心" not in text
    assert text.startswith("2021年，以习近平同志为核心的党中央")


def test_known_corrections_are_in_the_edition():
    text = corrected_text()
    for wrong in ("习金平", "金平", "政治悟性", "政治洞察力", "国家伟人", "NPC", "CPPCC", "(CPC)",
                  "打孔", "“十五”", "全程人民民主", "以史为鉴、以史为鉴", "晋级晋级",
                  "“三个代表”", "党旗指的就是共青团旗要做的"):
        assert wrong not in text, wrong
    for right in ("政治判断力、政治领悟力和政治执行力", "“国之大者”", "人大代表、政协委员面对面",
                  "“十四五”规划和2035年远景目标纲要", "“请党放心，强国有我”",
                  "“不忘初心、牢记使命”", "一是掌握武装力量的理论。"):
        assert right in text, right


def test_unknown_corrections_leave_the_words_as_they_are(table):
    text = corrected_text()
    assert "通过pa" not in text and text.split("\n")[22].endswith("通过")  # raw line 25
    listed = unresolved()
    assert set(listed["id"]) == set(table[table["correction"] == "unknown"]["id"])
    lines = text.split("\n")
    for row in listed.itertuples():
        shown = at(lines, row.corrected_line, row.corrected_column, len(row.text))
        normalised = (row.text.replace(",", "，").replace(";", "；").replace("(", "（")
                      .replace(")", "）").replace(" ", ""))
        assert shown.startswith(normalised[:len(shown)]) and normalised.startswith(shown), row.id


def test_apply_matches_the_cached_edition_and_is_cached(table):
    assert apply_errata(RAW, table) == corrected_text()
    assert apply_errata(RAW) == corrected_text()
    assert corrected_text() is corrected_text()


def test_windows_line_endings_give_the_same_edition(table):
    assert apply_errata(RAW.replace("\n", "\r\n"), table) == corrected_text()


def test_mismatched_text_raises_with_the_id(table):
    bad = table.copy()
    row = bad.index[(bad["scope"] == "once") & (bad["text"] == "习金平")][0]
    bad.loc[row, "text"] = "习金华"
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(RAW, bad)
    assert info.value.entry_id == bad.loc[row, "id"]
    assert bad.loc[row, "id"] in str(info.value)


def test_shifted_column_raises_with_the_id(table):
    bad = table.copy()
    row = bad.index[bad["text"] == "政治悟性"][0]
    bad.loc[row, "column"] += 1
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(RAW, bad)
    assert info.value.entry_id == bad.loc[row, "id"]


def test_line_beyond_the_text_raises(table):
    bad = table.copy()
    bad.loc[len(bad) - 1, "line"] = 99
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(RAW, bad)
    assert info.value.entry_id == bad.loc[len(bad) - 1, "id"]


def test_overlapping_entries_raise_with_both_ids(table):
    bad = table.copy()
    first = bad.index[bad["text"] == "以史为鉴、"][0]
    # Still matches the raw text, but now runs into the next entry.
    bad.loc[first, "text"] = "以史为鉴、以"
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(RAW, bad)
    ids = (bad.loc[first, "id"], bad.loc[first + 1, "id"])
    assert info.value.entry_id == ",".join(ids)
    assert all(i in str(info.value) for i in ids)


def test_wrong_systematic_count_raises_with_the_id(table):
    bad = table.copy()
    row = bad.index[(bad["scope"] == "systematic") & (bad["text"] == ",")][0]
    bad.loc[row, "count"] = 367
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(RAW, bad)
    assert info.value.entry_id == bad.loc[row, "id"]
    assert "368" in str(info.value)


def test_systematic_entry_must_sit_at_its_first_occurrence():
    raw = "甲;乙;丙"
    ok = synthetic([{"line": 1, "column": 2, "text": ";", "correction": "；",
                     "scope": "systematic", "count": 2}])
    assert apply_errata(raw, ok) == "甲；乙；丙"
    bad = synthetic([{"line": 1, "column": 4, "text": ";", "correction": "；",
                      "scope": "systematic", "count": 2}])
    with pytest.raises(ErrataMismatchError) as info:
        apply_errata(raw, bad)
    assert info.value.entry_id == "E001"


def test_latin_context_is_kept_and_lines_are_deleted():
    raw = "标题,广告\n正文1,000元,共计;完\n页脚!"
    table = synthetic([
        {"line": 1, "column": 1, "text": "标题,广告", "correction": "", "category": "boilerplate"},
        {"line": 1, "column": 3, "text": ",", "correction": "，", "scope": "systematic", "count": 3},
        {"line": 2, "column": 12, "text": ";", "correction": "；", "scope": "systematic",
         "count": 1},
        {"line": 2, "column": 13, "text": "完", "correction": "unknown", "category": "cut_off",
         "certainty": "certain"},
        {"line": 3, "column": 1, "text": "页脚!", "correction": "", "category": "boilerplate"},
    ])
    assert apply_errata(raw, table) == "正文1,000元，共计；完"


# ---------------------------------------------------------------- the diff


def test_edition_diff_rows_agree_with_both_texts(table):
    diff = edition_diff()
    assert list(diff.columns) == DIFF_COLUMNS
    assert len(diff) == len(table)
    new_lines = corrected_text().split("\n")
    for row in diff.itertuples():
        assert at(RAW_LINES, row.raw_line, row.raw_column, len(row.raw_text)) == row.raw_text
        if row.status == "deleted":
            assert row.corrected_text == ""
        if row.status == "corrected":
            got = at(new_lines, row.corrected_line, row.corrected_column, len(row.corrected_text))
            assert got == row.corrected_text, row.id
        if row.status == "deleted" and row.raw_text in RAW_LINES:
            assert pd.isna(row.corrected_line)
        if row.status == "unresolved":
            got = at(new_lines, row.corrected_line, row.corrected_column, len(row.corrected_text))
            assert got == row.corrected_text and got, row.id
        if row.status == "systematic" and not pd.isna(row.corrected_line):
            got = at(new_lines, row.corrected_line, row.corrected_column, len(row.corrected_text))
            assert got == row.corrected_text, row.id


def test_expanded_diff_places_every_systematic_occurrence(table):
    diff = edition_diff(expand_systematic=True)
    new_lines = corrected_text().split("\n")
    systematic = diff[diff["scope"] == "systematic"]
    for row in table[table["scope"] == "systematic"].itertuples():
        mine = systematic[systematic["id"] == row.id]
        assert len(mine) == row.count
        assert mine["occurrence"].tolist() == list(range(1, row.count + 1))
    applied = systematic[systematic["status"] == "corrected"]
    for row in applied.itertuples():
        assert at(RAW_LINES, row.raw_line, row.raw_column, 1) == row.raw_text
        if row.corrected_text:
            assert at(new_lines, row.corrected_line, row.corrected_column, 1) == row.corrected_text
    commas = applied[applied["raw_text"] == ","]
    assert len(commas) == corrected_text().count("，") - sum(
        c.count("，") for c in table[(table["scope"] == "once") &
                                    (table["correction"] != "unknown")]["correction"])
    consumed = systematic[systematic["status"] == "consumed"]
    assert consumed["corrected_line"].isna().all()


# ---------------------------------------------------------------- the corrected edition as a report


def test_corrected_edition_loads_and_keeps_seven_headings():
    report = baogao.load(corrected_text())
    outline = report.outline().to_dict()
    headings = outline["headings"]
    assert len(headings) == 7
    assert [h["number"] for h in headings] == [1, 2, 3, 5, 6, 7, 8]
    assert {h["marker"][-1] for h in headings} == {"、"}
    assert len({h["style"] for h in headings}) == 1
    issues = [(i["kind"], i["expected"]) for i in outline["numbering_issues"]]
    assert issues == [("gap", "四")]            # the lost heading stays lost
    markers = [e["markers"] for e in outline["enumerations"]]
    assert ["一是", "二是", "三是", "四是"] in markers
    assert report.title is None                 # the report's own title is unknown


def test_raw_outline_still_shows_the_damage():
    issues = baogao.specimen().outline().to_dict()["numbering_issues"]
    assert len(issues) > 1


def test_the_specimen_readme_does_not_assert_the_addressee():
    readme = (SPECIMEN / "README.md").read_text(encoding="utf-8")
    flat = " ".join(readme.split())
    assert "to the Secretariat" not in flat
    assert "Whom the report was addressed to is **not known**" in flat
    assert "only in the third person (lines 3, 4 and 35" in flat
