"""Lesson 01's assignment (solutions/01_structure.ipynb): six problems of three kinds.

- q1 (coding): how many level-1 headings the copy has;
- q2 (coding): how many body paragraphs each top-level section of the outline has;
- q3 (coding, hidden cases, ``match_marker`` disabled): a function naming a marker's style;
- q4 (judgement): how to unify the specimen's level-1 headings and what to do with section 四;
- q5 (writing): the level-1 headings unified, the lost one noted as 原标题缺失;
- q6 (writing): a three-level outline of a short 公文式 report.

Expected answers are computed from the report in use (``use(report)``), except q4,
which is about the specimen whatever report the notebook studies.
"""

from __future__ import annotations

import re

from baogao.course import lesson01_writing as writing
from baogao.exercises import compare
from baogao.exercises.choice import ChoiceProblem
from baogao.exercises.problems import (
    Assignment,
    FunctionProblem,
    ValueProblem,
    WritingProblem,
)
from baogao.text.markers import int_to_cn, match_marker

assignment = Assignment("01_structure", "第 1 课作业：数标题、数段落、认编号、统一标题、写提纲")
use = assignment.use


# -- q1: how many level-1 headings --------------------------------------------------------
def _level1(report):
    return [h for h in report.outline().headings if h.level == 1]


def _lost(report) -> int:
    return sum(1 for i in report.outline().numbering_issues if i.kind == "gap" and i.next_heading is not None)


def _q1_diagnose(value, expected, report):
    outline = report.outline()
    if _lost(report) and value == expected + _lost(report):
        return ("你把丢了标题的部分也算上了：那个标题在副本里并没有这一行。本题数的是副本上实有的一级标题，"
                "不是原报告应有的部分数。")
    if value == len([s for s in outline.sections() if s.level == 1]):
        return "〈开头〉〈自身建设〉这类没有标题的节不是标题，不要算进去：只数带编号、独占一行的一级标题。"
    if value == len(outline.parts):
        return "你数的像是功能部分（开头、工作回顾……）：功能部分按作用划分，不是标题。"
    if value == sum(1 for h in _level1(report) if h.style == "cn-dun"):
        others = "”“".join(dict.fromkeys(h.marker for h in _level1(report) if h.style != "cn-dun"))
        return f"你好像只数了“一、”式的标题：编号写法不同的标题（如“{others}”），也可能在同一级。"
    if value == len(outline.headings):
        return "只数第 1 级的标题。"
    if value < expected:
        return "少数了：编号写法各不相同的一级标题都要算上。"
    return None


q1 = assignment.add(ValueProblem(
    name="q1", title="一级标题有几个", variable="q1_answer",
    expected=lambda report: len(_level1(report)),
    read=lambda value: compare.as_int(value, what="q1_answer"),
    diagnose=_q1_diagnose,
    hints=["report.outline().headings 列出提纲认出的全部标题，每个标题都有 level（层级）。",
           "只数 level 等于 1 的；丢了的标题不在 headings 里，也不该算。",
           "数法：sum(1 for h in report.outline().headings if h.level == 1)。"],
    solution_text="q1_answer = sum(1 for h in report.outline().headings if h.level == 1)",
    right_answers=[lambda report: int_to_cn(len(_level1(report))), lambda report: f"{len(_level1(report))} 个"],
    wrong_answers=[lambda report: len(_level1(report)) + _lost(report) if _lost(report) else len(_level1(report)) + 1,
                   lambda report: sum(1 for h in _level1(report) if h.style == "cn-dun"),
                   lambda report: len([s for s in report.outline().sections() if s.level == 1]),
                   lambda report: len(report.outline().parts)],
))


# -- q2: body paragraphs per top-level section -------------------------------------------------
def _top(report):
    return [s for s in report.outline().sections() if s.level == 1]


def _own_line(section) -> int:
    """1 when the section's heading stands on a line of its own (that paragraph is not body)."""
    return 1 if section.heading is not None and not section.heading.run_in else 0


def section_sizes(report) -> dict[int, int]:
    """First line of each top-level section → its paragraphs, a standalone heading's own excluded."""
    return {s.line: len(s.all_paragraphs()) - _own_line(s) for s in _top(report)}


