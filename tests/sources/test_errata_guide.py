"""The instructors' guide shows how to write an errata for a new report (docs/instructors.md,
"为新的样本报告写勘误表"): its example files and its command, run exactly as written, print
what the guide says, and the mistake it describes gives the message it quotes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("### 为新的样本报告写勘误表"):GUIDE.index("## English summary")]


def block(language: str) -> str:
    found = re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)
    assert len(found) == 1, language
    return found[0]


def run(folder: Path) -> subprocess.CompletedProcess:
    command = block("bash").strip()
    assert command.startswith('python -c "') and command.endswith('"')
    code = command[len('python -c "'):-1]
    return subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True)


def test_the_guides_errata_example_runs_as_written(tmp_path):
    (tmp_path / "我的报告.txt").write_text(block("text"), encoding="utf-8")
    (tmp_path / "我的勘误表.csv").write_text(block("csv"), encoding="utf-8")
    out = run(tmp_path)
    assert out.returncode == 0, out.stderr
    third = out.stdout.splitlines()[2]
    assert f"打印出来的第 3 行是 `{third}`" in SECTION and third == "全年开展活动12次，参与团员300人。"


def test_the_mistake_the_guide_describes_is_reported_as_it_says(tmp_path):
    (tmp_path / "我的报告.txt").write_text(block("text"), encoding="utf-8")
    (tmp_path / "我的勘误表.csv").write_text(block("csv").replace("E001,3,7,", "E001,3,9,"), encoding="utf-8")
    out = run(tmp_path)
    assert out.returncode != 0
    message = out.stderr.strip().splitlines()[-1].split(": ", 1)[1]
    assert f"“{message}”" in SECTION.replace("\n", ""), message
