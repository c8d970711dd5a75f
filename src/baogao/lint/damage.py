"""Damage typical of scraped and machine-rewritten copies."""

from __future__ import annotations

import re

from baogao.lint.registry import rule

LESSON = "baogao 第 4 课：转载与机器改写的痕迹"
_FINAL = "。！？!?…”’）)》」』"

# Latin abbreviations that Chinese official texts do use as they are.
ALLOWED_LATIN = {
    "GDP", "CPI", "PPI", "PMI", "M0", "M1", "M2", "PM2.5", "PM10", "5G", "4G", "3G", "H5", "APP", "App",
    "C919", "ARJ21", "RCEP", "CPTPP", "PPP", "WTO", "APEC", "G20", "BRICS", "AI", "IT", "VR", "AR",
    "MBA", "LED", "ETC", "USB", "CT", "DNA", "QQ", "Wi-Fi", "ICU", "CEO", "FTA", "ODI", "FDI",
    "3A", "4A", "5A", "6G",  # 4A级景区 (tourist-site grades), 4G/5G/6G networks
}
_LATIN = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9.\-]*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@rule("boilerplate", family="damage", severity="error",
      title="网站附加的文字", reference=LESSON,
      positive="工作报告\n本站经过数据整理，仅供参考!\n今年我们完成了任务。",
      negative="工作报告\n今年我们完成了任务。")
def boilerplate(ctx):
    """Lines a content-farm site adds around a copied text (本站…仅供参考, 更多关于…请关注本站)."""
    for p in ctx.paragraphs("boilerplate"):
        yield ctx.finding_at(p, 0, len(p.text), "这一行是转载网站添加的文字，不属于报告本身，应删除。", "")


@rule("latin-residue", family="damage", severity="error",
      title="中文里夹杂的外文字母", reference=LESSON,
      positive="形成NPC代表建议3379件，通过pa", negative="PM2.5浓度下降，5G基站建设加快，综合运用H5、小程序。")
def latin_residue(ctx):
    """Latin letters in Chinese text that are not standard abbreviations: back-translation
    residue (NPC代表 for 人大代表, CPPCC委员), fragments (通过pa), letters in numbers (25l亿元)."""
    for p in ctx.paragraphs():
        t = p.text
        if not _CJK.search(t):
            continue
        for m in _LATIN.finditer(t):
            word = m.group().rstrip(".-")
            if word in ALLOWED_LATIN or word.upper() in ALLOWED_LATIN:
                continue
            digits = len(word) - len(word.lstrip("0123456789"))
            a, b = m.start(), m.start() + len(word)
            letters = word[digits:]
            if digits and len(letters) <= 2 and letters[0] in "lIoO":
                a += digits
                msg = f"数字中混入了字母“{letters}”（疑为数字“1”或“0”之误）。"
            elif digits:
                continue  # 10km, 3D: a number with a unit or grade
            elif word.isupper() and len(word) >= 2:
                msg = f"中文公文中出现外文缩写“{word}”，应写出中文名称（疑为机器翻译残留）。"
            else:
                msg = f"中文语句中夹杂外文字母“{word}”（疑为转载或机器改写残留）。"
            yield ctx.finding_at(p, a, b, msg)


_REDUPLICATION = re.compile(r"[一二三四五六七八九十两每][个年天步次项条代批件]")


@rule("duplicated-words", family="damage", severity="error",
      title="词语重复", reference=LESSON,
      positive="努力做到以史为鉴、以史为鉴、增长信心，全面实施晋级晋级入团。",
      negative="扎扎实实开展工作，一代一代传下去；对付社会帝国主义、帝国主义可能的进攻；社会保障、保障性住房。")
def duplicated_words(ctx):
    """The same word twice in a row (晋级晋级), or the same item twice in a list (以史为鉴、以史为鉴、).

    Words are jieba tokens, so 社会保障、保障性住房 (two different words) and
    阶级、阶级矛盾 (a list of phrases) are not repetitions.
    """
    tokens = ctx.analysis.tokens
    words, starts, ends, paras = (tokens["word"].tolist(), tokens["start"].tolist(),
                                  tokens["end"].tolist(), tokens["paragraph"].tolist())
    kinds = ctx.kinds
    n = len(words)
    for i in range(n - 1):
        w = words[i]
        if len(w) < 2 or not _CJK.search(w) or kinds.get(paras[i]) == "boilerplate" or _REDUPLICATION.fullmatch(w):
            continue
        if words[i + 1] == w and paras[i + 1] == paras[i]:
            yield ctx.finding(starts[i], ends[i + 1], f"“{w}”连续出现两次，疑为重复。", w)
        elif (i + 2 < n and words[i + 1] == "、" and words[i + 2] == w and paras[i + 2] == paras[i]
              and (i + 3 >= n or paras[i + 3] != paras[i] or not _CJK.search(words[i + 3]))):
            yield ctx.finding(starts[i], ends[i + 2], f"并列的各项中“{w}”出现了两次，疑为重复。", w)


def _unfinished_clause(text: str) -> int | None:
    """Where the unfinished last clause of a cut-off paragraph starts, or None.

    Cut off: it stops mid-word (通过pa), on a comma or 顿号, or on 和/与/及.
    A paragraph ending in a colon (a lead-in to a list) or a semicolon (a
    list item) is complete.
    """
    t = text.rstrip()
    if t[-1] in _FINAL:
        return None
    if re.search(r"[\u4e00-\u9fff][A-Za-z]{1,3}$", t) or t[-1] in "，,、和与及":
        return max((i for i, c in enumerate(t[:-1]) if c in _FINAL + "，,、；;：:"), default=-1) + 1
    return None


@rule("cut-off-paragraph", family="damage", severity="error",
      title="段落在句中被截断", reference=LESSON,
      positive="充分发挥作用。通过pa\n下一段。", negative="今年重点抓好五件事：\n一是扩大就业；\n下一段。")
def cut_off_paragraph(ctx):
    """A body paragraph that stops mid-word, on a comma or 顿号, or on 和/与/及; the
    unfinished clause is marked."""
    for p in ctx.paragraphs("paragraph"):
        cut = _unfinished_clause(p.text)
        if cut is not None:
            yield ctx.finding_at(p, cut, len(p.text.rstrip()), "段落在句子中间中断，后面的文字丢失了（原文未知）。")


@rule("missing-final-punctuation", family="damage", severity="warning",
      title="段末没有标点", reference="GB/T 15834-2011 标点符号用法，句号",
      positive="团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三\n下一段。",
      negative="团中央建立了台账管理和监督制度。\n下一段。")
def missing_final_punctuation(ctx):
    """A body paragraph (not a heading) that ends without final punctuation and is not
    clearly cut off (that is ``cut-off-paragraph``): often a cut-off text all the same."""
    headings = {h.paragraph for h in ctx.outline.headings}
    for p in ctx.paragraphs("paragraph"):
        t = p.text.rstrip()
        if t[-1] in _FINAL or _unfinished_clause(t) is not None or p.index in headings:
            continue
        yield ctx.finding_at(p, len(t) - 1, len(t), "段落末尾没有句末标点：句子不完整，或漏了句号。")
