"""Refresh (default) or check (--check) the French translation catalogs.

Catalogs: locale/ for config/ and templates/, and virage/<app>/locale/ for each app.
--check fails when a translatable string is missing from a catalog, or a French translation is
empty or fuzzy; it leaves the files as they were. Extraction needs GNU gettext (xgettext);
without it, --check only verifies the existing catalogs (and says so)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

BASE = Path(__file__).resolve().parent.parent
LANG = "fr"


def domains() -> list[tuple[Path, list[str]]]:
    result = [
        (
            BASE,
            [
                "--ignore=virage/*",
                "--ignore=.venv/*",
                "--ignore=var/*",
                "--ignore=node_modules/*",
                "--ignore=scripts/*",
                "--ignore=bench/*",
            ],
        )
    ]
    for app in sorted((BASE / "virage").iterdir()):
        if (app / "apps.py").exists():
            result.append((app, ["--ignore=tests/*"]))
    return result


def catalog_path(root: Path) -> Path:
    return root / "locale" / LANG / "LC_MESSAGES" / "django.po"


def extract(root: Path, extra: list[str]) -> None:
    (root / "locale").mkdir(exist_ok=True)
    env = {**os.environ, "DEBUG": "1"}
    subprocess.run(
        [
            sys.executable,
            str(BASE / "manage.py"),
            "makemessages",
            "-l",
            LANG,
            "--no-obsolete",
            "--no-wrap",
            "--add-location=file",
            *extra,
        ],
        cwd=root,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def problems_in(po: Path) -> tuple[set[str], list[str]]:
    with po.open("rb") as f:
        catalog = read_po(f)
    ids, problems = set(), []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        ids.add(key)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"{po.relative_to(BASE)}: fuzzy: {key!r}")
        elif not all(strings):
            problems.append(f"{po.relative_to(BASE)}: not translated: {key!r}")
    return ids, problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    have_gettext = shutil.which("xgettext") is not None
    failures: list[str] = []
    for root, extra in domains():
        po = catalog_path(root)
        if not have_gettext:
            if po.exists():
                failures += problems_in(po)[1]
            continue
        if not args.check:
            extract(root, extra)
            if po.exists() and not problems_in(po)[0]:
                shutil.rmtree(root / "locale") if root != BASE else po.unlink()
            continue
        with tempfile.TemporaryDirectory() as tmp:
            backup = Path(tmp) / "django.po"
            if po.exists():
                shutil.copy2(po, backup)
            old_ids = problems_in(po)[0] if po.exists() else set()
            extract(root, extra)
            new_ids, new_problems = problems_in(po) if po.exists() else (set(), [])
            missing = sorted(new_ids - old_ids)
            failures += [f"{po.relative_to(BASE)}: missing from catalog: {m!r}" for m in missing]
            failures += new_problems
            if backup.exists():
                shutil.copy2(backup, po)
                po.touch()  # newer than any .mo compiled meanwhile: recompiled next time
            elif po.exists():
                po.unlink()
    if not have_gettext:
        print(
            "make_messages: xgettext not found; checked existing catalogs only "
            "(install gettext to extract)."
        )
    if failures:
        print("French translations are incomplete (run `make messages`, translate, commit):")
        for line in failures:
            print(f"  {line}")
        return 1
    print("translations: complete" if args.check else "translations: catalogs refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
