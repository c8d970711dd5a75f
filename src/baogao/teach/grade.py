"""``baogao teach grade SUBMISSIONS_DIR --out grades.csv``: grade a class.

Each submitted notebook runs in a fresh kernel inside a sandbox (``runner``,
``sandbox``: bubblewrap), in parallel across cores (one worker process per
core), with a time budget and memory and process limits for the whole
sandbox (``limits``). The verdict comes from the checks of the registered
assignment, computed in the grader's worker process — which never runs
student code — on plain data: value answers as the injected last cell
wrote them (bounded in size), function answers re-run by the grader from
their source in a fresh sandbox of their own (``functions``). Nothing the
notebook prints, redefines or monkeypatches reaches the verdict. Without
bubblewrap the grader refuses to run (``--no-sandbox`` runs trusted
notebooks unsandboxed).

Submissions: ``SUBMISSIONS_DIR/<student>.ipynb`` or
``SUBMISSIONS_DIR/<student>/<anything>.ipynb`` (folders starting with "." and
``backups/`` are skipped).

Output: one row per student and exercise — ``student, assignment, exercise,
status, score, max_score, feedback, notebook`` — plus a row with exercise
``notebook`` when the notebook itself had problems (a broken notebook gets
that row and one row per exercise with the problem as status and score 0).
Statuses: correct, incorrect, not_attempted, submitted (writing, to review),
error; for notebooks: invalid_notebook, wrong_assignment, timeout, memory,
too_many_processes, kernel_died, no_answers, output_too_large, cell_error,
cells_deleted, cells_reordered, cells_edited, grader_error.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from baogao import course, exercises
from baogao.course import get_assignment
from baogao.errors import UsageError
from baogao.teach import limits
from baogao.teach.cells import compare_cells
from baogao.teach.functions import FunctionRun
from baogao.teach.gradebook import (
    NOTEBOOK_ROW,
    feedback_pages,
    frame,
    resolve_conflicts,
    summarize,
    write_csv,
    write_html,
)
from baogao.teach.batch import pool_size, run_batch
from baogao.teach.bytecode import compile_package
from baogao.teach.journal import Journal
from baogao.teach.roster import (
    conflicts,
    declared_assignment,
    find_submissions,
    infer_assignment,
)
from baogao.teach.launch import prepare_spare, take_spare
from baogao.teach.runner import run_for_grading
from baogao.teach.sandbox import detect as detect_sandbox
from baogao.teach.sandbox import WORK_PREFIX, remove_work_folders, work_folder

#: Which problem names the notebook row when there are several.
SEVERITY = ("invalid_notebook", "wrong_assignment", "memory", "too_many_processes", "kernel_died",
            "timeout", "no_answers",
            "output_too_large", "cell_error", "cells_deleted", "cells_reordered", "cells_edited",
            "grader_error")

@dataclass
class GradeResult:
    frame: object  # pandas.DataFrame, one row per student and exercise
    summary: object  # pandas.DataFrame, one row per exercise
    graded: int  # notebooks graded in this run
    reused: int  # notebooks whose journal record was still valid
    seconds: float
    csv: Path
    journal: Path
    #: How students' code ran (Chinese, for the report): sandbox and limits.
    isolation: str = ""
    #: Journal records that did not verify and were graded again.
    rejected: int = 0
    #: Entries of the folder not read (links out of it…): ``roster.Skipped``.
    skipped: list = field(default_factory=list)


# -- grading one notebook (runs in a worker process) ------------------------------
MAX_ANSWER_TEXT = 20_000  # characters of a writing answer kept for the teacher's review


def _answer_text(problem, answers) -> str:
    """A writing exercise's text, as the teacher will read it."""
    value = (answers or {}).get(problem.name) if problem.kind == "writing" else None
    return value[:MAX_ANSWER_TEXT] if isinstance(value, str) else ""


