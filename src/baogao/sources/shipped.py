"""The texts shipped inside the package, and ``get(name)``, the one resolver of report names.

- ``specimen(edition)``: the specimen report, raw or corrected
  (``baogao.sources.edition``);
- ``corpus(key)``, ``corpus_ids()``, ``corpus_table()``: the 17 reports of the
  reference corpus, read from ``data/corpus/MANIFEST.md``;
- ``example(name)``: the five document-genre examples (``EXAMPLES``: a 报告, a 请示, a 通知
  with its 版头, a 报告 with 发文字号 and 签发人, a 工作总结);
- ``provenance(which)``: where the specimen, the corpus or the examples come from;
- ``get(name)``: a report by name or path, for lessons, exercises and the CLI.

Each text keeps its provenance next to it (``data/*/README.md``,
``data/corpus/MANIFEST.md``), and every report carries it in ``report.meta``;
``corpus_table()`` carries the source of every corpus report into the table.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from baogao.errors import UsageError
from baogao.lazy import pandas as pd
from baogao.report import Report
from baogao.sources.edition import corrected_text
from baogao.sources.load import load
from baogao.text.lexicon import data_path

SPECIMEN_ID = "specimen"


def _load_shipped(path, source: str, meta: dict) -> Report:
    report = load(path.read_bytes(), name=source)
    report.meta.update(meta)
    return report


@lru_cache(maxsize=None)
def specimen(edition: str = "raw") -> Report:
    """The specimen report.

    ``"raw"``: byte for byte as collected (a damaged third-party copy: see
    data/specimen/README.md) — for the proofreading lessons. ``"corrected"``:
    the errata of data/specimen/ERRATA.md applied — for the lessons on style
    and structure; where the original wording is unknown it keeps the raw text.
    """
    if edition == "raw":
        return _load_shipped(data_path("specimen", "report_raw.txt"), SPECIMEN_ID,
                             {"id": SPECIMEN_ID, "edition": "raw", "year": 2021,
                              "provenance": "data/specimen/README.md"})
    if edition == "corrected":
        report = load(corrected_text(), name=SPECIMEN_ID + ":corrected")
        report.meta.update({"id": SPECIMEN_ID, "edition": "corrected", "year": 2021,
                            "provenance": "data/specimen/README.md",
                            "errata": "data/specimen/ERRATA.md"})
        return report
    raise UsageError(f"没有“{edition}”版本：可选 raw（原样）或 corrected（勘误后）。")


def provenance(which: str = "specimen") -> str:
    """The provenance note of the specimen, the corpus or the examples."""
    files = {"specimen": ("specimen", "README.md"), "corpus": ("corpus", "MANIFEST.md"),
             "examples": ("examples", "README.md")}
    if which not in files:
        raise UsageError(f"没有“{which}”的来源说明：可选 specimen、corpus、examples。")
    return data_path(*files[which]).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _manifest() -> dict:
    """Parse MANIFEST.md: sources by key, and the files table."""
    text = provenance("corpus")
    sources, files = {}, {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"[A-Z]{2}", cells[0]):
            sources[cells[0]] = {"repository": cells[1], "path": cells[2], "commit": cells[3],
                                 "upstream": cells[4]}
        elif len(cells) == 4 and cells[0].endswith(".txt"):
            files[cells[0][:-4]] = {"source": cells[1], "chars": int(cells[2].replace(",", "")),
                                    "structure": cells[3]}
    return {"sources": sources, "files": files}


def corpus_ids() -> list[str]:
    """Ids of the reference corpus, oldest first (``1978_state-council_gwr`` …)."""
    return sorted(_manifest()["files"])


@lru_cache(maxsize=None)
def _corpus_report(key: str) -> Report:
    info = _manifest()["files"][key]
    src = _manifest()["sources"][info["source"]]
    year, issuer = key.split("_")[0], key.split("_")[1]
    meta = {"id": key, "year": int(year), "issuer": issuer, "source": info["source"],
            "repository": src["repository"], "commit": src["commit"], "upstream": src["upstream"],
            "structure": info["structure"], "provenance": "data/corpus/MANIFEST.md"}
    return _load_shipped(data_path("corpus", key + ".txt"), key, meta)


def corpus(key: str | None = None):
    """The reference corpus: all 17 reports (a list), or one by id or year."""
    if key is None:
        return [_corpus_report(k) for k in corpus_ids()]
    ids = corpus_ids()
    if key in ids:
        return _corpus_report(key)
    matches = [k for k in ids if k.startswith(str(key))]
    if len(matches) == 1:
        return _corpus_report(matches[0])
    raise UsageError(f"语料库中没有“{key}”：可选的有 {'、'.join(ids)}。")


def corpus_table():
    """One row per corpus report: id, year, issuer, source, genre, characters, paragraphs."""
    rows = []
    for report in corpus():
        m = report.meta
        rows.append({"id": m["id"], "year": m["year"], "issuer": m["issuer"],
                     "source": f'{m["source"]}: {m["repository"]}',
                     "genre": report.genre, "characters": report.chars,
                     "paragraphs": len(report.paragraphs)})
    return pd.DataFrame(rows, columns=["id", "year", "issuer", "source", "genre", "characters",
                                       "paragraphs"])


#: The document-genre examples of data/examples/ (written for this project; README.md there):
#: a 报告, a 请示, a 通知 with its 版头 and 附注, an upward 报告 with 发文字号 and 签发人 and a
#: date in Chinese numerals, and a 工作总结 (not one of the statutory types).
EXAMPLES = ("report_gongwen", "request_qingshi", "notice_tongzhi", "report_numbered", "summary_zongjie")


@lru_cache(maxsize=None)
def example(name: str) -> Report:
    """One of the document-genre examples, by a name of ``EXAMPLES`` (``"notice_tongzhi"``)."""
    if name not in EXAMPLES:
        raise UsageError(f"没有名为“{name}”的范例：可选 {'、'.join(EXAMPLES)}。")
    return _load_shipped(data_path("examples", name + ".txt"), "examples/" + name,
                         {"id": name, "provenance": "data/examples/README.md"})


def get(name) -> Report:
    """A report by name: ``"specimen"``, a corpus id (``"2021_state-council_gwr"``),
    ``"example:report_gongwen"``, or a path to a file (.txt, .md, .docx).

    Lessons take their report from a parameter cell through this function,
    so an instructor can run any lesson on another report.
    """
    if isinstance(name, Report):
        return name
    text = os.fspath(name)
    if not os.path.exists(text):
        if text == SPECIMEN_ID:
            return specimen()
        if text in (SPECIMEN_ID + ":corrected", SPECIMEN_ID + ":raw"):
            return specimen(text.split(":")[1])
        if text.startswith(("example:", "examples/")):
            return example(text.split(":", 1)[-1].split("/", 1)[-1])
        if text in corpus_ids() or text.startswith("corpus/"):
            return corpus(text.split("/", 1)[-1])
    return load(text)
