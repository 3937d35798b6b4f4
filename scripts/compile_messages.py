"""Compile every django.po under locale/ and virage/*/locale/ into .mo files with Babel
(pure Python: no GNU gettext needed on a fresh machine). Skips up-to-date files."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

BASE = Path(__file__).resolve().parent.parent


def po_files() -> list[Path]:
    files = list((BASE / "locale").glob("*/LC_MESSAGES/*.po"))
    files += list((BASE / "virage").glob("*/locale/*/LC_MESSAGES/*.po"))
    return sorted(files)


def main() -> int:
    compiled = 0
    for po in po_files():
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        if catalog.locale is None:
            # an empty "Language:" header (msgmerge leaves one) drops the locale, and with it
            # the Plural-Forms header: Django would then use English plurals (0 → plural)
            catalog.locale = po.parent.parent.name
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        compiled += 1
    if compiled:
        print(f"compiled {compiled} translation file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
