"""Lesson 02's judgement exercises, about the specimen (raw edition) whatever the report:

- ``Q4``: each paragraph of raw lines 5–42 without a lead sentence — section intro (A), the
  intro of a section whose heading was lost (B), or a paragraph that closes its section (C);
- ``Q5``: what is wrong with the lead sentences of raw lines 7, 23, 31 and 32.

An answer is a dict line → option letter (or the option's text). ``lesson02_paragraphs``
adds both to the assignment.
"""

from __future__ import annotations

import re

from baogao.analysis.leads import paragraph_roles
from baogao.exercises import compare
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import ValueProblem
from baogao.sources.shipped import specimen

#: The review's eight sections, raw lines (first heading to the last paragraph before 自身建设).
REVIEW = (5, 42)


def _read_mapping(value, options: dict, variable: str) -> dict[int, str]:
    if not isinstance(value, dict) or "$" in value:
        raise compare.AnswerFormError(f"{variable} 应当是一个字典：{{行号: 选项字母}}，例如 {{6: \"A\"}}。")
    out: dict[int, str] = {}
    for line, choice in value.items():
        number = compare.as_int(line, what=f"{variable} 的行号")
        if not isinstance(choice, str):
            raise compare.AnswerFormError(f"{variable} 里每一行的答案应当是一个选项字母，例如 \"A\"。")
        text = compare.squeeze(choice)
        letter = next((k for k, (option, _) in options.items() if text == compare.squeeze(option)), None)
        letter = letter or re.sub(r"^(选项?)|[()（）.。、:：\"'“”]", "", text).upper()
        if letter not in options:
            raise compare.AnswerFormError(f"第 {number} 行的答案“{choice}”不是选项：只写 {'、'.join(options)} 中的一个字母。")
        out[number] = letter
    return out


# -- Q4: intro, lost heading, or neither ------------------------------------------------------
Q4_OPTIONS = {
    "A": ("总述段：紧跟在本部分的标题后面，总起这一部分", ""),
    "B": ("总述段，但它前面的标题丢了：这一段开始了新的一部分", ""),
    "C": ("不是总述段：它在一部分的中间或末尾，收束前面几段、总结成效", ""),
}
_ROLE_LETTER = {"intro": "A", "intro_lost": "B", "other": "C"}


def q4_expected(report=None) -> dict[int, str]:
    """Specimen: every body paragraph of ``REVIEW`` without a lead, and its letter."""
    first, last = REVIEW
    return {p.line: _ROLE_LETTER[role] for p, role, _ in paragraph_roles(specimen())
            if first <= p.line <= last and role in _ROLE_LETTER}


def q4_options() -> Message:
    lines = "、".join(str(n) for n in q4_expected())
    return Message("\n".join([(f"样本报告（原样版）第 {REVIEW[0]}—{REVIEW[1]} 行里没有主旨句的段落（第 {lines} 行），"
                              "每一段是什么？写成 q4_answer = {行号: 字母, …}：")]
                             + [f"  {k}. {text}" for k, (text, _) in Q4_OPTIONS.items()]))


def _q4_diagnose(value, expected, report):
    if set(value) == {n - 1 for n in expected}:
        return "行号都小了一：是不是从 0 开始数了？本套教材的行号从一数起。"
    extra = sorted(set(value) - set(expected))
    if extra:
        return f"第 {extra[0]} 行不在这道题里：它以主旨句开头，或者不在第 {REVIEW[0]}—{REVIEW[1]} 行之间。"
    if set(expected) - set(value):
        return "还少了几段：ex.q4_options() 列出的每一段都要判断。"
    raw = specimen()
    for line, want in expected.items():
        got = value[line]
        if got == want:
            continue
        if want == "B":
            return ("有一段你没有判为“前面的标题丢了”：看看它的上一行是不是标题，"
                    "再看第 15 行“三、”和第 24 行“第五,”之间缺了哪一部分。")
        if want == "A" and got == "B":
            return "有一段你判为“前面的标题丢了”，可它的上一行就是本部分的标题。"
        if want == "A" and raw.line(line).text[-1] not in "。！？”":
            return "断掉的段落也可能是总述段：看它在部分里的位置（它的上一行是什么），不看它有多长。"
        if want == "A":
            return "有一段你判为收束的段落，可它紧跟在标题后面，是这一部分的第一段。"
        return ("有一段不在部分的开头：它的上一行是同一部分的正文段落。读读它的第一句“实践证明……”："
                "它在总结前面几段的成效。")
    return None


