"""Lesson 07's judgement and coding exercises (whatever the report):

- ``Q1`` (judgement): which 文种 a 团县委 writes to report on its work and ask for a decision;
- ``Q4`` (coding): a draft linted until it has no error, exported as .docx, the .docx opened again
  with python-docx; the answer is the draft and the styles of its paragraphs, and the check lints
  and exports the draft itself (into memory) to compare;
- ``Q5`` (judgement): peer review of a classmate's draft (``PEER``) with the rubric of q3.
"""

from __future__ import annotations

from dataclasses import dataclass

from baogao.course.lesson05_judgement import Remarks
from baogao.course.lesson07_export import docx_bytes, docx_paragraphs
from baogao.course.lesson07_models import MODEL, PEER, QINGSHI
from baogao.course.lesson07_writing import Q3
from baogao.exercises import compare
from baogao.exercises.choice import ChoiceProblem
from baogao.exercises.outcomes import CORRECT, INCORRECT
from baogao.exercises.problems import Problem
from baogao.lint import lint
from baogao.sources.load import load

# -- q1: which 文种 ------------------------------------------------------------------------------------
Q1_OPTIONS = {
    "A": ("写一份《共青团某县委员会关于上半年志愿服务工作情况和举办骨干培训营的请示报告》，一次说清。",
          "“请示报告”把两个文种混在一起，条例规定的 15 种公文里没有这个文种；汇报和请求要分开行文。"),
    "B": ("写一份报告汇报上半年的工作，在“下一步工作打算”里加一句“恳请团市委批准举办骨干培训营”。",
          "报告不得夹带请示事项（条例关于向上级机关行文的规则）：报告是汇报情况的，不要求上级批复，夹在里面的请求得不到答复。"),
    "C": ("分两份文：一份报告，汇报上半年的志愿服务工作；一份请示，只请求批准举办骨干培训营，在举办以前报送。", ""),
    "D": ("写一份通知，告诉团市委团县委准备举办骨干培训营。",
          "通知用来发布、传达要求下级机关执行和有关单位周知或者执行的事项；向上级请求批准用请示。"),
    "E": ("写一份请示，同时请求批准举办骨干培训营和增拨全县的志愿服务经费。",
          "请示应当一文一事：两件事要写两份请示，各自得到批复。"),
    "F": ("给团市委写一份函，商请举办骨干培训营。",
          "函用于不相隶属的机关之间；团市委是团县委的上级，向它请求批准用请示。"),
}

Q1 = ChoiceProblem(
    name="q1", title="选文种：汇报工作，又要请求批准", variable="q1_answer", options=Q1_OPTIONS, answer="C",
    question=("团县委想让团市委了解上半年的志愿服务工作，同时请团市委批准它在暑期举办全县青年志愿者骨干培训营。"
              "下面哪一种做法合乎《党政机关公文处理工作条例》？"),
    hints=["先分开两件事：一件是汇报已经做了的工作，一件是请求批准还没有做的事。各用什么文种？",
           "再想两条行文规则：报告能不能夹带请示事项？一份请示能请求几件事？"],
    right_answers=["c", "选C"],
)


# -- q4: lint, export, open the .docx (coding) ---------------------------------------------------------
def _read_q4(value) -> tuple[str, list[str]]:
    if not isinstance(value, dict) or "$" in value:
        raise compare.AnswerFormError("q4_answer 应当是一个字典：{\"草稿\": 草稿全文, \"样式\": [每一段的样式名, …]}。")
    missing = [k for k in ("草稿", "样式") if k not in value]
    if missing:
        raise compare.AnswerFormError(f"q4_answer 少了“{missing[0]}”一项。")
    text, styles = value["草稿"], value["样式"]
    if not isinstance(text, str) or not text.strip():
        raise compare.AnswerFormError("“草稿”应当是草稿的全文（一个字符串）。")
    if not isinstance(styles, list) or not all(isinstance(s, str) for s in styles):
        raise compare.AnswerFormError("“样式”应当是一个列表，每一项是一段的样式名（字符串），例如 \"公文标题\"。")
    return text, [s.strip() for s in styles]


