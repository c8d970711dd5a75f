"""Start a sandbox or a kernel under limits: ``python -I -S kernel_launcher.py
[--memory-mb N] [--tasks N] [--cgroup DIR]… -- COMMAND…`` (``limits.launcher_command``;
standard library only, so that it starts in 20 ms without importing the kit).

The grader prefixes the sandbox command (or, without a sandbox, the kernel
command) with this launcher. It first moves itself into each ``--cgroup``
folder (``limits``), so that the whole sandbox is counted from its first
instruction; then it sets ``RLIMIT_AS`` (address space:
an allocation beyond it raises ``MemoryError`` in the student's code) and
``RLIMIT_CORE`` 0 (a crashing kernel leaves no core file), then ``exec``s the
kernel: same process id, so jupyter_client's interrupts, the heartbeat and
ipykernel's parent watch are unchanged. Where the ``resource`` module or the
limit is unavailable (Windows; some macOS versions refuse RLIMIT_AS) the
kernel starts without a limit.
"""

from __future__ import annotations

import os
import sys

try:
    import resource
except ImportError:  # Windows: no resource limits
    resource = None


def apply_limits(memory_mb: int) -> bool:
    """Set the limits on this process; False when the OS does not support them."""
    if resource is None:
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    if memory_mb <= 0:
        return True
    limit = memory_mb * 1024 * 1024
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        # Soft and hard alike: the student's code cannot raise it again.
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError, AttributeError):
        return False
    return True


def limit_tasks(tasks: int) -> None:
    """RLIMIT_NPROC: counts all processes of the user (and does not bind root),
    so it is set only where no control group counts the sandbox's tasks."""
    if resource is None or tasks <= 0 or not hasattr(resource, "RLIMIT_NPROC") or os.geteuid() == 0:
        return
    try:
        running = sum(1 for d in os.listdir("/proc") if d.isdigit() and os.stat(f"/proc/{d}").st_uid == os.getuid())
        resource.setrlimit(resource.RLIMIT_NPROC, (running + tasks, running + tasks))
    except (ValueError, OSError):
        pass


def join_cgroup(folder: str) -> None:
    with open(os.path.join(folder, "cgroup.procs"), "w", encoding="ascii") as fh:
        fh.write(str(os.getpid()))


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    memory_mb, tasks, cgroups = 0, 0, []
    while argv and argv[0] != "--":
        option, value, argv = argv[0], argv[1], argv[2:]
        if option == "--memory-mb":
            memory_mb = int(value)
        elif option == "--tasks":
            tasks = int(value)
        elif option == "--cgroup":
            cgroups.append(value)
        else:
            sys.stderr.write(f"kernel_launcher: unknown option {option}\n")
            raise SystemExit(2)
    argv = argv[1:]
    if not argv:
        sys.stderr.write("kernel_launcher: no kernel command\n")
        raise SystemExit(2)
    for folder in cgroups:
        join_cgroup(folder)  # no fallback: a group that cannot be joined is a grader error
    if not cgroups:
        limit_tasks(tasks)
    if not apply_limits(memory_mb):
        sys.stderr.write("kernel_launcher: memory limit not supported here; kernel runs without it\n")
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main()
