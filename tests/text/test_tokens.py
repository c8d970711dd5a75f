"""Segmentation: the lexicon, quiet start-up, per-user caches."""

import os
import subprocess
import sys

import pytest

from baogao.text import tokens
from baogao.text.lexicon import lexicon_entries


def test_every_lexicon_entry_stays_one_token():
    for word, _freq, tag in lexicon_entries():
        pairs = tokens.cut_pairs(f"我们要{word}。", use_disk=False)
        assert (word, tag) in pairs, (word, pairs)


def test_tokens_concatenate_and_carry_offsets():
    text = "一年来,共青团坚持以习近平新时代中国特色社会主义思想为指导，\u200b共出动青年突击队25.3万人次。"
    toks = tokens.tokenize(text)
    assert "".join(t.word for t in toks) == text
    for t in toks:
        assert text[t.start:t.end] == t.word
    assert "习近平新时代中国特色社会主义思想" in [t.word for t in toks]


@pytest.mark.parametrize("segmenter", ["auto", "jieba"])
def test_start_up_is_quiet_and_cache_is_per_user(tmp_path, segmenter):
    tmp = tmp_path / "tmp"  # the shared temp dir, where jieba would keep its dictionary cache
    tmp.mkdir()
    env = dict(os.environ, BAOGAO_CACHE=str(tmp_path / "cache"), TMPDIR=str(tmp),
               BAOGAO_SEGMENTER=segmenter)
    code = "from baogao.text.tokens import cut_pairs; print(len(cut_pairs('共青团中央的工作报告')))"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0 and first.stderr == "" and first.stdout.strip() == "4"
    cached = list((tmp_path / "cache" / "tokens").rglob("*.pkl"))
    assert len(cached) == 1
    if segmenter == "jieba":
        assert (tmp_path / "cache" / "jieba.cache").exists()  # jieba's dictionary cache, ours alone
    assert list(tmp.iterdir()) == []
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert second.stderr == "" and second.stdout == first.stdout


def test_damaged_disk_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("BAOGAO_CACHE", str(tmp_path))
    tokens.clear_memory_cache()
    text = "一段只在这个测试里出现的文字。"
    pairs = tokens.cut_pairs(text)
    path = tokens._disk_path(tokens._key(text))
    path.write_bytes(b"not a pickle")
    tokens.clear_memory_cache()
    assert tokens.cut_pairs(text) == pairs
