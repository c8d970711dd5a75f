"""Coding answers, re-run by the grader (not in the student's kernel).

The student's kernel has run the whole notebook: whatever it says about a
function (``json.dumps`` patched, the disabled function copied before it was
disabled) cannot be trusted. So the grader takes the function's source from
the notebook file (``extract``), and runs it in a fresh sandbox of its own
(``sandbox``, with the kit left out: these exercises ask for code that does
not call the kit) on the hidden cases' arguments (``function_runner``). The
outputs come back as a bounded JSON file; the expected results never enter
the sandbox, and the verdict is computed by the grader's own checks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from baogao.exercises import collect as _collect_module
from baogao.teach import extract, limits
from baogao.teach import function_runner as _runner_module
from baogao.teach.bounded import TooLarge, read_text
from baogao.teach.sandbox import Sandbox

MAX_OUTPUT_BYTES = 2_000_000
RUNNER_MEMORY_MB = 1024
RUNNER_TASKS = 64  # the runner needs one process; a fork bomb gets no further


def _died(why: str) -> dict:
    return {"$": "error", "type": "RunnerDied", "message": why}


def run_functions(cell_sources: list[str], specs: list[dict], workdir: Path, *, sandbox: bool = True,
                  memory_mb: int = RUNNER_MEMORY_MB) -> dict:
    """Plain answers (as ``collect.run_cases`` gives them) of the function specs."""
    specs = [s for s in specs if s.get("kind") == "function"]
    if not specs:
        return {}
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    parsed = extract.statements(cell_sources)
    defined = {name for st in parsed for name in st.binds}
    statements = extract.needed_source(parsed, [s["variable"] for s in specs])
    answers = {s["problem"]: {"$": "missing"} for s in specs if s["variable"] not in defined}
    specs = [s for s in specs if s["variable"] in defined]
    if not specs:
        return answers
    for module in (_runner_module, _collect_module):
        shutil.copyfile(module.__file__, workdir / Path(module.__file__).name)
    job = {"statements": statements,
           "specs": [{"problem": s["problem"], "variable": s["variable"], "cases": s["cases"],
                      "timeout": s.get("timeout", 2.0)} for s in specs]}
    (workdir / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    out = workdir / "out.json"
    argv = [sys.executable, "-I", str(workdir / "function_runner.py"), str(workdir / "job.json"), str(out)]
    box = Sandbox(workdir, hide_kit=True) if sandbox else None
    if box is not None:
        box.prepare()
        argv = box.wrap(argv)
    group = limits.create(memory_mb, RUNNER_TASKS)
    argv = group.command(argv, memory_mb, RUNNER_TASKS)
    budget = _runner_module.SETUP_SECONDS + 10 + sum(len(s["cases"]) * s.get("timeout", 2.0) for s in specs)
    try:
        subprocess.run(argv, cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=budget, check=False, start_new_session=True)
        data = json.loads(read_text(out, MAX_OUTPUT_BYTES))
        answers.update({s["problem"]: data["answers"][s["problem"]] for s in specs})
    except subprocess.TimeoutExpired:
        answers.update({s["problem"]: _died("运行函数超时，已终止。") for s in specs})
    except TooLarge:
        answers.update({s["problem"]: _died(f"函数的结果超过 {MAX_OUTPUT_BYTES // 1_000_000} MB，不予读取。")
                        for s in specs})
    except (OSError, ValueError, KeyError, TypeError):
        answers.update({s["problem"]: _died("运行函数的进程提前退出了（函数里调用了 exit 或让进程崩溃）。")
                        for s in specs})
    finally:
        group.close()
    return answers
