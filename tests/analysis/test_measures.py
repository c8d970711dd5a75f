"""Style measures on small texts whose answers were worked out by hand, on the specimen, and on the corpus.

The jieba tokens quoted in comments were printed once with
``analyze(report).tokens`` (jieba 0.42.1 with the kit's lexicon); every
expected value was then counted from them by hand.
"""

import json

import pytest

import baogao
from baogao.analysis import lengths, parallelisms, phrases, vocabulary, words
from baogao.analysis import stats as stats_module
from baogao.errors import UsageError
from baogao.report import Report

# 3 sentences, one paragraph. jieba:
#   我们/r 坚持/v 学习/v 。
#   我们/r 不断加强/i 实践/v ，并且/c 推进改革/l 。
#   大家/n 积极参与/i 和/c 认真落实/z ，进一步提高/i 能力/n ，确保/v 取得实效/i 。
THREE = "我们坚持学习。我们不断加强实践，并且推进改革。大家积极参与和认真落实，进一步提高能力，确保取得实效。"

# jieba: 我们/r 已经/d 完成/v 任务/n ，但是/c 还要/c 继续/v 努力/ad 。
#        大家/n 积极/ad 工作/vn ，而且/c 都/d 很/d 认真/ad 。
ADVERBS = "我们已经完成任务，但是还要继续努力。大家积极工作，而且都很认真。"

ALL_FUNCTIONS = [
    lengths.sentence_lengths, lengths.paragraph_lengths, lengths.clauses_per_sentence, lengths.readability,
    words.word_frequencies, words.function_words, vocabulary.official_vocabulary, phrases.four_char_phrases,
    phrases.numeric_formulations, phrases.quoted_formulations, parallelisms.parallelisms, stats_module.text_stats,
]

COLUMNS = {
    words.word_frequencies: ["word", "pos", "freq", "share"],
    words.function_words: ["word", "category", "label", "pos", "freq", "share"],
    vocabulary.official_vocabulary: ["word", "category", "gloss", "count", "per_1000", "lines"],
    phrases.four_char_phrases: ["phrase", "type", "count", "lines"],
    phrases.numeric_formulations: ["formulation", "kind", "count", "lines"],
    phrases.quoted_formulations: ["formulation", "count", "lines"],
    parallelisms.parallelisms: ["kind", "line", "opening", "length", "text"],
}


def doc(text: str) -> Report:
    return Report.from_text(text)


@pytest.fixture(scope="module")
def specimen():
    return baogao.specimen()


# -- lengths ---------------------------------------------------------------------

def test_sentence_lengths_by_hand():
    # 我们坚持学习。 = 7; 我们不断加强实践(8)，并且推进改革(6)。 = 16;
    # 大家积极参与和认真落实(11)，进一步提高能力(7)，确保取得实效(6)。 = 27
    s = lengths.sentence_lengths(doc(THREE))
    assert s.tolist() == [7, 16, 27]
    assert s.index.tolist() == [1, 2, 3]
    assert s.name == "chars" and s.index.name == "sentence"


def test_clauses_and_paragraph_lengths_by_hand():
    assert lengths.clauses_per_sentence(doc(THREE)).tolist() == [1, 2, 3]
    two = doc(THREE + "\n\n短段落。")  # 7 + 16 + 27 = 50; 短段落。 = 4
    p = lengths.paragraph_lengths(two)
    assert p.tolist() == [50, 4]
    assert p.index.tolist() == [1, 2]


def test_lengths_leave_out_title_and_headings():
    r = doc("关于学习的报告\n\n一、主要工作\n\n我们坚持学习。我们加强实践。")
    assert lengths.sentence_lengths(r).tolist() == [7, 7]
    assert lengths.paragraph_lengths(r).tolist() == [14]


# -- readability -------------------------------------------------------------------

