"""Lesson 02 (段落的写法): the lesson's tables and widgets (``lesson02_reading``, re-exported
here for the notebook) and the assignment (solutions/02_paragraphs.ipynb):

- q1 (coding): the report's lead sentences grouped by form;
- q2 (coding, hidden cases): a function that finds a paragraph's lead sentence, with the
  kit's sentence and clause splitters and ``opens_with_lead`` disabled;
- q3 (coding): the body paragraphs without a lead sentence;
- q4 (judgement, specimen): each review paragraph without a lead — section intro, the intro
  of a section that lost its heading, or a paragraph that closes its section;
- q5 (judgement, specimen): what is wrong with the lead sentences of raw lines 7, 23, 31, 32;
- q6 (writing, specimen): raw line 17 or 22 as lead sentence + development;
- q7 (writing): a 号召 closing for the student's own report.

q1–q3 follow the report the notebook studies; q4–q6 are about the specimen (raw edition)
whatever the report, and say so.
"""

from __future__ import annotations

import re

from baogao.analysis.leads import (
    PATTERNS,
    lead_lines,
    paragraph_roles,
    unled_paragraphs,
)
from baogao.course.lesson02_judgement import (  # noqa: F401
    Q4,
    Q4_OPTIONS,
    Q5,
    Q5_ANSWER,
    Q5_LINES,
    Q5_OPTIONS,
    q4_options,
    q5_options,
)
from baogao.course.lesson02_reading import *  # the lesson notebook's `lesson.…` names
from baogao.course.lesson02_reading import is_specimen, pattern_groups
from baogao.course.lesson02_writing import (
    CLOSING_MODEL,
    CLOSING_OTHER,
    REWRITE_MODEL,
    REWRITE_OTHER,
    closing_feedback,
    closing_task,
    gwr_closing,
    rewrite_feedback,
    rewrite_task,
)
from baogao.exercises import compare
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import (
    Assignment,
    FunctionProblem,
    ValueProblem,
    WritingProblem,
)
from baogao.sources.shipped import specimen
from baogao.structure.numbering import opens_with_lead

assignment = Assignment("02_paragraphs", "第 2 课作业：主旨句、总述段和结尾")
use = assignment.use


def scope_note() -> Message:
    """Which problems follow the report in use, and which are about the specimen."""
    report = assignment.report
    if is_specimen(report):
        return Message("本作业用样本报告的原样版：第 1—3 题和第 4—6 题读的都是它。")
    return Message(f"本作业的第 1—3 题读参数格选的报告（{report.source}）；第 4—6 题只针对样本报告的原样版，"
                   "检查也按样本报告进行；第 7 题写你自己的报告。")


def _flat(groups: dict) -> list[int]:
    return sorted(n for lines in groups.values() for n in lines)


# -- q1: lead sentences grouped by form (coding) ------------------------------------------------
def _pattern_key(name) -> str:
    core = re.sub(r"[.…+＋\s]", "", compare.fold(str(name)))
    for key, chinese in PATTERNS.items():
        if core in (key, re.sub(r"[.…+＋\s]", "", chinese)):
            return key
    raise compare.AnswerFormError(f"“{name}”不是句式的名称：用 {'、'.join(PATTERNS.values())}。")


def _q1_read(value) -> dict[str, list[int]]:
    if not isinstance(value, dict) or "$" in value:
        raise compare.AnswerFormError("q1_answer 应当是一个字典：{句式: [行号, …]}，例如 {\"在……中……\": [17]}。")
    out: dict[str, list[int]] = {}
    for name, lines in value.items():
        key = _pattern_key(name)
        if key in out:
            raise compare.AnswerFormError(f"“{PATTERNS[key]}”写了两次：每种句式只写一组。")
        lines = [lines] if isinstance(lines, (int, float)) and not isinstance(lines, bool) else lines
        out[key] = sorted(compare.as_int_list(lines, what=f"“{PATTERNS[key]}”一组"))
    return {k: v for k, v in out.items() if v}


def _q1_diagnose(value, expected, report):
    got, want = _flat(value), _flat(expected)
    if len(set(got)) != len(got):
        return "有的行号放进了两组，或者写了两次：每句主旨句只属于一种句式。"
    if got and got == [n - 1 for n in want]:
        return "行号都小了一：是不是从 0 开始数了？本套教材的行号从一数起（用 line 一栏）。"
    extra, missing = set(got) - set(want), set(want) - set(got)
    if len(value) == 1 and len(expected) > 1 and not extra and not missing:
        return "只分了一组：主旨句的开头不一样，句式也不止一种（看看 PATTERNS 列出的几种）。"
    if extra:
        return "有的行不是主旨句所在的行：总述段和结尾部分的段落没有主旨句。"
    if missing:
        return "还少了几句主旨句：先把主旨句全部找出来（analyze(report).leads），再分组。"
    for key in PATTERNS:
        if set(value.get(key, [])) != set(expected.get(key, [])):
            return (f"“{PATTERNS[key]}”这一组不对：比如“提出了……”说的是做了什么，是动词开头；"
                    "“某项工作不断提高”以工作作主语。")
    return None


