"""Reading a report's bytes into text: formats, encodings, bad input.

Everything that can go wrong with a student's file is turned into a
``BaogaoError`` with one Chinese sentence here, so the rest of the package
only ever sees text.
"""
from __future__ import annotations


def _common_share(text: str) -> float:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    ok = sum(1 for ch in cjk if _in_gb2312(ch))
    return ok / len(cjk)


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


def traditional_share(text: str) -> float:
    """Share of CJK characters outside GB2312.

    Simplified Chinese prose stays almost entirely inside GB2312's 6,763
    characters; traditional characters (們, 這, 國) fall outside it. Used to
    warn, never to refuse.
    """
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(cjk) < 20:
        return 0.0
    return sum(1 for ch in cjk if not _in_gb2312(ch)) / len(cjk)