def test_readability_by_hand():
    # Words: 8 + 7 = 15. Adverbs (d): 已经, 都, 很 = 3 (努力, 积极, 认真 are ad: not counted).
    # Conjunctions (c): 但是, 还要, 而且 = 3. Sentences: 2.
    # Clauses: 我们已经完成任务 8, 但是还要继续努力 8, 大家积极工作 6, 而且都很认真 6: 28 字 / 4 = 7.0.
    # Share of adverbs and conjunctions per sentence: 3/8 (已经, 但是, 还要) and 3/7 (而且, 都, 很),
    # mean 0.402. readability = ½ × (7.0 + 0.402) = 3.701
    r = lengths.readability(doc(ADVERBS))
    assert (r["sentences"], r["words"], r["adverbs"], r["conjunctions"]) == (2, 15, 3, 3)
    assert r["words_per_sentence"] == 7.5
    assert r["adv_conj_per_sentence"] == 3.0
    assert (r["chars_per_clause"], r["adv_conj_share"]) == (7.0, 0.402)
    assert r["readability"] == 3.701


def test_readability_with_merged_adverbs():
    # 16 words (3 + 5 + 8); no d token: jieba merges 不断加强, 进一步提高 into i tokens;
    # c: 并且, 和 = 2. Clauses 6, 8, 6, 11, 7, 6: 44 字 / 6 = 7.333; shares 0/3, 1/5, 1/8: mean 0.108.
    # ½ × (7.333 + 0.108) = 3.721
    r = lengths.readability(doc(THREE))
    assert (r["words"], r["adverbs"], r["conjunctions"]) == (16, 0, 2)
    assert r["words_per_sentence"] == 5.333
    assert r["adv_conj_per_sentence"] == 0.667
    assert r["readability"] == 3.721


def test_readability_note_says_annual_reports():
    r = lengths.readability(doc(THREE))
    assert "上市公司年报" in r["note"]
    assert "徐巍" in r["source"] and "会计研究" in r["source"]
    assert "政府工作报告" in r["note"]


def test_readability_of_nothing_is_zero():
    r = lengths.readability(doc("关于学习的报告"))  # a title only: no body sentence
    assert (r["sentences"], r["words"], r["readability"]) == (0, 0, 0.0)


# -- words -------------------------------------------------------------------------

def test_word_list_by_hand():
    # 我们/r 在/p 学校/n 学习/v 了/ul 知识/v 和/c 技能/n ，提高/v 了/ul 我们/r 的/uj 能力/n 和/c 水平/n 。
    # 15 words: 了, 和, 我们 twice each.
    w = words.word_frequencies(doc("我们在学校学习了知识和技能，提高了我们的能力和水平。"))
    assert w["freq"].sum() == 15
    assert w.head(3)[["word", "freq"]].values.tolist() == [["了", 2], ["和", 2], ["我们", 2]]
    assert w.loc[w["word"] == "了", "share"].item() == round(2 / 15, 3)
    assert "，" not in set(w["word"]) and "。" not in set(w["word"])


def test_word_list_pos_filters():
    r = doc("我们在学校学习了知识和技能，提高了我们的能力和水平。")
    assert words.word_frequencies(r, pos="v")["word"].tolist() == ["学习", "提高", "知识"]  # jieba: 知识/v
    assert words.word_frequencies(r, pos="n*")["word"].tolist() == ["学校", "技能", "水平", "能力"]
    assert words.word_frequencies(r, pos=["c", "p"])["word"].tolist() == ["和", "在"]
    assert words.word_frequencies(r, min_freq=2)["word"].tolist() == ["了", "和", "我们"]
    # share stays relative to all words: 学习 is 1 of 15
    assert words.word_frequencies(r, pos="v").loc[0, "share"] == round(1 / 15, 3)
    with pytest.raises(UsageError):
        words.word_frequencies(r, pos=3)


def test_full_width_digits_are_one_number():
    # jieba: 1978/m 年/m 增长/v ７/x ．/x ５/x ％/x ，达到/v １/x ２/x ３/x ４/x ５/x 吨/m 。
    w = words.word_frequencies(doc("1978年增长７．５％，达到１２３４５吨。"))
    assert sorted(w["word"]) == sorted(["1978", "年", "增长", "７．５", "达到", "１２３４５", "吨"])
    assert set(w.loc[w["word"].isin(["７．５", "１２３４５"]), "pos"]) == {"m"}


def test_function_words_by_hand():
    # 在/p, 了/ul ×2, 和/c ×2, 的/uj: 6 function words of 15 words
    f = words.function_words(doc("我们在学校学习了知识和技能，提高了我们的能力和水平。"))
    got = {row.word: (row.category, row.freq) for row in f.itertuples()}
    assert got == {"在": ("preposition", 1), "了": ("aspect", 2), "和": ("conjunction", 2),
                   "的": ("structural", 1)}
    assert f.loc[f["word"] == "了", "label"].item() == "动态助词"