def _rows_for(student, assignment, notebook, outcomes=None, fatal=None, problems=(), answers=None):
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
                             "notebook": notebook,
                             # the text the teacher reviews: writing exercises only
                             **({"answer": _answer_text(problem, answers)} if problem.kind == "writing" else {})})
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
    inferred = get_assignment(options["inferred"]) if options.get("inferred") else None
    data, why = _read_notebook(path)
    if data is None:  # still one row per exercise, for the class's assignment when it is known
        return _rows_for(student, expected or inferred, notebook, fatal=("invalid_notebook", why))
    meta = data.get("metadata") or {}
    declared = meta.get("baogao", {}).get("assignment") if isinstance(meta.get("baogao"), dict) else None
    if expected is not None and declared is not None and declared != expected.name:
        return _rows_for(student, expected, notebook, fatal=(
            "wrong_assignment", f"这是作业“{declared}”的笔记本，本次批改的是“{expected.name}”。"))
    if expected is None:
        if declared is None and inferred is not None:
            declared = inferred.name
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
    specs = assignment.collect_specs()
    sandboxed = options.get("sandbox", True)
    memory_mb = options.get("memory_mb", 4096)
    # The kernel: this worker's spare, launched while its last notebook ran, if any.
    key = (options.get("work_prefix", WORK_PREFIX), sandboxed, memory_mb, limits.DEFAULT_TASKS)
    spare = take_spare(key)
    workdir, kernel = spare if spare else (work_folder(key[0]), None)  # short enough for the sockets
    # Coding answers: from the notebook's source, in a sandbox of their own,
    # while the kernel runs the notebook.
    functions = FunctionRun(sources, specs, workdir / "functions", sandbox=sandboxed)
    try:
        run = run_for_grading(sources, specs, workdir / "kernel",
                              timeout=options.get("timeout", 120), memory_mb=memory_mb,
                              max_output_bytes=options.get("max_output_bytes", 5_000_000),
                              sandbox=sandboxed, kernel=kernel,
                              on_ready=(lambda: prepare_spare(key)) if options.get("prestart") else None)
        if run.fatal is None and run.answers is not None:
            run.answers.update(functions.result())
    finally:
        functions.close()
        shutil.rmtree(workdir, ignore_errors=True)
    problems = run.problems + problems
    if run.fatal is not None or run.answers is None:
        fatal = run.fatal or ("no_answers", "无法从笔记本中取得答案。")
        return _rows_for(student, assignment, notebook, fatal=fatal, problems=problems)
    report = options.get("report") or assignment.default_report
    outcomes = {o.problem: o for o in assignment.grade(run.answers, report)}
    return _rows_for(student, assignment, notebook, outcomes=outcomes, problems=problems,
                     answers=run.answers)


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


def isolation(sandboxed: bool) -> str:
    """One Chinese sentence: how students' code runs in this grading run."""
    if not sandboxed:
        return "未使用沙箱（--no-sandbox）：学生代码以教师的身份直接运行，只适合可信的笔记本。"
    return f"沙箱：{detect_sandbox().tool}；{limits.describe()}。"


