"""Lesson 03 (用词与提法): the tables and the widget its notebook shows, and its assignment.

The tables are computed with the kit from the report in use, or from the
specimen where a table says so (its examples, its errata); every column name
and value is Chinese. The assignment lives in ``lesson03_exercises`` and is
re-exported here (``assignment``, ``use``, ``q1`` … ``q7``), the name the
course manifest and the solution notebook import.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from baogao.analysis.phrases import four_char_phrases
from baogao.analysis.vocabulary import body_char_count, official_vocabulary, style_hits
from baogao.analysis.words import body_words
from baogao.concordance.keywords import candidate_counts, keyness
from baogao.course.lesson03_exercises import (  # noqa: F401 - the assignment, re-exported
    STUDY_SENTENCE,
    assignment,
    formulation_items,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
    q7,
    style_parts,
    use,
)
from baogao.course.lesson03_measures import (  # noqa: F401 - the notebook's names too
    CATEGORY_NAMES,
    by_year,
    category_counts,
    era_hits,
    is_specimen,
    reference,
    report_label,
)
from baogao.lazy import pandas as pd
from baogao.lint import lint
from baogao.sources.errata import load_errata
from baogao.sources.shipped import specimen
from baogao.text.baseline import dictionary_entries, jieba_pairs
from baogao.text.lexicon import LEXICON_FILES, lexicon_entries, read_entries
from baogao.text.tokens import cut_pairs
from baogao.widgets.compare import CERTAINTY_NAMES
from baogao.widgets.concordance import Concordance
from baogao.course.reports import ONLY_SPECIMEN  # noqa: F401 - the lesson's name

TAG_NAMES = {"nr": "人名", "nrfg": "人名", "nrt": "音译人名", "ns": "地名", "nt": "机构名", "nz": "其他专名",
             "n": "名词", "v": "动词", "vn": "名动词", "d": "副词", "ad": "副形词", "a": "形容词", "i": "成语",
             "l": "习用语", "j": "简称", "z": "状态词", "m": "数词", "x": "标点或符号"}
LEXICON_NAMES = {"formulations.txt": "规范提法", "organisations.txt": "组织机构名称", "terms.txt": "公文术语"}


def tag_name(tag: str) -> str:
    return f"{tag}（{TAG_NAMES[tag]}）" if tag in TAG_NAMES else tag


def _words(pairs) -> str:
    return " / ".join(w for w, _ in pairs)


def assignment_note(report) -> str:
    """What the assignment reads, said at its top."""
    if is_specimen(report) and report.meta.get("edition") == "raw":
        return "本作业读的是样本报告的原样版：题目里的行号都是原样版的行号。"
    return (f"本作业读的是“{report_label(report)}”：第 1—3 题按这份报告计算；"
            "第 5—7 题讲的是样本报告（原样版），与参数格选的报告无关；第 4 题与报告无关。")


# -- 一、segmentation ------------------------------------------------------------------------
def lexicon_table():
    """The kit's jieba lexicon: its three lists and how many entries each has."""
    rows = [{"词表": LEXICON_NAMES[name], "文件": name, "条数": len(read_entries(name)),
             "例子": "、".join(line.split()[0] for line in read_entries(name)[:4])} for name in LEXICON_FILES]
    rows.append({"词表": "合计", "文件": "", "条数": len(lexicon_entries()), "例子": ""})
    return pd.DataFrame(rows, columns=["词表", "文件", "条数", "例子"])


#: (where, text): pieces of the specimen the lesson segments twice.
SEGMENTED = [
    ("勘误后版本第 42 行", "corrected", 42, "归功于习近平新时代中国特色社会主义思想的科学指导"),
    ("原样版第 44 行", "raw", 44, "归功于习近平金平新时代中国特色社会主义思想的科学指导"),
    ("原样版第 43 行", "raw", 43, "不断提高政治判断力、政治洞察力和政治执行力"),
    ("原样版第 16 行", "raw", 16, "共青团始终围绕“国家伟人”"),
]


