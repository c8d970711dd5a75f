"""Damage typical of scraped and machine-rewritten copies."""

from __future__ import annotations

import re
from functools import cache

from baogao.lint._latin import INSTITUTIONS, residue
from baogao.lint.registry import rule
from baogao.text.tokens import cut_pairs

LESSON = "baogao 第 0 课（样本报告是一份受损的副本：转载与机器改写的痕迹）、第 6 课（校对）"
_FINAL = "。！？!?…”’）)》」』"

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT_FOR = str.maketrans("lIoO", "1100")


#: The reason the structure parser gives a content farm's own sentence (本站…仅供参考).
_FARM_REASON = "转载网站添加的文字"


def _residue_message(reason: str) -> str:
    """What a residue line is, in one Chinese sentence, from its ``Element.reason``."""
    if not reason or reason == _FARM_REASON:
        return "这一行是转载网站添加的文字，不属于报告本身，应删除。"
    return f"这一行是复制时随原文带来的{reason}，不属于报告本身，应删除。"


@rule("boilerplate", family="damage", severity="error",
      title="网站附加的文字", reference=LESSON,
      positive="工作报告\n本站经过数据整理，仅供参考!\n今年我们完成了任务。",
      negative="工作报告\n今年我们完成了任务。")
def boilerplate(ctx):
    """Lines a copy brings along that are not the report: a content farm's own sentences
    (本站…仅供参考, 更多关于…请关注本站), a web page's buttons, information lines
    (来源：, 时间：), photo captions, a title shown twice, a database's citation code, a
    newspaper's page-jump note, a site's licence notice (the structure parser's
    ``boilerplate`` elements, docs/structure.md, "Residue"). The message names what the
    line is, from the element's ``reason``; the suggestion is to delete the line."""
    reasons = {e.paragraph: e.reason for e in ctx.outline.elements if e.kind == "boilerplate"}
    for p in ctx.paragraphs("boilerplate"):
        yield ctx.finding_at(p, 0, len(p.text), _residue_message(reasons.get(p.index, "")), "")


@rule("split-paragraph", family="damage", severity="warning",
      title="一段话被拆成了几行", reference=LESSON,
      positive="工作报告\n今年空气质量持续改善，\n细颗粒物浓度明显下降。\n下一段。",
      negative="工作报告\n今年空气质量持续改善。\n细颗粒物浓度明显下降。\n下一段。")
def split_paragraph(ctx):
    """One paragraph that the copy split over consecutive lines (a hyperlinked word or a
    subscript on a line of its own, a sentence broken after a comma): one finding per
    ``Outline.split_paragraphs`` entry, with its message (its lines and the reason of each
    break). The finding marks the first break: from the last character before it to the
    first character after it.

    A warning, not an error: it is a defect of the copy's layout, not of the writer's
    text (no word is wrong or lost, and the kit already reads the pieces as one
    paragraph), and the join is read from evidence (a line that opens with 、, a line
    broken after a comma) that a line deliberately so laid out could give too; read it
    and join the lines."""
    lines = ctx.report.lines
    for split in ctx.outline.split_paragraphs:
        before, after = lines[split.lines[0] - 1], lines[split.lines[1] - 1]
        start = before.start + len(before.text.rstrip()) - 1
        end = after.start + len(after.text) - len(after.text.lstrip()) + 1
        yield ctx.finding(max(start, before.start), end, split.message)


@rule("latin-residue", family="damage", severity="error",
      title="中文里夹杂的外文字母", reference=LESSON,
      positive="形成NPC代表建议3379件，通过pa",
      negative="按照GB/T 9704—2012和ISO 9001的要求，PM2.5和SO2浓度下降，G4京港澳高速、C919和5G建设加快，"
               "创建5A级景区，GDP增长5%，推广“i志愿”和DeepSeek，邮箱tuanwei@example.gov.cn，见附件.docx。")
