"""Who submitted what (baogao.teach.roster): the submissions of a folder, symbolic links
that lead out of it, the assignment a notebook declares, the assignment of a class,
and students with two notebooks of one assignment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from baogao.teach.roster import (
    Submission,
    conflicts,
    declared_assignment,
    find_submissions,
    infer_assignment,
)

SAMPLE = "01_structure"


def notebook(assignment: str | None = SAMPLE) -> str:
    meta = {"baogao": {"assignment": assignment}} if assignment else {}
    return json.dumps({"cells": [], "metadata": meta, "nbformat": 4, "nbformat_minor": 5})


def put(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text or notebook(), encoding="utf-8")
    return path


def listing(roster) -> list[tuple[str, str]]:
    return [(sub.student, sub.relpath) for sub in roster]


# -- finding submissions ----------------------------------------------------------------------
def test_the_folder_rules(tmp_path):
    subs = tmp_path / "subs"
    put(subs / "alice.ipynb")
    put(subs / "bob" / "work.ipynb")
    put(subs / "bob" / "drafts" / "old.ipynb")  # any depth below the student's folder
    put(subs / ".ipynb_checkpoints" / "alice-checkpoint.ipynb")
    put(subs / "carol" / ".ipynb_checkpoints" / "a-checkpoint.ipynb")
    put(subs / "backups" / "alice-20250101.ipynb")
    put(subs / "carol" / "backups" / "x.ipynb")
    put(subs / ".git" / "x.ipynb")
    put(subs / "notes.txt", "not a notebook")
    (subs / "dave.ipynb").mkdir()  # a folder named like a notebook
    roster = find_submissions(subs)
    assert listing(roster) == [("alice", "alice.ipynb"), ("bob", "bob/drafts/old.ipynb"),
                               ("bob", "bob/work.ipynb")]
    assert roster.skipped == []
    assert roster[0] == Submission("alice", subs / "alice.ipynb", "alice.ipynb")
    assert len(roster) == 3


def test_links_out_of_the_folder_are_skipped_and_reported(tmp_path):
    subs, outside = tmp_path / "subs", tmp_path / "outside"
    put(outside / "secret.ipynb")
    put(outside / "folder" / "x.ipynb")
    put(subs / "alice.ipynb")
    (subs / "eve.ipynb").symlink_to(outside / "secret.ipynb")
    (subs / "frank").symlink_to(outside / "folder")
    (subs / "gina").mkdir()
    (subs / "gina" / "hw.ipynb").symlink_to(outside / "secret.ipynb")
    (subs / "gone.ipynb").symlink_to(tmp_path / "nowhere.ipynb")
    (subs / "etc.txt").symlink_to(outside / "secret.ipynb")  # not a notebook: ignored silently
    roster = find_submissions(subs)
    assert listing(roster) == [("alice", "alice.ipynb")]
    reasons = {s.relpath: s.reason for s in roster.skipped}
    assert set(reasons) == {"eve.ipynb", "frank", "gina/hw.ipynb", "gone.ipynb"}
    assert "提交目录以外" in reasons["eve.ipynb"] and "没有读取" in reasons["frank"]
    assert "失效" in reasons["gone.ipynb"]


def test_links_inside_the_folder_are_followed_once(tmp_path):
    subs = tmp_path / "subs"
    put(subs / ".store" / "gina.ipynb")
    put(subs / ".store" / "hal" / "hw.ipynb")
    put(subs / "bob" / "work.ipynb")
    (subs / "gina.ipynb").symlink_to(subs / ".store" / "gina.ipynb")
    (subs / "hal").symlink_to(subs / ".store" / "hal")
    (subs / "bob" / "again").symlink_to(subs / "bob")  # a loop
    (subs / "aaa").symlink_to(subs / "bob")  # sorts first, but bob's notebooks stay bob's
    roster = find_submissions(subs)
    assert listing(roster) == [("bob", "bob/work.ipynb"), ("gina", "gina.ipynb"), ("hal", "hal/hw.ipynb")]
    assert roster.skipped == []
    # A folder that is itself a link is read where it points.
    (tmp_path / "alias").symlink_to(subs)
    assert listing(find_submissions(tmp_path / "alias")) == listing(roster)


# -- the assignment a notebook declares ----------------------------------------------------------
@pytest.mark.parametrize("content", [
    notebook(None),
    "{not json",
    "[1, 2]",
    json.dumps({"metadata": {"baogao": "01_structure"}}),
    json.dumps({"metadata": {"baogao": {"assignment": 1}}}),
    json.dumps({"metadata": {"baogao": {"assignment": ""}}}),
    "[" * 100_000,  # deep nesting: a RecursionError inside json
], ids=["no-mark", "bad-json", "not-an-object", "mark-not-a-dict", "name-not-text", "empty-name",
        "deep"])
def test_declared_assignment_never_raises(tmp_path, content):
    assert declared_assignment(put(tmp_path / "x.ipynb", content)) is None


def test_declared_assignment(tmp_path):
    path = put(tmp_path / "x.ipynb", notebook("00_start"))
    assert declared_assignment(path) == "00_start"
    assert declared_assignment(path, max_bytes=10) is None  # too large: not parsed
    (tmp_path / "bin.ipynb").write_bytes(b"\xff\xfe\x00garbage")
    assert declared_assignment(tmp_path / "bin.ipynb") is None
    assert declared_assignment(tmp_path / "missing.ipynb") is None
    assert declared_assignment(tmp_path) is None  # a folder


# -- the assignment of the class --------------------------------------------------------------------
def _class(tmp_path, marks) -> list[Submission]:
    subs = []
    for i, mark in enumerate(marks):
        text = "{broken" if mark == "broken" else notebook(mark)
        path = put(tmp_path / f"s{i}.ipynb", text)
        subs.append(Submission(f"s{i}", path, path.name))
    return subs


@pytest.mark.parametrize("marks, expected", [
    ([SAMPLE, SAMPLE, "broken", None], SAMPLE),  # broken and unmarked notebooks do not vote
    ([SAMPLE, SAMPLE, "00_start"], SAMPLE),
    ([SAMPLE, "00_start"], None),  # a tie
    ([SAMPLE, "00_start", "00_start", "99_future", "99_future"], None),  # no majority
    (["99_future", "99_future", SAMPLE], None),  # the majority is not a known assignment
    (["broken", None], None),
    ([], None),
])
def test_infer_assignment(tmp_path, marks, expected):
    assert infer_assignment(_class(tmp_path, marks), ["00_start", SAMPLE]) == expected


# -- conflicts ---------------------------------------------------------------------------------------
def test_conflicts(tmp_path):
    def sub(student, rel):
        return Submission(student, tmp_path / rel, rel)

    subs = [sub("alice", "alice/b.ipynb"), sub("alice", "alice/a.ipynb"), sub("alice", "alice/c.ipynb"),
            sub("bob", "bob/x.ipynb"), sub("bob", "bob/y.ipynb"), sub("carol", "carol.ipynb"),
            sub("dave", "dave/1.ipynb"), sub("dave", "dave/2.ipynb")]
    assignment_of = {"alice/a.ipynb": SAMPLE, "alice/b.ipynb": SAMPLE, "alice/c.ipynb": "00_start",
                     "bob/x.ipynb": SAMPLE, "bob/y.ipynb": "00_start", "carol.ipynb": SAMPLE,
                     "dave/1.ipynb": None, "dave/2.ipynb": None}
    found = conflicts(subs, lambda s: assignment_of[s.relpath])
    # bob's two notebooks are of two assignments; dave's have none.
    assert found == {"alice": ["alice/a.ipynb", "alice/b.ipynb"]}


def test_roster_from_a_real_folder_feeds_conflicts(tmp_path):
    subs = tmp_path / "subs"
    put(subs / "alice" / "one.ipynb")
    put(subs / "alice" / "two.ipynb")
    put(subs / "bob.ipynb", "{broken")
    roster = find_submissions(subs)
    inferred = infer_assignment(roster, [SAMPLE])
    assert inferred == SAMPLE
    found = conflicts(roster, lambda s: declared_assignment(s.path) or inferred)
    assert found == {"alice": ["alice/one.ipynb", "alice/two.ipynb"]}
    assert os.path.basename(roster[0].path) == "one.ipynb"
