"""Corpus tools (concordance, dispersion, clusters, collocates, word list, keyness).

Every number below is worked out by hand in the comments, on tiny texts whose
segmentation is asserted first (so a change in jieba shows up as such, not as
a wrong statistic).
"""

import math
import re
import signal
import time

import pandas as pd
import pytest

import baogao
from baogao.concordance import kwic
from baogao.concordance.collocates import association, collocates, window_counts
from baogao.concordance.index import report_names
from baogao.concordance.keywords import (
    corpus_frequencies,
    is_candidate,
    is_number,
    keyness,
    log_likelihood,
    log_ratio,
    smoothed_idf,
    word_list,
)
from baogao.concordance.kwic import dispersion, format_kwic, gries_dp
from baogao.concordance.ngrams import clusters, ngram_counts
from baogao.errors import UsageError
from baogao.text.lexicon import data_path, stopwords
from baogao.text.tokens import tokenize

YOUTH = {"共青团", "青年", "团员", "少先队", "青联", "学生会", "团委", "共青团中央", "团中央",
         "青少年", "全团", "学联", "团干部"}
FILLER = ["发展", "推进", "坚持"]


def load(text, name):
    return baogao.load(text, name=name)


def words(text):
    return [t.word for t in tokenize(text)]


# -- concordance --------------------------------------------------------------------

# Line 1: 关心青年。            (paragraph 1)
# Line 2: 青年是未来。青年工作很重要。 (paragraph 2)
KWIC_TEXT = "关心青年。\n青年是未来。青年工作很重要。\n"


@pytest.fixture
def kwic_report():
    return load(KWIC_TEXT, "kwic")


def test_kwic_contexts_stop_at_paragraph_edges(kwic_report):
    k = kwic(kwic_report, "青年", window=3)
    assert list(k.columns) == ["report", "line", "column", "start", "end", "left", "match",
                               "right", "paragraph", "sentence"]
    # Line 1 starts at offset 0, line 2 at 6 (5 characters + "\n").
    assert k[["line", "column", "start", "end"]].values.tolist() == [
        [1, 3, 2, 4], [2, 1, 6, 8], [2, 7, 12, 14]]
    # Line 1: only 关心 on the left (the text starts there) and only 。 on the right:
    # the context does not run on into line 2.
    assert k["left"].tolist() == ["关心", "", "未来。"]
    assert k["right"].tolist() == ["。", "是未来", "工作很"]
    assert k["paragraph"].tolist() == [1, 2, 2]
    assert k["sentence"].tolist() == [1, 2, 3]  # 关心青年。 | 青年是未来。 | 青年工作很重要。
    assert (k["report"] == "kwic").all()
    for _, row in k.iterrows():
        assert kwic_report.text[row.start:row.end] == row.match == "青年"


def test_kwic_sort_left_and_right(kwic_report):
    # Reversed left contexts: "心关" (line 1), "" (2a), "。来未" (2b): "" < "。"(U+3002) < "心"(U+5FC3).
    left = kwic(kwic_report, "青年", window=3, sort="left")
    assert left[["line", "column"]].values.tolist() == [[2, 1], [2, 7], [1, 3]]
    # Right contexts: "。" (1), "是未来" (2a), "工作很" (2b): 。 < 工(U+5DE5) < 是(U+662F).
    right = kwic(kwic_report, "青年", window=3, sort="right")
    assert right[["line", "column"]].values.tolist() == [[1, 3], [2, 7], [2, 1]]


def test_kwic_sort_left_reads_nearest_character_first():
    r = load("乙甲青年\n甲乙青年\n", "order")
    # Left contexts 乙甲 (line 1) and 甲乙 (line 2). Read backwards from the match the keys are
    # 甲乙 and 乙甲; 乙 (U+4E59) < 甲 (U+7532), so line 2 comes first. A plain sort of the
    # left strings would keep line 1 first.
    k = kwic(r, "青年", sort="left")
    assert k["line"].tolist() == [2, 1]
    assert k["left"].tolist() == ["甲乙", "乙甲"]
    assert sorted(k["left"]) == ["乙甲", "甲乙"]


