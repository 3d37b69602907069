#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line speaks Swedish: `upphandla --help`, and the errors of
`upphandla --info`, run with LANG=sv_SE.UTF-8 LANGUAGE=sv.

Each command runs twice, in English (LANGUAGE=en) and in Swedish. Every
message of po/sv.po that the English output shows must show as its Swedish
msgstr in the Swedish output, and the English must be gone. (The lines of a
successful `--info` in Swedish are checked by tests/core/test-cli.c,
/cli/info-swedish.)

Usage: cli-sv.py SOURCE_ROOT   (UPPHANDLA_BIN: the built program)"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402

DIRECTIVE = re.compile(r"%(?:[0-9]+\$)?[-+ #0']*[0-9]*(?:\.[0-9]+)?(?:hh|h|ll|l|L|j|z|t)?[a-zA-Z]")


def pattern(text):
    """A regex for what the format @text prints, found anywhere but inside
    a word: the month "Sep" is not in "Separator"."""
    parts = [r'(?<!\w)'] if text[:1].isalnum() else []
    last = 0
    for m in DIRECTIVE.finditer(text):
        parts.append(re.escape(text[last:m.start()]))
        parts.append('(.+?)')
        last = m.end()
    parts.append(re.escape(text[last:]))
    if text[-1:].isalnum():
        parts.append(r'(?!\w)')
    return re.compile(''.join(parts), re.DOTALL)


def run(args, lang, language, home):
    env = {k: v for k, v in os.environ.items()
           if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS', 'LC_MESSAGES')}
    env.update(LANG=lang, LC_ALL=lang, LANGUAGE=language, GSETTINGS_BACKEND='memory',
               XDG_DATA_HOME=os.path.join(home, 'data'), XDG_STATE_HOME=os.path.join(home, 'state'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    result = subprocess.run([os.environ['UPPHANDLA_BIN'], *args], capture_output=True,
                            text=True, env=env, timeout=30)
    return result.stdout + result.stderr


def main():
    root = sys.argv[1]
    binary = os.environ.get('UPPHANDLA_BIN')
    if not binary or not os.access(binary, os.X_OK):
        print('UPPHANDLA_BIN is not the built program: %r' % binary)
        return 1

    # The messages of the program's own sources (app/: the command line and the core it
    # runs), not of the windows: a window's "Help" is not the "Help" of GLib's own
    # "Help Options:", which GLib's catalogue translates.
    messages = [e for e in po.parse(os.path.join(root, 'po', 'sv.po'))
                if e.translated and e.msgid_plural is None
                and any(r.startswith('app/') for r in e.references)]
    failures = []

    with tempfile.TemporaryDirectory() as home:
        missing = os.path.join(home, 'saknas.upphandla')
        commands = [['--help'], ['--info'], ['--info', missing]]
        for args in commands:
            shown = ' '.join(a.replace(home, '<tmp>') for a in args)
            english = run(args, 'en_US.UTF-8', 'en', home)
            swedish = run(args, 'sv_SE.UTF-8', 'sv', home)
            print('$ upphandla %s   (LANGUAGE=sv)' % shown)
            print('  ' + swedish.replace(home, '<tmp>').strip().replace('\n', '\n  '))

            n_found = 0
            for entry in messages:
                msgid = entry.msgid.strip('\n')
                msgstr = entry.msgstr[0].strip('\n')
                if len(msgid) < 3 or msgid == msgstr or not re.search('[A-Za-z]{3}', msgid):
                    continue
                if not pattern(msgid).search(english):
                    continue
                n_found += 1
                if pattern(msgstr).search(swedish):
                    verdict = 'Swedish'
                else:
                    verdict = 'NOT SWEDISH'
                    failures.append('upphandla %s: %s is not shown as "%s"'
                                    % (shown, entry.name(), msgstr))
                if DIRECTIVE.search(msgid) is None and msgid in swedish and msgid not in msgstr:
                    verdict = 'STILL ENGLISH'
                    failures.append('upphandla %s: still shows the English %s'
                                    % (shown, entry.name()))
                print('  %-13s %s' % (verdict, entry.name().replace('\n', '\\n')))

            if n_found == 0:
                failures.append('upphandla %s: its English output shows no message of sv.po: '
                                'is the output or the test broken?' % shown)

    for failure in failures:
        print('FAIL:', failure)
    if failures:
        return 1
    print('OK: --help and the errors of --info are in Swedish')
    return 0


if __name__ == '__main__':
    sys.exit(main())
