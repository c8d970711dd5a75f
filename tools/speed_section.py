"""Render README.md's "Measured speed" section from the benchmarks' saved figures.

Every benchmark in ``bench/`` saves what it printed with ``--save PATH``
(``bench/record.py``); the runs kept are ``bench/results/*.json``. This script
renders the section's Markdown from those files alone (every figure is
``median (min–max)`` of a file's values; each paragraph names the command
that produced it, its date and the load average at its start and end). The
section lies between two marker lines in README.md, ``<!-- speed:start -->``
and ``<!-- speed:end -->``.

Usage::

    python tools/speed_section.py           # print the section
    python tools/speed_section.py --write   # replace it in README.md
    python tools/speed_section.py --check   # exit 1 when README.md differs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
START, END = "<!-- speed:start -->", "<!-- speed:end -->"
#: The benchmarks in the order the section shows them.
ORDER = ("analysis_speed", "first_lint", "widget_open", "widget_callbacks", "grading_throughput", "scale")
#: What each benchmark's file must hold for the renderer (besides the run's own fields).
REQUIRED = {
    "analysis_speed": ("clock", "segmenter", "repeat", "text", "baseline", "cases"),
    "first_lint": ("file", "characters", "repeat", "baseline", "cases"),
    "widget_open": ("repeat", "baseline", "cases"),
    "widget_callbacks": ("repeat", "budget_ms", "baseline", "cases"),
    "grading_throughput": ("assignment", "students", "workers", "repeat", "rounds", "baseline", "cases",
                           "sandbox_available", "sandbox_overhead_per_notebook"),
    "scale": ("repeat", "sizes", "reports", "mark", "linearity", "cases"),
}
RUN_FIELDS = ("benchmark", "command", "date", "machine")
SPECIMEN_FILE = "report_raw.txt"
#: Prose is wrapped at this width (tables are not).
WIDTH = 100

EARLIER = (
    "Earlier measurements, kept for comparison (they are not figures of the runs above): "
    "before the hybrid segmenter the cold analysis cost 1.54 × posseg and the warm one 0.44 ×; "
    "without rjieba (`--plain --repeat 3`) the segmentation cost 0.54 × and the cold analysis 1.25 ×. "
    "The first lint of the specimen cost 2.56 × cold and 1.20 × warm (the issue's measurement) "
    "when jieba's dictionary was parsed twice and every lint imported jieba; without rjieba "
    "(`--plain --repeat 5`) 1.77 × cold and 0.91 × warm. The charts took 6.2 s to open before the "
    "measures of the shipped texts shipped with them (`data/stats.json`), and 2.05 s before they "
    "drew their histograms as SVG instead of importing matplotlib. Before the analysis paused the "
    "garbage collector while it builds and the linter read rows instead of DataFrames (a32c0e0, "
    "2026-12-01): the cold analysis 0.91 ×, the warm one 0.40 ×, the shipped tokens 0.47 ×; the first "
    "lint of `wild_copy_hebei.txt` 1.04 × cold and 0.91 × warm, peak memory 125 MiB; grading in the "
    "sandbox 2.13 × the floor. Before the grader's workers imported one lesson instead of eight, its "
    "kernels ran without the notebook's own checks and without ipykernel's debugger, and its limits "
    "launcher ran as a file instead of importing the kit (2c4d3ec, 2026-12-02 00:14 UTC): grading in "
    "the sandbox 1.85 × (1.71–1.98) the floor and 1.17 × (0.97–1.37) the bare nbclient pool, which "
    "was itself 1.60 × the floor. Before every command stopped importing the Markdown parser and "
    "looking up the kit's version (2c4d3ec): the first lint of the specimen 0.43 × cold and 0.51 × "
    "warm, of `wild_copy_hebei.txt` 0.74 × cold and 0.55 × warm. Before the grader's kernels started "
    "and stopped without jupyter_client's sleeps, each worker launched its next kernel ahead, and the "
    "benchmark stopped importing nbformat at its top (4cc6a41, 2026-12-02 02:32 UTC): grading in the "
    "sandbox 1.41 × (1.40–1.47) the floor for 8 students and 0.98 × for 24. Most of that was the "
    "benchmark's own: the grader's workers import the benchmark's module again, and its top-level "
    "`import nbformat` built rfc3987_syntax's grammar in each of them (3–5 s), which the command's "
    "workers never do; with today's grader and that benchmark (one run of `--rounds 4`, minutes "
    "before the one above) 1.27 × the floor for 8 students."
)


# --------------------------------------------------------------------------- #
# Formatting.


def num(x: float, digits: int = 2) -> str:
    return f"{x:,.{digits}f}"


def spread(s: dict, digits: int = 2, unit: str = "") -> str:
    """``median (min–max)`` of a summary, with its unit after the median; one value alone."""
    low, high = num(s["min"], digits), num(s["max"], digits)
    if s["n"] == 1 or low == high:  # one value, or a range too narrow to show
        return f"{num(s['median'], digits)}{unit}"
    return f"{num(s['median'], digits)}{unit} ({low}–{high})"


def ratio(s: dict, digits: int = 2) -> str:
    """A ratio: ``0.80 × (0.63–1.11)``."""
    return spread(s, digits, " ×")


def when(data: dict) -> str:
    """The run's date, and its load average at start and end."""
    date = data["date"].replace("T", " ")[:16] + " UTC"
    m = data["machine"]
    load = ""
    if m.get("load_start") and m.get("load_end"):
        load = f", load {num(m['load_start'][0])} at the start and {num(m['load_end'][0])} at the end"
    return f"run {date}{load}"