# -- official vocabulary -------------------------------------------------------------

def test_style_words_file():
    table = vocabulary.style_words()
    assert list(table.columns) == ["word", "category", "gloss"]
    assert set(table["category"]) == {"adverb", "intensifier", "verb"}
    assert table["word"].is_unique
    assert table["gloss"].str.len().min() > 0
    for word in ["不断", "进一步", "切实", "着力", "始终"]:
        assert table.loc[table["word"] == word, "category"].item() == "adverb"
    for word in ["加强", "推进", "深化", "落实", "坚持", "统筹"]:
        assert table.loc[table["word"] == word, "category"].item() == "verb"


def test_every_style_word_occurs_in_the_corpus():
    text = "".join(r.text for r in baogao.corpus())
    missing = [w for w in vocabulary.style_words()["word"] if w not in text]
    assert missing == []


def test_official_vocabulary_by_hand():
    # line 1: 我们/r 不断加强/i 实践/v ，并且/c 推进改革/l 。积极性/n 很/d 高/a 。   (16 + 6 = 22 chars)
    # line 2: 要/v 不断完善/l 制度/n 。                                           (8 chars)
    # 不断加强 → 不断 + 加强; 推进改革 → 推进 (+ 改革); 不断完善 → 不断 + 完善; 积极性 is no hit.
    v = vocabulary.official_vocabulary(doc("我们不断加强实践，并且推进改革。积极性很高。\n要不断完善制度。"))
    rows = {r.word: (r.category, r.count, r.per_1000, r.lines) for r in v.itertuples()}
    assert rows == {
        "不断": ("adverb", 2, 66.667, [1, 2]),   # 2 / 30 chars × 1000
        "加强": ("verb", 1, 33.333, [1]),
        "推进": ("verb", 1, 33.333, [1]),
        "完善": ("verb", 1, 33.333, [2]),
    }
    assert v["word"].tolist()[0] == "不断"


def test_official_vocabulary_ignores_formulations_and_names():
    # 全面从严治党 is a lexicon formulation; 积极性 a noun of its own
    v = vocabulary.official_vocabulary(doc("落实全面从严治党要求。积极性很高。"))
    assert v["word"].tolist() == ["落实"]


# -- four-character phrases ------------------------------------------------------------

def test_four_char_clauses_and_reduplication():
    # 他们/r 扎扎实实/z 工作/vn ，久久/d 为/p 功/n ，上下/f 协调/v ，综合/vn 集成/v 。
    f = phrases.four_char_phrases(doc("他们扎扎实实工作，久久为功，上下协调，综合集成。"))
    got = {(r.phrase, r.type) for r in f.itertuples()}
    assert got == {("扎扎实实", "reduplication"), ("久久为功", "four_char_clause"),
                   ("上下协调", "four_char_clause"), ("综合集成", "four_char_clause")}


def test_four_char_idioms_and_set_phrases():
    # 高度重视/l 安全/an 生产/vn ，切实加强/l 领导/n ，以身作则/i 。
    f = phrases.four_char_phrases(doc("高度重视安全生产，切实加强领导，以身作则。"))
    got = {r.phrase: r.type for r in f.itertuples()}
    # 以身作则 is also a whole clause: reported once, as an idiom
    assert got == {"高度重视": "set_phrase", "切实加强": "set_phrase", "以身作则": "idiom"}
    assert f["count"].tolist() == [1, 1, 1]


def test_four_char_items_need_a_four_char_neighbour():
    # 着力摸清底数、提高质量、突出功能: two four-character items side by side count;
    # 面对河南、陕西…: 面对河南 is the edge of a longer phrase, not a 四字格; 全团动员 is a whole clause.
    f = phrases.four_char_phrases(doc("着力摸清底数、提高质量、突出功能。面对河南、陕西等地的洪灾，全团动员。"))
    assert sorted(f["phrase"]) == ["全团动员", "提高质量", "突出功能"]
    assert set(f["type"]) == {"four_char_clause"}


