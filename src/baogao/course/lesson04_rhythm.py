"""Lesson 04 (句式与节奏): the tables and the widget its notebook shows, and its assignment.

The tables are computed with the kit from the report in use, or from the
specimen where a table says so (its traps, its series); every column name
and value is Chinese. The assignment lives in ``lesson04_exercises`` and is
re-exported here (``assignment``, ``use``, ``q1`` … ``q6``), the name the
course manifest and the solution notebook import.
"""

from __future__ import annotations

from baogao.analysis.lengths import READABILITY_NOTE, READABILITY_SOURCE  # noqa: F401 - the notebook's names
from baogao.analysis.tables import body_sentences
from baogao.course.lesson04_exercises import (  # noqa: F401 - the assignment, re-exported
    assignment,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
    use,
)
from baogao.course.lesson04_measures import (  # noqa: F401 - the notebook's names too
    BAND_NAMES,
    LONG,
    ascii_commas,
    clause_counts,
    compared_reports,
    is_specimen,
    length_bands,
    length_summary,
    longest_sentence,
    longest_sentences,
    readability_parts,
    report_label,
    sentence_clauses,
)
from baogao.course.lesson04_series import errata_table, parallel_table, series_table  # noqa: F401
from baogao.lazy import pandas as pd
from baogao.sources.shipped import specimen
from baogao.widgets.charts import Charts
from baogao.course.reports import ONLY_SPECIMEN  # noqa: F401 - the lesson's name

#: Raw line 6's broken member, the lesson's worked example of a broken series.
LINE6 = (6, "以现实理论为基础")


def assignment_note(report) -> str:
    """What the assignment reads, said at its top."""
    if is_specimen(report) and report.meta.get("edition") == "raw":
        return "本作业读的是样本报告的原样版：题目里的行号都是原样版的行号。"
    return (f"本作业读的是“{report_label(report)}”：第 1、2 题按这份报告计算；"
            "第 4—6 题讲的是样本报告（原样版），与参数格选的报告无关；第 3 题与报告无关。")


