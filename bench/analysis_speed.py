"""Benchmark: baogao's analysis against the bare jieba segmentation it needs.

Runs in one process and reports ratios against baselines measured in the same
run, so the numbers mean the same on a fast or a slow machine:

- baseline: ``jieba.posseg.lcut`` over every paragraph of the reference corpus
  (a fresh POS tokenizer, warmed up first), and ``jieba.lcut`` for scale;
- baogao: ``analyze(report).compute_all()`` over the same reports, cold
  (nothing cached: no tokens in memory or on disk, no tagged runs, no
  analysis, and the tokens that ship with the corpus switched off, so that
  every paragraph is segmented), warm (tokens cached in memory, the analysis
  recomputed), and with the shipped tokens (nothing else cached: what a
  lesson on the corpus does in a fresh kernel);
- the segmentation alone, cold: the kit's segmenter (rjieba's route with
  jieba.posseg's tagging, or plain jieba) with an empty memo;
- a KWIC query over the analysed corpus; lint of the specimen with its tokens
  cached, against segmenting it.

Baseline and kit alternate, and each ratio is that of one adjacent pair: on a
shared virtual machine the speed drifts more between minutes than between two
neighbouring runs. Reported: the median ratio and the range (min–max) over the
pairs. CPU time of this process (``time.process_time``), as in the issue;
``--wall`` uses wall-clock time instead.

Usage: ``python bench/analysis_speed.py [--repeat N] [--plain] [--wall] [--save PATH]``
(``--plain``: the plain jieba segmenter, as without rjieba; ``--save``: the
figures as JSON, see ``bench/record.py``). It writes nothing else but a
temporary cache directory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

from record import Run, summary

CLOCK = time.process_time


def timed(fn) -> float:
    t = CLOCK()
    fn()
    return CLOCK() - t


def spread(values) -> str:
    values = list(values)
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    global CLOCK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="alternating pairs (default 5)")
    parser.add_argument("--plain", action="store_true", help="force the plain jieba segmenter")
    parser.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    parser.add_argument("--save", metavar="PATH", help="write the figures to PATH (JSON)")
    args = parser.parse_args()
    args.record = Run("analysis_speed")
    if args.wall:
        CLOCK = time.perf_counter
    cache = tempfile.mkdtemp(prefix="baogao-bench-")
    os.environ["BAOGAO_CACHE"] = cache  # no disk cache from before
    if args.plain:
        os.environ["BAOGAO_SEGMENTER"] = "jieba"
    try:
        return run(args)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def run(args) -> int:
    import jieba
    import jieba.posseg

    import baogao
    from baogao.analysis import measures as analysis
    from baogao.concordance import kwic
    from baogao.lint import _lexicon, lint, phrasing
    from baogao.text import shipped_tokens, tokens

    jieba.setLogLevel(60)
    reports = baogao.corpus()
    paragraphs = [p.text for r in reports for p in r.paragraphs]
    chars = sum(len(t) for t in paragraphs)

    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    pos.lcut("预热分词器。")
    seg = tokens.tokenizer()  # the kit's dictionaries built before timing
    cut_runs = [timed(lambda: [jieba.lcut(t) for t in paragraphs]) for _ in range(3)]
    base_cut = statistics.median(cut_runs)

    def forget():
        # Everything cached: tokens in memory and on disk, tagged runs, and what
        # Report.memo keeps of the analysis (the outline stays, as a lesson has it).
        tokens.clear_memory_cache()
        for path in (tokens.cache_dir() / "tokens").rglob("*.pkl"):
            path.unlink()
        for r in reports:
            for key in ("analysis", "analysis.tables"):
                r._memo.pop(key, None)

    def analyse():
        for r in reports:
            for key in ("analysis", "analysis.tables"):
                r._memo.pop(key, None)
            analysis.analyze(r).compute_all()

    shipped = shipped_tokens.table

    def analyse_unshipped():
        shipped_tokens.table = lambda version: {}  # every paragraph segmented
        try:
            analyse()
        finally:
            shipped_tokens.table = shipped

    def segment_cold():
        if seg.memo is not None:
            seg.memo.clear()
        for t in paragraphs:
            seg.cut(t)

    rows = []
    for _ in range(args.repeat):
        b = timed(lambda: [pos.lcut(t) for t in paragraphs])
        s = timed(segment_cold)
        forget()
        c = timed(analyse_unshipped)
        w = timed(analyse)
        forget()
        h = timed(analyse)
        rows.append((b, s, c, w, h))
    base_pos = statistics.median(r[0] for r in rows)

    t_kwic_first = timed(lambda: kwic(reports, "高质量发展"))
    kwic_runs = [timed(lambda: kwic(reports, "高质量发展")) for _ in range(5)]
    t_kwic = statistics.median(kwic_runs)

    spec = baogao.specimen()
    analysis.analyze(spec).compute_all()

    def lint_fresh():
        _lexicon._PARAGRAPH_CACHE.clear()  # tokens cached, lint's own results not
        phrasing.reworded.cache_clear()
        lint(spec)

    spec_pars = [p.text for p in spec.paragraphs]
    lint_pairs = [(timed(lambda: [pos.lcut(t) for t in spec_pars]), timed(lint_fresh))
                  for _ in range(args.repeat)]

    clock = "wall-clock" if args.wall else "CPU"
    print(f"reference corpus: {len(reports)} reports, {len(paragraphs)} paragraphs, {chars:,} characters; "
          f"segmenter {seg.name}; {clock} time, {args.repeat} alternating pairs")
    print(f"  jieba.lcut                 {base_cut:6.2f} s  {chars / base_cut / 1e6:5.2f} M chars/s")
    print(f"  jieba.posseg.lcut          {base_pos:6.2f} s  {chars / base_pos / 1e6:5.2f} M chars/s  (baseline)")
    print(f"  segmentation alone, cold   ratio {spread(r[1] / r[0] for r in rows)} × posseg")
    print(f"  analyze, cold              ratio {spread(r[2] / r[0] for r in rows)} × posseg "
          f"({statistics.median(r[2] for r in rows):.2f} s)")
    print(f"  analyze, warm              ratio {spread(r[3] / r[0] for r in rows)} × posseg "
          f"({statistics.median(r[3] for r in rows):.2f} s)")
    print(f"  analyze, shipped tokens    ratio {spread(r[4] / r[0] for r in rows)} × posseg "
          f"({statistics.median(r[4] for r in rows):.2f} s)")
    print(f"  kwic over the corpus       first {t_kwic_first * 1000:6.1f} ms, then {t_kwic * 1000:6.1f} ms")
    print(f"  lint specimen (cached)     ratio {spread(t / b for b, t in lint_pairs)} × posseg of the specimen")

    def case(i):
        return {"seconds": summary(r[i] for r in rows), "ratio": summary(r[i] / r[0] for r in rows)}

    args.record.save(
        args.save, clock=clock, segmenter=seg.name, plain=args.plain, repeat=args.repeat,
        text={"reports": len(reports), "paragraphs": len(paragraphs), "characters": chars},
        baseline={"jieba.posseg.lcut": summary(r[0] for r in rows), "jieba.lcut": summary(cut_runs),
                  "jieba.posseg.lcut specimen": summary(b for b, _t in lint_pairs)},
        cases={"segmentation_cold": case(1), "analyze_cold": case(2), "analyze_warm": case(3),
               "analyze_shipped": case(4),
               "kwic": {"first_seconds": t_kwic_first, "seconds": summary(kwic_runs)},
               "lint_specimen_cached": {"seconds": summary(t for _b, t in lint_pairs),
                                        "ratio": summary(t / b for b, t in lint_pairs)}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
