"""The sandbox in which the grader runs students' code: bubblewrap.

``bwrap`` (Debian package ``bubblewrap``; the tool Flatpak uses) builds a
throw-away mount namespace from bind mounts; it runs unprivileged and as root.
What a sandboxed process sees (``Sandbox.wrap``):

- the system (``/usr``, ``/bin``, ``/lib*``, a few files of ``/etc``) and the
  Python installation the grader runs (interpreter, standard library,
  site-packages, and the kit itself when it is installed in editable mode),
  all read-only: it cannot edit the kit or plant a ``.pth`` hook;
- its own work folder (read-write) with a private home inside it; a private
  ``/tmp`` of bounded size; nothing else of the machine: not the instructor's
  home, not ``solutions/``, not the other submissions, not the grade sheet;
- no network (a new network namespace has only its own loopback), its own
  PID namespace (it cannot see or signal the grader; when the sandbox's first
  process dies, every process in it dies), no new user namespaces, no
  capabilities, a new session (no terminal to inject keys into), a clean
  environment;
- ``--die-with-parent``: when the grader's worker dies, the sandbox dies too.

Memory and process limits are applied to the sandbox as a whole where the
machine allows it (``limits``). ``detect()`` says what this machine offers;
the grader refuses to run untrusted code without a sandbox unless told
``--no-sandbox``.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from baogao.exercises.problems import GRADING_ENV

#: The ``baogao`` package folder (this file is baogao/teach/sandbox.py).
PACKAGE = Path(__file__).resolve().parent.parent

#: The parts of /etc that programs need to start (dynamic linker, time zone,
#: fonts for matplotlib, user names); the rest (shadow, ssh keys…) stays hidden.
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "fonts", "passwd", "group",
             "nsswitch.conf", "alternatives", "mime.types", "ssl/openssl.cnf")
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
TMP_SIZE = 512 * 1024 * 1024  # bytes of the private /tmp (tmpfs: counted as memory)


#: A Unix socket's path holds at most 107 bytes on Linux and 103 on macOS. The
#: kernel's ZMQ sockets are ``<work folder>/kernel/kernel-<n>``.
SOCKET_PATH_MAX = 103
SOCKET_TAIL = len("/kernel/kernel-99999")


#: The name of every work folder of a grading.
WORK_PREFIX = "baogao-grade-"


def work_folder(prefix: str = WORK_PREFIX) -> Path:
    """A new private folder for one notebook's grading, short enough for its sockets.

    Made in the temporary folder (``TMPDIR``), unless a socket path there
    would be too long for the system (a deep ``TMPDIR``: the kernel could not
    start, and every notebook would fail); then in ``/tmp``.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if os.name == "posix" and len(os.fsencode(folder)) + SOCKET_TAIL > SOCKET_PATH_MAX:
        folder.rmdir()
        folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    return folder


def remove_work_folders(prefix: str) -> None:
    """Remove the work folders named ``prefix…``: where ``work_folder`` makes them, in
    the temporary folder or in /tmp (a student's links in them are not followed)."""
    for base in {Path(tempfile.gettempdir()), Path("/tmp")}:
        for folder in base.glob(prefix + "*") if base.is_dir() else ():
            shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class SandboxInfo:
    """What this machine offers."""

    available: bool
    tool: str  # "bubblewrap 0.8.0", or "" when unavailable
    why: str  # Chinese: why it is unavailable ("" when available)


@lru_cache(maxsize=1)
def detect() -> SandboxInfo:
    """Is bubblewrap installed, and can it build a sandbox here? (Checked once.)"""
    if not sys.platform.startswith("linux"):
        return SandboxInfo(False, "", "沙箱（bubblewrap）只在 Linux 上可用；在 macOS 和 Windows 上请在 Linux 服务器或容器里批改。")
    path = shutil.which("bwrap")
    if path is None:
        return SandboxInfo(False, "", "没有找到 bubblewrap（bwrap）：在 Debian/Ubuntu 上用 apt-get install bubblewrap 安装。")
    probe = Sandbox(workdir=Path("/"), bwrap=path)
    try:
        # This environment's Python, not /bin/true: a missing bind shows here, not in every kernel.
        done = subprocess.run(probe.wrap([sys.executable, "-I", "-c", "pass"], bind_workdir=False), check=False,
                              capture_output=True,
                              timeout=20, text=True)
        version = subprocess.run([path, "--version"], check=False, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return SandboxInfo(False, "", f"bubblewrap 无法运行（{type(exc).__name__}）。")
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [""])[-1][:160]
        return SandboxInfo(False, "", "bubblewrap 无法在这台机器上建立沙箱（多半是系统禁止了用户命名空间，"
                                      f"例如容器没有相应权限）：{detail}")
    return SandboxInfo(True, version.stdout.strip() or "bubblewrap", "")


