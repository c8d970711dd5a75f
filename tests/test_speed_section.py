"""README.md's "Measured speed" section is the rendering of the benchmarks' saved runs.

``tools/speed_section.py`` renders it from ``bench/results/*.json`` (what each
benchmark saves with ``--save``); these tests fail when the README is stale,
when a saved run lacks what the renderer reads, and check the renderer's
formatting on a small fixture.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import pytest
from file_module import load_file

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "speed_section.py"


speed = load_file(TOOL, "speed_section")


def S(median, low, high, n=3):
    """A summary as ``bench/record.py`` saves it."""
    values = [low, median, high][:n] if n < 3 else [low, median, high] + [median] * (n - 3)
    return {"n": n, "median": median, "min": low, "max": high, "values": values}


FIXTURE = {
    "format": 1, "benchmark": "first_lint", "command": "python bench/first_lint.py --repeat 3",
    "date": "2026-01-02T03:04:05+00:00",
    "machine": {"cpu_count": 2, "python": "3.11.7", "platform": "Linux",
                "load_start": [1.5, 1.0, 1.0], "load_end": [2.25, 1.0, 1.0]},
    "file": "report_raw.txt", "characters": 12345, "repeat": 3, "plain": False,
    "baseline": {"cold": S(2.0, 1.9, 2.1), "warm": S(1.0, 0.9, 1.2)},
    "cases": {"cold": {"seconds": S(1.5, 1.25, 1.75), "ratio": S(0.75, 0.6, 0.9), "peak_mib": S(92.4, 90.0, 95.6)},
              "warm": {"seconds": S(0.9, 0.8, 1.0), "ratio": S(0.9, 0.85, 1.111), "peak_mib": None}},
}

EXPECTED = (
    "`python bench/first_lint.py --repeat 3` (run 2026-01-02 03:04 UTC, load 1.50 at the start and 2.25 "
    "at the end; wall-clock time of whole processes, 3 alternating pairs per case): a first `baogao lint` "
    "of the specimen (12,345 characters), whose tokens ship with the kit, in a fresh process with empty "
    "caches, against `python -c \"import jieba; jieba.lcut(text)\"` on the same text with an empty jieba "
    "cache: 1.50 s (1.25–1.75), 0.75 × (0.60–0.90) jieba's 2.00 s (1.90–2.10), peak memory 92 MiB (90–96); "
    "with the caches the first runs left, 0.90 s (0.80–1.00), 0.90 × (0.85–1.11) jieba's 1.00 s (0.90–1.20)."
)


def section(readme: str) -> str:
    a = readme.index(speed.START + "\n") + len(speed.START) + 1
    return readme[a:readme.index(speed.END, a)]


# --------------------------------------------------------------------------- #
# The README and the stored runs.


def test_readme_section_is_the_rendering_of_the_stored_results():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(speed.START) == 1 and readme.count(speed.END) == 1
    assert section(readme) == speed.render(speed.load_results()), \
        "README.md's Measured speed section is stale: run python tools/speed_section.py --write"


def test_the_section_lies_under_its_heading():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = readme.index("## Measured speed\n")
    start = readme.index(speed.START)
    assert heading < start and "\n## " not in readme[heading + 1:start]
    assert "\n## " not in section(readme)


def test_every_benchmark_has_a_stored_run():
    kinds = {d["benchmark"] for d in speed.load_results().values()}
    assert kinds == set(speed.ORDER)
    # Each benchmark of bench/ saves with --save, and has a stored run.
    scripts = {p.stem for p in (ROOT / "bench").glob("*.py") if "--save" in p.read_text(encoding="utf-8")}
    assert set(speed.ORDER) <= scripts


def _summaries(obj, path=""):
    """Every summary dict (n, median, min, max, values) inside a saved run."""
    if isinstance(obj, dict):
        if {"n", "median", "min", "max"} <= obj.keys():
            yield path, obj
        else:
            for k, v in obj.items():
                yield from _summaries(v, f"{path}/{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _summaries(v, f"{path}/{i}")


@pytest.mark.parametrize("stem", sorted(speed.load_results()))
def test_stored_run_has_what_the_renderer_needs(stem):
    data = speed.load_results()[stem]
    assert speed.missing_fields(data) == []
    assert data["command"].startswith(f"python bench/{data['benchmark']}.py")
    assert f"--save bench/results/{stem}.json" in data["command"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", data["date"])
    machine = data["machine"]
    assert machine["cpu_count"] >= 1 and machine["python"] and machine["platform"]
    assert len(machine["load_start"]) == 3 and len(machine["load_end"]) == 3
    found = list(_summaries(data))
    assert found
    for path, s in found:
        assert s["n"] == len(s["values"]) >= 1, path
        assert s["min"] == min(s["values"]) and s["max"] == max(s["values"]), path
        assert s["min"] <= s["median"] <= s["max"], path


def test_stored_ratios_are_those_of_the_pairs():
    """Each ratio the files hold is the ratio of a pair of times saved beside it."""
    runs = speed.load_results()
    for d in runs.values():
        if d["benchmark"] == "first_lint":
            for case, c in d["cases"].items():
                pairs = zip(c["seconds"]["values"], d["baseline"][case]["values"])
                assert c["ratio"]["values"] == pytest.approx([k / j for k, j in pairs])
        if d["benchmark"] == "analysis_speed":
            base = d["baseline"]["jieba.posseg.lcut"]["values"]
            for name in ("segmentation_cold", "analyze_cold", "analyze_warm", "analyze_shipped"):
                c = d["cases"][name]
                assert c["ratio"]["values"] == pytest.approx([t / b for t, b in zip(c["seconds"]["values"], base)])


# --------------------------------------------------------------------------- #
# The renderer.


def test_spread_and_ratio_formatting():
    assert speed.spread(S(1.234, 1.0, 2.0)) == "1.23 (1.00–2.00)"
    assert speed.spread(S(1.234, 1.0, 2.0), unit=" s") == "1.23 s (1.00–2.00)"
    assert speed.spread(S(92.4, 90.0, 95.6), 0, " MiB") == "92 MiB (90–96)"
    assert speed.spread(S(1234.5, 1000.0, 2000.0), 1) == "1,234.5 (1,000.0–2,000.0)"
    assert speed.spread(S(1.5, 1.5, 1.5, n=1), unit=" s") == "1.50 s"  # one run: no range
    assert speed.ratio(S(0.8, 0.63, 1.11)) == "0.80 × (0.63–1.11)"
    assert speed.ratio(S(0.8, 0.8, 0.8, n=1)) == "0.80 ×"


def test_a_fixture_renders_to_the_expected_paragraph():
    assert speed.first_lint(FIXTURE) == EXPECTED
    other = copy.deepcopy(FIXTURE)
    other["file"] = "wild_copy_hebei.txt"
    other["machine"]["load_start"] = None
    text = speed.first_lint(other)
    assert "`wild_copy_hebei.txt` (12,345 characters), a text the kit does not ship" in text
    assert "(run 2026-01-02 03:04 UTC; wall-clock" in text  # no load average: none shown


def test_render_wraps_prose_and_names_every_run():
    text = speed.render({"first_lint-specimen": FIXTURE})
    assert all(len(line) <= speed.WIDTH for line in text.splitlines())
    flat = " ".join(text.split())
    assert flat.count(" ".join(EXPECTED.split())) == 1
    assert flat.startswith("Generated by `python tools/speed_section.py --write`")
    assert " ".join(text.split("\n\n")[-1].split()) == speed.EARLIER
    assert "(2 cores," in flat


def test_missing_fields_are_named():
    broken = {k: v for k, v in FIXTURE.items() if k not in ("baseline", "date")}
    assert speed.missing_fields(broken) == ["date", "baseline"]
    assert speed.missing_fields({"benchmark": "nope"}) == ["benchmark (unknown: 'nope')"]


# --------------------------------------------------------------------------- #
# --check and --write, on copies of the README.


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, cwd=ROOT)


def test_check_fails_on_a_copy_with_a_changed_figure(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    good = tmp_path / "README.md"
    good.write_text(readme, encoding="utf-8")
    assert _run("--check", "--readme", str(good)).returncode == 0
    inner = section(readme)
    figure = re.search(r"\d+\.\d\d ×", inner)
    assert figure, "the section has no ratio to change"
    changed = inner[:figure.start()] + "9" + inner[figure.start() + 1:]
    assert changed != inner
    bad = tmp_path / "README-changed.md"
    bad.write_text(readme.replace(inner, changed), encoding="utf-8")
    result = _run("--check", "--readme", str(bad))
    assert result.returncode == 1
    assert "stale" in result.stderr
    # --write repairs the copy (through a temporary file and a rename) and --check passes again.
    assert _run("--write", "--readme", str(bad)).returncode == 0
    assert bad.read_text(encoding="utf-8") == readme
    assert _run("--check", "--readme", str(bad)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README-changed.md", "README.md"]


def test_check_fails_without_markers(tmp_path):
    copy_ = tmp_path / "README.md"
    copy_.write_text("# no section here\n", encoding="utf-8")
    result = _run("--check", "--readme", str(copy_))
    assert result.returncode == 1 and "speed:start" in result.stderr
