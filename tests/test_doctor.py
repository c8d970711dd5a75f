"""``baogao doctor``: each check fails (or warns) when it should, with a fix in Chinese;
the JSON shape; the exit codes. What a check inspects is injected (versions, pin
files, kernel specs, paths), as tests/course/test_lesson00.py does for lesson 00."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baogao import doctor
from baogao.cli import doctor as doctor_cli
from baogao.cli import main
from baogao.doctor import Check

ROOT = Path(__file__).resolve().parent.parent
CHINESE = re.compile("[\u4e00-\u9fff]")


def assert_chinese_fix(check: Check) -> None:
    assert CHINESE.search(check.detail), check
    assert CHINESE.search(check.fix) and check.fix.endswith("。"), check


def script(tmp_path: Path, name: str, body: str) -> str:
    """An executable shell script standing in for another program."""
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="stand-in programs are shell scripts")


# -- versions against constraints.txt -----------------------------------------------------------
def test_read_pins_keeps_the_pins_whose_marker_holds(tmp_path):
    pins = tmp_path / "constraints.txt"
    pins.write_text("# comment\njieba==0.42.1\nNumPy==9.0.0; python_version >= '3.0'  # why\n"
                    "numpy==1.0.0; python_version < '3.0'\nwindows-only==1.0; sys_platform == 'nonesuch'\n"
                    "unpinned>=1.0\n\n", encoding="utf-8")
    assert doctor.read_pins(pins) == {"jieba": "0.42.1", "numpy": "9.0.0"}


def test_the_checkout_pins_what_the_kit_installs():
    path = doctor.checkout_constraints()
    assert path == ROOT / "constraints.txt"
    pins = doctor.read_pins(path)
    runtime = doctor.runtime_packages()
    assert {"jupyterlab", "ipywidgets", "jieba", "pandas", "numpy", "jupyter-client"} <= set(runtime)
    assert "pytest" not in runtime and "baogao" not in runtime  # the test extra and the kit itself
    assert set(runtime) - set(pins) == set(), "runtime packages without a pin in constraints.txt"


def test_packages_ok_when_every_version_is_the_pinned_one(tmp_path):
    pins = tmp_path / "c.txt"
    pins.write_text("jieba==0.42.1\ntzdata==2026.6\n", encoding="utf-8")
    check = doctor.check_packages(pins, {"jieba": "0.42.1", "tzdata": "2026.06"})  # same version, other spelling
    assert (check.status, check.key) == ("ok", "packages") and "2 个软件包" in check.detail
    assert check.data["mismatched"] == [] and check.data["constraints"] == str(pins)


def test_packages_warn_with_the_pip_command_that_fixes_them(tmp_path):
    pins = tmp_path / "c.txt"
    pins.write_text("jieba==0.42.1\nnumpy==2.4.6\n", encoding="utf-8")
    check = doctor.check_packages(pins, {"jieba": "0.42.1", "numpy": "2.3.0", "extra-thing": "1.0"})
    assert check.status == "warn"
    assert_chinese_fix(check)
    assert "numpy 2.3.0（应为 2.4.6）" in check.detail and "jieba" not in check.detail
    assert f"{sys.executable} -m pip install numpy==2.4.6" in check.fix
    assert check.data["mismatched"] == [{"name": "numpy", "installed": "2.3.0", "pinned": "2.4.6"}]
    assert check.data["unpinned"] == ["extra-thing"]


def test_many_mismatches_are_fixed_by_reinstalling_with_the_constraints(tmp_path):
    pins = tmp_path / "c.txt"
    pins.write_text("".join(f"p{i}==2.0\n" for i in range(12)), encoding="utf-8")
    check = doctor.check_packages(pins, {f"p{i}": "1.0" for i in range(12)})
    assert check.status == "warn" and "12 个软件包" in check.detail and "……" in check.detail
    assert f"-c {pins} -e {tmp_path}" in check.fix


def test_a_missing_package_fails(tmp_path):
    pins = tmp_path / "c.txt"
    pins.write_text("jieba==0.42.1\n", encoding="utf-8")
    check = doctor.check_packages(pins, {"jieba": None, "pandas": "3.1.1"})
    assert check.status == "fail" and "缺少 jieba" in check.detail
    assert_chinese_fix(check)
    assert "-c constraints.txt -e ." in check.fix


def test_without_a_constraints_file_versions_are_not_judged():
    check = doctor.check_packages(False, {"jieba": "0.1"})
    assert check.status == "info" and "没有找到 constraints.txt" in check.detail


def test_the_packages_of_this_environment_are_the_pinned_ones():
    check = doctor.check_packages()
    assert check.status == "ok", check.data["mismatched"]


# -- the widget front end ---------------------------------------------------------------------------
def test_a_front_end_that_does_not_match_ipywidgets_warns():
    versions = {"ipywidgets": "8.1.9", "jupyterlab_widgets": "1.1.0"}.get
    check = doctor.check_widgets(versions, requires="~=3.0.17")
    assert check.status == "warn" and "1.1.0" in check.detail and "~=3.0.17" in check.detail
    assert_chinese_fix(check)
    assert doctor.check_widgets(versions, requires="").status == "ok"  # nothing declared: nothing to compare
    assert doctor.check_widgets({"ipywidgets": "8.1.9", "jupyterlab_widgets": "3.0.17"}.get,
                                requires="~=3.0.17").status == "ok"


def test_the_installed_front_end_matches_and_the_doctor_points_at_lesson_00():
    spec = doctor._frontend_requirement()
    assert spec and spec.startswith("~=3.0")
    check = doctor.check_widgets(probe="第 0 课里的试验按钮")
    assert check.status == "ok" and "第 0 课里的试验按钮" in check.detail


# -- the kernel ------------------------------------------------------------------------------------
def spec(argv0: str) -> dict:
    return {"python3": {"resource_dir": "/somewhere/kernels/python3",
                        "spec": {"argv": [argv0, "-m", "ipykernel_launcher", "-f", "{connection_file}"]}}}


def test_no_python3_kernel_fails():
    check = doctor.check_kernel({"ir": spec("R")["python3"]})
    assert check.status == "fail" and "ipykernel install" in check.fix
    assert_chinese_fix(check)


@pytest.mark.parametrize("argv0", ["python", "python3", sys.executable])
def test_a_kernel_that_runs_this_python_is_ok(argv0):
    check = doctor.check_kernel(spec(argv0))
    assert check.status == "ok" and check.data["argv0"] == argv0


@posix_only
def test_a_kernel_of_another_python_warns(tmp_path):
    other = script(tmp_path, "python-elsewhere", f'echo "{tmp_path / "other-prefix"}"')
    check = doctor.check_kernel(spec(other))
    assert check.status == "warn" and "另一个 Python" in check.detail
    assert_chinese_fix(check)
    assert "jupyter kernelspec remove python3" in check.fix and "/somewhere/kernels/python3" in check.fix
    gone = doctor.check_kernel(spec(str(tmp_path / "no-such-python")))
    assert gone.status == "warn" and "无法运行" in gone.detail


def test_the_kernel_of_this_environment_is_ok():
    check = doctor.check_kernel()
    assert check.status == "ok", check


# -- the sandbox and the browser -----------------------------------------------------------------------
def test_without_bubblewrap_grading_needs_a_package_or_no_sandbox():
    check = doctor.check_sandbox(bwrap="", platform="linux")
    assert check.status == "warn"
    assert_chinese_fix(check)
    assert "apt-get install bubblewrap" in check.fix and "baogao teach grade --no-sandbox" in check.fix
    elsewhere = doctor.check_sandbox(platform="darwin")
    assert elsewhere.status == "info" and "Linux" in elsewhere.detail


@posix_only
def test_a_bubblewrap_that_cannot_build_a_namespace_warns(tmp_path):
    refusing = script(tmp_path, "bwrap", 'echo "bwrap: No permissions to create a new namespace" >&2; exit 1')
    check = doctor.check_sandbox(bwrap=refusing, platform="linux")
    assert check.status == "warn" and "No permissions to create a new namespace" in check.detail
    assert_chinese_fix(check)
    willing = script(tmp_path, "bwrap-ok", 'if [ "$1" = --version ]; then echo "bubblewrap 9.9"; fi')
    assert doctor.check_sandbox(bwrap=willing, platform="linux").detail.startswith("bubblewrap 9.9")


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")
def test_the_real_bubblewrap_runs_true_in_a_user_namespace_or_says_why():
    done = subprocess.run(["bwrap", "--unshare-all", "--unshare-user", "--ro-bind", "/", "/", "true"],
                          capture_output=True, check=False)
    check = doctor.check_sandbox()
    assert check.status == ("ok" if done.returncode == 0 else "warn"), check


def test_chromium_is_at_most_a_warning(tmp_path):
    assert doctor.check_chromium("/opt/chromium/chrome").status == "ok"
    with_tests = doctor.check_chromium("", test_extra=True)
    assert with_tests.status == "warn" and 'not browser' in with_tests.fix
    assert_chinese_fix(with_tests)
    assert doctor.check_chromium("", test_extra=False).status == "info"


@posix_only
def test_chromium_path_honours_the_override_the_browser_tests_read(tmp_path):
    browser = script(tmp_path, "my-chromium", "exit 0")
    assert doctor.chromium_path({"BAOGAO_CHROMIUM": browser}) == browser
    assert doctor.chromium_path({"BAOGAO_CHROMIUM": str(tmp_path / "missing")}) is None


# -- all checks, JSON, exit codes ----------------------------------------------------------------------
def test_run_checks_names_every_check_once():
    checks = doctor.run_checks()
    assert [c.key for c in checks] == ["python", "kit", "packages", "widgets", "kernel", "fonts", "cache",
                                       "sandbox", "chromium"]
    for check in checks:
        assert check.status in doctor.STATUSES and CHINESE.search(check.item + check.detail), check
        if check.status in ("warn", "fail"):
            assert_chinese_fix(check)
    assert not [c for c in checks if c.status == "fail"], checks  # this machine is ready for a class


def test_worst_status():
    make = lambda *statuses: [Check("x", s, "y") for s in statuses]
    assert doctor.worst(make("ok", "info")) == "info"
    assert doctor.worst(make("warn", "ok", "info")) == "warn"
    assert doctor.worst(make("ok", "fail", "warn")) == "fail"
    assert doctor.worst([]) == "ok"


SAMPLE = [Check("Python 版本", "ok", "Python 3.11.7", key="python"),
          Check("依赖的版本", "warn", "numpy 不对", "运行 pip install numpy==2.4.6。", key="packages",
                data={"mismatched": [{"name": "numpy", "installed": "2.3.0", "pinned": "2.4.6"}]}),
          Check("浏览器测试（Chromium）", "info", "没有找到 Chromium", "装上它。", key="chromium")]


def run(capsys, monkeypatch, checks, *argv):
    monkeypatch.setattr(doctor_cli, "run_checks", lambda: checks)
    code = main(["doctor", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, SAMPLE, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"python", "baogao", "status", "counts", "checks"}
    assert data["python"] == sys.executable and data["status"] == "warn"
    assert data["counts"] == {"ok": 1, "info": 1, "warn": 1, "fail": 0}
    assert [c["id"] for c in data["checks"]] == ["python", "packages", "chromium"]
    assert all(set(c) == {"id", "item", "status", "detail", "fix", "data"} for c in data["checks"])
    assert data["checks"][1]["data"]["mismatched"][0]["pinned"] == "2.4.6"


def test_warnings_do_not_fail_a_failure_does(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, SAMPLE)
    assert code == 0
    assert "[注意]" in out and "解决办法：运行 pip install numpy==2.4.6。" in out and "[说明]" in out
    assert "课程可以运行" in out.replace("\n", "")
    failing = SAMPLE + [Check("Jupyter 内核", "fail", "没有内核", "安装内核。", key="kernel")]
    code, out, _ = run(capsys, monkeypatch, failing)
    assert code == 1 and "[未通过]" in out and "1 项未通过" in out
    code, out, _ = run(capsys, monkeypatch, failing, "--json")
    assert code == 1 and json.loads(out)["status"] == "fail"
    code, out, _ = run(capsys, monkeypatch, SAMPLE[:1])
    assert code == 0 and "可以开始上课了" in out


def test_bad_usage_exits_2_with_one_chinese_sentence(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, SAMPLE, "--bogus")
    assert code == 2 and out == "" and err.startswith("错误：") and err.count("\n") == 1
    assert "baogao doctor --help" in err


def test_doctor_is_listed_and_its_help_is_chinese(capsys):
    assert main([]) == 2
    assert any(line.split()[:1] == ["doctor"] for line in capsys.readouterr().err.splitlines())
    assert main(["--help"]) == 0
    assert "doctor" in capsys.readouterr().out
    assert main(["doctor", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：baogao doctor") and "--json" in out and "显示本帮助并退出" in out


def test_the_real_doctor_through_the_console_script():
    done = subprocess.run([sys.executable, "-m", "baogao", "doctor", "--json"], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert data["status"] != "fail" and len(data["checks"]) == 9
