"""The grading journal: one JSON line per graded notebook, written as each
notebook finishes, so an interrupted run resumes where it stopped.

A record is ``{"notebook", "sha256", "fingerprint", "rows", "seconds"}``. A
notebook is graded again only when its content (``sha256``) or the grading
setup (``fingerprint``: options, check modules, reference notebook) changed;
the latest record of a notebook wins. A line cut short by a crash is ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


class Journal:
    def __init__(self, path):
        self.path = Path(path)

    def records(self) -> dict[str, dict]:
        """Latest complete record per notebook."""
        out: dict[str, dict] = {}
        if not self.path.exists():
            return out
        with self.path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # a line cut short by an interruption
                if isinstance(record, dict) and "notebook" in record and "rows" in record:
                    out[record["notebook"]] = record
        return out

    def append(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        with self.path.open("a+b") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell():
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":  # the previous run died mid-line
                    fh.write(b"\n")
            fh.write(line.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())

    def clear(self) -> None:
        if self.path.exists():
            self.path.unlink()
