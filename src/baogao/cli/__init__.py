"""The ``baogao`` command line.

Exit codes: 0 ok, 1 findings (lint; a failed check of ``baogao doctor``), 2 bad
input or usage — always with one clear sentence on stderr, never a traceback
(set BAOGAO_DEBUG=1 to see one for an internal error, which exits 3). A bare
``baogao`` prints the list of commands on stderr and exits 2 (it ran nothing).
"""
from __future__ import annotations

import argparse
import sys
import warnings

from baogao.cli.common import EXIT_BAD_INPUT, SUBPROGRAM_HELP, command_list, guarded, parse, show_warning
from baogao.cli.reports import COMMAND_HELP, COMMANDS, DESCRIPTION, build_parser

def _teach(argv: list[str]) -> int:
    from baogao.cli.teach import main  # only `baogao teach` needs the grader's modules

    return main(argv)


def _doctor(argv: list[str]) -> int:
    from baogao.cli.doctor import main  # only `baogao doctor` needs its checks

    return main(argv)


def _score(argv: list[str]) -> int:
    from baogao.cli.score import main  # only `baogao score` needs the scorer

    return main(argv)


#: Commands with a parser of their own, dispatched before the report commands'
#: parser runs; each imported when it runs, so that `baogao lint` does not pay for them.
SUBPROGRAMS = {"teach": _teach, "doctor": _doctor, "score": _score}


def _parser() -> argparse.ArgumentParser:
    """The report commands' parser, with ``doctor`` and ``score`` listed in its help and its choices."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, help_text in SUBPROGRAM_HELP.items():
        commands.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.showwarning = show_warning
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] in SUBPROGRAMS:
        return SUBPROGRAMS[argv[0]](argv[1:])

    def run() -> int:
        if not argv:
            commands = {**COMMAND_HELP, **SUBPROGRAM_HELP}
            sys.stderr.write(command_list("baogao", DESCRIPTION, commands))
            return EXIT_BAD_INPUT
        args = parse(_parser(), argv)
        if isinstance(args, int):  # --help, --version
            return args
        return COMMANDS[args.command](args)
    return guarded(run)
