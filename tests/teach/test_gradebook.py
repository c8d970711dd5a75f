"""The grade sheet (baogao.teach.gradebook): the table of rows, conflicts, statistics that
count broken notebooks as zeros, CSV a spreadsheet cannot execute, the class report, the
LMS export, the review round trip for writing exercises and one feedback page per student."""

from __future__ import annotations

import csv
import math
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baogao.errors import UsageError
from baogao.teach import gradebook as gb
from baogao.teach.csvsafe import BOM
from baogao.teach.pages import page_names, safe_file_name

A = "01_structure"


def row(student, exercise, status, score, max_score=1.0, *, notebook=None, feedback="", **extra):
    return {"student": student, "assignment": extra.pop("assignment", A), "exercise": exercise,
            "status": status, "score": score, "max_score": max_score, "feedback": feedback,
            "notebook": notebook or f"{student}.ipynb", **extra}


def class_rows():
    """alice right on q1 and a writing answer on q4; bob's notebook broken; carol wrong."""
    return [
        row("alice", "q1", "correct", 1.0, feedback="好"),
        row("alice", "q4", "submitted", None, 2.0, feedback="✘ 编号不对", answer="四、主动作为"),
        row("bob", "q1", "invalid_notebook", 0.0, feedback="未评分：JSON 损坏"),
        row("bob", "q4", "invalid_notebook", None, 2.0, feedback="未评分：JSON 损坏"),
        row("bob", "notebook", "invalid_notebook", None, None, feedback="JSON 格式损坏。"),
        row("carol", "q1", "incorrect", 0.0, feedback="还少了 1 处"),
        row("carol", "q4", "submitted", None, 2.0, answer="四、积极作为"),
    ]


# -- the table -------------------------------------------------------------------------------------
def test_frame_columns_and_types():
    table = gb.frame([row("a", "q1", "correct", "1"), row("b", "q1", "incorrect", None, feedback=None)])
    assert list(table.columns) == gb.COLUMNS  # no row has an answer: no answer column
    assert table["score"].tolist()[0] == 1.0 and math.isnan(table["score"][1])
    assert table["feedback"].tolist() == ["", ""]
    with_answer = gb.frame(class_rows())
    assert list(with_answer.columns) == gb.COLUMNS + ["answer"]
    assert with_answer["answer"].tolist()[:3] == ["", "四、主动作为", ""]
    assert list(gb.frame([]).columns) == gb.COLUMNS


def test_status_names_are_chinese_and_include_conflict():
    assert gb.STATUS_NAMES["conflict"] == "同一作业交了多本，未评分"
    assert gb.STATUS_NAMES["reviewed"] == "教师已评阅"
    assert gb.status_name("made_up") == "made_up"


# -- conflicts ---------------------------------------------------------------------------------------
def _conflicted():
    return gb.frame(class_rows()[:2] + [
        row("dan", "q1", "correct", 1.0, notebook="dan/a.ipynb"),
        row("dan", "q4", "submitted", None, 2.0, notebook="dan/a.ipynb", answer="甲"),
        row("dan", "q1", "incorrect", 0.0, notebook="dan/b.ipynb"),
        row("dan", "q4", "submitted", None, 2.0, notebook="dan/b.ipynb", answer="乙"),
        row("dan", "notebook", "cell_error", None, None, notebook="dan/b.ipynb"),
    ])


def test_conflicts_become_one_unscored_row_per_exercise():
    resolved, set_aside = gb.resolve_conflicts(_conflicted(), {"dan": ["dan/a.ipynb", "dan/b.ipynb"]})
    dan = resolved[resolved["student"] == "dan"]
    assert dan["exercise"].tolist() == ["q1", "q4"]
    assert (dan["status"] == "conflict").all() and dan["score"].isna().all()
    assert dan["max_score"].tolist() == [1.0, 2.0]
    assert dan["feedback"].iloc[0] == ("提交了多本同一作业的笔记本：dan/a.ipynb、dan/b.ipynb；"
                                       "请只保留一本后重新批改。")
    assert len(set_aside) == 5 and set(set_aside["notebook"]) == {"dan/a.ipynb", "dan/b.ipynb"}
    assert resolved[resolved["student"] == "alice"].equals(_conflicted()[:2])
    assert not resolved.duplicated(["student", "assignment", "exercise"]).any()


