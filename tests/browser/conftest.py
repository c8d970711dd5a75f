"""Fixtures for real-browser tests: a private JupyterLab server and a headless
Chromium page driven by Playwright (sync API), fully offline.

- ``lab_server`` starts ``python -m jupyterlab`` (once per module; each test
  gets it without the kernels, sessions and workspaces of the one before) on a free loopback port with a
  random token, serving a temporary copy of ``notebooks/`` (where the lessons
  of ``baogao.course.LESSONS`` live) and of ``docs/images/`` (the pictures a lesson
  shows with a relative link, ``../docs/images/…``), laid out as in the checkout. Every Jupyter
  directory (config, data, runtime, settings, workspaces) is a fresh temporary
  folder, so the developer's own settings, workspaces and kernels never leak
  into the test, and the test leaves nothing behind.
- ``lab_page`` is a new page of the system Chromium (``/usr/bin/chromium``,
  installed by ``.ci/run``; ``BAOGAO_CHROMIUM`` overrides the path), launched
  once per module in a fresh profile, in which every request to a
  non-loopback host fails; the page records each such request it makes.

Nothing here skips: a missing browser or a missing ``playwright`` package is a
failure that says what to install. Deselect these tests with
``-m "not browser"``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"

#: The pin of ``constraints.txt``; kept here only for the failure message.
PLAYWRIGHT_PIN = "playwright==1.65.2"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
#: Flags for a quiet, offline, root-friendly headless Chromium.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

SERVER_START_TIMEOUT = 30.0  # seconds; JupyterLab is usually up in ~2 s
SERVER_STOP_TIMEOUT = 8.0
#: Per-action Playwright timeout (ms); the test passes smaller ones where it can.
ACTION_TIMEOUT_MS = 30_000


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives a real headless Chromium against a local JupyterLab "
        "(needs the chromium system package and the playwright Python package; "
        'deselect with -m "not browser")',
    )


# --------------------------------------------------------------------------- #
# Requirements: fail loudly, never skip.


def chromium_executable() -> str:
    override = os.environ.get("BAOGAO_CHROMIUM")
    if override:
        if Path(override).is_file() and os.access(override, os.X_OK):
            return override
        pytest.fail(f"BAOGAO_CHROMIUM={override!r} is not an executable file.", pytrace=False)
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "Chromium not found (looked for /usr/bin/chromium, chromium, chromium-browser). "
        "The browser tests need the system Chromium: on Debian/Ubuntu run, as root, "
        "`apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk` "
        "(.ci/run does this), or point BAOGAO_CHROMIUM at a Chromium/Chrome binary. "
        'Deselect these tests with -m "not browser".',
        pytrace=False,
    )


def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as factory
    except ImportError as exc:
        missing = str(exc)
    else:
        return factory
    pytest.fail(
        f"The Python package playwright is not installed ({missing}). Install it with "
        f"`python -m pip install -c constraints.txt playwright` ({PLAYWRIGHT_PIN}). "
        "Do NOT run `playwright install`: the tests use the system Chromium. "
        'Deselect these tests with -m "not browser".',
        pytrace=False,
    )


@dataclass
class BrowserRequirements:
    chromium: str  # path of the Chromium executable
    sync_playwright: object  # playwright.sync_api.sync_playwright


@pytest.fixture(scope="session")
def browser_requirements() -> BrowserRequirements:
    """Checked before the server starts, so a missing piece fails fast."""
    return BrowserRequirements(chromium_executable(), sync_playwright())


# --------------------------------------------------------------------------- #
# JupyterLab server.


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


@dataclass
class LabServer:
    url: str  # http://127.0.0.1:PORT
    token: str
    root_dir: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def api(self, path: str, method: str = "GET", timeout: float = 5.0):
        sep = "&" if "?" in path else "?"
        req = urllib.request.Request(f"{self.url}{path}{sep}token={self.token}", method=method)
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def page_url(self, path: str) -> str:
        return f"{self.url}{path}?token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-n:])


def _prepare_jupyter_dirs(base: Path) -> dict[str, str]:
    """Fresh Jupyter directories; settings that keep JupyterLab quiet and offline."""
    dirs = {name: base / name for name in ("config", "data", "runtime", "settings", "workspaces")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    # The announcements plugin asks (in a toast) whether to fetch news from the
    # web; the update check asks the server to query PyPI. Neither is wanted.
    _write_json(
        dirs["config"] / "labconfig" / "page_config.json",
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}},
    )
    _write_json(
        dirs["settings"] / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False},
    )
    # The test finds the main menus by their English titles.
    _write_json(
        dirs["settings"] / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings",
        {"locale": "en"},
    )
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
        PYTHONUNBUFFERED="1",
    )
    # The kernel must not pick up a plotting backend forced from outside.
    env.pop("MPLBACKEND", None)
    return env


def _stop_server(server: LabServer) -> None:
    proc = server.process
    if proc.poll() is not None:
        return
    # Kernels run in their own sessions: shut them down through the API first
    # so none outlives the server; then stop the server itself.
    try:
        for kernel in server.api("/api/kernels", timeout=3) or []:
            try:
                server.api(f"/api/kernels/{kernel['id']}", method="DELETE", timeout=5)
            except (OSError, urllib.error.URLError):
                pass
    except (OSError, urllib.error.URLError, ValueError):
        pass
    children = []
    try:
        import psutil

        children = psutil.Process(proc.pid).children(recursive=True)
    except Exception:  # psutil missing or process already gone
        pass
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=SERVER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=SERVER_STOP_TIMEOUT)
    for child in children:  # leftovers (a kernel that ignored the shutdown)
        try:
            child.kill()
        except Exception:
            pass


@pytest.fixture(scope="module")
def _lab_process(browser_requirements, tmp_path_factory) -> LabServer:
    """One JupyterLab for the module's lessons: starting one costs ~7 s, stopping ~2 s."""
    base = tmp_path_factory.mktemp("lab")
    root_dir = base / "root"
    shutil.copytree(NOTEBOOKS, root_dir / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "docs" / "images", root_dir / "docs" / "images")
    env = _prepare_jupyter_dirs(base / "jupyter")
    port = _free_port()
    token = secrets.token_hex(16)
    log_path = base / "jupyterlab.log"
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--ip", "127.0.0.1", "--port", str(port), "--port-retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
        "--allow-root",
        "--LabApp.news_url=",  # belt and braces with the disabled plugin
        "--LabApp.extension_manager=readonly",  # no PyPI queries from the server
        # If this process dies without cleaning up, the server still goes away.
        "--ServerApp.shutdown_no_activity_timeout=600",
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
    ]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=root_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    server = LabServer(f"http://127.0.0.1:{port}", token, root_dir, log_path, proc)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {proc.returncode} while starting:\n"
                            f"{server.log_tail()}", pytrace=False)
            try:
                server.api("/api/status", timeout=2)
                break
            except (OSError, urllib.error.URLError, ValueError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer /api/status within "
                                f"{SERVER_START_TIMEOUT:.0f} s:\n{server.log_tail()}", pytrace=False)
                time.sleep(0.2)
        yield server
    finally:
        _stop_server(server)


