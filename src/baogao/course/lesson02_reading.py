"""Lesson 02 (段落的写法): what the lesson notebook shows — every body paragraph's role,
the lead sentences by form, the section intros, one paragraph's development (raw line 17),
the 要 and 将 of the review, opening, transition and closing types in the shipped texts,
paragraph lengths without the broken-off paragraphs, the highlighter and the quiz.

Tables follow the report the notebook studies unless their docstring says "specimen";
their columns and values are Chinese. Line numbers are the raw edition's.
"""

from __future__ import annotations

from baogao.analysis.leads import (
    MOVES,
    PATTERN_MEANINGS,
    PATTERNS,
    ROLES,
    forward_words,
    intro_moves,
    lead_table,
    paragraph_roles,
    section_intros,
    turn_of,
)
from baogao.analysis.measures import analyze
from baogao.analysis.tables import body_paragraphs
from baogao.lazy import pandas as pd
from baogao.sources.shipped import corpus, example, specimen
from baogao.text.sentences import clause_spans, count_chars, sentence_spans
from baogao.widgets.highlight import Highlighter
from baogao.widgets.quiz import Question, Quiz
from baogao.course.reports import is_raw_specimen as is_specimen  # the lesson's line numbers are the raw edition's

#: Sentence-final marks: a body paragraph that does not end in one broke off
#: (in the specimen exactly the eight cut-offs of the errata).
FINAL = "。！？!?…”’）)"


def clip(text: str, n: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "……"


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text) if text[a:b].strip()]


def excerpt(text: str) -> str:
    """A long sentence as its first and last clauses: 让我们……，……不懈奋斗！"""
    spans = clause_spans(text)
    if len(spans) <= 2:
        return text
    return text[slice(*spans[0])] + "……" + text[slice(*spans[-1])]


def highlighter(report):
    """The report with its headings and lead sentences marked (the other layers off)."""
    return Highlighter(report, layers=("headings", "leads"))


# -- 一、roles -------------------------------------------------------------------------
def role_label(role: str, part: str) -> str:
    return f"{ROLES[role]}：{part}" if part else ROLES[role]


def roles_table(report):
    """Every body paragraph: its line, role and opening words."""
    rows = [{"行号": p.line, "段落的角色": role_label(role, part), "段首": clip(p.text, 20)}
            for p, role, part in paragraph_roles(report)]
    return pd.DataFrame(rows, columns=["行号", "段落的角色", "段首"])


def roles_summary(report):
    """How many body paragraphs have each role, and which lines."""
    groups: dict[str, list[int]] = {}
    order = list(ROLES)
    for p, role, part in sorted(paragraph_roles(report), key=lambda x: (order.index(x[1]), x[0].line)):
        groups.setdefault(role_label(role, part), []).append(p.line)
    rows = [{"段落的角色": label, "段数": len(lines), "行号": "、".join(map(str, lines))}
            for label, lines in groups.items()]
    return pd.DataFrame(rows, columns=["段落的角色", "段数", "行号"])


# -- 二、lead sentences by form ----------------------------------------------------------
def leads_table(report):
    """The lead sentences with their length and form."""
    table = lead_table(report)
    return pd.DataFrame({"行号": table["line"].astype(int).tolist(), "主旨句": table["text"].tolist(),
                         "字数": table["chars"].astype(int).tolist(),
                         "句式": [PATTERNS[p] for p in table["pattern"]]},
                        columns=["行号", "主旨句", "字数", "句式"])


def pattern_groups(report) -> dict[str, list[int]]:
    """Form (a key of ``PATTERNS``) → the lines of its lead sentences, forms in order."""
    table = lead_table(report)
    return {key: [int(x) for x in table.loc[table["pattern"] == key, "line"]]
            for key in PATTERNS if (table["pattern"] == key).any()}


