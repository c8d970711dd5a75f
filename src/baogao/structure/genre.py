"""The genre of a report and the 文种 of a document (docs/structure.md, "Genre").

``decide_genre`` reads the element kinds: a document (公文) shows the
elements of GB/T 9704 (版头, 主送机关, 落款, 附注, 版记), a closing formula or
a title ``…关于…的<文种>``; a speech shows a 题注, a speaker, a salutation;
a copy that shows neither is of unknown genre. The 文种 comes from the
title's last word (``baogao.structure.doctypes``).
"""

from __future__ import annotations

import re

from baogao.structure.doctypes import (
    DOC_TYPES,
    doc_type_of,
    is_document_title,
    is_statutory,
    type_word,
)
from baogao.structure.lines import signer

#: A salutation run into the opening paragraph: ``各位代表，现在，我代表国务院……``.
RUN_IN_SALUTATION = re.compile(r"^(各位代表|各位委员|同志们)[，,！!]")

#: Types whose texts have the parts of a work report (review, problems, outlook …).
REPORT_LIKE = ("report", "summary", "debriefing", "survey")

# Elements of GB/T 9704 that show the document form, in reading order, with their evidence.
_HEADER_EVIDENCE = (("copy_number", "有份号"), ("secrecy", "有密级"), ("urgency", "有紧急程度"),
                    ("issuer", "有发文机关标志"), ("doc_number", "有发文字号"))
_FOOTER_EVIDENCE = (("note", "有附注"), ("cc", "有抄送机关"), ("imprint", "有印发机关和印发日期"))
_SPEECH_KINDS = {"subtitle": "题注", "speaker": "报告人", "salutation": "称呼"}


def decide_genre(elements: list[tuple[str, str]], title: str | None, opening: str
                 ) -> tuple[str, list[str], str | None]:
    """(genre, evidence, doc_type) from (kind, text) per paragraph, the title and the opening paragraph.

    The evidence is in Chinese (``有主送机关``). A statutory 文种 is kept only
    for a document: a speech-style 政府工作报告 names 报告, but it is not
    the 公文 报告; other types (总结, 讲话 …) are kept in every genre.
    """
    first: dict[str, str] = {}
    for kind, text in elements:
        first.setdefault(kind, text.strip())
    evidence = [words for kind, words in _HEADER_EVIDENCE if kind in first]
    if "signer" in first or ("doc_number" in first and signer(first["doc_number"])):
        evidence.append("有签发人")
    if "addressee" in first:
        evidence.append("有主送机关")
    if "closing" in first:
        evidence.append("有结束语“" + first["closing"] + "”")
    if is_document_title(title):
        evidence.append("标题为“关于……的" + type_word(title) + "”")
    if "attachment" in first:
        evidence.append("有附件说明")
    if "signature" in first and "date" in first:
        evidence.append("有署名和成文日期")
    evidence += [words for kind, words in _FOOTER_EVIDENCE if kind in first]
    genre = "document"
    if not evidence:
        evidence = [f"有{name}" for kind, name in _SPEECH_KINDS.items() if kind in first]
        m = RUN_IN_SALUTATION.match(opening)
        if not evidence and m:
            evidence = ["开头段以称呼起句（“" + m.group(1) + "”）"]
        # A copy that lost its frame shows neither kind: say so rather than guess.
        genre = "speech" if evidence else "unknown"
    doc_type = doc_type_of(title)
    if is_statutory(doc_type) and genre != "document":
        doc_type = None
    return genre, evidence, doc_type


def genre_label(genre: str, doc_type: str | None, labels: dict[str, str]) -> str:
    """The Chinese name of what the text is: ``labels[genre]`` refined by the 文种.

    A document of a statutory type other than 报告 is a 公文 (not a 公文式报告);
    a document of another type (总结 …) a 书面文稿; a speech whose title
    names 讲话 a 讲话稿.
    """
    if genre == "document" and doc_type not in (None, "report"):
        return "公文" if is_statutory(doc_type) else "书面文稿"
    if genre == "speech" and doc_type == "remarks":
        return "讲话稿"
    return labels[genre]


def doc_type_note(doc_type: str) -> str:
    """The 文种 as the outline prints it: its name and whether the 条例 lists it."""
    if is_statutory(doc_type):
        return f"{DOC_TYPES[doc_type]}（《党政机关公文处理工作条例》规定的公文种类）"
    return f"{DOC_TYPES[doc_type]}（不是《党政机关公文处理工作条例》规定的公文种类）"
