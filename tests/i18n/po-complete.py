#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/sv.po is complete: msgfmt --check accepts it and its statistics say
"N translated messages." with no fuzzy and no untranslated message.

Usage: po-complete.py SOURCE_ROOT"""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402


def main():
    root = sys.argv[1]
    sv_po = os.path.join(root, 'po', 'sv.po')
    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        print('msgfmt not found (Debian package gettext)')
        return 1

    cmd = [msgfmt, '--check', '--statistics', '-o', os.devnull, sv_po]
    result = subprocess.run(cmd, capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    output = (result.stdout + result.stderr).strip()
    print('$', ' '.join(cmd))
    print(output)

    failures = []
    if result.returncode != 0:
        failures.append('msgfmt --check failed with status %d' % result.returncode)
    if not re.search(r'^\d+ translated messages?\.$', output.splitlines()[-1] if output else '',
                     re.MULTILINE):
        failures.append('the statistics are not "N translated messages." alone: %r' % output)
    for word in ('fuzzy', 'untranslated'):
        if word in output:
            failures.append('the statistics mention %s messages' % word)

    # Name them, so that the translator knows where to look.
    if failures:
        for entry in po.parse(sv_po):
            if 'fuzzy' in entry.flags:
                print('fuzzy: %s (sv.po line %d)' % (entry.name(), entry.line))
            elif not entry.translated:
                print('untranslated: %s (sv.po line %d)' % (entry.name(), entry.line))
        for failure in failures:
            print('FAIL:', failure)
        return 1

    print('OK: every message of po/sv.po is translated, none fuzzy')
    return 0


if __name__ == '__main__':
    sys.exit(main())
