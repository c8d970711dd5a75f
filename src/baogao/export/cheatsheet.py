"""A printable cheat sheet (速查表) on 公文写作, generated from the kit's own data.

Every part that the kit holds data for is read from it, so that the sheet
never disagrees with the linter: the heading sequence from ``text.markers``
(and the typefaces the .docx export uses), the elements the structure parser
recognises (``structure.elements``), the punctuation and numeral rules from
the lint registry with their own examples, the standard formulations of
``data/lexicon/proofing.txt``, and the most common findings, counted by
running the linter over the corpus and the specimen. Only the grouping of
GB/T 9704's elements into 版头, 主体 and 版记, with the element kind of each
(``DOCUMENT_PARTS``; the 印章 is not modelled), is written here.

- ``cheatsheet_html(counts=None)``: the sheet as one self-contained HTML page
  (the bundled font embedded, print CSS for A4);
- ``common_findings()``: findings per rule on the corpus and the specimen;
- ``html_to_pdf(html, chromium)``: the PDF bytes, printed by headless Chromium;
- ``write_cheatsheet(out, pdf=None, chromium=None, force=False)``: both files,
  written as ``baogao.export.export`` writes (refuses to overwrite without
  ``force``, temporary file renamed when complete).
"""
from __future__ import annotations

import base64
import html
import itertools
import os
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from baogao.errors import UsageError
from baogao.export import _check_target, _write_atomically
from baogao.export.docx import FANGSONG, HEITI, KAITI
from baogao.lint import FAMILIES, RULES, SEVERITY_LABELS, catalogue, lint
from baogao.lint.ruledoc import example_findings
from baogao.sources.shipped import corpus, specimen
from baogao.structure.doctypes import DOC_TYPES, STATUTORY_TYPES
from baogao.structure.elements import ELEMENT_NAMES
from baogao.structure.genre import genre_label
from baogao.structure.outline import GENRE_LABELS
from baogao.text.lexicon import data_path, read_entries
from baogao.text.markers import STYLE_NAMES, STYLES, render

SHEET_TITLE = "公文写作速查表"
#: The bundled font (``baogao.plotting.font_path()``, named here to keep matplotlib out).
FONT_FAMILY = "Baogao Sans SC"
FONT_FILE = "BaogaoSansSC-Regular.otf"
#: The families whose rules the sheet lists: GB/T 15834 and GB/T 15835.
STANDARD_FAMILIES = ("punctuation", "numerals")
#: The four heading styles GB/T 9704 gives, and the typeface usually used for each level.
LEVEL_STYLES = STYLES[:4]
LEVEL_TYPEFACES = (HEITI, KAITI, FANGSONG, FANGSONG)
TOP_FINDINGS = 10
PDF_TIMEOUT = 120  # seconds; Chromium prints the sheet in a few seconds
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-first-run", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-pdf-header-footer")

#: GB/T 9704-2012's elements by part, and the element kind the parser gives each (None: not modelled).
DOCUMENT_PARTS = (
    ("版头", (("份号", "copy_number"), ("密级", "secrecy"), ("紧急程度", "urgency"), ("发文机关标志", "issuer"),
              ("发文字号", "doc_number"), ("签发人", "signer"))),
    ("主体", (("标题", "title"), ("主送机关", "addressee"), ("正文", "paragraph"),
              ("附件说明", "attachment"), ("发文机关署名", "signature"), ("成文日期", "date"),
              ("印章", None), ("附注", "note"), ("附件", "annex"))),
    ("版记", (("抄送机关", "cc"), ("印发机关和印发日期", "imprint"))),
)
#: The elements each of which shows the document form on its own (docs/structure.md, "Genre"),
#: besides those of the 版头 and the 版记; a 署名 and a 成文日期 show it together.
DOCUMENT_EVIDENCE = ("addressee", "attachment", "note", "closing")
#: Elements of a speech-style report (not elements of GB/T 9704), in reading order.
SPEECH_ELEMENTS = ("title", "subtitle", "speaker", "salutation", "paragraph")

