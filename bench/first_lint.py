"""Benchmark: a student's first ``baogao lint`` against bare jieba, whole processes.

What a student waits for: ``baogao lint`` on a draft (the specimen) in a fresh
process, against ``python -c "import jieba; jieba.lcut(text)"`` on the same
text, each timed from start to exit (``time.perf_counter`` around the
subprocess), in alternating pairs:

- cold: empty caches on both sides (a new ``BAOGAO_CACHE`` directory for the
  kit, a new ``TMPDIR`` for jieba, which keeps its dictionary cache there);
- warm: the caches the first runs left (the kit's tokens, jieba's dictionary).

Reported per case: the kit's and jieba's times, and the ratio of each adjacent
pair, as median (min–max); with ``os.wait4`` (Unix) also the kit's peak
memory. ``--plain`` sets ``BAOGAO_SEGMENTER=jieba`` (the kit without rjieba).

Usage: ``python bench/first_lint.py [--repeat N] [--plain] [--save PATH] [FILE]``
(``--save``: the figures as JSON, see ``bench/record.py``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from record import Run, reap, summary

ROOT = Path(__file__).resolve().parent.parent
SPECIMEN = ROOT / "src" / "baogao" / "data" / "specimen" / "report_raw.txt"
JIEBA = "import sys, jieba; jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"


def run(cmd: list[str], env: dict) -> tuple[float, float | None]:
    """Wall-clock seconds of one process, and its peak memory in MiB where the OS says."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_kib = reap(proc)
    elapsed = time.perf_counter() - t
    peak = None if peak_kib is None else peak_kib / 1024
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):  # baogao lint exits 1 when it finds something
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    return elapsed, peak


def spread(values, unit: str = "") -> str:
    values = list(values)
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(SPECIMEN), help="the draft (default: the specimen)")
    parser.add_argument("--repeat", type=int, default=7, help="alternating pairs per case (default 7)")
    parser.add_argument("--plain", action="store_true", help="the kit with BAOGAO_SEGMENTER=jieba")
    parser.add_argument("--save", metavar="PATH", help="write the figures to PATH (JSON)")
    args = parser.parse_args()
    record = Run("first_lint")
    kit_cmd = [sys.executable, "-m", "baogao", "lint", args.file]
    jieba_cmd = [sys.executable, "-c", JIEBA, args.file]
    base = {k: v for k, v in os.environ.items() if k not in ("BAOGAO_CACHE", "BAOGAO_SEGMENTER")}
    if args.plain:
        base["BAOGAO_SEGMENTER"] = "jieba"
    scratch = Path(tempfile.mkdtemp(prefix="baogao-first-lint-"))
    results = {}
    try:
        warm_kit = dict(base, BAOGAO_CACHE=str(scratch / "warm-kit"))
        warm_jieba = dict(base, TMPDIR=str(scratch / "warm-jieba"))
        (scratch / "warm-jieba").mkdir()
        run(kit_cmd, warm_kit)
        run(jieba_cmd, warm_jieba)
        for case in ("cold", "warm"):
            rows = []
            for i in range(args.repeat):
                if case == "cold":
                    kit_env = dict(base, BAOGAO_CACHE=str(scratch / f"kit{i}"))
                    jieba_env = dict(base, TMPDIR=str(scratch / f"jieba{i}"))
                    (scratch / f"jieba{i}").mkdir()
                else:
                    kit_env, jieba_env = warm_kit, warm_jieba
                # Alternate which side goes first, so neither always follows the other.
                if i % 2:
                    j, _ = run(jieba_cmd, jieba_env)
                    k, peak = run(kit_cmd, kit_env)
                else:
                    k, peak = run(kit_cmd, kit_env)
                    j, _ = run(jieba_cmd, jieba_env)
                rows.append((k, j, peak))
            results[case] = rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    chars = len(Path(args.file).read_text(encoding="utf-8"))
    print(f"first lint of {Path(args.file).name} ({chars:,} characters), {args.repeat} alternating pairs"
          f"{', BAOGAO_SEGMENTER=jieba' if args.plain else ''}; median (min–max)")
    for case, rows in results.items():
        peaks = [p for _k, _j, p in rows if p is not None]
        memory = f", peak {spread(peaks, ' MiB')}" if peaks else ""
        print(f"  {case}: baogao lint {spread((k for k, _j, _p in rows), ' s')}, "
              f"jieba.lcut {spread((j for _k, j, _p in rows), ' s')}, "
              f"ratio {spread(k / j for k, j, _p in rows)}{memory}")
    cases = {}
    for case, rows in results.items():
        peaks = [p for _k, _j, p in rows if p is not None]
        cases[case] = {"seconds": summary(k for k, _j, _p in rows),
                       "ratio": summary(k / j for k, j, _p in rows),
                       "peak_mib": summary(peaks) if peaks else None}
    record.save(args.save, file=Path(args.file).name, characters=chars, plain=args.plain, repeat=args.repeat,
                baseline={case: summary(j for _k, j, _p in rows) for case, rows in results.items()},
                cases=cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
