"""Reading what a sandbox wrote: refused before parsing when too large, and
never through a symlink (the sandbox could point one anywhere)."""

from __future__ import annotations

import os
from pathlib import Path


class TooLarge(Exception):
    """The file is over the limit."""


def read_text(path: Path, limit: int) -> str:
    """A file's UTF-8 text, or ``TooLarge`` before more than ``limit`` bytes are read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > limit:
            raise TooLarge(path)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path)
    return data.decode("utf-8")
