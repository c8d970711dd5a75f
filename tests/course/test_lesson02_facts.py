"""Every figure, line number and quotation lesson 02's prose (notebook and solution) states
about the specimen (raw edition) and the shipped texts it quotes, computed with the kit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import baogao
from baogao.analysis import leads as L
from baogao.analysis.tables import LEAD_MAX_CHARS, LEAD_MAX_SHARE, body_paragraphs
from baogao.course import lesson02_paragraphs as lesson
from baogao.sources.errata import load_errata
from baogao.text.sentences import count_chars, sentence_spans
from baogao.widgets.outline import section_choices

ROOT = Path(__file__).resolve().parents[2]
RAW = baogao.specimen()
CORRECTED = baogao.specimen(edition="corrected")
ERRATA = load_errata()
GWR = baogao.corpus("2021_state-council_gwr")
GONGWEN = baogao.example("report_gongwen")
QINGSHI = baogao.example("request_qingshi")


def prose(path: str) -> str:
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


LESSON = prose("notebooks/02_paragraphs.ipynb")
SOLUTION = prose("solutions/02_paragraphs.ipynb")


def sents(line: int, report=RAW) -> list[str]:
    text = report.line(line).text
    return [text[a:b].strip() for a, b in sentence_spans(text) if text[a:b].strip()]


def roles() -> dict[int, str]:
    return {p.line: role for p, role, _ in L.paragraph_roles(RAW)}


def errata_at(line: int, text: str):
    rows = ERRATA[(ERRATA["line"] == line) & ERRATA["text"].str.contains(text, regex=False)]
    assert len(rows) == 1, (line, text)
    return rows.iloc[0]


# -- edition and definition ---------------------------------------------------------------
def test_edition_and_the_definition_of_a_lead_sentence():
    assert "本课读样本报告的**原样版**" in LESSON and "第 N−2 行" in LESSON
    assert CORRECTED.line(17 - 2).text.startswith("在急难险重任务中发挥至关重要的作用。")
    assert (LEAD_MAX_CHARS, LEAD_MAX_SHARE) == (30, 1 / 2)
    assert "只有一个分句（句中没有逗号、分号、冒号），不超过 30 个字，不超过全段字数的一半，后面还有别的句子" in LESSON
    counts = {ch: RAW.text.count(ch) for ch in ",，;；:："}
    assert counts[","] > 0 and counts[";"] > 0 and counts["，"] == counts["；"] == 0
    assert "样本报告的逗号、分号全是半角的“,”“;”" in LESSON


# -- 一、roles ------------------------------------------------------------------------------
def test_the_highlighter_choices_the_lesson_names():
    choices = dict(section_choices(RAW))
    assert choices["二是把党史学习教育作为总体规划…（第10行）"] == 10
    assert choices["三、立足“十四五”开局,组织动…（第15行）"] == 15
    assert "选“二是把党史学习教育作为总体规划…（第10行）”" in LESSON
    assert "选“三、立足“十四五”开局,组织动…（第15行）”" in LESSON
    section = next(s for s in RAW.outline().sections() if s.line == 15)
    assert section.end_line == 23 and "一直显示到第 23 行" in LESSON and "第 20—23 行算在第三部分里" in LESSON


def test_section_two_as_the_lesson_reads_it():
    r = roles()
    assert [r[n] for n in (11, 12, 13, 14)] == ["intro", "lead", "lead", "other"]
    assert sents(12)[0] == "努力提高覆盖率。" and sents(13)[0] == "切实增强针对性。"
    first14 = sents(14)[0]
    assert first14.startswith("实践证明,") and first14.endswith("极大鼓舞和激励了当代青年。") and first14.count(",") >= 2
    assert "第 14 行的第一句“实践证明,……极大鼓舞和激励了当代青年。”很长，中间有几个逗号" in LESSON


def test_roles_of_the_review_opening_and_closing():
    r = roles()
    review = {n: role for n, role in r.items() if 5 <= n <= 42}
    assert len(review) == 31
    assert sorted(n for n, role in review.items() if role in ("intro", "intro_lost")) == [6, 11, 16, 20, 25, 29, 35, 40]
    assert [n for n, role in review.items() if role == "intro_lost"] == [20]
    assert sum(role == "lead" for role in review.values()) == 22
    assert [n for n, role in review.items() if role == "other"] == [14]
    assert [n for n, role in r.items() if role == "opening"] == [3, 4]
    assert [n for n, role in r.items() if role == "closing"] == [43, 44, 45, 46]
    assert "共有 31 段正文：8 段总述段（其中第 20 行前面的标题丢了），22 段主旨句段，还有 1 段（第 14 行）收束第二部分" in LESSON
    assert "第 3、4 行是开头；第 43—46 行是结尾部分" in LESSON
    assert "第 5—42 行的 31 段里，8 段总述段，22 段以主旨句开头" in LESSON
    table = lesson.roles_summary(RAW)
    assert list(table.columns) == ["段落的角色", "段数", "行号"]
    assert dict(zip(table["段落的角色"], table["段数"]))["主旨句段"] == 22


# -- 二、forms --------------------------------------------------------------------------------
def test_the_predicted_groups_quote_the_text():
    quotes = {12: "努力提高覆盖率。", 13: "切实增强针对性。", 22: "推动务实的青年服务项目。",
              17: "在急难险重任务中发挥至关重要的作用。", 18: "在乡村振兴的广阔天地里担当责任。",
              19: "在经济社会发展过程中积极作为。", 30: "团的基层组织活力不断提高。", 33: "少先队建设迈上新台阶。",
              26: "巩固和扩大新时期青年爱国统一战线。", 41: "提出了新时代全面从严治团的总体框架。"}
    for line, text in quotes.items():
        assert sents(line)[0] == text, line
        assert f"第 {line} 行“{text}”" in LESSON, line


def test_the_four_forms_and_their_counts():
    groups = lesson.pattern_groups(RAW)
    assert groups == {"adverb_verb": [7, 8, 9, 12, 13, 21, 27, 36, 37, 38, 42], "verb_object": [22, 23, 26, 41],
                      "circumstance": [17, 18, 19], "subject": [30, 31, 32, 33]}
    for name, n in (("状语＋动词＋宾语", 11), ("动词＋宾语", 4), ("在……中……", 3), ("主语＋谓语", 4)):
        assert f"**{name}**（{n} 句" in LESSON
    assert "（3 句，第 17、18、19 行，都在第三部分）" in LESSON and "（4 句，第 30—33 行，都在第六部分）" in LESSON
    leads = {int(r.line): r.text for r in L.lead_table(RAW).itertuples()}
    openers = {next(a for a in L._adverbs() if leads[n].startswith(a)) for n in groups["adverb_verb"]}
    assert openers == {"努力", "切实", "不断", "扎实", "积极", "系统", "全面", "进一步"}
    assert "“努力”“切实”“不断”“扎实”“积极”“系统”“全面”“进一步”" in LESSON
    for phrase in ("发挥至关重要的作用", "担当责任", "积极作为"):
        assert any(phrase in leads[n] for n in groups["circumstance"]) and f"“{phrase}”" in LESSON
    assert "了" in leads[41] and "第 41 行“提出了新时代全面从严治团的总体框架。”带“了”" in LESSON
    table = lesson.leads_table(RAW)
    assert list(table.columns) == ["行号", "主旨句", "字数", "句式"] and len(table) == 22
    assert list(lesson.patterns_summary(RAW).columns) == ["句式", "句数", "行号", "说的是什么"]


def test_forms_within_sections():
    table = lesson.sections_table(RAW)
    assert list(table.columns) == ["部分", "主旨句的行号", "句式", "句式一致"]
    assert table["句式一致"].tolist() == ["是", "是", "是", "否", "否", "是", "是", "否"]  # 一 … 八
    assert table["部分"].tolist()[3] == "四（原标题缺失）"
    mixed = set(table.loc[table["句式一致"] == "否", "句式"])
    assert {frozenset(m.split("、")) for m in mixed} == {frozenset({"状语＋动词＋宾语", "动词＋宾语"})}
    assert "样本报告的第一、二、三、六、七部分都是这样；第四、五、八部分混用了“状语＋动词＋宾语”和“动词＋宾语”" in LESSON


def test_the_damaged_leads_are_in_the_errata():
    assert errata_at(7, "习金平")["category"] == "name_error" and errata_at(7, "习金平")["certainty"] == "certain"
    assert errata_at(23, "打开")["certainty"] == "probable" and "open up" in errata_at(23, "打开")["basis"]
    assert errata_at(31, "共青团")["correction"] == "青联" and errata_at(31, "共青团")["certainty"] == "probable"
    assert errata_at(32, "将进一步")["certainty"] == "unknown"
    ids = {n: errata_at(n, t)["id"] for n, t in ((7, "习金平"), (23, "打开"), (31, "共青团"), (32, "将进一步"))}
    assert ids == {7: "E021", 23: "E059", 31: "E090", 32: "E095"}
    for e in ids.values():
        assert e in SOLUTION
    assert "第 7、23、31、32 行的主旨句都受了损" in LESSON
    assert "习近平总书记" in RAW.line(7).text and "同一行后面就写对了“习近平总书记”" in SOLUTION
    assert "青联委员培训" in RAW.line(31).text and "青联组织体系" in RAW.line(31).text
    assert all(count_chars(sents(n)[0]) <= 30 and not re.search(r"[,;:!?()]", sents(n)[0]) for n in ids)
    assert "四句都不超过 30 个字，也没有半角标点" in SOLUTION


# -- 三、intros ---------------------------------------------------------------------------------
def test_intros_and_their_turn():
    intros = L.section_intros(RAW)
    assert [i.line for i in intros] == [6, 11, 16, 20, 25, 29, 35, 40]
    assert "总述段在第 6、11、16、20、25、29、35、40 行" in LESSON
    turn_at = {}
    for i in intros:
        s = sents(i.line)
        turn_at[i.line] = next((k + 1 for k, x in enumerate(s) if x.startswith("一年来")), None)
    assert turn_at == {6: 2, 11: 2, 16: 2, 20: 2, 25: None, 29: 3, 35: 3, 40: 2}
    assert "第 6、11、16、20、40 行在第二句，第 29、35 行在第三句" in LESSON
    assert sents(25)[-1] == "通过pa" and len(sents(25)) == 2 and "它第二句刚开头就断了（“通过pa”）" in LESSON


def test_what_the_intros_say_before_and_after_the_turn():
    assert sents(6)[0].startswith("鲜明的政治立场是共青团的立党之本") and "第 6 行“鲜明的政治立场是共青团的立党之本……”" in LESSON
    assert sents(16)[0].startswith("面对世纪疫情、百年变局的严峻形势") and "迫切需要青年一代行动起来" in sents(16)[0]
    result6 = sents(6)[2]
    assert result6.startswith("从总体上看,") and "明显提高" in result6 and result6.endswith("不断增强。")
    assert sents(16)[1].startswith("一年来") and sents(16)[1].endswith("进一步增强了共青团对党和国家工作大局的贡献。")
    assert "共青团改革取得了重要的阶段性成果" in sents(35)[0] and sents(35)[1].startswith("要乘势而上,久久为功,")
    separate = [i.line for i in L.section_intros(RAW) if any(m == "result" for m, _ in L.intro_moves(i.text))]
    assert separate == [6, 35]  # the others (16 in its 一年来 sentence) have no result sentence of their own
    for quote in ("“从总体上看,……明显提高,……不断增强。”", "“进一步增强了共青团对党和国家工作大局的贡献”",
                  "“共青团改革取得了重要的阶段性成果”", "“要乘势而上,久久为功,……”"):
        assert quote in LESSON
    assert errata_at(6, "立党之本")["correction"] == "立团之本" and "“立党之本”应为“立团之本”" in LESSON
    assert sents(29)[0].startswith("是组织共青团的最大优势") and errata_at(29, "是组织共青团")["correction"] == "组织是共青团"
    assert "“是组织共青团的最大优势”语序错乱（应是“组织是共青团的最大优势”）" in LESSON
    table = lesson.intro_table(RAW)
    assert table["行号"].tolist() == [6, 11, 16, 20, 25, 29, 35, 40]
    assert table.loc[table["行号"] == 20, "所属部分"].item() == "四（原标题缺失）" and "“四（原标题缺失）”" in LESSON


def test_line_20_is_the_intro_of_the_section_that_lost_its_heading():
    r = roles()
    assert r[19] == "lead" and sents(19)[0] == "在经济社会发展过程中积极作为。"
    assert sents(20)[0].startswith("习近平总书记亲自推动出台了") and "青年发展规划" in sents(20)[0]
    assert [r[n] for n in (21, 22, 23)] == ["lead"] * 3
    gap = [i for i in RAW.outline().numbering_issues if i.kind == "gap" and i.next_heading]
    assert [(g.line, g.expected) for g in gap] == [(20, "四")]
    assert "后面三段（第 21—23 行）都以主旨句开头" in LESSON and "它的上一行第 19 行是第三部分的一段主旨句段" in LESSON
    level1 = [h.line for h in RAW.outline().headings if h.level == 1]
    assert level1 == [5, 10, 15, 24, 28, 34, 39] and "（第 5、10、15、24、28、34、39 行）" in SOLUTION
    assert RAW.line(15).text.startswith("三、") and RAW.line(24).text.startswith("第五,")


# -- 四、line 17 -----------------------------------------------------------------------------------
def test_the_development_of_line_17():
    s = sents(17)
    assert len(s) == 5 == len(lesson.LINE17_MOVES) and "第 17 行共五句" in LESSON
    assert s[0] == "在急难险重任务中发挥至关重要的作用。"
    assert "要主动备战" in s[1] and s[2].startswith("一年来") and s[2].endswith("成为各地疫情防控的可靠力量。")
    assert "河南" in s[3] and s[4].startswith("仅河南") and s[4].endswith("用实际行动展示了新时代青年的良好面貌。")
    assert "出动青年突击队25.3万人次" in s[2] and "组建了1400多支青年突击队" in s[4]
    for quote in ("“成为各地疫情防控的可靠力量”", "“用实际行动展示了新时代青年的良好面貌”", "“出动青年突击队25.3万人次”",
                  "“组建了1400多支青年突击队”"):
        assert quote in LESSON
    table = lesson.development_table()
    assert list(table.columns) == ["第几句", "句子", "作用", "数据"]
    assert table["数据"].tolist() == ["（无）", "（无）", "25.3万人次、388.1万人", "（无）", "1400多支、2900多名、22.2万名"]


# -- 五、要 and 将 -----------------------------------------------------------------------------------
def test_yao_and_jiang_in_the_review():
    table = lesson.forward_table(RAW)
    assert list(table.columns) == ["行号", "词", "用法", "上下文", "所在段落"]
    assert list(zip(table["行号"], table["词"])) == [(17, "要"), (32, "将"), (35, "要"), (42, "要")]
    assert lesson.review_range(RAW) == (4, 42)
    assert "回顾部分有 4 处：第 17 行“要主动备战”、第 32 行“将进一步聚焦”、第 35 行“要乘势而上”、第 42 行“要完善”" in LESSON
    for line, text, eid in ((17, "要主动备战", "E039"), (32, "将进一步", "E095"), (42, "要完善", "E127")):
        row = errata_at(line, text)
        assert row["id"] == eid and row["certainty"] == "unknown" and eid in LESSON
        assert text in RAW.line(line).text
    assert not ERRATA[(ERRATA["line"] == 35) & ERRATA["text"].str.contains("要")].size  # 35's 要 is not listed
    assert "勘误表也没有列它" in LESSON
    assert roles()[35] == "intro" and "必须时刻意识到担子重" in RAW.line(25).text
    for line, text in ((17, "将志愿者招募培训"), (21, "推动将青年发展纳入"), (33, "将少先队工作纳入")):
        assert text in RAW.line(line).text and not [w for _, _, w, _ in L.forward_words(RAW.line(line).text) if w == "将"]
    assert "我们党将召开第二十次全国代表大会。" in sents(46) and "共青团也将迎来百年华诞的历史性时刻。" in sents(46)


# -- 六、openings, transitions, closings --------------------------------------------------------------
def test_the_openings_quoted():
    table = lesson.opening_table()
    assert list(table.columns) == ["类型", "怎样写", "例句", "出处"]
    assert table["类型"].tolist() == ["根据式", "目的式", "背景式", "概述式"]
    assert table["例句"].tolist()[1:] == [sents(5, QINGSHI)[0], sents(3)[0], sents(5, GONGWEN)[0]]
    assert sents(5, QINGSHI)[0].startswith("为提升") and sents(3)[0].startswith("2021年,以习近平同志为核心的党中央高度重视")
    line3 = RAW.line(3).text
    for word in ("高度重视青年和共青团工作", "重要讲话", "党中央发布", "庆祝活动", "书记处多次召开办公会议", "王沪宁同志和中央有关领导同志"):
        assert word in line3, word
    assert sents(4)[0].startswith("一年来,共青团坚持") and sents(4)[0].endswith("各项工作和建设取得重要进展,得到了中央书记处的充分肯定。")


def test_no_shipped_text_opens_with_genju():
    """The lesson says none of the kit's texts opens 根据式."""
    reports = [RAW, GONGWEN, QINGSHI] + [baogao.corpus(key) for key in baogao.corpus_table()["id"]]
    for report in reports:
        body = body_paragraphs(report)
        assert body and not re.match(r"(根据|依据|按照)", body[0].text.strip()), report.source
    assert "根据式的开头，本套教材收的文本里没有" in LESSON


