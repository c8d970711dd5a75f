"""Lesson 01 (报告的骨架): its quiz and its assignment.

The quiz (``quiz_questions``) and the assignment's checks (``assignment``,
solutions/01_structure.ipynb) compute their expected answers from the
report the notebook studies, so the lesson also runs on another report.

The assignment: count the level-1 headings (q1), find where the numbering
style changes (q2), write a function that names a heading's marker style
(q3, hidden cases, ``match_marker`` disabled), rewrite the damaged heading
(q4, writing, reviewed by a teacher).
"""

from __future__ import annotations

import re

from baogao.exercises import compare
from baogao.exercises.problems import (
    Assignment,
    FunctionProblem,
    ValueProblem,
    WritingProblem,
)
from baogao.exercises.writing import heading_at, heading_feedback, sibling_style
from baogao.structure.outline import GENRE_LABELS
from baogao.text.markers import STYLE_NAMES, match_marker, render
from baogao.widgets.quiz import Question

assignment = Assignment("01_structure", "第 1 课作业：读提纲、查编号、写函数、改标题")
use = assignment.use


# -- q1: how many level-1 headings -------------------------------------------------
def _level1(report):
    return [h for h in report.outline().headings if h.level == 1]


def _q1_diagnose(value, expected, report):
    headings = _level1(report)
    if value == sum(1 for h in headings if h.style == "cn-dun"):
        return "你好像只数了“一、”式的标题：编号样式不同的标题，也可能在同一级。"
    if value == len(report.outline().sections()):
        return "〈开头〉〈致谢〉这类功能部分不是标题，不要算进去。"
    if value == len(report.outline().headings) and value != expected:
        return "只数第 1 级的标题。"
    return None


q1 = assignment.add(ValueProblem(
    name="q1",
    title="一级标题有几个",
    variable="q1_answer",
    expected=lambda report: len(_level1(report)),
    read=lambda value: compare.as_int(value, what="q1_answer"),
    diagnose=_q1_diagnose,
    hints=["report.outline().headings 列出全部标题，每个标题都有 level（层级）。",
           "数一数 level 等于 1 的标题：sum(1 for h in report.outline().headings if h.level == 1)。"],
    solution_text="q1_answer = sum(1 for h in report.outline().headings if h.level == 1)",
    wrong_answers=[lambda report: len(_level1(report)) + 1,
                   lambda report: sum(1 for h in _level1(report) if h.style == "cn-dun"),
                   lambda report: len(report.outline().sections())],
))


# -- q2: which level-1 headings depart from the level's style -------------------------
def _style_changes(report):
    level1 = {h.line for h in _level1(report)}
    return sorted(i.line for i in report.outline().numbering_issues
                  if i.kind == "style_change" and i.line in level1)


def _q2_diagnose(value, expected, report):
    extra = [v for v in value if v not in expected]
    missing = [v for v in expected if v not in value]
    if len(set(value)) != len(value):
        return "有的行号重复了。"
    parts = []
    if extra:
        parts.append(f"有 {len(extra)} 个行号的一级标题与同级多数标题的编号样式一致")
    if missing:
        parts.append(f"还少了 {len(missing)} 处")
    return "，".join(parts) + "。" if parts else None


q2 = assignment.add(ValueProblem(
    name="q2",
    title="哪几行一级标题的编号样式与同级多数标题不一致",
    variable="q2_answer",
    expected=_style_changes,
    read=lambda value: compare.as_int_list(value, what="q2_answer"),
    same=compare.same_items,
    diagnose=_q2_diagnose,
    hints=[("report.outline().numbering_issues 列出编号问题；kind 为 \"style_change\" 的是样式不一："
            "这一行的编号不是同级多数标题用的样式。"),
           "只要一级标题的：先取 level 为 1 的标题的行号，再从编号问题里挑出 kind == "
           "\"style_change\" 且行号在其中的。"],
    solution_text=("level1 = {h.line for h in report.outline().headings if h.level == 1}\n"
                   "q2_answer = sorted(i.line for i in report.outline().numbering_issues\n"
                   "                   if i.kind == \"style_change\" and i.line in level1)"),
    wrong_answers=[lambda report: _style_changes(report)[1:],
                   lambda report: sorted({i.line for i in report.outline().numbering_issues}),
                   lambda report: [h.line for h in _level1(report)]],
))


