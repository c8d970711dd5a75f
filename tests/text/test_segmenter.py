"""The kit's segmenters give exactly jieba.posseg's tokens and tags with the kit's lexicon.

The hybrid (rjieba's route, jieba.posseg's tagging) and the plain fallback
against the reference of ``conftest.py`` on generated mixed strings and edge
cases (the shipped texts: ``test_segmenter_texts.py``; the copies in shared/:
``test_segmenter_wild.py``), and what the identity rests on: rjieba's
dictionary and total are jieba's, imports parse nothing, cache keys follow
the segmenter.
"""

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import baogao
from baogao.text import segmenter, tokens
from baogao.text.lexicon import lexicon_entries

#: What the generated strings are made of, besides slices of the corpus:
#: the characters where jieba.posseg's blocks and rjieba's differ (+#&._ are
#: inside both, % and - only inside rjieba's, CJK beyond U+9FD5 and the
#: extensions only inside rjieba's), full-width forms, spaces jieba sees
#: differently (\x1c is whitespace to Python), and punctuation.
ODD = list("0123456789abcXYZ+#&._%-—·、，。；：？！“”（）《》【】…０１２５ＡＢｘ％＋．　 \t\n\r\x1c"
           "〇龘\u9fd6\u9fef\u3400\u4db5\uf900\U00020000👪γα①")