Q4 = ValueProblem(
    name="q4", title="没有主旨句的段落：总述段，还是丢了标题", variable="q4_answer",
    expected=q4_expected, read=lambda value: _read_mapping(value, Q4_OPTIONS, "q4_answer"),
    diagnose=_q4_diagnose,
    hints=["逐段看它的上一行：是标题，还是正文段落？上一行是正文的，再看它是不是开始了新的话题。",
           "第 15 行是“三、”，第 24 行是“第五,”：中间缺了第四部分的标题。第四部分从哪一段开始？"],
    solution_text=lambda report: f"q4_answer = {q4_expected()}",
    right_answers=[lambda r: {str(k): v.lower() for k, v in q4_expected().items()},
                   lambda r: {k: Q4_OPTIONS[v][0] for k, v in q4_expected().items()}],
    wrong_answers=[lambda r: {k: "A" for k in q4_expected()},
                   lambda r: {**q4_expected(), **{k: "A" for k, v in q4_expected().items() if v == "B"}},
                   lambda r: {**q4_expected(), **{k: "A" for k, v in q4_expected().items() if v == "C"}},
                   lambda r: {**q4_expected(), **{k: "C" for k in q4_expected() if specimen().line(k).text[-1] != "。"}},
                   lambda r: {k - 1: v for k, v in q4_expected().items()}],
)


# -- Q5: what is wrong with four lead sentences -------------------------------------------------
Q5_LINES = (7, 23, 31, 32)
Q5_OPTIONS = {
    "A": ("主语写错了组织：这一段讲的是另一个组织的工作", ""),
    "B": ("回顾做过的工作，却用了说将来的词", ""),
    "C": ("人名写错了", ""),
    "D": ("句子太长：超过了 30 个字", "这四句都不超过 30 个字，也都只有一个分句"),
    "E": ("动词和宾语搭配不当，像是外文的直译", ""),
    "F": ("用了半角标点", "这四句主旨句里都没有半角标点"),
}
Q5_ANSWER = {7: "C", 23: "E", 31: "A", 32: "B"}
#: (line, wrong letter) → why not, for the options that fit some lines only.
Q5_WHY = {
    (7, "A"): "这一段讲的是共青团自己的学习，组织没有写错", (7, "B"): "这一句说的是做过的事，没有说将来的词",
    (7, "E"): "“学习领会……思想”搭配没有问题：逐字读一读这一思想的名称",
    (23, "A"): "这一段讲的就是共青团的工作（代表建议、提案）", (23, "B"): "这一句没有说将来的词",
    (23, "C"): "这一句里没有人名",
    (31, "B"): "这一句没有说将来的词", (31, "C"): "这一句里没有人名",
    (31, "E"): "“政治功能日益突出”搭配没有问题：读一读这一段后面几句讲的是哪个组织",
    (32, "A"): "学生会正是这一段讲的组织", (32, "C"): "这一句里没有人名",
    (32, "E"): "“聚焦于服务学生主业”搭配没有问题：比一比同一部分另三句主旨句的时间",
}


def q5_options() -> Message:
    raw = specimen()
    shown = [f"  第 {n} 行：{raw.line(n).text[:raw.line(n).text.index('。') + 1]}" for n in Q5_LINES]
    return Message("\n".join(["样本报告（原样版）这四句主旨句各错在哪里？写成 q5_answer = {行号: 字母, …}："] + shown
                             + ["选项："] + [f"  {k}. {text}" for k, (text, _) in Q5_OPTIONS.items()]))


def _q5_diagnose(value, expected, report):
    if set(value) == {n - 1 for n in expected}:
        return "行号都小了一：是不是从 0 开始数了？本套教材的行号从一数起。"
    if set(value) != set(expected):
        return "只判断第 7、23、31、32 行这四句，每句选一个字母。"
    for line in Q5_LINES:
        got = value[line]
        if got != expected[line]:
            why = Q5_OPTIONS[got][1] or Q5_WHY.get((line, got), "")
            return f"第 {line} 行选 {got} 不对：{why}。"
    return None


Q5 = ValueProblem(
    name="q5", title="四句受损的主旨句各错在哪里", variable="q5_answer",
    expected=lambda report: dict(Q5_ANSWER), read=lambda value: _read_mapping(value, Q5_OPTIONS, "q5_answer"),
    diagnose=_q5_diagnose,
    hints=["一句一句读，逐字看：人名、组织、动词和宾语的搭配、说的是过去还是将来。",
           "第 31 行后面几句讲的是哪个组织的培训和组织体系？第 32 行和同一部分的第 30、31、33 行比，多了哪个字？"],
    solution_text=f"q5_answer = {Q5_ANSWER}",
    right_answers=[lambda r: {str(k): v.lower() for k, v in Q5_ANSWER.items()},
                   lambda r: {k: Q5_OPTIONS[v][0] for k, v in Q5_ANSWER.items()}],
    wrong_answers=[lambda r: {k: "D" for k in Q5_ANSWER},
                   lambda r: {**Q5_ANSWER, 23: "A", 31: "E"},
                   lambda r: {**Q5_ANSWER, 32: "F"},
                   lambda r: {**Q5_ANSWER, 7: "E"},
                   lambda r: {k - 1: v for k, v in Q5_ANSWER.items()}],
)
