#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/sv.po translates every message of the sources as they are now: a
template is extracted from the files of po/POTFILES.in with the build's
xgettext options and compared with msgcmp, which reports every message of
the template that sv.po lacks or has only fuzzy or untranslated.

Usage: po-current.py SOURCE_ROOT"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402


def main():
    root = sys.argv[1]
    sv_po = os.path.join(root, 'po', 'sv.po')
    msgcmp = shutil.which('msgcmp')
    if msgcmp is None:
        print('msgcmp not found (Debian package gettext)')
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'upphandla.pot')
        po.make_pot(root, pot)
        template = po.parse(pot)
        translations = {(e.msgctxt, e.msgid): e for e in po.parse(sv_po)}
        print('%d messages in the sources (po/POTFILES.in), %d in po/sv.po'
              % (len(template), len(translations)))

        missing = []
        for entry in template:
            found = translations.get((entry.msgctxt, entry.msgid))
            if found is None:
                missing.append('not in sv.po: %s at %s' % (entry.name(), entry.where()))
            elif 'fuzzy' in found.flags:
                missing.append('fuzzy in sv.po: %s at %s' % (entry.name(), entry.where()))
            elif not found.translated:
                missing.append('untranslated in sv.po: %s at %s' % (entry.name(), entry.where()))
            elif entry.msgid_plural is not None and found.msgid_plural != entry.msgid_plural:
                missing.append('plural changed: %s at %s' % (entry.name(), entry.where()))

        # msgcmp too: gettext's own verdict, in its own words.
        cmd = [msgcmp, '--use-untranslated', sv_po, pot]
        result = subprocess.run(cmd, capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
        print('$ msgcmp --use-untranslated po/sv.po <fresh template>: status %d'
              % result.returncode)
        if result.returncode != 0:
            print(result.stderr.replace(tmp + os.sep, ''))

    for line in missing:
        print('FAIL:', line)
    if missing or result.returncode != 0:
        print('FAIL: %d messages of the sources have no Swedish translation in po/sv.po '
              '(ninja -C build upphandla-update-po, then translate)' % len(missing))
        return 1

    print('OK: po/sv.po translates all %d messages of the sources' % len(template))
    return 0


if __name__ == '__main__':
    sys.exit(main())
