"""Punctuation rules (GB/T 15834-2011 标点符号用法)."""

from __future__ import annotations

import re
from functools import lru_cache

from baogao.lint._lexicon import dictionary
from baogao.lint.registry import rule
from baogao.text.tokens import cut_pairs

REF = "GB/T 15834-2011 标点符号用法"
# Characters that make a context Chinese: CJK ideographs, CJK and full-width punctuation.
CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’…—·"
_IS_CJK = re.compile(f"[{CJK}]")
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF = re.compile(r"[,;:?!()]")


def _chinese_neighbour(text: str, i: int) -> bool:
    """Is the mark at i next to Chinese text (spaces skipped)?"""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] == " ":
        k += 1
    before = text[j] if j >= 0 else ""
    after = text[k] if k < len(text) else ""
    return bool(_IS_CJK.match(before) or _IS_CJK.match(after))


@rule("half-width-punctuation", family="punctuation", severity="error",
      title="中文里的半角标点", reference=f"{REF}，标点符号的形式（中文使用全角标点）",
      positive="今年,我们完成了任务。", negative="今年，我们完成了任务，增长1,000人，时间10:30。")
def half_width_punctuation(ctx):
    """ASCII , ; : ? ! ( ) next to Chinese text; not in numbers (1,000, 10:30) or Latin text."""
    for p in ctx.paragraphs():
        t = p.text
        for m in _HALF.finditer(t):
            i, ch = m.start(), m.group()
            if ch in ",:" and 0 < i < len(t) - 1 and t[i - 1].isdigit() and t[i + 1].isdigit():
                continue
            if not _chinese_neighbour(t, i):
                continue
            yield ctx.finding_at(p, i, i + 1, f"中文语句中使用了半角“{ch}”，应改为全角“{FULL[ch]}”。",
                                 FULL[ch])


_ELLIPSIS = re.compile(r"\.{3,}|。{2,}|…{3,}|(?<!…)…(?!…)|·{3,}")


@rule("wrong-ellipsis", family="punctuation", severity="error",
      title="省略号写法不对", reference=f"{REF}，省略号（写作“……”）",
      positive="包括教育、卫生...等方面。", negative="包括教育、卫生……等方面。")
def wrong_ellipsis(ctx):
    """Ellipsis written ..., 。。。, a single … or more than two …."""
    for p, m in ctx.matches(_ELLIPSIS):
        yield ctx.finding_at(p, m.start(), m.end(), f"省略号写成了“{m.group()}”，应为两个“…”连写的“……”。", "……")


_SINGLE_DASH = re.compile(r"(?<!—)—(?!—)")
#: Tags of the words a connector joins: nouns and names of every kind (n, ns, nr, nt, nz,
#: ng), abbreviations (j), idioms used as names (l), numerals and measures (m, mq, q),
#: times (t) and place words (f). Not verbs, pronouns, conjunctions, prepositions, adverbs
#: or particles: a clause after the dash makes it a dash (目标—建设…, 北京—我们的首都).
_NOMINAL = re.compile(r"n[a-z]*|j|l|m|mq|q|t|f")
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


_LINK = re.compile(r"(?<=[\u4e00-\u9fff])—[\u4e00-\u9fff]{1,6}(?=—[\u4e00-\u9fff])")


def _connected(text: str, pairs: list[tuple[str, str]]) -> set[int]:
    """Offsets of the single dashes that connect (GB/T 15834, 连接号: 一字线).

    A chain of three or more items joined by single dashes, each inner item a few
    Chinese characters, is a sequence, never a dash (京—津—冀, 研发—生产制造—临床应用);
    a single link is a connector when the words on both sides are nominal
    (北京—上海, 中国—东盟自由贸易区, 一季度—三季度, 2030—重大项目).
    """
    out: set[int] = set()
    for m in re.finditer(f"(?={_LINK.pattern})", text):
        inner = _LINK.match(text, m.start())
        out.update((inner.start(), inner.end()))
    words, pos = [], 0
    for word, tag in pairs:
        words.append((pos, word, tag))
        pos += len(word)
    for k in range(1, len(words) - 1):
        at, word, _ = words[k]
        if word != "—" or at in out:
            continue
        before, after = words[k - 1], words[k + 1]
        if (re.fullmatch(r"[\u4e00-\u9fff]+|\d+", before[1]) and re.fullmatch(r"[\u4e00-\u9fff]+", after[1])
                and (_NOMINAL.fullmatch(before[2]) or before[1].isdigit()) and _NOMINAL.fullmatch(after[2])):
            out.add(at)
    return out


