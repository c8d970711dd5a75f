"""Start a kernel under a memory limit: ``python -m baogao.teach.kernel_launcher
--memory-mb N -- KERNEL COMMAND…``.

The grader's kernel manager (``runner.LimitedKernelManager``) prefixes the
kernel command with this launcher. It sets ``RLIMIT_AS`` (address space:
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


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    memory_mb = 0
    if argv[:1] == ["--memory-mb"]:
        memory_mb = int(argv[1])
        argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.stderr.write("kernel_launcher: no kernel command\n")
        raise SystemExit(2)
    if not apply_limits(memory_mb):
        sys.stderr.write("kernel_launcher: memory limit not supported here; kernel runs without it\n")
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
