"""The hybrid segmenter gives jieba.posseg's tokens and tags on the copies in shared/.

shared/ lies beside the checkout on developer machines and in CI (where its
absence fails the fixture); elsewhere the test is skipped.
"""

import pytest


@pytest.mark.slow
def test_hybrid_is_jieba_posseg_on_the_shared_copies(hybrid, reference, shared_texts):
    if not shared_texts:
        pytest.skip("no shared/ beside the checkout")
    assert len([k for k in shared_texts if "corpus-wild" in k]) >= 17
    assert len([k for k in shared_texts if "shared/examples" in k]) >= 5
    for name, paragraphs in shared_texts.items():
        assert reference.mismatches(hybrid.cut, paragraphs) == [], name