# -- q3: the marker style of a heading line -------------------------------------------
# The model answer, shown to students by ex.q3.solution(): same as the solution notebook.
def marker_style(line):
    """line 开头编号的样式；没有编号时返回 None。"""
    cn = "[一二三四五六七八九十]+"
    digits = "[0-9０-９]+"
    patterns = [
        ("cn-paren", f"（{cn}）"),
        ("arabic-paren", f"（{digits}）"),
        ("cn-shi", f"{cn}是"),
        ("cn-di", f"第{cn}[，,、]"),
        ("cn-dun", f"{cn}、"),
        ("arabic-dot", f"{digits}[.．](?![0-9０-９])"),
    ]
    for style, pattern in patterns:
        if re.match(pattern, line):
            return style
    return None


#: (arguments, expected): the specimen's heading lines and hidden cases. Every
#: expected value agrees with ``baogao.text.markers.match_marker`` (a test checks it).
MARKER_CASES = [
    (["三、立足“十四五”开局"], "cn-dun"),
    (["第五,主动作为"], "cn-di"),
    (["6.坚持不懈抓基层"], "arabic-dot"),
    (["一是以加强政治建设为统领"], "cn-shi"),
    (["一、总体要求"], "cn-dun"),
    (["十二、加强党的建设"], "cn-dun"),
    (["（一）主要目标"], "cn-paren"),
    (["（十）其他事项"], "cn-paren"),
    (["1.加强组织领导"], "arabic-dot"),
    (["３．完善制度"], "arabic-dot"),
    (["（2）提高效率"], "arabic-paren"),
    (["三是狠抓落实"], "cn-shi"),
    (["第二，坚持问题导向"], "cn-di"),
    (["1.5万名青年参加"], None),
    (["2021年，全团上下"], None),
    (["第一批20个县"], None),
    (["各位代表："], None),
    (["共青团作为党的助手和后备军"], None),
]

q3 = assignment.add(FunctionProblem(
    name="q3",
    title="写一个函数，说出标题编号的样式",
    variable="marker_style",
    cases=MARKER_CASES,
    disable=("baogao.text.markers:match_marker",),
    reference=marker_style,
    hints=["用正则表达式 re.match 逐一试每种样式；注意先试更具体的（“（一）”要在“一、”之前试）。",
           "别忘了全角数字（３．）、小数（1.5万）和“第一批”这类不是编号的写法。"],
    wrong_answers=[
        # Delegates to the function it should reimplement.
        lambda report: _delegating,
        # Forgets full-width digits and decimals.
        lambda report: _naive,
    ],
))


def _delegating(line):

    marker = match_marker(line)
    return marker.style if marker else None


def _naive(line):
    for style, pattern in [("cn-paren", "（[一二三四五六七八九十]+）"), ("arabic-paren", r"（\d+）"),
                           ("cn-shi", "[一二三四五六七八九十]+是"), ("cn-di", "第[一二三四五六七八九十]+"),
                           ("cn-dun", "[一二三四五六七八九十]+、"), ("arabic-dot", r"\d+\.")]:
        if re.match(pattern, line):
            return style
    return None


# -- q4: rewrite the damaged heading ---------------------------------------------------
def _target(report):
    """The first heading after a lost heading (line 24 in the specimen, where section 四
    lost its heading at line 20): the heading keeps its number."""
    for issue in report.outline().numbering_issues:
        if issue.kind == "gap" and issue.next_heading is not None:
            return issue.next_heading
    return None


def _q4_task(report):
    line = _target(report)
    if line is None:
        return "这份报告的标题编号没有缺号，本题无需改写。"
    return (f"第 {line} 行的标题“{report.line(line).text}”前面丢了一个标题（原标题缺失），"
            "它自己的序号并没有错，样式却与同级标题不一致。请按同级标题的样式改写这一行："
            "序号不变，编号和标点要规范，与同级标题一致；内容不变，明显的错字可以改正。")


def _q4_feedback(text, report):
    line = _target(report)
    if line is None:
        return [(True, "这份报告的标题编号没有缺号，本题无需改写")], []
    checks, notes = heading_feedback(report, line, text)
    original, marker = heading_at(report, line), match_marker(text.strip())
    if original is not None and marker is not None and "\n" not in text.strip():
        kept = marker.number == original.number
        checks.append((kept, "序号没有改：丢失的是前一部分的标题，这一节的序号不变" if kept
                       else f"序号改成了 {marker.number}：丢失的是前一部分的标题，这一节仍是第 "
                            f"{original.number} 部分，不要为缺失的标题改号"))
    return checks, notes


#: The teacher's model answer on the specimen: section 五 in the level's 一、 style (its
#: number kept: the heading lost is section 四's), full-width punctuation, and 新时期
#: written as the report's 新时代.
SPECIMEN_MODEL = "五、主动作为，积极拓展新时代共青团工作的空间和领域。"


