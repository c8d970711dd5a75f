"""What the formulation rules share: the proofing dictionary and the near-miss search.

``dictionary()`` reads ``data/lexicon/proofing.txt`` (format in its header)
once; ``known()`` is the set of names and formulations that are right as
written. ``misses(ctx, entries)`` finds the near misses of dictionary
entries in a report's paragraphs: a string within a small edit distance of
an entry (a character added, dropped, doubled or changed) that is not itself
the entry or another entry. Differences in numerals are not near misses
(十九大 and 十八大 are both right), nor is an ordinary phrase made with the
entry's words (``ordinary_phrase``: 全面落实从严治团要求, a word of its own
placed inside 全面从严治团; 高质量开展, a verb in place of its last word), and
a near miss starts and ends on word boundaries (the kit's tokens, and the
ends of the dictionary's entries found in the text).
``since()`` gives the year from which an entry is in use, where the
dictionary says so: a text of an earlier year cannot misquote it.

Private to ``baogao.lint``: ``formulations.py``, ``phrasing.py`` and
``punctuation.py`` import from here, never from each other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from baogao.text.lexicon import data_path
from baogao.text.tokens import cut_pairs

#: A convention, not a standard: the wording of Party and State documents is quoted exactly.
REF = "写作惯例：规范提法和人名以党和国家文件的原文为准，一字不差（本工具的校对词表 data/lexicon/proofing.txt）"
NUMERALS = set("〇零一二三四五六七八九十百千万两0123456789")
#: What joins the items of a list: 思想、政治、理论和情感认同.
LIST_SEPARATORS = {"、", "和", "与", "及"}


@lru_cache(maxsize=1)
def dictionary() -> dict:
    """The entries of proofing.txt by kind (names, formulations, sets, outdated, governed, …;
    ``dates``: entry → the year it is in use from, where the file says)."""
    names, formulations, sets, outdated, dates = [], [], {}, [], {}
    governed, series, counterparts, families, programmes, anchored = [], [], [], [], [], []
    for raw in data_path("lexicon", "proofing.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, text, *rest = raw.split("\t")
        if kind == "name":
            names.append(text)
        elif kind == "formulation":
            formulations.append(text)
            if rest and re.fullmatch(r"(19|20)\d\d", rest[0]):
                dates[text] = int(rest[0])
        elif kind.startswith("set:"):
            sets.setdefault(kind[4:], []).append(text)
        elif kind == "outdated":
            new, year, note = rest
            outdated.append((text, new, int(year), note))
            dates.setdefault(new, int(year))  # the new form is in use from that year
        elif kind == "governed":
            verb, coverbs, note = rest
            governed.append((text, verb, tuple(coverbs.split(",")), note))
        elif kind == "series":
            cues, note = rest
            series.append((text, tuple(cues.split(",")), note))
        elif kind == "counterpart":
            right, agents, exceptions, note = rest
            counterparts.append((text, right, tuple(agents.split(",")), tuple(exceptions.split(",")), note))
        elif kind == "family":
            members, note = rest
            families.append((text, tuple(members.split(",")), note))
        elif kind == "anchored":
            items, note = rest
            anchored.append((text, items, note))
        elif kind == "programme":
            programmes.append(text)
        else:
            raise ValueError(f"proofing.txt: unknown kind {kind!r}")
    return {"names": names, "formulations": formulations, "sets": sets, "outdated": outdated,
            "governed": governed, "series": series, "counterparts": counterparts,
            "families": families, "programmes": programmes, "anchored": anchored, "dates": dates}


def since(entry: str) -> int | None:
    """The year from which ``entry`` is in use, if the dictionary dates it: a
    ``formulation`` line's optional third field (a year), or the year of an
    ``outdated`` line whose new form it is (新时代, 2017)."""
    return dictionary()["dates"].get(entry)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, cut off above ``limit`` (returns limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _is_function_insertion(window: str, entry: str) -> bool:
    """Is ``window`` the entry with 的/之/地/得 added (and nothing else changed)?"""
    stripped = "".join(c for c in window if c not in _FUNCTION_CHARS)
    return stripped == "".join(c for c in entry if c not in _FUNCTION_CHARS)


def _numeral_only_difference(a: str, b: str) -> bool:
    diff = set(a) ^ set(b)
    return bool(diff) and diff <= NUMERALS


_FUNCTION_CHARS = set("的之地得")
#: jieba's tags of the words of its own that an ordinary phrase places inside a formulation's
#: characters: verbs (贯彻, 推进), adjectives (落实 is tagged one), adverbs (切实) and
#: common nouns (经济); not names (nr, ns, nt, nz), which is what a slip doubles (习近平金平).
_INSERTED_TAGS = {"v", "vd", "vn", "a", "ad", "an", "d", "n"}
#: ... and those of a word that takes the place of one of the formulation's words: a verb
#: (高质量开展…工作 is not 高质量发展). A noun in its place is a rewording (第一专题).
_REPLACING_TAGS = {"v", "vd"}


@lru_cache(maxsize=4096)
def _word_tag(text: str) -> str | None:
    """The tag of ``text`` when the kit's segmenter reads it, on its own, as one word."""
    pairs = cut_pairs(text, use_disk=False)
    return pairs[0][1] if len(pairs) == 1 else None


