"""``exercises/NN_*.ipynb`` from ``solutions/NN_*.ipynb``: one source of truth.

Solution code sits between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
(nbgrader's convention). In the exercise notebook each region becomes a stub
that runs (never an exception), so the whole notebook runs top to bottom and
every check says "not attempted":

- a region at the top level of a cell whose last statement assigns a name
  becomes ``name = ...``;
- any other region (a function body, a loop body) becomes ``...`` at the
  region's indentation, so the function returns ``None``;
- a region in a markdown cell becomes "（请在这里作答）".

Outputs and execution counts are cleared, cell ids kept, metadata reduced to
what the notebook needs; the output is byte-for-byte deterministic, so a test
can tell when ``exercises/`` is out of date.

A student's work is never overwritten: an existing exercise notebook is
replaced without a copy only when it is exactly what the generator wrote,
from the current solution or from an earlier one (``make-exercises`` and
``reset`` record the SHA-256 of every notebook they write in
``backups/generated.json`` beside it). Any other notebook (a student's
answers, a cell edited, a file saved by JupyterLab) is first copied to
``backups/`` (``backups/01_structure-20250710-153000.ipynb``), the same
backups ``reset`` keeps.
"""

from __future__ import annotations

import ast
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import baogao.teach.quick_schema  # noqa: F401  (before nbformat is imported: see the module)
from baogao.errors import UsageError

BEGIN = re.compile(r"^(?P<indent>[ \t]*)#+\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^[ \t]*#+\s*END SOLUTION\s*$")
PROMPT = "# 请在这里作答"
MARKDOWN_STUB = "（请在这里作答）"
#: Notebook metadata kept in exercise notebooks.
KEEP_METADATA = ("kernelspec", "baogao")
#: Cell metadata keys kept (tags carry nbval and papermill conventions).
KEEP_CELL_METADATA = ("tags", "baogao")
#: The folder beside an exercise notebook that keeps its backups (nbval and the
#: grader never collect it) and the record of what the generator wrote.
BACKUP_DIR = "backups"
RECORD = "generated.json"
#: How many generated versions of one notebook the record remembers.
RECORD_DEPTH = 50


def has_solution(source: str) -> bool:
    return any(BEGIN.match(line) for line in source.splitlines())


def stub_source(source: str, *, markdown: bool = False, where: str = "") -> tuple[str, int]:
    """The source with every solution region replaced; and how many there were."""
    lines = source.split("\n")
    out: list[str] = []
    count, i = 0, 0
    while i < len(lines):
        m = BEGIN.match(lines[i])
        if END.match(lines[i]):
            raise UsageError(f"{where}有“END SOLUTION”却没有对应的“BEGIN SOLUTION”。")
        if not m:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not END.match(lines[j]):
            if BEGIN.match(lines[j]):
                raise UsageError(f"{where}的“BEGIN SOLUTION”嵌套了：每段答案只能有一对标记。")
            j += 1
        if j == len(lines):
            raise UsageError(f"{where}的“BEGIN SOLUTION”缺少对应的“END SOLUTION”。")
        indent = m.group("indent")
        region = lines[i + 1:j]
        out.extend([MARKDOWN_STUB] if markdown else _code_stub(region, indent))
        count += 1
        i = j + 1
    return "\n".join(out), count


def _code_stub(region: list[str], indent: str) -> list[str]:
    if not indent:
        try:
            tree = ast.parse(textwrap.dedent("\n".join(region)))
        except SyntaxError:
            tree = None
        last = tree.body[-1] if tree is not None and tree.body else None
        targets = []
        if isinstance(last, ast.Assign):
            targets = [ast.unparse(t) for t in last.targets]
        elif isinstance(last, ast.AnnAssign):
            targets = [ast.unparse(last.target)]
        if targets:
            return [PROMPT, " = ".join(targets) + " = ..."]
    return [indent + PROMPT, indent + "..."]


def _cell_id(assignment: str, index: int) -> str:
    return hashlib.sha1(f"{assignment}:{index}".encode()).hexdigest()[:8]


