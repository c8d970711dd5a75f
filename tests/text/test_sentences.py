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


def _clause_spans_by_character(text):
    """The clause splitter as first written, one character at a time: the fast one must agree."""
    marks, strip = "，；：,;:" + "。！？!?", "，；：,;:。！？!?" + "”’」』）)》〉】\"'" + " "
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in marks:
            if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            if text[start:i + 1].strip(strip):
                out.append((start, i + 1))
                start = i + 1
            else:
                start = i + 1 if not out else start
    if text[start:].strip(strip):
        out.append((start, len(text)))
    elif out and start < len(text):
        out[-1] = (out[-1][0], len(text))
    return out


def test_clause_spans_agree_with_the_character_loop_on_every_sentence_of_the_shipped_texts():
    import baogao
    from baogao.text.sentences import sentence_spans as spans

    texts = [r.text for r in baogao.corpus()] + [baogao.specimen().text]
    sentences = [line[a:b] for text in texts for line in text.splitlines() for a, b in spans(line)]
    assert len(sentences) > 8_000
    tricky = ["", "，", "：“", "1,000", ",1", "1,", "“好。”", "。。", "甲，，乙", "1:2:3", "甲” ", "，甲"]
    for s in sentences + tricky:
        assert clause_spans(s) == _clause_spans_by_character(s), s


def test_count_chars_skips_exactly_what_isspace_and_the_zero_width_marks_skip():
    import sys

    zero_width = "\u200b\u200c\u200d\u2060\ufeff"
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert count_chars(everything) == sum(1 for ch in everything if not ch.isspace() and ch not in zero_width)
    assert count_chars("  \t\u3000\u200b") == 0
