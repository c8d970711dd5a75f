"""``baogao teach grade SUBMISSIONS_DIR --out grades.csv``: grade a class.

Each submitted notebook runs in a fresh kernel (``runner``), in parallel
across cores (one worker process per core), with a time budget and a memory
limit. The verdict comes from the checks of the registered assignment,
computed in the grader's worker process — which never runs student code —
on the answers the injected last cell serialised. Nothing the notebook
prints, redefines or monkeypatches reaches the verdict.

Submissions: ``SUBMISSIONS_DIR/<student>.ipynb`` or
``SUBMISSIONS_DIR/<student>/<anything>.ipynb`` (folders starting with "." and
``backups/`` are skipped).

Output: one row per student and exercise — ``student, assignment, exercise,
status, score, max_score, feedback, notebook`` — plus a row with exercise
``notebook`` when the notebook itself had problems (a broken notebook gets
that row and one row per exercise with the problem as status and score 0).
Statuses: correct, incorrect, not_attempted, submitted (writing, to review),
error; for notebooks: invalid_notebook, wrong_assignment, timeout,
kernel_died, no_answers, output_too_large, cell_error, cells_deleted,
cells_reordered, cells_edited, grader_error.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import html
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from baogao import course, exercises
from baogao.course import get_assignment
from baogao.errors import UsageError
from baogao.lazy import pandas as pd
from baogao.teach.cells import compare_cells
from baogao.teach.journal import Journal
from baogao.teach.runner import run_for_grading

NOTEBOOK_ROW = "notebook"
COLUMNS = ["student", "assignment", "exercise", "status", "score", "max_score", "feedback",
           "notebook"]
#: Which problem names the notebook row when there are several.
SEVERITY = ("invalid_notebook", "wrong_assignment", "kernel_died", "timeout", "no_answers",
            "output_too_large", "cell_error", "cells_deleted", "cells_reordered", "cells_edited",
            "grader_error")
STATUS_NAMES = {
    "correct": "正确", "incorrect": "不正确", "not_attempted": "尚未作答",
    "submitted": "已提交，待教师评阅", "error": "无法检查",
    "invalid_notebook": "不是有效的笔记本", "wrong_assignment": "不是本次作业",
    "timeout": "超时", "kernel_died": "内核退出", "no_answers": "取不到答案",
    "output_too_large": "输出过多", "cell_error": "单元出错", "cells_deleted": "删除了单元",
    "cells_reordered": "调换了单元顺序", "cells_edited": "修改了检查单元",
    "grader_error": "批改程序出错",
}


@dataclass
class GradeResult:
    frame: "object"  # pandas.DataFrame, one row per student and exercise
    summary: "object"  # pandas.DataFrame, one row per exercise
    graded: int  # notebooks graded in this run
    reused: int  # notebooks whose journal record was still valid
    seconds: float
    csv: Path
    journal: Path


# -- finding submissions -------------------------------------------------------
def find_submissions(folder: Path) -> list[tuple[str, Path]]:
    """(student, path) for every notebook, in path order."""
    folder = Path(folder)
    out = []
    for path in sorted(folder.rglob("*.ipynb")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") or part == "backups" for part in rel.parts[:-1]):
            continue
        if not path.is_file():
            continue
        student = rel.stem if len(rel.parts) == 1 else rel.parts[0]
        out.append((student, path))
    return out


# -- grading one notebook (runs in a worker process) ------------------------------
def _rows_for(student, assignment, notebook, outcomes=None, fatal=None, problems=()):
    rows = []
    if assignment is not None:
        for problem in assignment:
            if fatal is not None:
                rows.append({"student": student, "assignment": assignment.name,
                             "exercise": problem.name, "status": fatal[0], "score": 0.0,
                             "max_score": problem.points, "feedback": "未评分：" + fatal[1],
                             "notebook": notebook})
            else:
                o = outcomes[problem.name]
                rows.append({"student": student, "assignment": assignment.name,
                             "exercise": problem.name, "status": o.status, "score": o.score,
                             "max_score": o.max_score, "feedback": o.feedback,
                             "notebook": notebook})
    notes = ([fatal] if fatal else []) + list(problems)
    if notes:
        kinds = [k for k, _ in notes]
        status = min(kinds, key=lambda k: SEVERITY.index(k) if k in SEVERITY else len(SEVERITY))
        rows.append({"student": student, "assignment": assignment.name if assignment else "",
                     "exercise": NOTEBOOK_ROW, "status": status, "score": None, "max_score": None,
                     "feedback": "".join(sentence for _, sentence in notes), "notebook": notebook})
    return rows


def _read_notebook(path: Path):
    """The notebook's JSON data, or (None, reason)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        return None, "文件不是 UTF-8 文本，不是 Jupyter 笔记本。"
    except json.JSONDecodeError as exc:
        return None, f"JSON 格式损坏（第 {exc.lineno} 行第 {exc.colno} 列），无法打开。"
    except OSError as exc:
        return None, f"无法读取文件（{type(exc).__name__}）。"
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "文件是 JSON，但不是 Jupyter 笔记本（缺少 cells）。"
    if data.get("nbformat") != 4:
        return None, f"笔记本格式版本 {data.get('nbformat')!r} 不受支持（需要 4）。"
    for cell in data["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            return None, "笔记本里有无法识别的单元。"
    return data, None


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def grade_notebook(path, student: str, options: dict) -> list[dict]:
    """Rows for one notebook (never raises for a bad notebook)."""
    path = Path(path)
    notebook = options.get("relpath", path.name)
    expected = get_assignment(options["assignment"]) if options.get("assignment") else None
    data, why = _read_notebook(path)
    if data is None:
        return _rows_for(student, expected, notebook, fatal=("invalid_notebook", why))
    meta = data.get("metadata") or {}
    declared = meta.get("baogao", {}).get("assignment") if isinstance(meta.get("baogao"), dict) else None
    if expected is not None and declared is not None and declared != expected.name:
        return _rows_for(student, expected, notebook, fatal=(
            "wrong_assignment", f"这是作业“{declared}”的笔记本，本次批改的是“{expected.name}”。"))
    if expected is None:
        if declared is None:
            return _rows_for(student, None, notebook, fatal=(
                "wrong_assignment", "笔记本没有作业标记（metadata.baogao.assignment），请用 --assignment 指定作业。"))
        try:
            expected = get_assignment(declared)
        except UsageError as exc:
            return _rows_for(student, None, notebook, fatal=("wrong_assignment", exc.message))
    assignment = expected
    problems = []
    reference = options.get("reference_dir")
    ref_path = Path(reference) / f"{assignment.name}.ipynb" if reference else None
    if ref_path is not None and ref_path.exists():
        problems += compare_cells(json.loads(ref_path.read_text(encoding="utf-8")), data)
    sources = [_source(c) for c in data["cells"] if c.get("cell_type") == "code"]
    workdir = Path(tempfile.mkdtemp(prefix="baogao-grade-"))
    try:
        run = run_for_grading(sources, assignment.collect_specs(), workdir,
                              timeout=options.get("timeout", 120),
                              memory_mb=options.get("memory_mb", 4096),
                              max_output_bytes=options.get("max_output_bytes", 5_000_000))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    problems = run.problems + problems
    if run.fatal is not None or run.answers is None:
        fatal = run.fatal or ("no_answers", "无法从笔记本中取得答案。")
        return _rows_for(student, assignment, notebook, fatal=fatal, problems=problems)
    report = options.get("report") or assignment.default_report
    outcomes = {o.problem: o for o in assignment.grade(run.answers, report)}
    return _rows_for(student, assignment, notebook, outcomes=outcomes, problems=problems)


def _grade_task(task: dict) -> dict:
    """Worker entry point: a journal record for one notebook."""
    started = time.monotonic()
    warnings.simplefilter("ignore")
    try:
        rows = grade_notebook(task["path"], task["student"], task["options"])
    except Exception as exc:  # noqa: BLE001 - a grader bug must not stop the batch
        rows = [{"student": task["student"], "assignment": task["options"].get("assignment") or "",
                 "exercise": NOTEBOOK_ROW, "status": "grader_error", "score": None,
                 "max_score": None, "feedback": f"批改程序出错（{type(exc).__name__}: {exc}）。",
                 "notebook": task["options"]["relpath"]}]
    return {"notebook": task["options"]["relpath"], "sha256": task["sha256"],
            "fingerprint": task["fingerprint"], "rows": rows,
            "seconds": round(time.monotonic() - started, 3)}


# -- the batch ------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _fingerprint(options: dict, reference: Path | None) -> str:
    """Changes when anything that decides a verdict changes."""
    h = hashlib.sha256(json.dumps({k: v for k, v in options.items() if k != "reference_dir"},
                                  sort_keys=True).encode())
    # The checks live in the framework (exercises/) and in the lessons (course/).
    for package in (exercises, course):
        for path in sorted(Path(package.__file__).parent.glob("*.py")):
            h.update(f"{package.__name__}/{path.name}".encode() + path.read_bytes())
    if reference is not None and reference.is_dir():
        for path in sorted(reference.glob("*.ipynb")):
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def journal_path(out_csv: Path) -> Path:
    out_csv = Path(out_csv)
    return out_csv.with_name(out_csv.name + ".journal.jsonl")


def summary_path(out_csv: Path) -> Path:
    out_csv = Path(out_csv)
    return out_csv.with_name(out_csv.stem + "_summary" + out_csv.suffix)


def grade(submissions_dir, out_csv, *, assignment: str | None = None, report: str | None = None,
          exercises_dir="exercises", timeout: float = 120, memory_mb: int = 4096,
          max_output_mb: float = 5, workers: int | None = None, html_path=None,
          progress: bool = True, resume: bool = True) -> GradeResult:
    """Grade every notebook under ``submissions_dir``; write ``out_csv``, its summary
    (``*_summary.csv``) and optionally an HTML report. See the module docstring."""

    started = time.monotonic()
    folder = Path(submissions_dir)
    if not folder.is_dir():
        raise UsageError(f"找不到提交目录“{folder}”。")
    if assignment is not None:
        get_assignment(assignment)  # an unknown name is bad input, before any work
    if timeout <= 0 or memory_mb < 0 or max_output_mb <= 0:
        raise UsageError("时限、内存上限和输出上限都应当是正数。")
    submissions = find_submissions(folder)
    if not submissions:
        raise UsageError(f"“{folder}”里没有找到笔记本（.ipynb）。")
    out_csv = Path(out_csv)
    reference = Path(exercises_dir) if exercises_dir and Path(exercises_dir).is_dir() else None
    options = {"assignment": assignment, "report": report, "timeout": timeout,
               "memory_mb": memory_mb, "max_output_bytes": int(max_output_mb * 1_000_000),
               "reference_dir": str(reference.resolve()) if reference else None}
    fingerprint = _fingerprint(options, reference)
    journal = Journal(journal_path(out_csv))
    if not resume:
        journal.clear()
    done = journal.records()
    tasks = []
    for student, path in submissions:
        rel = path.relative_to(folder).as_posix()
        digest = _sha256(path)
        record = done.get(rel)
        if record and record.get("sha256") == digest and record.get("fingerprint") == fingerprint:
            continue
        tasks.append({"path": str(path), "student": student, "sha256": digest,
                      "fingerprint": fingerprint, "options": {**options, "relpath": rel}})
    _run_tasks(tasks, journal, workers, progress)
    records = journal.records()
    rows = []
    for _student, path in submissions:
        record = records.get(path.relative_to(folder).as_posix())
        if record is not None:
            rows.extend(record["rows"])
    frame = _frame(rows)
    summary = summarize(frame)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    _write_csv(frame, out_csv)
    _write_csv(summary, summary_path(out_csv))
    if html_path:
        write_html(frame, summary, Path(html_path))
    return GradeResult(frame, summary, graded=len(tasks), reused=len(submissions) - len(tasks),
                       seconds=time.monotonic() - started, csv=out_csv, journal=journal.path)


def _run_tasks(tasks: list[dict], journal: Journal, workers: int | None, progress: bool) -> None:
    if not tasks:
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    bar = tqdm(total=len(tasks), desc="批改", unit="本", file=sys.stderr, disable=not progress,
               dynamic_ncols=True)
    try:
        if workers == 1:
            for task in tasks:
                journal.append(_grade_task(task))
                bar.update(1)
            return
        # "spawn": workers start clean, without the parent's threads or state.
        context = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(_grade_task, task) for task in tasks]
            try:
                for future in cf.as_completed(futures):
                    journal.append(future.result())
                    bar.update(1)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:
        bar.close()


