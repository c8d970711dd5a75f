"""Character sets: GB2312, and how much of a text lies inside it.

Simplified Chinese prose stays almost entirely inside GB2312's 6,763
characters; traditional characters (們, 這, 國) fall outside it. Loading
warns with ``traditional_share`` (the kit expects simplified text), decoding
weighs a GB18030 reading against a Big5 one with ``gb2312_share``, and the
bundled plotting font covers ``gb2312_characters()`` (``tools/make_font_subset.py``).
"""
from __future__ import annotations


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


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _cjk(text: str) -> list[str]:
    return [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]


def gb2312_share(text: str) -> float:
    """Share of CJK characters inside GB2312 (0.0 without any)."""
    cjk = _cjk(text)
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if _in_gb2312(ch)) / len(cjk)


def traditional_share(text: str) -> float:
    """Share of CJK characters outside GB2312 (0.0 below 20 of them): to warn, never to refuse."""
    cjk = _cjk(text)
    if len(cjk) < 20:
        return 0.0
    return sum(1 for ch in cjk if not _in_gb2312(ch)) / len(cjk)