def patterns_summary(report):
    rows = [{"句式": PATTERNS[key], "句数": len(lines), "行号": "、".join(map(str, lines)),
             "说的是什么": PATTERN_MEANINGS[key]} for key, lines in pattern_groups(report).items()]
    return pd.DataFrame(rows, columns=["句式", "句数", "行号", "说的是什么"])


def section_starts(report) -> list[tuple[int, str]]:
    """(first line, label) of each first-level section, the one that lost its heading too."""
    starts = [(h.line, h.marker + clip(h.title, 10)) for h in report.outline().headings
              if h.level == 1 and not h.run_in]
    starts += [(i.line, f"{i.lost}（原标题缺失）") for i in section_intros(report) if i.heading_line is None]
    return sorted(starts)


def sections_table(report):
    """Each section's lead sentences and their forms: do the siblings share a form?"""
    starts = section_starts(report)
    table = lead_table(report)
    rows = []
    for i, (line, label) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else None
        inside = table[(table["line"] > line) & ((table["line"] < end) if end else True)]
        if inside.empty:
            continue
        forms = list(dict.fromkeys(PATTERNS[p] for p in inside["pattern"]))
        rows.append({"部分": label, "主旨句的行号": "、".join(str(int(x)) for x in inside["line"]),
                     "句式": "、".join(forms), "句式一致": "是" if len(forms) == 1 else "否"})
    return pd.DataFrame(rows, columns=["部分", "主旨句的行号", "句式", "句式一致"])


# -- 三、section intros ------------------------------------------------------------------
def intro_rows(report) -> list[dict]:
    starts = dict(section_starts(report))
    rows = []
    for intro in section_intros(report):
        moves = intro_moves(intro.text)
        before = [s for m, s in moves if m in ("ground", "requirement")]
        results = [s for m, s in moves if m == "result"]
        turn = turn_of(intro.text)
        work = [s for m, s in moves if m == "work"]
        label = starts.get(intro.heading_line) if intro.heading_line else starts.get(intro.line)
        rows.append({"行号": intro.line, "所属部分": label or "",
                     "“一年来”之前：意义、背景或要求": clip("".join(before), 28) or "（无）",
                     "转入做法": turn or "（无）",
                     "做法": clip("".join(work), 22) if work else "（无）",
                     "单独成句的总体成效": "；".join(clip(s, 22) for s in results) or "（无）"})
    return rows


def intro_table(report):
    """The intro paragraph of each section, cut into its moves (``analysis.leads.intro_moves``)."""
    return pd.DataFrame(intro_rows(report), columns=["行号", "所属部分", "“一年来”之前：意义、背景或要求",
                                                      "转入做法", "做法", "单独成句的总体成效"])


# -- 四、one paragraph's development (specimen) --------------------------------------------
#: What each sentence of raw line 17 does (lesson content; the tests pin the sentences).
LINE17 = 17
LINE17_MOVES = ("主旨句：这一段的要点", "做法", "数据和成效", "事例：背景和做法", "事例：数据和成效")


def development_table(report=None):
    """Specimen, raw line 17: each sentence, what it does, the figures in it."""
    report = specimen() if report is None else report
    line = report.line(LINE17)
    quantities = analyze(report).quantities
    rows = []
    for (a, b), move in zip(sentence_spans(line.text), LINE17_MOVES):
        start, end = line.start + a, line.start + b
        found = quantities[(quantities["start"] >= start) & (quantities["end"] <= end)]["raw"].tolist()
        rows.append({"第几句": len(rows) + 1, "句子": line.text[a:b], "作用": move,
                     "数据": "、".join(found) or "（无）"})
    return pd.DataFrame(rows, columns=["第几句", "句子", "作用", "数据"])


# -- 五、要 and 将 in the review ---------------------------------------------------------------
def review_range(report) -> tuple[int, int] | None:
    """(first, last) line of the review part (工作回顾), or None."""
    parts = report.outline().parts
    for i, part in enumerate(parts):
        if part.kind == "review":
            last = parts[i + 1].line - 1 if i + 1 < len(parts) else len(report.lines)
            return part.line, last
    return None


