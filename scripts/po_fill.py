"""Fill French translations into a catalog: `python scripts/po_fill.py PO_FILE JSON_FILE`.

JSON_FILE maps msgid → French text ({"Sign in": "Se connecter"}); for plural entries give a
list [singular, plural]. Entries already translated are overwritten only with --force.
Prints what is still untranslated. Used after `make messages`."""

from __future__ import annotations

import argparse
import json
import sys

from babel.messages.pofile import read_po, write_po


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("po")
    parser.add_argument("translations")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    with open(args.translations, encoding="utf-8") as f:
        table = json.load(f)
    with open(args.po, "rb") as f:
        # the locale keeps the Language and Plural-Forms headers (French: plural when n > 1)
        catalog = read_po(f, locale="fr")
    catalog.locale = catalog.locale or "fr"  # keep Language and Plural-Forms in the header
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        current = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(current) and not message.fuzzy and not args.force:
            continue
        if key in table:
            value = table[key]
            message.string = tuple(value) if isinstance(message.id, tuple) else value
            message.flags.discard("fuzzy")
        else:
            missing.append(key)
    with open(args.po, "wb") as f:
        write_po(f, catalog, width=0, include_previous=False)
    for key in missing:
        print(f"untranslated: {key!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
