"""Benchmark: baogao's analysis against the bare jieba segmentation it needs.

Runs in one process and reports ratios against baselines measured in the same
run, so the numbers mean the same on a fast or a slow machine:

- baseline A: ``jieba.posseg.lcut`` over every paragraph of the reference corpus
  (a fresh POS tokenizer, warmed up first), and ``jieba.lcut`` for scale;
- baogao: ``analyze(report).compute_all()`` over the same reports, cold (no token
  cache: the kit's own posseg pass included) and warm (tokens cached);
- a KWIC query over the analysed corpus;
- lint of the specimen with its tokens cached, against segmenting it.

Usage: ``python bench/analysis_speed.py [--repeat N]``. It writes nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["BAOGAO_CACHE"] = tempfile.mkdtemp(prefix="baogao-bench-")  # no disk cache from before

    import jieba
    import jieba.posseg

    import baogao
    from baogao.analysis import measures as analysis
    from baogao.concordance import kwic
    from baogao.lint import lint
    from baogao.text import tokens

    jieba.setLogLevel(logging.WARNING)
    reports = baogao.corpus()
    paragraphs = [p.text for r in reports for p in r.paragraphs]
    chars = sum(len(t) for t in paragraphs)

    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    pos.lcut("预热分词器。")
    tokens.tokenizer()  # both dictionaries built before timing
    base_cut = timed(lambda: [jieba.lcut(t) for t in paragraphs], args.repeat)

    def _forget_analysis(r):
        # What Report.memo keeps of the analysis (the outline stays, as a lesson would have it).
        for key in ("analysis", "analysis.tables"):
            r._memo.pop(key, None)

    def cold():
        tokens.clear_memory_cache()
        for path in (tokens.cache_dir() / "tokens").rglob("*.pkl"):
            path.unlink()
        for r in reports:
            _forget_analysis(r)
            analysis.analyze(r).compute_all()

    def warm():
        for r in reports:
            _forget_analysis(r)
            analysis.analyze(r).compute_all()

    # Baseline and kit alternate, and each ratio comes from one adjacent pair:
    # on a shared virtual machine the speed drifts more between minutes than
    # between two neighbouring runs.
    pairs = []
    for _ in range(args.repeat):
        b = timed(lambda: [pos.lcut(t) for t in paragraphs], 1)
        c = timed(cold, 1)
        w = timed(warm, 1)
        pairs.append((b, c, w))
    base_pos = statistics.median(b for b, _, _ in pairs)
    t_cold = statistics.median(c for _, c, _ in pairs)
    t_warm = statistics.median(w for _, _, w in pairs)
    r_cold = statistics.median(c / b for b, c, _ in pairs)
    r_warm = statistics.median(w / b for b, _, w in pairs)
    t_kwic_first = timed(lambda: kwic(reports, "高质量发展"), 1)
    t_kwic = timed(lambda: kwic(reports, "高质量发展"), max(args.repeat, 5))

    spec = baogao.specimen()
    analysis.analyze(spec).compute_all()
    from baogao.lint import _lexicon, phrasing

    def lint_fresh():
        _lexicon._PARAGRAPH_CACHE.clear()  # tokens cached, lint's own results not
        phrasing.reworded.cache_clear()
        lint(spec)

    t_lint = timed(lint_fresh, args.repeat)
    t_seg_spec = timed(lambda: [pos.lcut(p.text) for p in spec.paragraphs], args.repeat)

    print(f"reference corpus: {len(reports)} reports, {len(paragraphs)} paragraphs, {chars:,} characters")
    print(f"  jieba.lcut              {base_cut:7.2f} s  {chars / base_cut / 1e6:5.2f} M chars/s")
    print(f"  jieba.posseg.lcut       {base_pos:7.2f} s  {chars / base_pos / 1e6:5.2f} M chars/s  (baseline)")
    print(f"  baogao analyze, cold    {t_cold:7.2f} s  ratio {r_cold:4.2f} × posseg (median of paired runs)")
    print(f"  baogao analyze, warm    {t_warm:7.2f} s  ratio {r_warm:4.2f} × posseg")
    print(f"  kwic over the corpus    first {t_kwic_first * 1000:6.1f} ms, then {t_kwic * 1000:6.1f} ms")
    print(f"  lint specimen (cached)  {t_lint * 1000:6.1f} ms vs posseg of the specimen "
          f"{t_seg_spec * 1000:6.1f} ms: ratio {t_lint / t_seg_spec:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