#: The kinds of proofing.txt, in the sheet's order, with their headings (names are not listed).
KIND_LABELS = {"formulation": "规范提法（照写，一字不差）", "set": "固定组合（各项齐全、不改字）",
               "governed": "带固定动词的提法", "series": "固定并列（不少项）", "counterpart": "分清主体",
               "family": "固定开头（只接这些）", "anchored": "固定引语", "outdated": "新旧提法",
               "programme": "项目、赛事名称（加引号）", "name": "人名"}


def _e(text) -> str:
    return html.escape(str(text), quote=True)


# -- content --------------------------------------------------------------------------------------

def heading_levels() -> list[tuple[int, str, str, str]]:
    """(level, marker of the first heading, style name, usual typeface) for the four levels."""
    return [(level, render(style, 1), STYLE_NAMES[style], face)
            for level, (style, face) in enumerate(zip(LEVEL_STYLES, LEVEL_TYPEFACES), 1)]


@dataclass(frozen=True)
class RuleEntry:
    """A rule as the sheet shows it: its wrong example, its right one, the wrong spans."""

    id: str
    family: str
    severity: str
    title: str
    reference: str
    wrong: str  # the rule's positive example
    right: str
    wrong_spans: tuple[tuple[int, int], ...]
    right_spans: tuple[tuple[int, int], ...]


def rule_entry(r) -> RuleEntry:
    """The rule with its positive example as the wrong form and, as the right form, that
    example with the rule's own suggestions applied (its negative example when a finding
    has no single suggestion)."""
    findings = sorted(example_findings(r), key=lambda f: f.start)
    wrong_spans = tuple((f.start, f.end) for f in findings)
    overlap = any(a.end > b.start for a, b in itertools.pairwise(findings))
    if not findings or overlap or any(f.suggestion is None for f in findings):
        return RuleEntry(r.id, r.family, r.severity, r.title, r.reference, r.positive, r.negative,
                         wrong_spans, ())
    right, spans, shift = r.positive, [], 0
    for f in findings:
        a, b = f.start + shift, f.end + shift
        right = right[:a] + f.suggestion + right[b:]
        spans.append((a, a + len(f.suggestion)))
        shift += len(f.suggestion) - (f.end - f.start)
    return RuleEntry(r.id, r.family, r.severity, r.title, r.reference, r.positive, right,
                     wrong_spans, tuple(spans))


def standard_rules() -> list[RuleEntry]:
    """Every rule of the punctuation and numeral families, in catalogue order."""
    return [rule_entry(r) for r in catalogue() if r.family in STANDARD_FAMILIES]


def formulation_groups() -> list[tuple[str, list[str]]]:
    """(heading, items) for each kind of proofing.txt: right forms only, in file order."""
    groups: dict[str, list[str]] = {kind: [] for kind in KIND_LABELS}
    sets: dict[str, list[str]] = {}
    for line in read_entries("proofing.txt"):
        kind, text, *rest = line.split("\t")
        if kind.startswith("set:"):
            sets.setdefault(rest[0] if rest else kind[4:], []).append(text)
            continue
        if kind not in groups:
            raise ValueError(f"proofing.txt: no label for kind {kind!r}")
        if kind == "governed":
            text = rest[0] + text  # 铸牢 + 中华民族共同体意识
        elif kind == "counterpart":
            text = rest[-1]  # its note: 共青团自身的从严管理是“全面从严治团”，…
        elif kind == "family":
            text = "、".join(text + member for member in rest[0].split(","))
        elif kind == "anchored":
            text = text + rest[0]
        elif kind == "outdated":
            text = f"{rest[0]}（{rest[1]} 年起；{rest[2]}）"
        elif kind == "programme":
            text = f"“{text}”"
        groups[kind].append(text)
    groups["set"] = [f"{label}：{'、'.join(members)}" for label, members in sets.items()]
    names = groups.pop("name")
    out = [(KIND_LABELS[kind], items) for kind, items in groups.items() if items]
    if names:
        out.append((KIND_LABELS["name"], [f"领导人姓名 {len(names)} 个，由规则 name-near-miss 逐字核对（本表不列）"]))
    return out


