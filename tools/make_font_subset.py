"""Build the bundled Chinese plotting font, ``src/baogao/data/fonts/BaogaoSansSC-Regular.otf``.

A subset of Debian's Noto Sans CJK SC Regular (package ``fonts-noto-cjk``),
renamed "Baogao Sans SC", plus its licence (``OFL.txt``) and provenance
(``README.md``), all three written by this script. fontTools is needed here
only: it is a build-time tool, not a runtime dependency of baogao.

    apt-get install -y --no-install-recommends fonts-noto-cjk
    /work/venv/bin/python tools/make_font_subset.py

Run it again whenever a shipped text, lexicon, notebook or module gains a
character: ``tests/widgets/test_plotting.py`` fails until then.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import matplotlib
from fontTools import subset
from fontTools import version as fonttools_version
from fontTools.ttLib import TTCollection, TTFont

from baogao.text.charsets import gb2312_characters

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "baogao"
OUT_DIR = PACKAGE / "data" / "fonts"

DEBIAN_PACKAGE = "fonts-noto-cjk"
SOURCE_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
SOURCE_FAMILY, SOURCE_STYLE = "Noto Sans CJK SC", "Regular"

FAMILY = "Baogao Sans SC"
STYLE = "Regular"
PS_NAME = "BaogaoSansSC-Regular"
OUT_NAME = f"{PS_NAME}.otf"

# GB/T 15834-2011 punctuation, and the symbols work reports use in figures.
GBT15834 = (
    "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～〇"
    "\u3000①②③④⑤⑥⑦⑧⑨⑩℃‰×÷±≤≥→"
)
FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))

# Only horizontal Latin kerning is kept: Noto's `locl`/`ccmp` would pull in the
# JP/KR/TC variant glyphs (x2 size) and no CJK punctuation pair is kerned.
LAYOUT_FEATURES = ["kern"]
DROP_TABLES = ["vhea", "vmtx", "VORG", "BASE"]  # vertical writing only


def shipped_files() -> list[Path]:
    """Texts and lexicons in the package data, the package modules, and the notebooks."""
    data = PACKAGE / "data"
    files = [p for ext in ("txt", "md", "csv", "json") for p in data.rglob(f"*.{ext}")
             if OUT_DIR not in p.parents]  # our own README must not feed back into the set
    files += PACKAGE.rglob("*.py")
    for folder in ("notebooks", "exercises", "solutions"):
        files += (ROOT / folder).rglob("*.ipynb")
    return sorted(set(files))


def drawable(char: str) -> bool:
    """False for controls, invisible format characters (zero-width space, BOM…) and variation selectors."""
    return (unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")
            and not 0xFE00 <= ord(char) <= 0xFE0F and not 0xE0100 <= ord(char) <= 0xE01EF)


def non_ascii_chars(paths: list[Path]) -> str:
    found = set()
    for path in paths:
        found.update(c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F and drawable(c))
    return "".join(sorted(found))


def find_face(ttc: Path, family: str, style: str) -> int:
    """Index of the face named *family*/*style* in a collection, read from its name table."""
    collection = TTCollection(str(ttc), lazy=True)
    for index, font in enumerate(collection.fonts):
        name = font["name"]
        fam = name.getDebugName(16) or name.getDebugName(1)
        sty = name.getDebugName(17) or name.getDebugName(2)
        if fam == family and sty == style:
            return index
    raise SystemExit(f"{ttc}: no face named {family!r} {style!r}")


def debian_version(package: str) -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def debian_ofl_text(copyright_file: Path) -> str:
    """The 'License: SIL-1.1' paragraph of a DEP-5 copyright file, unfolded."""
    text = copyright_file.read_text(encoding="utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.M)
    if not match:
        raise SystemExit(f"{copyright_file}: no 'License: SIL-1.1' paragraph")
    lines = [line[1:] for line in match.group(1).splitlines()]
    return "\n".join("" if line == "." else line for line in lines).strip() + "\n"


def reserved_names(*texts: str) -> list[str]:
    """Reserved Font Names declared in copyright statements (OFL: 'with Reserved Font Name …')."""
    pattern = re.compile(r"with\s+Reserved\s+Font\s+Names?\s*:?\s*([^.\n]+)", re.I)
    return [m.group(1).strip() for text in texts for m in pattern.finditer(text)]


def rename(font: TTFont, source_version: str) -> None:
    """Give the modified font its own names (OFL §3 and good practice: not 'Noto')."""
    name = font["name"]
    version = name.getDebugName(5).split(";")[0].replace("Version ", "")
    names = {
        1: FAMILY, 2: STYLE, 4: f"{FAMILY} {STYLE}" if STYLE != "Regular" else FAMILY,
        3: f"{version};BAOGAO;{PS_NAME}", 5: f"Version {version}; subset for baogao",
        6: PS_NAME, 16: FAMILY, 17: STYLE,
        10: (f"Baogao Sans SC: a subset of Noto Sans CJK SC {STYLE} {version} (Debian "
             f"fonts-noto-cjk {source_version}) made for the baogao teaching kit. "
             "Modified Version under the SIL Open Font License 1.1."),
    }
    for name_id, value in names.items():
        name.setName(value, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    old = cff.fontNames[0]
    cff.fontNames[0] = PS_NAME
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName = names[4], FAMILY
    for fd in getattr(top, "FDArray", []):  # CID-keyed: sub-font names carry the old prefix
        if getattr(fd, "FontName", "").startswith(old):
            fd.FontName = PS_NAME + fd.FontName[len(old):]


def build(source: Path, charset: str, face: int) -> TTFont:
    font = TTFont(str(source), fontNumber=face, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.drop_tables += DROP_TABLES
    options.name_IDs = ["*"]
    options.name_languages = [0x409]  # the 0x804 records repeat the Noto names
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in charset})
    subsetter.subset(font)
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE_TTC)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)

    face = find_face(args.source, SOURCE_FAMILY, SOURCE_STYLE)
    source_version = debian_version(DEBIAN_PACKAGE)
    files = shipped_files()
    parts = {
        "GB2312 (every valid double-byte code)": gb2312_characters(),
        "ASCII printable (U+0020–U+007E)": ASCII,
        "GB/T 15834 punctuation and figure symbols": GBT15834,
        "full-width forms (U+FF01–U+FF5E)": FULLWIDTH,
        "shipped texts, lexicons, modules and notebooks": non_ascii_chars(files),
    }
    charset = "".join(sorted(set("".join(parts.values()))))

    source_font = TTFont(str(args.source), fontNumber=face, lazy=True)
    source_cmap = source_font.getBestCmap()
    uncovered = "".join(c for c in charset if ord(c) not in source_cmap)
    # matplotlib draws Latin and symbols with its own DejaVu Sans first (baogao.plotting).
    dejavu = TTFont(str(Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")))
    dejavu_cmap = dejavu.getBestCmap()
    by_dejavu = "".join(c for c in uncovered if ord(c) in dejavu_cmap)
    by_neither = "".join(c for c in uncovered if ord(c) not in dejavu_cmap)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / OUT_NAME
    font = build(args.source, charset, face)
    rename(font, source_version)
    font.save(str(out))
    font = TTFont(str(out))
    cmap = font.getBestCmap()
    mapped = sum(ord(c) in cmap for c in charset)
    glyphs = len(font.getGlyphOrder())
    size = out.stat().st_size
    sha256 = hashlib.sha256(out.read_bytes()).hexdigest()

    name = source_font["name"]
    copyright_notice = name.getDebugName(0)
    trademark = name.getDebugName(7)
    ofl = debian_ofl_text(DEBIAN_COPYRIGHT)
    copyright_text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    rfns = reserved_names(copyright_notice, name.getDebugName(13) or "", copyright_text)
    (args.out_dir / "OFL.txt").write_text(
        f"Baogao Sans SC is a Modified Version of Noto Sans CJK SC.\n\n"
        f"{copyright_notice}\n{trademark}\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "The licence text below is copied from Debian's fonts-noto-cjk package\n"
        f"({DEBIAN_COPYRIGHT}).\n\n{ofl}",
        encoding="utf-8")

    composition = "\n".join(f"| {label} | {len(set(chars)):,} |" for label, chars in parts.items())
    readme = README.format(
        version=source_version, source=args.source, face=face, family=SOURCE_FAMILY,
        copyright=copyright_notice, trademark=trademark,
        rfn=("none: the font's copyright notice (name ID 0), its licence description "
             "(name ID 13) and Debian's copyright file declare no Reserved Font Name"
             if not rfns else "declared: " + "; ".join(rfns)),
        composition=composition, total=len(charset), mapped=mapped, cmap_total=len(cmap), glyphs=glyphs,
        by_dejavu=" ".join(f"{c} U+{ord(c):04X}" for c in by_dejavu) or "none",
        by_neither=" ".join(f"{c} U+{ord(c):04X}" for c in by_neither) or "none",
        size=size, mb=size / 1e6, sha256=sha256, fonttools=fonttools_version,
        features=", ".join(LAYOUT_FEATURES) or "none", dropped=", ".join(DROP_TABLES),
        dropped_arg=",".join(DROP_TABLES),
        nfiles=len(files), family_out=FAMILY, out=OUT_NAME,
    )
    (args.out_dir / "README.md").write_text(readme, encoding="utf-8")

    print(f"face {face} ({SOURCE_FAMILY} {SOURCE_STYLE}) of {args.source}, "
          f"{DEBIAN_PACKAGE} {source_version}")
    print(f"{len(charset)} characters requested, {mapped} mapped, {glyphs} glyphs, "
          f"{size:,} bytes -> {out}")
    print(f"not in the source font, drawn by DejaVu Sans: {by_dejavu or 'none'}")
    print(f"in neither font (boxes if ever plotted): {by_neither or 'none'}")
    print(f"reserved font names: {rfns or 'none'}")
    return 0


README = """\
# Bundled font: {family_out}

`{out}` lets matplotlib draw Chinese in the kit's plots (`baogao.plotting`
registers it on import). It is generated, with `OFL.txt` and this README, by
`tools/make_font_subset.py`: do not edit these three files by hand.

## Source

- Debian package `fonts-noto-cjk`, version `{version}`
  (upstream: https://github.com/googlefonts/noto-cjk, Noto Sans CJK 2.004).
- File `{source}`, face index **{face}** (`{family}` Regular),
  found by reading each face's name table (face 0 is the Japanese face).
- Copyright (font name table, ID 0): {copyright} {trademark}
  (Debian's copyright file states "2010-2012, Google Corporation" for the
  package; the font's own notice is the one reproduced in `OFL.txt`.)

## Licence

SIL Open Font License 1.1; the full text, with the copyright notice, is in
`OFL.txt`. The font may be bundled with software and redistributed, not
sold by itself; modified versions stay under the OFL.

Reserved Font Names: {rfn}. Caveats: Google Fonts' repackagings of the
same Adobe design (Noto Sans HK/JP/SC, whose Latin is Source Sans) state
"with Reserved Font Name 'Source'" in their metadata, and "Noto" is a Google
trademark (name ID 7). The subset is a Modified Version, uses neither word,
and is renamed in any case: family "{family_out}" (name IDs 1, 4, 16; style
IDs 2, 17), PostScript name `BaogaoSansSC-Regular` (ID 6, and the CFF font
name), and the description (ID 10) says what it was made from. The copyright
(ID 0), trademark (ID 7), designer/vendor (IDs 8–12) and licence (IDs 13, 14)
records are kept as they were.

## Character set

| Part | Characters |
|---|---:|
{composition}

Union: **{total:,}** characters, of which {mapped:,} are in the subset
(its cmap has {cmap_total:,} entries: the subsetter keeps code points that
share a kept glyph); {glyphs:,} glyphs, `.notdef` included.

Requested but not in Noto Sans CJK SC, and drawn by matplotlib's DejaVu Sans
instead: {by_dejavu}.

In neither font, so a plot would draw them as empty boxes (keep them out of
plot labels; the browser draws them in widgets): {by_neither}.

The shipped files read at build time ({nfiles} today): every
`src/baogao/data/**/*.{{txt,md,csv,json}}` except this folder, every
`src/baogao/**/*.py`, and every `*.ipynb` under `notebooks/`, `exercises/`
and `solutions/`; of these, all non-ASCII characters except controls,
invisible format characters (zero-width space, BOM) and variation selectors,
which have no glyph.

## Subsetting

fontTools {fonttools} `fontTools.subset` on that face, with: layout features
{features} (the `locl`/`ccmp` substitutions would pull in the JP/KR/TC glyph
variants and double the size; no CJK punctuation pair is kerned), hinting
dropped, tables {dropped} dropped (vertical writing only), English name
records only, head timestamp kept (reproducible output). Equivalent command:

    pyftsubset NotoSansCJK-Regular.ttc --font-number={face} --unicodes-file=… \\
        --layout-features=kern --no-hinting --drop-tables+={dropped_arg} \\
        --name-IDs='*' --name-languages=0x409 --notdef-outline

followed by the renaming above.

Size: {size:,} bytes ({mb:.2f} MB); SHA-256 `{sha256}`.

## Regenerate

    apt-get install -y --no-install-recommends fonts-noto-cjk
    /work/venv/bin/python tools/make_font_subset.py

Rebuild whenever a shipped text, lexicon, notebook or module gains a
character outside the set: `tests/widgets/test_plotting.py` renders every such
character and fails on any missing glyph.
"""


if __name__ == "__main__":
    sys.exit(main())
