"""Accuracy of the linter, as data and as Markdown (docs/lint-accuracy.md).

Precision on real reports (every error-level finding on the corpus and the
document examples, judged by reading), precision on the wild web copies
(``baogao.lint.wild``: every error-level finding judged, as data), and recall and precision on the
specimen's errata, scored by ``baogao.lint.scoring`` (a finding counts for an
entry only when it is of a kind that targets the entry's category and not
many times longer than it). ``python -m baogao.lint.accuracy >
docs/lint-accuracy.md`` regenerates the document; a test fails when it is
out of date.
"""

from __future__ import annotations

import sys
from collections import Counter

from baogao.lint import lint
from baogao.lint.claims import from_findings
from baogao.lint import wild
from baogao.lint.registry import RULES
from baogao.lint.scoring import (
    CATEGORY_FAMILIES,
    CATEGORY_LABELS,
    MAX_SPAN_RATIO,
    MIN_ENTRY_WIDTH,
    score,
)
from baogao.sources.errata import CATCHABLE
from baogao.sources.shipped import corpus, example, specimen

#: Every error-level finding on the corpus, by report and rule, judged by
#: reading the text: each is a real defect of that copy (see the MANIFEST).
JUDGEMENTS = {
    "1978_state-council_gwr": {"stray-space": "eleven spaces beside quotation marks in the copy: “ 四人帮” (lines 17, 61, "
                                              "125), 由于 “四人帮” (15), 做得更好。 ” (73), 人好。” 我们 (77)"},
    "1995_state-council_gwr": {"numbering-gap": "line 47 opens a list with 首先 and goes on with 二是…十是",
                               "stray-space": "“八七扶贫攻坚计划 ” at line 47"},
    "2000_state-council_gwr": {"stray-space": "“ 钓鱼” at line 37, 等 “新干涉主义” at line 191"},
    "2003_state-council_gwr": {"half-width-punctuation": "各位代表: with an ASCII colon (MANIFEST) and an ASCII ! at line 253",
                               "stray-space": "spaces beside quotation marks at lines 25, 41, 137 and twice at 219 "
                                              "(坚持 “法制…, “扫黄”、 “打非”, “低保” 标准)"},
    "2006_state-council_gwr": {"latin-residue": "25l亿元 at line 145: the letter l for the digit 1",
                               "unbalanced-marks": "“纲要（草案）》 at line 243 opens with “ instead of 《; line 241 likewise"},
    "2016_hailar-district_gwr": {"half-width-punctuation": "ASCII , ; ( ) in the source (originally GB18030)",
                                 "marker-punctuation": "the half-width (四) at line 53 (MANIFEST)",
                                 "stray-space": "a space after a comma at line 33 and twice at line 141"},
    "2018_hailar-district_gwr": {"half-width-punctuation": "ASCII commas at line 13"},
    "2019_hailar-district_gwr": {"half-width-punctuation": "an ASCII comma at line 59"},
    "2021_state-council_gwr": {"cut-off-paragraph": "the source breaks a sentence across paragraphs at line 163"},
}

#: The warnings of the doubling rule on real reports, each read in context.
DOUBLING_JUDGEMENTS = {
    ("1978_state-council_gwr", 241): "和和 in 毛泽东's words quoted there: the original reads "
                                     "不给他以生活的机会和效力的机会的 (a doubled 和)",
}

#: Every catchable once entry the linter does not find, and why.
MISSES = {
    "E001": "the content farm's title line: no rule compares a title with the body, and the title rules of "
            "the document family run on 公文 only (the specimen's genre is unknown)",
    "E012": "组织、领导、服务能力和总揽全局的能力, a back-translation of 组织力、引领力、服务力和大局贡献度 far "
            "beyond a near miss",
    "E037": "“国家伟人” for 国之大者: a back-translation that keeps one character of the original",
    "E041": "“两扶两帮”: a programme name we cannot verify",
    "E057": "关爱暑期班 for 爱心暑托班: a paraphrase without quotation marks",
    "E094": "the unclosed 《 of line 31: `unbalanced-marks` reports it where it opens (column 164); the errata "
            "place it where the 》 is missing (column 192), so the places do not overlap",
    "E103": "晋级入团 for 推优入团: only the repetition 晋级晋级 (E102) is found",
    "E112": "新时代的习中国特色社会主义思想: the leader's name cut to 习 and moved, not recognised by the near-miss search",
    "E128": "促进优秀候选人入党 for 推优入党: a paraphrase without quotation marks",
    "E130": "促进优秀候选人入党 for 推优入党, again",
    "E139": "以史为鉴、增长信心、尊崇道德、践行历史 for 学史明理、学史增信、学史崇德、学史力行: only the doubled "
            "item (E138) is found",
    "E141": "不忘初心,牢记使命 wants a 顿号; `half-width-punctuation` would make the comma full-width, which is "
            "still wrong",
    "E144": "主要职责和业务 for 主责主业: a paraphrase without quotation marks",
    "E146": "“国家伟人” for 国之大者, again",
    "E147": "请放心,党强,国有我 for 请党放心，强国有我: the words reordered",
    "E148": "战斗精神,提高战斗技能 for 斗争精神，提高斗争本领: words replaced by synonyms",
    "E162": "学术关 for 学业关 in the 学生会 reform's 严把政治关、学业关…: a series the dictionary does not list",
    "E168": "“要做好接班人这个根本大计” for the 决议's 抓好后继有人这个根本大计: a back-translation the "
            "dictionary does not list",
}

