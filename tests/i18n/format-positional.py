#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Format strings a translator can reorder and understand: in a template
extracted from the sources now (xgettext with the build's options and
--add-comments=Translators), every message with printf directives

  - that has two or more of them uses positional ones only (%1$s, %2$u,
    never %s, %d, %u): Swedish may need another order;
  - has a "Translators:" comment that says what the directives stand for.

A message counts as a printf format when xgettext marks it c-format (it
does for every string with valid printf directives in C, and with the
GLib flags for the arguments of g_strdup_printf() and the like); a
g_date_time_format() format that happens to be valid printf ("%a %-d") is
one too, until its comment says /* xgettext:no-c-format */. A single
non-positional directive is reported but not an error.

A "Translators:" comment counts only where xgettext extracts it: directly
above the line of the _() call. One above a g_set_error() whose message is
on a later line never reaches the translator.

Usage: format-positional.py SOURCE_ROOT"""

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402

# A C printf directive, as msgfmt --check reads one; "%%" is taken first.
DIRECTIVE = re.compile(r"%%|%(?P<pos>[0-9]+\$)?[-+ #0']*(?:[0-9]+|\*(?:[0-9]+\$)?)?"
                       r"(?:\.(?:[0-9]+|\*(?:[0-9]+\$)?))?"
                       r"(?:hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I)?(?P<conv>[diouxXeEfFgGaAcspnm])")


def directives(text):
    return [m for m in DIRECTIVE.finditer(text or '') if m.group(0) != '%%']


def stray_comment(root, entry):
    """Where a "Translators:" comment sits a few lines above a reference of
    @entry without reaching the template, or None."""
    for reference in entry.references:
        path, _, line = reference.rpartition(':')
        try:
            with open(os.path.join(root, path), encoding='utf-8') as f:
                lines = f.read().split('\n')
        except OSError:
            continue
        number = int(line)
        for i in range(number - 2, max(number - 8, 0) - 1, -1):
            if 'Translators' in lines[i]:
                return '%s:%d' % (path, i + 1)
    return None


def show(entry):
    return entry.name().replace('\n', '\\n')


def main():
    root = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'upphandla.pot')
        po.make_pot(root, pot)
        entries = po.parse(pot)

    failures = []
    notes = []
    n_formats = 0
    for entry in entries:
        if 'no-c-format' in entry.flags:
            continue
        found = directives(entry.msgid)
        if 'c-format' not in entry.flags or not found:
            continue
        n_formats += 1
        where = entry.where()
        texts = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        has_comment = any(c.startswith('Translators') for c in entry.comments)

        problems = []
        for text in texts:
            found_in_text = directives(text)
            plain = [m.group(0) for m in found_in_text if not m.group('pos')]
            if len(found_in_text) >= 2 and plain:
                problems.append('%d directives, not positional: %s (use %%1$s, %%2$s…; a '
                                'date format for g_date_time_format() needs a '
                                '/* xgettext:no-c-format */ comment instead)'
                                % (len(found_in_text), ' '.join(plain)))
            elif plain:
                notes.append('%s: %s has one non-positional directive %s (allowed)'
                             % (where, show(entry), plain[0]))
        if not has_comment:
            stray = stray_comment(root, entry)
            if stray:
                problems.append('no "Translators:" comment reaches the template (the one at %s '
                                'is not directly above the line of the _() call)' % stray)
            else:
                problems.append('no "Translators:" comment')

        verdict = 'FAIL' if problems else 'ok'
        print('%-4s %s: %s [%s]%s' % (verdict, where, show(entry),
                                      ' '.join(m.group(0) for m in found),
                                      (' — ' + '; '.join(problems)) if problems else ''))
        for problem in problems:
            failures.append('%s: %s: %s' % (where, show(entry), problem))

    for note in notes:
        print('note:', note)
    print('%d messages in the sources, %d of them printf formats' % (len(entries), n_formats))
    if n_formats == 0:
        failures.append('no format string found at all: the extraction is broken')

    for failure in failures:
        print('FAIL:', failure)
    if failures:
        return 1
    print('OK: every format string is positional and explained to translators')
    return 0


if __name__ == '__main__':
    sys.exit(main())
