"""``baogao outline | lint | stats | numbers | kwic | keywords | export``: the report commands,
and ``baogao cheatsheet``, which prints the kit's own data as a cheat sheet.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3).

A command reads its report from a file, from standard input (``-``), from
``--text "…"``, or from a text shipped with the kit (specimen, a corpus id,
``example:…``); any other name is a missing file, never text (docs/cli.md).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys

from baogao.analysis.measures import analyze
from baogao.analysis.stats import STAT_LABELS
from baogao.cli.common import COMMAND_METAVAR, EXIT_FINDINGS, EXIT_OK, ChineseParser
from baogao.concordance.index import REGEX_TIME_LIMIT, regex_time_limit
from baogao.concordance.keywords import keyness
from baogao.concordance.kwic import kwic
from baogao.errors import DecodeError, EmptyFileError, MissingFileError, UsageError
from baogao.export import export
from baogao.lint import FAMILIES, SEVERITY_LABELS, catalogue, lint
from baogao.lint.format import location_text, message_text, summary_text
from baogao.report import Report
from baogao.sources.files import DEFAULT_MAX_BYTES, text_codec
from baogao.sources.load import load
from baogao.sources.shipped import SPECIMEN_ID, corpus_ids, get

DESCRIPTION = "baogao（报告）：分析中文工作报告的结构、文风与差错。"

#: Every command and its line in the command list (bare ``baogao``) and in --help.
COMMAND_HELP = {
    "outline": "提纲：标题层级、要素、功能部分、列举与编号问题",
    "lint": "校对：标点、数字、编号、公文格式、转载痕迹、提法与人名、文风",
    "stats": "文风统计：字数、句长、段长、可读性、词汇",
    "numbers": "数据：文中的数量、百分数、范围、分数及其数值",
    "kwic": "索引行（KWIC）：检索词及其上下文",
    "keywords": "主题词：与参考语料（17 篇政府工作报告）相比的关键词",
    "export": "导出：Markdown，或按 GB/T 9704 排版的 Word 文件",
    "cheatsheet": "速查表：层次序数、公文要素、标点与数字、规范提法、常见校对结果",
    "teach": "教师工具：生成练习本、重置练习本、批改作业（见 baogao teach --help）",
}

_FILE_HELP = ("报告文件（.txt、.md、.docx）；“-”表示从标准输入读取；也可以是内置文本："
              "specimen、语料编号（如 2021_state-council_gwr）、example:report_gongwen。"
              "用 --text 时省略")


def installed_version() -> str:
    """The version of the installed baogao package ("unknown" when run from a bare checkout)."""
    from importlib import metadata  # 30 ms: asked for by --version only

    try:
        return metadata.version("baogao")
    except metadata.PackageNotFoundError:
        return "unknown"


class VersionAction(argparse.Action):
    """``--version``: the installed version, looked up when it is asked for, not by every command."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"baogao {installed_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def encoding_name(value: str) -> str:
    """``--encoding``: a codec that decodes bytes into text (``sources.files.text_codec``)."""
    try:
        text_codec(value)
    except DecodeError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    return value


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"取值应为正整数，不能是“{value}”。") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"取值应为正整数，不能是“{value}”。")
    return n


def nonnegative_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"取值应为不小于 0 的整数，不能是“{value}”。")
    return n


def positive_seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        n = float("nan")
    if not n > 0 or math.isinf(n):
        raise argparse.ArgumentTypeError(f"取值应为正数（秒），不能是“{value}”。")
    return n