def test_kwic_phrase_across_tokens_and_whole_words(kwic_report):
    assert words("青年工作很重要。")[:2] == ["青年", "工作"]
    k = kwic(kwic_report, "青年工作")  # two tokens, found in the text
    assert k[["line", "column"]].values.tolist() == [[2, 7]]
    # 年工 is in the text but cuts through both tokens.
    assert len(kwic(kwic_report, "年工")) == 1
    assert kwic(kwic_report, "年工", whole_words=True).empty
    assert len(kwic(kwic_report, "青年工作", whole_words=True)) == 1


def test_kwic_regex(kwic_report):
    k = kwic(kwic_report, r"青年[是工]", regex=True, window=2)
    assert k["match"].tolist() == ["青年是", "青年工"]
    assert kwic(kwic_report, r"青年[是工]").empty  # without regex=True it is a literal string
    assert kwic(kwic_report, r"x*", regex=True).empty  # empty matches show nothing
    # ^ and $ anchor at each paragraph's edges (the text itself starts with 关心).
    assert kwic(kwic_report, r"^青年", regex=True)[["line", "column"]].values.tolist() == [[2, 1]]
    assert kwic(kwic_report, r"青年。$", regex=True)["line"].tolist() == [1]


@pytest.mark.parametrize("bad", ["青年(", "[青年", "*青年", "青年{2,1}"])
def test_kwic_bad_regex_raises_usage_error(kwic_report, bad):
    with pytest.raises(UsageError) as info:
        kwic(kwic_report, bad, regex=True)
    assert "正则表达式" in str(info.value)


@pytest.mark.parametrize("bad,reason", [("青年(", "右括号"), ("[青年", "方括号"), ("*青年", "重复符号"),
                                        ("青年{2,1}", "重复次数"), ("青年)", "左括号"), ("青年\\", "反斜杠"),
                                        ("[青-年]", "颠倒"), ("(?<=青+)年", "固定长度")])
def test_bad_regex_is_explained_in_chinese_only(kwic_report, bad, reason):
    with pytest.raises(UsageError) as info:
        kwic(kwic_report, bad, regex=True)
    message = str(info.value)
    assert reason in message and f"“{bad}”" in message
    assert not re.search(r"[A-Za-z]{4,}", message.replace(bad, "")), message  # no English from re
    assert message.endswith("。") and message.count("。") == 1


needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"),
                                 reason="the time limit needs SIGALRM (Linux, macOS)")


@needs_alarm
def test_a_pathological_regex_is_stopped_in_time():
    from baogao.concordance.index import TimedPattern, compile_query, regex_time_limit

    report = load("标题\n" + "a" * 40 + "b\n正文。\n", "slow")
    started = time.monotonic()
    with regex_time_limit(0.3), pytest.raises(UsageError, match="太慢.*0.3 秒") as info:
        kwic(report, "(a+)+$", regex=True)
    assert time.monotonic() - started < 3  # unbounded, (a+)+$ on 40 a's takes hours
    assert "(a+)+$" in str(info.value) and str(info.value).count("。") == 1
    # The budget is shared by every search of one query, and the alarm is put back.
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    with regex_time_limit(0.2):
        pattern = compile_query("(a+)+$", regex=True)
    assert isinstance(pattern, TimedPattern) and pattern.seconds == 0.2
    with pytest.raises(UsageError, match="太慢"):
        pattern.search("a" * 40 + "b")
    with pytest.raises(UsageError, match="太慢"):  # nothing left: refused at once
        pattern.search("a")
    # Ordinary patterns are unaffected, and literal queries are plain patterns.
    assert kwic(report, "正文", regex=True)["match"].tolist() == ["正文"]
    assert not isinstance(compile_query("正文"), TimedPattern)
    with regex_time_limit(None):
        assert compile_query("a+", regex=True).seconds == float("inf")
    for bad in (0, -1, "5", True):
        with pytest.raises(UsageError, match="时限"):
            with regex_time_limit(bad):
                pass


