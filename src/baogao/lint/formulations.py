"""Formulations (提法) and names: near misses of what must be written exactly.

A near miss (the search is in ``_lexicon.py``) is a string within a small
edit distance of a dictionary entry (a character added, dropped, doubled or
changed) that is not itself the entry or another entry. Differences in
numerals are not near misses (十九大 and 十八大 are both right). Members of
fixed sets (政治判断力、政治领悟力、政治执行力) are checked as a set: a list
that names the others and a look-alike in place of one member has changed
that member.
"""

from __future__ import annotations

import re

from baogao.lint._lexicon import LIST_SEPARATORS, REF, dictionary, misses, since
from baogao.lint.registry import rule
from baogao.text.tokens import cut_pairs

#: Tags of a word that names a place or abbreviates one (太湖, 沪宁).
_PLACE_TAGS = frozenset({"ns", "j"})


def _tokens_of(text: str, a: int, b: int) -> list[tuple[str, str]] | None:
    """The paragraph's own tokens that make up ``text[a:b]`` exactly, or None."""
    out, pos = [], 0
    for word, tag in cut_pairs(text):
        if a <= pos and pos + len(word) <= b:
            out.append((word, tag))
        pos += len(word)
    return out if "".join(w for w, _ in out) == text[a:b] else None


def _word_beside_a_place(text: str, a: int, b: int) -> bool:
    """The window is a one-character word beside a place name of its own, none of it a
    person's name: 沿沪宁 (沿 + 沪宁, along the Shanghai–Nanjing line) is not 王沪宁,
    while 习金平 (习 + 金平, tagged a name) and 汪沪宁 (汪, a surname) stay near misses."""
    tokens = _tokens_of(text, a, b)
    if not tokens or len(tokens) != 2 or any(tag.startswith("nr") for _, tag in tokens):
        return False
    (first, first_tag), (second, second_tag) = tokens
    return (len(first) == 1 and second_tag in _PLACE_TAGS) or (len(second) == 1 and first_tag in _PLACE_TAGS)


def _name_misses(ctx) -> list:
    if "names" not in ctx.cache:
        names = [n for n in dictionary()["names"] if len(n) >= 3]
        ctx.cache["names"] = [m for m in misses(ctx, names, ends_must_match=False)
                              if not _word_beside_a_place(m[0].text, m[1], m[2])]
    return ctx.cache["names"]


@rule("name-near-miss", family="formulations", severity="error",
      title="人名写错", reference=REF,
      positive="坚持以习金平新时代中国特色社会主义思想为指导。", negative="习近平总书记强调。")
def name_near_miss(ctx):
    """A leader's name with a character changed, added, dropped or doubled (习金平).

    Not a near miss: a one-character word beside a place name, none of it tagged a
    person's name (沿沪宁产业创新带 is 沿 + 沪宁, not 王沪宁).
    """
    for p, a, b, w, entry in _name_misses(ctx):
        yield ctx.finding_at(p, a, b, f"“{w}”疑为人名“{entry}”之误：规范表述须一字不差。", entry)


def _elided(window: str, entry: str) -> tuple[str, str] | None:
    """(first item, separator) when ``window`` is a list of two items whose second is the
    entry with its head left out (十九大和历次全会精神: 历次全会精神 is 十九届历次全会精神
    without 十九届), so that the suggestion keeps the first item."""
    for i, ch in enumerate(window):
        if ch in LIST_SEPARATORS and ch not in entry and 0 < i < len(window) - 1:
            second = window[i + 1:]
            if entry.endswith(second) and len(second) * 2 >= len(entry) and second != entry:
                return window[:i], ch
    return None


@rule("formulation-near-miss", family="formulations", severity="error",
      title="规范提法写错", reference=REF,
      positive="增强“四个意识”，坚定“四个目信”。", negative="增强“四个意识”，坚定“四个自信”，做到“两个维护”，全面落实从严治团要求。")
def formulation_near_miss(ctx):
    """A standard formulation with a character changed, added, dropped or doubled.

    Not a near miss: an ordinary phrase made with the formulation's words, a word of its
    own (a verb, adjective, adverb or common noun; not a name) placed inside them
    (全面落实从严治团要求) or a verb in place of their last word, its object after it
    (高质量开展城市更新行动); a span that does not start and end on word boundaries (the
    kit's tokens and the dictionary's entries); a formulation that the dictionary dates
    after the year the report speaks of. A list whose second item is the formulation with its head
    left out (党的十九大和历次全会精神 for 党的十九大和十九届历次全会精神) may be the
    original's own wording: it is a query (a warning), and the suggestion keeps the first
    item, so that no part of the text is dropped.
    """
    # A formulation near miss that is really a name error is reported once, as a name.
    names = [(p.index, a, b) for p, a, b, _, _ in _name_misses(ctx)]
    year = report_year(ctx)
    for p, a, b, w, entry in misses(ctx, dictionary()["formulations"]):
        if any(i == p.index and a <= x < b for i, x, _ in names):
            continue
        if year is not None and (since(entry) or 0) > year:
            continue  # the text is older than the formulation
        elided = _elided(w, entry)
        if elided:
            first, sep = elided
            head = entry[:len(entry) - (len(w) - len(first) - len(sep))]
            full = f"{first}{sep}{entry}"
            yield ctx.finding_at(p, a, b, f"“{w}”的后一项疑为“{entry}”省去了“{head}”，规范表述为“{full}”，请核对"
                                          "（也可能是原文的写法）。", full, severity="warning")
            continue
        yield ctx.finding_at(p, a, b, f"“{w}”疑为规范提法“{entry}”之误：规范表述须一字不差。", entry)


