"""``baogao teach reset exercises/NN_*.ipynb``: start an exercise notebook over.

The student's notebook is first copied to ``backups/`` next to it
(``exercises/backups/01_structure-20250710-153000.ipynb``; a folder nbval and the
grader never collect), then replaced by a freshly generated exercise
notebook: from ``--from PATH`` (a solution notebook, converted; or a clean
exercise notebook, copied with outputs cleared), or else from the solution
notebook of the same name in ``solutions/`` beside ``exercises/``.

A solution notebook is never turned into a stub: ``reset`` refuses a file
under a folder named ``solutions``, the source notebook itself, and a
notebook whose cells show it is a solution (answer regions between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` and none of the answer cells
the generator marks in an exercise notebook, or nbgrader's solution cells).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path

from baogao.errors import UsageError
from baogao.teach.make_exercises import (
    BACKUP_DIR,
    back_up,
    backup_path,
    dumps,
    exercise_notebook,
    has_solution,
    read_notebook_json,
    remember_generated,
    write_atomically,
)

__all__ = ["BACKUP_DIR", "backup_path", "is_solution_notebook", "pristine_text", "reset"]

SOLUTIONS_DIR = "solutions"


def _sources(data: dict) -> list[str]:
    return ["".join(c.get("source", "")) if isinstance(c.get("source"), list) else c.get("source", "")
            for c in data.get("cells", []) if isinstance(c, dict)]


def pristine_text(exercise: Path, source: Path | None = None) -> str:
    """The text of the freshly generated exercise notebook for ``exercise``."""
    exercise = Path(exercise)
    if source is None:
        source = default_source(exercise)
        if not source.exists():
            raise UsageError(f"找不到“{exercise.name}”的原始答案笔记本（{source}）：请用 --from 指定。")
    source = Path(source)
    data = read_notebook_json(source)
    if any(has_solution(s) for s in _sources(data)):
        return dumps(exercise_notebook(data, name=source.name))
    for cell in data.get("cells", []):  # a clean exercise notebook: clear what a run added
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return dumps(data)


def default_source(exercise: Path) -> Path:
    """The solution notebook of the same name in ``solutions/`` beside the exercise's folder."""
    exercise = Path(exercise)
    return exercise.resolve().parent.parent / SOLUTIONS_DIR / exercise.name


def is_solution_notebook(data: dict) -> bool:
    """Whether a notebook's metadata or cells show it is a solution, not an exercise."""
    meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    if isinstance(meta.get("baogao"), dict) and meta["baogao"].get("solution"):
        return True
    cells = [c for c in data.get("cells", []) if isinstance(c, dict)]
    cell_meta = [c.get("metadata") if isinstance(c.get("metadata"), dict) else {} for c in cells]
    if any(isinstance(m.get("nbgrader"), dict) and m["nbgrader"].get("solution") for m in cell_meta):
        return True
    marked = any(isinstance(m.get("baogao"), dict) and m["baogao"].get("answer") for m in cell_meta)
    return not marked and any(has_solution(s) for s in _sources(data))


def _under_solutions(path: Path) -> bool:
    """Whether ``path`` (as given or resolved) lies in a folder named ``solutions``.

    Folders above the working directory do not count (a course kept in
    ``~/solutions/baogao`` still resets its exercises), except the file's own.
    """
    cwd = Path.cwd().resolve()
    for p in (path.absolute(), path.resolve()):
        if p.parent.name == SOLUTIONS_DIR:
            return True
        try:
            parts = p.parent.relative_to(cwd).parts
        except ValueError:
            parts = p.parent.parts
        if SOLUTIONS_DIR in parts:
            return True
    return False


def _refuse_solution(exercise: Path, source: Path | None) -> None:
    """UsageError when resetting ``exercise`` would turn a solution into a stub."""
    refuse = (f"不能重置“{exercise}”：它是答案笔记本，重置会把答案换成空白的练习；"
              "重置只用于 exercises/ 里的练习本。")
    if _under_solutions(exercise):
        raise UsageError(refuse)
    if not exercise.is_file():
        return
    if source is not None and source.exists():
        try:
            if os.path.samefile(exercise, source):
                raise UsageError(refuse)
        except OSError:
            pass
    try:
        data = json.loads(exercise.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return  # a broken notebook is what reset is for
    if isinstance(data, dict) and is_solution_notebook(data):
        raise UsageError(refuse)


def reset(exercise, *, source=None, now: _dt.datetime | None = None) -> Path | None:
    """Restore ``exercise`` from the generated notebook; returns the backup (None if
    there was no notebook to back up). A solution notebook is refused (UsageError)."""
    exercise = Path(exercise)
    if exercise.suffix != ".ipynb":
        raise UsageError(f"“{exercise}”不是笔记本（.ipynb）。")
    if exercise.exists() and not exercise.is_file():
        raise UsageError(f"“{exercise}”不是文件。")
    source = Path(source) if source else None
    _refuse_solution(exercise, source if source is not None else default_source(exercise))
    text = pristine_text(exercise, source)
    backup = back_up(exercise, now) if exercise.exists() else None
    exercise.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(exercise, text)
    remember_generated(exercise, text)
    return backup
