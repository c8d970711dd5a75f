"""What every ``baogao`` command shares: the Chinese argument parser and the exit codes.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3).

``ChineseParser`` is argparse with Chinese help (用法, 位置参数, 选项, -h/--help
显示本帮助并退出) and every usage error as one Chinese sentence, raised as
UsageError; ``command_list`` is what a bare ``baogao`` or ``baogao teach``
prints; ``guarded`` runs a command and turns any error into its sentence.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata

from baogao.errors import BaogaoError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

#: The metavar of every sub-command argument (how a missing or unknown command is recognised).
COMMAND_METAVAR = "命令"

_CJK = re.compile(r"[\u4e00-\u9fff]")


#: The one-line help of the commands with a parser of their own (``baogao doctor``,
#: ``baogao score``), here so that the command list needs no import of their modules.
SUBPROGRAM_HELP = {
    "doctor": "环境检查：这台电脑能否运行本套教材，每个问题都给出解决办法",
    "score": "评测：按样本报告的勘误表给校对结果打分，分类别给出查全率和查准率",
}


def display_width(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (CJK) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: Punctuation that never starts a line, and punctuation that never ends one.
_NO_LINE_START = "，。、；：？！）】》〉」』”’…·%"
_NO_LINE_END = "（【《〈「『“‘"
_TOKENS = re.compile(r"[\x21-\x7e]+|\s+|.")  # an ASCII word stays whole, any other character breaks


def wrap_cjk(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, breaking between Chinese characters
    (and at spaces between ASCII words), never before a closing or after an opening mark."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        w = display_width(token)
        if line.strip() and used + w > width and token[0] not in _NO_LINE_START:
            carry = ""
            while line and line[-1] in _NO_LINE_END and len(line) > 1:
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line.rstrip())
            line, used = carry, display_width(carry)
        line, used = line + token, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout in Chinese: "用法：", section titles with a full-width colon,
    columns and line breaks measured in display width (a Chinese character is two
    columns wide), and the commands of a sub-command argument listed without a
    header line of their own."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _format_usage(self, *args):
        width = self._width
        try:
            for _ in range(4):  # argparse wraps usage by len(): narrow it until it fits
                text = super()._format_usage(*args)
                excess = max(map(display_width, text.splitlines()), default=0) - width
                if excess <= 0 or self._width - excess < 20:
                    break
                self._width -= excess
        finally:
            self._width = width
        return text

    def format_help(self) -> str:
        return re.sub(r"^(位置参数|选项|命令):$", r"\1：", super().format_help(), flags=re.M)

    def _split_lines(self, text, width):
        return wrap_cjk(text, width)

    def _fill_text(self, text, width, indent):
        return "\n".join(indent + line for line in wrap_cjk(text, width - len(indent)))

    def _invocations(self, action) -> list[str]:
        if isinstance(action, argparse._SubParsersAction):
            return [self._format_action_invocation(a) for a in action._get_subactions()]
        return [self._format_action_invocation(action)]

    def add_argument(self, action):
        if action.help is not argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            longest = max(map(display_width, self._invocations(action)), default=0)
            self._action_max_length = max(self._action_max_length, longest + self._current_indent)
            self._add_item(self._format_action, [action])

    def _format_action(self, action):
        if isinstance(action, argparse._SubParsersAction):
            return self._join_parts([self._format_action(a) for a in action._get_subactions()])
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if not action.help:
            return indent + header + "\n"
        if display_width(header) <= action_width:
            parts = [indent + header + " " * (action_width - display_width(header) + 2)]
            first = ""
        else:
            parts = [indent + header + "\n"]
            first = " " * help_position
        lines = self._split_lines(self._expand_help(action), help_width)
        parts.append(first + lines[0] + "\n")
        parts += [" " * help_position + line + "\n" for line in lines[1:]]
        return self._join_parts(parts)


class ChineseParser(argparse.ArgumentParser):
    """argparse in Chinese: help with Chinese section titles and -h/--help, and every
    error as one Chinese sentence raised as UsageError (exit status 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def error(self, message: str):  # noqa: D401 - argparse API
        raise UsageError(self.sentence(message))

    def sentence(self, message: str) -> str:
        """argparse's English error ``message`` as one Chinese sentence."""
        help_ref = f"（见 {self.prog} --help）"
        m = re.match(r"the following arguments are required: (.*)", message)
        if m:
            names = [n.strip() for n in m.group(1).split(",")]
            if COMMAND_METAVAR in names:
                return (f"缺少命令：请在 {self.prog} 后面写上要运行的命令"
                        f"（直接运行 {self.prog} 可看到命令列表）。")
            return f"缺少参数：{'、'.join(names)}{help_ref}。"
        m = re.match(r"argument (.+?): invalid choice: '?(.*?)'? \(choose from (.*)\)$", message)
        if m:
            name, value = m.group(1), m.group(2)
            choices = "、".join(c.strip().strip("'\"") for c in m.group(3).split(","))
            if name == COMMAND_METAVAR:
                return f"没有这个命令：“{value}”；可用的命令有 {choices}（见 {self.prog} --help）。"
            return f"选项 {name} 的取值只能是 {choices}，不能是“{value}”。"
        m = re.match(r"unrecognized arguments: (.*)", message)
        if m:
            return f"无法识别的参数：{m.group(1)}{help_ref}。"
        m = re.match(r"argument (.+?): expected one argument", message)
        if m:
            return f"选项 {m.group(1)} 后面缺少取值{help_ref}。"
        m = re.match(r"argument (.+?): invalid (int|float) value: '?(.*?)'?$", message)
        if m:
            kind = "整数" if m.group(2) == "int" else "数字"
            return f"选项 {m.group(1)} 的取值应为{kind}，不能是“{m.group(3)}”。"
        m = re.match(r"ambiguous option: (\S+) could match (.*)", message)
        if m:
            matches = "、".join(x.strip() for x in m.group(2).split(","))
            return f"选项 {m.group(1)} 不明确：它可以是 {matches}，请写全。"
        m = re.match(r"argument (.+?): not allowed with argument (.+)", message)
        if m:
            return f"选项 {m.group(1)} 和 {m.group(2)} 不能同时使用。"
        m = re.match(r"argument (.+?): ignored explicit argument '?(.*?)'?$", message)
        if m:
            return f"选项 {m.group(1)} 不带取值，不能写成“{m.group(1)}={m.group(2)}”。"
        m = re.match(r"argument (.+?): (.*)", message)
        if m and _CJK.search(m.group(2)):  # a Chinese sentence of one of our type= checks
            rest = m.group(2)
            return f"选项 {m.group(1)} 的{rest}" if rest.startswith("取值") else rest
        return f"命令行参数有误{help_ref}。"


def command_list(prog: str, description: str, commands: dict[str, str]) -> str:
    """The text a bare ``prog`` prints: a usage line and one line per command."""
    width = max(len(name) for name in commands)
    first = next(iter(commands))
    lines = [f"用法：{prog} {COMMAND_METAVAR} [参数……]", "", description, "", "命令："]
    lines += [f"  {name:<{width}}  {text}" for name, text in commands.items()]
    lines += ["", f"每个命令的用法：{prog} {COMMAND_METAVAR} --help，例如 {prog} {first} --help。"]
    return "\n".join(lines) + "\n"


def parse(parser: argparse.ArgumentParser, argv: list[str]):
    """``parser.parse_args(argv)``; --help and --version return their exit status instead."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # -h/--help and --version print and exit 0
        return int(exc.code or 0)


def guarded(run, *, interrupted: str = "已中断。") -> int:
    """Run a command: UTF-8 output, and one sentence instead of any traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    try:
        return run()
    except BaogaoError as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write(interrupted + "\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback for a student or a teacher
        if os.environ.get("BAOGAO_DEBUG"):
            raise
        sys.stderr.write(f"内部错误（{type(exc).__name__}）：{exc}。这是 baogao 的缺陷，请附上输入文件报告给维护者"
                         "（设置 BAOGAO_DEBUG=1 可看到详细信息）。\n")
        return EXIT_INTERNAL


def show_warning(message, category, filename, lineno, file=None, line=None):
    """Warnings reach a student as one Chinese line on stderr, without Python's source line."""
    sys.stderr.write(f"提示：{message}\n")