@needs_alarm
def test_the_time_limit_keeps_a_timer_someone_else_armed():
    from baogao.concordance.index import compile_query

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        pattern = compile_query("青年", regex=True)
        assert [m.group() for m in pattern.finditer("青年青年")] == ["青年", "青年"]
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30  # not disarmed by the search
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_kwic_bad_arguments(kwic_report):
    with pytest.raises(UsageError):
        kwic(kwic_report, "")
    with pytest.raises(UsageError):
        kwic(kwic_report, "青年", sort="middle")
    with pytest.raises(UsageError):
        kwic(kwic_report, "青年", window=-1)
    with pytest.raises(UsageError):
        kwic("青年是未来", "青年")  # text must be loaded first


def test_format_kwic_marks_paragraph_edges(kwic_report):
    lines = format_kwic(kwic(kwic_report, "青年", window=3), 3).split("\n")
    assert lines[0] == "\u3000¶关心【青年】。¶"
    assert lines[1] == "\u3000\u3000\u3000¶【青年】是未来"
    assert lines[2] == "\u3000未来。【青年】工作很"  # every left side is window + 1 wide


def test_kwic_finds_sige_yishi_in_the_specimen_among_the_corpus():
    specimen = baogao.specimen()
    k = kwic(baogao.corpus() + [specimen], "四个意识")
    mine = k[k["report"] == "specimen"]
    assert mine["line"].tolist() == [5, 43, 45]
    # Line 5: 一是以加强政治建设为统领,带动全团进一步强化“四个意识”… : 四 is the 24th character.
    assert mine["column"].tolist() == [24, 27, 819]
    for _, row in mine.iterrows():
        line = specimen.line(row.line).text
        assert line[row.column - 1:row.column - 1 + 4] == "四个意识"
    assert mine.iloc[0]["left"].endswith("强化“") and mine.iloc[0]["right"].startswith("”")
    assert (k["report"] != "specimen").sum() >= 5  # recent government reports use it too


def test_report_names_are_unique():
    a, b = load("青年。", "same"), load("共青团。", "same")
    assert report_names([a, b]) == ["same", "same (2)"]


# -- dispersion ------------------------------------------------------------------------

def test_gries_dp_by_hand():
    # Parts of 10, 10, 20 characters: s = .25, .25, .5. Hits 2, 0, 2: v = .5, 0, .5.
    # DP = ½(|.5−.25| + |0−.25| + |.5−.5|) = ½(.25 + .25 + 0) = .25
    assert gries_dp([10, 10, 20], [2, 0, 2]) == pytest.approx(0.25)
    assert gries_dp([10, 10, 20], [1, 1, 2]) == pytest.approx(0.0)  # spread like the text
    assert math.isnan(gries_dp([10, 10], [0, 0]))


def test_dispersion_of_a_tiny_report():
    r = load("青年甲乙\n乙丙丁戊\n青年青年", "disp")
    # Three paragraphs of 4 characters (s = ⅓ each), hits 1, 0, 2 (v = ⅓, 0, ⅔):
    # DP = ½(0 + ⅓ + ⅓) = ⅓. Hits at offsets 0, 10, 12 of 14 characters.
    d = dispersion([r], "青年")
    assert list(d.columns) == ["report", "chars", "hits", "per_10k", "positions", "dp"]
    row = d.iloc[0]
    assert row.hits == 3 and row.chars == 12
    assert row.positions == pytest.approx([0, 10 / 14, 12 / 14])
    assert row.dp == pytest.approx(1 / 3)
    assert row.per_10k == pytest.approx(3 * 10000 / 12)
    none = dispersion(r, "团员").iloc[0]
    assert none.hits == 0 and none.positions == [] and math.isnan(none.dp)