def python_paths() -> list[Path]:
    """The folders a Python process of this environment reads: prefixes,
    standard library, site-packages, and the folder that holds the kit when it
    is installed in editable mode (src/, never the rest of the checkout)."""
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix), Path(sys.base_exec_prefix),
             Path(os.path.realpath(sys.executable)).parent}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        value = sysconfig.get_paths().get(key)
        if value:
            paths.add(Path(value))
    paths.update(Path(p) for p in site.getsitepackages())
    paths.add(kit_root())
    return sorted(p for p in paths if p.exists())


def kit_root() -> Path:
    """The folder that contains the ``baogao`` package."""
    return PACKAGE.parent


def _covered(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


@dataclass
class Sandbox:
    """One sandbox: a work folder and what is mounted around it."""

    workdir: Path
    bwrap: str = "bwrap"
    #: Leave the kit out (the function runner needs only the standard library).
    hide_kit: bool = False
    #: Read-only extras (e.g. the kit's own data, a report file).
    read_only: tuple = ()

    @property
    def home(self) -> Path:
        return Path(self.workdir) / "home"

    def environment(self) -> dict[str, str]:
        home = str(self.home)
        return {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
                "HOME": home, "USER": "student", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "TMPDIR": "/tmp", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1",
                "MPLCONFIGDIR": f"{home}/.config/matplotlib", "BAOGAO_CACHE": f"{home}/.cache/baogao",
                "XDG_CACHE_HOME": f"{home}/.cache", "JUPYTER_PLATFORM_DIRS": "1",
                GRADING_ENV: "1"}  # every sandbox runs a submission: its checks need not run

    def wrap(self, argv: list[str], *, bind_workdir: bool = True) -> list[str]:
        """``argv`` run inside the sandbox (see the module docstring)."""
        cmd = [self.bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--cap-drop", "ALL",
               "--die-with-parent", "--new-session", "--hostname", "sandbox", "--clearenv"]
        for name, value in self.environment().items():
            cmd += ["--setenv", name, value]
        # /tmp first: the environment or the work folder may live under it
        # (a checkout in /tmp, mkdtemp), and a later tmpfs would hide their binds.
        cmd += ["--dev", "/dev", "--proc", "/proc", "--size", str(TMP_SIZE), "--tmpfs", "/tmp"]
        roots: list[Path] = []
        for d in SYSTEM_DIRS:
            if os.path.islink(d):  # merged /usr: /bin -> usr/bin
                cmd += ["--symlink", os.readlink(d), d]
            elif os.path.isdir(d):
                cmd += ["--ro-bind", d, d]
                roots.append(Path(d))
        for name in ETC_FILES:
            cmd += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
        kit = kit_root()
        for path in python_paths():
            if _covered(path, roots) or (self.hide_kit and path == kit):
                continue
            cmd += ["--ro-bind", str(path), str(path)]
            roots.append(path)
        if self.hide_kit:
            # An installed (not editable) kit sits in site-packages: cover it.
            if _covered(PACKAGE, roots):
                cmd += ["--tmpfs", str(PACKAGE)]
        for path in self.read_only:
            cmd += ["--ro-bind", str(path), str(path)]
        if bind_workdir:
            cmd += ["--bind", str(self.workdir), str(self.workdir), "--chdir", str(self.workdir)]
        return cmd + ["--", *argv]

    def prepare(self) -> None:
        """Create the private home (inside the work folder)."""
        for sub in (".config/matplotlib", ".cache/baogao"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
