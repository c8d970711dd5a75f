"""Lesson 01's writing exercises: automatic feedback and model answers.

q5 unifies the level-1 headings of the report in use (the specimen: raw lines 5, 10,
15, 24, 28, 34, 39 to 一、…八、, with 四、（原标题缺失） for the lost heading): the
student's lines are put back into the report and the outline reads them again.
q6 is a three-level outline of a short 公文式 report, read by the outline and the
linter as a report of its own.
"""

from __future__ import annotations

import difflib
import re

from baogao.course.lesson01_reading import intro_sentence, level1_style
from baogao.course.lesson01_reading import level1_sections as _all_level1
from baogao.exercises.compare import fold
from baogao.exercises.outcomes import Message
from baogao.exercises.writing import lint_messages
from baogao.lint import lint
from baogao.sources.load import load
from baogao.structure.elements import is_document_title
from baogao.text.markers import match_marker, render

_CORE = re.compile(r"[\W_]+")
_ASCII = re.compile(r"[,;:!?()]")
_LOST = re.compile(r"原?标题(缺失|丢失|已丢失|未知)")
_FILLER = re.compile(r"原?标题(缺失|丢失|已丢失|未知)|待补|待查")
#: What a 报告 must not carry: the wording of a request (请示事项).
REQUEST_WORDS = re.compile(r"妥否|当否|请批示|请批复|请予批准|请审批|请予审批|请批准")


def _core(text: str) -> str:
    return _CORE.sub("", fold(text))


def _full_width(text: str) -> str:
    return text.translate(str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}))


# -- q5: unify the level-1 headings ------------------------------------------------------
def level1_sections(report) -> list[dict]:
    """The numbered level-1 sections (a lost heading's included): what q5 unifies."""
    sections = _all_level1(report)
    return sections if all(s["number"] for s in sections) else []


def q5_task(report) -> str:
    sections = level1_sections(report)
    if not sections:
        return "这份报告没有带编号的一级标题（或者有的一级标题没有编号），本题无需作答。"
    where = "、".join(str(s["line"]) for s in sections if s["heading"])
    lost = [s for s in sections if not s["heading"]]
    first, last = (render(level1_style(report) or "cn-dun", s["number"]) for s in (sections[0], sections[-1]))
    task = (f"把第 {where} 行的一级标题统一为同级用得最多的编号样式（“{first}”……“{last}”），按顺序每行写一个，"
            f"共 {len(sections)} 行。只改编号和标点（半角换成全角，各行末尾一致），标题的文字照录。")
    if lost:
        task += "丢了标题的部分也占一行，只写“" + "”“".join(s["label"] for s in lost) + "”：原标题无从得知，不要替作者拟。"
    return task


def q5_model(report) -> str:
    """The headings unified: the level's style, full-width punctuation, 。 at the end
    when most headings of the copy end with one; a lost heading as 原标题缺失."""
    sections = level1_sections(report)
    if not sections:
        return "（本题无需作答）"
    style = level1_style(report) or "cn-dun"
    titles = [report.line(s["line"]).text.strip() for s in sections if s["heading"]]
    final = "。" if sum(t.endswith("。") for t in titles) * 2 > len(titles) else ""
    out = []
    for s in sections:
        if not s["heading"]:
            out.append(s["label"])
            continue
        heading = next(h for h in report.outline().headings if h.line == s["line"])
        out.append(render(style, s["number"]) + _full_width(heading.title).rstrip("。") + final)
    return "\n".join(out)


def _put_back(report, sections, lines):
    """The report with the student's lines in place of its level-1 headings (a lost
    heading's line inserted before its section), and the new lines of the headings."""
    text = report.text.split("\n")
    for s, line in zip(sections, lines):
        if s["heading"]:
            text[s["line"] - 1] = line
    for s, line in reversed(list(zip(sections, lines))):  # insertions from the end: lines above keep their numbers
        if not s["heading"]:
            text.insert(s["line"] - 1, line)
    new = load("\n".join(text), name=report.source)
    starts, shift = [], 0
    for s in sections:
        shift += 0 if s["heading"] else 1
        starts.append(s["line"] + shift - (0 if s["heading"] else 1))
    return new, starts


def _lint_notes(report, rows) -> list[str]:
    """The linter's advice on the rewritten headings: ``rows`` pairs the student's row
    number with the heading's line in the report the rows were put back into."""
    notes = []
    for row, line in rows:
        for message in lint_messages(report, line):
            if "新时期" in message:
                message = ("“新时期”：文风检查建议改为“新时代”；这份副本里它是不是原文的写法无从确知"
                           "（勘误表只列为存疑），本题只统一编号和标点，照录即可")
            notes.append(message if message.startswith("文风检查未能运行") else f"你写的第 {row} 行：{message}")
    return list(dict.fromkeys(notes))


