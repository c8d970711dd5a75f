"""The command line: outputs, JSON schema, exit codes, and one sentence on bad input."""

import io
import json
import os
import re
import subprocess
import sys
import time

import pytest

import baogao
from baogao.cli import main, reports
from baogao.cli import teach as teach_cli
from baogao.cli.common import display_width, wrap_cjk
from baogao.cli.reports import COMMAND_HELP

#: Words of argparse's and re's English messages, which never reach a user.
ENGLISH = re.compile(r"\b(the following|required|invalid|argument|expected|unrecognized|ambiguous|"
                     r"missing|unterminated|not allowed|ignored|choose from|usage|error)\b", re.I)

HEADING_KEYS = {"level", "number", "marker", "style", "title", "line", "run_in"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_outline_text(capsys):
    code, out, err = run(capsys, "outline", "specimen")
    assert code == 0 and err == ""
    assert "第  24行   第五,主动作为" in out
    assert "文体：文体不明（既没有公文要素" in out
    assert "缺号：第 15 行“三、”之后是第 24 行“第五,”，缺了“四”" in out
    assert "〈自身建设〉" in out


def test_outline_json_schema(capsys):
    code, out, _ = run(capsys, "outline", "specimen", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"source", "encoding", "genre", "doc_type", "doc_type_label", "title", "elements",
                         "headings", "enumerations", "parts", "numbering_issues"}
    assert data["encoding"] == "utf-8" and data["genre"] == "unknown"  # the copy lost its frame
    assert data["doc_type"] is None and data["doc_type_label"] is None
    assert all(set(e) == {"kind", "line", "text"} for e in data["elements"])
    assert all(set(h) == HEADING_KEYS for h in data["headings"])
    assert all(set(e) == {"kind", "line", "markers"} for e in data["enumerations"])
    assert all(set(p) == {"kind", "line", "evidence"} for p in data["parts"])
    assert all(set(i) == {"kind", "line", "expected", "message"} for i in data["numbering_issues"])
    assert data["headings"][3] == {"level": 1, "number": 5, "marker": "第五,", "style": "cn-di",
                                   "title": "主动作为,积极拓展新时期共青团工作的空间和领域",
                                   "line": 24, "run_in": False}
    assert {"kind": "gap", "line": 20, "expected": "四"} in [
        {k: i[k] for k in ("kind", "line", "expected")} for i in data["numbering_issues"]]
    assert "“" in out  # JSON keeps Chinese readable, not \\u escapes


def test_outline_of_files_and_shipped_texts(capsys, tmp_path, fixtures):
    p = tmp_path / "草稿.txt"
    p.write_bytes("关于工作的报告\n市委：\n一、主要工作\n今年成效明显。\n特此报告。\n".encode("gbk"))
    code, out, _ = run(capsys, "outline", str(p), "--json")
    data = json.loads(out)
    assert code == 0 and data["encoding"] == "gb18030" and data["genre"] == "document"
    code, out, _ = run(capsys, "outline", str(fixtures / "auto_numbered.docx"), "--json")
    assert code == 0 and json.loads(out)["headings"][0]["marker"] == "一、"
    code, out, _ = run(capsys, "outline", "example:request_qingshi")
    assert code == 0 and "妥否，请批示。" in out and "文体：公文（有主送机关" in out
    assert "文种：请示（《党政机关公文处理工作条例》规定的公文种类）" in out
    code, out, _ = run(capsys, "outline", "example:notice_tongzhi", "--json")
    data = json.loads(out)
    assert (data["doc_type"], data["doc_type_label"]) == ("notice", "通知")
    assert [e["kind"] for e in data["elements"]][:4] == ["issuer", "doc_number", "title", "addressee"]
    code, out, _ = run(capsys, "outline", "1978_state-council_gwr")
    assert code == 0 and "第六，" in out


@pytest.mark.parametrize("argv,needle", [
    (["outline", "nothere.txt"], "找不到文件"),
    (["outline", "."], "文件夹"),
    (["outline"], "缺少参数"),
    (["frobnicate", "x"], "没有这个命令"),
    (["outline", "specimen", "--bogus"], "无法识别的参数"),
    (["outline", "specimen", "--max-bytes", "many"], "整数"),
    (["outline", "example:nope"], "没有名为"),
    (["outline", "mydraft"], "找不到文件“mydraft”"),
    (["outline", "specimen", "--encoding", "rot13"], "不是文字编码"),
    (["outline", "specimen", "--encoding", "klingon"], "不认识编码"),
    (["outline", "specimen", "--encoding", "undefined"], "不是文字编码"),
    (["outline", "specimen", "--max-bytes", "0"], "正整数"),
    (["outline", "--text", "   "], "空的"),
    (["outline", "specimen", "--text", "一、总体"], "只用其中一个"),
    (["kwic", "specimen"], "缺少检索词"),
    (["kwic", "--text", "青年工作"], "缺少检索词"),
    (["kwic", "specimen", ""], "检索词不能为空"),
    (["kwic", "specimen", "青年", "--sort", "up"], "只能是 left、right"),
    (["kwic", "specimen", "青年", "--window", "-1"], "不小于 0"),
    (["kwic", "specimen", "青年", "--t", "3"], "不明确"),
    (["kwic", "specimen", "青年", "--window"], "缺少取值"),
    (["kwic", "specimen", "青年", "--regex", "--time-limit", "0"], "正数"),
    (["export", "specimen"], "缺少输出文件"),
    (["lint", "--help=x"], "不带取值"),
    (["teach"], None),
    (["teach", "grade", "subs"], "缺少参数：--out"),
    (["teach", "frobnicate"], "没有这个命令"),
])
def test_bad_usage_and_input_exit_2_with_one_sentence(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    if needle is None:  # bare "baogao teach": its command list
        assert "make-exercises" in err and "grade" in err
        return
    assert needle in err
    assert err.startswith("错误：") and err.count("\n") == 1
    assert "Traceback" not in err
    assert not ENGLISH.search(err), err


def test_bare_baogao_lists_every_command(capsys):
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("用法：baogao 命令")
    lines = err.splitlines()
    for name, text in COMMAND_HELP.items():
        assert sum(1 for line in lines if line.split() and line.split()[0] == name) == 1
        assert any(line.strip() == f"{name}{' ' * (len(line.strip()) - len(name) - len(text))}{text}"
                   for line in lines), name
    assert set(COMMAND_HELP) == set(reports.COMMANDS) | {"teach"}
    assert "baogao outline --help" in err


def _all_help_pages():
    yield ["--help"]
    for name in COMMAND_HELP:
        yield [name, "--help"] if name != "teach" else ["teach", "--help"]
    for name in teach_cli.COMMAND_HELP:
        yield ["teach", name, "-h"]


@pytest.mark.parametrize("argv", list(_all_help_pages()), ids=" ".join)
def test_help_is_chinese_everywhere(capsys, monkeypatch, argv):
    monkeypatch.setenv("COLUMNS", "80")  # argparse reads the terminal width from COLUMNS
    code, out, err = run(capsys, *argv)
    assert code == 0 and err == ""
    assert out.startswith("用法：baogao") and "显示本帮助并退出" in out and "\n选项：\n" in out
    for english in ("usage:", "positional arguments", "options:", "optional arguments",
                    "show this help", "show program's version"):
        assert english not in out
    for line in out.splitlines():  # columns measured in display width: nothing past 80
        assert display_width(line) <= 80, line
    if argv[-1] in ("--help", "-h") and len(argv) > 1 and argv[0] not in ("teach", "cheatsheet"):
        assert "\n位置参数：\n" in out and "文件" in out


def test_wrapping_counts_chinese_characters_twice():
    text = "报告文件（.txt、.md、.docx）；“-”表示从标准输入读取；也可以是内置文本：specimen、语料编号。"
    lines = wrap_cjk(text, 20)
    assert "".join(lines) == text.replace(" ", "")
    assert all(display_width(line) <= 20 + 2 for line in lines)  # a closing mark may hang
    assert not any(line[0] in "，。、；：）”" for line in lines[1:])
    assert not any(line[-1] in "（“" for line in lines)
    assert wrap_cjk("word " * 30, 20)[0] == "word word word word"


def test_a_name_that_is_no_file_is_not_text(capsys, tmp_path):
    code, out, err = run(capsys, "outline", "mydraft")
    assert code == 2 and out == "" and "找不到文件“mydraft”" in err and "--text" in err
    for command in ("lint", "stats", "numbers", "keywords"):
        code, _, err = run(capsys, command, "mydraft")
        assert code == 2 and "找不到文件" in err, command
    code, _, err = run(capsys, "kwic", "mydraft", "青年")
    assert code == 2 and "找不到文件" in err
    code, _, err = run(capsys, "export", "mydraft", str(tmp_path / "x.md"))
    assert code == 2 and "找不到文件" in err and not (tmp_path / "x.md").exists()


def test_text_only_when_asked(capsys, monkeypatch, tmp_path):
    code, out, _ = run(capsys, "outline", "--text", "关于工作的报告\n一、主要工作\n今年成效明显。", "--json")
    data = json.loads(out)
    assert code == 0 and data["source"] == "<文本>" and data["headings"][0]["marker"] == "一、"
    # --text never reads a file, even when the text looks like a file name.
    (tmp_path / "a.txt").write_text("一、文件里的内容\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "outline", "--text", "a.txt", "--json")
    assert code == 0 and json.loads(out)["title"] == "a.txt"
    code, out, _ = run(capsys, "kwic", "--text", "青年是未来。青年工作很重要。", "青年", "--json")
    assert code == 0 and [h["column"] for h in json.loads(out)] == [1, 7]
    code, out, _ = run(capsys, "export", "--text", "一、总体\n工作很好。", "out.md")
    assert code == 0 and (tmp_path / "out.md").read_text(encoding="utf-8").startswith("## 一、总体")
    code, _, _ = run(capsys, "lint", "--text", "全年完成3项任务。", "--json")
    assert code in (0, 1)
    # "-" reads standard input (bytes: any encoding the kit recognises).
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("一、总体\n工作很好。\n".encode("gbk"))))
    code, out, _ = run(capsys, "outline", "-", "--json")
    data = json.loads(out)
    assert code == 0 and data["source"] == "标准输入" and data["encoding"] == "gb18030"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("字".encode() * 400)))
    code, _, err = run(capsys, "outline", "-", "--max-bytes", "100")
    assert code == 2 and "上限" in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "outline", "-")
    assert code == 2 and "空的" in err


