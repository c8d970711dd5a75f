"""Loading: formats, encodings, line endings, indents, zero-width marks, bad input."""

import codecs
import warnings

import pytest

import baogao
from baogao import errors
from baogao.errors import TraditionalChineseWarning

SAMPLE = "关于青年志愿服务工作的报告\n\n市委：\n\n一、主要工作\n\n今年以来，我们组织志愿者1.2万人。\n"


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("codec,expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-16-be-bom", "utf-16"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
])
def test_encodings_are_detected(tmp_path, codec, expected):
    if codec == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be")
    else:
        data = SAMPLE.encode(codec)
    r = baogao.load(write(tmp_path, "a.txt", data))
    assert r.encoding == expected
    assert r.text.lstrip("\ufeff") == SAMPLE
    assert [p.text for p in r.paragraphs][:2] == ["关于青年志愿服务工作的报告", "市委："]


def test_big5_is_detected_and_warns_traditional(tmp_path):
    text = "關於青年志願服務工作的報告\n我們組織志願者參與社區服務，這是今年最重要的工作之一，經過努力，服務時數顯著增長。\n"
    with pytest.warns(TraditionalChineseWarning):
        r = baogao.load(write(tmp_path, "t.txt", text.encode("big5")))
    assert r.encoding == "big5"
    assert r.text == text
    assert any(n.kind == "traditional" for n in r.notes)


def test_traditional_utf8_only_warns(tmp_path):
    text = "我們組織志願者參與社區服務，這是今年最重要的工作之一，經過努力，服務時數顯著增長。"
    with pytest.warns(TraditionalChineseWarning, match="繁体"):
        r = baogao.load(text)
    assert r.paragraphs[0].text == text


def test_simplified_text_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        baogao.specimen().outline()
        baogao.load(SAMPLE * 3)


def test_forced_encoding(tmp_path):
    p = write(tmp_path, "a.txt", SAMPLE.encode("gbk"))
    assert baogao.load(p, encoding="gbk").encoding == "gb18030"
    with pytest.raises(errors.DecodeError, match="不是 utf-8 编码"):
        baogao.load(p, encoding="utf-8")
    with pytest.raises(errors.DecodeError, match="不认识编码"):
        baogao.load(p, encoding="klingon")
    for codec in ("rot13", "undefined"):  # codecs Python knows, but not of text
        with pytest.raises(errors.DecodeError, match="不是文字编码"):
            baogao.load(p, encoding=codec)


@pytest.mark.parametrize("newline,name", [("\r\n", "\r\n"), ("\r", "\r")])
def test_line_endings_are_normalised_and_recorded(tmp_path, newline, name):
    r = baogao.load(write(tmp_path, "a.txt", SAMPLE.replace("\n", newline).encode("utf-8")))
    assert "\r" not in r.text
    assert r.text == SAMPLE
    assert r.newline == name
    assert any(n.kind == "newline" for n in r.notes)
    assert [p.line for p in r.paragraphs] == [1, 3, 5, 7]


def test_mixed_line_endings():
    r = baogao.load("第一段。\r\n第二段。\r第三段。\n第四段。")
    assert r.newline == "mixed"
    assert [p.line for p in r.paragraphs] == [1, 2, 3, 4]


def test_fullwidth_indent_and_zero_width_are_recorded_not_lost():
    text = "　　一、\u200b主要工作\n　　今年以来，我们\u200b组织志愿者参加服务，效果良好。\n"
    r = baogao.load(text)
    assert r.text == text  # nothing removed from the text itself
    p1, p2 = r.paragraphs
    assert p1.indent == "　　" and p1.text == "一、\u200b主要工作"
    assert p1.clean == "一、主要工作"
    assert r.text[p1.start:p1.end] == p1.text
    kinds = [(n.kind, n.line, n.column) for n in r.notes]
    assert ("indent", 1, 1) in kinds and ("indent", 2, 1) in kinds
    assert ("zero_width", 1, 5) in kinds and ("zero_width", 2, 10) in kinds
    # The parser still sees the heading through the indent and the zero-width space.
    assert [h.title for h in r.outline().headings] == ["主要工作"]


def test_bom_inside_text_is_recorded():
    r = baogao.load("\ufeff政府工作报告\n各位代表：\n现在，我代表国务院作报告。")
    assert r.notes[0].kind == "bom"
    assert r.outline().title == "政府工作报告"
    assert r.outline().elements[1].kind == "salutation"