def export_styles(text: str) -> list[str]:
    """The style of each paragraph of the .docx the kit exports from ``text``."""
    return [row["样式"] for row in docx_paragraphs(docx_bytes(text))]


@dataclass(eq=False, repr=False)
class ExportProblem(Problem):
    """The draft must lint without errors and be a 公文; the styles must be those of its export."""

    def _grade(self, answer, report) -> "object":
        text, styles = _read_q4(answer)
        draft = load(text, name="草稿")
        errors = [f for f in lint(draft) if f.severity == "error"]
        if errors:
            f = errors[0]
            return self._outcome(INCORRECT, f"草稿还有 {len(errors)} 条错误，例如第 {f.line} 行："
                                            f"{f.message.rstrip('。')}。改到没有错误，再导出。")
        if draft.outline().genre != "document":
            return self._outcome(INCORRECT, "草稿读不出公文的要素：要有标题、主送机关、结束语、署名和成文日期"
                                            "（用提纲生成器看看它读出的文体）。")
        expected = export_styles(text)
        if styles == expected:
            return self._outcome(CORRECT, f"草稿没有错误；导出的 .docx 有 {len(expected)} 段，样式都对得上。")
        kinds = [e.kind for e in draft.outline().elements]
        if styles == kinds:
            return self._outcome(INCORRECT, "这是提纲读出的要素（outline().elements 的 kind），不是 .docx 里的样式："
                                            "导出以后用 python-docx 打开，读每一段的 style.name。")
        if len(styles) != len(expected):
            return self._outcome(INCORRECT, f"你列了 {len(styles)} 个样式，和这份草稿导出的段数对不上："
                                            "导出的是这份草稿吗？空行不成段，要一段一段地读。")
        k = next(i for i, (a, b) in enumerate(zip(styles, expected)) if a != b)
        return self._outcome(INCORRECT, f"第 {k + 1} 段的样式不对：照 .docx 里写的样式名抄，一个字也不改。")

    def solution_answer(self, report):
        return {"草稿": MODEL, "样式": export_styles(MODEL)}


Q4_SOLUTION = """from pathlib import Path
import tempfile

import docx
from baogao.export import export
from baogao.lint import lint

draft_text = ex.MODEL  # 换成你自己的草稿：Path(b.path).read_text(encoding="utf-8")
draft = baogao.load(draft_text, name="我的草稿")
errors = [f for f in lint(draft) if f.severity == "error"]
print("错误：", len(errors))
folder = Path(tempfile.mkdtemp())
path = export(draft, folder / "我的报告.docx")
styles = [p.style.name for p in docx.Document(path).paragraphs]
q4_answer = {"草稿": draft_text, "样式": styles}"""

Q4 = ExportProblem(
    name="q4", title="校对到没有错误，导出 .docx，再打开看样式", variable="q4_answer",
    hints=["错误用 baogao.lint.lint(draft) 找：只看 severity == \"error\" 的。导出用 baogao.export.export(draft, 路径)，"
           "路径以 .docx 结尾；放进 tempfile.mkdtemp() 建的临时文件夹，不会覆盖别的文件。",
           "打开 .docx：docx.Document(路径).paragraphs 是一段一段的段落，每一段的 style.name 是样式名（公文标题、主送机关……）。"
           "草稿的全文和样式列表一起放进 q4_answer。"],
    solution_text=Q4_SOLUTION,
    right_answers=[lambda r: {"草稿": QINGSHI, "样式": export_styles(QINGSHI)},
                   lambda r: {"样式": [f" {s} " for s in export_styles(MODEL)], "草稿": MODEL}],
    wrong_answers=[lambda r: {"草稿": MODEL.replace("，", ","), "样式": export_styles(MODEL)},
                   lambda r: {"草稿": MODEL, "样式": [e.kind for e in load(MODEL, name="草稿").outline().elements]},
                   lambda r: {"草稿": MODEL, "样式": export_styles(QINGSHI)},
                   lambda r: {"草稿": MODEL, "样式": ["公文正文"] * len(export_styles(MODEL))},
                   lambda r: {"草稿": "一、主要工作\n全年开展活动12次。", "样式": ["一级标题", "公文正文"]},
                   lambda r: [MODEL]],
)


