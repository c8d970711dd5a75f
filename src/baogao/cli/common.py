"""The ``baogao`` command line.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3).
"""
from __future__ import annotations

import argparse
import os
import sys

from baogao.errors import BaogaoError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class ChineseParser(argparse.ArgumentParser):
    """argparse with Chinese error sentences, raised as UsageError (exit status 2).

    ``command_hint`` names the command whose --help to suggest; ``missing_hint``
    replaces the sentence for a missing positional argument.
    """

    command_hint = "baogao"
    missing_hint = "缺少参数：请指定要分析的文件，例如：baogao outline 报告.txt"
    choices_hint = "没有这个命令：可用的命令见 baogao --help。"

    def error(self, message: str):  # noqa: D401 - argparse API
        help_ref = f"（见 {self.command_hint} --help）"
        if "required" in message:
            text = self.missing_hint or ("缺少参数：" + message.split(":", 1)[-1].strip() + help_ref + "。")
        elif "invalid choice" in message:
            text = self.choices_hint
        elif "unrecognized arguments" in message:
            text = "无法识别的参数：" + message.split(":", 1)[-1].strip() + help_ref + "。"
        elif "expected one argument" in message:
            text = "选项缺少取值：" + message.split(":", 1)[0].replace("argument ", "") + "。"
        elif "invalid int value" in message or "invalid float value" in message:
            option = message.split(":", 1)[0].replace("argument ", "")
            value = message.rsplit(":", 1)[-1].strip()
            kind = "整数" if "int" in message else "数字"
            text = f"选项 {option} 的取值应为{kind}，不能是 {value}。"
        else:
            text = "参数有误：" + message + help_ref + "。"
        raise UsageError(text)


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