def q5_feedback(text, report):
    sections = level1_sections(report)
    if not sections:
        return [(True, "这份报告没有带编号的一级标题，本题无需作答")], []
    style = level1_style(report) or "cn-dun"
    lines = [x.strip() for x in text.strip().split("\n") if x.strip()]
    lost = [k for k, s in enumerate(sections) if not s["heading"]]
    if len(lines) != len(sections):
        why = f"写了 {len(lines)} 行，应当每个一级部分一行，共 {len(sections)} 行"
        if lost and len(lines) == len(sections) - len(lost):
            why += "：丢了标题的部分也要占一行（写“" + sections[lost[0]]["label"] + "”），不要为它给后面的部分改号"
        return [(False, why)], []
    checks = [(True, f"写了 {len(sections)} 行，每个一级部分一行")]
    wrong = [k for k, (s, line) in enumerate(zip(sections, lines)) if not line.startswith(render(style, s["number"]))]
    if not wrong:
        checks.append((True, "编号依次统一为“" + "”“".join(render(style, s["number"]) for s in sections) + "”"))
    else:
        k = wrong[0]
        marker = match_marker(lines[k])
        found = marker.text if marker else lines[k][:3]
        checks.append((False, (f"第 {k + 1} 行的编号是“{found}”：它是第 {sections[k]['number']} 部分，"
                              f"统一后写“{render(style, sections[k]['number'])}”；原有的序号不要改")))
    for k in lost:
        rest = _FILLER.sub("", _core(lines[k][len(render(style, sections[k]["number"])):]))
        ok = bool(_LOST.search(lines[k])) and not rest
        checks.append((ok, f"第 {k + 1} 行只注明“原标题缺失”，没有替作者拟标题" if ok else
                       f"第 {k + 1} 行：这一部分的原标题无从得知，只写“{sections[k]['label']}”，不要替作者拟一个标题"))
    headed = [(s, line) for s, line in zip(sections, lines) if s["heading"]]
    changed = []
    for s, line in headed:
        heading = next(h for h in report.outline().headings if h.line == s["line"])
        marker = match_marker(line)
        title = line[len(marker.text):] if marker else line
        if difflib.SequenceMatcher(None, _core(heading.title), _core(title)).ratio() < 0.8:
            changed.append(s["line"])
    checks.append((not changed, "标题的文字照录了副本" if not changed else
                   f"第 {changed[0]} 行的标题文字与副本差别较大：本题只改编号和标点，文字照录"))
    ascii_lines = [line for line in lines if _ASCII.search(line)]
    checks.append((not ascii_lines, "标点都是全角的" if not ascii_lines else
                   "还有半角标点（如“,”）：中文里用全角标点（GB/T 15834—2011）"))
    endings = {line.endswith("。") for _, line in headed}
    checks.append((len(endings) == 1, "各行末尾的标点一致" if len(endings) == 1 else
                   "各行末尾不一致：有的以“。”结尾，有的没有；同级标题要一致（惯例）"))
    new, starts = _put_back(report, sections, lines)
    level1 = {h.line for h in new.outline().headings if h.level == 1}
    issues = [i for i in new.outline().numbering_issues
              if (i.line in level1 and i.kind != "gap") or (i.kind == "gap" and i.next_heading is not None)]
    found = [line for line in starts if line in level1]
    ok = not issues and len(found) == len(starts)
    checks.append((ok, f"放回报告里，提纲认出 {len(starts)} 个一级标题，编号连续、样式一致" if ok else
                   "放回报告里，提纲仍报告问题：" + (issues[0].message.rstrip("。") if issues
                                                   else "有的行不再被认作一级标题")))
    return checks, _lint_notes(new, [(k, line) for k, (line, s) in enumerate(zip(starts, sections), 1) if s["heading"]])


# -- q6: a three-level outline of a 公文式 report ----------------------------------------------
Q6_TASK = ("为一份公文式报告写提纲：一个团支部（或团委）向它的上级团组织报告一个学期（或一年）的工作。"
           "依次写出：标题（发文机关＋关于……＋的报告）、主送机关、一句开头（以“现将……报告如下。”结尾）、"
           "三个层次的标题（“一、”“（一）”“1.”，每一层至少两个；其中要有“存在的问题”和“下一步工作打算”）、"
           "结束语“特此报告。”、发文机关署名和成文日期。每个标题独占一行，标题下面可以不写正文。")