def latin_residue(ctx):
    """Latin letters in Chinese text that are residue, by the policy of ``baogao.lint._latin``.

    Allowed, as official Chinese writes them: standard codes (GB/T 9704—2012, GB 3095,
    ISO 9001), designations of roads, lines, aircraft and products (G4, S20线, C919),
    pollutants and formulas (PM2.5, SO2, NOx, VOCs), units after a number (10km), grades and
    letter words (5A级, AAA级, A类, X光), abbreviations in capitals (GDP, CPI, 5G, AI, HPV),
    e-mail and web addresses and file names, and names with capitals or in quotation marks
    (DeepSeek, “i志愿”). No list of these can be complete, so the rule names residue by its
    form instead: (1) an English abbreviation of a Chinese organ or organisation (NPC,
    CPPCC, CPC, PLA …: official Chinese always names them in Chinese; the suggestion is the
    Chinese name, and a gloss in brackets after the Chinese name, 中国共产党(CPC), is to be
    deleted with its brackets); (2) a letter l, I, o or O in a number for 1 or 0 (25l亿元);
    (3) lower-case letters that are none of the allowed forms: a fragment left by a cut-off
    (通过pa) or English words left by rewriting. Whether a foreign abbreviation should have
    been written in Chinese is a question of style, which the rule does not judge."""
    for p in ctx.paragraphs():
        for a, b, kind, word in residue(p.text):
            if kind == "digit":
                digits = word.translate(_DIGIT_FOR)
                yield ctx.finding_at(p, a, b, f"数字中混入了字母“{word}”，疑为数字“{digits}”之误。", digits)
            elif kind in ("institution", "gloss"):
                short, full = INSTITUTIONS[word]
                name = short if short == full else f"{short}（{full}）"
                if kind == "gloss":
                    yield ctx.finding_at(p, a, b, f"中文名称后用英文缩写“{word}”作注：中文公文不加外文注释，"
                                                  "应删除（疑为机器翻译残留）。", "")
                else:
                    yield ctx.finding_at(p, a, b, f"“{word}”是“{name}”的英文缩写：中文公文应写中文名称"
                                                  "（疑为机器翻译残留）。", short)
            else:
                yield ctx.finding_at(p, a, b, f"中文语句中夹杂外文字母“{word}”（疑为转载或机器改写残留）。")


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
    tokens = ctx.analysis.token_columns
    words, starts, ends, paras = tokens["word"], tokens["start"], tokens["end"], tokens["paragraph"]
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
    unfinished clause is marked. A piece of a paragraph the copy split over lines
    (``Outline.split_paragraphs``: 广义货币M / 2 / 增长13.6%) is not cut off: its text goes
    on on the next line (``split-paragraph`` reports the break)."""
    for p in ctx.paragraphs("paragraph"):
        if p.line in ctx.continued:
            continue
        cut = _unfinished_clause(p.text)
        if cut is not None:
            yield ctx.finding_at(p, cut, len(p.text.rstrip()), "段落在句子中间中断，后面的文字丢失了（原文未知）。")


#: A lead-in's colon and a list item's semicolon (full-width and, in damaged copies, ASCII).
_LEAD_IN_OR_ITEM = "：:；;"


@rule("missing-final-punctuation", family="damage", severity="warning",
      title="段末没有标点", reference="GB/T 15834-2011 标点符号用法，句号",
      positive="团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三\n下一段。",
      negative="团中央建立了台账管理和监督制度。\n下一段。")
def missing_final_punctuation(ctx):
    """A body paragraph (not a heading) that ends without final punctuation and is not
    clearly cut off (that is ``cut-off-paragraph``): often a cut-off text all the same.
    A piece of a split paragraph that the next piece goes on from is left to
    ``split-paragraph``. A paragraph that ends in a colon with more text after it
    is a lead-in to what follows, one that ends in a semicolon an item of a list
    (GB/T 15834-2011: the colon introduces what follows, the semicolon separates
    listed items): both are complete."""
    headings = {h.paragraph for h in ctx.outline.headings}
    body = list(ctx.paragraphs("paragraph"))
    last = body[-1].index if body else None
    for p in body:
        if p.line in ctx.continued:
            continue
        t = p.text.rstrip()
        if t[-1] in _FINAL or _unfinished_clause(t) is not None or p.index in headings:
            continue
        if t[-1] in _LEAD_IN_OR_ITEM and p.index != last:
            continue
        yield ctx.finding_at(p, len(t) - 1, len(t), "段落末尾没有句末标点：句子不完整，或漏了句号。")


# --- spaces inside Chinese text ---------------------------------------------------------------

_SPACES = re.compile(r"[ \u3000\u00a0\t]+")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# CJK punctuation: CJK symbols (、。《》「」【】〔〕 …), the full-width marks (！，：；？（）),
# not the full-width letters and digits, and the marks Chinese shares with Western text.
_CJK_MARK = re.compile(r"[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]")
_ASCII_MARKS = ",;:!?()"
_SENTENCE_END = re.compile(r"[。！？!?]")
_LEGAL_MARKER = re.compile(r"第[零〇一二三四五六七八九十百千\d]+[条章节编款]")
_BYLINE = re.compile(r"[ \u3000]*[\u4e00-\u9fff]{0,8}(?:记者|通讯员|摄影)[ \u3000]*[\u4e00-\u9fff·]{2,4}(?:[ \u3000]*摄)?$")
_CONTACT_LINE = re.compile(r"[（(]?联\s*系\s*(?:人|电话|方式)")
_LIST_EDGE = "、，；：。,;:（）()\u3000 "
_QUOTES = {"“": "”", "「": "」", "『": "』"}


def _chinese(ch: str) -> bool:
    return bool(_IDEOGRAPH.match(ch) or _CJK_MARK.match(ch))


def _chinese_side(t: str, i: int, step: int) -> bool:
    """Is the character at ``i`` Chinese, or an ASCII mark of Chinese text (今年, 我们: the
    comma's other side is Chinese)?"""
    if not 0 <= i < len(t):
        return False
    if _chinese(t[i]):
        return True
    j = i + step
    return t[i] in _ASCII_MARKS and 0 <= j < len(t) and _chinese(t[j])


def _quoted_spans(t: str) -> list[tuple[int, int]]:
    """The insides of the quotations of a paragraph (“…”, 「…」, 『…』), unnested."""
    spans, open_at = [], {}
    for i, ch in enumerate(t):
        if ch in _QUOTES:
            open_at.setdefault(ch, i)
        else:
            for o, c in _QUOTES.items():
                if ch == c and o in open_at:
                    spans.append((open_at.pop(o) + 1, i))
    return spans


def _padded_name(t: str, a: int, b: int) -> bool:
    """王　刚 in a list of names: one full-width space inside an item of two or three
    characters (a two-character name padded to the width of three)."""
    if t[a:b] != "\u3000":
        return False
    left = a
    while left > 0 and _IDEOGRAPH.match(t[left - 1]):
        left -= 1
    right = b
    while right < len(t) and _IDEOGRAPH.match(t[right]):
        right += 1
    return ((left == 0 or t[left - 1] in _LIST_EDGE) and (right == len(t) or t[right] in _LIST_EDGE)
            and 1 <= a - left <= 2 and 1 <= right - b <= 2 and right - left - 1 <= 3)


def _stray_spaces(t: str):
    """(start, end) of each stray run of spaces in a paragraph's text."""
    if not _SENTENCE_END.search(t) or _CONTACT_LINE.match(t):
        return  # a heading, a caption, a speaker or date line, a contact line: not running prose
    legal = _LEGAL_MARKER.match(t)
    byline = _BYLINE.search(t)
    quoted = _quoted_spans(t)
    for m in _SPACES.finditer(t):
        a, b = m.start(), m.end()
        if not (_chinese_side(t, a - 1, -1) and _chinese_side(t, b, 1)):
            continue  # next to Latin text or a number (5G 基站, COVID 19), or at an edge
        if legal and a == legal.end():
            continue  # 第一条　为了……: the layout of laws and rules
        if byline and a >= byline.start():
            continue  # 本报记者 霍艳恩摄: a photo credit
        if _IDEOGRAPH.match(t[a - 1]) and _IDEOGRAPH.match(t[b]) and any(x <= a and b <= y for x, y in quoted):
            continue  # “好客山东 好品山东”: the halves of a slogan
        if _padded_name(t, a, b):
            continue
        yield a, b


@rule("stray-space", family="damage", severity="error",
      title="中文里多余的空格",
      reference="排版惯例：中文的字与字、字与标点之间不加空格（全角标点本身占一个字的位置："
                "GB/T 15834-2011 标点符号用法，标点符号的位置和书写形式）",
      positive="深化改革创新, 不断增强政治性。 重点关注以下几个方面。",
      negative="　　深化改革创新，推动5G 基站和 COVID 19 防控，打响“好客山东 好品山东”品牌。参加人员：王　刚、李明华。")
def stray_space(ctx):
    """A space (ASCII, full-width U+3000, no-break or tab, or a run of them) inside a body
    paragraph, between two Chinese characters or between a Chinese character and Chinese
    punctuation (an ASCII mark of Chinese text, as in 创新, 不断, counts as Chinese
    punctuation). Copying and converting leave such spaces; Chinese prose has none.

    Not a stray space: the indentation at the start of a paragraph (not part of its text)
    and spaces at its end; a space next to Latin letters or digits (5G 基站, COVID 19);
    anything outside body paragraphs (titles, speaker lines that put a full-width space
    between 省长 and 王正谱, standalone headings, a table of contents); a paragraph with no
    sentence-final mark (a headline, a caption, a date line); a contact line, where spaces
    part a unit, a name and a number (联系人：团市委办公室 王某某); the space after 第一条 or
    第一章 that the layout of laws and rules puts there; a photo credit (本报记者 霍艳恩摄);
    the space between the halves of a slogan in quotation marks (“好客山东 好品山东”); and
    the full-width space that pads a two-character name to the width of three in a list of
    names (王刚 so written beside 李明华).
    """
    for p in ctx.paragraphs("paragraph"):
        for a, b in _stray_spaces(p.text):
            what = "全角空格" if set(p.text[a:b]) == {"\u3000"} else "空格"
            many = f" {b - a} 个" if b - a > 1 else ""
            yield ctx.finding_at(p, a, b, f"中文字句之间多了{many}{what}：中文正文不加空格，疑为复制或转载留下的痕迹，应删除。",
                                 "")


# --- one character written twice ----------------------------------------------------------------

#: jieba's tags of function words: particles and auxiliaries (u, uj 的, ul 了, uz 着, ug 过,
#: uv 地, ud 得), prepositions (p) and conjunctions (c).
_FUNCTION_TAGS = ("u", "p", "c")
#: Doubled forms that are words of their own: 等等 (and so on; wait), 比比 and 用用 (the
#: verbs 比 and 用 reduplicated: 比比看, 用用看).
_STANDARD_DOUBLINGS = {"等等", "比比", "用用"}


@cache
def _own_tag(ch: str) -> str:
    """The tag the kit's segmenter gives a character on its own (its dictionary tag)."""
    return cut_pairs(ch, use_disk=False)[0][1]


def _doubled_message(ch: str, times: int) -> str:
    if times == 2:
        return f"“{ch}”连写了两次，疑为多打了一个字。"
    return f"“{ch}”连写了 {times} 次，疑为多打了 {times - 1} 个字。"


def _function_word(tag: str) -> bool:
    return tag.startswith(_FUNCTION_TAGS)


@rule("doubled-character", family="damage", severity="warning",
      title="单字重复（的的、了了）", reference=LESSON,
      positive="团中央的的工作取得新进展，完成了了各项任务。",
      negative="我们常常学习，人人参与，天天锻炼，看看成效，一一落实，年年增长，的的确确，等等。")
def doubled_character(ctx):
    """A function word written twice: 的的, 了了, 在在, 和和, 是是, 都都.

    Many doublings are right: nouns, measure words, verbs, adjectives and many adverbs
    reduplicate (人人, 年年, 个个, 看看, 讨论讨论, 高高, 常常, 刚刚, 仅仅). Function words do
    not, and the policy is read from the segmentation (jieba with the kit's lexicon).
    (1) Two single-character tokens X X in a row are flagged when both are tagged as a
    particle or auxiliary (u…), a preposition (p), a conjunction (c) or an adverb (d), or X
    is the copula 是. An adverb that does reduplicate is a dictionary word and so one token
    (常常, 刚刚, 渐渐, 纷纷); a noun, measure word or verb cut in two (年 年, 件 件, 说 说) is
    left alone. (2) One token XX (jieba's HMM joins 的的, 以以, 于于, 地地 into a word of its
    own) is flagged when X on its own is a particle, a preposition or a conjunction.
    (3) A doubled form that is a word of its own (等等; 比比 and 用用, the verbs
    reduplicated) is never flagged, however it is cut, nor is a doubling inside a longer
    word (的的确确, 不甚了了, 是是非非) or across a word boundary (目的的 is 目的 + 的).

    A warning, not an error: a few doublings of these characters are right in a rare
    reading the tokens cannot tell apart (了了心愿, where the verb 了 takes the particle
    了; 对对答案, where 对 is the verb 核对).
    """
    tokens = ctx.analysis.token_columns
    words, tags, starts, ends, paras = (tokens["word"], tokens["pos"], tokens["start"], tokens["end"],
                                        tokens["paragraph"])
    kinds = ctx.kinds
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        if kinds.get(paras[i]) == "boilerplate" or not _IDEOGRAPH.match(w[0]):
            i += 1
            continue
        j = i
        while j + 1 < n and len(w) == 1 and words[j + 1] == w and paras[j + 1] == paras[i] and starts[j + 1] == ends[j]:
            j += 1
        if j > i and w * (j - i + 1) not in _STANDARD_DOUBLINGS and (
                w == "是" or all(_function_word(t) or t == "d" for t in tags[i:j + 1])):
            yield ctx.finding(starts[i], ends[j], _doubled_message(w, j - i + 1), w)
        elif (j == i and len(w) == 2 and w[0] == w[1] and w not in _STANDARD_DOUBLINGS
              and _function_word(_own_tag(w[0]))):
            yield ctx.finding(starts[i], ends[i], _doubled_message(w[0], 2), w[0])
        i = j + 1
