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
    assert table["id"].tolist() == [f"E{i:03d}" for i in range(1, len(table) + 1)]
    assert len(table) > 100


def test_entries_are_in_text_order(table):
    keys = list(zip(table["line"], table["column"]))
    assert keys == sorted(keys)


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
