"""Benchmark: grading a class against its floor, and the sandbox's overhead.

The floor is what no grader can beat: one notebook's own execution time
(nbclient running it in a plain kernel, no grading), times the number of
students, divided by the cores used. Measured in the same run:

- ``floor``: the solution notebook of the assignment executed once by nbclient
  (``--repeat`` times, median), × students ÷ workers;
- ``sandboxed``: ``grade()`` of a class of that many copies (answers typed in),
  in the sandbox, with ``workers`` processes;
- ``unsandboxed``: the same class with ``sandbox=False`` (the overhead of
  bubblewrap and of re-running function answers in their own sandbox);
- ``nbclient_pool``: the same copies executed by bare nbclient in as many
  worker processes as the grader uses, and nothing else: what running the
  class costs on this machine without any grading (the floor assumes that
  two notebooks side by side run as fast as one alone, which two cores
  shared with the kernels' own clients do not allow).

The two gradings alternate over ``--rounds`` rounds (default 2: unsandboxed,
sandboxed, then sandboxed, unsandboxed), so that neither always runs first on
a machine whose speed drifts; their medians are compared.

Reported: wall-clock seconds, the ratios grade ÷ floor, and the sandbox's
overhead per notebook. Usage:
``python bench/grading_throughput.py [--students N] [--workers N] [--assignment 01_structure]
[--repeat N] [--rounds N] [--save PATH]`` (``--save``: the figures as JSON, see
``bench/record.py``). It writes only to a temporary folder.
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

from record import Run, summary

ROOT = Path(__file__).resolve().parents[1]


def run_once(path: Path) -> float:
    # Imported here, not at the top: the grader's workers (spawned) import this
    # module again as __mp_main__, and would pay nbformat's import without the
    # kit's quick_schema (3-5 s each, rfc3987_syntax's grammar) for the benchmark's
    # sake, not the grader's. The nbclient pool's workers pay it, as a bare script would.
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    started = time.monotonic()
    NotebookClient(nb, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.monotonic() - started


def run_pool(paths: list[Path], workers: int) -> float:
    """Wall-clock seconds of executing ``paths`` by nbclient in ``workers`` fresh processes."""
    import concurrent.futures as cf
    import multiprocessing

    started = time.monotonic()
    with cf.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(run_once, paths))
    return time.monotonic() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", default="01_structure")
    parser.add_argument("--repeat", type=int, default=3, help="nbclient runs of the notebook (default 3)")
    parser.add_argument("--rounds", type=int, default=2, help="gradings per mode, alternating (default 2)")
    parser.add_argument("--save", metavar="PATH", help="write the figures to PATH (JSON)")
    args = parser.parse_args(argv)
    record = Run("grading_throughput", None if argv is None else [sys.argv[0], *argv])

    from baogao.teach.grade import grade
    from baogao.teach.sandbox import detect

    solution = ROOT / "solutions" / f"{args.assignment}.ipynb"
    one_runs = [run_once(solution) for _ in range(args.repeat)]
    one = statistics.median(one_runs)
    floor = one * args.students / args.workers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        data = json.loads(solution.read_text(encoding="utf-8"))
        for i in range(args.students):
            (folder / f"s{i:03d}.ipynb").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        modes = [("nbclient_pool", None), ("unsandboxed", False)] + (
            [("sandboxed", True)] if detect().available else [])
        runs: dict[str, list[float]] = {name: [] for name, _ in modes}
        for r in range(args.rounds):
            for name, sandbox in (modes if r % 2 == 0 else modes[::-1]):
                if sandbox is None:
                    runs[name].append(run_pool(sorted(folder.glob("*.ipynb")), args.workers))
                    continue
                started = time.monotonic()
                result = grade(folder, Path(tmp) / f"{name}.csv", assignment=args.assignment,
                               exercises_dir=ROOT / "exercises", workers=args.workers, progress=False,
                               resume=False, sandbox=sandbox)
                runs[name].append(time.monotonic() - started)
                wrong = result.frame[(result.frame["exercise"] != "notebook")
                                     & ~result.frame["status"].isin(["correct", "submitted"])]
                if len(wrong):
                    print(f"{name}: {len(wrong)} rows not correct — the benchmark's class is wrong:", file=sys.stderr)
                    columns = [c for c in ("student", "exercise", "status", "feedback") if c in wrong.columns]
                    # the students' notebook rows too: they say why a whole notebook failed
                    rows = result.frame[result.frame["student"].isin(wrong["student"])]
                    print(rows[columns].to_string(index=False), file=sys.stderr)
                    return 1
    results = {name: statistics.median(values) for name, values in runs.items()}
    print(f"one notebook executed by nbclient: {one:.2f} s (median of {args.repeat})")
    print(f"floor for {args.students} students on {args.workers} workers: {floor:.1f} s")
    print(f"gradings: median of {args.rounds} per mode, alternating which mode goes first")
    pool = results["nbclient_pool"]
    for name, seconds in results.items():
        print(f"{name:13s} {seconds:6.1f} s   ratio to floor {seconds / floor:.2f}, "
              f"to the nbclient pool {seconds / pool:.2f}")
    extra = None
    if "sandboxed" in results:
        extra = (results["sandboxed"] - results["unsandboxed"]) * args.workers / args.students
        print(f"sandbox overhead: {extra:+.2f} s per notebook "
              f"({results['sandboxed'] / results['unsandboxed']:.2f}× the unsandboxed run)")
    else:
        print("bubblewrap not available: sandboxed run skipped")
    cases = {name: {"seconds": summary(values), "ratio": summary(v / floor for v in values),
                    "ratio_to_pool": summary(v / p for v, p in zip(values, runs["nbclient_pool"]))}
             for name, values in runs.items()}
    record.save(args.save, assignment=args.assignment, students=args.students, workers=args.workers,
                repeat=args.repeat, rounds=args.rounds, sandbox_available="sandboxed" in results,
                baseline={"nbclient one notebook": summary(one_runs), "floor_seconds": floor},
                cases=cases, sandbox_overhead_per_notebook=extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