def _q4_model(report):
    """On another report: the heading's own number in its siblings' style, full-width
    punctuation, final punctuation as most siblings have it."""
    line = _target(report)
    if line is None:
        return ""
    if report.meta.get("id") == "specimen":
        return SPECIMEN_MODEL
    heading = heading_at(report, line)
    style = sibling_style(report, line) or heading.style
    title = heading.title.translate(str.maketrans({",": "，", ";": "；", ":": "："}))
    siblings = [report.line(h.line).text.rstrip() for h in report.outline().headings
                if h.level == heading.level and h.line != line]
    final = "。" if sum(t.endswith("。") for t in siblings) * 2 > len(siblings) else ""
    return render(style, heading.number, chinese=True) + title + final


q4 = assignment.add(WritingProblem(
    name="q4",
    title="改写编号有误的标题",
    variable="q4_answer",
    task=_q4_task,
    feedback=_q4_feedback,
    model_answer=_q4_model,
    rubric=["编号与同级标题样式一致，序号不变（丢失的是前一部分的标题，不为它改号）",
            "标点规范：用全角标点，句末标点与同级标题一致",
            "保留原标题的内容，不增删实质性词语；明显的错字、过时的提法可以改正"],
    hints=["先看同级标题：多数一级标题用的是哪种编号？这一节自己的序号是第几？缺的是哪一部分的标题？",
           ("编号写成“五、”（缺的是第四部分的标题，不要改号），把半角逗号“,”换成全角“，”；"
            "再看看运行检查后的文风提示。")],
    wrong_answers=["四、主动作为，积极拓展新时代共青团工作的空间和领域。",
                   "第五，主动作为，积极拓展新时期共青团工作的空间和领域。",
                   "五、积极作为。"],
))


# -- the quiz------------------------------------------------------------



def _level1_style_changes(report) -> list:
    level1 = {h.line for h in report.outline().headings if h.level == 1}
    return [i for i in report.outline().numbering_issues if i.kind == "style_change" and i.line in level1]


def quiz_questions(report) -> list:
    """Four questions on the skeleton of a report (lesson 01)."""

    outline = report.outline()
    changes = _level1_style_changes(report)
    n = len(changes)
    options = sorted({n, n + 1, n + 2} | ({n - 1} if n else {3}))
    where = "、".join(f"第 {i.line} 行“{i.found}”" for i in changes) or "没有一处"
    q1 = Question.choice(
        "这篇报告的第一级标题中，编号样式与同级多数标题不一致的情况出现了几次？",
        [f"{k} 次" for k in options], f"{n} 次",
        f"与同级多数标题样式不一致的是：{where}。同一级标题用同一种序号是公文写作的惯例"
        "（GB/T 9704—2012 只说结构层次序数依次可以用“一、”“（一）”“1.”“（1）”）。")

    genre = outline.genre
    evidence = "；".join(outline.genre_evidence) or "没有主送机关、结束语等公文要素"
    q2 = Question.choice(
        "这篇报告属于哪一种“报告”？",
        [f"{GENRE_LABELS['document']}（有主送机关、署名、日期等公文要素）", f"{GENRE_LABELS['speech']}（在会议上宣读）"],
        list(GENRE_LABELS).index(genre),
        f"判断依据：{evidence}。")

    odd = next((h for h in outline.headings if h.style in ("cn-shi", "cn-di", "arabic-dun", "half-paren")
                or h.marker.endswith(("、", ".", "．")) and h.style in ("cn-paren", "arabic-paren")), None)
    if odd is not None:
        sentence = odd.marker + odd.title
        q3 = Question.click(
            f"下面是这篇报告第 {odd.line} 行的标题。点一下其中不规范的地方：", sentence, odd.marker,
            f"“{odd.marker}”是{STYLE_NAMES[odd.style]}的写法，不是 GB/T 9704—2012 给出的结构层次序数（一、（一）1.（1））。")
    else:
        q3 = Question.click(
            "下面这个小标题的序号写法不规范。点一下不规范的地方：", "（一）、加强组织领导", "、",
            "“（一）”后面不再加顿号：括号本身已经把序号和标题隔开。")

    q4 = Question.choice(
        "“一是……；二是……；三是……”写在一个段落中间时，它是什么？",
        ["小标题", "段内列举", "主旨句"], "段内列举",
        "它把一段话要说的几点排列出来，后面紧接具体内容；小标题独占一行，统领下面的段落。")
    return [q1, q2, q3, q4]
