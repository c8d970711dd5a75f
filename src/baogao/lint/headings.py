"""Heading and numbering rules (GB/T 9704-2012 党政机关公文格式, 正文的结构层次序数)."""

from __future__ import annotations

from baogao.lint.registry import rule
from baogao.text.markers import STYLE_NAMES

REF = "GB/T 9704-2012 党政机关公文格式，结构层次序数（一、 （一） 1. （1））"


def _issue_rule(kind: str):
    def check(ctx):
        for issue in ctx.outline.numbering_issues:
            if issue.kind != kind:
                continue
            line = ctx.report.line(issue.line)
            if issue.column is not None:
                col = issue.column - 1
            else:
                col = line.text.find(issue.found) if issue.found else -1
            if col < 0:
                p = ctx.report.paragraph_at(issue.line)
                start = p.start if p else line.start
                end = start + 1
            else:
                start = line.start + col
                end = start + len(issue.found)
            yield ctx.finding(start, end, issue.message, issue.expected)
    return check


for _kind, _title, _pos, _neg in [
    ("gap", "编号缺号", "一、甲\n正文。\n三、丙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
    ("repeat", "编号重号", "一、甲\n正文。\n一、乙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
    ("out_of_order", "编号顺序颠倒", "一、甲\n正文。\n三、丙\n正文。\n二、乙\n正文。",
     "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。"),
    ("style_change", "同级编号样式不一", "一、甲\n正文。\n2.乙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
]:
    _fn = _issue_rule(_kind)
    _fn.__doc__ = f"Numbering issue of kind {_kind!r} found by the outline (headings and enumerations)."
    rule(f"numbering-{_kind.replace('_', '-')}", family="headings", severity="error", title=_title,
         reference=REF, positive=_pos, negative=_neg)(_fn)


@rule("marker-punctuation", family="headings", severity="error",
      title="序号后的标点不对", reference=REF,
      positive="（一）、加强领导\n正文内容很多。", negative="（一）加强领导\n正文内容很多。")
def marker_punctuation(ctx):
    """（一）、 一. 1、 (一): the marker's punctuation is wrong."""
    for h in ctx.outline.headings:
        m = h.marker
        fix = None
        if h.style == "cn-paren" and m[-1] in "、.．":
            fix = m[:-1]
        elif h.style == "arabic-paren" and m[-1] in "、.．":
            fix = m[:-1]
        elif h.style == "cn-dun" and m[-1] in ".．":
            fix = m[:-1] + "、"
        elif h.style == "arabic-dun":
            fix = m[:-1] + "."
        elif h.style == "half-paren":
            inner = m.strip("()（）、.．")
            fix = f"（{inner}）"
        if fix is None:
            continue
        line = ctx.report.line(h.line)
        col = line.text.find(m)
        start = line.start + max(col, 0)
        yield ctx.finding(start, start + len(m), f"序号“{m}”的写法不规范，应为“{fix}”。", fix)


@rule("enumeration-marker-as-heading", family="headings", severity="warning",
      title="用“一是”“第一，”作小标题", reference=REF,
      positive="一是加强政治建设\n鲜明的政治立场是根本。一年来成效明显。\n二是深化思想引导\n以建党一百周年为契机，开展学习。",
      negative="一、加强政治建设\n一是统一思想，二是明确任务。")
def enumeration_marker_as_heading(ctx):
    """一是/第一， are run-in enumerators; a standalone heading takes 一、 (or the level's marker)."""
    for h in ctx.outline.headings:
        if h.style not in ("cn-shi", "cn-di"):
            continue
        line = ctx.report.line(h.line)
        start = line.start + max(line.text.find(h.marker), 0)
        yield ctx.finding(start, start + len(h.marker),
                          f"“{h.marker}”是段内列举的写法（{STYLE_NAMES[h.style]}），用作第 {h.level} 级标题时应改用该级的标准序号。",
                          {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}.get(h.level))


@rule("heading-final-punctuation", family="headings", severity="warning",
      title="同级标题句末标点不一致", reference=REF,
      positive="一、加强领导。\n正文很长很长。\n二、完善制度\n正文很长很长。\n三、强化落实。\n正文很长很长。",
      negative="一、加强领导\n正文很长很长。\n二、完善制度\n正文很长很长。\n三、强化落实\n正文很长很长。")
def heading_final_punctuation(ctx):
    """Standalone headings of one level: most end in 。 (or none do) — the odd ones out."""
    by_level: dict[int, list] = {}
    for h in ctx.outline.headings:
        if not h.run_in and h.style != "none":
            by_level.setdefault(h.level, []).append(h)
    for level, hs in by_level.items():
        if len(hs) < 3:
            continue
        with_stop = [h for h in hs if ctx.report.line(h.line).text.rstrip().endswith("。")]
        without = [h for h in hs if h not in with_stop]
        if not with_stop or not without or len(with_stop) == len(without):
            continue
        odd, usual = (without, "都以“。”结尾") if len(with_stop) > len(without) else (with_stop, "都不加句号")
        for h in odd:
            p = ctx.report.paragraph_at(h.line)
            n = len(p.text)
            yield ctx.finding_at(p, n - 1, n, f"第 {level} 级的其他标题{usual}，这一个不一致。",
                                 p.text[-1] + "。" if odd is without else "")


_INTRO = "一年来，我们围绕中心工作，坚持以人民为中心的发展思想，推动各项工作取得了新的进展和成效。"
_LEAD = "加强组织建设。全年新建组织二十个，培训骨干五百人次，覆盖全部街道。"


@rule("lost-heading", family="headings", severity="warning",
      title="疑似丢失小标题的位置", reference=REF,
      positive=f"一、加强基层\n{_INTRO}\n{_LEAD}\n{_LEAD}\n{_INTRO}\n{_LEAD}\n三、改进作风\n{_INTRO}\n{_LEAD}",
      negative=f"一、加强基层\n{_INTRO}\n{_LEAD}\n{_LEAD}\n二、服务青年\n{_INTRO}\n{_LEAD}\n三、改进作风\n{_INTRO}\n{_LEAD}")
def lost_heading(ctx):
    """Where a gap shows a heading is missing, the paragraph of the section before the gap
    that opens like a section — an introduction without a lead sentence, after
    paragraphs that open with one — is probably where the lost heading stood."""
    headings = ctx.outline.headings
    by_line = {h.line: h for h in headings}
    sentences = ctx.analysis.sentences
    first = sentences[sentences["position"] == 1].set_index("paragraph")["is_lead"].to_dict()
    for issue in ctx.outline.numbering_issues:
        h = by_line.get(issue.line)
        if issue.kind != "gap" or h is None:
            continue
        before = [x for x in headings if x.line < h.line and x.level == h.level]
        if not before:
            continue
        start = before[-1].line
        body = [p for p in ctx.paragraphs("paragraph") if start < p.line < h.line]
        if any(x.level > h.level and start < x.line < h.line for x in headings):
            continue  # sub-headings structure the section: no guess
        seen_lead = False
        for p in body[1:]:
            lead = bool(first.get(p.index, False))
            if not lead and seen_lead and len(p.text) >= 40:
                yield ctx.finding_at(p, 0, min(6, len(p.text)),
                                     f"编号缺“{issue.expected}”：这一段像是新一部分的开头（前面几段都以主旨句开头，"
                                     "它却是总述），缺失的小标题可能原在它前面；原标题未知。")
                break
            seen_lead = seen_lead or lead