def segmentation_table():
    """Each piece as jieba cuts it with its own dictionary, and with the kit's lexicon added."""
    rows = []
    for where, edition, line, text in SEGMENTED:
        if text not in specimen(edition).line(line).text:  # the table quotes the specimen exactly
            raise ValueError(f"{where} does not contain {text}")
        bare, kit = jieba_pairs(text), cut_pairs(text)
        rows.append({"出处": where, "原文": text, "jieba 自带词典": _words(bare), "加上本教材的词表": _words(kit),
                     "词数": f"{len(bare)} → {len(kit)}"})
    return pd.DataFrame(rows, columns=["出处", "原文", "jieba 自带词典", "加上本教材的词表", "词数"])


def dictionary_table(prefix: str = "金平"):
    """jieba's own dictionary entries that start with ``prefix``."""
    rows = [{"词条": w, "词频": f, "词性": tag_name(t)} for w, f, t in dictionary_entries(prefix)]
    return pd.DataFrame(rows, columns=["词条", "词频", "词性"])


# -- 二、official verbs and adverbs --------------------------------------------------------
def style_word_table(report, top: int = 15):
    """The report's most used official-style words (body only)."""
    v = official_vocabulary(report).head(top)
    return pd.DataFrame({"词": v["word"], "类别": v["category"].map(CATEGORY_NAMES), "释义": v["gloss"],
                         "次数": v["count"], "每千字": v["per_1000"].round(2),
                         "所在行": ["、".join(map(str, lines)) for lines in v["lines"]]})


def compound_hits(report) -> tuple[int, int]:
    """(style words found inside a longer token, all style-word occurrences) in the body."""
    hits = style_hits(body_words(report))
    return sum(1 for found, token in hits if found != token.word), len(hits)


def compound_table(report, top: int = 10):
    """Tokens that hold official-style words inside them (切实增强 = 切实 + 增强), most frequent first."""
    counts: Counter = Counter()
    parts: dict = defaultdict(list)
    for found, token in style_hits(body_words(report)):
        if found != token.word:
            key = (token.word, token.pos, token.start)
            parts[key].append(found)
    for (word, pos, _start), found in parts.items():
        counts[(word, pos, " + ".join(found))] += 1
    rows = [{"jieba 切出的词": w, "jieba 标的词性": tag_name(p), "其中的公文常用词": f, "次数": n}
            for (w, p, f), n in counts.most_common(top)]
    return pd.DataFrame(rows, columns=["jieba 切出的词", "jieba 标的词性", "其中的公文常用词", "次数"])


def adverb_comparison(report):
    """Adverbs and intensifiers per 1,000 body characters: the report and the 2021 State Council report."""
    rows = []
    for r in [report] + ([reference()] if report is not reference() else []):
        counts, chars = category_counts(r), body_char_count(r)
        rows.append({"报告": report_label(r), "正文字数": chars,
                     **{f"{CATEGORY_NAMES[c]}（次）": counts[c] for c in ("adverb", "intensifier")},
                     **{f"{CATEGORY_NAMES[c]}（每千字）": round(counts[c] * 1000 / chars, 2) if chars else 0.0
                        for c in ("adverb", "intensifier")}})
    return pd.DataFrame(rows)


# -- 三、four-character phrases ---------------------------------------------------------------
FOUR_CHAR_TYPES = {"idiom": "成语等（jieba 标 i）", "set_phrase": "习用语（jieba 标 l）",
                   "reduplication": "叠字（AABB）", "four_char_clause": "四字分句"}
#: Raw line → four-character phrases the lesson names.
FOUR_CHAR_EXAMPLES = [(35, "乘势而上"), (35, "久久为功"), (45, "壮士断腕"), (45, "刀刃向内"), (17, "急难险重")]


def four_char_table(report, top: int = 12):
    f = four_char_phrases(report).head(top)
    return pd.DataFrame({"四字格": f["phrase"], "类型": f["type"].map(FOUR_CHAR_TYPES), "次数": f["count"],
                         "所在行": ["、".join(map(str, lines)) for lines in f["lines"]]})