def _q2_read(value) -> dict[int, int]:
    if isinstance(value, list) and all(isinstance(v, list) and len(v) == 2 for v in value):
        value = {str(k): v for k, v in value}
    if not isinstance(value, dict) or value.get("$"):
        raise compare.AnswerFormError("q2_answer 应当是一个字典：{起始行号: 段数, …}（也可以是 [起始行号, 段数] 的列表）。")
    try:
        return {compare.as_int(k): compare.as_int(re.sub("段$", "", v) if isinstance(v, str) else v)
                for k, v in value.items()}
    except compare.AnswerFormError:
        raise compare.AnswerFormError("q2_answer 的键是各节的起始行号，值是段数，都写整数。") from None


def _q2_diagnose(value, expected, report):
    if {k + 1: v for k, v in value.items()} == expected:
        return "起始行号都小了一：行号从 1 数起，用 section.line，不要用列表的下标。"
    frame = {s.line: len(s.all_paragraphs()) for s in _top(report)}
    if value == frame:
        return "有标题的节把独占一行的标题也算成了一段：本题只数标题下面的段落（to_frame() 的 paragraphs 一栏包括标题那一段）。"
    headed = {s.line for s in _top(report) if s.kind == "heading"}
    if set(value) == headed:
        return "还少了没有标题的节：〈开头〉和最后几个独立的节也是提纲最上面一层的节。"
    lost = {i.line for i in report.outline().numbering_issues if i.kind == "gap" and i.next_heading is not None}
    if lost & set(value) and not lost & set(expected):
        return ("提纲里没有从丢了标题的那一行开始的节：副本里没有那个标题，提纲把那几段算在前一节里。"
                "本题按提纲数，缺失的标题留到第 5 题处理。")
    extra = sorted(set(value) - set(expected))
    if extra:
        return f"第 {extra[0]} 行不是提纲最上面一层某一节的起始行：用 report.outline().sections() 看各节从哪一行开始。"
    if set(expected) - set(value):
        return f"还少了 {len(set(expected) - set(value))} 节：提纲最上面一层的每一节都要写上。"
    bad = [k for k in expected if value[k] != expected[k]]
    return f"起始行都对了，有 {len(bad)} 节的段数不对，例如从第 {bad[0]} 行开始的那一节。" if bad else None


q2 = assignment.add(ValueProblem(
    name="q2", title="提纲最上面一层的每一节各有几段", variable="q2_answer",
    expected=section_sizes, read=_q2_read, diagnose=_q2_diagnose,
    hints=[("report.outline().sections() 列出提纲的各节；level 为 1 的是最上面一层。每一节有 line（起始行）、"
           "kind（\"heading\" 有标题，\"part\" 没有标题）和 all_paragraphs()（这一节的全部段落）。"),
           "段数是 len(s.all_paragraphs())；有标题的节，独占一行的标题那一段要减去。",
           "写成字典推导式：{s.line: …段数… for s in report.outline().sections() if s.level == 1}。"],
    solution_text=("q2_answer = {s.line: len(s.all_paragraphs()) - (s.kind == \"heading\")\n"
                   "             for s in report.outline().sections() if s.level == 1}"),
    right_answers=[lambda report: [[k, v] for k, v in section_sizes(report).items()],
                   lambda report: {str(k): str(v) for k, v in section_sizes(report).items()}],
    wrong_answers=[lambda report: {k - 1: v for k, v in section_sizes(report).items()},
                   lambda report: {s.line: len(s.all_paragraphs()) for s in _top(report)},
                   lambda report: {k: v for k, v in section_sizes(report).items()
                                   if k in {s.line for s in _top(report) if s.kind == "heading"}},
                   lambda report: _split_at_lost(report)],
))


def _split_at_lost(report) -> dict[int, int]:
    """The wrong answer of a reader who counts the lost section as a section of the outline."""
    sizes = dict(section_sizes(report))
    for issue in report.outline().numbering_issues:
        if issue.kind == "gap" and issue.next_heading is not None:
            before = max(k for k in sizes if k < issue.line)
            moved = sum(1 for p in report.paragraphs if issue.line <= p.line < issue.next_heading)
            sizes[before] -= moved
            sizes[issue.line] = moved
    return dict(sorted(sizes.items())) if sizes != section_sizes(report) else {**sizes, 0: 0}


# -- q3: the marker style of a heading line --------------------------------------------------
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
    (["一年来，共青团坚持"], None),
    (["各位代表："], None),
    (["共青团作为党的助手和后备军"], None),
]