def _add_source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--text", metavar="文字", default=None, help="直接分析这段文字（代替文件）")
    p.add_argument("--encoding", metavar="编码", type=encoding_name,
                   help="强制指定文本编码（默认自动识别 UTF-8、GBK/GB18030、Big5）")
    p.add_argument("--max-bytes", metavar="字节数", type=positive_int, default=None,
                   help=f"文件大小上限（字节，默认 {DEFAULT_MAX_BYTES:,}）")
    p.add_argument("--json", action="store_true", help="输出 JSON（格式见 docs/cli.md）")


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="文件", nargs="?", help=_FILE_HELP)
    _add_source_options(p)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="baogao", description=DESCRIPTION,
                           epilog="直接运行 baogao 可看到命令列表；每个命令的用法：baogao 命令 --help。")
    parser.add_argument("--version", action=VersionAction, help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", title="命令", metavar=COMMAND_METAVAR,
                                parser_class=ChineseParser)
    sub.required = True

    def add(name: str, description: str | None = None) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=COMMAND_HELP[name], description=description or COMMAND_HELP[name])

    _add_input(add("outline"))
    p = add("lint")
    p.add_argument("file", metavar="文件", nargs="?", help=_FILE_HELP)
    _add_source_options(p)
    p.add_argument("--select", metavar="规则", default="",
                   help="只运行这些规则或类别（逗号分隔，如 punctuation,name-near-miss）")
    p.add_argument("--ignore", metavar="规则", default="", help="不运行这些规则或类别（逗号分隔）")
    p.add_argument("--list-rules", action="store_true", help="列出所有规则")
    _add_input(add("stats"))
    _add_input(add("numbers"))
    p = add("kwic")
    _add_input(p)
    p.add_argument("query", metavar="检索词", nargs="?", help="要查找的字、词、短语，或（加 --regex 时）正则表达式")
    p.add_argument("--regex", action="store_true", help="把检索词当作正则表达式")
    p.add_argument("--time-limit", metavar="秒", type=positive_seconds, default=REGEX_TIME_LIMIT,
                   help=f"正则表达式检索的时限（默认 {REGEX_TIME_LIMIT:g} 秒），超时则报错")
    p.add_argument("--window", metavar="字数", type=nonnegative_int, default=20, help="左右各显示多少个字（默认 20）")
    p.add_argument("--sort", choices=["left", "right"], default=None, help="按左侧（left）或右侧（right）上下文排序")
    p = add("keywords")
    _add_input(p)
    p.add_argument("--method", choices=["log-likelihood", "tfidf"], default="log-likelihood",
                   help="计算方法：对数似然比（log-likelihood，默认）或 TF-IDF（tfidf）")
    p.add_argument("--top", metavar="个数", type=positive_int, default=30, help="显示前多少个（默认 30）")
    p = add("export")
    _add_input(p)
    p.add_argument("out", metavar="输出文件", nargs="?", help="输出文件（.md 或 .docx）")
    p.add_argument("--force", action="store_true", help="输出文件已经存在时替换它（默认不替换）")
    p = add("cheatsheet")
    p.add_argument("--out", metavar="HTML文件", required=True, help="速查表的 HTML 文件（如 速查表.html），可在浏览器中打印")
    p.add_argument("--pdf", metavar="PDF文件", default=None, help="同时用 Chromium 打印成 A4 的 PDF 文件（如 速查表.pdf）")
    p.add_argument("--force", action="store_true", help="输出文件已经存在时替换它（默认不替换）")
    sub.add_parser("teach", help=COMMAND_HELP["teach"], add_help=False)
    return parser


def _is_shipped_name(name: str) -> bool:
    """Whether ``name`` names a text shipped with the kit (what ``baogao.get`` resolves)."""
    return (name in (SPECIMEN_ID, SPECIMEN_ID + ":corrected", SPECIMEN_ID + ":raw")
            or name.startswith(("example:", "examples/", "corpus/")) or name in corpus_ids())


def _read_stdin(args) -> Report:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise UsageError("没有可读取的标准输入：请给出文件名，或用 --text “……”直接给出文字。")
    if getattr(sys.stdin, "isatty", lambda: False)():
        sys.stderr.write("提示：正在从标准输入读取报告，输入完毕后按 Ctrl-D（Windows 上按 Ctrl-Z 再回车）结束。\n")
    limit = DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes
    data = stream.read(limit + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    return load(data, encoding=args.encoding, name="标准输入", max_bytes=args.max_bytes)


def open_report(args) -> Report:
    """The report the arguments name: ``--text``, ``-`` (stdin), a file, or a shipped text.

    A name that is none of these is a missing file (never text to analyse).
    """
    if args.text is not None:
        if args.file is not None:
            raise UsageError(f"同时给了文件“{args.file}”和 --text：请只用其中一个。")
        if not args.text.strip():
            raise EmptyFileError("--text 给出的文字是空的：里面没有任何文字。")
        return Report.from_text(args.text, source="<文本>", encoding="utf-8")
    if args.file is None:
        raise UsageError(f"缺少参数：请指定要分析的文件，例如：baogao {args.command} 报告.txt"
                         "（也可以用 --text “……”直接给出文字）。")
    if args.file == "-":
        return _read_stdin(args)
    if os.path.lexists(args.file):
        return load(args.file, encoding=args.encoding, max_bytes=args.max_bytes)
    if _is_shipped_name(args.file):
        return get(args.file)
    raise MissingFileError(f"找不到文件“{args.file}”：请检查路径和文件名是否正确"
                           "（要分析一段文字，请用 --text “……”，或用“-”从标准输入读取）。", path=args.file)


def _second_positional(args, name: str) -> None:
    """With --text the first positional is the command's second one (QUERY, OUT): move it."""
    if args.text is not None and getattr(args, name) is None and args.file is not None:
        setattr(args, name, args.file)
        args.file = None


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def cmd_outline(args) -> int:
    report = open_report(args)
    outline = report.outline()
    if args.json:
        _print_json(outline.to_dict())
    else:
        sys.stdout.write(outline.render() + "\n")
    return EXIT_OK


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]