def exercise_notebook(solution: dict, *, name: str = "notebook") -> dict:
    """The exercise notebook (as JSON data) for a solution notebook (JSON data)."""
    if not isinstance(solution, dict) or not isinstance(solution.get("cells"), list):
        raise UsageError(f"“{name}”不是 Jupyter 笔记本（缺少 cells）。")
    meta = solution.get("metadata", {})
    assignment = meta.get("baogao", {}).get("assignment", name)
    cells, regions = [], 0
    for index, cell in enumerate(solution["cells"]):
        kind = cell.get("cell_type")
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        where = f"“{name}”第 {index + 1} 个单元"
        new_source, n = stub_source(source, markdown=kind == "markdown", where=where)
        regions += n
        cell_meta = {k: cell.get("metadata", {})[k] for k in KEEP_CELL_METADATA
                     if k in cell.get("metadata", {})}
        if n and kind == "code":
            # The grader tells answer cells (edited by students) from the others.
            cell_meta["baogao"] = {**cell_meta.get("baogao", {}), "answer": True}
        new = {"cell_type": kind, "id": cell.get("id") or _cell_id(assignment, index),
               "metadata": cell_meta, "source": new_source}
        if kind == "code":
            new.update(execution_count=None, outputs=[])
        if "attachments" in cell and kind == "markdown":
            new["attachments"] = cell["attachments"]
        cells.append(new)
    if not regions:
        raise UsageError(f"“{name}”里没有“### BEGIN SOLUTION … ### END SOLUTION”答案区。")
    metadata = {k: meta[k] for k in KEEP_METADATA if k in meta}
    metadata["language_info"] = {"name": "python"}
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def dumps(nb: dict) -> str:
    """The canonical text of a notebook: the layout Jupyter writes (sorted keys,
    one-space indent, sources as lists of lines, a final newline)."""
    import nbformat  # with its JSON-schema validator: loaded only when a notebook is written

    return nbformat.writes(nbformat.from_dict(nb), version=4) + "\n"