def test_offsets_point_into_the_text():
    r = baogao.specimen()
    for p in r.paragraphs:
        assert r.text[p.start:p.end] == p.text
        assert r.line_of(p.start) == p.line
        assert r.position(p.start) == (p.line, 1 + len(p.indent))
    for ln in r.lines:
        assert r.text[ln.start:ln.end] == ln.text
    assert len(r.lines) == 47 and len(r.paragraphs) == 47


def test_string_and_bytes_sources():
    assert baogao.load(SAMPLE).source == "<文本>"
    r = baogao.load(SAMPLE.encode("gbk"), name="draft.txt")
    assert r.encoding == "gb18030" and r.source == "draft.txt"
    assert baogao.load(r) is r


def test_markdown_file(tmp_path):
    # A plain draft saved as .md reads as Markdown, and the same as plain text.
    r = baogao.load(write(tmp_path, "a.md", SAMPLE.encode()))
    assert r.format == "markdown" and r.outline().headings[0].title == "主要工作"
    assert r.text == SAMPLE
    plain = baogao.load(SAMPLE)
    assert [(p.line, p.start, p.text) for p in r.paragraphs] == [
        (p.line, p.start, p.text) for p in plain.paragraphs]
    assert r.outline().to_dict() | {"source": ""} == plain.outline().to_dict() | {"source": ""}


# -- bad input: one clear Chinese sentence each ---------------------------------------

def assert_one_sentence(exc: errors.BaogaoError):
    msg = exc.message
    assert msg and "\n" not in msg
    assert any("\u4e00" <= c <= "\u9fff" for c in msg)
    assert "Traceback" not in msg


def test_missing_file(tmp_path):
    with pytest.raises(errors.MissingFileError) as e:
        baogao.load(tmp_path / "nope.txt")
    assert_one_sentence(e.value)
    assert "nope.txt" in e.value.message
    with pytest.raises(errors.MissingFileError):
        baogao.load("missing_draft.docx")


def test_directory(tmp_path):
    with pytest.raises(errors.NotAFileError, match="文件夹") as e:
        baogao.load(tmp_path)
    assert_one_sentence(e.value)


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", "\u3000\u3000\n".encode()])
def test_empty_file(tmp_path, data):
    with pytest.raises(errors.EmptyFileError) as e:
        baogao.load(write(tmp_path, "empty.txt", data))
    assert_one_sentence(e.value)


def test_empty_string():
    with pytest.raises(errors.EmptyFileError):
        baogao.load("   ")


def test_png_is_binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(errors.BinaryFileError, match="PNG") as e:
        baogao.load(write(tmp_path, "scan.txt", png))
    assert_one_sentence(e.value)


def test_nul_bytes_are_binary(tmp_path):
    with pytest.raises(errors.BinaryFileError):
        baogao.load(write(tmp_path, "a.txt", b"abc\x00\x01\x02def"))


def test_undecodable_bytes(tmp_path):
    data = bytes([0xff, 0xfe - 1, 0x80, 0x81, 0xfe, 0xff]) * 20
    with pytest.raises(errors.DecodeError) as e:
        baogao.load(write(tmp_path, "a.txt", data))
    assert_one_sentence(e.value)


def test_oversized_file(tmp_path):
    p = write(tmp_path, "big.txt", ("报告正文。" * 1000).encode())
    with pytest.raises(errors.FileTooLargeError, match="上限") as e:
        baogao.load(p, max_bytes=1000)
    assert_one_sentence(e.value)
    assert baogao.load(p, max_bytes=10**6).paragraphs
    with pytest.raises(errors.FileTooLargeError):
        baogao.load(("报告正文。" * 1000).encode(), max_bytes=100)


@pytest.mark.parametrize("suffix", [".doc", ".pdf", ".wps"])
def test_unsupported_formats(tmp_path, suffix):
    with pytest.raises(errors.UnsupportedFormatError, match="另存为") as e:
        baogao.load(write(tmp_path, "draft" + suffix, b"whatever"))
    assert_one_sentence(e.value)


def test_corrupt_docx(tmp_path):
    with pytest.raises(errors.DocxError) as e:
        baogao.load(write(tmp_path, "draft.docx", b"PK\x03\x04 this is not really a zip"))
    assert_one_sentence(e.value)
    assert "draft.docx" in e.value.message


def test_wrong_type():
    with pytest.raises(errors.UsageError):
        baogao.load(42)
