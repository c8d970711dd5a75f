"""Benchmark: opening each lesson's widget on the specimen, in a fresh process with empty caches.

What a student waits for when a lesson's widget cell runs first thing after the
kernel starts: the lesson's own call that builds the widget (``lesson.viewer(report)``,
``lesson.charts(report)`` …), timed inside a fresh ``python`` process after
``import baogao``, the lesson module and ``baogao.get("specimen")`` (those are
the cells above it), with a new ``BAOGAO_CACHE`` directory and a new ``TMPDIR``
(jieba's dictionary cache) for every run, so nothing is cached but what the kit
ships (matplotlib's font list, built once per machine, is kept). The baseline, in alternating fresh processes with the same empty caches:
``jieba.lcut`` of the specimen's text after ``import jieba``, timed the same way.

Reported per widget: its time and the ratio of each adjacent pair (widget,
baseline), as median (min–max) over ``--repeat`` pairs.

Usage: ``python bench/widget_open.py [--repeat N] [--save PATH]`` (``--save``: the
figures as JSON, see ``bench/record.py``). Lesson 07's builders write
their drafts into a temporary folder (the demonstration's) and into the
working directory of the child process, which is a temporary folder too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from record import Run, summary

ROOT = Path(__file__).resolve().parent.parent

#: (lesson module, what its notebook calls to build the widget, the widget).
WIDGETS = [
    ("lesson00_start", "lesson.reading_widget(report)", "EditionCompare"),
    ("lesson01_structure", "widgets.OutlineExplorer(report)", "OutlineExplorer"),
    ("lesson02_paragraphs", "lesson.highlighter(report)", "Highlighter"),
    ("lesson03_words", "lesson.concordance(report)", "Concordance"),
    ("lesson04_rhythm", "lesson.charts(report)", "Charts"),
    ("lesson05_evidence", "lesson.highlighter(report)", "Highlighter (quantities)"),
    ("lesson06_proofreading", "lesson.viewer(report)", "LintViewer"),
    ("lesson06_proofreading", "lesson.quiz()", "Quiz (click)"),
    ("lesson07_drafting", "lesson.demo_builder()", "OutlineBuilder"),
]

CHILD = """
import sys, time
import baogao
import baogao.widgets as widgets  # lesson 01's first cell imports its widget
from baogao.course import {module} as lesson
report = baogao.get("specimen")
t = time.perf_counter()
widget = {call}
print(time.perf_counter() - t)
"""

BASELINE = """
import sys, time
import jieba
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
jieba.lcut(text)
print(time.perf_counter() - t)
"""


def timed(code: str, *args: str) -> float:
    """Seconds the child process reports for its timed part, with empty caches."""
    scratch = Path(tempfile.mkdtemp(prefix="baogao-bench-open-"))
    # matplotlib's font list (MPLCONFIGDIR) is kept: it is built once per machine, not per report.
    env = dict(os.environ, BAOGAO_CACHE=str(scratch / "cache"), TMPDIR=str(scratch))
    try:
        out = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=scratch,
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"failed: {code.strip().splitlines()[-2]}\n{out.stderr[-800:]}")
        return float(out.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def spread(values, fmt: str = "{:.2f}") -> str:
    values = list(values)
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", metavar="PATH", help="write the figures to PATH (JSON)")
    args = parser.parse_args()
    record = Run("widget_open")
    specimen = str(ROOT / "src" / "baogao" / "data" / "specimen" / "report_raw.txt")
    print(f"{'widget':<26} {'lesson':<22} {'seconds':>20} {'× jieba.lcut':>20}")
    baselines, cases = [], []
    for module, call, name in WIDGETS:
        kit, ratios = [], []
        for _ in range(args.repeat):
            k = timed(CHILD.format(module=module, call=call))
            b = timed(BASELINE, specimen)
            kit.append(k)
            baselines.append(b)
            ratios.append(k / b)
        print(f"{name:<26} {module:<22} {spread(kit):>20} {spread(ratios):>20}")
        cases.append({"widget": name, "module": module, "call": call,
                      "seconds": summary(kit), "ratio": summary(ratios)})
    print(f"\nbaseline jieba.lcut(specimen) after import jieba, empty cache: {spread(baselines)} s")
    record.save(args.save, repeat=args.repeat, baseline={"jieba.lcut specimen": summary(baselines)}, cases=cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
