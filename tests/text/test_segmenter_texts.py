"""The hybrid segmenter gives jieba.posseg's tokens and tags on every paragraph of the shipped texts."""

import pytest


@pytest.mark.slow
def test_hybrid_is_jieba_posseg_on_the_shipped_texts(hybrid, reference, shipped_texts):
    assert len([k for k in shipped_texts if "_gwr" in k]) == 17
    assert sum(len(p) for p in shipped_texts.values()) > 1900
    for name, paragraphs in shipped_texts.items():
        assert reference.mismatches(hybrid.cut, paragraphs) == [], name
