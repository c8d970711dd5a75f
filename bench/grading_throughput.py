"""Benchmark: grading a class against its floor, and the sandbox's overhead.

The floor is what no grader can beat: one notebook's own execution time
(nbclient running it in a plain kernel, no grading), times the number of
students, divided by the cores used. Measured in the same run:

- ``floor``: the solution notebook of the assignment executed once by nbclient
  (``--repeat`` times, median), × students ÷ workers;
- ``sandboxed``: ``grade()`` of a class of that many copies (answers typed in),
  in the sandbox, with ``workers`` processes;
- ``unsandboxed``: the same class with ``sandbox=False`` (the overhead of
  bubblewrap and of re-running function answers in their own sandbox).

Reported: wall-clock seconds, the ratios grade ÷ floor, and the sandbox's
overhead per notebook. Usage:
``python bench/grading_throughput.py [--students N] [--workers N] [--assignment 01_structure]``.
It writes only to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run_once(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    started = time.monotonic()
    NotebookClient(nb, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.monotonic() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", default="01_structure")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from baogao.teach.grade import grade
    from baogao.teach.sandbox import detect

    solution = ROOT / "solutions" / f"{args.assignment}.ipynb"
    one = statistics.median(run_once(solution) for _ in range(args.repeat))
    floor = one * args.students / args.workers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        data = json.loads(solution.read_text(encoding="utf-8"))
        for i in range(args.students):
            (folder / f"s{i:03d}.ipynb").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        results = {}
        modes = [("unsandboxed", False)] + ([("sandboxed", True)] if detect().available else [])
        for name, sandbox in modes:
            started = time.monotonic()
            result = grade(folder, Path(tmp) / f"{name}.csv", assignment=args.assignment,
                           exercises_dir=ROOT / "exercises", workers=args.workers, progress=False,
                           resume=False, sandbox=sandbox)
            results[name] = time.monotonic() - started
            wrong = result.frame[(result.frame["exercise"] != "notebook")
                                 & ~result.frame["status"].isin(["correct", "submitted"])]
            if len(wrong):
                print(f"{name}: {len(wrong)} rows not correct — the benchmark's class is wrong", file=sys.stderr)
                return 1
    print(f"one notebook executed by nbclient: {one:.2f} s (median of {args.repeat})")
    print(f"floor for {args.students} students on {args.workers} workers: {floor:.1f} s")
    for name, seconds in results.items():
        print(f"{name:12s} {seconds:6.1f} s   ratio to floor {seconds / floor:.2f}")
    if "sandboxed" in results:
        extra = (results["sandboxed"] - results["unsandboxed"]) * args.workers / args.students
        print(f"sandbox overhead: {extra:+.2f} s per notebook "
              f"({results['sandboxed'] / results['unsandboxed']:.2f}× the unsandboxed run)")
    else:
        print("bubblewrap not available: sandboxed run skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