# -- clusters ----------------------------------------------------------------------------

def test_ngram_counts_by_hand():
    runs = [(1, list("abc")), (1, list("ab")), (2, list("bcab"))]
    # Bigrams: run 1 ab bc; run 2 ab; run 3 bc ca ab -> ab 3, bc 2, ca 1.
    # Paragraphs: ab in 1 and 2, bc in 1 and 2, ca in 2.
    freq, parts = ngram_counts(runs, [2])
    assert freq == {("a", "b"): 3, ("b", "c"): 2, ("c", "a"): 1}
    assert parts == {("a", "b"): 2, ("b", "c"): 2, ("c", "a"): 1}
    freq3, _ = ngram_counts(runs, [3])
    assert freq3 == {("a", "b", "c"): 1, ("b", "c", "a"): 1, ("c", "a", "b"): 1}


CLUSTER_TEXT = "青年工作，青年工作。青年工作很重要。\n共青团支持青年，青年支持共青团。团结团员。\n"


def test_word_clusters_do_not_cross_punctuation():
    assert words("青年工作，青年工作。青年工作很重要。") == [
        "青年", "工作", "，", "青年", "工作", "。", "青年", "工作", "很", "重要", "。"]
    r = load(CLUSTER_TEXT, "clusters")
    c = clusters(r, 2, min_freq=1)
    assert list(c.columns) == ["cluster", "words", "n", "freq", "range", "paragraphs"]
    got = dict(zip(c["cluster"], c["freq"]))
    # 青年工作 ×3; 工作青年 never (a comma or full stop sits between them); 青年青年 never.
    assert got["青年工作"] == 3
    assert "工作青年" not in got and "青年青年" not in got and "重要共青团" not in got
    assert got["共青团支持"] == 1 and got["支持青年"] == 1
    top = c.iloc[0]
    assert (top.cluster, top.words, top.n, top.freq, top.range, top.paragraphs) == (
        "青年工作", "青年 工作", 2, 3, 1, 1)
    assert clusters(r, 2)["cluster"].tolist() == ["青年工作"]  # min_freq=2


def test_clusters_range_and_sizes():
    a = load(CLUSTER_TEXT, "a")
    b = load("青年工作很重要。", "b")
    c = clusters([a, b], (2, 3), min_freq=2)
    row = c[c["cluster"] == "青年工作"].iloc[0]
    assert (row.freq, row.range, row.paragraphs) == (4, 2, 2)
    # 青年工作很 (3 tokens) occurs once in each report.
    row3 = c[c["cluster"] == "青年工作很"].iloc[0]
    assert (row3.n, row3.freq, row3.range) == (3, 2, 2)


def test_clusters_include_whole_tokens_only():
    r = load(CLUSTER_TEXT, "clusters")
    c = clusters(r, 2, min_freq=1, include="青年")
    assert set(c["cluster"]) == {"青年工作", "支持青年", "青年支持"}
    # 团 is not a token of 共青团支持 or 团结团员: nothing.
    assert clusters(r, 2, min_freq=1, include="团").empty
    assert set(clusters(r, 3, min_freq=1, include="支持青年")["cluster"]) == {"共青团支持青年"}


def test_char_clusters():
    r = load("青年工作，青年工作。", "chars")
    c = clusters(r, 3, by="char", min_freq=1)
    # Runs 青年工作 ×2: 青年工 ×2, 年工作 ×2; nothing across the comma (作青年).
    assert dict(zip(c["cluster"], c["freq"])) == {"青年工": 2, "年工作": 2}
    assert set(clusters(r, 2, by="char", min_freq=1, include="工")["cluster"]) == {"年工", "工作"}


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"n": (3, 2)}, {"n": "2"}, {"by": "line"},
                                    {"include": ""}])
def test_clusters_bad_arguments(kwargs):
    with pytest.raises(UsageError):
        clusters(load("青年工作。", "x"), **kwargs)


