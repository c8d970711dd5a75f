"""Character sets: GB2312, and how much of a text lies inside it.

Simplified Chinese prose stays almost entirely inside GB2312's 6,763
characters; traditional characters (們, 這, 國) fall outside it. Loading
warns with ``traditional_share`` (the kit expects simplified text), decoding
weighs a GB18030 reading against a Big5 one with ``gb2312_share``, and the
bundled plotting font covers ``gb2312_characters()`` (``tools/make_font_subset.py``).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache


def gb2312_characters() -> str:
    """Every character of GB2312, by decoding each valid double-byte code (rows A1–F7)."""
    chars = []
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


@lru_cache(maxsize=None)  # at most the 20,992 characters of the CJK block
def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _cjk_counts(text: str) -> tuple[dict[str, int], int]:
    """Each CJK character of the text with its count, and their total (each character is tested once)."""
    counts = {ch: n for ch, n in Counter(text).items() if "\u4e00" <= ch <= "\u9fff"}
    return counts, sum(counts.values())


def gb2312_share(text: str) -> float:
    """Share of CJK characters inside GB2312 (0.0 without any)."""
    counts, total = _cjk_counts(text)
    if not total:
        return 0.0
    return sum(n for ch, n in counts.items() if _in_gb2312(ch)) / total


def traditional_share(text: str) -> float:
    """Share of CJK characters outside GB2312 (0.0 below 20 of them): to warn, never to refuse."""
    counts, total = _cjk_counts(text)
    if total < 20:
        return 0.0
    return sum(n for ch, n in counts.items() if not _in_gb2312(ch)) / total
