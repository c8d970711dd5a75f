"""Memory and process limits for a sandbox as a whole, the best this machine offers.

RLIMIT_AS is per process: two children of 3 GB each pass a 4 GB limit. A
control group counts every process of the sandbox together, so the grader
uses one where it can, in this order:

1. ``cgroup2``: a child of the grader's own group in the unified hierarchy,
   when the memory and pids controllers can be enabled there;
2. ``cgroup1``: children in the legacy memory and pids hierarchies (many
   containers);
3. ``systemd``: ``systemd-run --user --scope -p MemoryMax= -p TasksMax=``
   (a desktop or a server with a user session);
4. ``rlimit``: only per-process limits (RLIMIT_AS; RLIMIT_NPROC, which does
   not bind root). ``describe()`` says so in the report.

A group is created before the sandbox starts; ``command`` starts the sandbox through ``kernel_launcher``, which puts itself
into it before it execs the sandbox, so every process of the sandbox is
counted from the first instruction, and ``close()`` kills whatever is left
and removes the group.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_TASKS = 256  # processes and threads of one sandbox (ipykernel alone uses about ten)

DESCRIPTIONS = {
    "cgroup2": "内存和进程数按整个沙箱限制（cgroup v2）",
    "cgroup1": "内存和进程数按整个沙箱限制（cgroup v1）",
    "systemd": "内存和进程数按整个沙箱限制（systemd-run --user --scope）",
    "rlimit": "只能按单个进程限制内存（RLIMIT_AS）：这台机器不允许批改程序使用 cgroup，"
              "多个子进程合计仍可能超过上限",
}


def _mounts() -> list[tuple[str, str, set[str]]]:
    """(mount point, fs type, options) of the cgroup file systems."""
    out = []
    try:
        with open("/proc/self/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 4 and parts[2] in ("cgroup", "cgroup2"):
                    out.append((parts[1], parts[2], set(parts[3].split(","))))
    except OSError:
        pass
    return out


def _own_paths() -> dict[str, str]:
    """Controller (or "" for the unified hierarchy) → this process's group path."""
    out = {}
    try:
        with open("/proc/self/cgroup", encoding="utf-8") as fh:
            for line in fh:
                _id, controllers, path = line.rstrip("\n").split(":", 2)
                for c in controllers.split(",") if controllers else [""]:
                    out[c] = path
    except OSError:
        pass
    return out


def _write(path: Path, value: str) -> None:
    with open(path, "w", encoding="ascii") as fh:
        fh.write(value)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii")
    except OSError:
        return ""


def _stat(text: str, key: str) -> int:
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == key and value.strip().isdigit():
            return int(value)
    return 0


#: ``kernel_launcher.py`` (standard library only), run as a file.
LAUNCHER = Path(__file__).resolve().with_name("kernel_launcher.py")


def launcher_command() -> list[str]:
    """How to start ``kernel_launcher``: its file, isolated and without site-packages.

    Not ``-m baogao.teach.kernel_launcher``, which imports the kit's package
    first: 0.35 s of CPU for every kernel and every function run, before the
    launcher ``exec``s what it starts.
    """
    return [sys.executable, "-I", "-S", str(LAUNCHER)]


@dataclass
class Group:
    """The control group(s) of one sandbox."""

    mechanism: str
    dirs: list[Path] = field(default_factory=list)
    prefix: list[str] = field(default_factory=list)  # command prefix (systemd-run)

    def command(self, argv: list[str], memory_mb: int, tasks: int) -> list[str]:
        """``argv`` started by ``kernel_launcher`` inside this group, under the limits."""
        if os.name != "posix":
            return argv
        cgroups = [arg for d in self.dirs for arg in ("--cgroup", str(d))]
        return [*launcher_command(), "--memory-mb", str(memory_mb),
                "--tasks", str(tasks), *cgroups, "--", *self.prefix, *argv]

    def out_of_memory(self) -> bool:
        """Did the kernel's OOM killer act inside the group?"""
        for d in self.dirs:
            if (d / "memory.events").exists() and _stat(_read(d / "memory.events"), "oom_kill"):
                return True
            if (d / "memory.oom_control").exists() and _stat(_read(d / "memory.oom_control"), "oom_kill"):
                return True
        return False

    def too_many_tasks(self) -> bool:
        return any(_stat(_read(d / "pids.events"), "max") for d in self.dirs if (d / "pids.events").exists())

    def close(self) -> None:
        """Kill every process left in the group, then remove it."""
        for d in self.dirs:
            if (d / "cgroup.kill").exists():
                try:
                    _write(d / "cgroup.kill", "1")
                except OSError:
                    pass
            for _ in range(50):
                pids = [int(p) for p in _read(d / "cgroup.procs").split() if p.isdigit()]
                if not pids:
                    break
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                time.sleep(0.02)
            try:
                d.rmdir()
            except OSError:
                pass