# -- collocates ----------------------------------------------------------------------------

def test_collocation_measures_by_hand():
    # Sentences (words only): A B C A D | B A C | D D; node A, window 1.
    # A@0: right B.  A@3: left C, right D.  A@1 of sentence 2: left B, right C.
    # B: O = 2 (1 left, 1 right); C: O = 2 (1 left, 1 right); D: O = 1 (right).
    left, right, f_node = window_counts([list("ABCAD"), list("BAC"), list("DD")], "A", 1)
    assert f_node == 3
    assert left == {"C": 1, "B": 1} and right == {"B": 1, "D": 1, "C": 1}
    # N = 10, f(A) = 3, f(B) = 2, O = 2: E = 3·2/10 = 0.6
    # MI = log2(2/0.6) = log2(3.333) = 1.73697
    # log-Dice = 14 + log2(2·2/(3+2)) = 14 + log2(0.8) = 13.67807
    # t = (2 − 0.6)/√2 = 0.98995
    mi, log_dice, t = association(2, 3, 2, 10)
    assert mi == pytest.approx(1.7369656)
    assert log_dice == pytest.approx(13.6780719)
    assert t == pytest.approx(0.9899495)


def test_collocates_of_a_tiny_report():
    text = "我们支持青年，青年支持我们。团结青年。"
    assert words(text) == ["我们", "支持", "青年", "，", "青年", "支持", "我们", "。",
                           "团结", "青年", "。"]
    # Word tokens by sentence (the comma is dropped, the full stop ends the window):
    #   S1 我们 支持 青年 青年 支持 我们    S2 团结 青年        N = 8, f(青年) = 3
    # Node 青年, window 2:
    #   S1 #3: left 我们 支持, right 青年 支持;  S1 #4: left 支持 青年, right 支持 我们
    #   S2 #2: left 团结, right nothing (the window stops at the sentence end)
    # 支持: O = 4 (2 left, 2 right), f = 2: E = 3·2/8 = 0.75, MI = log2(4/0.75) = 2.41504,
    #       log-Dice = 14 + log2(8/5) = 14.67807, t = (4 − 0.75)/√4 = 1.625
    # 我们: O = 2 (1, 1), f = 2: MI = log2(2/0.75) = 1.41504, log-Dice = 14 + log2(4/5)
    #       = 13.67807, t = 1.25/√2 = 0.88388
    # 青年 (the node beside itself): O = 2, f = 3: E = 1.125, MI = log2(2/1.125) = 0.83007,
    #       log-Dice = 14 + log2(4/6) = 13.41504, t = 0.875/√2 = 0.61872
    # 团结: O = 1 < min_freq 2, left out.
    c = collocates(load(text, "col"), "青年", window=2)
    assert list(c.columns) == ["word", "freq", "freq_node", "freq_word", "left", "right", "mi",
                               "log_dice", "t_score"]
    assert c["word"].tolist() == ["支持", "我们", "青年"]
    assert c[["freq", "freq_node", "freq_word", "left", "right"]].values.tolist() == [
        [4, 3, 2, 2, 2], [2, 3, 2, 1, 1], [2, 3, 3, 1, 1]]
    assert c["mi"].tolist() == pytest.approx([2.4150375, 1.4150375, 0.8300750])
    assert c["log_dice"].tolist() == pytest.approx([14.6780719, 13.6780719, 13.4150375])
    assert c["t_score"].tolist() == pytest.approx([1.625, 0.8838835, 0.6187184])
    assert "团结" in set(collocates(load(text, "col"), "青年", window=2, min_freq=1)["word"])
    assert collocates(load(text, "col"), "青年", window=2, sort="t_score")["word"].tolist() == [
        "支持", "我们", "青年"]