#: Why a rule's findings on the specimen that count for no entry are right all the same (or not).
PRECISION_NOTES = {
    "unbalanced-marks": "right: the unclosed 《 of line 31, reported where it opens; its entry (E094) is placed "
                        "where the 》 is missing",
}

REASONS = {"kind": "family `{family}` does not target `{category}`",
           "width": "{width} characters, more than {ratio} × {base}"}


def error_counts(reports) -> dict[str, Counter]:
    return {r.source: Counter(f.rule for f in lint(r) if f.severity == "error") for r in reports}


def real_reports() -> list:
    return [example("report_gongwen"), example("request_qingshi")] + corpus()


def doubling_findings(reports=None) -> list[tuple[str, object]]:
    """(report id, finding) for every ``doubled-character`` finding on the real reports."""
    return [(r.source, f) for r in (reports or real_reports()) for f in lint(r, select=["doubled-character"])]


def specimen_score(report=None) -> dict:
    """``scoring.score`` of the linter's findings on the raw specimen."""
    return score(from_findings(lint(report or specimen())))


def recall(report=None) -> dict:
    """Recall on the specimen's errata: of the once-scoped catchable entries, those a
    finding counts for (``scoring``); ``rows`` gives each entry with the rules that found it."""
    s = specimen_score(report)
    return {**s["recall"], "rows": s["entries"]}


def corrected_findings() -> list:
    """Error-level findings left on the corrected edition of the specimen."""
    return [f for f in lint(specimen("corrected")) if f.severity == "error"]


def _pct(x) -> str:
    """A share as a percentage; one decimal where whole percents would round to 0% or 100%."""
    if x is None:
        return "—"
    whole = f"{x:.0%}"
    return f"{x:.1%}" if whole in ("0%", "100%") and 0 < x < 1 else whole


def _precision_section(out: list[str]) -> None:
    reports = real_reports()
    out += ["## Precision: error-level findings on real reports", "",
            "Every error-level finding on the two document examples and the seventeen corpus reports,",
            "by rule. Each was read in context and judged a real defect of that copy; there are no",
            "known false positives at error level. Warnings and infos are not counted here.", "",
            "| report | errors | by rule | judgement |", "|---|---|---|---|"]
    for source, counts in error_counts(reports).items():
        by_rule = ", ".join(f"`{k}` {v}" for k, v in sorted(counts.items())) or "—"
        why = "; ".join(JUDGEMENTS.get(source, {}).values()) or "—"
        out.append(f"| {source} | {sum(counts.values())} | {by_rule} | {why} |")
    doubled = doubling_findings(reports)
    out += ["", f"The warning `doubled-character` gives {len(doubled)} finding(s) on the same nineteen texts, "
            "each read:", ""]
    out += [f"- {source}, line {f.line}: “{f.text}” — {DOUBLING_JUDGEMENTS.get((source, f.line), 'not judged')}"
            for source, f in doubled]


def _rule_section(out: list[str]) -> None:
    families = sorted({f for fams in CATEGORY_FAMILIES.values() for f in fams})
    out += ["## How a finding counts", "",
            "A finding counts for an errata entry only when (1) it starts on the entry's line and its",
            "columns overlap the entry's text, (2) its rule belongs to a family that targets the entry's",
            "category (the table; the style family, advice on style, targets none and is not scored),",
            f"and (3) it is at most {MAX_SPAN_RATIO} times as long as the entry's text, counted as at least",
            f"{MIN_ENTRY_WIDTH} characters (a finding of up to {MAX_SPAN_RATIO * MIN_ENTRY_WIDTH} characters "
            "may point at a two-character defect",
            "inside it; a sentence may not). An overlap that fails (2) or (3) is coincidental and is listed",
            "apart below. The map is `CATEGORY_FAMILIES` in `baogao.lint.scoring`; the categories that no",
            "rule can catch have families too, so that a finding pointing at such a defect is credited in",
            "precision (never in recall).", "",
            "| category | 类别 | catchable | families |", "|---|---|---|---|"]
    for cat, fams in CATEGORY_FAMILIES.items():
        out.append(f"| `{cat}` | {CATEGORY_LABELS[cat]} | {'yes' if CATCHABLE[cat] else 'no'} | "
                   + ", ".join(f"`{f}`" for f in fams) + " |")
    out += ["", f"Families in the map: {', '.join(f'`{f}`' for f in families)}."]