def grade(submissions_dir, out_csv, *, assignment: str | None = None, report: str | None = None,
          exercises_dir="exercises", timeout: float = 120, memory_mb: int = 4096,
          max_output_mb: float = 5, workers: int | None = None, html_path=None,
          progress: bool = True, resume: bool = True, sandbox: bool = True,
          feedback_dir=None) -> GradeResult:
    """Grade every notebook under ``submissions_dir``; write ``out_csv``, its summary
    (``*_summary.csv``), optionally an HTML report and one feedback page per
    student. See the module docstring."""

    started = time.monotonic()
    folder = Path(submissions_dir)
    if not folder.is_dir():
        raise UsageError(f"找不到提交目录“{folder}”。")
    if assignment is not None:
        get_assignment(assignment)  # an unknown name is bad input, before any work
    if timeout <= 0 or memory_mb < 0 or max_output_mb <= 0:
        raise UsageError("时限、内存上限和输出上限都应当是正数。")
    if sandbox and not detect_sandbox().available:
        raise UsageError(detect_sandbox().why + "没有沙箱，批改程序不运行学生的代码；"
                         "只有在提交可信时（例如教师自己的测试笔记本），才可加 --no-sandbox 在沙箱外运行。")
    roster = find_submissions(folder)
    if not len(roster):
        raise UsageError(f"“{folder}”里没有找到笔记本（.ipynb）。")
    out_csv = Path(out_csv)
    reference = Path(exercises_dir) if exercises_dir and Path(exercises_dir).is_dir() else None
    # Without --assignment, the class's assignment (the one most notebooks declare)
    # gives broken and unmarked notebooks their rows too.
    inferred = None if assignment else infer_assignment(roster, course.assignments())
    options = {"assignment": assignment, "inferred": inferred, "report": report, "timeout": timeout,
               "memory_mb": memory_mb, "max_output_bytes": int(max_output_mb * 1_000_000),
               "reference_dir": str(reference.resolve()) if reference else None, "sandbox": bool(sandbox)}
    fingerprint = _fingerprint(options, reference)
    journal = Journal(journal_path(out_csv))
    with journal.lock():
        if not resume:
            journal.clear()
        done = journal.records()
        rejected = journal.rejected
        tasks = []
        # This run's work folders: found by their prefix when a worker dies before it removes its own.
        work_prefix = f"{WORK_PREFIX}{secrets.token_hex(4)}-"
        for sub in roster:
            digest = _sha256(sub.path)
            record = done.get(sub.relpath)
            if record and record.get("sha256") == digest and record.get("fingerprint") == fingerprint:
                continue
            tasks.append({"path": str(sub.path), "student": sub.student, "sha256": digest,
                          "fingerprint": fingerprint,
                          "options": {**options, "relpath": sub.relpath, "work_prefix": work_prefix}})
        # A worker launches its next notebook's kernel while it grades this one
        # (``launch``), except on the last notebooks, that no worker takes after.
        pool = pool_size(workers, len(tasks))
        if tasks:  # each sandboxed kernel imports the kit without writing bytecode
            compile_package()
        for i, task in enumerate(tasks):
            task["options"]["prestart"] = i < len(tasks) - pool
        try:
            run_batch(tasks, _grade_task, _broken_record, journal, workers, progress)
        finally:  # Ctrl-C or a killed worker: its sandbox died with it, its folder did not
            remove_work_folders(work_prefix)
        records = journal.records()
        rows = [row for sub in roster for row in records.get(sub.relpath, {}).get("rows", [])]
        clashes = conflicts(roster, lambda sub: assignment or declared_assignment(sub.path) or inferred)
        table = resolve_conflicts(frame(rows), clashes).frame
        summary = summarize(table)
        out_csv.parent.mkdir(parents=True, exist_ok=True)
        write_csv(table, out_csv)
        write_csv(summary, summary_path(out_csv))
        if html_path:
            write_html(table, summary, Path(html_path))
        if feedback_dir:
            feedback_pages(table, Path(feedback_dir))
    return GradeResult(table, summary, graded=len(tasks), reused=len(roster) - len(tasks),
                       seconds=time.monotonic() - started, csv=out_csv, journal=journal.path,
                       isolation=isolation(sandbox), rejected=rejected, skipped=list(roster.skipped))


def _broken_record(task: dict, why: str) -> dict:
    rows = [{"student": task["student"], "assignment": task["options"].get("assignment") or "",
             "exercise": NOTEBOOK_ROW, "status": "grader_error", "score": None, "max_score": None,
             "feedback": why, "notebook": task["options"]["relpath"]}]
    return {"notebook": task["options"]["relpath"], "sha256": task["sha256"],
            "fingerprint": task["fingerprint"], "rows": rows, "seconds": 0.0}