def _marker_style_by_hand(line):
    """Another valid implementation: read the characters one by one, no regular expressions."""
    cn, digits = "一二三四五六七八九十", "0123456789０１２３４５６７８９"
    paren = line.startswith("（")
    rest = line[1:] if paren else line
    first = line[0] if line else ""
    for chars, kind in ((cn, "cn"), (digits, "arabic")):
        k = 0
        while k < len(rest) and rest[k] in chars:
            k += 1
        if not k:
            continue
        after = rest[k:k + 1]
        if paren:
            return f"{kind}-paren" if after == "）" else None
        if kind == "cn":
            return {"、": "cn-dun", "是": "cn-shi"}.get(after)
        nxt = rest[k + 1:k + 2]
        return "arabic-dot" if after in ".．" and not (nxt and nxt in digits) else None
    if first == "第" and len(line) > 2:
        k = 1
        while k < len(line) and line[k] in cn:
            k += 1
        return "cn-di" if k > 1 and line[k:k + 1] in ("，", ",", "、") else None
    return None


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


def _dun_first(line):
    """Tries 一、 before （一） and 一是: misses nothing of those, but reads 一年来 as a marker."""
    for style, pattern in [("cn-dun", "[一二三四五六七八九十]+、"), ("cn-paren", "（[一二三四五六七八九十]+）"),
                           ("arabic-paren", "（[0-9０-９]+）"), ("cn-shi", "[一二三四五六七八九十]+"),
                           ("cn-di", "第[一二三四五六七八九十]+[，,、]"), ("arabic-dot", "[0-9０-９]+[.．](?![0-9])")]:
        if re.match(pattern, line):
            return style
    return None


q3 = assignment.add(FunctionProblem(
    name="q3", title="写一个函数，说出标题编号的样式", variable="marker_style",
    cases=MARKER_CASES, disable=("baogao.text.markers:match_marker",), reference=marker_style,
    hints=["用正则表达式 re.match 逐一试每种样式；先试更具体的（“（一）”要在“一、”之前试）。",
           "别忘了全角数字（３．）、小数（1.5万）、“第一批”“一年来”这类不是编号的写法。",
           "“1.”后面紧跟数字就是小数：用 (?![0-9０-９]) 排除；“第一”后面要有“，”“,”或“、”才是编号。"],
    right_answers=[lambda report: _marker_style_by_hand],
    wrong_answers=[lambda report: _delegating, lambda report: _naive, lambda report: _dun_first],
))


# -- q4: unify the specimen's level-1 headings (judgement) -------------------------------------
Q4_OPTIONS = {
    "A": ("把第 24 行的“第五,”改为“四、”，后面各部分依次改为“五、”“六、”“七、”，让序号连续。",
          ("第 24 行讲的是第五部分，丢的是从第 20 行开始的第四部分的标题：改号会让第五部分顶替第四部分，"
          "后面各部分的序号也都跟着错了。")),
    "B": (("在第 20 行前补一行“四、（原标题缺失）”，把第 5、10、24、28 行的编号改为“一、”“二、”“五、”“六、”，"
          "其余各行的编号不动。"), ""),
    "C": ("在第 20 行前补一个标题，例如“四、推动青年发展规划深入实施”，让八个部分都有标题。",
          "原标题无从得知：补上的是我们的话，不是原文。整理副本时只能注明“原标题缺失”。"),
    "D": ("第 5、10 行的“一是”“二是”不改：“一是”“二是”本来就是常用的序数。",
          ("它们独占一行、统领下面几段，是第一级标题；“一是”“二是”是段内列举的写法，用在标题上，"
          "与同级的“三、”“七、”“八、”不一致。")),
    "E": ("把第 20—23 行并入第三部分，第三部分之后直接接第五部分，什么也不补。",
          ("第 20—23 行讲青年发展规划的实施，与第三部分（“十四五”开局、建功立业）不是一回事；"
          "第 20 行像一个新部分的总述段（同级各部分都以总述段开头），“三、”之后是“第五,”也说明缺了第四部分。")),
}

q4 = assignment.add(ChoiceProblem(
    name="q4", title="怎样统一样本报告的一级标题", variable="q4_answer",
    question=("样本报告（原样版）的一级标题编号写法不统一，第四部分的标题也丢了。"
              "整理这份副本时，下面哪一种做法对？"),
    options=Q4_OPTIONS, answer="B",
    hints=["先想清楚第 24 行讲的是第几部分：它的序号“五”错了吗？",
           "原标题不知道的地方，整理者能写什么？编号样式统一成哪一种，依据是什么？"],
    right_answers=["b", "（B）", Q4_OPTIONS["B"][0]],
))


# -- q5: the level-1 headings unified (writing) --------------------------------------------------
def _without_final(report) -> str:
    return "\n".join(line.rstrip("。") for line in writing.q5_model(report).split("\n"))