@dataclass(frozen=True)
class RuleCount:
    rule: str
    findings: int  # how many findings of the rule
    texts: int  # in how many of the texts


@dataclass(frozen=True)
class FindingCounts:
    """Findings per rule over some texts, most first; ``described`` names the texts."""

    rules: tuple[RuleCount, ...]
    texts: int
    described: str


def common_findings(reports=None, described: str | None = None) -> FindingCounts:
    """Findings per rule of ``baogao.lint.lint`` over ``reports`` (by default the 17 corpus
    reports and the specimen, raw edition), most findings first."""
    if reports is None:
        corpus_reports = corpus()
        reports = [*corpus_reports, specimen()]
        described = f"{len(corpus_reports)} 篇政府工作报告和样本"
    findings, texts = Counter(), Counter()
    for report in reports:
        rules = [f.rule for f in lint(report)]
        findings.update(rules)
        texts.update(set(rules))
    counts = sorted((RuleCount(rule, n, texts[rule]) for rule, n in findings.items()),
                    key=lambda c: (-c.findings, -c.texts, c.rule))
    return FindingCounts(tuple(counts), len(reports), described or f"{len(reports)} 篇文本")


# -- HTML -----------------------------------------------------------------------------------------

def _marked(text: str, spans, css: str) -> str:
    out, at = [], 0
    for a, b in spans:
        out += [_e(text[at:a]), f'<b class="{css}">{_e(text[a:b])}</b>']
        at = b
    out.append(_e(text[at:]))
    return "".join(out).replace("\n", " / ")


def _levels_section() -> str:
    levels = heading_levels()
    row = "".join
    table = (f"<table class=levels><tr><th>层次</th>{row(f'<th>第{n}层</th>' for n, *_ in levels)}</tr>"
             f"<tr><th>序数</th>{row(f'<td class=m>{_e(m)}</td>' for _, m, _, _ in levels)}</tr>"
             f"<tr><th>样式</th>{row(f'<td>{_e(name)}</td>' for _, _, name, _ in levels)}</tr>"
             f"<tr><th>字体</th>{row(f'<td>一般用{_e(face)}字</td>' for *_, face in levels)}</tr></table>")
    markers = "”“".join(render(style, 1) for style in LEVEL_STYLES)
    wrong = "、".join(STYLE_NAMES[s].replace("（不规范）", "") for s in STYLES if "不规范" in STYLE_NAMES[s])
    return (f"<h2>一、结构层次序数</h2>{table}"
            f"<p>GB/T 9704-2012《党政机关公文格式》：结构层次序数依次可以用“{_e(markers)}”标注；"
            f"一般第一层用{HEITI}字、第二层用{KAITI}字、第三层和第四层用{FANGSONG}字。"
            "这是给党政机关公文推荐的层次序数。</p>"
            "<p class=note>惯例（不是该标准的条文）：同一层级只用一种序数，序号依次连续，不缺号、不重号、"
            "不颠倒；本工具的编号检查按这一惯例进行。讲话式报告不是党政机关公文，按惯例沿用同样的层次。"
            f"{_e(STYLE_NAMES['cn-shi'])}、{_e(STYLE_NAMES['cn-di'])}是段内列举，不作小标题；"
            f"不规范的写法：{_e(wrong)}。</p>")