def head(data: dict, what: str) -> str:
    """A paragraph's opening: the command, then the run and what is measured."""
    return f"`{data['command']}` ({when(data)}; {what})"


# --------------------------------------------------------------------------- #
# One paragraph per saved run.


def analysis_speed(d: dict) -> str:
    c, b, t = d["cases"], d["baseline"], d["text"]
    what = (f"{d['clock']} time, one process; {t['reports']} reports, {t['paragraphs']:,} paragraphs, "
            f"{t['characters']:,} characters; segmenter {d['segmenter']}; {d['repeat']} alternating pairs")
    return (
        f"{head(d, what)}: "
        f"the baseline, `jieba.posseg.lcut`, {spread(b['jieba.posseg.lcut'], unit=' s')}, and `jieba.lcut` "
        f"{spread(b['jieba.lcut'], unit=' s')}; the segmentation alone, nothing cached, "
        f"{ratio(c['segmentation_cold']['ratio'])} posseg; `baogao.analyze(…).compute_all()` with nothing "
        f"cached (no tokens in memory or on disk, the tokens that ship with the corpus switched off) "
        f"{ratio(c['analyze_cold']['ratio'])}, {spread(c['analyze_cold']['seconds'], unit=' s')}; with the "
        f"tokens cached in memory {ratio(c['analyze_warm']['ratio'])}, "
        f"{spread(c['analyze_warm']['seconds'], unit=' s')}; with the shipped tokens and nothing else cached "
        f"(a lesson on the corpus in a fresh kernel) {ratio(c['analyze_shipped']['ratio'])}, "
        f"{spread(c['analyze_shipped']['seconds'], unit=' s')}; a KWIC query "
        f"over the analysed corpus: the first {num(c['kwic']['first_seconds'] * 1000, 1)} ms, then "
        f"{spread(ms(c['kwic']['seconds']), 1, ' ms')}; linting the specimen with its tokens cached "
        f"{ratio(c['lint_specimen_cached']['ratio'])} the cost of segmenting it with posseg, "
        f"{spread(b['jieba.posseg.lcut specimen'], unit=' s')}."
    )


def ms(s: dict) -> dict:
    """A summary in seconds as one in milliseconds."""
    return {k: (v * 1000 if k in ("median", "min", "max") else v) for k, v in s.items() if k != "values"}


