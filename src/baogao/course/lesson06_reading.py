"""Lesson 06 (校对): the tables, widgets and quiz its notebook shows.

Tables about the report in use follow ``REPORT``; the tables about the
specimen's damage, the errata and the linter's score are about the specimen
(raw edition) whatever the report, and say so in their column names.
"""

from __future__ import annotations

from collections import Counter

from baogao.course.lesson06_measures import (
    ASCII_MARKS,
    CERTAINTY_LABELS,
    ascii_counts,
    ascii_lines,
    entry,
    entry_lines,
    errata,
    found_by,
    half_width_findings,
    is_specimen,
    label,
    rule_lines,
    specimen_score,
    treatment,
)
from baogao.lazy import pandas as pd
from baogao.lint import FAMILIES, SEVERITY_LABELS, catalogue, lint
from baogao.sources.errata import CATCHABLE, summary
from baogao.sources.shipped import specimen
from baogao.widgets.compare import EditionCompare
from baogao.widgets.lintview import LintViewer
from baogao.widgets.quiz import Question, Quiz


def _lines(lines) -> str:
    return "、".join(str(n) for n in lines) or "—"


def _yes(flag: bool) -> str:
    return "能" if flag else "不能"


# -- 一、a damaged copy ---------------------------------------------------------------------------
def errata_table():
    """The specimen's errata by category: can a rule catch it, how many entries of each certainty."""
    s = summary()
    rows = [{"类别": label(cat), "规则能否找到": _yes(CATCHABLE[cat]),
             **{CERTAINTY_LABELS[c]: int(s.loc[cat, c]) for c in CERTAINTY_LABELS},
             "条数": int(s.loc[cat, "entries"]), "出现次数": int(s.loc[cat, "occurrences"])} for cat in s.index]
    return pd.DataFrame(rows, columns=["类别", "规则能否找到", *CERTAINTY_LABELS.values(), "条数", "出现次数"])


def site_lines():
    """The specimen's lines that the copying site added (raw edition)."""
    e = errata()
    rows = [{"原样版行号": int(r.line), "类别": label(r.category), "开头": r.text[:24] + ("…" if len(r.text) > 24 else ""),
             "处理": treatment(r._asdict())} for r in e[e["category"].isin(["seo_title", "boilerplate"])].itertuples()]
    return pd.DataFrame(rows, columns=["原样版行号", "类别", "开头", "处理"])


#: (damage, errata category or None, lint rule or None): the traces the lesson names.
TRACES = [
    ("多余的空格", None, "stray-space"),
    ("句中多出的句号", "misplaced_punctuation", None),
    ("没有闭合的书名号", None, "unbalanced-marks"),
    ("段落在句中中断", "cut_off", None),
    ("人名写错", "name_error", None),
    ("外文字母残留", "latin_residue", None),
    ("词语重复", "duplication", None),
]


def traces():
    """The specimen's traces of copying and rewriting: where the errata or the linter put them (raw lines)."""
    raw = specimen()
    rows = []
    for what, category, rule in TRACES:
        if category is not None:
            e = errata()
            texts = [r.text for r in e[e["category"] == category].itertuples()]
            rows.append({"损伤": what, "原样版行号": _lines(entry_lines(category)), "查到它的是": "勘误表",
                         "例子": "、".join(f"“{t}”" for t in dict.fromkeys(texts[:3]))})
        else:
            found = lint(raw, select=[rule])
            rows.append({"损伤": what, "原样版行号": _lines(rule_lines(raw, rule)), "查到它的是": f"规则 {rule}",
                         "例子": f"{len(found)} 处"})
    return pd.DataFrame(rows, columns=["损伤", "原样版行号", "查到它的是", "例子"])


def ascii_table(report):
    """The report's ASCII marks: how many, on which lines, how many the linter reports."""
    counts, reported = ascii_counts(report), half_width_findings(report)
    rows = [{"半角标点": m, "全文个数": counts[m], "所在行": _lines(ascii_lines(report, m)) if counts[m] <= 12 else
             f"{len(ascii_lines(report, m))} 行", "工具报告": reported.get(m, 0)} for m in ASCII_MARKS]
    return pd.DataFrame(rows, columns=["半角标点", "全文个数", "所在行", "工具报告"])


