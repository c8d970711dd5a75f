"""Re-execute the course's stored notebooks from a fresh kernel, in place.

Strict nbval compares a lesson's and a solution's stored outputs with a new
run, so the stored outputs must come from a real top-to-bottom run, never
from hand edits. This script runs each notebook in a new kernel of the
current environment (working directory: the notebook's folder, as nbval
and JupyterLab use), drops the widget state (a lesson stores outputs only;
widgets are rebuilt when the student runs the cell) and writes the result
atomically (temporary file, then rename).

    python tools/execute_notebooks.py                # every lesson and solution of baogao.course.LESSONS
    python tools/execute_notebooks.py notebooks/01_structure.ipynb

Exercise notebooks are not executed: they are generated stubs
(``baogao teach make-exercises``) whose answers are empty.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def course_notebooks() -> list[Path]:
    from baogao.course import LESSONS

    out = []
    for lesson in LESSONS:
        out.append(ROOT / lesson.notebook)
        if lesson.solution:
            out.append(ROOT / lesson.solution)
    return out


def execute(path: Path, timeout: int) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:  # run times are noise in a stored lesson
        cell.metadata.pop("execution", None)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: the course's)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or course_notebooks()
    for path in paths:
        print(f"executing {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)
        execute(path, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
