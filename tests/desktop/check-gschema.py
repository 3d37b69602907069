#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that a setting's description which names its choices names them all,
in the schema and in each translation given (dconf Editor shows it to a user
who looks up what a value may be).

Usage: check-gschema.py SCHEMA.xml [LANG=CATALOGUE.mo ...]
"""

import gettext
import re
import sys
import xml.etree.ElementTree as ET

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def quoted(value, text):
    # English “value”, Swedish ”value”, or plain "value".
    return re.search("[\u201c\u201d\"]" + re.escape(value) + "[\u201d\"]", text) is not None


def main():
    schema = ET.parse(sys.argv[1]).getroot()
    catalogues = {}
    for arg in sys.argv[2:]:
        lang, path = arg.split("=", 1)
        with open(path, "rb") as f:
            catalogues[lang] = gettext.GNUTranslations(f)

    for key in schema.iter("key"):
        choices = [c.get("value") for c in key.iter("choice") if c.get("value")]
        description = " ".join((key.findtext("description") or "").split())
        # A description that quotes no choice explains the setting in words.
        if not choices or not any(quoted(c, description) for c in choices):
            continue
        name = key.get("name")
        for choice in choices:
            check(quoted(choice, description), f"{name}: the description names “{choice}”")
            for lang, catalogue in catalogues.items():
                translated = catalogue.gettext(description)
                check(translated != description or lang == "en",
                      f"{name}: the description is translated ({lang})")
                check(quoted(choice, translated), f"{name}: the {lang} description names “{choice}”")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
