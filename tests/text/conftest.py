"""What the segmentation tests share: jieba.posseg as the reference, the kit's segmenters, the texts.

The reference is built the way the kit always defined its tokens: a
``jieba.posseg.POSTokenizer`` over a private ``jieba.Tokenizer`` with every
lexicon entry added by ``add_word(word, freq, tag)``. Everything is built
once per session (each costs seconds).
"""

import os
from pathlib import Path

import pytest

import baogao
from baogao.text import segmenter
from baogao.text.lexicon import data_path, lexicon_entries

SHARED = Path(__file__).resolve().parents[3] / "shared"
IN_CI = os.environ.get("CI") == "true"


class Reference:
    """jieba.posseg with the kit's lexicon, and how a segmenter differs from it."""

    def __init__(self, tmp_dir: Path):
        import jieba  # heavy: the reference is jieba itself
        import jieba.posseg  # the reference POS tokenizer

        tk = jieba.Tokenizer()
        tk.tmp_dir = str(tmp_dir)
        tk.initialize()
        self.pos = jieba.posseg.POSTokenizer(tk)
        for word, freq, tag in lexicon_entries():
            tk.add_word(word, freq, tag)
            self.pos.word_tag_tab[word] = tag
        self.total = tk.total
        # jieba.posseg is deterministic and the lexicon is fixed once built, so a
        # text the session already cut (the same paragraph in two tests, a
        # repeated string) is looked up instead of cut again.
        self._cuts: dict[str, tuple[tuple[str, str], ...]] = {}

    def cut(self, text: str) -> list[tuple[str, str]]:
        pairs = self._cuts.get(text)
        if pairs is None:
            pairs = self._cuts[text] = tuple((p.word, p.flag) for p in self.pos.cut(text, HMM=True))
        return list(pairs)

    def mismatches(self, cut, texts) -> list:
        """(text, jieba.posseg's pairs, the segmenter's) wherever they differ."""
        return [(text[:40], want, got) for text in texts
                if (got := cut(text)) != (want := self.cut(text))]


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Reference:
    return Reference(tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="session")
def hybrid(tmp_path_factory):
    if not segmenter.hybrid_available():
        assert not IN_CI, "CI installs rjieba in a verified version (constraints.txt)"
        pytest.skip("rjieba is not installed in a verified version")
    return segmenter.Hybrid()


@pytest.fixture(scope="session")
def plain(tmp_path_factory):
    return segmenter.Plain(tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="session")
def shipped_texts() -> dict[str, list[str]]:
    """The paragraphs of the 17 corpus reports, the specimen (both editions) and the examples."""
    texts = {r.meta["id"]: [p.text for p in r.paragraphs] for r in baogao.corpus()}
    texts["specimen"] = [p.text for p in baogao.specimen().paragraphs]
    texts["specimen:corrected"] = [p.text for p in baogao.specimen("corrected").paragraphs]
    for path in sorted(Path(str(data_path("examples"))).glob("*.txt")):
        texts["examples/" + path.stem] = [p.text for p in baogao.load(path).paragraphs]
    return texts


@pytest.fixture(scope="session")
def shared_texts() -> dict[str, list[str]]:
    """The paragraphs of shared/examples, shared/corpus-wild and shared/specimen (empty without shared/)."""
    folders = [SHARED / "examples", SHARED / "corpus-wild", SHARED / "specimen"]
    if not all(f.is_dir() for f in folders):
        assert not IN_CI, f"CI lays shared/ beside the checkout: {SHARED} is missing"
        return {}
    return {f"shared/{path.parent.name}/{path.stem}": [p.text for p in baogao.load(path).paragraphs]
            for folder in folders for path in sorted(folder.glob("*.txt"))}
