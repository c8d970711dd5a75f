"""Sentences and clauses by GB/T 15834, with offsets back into the report.

A sentence ends at 。！？ (or ASCII ! ?) or at an ellipsis ……, together with
any closing quotation marks or brackets after it, and at the end of a
paragraph. An ellipsis followed by 等, 之类, a comma-like mark or 的 stands
for "and so on" inside a sentence and does not end it.
Clauses are split at ，；： — and at ASCII , ; : in Chinese text, because
damaged copies (the specimen has no full-width comma at all) use them — but
not at a comma between digits (1,000) or a colon between digits (10:30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = "。！？!?"
_CLOSERS = "”’」』）)》〉】\"'"
_CLAUSE = "，；：,;:"
_BREAK_RE = re.compile(f"[{re.escape(_CLAUSE + _END)}]")
_STRIP = _CLAUSE + _END + _CLOSERS + " "
_NOT_COUNTED = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
_SENT_RE = re.compile(
    rf"(?:[^{_END}…]|…(?=…*(?:[等的之，,、；;：:]|$)))*"  # an ellipsis that goes on is inside
    rf"(?:[{_END}]+[{_CLOSERS}]*|…{{2,}}[{_END}]*[{_CLOSERS}]*|$)")


@dataclass(frozen=True)
class Span:
    start: int  # offset into the report's text
    end: int
    text: str


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph's text (no empty ones)."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _SENT_RE.match(text, pos)
        end = m.end() if m and m.end() > pos else n
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end
    return out


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause in a sentence; the break mark ends its clause."""
    out, start = [], 0
    last = len(text) - 1
    for m in _BREAK_RE.finditer(text):  # only the marks, not every character
        i = m.start()
        if text[i] in ",:" and 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # 1,000 and 10:30 are numbers, not clause breaks
        if text[start:i + 1].strip(_STRIP):
            out.append((start, i + 1))
            start = i + 1
        else:
            start = i + 1 if not out else start
    if text[start:].strip(_STRIP):
        out.append((start, len(text)))
    elif out and start < len(text):
        s, _ = out[-1]
        out[-1] = (s, len(text))  # closing quotes stay with the last clause
    return out


def count_chars(text: str) -> int:
    """Characters that count for length: everything but spaces and zero-width marks."""
    # ``\s`` of a str pattern is exactly str.isspace() (tests/text/test_sentences.py checks
    # every code point); a regex over the text is ten times a loop in Python.
    return len(text) - sum(map(len, _NOT_COUNTED.findall(text)))