def four_char_examples():
    """The specimen's (raw) five named phrases: does the kit's four-character measure find each, and why."""
    raw = specimen()
    found = {(row.phrase, line): row.type for row in four_char_phrases(raw).itertuples() for line in row.lines}
    rows = []
    for line, phrase in FOUR_CHAR_EXAMPLES:
        text = raw.line(line).text
        if phrase not in text:
            raise ValueError(f"raw line {line} does not contain {phrase}")
        kind = found.get((phrase, line))
        at = text.index(phrase)
        pairs, pos, inside = cut_pairs(text), 0, []
        for w, t in pairs:
            if pos < at + len(phrase) and pos + len(w) > at:
                inside.append((w, t))
            pos += len(w)
        cut = " / ".join(f"{w}（{t}）" for w, t in inside)
        if kind:
            why = f"找到了：{FOUR_CHAR_TYPES[kind]}"
        elif len(inside) == 1:
            why = f"没有找到：jieba 把它当作一个词，但标为 {tag_name(inside[0][1])}，不是 i 或 l；它前后也不是单独的分句"
        else:
            why = "没有找到：jieba 把它切成了几个词，它前后也不是单独的分句"
        rows.append({"原样版行号": line, "四字格": phrase, "分词结果（词性）": cut, "工具找到了吗": why})
    return pd.DataFrame(rows, columns=["原样版行号", "四字格", "分词结果（词性）", "工具找到了吗"])


# -- 四、standard formulations -----------------------------------------------------------------
def errata_verdict(line: int, text: str) -> str:
    """What the specimen's errata say about ``text`` on raw ``line``: certainty and correction, or 未收."""
    e = load_errata()
    rows = e[(e["line"] == line) & e["text"].map(lambda t: bool(t) and (t in text or text in t))]
    if rows.empty:
        return "勘误表未收"
    r = rows.iloc[0]
    if r["correction"] == "unknown":
        return "存疑：原文不明，不改"
    fix = f"改为“{r['correction']}”" if r["correction"] else f"删去“{r['text']}”"
    return f"{CERTAINTY_NAMES[r['certainty']]}：{fix}"


def formulation_findings(report):
    """The linter's findings on formulations (its family 提法与人名), 新时期 left to section 五;
    on the raw specimen, what the errata say about each."""
    found = [f for f in lint(report) if f.family == "formulations" and f.rule != "outdated-formulation"]
    raw = is_specimen(report) and report.meta.get("edition") == "raw"
    rows = [{"行号": f.line, "原文": f.text, "工具建议的写法": f.suggestion or "", "工具的说明": f.message,
             **({"勘误表": errata_verdict(f.line, f.text)} if raw else {})} for f in found]
    columns = ["行号", "原文", "工具建议的写法", "工具的说明"] + (["勘误表"] if raw else [])
    return pd.DataFrame(rows, columns=columns)


def found_by_linter(report, line: int, text: str) -> bool:
    """Whether a formulation finding of the linter covers ``text`` on ``line``."""
    return any(f.family == "formulations" and f.line == line and (text in f.text or f.text in text)
               for f in lint(report))


#: (raw line, text, errata entry): the back-translations the lesson asks about.
UNSEEN = [(16, "国家伟人", "E037"), (45, "请放心,党强,国有我", "E147")]


def linter_checks():
    """Does the linter see the specimen's (raw) back-translated formulations? And what the errata say."""
    raw, e = specimen(), load_errata().set_index("id")
    rows = [{"原样版行号": line, "原文": text, "工具发现了吗": "发现了" if found_by_linter(raw, line, text) else "没有发现",
             "勘误表": f"{CERTAINTY_NAMES[e.loc[eid, 'certainty']]}：改为“{e.loc[eid, 'correction']}”（{eid}）"}
            for line, text, eid in UNSEEN]
    return pd.DataFrame(rows, columns=["原样版行号", "原文", "工具发现了吗", "勘误表"])


# -- 五、era terms ----------------------------------------------------------------------------
def concordance(report):
    """The concordance widget on the report in use, opened on 新时期."""
    return Concordance(report, query="新时期", window=12)


