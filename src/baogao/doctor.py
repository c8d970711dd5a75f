"""The environment check behind ``baogao doctor`` and lesson 00's table.

Each check returns a ``Check``: a Chinese label (``item``), a ``status``
(``ok``; ``info``: nothing to do; ``warn``: works, but something is off; ``fail``:
the kit will not work), what was found (``detail``) and, when not ok, how to fix
it (``fix``), both one Chinese sentence or two. Lesson 00 shows five of them
(``check_python``, ``check_kit``, ``check_widgets``, ``check_fonts``,
``check_cache``); ``run_checks`` runs all of them. Every check takes what it
inspects as arguments (versions, paths, kernel specs), so that a test can make
each one fail without breaking the machine.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from baogao.text.lexicon import data_path
from baogao.text.tokens import cache_dir

REINSTALL = "在本套教材的文件夹里运行 python -m pip install -c constraints.txt -e .，然后重启内核（Kernel → Restart Kernel）。"
STATUSES = ("ok", "info", "warn", "fail")  # from best to worst


@dataclass(frozen=True)
class Check:
    """One check: what (``item``), ``status`` (ok, info, warn, fail), what was found, how to fix it;
    ``key`` names it in ``baogao doctor --json``, ``data`` holds the facts behind ``detail``."""
    item: str
    status: str
    detail: str
    fix: str = ""
    key: str = ""
    data: dict = field(default_factory=dict, compare=False)


def _version(distribution: str) -> str | None:
    return next((d.version for d in importlib.metadata.distributions(name=distribution)), None)


# -- the five checks of lesson 00 ------------------------------------------------------------
def check_python(version=None) -> Check:
    v = tuple(sys.version_info if version is None else version)[:3]
    found = "Python " + ".".join(str(x) for x in v)
    if v >= (3, 10):
        return Check("Python 版本", "ok", found, key="python")
    return Check("Python 版本", "fail", f"{found}，低于 3.10", "安装 Python 3.10 或更高版本，按 README 重新建立"
                 "虚拟环境并安装本套教材，再在 JupyterLab 的“Kernel → Change Kernel”里选用这个环境的内核。",
                 key="python")


def check_kit(modules=("jieba", "pandas", "matplotlib", "ipywidgets", "docx", "charset_normalizer")) -> Check:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    missing += [] if data_path("specimen", "report_raw.txt").is_file() else ["随教材分发的样本报告"]
    if missing:
        return Check("教材及其依赖", "fail", f"缺少 {'、'.join(missing)}", REINSTALL, key="kit")
    return Check("教材及其依赖", "ok", f"baogao {_version('baogao') or '（开发版）'}，依赖齐全", key="kit")


def _frontend_requirement() -> str | None:
    """The versions of jupyterlab_widgets that the installed ipywidgets declares it works with."""
    if _version("ipywidgets") is None:
        return None
    for line in importlib.metadata.requires("ipywidgets") or []:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(req.name) == "jupyterlab-widgets" and not req.marker:
            return str(req.specifier)
    return None


def check_widgets(version=_version, requires=None, probe: str = "下面的试验按钮") -> Check:
    """``requires``: the jupyterlab_widgets specifier ipywidgets needs (default: its metadata's);
    ``probe``: where the reader finds the button that tests the browser's side."""
    ipw, front = version("ipywidgets"), version("jupyterlab_widgets")
    fix = ("在本套教材的文件夹里，用启动 JupyterLab 的那个环境运行 python -m pip install -c constraints.txt "
           "ipywidgets jupyterlab_widgets，然后关掉并重新启动 JupyterLab，刷新浏览器页面。")
    if ipw is None or int(ipw.split(".")[0]) < 8:
        return Check("控件", "fail", f"ipywidgets {ipw}：需要 8 或更高版本" if ipw else "没有安装 ipywidgets", fix,
                     key="widgets")
    if front is None:
        return Check("控件", "warn", f"ipywidgets {ipw}；本环境里没有 jupyterlab_widgets（JupyterLab 一端的控件扩展）",
                     f"如果{probe}显示不出来：" + fix, key="widgets")
    spec = _frontend_requirement() if requires is None else requires
    if spec and not _satisfies(front, spec):
        return Check("控件", "warn", f"jupyterlab_widgets {front} 与 ipywidgets {ipw} 不配套"
                     f"（ipywidgets {ipw} 要求 jupyterlab_widgets{spec}）", fix, key="widgets")
    return Check("控件", "ok", f"ipywidgets {ipw}，jupyterlab_widgets {front}（浏览器一端看{probe}）",
                 key="widgets")


def check_fonts(path=None, sample: str = "报告样本勘误未知开始之前") -> Check:
    import matplotlib  # heavy: only the font check needs it
    from matplotlib.ft2font import FT2Font  # heavy: reads the font's glyph table

    from baogao.plotting import FONT_FAMILY, font_path  # heavy: imports matplotlib

    font = Path(path) if path is not None else font_path()
    missing = [ch for ch in sample if FT2Font(str(font)).get_char_index(ord(ch)) == 0] if font.is_file() else None
    if missing is None or missing:
        found = f"字体 {font.name} 里没有“{''.join(missing)}”等汉字" if missing else f"找不到字体文件 {font.name}"
        return Check("图表中的中文", "fail", found, REINSTALL, key="fonts")
    if path is None and FONT_FAMILY not in matplotlib.rcParams["font.family"]:
        return Check("图表中的中文", "warn", "字体在，但 matplotlib 的字体设置被改掉了",
                     "运行 baogao.plotting.use_chinese_font()；用过 plt.style.use() 或 rcdefaults() 之后都要再运行。",
                     key="fonts")
    return Check("图表中的中文", "ok", f"字体 {FONT_FAMILY}（{font.name}）能显示中文", key="fonts")


def check_cache(directory=None) -> Check:
    fix = "设置环境变量 BAOGAO_CACHE，让它指向一个你有写权限的文件夹，然后重新启动 JupyterLab。"
    try:
        base = Path(directory) if directory is not None else cache_dir()
        base.mkdir(parents=True, exist_ok=True)
        (base / f".write-test-{os.getpid()}").write_bytes(b"")
        (base / f".write-test-{os.getpid()}").unlink()
    except OSError as exc:
        return Check("分词缓存", "fail", f"缓存文件夹不能写入（{type(exc).__name__}）", fix, key="cache")
    home = str(Path.home())
    shown = "~" + str(base)[len(home):] if len(home) > 1 and str(base).startswith(home) else str(base)
    if directory is None and Path(tempfile.gettempdir()) in base.parents and not os.environ.get("BAOGAO_CACHE"):
        return Check("分词缓存", "warn", f"家目录不能写入，缓存暂放在临时文件夹 {shown}，重启电脑后可能被清空", fix,
                     key="cache")
    return Check("分词缓存", "ok", f"{shown}（可以写入）", key="cache")


# -- the versions pinned in constraints.txt ------------------------------------------------------
def _satisfies(version: str, spec: str) -> bool:
    try:
        return SpecifierSet(spec).contains(version, prereleases=True)
    except (InvalidSpecifier, InvalidVersion):
        return True  # a version we cannot read is not ours to judge


def _same_version(a: str, b: str) -> bool:
    try:
        return Version(a) == Version(b)
    except InvalidVersion:
        return a == b


def checkout_constraints() -> Path | None:
    """constraints.txt of the checkout this module was installed from (an editable install), if any."""
    root = Path(__file__).resolve().parents[2]
    found = root / "constraints.txt"
    return found if found.is_file() and (root / "pyproject.toml").is_file() else None


def read_pins(path, environment: dict | None = None) -> dict[str, str]:
    """``name==version`` lines of a constraints file whose marker holds here (or in ``environment``,
    e.g. ``{"python_version": "3.10"}``) → {normalised name: version}."""
    pins: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        requirement, _, marker = line.partition(";")
        name, eq, version = requirement.partition("==")
        if not eq:
            continue
        try:
            if marker.strip() and not Marker(marker.strip()).evaluate(environment):
                continue
        except InvalidMarker:
            continue
        pins[canonicalize_name(name.strip())] = version.strip()
    return pins


def runtime_packages(root: str = "baogao") -> dict[str, str | None]:
    """Every package that installing ``root`` (without extras) pulls in → its installed version (None: missing)."""
    found: dict[str, str | None] = {}
    todo = [(line, ()) for line in importlib.metadata.requires(root) or []]
    while todo:
        line, extras = todo.pop()
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker and not any(req.marker.evaluate({"extra": extra}) for extra in ("", *extras)):
            continue
        name = canonicalize_name(req.name)
        if name in found:
            continue
        found[name] = _version(req.name)
        if found[name] is not None:
            todo += [(sub, tuple(req.extras)) for sub in importlib.metadata.requires(req.name) or []]
    return found


def check_packages(constraints=None, installed=None) -> Check:
    """``constraints``: the pin file (default: the checkout's; False: none); ``installed``: name → version."""
    path = checkout_constraints() if constraints is None else (Path(constraints) if constraints else None)
    try:
        installed = runtime_packages() if installed is None else installed
    except importlib.metadata.PackageNotFoundError:
        return Check("依赖的版本", "fail", "找不到 baogao 的安装信息", REINSTALL, key="packages")
    missing = sorted(name for name, version in installed.items() if version is None)
    data = {"constraints": str(path) if path else None, "checked": len(installed), "missing": missing,
            "mismatched": [], "unpinned": []}
    exe = sys.executable
    if missing:
        return Check("依赖的版本", "fail", f"缺少 {'、'.join(missing)}", f"在本套教材的文件夹里运行 {exe} -m pip install "
                     "-c constraints.txt -e .，然后重新启动 JupyterLab。", key="packages", data=data)
    if path is None:
        return Check("依赖的版本", "info", f"{len(installed)} 个软件包都已安装；没有找到 constraints.txt，没有核对版本",
                     key="packages", data=data)
    pins = read_pins(path)
    data["unpinned"] = sorted(name for name in installed if name not in pins)
    data["mismatched"] = [{"name": name, "installed": version, "pinned": pins[name]}
                          for name, version in sorted(installed.items())
                          if name in pins and not _same_version(version, pins[name])]
    if data["mismatched"]:
        shown = "、".join(f"{m['name']} {m['installed']}（应为 {m['pinned']}）" for m in data["mismatched"][:8])
        more = "……" if len(data["mismatched"]) > 8 else ""
        wanted = " ".join(f"{m['name']}=={m['pinned']}" for m in data["mismatched"])
        command = (f"{exe} -m pip install {wanted}" if len(data["mismatched"]) <= 8
                   else f"{exe} -m pip install -c {path} -e {path.parent}")
        return Check("依赖的版本", "warn", f"{len(data['mismatched'])} 个软件包的版本与 constraints.txt 不同："
                     f"{shown}{more}；笔记本里保存的结果可能对不上",
                     f"运行 {command}，然后重新启动 JupyterLab。", key="packages", data=data)
    unpinned = f"；{len(data['unpinned'])} 个没有固定版本" if data["unpinned"] else ""
    return Check("依赖的版本", "ok", f"{len(installed)} 个软件包的版本都与 constraints.txt 一致{unpinned}",
                 key="packages", data=data)


# -- the Jupyter kernel --------------------------------------------------------------------------
def _prefix_of(executable: str) -> str | None:
    """sys.prefix of the Python ``executable`` runs, or None when it does not run."""
    try:
        done = subprocess.run([executable, "-c", "import sys; print(sys.prefix)"], capture_output=True,
                              text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def check_kernel(specs=None) -> Check:
    """``specs``: name → {"resource_dir", "spec"}, as ``KernelSpecManager().get_all_specs()`` gives them."""
    if specs is None:
        # heavy: jupyter_client (about 0.3 s); only this check needs it.
        from jupyter_client.kernelspec import KernelSpecManager

        specs = KernelSpecManager().get_all_specs()
    exe, item = sys.executable, "Jupyter 内核"
    install = f"{exe} -m ipykernel install --sys-prefix"
    entry = specs.get("python3")
    if entry is None:
        return Check(item, "fail", "没有名为 python3 的 Jupyter 内核，笔记本无法运行",
                     f"运行 {install}，然后重新启动 JupyterLab。", key="kernel")
    where = entry.get("resource_dir", "")
    argv = (entry.get("spec") or {}).get("argv") or [""]
    data = {"resource_dir": where, "argv0": argv[0]}
    remove = (f"删掉这个内核说明（运行 jupyter kernelspec remove python3，或删除文件夹 {where}），再运行 {install}，"
              "然后重新启动 JupyterLab。")
    # jupyter_client starts a bare "python" or "python3" with the Python that runs the server itself.
    if argv[0] in {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}:
        return Check(item, "ok", f"python3 内核（{where}）用启动 JupyterLab 的 Python 运行", key="kernel", data=data)
    prefix = _prefix_of(argv[0]) if argv[0] else None
    if prefix is None:
        return Check(item, "warn", f"python3 内核（{where}）要用的 Python“{argv[0]}”无法运行", remove,
                     key="kernel", data=data)
    if os.path.realpath(prefix) != os.path.realpath(sys.prefix):
        return Check(item, "warn", f"python3 内核（{where}）用的是另一个 Python：{argv[0]}，那里可能没有安装本套教材",
                     remove, key="kernel", data=data)
    return Check(item, "ok", f"python3 内核（{where}）用的就是这个 Python", key="kernel", data=data)


# -- what instructors and developers need ------------------------------------------------------------
def check_sandbox(bwrap=None, platform=None) -> Check:
    """bubblewrap, in which ``baogao teach grade`` runs students' notebooks; ``bwrap``: its path ("" for none)."""
    item = "批改沙箱（bubblewrap）"
    fix = ("只有批改作业才需要：在 Debian/Ubuntu 上以管理员身份运行 apt-get install bubblewrap；"
           "批改可信的笔记本（例如自己的参考答案）时，也可以用 baogao teach grade --no-sandbox。")
    if not (platform or sys.platform).startswith("linux"):
        return Check(item, "info", "沙箱只在 Linux 上可用，只有批改作业才需要它",
                     "要批改作业，请在 Linux 服务器或容器里运行 baogao teach grade。", key="sandbox")
    path = shutil.which("bwrap") if bwrap is None else bwrap
    if not path or not os.path.isfile(path):
        return Check(item, "warn", "没有找到 bubblewrap（bwrap）", fix, key="sandbox", data={"bwrap": path or None})
    data = {"bwrap": path}
    try:
        done = subprocess.run([path, "--unshare-all", "--unshare-user", "--ro-bind", "/", "/", "true"],
                              capture_output=True, text=True, timeout=20, check=False)
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check(item, "warn", f"bubblewrap 无法运行（{type(exc).__name__}）", fix, key="sandbox", data=data)
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"退出码 {done.returncode}"])[-1][:160]
        return Check(item, "warn", f"bubblewrap 不能在用户命名空间里运行程序（{why}）：多半是系统或容器禁止了用户命名空间",
                     fix + "已经安装的，请管理员允许建立用户命名空间。", key="sandbox", data=data)
    tool = version.stdout.strip() or "bubblewrap"
    return Check(item, "ok", f"{tool}，能在用户命名空间里运行程序", key="sandbox", data={**data, "version": tool})


CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")  # as tests/browser looks for it


def chromium_path(environ=None) -> str | None:
    """The Chromium the browser tests would use: $BAOGAO_CHROMIUM, else the first candidate found."""
    override = (os.environ if environ is None else environ).get("BAOGAO_CHROMIUM")
    if override:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    return next((found for found in map(shutil.which, CHROMIUM_CANDIDATES) if found), None)


def check_chromium(path=None, test_extra=None) -> Check:
    """Chromium for the browser tests; ``path``: where it is ("" for nowhere); ``test_extra``: are the
    test dependencies (playwright) installed? Never a failure: students do not need it."""
    item = "浏览器测试（Chromium）"
    path = chromium_path() if path is None else path
    if path:
        return Check(item, "ok", f"{path}（只有运行浏览器测试才用得到）", key="chromium", data={"path": path})
    tests = importlib.util.find_spec("playwright") is not None if test_extra is None else test_extra
    fix = ("在 Debian/Ubuntu 上运行 apt-get install chromium fonts-noto-cjk，或者用环境变量 BAOGAO_CHROMIUM "
           "指向 Chromium；不跑浏览器测试，可以给 pytest 加上 -m \"not browser\"。")
    if tests:
        return Check(item, "warn", "没有找到 Chromium：装了测试依赖，浏览器测试会失败", fix, key="chromium")
    return Check(item, "info", "没有找到 Chromium：只有开发者运行浏览器测试时才需要", fix, key="chromium")


# -- all of them ----------------------------------------------------------------------------------
def run_checks() -> list[Check]:
    """Every check, in the order ``baogao doctor`` prints them."""
    return [check_python(), check_kit(), check_packages(), check_widgets(probe="第 0 课里的试验按钮"),
            check_kernel(), check_fonts(),
            check_cache(), check_sandbox(), check_chromium()]


def worst(checks) -> str:
    return max((c.status for c in checks), key=STATUSES.index, default="ok")


def as_json(checks) -> dict:
    """What ``baogao doctor --json`` prints (docs/cli.md)."""
    return {"python": sys.executable, "baogao": _version("baogao"), "status": worst(checks),
            "counts": {status: sum(c.status == status for c in checks) for status in STATUSES},
            "checks": [{"id": c.key, "item": c.item, "status": c.status, "detail": c.detail, "fix": c.fix,
                        "data": c.data} for c in checks]}