@rule("single-dash", family="punctuation", severity="warning",
      title="单个“—”用作破折号", reference=f"{REF}，破折号与连接号",
      positive="—2018年3月7日在区人民代表大会上", negative="2016—2025年规划纲要；增长4%—5%；京—津—冀；——2021年3月5日在大会上")
def single_dash(ctx):
    """A single — (一字线, the connector of ranges) used where a dash —— is meant.

    Not a finding: a single — that connects, as GB/T 15834 provides for the 连接号: a
    range of numbers or times (2016—2025年, 4%—5%, Ⅰ—Ⅲ类, 一季度—三季度), two names
    or nouns (北京—上海, 中国—东盟), a chain of three or more (京—津—冀,
    研发—验证—生产—应用). A single — that opens a paragraph (—2018年3月7日…) or
    comes before a clause (目标—建设…) is a dash written short.
    """
    for p in ctx.paragraphs():
        t = p.text
        ranges = None
        for m in _SINGLE_DASH.finditer(t):
            i = m.start()
            before = t[i - 1] if i else ""
            after = t[i + 1] if i + 1 < len(t) else ""
            if before and after and (before.isdigit() or before in "%‰年月日") and after.isdigit():
                continue  # 2016—2025年, 4%—5%: a range, where a single — is right
            if before in _ROMAN and after in _ROMAN:
                continue  # Ⅰ—Ⅲ类
            if ranges is None:
                ranges = _connected(t, cut_pairs(t))
            if i in ranges:
                continue
            yield ctx.finding_at(p, i, i + 1, "单个“—”是连接号；用作破折号应写“——”（两个“—”）。", "——")


_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "(": ")", "〈": "〉", "【": "】", "「": "」"}
_CLOSE = {v: k for k, v in _PAIRS.items()}
_NAMES = {"“": "引号", "‘": "单引号", "（": "括号", "(": "括号", "《": "书名号", "〈": "书名号",
          "【": "方头括号", "「": "直角引号"}


@rule("unbalanced-marks", family="punctuation", severity="error",
      title="引号、括号、书名号不成对", reference=f"{REF}，引号、括号、书名号",
      positive="开展“学党史活动。", negative="开展“学党史”活动（试点）。")
def unbalanced_marks(ctx):
    """Quotation marks, brackets and book-title marks that do not pair within a paragraph.
    The pieces of a paragraph the copy split over lines (``Outline.split_paragraphs``:
    ``（PM`` / ``2.5`` / ``）``) are read as one paragraph."""
    for unit in ctx.units():
        chars = [(p, i, ch) for p in unit for i, ch in enumerate(p.text)]
        stack: list[tuple[str, object, int]] = []
        for p, i, ch in chars:
            if ch in _PAIRS:
                stack.append((ch, p, i))
            elif ch in _CLOSE:
                if stack and stack[-1][0] == _CLOSE[ch]:
                    stack.pop()
                elif any(o == _CLOSE[ch] for o, _, _ in stack):
                    # Close the matching opener; the ones above it are unclosed.
                    while stack and stack[-1][0] != _CLOSE[ch]:
                        o, q, j = stack.pop()
                        yield ctx.finding_at(q, j, j + 1, f"前{_NAMES[o]}“{o}”没有对应的后{_NAMES[o]}“{_PAIRS[o]}”。")
                    stack.pop()
                else:
                    name = _NAMES[_CLOSE[ch]]
                    yield ctx.finding_at(p, i, i + 1, f"后{name}“{ch}”前面没有对应的前{name}“{_CLOSE[ch]}”。")
        for o, q, j in stack:
            yield ctx.finding_at(q, j, j + 1, f"前{_NAMES[o]}“{o}”没有对应的后{_NAMES[o]}“{_PAIRS[o]}”。")


