"""Heading and numbering rules.

GB/T 9704-2012 (党政机关公文格式, 7.3.3) gives the sequence the levels of the
body 依次可以用: 一、（一）1.（1）. It says nothing about numbers being
consecutive or a level keeping one style: those are conventions (惯例), and
the rules that rest on them cite the convention, not the standard.
"""

from __future__ import annotations

from baogao.lint.registry import rule
from baogao.structure.numbering import level_styles, positions, suggested_marker
from baogao.text.markers import STYLE_NAMES

#: For the form of a marker: the recommended sequence of the standard.
REF = "GB/T 9704-2012 党政机关公文格式 7.3.3：结构层次序数依次可以用“一、”“（一）”“1.”“（1）”"
#: For consecutive numbers, one style per level, uniform final punctuation.
CONVENTION = "公文写作惯例：同级标题用同一种序号，序号连续，句末标点一致（GB/T 9704-2012 对此没有规定）"


def _issue_rule(kind: str):
    def check(ctx):
        for issue in ctx.outline.numbering_issues:
            if issue.kind != kind or issue.next_heading is not None:
                continue  # a lost heading is the rule lost-heading's
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
    ("gap", "编号缺号", "二、乙\n正文。\n三、丙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
    ("repeat", "编号重号", "一、甲\n正文。\n一、乙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
    ("out_of_order", "编号顺序颠倒", "一、甲\n正文。\n三、丙\n正文。\n二、乙\n正文。",
     "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。"),
    ("style_change", "同级编号样式不一", "一、甲\n正文。\n2.乙\n正文。", "一、甲\n正文。\n二、乙\n正文。"),
]:
    _fn = _issue_rule(_kind)
    _fn.__doc__ = f"Numbering issue of kind {_kind!r} found by the outline (headings and enumerations)."
    rule(f"numbering-{_kind.replace('_', '-')}", family="headings", severity="error", title=_title,
         reference=CONVENTION, positive=_pos, negative=_neg)(_fn)


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
    """一是/第一， are run-in enumerators; a standalone heading takes the level's marker
    (the GB/T 9704 one when the level has no other) with its ordinal. A heading
    that departs from its level's style is the rule numbering-style-change's."""
    headings = ctx.outline.headings
    styles, where = level_styles(headings), positions(headings)
    changed = {i.line for i in ctx.outline.numbering_issues if i.kind == "style_change"}
    for h in headings:
        if h.style not in ("cn-shi", "cn-di") or h.line in changed:
            continue
        line = ctx.report.line(h.line)
        start = line.start + max(line.text.find(h.marker), 0)
        yield ctx.finding(start, start + len(h.marker),
                          f"“{h.marker}”是段内列举的写法（{STYLE_NAMES[h.style]}），用作第 {h.level} 级标题时"
                          "宜改用该级的结构层次序数。",
                          suggested_marker(h, styles, where))


@rule("heading-final-punctuation", family="headings", severity="warning",
      title="同级标题句末标点不一致", reference=CONVENTION,
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
      title="原标题缺失", reference=CONVENTION,
      positive=f"一、加强基层\n{_INTRO}\n{_LEAD}\n{_LEAD}\n{_INTRO}\n{_LEAD}\n三、改进作风\n{_INTRO}\n{_LEAD}",
      negative=f"一、加强基层\n{_INTRO}\n{_LEAD}\n{_LEAD}\n二、服务青年\n{_INTRO}\n{_LEAD}\n三、改进作风\n{_INTRO}\n{_LEAD}")
def lost_heading(ctx):
    """A heading gap (三 → 五) read as a lost heading by the outline
    (``baogao.structure.numbering.lost_headings``): at the paragraph where the
    section that lost its heading starts when the text shows it, else at the
    later heading's marker. No renumbering is suggested."""
    for issue in ctx.outline.numbering_issues:
        if issue.kind != "gap" or issue.next_heading is None:
            continue
        p = ctx.report.paragraph_at(issue.line)
        if issue.line == issue.next_heading:
            h = next(x for x in ctx.outline.headings if x.line == issue.line)
            a = max(p.text.find(h.marker), 0)
            yield ctx.finding_at(p, a, a + len(h.marker), issue.message)
        else:
            yield ctx.finding_at(p, 0, min(6, len(p.text)), issue.message)
