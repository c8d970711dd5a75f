"""Where the test suite's time goes, from a JUnit XML report of a run.

Usage::

    .venv/bin/python -m pytest --junitxml=/tmp/junit.xml
    .venv/bin/python tools/suite_times.py /tmp/junit.xml

Prints a Markdown table: for each part of the suite, the number of tests and
the sum of their times (setup, call and teardown, as pytest writes them into
the report). With pytest-xdist the parts run side by side on the workers, so
the sums add up to more than the wall-clock time, which is printed below the
table (pytest's own figure, from the report's ``time`` attribute).
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

#: (label, test of a case's file and name), first match wins.
PARTS = (
    ("the lessons in Chromium (tests/browser)", lambda f, n: f.startswith("tests/browser/")),
    ("lessons and solutions on four other reports (papermill)", lambda f, n: "runs_on_another_report" in n),
    ("grading classes of notebooks (tests/teach/test_teach.py, test_attacks.py)",
     lambda f, n: f in ("tests/teach/test_teach.py", "tests/teach/test_attacks.py")),
    ("nbval: lessons, solutions (strict) and exercises (lax)",
     lambda f, n: f.startswith(("notebooks/", "solutions/", "exercises/"))),
    ("the segmenter against jieba.posseg (tests/text/test_segmenter*.py)",
     lambda f, n: f.startswith("tests/text/test_segmenter")),
    ("everything else", lambda f, n: True),
)


def case_file(case: ET.Element) -> str:
    """The test's file, from its ``file`` attribute or its dotted ``classname``."""
    if case.get("file"):
        return case.get("file")
    classname = case.get("classname", "")
    if classname.endswith(".ipynb"):  # nbval: "notebooks.00_start.ipynb"
        folder, _, rest = classname.partition(".")
        return f"{folder}/{rest}"
    parts = classname.split(".")
    while parts and parts[-1][:1].isupper():  # drop test classes
        parts.pop()
    return "/".join(parts) + ".py"


def breakdown(path: str) -> tuple[list[tuple[str, int, float]], float]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    count, seconds = defaultdict(int), defaultdict(float)
    for suite in suites:
        for case in suite.iter("testcase"):
            f, n = case_file(case), case.get("name", "")
            label = next(label for label, test in PARTS if test(f, n))
            count[label] += 1
            seconds[label] += float(case.get("time") or 0)
    wall = sum(float(s.get("time") or 0) for s in suites)
    return [(label, count[label], seconds[label]) for label, _ in PARTS if count[label]], wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="the JUnit XML file pytest wrote (--junitxml)")
    args = parser.parse_args(argv)
    rows, wall = breakdown(args.report)
    print("| part of the suite | tests | time of its tests |")
    print("|---|---:|---:|")
    for label, n, s in rows:
        print(f"| {label} | {n} | {s:.0f} s |")
    total = sum(s for _, _, s in rows)
    print(f"| all | {sum(n for _, n, _ in rows)} | {total:.0f} s |")
    print(f"\nwall-clock time of the run (pytest): {wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