def ordinary_phrase(window: str, entry: str) -> bool:
    """Is ``window`` an ordinary phrase made with the entry's words rather than a slip?

    Either a word of its own (two characters or more: a verb, adjective, adverb or common
    noun) placed between two of the entry's characters (全面落实从严治团 = 全面 + 落实 +
    从严治团; 习近平新时代中国特色社会主义经济思想), or the entry's last word replaced, in a
    window of the entry's length, by a verb of two characters or more that takes an object
    after the window (高质量开展城市更新行动: the window cut on its own is 高质量 + 开展). A
    slip adds, drops or changes a character, or doubles a name (习近平金平新时代…).
    """
    extra = len(window) - len(entry)
    if extra >= 2:
        # Every way of reading the window as the entry with something inserted must insert
        # such a word: 习近平金平 also reads as 习近 + 平金 + 平, and 平金 is none.
        inserted = [window[k:k + extra] for k in range(1, len(entry))
                    if window[:k] == entry[:k] and window[k + extra:] == entry[k:]]
        return bool(inserted) and all(_word_tag(x) in _INSERTED_TAGS for x in inserted)
    if extra != 0 or window == entry:
        return False
    i = next(i for i, (x, y) in enumerate(zip(window, entry)) if x != y)
    pos = 0
    for word, tag in cut_pairs(window, use_disk=False):
        a, pos = pos, pos + len(word)
        if a <= i:
            last = (word, tag, a)
    word, tag, a = last
    # The verb ends the window, and the text goes on with its object (高质量开展城市更新行动);
    # a verb inside it is part of a name gone wrong (修法风波 for 修例风波).
    return a + len(word) == len(window) and len(word) >= 2 and tag in _REPLACING_TAGS


