"""Sentences and clauses (GB/T 15834), worked out by hand."""

from baogao.text.sentences import clause_spans, count_chars, sentence_spans


def split(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def clauses(text):
    return [text[a:b] for a, b in clause_spans(text)]


def test_sentence_ends_and_closing_quotes():
    assert split("努力提高覆盖率。以组织学习为基本途径！是否可行？") == ["努力提高覆盖率。", "以组织学习为基本途径！", "是否可行？"]
    assert split("他说：“好。”我们继续。") == ["他说：“好。”", "我们继续。"]
    assert split("（见附件。）下一句") == ["（见附件。）", "下一句"]
    assert split("最后一句没有句号") == ["最后一句没有句号"]
    assert split("真的吗？！是的。") == ["真的吗？！", "是的。"]
    assert split("ASCII marks end sentences too! Yes?") == ["ASCII marks end sentences too!", " Yes?"]


def test_ellipsis():
    assert split("我们走访了学校、社区……这些地方的青年都很活跃。") == ["我们走访了学校、社区……", "这些地方的青年都很活跃。"]
    assert split("包括教育、卫生……等方面。下一句。") == ["包括教育、卫生……等方面。", "下一句。"]
    assert split("包括教育、卫生……，还有文化。") == ["包括教育、卫生……，还有文化。"]
    assert split("说到这里……") == ["说到这里……"]


def test_clauses_at_chinese_and_ascii_marks_but_not_in_numbers():
    assert clauses("以组织学习为基本途径,主要依托基层团支部;实现全面覆盖。") == [
        "以组织学习为基本途径,", "主要依托基层团支部;", "实现全面覆盖。"]
    assert clauses("共有1,000人参加，时间10:30。") == ["共有1,000人参加，", "时间10:30。"]
    assert clauses("他说：“好。”") == ["他说：", "“好。”"]
    assert clauses("一、二、三。") == ["一、二、三。"]  # 顿号 separates items, not clauses


def test_count_chars_ignores_spaces_and_zero_width():
    assert count_chars("努力 提高\u200b覆盖率。") == 8
