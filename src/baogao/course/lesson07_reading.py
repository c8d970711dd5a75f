"""Lesson 07 (动手写报告): the tables and widgets its notebook shows before the export.

- ``genre_table``: 报告 / 请示 / 通知 / 工作总结 / 述职报告 side by side;
- ``example_types``: the 文种 the kit reads from the titles of its five examples and the report;
- ``element_table``: the elements of GB/T 9704-2012 by part, and which of them the model draft
  and the report in use show;
- ``demo_builder`` / ``builder``: the outline builder on the model draft (a temporary folder)
  and on the student's own draft (``DRAFT_FILE``, never written by the lesson);
- ``trap_table``: three traps of the lesson (and the old date form) put into the model draft,
  with what the outline and the linter say about each;
- ``measures_table``: the draft's measures beside the report, two kit examples and the corpus.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import weakref
from pathlib import Path

from baogao.analysis.measures import analyze
from baogao.course.reports import report_label
from baogao.course.lesson07_models import MODEL
from baogao.lazy import pandas as pd
from baogao.lint import SEVERITY_LABELS, lint
from baogao.sources.load import load
from baogao.sources.shipped import corpus, example
from baogao.structure.elements import ELEMENT_NAMES
from baogao.structure.lines import signer
from baogao.widgets.builder import OutlineBuilder

#: The student's draft: a file of this name in the folder the notebook runs in (its own folder in
#: JupyterLab). The lesson only builds a builder on it: it reads the file, and writes it only when
#: the student types.
DRAFT_FILE = "07_drafting_draft.txt"
#: The kit's five examples (``baogao.get("example:…")``), in the order of the genre table.
EXAMPLES = ("report_gongwen", "report_numbered", "request_qingshi", "notice_tongzhi", "summary_zongjie")


def model():
    """The model draft as a report."""
    return load(MODEL, name="第7课范文")


# -- 一、二、文种 ------------------------------------------------------------------------------------
_GENRES = [
    ("报告", "是", "上行：向上级机关", "汇报工作、反映情况，回复上级机关的询问",
     "陈述已经做了的事和情况；不得夹带请示事项；不要求上级批复",
     "“特此报告。”（习惯用语）", "example:report_gongwen、example:report_numbered"),
    ("请示", "是", "上行：向上级机关，一般只写一个主送机关", "请求上级机关指示、批准",
     "事前行文，一文一事；写明请求的事项和理由", "“妥否，请批示。”“当否，请批示。”等（习惯用语）",
     "example:request_qingshi"),
    ("通知", "是", "多为下行，也用于告知有关单位", "发布、传达要求下级机关执行和有关单位周知或者执行的事项，批转、转发公文",
     "写明要做什么、谁来做、什么时候做完", "常不写，或写“特此通知。”", "example:notice_tongzhi"),
    ("工作总结", "否", "本单位存档、交流；要报给上级，按惯例用报告行文", "回顾一段时间的工作，找出经验和问题",
     "没有主送机关，不用“特此报告。”；标题多为“单位＋时间＋工作总结”", "不用固定的结束语",
     "example:summary_zongjie"),
    ("述职报告", "否", "个人（或领导班子）向任免机关、上级或本单位的干部群众", "陈述本人履行岗位职责的情况",
     "用第一人称；常按德、能、勤、绩、廉几方面写；标题里有“报告”二字，却不是条例所说的报告",
     "常用“以上是我的述职报告，请予评议。”之类", "（本教材没有范例）"),
]


def genre_table():
    """报告 / 请示 / 通知 / 工作总结 / 述职报告: statutory or not, direction, use, how to write, closing."""
    return pd.DataFrame(_GENRES, columns=["文种", "条例规定的公文种类", "写给谁", "用来做什么", "写法要点",
                                          "结尾", "本教材的范例"])


def example_types(report):
    """The kit's examples and the report in use: title, the 文种 the kit reads, statutory or not, genre."""
    rows = []
    for name, r in [(f"example:{n}", example(n)) for n in EXAMPLES] + [(report_label(report), report)]:
        o = r.outline()
        rows.append({"文稿": name, "标题": o.title or "（未识别出标题）", "文种": o.doc_type_label or "（看不出）",
                     "条例规定的公文种类": {True: "是", False: "否"}.get(o.statutory, "—") if o.doc_type else "—",
                     "文体": o.genre_label})
    return pd.DataFrame(rows, columns=["文稿", "标题", "文种", "条例规定的公文种类", "文体"])