Q6_MODEL = """共青团某大学化学学院委员会关于2025年秋季学期工作情况的报告

校团委：

2025年秋季学期，学院团委围绕思想引领、服务青年和组织建设三项重点开展工作。现将有关情况报告如下。

一、主要工作及成效

（一）加强思想引领

1.开展主题团日活动

2.组织青年理论学习

（二）服务青年成长

1.开展学业帮扶

2.拓展社会实践

二、存在的问题

（一）基层团支部活力不足

（二）服务青年的方式较为单一

三、下一步工作打算

（一）激发团支部活力

（二）丰富服务青年的方式

特此报告。

共青团某大学化学学院委员会
2026年1月12日"""

_LEVEL_STYLES = {1: ("cn-dun", "一、"), 2: ("cn-paren", "（一）"), 3: ("arabic-dot", "1.")}


def outline_of(text: str) -> Message:
    """The outline the kit reads from a draft (what ``baogao outline`` prints)."""
    if not isinstance(text, str) or not text.strip():
        return Message("还没有提纲可读：先把提纲写进 q6_answer（一个字符串），再运行这一格。")
    return Message(load(text, name="提纲").outline().render())


def q6_feedback(text, report=None):
    draft = load(text.strip(), name="提纲")
    outline = draft.outline()
    kinds = {e.kind for e in outline.elements}
    title = outline.title or ""
    checks = [(outline.genre == "document", f"提纲读出的文体是{outline.genre_label}"
               + ("" if outline.genre == "document" else "：要有主送机关和结束语，标题写成“……关于……的报告”"))]
    ok = is_document_title(title) and title.endswith("报告") and not title.startswith("关于") \
        and not re.search("请示报告|报告请示", title)
    checks.append((ok, "标题有发文机关、事由和文种（报告）" if ok else
                   "标题应当是“发文机关＋关于……＋的报告”，只有一个文种"))
    checks.append(("addressee" in kinds, "有主送机关" if "addressee" in kinds else "缺少主送机关（如“校团委：”）"))
    intro = intro_sentence(draft)
    ok = intro.endswith("如下。")
    checks.append((ok, "开头以“……如下。”引出正文" if ok else "开头要有一句以“现将……报告如下。”结尾的话"))
    headings = outline.headings
    for level, (style, marker) in _LEVEL_STYLES.items():
        here = [h for h in headings if h.level == level]
        ok = len(here) >= 2 and all(h.style == style for h in here)
        checks.append((ok, f"第 {level} 层用“{marker}”，有 {len(here)} 个标题" if ok else
                       f"第 {level} 层应当用“{marker}”，至少两个标题（现在有 {len(here)} 个"
                       + (f"，编号写法有“{'”“'.join(sorted({h.marker for h in here if h.style != style}))}”" if
                          any(h.style != style for h in here) else "") + "）"))
    deeper = [h for h in headings if h.level > 3]
    if deeper:
        checks.append((False, "本题只要三个层次：第 4 层及以下的标题不要写"))
    issues = outline.numbering_issues
    checks.append((not issues, "各层编号连续、样式一致" if not issues else "编号问题：" + issues[0].message.rstrip("。")))
    parts = {p.kind for p in outline.parts}
    ok = {"problems", "outlook"} <= parts
    checks.append((ok, "有“存在的问题”和“下一步工作打算”" if ok else "还缺“存在的问题”或“下一步工作打算”这一部分"))
    closing = next((e.text.strip() for e in outline.elements if e.kind == "closing"), "")
    checks.append((closing == "特此报告。", "结束语是“特此报告。”" if closing == "特此报告。" else
                   "报告的结束语写“特此报告。”" + (f"，不写“{closing}”" if closing else "")))
    asks = REQUEST_WORDS.search(draft.text)
    checks.append((not asks, "没有夹带请示事项" if not asks else
                   f"报告里出现了“{asks.group()}”：报告不得夹带请示事项，要请求批准应当另写请示"))
    ok = {"signature", "date"} <= kinds
    checks.append((ok, "有发文机关署名和成文日期" if ok else "末尾要有发文机关署名和成文日期"))
    try:
        notes = [f"第 {f.line} 行：{f.message.rstrip('。')}" for f in lint(draft) if f.severity != "info"]
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        notes = [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return checks, list(dict.fromkeys(notes))