def test_a_zip_bomb_docx_exits_2(capsys, tmp_path):
    import zipfile
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b"0" * (3 * 1024 * 1024) + b"</w:document>")
    assert bomb.stat().st_size < 20_000
    code, out, err = run(capsys, "outline", str(bomb))
    assert code == 2 and out == "" and "压缩炸弹" in err and err.count("\n") == 1


def test_regex_errors_and_time_limit(capsys, tmp_path):
    code, _, err = run(capsys, "kwic", "specimen", "团(委", "--regex")
    assert code == 2 and "右括号" in err and "missing" not in err and "regex=True" not in err
    slow = tmp_path / "slow.txt"
    slow.write_text("标题\n" + "a" * 40 + "b\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run(capsys, "kwic", str(slow), "(a+)+$", "--regex", "--time-limit", "0.5")
    assert code == 2 and out == "" and "太慢" in err and "0.5 秒" in err and err.count("\n") == 1
    assert time.monotonic() - started < 5
    code, out, _ = run(capsys, "kwic", str(slow), "a+b", "--regex", "--json")
    assert code == 0 and json.loads(out)[0]["match"] == "a" * 40 + "b"


def test_export_never_loses_a_file(capsys, tmp_path):
    draft = tmp_path / "mine.md"
    draft.write_text("# 我的草稿\n\n一、主要工作\n\n全年开展专题学习。\n", encoding="utf-8")
    before = draft.read_bytes()
    link = tmp_path / "link.md"
    link.symlink_to(draft)
    for out_name in ("mine.md", "./mine.md", "link.md"):
        for force in ([], ["--force"]):
            code, out, err = run(capsys, "export", str(draft), str(tmp_path / out_name), *force)
            assert code == 2 and "正在读取的草稿" in err and err.count("\n") == 1
    assert draft.read_bytes() == before
    target = tmp_path / "out.docx"
    assert run(capsys, "export", str(draft), str(target))[0] == 0
    first = target.read_bytes()
    code, _, err = run(capsys, "export", "specimen", str(target))
    assert code == 2 and "--force" in err and target.read_bytes() == first
    code, text, _ = run(capsys, "export", "specimen", str(target), "--force")
    assert code == 0 and "已导出" in text and target.read_bytes() != first
    (tmp_path / "folder.md").mkdir()
    code, _, err = run(capsys, "export", "specimen", str(tmp_path / "folder.md"), "--force")
    assert code == 2 and "文件夹" in err


def test_grade_out_pointing_at_a_folder_is_refused_before_grading(capsys, tmp_path):
    (tmp_path / "subs").mkdir()
    (tmp_path / "grades").mkdir()
    code, out, err = run(capsys, "teach", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "grades"))
    assert code == 2 and out == "" and "是一个文件夹" in err and err.count("\n") == 1
    code, _, err = run(capsys, "teach", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "g.csv"),
                       "--html", str(tmp_path / "none" / "g.html"))
    assert code == 2 and "不存在" in err
    assert list((tmp_path / "grades").iterdir()) == [] and not (tmp_path / "g.csv").exists()