# -- 二、the four methods ------------------------------------------------------------------------
#: (method, what it does, can it be used on the specimen, example entry or None)
METHODS = [
    ("对校", "拿同一部书的祖本或别本逐字对读，记下异同。",
     "不能：报告的原文找不到，副本没有可以对读的别本。", None),
    ("本校", "用本书前后互证：同一名称、同一说法在别处怎样写。",
     "能：第 30 行写作“青年之家”（带引号），第 22 行的青年之家没有引号。", "E056"),
    ("他校", "用别的书校本书：引文、提法、文件名称，查它们的出处。",
     "能：2021 年这项学习教育的名称是“学党史、强信念、跟党走”，第 11 行写成了“坚定信念”。", "E029"),
    ("理校", "没有别本可据时，按道理推断是非。",
     "能，但要慎用：第 21 行“十五”规划和“2035年远景目标纲要”连用，2021 年的报告讲的只能是“十四五”。", "E049"),
]


def methods_table():
    """The four methods of 陈垣's 校法四例, and what each can do on the specimen (raw lines)."""
    rows = []
    for method, how, here, eid in METHODS:
        row = {"校法": method, "做法": how, "在样本报告上": here, "例子（勘误表）": "—"}
        if eid:
            e = entry(eid)
            row["例子（勘误表）"] = f"{eid}：第 {int(e['line'])} 行“{e['text']}”，{treatment(e)}（{CERTAINTY_LABELS[e['certainty']]}）"
        rows.append(row)
    return pd.DataFrame(rows, columns=["校法", "做法", "在样本报告上", "例子（勘误表）"])


# -- 三、queries: 校对意见 -----------------------------------------------------------------------
SLIP_ENTRIES = ("E021", "E094", "E049", "E048")


def query_slip(ids=SLIP_ENTRIES):
    """A 校对意见 table made from errata entries: where, the text, the problem, what to do, how sure."""
    rows = []
    for n, eid in enumerate(ids, 1):
        e = entry(eid)
        rows.append({"序号": n, "位置（原样版）": f"第 {int(e['line'])} 行第 {int(e['column'])} 字", "原文": e["text"],
                     "问题": label(e["category"]), "处理意见": treatment(e), "把握": CERTAINTY_LABELS[e["certainty"]],
                     "勘误表": eid})
    return pd.DataFrame(rows, columns=["序号", "位置（原样版）", "原文", "问题", "处理意见", "把握", "勘误表"])


# -- 四、the linter and its catalogue ------------------------------------------------------------
def catalogue_table(report):
    """Every rule of the catalogue, with how many findings it gives on the report."""
    counts = Counter(f.rule for f in lint(report))
    rows = [{"规则": r.id, "类别": FAMILIES[r.family], "级别": SEVERITY_LABELS[r.severity], "检查什么": r.title,
             "本报告上": counts[r.id]} for r in catalogue()]
    return pd.DataFrame(rows, columns=["规则", "类别", "级别", "检查什么", "本报告上"])


def catalogue_summary(report) -> dict[str, int]:
    rules = catalogue()
    fired = {f.rule for f in lint(report)}
    return {"规则": len(rules), "本报告上报告了问题的规则": sum(r.id in fired for r in rules)}


def viewer(report, rule: str = ""):
    """The lint viewer on the report (optionally with one rule chosen)."""
    return LintViewer(report, rule=rule)


# -- 五、what the linter found, and what it cannot --------------------------------------------
def recall_table():
    """The linter's recall on the specimen (raw), by errata category: entries and occurrences found."""
    rows = []
    for c in specimen_score()["categories"]:
        if not (c["entries"] or c["occurrences"]):
            continue
        rows.append({"类别": c["label"], "条目": c["entries"], "找到": c["found"],
                     "召回率（%）": round(100 * c["recall"], 1) if c["recall"] is not None else None,
                     "系统性错误出现次数": c["occurrences"], "找到的次数": c["occurrences_found"]})
    return pd.DataFrame(rows, columns=["类别", "条目", "找到", "召回率（%）", "系统性错误出现次数", "找到的次数"])


