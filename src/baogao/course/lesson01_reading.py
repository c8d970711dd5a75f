"""Lesson 01 (报告的骨架): what the lesson shows, computed from the report in use.

Every function takes a ``Report`` and returns a table with Chinese column
names and values, or a Chinese sentence, so that the lesson also runs on a
corpus report, an example, a web copy or a .docx. The lesson's prose about
the specimen (raw edition) is pinned by tests/course/test_lesson01_facts.py.
"""

from __future__ import annotations

import re

from baogao.analysis.tables import lead_sentences
from baogao.lazy import pandas as pd
from baogao.structure.elements import is_document_title
from baogao.structure.headings import family
from baogao.structure.outline import ISSUE_NAMES
from baogao.structure.parts import PART_NAMES
from baogao.text.markers import STYLE_NAMES, render
from baogao.text.sentences import sentence_spans
from baogao.course.reports import is_raw_specimen as is_specimen  # the lesson's line numbers are the raw edition's

#: GB/T 9704-2012 (结构层次序数): the sequence the levels 依次可以用, and the typeface each
#: level is usually set in (一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字).
LEVELS = [(1, "一、", "黑体"), (2, "（一）", "楷体"), (3, "1.", "仿宋"), (4, "（1）", "仿宋")]
LEVEL_NAMES = {1: "第一层", 2: "第二层", 3: "第三层", 4: "第四层"}

#: The frame of each genre: element kinds of the outline, in the order a reader meets them.
DOCUMENT_FRAME = ["title", "addressee", "closing", "signature", "date"]
SPEECH_FRAME = ["subtitle", "speaker", "salutation"]
FRAME_LABELS = {"title": "标题（发文机关＋关于……＋文种）", "addressee": "主送机关", "closing": "结束语",
                "signature": "发文机关署名", "date": "成文日期", "subtitle": "题注", "speaker": "报告人",
                "salutation": "称呼"}
_TITLE = re.compile(r"^(?P<issuer>.*?)(?P<matter>关于.+)的(?P<kind>报告|请示|函|意见|通知|通报|批复)$")
_INTRO_SENTENCE = re.compile(r"(如下|以下[^。：:]{0,8})[。：:]$")


def only_specimen() -> None:
    print("这一格只对样本报告（原样版）有意义。")


def about(report) -> str:
    edition = "（原样版）" if is_specimen(report) else ""
    return f"本课读的报告：{report.source}{edition}，共 {len(report.lines)} 行、{len(report.paragraphs)} 段。"