def _q1_moved(report):
    """A plausible slip: the verb-first leads read as results."""
    groups = {k: list(v) for k, v in pattern_groups(report).items()}
    moved = groups.pop("verb_object", [])
    groups["subject"] = sorted(groups.get("subject", []) + moved)
    return {PATTERNS[k]: v for k, v in groups.items()}


q1 = assignment.add(ValueProblem(
    name="q1", title="找出主旨句，按句式分组", variable="q1_answer",
    expected=lambda report: pattern_groups(report), read=_q1_read, diagnose=_q1_diagnose,
    hints=[("baogao.analyze(report).leads 是主旨句的表（line 一栏是行号，text 一栏是句子）；"
           "baogao.analysis.leads 里的 lead_pattern(句子) 说出一句主旨句的句式。"),
           ("对表里的每一句：lead_pattern(text) 给出句式的键，PATTERNS[键] 是它的中文名；"
           "把行号放进这个名字下的列表（dict.setdefault 很方便），行号用 int() 换成整数。")],
    solution_text=("from baogao.analysis.leads import PATTERNS, lead_pattern\n"
                   "q1_answer = {}\n"
                   "for line, text in zip(leads[\"line\"], leads[\"text\"]):\n"
                   "    q1_answer.setdefault(PATTERNS[lead_pattern(text)], []).append(int(line))"),
    right_answers=[lambda r: {k: set(v) for k, v in pattern_groups(r).items()},  # keys as the kit names them
                   lambda r: {PATTERNS[k].replace("＋", "+"): "、".join(map(str, v)) for k, v in pattern_groups(r).items()}],
    wrong_answers=[lambda r: {PATTERNS[k]: [n - 1 for n in v] for k, v in pattern_groups(r).items()},
                   lambda r: {PATTERNS["verb_object"]: _flat(pattern_groups(r))},
                   _q1_moved,
                   lambda r: {**{PATTERNS[k]: v for k, v in pattern_groups(r).items()},
                              PATTERNS["subject"]: pattern_groups(r).get("subject", []) + [
                                  min(p.line for p in unled_paragraphs(r))]}],
))


# -- q2: a function that finds the lead sentence (coding, hidden cases) ------------------------
# The model answer, shown by ex.q2.solution(): the same as the solution notebook's.
def lead_of(paragraph):
    """段落 paragraph 以主旨句开头时，返回这句主旨句（连同句末标点）；否则返回 None。"""
    text = paragraph.strip()
    sentences = re.findall(r"[^。！？!?]+[。！？!?]+[”’」』）)》]*|[^。！？!?]+$", text)
    if len(sentences) < 2:
        return None
    first = sentences[0]
    size = len(re.sub(r"\s", "", first))
    if re.search(r"[，,；;：:]", first) or size > 30 or size > len(re.sub(r"\s", "", text)) / 2:
        return None
    return first


def _lead_of_by_scanning(paragraph):
    """Another valid implementation: scan the characters once."""
    text, ends, closers = paragraph.strip(), "。！？!?", "”’」』）)》"
    i = 0
    while i < len(text) and text[i] not in ends:
        if text[i] in "，,；;：:":
            return None
        i += 1
    while i < len(text) and text[i] in ends + closers:
        i += 1
    first, rest = text[:i], text[i:]
    if not first or not rest.strip() or first[-1] not in ends + closers:
        return None
    size = sum(not c.isspace() for c in first)
    return first if size <= 30 and size * 2 <= sum(not c.isspace() for c in text) else None


def _raw(line: int) -> str:
    return specimen().line(line).text


