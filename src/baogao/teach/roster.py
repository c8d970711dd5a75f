"""Who submitted what: the notebooks of a submissions folder and their assignments.

- ``find_submissions(folder)``: every ``<student>.ipynb`` and
  ``<student>/<anything>.ipynb`` (at any depth below the student's folder),
  skipping folders whose name starts with "." (``.ipynb_checkpoints``, ``.git``)
  and ``backups/``. A symbolic link is followed only when it stays inside the
  folder; one that leads out of it (or nowhere) is skipped, never read, and
  reported in ``Roster.skipped``.
- ``declared_assignment(path)``: ``metadata.baogao.assignment`` of a notebook,
  read with a size limit, or None; never raises.
- ``infer_assignment(submissions, known_names)``: the assignment of the class
  when the teacher named none, so that a broken notebook still gets one row per
  exercise.
- ``conflicts(submissions, assignment_of)``: students who handed in two or more
  notebooks of one assignment.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: Notebooks larger than this are not parsed to read their assignment.
MAX_NOTEBOOK_BYTES = 50_000_000
#: Folders of a submissions folder that never hold submissions.
SKIPPED_FOLDERS = ("backups",)


@dataclass(frozen=True)
class Submission:
    """One notebook: whose it is, where it is, and its path relative to the folder (POSIX)."""

    student: str
    path: Path
    relpath: str


@dataclass(frozen=True)
class Skipped:
    """An entry of the folder that was not read, and why (one Chinese sentence)."""

    relpath: str
    reason: str


@dataclass
class Roster:
    """The submissions found in a folder (iterate over it like a list) and what was skipped."""

    submissions: list[Submission] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def __iter__(self):
        return iter(self.submissions)

    def __len__(self) -> int:
        return len(self.submissions)

    def __getitem__(self, index):
        return self.submissions[index]


def _inside(path: Path, root: Path) -> bool:
    """Whether the real location of ``path`` (links resolved) lies inside ``root`` (resolved)."""
    try:
        path.resolve(strict=True).relative_to(root)
    except (OSError, RuntimeError, ValueError):  # missing, a loop of links, or outside
        return False
    return True


def _link_reason(rel: str, path: Path) -> str:
    if not os.path.exists(path):
        return f"“{rel}”是一个失效的符号链接，已跳过。"
    return f"“{rel}”是指向提交目录以外的符号链接，已跳过，没有读取。"


def find_submissions(folder) -> Roster:
    """Every notebook under ``folder``, in path order (see the module docstring).

    Real folders are walked first; a linked folder inside ``folder`` is walked
    afterwards, only when it is not one of them (no notebook is found twice)."""
    folder = Path(folder)
    root = folder.resolve()
    roster = Roster()
    found: list[tuple[tuple[str, ...], Submission]] = []
    walked = {root}
    linked: list[tuple[Path, tuple[str, ...]]] = []

    def walk(directory: Path, parts: tuple[str, ...]) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            rel_parts = parts + (entry.name,)
            path = directory / entry.name
            is_dir = entry.is_dir()  # follows a link
            if is_dir and (entry.name.startswith(".") or entry.name in SKIPPED_FOLDERS):
                continue
            if entry.is_symlink():
                if not _inside(path, root):
                    if is_dir or entry.name.endswith(".ipynb"):
                        rel = "/".join(rel_parts)
                        roster.skipped.append(Skipped(rel, _link_reason(rel, path)))
                    continue
                if is_dir:
                    linked.append((path, rel_parts))
                    continue
            if is_dir:
                walked.add(path.resolve())
                walk(path, rel_parts)
            elif entry.name.endswith(".ipynb") and entry.is_file():
                student = Path(entry.name).stem if not parts else parts[0]
                found.append((rel_parts, Submission(student, path, "/".join(rel_parts))))

    walk(folder, ())
    while linked:
        path, rel_parts = linked.pop(0)
        real = path.resolve()
        if real not in walked:  # else its notebooks are found where they really are
            walked.add(real)
            walk(path, rel_parts)
    roster.submissions = [sub for _, sub in sorted(found, key=lambda item: item[0])]
    return roster


def declared_assignment(path, *, max_bytes: int = MAX_NOTEBOOK_BYTES) -> str | None:
    """The notebook's ``metadata.baogao.assignment``, or None (unreadable, too large, no mark)."""
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > max_bytes:
                return None
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while we read it
            return None
        notebook = json.loads(data.decode("utf-8"))
    except Exception:  # noqa: BLE001 - any unreadable file simply declares nothing
        return None
    meta = notebook.get("metadata") if isinstance(notebook, dict) else None
    mark = meta.get("baogao") if isinstance(meta, dict) else None
    name = mark.get("assignment") if isinstance(mark, dict) else None
    return name if isinstance(name, str) and name else None


def infer_assignment(submissions: Iterable[Submission], known_names: Iterable[str]) -> str | None:
    """The assignment of the class: the known assignment that more than half of the
    notebooks declaring an assignment declare. None when no notebook declares one,
    when the most declared name is unknown, or when no name has such a majority
    (a tie included)."""
    known = set(known_names)
    declared = Counter(name for sub in submissions
                       if (name := declared_assignment(sub.path)) is not None)
    if not declared:
        return None
    name, count = declared.most_common(1)[0]
    # A strict majority is unique: two names with half each are a tie, and give None.
    if name not in known or count * 2 <= sum(declared.values()):
        return None
    return name


def conflicts(submissions: Iterable[Submission],
              assignment_of: Callable[[Submission], str | None]) -> dict[str, list[str]]:
    """{student: relpaths} for every student with two or more notebooks of one assignment.

    ``assignment_of(sub)`` is the assignment the notebook is graded as (the
    teacher's ``--assignment``, its declaration, or the inferred one), None when
    it has none; notebooks without one never conflict. A student's relpaths are
    those of every notebook in a conflict, in path order."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in submissions:
        name = assignment_of(sub)
        if name is not None:
            by_key[(sub.student, name)].append(sub.relpath)
    out: dict[str, list[str]] = {}
    for (student, _name), relpaths in by_key.items():
        if len(relpaths) > 1:
            out.setdefault(student, []).extend(relpaths)
    return {student: sorted(paths) for student, paths in out.items()}