def _frame(rows: list[dict]):
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    frame["max_score"] = pd.to_numeric(frame["max_score"], errors="coerce")
    return frame.reset_index(drop=True)


def summarize(frame):
    """One row per assignment and exercise: how many students got each status."""
    graded = frame[frame["exercise"] != NOTEBOOK_ROW]
    columns = ["assignment", "exercise", "students", "correct", "incorrect", "not_attempted",
               "submitted", "other", "mean_score", "max_score"]
    out = []
    for (assignment, exercise), group in graded.groupby(["assignment", "exercise"], sort=False):
        counts = group["status"].value_counts()
        known = ("correct", "incorrect", "not_attempted", "submitted")
        out.append({"assignment": assignment, "exercise": exercise,
                    "students": group["student"].nunique(),
                    **{k: int(counts.get(k, 0)) for k in known},
                    "other": int(sum(v for k, v in counts.items() if k not in known)),
                    # Writing exercises are scored by the teacher: no mean yet.
                    "mean_score": round(float(group["score"].mean()), 3)
                    if counts.get("submitted", 0) == 0 and group["score"].notna().any() else None,
                    "max_score": float(group["max_score"].max())})
    return pd.DataFrame(out, columns=columns)


def _write_csv(frame, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    frame.to_csv(tmp, index=False, encoding="utf-8")
    tmp.replace(path)


def write_html(frame, summary, path: Path) -> None:
    """A self-contained HTML report: the summary, then every row."""
    def table(df) -> str:
        return df.to_html(index=False, escape=True, na_rep="", border=0, classes="grades")

    legend = "、".join(f"{k}＝{v}" for k, v in STATUS_NAMES.items())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>批改结果</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table.grades {{ border-collapse: collapse; margin-bottom: 2em; }}
table.grades td, table.grades th {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }}
table.grades th {{ background: #f0f0f0; }}
</style></head><body>
<h1>批改结果</h1>
<h2>各题汇总</h2>
{table(summary)}
<h2>每位学生、每道题</h2>
<p>状态：{html.escape(legend)}</p>
{table(frame)}
</body></html>
"""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
