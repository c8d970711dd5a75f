"""Lesson 01's quiz: five questions whose answers follow the report in use and agree
with the outline and the linter (tests/course/test_quizzes.py)."""

from __future__ import annotations

from baogao.structure.outline import GENRE_LABELS
from baogao.text.markers import STYLE_NAMES
from baogao.widgets.quiz import Question

#: The genre question's options, one per key of ``GENRE_LABELS``.
GENRE_OPTIONS = {
    "document": f"{GENRE_LABELS['document']}：有主送机关、结束语、署名、日期等公文要素",
    "speech": f"{GENRE_LABELS['speech']}：有题注、报告人、称呼，在会上宣读",
    "unknown": "看不出来：两种文体的框架（公文要素，讲话稿的题注、报告人、称呼）都没有",
}
_ODD_STYLES = ("cn-shi", "cn-di", "arabic-dun", "half-paren")


def _level1_style_changes(report) -> list:
    level1 = {h.line for h in report.outline().headings if h.level == 1}
    return [i for i in report.outline().numbering_issues if i.kind == "style_change" and i.line in level1]


def _style_question(report) -> Question:
    changes = _level1_style_changes(report)
    n = len(changes)
    options = sorted({n, n + 1, n + 2} | ({n - 1} if n else {3}))
    where = "、".join(f"第 {i.line} 行“{i.found}”" for i in changes) or "没有一处"
    return Question.choice(
        "这篇报告的第一级标题中，编号样式与同级多数标题不一致的有几处？",
        [f"{k} 处" for k in options], f"{n} 处",
        f"与同级多数标题样式不一致的是：{where}。同一级标题用同一种序数是公文写作的惯例"
        "（GB/T 9704—2012 只说结构层次序数依次可以用“一、”“（一）”“1.”“（1）”）。")


def _genre_question(report) -> Question:
    outline = report.outline()
    evidence = "；".join(outline.genre_evidence)
    if outline.genre == "unknown":
        why = ("这份文稿既没有公文的主送机关、结束语、署名和日期，也没有讲话稿的题注、报告人和称呼："
               "框架丢了，只凭它说不出是哪一种；能说的只有内容上看得出来的东西。")
    else:
        why = f"提纲找到的依据：{evidence}。"
    return Question.choice("只凭这份文稿本身，它属于哪一种“报告”？", list(GENRE_OPTIONS.values()),
                           GENRE_OPTIONS[outline.genre], why)


def _marker_question(report) -> Question:
    odd = next((h for h in report.outline().headings if h.style in _ODD_STYLES), None)
    if odd is not None:
        return Question.click(
            f"下面是这篇报告第 {odd.line} 行的标题。点一下其中不规范的地方：", odd.marker + odd.title, odd.marker,
            f"“{odd.marker}”是{'段内列举' if odd.style in ('cn-shi', 'cn-di') else '不规范'}的写法"
            f"（{STYLE_NAMES[odd.style]}），不是 GB/T 9704—2012 给出的结构层次序数（一、（一）1.（1））。")
    return Question.click(
        "下面这个小标题的序号写法不规范。点一下不规范的地方：", "（一）、加强组织领导", "、",
        "“（一）”后面不再加顿号：括号本身已经把序号和标题隔开。")


def quiz_questions(report) -> list:
    """Five questions on the skeleton of a report (lesson 01)."""
    enumeration = Question.choice(
        "“一是……；二是……；三是……”写在一个段落中间时，它是什么？",
        ["第二级标题", "段内列举", "段首标题"], "段内列举",
        "它把一段话要说的几点排列出来，后面紧接具体内容；标题独占一行，统领下面的段落；"
        "段首标题是段落开头起标题作用的一句短话。")
    kind = Question.choice(
        "团市委想请市教育局同意在全市中学组织一次征文活动。两者不相隶属，团市委应当用哪一种公文行文？",
        ["请示", "报告", "函"], "函",
        "《党政机关公文处理工作条例》：函适用于不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项。"
        "请示和报告都是向上级机关行文，而且报告不得夹带请示事项。")
    return [_style_question(report), _genre_question(report), _marker_question(report), enumeration, kind]
