"""The baseline segmentation: jieba.posseg with jieba's own dictionary, and where the kit differs."""

import subprocess
import sys

import pytest

from baogao.text import baseline
from baogao.text.lexicon import lexicon_entries
from baogao.text.tokens import cut_pairs

TEXTS = [
    "归功于习近平金平新时代中国特色社会主义思想的科学指导。",
    "不断提高政治判断力、政治洞察力和政治执行力，切实增强“四个意识”。",
    "共出动青年突击队25.3万人次，88%的中小学成立青工校委会。",
    "",
]


@pytest.fixture(scope="module")
def reference():
    import jieba  # the reference: a fresh jieba.posseg over jieba's dictionary alone
    import jieba.posseg

    tk = jieba.Tokenizer()
    tk.tmp_dir = None
    pos = jieba.posseg.POSTokenizer(tk)
    tk.check_initialized()
    return pos


@pytest.fixture(scope="module", params=["hybrid", "plain"])
def bare(request, tmp_path_factory):
    """Both builds of the kit's segmenter with nothing added to jieba's dictionary."""
    from baogao.text import segmenter

    if request.param == "hybrid":
        made = segmenter.Hybrid(entries=())
    else:
        made = segmenter.Plain(tmp_path_factory.mktemp("jieba-cache"), entries=())
    assert made.name == ("rjieba+jieba.posseg" if request.param == "hybrid" else "jieba.posseg")
    return made


@pytest.mark.parametrize("text", TEXTS)
def test_baseline_is_jieba_posseg_with_its_own_dictionary(text, reference):
    assert baseline.jieba_pairs(text) == [(p.word, p.flag) for p in reference.cut(text)]
    assert "".join(w for w, _ in baseline.jieba_pairs(text)) == text


def test_both_builds_of_the_baseline_are_jieba_posseg_on_the_specimen_and_the_examples(bare, reference):
    from baogao.sources.shipped import EXAMPLES, get

    lines = [line.text for name in ("specimen", *(f"example:{e}" for e in EXAMPLES))
             for line in get(name).lines if line.text.strip()]
    lines += TEXTS + ["青联", "团中央书记处", "abc 123 Ｘ光", "B超和X光"]
    assert len(lines) > 130
    for text in lines:
        assert bare.cut(text) == [(p.word, p.flag) for p in reference.cut(text)], text


@pytest.mark.parametrize("prefix", ["金平", "共青团", "国家伟人", "B", "习近平"])
def test_dictionary_entries_are_what_jieba_reads(prefix, reference):
    tk = reference.tokenizer
    expected = sorted(((w, f, reference.word_tag_tab.get(w, "x")) for w, f in tk.FREQ.items()
                       if f > 0 and w.startswith(prefix)), key=lambda e: (len(e[0]), -e[1], e[0]))
    assert baseline.dictionary_entries(prefix) == expected


def test_the_global_jieba_is_left_alone_and_start_up_is_quiet(tmp_path):
    code = ("import jieba; from baogao.text.baseline import jieba_pairs, _baseline;"
            "print(len(jieba_pairs('共青团中央')), jieba.dt.initialized, _baseline().name)")
    for forced, name in (("", "rjieba+jieba.posseg"), ("jieba", "jieba.posseg")):
        cache, temp = tmp_path / forced / "cache", tmp_path / forced / "tmp"
        temp.mkdir(parents=True)
        env = {"BAOGAO_CACHE": str(cache), "TMPDIR": str(temp), "PATH": "", "BAOGAO_SEGMENTER": forced}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert done.stdout.split() == ["1", "False", name]
        assert list(temp.iterdir()) == []  # jieba's own cache goes to the kit's folder, not the temporary one
        assert (cache / "jieba.cache").exists() == (forced == "jieba")  # the hybrid parses no dictionary


def test_the_lexicon_is_what_differs():
    text = "归功于习近平新时代中国特色社会主义思想的科学指导"
    diff = baseline.segmentation_diff(text)
    assert [(d.text, [w for w, _ in d.jieba], [w for w, _ in d.kit]) for d in diff] == [
        ("习近平新时代中国特色社会主义思想", ["习近平", "新", "时代", "中国", "特色", "社会主义", "思想"],
         ["习近平新时代中国特色社会主义思想"])]
    assert text[diff[0].start:diff[0].end] == diff[0].text
    assert diff[0].kit == (("习近平新时代中国特色社会主义思想", "nz"),)
    # every lexicon entry jieba splits is a difference; one it already has is not
    for word, _freq, _tag in lexicon_entries():
        differs = bool(baseline.segmentation_diff(f"我们要{word}。"))
        assert differs == ([w for w, _ in baseline.jieba_pairs(word)] != [word]), word


def test_a_wrong_form_is_cut_alike_and_tags_can_be_compared_too():
    assert baseline.segmentation_diff("共青团始终围绕“国家伟人”") == []
    text = "团中央书记处"
    assert [(d.jieba, d.kit) for d in baseline.segmentation_diff(text)] == [
        ((("团", "n"), ("中央书记处", "nt")), (("团中央", "nt"), ("书记处", "nt")))]
    # jieba's dictionary has 青联, tagged as a place name; the lexicon tags it as an organisation
    assert baseline.segmentation_diff("青联") == []
    assert baseline.segmentation_diff("青联", tags=True) == [
        baseline.Difference(0, 2, "青联", (("青联", "ns"),), (("青联", "nt"),))]
    assert cut_pairs("青联") == [("青联", "nt")]


def test_dictionary_entries_show_why_jieba_takes_a_string_for_a_word():
    entries = baseline.dictionary_entries("金平")
    assert entries[0] == ("金平", 520, "nr")
    assert ("金平苗族瑶族傣族自治县", 5, "ns") in entries and all(w.startswith("金平") for w, _, _ in entries)
    assert [len(w) for w, _, _ in entries] == sorted(len(w) for w, _, _ in entries)
    assert baseline.dictionary_entries("国家伟人") == []
