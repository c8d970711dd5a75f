"""The grade-sheet commands of ``baogao teach`` (gradebook, review, merge-review, feedback)
and the new options of ``grade`` (--feedback, --no-sandbox), called through
baogao.cli.teach.main: exit codes, one Chinese sentence for bad input, no file
overwritten without --force, no input ever written onto."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pandas as pd
import pytest

from baogao.cli.teach import main
from baogao.teach import gradebook as gb

A = "01_structure"


def row(student, exercise, status, score, max_score=1.0, **extra):
    return {"student": student, "assignment": A, "exercise": exercise, "status": status,
            "score": score, "max_score": max_score, "feedback": extra.pop("feedback", ""),
            "notebook": extra.pop("notebook", f"{student}.ipynb"), **extra}


@pytest.fixture
def grades(tmp_path) -> Path:
    rows = [row("alice", "q1", "correct", 1.0), row("alice", "q4", "submitted", None, 2.0, answer="四、甲"),
            row("bob", "q1", "incorrect", 0.0), row("bob", "q4", "submitted", None, 2.0, answer="=乙"),
            row("=evil", "q1", "correct", 1.0), row("=evil", "q4", "not_attempted", 0.0, 2.0)]
    return gb.write_csv(gb.frame(rows), tmp_path / "grades.csv")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> bool:
    return err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err


def test_gradebook_command(capsys, grades, tmp_path):
    out = tmp_path / "平台.csv"
    code, text, err = run(capsys, "gradebook", grades, "--out", out)
    assert (code, err) == (0, "") and "3 位学生，2 道题" in text and "2 位学生有待评阅" in text
    table = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert list(table.columns) == ["student", f"{A}/q1", f"{A}/q4", "total", "max_total"]
    assert table["student"].tolist() == ["alice", "bob", "'=evil"]  # inert in a spreadsheet
    assert table["total"].astype(str).tolist() == ["", "", "1.0"]  # empty while anything awaits review
    # An existing --out is kept without --force …
    before = out.read_bytes()
    code, _, err = run(capsys, "gradebook", grades, "--out", out)
    assert code == 2 and one_sentence(err) and "--force" in err and out.read_bytes() == before
    # … replaced with it, but the input is never written onto, --force or not.
    assert run(capsys, "gradebook", grades, "--out", out, "--force")[0] == 0
    for extra in ([], ["--force"]):
        code, _, err = run(capsys, "gradebook", grades, "--out", grades, *extra)
        assert code == 2 and one_sentence(err) and "输入文件" in err
    assert gb.read_grades(grades)["student"].tolist()[0] == "alice"


def test_review_round_trip(capsys, grades, tmp_path):
    review, final = tmp_path / "评阅.csv", tmp_path / "最终成绩.csv"
    code, text, err = run(capsys, "review", grades, "--out", review)
    assert (code, err) == (0, "") and "2 道待评阅的写作题" in text and "merge-review" in text
    sheet = gb.read_review(review)
    assert sheet["answer"].tolist() == ["四、甲", "=乙"]
    # The teacher fills in one score in a spreadsheet and saves (here: GB18030, as Excel on Chinese Windows).
    sheet.loc[sheet["student"] == "alice", ["teacher_score", "teacher_comment"]] = ["2", "很好"]
    text = gb.write_csv(sheet, review).read_text(encoding="utf-8-sig")
    review.write_bytes(text.encode("gb18030"))
    code, text, err = run(capsys, "merge-review", grades, review, "--out", final)
    assert (code, err) == (0, "") and "本次评阅 1 道，仍待评阅 1 道" in text
    merged = gb.read_grades(final).set_index(["student", "exercise"])
    assert merged.loc[("alice", "q4"), "status"] == "reviewed" and merged.loc[("alice", "q4"), "score"] == 2.0
    assert merged.loc[("alice", "q4"), "feedback"].endswith("教师评语：很好")
    assert merged.loc[("bob", "q4"), "status"] == "submitted"
    assert gb.read_grades(grades)["status"].tolist().count("reviewed") == 0  # the input is unchanged
    for target in (grades, review):
        code, _, err = run(capsys, "merge-review", grades, review, "--out", target, "--force")
        assert code == 2 and one_sentence(err) and "输入文件" in err


def test_merge_review_with_a_bad_score_writes_nothing(capsys, grades, tmp_path):
    review, final = tmp_path / "r.csv", tmp_path / "final.csv"
    assert run(capsys, "review", grades, "--out", review)[0] == 0
    sheet = gb.read_review(review)
    sheet.loc[0, "teacher_score"] = "5"
    gb.write_csv(sheet, review)
    code, out, err = run(capsys, "merge-review", grades, review, "--out", final)
    assert code == 2 and out == "" and one_sentence(err)
    assert "alice 的 01_structure/q4 的分数“5”无效：应为 0 到 2 之间的数" in err
    assert not final.exists()


def test_review_without_writing_exercises(capsys, tmp_path):
    grades = gb.write_csv(gb.frame([row("a", "q1", "correct", 1.0)]), tmp_path / "g.csv")
    code, text, _ = run(capsys, "review", grades, "--out", tmp_path / "r.csv")
    assert code == 0 and "没有待评阅的写作题" in text and not (tmp_path / "r.csv").exists()


def test_feedback_command(capsys, grades, tmp_path):
    folder = tmp_path / "反馈"
    code, text, err = run(capsys, "feedback", grades, "--out", folder)
    assert (code, err) == (0, "") and "3 位学生的反馈页" in text and "2 位学生还有待评阅" in text
    assert sorted(p.name for p in folder.glob("*.html")) == ["=evil.html", "alice.html", "bob.html"]
    assert "作业反馈：=evil" in (folder / "=evil.html").read_text(encoding="utf-8")
    assert run(capsys, "feedback", grades, "--out", folder)[0] == 0  # its own pages: replaced
    (folder / "bob.html").write_text("别人的文件", encoding="utf-8")
    code, _, err = run(capsys, "feedback", grades, "--out", folder)
    assert code == 2 and one_sentence(err) and "bob.html" in err
    assert run(capsys, "feedback", grades, "--out", folder, "--force")[0] == 0
    code, _, err = run(capsys, "feedback", grades, "--out", grades)
    assert code == 2 and one_sentence(err) and "文件夹" in err


@pytest.mark.parametrize("content, needle", [
    (None, "找不到成绩表"),
    (b"", "空的"),
    (b"name,points\nx,1\n", "缺少列"),
    (b"\x89PNG\r\n\x1a\n\x00\xff\xfe\xfa", "编码"),
])
def test_bad_grade_sheets_are_one_sentence(capsys, tmp_path, content, needle):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_bytes(content)
    for argv in (["gradebook", path, "--out", tmp_path / "o.csv"], ["review", path, "--out", tmp_path / "o.csv"],
                 ["feedback", path, "--out", tmp_path / "fb"],
                 ["merge-review", path, path.with_name("r.csv"), "--out", tmp_path / "o.csv"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and one_sentence(err) and needle in err, (argv, err)
    assert not (tmp_path / "o.csv").exists()


def test_out_in_a_missing_folder_or_a_folder(capsys, grades, tmp_path):
    code, _, err = run(capsys, "gradebook", grades, "--out", tmp_path / "none" / "x.csv")
    assert code == 2 and one_sentence(err) and "不存在" in err
    code, _, err = run(capsys, "review", grades, "--out", tmp_path)
    assert code == 2 and one_sentence(err) and "文件夹" in err


# -- grade's new options ---------------------------------------------------------------------------
@pytest.fixture
def fake_grade(monkeypatch, tmp_path):
    """baogao.teach.grade replaced by a stand-in that records how it was called."""
    calls = []
    module = ModuleType("baogao.teach.grade")

    def grade(submissions, out, **kwargs):
        calls.append(kwargs)
        return SimpleNamespace(frame=pd.DataFrame({"student": ["a"]}), summary=pd.DataFrame(),
                               graded=1, reused=0, seconds=0.1, csv=Path(out), isolation="沙箱：测试。",
                               rejected=0, skipped=[])

    module.grade = grade
    module.summary_path = lambda p: Path(p).with_name("s.csv")
    monkeypatch.setitem(sys.modules, "baogao.teach.grade", module)
    (tmp_path / "subs").mkdir()
    return calls


def test_grade_passes_sandbox_and_feedback(capsys, fake_grade, tmp_path):
    out = tmp_path / "g.csv"
    code, text, _ = run(capsys, "grade", tmp_path / "subs", "--out", out, "--no-progress")
    assert code == 0 and fake_grade[-1]["sandbox"] is True and fake_grade[-1]["feedback_dir"] is None
    assert "沙箱：测试。" in text
    code, text, _ = run(capsys, "grade", tmp_path / "subs", "--out", out, "--no-sandbox", "--feedback",
                        tmp_path / "fb")
    assert code == 0 and fake_grade[-1]["sandbox"] is False
    assert fake_grade[-1]["feedback_dir"] == str(tmp_path / "fb") and "反馈页" in text
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "grade", tmp_path / "subs", "--out", out, "--feedback", tmp_path / "file")
    assert code == 2 and one_sentence(err) and len(fake_grade) == 2


def test_help_of_the_new_commands(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "grade", "--help")
    assert code == 0 and "不用沙箱运行学生代码（仅限可信的提交" in out and "--feedback 目录" in out
    for name in ("gradebook", "review", "merge-review", "feedback"):
        code, out, _ = run(capsys, name, "--help")
        assert code == 0 and "--force" in out and "成绩表" in out, name
    code, _, err = run(capsys)
    assert code == 2 and "merge-review" in err and "gradebook" in err