def test_conflicts_are_found_in_the_rows_too_and_resolving_twice_changes_nothing():
    once = gb.resolve_conflicts(_conflicted()).frame  # no list given: the rows show it
    assert (once.loc[once["student"] == "dan", "status"] == "conflict").all()
    twice = gb.resolve_conflicts(once)
    assert twice.frame.equals(once) and twice.set_aside.empty
    # A student with notebooks of two assignments is no conflict.
    two = gb.frame([row("eve", "q1", "correct", 1.0, notebook="eve/a.ipynb"),
                    row("eve", "q1", "correct", 1.0, notebook="eve/b.ipynb", assignment="00_start")])
    kept = gb.resolve_conflicts(two, {"eve": ["eve/a.ipynb", "eve/b.ipynb"]})
    assert kept.frame.equals(two) and kept.set_aside.empty


# -- statistics ----------------------------------------------------------------------------------------
def test_the_mean_counts_broken_notebooks_as_zeros():
    summary = gb.summarize(gb.frame(class_rows())).set_index("exercise")
    assert list(summary.columns) == ["assignment", "students", "correct", "incorrect", "not_attempted",
                                     "submitted", "reviewed", "conflict", "other", "mean_score", "max_score"]
    # Only alice got q1 right; bob's notebook is broken: (1 + 0 + 0) / 3, not (1 + 0) / 2.
    assert summary.loc["q1", "mean_score"] == pytest.approx(round(1 / 3, 3))
    assert summary.loc["q1", "students"] == 3 and summary.loc["q1", "other"] == 1
    assert pd.isna(summary.loc["q4", "mean_score"])  # writing answers wait for the teacher
    assert summary.loc["q4", "submitted"] == 2 and summary.loc["q4", "max_score"] == 2.0
    assert "notebook" not in summary.index


def test_the_mean_after_review_and_without_conflicts():
    rows = class_rows()
    for r in rows:
        if r["status"] == "submitted":
            r.update(status="reviewed", score=1.0)
    rows.append(row("dan", "q1", "conflict", None))
    summary = gb.summarize(gb.frame(rows)).set_index("exercise")
    assert summary.loc["q4", "mean_score"] == pytest.approx(round(2 / 3, 3))  # bob's empty score is a 0
    assert summary.loc["q1", "mean_score"] == pytest.approx(round(1 / 3, 3))  # dan is not graded
    assert summary.loc["q1", "conflict"] == 1 and summary.loc["q1", "students"] == 4


# -- CSV safety --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("+86 123", "'+86 123"), ("-3 处", "'-3 处"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"),
    ("\u3000=1", "'\u3000=1"), ("'quoted", "''quoted"), ("a=b", "a=b"), ("张三", "张三"), ("", ""),
])
def test_safe_cell(text, safe):
    assert gb.safe_cell(text) == safe
    assert gb.restore_cell(safe) == text


@pytest.mark.parametrize("value", [1, -1.5, 0.0, True, None])
def test_safe_cell_keeps_numbers(value):
    assert gb.safe_cell(value) is value


@given(st.text())
def test_safe_cells_never_start_a_formula_and_read_back_exactly(text):
    safe = gb.safe_cell(text)
    assert not safe.lstrip(" \u3000").startswith(("=", "+", "-", "@", "\t", "\r"))
    assert gb.restore_cell(safe) == text


NAMES = ["=HYPERLINK(\"http://x\")", "'quoted", "-3", "NA", "001", "null", "李 四", "a,b\"c"]


def test_csv_round_trip_with_bom_and_no_formula(tmp_path):
    rows = [row(name, "q1", "incorrect", -0.0 if i else 0.5, feedback=f"=第{i}行\n第二行")
            for i, name in enumerate(NAMES)]
    table = gb.frame(rows + [row("x", "q4", "submitted", None, 2.0, answer="@甲\r\n乙")])
    path = gb.write_csv(table, tmp_path / "grades.csv")
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    text = raw.decode("utf-8-sig")
    assert "\n\"'=HYPERLINK" in text and "\n\"=HYPERLINK" not in text
    assert ",0.5,1.0,\"'=第0行" in text  # numbers stay numbers, texts are made inert
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]  # no temporary file left
    back = gb.read_grades(path)
    assert back.equals(table), back.compare(table)


