"""``baogao teach reset exercises/NN_*.ipynb``: start an exercise notebook over.

The student's notebook is first copied to ``backups/`` next to it
(``exercises/backups/01_structure-20250710-153000.ipynb``; a folder nbval and the
grader never collect), then replaced by a freshly generated exercise
notebook: from ``--from PATH`` (a solution notebook, converted; or a clean
exercise notebook, copied with outputs cleared), or else from the solution
notebook of the same name in ``solutions/`` beside ``exercises/``.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

from baogao.errors import UsageError
from baogao.teach.make_exercises import (
    dumps,
    exercise_notebook,
    has_solution,
    read_notebook_json,
)

BACKUP_DIR = "backups"


def pristine_text(exercise: Path, source: Path | None = None) -> str:
    """The text of the freshly generated exercise notebook for ``exercise``."""
    exercise = Path(exercise)
    if source is None:
        source = exercise.resolve().parent.parent / "solutions" / exercise.name
        if not source.exists():
            raise UsageError(f"找不到“{exercise.name}”的原始答案笔记本（{source}）：请用 --from 指定。")
    source = Path(source)
    data = read_notebook_json(source)
    sources = ["".join(c.get("source", "")) if isinstance(c.get("source"), list)
               else c.get("source", "") for c in data.get("cells", [])]
    if any(has_solution(s) for s in sources):
        return dumps(exercise_notebook(data, name=source.name))
    for cell in data.get("cells", []):  # a clean exercise notebook: clear what a run added
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return dumps(data)


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


def reset(exercise, *, source=None, now: _dt.datetime | None = None) -> Path | None:
    """Restore ``exercise`` from the generated notebook; returns the backup (None if
    there was no notebook to back up)."""
    exercise = Path(exercise)
    if exercise.suffix != ".ipynb":
        raise UsageError(f"“{exercise}”不是笔记本（.ipynb）。")
    if exercise.exists() and not exercise.is_file():
        raise UsageError(f"“{exercise}”不是文件。")
    text = pristine_text(exercise, Path(source) if source else None)
    backup = None
    if exercise.exists():
        backup = backup_path(exercise, now)
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(exercise, backup)
    exercise.parent.mkdir(parents=True, exist_ok=True)
    tmp = exercise.with_name(exercise.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(exercise)
    return backup
