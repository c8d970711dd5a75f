"""The readability of 徐巍、姚振晔、陈冬华 (2021) as its abstract defines it, and the clause table
it rests on, on small texts worked out by hand.

The jieba tokens quoted in comments are those tests/analysis/test_measures.py
printed (jieba 0.42.1 with the kit's lexicon); every expected value was
counted from them by hand.
"""

import pytest

import baogao
from baogao.analysis import lengths
from baogao.analysis.stats import text_stats
from baogao.report import Report

# jieba: 我们/r 已经/d 完成/v 任务/n ，但是/c 还要/c 继续/v 努力/ad 。
#        大家/n 积极/ad 工作/vn ，而且/c 都/d 很/d 认真/ad 。
ADVERBS = "我们已经完成任务，但是还要继续努力。大家积极工作，而且都很认真。"

# jieba: 我们/r 坚持/v 学习/v 。 / 我们/r 不断加强/i 实践/v ，并且/c 推进改革/l 。 /
#        大家/n 积极参与/i 和/c 认真落实/z ，进一步提高/i 能力/n ，确保/v 取得实效/i 。
THREE = "我们坚持学习。我们不断加强实践，并且推进改革。大家积极参与和认真落实，进一步提高能力，确保取得实效。"


def doc(text: str) -> Report:
    return Report.from_text(text)


def test_clause_chars_count_letters_and_digits_only():
    assert lengths.clause_chars("努力提高覆盖率。") == 7
    assert lengths.clause_chars("增长10.5%，") == 5  # 增长 + 1, 0, 5
    assert lengths.clause_chars("综合运用H5、小程序") == 9  # H and 5 count, the 顿号 does not
    assert lengths.clause_chars("“七一”重要讲话中, ") == 7  # quotation marks, comma and space out
    assert lengths.clause_chars("——") == 0


def test_clause_table_by_hand():
    t = lengths.clause_table(doc(THREE))
    assert list(t.columns) == ["sentence", "line", "clause", "text", "chars"]
    # 我们坚持学习 6 | 我们不断加强实践 8, 并且推进改革 6 | 大家积极参与和认真落实 11, 进一步提高能力 7, 确保取得实效 6
    assert t["chars"].tolist() == [6, 8, 6, 11, 7, 6]
    assert t["sentence"].tolist() == [1, 2, 2, 3, 3, 3] and t["clause"].tolist() == [1, 1, 2, 1, 2, 3]
    assert t["text"].iloc[1] == "我们不断加强实践，"


def test_ascii_commas_break_clauses_but_not_numbers():
    t = lengths.clause_table(doc("进口1,000万吨,增长10.5%。会议于10:30开始:请大家准时到会。"))
    assert t["chars"].tolist() == [8, 5, 9, 7]
    ascii_three = doc(THREE.replace("，", ","))
    assert lengths.clause_table(ascii_three)["chars"].tolist() == [6, 8, 6, 11, 7, 6]


def test_the_enumeration_comma_does_not_break_a_clause():
    assert lengths.clause_table(doc("不断保持和增强政治性、先进性、群众性。"))["chars"].tolist() == [16]


def test_readability_by_hand():
    # Clauses: 我们已经完成任务 8, 但是还要继续努力 8, 大家积极工作 6, 而且都很认真 6: 28 / 4 = 7.0.
    # Share per sentence: (已经, 但是, 还要) 3 of 8 words; (而且, 都, 很) 3 of 7: mean 0.40179.
    # readability = ½ × (7.0 + 0.40179) = 3.70089
    r = lengths.readability(doc(ADVERBS))
    assert (r["sentences"], r["clauses"], r["clause_chars"], r["words"]) == (2, 4, 28, 15)
    assert (r["adverbs"], r["conjunctions"]) == (3, 3)
    assert r["chars_per_clause"] == 7.0
    assert r["adv_conj_share"] == 0.402
    assert r["readability"] == 3.701
    # the counts per sentence that text_stats reports on their own stay as they were
    assert (r["words_per_sentence"], r["adv_conj_per_sentence"]) == (7.5, 3.0)


def test_readability_with_merged_adverbs():
    # 44 字 in 6 clauses = 7.333; shares 0/3, 1/5 (并且), 1/8 (和): mean 0.10833; ½ × 7.44167 = 3.72083
    r = lengths.readability(doc(THREE))
    assert (r["clauses"], r["clause_chars"]) == (6, 44)
    assert (r["chars_per_clause"], r["adv_conj_share"], r["readability"]) == (7.333, 0.108, 3.721)


def test_text_stats_carries_the_new_readability():
    stats = text_stats(doc(THREE))
    assert stats["readability"] == 3.721
    assert (stats["mean_words_per_sentence"], stats["adverbs_conjunctions_per_sentence"]) == (5.333, 0.667)


def test_readability_of_nothing_is_zero():
    r = lengths.readability(doc("关于学习的报告"))  # a title only: no body sentence
    assert (r["sentences"], r["clauses"], r["words"]) == (0, 0, 0)
    assert (r["chars_per_clause"], r["adv_conj_share"], r["readability"]) == (0.0, 0.0, 0.0)
    assert lengths.clause_table(doc("关于学习的报告")).empty


def test_source_and_note_say_what_was_and_was_not_checked():
    r = lengths.readability(doc(THREE))
    assert r["source"] == lengths.READABILITY_SOURCE
    assert "《中文年报可读性：衡量与检验》" in r["source"] and "《会计研究》2021年第3期" in r["source"]
    for phrase in ("每个分句的平均字数", "副词和连词所占的比例", "上市公司年报", "政府工作报告", "没有核实", "摘要"):
        assert phrase in r["note"], phrase
    for phrase in ("each sentence with a word", "Not verified here", "abstract"):
        assert phrase in lengths.readability.__doc__, phrase


@pytest.fixture(scope="module")
def specimen():
    return baogao.specimen()


def test_specimen_readability_rests_on_its_ascii_commas(specimen):
    r = lengths.readability(specimen)
    assert (r["sentences"], r["clauses"]) == (176, 544)
    assert (r["chars_per_clause"], r["adv_conj_share"], r["readability"]) == (14.697, 0.052, 7.374)
    assert r["clause_chars"] == 7995 and abs(r["readability"] - (7995 / 544 + r["adv_conj_share"]) / 2) < 0.001
    full = baogao.load(specimen.text.replace(",", "，").replace(";", "；"), name="full-width")
    assert len(lengths.clause_table(full)) == 544  # the same clauses with full-width marks


def test_the_share_unrounded():
    assert lengths.adverb_conjunction_share(doc(ADVERBS)) == pytest.approx((3 / 8 + 3 / 7) / 2)
    assert lengths.adverb_conjunction_share(doc(THREE)) == pytest.approx((0 + 1 / 5 + 1 / 8) / 3)
    assert lengths.adverb_conjunction_share(doc("关于学习的报告")) == 0.0


def test_clause_chars_counts_exactly_the_letters_and_digits_of_unicodedata():
    import sys
    import unicodedata

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert lengths.clause_chars(everything) == sum(
        1 for ch in everything if unicodedata.category(ch)[0] in "LN")
    assert lengths.clause_chars("_·%‰") == 0