def test_bad_files(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "big.txt").write_bytes("字".encode() * 400)
    for name, needle, extra in [("empty.txt", "空的", []), ("pic.txt", "PNG", []),
                                ("broken.docx", "Word", []), ("big.txt", "上限", ["--max-bytes", "100"])]:
        code, out, err = run(capsys, "outline", str(tmp_path / name), *extra)
        assert code == 2 and needle in err and err.count("\n") == 1, (name, err)


def test_internal_error_is_one_sentence(capsys, monkeypatch):
    import baogao.cli.reports as cli

    def boom(args):
        raise RuntimeError("kaputt")
    monkeypatch.setitem(cli.COMMANDS, "outline", boom)
    code, out, err = run(capsys, "outline", "specimen")
    assert code == 3 and "内部错误" in err and "Traceback" not in err


def test_python_dash_m_and_console_script(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    res = subprocess.run([sys.executable, "-m", "baogao", "outline", "specimen", "--json"],
                         capture_output=True, env=env, cwd=tmp_path)
    assert res.returncode == 0 and json.loads(res.stdout.decode("utf-8"))["title"]
    res = subprocess.run([sys.executable, "-m", "baogao", "outline", "missing.docx"],
                         capture_output=True, env=env, cwd=tmp_path)
    err = res.stderr.decode("utf-8")
    assert res.returncode == 2 and "找不到文件“missing.docx”" in err and "Traceback" not in err
    res = subprocess.run([sys.executable, "-m", "baogao", "--version"], capture_output=True)
    assert res.returncode == 0 and res.stdout.decode("utf-8") == f"baogao {baogao.__version__}\n"


def test_stats_numbers_kwic_keywords_json(capsys):
    code, out, _ = run(capsys, "stats", "specimen", "--json")
    stats = json.loads(out)
    assert code == 0
    for key in ("chars", "paragraphs", "sentences", "mean_sentence_chars", "readability"):
        assert key in stats
    assert stats["chars"] == 9211 and stats["lead_sentences"] == 22

    code, out, _ = run(capsys, "numbers", "specimen", "--json")
    numbers = json.loads(out)
    assert code == 0 and len(numbers) == 69
    assert set(numbers[0]) == {"raw", "value", "value_high", "unit", "qualifier", "line", "column",
                               "sentence"}
    troops = next(n for n in numbers if n["raw"] == "25.3万人次")
    assert troops["value"] == 253000 and troops["unit"] == "人次" and troops["line"] == 17

    code, out, _ = run(capsys, "kwic", "specimen", "四个意识", "--json")
    hits = json.loads(out)
    assert code == 0 and [h["line"] for h in hits] == [5, 43, 45]
    assert hits[0]["match"] == "四个意识" and hits[0]["left"].endswith("“")
    code, out, _ = run(capsys, "kwic", "specimen", "团[委中]", "--regex", "--sort", "right")
    assert code == 0 and "【团委】" in out and "【团中】" in out

    code, out, _ = run(capsys, "keywords", "specimen", "--json", "--top", "10")
    words = [k["word"] for k in json.loads(out)]
    assert code == 0 and set(json.loads(out)[0]) == {"word", "score", "freq", "ref_freq"}
    assert "青年" in words[:3] and "发展" not in words


def test_bad_regex_is_one_sentence(capsys):
    code, out, err = run(capsys, "kwic", "specimen", "[", "--regex")
    assert code == 2 and "正则表达式" in err and err.count("\n") == 1


def test_export(capsys, tmp_path):
    out = tmp_path / "报告.docx"
    code, text, _ = run(capsys, "export", "example:report_gongwen", str(out))
    assert code == 0 and out.exists() and "已导出" in text
    import baogao
    assert [h.marker for h in baogao.load(out).outline().headings][:3] == ["一、", "（一）", "1."]
    code, _, err = run(capsys, "export", "specimen", str(tmp_path / "x.pdf"))
    assert code == 2 and "只能导出为" in err


def test_version_is_the_installed_package_s(monkeypatch):
    import importlib.metadata

    from baogao.cli import reports

    assert reports.installed_version() == baogao.__version__

    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)
    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert reports.installed_version() == "unknown"


def test_a_command_does_not_look_up_the_version():
    # The version's lookup (importlib.metadata, 30 ms) is for --version, not for every lint.
    code = ("import sys\nfrom baogao.cli import main\nmain(['outline', 'specimen', '--json'])\n"
            "print('importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