def test_the_transitions_quoted():
    assert sents(4)[-1] == "重点关注以下几个方面。"
    row = errata_at(4, "重点关注以下几个方面")
    assert row["id"] == "E013" and "主要做了以下工作" in row["basis"]
    assert "勘误表 E013" in LESSON and "常用的写法是“主要做了以下工作。”" in LESSON
    assert sents(19, GWR)[0].endswith("主要做了以下工作。") and sents(49, GWR)[0].startswith("在肯定成绩的同时")
    assert sents(5, GONGWEN)[-1] == "现将有关情况报告如下。"
    assert lesson.transition_table()["过渡句"].tolist() == [
        sents(4)[-1], sents(19, GWR)[0], sents(49, GWR)[0], sents(5, GONGWEN)[-1]]


def test_the_closings_quoted():
    assert GONGWEN.line(33).text == "特此报告。"
    last = GWR.paragraphs[-1]
    assert last.line == 201 and sents(201, GWR)[1].startswith("让我们更加紧密地团结在以习近平同志为核心的党中央周围，")
    assert sents(201, GWR)[1].endswith("不懈奋斗！")
    table = lesson.closing_table()
    assert table["类型"].tolist() == ["特此报告式", "号召式", "展望式"]
    assert table["例句"].tolist()[2] == sents(46)[0] and sents(46)[0].startswith("2022年是")
    assert "让我们" not in RAW.text  # the copy has no 号召 closing
    assert "这份副本没有号召式的结尾" in LESSON


