"""Lesson 05 (数据与论据): the tables and the widget its notebook shows.

Every table is computed with the kit from the report in use, or from the
specimen where it says so; column names and values are Chinese. What the
tables and the assignment share is in ``lesson05_measures``.
"""

from __future__ import annotations

import re
from collections import Counter

from baogao.analysis.evidence import CUE_KINDS, result_claims
from baogao.analysis.phrases import numeric_formulations
from baogao.analysis.precision import Bounds
from baogao.analysis.vocabulary import body_char_count
from baogao.course.lesson05_measures import (
    KIND_NAMES,
    QUALIFIER_MEANINGS,
    branches_share,
    duo_outside,
    figure,
    is_specimen,
    paragraph_lines,
    qualified_share,
    quantities,
    rate_per_1000,
    report_label,
    squads_per_brigade,
)
from baogao.lazy import pandas as pd
from baogao.lint import lint
from baogao.sources.errata import load_errata
from baogao.sources.shipped import corpus, specimen
from baogao.widgets.highlight import Highlighter


def _number(x: float) -> str:
    """3300000.0 → 3300000, 97.4 → 97.4, 0.3333… → 0.333."""
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.3g}" if abs(x) < 1 else f"{x:g}"


def _value(row) -> str:
    v = _number(row.value)
    return f"{v}～{_number(row.value_high)}" if row.value_high == row.value_high else v


def _lines(lines) -> str:
    return "、".join(str(n) for n in sorted(set(lines)))


# -- 一、figures carry the argument ----------------------------------------------------------------
def overview(report):
    """How many figures the report has, per 1,000 characters, in how many body paragraphs."""
    q = quantities(report)
    body = paragraph_lines(report)
    with_figures = sorted({int(n) for n in q["line"]} & set(body))
    return pd.DataFrame([{"报告": report_label(report), "正文字数": body_char_count(report), "数据（个）": len(q),
                          "每千字": rate_per_1000(report), "正文段落": len(body), "有数据的段落": len(with_figures),
                          "带限定词的数据（%）": qualified_share(report)}])


def densest_paragraphs(report, top: int = 5):
    """The body paragraphs with the most figures, with their first words."""
    q = quantities(report)
    counts = Counter(int(n) for n in q["line"])
    rows = [{"行号": line, "段首": report.line(line).text[:16] + "…", "数据（个）": n,
             "数据": "、".join(q.loc[q["line"] == line, "raw"])} for line, n in counts.most_common(top)]
    return pd.DataFrame(rows, columns=["行号", "段首", "数据（个）", "数据"])


# -- 二、every figure ------------------------------------------------------------------------------
def figure_table(report):
    """Every quantity the kit reads in the report's body, with its reading."""
    q = quantities(report)
    return pd.DataFrame({"行号": q["line"].tolist(), "原文": q["raw"].tolist(),
                         "数值": [_value(r) for r in q.itertuples()], "单位": q["unit"].replace("", "（无）").tolist(),
                         "限定词": q["qualifier"].replace("", "—").tolist(),
                         "类别": [KIND_NAMES.get(k, k) for k in q["kind"]]})


def show_all(frame, rows: int = 200):
    """Display ``frame`` with all its rows (pandas shows 60 by default)."""
    from IPython.display import display  # heavy: only a notebook shows a table

    with pd.option_context("display.max_rows", rows, "display.min_rows", rows):
        display(frame)


def highlighter(report):
    """The report with its figures marked (the other layers off)."""
    return Highlighter(report, layers=("quantities",))


# -- 三、qualifiers of precision ------------------------------------------------------------------
def qualifier_table(report):
    """Each qualifier of the report's figures: how many, what it says, where."""
    q = quantities(report)
    q = q[q["qualifier"] != ""]
    rows = []
    for qual, group in q.groupby("qualifier", sort=False):
        rows.append({"限定词": qual, "数据（个）": len(group), "意思": QUALIFIER_MEANINGS.get(qual, "（见本课正文）"),
                     "例子": "、".join(f"{r}（第 {n} 行）" for r, n in zip(group["raw"][:3], group["line"][:3]))})
    rows.sort(key=lambda r: -r["数据（个）"])
    return pd.DataFrame(rows, columns=["限定词", "数据（个）", "意思", "例子"])


def duo_table(report):
    """The 多 of the body that qualify no figure, in their context."""
    rows = [{"行号": line, "上下文": text} for line, text in duo_outside(report)]
    return pd.DataFrame(rows, columns=["行号", "上下文"])


