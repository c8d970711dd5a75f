"""Render the first page of lesson 07's model draft, exported as .docx, to a small PNG.

    python tools/render_docx_page.py            # writes docs/images/lesson07_docx_page1.png and .json

The lesson (notebooks/07_drafting.ipynb) shows the picture. It is rendered here, not in CI:
CI has no LibreOffice. The steps: export ``lesson07_models.MODEL`` with ``baogao.export.to_docx``;
convert it with LibreOffice (``soffice --headless --convert-to pdf``); render page 1 at 60 dpi
with poppler (``pdftoppm -png -r 60 -f 1 -l 1``). Beside the picture goes a JSON record
(``lesson07_export.docx_record``: the paragraphs with their styles and a digest of the .docx's
parts). ``tests/course/test_lesson07_picture.py`` recomputes the record from a fresh export and
fails when it differs: after any change to the export, run this script again.

Fonts: the .docx names 仿宋, 楷体, 黑体 and 方正小标宋简体, which a Linux machine does not have.
So that the picture still shows one face per level, a fontconfig file made for the run maps
黑体 to Noto Sans CJK SC, 楷体 to AR PL UKai CN (if installed) and 仿宋, 宋体 and 方正小标宋简体
to Noto Serif CJK SC; the record lists the mapping, and the lesson says the faces are stand-ins.
Needs: ``apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from baogao.course.lesson07_export import FIRST_PAGE, FIRST_PAGE_RECORD, docx_bytes, docx_record  # noqa: E402

DPI = 60
MAX_BYTES = 150_000
#: Font named by the .docx → (stand-in family, the package that has it).
STAND_INS = {
    "黑体": ("Noto Sans CJK SC", "fonts-noto-cjk"),
    "楷体": ("AR PL UKai CN", "fonts-arphic-ukai"),
    "仿宋": ("Noto Serif CJK SC", "fonts-noto-cjk"),
    "宋体": ("Noto Serif CJK SC", "fonts-noto-cjk"),
    "方正小标宋简体": ("Noto Serif CJK SC", "fonts-noto-cjk"),
}


def _installed(family: str) -> bool:
    out = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


def _fontconfig(folder: Path) -> tuple[Path, dict]:
    """A fonts.conf that includes the system's and adds the stand-ins; the mapping used."""
    used, aliases = {}, []
    for name, (family, package) in STAND_INS.items():
        if not _installed(family):
            print(f"note: {family} ({package}) is not installed; {name} falls back to fontconfig's default")
            continue
        used[name] = family
        aliases.append(f"  <alias binding=\"same\"><family>{name}</family><prefer><family>{family}</family>"
                       "</prefer></alias>")
    conf = folder / "fonts.conf"
    conf.write_text("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
                    "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
                    + "\n".join(aliases) + "\n</fontconfig>\n", encoding="utf-8")
    return conf, used


def main() -> int:
    for tool in ("soffice", "pdftoppm", "fc-list"):
        if shutil.which(tool) is None:
            print(f"{tool} not found: apt-get install -y --no-install-recommends libreoffice-writer-nogui "
                  "poppler-utils", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="baogao-render-") as tmp:
        folder = Path(tmp)
        source = folder / "lesson07_model.docx"
        source.write_bytes(docx_bytes())
        conf, used = _fontconfig(folder)
        env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(folder)}  # a throwaway LibreOffice profile
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(folder),
                        str(source)], check=True, env=env, capture_output=True, timeout=180)
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(folder / "lesson07_model.pdf"), str(folder / "page")], check=True, timeout=60)
        picture = folder / "page.png"
        size = picture.stat().st_size
        if size >= MAX_BYTES:
            print(f"the picture is {size} bytes, more than {MAX_BYTES}", file=sys.stderr)
            return 1
        target = ROOT / FIRST_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(picture, target)
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    record = {**docx_record(), "rendered_with": version, "dpi": DPI, "stand_in_fonts": used}
    (ROOT / FIRST_PAGE_RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIRST_PAGE} ({size} bytes) and {FIRST_PAGE_RECORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