def cmd_lint(args) -> int:
    if args.list_rules:
        for r in catalogue():
            sys.stdout.write(f"{r.id:<32} {FAMILIES[r.family]:<8} {SEVERITY_LABELS[r.severity]}  {r.title}\n")
        return EXIT_OK
    if args.file is None and args.text is None:
        raise UsageError("缺少参数：请指定要校对的文件，例如：baogao lint 报告.docx"
                         "（也可以用 --text “……”直接给出文字）。")
    report = open_report(args)
    findings = lint(report, select=_split(args.select) or None, ignore=_split(args.ignore) or None)
    if args.json:
        _print_json([f.to_dict() for f in findings])
    else:
        sys.stdout.write(render_findings(report, findings))
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def render_findings(report, findings) -> str:
    """Findings by line, each with its context and the offending text marked 【…】."""
    out = []
    for f in findings:
        line = report.line(f.line).text
        a, b = f.column - 1, f.end_column - 1
        left = line[max(0, a - 12):a]
        right = line[b:b + 12]
        out.append(f"{location_text(f)}  {SEVERITY_LABELS[f.severity]}  [{f.rule}] {message_text(f)}")
        marked = line[a:b] if b - a <= 40 else line[a:a + 18] + "……" + line[b - 18:b]
        out.append(f"    …{left}【{marked}】{right}…")
    out.append(summary_text(findings))
    return "\n".join(out) + "\n"


def _plain(value):
    """numpy and pandas scalars as plain JSON values (NaN as null, 12.0 as 12)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return int(value)
    return value


def cmd_stats(args) -> int:
    report = open_report(args)
    stats = {k: _plain(v) for k, v in analyze(report).stats.items()}
    if args.json:
        _print_json(stats)
        return EXIT_OK
    out = [f"来源：{report.source}"]
    for key, value in stats.items():
        out.append(f"  {STAT_LABELS.get(key, key)}：{value}")
    out.append("  注：可读性指数出自对上市公司年报的研究，用于政府报告时仅供比较参考。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_numbers(args) -> int:
    report = open_report(args)
    q = analyze(report).quantities
    rows = [{"raw": r.raw, "value": _plain(r.value), "value_high": _plain(r.value_high), "unit": r.unit,
             "qualifier": r.qualifier,
             "line": int(r.line), "column": int(r.column), "sentence": r.sentence_text}
            for r in q.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    out = [f"第{r['line']}行第{r['column']}列  {r['raw']}  = {r['value']} {r['unit']}"
           + (f"（{r['qualifier']}）" if r["qualifier"] else "") for r in rows]
    out.append(f"共 {len(rows)} 个数量。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_kwic(args) -> int:
    _second_positional(args, "query")
    if args.query is None and (args.file is not None or args.text is not None):
        raise UsageError("缺少检索词：请在文件后面写上要查找的字或词，例如：baogao kwic 报告.txt 青年。")
    report = open_report(args)
    if not args.query:
        raise UsageError("检索词不能为空：请写上要查找的字、词或短语。")
    with regex_time_limit(args.time_limit):
        frame = kwic(report, args.query, regex=args.regex, window=args.window, sort=args.sort)
    rows = [{"line": int(r.line), "column": int(r.column), "left": r.left, "match": r.match,
             "right": r.right} for r in frame.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    width = max((len(r["left"]) for r in rows), default=0)
    out = [f"第{r['line']:>4}行  {r['left']:>{width}}【{r['match']}】{r['right']}" for r in rows]
    out.append(f"共 {len(rows)} 处。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_keywords(args) -> int:
    report = open_report(args)
    frame = keyness(report, method=args.method, top=args.top)
    rows = [{"word": r.word, "score": round(float(r.score), 3), "freq": int(r.freq),
             "ref_freq": int(r.ref_freq)} for r in frame.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    name = "对数似然比" if args.method == "log-likelihood" else "TF-IDF"
    out = [f"主题词（{name}，参考语料：17 篇政府工作报告）"]
    out += [f"{i:>3}. {r['word']:<8} 得分 {r['score']:>9.2f}  本文 {r['freq']:>4} 次  参考语料 {r['ref_freq']:>6} 次"
            for i, r in enumerate(rows, 1)]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_export(args) -> int:
    _second_positional(args, "out")
    if args.out is None and (args.file is not None or args.text is not None):
        raise UsageError("缺少输出文件：请在文件后面写上要导出的文件名，例如：baogao export 草稿.txt 草稿.docx。")
    report = open_report(args)
    path = export(report, args.out, force=args.force)
    if args.json:
        _print_json({"source": report.source, "out": str(path)})
    else:
        sys.stdout.write(f"已导出：{path}\n")
    return EXIT_OK


def cmd_cheatsheet(args) -> int:
    from baogao.doctor import chromium_path  # only this command needs doctor's and the sheet's modules
    from baogao.export.cheatsheet import write_cheatsheet

    chromium = chromium_path() if args.pdf is not None else None  # found as the browser tests find it
    html_path, pdf_path = write_cheatsheet(args.out, args.pdf, chromium=chromium, force=args.force)
    sys.stdout.write(f"已生成速查表：{html_path}\n" + (f"已生成 PDF：{pdf_path}\n" if pdf_path else ""))
    return EXIT_OK


COMMANDS = {"outline": cmd_outline, "lint": cmd_lint, "stats": cmd_stats, "numbers": cmd_numbers,
            "kwic": cmd_kwic, "keywords": cmd_keywords, "export": cmd_export, "cheatsheet": cmd_cheatsheet}