_BETWEEN_MARKS = re.compile(r"”、“|》、《")


@rule("dunhao-between-quoted", family="punctuation", severity="info",
      title="引号或书名号之间的顿号", reference=f"{REF}，顿号（并列的引号、书名号之间通常不用顿号）",
      positive="“全团重基层”、“全团重学校”", negative="“全团重基层”“全团重学校”")
def dunhao_between_quoted(ctx):
    """A 顿号 between items each in quotation or book-title marks (usually left out)."""
    for p, m in ctx.matches(_BETWEEN_MARKS):
        yield ctx.finding_at(p, m.start() + 1, m.start() + 2,
                             "并列的引号或书名号之间通常不用顿号。", "")


_CN = "一二两三四五六七八九"
_APPROX = re.compile(rf"(?<![第{_CN}十\d])([{_CN}])、([{_CN}十])(?=[倍个天年月日人次万千百十多余种项名位所条件])")


@rule("dunhao-in-approximation", family="punctuation", severity="warning",
      title="概数的两个数字之间用了顿号", reference=f"{REF}，顿号（相邻两数字连用表示概数时不用顿号）",
      positive="产量增加两、三倍。", negative="产量增加两三倍；一、主要工作")
def dunhao_in_approximation(ctx):
    """三、四个 for 三四个: adjacent numerals of an approximate number take no 顿号."""
    values = {c: i for i, c in enumerate(_CN, 1)}
    values["两"], values["十"] = 2, 10
    for i, c in enumerate("一二三四五六七八九", 1):
        values[c] = i
    for p, m in ctx.matches(_APPROX):
        a, b = values[m.group(1)], values[m.group(2)]
        if b == a + 1:
            yield ctx.finding_at(p, m.start(), m.end(), f"“{m.group()}”表示概数，两个数字之间不用顿号。",
                                 m.group(1) + m.group(2))


@lru_cache(maxsize=1)
def _programme_pattern():
    names = sorted(dictionary()["programmes"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@rule("unquoted-programme-name", family="punctuation", severity="warning",
      title="项目、赛事名称未加引号", reference=f"{REF}，引号（标示特定称谓）",
      positive="实施“西部计划”。开展创青春、挑战杯、振兴杯等竞赛。",
      negative="实施“西部计划”。开展“创青春”“挑战杯”“振兴杯”等竞赛。")
def unquoted_programme_name(ctx):
    """Names of youth-work programmes and competitions (挑战杯, 西部计划) written
    without quotation marks where the text's own convention quotes them: a name
    the text quotes elsewhere, or a list of such names (创青春、挑战杯、振兴杯)
    in a text that quotes names of the kind. A single well-established name
    (希望工程) in a text that never quotes it is left alone: usage varies."""
    found = list(ctx.matches(_programme_pattern()))

    def quoted(p, m):
        return p.text[m.start() - 1:m.start()] == "“" and p.text[m.end():m.end() + 1] == "”"

    quoted_names = [m.group() for p, m in found if quoted(p, m)]
    if not quoted_names:
        return
    runs: list[list] = []
    for p, m in found:
        if quoted(p, m) or p.text[m.start() - 1:m.start()] in ("“", "《") or p.text[m.end():m.end() + 1] in ("”", "》"):
            continue
        last = runs[-1][-1] if runs else None
        if last and last[0] is p and p.text[last[1].end():m.start()] == "、":
            runs[-1].append((p, m))
        else:
            runs.append([(p, m)])
    for run in runs:
        p, first, last = run[0][0], run[0][1], run[-1][1]
        names = [m.group() for _, m in run]
        if len(names) == 1 and names[0] not in quoted_names:
            continue
        if len(names) == 1:
            why = f"本文别处写作“{names[0]}”，同一名称前后应一致"
        else:
            why = f"本文别处的同类名称加了引号（如“{quoted_names[0]}”）"
        note = "（并列的带引号名称之间不用顿号）" if len(names) > 1 else ""
        yield ctx.finding_at(p, first.start(), last.end(),
                             f"“{'、'.join(names)}”是项目或赛事名称：{why}，这里也宜加引号{note}。",
                             "".join(f"“{n}”" for n in names))
