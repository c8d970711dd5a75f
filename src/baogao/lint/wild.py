"""Precision on wild copies: every error-level finding on the nineteen web copies of
``shared/corpus-wild``, judged by reading (``data/lint/wild_judgements.csv``), rendered
for docs/lint-accuracy.md.

The judgements are data, not code: one row per finding (copy, line, rule, text, verdict
``real`` or ``false``, a short reason). ``unjudged`` and ``stale`` compare them with the
findings the linter gives now, so that a test fails as soon as the two differ. The copies
are not shipped with the kit: they are read from the course's shared folder beside the
checkout (``wild_dir``).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from baogao.lint import lint
from baogao.sources.load import load
from baogao.text.lexicon import data_path

FIELDS = ("copy", "line", "rule", "text", "verdict", "reason")
VERDICTS = ("real", "false")


def wild_dir() -> Path:
    """The folder of wild copies: ``shared/corpus-wild`` beside the checkout."""
    return Path(__file__).resolve().parents[4] / "shared" / "corpus-wild"


def judgements() -> list[dict]:
    """The rows of ``data/lint/wild_judgements.csv`` (``line`` as an int)."""
    path = Path(str(data_path("lint"))) / "wild_judgements.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["line"] = int(row["line"])
        if row["verdict"] not in VERDICTS:
            raise ValueError(f"verdict {row['verdict']!r} in {row}")
    return rows


def findings(folder: Path | None = None) -> dict[str, list]:
    """Copy -> its error-level findings, for every ``*.txt`` of the folder of wild copies."""
    folder = folder or wild_dir()
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no wild copies in {folder}")
    return {p.stem: [f for f in lint(load(p)) if f.severity == "error"] for p in paths}


def _key(copy: str, line: int, rule: str, text: str) -> tuple:
    return copy, line, rule, text


def unjudged(found: dict[str, list], rows: list[dict]) -> list[tuple]:
    """Findings (as keys) that no judgement covers."""
    have = Counter(_key(r["copy"], r["line"], r["rule"], r["text"]) for r in rows)
    want = Counter(_key(c, f.line, f.rule, f.text) for c, fs in found.items() for f in fs)
    return sorted((want - have).elements())


def stale(found: dict[str, list], rows: list[dict]) -> list[tuple]:
    """Judgements (as keys) of findings the linter no longer gives."""
    have = Counter(_key(r["copy"], r["line"], r["rule"], r["text"]) for r in rows)
    want = Counter(_key(c, f.line, f.rule, f.text) for c, fs in found.items() for f in fs)
    return sorted((have - want).elements())


def _pct(right: int, total: int) -> str:
    if not total:
        return "—"
    whole = f"{right / total:.0%}"
    return f"{right / total:.1%}" if whole in ("0%", "100%") and 0 < right < total else whole


def _summary(rows: list[dict], field: str, names: list[str]) -> list[str]:
    out = [f"| {field} | findings | real | false | precision |", "|---|---|---|---|---|"]
    for name in names:
        mine = [r for r in rows if r[field] == name]
        real = sum(r["verdict"] == "real" for r in mine)
        out.append(f"| {name} | {len(mine)} | {real} | {len(mine) - real} | {_pct(real, len(mine))} |")
    real = sum(r["verdict"] == "real" for r in rows)
    out.append(f"| **all** | {len(rows)} | {real} | {len(rows) - real} | {_pct(real, len(rows))} |")
    return out


def section(found: dict[str, list] | None = None) -> list[str]:
    """The Markdown section on wild copies (lines)."""
    found = found if found is not None else findings()
    rows = judgements()
    missing, old = unjudged(found, rows), stale(found, rows)
    if missing or old:
        raise ValueError(f"judgements out of date: {len(missing)} finding(s) unjudged, {len(old)} stale")
    copies = sorted(found)
    rules = sorted({r["rule"] for r in rows})
    out = ["## Precision: error-level findings on wild copies", "",
           f"Every error-level finding on the {len(copies)} wild copies of `shared/corpus-wild` (reports as",
           "found on the web: page buttons, 来源/时间 lines, photo captions, licence footers, split",
           "paragraphs; its MANIFEST.md), read in its context and judged a real defect of that copy or",
           "false. The judgements are data (`src/baogao/data/lint/wild_judgements.csv`, one row per",
           "finding); tests/lint/test_wild_judgements.py fails when a finding has no judgement or a",
           "judgement no finding. Residue lines (`boilerplate`) are real defects of the copy: they are",
           "not the report. Warnings and infos are not counted here.", "",
           "Judging the first reading (327 findings) found 25 false ones, and three rules were fixed:",
           "`arabic-with-chinese-unit` took the 千 of a unit (500千伏, 0.13千克) for a numeral (13 findings);",
           "`unbalanced-marks` read the pieces of a split paragraph (（PM / 2.5 / ）) apart (8) and",
           "`cut-off-paragraph` took such a piece for a cut-off (4). Both now read a split paragraph",
           "as one, and `split-paragraph` (a warning) reports the break.", "",
           "### By copy", "", *_summary(rows, "copy", copies), "",
           "### By rule", "", *_summary(rows, "rule", rules), "",
           "### The false findings", ""]
    false = [r for r in rows if r["verdict"] == "false"]
    out += [f"- {r['copy']}, line {r['line']}: `{r['rule']}` “{r['text']}” — {r['reason']}" for r in false] \
        or ["None."]
    notes = [r for r in rows if r["verdict"] == "real" and r["rule"] != "boilerplate"]
    out += ["", "### The real findings other than residue", ""]
    out += [f"- {r['copy']}, line {r['line']}: `{r['rule']}` “{r['text']}” — {r['reason']}" for r in notes]
    return out