def test_collocates_stopwords_and_missing_node():
    r = load("共青团的工作。共青团的青年。", "stop")
    assert "的" in set(collocates(r, "共青团", window=1)["word"])
    assert "的" not in set(collocates(r, "共青团", window=1, stopwords=True)["word"])
    assert collocates(r, "少先队").empty
    with pytest.raises(UsageError):
        collocates(r, "共青团", window=0)
    with pytest.raises(UsageError):
        collocates(r, "共青团", sort="dice")


# -- word list and keyness --------------------------------------------------------------

TARGET = "共青团联系青年。共青团服务青年。青年热爱共青团。"
REF1, REF2 = "政府服务青年。", "政府联系企业。"


@pytest.fixture
def tiny():
    assert words(TARGET) == ["共青团", "联系", "青年", "。", "共青团", "服务", "青年", "。",
                             "青年", "热爱", "共青团", "。"]
    assert words(REF1) == ["政府", "服务", "青年", "。"] and words(REF2) == ["政府", "联系", "企业", "。"]
    return load(TARGET, "target"), [load(REF1, "ref1"), load(REF2, "ref2")]


def test_word_list(tiny):
    target, refs = tiny
    w = word_list([target, refs[0]])
    assert list(w.columns) == ["word", "freq", "range", "paragraphs", "per_10k"]
    # 12 word tokens in all: 青年 3 + 1 = 4 (both reports), 共青团 3 (one report).
    assert w.iloc[0].tolist() == ["青年", 4, 2, 2, pytest.approx(4 * 10000 / 12)]
    assert w.iloc[1].tolist() == ["共青团", 3, 1, 1, pytest.approx(3 * 10000 / 12)]
    assert "。" not in set(w["word"])
    s = load("共青团的工作。", "s")
    assert "的" in set(word_list(s)["word"])
    assert set(word_list(s, stopwords=True)["word"]) == {"共青团", "工作"}


def test_log_likelihood_of_a_two_by_two_table_by_hand():
    # a = 10 in c = 100 target words; b = 10 in d = 1000 reference words.
    # E1 = 100·20/1100 = 1.81818, E2 = 1000·20/1100 = 18.18182
    # G2 = 2·(10·ln(10/1.81818) + 10·ln(10/18.18182)) = 2·(17.04748 − 5.97837) = 22.13822
    # log ratio = log2((10/100)/(10/1000)) = log2(10) = 3.32193
    assert float(log_likelihood(10, 10, 100, 1000)) == pytest.approx(22.138222)
    assert float(log_ratio(10, 10, 100, 1000)) == pytest.approx(3.3219281)
    # A word absent from the reference: b ln b counts 0, b is taken as 0.5 in the log ratio.
    assert float(log_likelihood(3, 0, 9, 6)) == pytest.approx(6 * math.log(5 / 3))
    assert float(log_ratio(3, 0, 9, 6)) == pytest.approx(2.0)
    # Same relative frequency: no keyness at all.
    assert float(log_likelihood(5, 50, 100, 1000)) == pytest.approx(0.0)


def test_keyness_log_likelihood_by_hand(tiny):
    target, refs = tiny
    # Target: 9 word tokens (共青团 3, 青年 3, 联系, 服务, 热爱); reference: 6 (政府 2, 服务,
    # 青年, 联系, 企业). Candidates with freq ≥ 3: 共青团, 青年.
    # 共青团: a=3, b=0: E1 = 9·3/15 = 1.8; G2 = 2·3·ln(3/1.8) = 3.06495; LR = log2((3/9)/(.5/6)) = 2
    # 青年: a=3, b=1: E1 = 9·4/15 = 2.4, E2 = 6·4/15 = 1.6;
    #       G2 = 2·(3·ln(3/2.4) + ln(1/1.6)) = 2·(0.66943 − 0.47000) = 0.39885; LR = log2(2) = 1
    k = keyness(target, refs)
    assert k["word"].tolist() == ["共青团", "青年"]
    assert k["score"].tolist() == pytest.approx([3.0649537, 0.3988540])
    assert k["log_ratio"].tolist() == pytest.approx([2.0, 1.0])
    assert k[["freq", "ref_freq"]].values.tolist() == [[3, 0], [3, 1]]
    assert k["sign"].tolist() == ["+", "+"]
    assert k["p"].tolist() == pytest.approx([math.erfc(math.sqrt(3.0649537 / 2)),
                                             math.erfc(math.sqrt(0.3988540 / 2))])
    # Negative keyness: 政府 a=0, b=2: E2 = 6·2/15 = 0.8; G2 = 2·2·ln(2/0.8) = 3.66516
    neg = keyness(target, refs, negative=True, min_freq=2)
    assert neg["word"].tolist() == ["政府"]
    assert neg["score"].tolist() == pytest.approx([4 * math.log(2.5)])
    assert neg["sign"].tolist() == ["-"]


