"""``load_report(REPORT)``: the report a notebook's parameters cell names."""

from __future__ import annotations

import os

from baogao.errors import UsageError
from baogao.report import Report
from baogao.sources.shipped import get


def load_report(source="specimen"):
    """A ``Report`` from "specimen", a corpus id ("2021_state-council_gwr"),
    "example:NAME", a path (.txt, .md, .docx), or a ``Report`` (returned as is).

    The same resolver as ``baogao.get`` (lessons and CLI), with a Chinese
    sentence for a value of the wrong type.
    """

    if not isinstance(source, (str, os.PathLike, Report)):
        raise UsageError("REPORT 应当是 \"specimen\"、语料编号或文件路径。")
    return get(source)