def _forget_the_test(server: LabServer) -> None:
    """Shut down the test's kernels and sessions and delete its workspaces.

    The next test then finds the server as a fresh one would be: no kernel
    left running, no notebook of the last lesson reopened by a saved workspace.
    """
    for session in server.api("/api/sessions") or []:
        server.api(f"/api/sessions/{session['id']}", method="DELETE", timeout=10)
    for kernel in server.api("/api/kernels") or []:
        server.api(f"/api/kernels/{kernel['id']}", method="DELETE", timeout=10)
    for workspace in (server.api("/lab/api/workspaces") or {}).get("workspaces", {}).get("ids", []):
        server.api(f"/lab/api/workspaces/{workspace}", method="DELETE", timeout=10)


@pytest.fixture
def lab_server(_lab_process) -> LabServer:
    """The module's JupyterLab, with nothing left of an earlier test (see ``_forget_the_test``)."""
    if _lab_process.process.poll() is not None:
        pytest.fail(f"JupyterLab exited with code {_lab_process.process.returncode}:\n"
                    f"{_lab_process.log_tail()}", pytrace=False)
    _forget_the_test(_lab_process)
    yield _lab_process
    _forget_the_test(_lab_process)


@dataclass
class VoilaServer:
    url: str  # http://127.0.0.1:PORT
    token: str
    notebook: str  # the file name Voilà renders
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def page_url(self) -> str:
        return f"{self.url}/?token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"