def test_four_char_share_and_text_stats_by_hand():
    # THREE: 4 four-character tokens tagged i/l (不断加强, 推进改革, 积极参与, 取得实效) among 16 words;
    # no clause of exactly four characters. Function words: 并且, 和 = 2 of 16.
    # Style words: 坚持; 不断+加强; 推进; 积极; 认真+落实; 进一步+提高; 确保 = 10 in 50 characters.
    # Lead sentence: 我们坚持学习。 (first, one clause, 7 ≤ 30 and ≤ 50/2, more sentences follow).
    stats = stats_module.text_stats(doc(THREE))
    assert stats == {
        "chars": 50, "body_chars": 50, "paragraphs": 1, "sentences": 3,
        "mean_sentence_chars": 16.667, "median_sentence_chars": 16.0, "max_sentence_chars": 27,
        "mean_paragraph_chars": 50.0, "mean_clauses_per_sentence": 2.0,
        "words": 16, "mean_words_per_sentence": 5.333, "adverbs_conjunctions_per_sentence": 0.667,
        "readability": 3.721, "lead_sentences": 1, "four_char_share": 0.25,
        "function_word_share": 0.125, "official_words": 10, "official_words_per_1000": 200.0,
    }


# -- formulations ------------------------------------------------------------------------

def test_numeric_formulations_by_hand():
    r = doc("要增强“四个意识”，坚定“四个自信”，做到“两个维护”。\n"
            "落实“三严三实”要求，推进“两学一做”，履行“一岗双责”，贯彻中央八项规定精神。\n"
            "推进“两扶两帮”工作，坚持“一国两制”，实现四个现代化建设目标，完成三项制度。")
    f = phrases.numeric_formulations(r)
    got = {row.formulation: (row.kind, row.count, row.lines) for row in f.itertuples()}
    assert got == {
        "四个意识": ("numbered", 1, [1]), "四个自信": ("numbered", 1, [1]), "两个维护": ("numbered", 1, [1]),
        "三严三实": ("paired", 1, [2]), "两学一做": ("paired", 1, [2]), "一岗双责": ("paired", 1, [2]),
        "八项规定": ("numbered", 1, [2]),  # inside the token 中央八项规定
        "两扶两帮": ("paired", 1, [3]),  # 两/m 扶/v 两帮/m: starts and ends on token boundaries
        "一国两制": ("paired", 1, [3]),
        "四个现代化": ("numbered", 1, [3]),  # followed by 建设, a CONTINUATION
        "三项制度": ("numbered", 1, [3]),
    }


def test_numeric_formulations_false_positives_excluded():
    # 一心一意/i (idiom); 四条/m 突出/v 经验/n (a count: head followed by a noun); 两个/m 方面/n
    # (generic head); 一系列/m; 十九/m 届/d 六中全会/j (届 is no formulation character);
    # 两岸/f 双向交流/n (stop half); 三省/ns 九市/ns (different numerals, neither 一 nor 双);
    # 十大/j 钢铁/n 基地/n (head followed by another noun).
    r = doc("我们要一心一意谋发展，全年有四条突出经验，完成两个方面工作，开展一系列活动，"
            "经过十九届六中全会，两岸双向交流，经三省九市验证，落实十大钢铁基地建设。")
    f = phrases.numeric_formulations(r)
    assert f.empty
    assert list(f.columns) == COLUMNS[phrases.numeric_formulations]


def test_quoted_formulations_by_hand():
    r = doc("学习“四个意识”。“不忘初心,牢记使命”。“这是一句很长很长很长的引语啊”。“好。”\n再学“四个意识”。")
    q = phrases.quoted_formulations(r)
    got = {row.formulation: (row.count, row.lines) for row in q.itertuples()}
    # 14 characters is too long; “好。” holds a full stop
    assert got == {"四个意识": (2, [1, 2]), "不忘初心,牢记使命": (1, [1])}
    assert q["formulation"].tolist()[0] == "四个意识"


# -- parallelism -------------------------------------------------------------------------

@pytest.mark.parametrize("text, opening", [
    ("坚定理想，坚定信念，坚定信心。", "坚定"),  # 坚定/a 理想/n ，坚定信念/n ，坚定信心/i: prefix of merged tokens
    ("以学促干，以干促学，以学增智。", "以"),
    ("在城市，在农村，在学校。", "在"),
])
def test_clause_parallelism(text, opening):
    p = parallelisms.parallelisms(doc(text))
    assert p[["kind", "line", "opening", "length"]].values.tolist() == [["clauses", 1, opening, 3]]
    assert p.loc[0, "text"] == text  # from the first clause to the last, its full stop included