def _elements_section() -> str:
    rows = []
    for part, elements in DOCUMENT_PARTS:
        cells = [_e(name) if kind is None else f"<b>{_e(name)}</b>" + (
            f"（{_e(ELEMENT_NAMES[kind])}）" if ELEMENT_NAMES[kind] != name else "") for name, kind in elements]
        rows.append(f"<tr><th>{_e(part)}</th><td>{'、'.join(cells)}</td></tr>")
    speech = "、".join(_e(ELEMENT_NAMES[k]) for k in SPEECH_ELEMENTS)
    label = {k: genre_label("document", k, GENRE_LABELS) for k in ("report", "request", "summary")}
    # Which copies the outline reads as documents, and how it names them (docs/structure.md, "Genre").
    genre = (f"有版头或版记的任一要素、{'、'.join(ELEMENT_NAMES[k] for k in DOCUMENT_EVIDENCE[:-1])}，"
             f"或署名和成文日期俱全，或有{ELEMENT_NAMES['closing']}，或标题为“关于……的”加《党政机关公文处理工作条例》"
             f"规定的 {len(STATUTORY_TYPES)} 种文种之一（如“关于……的请示”）的，提纲判为公文，公文格式规则只用于这类文本："
             f"文种为{DOC_TYPES['report']}或标题不写文种的标为“{label['report']}”，{DOC_TYPES['request']}、"
             f"{DOC_TYPES['notice']}等其他法定文种标为“{label['request']}”，{DOC_TYPES['summary']}、"
             f"{DOC_TYPES['plan']}等不是法定文种的标为“{label['summary']}”。")
    return ("<h2>二、公文要素</h2>"
            f"<table class=parts>{''.join(rows)}</table>"
            "<p class=note>GB/T 9704-2012 把公文的要素分为版头、主体、版记三部分。加粗的要素本工具能在草稿中识别"
            f"（括号里是它在提纲中的名称）。{_e(genre)}"
            f"结束语（如“特此报告。”）是正文末尾的习惯用语，不是该标准规定的要素；本工具把它识别为“{_e(ELEMENT_NAMES['closing'])}”。"
            f"{_e(GENRE_LABELS['speech'])}（政府工作报告、会议报告）在会议上宣读，要素是：{speech}，"
            "通常没有主送机关、结束语、署名和成文日期。两类要素都没有的（例如丢了首尾的网上副本），"
            f"提纲标为“{_e(GENRE_LABELS['unknown'])}”，只按所有报告通用的规则校对。</p>")


def _rules_section(entries: list[RuleEntry]) -> str:
    out = ["<h2>三、标点与数字：报告里常错的地方</h2>"]
    for family in STANDARD_FAMILIES:
        members = [e for e in entries if e.family == family]
        if not members:
            continue
        standard = members[0].reference.split("，")[0]
        out.append(f"<h3>{_e(FAMILIES[family])}（{_e(standard)}）</h3><table class=rules>"
                   "<col class=c1><col class=c2><col class=c3><col class=c3>"
                   "<tr><th>规则</th><th>说明</th><th>错</th><th>对</th></tr>")
        for e in members:
            topic = e.reference.split("，", 1)[1] if "，" in e.reference else e.reference
            out.append(f"<tr><td class=id>{_e(e.id)} <span class=sev>{_e(SEVERITY_LABELS[e.severity])}</span></td>"
                       f"<td>{_e(e.title)}<br><span class=ref>{_e(topic)}</span></td>"
                       f"<td>{_marked(e.wrong, e.wrong_spans, 'bad')}</td>"
                       f"<td>{_marked(e.right, e.right_spans, 'good')}</td></tr>")
        out.append("</table>")
    out.append("<p class=note>每条规则的“错”“对”两例取自规则自身的示例（规则目录 docs/rules.md）；"
               "“对”一栏是按规则的修改建议改过的句子，没有唯一建议的规则给出它的不触发示例。</p>")
    return "".join(out)


def _formulations_section() -> str:
    out = ["<h2>四、常用规范提法</h2><dl class=terms>"]
    for label, items in formulation_groups():
        out.append(f"<dt>{_e(label)}</dt><dd>{'　'.join(_e(i) for i in items)}</dd>")
    out.append("</dl><p class=note>取自本工具的校对词表（data/lexicon/proofing.txt），只列正确写法；"
               "校对时与这些写法相差一两个字的地方会被标出。</p>")
    return "".join(out)