#: (arguments, expected): specimen paragraphs (raw edition) and made-up ones. Every expected
#: value agrees with the kit's ``opens_with_lead`` and ``sentence_spans`` (a test checks it).
LEAD_CASES = [
    ([_raw(12)], "努力提高覆盖率。"),
    ([_raw(6)], None),
    ([_raw(19)], "在经济社会发展过程中积极作为。"),
    ([_raw(14)], None),
    ([_raw(32)], "学生会的工作将进一步聚焦于服务学生主业。"),
    ([_raw(46)], None),
    (["推动均衡发展。"], None),
    (["加强骨干培训。举办骨干培训班6期，培训项目负责人420名。"], "加强骨干培训。"),
    (["提高质量。很好。"], None),
    (["怎样提高覆盖率？我们抓了三件事：一是组织学习，二是线上课程，三是实践活动。"], "怎样提高覆盖率？"),
    (["切实增强针对性；推出系列课程。后面还有一句话，把做法写具体。"], None),
    ([""], None),
    (["  努力提高覆盖率。以组织学习为基本途径，依托基层团支部开展学习。  "], "努力提高覆盖率。"),
    (["一年来,全团扎实开展学习教育。覆盖了全国各级团组织的全体团员和广大青少年，取得了很好的效果。"], None),
    (["提出“党旗所指就是团旗所向。”各级团组织认真学习，深入领会，落实到各项工作中。"], "提出“党旗所指就是团旗所向。”"),
    (["青年大有可为！各级团组织为青年成长创造条件，搭建平台，提供服务。"], "青年大有可为！"),
    ([("进一步扩大县域共青团基层组织综合改革试点的覆盖范围并取得明显的阶段性实际成效。"
      "试点从去年5月开始在全国621个县扩大，省市团委加强协调、指导和培训交流，试点进展符合预期。")], None),
    (["主要做法:一是学习。二是实践，把学习成果转化为工作成效，推动各项工作。"], None),
]


def _no_ascii_marks(paragraph):
    """Forgets that the specimen's commas are ASCII."""
    text = paragraph.strip()
    parts = re.findall(r"[^。！？!?]+[。！？!?]+[”’」』）)》]*|[^。！？!?]+$", text)
    if len(parts) < 2 or re.search("[，；：]", parts[0]):
        return None
    return parts[0] if len(parts[0]) <= 30 and len(parts[0]) <= len(text) / 2 else None


def _one_sentence_ok(paragraph):
    """Forgets that a lead sentence is followed by more."""
    text = paragraph.strip()
    first = re.match(r"[^。！？!?]*[。！？!?]+[”’」』）)》]*", text)
    if not first or re.search(r"[，,；;：:]", first.group(0)) or len(first.group(0)) > 30:
        return None
    return first.group(0)


def _no_closers(paragraph):
    """Leaves a closing quotation mark out of the sentence."""
    text = paragraph.strip()
    parts = re.findall(r"[^。！？!?]+[。！？!?]+|[^。！？!?]+$", text)
    if len(parts) < 2 or re.search(r"[，,；;：:]", parts[0]):
        return None
    return parts[0] if len(parts[0]) <= 30 and len(parts[0]) <= len(text) / 2 else None


q2 = assignment.add(FunctionProblem(
    name="q2", title="写一个函数，找出一段话的主旨句", variable="lead_of", cases=LEAD_CASES,
    disable=("baogao.structure.numbering:opens_with_lead", "baogao.text.sentences:sentence_spans",
             "baogao.text.sentences:clause_spans"),
    reference=lead_of,
    hints=[("先把段落切成句子：一句话到“。！？”（和半角的 ! ?）为止。第一句要同时满足四条：后面还有句子；"
           "中间没有逗号、分号、冒号；不超过 30 个字；不超过全段字数的一半。"),
           ("样本报告的逗号、分号全是半角的（, ;），全角、半角都要认；句末标点后面紧跟的后引号（”）"
           "和后括号属于这一句；字数不算空格。"),
           "切句子可以用 re.findall(r\"[^。！？!?]+[。！？!?]+[”’」』）)》]*|[^。！？!?]+$\", text)。"],
    right_answers=[lambda r: _lead_of_by_scanning],
    wrong_answers=[lambda r: (lambda paragraph: paragraph.strip()[:paragraph.strip().find("。") + 1]
                              if opens_with_lead(paragraph.strip()) else None),  # delegates to the kit
                   lambda r: _no_ascii_marks, lambda r: _one_sentence_ok, lambda r: _no_closers],
))


# -- q3: body paragraphs without a lead sentence (coding) ------------------------------------------
def _q3_expected(report) -> list[int]:
    return [p.line for p in unled_paragraphs(report)]


def _q3_diagnose(value, expected, report):
    if len(set(value)) != len(value):
        return "有的行号重复了。"
    if value and sorted(value) == [n - 1 for n in expected]:
        return "行号都小了一：是不是从 0 开始数了？本套教材的行号从一数起（用 p.line）。"
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    line_kind = {p.line: kinds.get(p.index) for p in report.paragraphs}
    extra, missing = set(value) - set(expected), set(expected) - set(value)
    if any(line_kind.get(n) == "heading" for n in extra):
        return "标题不是正文段落：只看 outline().elements 里 kind 为 \"paragraph\" 的段落。"
    if any(line_kind.get(n) not in ("paragraph", None) for n in extra):
        return "网站加的文字、标题行这类不是正文段落：只看 kind 为 \"paragraph\" 的段落。"
    if extra & lead_lines(report):
        return "你列的段落里有以主旨句开头的：题目问的是没有主旨句的段落。"
    if extra:
        return "有的行号不是正文段落的行。"
    roles = {p.line: role for p, role, _ in paragraph_roles(report)}
    if missing and {roles.get(n) for n in missing} <= {"opening", "closing"}:
        return "还少了开头和结尾部分的段落：它们也没有主旨句。"
    return "还少了几段：每一段正文都要看。" if missing else None


