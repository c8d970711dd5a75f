"""Benchmark: does the kit stay linear in time and memory on a long text?

The text: the 17 reports of the reference corpus (``baogao.corpus()``, as
``bench/analysis_speed.py`` loads them), one paragraph after another with a
blank line between paragraphs, repeated k = 1, 2, 4, 8 times (×8 ≈ 2.7 million
characters). Every paragraph keeps its own line, indent and text, and a blank
line parts it from the next, so no paragraph runs into another and the ×k text
is one long report of k·17 reports' paragraph blocks, whose outline holds k
times the salutations, headings and body paragraphs of the ×1 text (the counts
are saved per size: ``elements``).

Nothing is cached, and nothing is served from a cache a real long text would
miss:

- each size runs in a fresh ``python`` process with a new ``BAOGAO_CACHE``
  directory (no tokens on disk) and a new ``TMPDIR`` (jieba's own cache);
- the tokens that ship with the corpus are switched off in that process
  (``baogao.text.shipped_tokens.table`` returns nothing), so every text is
  segmented by the kit's segmenter;
- the kit caches tokens in memory by a paragraph's text, and the linter its
  near misses by a paragraph's text: a copy repeated verbatim would be
  segmented and linted once. So in copy c every body paragraph (element kind
  ``paragraph`` of the ×1 outline) carries a mark of its copy, ``（副本c）``,
  before its final punctuation mark (or at its end), the ×1 text included:
  no body paragraph's text occurs twice. Headings, salutations and title lines
  are left as they are (a mark would change what the outline reads them as):
  from the second copy on, those short paragraphs hit the memory cache.
- What stays, because it is part of the segmenter in any run: its memo of the
  tagged runs of unknown characters (``segmenter.Memo``), which tags each
  distinct run once per process; the copies after the first reuse the first
  copy's runs. The number of runs it holds is printed.

Timed in the child, one after another on the same report, CPU time of the
process (``time.process_time``; wall-clock time is saved too): loading
(``Report.from_text``), the outline (``report.outline()``), the full analysis
(``baogao.analyze(report).compute_all()``: the segmentation of every paragraph
and every measure) and the lint (``baogao.lint.lint(report)``, after the
analysis: the paragraphs' tokens are in memory, the linter's own segmentations
of windows and its per-paragraph results are not). Peak memory: the child's
``ru_maxrss`` from ``os.wait4``; the base is the child's own maximum resident
size after its imports, the segmenter's dictionaries and a warm-up (the
analysis and the lint of a two-line text, whose tokens and tagged runs are
then forgotten: pandas, numpy and the linter's dictionaries are loaded once
per process, whatever the size), before it reads the text.

Reported per size: characters, seconds per stage, microseconds per
character, peak MiB, bytes per character beyond the base, and the linearity
time(×8) ÷ (8 · time(×1)) per stage and the same for the memory beyond the
base (1.00 is linear). ``--repeat N`` runs every size N times (medians).

Usage: ``python bench/scale.py [--repeat N] [--sizes 1,2,4,8] [--save PATH]``
(``--save``: the figures as JSON, see ``bench/record.py``). It writes only to
a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from record import Run, reap, summary

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "outline", "analysis", "lint")
FINAL = "。！？；："

CHILD = r"""
import json, resource, sys, time
import baogao
from baogao.analysis import measures
from baogao.lint import lint
from baogao.text import shipped_tokens, tokens
shipped_tokens.table = lambda version: {}  # the corpus's shipped tokens are not used
seg = tokens.tokenizer()  # the segmenter and its dictionaries: part of the base
# First calls' one-off costs (pandas, numpy, the linter's dictionaries) belong to the base too:
warm = baogao.Report.from_text("一、预热\n\n预热分词器的一段话。\n")
measures.analyze(warm).compute_all()
lint(warm)
tokens.clear_memory_cache()
if seg.memo is not None:
    seg.memo.clear()
base_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = open(sys.argv[1], encoding="utf-8").read()
out = {"base_kib": base_kib, "stages": {}}

def stage(name, fn):
    c, w = time.process_time(), time.perf_counter()
    value = fn()
    out["stages"][name] = {"cpu": time.process_time() - c, "wall": time.perf_counter() - w}
    return value

report = stage("load", lambda: baogao.Report.from_text(text))
outline = stage("outline", report.outline)
stage("analysis", lambda: measures.analyze(report).compute_all())
findings = stage("lint", lambda: lint(report))
out.update(characters=len(report.text), paragraphs=len(report.paragraphs),
           elements={k: sum(e.kind == k for e in outline.elements) for k in ("title", "salutation",
                                                                            "heading", "paragraph")},
           findings=len(findings), memo_runs=None if seg.memo is None else len(seg.memo.runs),
           segmenter=seg.name)