def test_chi_square_threshold():
    from baogao.concordance.keywords import chi2_p

    assert chi2_p([3.841459])[0] == pytest.approx(0.05, abs=1e-6)


def test_keyness_tfidf_by_hand(tiny):
    target, refs = tiny
    # N = 3 documents (ref1, ref2, target).
    # 共青团: df 1: idf = ln(4/2) + 1 = 1.69315; score = 3 · 1.69315 = 5.07944
    # 青年: df 2 (ref1, target): idf = ln(4/3) + 1 = 1.28768; score = 3 · 1.28768 = 3.86305
    k = keyness(target, refs, method="tfidf")
    assert k["word"].tolist() == ["共青团", "青年"]
    assert k["df"].tolist() == [1, 2]
    assert k["idf"].tolist() == pytest.approx([1.6931472, 1.2876821])
    assert k["score"].tolist() == pytest.approx([5.0794415, 3.8630462])
    assert float(smoothed_idf(3, 3)[()]) == pytest.approx(1.0)  # in every document


def test_keyness_bad_arguments(tiny):
    target, refs = tiny
    with pytest.raises(UsageError):
        keyness(target, refs, method="chi2")
    with pytest.raises(UsageError):
        keyness(target, refs, method="tfidf", negative=True)
    with pytest.raises(UsageError):
        keyness(target, [], top=5)
    with pytest.raises(UsageError):
        keyness(target, refs, top=0)


def test_candidate_filter():
    assert is_number("2021", "m") and is_number("１９９４", "x") and is_number("一年", "m")
    assert is_number("多个", "m") and not is_number("少年", "m") and not is_number("青年", "t")
    assert not is_candidate("，", "x") and not is_candidate("的", "uj")
    assert not is_candidate("进行", "v")  # a formal verb: on the stop list
    assert is_candidate("党", "n") and is_candidate("团", "n")  # meaningful single characters
    assert not is_candidate("地", "uv") and not is_candidate("新", "a")
    assert is_candidate("共青团", "nt") and is_candidate("发展", "vn")


@pytest.mark.parametrize("method", ["log-likelihood", "tfidf"])
def test_specimen_keywords_are_about_youth_work(method):
    specimen = baogao.specimen()
    k = keyness(specimen, method=method, top=None)
    ranks = {w: i for i, w in enumerate(k["word"])}
    top10 = set(k["word"].head(10))
    assert len(top10 & YOUTH) >= 4, k.head(10)
    for topic in ("共青团", "青年"):
        assert ranks[topic] < 3
        for filler in FILLER:
            assert ranks[topic] < ranks.get(filler, len(k)), (topic, filler)
    if method == "log-likelihood":
        # The filler verbs are not overused in the specimen: 发展 is a negative keyword.
        assert not set(FILLER) & set(k["word"])
        neg = keyness(specimen, negative=True, top=5)
        assert "发展" in set(neg["word"])


def test_default_reference_leaves_the_target_out():
    target = baogao.corpus("2021_state-council_gwr")
    k = keyness(target, top=None)
    k_all = keyness(target, reference=baogao.corpus(), top=None)
    # Against a reference that contains itself, every keyword is weaker.
    common = k.merge(k_all, on="word", suffixes=("", "_all"))
    assert len(common) > 0 and (common["score"] > common["score_all"]).all()
    assert (common["ref_freq_all"] == common["ref_freq"] + common["freq"]).all()