def _clip(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- 一、文种 ---------------------------------------------------------------------------
def frame_checklist(reports: dict):
    """Which elements of each genre's frame each report shows, with their lines:
    ``frame_checklist({"报告范例": example, "政府工作报告": gwr})``."""
    rows = []
    for genre, kinds in (("公文式报告", DOCUMENT_FRAME), ("讲话式报告", SPEECH_FRAME)):
        for kind in kinds:
            row = {"文体": genre, "要素": FRAME_LABELS[kind]}
            for name, report in reports.items():
                row[name] = _seen(report, kind)
            rows.append(row)
    return pd.DataFrame(rows, columns=["文体", "要素", *reports])


def _seen(report, kind: str) -> str:
    found = [e for e in report.outline().elements if e.kind == kind]
    if kind == "title" and found and not is_document_title(found[0].text.strip()):
        return f"没有（第 {found[0].line} 行“{_clip(found[0].text.strip(), 16)}”不是这种写法）"
    if not found:
        return "没有"
    shown = "、".join(f"第 {e.line} 行“{_clip(e.text.strip(), 16)}”" for e in found[:2])
    return f"有（{shown}{'等' if len(found) > 2 else ''}）"


def edges(report, n: int = 4) -> None:
    """Print the first and the last ``n`` lines that are not blank, clipped."""
    lines = [ln for ln in report.lines if ln.text.strip()]
    shown = lines if len(lines) <= 2 * n else lines[:n] + [None] + lines[-n:]
    for ln in shown:
        print("  ……" if ln is None else f"第 {ln.number} 行  {_clip(ln.text.strip(), 40)}")


def genre_sentence(report) -> str:
    outline = report.outline()
    why = "；".join(outline.genre_evidence) or "既没有公文要素，也没有讲话稿的题注、报告人和称呼"
    return f"提纲的判断：{outline.genre_label}（依据：{why}）。"


# -- 二、报告、请示、函 ---------------------------------------------------------------------
def _element(report, kind: str) -> str:
    found = next((e.text.strip() for e in report.outline().elements if e.kind == kind), "")
    return found or "（没有）"


def intro_sentence(report) -> str:
    """The sentence that leads into the body's sections (…报告如下。), if any."""
    for p in report.paragraphs:
        for a, b in sentence_spans(p.clean.strip()):
            sentence = p.clean.strip()[a:b]
            if _INTRO_SENTENCE.search(sentence):
                return sentence
    return "（没有）"


def example_frames(reports: dict):
    """The frame of each report side by side: ``example_frames({"报告范例": …, "请示范例": …})``."""
    rows = [("标题", lambda r: _element(r, "title")), ("主送机关", lambda r: _element(r, "addressee")),
            ("引出正文各部分的句子", intro_sentence), ("结束语", lambda r: _element(r, "closing")),
            ("发文机关署名", lambda r: _element(r, "signature")), ("成文日期", lambda r: _element(r, "date")),
            ("第一层标题", lambda r: "、".join(h.marker + h.title for h in r.outline().headings if h.level == 1)
             or "（没有）")]
    return pd.DataFrame([{"要素": name, **{label: how(r) for label, r in reports.items()}} for name, how in rows])


def addressee_remark(request) -> str:
    """What the addressee of a 团市委 request says about 行文关系."""
    addressee = _element(request, "addressee").rstrip("：:")
    if addressee == "（没有）":
        return "这份文稿没有主送机关：请示要写明主送机关，原则上只主送一个上级机关。"
    if addressee == "市委":
        return ("这份请示主送“市委”：团市委受同级党委（市委）和上一级团委领导，向市委请示，"
                "只主送一个上级机关，没有越级。")
    if addressee.startswith("市委") and addressee.endswith("部"):
        return (f"这份请示主送“{addressee}”：{addressee}是市委的工作部门，不是团市委的上级机关，"
                "两者不相隶属。不相隶属的机关之间请求批准事项，《条例》规定用函；"
                "要向上级请示，应当主送团市委的上级领导机关（市委）。")
    return f"这份请示主送“{addressee}”：请示应当主送自己的上级机关，原则上只主送一个，一般不越级。"


def title_parts(*titles):
    """发文机关 + 事由 + 文种 of each document title (a title of another form is said so)."""
    rows = []
    for title in titles:
        m = _TITLE.match(title or "")
        if m:
            rows.append({"标题": title, "发文机关": m["issuer"] or "（没有写）", "事由": m["matter"], "文种": m["kind"]})
        else:
            rows.append({"标题": title or "（没有标题）", "发文机关": "看不出", "事由": "看不出", "文种": "看不出"})
    return pd.DataFrame(rows, columns=["标题", "发文机关", "事由", "文种"])


# -- 四、层次 -----------------------------------------------------------------------------
def levels_table(report):
    """GB/T 9704's sequence and typefaces beside the headings the report has at each level."""
    headings = report.outline().headings
    rows = []
    for level, marker, face in LEVELS:
        here = [h for h in headings if h.level == level]
        styles = {}
        for h in here:
            styles[STYLE_NAMES[h.style]] = styles.get(STYLE_NAMES[h.style], 0) + 1
        rows.append({"层次": LEVEL_NAMES[level], "GB/T 9704 依次可以用的序数": marker, "一般用的字体": face,
                     "这份报告的标题数": len(here),
                     "这份报告用的编号": "、".join(f"{k} {v} 个" for k, v in styles.items()) or "—"})
    return pd.DataFrame(rows)


def headings_table(report):
    rows = [{"行号": h.line, "层级": f"第 {h.level} 级", "编号（照录）": h.marker or "（无）",
             "编号样式": STYLE_NAMES[h.style], "标题": _clip(h.title, 30),
             "排法": "段首标题" if h.run_in else "独占一行"} for h in report.outline().headings]
    return pd.DataFrame(rows, columns=["行号", "层级", "编号（照录）", "编号样式", "标题", "排法"])


def numbering_table(report):
    rows = [{"行号": i.line, "问题": ISSUE_NAMES[i.kind], "说明": i.message} for i in report.outline().numbering_issues]
    if not rows:
        rows = [{"行号": "—", "问题": "没有编号问题", "说明": "各级标题的编号样式一致，序号连续。"}]
    return pd.DataFrame(rows, columns=["行号", "问题", "说明"])


def comma_table(report):
    text = report.text
    rows = [("半角逗号“,”", text.count(",")), ("全角逗号“，”", text.count("，"))]
    return pd.DataFrame([{"标点": name, "全文个数": n} for name, n in rows])


def enumerations_table(report):
    rows = [{"行号": e.line, "列举": "…".join(e.markers), "位置": "段内" if e.kind == "inline" else "跨段",
             "项数": len(e.markers)} for e in report.outline().enumerations]
    return pd.DataFrame(rows or [{"行号": "—", "列举": "（没有找到列举）", "位置": "—", "项数": 0}],
                        columns=["行号", "列举", "位置", "项数"])


# -- 六、总—分 -----------------------------------------------------------------------------
def level1_sections(report) -> list[dict]:
    """The level-1 sections, a lost heading's section included: ``line`` (first line),
    ``number``, ``label`` (marker and title, or the marker and 原标题缺失), ``heading``
    (False for a lost one) and ``body`` (paragraph lines, the heading's own excluded)."""
    outline = report.outline()
    level1 = [h for h in outline.headings if h.level == 1]
    by_line = {h.line: h for h in level1}
    style = level1_style(report) or "cn-dun"
    starts = [(h.line, h.number, h.marker + h.title, True) for h in level1]
    alone = {h.line for h in level1 if not h.run_in}  # a run-in heading's paragraph is body too
    for i in outline.numbering_issues:
        after = by_line.get(i.next_heading) if i.kind == "gap" else None
        if after is not None and after.number:
            starts.append((i.line, after.number - 1, render(style, after.number - 1) + "（原标题缺失）", False))
    starts.sort()
    out = []
    for k, (line, number, label, has_heading) in enumerate(starts):
        section = outline.section_at(line)
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else (section.end_line if section else line)
        if section is not None and section.heading is not None and section.heading.level == 1:
            end = min(end, section.end_line)
        body = [p.line for p in report.paragraphs if line <= p.line <= end and not (has_heading and p.line in alone
                                                                                        and p.line == line)]
        out.append({"line": line, "number": number, "label": label, "heading": has_heading, "body": body})
    return out


def intro_table(report):
    """Each level-1 section: its first paragraph (the 总述段), the sentence of it that
    opens with 一年来, and the paragraphs that open with a lead sentence."""
    leads = set(lead_sentences(report)["line"].astype(int))
    rows = []
    for s in level1_sections(report):
        first = s["body"][0] if s["body"] else None
        which = "—"
        if first is not None:
            text = report.line(first).text.strip()
            found = [k for k, (a, b) in enumerate(sentence_spans(text), 1) if text[a:b].startswith("一年来")]
            which = f"第 {found[0]} 句" if found else "没有"
        rest = s["body"][1:]
        rows.append({"部分": _clip(s["label"], 16), "起始行": s["line"],
                     "第一段": f"第 {first} 行" if first else "—",
                     "第一段里以“一年来”起头的句子": which,
                     "以主旨句开头的段（行号）": "、".join(str(n) for n in rest if n in leads) or "—",
                     "其余各段（行号）": "、".join(str(n) for n in rest if n not in leads) or "—"})
    return pd.DataFrame(rows)


# -- 七、节与功能部分 ------------------------------------------------------------------------
def section_name(section) -> str:
    if section is None:
        return "—"
    return _clip(section.label, 14) if section.kind == "heading" else f"〈{section.title}〉"


def parts_table(report):
    outline = report.outline()
    rows = [{"起始行": p.line, "功能部分": PART_NAMES[p.kind], "依据（提示词）": p.evidence,
             "所在的节": section_name(outline.section_at(p.line))} for p in outline.parts]
    return pd.DataFrame(rows, columns=["起始行", "功能部分", "依据（提示词）", "所在的节"])


def skeleton(report) -> str:
    """The functional parts in order: 开头 → 工作回顾 → …"""
    return " → ".join(PART_NAMES[p.kind] for p in report.outline().parts) or "（没有找到功能部分）"


def skeleton_table(reports: dict):
    rows = [{"报告": "教学中常讲的顺序（惯例）", "功能部分的顺序": "成绩 → 经验 → 问题 → 打算"}]
    rows += [{"报告": name, "功能部分的顺序": skeleton(r)} for name, r in reports.items()]
    return pd.DataFrame(rows)


def sentences_table(report, line: int):
    text = report.line(line).text.strip()
    return pd.DataFrame([{"第几句": k, "句子": text[a:b]} for k, (a, b) in enumerate(sentence_spans(text), 1)])


def leads_under(report, heading_line: int):
    """The lead sentences of the paragraphs of the section that starts at ``heading_line``."""
    section = report.outline().section_at(heading_line)
    lines = {p.line for p in section.all_paragraphs()} if section is not None else set()
    leads = lead_sentences(report)
    rows = [{"行号": int(r.line), "主旨句": r.text} for r in leads.itertuples() if int(r.line) in lines]
    return pd.DataFrame(rows, columns=["行号", "主旨句"])


def level1_style(report) -> str | None:
    """The style most level-1 headings use (the one the numbering check expects)."""
    counts: dict[str, int] = {}
    for h in report.outline().headings:
        if h.level == 1 and h.style != "none":
            key = family(h.style, h.chinese)
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def unified_markers(report) -> list[str]:
    """The level-1 markers after unifying to the level's style (a lost heading's included)."""
    style = level1_style(report) or "cn-dun"
    return [render(style, s["number"]) if s["number"] else "" for s in level1_sections(report)]
