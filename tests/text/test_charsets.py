"""How much of a text lies inside GB2312: the shares count every CJK character of the
text, each as often as it occurs, exactly as testing the characters one by one does."""

from pathlib import Path

import pytest

from baogao.text import charsets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def one_by_one(text: str) -> tuple[float, float]:
    """(gb2312_share, traditional_share) by their definitions, character by character."""
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    inside = sum(1 for ch in cjk if ch.encode("gb2312", errors="replace") != b"?")
    gb = inside / len(cjk) if cjk else 0.0
    traditional = (len(cjk) - inside) / len(cjk) if len(cjk) >= 20 else 0.0
    return gb, traditional


def texts():
    from baogao.sources.shipped import EXAMPLES, corpus, example, specimen

    yield from (r.text for r in corpus())
    yield specimen().text
    yield from (example(name).text for name in EXAMPLES)
    yield from (p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.glob("*.txt")))


@pytest.mark.parametrize("text", ["", "abc，。", "国" * 19 + "們", "国" * 20 + "們", "們這國" * 10,
                                  "國" * 25 + "国" * 5, "\u4e00\u9fff\u9fa5\u3400𠀀"])
def test_the_shares_of_small_texts(text):
    assert (charsets.gb2312_share(text), charsets.traditional_share(text)) == one_by_one(text)


def test_the_shares_of_every_shipped_text_and_fixture():
    seen = 0
    for text in texts():
        assert (charsets.gb2312_share(text), charsets.traditional_share(text)) == one_by_one(text)
        seen += 1
    assert seen >= 25


def test_a_traditional_text_is_seen_as_one():
    assert charsets.traditional_share("我們這個國家的經濟發展，") == 0.0  # fewer than 20 CJK characters
    assert charsets.traditional_share("我們這個國家的經濟發展，" * 2) > 0.4
