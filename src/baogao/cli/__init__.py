"""The ``baogao`` command line.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3). A bare ``baogao`` prints the list of
commands on stderr and exits 2 (it ran nothing).
"""
from __future__ import annotations

import sys
import warnings

from baogao.cli.common import EXIT_BAD_INPUT, command_list, guarded, parse, show_warning
from baogao.cli.reports import COMMAND_HELP, COMMANDS, DESCRIPTION, build_parser
from baogao.cli.teach import main as teach_main


def main(argv: list[str] | None = None) -> int:
    warnings.showwarning = show_warning
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "teach":
        return teach_main(argv[1:])

    def run() -> int:
        if not argv:
            sys.stderr.write(command_list("baogao", DESCRIPTION, COMMAND_HELP))
            return EXIT_BAD_INPUT
        args = parse(build_parser(), argv)
        if isinstance(args, int):  # --help, --version
            return args
        return COMMANDS[args.command](args)
    return guarded(run)
