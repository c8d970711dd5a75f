"""A report among others on the style measures of ``text_stats``.

- ``stats_table(reports)``: ``text_stats`` of many reports, one row each
  (a lesson places the specimen among the seventeen corpus reports);
- ``measure_table(report)``: the report and every corpus report on one
  measure, largest first, with short labels (2021 国务院) for a chart.

The measures themselves, and the definition of a word they rest on, are in
``baogao.analysis`` (``stats``, ``words``).
"""
from __future__ import annotations

from baogao.analysis.measures import analyze
from baogao.analysis.stats import STAT_LABELS
from baogao.concordance.index import as_reports, iter_progress, report_name, report_names
from baogao.lazy import pandas as pd
from baogao.sources.shipped import corpus as load_corpus


def stats_table(reports, *, progress: bool = False) -> pd.DataFrame:
    """``text_stats`` of many reports, one row per report (index: report id).

    A lesson places the specimen among the seventeen corpus reports with
    ``stats_table([baogao.specimen()] + baogao.corpus())``. ``progress=True``
    shows a progress bar (``tqdm.auto``: a widget in Jupyter that disappears
    when done, a text bar on stderr elsewhere); it is off by default so that
    nothing of it lands in stored notebook outputs.
    """
    rs = as_reports(reports)
    names = report_names(rs)
    rows = [report_stats(r) for r in iter_progress(rs, progress, "文风统计")]  # a shipped text's from data/stats.json
    return pd.DataFrame(rows, index=pd.Index(names, name="report"))


def _label(report) -> str:
    """A short label for a chart: 2021 国务院 for a corpus report, else its name."""
    name = report_name(report)
    year, _, rest = name.partition("_")
    issuer = {"state-council": "国务院", "hailar-district": "海拉尔区"}.get(rest.split("_")[0], rest)
    return f"{year} {issuer}" if year.isdigit() and rest else name


def report_stats(report) -> dict:
    """``text_stats`` of a report, computed once (its ``Analysis`` keeps them)."""
    return analyze(report).stats  # cached on the report


def measure_table(report, corpus=None, measure: str = "mean_sentence_chars"):
    """The report and every corpus report on one measure of ``text_stats``.

    Columns: report (a short label: 2021 国务院), value, is_target (True for
    ``report``). Sorted by value, largest first (ties keep corpus order).
    ``corpus`` defaults to the 17 reference reports; a corpus report that is
    ``report`` itself appears once.
    """
    if measure not in STAT_LABELS:
        raise ValueError(f"没有名为“{measure}”的指标：可选 {'、'.join(STAT_LABELS)}。")
    others = [r for r in (load_corpus() if corpus is None else corpus) if r is not report]
    rows = [{"report": "本报告", "value": float(report_stats(report)[measure]), "is_target": True}]
    rows += [{"report": _label(r), "value": float(report_stats(r)[measure]), "is_target": False} for r in others]
    frame = pd.DataFrame(rows, columns=["report", "value", "is_target"])
    return frame.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
