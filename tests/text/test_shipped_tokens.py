"""The shipped tokens (src/baogao/data/tokens/tokens.json.gz) are current, complete
for the shipped texts, identical to a fresh segmentation, and used: a lesson's
widget on the specimen in a fresh process with an empty cache never loads jieba."""

import os
import random
import subprocess
import sys

import baogao
from baogao.sources.shipped import EXAMPLES, corpus_ids
from baogao.text import shipped_tokens, tokens

STALE = "the shipped tokens are stale: run `python tools/ship_tokens.py` and commit the file"


def shipped_reports():
    yield baogao.specimen()
    yield baogao.specimen(edition="corrected")
    for key in corpus_ids():
        yield baogao.corpus(key)
    for name in EXAMPLES:
        yield baogao.example(name)


def table():
    shipped_tokens.table.cache_clear()
    return shipped_tokens.table(tokens.segmentation_version())


def test_the_file_is_for_this_segmenter_and_lexicon():
    assert table(), STALE


def test_every_paragraph_of_every_shipped_text_is_there():
    found = table()
    missing = [(r.source, p.line) for r in shipped_reports() for p in r.paragraphs
               if tokens._key(p.text) not in found]
    assert missing == [], f"{STALE}; missing: {missing[:5]}"


def test_shipped_tokens_are_a_fresh_segmentation():
    found = table()
    texts = [p.text for r in shipped_reports() for p in r.paragraphs]
    sample = random.Random(9704).sample(texts, 60) + [p.text for p in baogao.specimen().paragraphs]
    for text in sample:
        assert tokens._unpack(found[tokens._key(text)]) == tokens.tokenizer().cut(text), text[:40]


def test_a_text_that_is_not_shipped_is_segmented_as_usual():
    text = "这一句话不在随附的任何文本里：共青团要加强思想引领。"
    assert tokens._key(text) not in table()
    assert "".join(w for w, _ in tokens.cut_pairs(text, use_disk=False)) == text


def test_a_widget_on_the_specimen_needs_no_jieba(tmp_path):
    code = ("import sys, baogao; from baogao.widgets import Highlighter, LintViewer, OutlineExplorer\n"
            "r = baogao.specimen(); Highlighter(r); LintViewer(r); OutlineExplorer(r); baogao.analyze(r)\n"
            "print(sorted(m for m in ('jieba', 'rjieba') if m in sys.modules))")
    env = dict(os.environ, BAOGAO_CACHE=str(tmp_path / "empty-cache"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