def _clip(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[:n] + "……"


# -- 一、sentences ---------------------------------------------------------------------------------
def summary_table(report):
    """The body's sentences: how many, how long on average and in the middle, the longest."""
    s = length_summary(report)
    rows = [("正文句子数", s["sentences"]), ("平均句长（字）", s["mean"]), ("句长中位数（字）", s["median"]),
            ("最长的一句（字）", s["longest"]), ("最长的一句在第几行", s["line"] if s["line"] else "（没有正文句子）"),
            (f"{LONG} 字及以上的句子所占比例（%）", s["long_share"])]
    return pd.DataFrame([(k, f"{v:g}" if isinstance(v, float) else str(v)) for k, v in rows], columns=["项目", "数值"])


def longest_table(report, top: int = 5):
    """The longest body sentences: line, place in the paragraph, length, clauses, opening."""
    rows = longest_sentences(report, top)
    return pd.DataFrame({"行号": rows["line"].tolist(), "段中第几句": rows["position"].tolist(),
                         "字数": rows["chars"].tolist(), "分句数": rows["clauses"].tolist(),
                         "开头": [_clip(t) for t in rows["text"]]}, columns=["行号", "段中第几句", "字数", "分句数", "开头"])


def band_table(report):
    """How many body sentences fall in each length band, and their share."""
    counts = length_bands(report)
    total = sum(counts)
    return pd.DataFrame({"句长": list(BAND_NAMES), "句子数": counts,
                         "所占比例（%）": [round(100 * n / total, 1) if total else 0.0 for n in counts]})


#: (raw line, what is wrong): the places where the specimen's 。 misleads the sentence count.
STRAY_STOP = 12
CUT_OFF = (8, 13, 19, 25, 30, 36, 41, 46)


def trap_table():
    """The specimen's (raw) sentence-splitting traps: the stray 。 of line 12 and the eight cut-off paragraphs."""
    s = body_sentences(specimen())
    rows = []
    line12 = s[s["line"] == STRAY_STOP]
    for text, chars in zip(line12["text"], line12["chars"]):
        if text.startswith("据统计") or text.startswith("已经达到"):
            rows.append({"原样版行号": STRAY_STOP, "问题": "句中多了一个“。”：一句被切成两句", "工具切出的句子": text,
                         "字数": int(chars)})
    last = s.groupby("paragraph").tail(1)
    for line in CUT_OFF:
        row = last[last["line"] == line].iloc[0]
        if row["text"].rstrip()[-1:] in "。！？":
            raise ValueError(f"raw line {line} is not cut off")
        rows.append({"原样版行号": line, "问题": "段落没有写完，最后一句没有句末标点", "工具切出的句子": _clip(row["text"], 40),
                     "字数": int(row["chars"])})
    return pd.DataFrame(rows, columns=["原样版行号", "问题", "工具切出的句子", "字数"])


# -- 二、clauses -----------------------------------------------------------------------------------
def comma_table(report):
    """The report's commas, semicolons and colons, ASCII and full-width."""
    counts = ascii_commas(report)
    names = {",": "半角逗号 ,", "，": "全角逗号 ，", ";": "半角分号 ;", "；": "全角分号 ；", ":": "半角冒号 :", "：": "全角冒号 ："}
    return pd.DataFrame({"标点": [names[m] for m in counts], "个数": list(counts.values())})


def clause_comparison(report):
    """Clauses counted the kit's way (ASCII , ; : too) and with the full-width marks only."""
    rows = []
    for label, ascii_marks in (("半角的 , ; : 也算分句的界限（本教材的算法）", True), ("只认全角的 ，；：", False)):
        c = clause_counts(report, ascii_marks=ascii_marks)
        rows.append({"怎么数": label, "正文句子数": c["sentences"], "分句数": c["clauses"], "每句平均分句数": c["per_sentence"],
                     "每个分句平均字数": c["chars_per_clause"], "可读性指数": c["readability"]})
    return pd.DataFrame(rows)


def clause_breakdown(report):
    """The clauses of the report's longest body sentence, with their 字数."""
    row = longest_sentence(report)
    if row is None:
        return pd.DataFrame(columns=["分句", "字数", "文字"])
    pieces = sentence_clauses(row["text"])
    return pd.DataFrame({"分句": range(1, len(pieces) + 1), "字数": [n for _, n in pieces],
                         "文字": [t for t, _ in pieces]})


def longest_caption(report) -> str:
    row = longest_sentence(report)
    if row is None:
        return "这份报告没有正文句子。"
    return (f"最长的一句在第 {int(row['line'])} 行（这一段的第 {int(row['position'])} 句），{int(row['chars'])} 字，"
            f"{int(row['clauses'])} 个分句。")


# -- 三、the corpus ---------------------------------------------------------------------------------
def charts(report):
    """The charts widget on the report in use, among the 17 corpus reports (sentence lengths first)."""
    return Charts(report)


def corpus_lengths(report):
    """The report and the three compared corpus reports: sentence counts, lengths, long sentences."""
    rows = []
    for r in compared_reports(report):
        s = length_summary(r)
        rows.append({"报告": report_label(r), "正文句子数": s["sentences"], "平均句长（字）": s["mean"],
                     "句长中位数（字）": s["median"], "最长的一句（字）": s["longest"],
                     f"{LONG} 字及以上（%）": s["long_share"]})
    return pd.DataFrame(rows)


# -- 五、readability ----------------------------------------------------------------------------------
def readability_table(report):
    """The readability and its two components, for the report and the three compared reports."""
    rows = []
    for r in compared_reports(report):
        p = readability_parts(r)
        rows.append({"报告": report_label(r), "分句数": p["clauses"], "每个分句平均字数": p["chars_per_clause"],
                     "副词和连词的比例": p["adv_conj_share"], "可读性指数": p["readability"]})
    return pd.DataFrame(rows)