print(json.dumps(out))
"""


def build_text(k: int) -> str:
    """The corpus ×k, every body paragraph marked with its copy (see the module's docstring)."""
    import baogao

    paragraphs = [(p.indent, p.text) for r in baogao.corpus() for p in r.paragraphs]
    once = baogao.Report.from_text("\n\n".join(i + t for i, t in paragraphs) + "\n")
    kinds = {e.paragraph: e.kind for e in once.outline().elements}
    blocks = []
    for c in range(1, k + 1):
        for p in once.paragraphs:
            text = p.text
            if kinds.get(p.index) == "paragraph":
                cut = len(text) - 1 if text[-1] in FINAL else len(text)
                text = f"{text[:cut]}（副本{c}）{text[cut:]}"
            blocks.append(p.indent + text)
    return "\n\n".join(blocks) + "\n"


def run_child(path: Path, scratch: Path) -> dict:
    """One size in a fresh process with empty caches: the child's figures and its peak memory."""
    env = dict(os.environ, BAOGAO_CACHE=str(scratch / "cache"), TMPDIR=str(scratch / "tmp"))
    env.pop("BAOGAO_SEGMENTER", None)
    (scratch / "tmp").mkdir(parents=True)
    with open(scratch / "stderr.txt", "w+b") as err:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=err)
        out = proc.stdout.read()  # one short line; the pipe is read before the child is reaped
        proc.stdout.close()
        peak_kib = reap(proc)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"the child for {path.name} failed ({proc.returncode}):\n"
                             f"{err.read().decode('utf-8', 'replace')[-1500:]}")
    data = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    data["peak_kib"] = peak_kib
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of every size (default 1)")
    parser.add_argument("--sizes", default="1,2,4,8", help="the repetitions k (default 1,2,4,8)")
    parser.add_argument("--save", metavar="PATH", help="write the figures to PATH (JSON)")
    args = parser.parse_args()
    record = Run("scale")
    sizes = [int(x) for x in args.sizes.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="baogao-bench-scale-"))
    runs: dict[int, list[dict]] = {k: [] for k in sizes}
    try:
        paths = {}
        for k in sizes:
            paths[k] = scratch / f"corpus-x{k}.txt"
            paths[k].write_text(build_text(k), encoding="utf-8")
        for i in range(args.repeat):
            for k in sizes:
                runs[k].append(run_child(paths[k], scratch / f"run{i}-x{k}"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    table = {k: figures(rows) for k, rows in runs.items()}
    print_table(table, args.repeat)
    linearity = linear(table, sizes)
    import baogao

    record.save(args.save, repeat=args.repeat, sizes=sizes, clock="CPU", linearity=linearity,
                reports=len(baogao.corpus()), mark="（副本k）",
                cases=[dict(table[k], size=k) for k in sizes])
    return 0


def figures(rows: list[dict]) -> dict:
    """One size's summaries over its runs."""
    first = rows[0]
    chars = first["characters"]
    peaks = [r["peak_kib"] for r in rows if r["peak_kib"] is not None]
    bases = [r["base_kib"] for r in rows]
    out = {key: first[key] for key in ("characters", "paragraphs", "elements", "findings", "memo_runs",
                                       "segmenter")}
    out["stages"] = {}
    for name in STAGES:
        cpu = [r["stages"][name]["cpu"] for r in rows]
        out["stages"][name] = {"seconds": summary(cpu),
                               "wall_seconds": summary(r["stages"][name]["wall"] for r in rows),
                               "us_per_char": summary(t / chars * 1e6 for t in cpu)}
    out["base_mib"] = summary(b / 1024 for b in bases)
    if peaks:
        out["peak_mib"] = summary(p / 1024 for p in peaks)
        out["bytes_per_char_beyond_base"] = summary((r["peak_kib"] - r["base_kib"]) * 1024 / chars for r in rows)
        out["bytes_per_char"] = summary(p * 1024 / chars for p in peaks)
    return out


def linear(table: dict, sizes: list[int]) -> dict | None:
    """time(×K) ÷ (K · time(×1)) per stage (K the largest size), and the same for memory beyond the base."""
    if 1 not in table or len(sizes) < 2:
        return None
    top = max(sizes)
    small, big = table[1], table[top]
    out = {"size": top, "stages": {}}
    for name in STAGES:
        out["stages"][name] = (big["stages"][name]["seconds"]["median"]
                               / (top * small["stages"][name]["seconds"]["median"]))
    work = ("analysis", "outline", "lint")
    out["stages"]["outline+analysis+lint"] = (sum(big["stages"][n]["seconds"]["median"] for n in work)
                                              / (top * sum(small["stages"][n]["seconds"]["median"] for n in work)))
    if "peak_mib" in small:
        beyond = {k: table[k]["peak_mib"]["median"] - table[k]["base_mib"]["median"] for k in (1, top)}
        out["memory_beyond_base"] = beyond[top] / (top * beyond[1])
    return out


def print_table(table: dict, repeat: int) -> None:
    first = next(iter(table.values()))
    print(f"the corpus ×k, one fresh process per size, empty caches; segmenter {first['segmenter']}; "
          f"CPU seconds, median of {repeat}")
    print(f"{'size':>4} {'characters':>11} " + " ".join(f"{n:>9} {'µs/ch':>6}" for n in STAGES)
          + f" {'peak MiB':>9} {'base':>6} {'B/ch>base':>9} {'findings':>8} {'memo runs':>9}")
    for k, row in table.items():
        cells = " ".join(f"{row['stages'][n]['seconds']['median']:9.2f} "
                         f"{row['stages'][n]['us_per_char']['median']:6.2f}" for n in STAGES)
        peak = row.get("peak_mib", {}).get("median", float("nan"))
        per = row.get("bytes_per_char_beyond_base", {}).get("median", float("nan"))
        print(f"×{k:<3} {row['characters']:11,} {cells} {peak:9.0f} {row['base_mib']['median']:6.0f} "
              f"{per:9.0f} {row['findings']:8,} {row['memo_runs'] if row['memo_runs'] is not None else '-':>9}")
    lin = linear(table, list(table))
    if lin:
        stages = ", ".join(f"{n} {v:.2f}" for n, v in lin["stages"].items())
        memory = f"; memory beyond the base {lin['memory_beyond_base']:.2f}" if "memory_beyond_base" in lin else ""
        print(f"linearity time(×{lin['size']}) ÷ ({lin['size']} · time(×1)): {stages}{memory}")


if __name__ == "__main__":
    sys.exit(main())