def _findings_section(counts: FindingCounts) -> str:
    top = [c for c in counts.rules if c.rule in RULES][:TOP_FINDINGS]
    rows = "".join(f"<tr><td class=n>{i}</td><td class=id>{_e(c.rule)}</td><td>{_e(RULES[c.rule].title)}</td>"
                   f"<td>{_e(FAMILIES[RULES[c.rule].family])}·{_e(SEVERITY_LABELS[RULES[c.rule].severity])}</td>"
                   f"<td class=n>{c.findings}</td><td class=n>{c.texts}</td></tr>" for i, c in enumerate(top, 1))
    return (f"<h2>五、最常见的校对结果</h2><p>在 {_e(counts.described)}上出现最多的校对结果"
            f"（baogao lint 的全部规则，共 {counts.texts} 篇文本，样本用原样版；按结果条数排序，篇数为出现该结果的文本数）：</p>"
            "<table class=top><col class=c1><col style='width:27%'><col style='width:34%'><col style='width:18%'><col><col>"
            "<tr><th></th><th>规则</th><th>说明</th><th>类别·级别</th><th>条数</th><th>篇数</th></tr>"
            f"{rows}</table><p class=note>计数反映的是这些文本本身：语料是网上的转录本（保留了来源的差错），"
            "样本是经过机器改写的转载本，有一部分结果来自转录和转载；“提示”级的结果是文风建议，不是差错。</p>")


def _font_face() -> str:
    font = base64.b64encode(data_path("fonts", FONT_FILE).read_bytes()).decode("ascii")
    return (f"@font-face{{font-family:'{FONT_FAMILY}';src:url(data:font/otf;base64,{font}) "
            "format('opentype');font-weight:normal;font-style:normal}")


CSS = f"""
@page {{ size: A4; margin: 10mm 11mm; }} html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: '{FONT_FAMILY}', sans-serif; font-size: 8.2pt; line-height: 1.38; color: #111;
       margin: 0 auto; max-width: 188mm; }}
h1 {{ font-size: 15pt; margin: 0; text-align: center; letter-spacing: .2em; }}
h2 {{ font-size: 10.5pt; margin: 2.2mm 0 .8mm; border-bottom: .5pt solid #555; break-after: avoid; }}
h3 {{ font-size: 8.8pt; margin: 1.2mm 0 .5mm; break-after: avoid; }}
h1, h2, h3, th, b {{ font-weight: normal; }} p {{ margin: .6mm 0; }}
.lead {{ text-align: center; color: #444; }} .note, .sev, .ref, footer {{ color: #555; font-size: 7.3pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border: .4pt solid #999; padding: .3mm 1mm; vertical-align: top; text-align: left; }}
th {{ background: #eee; }} tr {{ break-inside: avoid; }}
table.levels {{ width: 70%; }} td.m {{ font-size: 10pt; }}
table.parts {{ table-layout: auto; }} .parts th {{ width: 10mm; }} .parts b {{ text-decoration: underline; }}
col.c1 {{ width: 27%; }} col.c2 {{ width: 21%; }} col.c3 {{ width: 26%; }} table.top col.c1 {{ width: 5%; }}
td.id {{ font-size: 7.2pt; overflow-wrap: anywhere; }} td.n {{ text-align: right; }}
b.bad {{ color: #b00; text-decoration: underline wavy #b00; }} b.good {{ color: #060; text-decoration: underline #060; }}
dl {{ margin: 0; }} dt {{ margin-top: .5mm; color: #333; }} dd {{ margin: 0 0 0 4mm; }} footer {{ margin-top: 1.5mm; text-align: center; }}
"""


