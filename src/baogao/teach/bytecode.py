"""Write the kit's bytecode once, before many processes import it.

An editable install (``pip install -e .``, the README's) leaves no ``.pyc``
files, and a process started with ``PYTHONDONTWRITEBYTECODE=1`` never writes
them: every such process compiles the kit's modules from source again. The
grader's sandboxed kernels run that way on purpose (their view of the kit is
read-only), and so does every process on a machine that sets the variable;
importing the lessons then costs about 0.3 s of CPU more per process. Compiling
the package once, in the process that is about to start the others, removes
that cost; a folder that cannot be written is simply left as it is.
"""

from __future__ import annotations

import compileall
from pathlib import Path


def package_root() -> Path:
    """The folder of the ``baogao`` package this process imported."""
    return Path(__file__).resolve().parents[1]


def compile_package(root: Path | None = None) -> bool:
    """Write missing or stale ``.pyc`` files under ``root`` (the kit by default).

    Returns True when every module has current bytecode, False when some could
    not be written (a read-only install, a full disk); never raises for that,
    because bytecode only saves time."""
    try:
        return bool(compileall.compile_dir(str(root or package_root()), quiet=2, workers=1))
    except OSError:  # py_compile lets a failed mkdir or write through
        return False