def test_sentence_parallelism():
    # three one-clause sentences: one run, reported as sentences (not again as clauses)
    p = parallelisms.parallelisms(doc("我们坚持学习。我们加强实践。我们推进改革。"))
    assert p[["kind", "opening", "length"]].values.tolist() == [["sentences", "我们", 3]]


def test_sentence_parallelism_of_longer_sentences():
    # first clauses 要…, 要…, 要… are not consecutive clauses, but the sentences are consecutive
    p = parallelisms.parallelisms(doc("要加强学习，提高本领。要改进作风，密切联系群众。要狠抓落实，务求实效。"))
    assert p[["kind", "opening", "length"]].values.tolist() == [["sentences", "要", 3]]


def test_parallelism_after_a_subject():
    # 共青团/nt 以/p …，以/p …，以/p …: the first clause puts its subject before 以
    text = "共青团以加强党的领导为导向，以理论为基础，以指示为标志，全面加强建设。"
    p = parallelisms.parallelisms(doc(text))
    assert p[["kind", "opening", "length"]].values.tolist() == [["clauses", "以", 3]]
    assert p.loc[0, "text"] == "共青团以加强党的领导为导向，以理论为基础，以指示为标志，"


def test_item_parallelism():
    # 深入/v 培养/v 爱/v 党/n 、爱国/ns 、爱/v 社会主义/n …: 爱国 still opens with 爱
    p = parallelisms.parallelisms(doc("深入培养爱党、爱国、爱社会主义的情怀。"))
    assert p[["kind", "opening", "length"]].values.tolist() == [["items", "爱", 3]]


def test_paragraph_parallelism():
    r = doc("在急难险重任务中发挥作用。要做好工作。\n在乡村振兴中担当责任。\n在经济发展中积极作为。")
    p = parallelisms.parallelisms(r)
    assert p[["kind", "line", "opening", "length"]].values.tolist() == [["paragraphs", 1, "在", 3]]
    assert p.loc[0, "text"].startswith("在急难险重任务中发挥作用。 / 在乡村振兴中担当责任。")


def test_enumeration_parallelism():
    p = parallelisms.parallelisms(doc("工作有三点。一是加强学习；二是改进作风；三是狠抓落实。"))
    assert p[["kind", "line", "opening", "length"]].values.tolist() == [["enumeration", 1, "一是", 3]]
    assert p.loc[0, "text"] == "一是加强学习；二是改进作风；三是狠抓落实。"


def test_two_is_no_parallelism():
    p = parallelisms.parallelisms(doc("坚定理想，坚定信念，增强信心。在城市，在农村。"))
    assert p.empty
    assert list(p.columns) == COLUMNS[parallelisms.parallelisms]


# -- the specimen: what a reader finds ------------------------------------------------------

def test_specimen_quoted_formulations(specimen):
    q = phrases.quoted_formulations(specimen).set_index("formulation")
    assert q.loc["四个意识", "lines"] == [5, 43, 45]
    assert q.loc["两个维护", "count"] == 3
    assert q.loc["十四五", "count"] == 4  # lines 15, 16 (twice), 35
    assert q.loc["十四五", "lines"] == [15, 16, 35]
    for phrase, line in [("我为青年办实事", 22), ("全团重基层", 29), ("全团重学校", 29), ("两扶两帮", 18),
                         ("一岗双责", 43), ("不忘初心,牢记使命", 43)]:
        assert q.loc[phrase, "lines"] == [line]


def test_specimen_numeric_formulations(specimen):
    f = phrases.numeric_formulations(specimen).set_index("formulation")
    assert f.loc["四个意识", "lines"] == [5, 43, 45]
    assert f.loc["四个自信", "kind"] == "numbered"
    assert f.loc["两扶两帮", "kind"] == "paired" and f.loc["两扶两帮", "lines"] == [18]
    assert f.loc["一岗双责", "lines"] == [43]
    assert f.loc["八项规定", "lines"] == [43]  # 中央八项规定
    assert f.loc["六项规定", "lines"] == [43]  # “六项规定”
    assert f.loc["三项制度", "lines"] == [31]
    assert "四条突出" not in f.index  # line 45: 全团有四条突出经验
    assert "三省九市" not in f.index  # line 41: 经三省九市验证
    assert not any("一系列" in x for x in f.index)


