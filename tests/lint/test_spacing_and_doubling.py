"""The rules on stray spaces and doubled characters: what they find, what they leave alone,
and every finding they give on the specimen, the corpus and the examples."""

from pathlib import Path

import pytest

import baogao
from baogao.lint import accuracy, lint
from baogao.sources.shipped import corpus_ids

SHARED_WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus-wild"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def found(text, rule_id):
    return [(f.text, f.suggestion) for f in lint(baogao.load(text), select=[rule_id])]


# --- stray-space -------------------------------------------------------------------------------

def test_the_specimens_stray_spaces_are_the_errata_occurrences():
    report = baogao.specimen()
    spaces = lint(report, select=["stray-space"])
    assert [(f.line, f.column, f.text, f.suggestion, f.severity) for f in spaces] == [
        (4, 106, " ", "", "error"), (4, 175, " ", "", "error"),
        (37, 122, " ", "", "error"), (37, 156, " ", "", "error")]
    # The errata's systematic entry E011 (a space, four occurrences) at the same places.
    from baogao.sources.edition import edition_diff
    rows = edition_diff(expand_systematic=True)
    e011 = rows[rows["id"] == "E011"]
    assert sorted(zip(e011["raw_line"], e011["raw_column"])) == [(f.line, f.column) for f in spaces]
    assert report.line(4).text[104:107] == ", 不"  # after an ASCII comma of Chinese text
    assert report.line(4).text[173:176] == "。 重"  # after a full stop


@pytest.mark.parametrize("text,expected", [
    ("今年　我们完成了任务。", [("\u3000", "")]),  # a full-width space between two characters
    ("完成了  任务。", [("  ", "")]),  # a run is one finding
    ("由于 “四人帮”的干扰破坏。", [(" ", "")]),  # before an opening quotation mark
    ("开展“ 扫黄”行动。", [(" ", "")]),  # inside it, after the mark
    ("取得新突破。 目前，工作顺利。", [(" ", "")]),  # after a full stop
    ("深化改革创新, 不断增强政治性。", [(" ", "")]),  # after an ASCII comma of Chinese text
    ("深化改革创新 ,不断增强政治性。", [(" ", "")]),  # before one
    ("一是 加强学习。二是加强实践。", [(" ", "")]),  # after an enumeration marker in prose
])
def test_stray_spaces_in_prose(text, expected):
    assert found(text, "stray-space") == expected


def test_a_run_says_how_many_spaces():
    f = lint(baogao.load("完成了  任务。"), select=["stray-space"])[0]
    assert "多了 2 个空格" in f.message
    f = lint(baogao.load("今年　我们完成了任务。"), select=["stray-space"])[0]
    assert "多了全角空格" in f.message


@pytest.mark.parametrize("text", [
    "　　今年我们完成了任务。",  # full-width indentation at the start of a paragraph
    "今年我们完成了任务。　　",  # trailing spaces
    "推动5G 基站建设，加快 5G 网络部署。",  # next to Latin letters and digits
    "COVID 19 疫情防控取得成效，增长 52％。",
    "我们使用 Python 和 jieba 分析文本。",  # around Latin words
    "参加人员：王　刚、李明华、欧阳　娜。",  # two-character names padded to three
    "打响“好客山东 好品山东”品牌，叫响“雄奇山水 新韵重庆”。",  # the halves of a slogan
    "第一条　为了规范管理，制定本办法。",  # the layout of laws and rules
    "王正谱作政府工作报告。本报记者 霍艳恩摄",  # a photo credit
    "作政府工作报告。 宁夏日报记者 王鼎 摄",
    "四川干部群众热议政府工作报告 以奋勇争先之姿，乘势而为",  # a headline: no sentence-final mark
    "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚",  # a speaker line
    "联系人：团市委办公室 王某某，电话：0000-12345678。",  # a contact line
    "（联系人：王某某　联系电话：0000-12345678）",
])
def test_legitimate_spaces_are_left_alone(text):
    assert found(text, "stray-space") == [], text


def test_title_blocks_and_headings_are_not_prose():
    text = ("政 府 工 作 报 告\n河北省人民政府省长　王正谱\n各位代表：\n"
            "一、　过去一年的工作\n现在，我代表省人民政府，向大会报告工作，请予审议。")
    assert found(text, "stray-space") == []
    assert found(text.replace("报告工作，请", "报告工作， 请"), "stray-space") == [(" ", "")]


def test_a_docx_table_of_contents_is_not_prose(tmp_path):
    import docx  # heavy: python-docx, for this test only

    d = docx.Document()
    for line in ("目　录", "第一章　总　则\t1", "一、 主要工作\t3", "二、 存在的问题 ………… 5"):
        d.add_paragraph(line)
    d.add_paragraph("今年，我们认真履行职责。")
    path = tmp_path / "目录.docx"
    d.save(path)
    assert lint(baogao.load(path), select=["stray-space"]) == []