def _renumbered(report) -> str:
    """Section 五 made 四 to close the gap: the lost heading's line left out."""
    lines = [line for line, s in zip(writing.q5_model(report).split("\n"), writing.level1_sections(report))
             if s["heading"]]
    return "\n".join(f"{int_to_cn(k)}、" + line.split("、", 1)[1] for k, line in enumerate(lines, 1))


def _invented(report) -> str:
    lines = writing.q5_model(report).split("\n")
    return "\n".join(line.replace("（原标题缺失）", "推动青年发展规划深入实施。") for line in lines)


def _original_markers(report) -> str:
    sections = writing.level1_sections(report)
    return "\n".join(report.line(s["line"]).text.strip() if s["heading"] else s["label"] for s in sections)


q5 = assignment.add(WritingProblem(
    name="q5", title="统一一级标题的编号", variable="q5_answer",
    task=writing.q5_task, feedback=writing.q5_feedback, model_answer=writing.q5_model,
    rubric=["每个一级部分一行，编号统一为同级用得最多的样式，原有的序号不改（样本报告：丢的是第四部分的标题，第 24 行仍是“五、”）",
            "丢了标题的部分只注明“原标题缺失”，不替作者拟标题",
            "标题的文字照录，受损的措辞不在本题改（样本报告：第 10 行的“作为总体规划”；存疑的“新时期”也照录）",
            "标点用全角，各行末尾一致"],
    hints=["先把七个一级标题按顺序抄下来，再想：第四部分的标题丢在哪里？第 24 行讲的是第几部分？",
           ("编号统一成同级用得最多的“一、”式，序号照各部分原来的位置；丢了标题的那一行写“四、（原标题缺失）”；"
           "半角逗号“,”换成全角“，”。")],
    right_answers=[_without_final],
    wrong_answers=[_renumbered, _invented, lambda report: writing.q5_model(report).replace("，", ","),
                   _original_markers],
))


# -- q6: a three-level outline of a 公文式 report (writing) -----------------------------------------
Q6_OTHER = """共青团某县第一中学高二年级三班支部关于2025年工作情况的报告

校团委：

2025年，高二年级三班团支部在校团委指导下，围绕理论学习、志愿服务和支部建设开展工作。现将有关情况报告如下。

一、主要工作及成效

（一）理论学习扎实开展

1.组织“青年大学习”线上学习

2.开展主题团日活动

（二）志愿服务持续推进

1.参加社区志愿服务

2.开展校园环保行动

二、存在的问题

（一）部分团员参与积极性不高

（二）活动形式比较单一

三、下一步工作打算

（一）健全团员激励机制

（二）丰富活动形式

特此报告。

共青团某县第一中学高二年级三班支部
2026年1月5日"""

q6 = assignment.add(WritingProblem(
    name="q6", title="为一份公文式报告写三级提纲", variable="q6_answer",
    task=writing.Q6_TASK, feedback=writing.q6_feedback, model_answer=writing.Q6_MODEL,
    rubric=["要素齐全：标题（发文机关＋关于……＋的报告）、主送机关（上级团组织）、开头、正文各部分、结束语、署名、成文日期",
            "三个层次依次用“一、”“（一）”“1.”，同级标题句式平行，用词简练",
            "结构完整：主要工作及成效、存在的问题、下一步工作打算，各部分标题写出实际内容",
            "是报告就不夹带请示事项；结束语用“特此报告。”"],
    hints=["先定框架：标题、主送机关、开头一句、三个一级标题（主要工作及成效、存在的问题、下一步工作打算）、特此报告、署名、日期。",
           "在第一个一级标题下写两个“（一）”“（二）”，每个下面再写两个“1.”“2.”；写完运行 ex.outline_of(q6_answer)，看提纲认出的层次。"],
    right_answers=[Q6_OTHER],
    wrong_answers=[
        ("关于2025年工作情况的请示报告\n\n校团委：\n\n现将有关情况报告如下。\n\n一是加强思想引领\n\n二是服务青年成长\n\n"
         "妥否，请批示。\n\n某团支部\n2026年1月5日"),
        ("共青团某学院委员会关于2025年工作情况的报告\n\n校团委：\n\n现将有关情况报告如下。\n\n一、主要工作\n\n1、加强思想引领\n\n"
         "1、服务青年成长\n\n二、存在的问题\n\n三、下一步工作打算\n\n特此报告。\n\n共青团某学院委员会\n2026年1月5日"),
        "一、主要工作\n（一）思想引领\n1.团日活动\n2.理论学习\n二、下一步打算",
    ],
))