# -- 三、GB/T 9704 的要素 ------------------------------------------------------------------------------
#: (part, element kind, what GB/T 9704-2012 asks of it, as the lesson teaches it).
ELEMENTS = [
    ("版头", "copy_number", "涉密公文才标份号"),
    ("版头", "secrecy", "涉密公文才标"),
    ("版头", "urgency", "紧急公文才标"),
    ("版头", "issuer", "发文机关全称或规范化简称，后面可加“文件”二字；推荐小标宋、红色"),
    ("版头", "doc_number", "机关代字＋年份＋发文顺序号：年份写全，用六角括号“〔〕”，序号不加“第”、不编虚位"),
    ("版头", "signer", "上行文标签发人，与发文字号同一行：发文字号居左空一字，签发人居右空一字"),
    ("主体", "title", "发文机关名称＋事由＋文种，一般不加标点；2号小标宋"),
    ("主体", "addressee", "标题下空一行，顶格，后面加全角冒号"),
    ("主体", "paragraph", "3号仿宋，每段首行空两字；结构层次序数依次可以用“一、”“（一）”“1.”“（1）”"),
    ("主体", "closing", "“特此报告。”是正文末尾的习惯用语，不是标准规定的要素"),
    ("主体", "attachment", "有附件时写“附件：”和附件名称，名称后不加标点"),
    ("主体", "signature", "署发文机关全称或规范化简称"),
    ("主体", "date", "用阿拉伯数字写全年、月、日，不编虚位（2026年1月20日）；加盖印章时右空四字"),
    ("主体", "note", "需要说明的事项，加圆括号，如“（此件公开发布）”"),
    ("版记", "cc", "抄送机关"),
    ("版记", "imprint", "印发机关和印发日期"),
]


def _kinds(report) -> set[str]:
    elements = report.outline().elements
    kinds = {e.kind for e in elements}
    paragraphs = {p.index: p for p in report.paragraphs}
    if any(e.kind == "doc_number" and signer(paragraphs[e.paragraph].text) for e in elements):
        kinds.add("signer")  # 签发人 on the line of the 发文字号
    return kinds


def element_table(report):
    """GB/T 9704's elements by part; whether the model draft and the report in use show each."""
    mine, theirs = _kinds(model()), _kinds(report)
    rows = [{"部分": part, "要素": ELEMENT_NAMES[kind], "要求（摘要）": rule,
             "范文": "有" if kind in mine else "—", report_label(report): "有" if kind in theirs else "—"}
            for part, kind, rule in ELEMENTS]
    return pd.DataFrame(rows)


# -- 四、提纲和草稿 --------------------------------------------------------------------------------------
def demo_builder(**kwargs):
    """An outline builder on the model draft, kept in a new temporary folder (never the student's file)."""
    folder = Path(tempfile.mkdtemp(prefix="baogao-lesson07-"))
    b = OutlineBuilder(folder / "范文.txt", **kwargs)
    # Gone with the builder, or when the kernel stops: every run of the lesson made one.
    weakref.finalize(b, shutil.rmtree, folder, True)
    b.text.value = MODEL
    b.flush()
    return b


def builder(path=DRAFT_FILE, **kwargs):
    """The outline builder on the student's own draft: reads ``path`` if it exists, saves as they type."""
    return OutlineBuilder(path, **kwargs)


def draft_summary(text: str) -> dict:
    """What the builder's feedback counts: headings, parts, numbering issues, findings by severity."""
    r = load(text, name="草稿")
    o, findings = r.outline(), lint(r)
    return {"文体": o.genre_label, "文种": o.doc_type_label or "（看不出）", "标题": len(o.headings),
            "编号问题": len(o.numbering_issues),
            **{label: sum(f.severity == sev for f in findings)
               for sev, label in (("error", "错误"), ("warning", "警告"), ("info", "提示"))}}