def _score_sections(out: list[str], s: dict) -> None:
    r, sysr, p = s["recall"], s["systematic"], s["precision"]
    out += ["## Recall and precision on the specimen's errata", "",
            "Recall is over the once-scoped entries of the catchable categories (set per category in",
            "`data/specimen/ERRATA.md` before the rules were written) and, apart, over the occurrences of",
            "the systematic entries that the corrected edition replaces. Precision is over the linter's",
            "findings on the raw specimen (warnings and errors, and infos outside the style family): a",
            "finding is right when it counts for some entry of any category, once or systematic.", "",
            f"**Recall: {r['found']} of {r['entries']} entries ({_pct(r['recall'])}); "
            f"{sysr['found']} of {sysr['occurrences']} occurrences of systematic entries "
            f"({_pct(sysr['recall'])}). Precision: {p['right']} of {p['findings']} findings "
            f"({_pct(p['precision'])}).**",
            f"The linter's target is 90% of the entries{'' if (r['recall'] or 0) >= 0.9 else ', which it misses'}. "
            "Each miss is listed with its reason in",
            "the table of entries; most are formulations reworded so far that no character-level test recognises",
            "them. Catching them would mean listing these wrong forms in the dictionary, which would",
            "measure the dictionary against the text it was copied from.", "",
            "### By category", "",
            "Findings are attributed to the category their rule is written for (`RULE_CATEGORIES`).", "",
            "| category | 类别 | entries found | recall | occurrences found | recall | findings | right | precision |",
            "|---|---|---|---|---|---|---|---|---|"]
    for c in s["categories"]:
        if not (c["entries"] or c["occurrences"] or c["findings"]):
            continue
        out.append(f"| `{c['category']}` | {c['label']} | {c['found']}/{c['entries']} | {_pct(c['recall'])} "
                   f"| {c['occurrences_found']}/{c['occurrences']} | {_pct(c['occurrence_recall'])} "
                   f"| {c['findings']} | {c['right']} | {_pct(c['precision'])} |")
    out += ["", "### By rule", "",
            "| rule | family | severity | findings | right | precision | note |", "|---|---|---|---|---|---|---|"]
    for row in s["rules"]:
        rule = RULES[row["rule"]]
        out.append(f"| `{rule.id}` | {rule.family} | {rule.severity} | {row['findings']} | {row['right']} "
                   f"| {_pct(row['precision'])} | {PRECISION_NOTES.get(rule.id, '')} |")
    silent = sorted(set(RULES) - {row["rule"] for row in s["rules"]})
    out += ["", "Rules with no finding on the specimen: " + ", ".join(f"`{x}`" for x in silent) + "."]
    out += ["", "### The entries", "",
            "| id | line | column | category | certainty | text | found by |", "|---|---|---|---|---|---|---|"]
    for row in s["entries"]:
        found = ", ".join(f"`{x}`" for x in row["found_by"]) or f"**missed**: {MISSES.get(row['id'], '')}"
        out.append(f"| {row['id']} | {row['line']} | {row['column']} | {row['category']} | {row['certainty']} "
                   f"| {row['text']} | {found} |")
    out += ["", "### Coincidental matches", "",
            "Findings that overlap a catchable once entry but do not count for it: until this measure they",
            "did, and an entry covered by nothing else was reported found.", "",
            "| id | line | column | category | text | rule | why it does not count | found by another rule |",
            "|---|---|---|---|---|---|---|---|"]
    seen = set()
    for m in s["coincidental"]:
        key = (m["id"], m["rule"], m["reason"])
        if key in seen:
            continue
        seen.add(key)
        width = next(x["width"] for x in s["coincidental"] if (x["id"], x["rule"], x["reason"]) == key)
        base = max(len(m["text"]), MIN_ENTRY_WIDTH)
        why = REASONS[m["reason"]].format(family=m["family"], category=m["category"], width=width,
                                          ratio=MAX_SPAN_RATIO, base=base)
        out.append(f"| {m['id']} | {m['line']} | {m['column']} | {m['category']} | {m['text']} | `{m['rule']}` "
                   f"| {why} | {'yes' if m['found_otherwise'] else '**no**'} |")


def markdown(wild_findings: dict | None = None) -> str:
    """docs/lint-accuracy.md; ``wild_findings`` (``wild.findings()``) are read from
    ``shared/corpus-wild`` unless given."""
    out = ["# 校对规则的准确率 Linter accuracy", "",
           "Generated by `python -m baogao.lint.accuracy`; do not edit by hand.", ""]
    _precision_section(out)
    out.append("")
    out += wild.section(wild_findings)
    out.append("")
    _rule_section(out)
    out.append("")
    _score_sections(out, specimen_score())
    left = corrected_findings()
    out += ["", "## The corrected edition", "",
            f"Error-level findings left on `specimen(edition=\"corrected\")`: {len(left)}."]
    for f in left:
        out.append(f"- line {f.line}, column {f.column}: `{f.rule}` “{f.text}” — {f.message}")
    warnings = [f for f in lint(specimen("corrected")) if f.severity == "warning"]
    out += ["", f"Warnings left: {len(warnings)}, each on an errata entry whose correction is unknown "
            "(a query, a cut-off, the lost heading of section 四; tests/lint checks it):", ""]
    for f in warnings:
        out.append(f"- line {f.line}, column {f.column}: `{f.rule}` “{f.text}” — {f.message}")
    out += ["", "The same scorer grades any tool's findings: `baogao score FILE.json` (docs/cli.md)."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(markdown())