def era_table(report):
    """Every 新时代 and 新时期 of the report in context, with how each 新时代 is used."""
    hits = era_hits(report)
    return pd.DataFrame({"行号": hits["line"], "左侧语境": hits["left"], "检索词": hits["match"],
                         "右侧语境": hits["right"],
                         "用法": ["思想名称的一部分" if name else "时代称谓" for name in hits["in_name"]]})


def xinshiqi_errata():
    """The errata's entries on 新时期 (specimen): every one a query."""
    e = load_errata()
    rows = e[e["text"] == "新时期"]
    return pd.DataFrame({"原样版行号": rows["line"].astype(int).tolist(),
                         "勘误后行号": (rows["line"].astype(int) - 2).tolist(),
                         "改为": ["未知（不改）" if c == "unknown" else c for c in rows["correction"]],
                         "把握程度": [CERTAINTY_NAMES[c] for c in rows["certainty"]],
                         "勘误表的说明": rows["basis"].tolist()})


def by_year_table(words=("新时期", "新时代")):
    frame = by_year(words)
    out = pd.DataFrame({"年份": frame["year"], "报告": frame["label"], "字数": frame["chars"]})
    for word in words:
        out[f"“{word}”（次）"] = frame[word]
    return out


# -- 六、organisation names --------------------------------------------------------------------
ORGANISATION_ERRATA = ("E090", "E100", "E135", "E136")


def organisation_errata():
    e = load_errata().set_index("id").loc[list(ORGANISATION_ERRATA)]
    return pd.DataFrame({"原样版行号": e["line"].astype(int).tolist(), "原文": e["text"].tolist(),
                         "勘误": e["correction"].tolist(), "把握程度": [CERTAINTY_NAMES[c] for c in e["certainty"]],
                         "校对工具能否发现": ["能" if c else "不能" for c in e["catchable"]],
                         "依据": e["basis"].tolist()})


# -- 七、keywords ------------------------------------------------------------------------------
def keyword_source(report):
    """The specimen's corrected edition (keywords of the raw one measure its damage too), else the report."""
    return specimen("corrected") if is_specimen(report) else report


def keyword_table(report, top: int = 15):
    """Keywords of the report against the corpus (log-likelihood), top ``top``."""
    k = keyness(keyword_source(report), top=top)
    return pd.DataFrame({"排名": range(1, len(k) + 1), "词": k["word"], "本报告（次）": k["freq"],
                         "参照语料（次）": k["ref_freq"], "对数似然值": k["score"].round(1)})


#: Words whose keyness the lesson follows from the raw to the corrected edition, and why they are there.
DAMAGE_WORDS = [("青年", "话题"), ("共青团", "话题"), ("金平", "受损：“习近平金平”"), ("CPPCC", "受损：外文残留"),
                ("NPC", "受损：外文残留"), ("伟人", "受损：“国家伟人”"), ("秘书处", "受损：应为“书记处”"),
                ("媒体", "网站加的第 1、2、47 行")]


def keyword_ranks(edition: str, min_freq: int = 2) -> dict[str, tuple[int, int]]:
    """word → (rank, frequency) among the specimen's keywords (words found at least ``min_freq`` times)."""
    k = keyness(specimen(edition), top=None, min_freq=min_freq)
    return {w: (i + 1, int(f)) for i, (w, f) in enumerate(zip(k["word"], k["freq"]))}


def damage_keywords(min_freq: int = 2):
    """The followed words' rank and frequency among the keywords of both editions."""
    raw, corrected = keyword_ranks("raw", min_freq), keyword_ranks("corrected", min_freq)
    counts = {ed: candidate_counts(specimen(ed)) for ed in ("raw", "corrected")}
    rows = []
    for word, why in DAMAGE_WORDS:
        a, b = raw.get(word), corrected.get(word)
        rows.append({"词": word, "为什么成了关键词": why, "原样版排名": a[0] if a else "不是关键词",
                     "原样版次数": counts["raw"][word], "勘误后排名": b[0] if b else "不是关键词",
                     "勘误后次数": counts["corrected"][word]})
    return pd.DataFrame(rows, columns=["词", "为什么成了关键词", "原样版排名", "原样版次数", "勘误后排名", "勘误后次数"])