def test_wild_copies_have_no_stray_space_finding():
    """Speaker lines, photo credits, headlines and slogans of copies from the web."""
    assert lint(baogao.load(FIXTURES / "wild_copy_hebei.txt"), select=["stray-space", "doubled-character"]) == []
    if SHARED_WILD.is_dir():
        for path in sorted(SHARED_WILD.glob("*.txt")):
            assert lint(baogao.load(path), select=["stray-space", "doubled-character"]) == [], path.name


def test_stray_spaces_on_the_corpus_are_the_judged_ones():
    """Every one was read: spaces beside quotation marks and after commas in the copies."""
    by_report = {}
    for cid in corpus_ids():
        lines = [f.line for f in lint(baogao.corpus(cid), select=["stray-space"])]
        if lines:
            by_report[cid] = lines
    assert by_report == {
        "1978_state-council_gwr": [15, 17, 23, 61, 71, 73, 75, 77, 125, 221, 245],
        "1995_state-council_gwr": [47],
        "2000_state-council_gwr": [37, 191],
        "2003_state-council_gwr": [25, 41, 137, 219, 219],
        "2016_hailar-district_gwr": [33, 141, 141],
    }
    assert all("stray-space" in accuracy.JUDGEMENTS[cid] for cid in by_report)
    from baogao.sources.shipped import EXAMPLES

    for name in EXAMPLES:
        assert lint(baogao.example(name), select=["stray-space", "doubled-character"]) == [], name


# --- doubled-character ---------------------------------------------------------------------------

RIGHT_DOUBLINGS = ("常常 人人 天天 看看 一一 个个 层层 处处 事事 年年 多多 往往 渐渐 纷纷 默默 刚刚 仅仅 谢谢 "
                   "讨论讨论 好好 高高 等等 每每 的的确确 不甚了了 是是非非 实实在在 目的的 件件 说说 比比 用用 "
                   "来来往往 一步步 稍稍 偏偏 恰恰 悄悄 暗暗 频频 屡屡 久久 连连 紧紧 牢牢 远远 轻轻").split()
WRONG_DOUBLINGS = ("的的 了了 是是 在在 和和 以以 于于 之之 地地 及及 与与 并并 而而 或或 被被 把把 为为 从从 "
                   "对对 将将 都都 也也 又又 很很 就就 还还 再再 更更 不不 得得 着着 过过 才才").split()


@pytest.mark.parametrize("word", RIGHT_DOUBLINGS)
def test_right_doublings_are_left_alone(word):
    assert found(f"我们{word}做好工作。", "doubled-character") == []


@pytest.mark.parametrize("word", WRONG_DOUBLINGS)
def test_doubled_function_words_are_found(word):
    assert found(f"我们{word}做好工作。", "doubled-character") == [(word, word[0])]


def test_doubling_in_context():
    rid = "doubled-character"
    assert found("团中央的的工作取得新进展，完成了了各项任务。", rid) == [("的的", "的"), ("了了", "了")]
    assert found("这是是一个重要的阶段。", rid) == [("是是", "是")]
    assert found("我们在在党的领导下开展工作。", rid) == [("在在", "在")]
    assert found("给他以生活的机会和和效力的机会。", rid) == [("和和", "和")]
    three = lint(baogao.load("我们都都都要努力。"), select=[rid])
    assert [(f.text, f.suggestion) for f in three] == [("都都都", "都")] and "3 次" in three[0].message
    # Doublings of a name, across a word boundary, across paragraphs: not a doubled word.
    assert found("屠呦呦获得诺贝尔生理学或医学奖。", rid) == []
    assert found("这一目的的实现需要各方努力。", rid) == []
    assert found("我们要学习了\n了解情况。", rid) == []


def test_doubling_on_the_specimen_the_corpus_and_the_examples():
    assert lint(baogao.specimen(), select=["doubled-character"]) == []
    found_there = [(source, f.line, f.text) for source, f in accuracy.doubling_findings()]
    assert found_there == [("1978_state-council_gwr", 241, "和和")]
    assert set(accuracy.DOUBLING_JUDGEMENTS) == {(s, line) for s, line, _ in found_there}
    line = baogao.corpus("1978_state-council_gwr").line(241).text
    assert "生活的机会和和效力的机会" in line


def test_the_two_rules_are_registered_in_the_damage_family():
    from baogao.lint import RULES

    assert (RULES["stray-space"].family, RULES["stray-space"].severity) == ("damage", "error")
    assert (RULES["doubled-character"].family, RULES["doubled-character"].severity) == ("damage", "warning")
    for rid in ("stray-space", "doubled-character"):
        assert "\u3000" not in RULES[rid].description  # the catalogue folds whitespace