_ITEM = re.compile(r"[^、，,；;。！？和与及“”‘’（）()\s]+")


def _list_items(text: str, suffix: str) -> list[tuple[int, str, str]]:
    """(start, item, name) of the list items of a paragraph.

    An elliptical list writes a shared suffix once, on its last item
    (思想、政治、理论和情感认同): the items before it are named with the
    suffix added (政治 → 政治认同), so that the set can be checked as a set.
    """
    items = [(m.start(), m.group()) for m in _ITEM.finditer(text)]
    names = [item for _, item in items]
    if suffix:
        for i, (pos, item) in enumerate(items):
            if not item.endswith(suffix) or len(item) == len(suffix):
                continue
            j = i
            while j > 0:
                prev_pos, prev = items[j - 1]
                if text[prev_pos + len(prev):items[j][0]] not in LIST_SEPARATORS or prev.endswith(suffix):
                    break
                j -= 1
                names[j] = prev + suffix
    return [(pos, item, name) for (pos, item), name in zip(items, names)]


@rule("formulation-set-member", family="formulations", severity="error",
      title="固定提法的组成项写错", reference=REF,
      positive="不断提高政治判断力、政治悟性和政治执行力。", negative="不断提高政治判断力、政治领悟力、政治执行力。")
def formulation_set_member(ctx):
    """In a list naming the other members of a fixed set (政治三力, 四个意识, 四个自信,
    四个认同), an item that looks like the missing member but differs from it. A list
    that writes the shared part once (思想、政治、实践和情感认同) is read member by member."""
    for members in dictionary()["sets"].values():
        prefix = members[0][:2] if all(m[:2] == members[0][:2] for m in members) else ""
        suffix = members[0][-2:] if all(m[-2:] == members[0][-2:] for m in members) else ""
        for p in ctx.paragraphs():
            if not any(m in p.text for m in members) and not (suffix and suffix in p.text):
                continue
            items = _list_items(p.text, suffix)
            for i, (pos, item, name) in enumerate(items):
                if name in members or not ((prefix and name.startswith(prefix)) or (suffix and name.endswith(suffix))):
                    continue
                # Its neighbours in the list (two on each side) must name the other members.
                near = {w for _, _, w in items[max(0, i - 2): i + 3]}
                present = [m for m in members if any(w.endswith(m) for w in near)]
                if len(present) != len(members) - 1 or not 2 <= len(name) <= max(map(len, members)) + 1:
                    continue
                missing = next(m for m in members if m not in present)
                elided = name != item  # the suffix is written once, after the last item
                yield ctx.finding_at(p, pos, pos + len(item),
                                     f"“{name}”与同列的“{'”“'.join(present)}”不成套：规范表述为“{missing}”。",
                                     missing[:-len(suffix)] if elided else missing)


_YEAR = re.compile(r"(19[5-9][0-9]|20[0-9]{2})年")


def report_year(ctx) -> int | None:
    """The year a report speaks of: its metadata, else the first year its body names."""
    year = ctx.report.meta.get("year")
    if year:
        return int(year)
    for p in ctx.paragraphs("paragraph", "heading"):
        m = _YEAR.search(p.text)
        if m:
            return int(m.group(1))
    return None


@rule("outdated-formulation", family="formulations", severity="warning",
      title="疑为过时的提法", reference=REF,
      positive="2021年，共青团积极拓展新时期共青团工作的空间。", negative="1995年，我们进入了改革开放和现代化建设的新时期。")
def outdated_formulation(ctx):
    """A formulation superseded before the year the report speaks of (新时期 after 2017),
    as a query: the old form was right in its time, and some uses stay right after it (a
    historical period's name). Silent when the report's year is unknown or not later than
    the year of the change: the corpus reports of 1978–2016 say 新时期, rightly."""
    year = report_year(ctx)
    if year is None:
        return
    for old, new, since_year, note in dictionary()["outdated"]:
        if year <= since_year:
            continue
        for p in ctx.paragraphs():
            for m in re.finditer(re.escape(old), p.text):
                yield ctx.finding_at(p, m.start(), m.end(),
                                     f"“{old}”疑为过时的提法：{note}；本文讲的是 {year} 年，请核对"
                                     f"（指 {since_year} 年以前的事或某一历史时期的名称时，“{old}”不错）。", new)