q3 = assignment.add(ValueProblem(
    name="q3", title="哪些正文段落没有主旨句", variable="q3_answer", expected=_q3_expected,
    read=lambda value: compare.as_int_list(value, what="q3_answer"), same=compare.same_items,
    diagnose=_q3_diagnose,
    hints=[("正文段落是 report.outline().elements 里 kind 为 \"paragraph\" 的段落（标题、网站的文字都不算）；"
           "有主旨句的段落，行号在 analyze(report).leads 的 line 一栏里。"),
           "先取主旨句的行号集合 leads = set(analyze(report).leads[\"line\"])，再逐段看：正文段落里 p.line 不在其中的，就是答案。"],
    solution_text=("kinds = {e.paragraph: e.kind for e in report.outline().elements}\n"
                   "lead_set = set(leads[\"line\"])\n"
                   "q3_answer = [p.line for p in report.paragraphs\n"
                   "             if kinds.get(p.index) == \"paragraph\" and p.line not in lead_set]"),
    right_answers=[lambda r: set(_q3_expected(r)), lambda r: "、".join(map(str, reversed(_q3_expected(r))))],
    wrong_answers=[lambda r: [n - 1 for n in _q3_expected(r)],
                   lambda r: [p.line for p in r.paragraphs if p.line not in lead_lines(r)],
                   lambda r: [p.line for p, role, _ in paragraph_roles(r) if role not in ("lead", "opening", "closing")],
                   lambda r: sorted(lead_lines(r))],
))

# -- q4, q5: judgement on the specimen (lesson02_judgement) ---------------------------------------
q4 = assignment.add(Q4)
q5 = assignment.add(Q5)

# -- q6, q7: writing ----------------------------------------------------------------------------
q6 = assignment.add(WritingProblem(
    name="q6", title="把第 17 行或第 22 行改写成“主旨句＋展开”", variable="q6_answer",
    task=rewrite_task, feedback=rewrite_feedback, model_answer=REWRITE_MODEL,
    rubric=["主旨句简短、只有一个分句，点明全段的要点，不照搬原文不通的措辞",
            "展开有层次：做法 → 数据 → 成效 → 事例，每句都为主旨句服务",
            "写已经做过的事：没有“要”“将”；数据一个不少，单位准确（突击队论支，队员论人次）",
            "不添加原文没有的事实；全角标点，用词规范"],
    hints=["先定主旨句：这一段最想让人记住的是什么？用不超过 30 个字、没有逗号的一句话说出来。",
           ("第 17 行：把第二句的“要主动备战”改成已经做过的事；“出动青年突击队25.3万人次”里，突击队论支，"
            "人次说的是队员。第 22 行：主旨句可以说清“推动”的结果；并列的引号之间不用顿号。")],
    right_answers=[REWRITE_OTHER],
    wrong_answers=[lambda r: specimen().line(17).text,
                   lambda r: specimen().line(22).text.replace(",", "，").replace(";", "；"),
                   REWRITE_MODEL.replace("各级共青团组织适应", "各级共青团组织要适应"),
                   REWRITE_MODEL.replace("在急难险重任务中发挥突击队作用。", "在急难险重任务中，共青团发挥了突击队作用。"),
                   REWRITE_MODEL.replace("共出动青年突击队队员25.3万人次，", "")],
))

q7 = assignment.add(WritingProblem(
    name="q7", title="为自己的报告写一段号召式的结尾", variable="q7_answer",
    task=closing_task, feedback=closing_feedback, model_answer=CLOSING_MODEL,
    rubric=["号召的对象、领导、做法和目标都说到了，顺序自然",
            "是自己报告的结尾：不续写、不复原样本第 46 行，也不照抄别的报告",
            "规范提法一字不差（如“以习近平同志为核心的党中央”），不堆砌口号",
            "一段，长短合适，全角标点，以叹号或句号收尾"],
    hints=["号召式的结尾回答四个问题：号召谁？在谁的领导下团结起来？怎样做？为什么目标奋斗？",
           "常见的骨架是“让我们……团结在……周围，……，为……而奋斗！”；目标写你自己单位的，不写样本的。"],
    right_answers=[CLOSING_OTHER],
    wrong_answers=[lambda r: specimen().line(46).text,
                   "特此报告。",
                   lambda r: gwr_closing()],
))