def read_notebook_json(path: Path) -> dict:
    """A notebook file as JSON data; anything else is a UsageError (one Chinese sentence)."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"找不到笔记本“{path}”。") from None
    except IsADirectoryError:
        raise UsageError(f"“{path}”是一个文件夹，不是笔记本。") from None
    except UnicodeDecodeError:
        raise UsageError(f"“{path}”不是有效的笔记本：它不是 UTF-8 编码的文本。") from None
    except json.JSONDecodeError:
        raise UsageError(f"“{path}”不是有效的笔记本（JSON 格式损坏）。") from None
    except OSError as exc:
        raise UsageError(f"无法读取笔记本“{path}”：{exc.strerror or exc}。") from None
    if (not isinstance(data, dict) or not isinstance(data.get("cells"), list)
            or not all(isinstance(c, dict) for c in data["cells"])):
        raise UsageError(f"“{path}”不是 Jupyter 笔记本（缺少 cells）。")
    return data


# -- never losing a student's notebook --------------------------------------------------
def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _record_path(notebook: Path) -> Path:
    return Path(notebook).parent / BACKUP_DIR / RECORD


def _read_record(notebook: Path) -> dict[str, list[str]]:
    try:
        record = json.loads(_record_path(notebook).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return record if isinstance(record, dict) else {}


def remember_generated(notebook: Path, text: str) -> None:
    """Record that the generator wrote ``text`` to ``notebook`` (see the module docstring)."""
    notebook = Path(notebook)
    record = _read_record(notebook)
    digests = [d for d in record.get(notebook.name, []) if isinstance(d, str)]
    digest = _digest(text.encode("utf-8"))
    if digest in digests:
        return
    record[notebook.name] = (digests + [digest])[-RECORD_DEPTH:]
    path = _record_path(notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def was_generated(notebook: Path, data: bytes) -> bool:
    """Whether ``data`` is a text the generator wrote to ``notebook`` (current or earlier solution)."""
    notebook = Path(notebook)
    return _digest(data) in _read_record(notebook).get(notebook.name, [])


def backup_path(exercise: Path, now: _dt.datetime | None = None) -> Path:
    """A new file in ``backups/`` named after the notebook and the time."""
    exercise = Path(exercise)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = exercise.parent / BACKUP_DIR
    candidate = folder / f"{exercise.stem}-{stamp}.ipynb"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{exercise.stem}-{stamp}-{n}.ipynb"
    return candidate


def back_up(notebook: Path, now: _dt.datetime | None = None) -> Path:
    """Copy ``notebook`` to a new file in ``backups/`` beside it; return the copy."""
    backup = backup_path(notebook, now)
    try:
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, backup)
    except OSError as exc:
        raise UsageError(f"无法备份“{notebook}”到“{backup}”（{exc.strerror or exc}），"
                         "为了不丢失其中的内容，没有改动它。") from None
    return backup


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, "\\n" line ends) through a temporary file renamed over ``path``."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
    except OSError as exc:
        raise UsageError(f"无法写入“{path}”：{exc.strerror or exc}。") from None
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass


def read_existing(path: Path) -> bytes | None:
    """The bytes of the file at ``path``, None when there is none."""
    path = Path(path)
    if not path.exists():
        return None
    if path.is_dir():
        raise UsageError(f"“{path}”是一个文件夹，不是笔记本。")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"无法读取“{path}”：{exc.strerror or exc}。") from None


def render_exercise(solution_path: Path) -> str:
    solution_path = Path(solution_path)
    return dumps(exercise_notebook(read_notebook_json(solution_path), name=solution_path.name))


def solution_notebooks(solutions_dir: Path) -> list[Path]:
    solutions_dir = Path(solutions_dir)
    if not solutions_dir.is_dir():
        raise UsageError(f"找不到答案目录“{solutions_dir}”。")
    return sorted(p for p in solutions_dir.glob("[0-9][0-9]_*.ipynb") if p.is_file())


@dataclass(frozen=True)
class Written:
    """An exercise notebook (re)written, and where the notebook it replaced was copied."""

    path: Path
    backup: Path | None = None


def generate_exercises(solutions_dir="solutions", exercises_dir="exercises", *,
                       check: bool = False, now: _dt.datetime | None = None) -> list[Written]:
    """Write ``exercises_dir/NN_*.ipynb`` for every ``solutions_dir/NN_*.ipynb``.

    Returns the notebooks that were (with ``check``: that would be) written
    because they were missing or out of date, each with the backup of the
    notebook it replaced when that was not a generated one (a student's
    work; see the module docstring). ``check`` writes nothing.
    """
    exercises_dir = Path(exercises_dir)
    if exercises_dir.exists() and not exercises_dir.is_dir():
        raise UsageError(f"“{exercises_dir}”不是文件夹：请用 --exercises 指定练习本目录。")
    written = []
    # Every solution is converted before anything is written: one broken solution changes nothing.
    rendered = [(exercises_dir / s.name, render_exercise(s)) for s in solution_notebooks(solutions_dir)]
    for target, text in rendered:
        current = read_existing(target)
        if current == text.encode("utf-8"):
            if not check:
                remember_generated(target, text)
            continue
        backup = None
        if not check:
            if current is not None and not was_generated(target, current):
                backup = back_up(target, now)
            exercises_dir.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text)
            remember_generated(target, text)
        written.append(Written(target, backup))
    return written


def make_exercises(solutions_dir="solutions", exercises_dir="exercises", *,
                   check: bool = False, now: _dt.datetime | None = None) -> list[Path]:
    """Write ``exercises_dir/NN_*.ipynb`` for every ``solutions_dir/NN_*.ipynb``.

    Returns the exercise notebooks that were (with ``check``: that would be)
    written because they were missing or out of date. A notebook that is
    not exactly what the generator wrote is copied to ``backups/`` first
    (:func:`generate_exercises` says which).
    """
    return [w.path for w in generate_exercises(solutions_dir, exercises_dir, check=check, now=now)]