def cheatsheet_html(counts: FindingCounts | None = None) -> str:
    """The sheet as one HTML page; ``counts`` is ``common_findings()`` (computed when None:
    linting the 18 texts takes some seconds)."""
    counts = common_findings() if counts is None else counts
    entries = standard_rules()
    body = (f"<h1>{_e(SHEET_TITLE)}</h1>"
            "<p class=lead>标准怎么说，惯例怎么做，校对工具查什么：由 baogao 根据自身的规则目录和词表生成</p>"
            + _levels_section() + _elements_section() + _rules_section(entries)
            + _formulations_section() + _findings_section(counts)
            + f"<footer>baogao 速查表 · 校对规则 {len(RULES)} 条，本表列出其中标点、数字规则 {len(entries)} 条 · "
              "标准原文以正式出版物为准</footer>")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{_e(SHEET_TITLE)}</title><style>{_font_face()}{CSS}</style></head>"
            f"<body>{body}</body></html>\n")


# -- files ----------------------------------------------------------------------------------------

def html_to_pdf(html_text: str, chromium: str) -> bytes:
    """The PDF that headless Chromium prints from the page (A4, as its CSS says)."""
    with tempfile.TemporaryDirectory(prefix="baogao-cheatsheet-") as tmp:
        page, pdf = Path(tmp) / "sheet.html", Path(tmp) / "sheet.pdf"
        page.write_text(html_text, encoding="utf-8")
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=PDF_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise UsageError(f"Chromium 在 {PDF_TIMEOUT} 秒内没有生成 PDF：请稍后再试，或只生成 HTML 后用浏览器打印。") from None
        except OSError:
            raise UsageError(f"无法运行 Chromium（“{chromium}”）：请检查它是否已正确安装。") from None
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            raise UsageError(f"Chromium 没有生成 PDF（退出码 {done.returncode}）：请只生成 HTML，再用浏览器打印成 PDF。")
        return pdf.read_bytes()


def _target(path, suffixes: tuple[str, ...], what: str, force: bool) -> Path:
    target = Path(os.fspath(path))
    if target.suffix.lower() not in suffixes:
        raise UsageError(f"{what}的文件名应以 {suffixes[0]} 结尾，不能是“{target.name}”。", path=str(target))
    if not target.parent.is_dir():
        raise UsageError(f"无法写入“{target}”：文件夹“{target.parent}”不存在。", path=str(target))
    if not force and target.is_file() and not target.is_symlink():  # say which option, in this API's words
        raise UsageError(f"“{target}”已经存在：要替换它，请加上 --force（在 Python 里是 write_cheatsheet(…, force=True)）。",
                         path=str(target))
    _check_target(None, target, force)
    return target


def _write(target: Path, data: bytes, force: bool) -> None:
    try:
        _write_atomically(target, lambda f: f.write(data), force)
    except OSError:
        raise UsageError(f"无法写入“{target}”：请检查是否有写入权限、磁盘空间是否足够。", path=str(target)) from None


def write_cheatsheet(out, pdf=None, *, chromium: str | None = None, force: bool = False,
                     counts: FindingCounts | None = None) -> tuple[Path, Path | None]:
    """Write the sheet as HTML to ``out`` and, when ``pdf`` is given, as PDF (printed by the
    Chromium at ``chromium``); return both paths. Checks both targets before any work:
    an existing file is replaced only with ``force``."""
    html_target = _target(out, (".html", ".htm"), "速查表", force)
    pdf_target = None
    if pdf is not None:
        pdf_target = _target(pdf, (".pdf",), "PDF 速查表", force)
        if not chromium:
            raise UsageError("没有找到 Chromium，无法生成 PDF：请安装 Chromium（Debian/Ubuntu：apt-get install chromium），"
                             "或用环境变量 BAOGAO_CHROMIUM 指向它；也可以只生成 HTML，再用浏览器打印。")
    page = cheatsheet_html(counts)
    pdf_data = html_to_pdf(page, chromium) if pdf_target is not None else None
    _write(html_target, page.encode("utf-8"), force)
    if pdf_target is not None:
        _write(pdf_target, pdf_data, force)
    return html_target, pdf_target