def forward_rows(report) -> list[dict]:
    span = review_range(report)
    if span is None:
        return []
    roles = {p.line: role_label(role, part) for p, role, part in paragraph_roles(report)}
    rows = []
    for p in body_paragraphs(report):
        if not span[0] <= p.line <= span[1]:
            continue
        for a, b, word, kind in forward_words(p.text):
            rows.append({"行号": p.line, "词": word, "用法": "提出要求" if kind == "requirement" else "说将来",
                         "上下文": clip(p.text[max(0, a - 8):b + 8], 40), "所在段落": roles.get(p.line, "")})
    return rows


def forward_table(report):
    """要 stating a requirement and 将 speaking of the future, in the review part."""
    return pd.DataFrame(forward_rows(report), columns=["行号", "词", "用法", "上下文", "所在段落"])


# -- 六、openings, transitions, closings (shipped texts, whatever the report) --------------------
def _gwr():
    return corpus("2021_state-council_gwr")


def opening_rows() -> list[dict]:
    raw, gongwen, qingshi = specimen(), example("report_gongwen"), example("request_qingshi")
    return [
        {"类型": "根据式", "怎样写": "先交代依据：根据哪个文件、哪次会议或上级的哪项要求",
         "例句": "（本教材收的文本里没有这样的开头；常见的写法是“根据……的要求，现将……报告如下。”）", "出处": "—"},
        {"类型": "目的式", "怎样写": "先说做这件事是为了什么（“为……”），再说做什么",
         "例句": sentences(qingshi.line(5).text)[0], "出处": "范例 request_qingshi 第 5 行"},
        {"类型": "背景式", "怎样写": "先交代形势、上级的重视和部署",
         "例句": sentences(raw.line(3).text)[0], "出处": "样本报告（原样版）第 3 行"},
        {"类型": "概述式", "怎样写": "先概括一个时期做了哪些工作、总的成效怎样",
         "例句": sentences(gongwen.line(5).text)[0], "出处": "范例 report_gongwen 第 5 行"},
    ]


def opening_table():
    return pd.DataFrame(opening_rows(), columns=["类型", "怎样写", "例句", "出处"])


def transition_rows() -> list[dict]:
    raw, gongwen, gwr = specimen(), example("report_gongwen"), _gwr()
    return [
        {"过渡句": sentences(raw.line(4).text)[-1], "出处": "样本报告（原样版）第 4 行末句",
         "承上 → 启下": "总述全年 → 分部分回顾（受损：常用“主要做了以下工作。”）"},
        {"过渡句": sentences(gwr.line(19).text)[0], "出处": "2021 年《政府工作报告》第 19 行",
         "承上 → 启下": "总的成绩 → 分项回顾"},
        {"过渡句": sentences(gwr.line(49).text)[0], "出处": "2021 年《政府工作报告》第 49 行",
         "承上 → 启下": "成绩 → 困难和问题"},
        {"过渡句": sentences(gongwen.line(5).text)[-1], "出处": "范例 report_gongwen 第 5 行末句",
         "承上 → 启下": "开头 → 正文"},
    ]


def transition_table():
    return pd.DataFrame(transition_rows(), columns=["过渡句", "出处", "承上 → 启下"])


def closing_rows() -> list[dict]:
    raw, gongwen, gwr = specimen(), example("report_gongwen"), _gwr()
    return [
        {"类型": "特此报告式", "怎样写": "公文的报告写完正文，另起一行写惯用的结束语",
         "例句": gongwen.line(33).text, "出处": "范例 report_gongwen 第 33 行"},
        {"类型": "号召式", "怎样写": "号召听的人团结起来，为一个目标奋斗（“让我们……为……奋斗！”）",
         "例句": excerpt(sentences(gwr.line(201).text)[1]), "出处": "2021 年《政府工作报告》第 201 行"},
        {"类型": "展望式", "怎样写": "说新的一年的形势和任务",
         "例句": sentences(raw.line(46).text)[0], "出处": "样本报告（原样版）第 46 行（这一段后来断掉了）"},
    ]


