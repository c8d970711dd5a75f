"""Run coding answers on their hidden cases: ``python -I function_runner.py JOB.json OUT.json``.

This file runs inside a fresh sandbox in which the kit is not installed
(``functions``): it imports nothing but the standard library and loads
``collect.py`` from the file copied beside it. It executes the statements the
answers need (``extract.needed_source``), each on its own (one that fails is
recorded and the others still run), then calls each answer on the cases'
arguments with ``collect.run_cases`` and writes the plain outputs. The
expected results never enter the sandbox: the grader compares outside.

A statement that imports from ``baogao`` fails here, and a case that then
reaches for that name (or imports baogao itself) is recorded as
``{"$": "blocked"}``: these exercises are to be solved without the kit.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import signal
import sys

SETUP_SECONDS = 10


def _load_collect(folder: str):
    spec = importlib.util.spec_from_file_location("_baogao_runner_collect", os.path.join(folder, "collect.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _SetupTimeout(BaseException):
    pass


def _setup(statements: list[str]) -> tuple[dict, set[str], list[str]]:
    """Run the statements; the namespace, names whose import failed, errors."""
    namespace: dict = {"__name__": "__main__", "__builtins__": __builtins__}
    unavailable: set[str] = set()
    errors: list[str] = []

    def on_alarm(signum, frame):
        raise _SetupTimeout()

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, SETUP_SECONDS)
    try:
        for source in statements:
            try:
                exec(compile(source, "<notebook>", "exec"), namespace)  # noqa: S102 - the sandbox's purpose
            except _SetupTimeout:
                errors.append("timeout")
                break
            except BaseException as exc:  # noqa: BLE001 - SystemExit too: one statement must not stop the rest
                errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
                if isinstance(exc, ImportError):
                    unavailable.update(_bound_names(source))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return namespace, unavailable, errors


def _bound_names(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _uses_kit(output, unavailable: set[str]) -> bool:
    if not (isinstance(output, dict) and output.get("$") == "error"):
        return False
    message = str(output.get("message", ""))
    if output.get("type") in ("ModuleNotFoundError", "ImportError") and "baogao" in message:
        return True
    return output.get("type") == "NameError" and any(f"'{name}'" in message for name in unavailable)


def main(argv: list[str]) -> int:
    job_path, out_path = argv
    with open(job_path, encoding="utf-8") as fh:
        job = json.load(fh)
    collect = _load_collect(os.path.dirname(os.path.abspath(__file__)))
    namespace, unavailable, errors = _setup(job["statements"])
    answers = {}
    for spec in job["specs"]:
        value = namespace.get(spec["variable"], collect._MISSING)
        try:
            answer = collect.run_cases(value, spec["cases"], (), spec.get("timeout", 2.0))
        except BaseException as exc:  # noqa: BLE001
            answer = {"$": "error", "type": type(exc).__name__, "message": str(exc)[:200]}
        if isinstance(answer, dict) and answer.get("$") == "function":
            outputs = [{"$": "blocked"} if _uses_kit(o, unavailable) else o for o in answer["outputs"]]
            answer = {**answer, "outputs": outputs,
                      "blocked": any(isinstance(o, dict) and o.get("$") == "blocked" for o in outputs)}
        answers[spec["problem"]] = answer
    data = json.dumps({"answers": answers, "setup_errors": errors[:20]}, ensure_ascii=False)
    with open(out_path + ".tmp", "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(out_path + ".tmp", out_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
