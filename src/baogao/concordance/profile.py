"""Style measures: how long, how dense, how official a report's prose is.

Every function takes a ``Report`` and returns a pandas Series or DataFrame
(``text_stats`` and ``readability`` return plain dicts), so that reports can
be measured and compared. Two scopes, stated in each docstring:

- **body**: sentences and tokens of body paragraphs (element kind
  ``"paragraph"`` in the outline; run-in headings belong to it). Every
  length, count per sentence, share and rate uses the body only, so that
  title blocks, headings, salutations and boilerplate never distort it.
- **text**: body paragraphs and headings. The finders that point at lines
  (four-character phrases, formulations, parallelisms) search it, because
  headings carry formulations and parallel structures (specimen line 5).

Words (see ``words`` in ``text_stats``) are jieba tokens minus punctuation,
symbols and whitespace (tag ``x``). Numbers count as words: tag ``m`` as
jieba gives it (posseg splits ``1244万人`` into 1244/万/人, three words), and
the digits jieba leaves untagged (full-width ``１９７８``, the ``7`` of
``77．7``, tagged ``x`` one digit at a time) are joined into one number.
Latin strings (tag ``eng``: NPC, H5) count as words.
"""
from __future__ import annotations

from baogao.analysis.measures import analyze
from baogao.analysis.stats import STAT_LABELS, text_stats
from baogao.concordance.index import (
    as_reports,
    iter_progress,
    report_name,
    report_names,
)
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
    rows = [text_stats(r) for r in iter_progress(rs, progress, "文风统计")]
    return pd.DataFrame(rows, index=pd.Index(names, name="report"))


def _label(report) -> str:

    name = report_name(report)
    year, _, rest = name.partition("_")
    issuer = {"state-council": "国务院", "hailar-district": "海拉尔区"}.get(rest.split("_")[0], rest)
    return f"{year} {issuer}" if year.isdigit() and rest else name


def _stats(report) -> dict:

    return analyze(report).stats  # cached on the report


def measure_table(report, corpus=None, measure: str = "mean_sentence_chars"):
    """The report and every corpus report on one measure of ``text_stats``.

    Columns: report (a short label: 2021 国务院), value, is_target (True for
    ``report``). Sorted by value, largest first (ties keep corpus order).
    ``corpus`` defaults to the 17 reference reports; a corpus report that is
    ``report`` itself appears once.
    """
    import pandas as pd


    if measure not in STAT_LABELS:
        raise ValueError(f"没有名为“{measure}”的指标：可选 {'、'.join(STAT_LABELS)}。")
    others = [r for r in (load_corpus() if corpus is None else corpus) if r is not report]
    rows = [{"report": "本报告", "value": float(_stats(report)[measure]), "is_target": True}]
    rows += [{"report": _label(r), "value": float(_stats(r)[measure]), "is_target": False} for r in others]
    frame = pd.DataFrame(rows, columns=["report", "value", "is_target"])
    return frame.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)