def test_corpus_frequencies(tiny):
    target, refs = tiny
    f = corpus_frequencies([target, refs[0]], ["青年", "共青团", "团"], normalise=False)
    assert f.index.tolist() == ["target", "ref1"] and f.index.name == "report"
    # 团 only occurs inside 共青团: not counted.
    assert f.values.tolist() == [[3, 3, 0], [1, 0, 0]]
    n = corpus_frequencies([target, refs[0]], "青年")
    assert n["青年"].tolist() == pytest.approx([3 * 10000 / 9, 1 * 10000 / 3])
    with pytest.raises(UsageError):
        corpus_frequencies(target, [])


def test_progress_bar_is_opt_in(tiny, capsys):
    target, refs = tiny
    word_list([target] + refs)
    assert capsys.readouterr().err == ""
    word_list([target] + refs, progress=True)
    assert capsys.readouterr().err != ""


# -- the stop-word list ------------------------------------------------------------------

def test_stopword_list():
    raw = data_path("lexicon", "stopwords.txt").read_text(encoding="utf-8")
    entries = [line.split("#", 1)[0].strip() for line in raw.splitlines()]
    entries = [e for e in entries if e]
    assert len(entries) == len(set(entries)) == len(stopwords()) > 250
    assert all(len(e.split()) == 1 and len(e) <= 4 for e in entries)
    assert {"的", "和", "进行", "我们", "进一步"} <= stopwords()
    # Topic words and the policy verbs stay out (see STOPWORDS.md): keyness must rank
    # 发展/推进/坚持 low on its own.
    assert not (YOUTH | set(FILLER) | {"加强", "开展", "工作", "建设"}) & stopwords()
    doc = data_path("lexicon", "STOPWORDS.md").read_text(encoding="utf-8")
    assert "Provenance" in doc and "发展" in doc


# -- every shipped report --------------------------------------------------------------

@pytest.mark.parametrize("key", [None] + baogao.sources.shipped.corpus_ids())
def test_every_report_runs(key):
    report = baogao.specimen() if key is None else baogao.corpus(key)
    k = kwic(report, "发展", window=10)
    assert len(k) == report.text.count("发展")
    for _, row in k.head(20).iterrows():
        assert report.text[row.start:row.end] == "发展"
        assert report.line(row.line).text[row.column - 1:row.column + 1] == "发展"
    d = dispersion(report, "发展").iloc[0]
    assert d.hits == len(k) and all(0 <= p < 1 for p in d.positions)
    c = clusters(report, (2, 3))
    assert len(c) > 0 and (c["freq"] >= 2).all()
    assert not c["cluster"].str.contains("[，。、；：]").any()
    w = word_list(report)
    assert w["freq"].sum() == (baogao.analyze(report).tokens["pos"] != "x").sum() - _blanks(report)
    col = collocates(report, "发展" if len(k) else "工作", min_freq=1)
    assert len(col) > 0
    kw = keyness(report, top=20)
    assert len(kw) == 20 and (kw["sign"] == "+").all()
    assert len(keyness(report, method="tfidf", top=20)) == 20


def _blanks(report):
    t = baogao.analyze(report).tokens
    return ((t["pos"] != "x") & (t["word"].str.strip() == "")).sum()


def test_corpus_frequencies_place_the_specimen_among_the_corpus():
    reports = [baogao.specimen()] + baogao.corpus()
    f = corpus_frequencies(reports, ["青年", "共青团", "发展"])
    assert f.shape == (18, 3)
    assert f["共青团"].idxmax() == "specimen" and f["青年"].idxmax() == "specimen"
    assert f.loc["specimen", "发展"] < f["发展"].drop("specimen").min()
    assert isinstance(f, pd.DataFrame)
