"""Style rules: information for the writer, never errors."""

from __future__ import annotations

from baogao.lint.registry import rule

LESSON = "baogao 第 2 课（主旨句）、第 4 课（句子的长短）"
LONG_SENTENCE = 120  # characters


@rule("long-sentence", family="style", severity="info",
      title="句子过长", reference=LESSON,
      positive="我们" + "认真贯彻落实各项决策部署，" * 10 + "取得了成效。", negative="我们认真贯彻落实各项决策部署。")
def long_sentence(ctx):
    """A body sentence longer than 120 characters: hard to read aloud or to follow."""
    for row in ctx.analysis.sentence_rows:
        if row.kind == "paragraph" and row.chars > LONG_SENTENCE:
            yield ctx.finding(row.start, row.end, f"这个句子有 {row.chars} 个字，超过 {LONG_SENTENCE} 字，可考虑拆分。")


@rule("no-lead-sentence", family="style", severity="info",
      title="段落缺少主旨句", reference=LESSON,
      positive="围绕中心工作，我们组织开展了多项活动，参与人数达到一万人次，覆盖全部街道和社区。"
               "全年累计举办讲座二十场，邀请专家学者为群众答疑解惑，内容涵盖政策解读和实用技能。"
               "活动受到普遍欢迎，群众满意度较高，各方反映良好。",
      negative="努力提高覆盖率。围绕中心工作，我们组织开展了多项活动，参与人数达到一万人次。全年累计举办讲座二十场。")
def no_lead_sentence(ctx):
    """A long body paragraph (3+ sentences, 100+ characters) that does not open with a lead sentence."""
    by_paragraph: dict[int, list] = {}
    for row in ctx.analysis.sentence_rows:
        if row.kind == "paragraph":
            by_paragraph.setdefault(row.paragraph, []).append(row)
    for para in sorted(by_paragraph):
        group = by_paragraph[para]
        if len(group) < 3 or sum(r.chars for r in group) < 100 or group[0].is_lead:
            continue
        yield ctx.finding(group[0].start, group[0].end, "这一段没有以简短的主旨句开头：读者要读完整段才知道要点。")