def test_specimen_parallelisms(specimen):
    p = parallelisms.parallelisms(specimen)
    found = {(r.kind, r.line, r.opening, r.length) for r in p.itertuples()}
    assert ("clauses", 6, "以", 3) in found  # 以…为导向,以…为基础,以…为标志
    assert ("items", 11, "爱", 3) in found  # 爱党、爱国、爱社会主义
    assert ("items", 18, "有", 3) in found  # 有爱心、有教养、有责任心
    assert ("paragraphs", 17, "在", 3) in found  # 在急难险重… / 在乡村振兴… / 在经济社会…
    assert ("enumeration", 43, "二是", 3) in found
    assert ("enumeration", 45, "第一", 4) in found


def test_specimen_four_char_phrases(specimen):
    f = phrases.four_char_phrases(specimen).set_index("phrase")
    assert f.loc["扎扎实实", "type"] == "reduplication" and f.loc["扎扎实实", "lines"] == [11]
    for phrase, line in [("久久为功", 35), ("上下协调", 9), ("综合集成", 8), ("深化固化", 43)]:
        assert f.loc[phrase, "type"] == "four_char_clause"
        assert f.loc[phrase, "lines"] == [line]
    assert f.loc["举一反三", "type"] == "idiom"
    assert "四个意识" not in f.index  # a formulation, not a 四字格 clause


def test_specimen_style_counts(specimen):
    v = vocabulary.official_vocabulary(specimen).set_index("word")
    # line 43 by reading: 不断提高, 不断巩固拓展 → 不断 twice there among others
    assert 43 in v.loc["不断", "lines"]
    assert v.loc["狠抓", "lines"] == [43]  # 三是狠抓作风建设, 狠抓中央巡视整改
    assert v.loc["狠抓", "count"] == 2
    stats = stats_module.text_stats(specimen)
    assert stats["paragraphs"] == 37  # 47 lines − title, 2 boilerplate, 7 headings
    assert stats["chars"] == specimen.chars


# -- every report --------------------------------------------------------------------------

def _reports():
    return baogao.corpus() + [baogao.specimen(), baogao.example("report_gongwen"),
                              baogao.example("request_qingshi"), doc("我们要加强学习。"),
                              doc("关于加强学习的报告"), doc("")]


def test_every_report_runs_and_stats_are_json():
    for r in _reports():
        for fn in ALL_FUNCTIONS:
            out = fn(r)
            if fn in COLUMNS:
                assert list(out.columns) == COLUMNS[fn], (r.source, fn.__name__)
        stats = stats_module.text_stats(r)
        again = json.loads(json.dumps(stats))
        assert again == stats
        assert all(type(v) in (int, float) for v in stats.values()), r.source
        json.dumps(lengths.readability(r), ensure_ascii=False)


def test_empty_results_have_their_columns():
    r = doc("关于加强学习的报告")  # a title: no body, no text to search
    for fn, columns in COLUMNS.items():
        out = fn(r)
        assert out.empty and list(out.columns) == columns, fn.__name__
    assert lengths.sentence_lengths(r).empty and lengths.paragraph_lengths(r).empty
    assert stats_module.text_stats(r)["sentences"] == 0


def test_speed_on_the_specimen(specimen):
    import time

    from baogao.analysis.measures import analyze

    analyze(specimen).tokens  # tokens cached, as in a lesson
    best = float("inf")
    for _ in range(3):  # best of three: a busy machine should not fail the test
        start = time.perf_counter()
        for fn in ALL_FUNCTIONS:
            fn(specimen)
        best = min(best, time.perf_counter() - start)
    assert best < 0.3


def test_stats_table_places_the_specimen_among_the_corpus():
    import baogao
    from baogao.analysis.stats import text_stats
    from baogao.concordance.profile import stats_table

    table = stats_table([baogao.specimen()] + baogao.corpus())
    assert len(table) == 18 and table.index[0] == "specimen"
    assert table.loc["specimen", "chars"] == text_stats(baogao.specimen())["chars"] == 9211
    assert table.loc["1978_state-council_gwr", "sentences"] > table.loc["specimen", "sentences"]
    assert list(table.columns) == list(text_stats(baogao.specimen()))