def test_the_closing_part_of_the_specimen():
    assert "团中央书记处" in RAW.line(43).text and "自身建设" in RAW.line(43).text
    line44 = RAW.line(44).text
    assert line44.index("归功于") < line44.index("感谢") and "团中央同志" in line44
    assert "全团有四条突出经验" in sents(45)[0] and all(f"第{n}," in RAW.line(45).text for n in "一二三四")
    s46 = sents(46)
    assert len(s46) == 4 and s46[-1][-1] not in "。！？"
    assert "在第四句中间断掉了" in LESSON and "“第一,”到“第四,”" in LESSON


# -- 七、lengths ---------------------------------------------------------------------------------
def test_lengths_without_the_broken_off_paragraphs():
    cut = sorted(int(x) for x in ERRATA.loc[ERRATA["category"] == "cut_off", "line"])
    assert lesson.broken_off(RAW) == cut == [8, 13, 19, 25, 30, 36, 41, 46]
    assert "勘误表记下的 8 段中途断掉的段落（第 8、13、19、25、30、36、41、46 行）" in LESSON
    lead_paras = [p for p, role, _ in L.paragraph_roles(RAW) if role == "lead"]
    lengths = {p.line: count_chars(p.text) for p in lead_paras}
    broken = sorted(n for n in lengths if n in cut)
    assert broken == [8, 13, 19, 30, 36, 41]
    whole = [v for n, v in lengths.items() if n not in cut]
    assert (len(lengths), round(sum(lengths.values()) / len(lengths)), len(whole), round(sum(whole) / len(whole))) == (
        22, 241, 16, 275)
    assert sorted(lengths, key=lengths.get)[:4] == [8, 36, 19, 30]
    assert ("22 段主旨句段平均 241 字；其中 6 段断掉了（第 8、13、19、30、36、41 行），除去它们，其余 16 段平均 275 字。"
            "最短的四段主旨句段（第 8、36、19、30 行）全是断掉的段落") in LESSON
    table = lesson.length_table(RAW)
    row = table[table["段落的角色"] == "主旨句段"].iloc[0]
    assert (row["段数"], row["平均字数"], row["段末没有句末标点的段数"], row["其余段落的平均字数"]) == (22, 241, 6, 275)


# -- the quiz ---------------------------------------------------------------------------------------
def test_the_quiz_answers():
    questions = lesson.quiz_questions()
    assert [q.answer for q in questions[:3]] == ["背景式", "目的式", "号召式"]
    click = questions[3]
    a, _b = click.answer
    assert click.sentence == sents(17)[1] and click.wrong_text == "要"
    assert click.sentence[a:a + 5] == "要主动备战"


@pytest.mark.parametrize("path", ["notebooks/02_paragraphs.ipynb", "solutions/02_paragraphs.ipynb"])
def test_no_claim_of_an_addressee_or_of_the_original(path):
    text = prose(path)
    assert not re.search(r"(向|给|报送|呈报)(中共)?中央书记处(所作|报告)", text)
    assert "原报告在第 46 行之后还写了什么，无从得知" in LESSON