def generated_strings(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    corpus_text = "".join(r.text for r in baogao.corpus())
    out = []
    for _ in range(n):
        pieces = []
        for _ in range(rnd.randint(1, 5)):
            if rnd.random() < 0.5:
                a = rnd.randrange(len(corpus_text) - 20)
                pieces.append(corpus_text[a:a + rnd.randint(1, 16)])
            else:
                pieces.append("".join(rnd.choice(ODD) for _ in range(rnd.randint(1, 6))))
        out.append("".join(pieces))
    return out


# --------------------------------------------------------------------------- #
# Identity.


def test_hybrid_is_jieba_posseg_on_generated_strings(hybrid, reference):
    strings = generated_strings(3000, seed=15)
    assert reference.mismatches(hybrid.cut, strings) == []
    # The memo changes nothing: the same strings again, every run from the memo.
    assert hybrid.memo.runs
    assert reference.mismatches(hybrid.cut, strings[:300]) == []


def test_hybrid_on_edge_cases(hybrid, reference):
    cases = ["", " ", "\r\n", "a", "5", "ab", "AB12cd", "5G", "12.5%", "3.14.15", "C++", "C#",
             "A&B", "x_y", "a-b", "——", "。", "龘", "龘龘", "龘一", "\u9fd6中", "中\u3400国",
             "B超", "γ射线", "共青团中央", "共青团中央委员会", "习近平新时代中国特色社会主义思想",
             "一二三四五六七八九十", "〇〇", "Ａ股", "ＡＢＣ", "１２３", "中\x1c国", "国\u3000家",
             "高质量发展高质量发展", "的的的的的的", "abc网球拍卖会def！！？\r\n\t"]
    for text in cases:
        assert hybrid.cut(text) == reference.cut(text), text


def test_plain_fallback_is_jieba_posseg(plain, reference, shipped_texts):
    texts = shipped_texts
    sample = (texts["specimen"] + texts["examples/report_gongwen"] + texts["examples/request_qingshi"]
              + texts["2021_state-council_gwr"] + generated_strings(600, seed=16))
    assert reference.mismatches(plain.cut, sample) == []
    assert plain.memo.runs  # the memo was used ...
    assert reference.mismatches(plain.cut, sample[:200]) == []  # ... and changes nothing


def test_without_rjieba_the_kit_falls_back_to_the_same_tokens(monkeypatch, tmp_path, reference):
    if segmenter.hybrid_available():
        segmenter.rjieba_class()  # its compiled module loaded: blocking rjieba still blocks it
    monkeypatch.setitem(sys.modules, "rjieba", None)  # `import rjieba` fails
    with pytest.raises(ImportError):
        segmenter.Hybrid()
    monkeypatch.setenv("BAOGAO_CACHE", str(tmp_path))
    monkeypatch.setattr(tokens, "_memory", {})
    tokens.tokenizer.cache_clear()
    try:
        assert isinstance(tokens.tokenizer(), segmenter.Plain)
        text = baogao.specimen().paragraphs[5].text
        assert tokens.cut_pairs(text) == reference.cut(text)
    finally:
        tokens.tokenizer.cache_clear()


def test_the_environment_can_force_plain_jieba(monkeypatch, tmp_path, hybrid):
    monkeypatch.setattr(segmenter, "Plain", lambda tmp_dir, entries=None: "plain")
    monkeypatch.setattr(segmenter, "Hybrid", lambda entries=None: "hybrid")
    assert segmenter.build(tmp_path) == "hybrid"
    monkeypatch.setenv("BAOGAO_SEGMENTER", "jieba")
    assert segmenter.build(tmp_path) == "plain"


# --------------------------------------------------------------------------- #
# What the identity rests on: rjieba's dictionary and total are jieba's.


def dict_lines():
    import jieba  # heavy: where dict.txt lies

    path = Path(jieba.__file__).parent / "dict.txt"
    return [line.split(" ") for line in path.read_text(encoding="utf-8").splitlines()]


def test_rjieba_embeds_jiebas_dictionary(hybrid, reference):
    lexicon = {w: t for w, _f, t in lexicon_entries()}
    lines = dict_lines()
    assert len(lines) == 349046
    assert [w for w, _f, _t in lines if not hybrid.rjieba.has_word(w)] == []
    # Where rjieba cuts a word as itself, its tag is jieba's (the kit's for a lexicon word).
    tags = reference.pos.word_tag_tab
    wrong = [(w, t, tags[w]) for w, _f, _t in lines
             if len(got := hybrid.rjieba.tag(w, False)) == 1 and lexicon.get(w, got[0][1]) != tags[w]
             for t in [got[0][1]]]
    assert wrong == []
    # A token of ASCII letters and digits from rjieba is always a run of single
    # characters only because no such word of two characters or more exists.
    assert [w for w, _f, _t in lines if w.isascii() and w.isalnum() and len(w) > 1] == []


def test_rjieba_total_is_jiebas(hybrid, reference):
    """The route probe of ``segmenter.total_agrees`` on the kit's own total, two other characters."""
    total = reference.total
    assert hybrid.total == total
    assert segmenter.total_agrees(hybrid.rjieba, total, probe=("\u3402", "\u3403"))
    # The probe sees a difference of 2 (a total off by B超's 3 fails it).
    assert not segmenter.total_agrees(hybrid.rjieba, total - 2, probe=("\u3404", "\u3405"))
    assert not segmenter.total_agrees(hybrid.rjieba, total + 2, probe=("\u3406", "\u3407"))
    assert segmenter.total_agrees(hybrid.rjieba, total, probe=("\u3408", "\u3409"))  # restored


def test_the_dictionary_facts_are_jiebas(hybrid, reference):
    import jieba  # heavy: where dict.txt lies

    data = (Path(jieba.__file__).parent / "dict.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == segmenter.JIEBA_DICT[0]
    lines = dict_lines()
    freq = {w: int(f) for w, f, _t in lines}  # the last line of a word wins, in jieba too
    total = sum(int(f) for _w, f, _t in lines)
    assert segmenter.JIEBA_DICT[1:] == (total, total - sum(freq.values())) == (60101967, 3)
    words = tuple(w for w, _f, _t in lexicon_entries())
    assert segmenter.dict_facts(words) == (total, 3, {w: freq[w] for w in words if w in freq})
    assert segmenter.dict_facts(("B超", "的", "团中央", "团中央委员", "不在词典里的词")) == (
        total, 3, {"B超": 3, "的": freq["的"], "团中央": freq["团中央"]})
    assert total + sum(f for _w, f, _t in lexicon_entries()) == reference.total == hybrid.total
    assert hybrid.rjieba.has_word(segmenter.BALLAST)


def test_the_plain_segmenter_parses_dict_txt_as_jieba_does(reference):
    import jieba  # heavy: jieba's own parsers are the reference

    freq, total, tags = segmenter.parse_dict(jieba.dt.get_dict_file())
    assert (freq, total) == jieba.Tokenizer.gen_pfdict(jieba.dt.get_dict_file())
    assert tags == {w: t for w, _f, t in dict_lines()}


def test_the_plain_segmenter_writes_and_reads_jiebas_cache(tmp_path, reference):
    first = segmenter.Plain(tmp_path)
    assert (tmp_path / "jieba.cache").exists()
    second = segmenter.Plain(tmp_path)  # from the cache
    assert second.pos.tokenizer.FREQ == first.pos.tokenizer.FREQ
    assert second.pos.tokenizer.total == first.pos.tokenizer.total == reference.total
    assert second.pos.word_tag_tab == first.pos.word_tag_tab == reference.pos.word_tag_tab


def test_another_dict_txt_means_plain_jieba(monkeypatch, tmp_path):
    monkeypatch.setattr(segmenter, "JIEBA_DICT", ("0" * 64, 1, 0))
    monkeypatch.setattr(segmenter, "Plain", lambda tmp_dir, entries=None: "plain")
    assert segmenter.build(tmp_path) == "plain"


# --------------------------------------------------------------------------- #
# Parsing once, importing only what is needed.

_LAZY = """
import sys, time
from baogao.text import jieba_loader
posseg = jieba_loader.import_posseg()
print("pkg_resources" in sys.modules, "_word_tag_tab" in posseg.dt.__dict__)
import jieba
mine = posseg.POSTokenizer(jieba.Tokenizer())
text = "我们中出了一个叛徒，共青团中央在北京召开会议。"
print(posseg.lcut(text) == mine.lcut(text), "_word_tag_tab" in posseg.dt.__dict__)
print(posseg.dt.word_tag_tab == mine.word_tag_tab)
"""


def test_importing_posseg_parses_nothing_and_the_global_tokenizer_still_works(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", _LAZY], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True", "True", "True"]


_HIT = """
import sys
from baogao.text import tokens
print(len(tokens.cut_pairs("共青团中央的工作报告")), sorted({"jieba", "rjieba", "pandas"} & set(sys.modules)))
"""


_RJIEBA = """
import sys
from baogao.text import jieba_loader
Jieba = jieba_loader.rjieba_class()
print("rjieba" in sys.modules, Jieba().cut("我们中出了一个叛徒", False))
import rjieba  # a student's own rjieba, after the kit's
print(rjieba.Jieba is Jieba, rjieba.cut("我们中出了一个叛徒", False))
"""


def test_rjieba_loads_without_its_default_instance_and_still_imports(hybrid):
    done = subprocess.run([sys.executable, "-c", _RJIEBA], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    words = "['我们', '中', '出', '了', '一个', '叛徒']"
    assert done.stdout.splitlines() == [f"False {words}", f"True {words}"]


def test_a_cache_hit_imports_no_segmenter(tmp_path):
    env = dict(os.environ, BAOGAO_CACHE=str(tmp_path))
    first = subprocess.run([sys.executable, "-c", _HIT], capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0 and first.stderr == "", first.stderr
    assert first.stdout.split()[0] == "4" and "jieba" in first.stdout
    second = subprocess.run([sys.executable, "-c", _HIT], capture_output=True, text=True, env=env, check=False)
    assert second.returncode == 0 and second.stdout.split() == ["4", "[]"]


def test_the_cache_key_follows_the_segmenter_and_the_lexicon(monkeypatch):
    before = segmenter.version()
    monkeypatch.setattr(segmenter, "SEGMENTER_VERSION", segmenter.SEGMENTER_VERSION + "+")
    assert segmenter.version() != before
    monkeypatch.undo()
    entries = lexicon_entries()
    monkeypatch.setattr(segmenter, "lexicon_entries", lambda: entries[:-1])
    assert segmenter.version() != before
    monkeypatch.setattr(segmenter, "lexicon_entries", lambda: entries[:-1] + ((entries[-1][0], 1, "n"),))
    assert segmenter.version() != before
    monkeypatch.undo()
    assert segmenter.version() == before
    assert tokens.segmentation_version() == before
