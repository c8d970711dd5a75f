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
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import textwrap
from pathlib import Path

from baogao.errors import UsageError

BEGIN = re.compile(r"^(?P<indent>[ \t]*)#+\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^[ \t]*#+\s*END SOLUTION\s*$")
PROMPT = "# 请在这里作答"
MARKDOWN_STUB = "（请在这里作答）"
#: Notebook metadata kept in exercise notebooks.
KEEP_METADATA = ("kernelspec", "baogao")
#: Cell metadata keys kept (tags carry nbval and papermill conventions).
KEEP_CELL_METADATA = ("tags", "baogao")


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
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"找不到笔记本“{path}”。") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"“{path}”不是有效的笔记本（JSON 格式损坏）。") from None


def render_exercise(solution_path: Path) -> str:
    solution_path = Path(solution_path)
    return dumps(exercise_notebook(read_notebook_json(solution_path), name=solution_path.name))


def solution_notebooks(solutions_dir: Path) -> list[Path]:
    solutions_dir = Path(solutions_dir)
    if not solutions_dir.is_dir():
        raise UsageError(f"找不到答案目录“{solutions_dir}”。")
    return sorted(p for p in solutions_dir.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def make_exercises(solutions_dir="solutions", exercises_dir="exercises", *,
                   check: bool = False) -> list[Path]:
    """Write ``exercises_dir/NN_*.ipynb`` for every ``solutions_dir/NN_*.ipynb``.

    Returns the exercise notebooks that were (with ``check``: that would be)
    written because they were missing or out of date.
    """
    exercises_dir = Path(exercises_dir)
    changed = []
    for solution in solution_notebooks(solutions_dir):
        target = exercises_dir / solution.name
        text = render_exercise(solution)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        changed.append(target)
        if not check:
            exercises_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    return changed