def bounds_text(b: Bounds, unit: str = "", scale: float = 1.0, digits: int = 0) -> str:
    """A Chinese reading of bounds: 大于 10、小于 20."""
    def show(x):
        return f"{x * scale:.{digits}f}{unit}"
    parts = []
    if b.low is not None:
        parts.append(f"{'大于' if b.low_open else '不少于'} {show(b.low)}")
    if b.high is not None:
        parts.append(f"{'小于' if b.high_open else '不多于'} {show(b.high)}")
    return "、".join(parts) if parts else "没有界限（约数）"


# -- 四、units and measure words --------------------------------------------------------------------
def unit_table(report, top: int = 12):
    """The units and measure words of the report's figures, most used first."""
    q = quantities(report)
    rows = [{"单位或量词": unit or "（无：只有“万”“亿”）", "数据（个）": int(n),
             "例子": "、".join(f"{r}（第 {line} 行）" for r, line in
                             zip(q.loc[q["unit"] == unit, "raw"][:3], q.loc[q["unit"] == unit, "line"][:3]))}
            for unit, n in q["unit"].value_counts().head(top).items()]
    return pd.DataFrame(rows, columns=["单位或量词", "数据（个）", "例子"])


#: (raw line, the words, the measure word, what it counts): the specimen's measure words that fit.
MEASURE_WORDS = [
    (17, "1400多支青年突击队", "1400多支", "支", "队伍"),
    (17, "2900多名村团干部", "2900多名", "名", "人"),
    (23, "CPPCC提案4134件", "4134件", "件", "一件件提案、建议"),
    (27, "举办9场", "9场", "场", "一场场活动"),
    (36, "363项改革措施", "363项", "项", "一条条措施、政策"),
    (43, "书记处会议35次", "35次", "次", "做了几回（开了几次会）"),
]


def measure_words():
    """The specimen's (raw) measure words that fit what they count, each one of the kit's figures."""
    raw = specimen()
    rows = []
    for line, words, figure_raw, unit, counts in MEASURE_WORDS:
        if words not in raw.line(line).text or figure(line, figure_raw)["unit"] != unit:
            raise ValueError(f"raw line {line}: {words} / {figure_raw}")
        rows.append({"原样版行号": line, "原文": words, "量词": unit, "数的是": counts})
    return pd.DataFrame(rows, columns=["原样版行号", "原文", "量词", "数的是"])


# -- 五、number forms --------------------------------------------------------------------------------
def numeral_findings(report):
    """The linter's findings of family numerals (GB/T 15835) on the report."""
    rows = [{"行号": f.line, "原文": f.text, "说明": f.message, "依据": f.reference} for f in lint(report)
            if f.family == "numerals"]
    return pd.DataFrame(rows, columns=["行号", "原文", "说明", "依据"])


def anniversary_forms():
    """The specimen's (raw) three anniversaries of the Party's founding, and what the errata say."""
    raw, e = specimen(), load_errata().set_index("id")
    rows = []
    for line, words in ((3, "建党100周年"), (11, "建党一百周年"), (45, "建党一百周年")):
        if words not in raw.line(line).text:
            raise ValueError(f"raw line {line} does not contain {words}")
        rows.append({"原样版行号": line, "原文": words, "写法": "阿拉伯数字" if "100" in words else "汉字数字"})
    frame = pd.DataFrame(rows, columns=["原样版行号", "原文", "写法"])
    frame.attrs["errata"] = e.loc["E007", "basis"]
    return frame


def form_counts(report) -> dict[str, int]:
    """Half-width % and full-width ％ in the report's text; single 一字线 — between digits."""
    text = report.text
    return {"%": text.count("%"), "％": text.count("％"),
            "—": len(re.findall(r"\d—\d", text))}


# -- 六、claims with and without figures --------------------------------------------------------------
def claims_table(report, evidenced: bool | None = False):
    """Sentences that state a result (a comparison, a degree, an achieved state); by default
    those with no figure in the same sentence."""
    c = result_claims(report)
    if evidenced is not None:
        c = c[c["evidenced"] == evidenced]
    return pd.DataFrame({"行号": c["line"].tolist(), "句子": c["text"].tolist(),
                         "说结果的词": ["、".join(x) for x in c["cues"]],
                         "类型": ["、".join(CUE_KINDS[k] for k in x) for x in c["kinds"]],
                         "同一句里的数据": ["、".join(x) or "—" for x in c["quantities"]]})


