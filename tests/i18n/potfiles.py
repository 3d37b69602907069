#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with translatable strings, and only
files that exist.

Looked at: .c and .h files (_(), N_(), C_(), NC_(), Q_(), ngettext(),
g_dngettext(), g_dgettext(), g_dpgettext2(), outside comments), .ui files
(translatable="yes"), GSettings schemas (summary, description), AppStream
metainfo (name, summary, p, li, caption, keyword, developer_name, unless
translate="no"), desktop entries (Name, GenericName, Comment, Keywords),
shared-mime-info files (comment) and any intltool-style <_element>, under
app/, ui/, resources/ and include/.

Usage: potfiles.py SOURCE_ROOT"""

import os
import re
import sys

SCANNED_DIRS = ['app', 'ui', 'resources', 'include']

C_CALL = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|'
                    r'g_dpgettext2|g_dcgettext|dgettext|dngettext|gettext)\s*\(')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(yes|true|1)"', re.IGNORECASE)
INTLTOOL = re.compile(r'<_[A-Za-z]')
SCHEMA = re.compile(r'<(summary|description)(\s[^>]*)?>\s*[^<\s]')
METAINFO = re.compile(r'<(name|summary|p|li|caption|keyword|developer_name)(\s[^>]*)?>')
MIME = re.compile(r'<comment(\s[^>]*)?>\s*[^<\s]')
DESKTOP = re.compile(r'^(Name|GenericName|Comment|Keywords)\s*=\s*\S', re.MULTILINE)


def strip_c_comments_and_strings(text):
    """Comments and the contents of string and character literals become
    blanks (newlines kept, so line numbers hold)."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(c + re.sub(r'[^\n]', ' ', text[i + 1:j]) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def first_match(pattern, text, skip=None):
    for m in pattern.finditer(text):
        if skip is not None and skip(m):
            continue
        return text.count('\n', 0, m.start()) + 1, m.group(0).strip()
    return None


def translatable(path):
    """(line, what) of the first translatable string in @path, or None."""
    name = os.path.basename(path)
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()

    if name.endswith(('.c', '.h')):
        return first_match(C_CALL, strip_c_comments_and_strings(text))
    if name.endswith('.ui'):
        return first_match(UI_TRANSLATABLE, text) or first_match(INTLTOOL, text)
    if '.desktop' in name:
        return first_match(DESKTOP, text)
    if '.gschema.xml' in name:
        return first_match(SCHEMA, text) or first_match(INTLTOOL, text)
    if '.metainfo.xml' in name or '.appdata.xml' in name:
        return first_match(METAINFO, text,
                           skip=lambda m: 'translate="no"' in (m.group(2) or '')) \
            or first_match(INTLTOOL, text)
    if name.endswith(('.xml', '.xml.in', '.xml.in.in')):
        if '<mime-info' in text:
            return first_match(MIME, text)
        return first_match(INTLTOOL, text)
    return None


def candidates(root):
    suffixes = ('.c', '.h', '.ui', '.xml', '.xml.in', '.xml.in.in', '.desktop.in',
                '.desktop.in.in')
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for filename in sorted(filenames):
                if filename.endswith(suffixes):
                    full = os.path.join(dirpath, filename)
                    yield os.path.relpath(full, root).replace(os.sep, '/')


def read_potfiles(path):
    listed = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            # "[encoding: UTF-8]" and "[type: gettext/glade] file" forms.
            line = re.sub(r'^\[[^\]]*\]\s*', '', line)
            if line:
                listed.append((number, line))
    return listed


def main():
    root = os.path.abspath(sys.argv[1])
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles_in)
    listed_names = {name for _, name in listed}
    failures = []

    print('po/POTFILES.in lists %d files' % len(listed))
    for number, name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            failures.append('po/POTFILES.in:%d lists %s, which does not exist' % (number, name))

    n_scanned = 0
    n_translatable = 0
    for name in candidates(root):
        n_scanned += 1
        found = translatable(os.path.join(root, name))
        if found is None:
            if name in listed_names:
                print('listed, nothing translatable found: %s' % name)
            continue
        n_translatable += 1
        line, what = found
        state = 'listed' if name in listed_names else 'MISSING'
        print('%-8s %s (%s:%d: %s)' % (state, name, name, line, what[:60]))
        if name not in listed_names:
            failures.append('%s has translatable strings (%s:%d: %s) but is not in '
                            'po/POTFILES.in' % (name, name, line, what[:60]))

    print('%d files scanned under %s, %d with translatable strings'
          % (n_scanned, ', '.join(d + '/' for d in SCANNED_DIRS), n_translatable))
    if n_translatable == 0:
        failures.append('no file with translatable strings found: the scan is broken')

    for failure in failures:
        print('FAIL:', failure)
    if failures:
        return 1
    print('OK: po/POTFILES.in lists every file with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
