"""The deployment recipes (binder/, deploy/tljh/, deploy/z2jh/) as far as this machine can
check them without Docker, Kubernetes or a hub: they parse, they install the kit with
constraints.txt and nothing unpinned, and every file they name exists."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from baogao.doctor import read_pins, runtime_packages

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
TLJH = ROOT / "deploy" / "tljh"
Z2JH = ROOT / "deploy" / "z2jh"
INSTRUCTORS = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
LESSON = "notebooks/00_start.ipynb"


def lines(path: Path) -> list[str]:
    """The lines of a file without comments and blank lines."""
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


def python_environment(version: str) -> dict[str, str]:
    return {"python_version": version, "python_full_version": f"{version}.9"}


# -- Binder -----------------------------------------------------------------------------------------
def test_binder_installs_the_kit_under_the_constraints_and_nothing_else():
    requirements = lines(BINDER / "requirements.txt")
    assert sorted(requirements) == ["-c ../constraints.txt", "-e ."]
    # pip reads a nested -c path relative to the file that names it; `-e .` relative to the folder
    # pip runs in, which for repo2docker is the repository root.
    assert (BINDER / "../constraints.txt").resolve() == ROOT / "constraints.txt"
    assert (ROOT / "pyproject.toml").is_file()


def test_binder_python_has_a_pin_for_every_package_the_kit_installs():
    (runtime,) = lines(BINDER / "runtime.txt")
    version = re.fullmatch(r"python-(3\.\d+)", runtime).group(1)
    pins = read_pins(ROOT / "constraints.txt", python_environment(version))
    assert set(runtime_packages()) <= set(pins), set(runtime_packages()) - set(pins)
    assert "jupyterlab" in pins and "ipywidgets" in pins


def test_binder_apt_packages():
    packages = lines(BINDER / "apt.txt")
    assert "fonts-noto-cjk" in packages
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", p) for p in packages), packages
    assert {path.name for path in BINDER.iterdir()} <= {"requirements.txt", "runtime.txt", "apt.txt", "postBuild"}


def test_the_binder_link_opens_lesson_00():
    links = re.findall(r"https://mybinder\.org/v2/gh/[^\s)\]]+", INSTRUCTORS)
    assert links, "docs/instructors.md has no Binder link"
    for link in links:
        assert parse_qs(urlsplit(link).query)["urlpath"] == [f"lab/tree/{LESSON}"], link
    assert (ROOT / LESSON).is_file()


# -- The Littlest JupyterHub ------------------------------------------------------------------------
def test_tljh_script_installs_with_the_pins_into_the_user_environment():
    script = TLJH / "install-kit.sh"
    text = script.read_text(encoding="utf-8")
    assert script.stat().st_mode & 0o111, "install-kit.sh is not executable"
    if shutil.which("bash"):
        assert subprocess.run(["bash", "-n", str(script)], capture_output=True, check=False).returncode == 0
    assert "/opt/tljh/user/bin/pip" in text
    installs = [shlex.split(line.replace('"$USER_PIP"', "pip")) for line in text.splitlines()
                if line.strip().startswith('"$USER_PIP" install')]
    assert installs == [["pip", "install", "--no-cache-dir", "-c", "constraints.txt", "."]]
    # The script runs from the repository root (cd "$(dirname …)/../.."): what it names is there.
    assert (TLJH / "../..").resolve() == ROOT and (ROOT / "constraints.txt").is_file()
    assert "baogao\" doctor" in text or "/baogao doctor" in text


def test_the_nbgitpuller_link_opens_lesson_00_in_the_cloned_folder():
    (link,) = lines(TLJH / "nbgitpuller-link.txt")
    parts = urlsplit(link)
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert set(query) == {"repo", "branch", "urlpath"}
    folder = query["repo"][0].rstrip("/").rsplit("/", 1)[-1]  # nbgitpuller clones into the repository's name
    assert query["urlpath"] == [f"lab/tree/{folder}/{LESSON}"]
    assert link in INSTRUCTORS


# -- Zero to JupyterHub -------------------------------------------------------------------------------
def dockerfile() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined."""
    return re.sub(r"\\\n", " ", "\n".join(lines(Z2JH / "Dockerfile"))).splitlines()


def test_the_image_starts_from_a_dated_tag_and_ends_as_the_notebook_user():
    instructions = dockerfile()
    base = [i for i in instructions if i.startswith("FROM ")]
    assert len(base) == 1
    assert re.fullmatch(r"FROM quay\.io/jupyter/minimal-notebook:\d{4}-\d{2}-\d{2}", base[0]), base
    assert [i for i in instructions if i.startswith("USER ")][-1] == "USER ${NB_UID}"


def test_the_image_installs_constraints_exactly_and_the_fonts():
    instructions = dockerfile()
    runs = " ".join(i for i in instructions if i.startswith("RUN "))
    assert "fonts-noto-cjk" in runs
    pip = [shlex.split(part) for part in re.split(r"&&", runs) if "pip install" in part]
    assert len(pip) == 1
    args = pip[0]
    constraints = args[args.index("-c") + 1]
    assert constraints.endswith("constraints.txt")
    # What pip installs is the copy of the checkout the COPY lines put in the image.
    copies = [shlex.split(i)[1:] for i in instructions if i.startswith("COPY ")]
    targets = {}
    for copy in copies:
        *sources, target = [a for a in copy if not a.startswith("--")]
        for source in sources:
            assert (ROOT / source).exists(), f"COPY names {source}, which is not in the checkout"
            targets[source] = target
    assert Path(targets["constraints.txt"]) / "constraints.txt" == Path(constraints)
    assert args[-1].rstrip("/") == targets["pyproject.toml"].rstrip("/")
    assert "src" in targets and "-e" not in args


def test_the_z2jh_config_names_the_image_and_opens_lesson_00():
    config = yaml.safe_load((Z2JH / "config.yaml").read_text(encoding="utf-8"))
    single = config["singleuser"]
    assert single["image"]["name"] and isinstance(single["image"]["tag"], str)
    url = single["defaultUrl"]
    assert url.startswith("/lab/tree/") and url.endswith(LESSON)
    folder = url.removeprefix("/lab/tree/").removesuffix(LESSON).strip("/")
    hook = " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert re.search(rf"git clone .* {re.escape(folder)};", hook), hook  # cloned where defaultUrl looks
    assert single["image"]["name"] in INSTRUCTORS


# -- what the instructors' guide points at -------------------------------------------------------------
@pytest.mark.parametrize("path", sorted(set(re.findall(r"`((?:binder|deploy)/[^`\s]+)`", INSTRUCTORS))))
def test_every_deployment_file_the_guide_names_exists(path):
    assert (ROOT / path).exists(), path