# -- q5: peer review ----------------------------------------------------------------------------------
def _quoted(words: str) -> str:
    if words not in PEER:
        raise ValueError(f"the peer draft has no {words!r}")
    return words


Q5_OPTIONS = {
    "A": (f"开头最后一句“{_quoted('重点关注以下几个方面。')}”照抄了样本报告第 4 行受损的句子，意思不通；"
          "应当写“现将有关情况报告如下。”。", ""),
    "B": (f"一级标题写成“{_quoted('一是主要工作及成效')}”“二是……”“三是……”：“一是”是段内列举的写法，"
          "一级标题应当用“一、”“二、”“三、”。", ""),
    "C": (f"“{_quoted('恳请校团委拨付学院团支部活动专项经费2万元。')}”是请示事项，报告里不得夹带；要经费，另写一份请示。", ""),
    "D": (f"成文日期“{_quoted('二〇二六年一月八日')}”是 GB/T 9704-1999 时的写法；GB/T 9704-2012 规定用阿拉伯数字，"
          "写“2026年1月8日”。", ""),
    "E": ("结尾没有写“妥否，请批示。”，结束语不完整。",
          "“妥否，请批示。”是请示的结束语；报告写“特此报告。”，这份草稿已经写了。"),
    "F": ("“存在的问题”不该写进报告：向上级报告，只写成绩。",
          "成绩、问题、打算是总结性报告通常的顺序（惯例）；如实反映问题，正是报告的用处之一。"),
    "G": (f"主送机关“{_quoted('校团委：')}”后面的冒号应当删去。",
          "主送机关后面标全角冒号，这是 GB/T 9704 的要求，这份草稿写对了。"),
    "H": ("二级标题“（一）”后面少了顿号，应当写成“（一）、”。",
          "“（一）”后面不加顿号：“（一）、”是错误的写法；“一、”的顿号是跟着汉字数字的。"),
}
Q5_MISSING = {
    "A": "再读一读开头的最后一句：它把读者引向哪里？样本报告哪一行也是这样写的？",
    "B": "再看一看一级标题的编号：这是标题的写法，还是段内列举的写法？",
    "C": "再读一读“下一步工作打算”：那里有没有一句是在向上级要东西？",
    "D": "再看一看末尾的日期：GB/T 9704-2012 要求成文日期用什么数字？",
}

Q5 = Remarks(
    name="q5", title="同伴互评：按评阅要点给一份草稿提意见", variable="q5_answer", options=Q5_OPTIONS,
    answer="ABCD", missing_why=Q5_MISSING,
    question=("同学写了下面这份报告，请你按第 3 题的评阅要点评阅。下面八条意见里，哪几条说得对？（可以多选）\n\n"
              + PEER + "\n\n评阅要点：\n" + "\n".join(f"  {k}. {r}" for k, r in enumerate(Q3.rubric, 1))),
    hints=["一条一条回到草稿里核对：这条意见说的毛病，草稿里真有吗？改了以后合不合 GB/T 9704 和条例？",
           "有两条意见把请示的规矩套到报告上、把报告该写的内容说成不该写；还有两条说的是标点，核对 GB/T 9704 和第 1 课讲的序数写法。"],
    right_answers=[["d", "c", "b", "a"], "A、B、C、D"],
    wrong_answers=["ABC", "ABD", "ACD", "BCD", "ABCDE", "ABCDF", "ABCDGH", "BD"],
)