def closing_table():
    return pd.DataFrame(closing_rows(), columns=["类型", "怎样写", "例句", "出处"])


# -- 七、lengths without the broken-off paragraphs ---------------------------------------------
def broken_off(report) -> list[int]:
    """Body paragraphs that do not end in sentence-final punctuation."""
    return [p.line for p in body_paragraphs(report) if p.text.rstrip()[-1:] not in FINAL]


def length_rows(report) -> list[dict]:
    broken = set(broken_off(report))
    groups: dict[str, list] = {}
    for p, role, _part in paragraph_roles(report):
        key = {"intro_lost": "intro"}.get(role, role)
        groups.setdefault(key, []).append(p)
    rows = []
    for key in ("intro", "lead", "closing", "opening", "other"):
        paras = groups.get(key, [])
        if not paras:
            continue
        whole = [count_chars(p.text) for p in paras if p.line not in broken]
        every = [count_chars(p.text) for p in paras]
        rows.append({"段落的角色": ROLES[key], "段数": len(paras), "平均字数": round(sum(every) / len(every)),
                     "段末没有句末标点的段数": len(paras) - len(whole),
                     "其余段落的平均字数": round(sum(whole) / len(whole)) if whole else "（无）"})
    return rows


def length_table(report):
    """Paragraph lengths by role, with and without the paragraphs that broke off."""
    return pd.DataFrame(length_rows(report), columns=["段落的角色", "段数", "平均字数", "段末没有句末标点的段数",
                                                      "其余段落的平均字数"])


# -- the quiz (shipped texts, whatever the report) -------------------------------------------------
OPENING_TYPES = ("根据式", "目的式", "背景式", "概述式")
CLOSING_TYPES = ("特此报告式", "号召式", "展望式")


def quiz_questions() -> list[Question]:
    raw, qingshi, gwr = specimen(), example("request_qingshi"), _gwr()
    line17 = sentences(raw.line(LINE17).text)[1]
    return [
        Question.choice(f"样本报告（原样版）第 3 行这样开头：“{sentences(raw.line(3).text)[0]}”这是哪一种开头？",
                        OPENING_TYPES, "背景式",
                        "它先交代党中央对青年和共青团工作的重视，是这一年工作的背景；后面几句接着讲讲话、文件和会议。"),
        Question.choice(f"范例 request_qingshi 第 5 行这样开头：“{sentences(qingshi.line(5).text)[0]}”这是哪一种开头？",
                        OPENING_TYPES, "目的式", "“为提升……能力”说的是举办训练营的目的，先说目的，再说要做的事。"),
        Question.choice(f"2021 年《政府工作报告》最后一段这样收尾：“{excerpt(sentences(gwr.line(201).text)[1])}”"
                        "这是哪一种结尾？", CLOSING_TYPES, "号召式",
                        "“让我们……为……不懈奋斗！”号召全国团结起来，为一个目标奋斗。"),
        Question.click("样本报告（原样版）第 17 行回顾一年的工作，它的第二句里有一个字不该出现在回顾里。点一下这个字：",
                       line17, "要", "回顾写已经做过的事；“要”提出要求，是布置工作的口气（“要求”里的“要”不算）。"
                       "勘误表把它列为存疑：可能是改写时加的，也可能原文如此。", occurrence=2),
    ]


def quiz():
    return Quiz(quiz_questions())


__all__ = [
    "FINAL",
    "LINE17",
    "LINE17_MOVES",
    "MOVES",
    "broken_off",
    "closing_table",
    "development_table",
    "forward_table",
    "highlighter",
    "intro_table",
    "is_specimen",
    "leads_table",
    "length_table",
    "opening_table",
    "pattern_groups",
    "patterns_summary",
    "quiz",
    "quiz_questions",
    "review_range",
    "roles_summary",
    "roles_table",
    "sections_table",
    "transition_table",
]