def recall_summary() -> dict:
    s = specimen_score()
    return {"可查的条目": s["recall"]["entries"], "找到": s["recall"]["found"],
            "召回率（%）": round(100 * s["recall"]["recall"], 1)}


def found_by_table(category: str | None = None, missed_only: bool = False):
    """Each catchable once entry of the errata with the rules whose findings count for it."""
    by = found_by()
    rows = []
    for x in specimen_score()["entries"]:
        if (category and x["category"] != category) or (missed_only and by[x["id"]]):
            continue
        rows.append({"勘误表": x["id"], "原样版行号": x["line"], "原文": x["text"], "类别": label(x["category"]),
                     "把握": CERTAINTY_LABELS[x["certainty"]], "找到它的规则": "、".join(by[x["id"]]) or "（没有找到）"})
    return pd.DataFrame(rows, columns=["勘误表", "原样版行号", "原文", "类别", "把握", "找到它的规则"])


def uncatchable_table(category: str = "fact_error"):
    """The errata's entries of a category that no rule can catch (default: facts)."""
    e = errata()
    rows = [{"勘误表": r.id, "原样版行号": int(r.line), "原文": r.text, "处理意见": treatment(r._asdict()),
             "把握": CERTAINTY_LABELS[r.certainty]} for r in e[e["category"] == category].itertuples()]
    return pd.DataFrame(rows, columns=["勘误表", "原样版行号", "原文", "处理意见", "把握"])


# -- 六、the errata and the two editions ---------------------------------------------------------
def edition_compare():
    """The raw specimen and its corrected edition side by side (only the changed lines)."""
    return EditionCompare(changed_only=True)


def edition_lines() -> dict[str, int]:
    return {"原样版": len(specimen().lines), "勘误后版本": len(specimen(edition="corrected").lines)}


# -- 七、click the error -----------------------------------------------------------------------
#: (raw line, the sentence as written, the wrong text, explanation): each wrong text is
#: exactly a finding of the linter, and nothing else in the sentence has one (a test checks).
CLICKS = [
    (7, "努力深入学习领会习金平新时代中国特色社会主义思想。", "习金平",
     "领导人的名字一字不能错：第 3 行等处都写作“习近平”。"),
    (21, "开展规划实施中期评估,努力推动规划实施提质增效。", ",",
     "这个逗号是半角的“,”：中文里用全角的“，”（GB/T 15834-2011《标点符号用法》）。样本报告里的逗号都是这样，"
     "一个也不是对的。"),
    (39, "八、弘扬自我革命精神,扎实推进全面从严治团。", ",",
     "标题里也一样：半角逗号改为全角的“，”。“八、”后面的顿号是对的。"),
    (6, "用实际行动表明了“党旗指的就是共青团旗要做的”。", "党旗指的就是共青团旗要做的",
     "引号里的话是提法，要一字不差：规范的说法是“党旗所指就是团旗所向”，这里是改写过的。"),
]


def click_questions() -> list[Question]:
    """The quiz's click-the-error questions, all about the specimen (raw edition)."""
    raw = specimen()
    out = []
    for line, sentence, wrong, why in CLICKS:
        if sentence not in raw.line(line).text:
            raise ValueError(f"raw line {line} does not contain {sentence}")
        out.append(Question.click(f"原样版第 {line} 行的这一句有一处错误，点一下错的地方：", sentence, wrong, why))
    return out


def quiz():
    return Quiz(click_questions())


#: What the lesson notebook reads as ``lesson.…`` (re-exported by ``lesson06_proofreading``).
__all__ = ["errata_table", "site_lines", "TRACES", "traces", "ascii_table", "METHODS", "methods_table",
           "SLIP_ENTRIES", "query_slip", "catalogue_table", "catalogue_summary", "viewer", "recall_table",
           "recall_summary", "found_by_table", "uncatchable_table", "edition_compare", "edition_lines", "CLICKS",
           "click_questions", "quiz", "is_specimen"]
