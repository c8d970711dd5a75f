"""What every benchmark saves with ``--save PATH``: its run, its machine and its figures.

A benchmark builds one ``Run`` when it starts (the command line, the date in
UTC, the machine and its load average at start) and calls ``Run.save`` at the
end with its figures (the load average is read again then). Figures are
``summary(values)`` dicts: ``n``, ``median``, ``min``, ``max`` and the values
themselves, so that ``tools/speed_section.py`` renders ``median (min–max)``
from the file alone. The file is UTF-8 JSON with sorted keys, written through a
temporary file and a rename.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shlex
import statistics
import sys
from pathlib import Path

#: Bumped when the layout of a saved file changes.
FORMAT = 1


def load_average() -> list[float] | None:
    """The 1-, 5- and 15-minute load averages, where the OS has them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def reap(proc) -> float | None:
    """Wait for a child (setting its ``returncode``): its peak resident memory in
    KiB where the OS reports it (``os.wait4``; macOS counts bytes), else None."""
    if not hasattr(os, "wait4"):
        proc.wait()
        return None
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)


def summary(values) -> dict:
    """n, median, min, max (and the values) of a non-empty series."""
    values = [float(v) for v in values]
    if not values:
        raise ValueError("no values to summarise")
    return {"n": len(values), "median": statistics.median(values), "min": min(values),
            "max": max(values), "values": values}


def command_line(argv: list[str] | None = None) -> str:
    """The command as typed from the project's root: ``python bench/….py ARGS``."""
    argv = list(sys.argv if argv is None else argv)
    script = Path(argv[0])
    try:
        script = script.resolve().relative_to(Path(__file__).resolve().parent.parent)
    except ValueError:
        pass
    return shlex.join(["python", script.as_posix(), *argv[1:]])


class Run:
    """One run of a benchmark, from its start to ``save``."""

    def __init__(self, benchmark: str, argv: list[str] | None = None):
        self.benchmark = benchmark
        self.command = command_line(argv)
        self.date = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
        self.machine = {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_start": load_average(),
        }

    def save(self, path: str | os.PathLike | None, **figures) -> None:
        """Write the run and its figures to ``path`` (nothing when ``path`` is None)."""
        if path is None:
            return
        machine = dict(self.machine, load_end=load_average())
        data = {"format": FORMAT, "benchmark": self.benchmark, "command": self.command,
                "date": self.date, "machine": machine, **figures}
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