def first_lint(d: dict) -> str:
    cold, warm = d["cases"]["cold"], d["cases"]["warm"]
    if d["file"] == SPECIMEN_FILE:
        text = f"the specimen ({d['characters']:,} characters), whose tokens ship with the kit"
    else:
        text = f"`{d['file']}` ({d['characters']:,} characters), a text the kit does not ship (segmented afresh)"
    peak = f", peak memory {spread(cold['peak_mib'], 0, ' MiB')}" if cold.get("peak_mib") else ""
    plain = ", `BAOGAO_SEGMENTER=jieba`" if d.get("plain") else ""
    what = f"wall-clock time of whole processes, {d['repeat']} alternating pairs per case{plain}"
    return (
        f"{head(d, what)}: "
        f"a first `baogao lint` of {text}, in a fresh process with empty caches, against "
        f"`python -c \"import jieba; jieba.lcut(text)\"` on the same text with an empty jieba cache: "
        f"{spread(cold['seconds'], unit=' s')}, {ratio(cold['ratio'])} jieba's "
        f"{spread(d['baseline']['cold'], unit=' s')}{peak}; with the caches the first runs left, "
        f"{spread(warm['seconds'], unit=' s')}, {ratio(warm['ratio'])} jieba's "
        f"{spread(d['baseline']['warm'], unit=' s')}."
    )


def widget_open(d: dict, budget: float = 2.0) -> str:
    parts = [f"lesson {c['module'][6:8]} {c['widget']} {spread(c['seconds'], unit=' s')}, {ratio(c['ratio'])}"
             for c in d["cases"]]
    slowest = max(d["cases"], key=lambda c: c["seconds"]["max"])
    over = sum(v >= budget for c in d["cases"] for v in c["seconds"]["values"])
    verdict = (f"every widget under {num(budget, 0)} s in every run" if not over
               else f"{over} runs of a widget took {num(budget, 0)} s or more")
    baseline = spread(d["baseline"]["jieba.lcut specimen"], unit=" s")
    what = ("wall-clock time of each lesson’s widget cell, in a fresh process after `import baogao`, "
            "the lesson module and `baogao.get(\"specimen\")`, with empty caches; ratio to "
            f"`jieba.lcut` of the specimen after `import jieba` with an empty cache, {baseline}, "
            f"in alternating processes; {d['repeat']} pairs per widget")
    return (
        f"{head(d, what)}: "
        f"{'; '.join(parts)}. The slowest run: {slowest['widget']}, {num(slowest['seconds']['max'])} s; {verdict}."
    )


def widget_callbacks(d: dict) -> str:
    cases = sorted(d["cases"], key=lambda c: c["ms"]["median"], reverse=True)
    budget = d["budget_ms"]
    under = sum(c["ms"]["median"] < budget for c in cases)
    worst = max(v for c in cases for v in c["ms"]["values"])
    slowest, second, rest = cases[0], cases[1], cases[2:]
    base = spread(d["baseline"]["kwic specimen 青年"], 2, " ms")
    what = ("in the kernel’s process, each widget built once, then its main control flipped: "
            f"two warm-up flips, then {d['repeat']} timed; ratio to `kwic(specimen, \"青年\")`, "
            f"{base}, in the same run")
    return (
        f"{head(d, what)}: "
        f"{under} of {len(cases)} callbacks answer in under {num(budget, 0)} ms (median); the slowest, "
        f"“{slowest['callback']}”, {spread(slowest['ms'], 1, ' ms')}, {num(slowest['ratio']['median'], 1)} × kwic, "
        f"then “{second['callback']}”, {spread(second['ms'], 1, ' ms')}; the medians of the other {len(rest)} "
        f"between {num(min(c['ms']['median'] for c in rest))} and {num(max(c['ms']['median'] for c in rest))} ms; "
        f"the slowest single flip {num(worst, 1)} ms."
    )