def test_written_cells_are_inert_in_the_raw_file(tmp_path):
    table = gb.frame([row(name, "q1", "correct", 1.0, feedback=name) for name in NAMES])
    gb.write_csv(table, tmp_path / "g.csv")
    with open(tmp_path / "g.csv", encoding="utf-8-sig", newline="") as fh:
        cells = [cell for r in csv.reader(fh) for cell in r]
    assert not any(cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_read_grades_refuses_what_is_no_grade_sheet(tmp_path):
    with pytest.raises(UsageError, match="找不到成绩表"):
        gb.read_grades(tmp_path / "none.csv")
    (tmp_path / "other.csv").write_text("name,points\nx,1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="缺少列 student"):
        gb.read_grades(tmp_path / "other.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(UsageError, match="空的"):
        gb.read_grades(tmp_path / "empty.csv")
    path = gb.write_csv(gb.frame(class_rows()), tmp_path / "g.csv")
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",1.0,1.0,", ",一分,1.0,"), encoding="utf-8")
    with pytest.raises(UsageError, match="第 2 行的 score 不是数字：“一分”"):
        gb.read_grades(path)
    with pytest.raises(UsageError, match="不是文件"):
        gb.read_grades(tmp_path)


def test_a_sheet_saved_by_excel_in_gb18030_reads(tmp_path):
    table = gb.frame(class_rows())
    text = gb.write_csv(table, tmp_path / "g.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "gbk.csv").write_bytes(text.encode("gb18030"))
    assert gb.read_grades(tmp_path / "gbk.csv").equals(table)


# -- the class report ----------------------------------------------------------------------------------
def test_class_report_is_escaped_chinese_and_themed(tmp_path):
    rows = class_rows() + [row("<script>alert(1)</script>", "q1", "incorrect", 0.0,
                               feedback="<img src=x onerror=alert(1)>")]
    table = gb.frame(rows)
    page = gb.write_html(table, gb.summarize(table), tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    for heading in ("<h1>批改结果</h1>", "<h2>各题汇总</h2>", "<h2>每位学生、每道题</h2>", "<th>学生</th>",
                    "<th>平均分</th>"):
        assert heading in page
    assert "已提交，待教师评阅" in page and "不是有效的笔记本" in page and ">invalid_notebook<" not in page
    assert "prefers-color-scheme: dark" in page and "var(--bg)" in page


# -- the LMS export -------------------------------------------------------------------------------------
def test_lms_table():
    rows = class_rows() + [row("alice", "q1", "correct", 1.0, assignment="00_start"),
                           row("dan", "q1", "conflict", None, assignment="00_start")]
    table = gb.lms_table(gb.frame(rows)).set_index("student")
    assert list(table.columns) == ["01_structure/q1", "01_structure/q4", "00_start/q1", "total", "max_total"]
    assert list(table.index) == ["alice", "bob", "carol", "dan"]
    assert table.loc["alice", "01_structure/q1"] == 1.0 and pd.isna(table.loc["alice", "01_structure/q4"])
    assert pd.isna(table.loc["alice", "total"])  # a writing answer still to review
    assert table.loc["bob", "01_structure/q4"] == 0.0 and table.loc["bob", "total"] == 0.0
    assert pd.isna(table.loc["bob", "00_start/q1"])  # no row: no grade
    assert pd.isna(table.loc["dan", "00_start/q1"]) and pd.isna(table.loc["dan", "total"])
    assert (table["max_total"] == 4.0).all()
    reviewed = [dict(r, status="reviewed", score=1.5) if r["status"] == "submitted" else r
                for r in class_rows()]
    assert gb.lms_table(gb.frame(reviewed)).set_index("student").loc["alice", "total"] == 2.5


# -- the review round trip --------------------------------------------------------------------------------
def _review_file(tmp_path, fill):
    table = gb.frame(class_rows())
    sheet = gb.review_sheet(table)
    for student, (score, comment) in fill.items():
        sheet.loc[sheet["student"] == student, ["teacher_score", "teacher_comment"]] = [score, comment]
    path = gb.write_csv(sheet, tmp_path / "review.csv")
    return table, gb.read_review(path)


def test_review_sheet_lists_what_waits_for_the_teacher():
    sheet = gb.review_sheet(gb.frame(class_rows()))
    assert list(sheet.columns) == ["student", "assignment", "exercise", "answer", "feedback", "max_score",
                                   "teacher_score", "teacher_comment"]
    assert sheet["student"].tolist() == ["alice", "carol"]
    assert sheet["answer"].tolist() == ["四、主动作为", "四、积极作为"]
    assert sheet["feedback"].tolist()[0] == "✘ 编号不对" and (sheet["teacher_score"] == "").all()
    assert gb.review_sheet(gb.frame([row("a", "q1", "correct", 1.0)])).empty


def test_merge_review(tmp_path):
    table, review = _review_file(tmp_path, {"alice": ("１.5", "=编号改对了")})
    merged = gb.merge_review(table, review).set_index(["student", "exercise"])
    alice = merged.loc[("alice", "q4")]
    assert (alice["status"], alice["score"]) == ("reviewed", 1.5)
    assert alice["feedback"] == "✘ 编号不对；教师评语：=编号改对了"
    assert merged.loc[("carol", "q4"), "status"] == "submitted"  # left empty: still to review
    assert pd.isna(merged.loc[("carol", "q4"), "score"])
    assert table["status"].tolist().count("reviewed") == 0  # the input is not changed
    # A second round replaces the comment instead of piling comments up.
    again = gb.merge_review(merged.reset_index()[table.columns], review.assign(teacher_comment="改好了"))
    assert again.set_index(["student", "exercise"]).loc[("alice", "q4"), "feedback"] == "✘ 编号不对；教师评语：改好了"


@pytest.mark.parametrize("fill, needle", [
    ({"alice": ("3", "")}, "alice 的 01_structure/q4 的分数“3”无效：应为 0 到 2 之间的数"),
    ({"alice": ("-1", "")}, "分数“-1”无效"),
    ({"alice": ("优", "")}, "alice 的 01_structure/q4 的分数“优”不是数字"),
    ({"alice": ("nan", "")}, "不是数字"),
])
def test_merge_review_validates_scores(tmp_path, fill, needle):
    table, review = _review_file(tmp_path, fill)
    with pytest.raises(UsageError, match=needle):
        gb.merge_review(table, review)


def test_merge_review_refuses_unknown_rows(tmp_path):
    table, review = _review_file(tmp_path, {})
    for column, value, needle in [("student", "zoe", "zoe 的 01_structure/q4 在成绩表中没有"),
                                  ("exercise", "q9", "alice 的 01_structure/q9 在成绩表中没有")]:
        bad = review.copy()
        bad.loc[0, column] = value
        with pytest.raises(UsageError, match=needle):
            gb.merge_review(table, bad)
    with pytest.raises(UsageError, match="不止一次"):
        gb.merge_review(table, pd.concat([review, review]))
    scored_q1 = pd.DataFrame([{"student": "alice", "assignment": A, "exercise": "q1", "teacher_score": "1"}])
    with pytest.raises(UsageError, match="不是待评阅的写作题（状态：正确）"):
        gb.merge_review(table, scored_q1)
    (tmp_path / "r.csv").write_text("student,score\n", encoding="utf-8")
    with pytest.raises(UsageError, match="缺少列 assignment、exercise、teacher_score"):
        gb.read_review(tmp_path / "r.csv")


# -- feedback pages -------------------------------------------------------------------------------------
PROBLEMS = {A: [SimpleNamespace(name="q1", title="一级标题有几个", hints=["看 level", "数一数"]),
                SimpleNamespace(name="q4", title="改写标题", hints=["<b>同级</b>"])]}


def test_safe_file_names():
    assert safe_file_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_file_name(".hidden") == "hidden"
    assert safe_file_name("..") == "student"
    assert safe_file_name("a\\b:c") == "a_b_c"
    assert safe_file_name("CON") == "_CON" and safe_file_name("张三") == "张三"
    assert len(safe_file_name("长" * 200).encode()) <= 180
    assert page_names(["Ann", "ann", "a/b", "a_b"]) == {"Ann": "Ann.html", "ann": "ann-2.html",
                                                       "a/b": "a_b.html", "a_b": "a_b-2.html"}


def test_feedback_pages(tmp_path):
    rows = class_rows()
    rows[0]["feedback"] = "<script>x</script>"
    rows[1]["feedback"] = "✘ 编号不对；教师评语：写得<好>"
    rows[1]["status"], rows[1]["score"] = "reviewed", 1.5
    rows.append(row("../evil", "q1", "correct", 1.0))
    written = gb.feedback_pages(gb.frame(rows), tmp_path / "fb", PROBLEMS)
    assert sorted(p.name for p in written) == ["_evil.html", "alice.html", "bob.html", "carol.html"]
    assert sorted(p.name for p in (tmp_path / "fb").iterdir()) == sorted(
        [p.name for p in written] + ["generated.json"])
    alice = (tmp_path / "fb" / "alice.html").read_text(encoding="utf-8")
    assert "<script>x" not in alice and "&lt;script&gt;x" in alice
    assert "作业反馈：alice" in alice and "第 1 题：一级标题有几个" in alice and "教师已评阅" in alice
    assert "得分：1.5 / 2" in alice and "合计：2.5 / 3" in alice
    assert "四、主动作为" in alice and "写得&lt;好&gt;" in alice and "教师评语" in alice
    assert "看 level" not in alice  # q1 is correct: no hints
    assert "&lt;b&gt;同级&lt;/b&gt;" in alice  # q4 is not "correct": its hints
    carol = (tmp_path / "fb" / "carol.html").read_text(encoding="utf-8")
    assert "看 level" in carol and "数一数" in carol and "待教师评阅" in carol
    bob = (tmp_path / "fb" / "bob.html").read_text(encoding="utf-8")
    assert "笔记本的问题（不是有效的笔记本）：JSON 格式损坏。" in bob
    assert "prefers-color-scheme" in bob


def test_feedback_hints_come_from_the_course_by_default(tmp_path):
    from baogao.course import get_assignment

    hint = get_assignment(A).problems["q1"].hints[0]
    gb.feedback_pages(gb.frame(class_rows()), tmp_path)
    assert hint in (tmp_path / "carol.html").read_text(encoding="utf-8")
    assert hint not in (tmp_path / "alice.html").read_text(encoding="utf-8")
    unknown = gb.frame([row("x", "q1", "incorrect", 0.0, assignment="99_future")])
    gb.feedback_pages(unknown, tmp_path / "other")  # an unknown assignment: no hints, no error
    assert "99_future" in (tmp_path / "other" / "x.html").read_text(encoding="utf-8")


def test_feedback_pages_never_overwrite_a_file_they_did_not_write(tmp_path):
    table = gb.frame(class_rows())
    folder = tmp_path / "fb"
    folder.mkdir()
    (folder / "bob.html").write_text("老师自己的笔记", encoding="utf-8")
    with pytest.raises(UsageError, match="bob.html"):
        gb.feedback_pages(table, folder, PROBLEMS)
    assert sorted(p.name for p in folder.iterdir()) == ["bob.html"]  # nothing written at all
    gb.feedback_pages(table, folder, PROBLEMS, force=True)
    assert "作业反馈：bob" in (folder / "bob.html").read_text(encoding="utf-8")
    # Its own pages are replaced on the next run …
    changed = table.assign(feedback="新的反馈")
    gb.feedback_pages(changed, folder, PROBLEMS)
    assert "新的反馈" in (folder / "alice.html").read_text(encoding="utf-8")
    # … unless someone edited one since.
    (folder / "carol.html").write_text("改过的", encoding="utf-8")
    with pytest.raises(UsageError, match="carol.html"):
        gb.feedback_pages(table, folder, PROBLEMS)
    assert (folder / "carol.html").read_text(encoding="utf-8") == "改过的"


def test_feedback_pages_refuse_a_foreign_record_and_a_file_as_folder(tmp_path):
    (tmp_path / "generated.json").write_text('{"mine": true}', encoding="utf-8")
    with pytest.raises(UsageError, match="generated.json"):
        gb.feedback_pages(gb.frame(class_rows()), tmp_path, PROBLEMS)
    assert (tmp_path / "generated.json").read_text(encoding="utf-8") == '{"mine": true}'
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="不是文件夹"):
        gb.feedback_pages(gb.frame(class_rows()), tmp_path / "file", PROBLEMS)