def claims_summary(report) -> dict[str, int]:
    c = result_claims(report)
    return {"说结果的句子": len(c), "同一句里有数据": int(c["evidenced"].sum())}


# -- 七、internal arithmetic -----------------------------------------------------------------------
def arithmetic_examples():
    """The lesson's two worked checks on the specimen (raw): bounds from the qualifiers."""
    squads, share = squads_per_brigade(), branches_share()
    rows = [
        {"原样版行号": "12", "数据": "300多万个少先队中队、20多万个少先队大队", "算什么": "平均每个大队有几个中队",
         "算式": "（300万～400万）÷（20万～30万）", "结果": bounds_text(squads, " 个")},
        {"原样版行号": "42、12", "数据": "244.1万个支部开展团员先进评比；330多万个基层团支部", "算什么": "开展评比的支部占多少",
         "算式": "244.1万 ÷（330万～340万）", "结果": bounds_text(share, "%", scale=100, digits=1)},
    ]
    for line, raw in ((12, "300多万个"), (12, "20多万个"), (42, "244.1万个"), (12, "330多万个")):
        figure(line, raw)  # the figures the table names are the kit's
    return pd.DataFrame(rows, columns=["原样版行号", "数据", "算什么", "算式", "结果"])


# -- 八、numbers that are no figures ------------------------------------------------------------------
#: (raw line, words, why they are no figure): the specimen's numerals the kit rightly leaves out.
NOT_FIGURES = [
    (3, "建党100周年", "纪念日：周年说的是时间，不是数量"),
    (4, "一年来", "报告期的套语"),
    (5, "四个意识", "数字式提法：数字是名称的一部分"),
    (9, "第四轮", "序数：排在第几"),
    (12, "5月4日", "日期"),
    (13, "H5", "技术名称"),
    (14, "一项调查", "“一项”相当于“某一项”，不是计数"),
    (15, "十四五", "规划期的名称（第十四个五年规划）"),
    (21, "2016—2025年", "年份的范围：日期"),
    (22, "12355", "服务热线的号码"),
    (38, "去年5月", "日期（相对的说法）"),
]


def not_figures():
    """The specimen's (raw) numerals that are no figures, and whether the kit reads one as a figure."""
    raw = specimen()
    q = quantities(raw)
    rows = []
    for line, words, why in NOT_FIGURES:
        text = raw.line(line).text
        if words not in text:
            raise ValueError(f"raw line {line} does not contain {words}")
        a = raw.line(line).start + text.index(words)
        read = q[(q["start"] < a + len(words)) & (q["end"] > a)]
        rows.append({"原样版行号": line, "原文": words, "为什么不是数据": why,
                     "工具读作数据了吗": "读作了：" + "、".join(read["raw"]) if len(read) else "没有"})
    return pd.DataFrame(rows, columns=["原样版行号", "原文", "为什么不是数据", "工具读作数据了吗"])


def formulation_numbers(report):
    """The report's numbered formulations (四个意识): numbers that name an idea."""
    f = numeric_formulations(report)
    return pd.DataFrame({"提法": f["formulation"].tolist(), "次数": f["count"].tolist(),
                         "所在行": [_lines(x) for x in f["lines"]]})


# -- 九、figures across the corpus ----------------------------------------------------------------------
def corpus_table(report):
    """The report in use and the 17 corpus reports: figures per 1,000 characters, qualified share, units."""
    rows = []
    reports = [report] + [r for r in corpus() if r is not report]
    for r in reports:
        q = quantities(r)
        units = [u or "（无）" for u in q["unit"].value_counts().head(3).index]
        rows.append({"报告": report_label(r), "年份": r.meta.get("year") or "", "正文字数": body_char_count(r),
                     "数据（个）": len(q), "每千字": rate_per_1000(r), "带限定词（%）": qualified_share(r),
                     "最常用的单位": "、".join(units)})
    return pd.DataFrame(rows, columns=["报告", "年份", "正文字数", "数据（个）", "每千字", "带限定词（%）", "最常用的单位"])


#: What the lesson notebook reads as ``lesson.…`` (re-exported by ``lesson05_evidence``).
__all__ = ["overview", "densest_paragraphs", "figure_table", "show_all", "highlighter", "qualifier_table", "duo_table",
           "bounds_text", "unit_table", "MEASURE_WORDS", "measure_words", "numeral_findings", "anniversary_forms",
           "form_counts", "claims_table", "claims_summary", "arithmetic_examples", "NOT_FIGURES", "not_figures",
           "formulation_numbers", "corpus_table", "is_specimen"]
