"""The grading journal: one JSON line per graded notebook, written as each
notebook finishes, so an interrupted run resumes where it stopped.

A record is ``{"notebook", "sha256", "fingerprint", "rows", "seconds", "mac"}``.
A notebook is graded again only when its content (``sha256``) or the grading
setup (``fingerprint``: options, check modules, reference notebook) changed;
the latest record of a notebook wins. A line cut short by a crash is ignored.

``mac`` is an HMAC-SHA256 of the record under a key kept beside the journal
(``*.key``, readable by its owner only) and never given to a notebook: a
resumed run ignores (and grades again) any record it did not write itself —
one edited or forged by hand or by another program.

``lock()`` keeps a second grader off the same output: it refuses at once
instead of grading every notebook twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from baogao.errors import UsageError

try:
    import fcntl
except ImportError:  # Windows: an exclusive lock file instead
    fcntl = None


class Journal:
    def __init__(self, path):
        self.path = Path(path)
        self.key_path = self.path.with_name(self.path.name + ".key")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        #: Records whose MAC did not verify at the last ``records()``.
        self.rejected = 0
        self._key: bytes | None = None

    # -- the key and the MAC ----------------------------------------------------
    def key(self) -> bytes:
        if self._key is None:
            try:
                self._key = bytes.fromhex(self.key_path.read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                key = secrets.token_bytes(32)
                tmp = self.key_path.with_name(self.key_path.name + ".tmp")
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="ascii") as fh:
                    fh.write(key.hex())
                os.replace(tmp, self.key_path)
                self._key = key
        return self._key

    def _mac(self, record: dict) -> str:
        body = json.dumps({k: v for k, v in record.items() if k != "mac"}, ensure_ascii=False, sort_keys=True)
        return hmac.new(self.key(), body.encode("utf-8"), hashlib.sha256).hexdigest()

    # -- records ------------------------------------------------------------------
    def records(self) -> dict[str, dict]:
        """Latest complete, verified record per notebook."""
        out: dict[str, dict] = {}
        self.rejected = 0
        if not self.path.exists():
            return out
        with self.path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # a line cut short by an interruption
                if not (isinstance(record, dict) and "notebook" in record and "rows" in record):
                    continue
                if not hmac.compare_digest(str(record.get("mac", "")), self._mac(record)):
                    self.rejected += 1
                    continue
                out[record["notebook"]] = record
        return out

    def append(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {**record, "mac": self._mac(record)}
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

    # -- one grader at a time -------------------------------------------------------
    @contextlib.contextmanager
    def lock(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        busy = UsageError(f"另一个批改进程正在写入“{self.path.name}”（锁文件 {self.lock_path.name}）："
                          "请等它结束，或换一个 --out。")
        if fcntl is not None:
            fh = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the whole run
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                fh.close()
                raise busy from None
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
                fh.close()
            return
        try:
            fd = os.open(self.lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            raise busy from None
        try:
            yield
        finally:
            os.close(fd)
            self.lock_path.unlink(missing_ok=True)