@pytest.fixture
def voila_server(browser_requirements, tmp_path_factory, request) -> VoilaServer:
    """Voilà rendering one lesson (``request.param``: a path below the repository),
    as an instructor projects it: code hidden, widgets live, on loopback with a token."""
    base = tmp_path_factory.mktemp("voila")
    lesson = ROOT / request.param
    shutil.copy2(lesson, base / lesson.name)
    env = _prepare_jupyter_dirs(base / "jupyter")
    port, token = _free_port(), secrets.token_hex(16)
    log_path = base / "voila.log"
    cmd = [sys.executable, "-m", "voila", lesson.name, "--no-browser", "--Voila.ip=127.0.0.1",
           f"--port={port}", f"--token={token}", "--show_tracebacks=True"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    server = VoilaServer(f"http://127.0.0.1:{port}", token, lesson.name, log_path, proc)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Voilà exited with code {proc.returncode} while starting:\n{server.log_tail()}",
                            pytrace=False)
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"Voilà did not listen within {SERVER_START_TIMEOUT:.0f} s:\n{server.log_tail()}",
                                pytrace=False)
                time.sleep(0.2)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # Voilà and the kernel it started
            try:
                proc.wait(timeout=SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=SERVER_STOP_TIMEOUT)


# --------------------------------------------------------------------------- #
# Browser.


@dataclass
class BrowserPage:
    page: object  # playwright.sync_api.Page
    blocked: list[str]  # non-loopback URLs the page tried to load
    console: list[str]  # browser console errors and page errors


#: What a page may store for an origin, cleared after each test (Storage.clearDataForOrigin).
STORAGE_TYPES = "cookies,local_storage,indexeddb,websql,service_workers,cache_storage,file_systems"


def _is_loopback(url: str) -> bool:
    return url.startswith(("data:", "blob:", "about:")) or (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


@pytest.fixture(scope="module")
def _browser(browser_requirements, tmp_path_factory):
    """One Chromium for the module's tests, offline.

    Every request off loopback goes to a proxy port that refuses connections
    (a socket held bound for the browser's lifetime, never listening), so it
    fails in the browser itself. Routing each request through the test instead
    would cost about 1 s per JupyterLab page load and turn off the HTTP cache;
    sharing one browser lets each lesson's page load JupyterLab's scripts from
    the cache (about 3 s less per lesson). Each test still gets its own page
    and starts with no cookies and no storage of an earlier one (``lab_page``)."""
    executable = browser_requirements.chromium
    factory = browser_requirements.sync_playwright
    refuser = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refuser.bind(("127.0.0.1", 0))
    proxy = f"http://127.0.0.1:{refuser.getsockname()[1]}"
    try:
        with factory() as pw:
            # launch_persistent_context gives a fresh, explicit profile directory.
            context = pw.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("chromium") / "profile"),
                executable_path=executable,
                headless=True,
                args=[*CHROMIUM_ARGS, f"--proxy-server={proxy}", "--proxy-bypass-list=127.0.0.1;localhost;[::1]"],
                viewport={"width": 1400, "height": 1000},
                locale="zh-CN",
                timeout=ACTION_TIMEOUT_MS,
            )
            try:
                context.set_default_timeout(ACTION_TIMEOUT_MS)
                context.set_default_navigation_timeout(ACTION_TIMEOUT_MS)
                yield context
            finally:
                context.close()
    finally:
        refuser.close()


@pytest.fixture
def lab_page(_browser) -> BrowserPage:
    """A new page of the module's browser, recording what it asks of the web and what it logs."""
    blocked: list[str] = []
    console: list[str] = []
    origins: set[str] = set()

    def seen(request) -> None:
        if not _is_loopback(request.url):
            blocked.append(request.url)
        elif request.url.startswith("http"):
            parts = urlsplit(request.url)
            origins.add(f"{parts.scheme}://{parts.netloc}")

    page = _browser.new_page()
    page.on("request", seen)
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    try:
        yield BrowserPage(page, blocked, console)
    finally:
        forget_storage(_browser, page, origins)  # the next test's page starts with nothing of this one's
        page.close()


@pytest.fixture
def storage_forgetter():
    """``forget_storage`` itself, for the test that checks it."""
    return forget_storage


def forget_storage(context, page, origins) -> None:
    """Clear what ``page`` stored for ``origins`` (cookies, local storage, IndexedDB, ...); the HTTP cache stays."""
    cdp = context.new_cdp_session(page)
    try:
        for origin in sorted(origins):
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE_TYPES})
    finally:
        cdp.detach()