def grading_throughput(d: dict) -> str:
    one = d["baseline"]["nbclient one notebook"]
    floor = d["baseline"]["floor_seconds"]
    c = d["cases"]
    what = f"wall-clock time; {d['rounds']} gradings per mode, alternating which mode goes first"
    out = (
        f"{head(d, what)}: the solution notebook `solutions/{d['assignment']}.ipynb` executed by nbclient in "
        f"a plain kernel, median of {one['n']}, {spread(one, unit=' s')}; the floor, that time × "
        f"{d['students']} students ÷ {d['workers']} workers, {num(floor, 1)} s; `grade()` of a class of "
        f"{d['students']} copies of it without the sandbox {spread(c['unsandboxed']['seconds'], 1, ' s')}, "
        f"{ratio(c['unsandboxed']['ratio'])} the floor"
    )
    pool = c.get("nbclient_pool")
    if pool is not None:  # runs saved before the pool was measured have no such case
        out = out.replace("; `grade()` of a class", (
            f"; the same {d['students']} copies executed by bare nbclient in {d['workers']} worker processes "
            f"and not graded {spread(pool['seconds'], 1, ' s')}, {ratio(pool['ratio'])} the floor; "
            f"`grade()` of a class"), 1)
        out += f" and {ratio(c['unsandboxed']['ratio_to_pool'])} the bare pool"
    if not d["sandbox_available"]:
        return out + "; bubblewrap was not available, so the sandboxed grading was skipped."
    extra = d["sandbox_overhead_per_notebook"]
    faster = " (the sandboxed grading was the faster)" if extra < 0 else ""
    signed = f"{extra:+.2f}".replace("-", "−")
    pool_ratio = f" and {ratio(c['sandboxed']['ratio_to_pool'])} the bare pool" if pool is not None else ""
    return out + (
        f"; in the sandbox {spread(c['sandboxed']['seconds'], 1, ' s')}, {ratio(c['sandboxed']['ratio'])} the "
        f"floor{pool_ratio}; the sandbox's own overhead (the difference of the medians × workers ÷ students) "
        f"{signed} s per notebook{faster}."
    )


def scale(d: dict) -> str:
    lin = d["linearity"]
    rows = ["| size | characters | outline | analysis | lint | peak | beyond the base |",
            "|---|---|---|---|---|---|---|"]
    for c in d["cases"]:
        st = c["stages"]
        cells = [f"{spread(st[n]['seconds'], 2, ' s')}, {spread(st[n]['us_per_char'], 1, ' µs/char')}"
                 for n in ("outline", "analysis", "lint")]
        peak = (f"{spread(c['peak_mib'], 0, ' MiB')}, {spread(c['bytes_per_char'], 0, ' bytes/char')}"
                if "peak_mib" in c else "–")
        beyond = spread(c["bytes_per_char_beyond_base"], 0, " bytes/char") if "peak_mib" in c else "–"
        rows.append(f"| ×{c['size']} | {c['characters']:,} | " + " | ".join(cells) + f" | {peak} | {beyond} |")
    base = d["cases"][0]["base_mib"]
    top = lin["size"] if lin else None
    linear = ""
    if lin:
        st = lin["stages"]
        linear = (f" Linearity, time(×{top}) ÷ ({top} · time(×1)): outline {num(st['outline'])}, analysis "
                  f"{num(st['analysis'])}, lint {num(st['lint'])}, the three together "
                  f"{num(st['outline+analysis+lint'])}")
        if "memory_beyond_base" in lin:
            linear += f"; memory beyond the base {num(lin['memory_beyond_base'])}"
        linear += " (1.00 is linear)."
    one = next(c for c in d["cases"] if c["size"] == 1)["elements"] if 1 in d["sizes"] else None
    same = one is not None and all(c["elements"] == {k: v * c["size"] for k, v in one.items()}
                                   for c in d["cases"])
    outline = (f"; the outline of every size holds k times the {one['salutation']:,} salutations, "
               f"{one['heading']:,} headings and {one['paragraph']:,} body paragraphs of ×1" if same else
               "; the outlines of the sizes are not multiples of ×1's")
    memo = d["cases"][-1]["memo_runs"]
    memo = "" if memo is None else f" ({memo:,} runs after the largest size)"
    runs = "one run" if d["repeat"] == 1 else f"median of {d['repeat']} runs"
    what = f"CPU time, one fresh process per size, {runs} per size"
    return (
        f"{head(d, what)}: the "
        f"{d['reports']} corpus reports ×k, every paragraph a block of its own and every body paragraph marked with "
        f"its copy (`{d['mark']}`) so that no body paragraph occurs twice{outline}; a new `BAOGAO_CACHE` and `TMPDIR` "
        f"per process and the shipped tokens switched off, so every paragraph is segmented; the segmenter "
        f"keeps its memo of tagged runs, as in any run{memo}. Peak memory: "
        f"the child's maximum resident size; the base, after imports and a warm-up, "
        f"{spread(base, 0, ' MiB')}.\n\n" + "\n".join(rows) + "\n\n" + linear.strip()
    )