def _v2_group(memory_mb: int, tasks: int) -> Group | None:
    mount = next((m for m, kind, _ in _mounts() if kind == "cgroup2"), None)
    own = _own_paths().get("")
    if mount is None or own is None:
        return None
    parent = Path(mount) / own.lstrip("/")
    try:
        wanted = {"memory", "pids"}
        enabled = set(_read(parent / "cgroup.subtree_control").split())
        if not wanted <= enabled:
            _write(parent / "cgroup.subtree_control", " ".join(f"+{c}" for c in wanted - enabled))
        d = parent / f"baogao-{os.getpid()}-{secrets.token_hex(4)}"
        d.mkdir()
    except OSError:
        return None
    group = Group("cgroup2", [d])
    try:
        if memory_mb > 0:
            _write(d / "memory.max", str(memory_mb * 1024 * 1024))
            if (d / "memory.swap.max").exists():
                _write(d / "memory.swap.max", "0")
        _write(d / "pids.max", str(tasks))
    except OSError:
        group.close()
        return None
    return group


def _v1_group(memory_mb: int, tasks: int) -> Group | None:
    own = _own_paths()
    mounts = {c: m for m, kind, opts in _mounts() if kind == "cgroup" for c in ("memory", "pids") if c in opts}
    if not {"memory", "pids"} <= mounts.keys() or not {"memory", "pids"} <= own.keys():
        return None
    group = Group("cgroup1")
    name = f"baogao-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        for c in ("memory", "pids"):
            d = Path(mounts[c]) / own[c].lstrip("/") / name
            d.mkdir()
            group.dirs.append(d)
        memory, pids = group.dirs
        if memory_mb > 0:
            _write(memory / "memory.limit_in_bytes", str(memory_mb * 1024 * 1024))
            if (memory / "memory.memsw.limit_in_bytes").exists():
                try:  # swap accounting may be off: the memory limit still holds
                    _write(memory / "memory.memsw.limit_in_bytes", str(memory_mb * 1024 * 1024))
                except OSError:
                    pass
        _write(pids / "pids.max", str(tasks))
    except OSError:
        group.close()
        return None
    return group


@lru_cache(maxsize=1)
def _systemd_works() -> bool:
    if shutil.which("systemd-run") is None:
        return False
    try:
        return subprocess.run(["systemd-run", "--user", "--scope", "-q", "true"], check=False,
                              capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def create(memory_mb: int, tasks: int = DEFAULT_TASKS, mechanism: str | None = None) -> Group:
    """A group for one sandbox, by the best mechanism available (or the one named)."""
    order = [mechanism] if mechanism else ["cgroup2", "cgroup1", "systemd", "rlimit"]
    for name in order:
        if name == "cgroup2" and (group := _v2_group(memory_mb, tasks)):
            return group
        if name == "cgroup1" and (group := _v1_group(memory_mb, tasks)):
            return group
        if name == "systemd" and _systemd_works():
            prefix = ["systemd-run", "--user", "--scope", "-q", "-p", f"TasksMax={tasks}"]
            if memory_mb > 0:
                prefix += ["-p", f"MemoryMax={memory_mb}M", "-p", "MemorySwapMax=0"]
            return Group("systemd", prefix=prefix + ["--"])
    return Group("rlimit")


@lru_cache(maxsize=1)
def best() -> str:
    """The mechanism ``create`` picks on this machine."""
    group = create(256, 64)
    group.close()
    return group.mechanism


def describe(mechanism: str | None = None) -> str:
    return DESCRIPTIONS[mechanism or best()]