def near_misses(text: str, entry: str, known: frozenset[str],
                protected: list[tuple[int, int]] = (), *, ends_must_match: bool = True,
                boundaries: set[int] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, found) of near misses of ``entry`` in ``text``.

    ``protected`` spans (exact occurrences of any dictionary entry) are
    never part of a near miss: 全面从严治党 is not a near miss of 全面从严治团.
    With ``ends_must_match`` (formulations) only the inside of a window may
    differ: 青年优先发展理念 holds no near miss of 新发展理念. Names (习金平)
    may differ anywhere but at both ends. An added 的/之 is a variant, not
    a slip (中华民族的伟大复兴), nor is an ordinary phrase made with the
    entry's words (``ordinary_phrase``: 全面落实从严治团, 高质量开展). Windows must start and end on word
    boundaries (``boundaries``: the kit's token offsets and the ends of exact
    dictionary entries), so 脱贫要坚持 holds no near miss of 脱贫攻坚.
    """
    n = len(entry)
    limit = 2 if n >= 6 else 1  # two edits only for long entries, and only on long windows
    anchors = {m.start() for m in re.finditer(re.escape(entry[0]), text)}
    ends = {m.end() for m in re.finditer(re.escape(entry[-1]), text)}
    chars = set(entry)
    spans = {(a, a + L) for a in anchors for L in range(n - limit, n + limit + 1)}
    spans |= {(e - L, e) for e in ends for L in range(n - limit, n + limit + 1)}
    scored = []
    for a, b in spans:
        if a < 0 or b > len(text) or b - a < 2:
            continue
        window = text[a:b]
        if len(set(window) & chars) < len(chars) - limit:
            continue  # cheap filter first: too few of the entry's characters
        if window == entry or window in known or entry in window:
            continue
        if any(a < y and x < b for x, y in protected):
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff、]+", window) or _numeral_only_difference(window, entry):
            continue
        both_ends = window[0] == entry[0] and window[-1] == entry[-1]
        # A dropped or added character must sit inside: 发展理念 is not 新发展理念.
        if len(window) != n and not both_ends:
            continue
        if len(window) == n and (window[0] != entry[0] and window[-1] != entry[-1]
                                 or ends_must_match and not both_ends):
            continue
        if len(window) > n and _is_function_insertion(window, entry) or ordinary_phrase(window, entry):
            continue
        if boundaries is not None and (a not in boundaries or b not in boundaries):
            continue
        d = edit_distance(window, entry, limit)
        if d == 2 and len(window) < 5:
            continue  # 交流交融 is a phrase of its own, not 交往交流交融 with two characters lost
        if d <= limit:
            scored.append((d, not both_ends, abs(len(window) - n), a, b, window))
    out: list[tuple[int, int, str]] = []
    for d, _, _, a, b, w in sorted(scored):
        if all(b <= x or a >= y for x, y, _ in out):
            out.append((a, b, w))
    return sorted(out)


@lru_cache(maxsize=1)
def known():
    """(entries right as written, a pattern matching any of them, longest first)."""
    d = dictionary()
    right = frozenset(d["names"] + d["formulations"] + [m for ms in d["sets"].values() for m in ms])
    return right, re.compile("|".join(sorted(map(re.escape, right), key=len, reverse=True)))


#: Near misses per paragraph text: a draft re-linted after one edit only redoes
#: the paragraph that changed (the outline builder lints on every pause).
_PARAGRAPH_CACHE: dict[tuple, list] = {}


_QUOTES = set("“”‘’")


def _scan(text: str, boundaries: set[int], entries: tuple[str, ...], ends_must_match: bool) -> list:
    right, pattern = known()
    exact = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    boundaries = boundaries | {x for a, b, _ in exact for x in (a, b)}
    hit = []
    present = set(text)
    for entry in entries:
        if entry[0] not in present and entry[-1] not in present:
            continue
        # near_misses() keeps no window with fewer of the entry's characters than
        # this; most entries fail it for most paragraphs, before any window is built.
        chars = set(entry)
        if len(chars & present) < len(chars) - (2 if len(entry) >= 6 else 1):
            continue
        # Exact occurrences of other entries are protected, except those the
        # entry itself contains (习近平 inside 习近平新时代…思想).
        protected = [(a, b) for a, b, w in exact if w not in entry]
        hit += [(a, b, w, entry) for a, b, w in near_misses(text, entry, right, protected,
                                                           ends_must_match=ends_must_match,
                                                           boundaries=boundaries)]
    return hit


def paragraph_misses(text: str, entries: tuple[str, ...], ends_must_match: bool) -> list:
    """Near misses in one paragraph's text, cached by text.

    Quotation marks inside a formulation do not hide a near miss: the text is
    searched a second time without them (香港“修法”风波 → 修法风波, a near miss
    of 修例风波), and what is found there is mapped back.
    """
    key = (text, entries, ends_must_match)
    hit = _PARAGRAPH_CACHE.get(key)
    if hit is None:
        boundaries, pos = {0}, 0
        for word, _tag in cut_pairs(text):
            pos += len(word)
            boundaries.add(pos)
        hit = _scan(text, boundaries, entries, ends_must_match)
        if _QUOTES & set(text):
            kept = [i for i, ch in enumerate(text) if ch not in _QUOTES]
            stripped = "".join(text[i] for i in kept)
            # A boundary before a removed quote stays a boundary after it.
            new_pos = {old: new for new, old in enumerate(kept)}
            new_pos[len(text)] = len(stripped)
            inner = {new_pos[b] for b in boundaries if b in new_pos}
            for a, b, w, entry in _scan(stripped, inner, entries, ends_must_match):
                oa, ob = kept[a], kept[b - 1] + 1
                if not _QUOTES & set(text[oa:ob]):
                    continue  # found without the quotes already
                if any(x < ob and oa < y for x, y, _, _ in hit):
                    continue
                hit.append((oa, ob, text[oa:ob], entry))
        if len(_PARAGRAPH_CACHE) > 50_000:
            _PARAGRAPH_CACHE.clear()
        _PARAGRAPH_CACHE[key] = hit
    return hit


def misses(ctx, entries: list[str], *, ends_must_match: bool = True):
    """(paragraph, start, end, found, entry) of every near miss of ``entries``."""
    entries = tuple(entries)
    for p in ctx.paragraphs():
        for a, b, w, entry in paragraph_misses(p.text, entries, ends_must_match):
            yield p, a, b, w, entry