RENDER = {"analysis_speed": analysis_speed, "first_lint": first_lint, "widget_open": widget_open,
          "widget_callbacks": widget_callbacks, "grading_throughput": grading_throughput, "scale": scale}


def intro(results: dict[str, dict]) -> str:
    cores = sorted({d["machine"]["cpu_count"] for d in results.values()})
    return (
        "Generated by `python tools/speed_section.py --write` from the figures the benchmarks save "
        "(`--save`) in `bench/results/`: do not edit it by hand (a test fails when it is stale). Each "
        "benchmark times the kit against a baseline measured in the same run, alternating baseline "
        "and kit; a ratio is that of a pair measured side by side in the same run, because the "
        f"speed of this shared virtual machine ({', '.join(map(str, cores))} cores, where other jobs "
        "may run at the same time) drifts between minutes: each run names its load average (1 minute) "
        "at its start and end. Figures are the median with the range (min–max) over the pairs or "
        "runs. Tokens and tags are jieba.posseg's with the kit's lexicon either way: "
        "`tests/text/test_segmenter*.py` prove it on every paragraph of the corpus, the specimen, "
        "the examples and the copies in `shared/`, and on generated strings."
    )


def load_results(folder: Path = RESULTS) -> dict[str, dict]:
    """File stem → the saved run, for every ``*.json`` in ``folder``."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def missing_fields(data: dict) -> list[str]:
    """The fields the renderer needs that this saved run lacks."""
    kind = data.get("benchmark")
    if kind not in REQUIRED:
        return [f"benchmark (unknown: {kind!r})"]
    return [f for f in RUN_FIELDS + REQUIRED[kind] if f not in data]


def render(results: dict[str, dict]) -> str:
    """The section's Markdown (without the markers): one paragraph per saved run."""
    paragraphs = [intro(results)]
    for kind in ORDER:
        for _stem, data in sorted(results.items()):
            if data["benchmark"] == kind:
                paragraphs.append(RENDER[kind](data))
    paragraphs.append(EARLIER)
    blocks = [b for p in paragraphs for b in p.split("\n\n")]
    return "\n\n".join(wrap(b) for b in blocks) + "\n"


def wrap(block: str) -> str:
    """A prose block wrapped at ``WIDTH`` (a table is kept as it is)."""
    if block.startswith("|"):
        return block
    return textwrap.fill(block, WIDTH, break_long_words=False, break_on_hyphens=False)


def replace_section(readme: str, section: str) -> str:
    """README's text with the part between the markers replaced by ``section``."""
    try:
        a = readme.index(START + "\n") + len(START) + 1
        b = readme.index(END, a)
    except ValueError:
        raise SystemExit(f"README.md has no {START} … {END} lines") from None
    return readme[:a] + section + readme[b:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="replace the section in README.md")
    mode.add_argument("--check", action="store_true", help="exit 1 when README.md's section is stale")
    parser.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    results = load_results(args.results)
    bad = {stem: missing_fields(d) for stem, d in results.items() if missing_fields(d)}
    if bad:
        raise SystemExit(f"saved runs lack fields: {bad}")
    section = render(results)
    if not (args.write or args.check):
        sys.stdout.write(section)
        return 0
    readme = args.readme.read_text(encoding="utf-8")
    new = replace_section(readme, section)
    if args.check:
        if new != readme:
            print(f"{args.readme} is stale: run python tools/speed_section.py --write", file=sys.stderr)
            return 1
        return 0
    if new != readme:
        tmp = args.readme.with_name(f".{args.readme.name}.{os.getpid()}.tmp")
        tmp.write_text(new, encoding="utf-8")
        os.replace(tmp, args.readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
