"""Which report a lesson reads: whether it is the specimen (the report the lessons' line
numbers are about), and how a table names it."""

from __future__ import annotations

from pathlib import PurePath

#: The corpus's issuers, as a table names them.
ISSUER_NAMES = {"state-council": "国务院", "hailar-district": "海拉尔区"}


def is_specimen(report) -> bool:
    """The specimen, in either edition."""
    return report.meta.get("id") == "specimen"


def is_raw_specimen(report) -> bool:
    """The specimen in its raw edition: the edition whose line numbers the lessons quote."""
    return is_specimen(report) and report.meta.get("edition", "raw") == "raw"


def report_label(report) -> str:
    """How a table names a report: 样本报告（原样版）, 2021 国务院, or its source."""
    if is_specimen(report):
        return "样本报告（勘误后版本）" if report.meta.get("edition") == "corrected" else "样本报告（原样版）"
    year, issuer = report.meta.get("year"), ISSUER_NAMES.get(report.meta.get("issuer", ""))
    return f"{year} {issuer}" if year and issuer else str(report.meta.get("id") or PurePath(report.source).name)


#: What a cell about the specimen prints when the notebook reads another report.
ONLY_SPECIMEN = "这一格只对样本报告有意义。"
