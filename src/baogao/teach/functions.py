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


class FunctionRun:
    """Function answers being re-run: started at once (so it overlaps the
    kernel's run of the notebook), read with ``result()``."""

    def __init__(self, cell_sources: list[str], specs: list[dict], workdir: Path, *, sandbox: bool = True,
                 memory_mb: int = RUNNER_MEMORY_MB):
        self.specs = [s for s in specs if s.get("kind") == "function"]
        self.answers: dict = {}
        self.process = self.group = None
        if not self.specs:
            return
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        parsed = extract.statements(cell_sources)
        defined = {name for st in parsed for name in st.binds}
        self.answers = {s["problem"]: {"$": "missing"} for s in self.specs if s["variable"] not in defined}
        self.specs = [s for s in self.specs if s["variable"] in defined]
        if not self.specs:
            return
        for module in (_runner_module, _collect_module):
            shutil.copyfile(module.__file__, workdir / Path(module.__file__).name)
        job = {"statements": extract.needed_source(parsed, [s["variable"] for s in self.specs]),
               "specs": [{"problem": s["problem"], "variable": s["variable"], "cases": s["cases"],
                          "timeout": s.get("timeout", 2.0)} for s in self.specs]}
        (workdir / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        self.out = workdir / "out.json"
        argv = [sys.executable, "-I", str(workdir / "function_runner.py"), str(workdir / "job.json"), str(self.out)]
        box = Sandbox(workdir, hide_kit=True) if sandbox else None
        if box is not None:
            box.prepare()
            argv = box.wrap(argv)
        self.group = limits.create(memory_mb, RUNNER_TASKS)
        self.budget = _runner_module.SETUP_SECONDS + 10 + sum(len(s["cases"]) * s.get("timeout", 2.0)
                                                              for s in self.specs)
        self.process = subprocess.Popen(self.group.command(argv, memory_mb, RUNNER_TASKS), cwd=workdir,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)

    def result(self) -> dict:
        """The plain answers (as ``collect.run_cases`` gives them) of the function specs."""
        if self.process is None:
            return self.answers
        answers, specs = dict(self.answers), self.specs
        try:
            self.process.wait(timeout=self.budget)
            data = json.loads(read_text(self.out, MAX_OUTPUT_BYTES))
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
            self.close()
        return answers

    def close(self) -> None:
        """Kill the runner (if still running) and whatever it started."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.group is not None:
            self.group.close()
        self.process = self.group = None


def run_functions(cell_sources: list[str], specs: list[dict], workdir: Path, **kw) -> dict:
    """``FunctionRun(...).result()``: start and wait."""
    return FunctionRun(cell_sources, specs, workdir, **kw).result()