#: The traps, each put into the model draft: (what changed, old text, new text).
TRAPS = [
    ("开头照抄样本报告原样版第 4 行受损的过渡句", "现将有关情况报告如下。", "重点关注以下几个方面。"),
    ("一级标题学样本报告原样版第 5、10 行，用“一是”“二是”“三是”",
     ("一、主要工作及成效", "二、存在的问题", "三、下一步工作打算"),
     ("一是主要工作及成效", "二是存在的问题", "三是下一步工作打算")),
    ("报告里夹带请示事项", "推动没有专职团干部的乡镇团委配齐工作力量。",
     "推动没有专职团干部的乡镇团委配齐工作力量。恳请团市委拨付专项经费5万元。"),
    ("成文日期用汉字数字（GB/T 9704-1999 时的写法）", "2026年1月20日", "二〇二六年一月二十日"),
]


def trap_text(k: int) -> str:
    """The model draft with trap ``k`` put in."""
    _, old, new = TRAPS[k]
    text = MODEL
    for a, b in zip(*((old, new) if isinstance(old, tuple) else ((old,), (new,)))):
        if a not in text:
            raise ValueError(f"the model draft has no {a!r}")
        text = text.replace(a, b)
    return text


def trap_table():
    """Each trap in the model draft: the outline's numbering issues, the linter's findings by severity."""
    rows = []
    for k, (what, _, _) in enumerate(TRAPS):
        r = load(trap_text(k), name="草稿")
        findings = lint(r)
        rows.append({"改动": what, "编号问题": len(r.outline().numbering_issues),
                     **{label: sum(f.severity == sev for f in findings)
                        for sev, label in (("error", "错误"), ("warning", "警告"), ("info", "提示"))},
                     "校对意见": "；".join(f"第 {f.line} 行：{f.message.rstrip('。')}" for f in findings) or "（没有）"})
    return pd.DataFrame(rows, columns=["改动", "编号问题", "错误", "警告", "提示", "校对意见"])


def lint_table(report):
    """The linter's findings on a report: line, severity, message."""
    rows = [{"行号": f.line, "级别": SEVERITY_LABELS[f.severity], "说明": f.message} for f in lint(report)]
    return pd.DataFrame(rows, columns=["行号", "级别", "说明"])


# -- 五、和语料库比 -----------------------------------------------------------------------------------
MEASURES = {"body_chars": "正文字数", "mean_sentence_chars": "平均句长（字）", "median_sentence_chars": "句长中位数（字）",
            "mean_paragraph_chars": "平均段长（字）", "official_words_per_1000": "每千字公文常用词"}


def _row(name: str, r) -> dict:
    a = analyze(r)
    s, q = a.stats, a.quantities  # a shipped text's stats come from data/stats.json
    row = {"文稿": name, **{label: s[key] for key, label in MEASURES.items()}}
    row["每千字数据"] = round(len(q) * 1000 / s["body_chars"], 2) if s["body_chars"] else 0.0
    return row


def measures_table(text: str = MODEL, report=None):
    """The draft's measures; the report in use; two kit examples; the median of the corpus's 17 reports."""
    rows = [_row("你的草稿" if text != MODEL else "范文", load(text, name="草稿"))]
    if report is not None:
        rows.append(_row(report_label(report), report))
    rows += [_row(f"example:{n}", example(n)) for n in ("report_gongwen", "report_numbered")]
    reports = [_row(report_label(r), r) for r in corpus()]
    median = {"文稿": f"语料库 {len(reports)} 篇政府工作报告的中位数"}
    for column in reports[0]:
        if column != "文稿":
            median[column] = round(statistics.median(r[column] for r in reports), 2)
    rows.append(median)
    return pd.DataFrame(rows)


#: What the lesson notebook reads as ``lesson.…`` (re-exported by ``lesson07_drafting``).
__all__ = ["report_label", "lint_table", "DRAFT_FILE", "EXAMPLES", "model", "genre_table", "example_types", "ELEMENTS", "element_table",
           "demo_builder", "builder", "draft_summary", "TRAPS", "trap_text", "trap_table", "MEASURES",
           "measures_table"]
