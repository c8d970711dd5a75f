"""Quiz questions of the lessons, computed from the report a lesson studies.

Each function returns ``baogao.widgets.quiz.Question`` objects for the
``Quiz`` widget; the answers come from the report itself (its outline), so
a lesson run on another report asks about that report.
"""

from __future__ import annotations

from .markers import STYLE_NAMES


def _level1_style_changes(report) -> list:
    level1 = {h.line for h in report.outline().headings if h.level == 1}
    return [i for i in report.outline().numbering_issues if i.kind == "style_change" and i.line in level1]


def lesson01_questions(report) -> list:
    """Four questions on the skeleton of a report (lesson 01)."""
    from .widgets.quiz import Question

    outline = report.outline()
    changes = _level1_style_changes(report)
    n = len(changes)
    options = sorted({n, n + 1, n + 2} | ({n - 1} if n else {3}))
    where = "、".join(f"第 {i.line} 行“{i.found}”" for i in changes) or "没有一处"
    q1 = Question.choice(
        "这篇报告的第一级标题一共换了几次编号样式？",
        [f"{k} 次" for k in options], f"{n} 次",
        f"第一级标题的样式变化出现在：{where}。GB/T 9704—2012 要求同一级标题用同一种序号。")

    genre = outline.genre
    evidence = "；".join(outline.genre_evidence) or "没有主送机关、结束语等公文要素"
    q2 = Question.choice(
        "这篇报告属于哪一种“报告”？",
        ["公文式报告（有主送机关、结束语、署名、日期）", "讲话式工作报告（在会议上宣读）"],
        0 if genre == "document" else 1,
        f"判断依据：{evidence}。")

    odd = next((h for h in outline.headings if h.style in ("cn-shi", "cn-di", "arabic-dun", "half-paren")
                or h.marker.endswith(("、", ".", "．")) and h.style in ("cn-paren", "arabic-paren")), None)
    if odd is not None:
        sentence = odd.marker + odd.title
        q3 = Question.click(
            f"下面是这篇报告第 {odd.line} 行的标题。点一下其中不规范的地方：", sentence, odd.marker,
            f"“{odd.marker}”是{STYLE_NAMES[odd.style]}的写法，不是 GB/T 9704 规定的标题序号（一、（一）1.（1））。")
    else:
        q3 = Question.click(
            "下面这个小标题的序号写法不规范。点一下不规范的地方：", "（一）、加强组织领导", "、",
            "“（一）”后面不再加顿号：括号本身已经把序号和标题隔开。")

    q4 = Question.choice(
        "“一是……；二是……；三是……”写在一个段落中间时，它是什么？",
        ["小标题", "段内列举", "主旨句"], "段内列举",
        "它把一段话要说的几点排列出来，后面紧接具体内容；小标题独占一行，统领下面的段落。")
    return [q1, q2, q3, q4]
