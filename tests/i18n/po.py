# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading PO files and extracting a fresh template, for the i18n tests."""

import os
import re
import shutil
import subprocess
import sys

# The keywords and flags of meson's i18n "glib" preset, plus the ones
# po/meson.build adds, so that the template is the one the build makes.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
    '--add-comments=Translators',
]


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}          # plural index -> text
        self.flags = set()
        self.references = []      # "file:line"
        self.comments = []        # extracted (#.) comments
        self.line = 0             # where the entry starts in the PO file

    @property
    def translated(self):
        return (not 'fuzzy' in self.flags and bool(self.msgstr)
                and all(s != '' for s in self.msgstr.values()))

    def where(self):
        return ' '.join(self.references) if self.references else 'line %d' % self.line

    def name(self):
        if self.msgctxt is not None:
            return '"%s" (context "%s")' % (self.msgid, self.msgctxt)
        return '"%s"' % self.msgid


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f',
            'v': '\v', '\\': '\\', '"': '"'}


def unquote(text, path, number):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError('%s:%d: not a quoted string: %s' % (path, number, text))
    body = text[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        i += 1
        c = body[i] if i < len(body) else ''
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
            i += 1
        elif c == 'x':
            m = re.match(r'[0-9a-fA-F]+', body[i + 1:])
            out.append(chr(int(m.group(0), 16)))
            i += 1 + len(m.group(0))
        elif c in '01234567':
            m = re.match(r'[0-7]{1,3}', body[i:])
            out.append(chr(int(m.group(0), 8)))
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    # Octal and hex escapes are bytes of UTF-8.
    joined = ''.join(out)
    try:
        return joined.encode('latin-1').decode('utf-8')
    except (UnicodeEncodeError, UnicodeDecodeError):
        return joined


def parse(path):
    """The entries of a PO or POT file, without the header and without
    obsolete (#~) entries."""
    entries = []
    current = None
    keyword = None
    pending = Entry()

    def finish():
        nonlocal current, keyword, pending
        if current is not None and current.msgid is not None and \
                not (current.msgid == '' and current.msgctxt is None):
            entries.append(current)
        current = None
        keyword = None

    def start(number):
        nonlocal current, pending
        if current is None:
            current = pending
            current.line = number
            pending = Entry()
        return current

    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')

    for number, line in enumerate(lines, 1):
        line = line.rstrip('\r')
        stripped = line.strip()
        if stripped == '':
            finish()
            pending = Entry()
            continue
        if line.startswith('#~'):
            finish()
            pending = Entry()
            continue
        if line.startswith('#'):
            if keyword == 'msgstr':
                finish()
            if line.startswith('#,'):
                pending.flags.update(f.strip() for f in line[2:].split(',') if f.strip())
            elif line.startswith('#:'):
                pending.references.extend(line[2:].split())
            elif line.startswith('#.'):
                pending.comments.append(line[2:].strip())
            continue

        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$', line)
        if m:
            word, index, text = m.group(1), m.group(2), unquote(m.group(3), path, number)
            if word == 'msgctxt':
                if keyword is not None and keyword != 'msgctxt':
                    finish()
                start(number).msgctxt = text
                keyword = 'msgctxt'
            elif word == 'msgid':
                if keyword in ('msgid', 'msgid_plural', 'msgstr'):
                    finish()
                start(number).msgid = text
                keyword = 'msgid'
            elif word == 'msgid_plural':
                current.msgid_plural = text
                keyword = 'msgid_plural'
            else:
                current.msgstr[int(index or 0)] = text
                keyword = 'msgstr'
                current._index = int(index or 0)
            continue

        if stripped.startswith('"') and current is not None and keyword is not None:
            text = unquote(stripped, path, number)
            if keyword == 'msgctxt':
                current.msgctxt += text
            elif keyword == 'msgid':
                current.msgid += text
            elif keyword == 'msgid_plural':
                current.msgid_plural += text
            else:
                current.msgstr[current._index] += text
            continue

        raise ValueError('%s:%d: cannot parse: %s' % (path, number, line))

    finish()
    return entries


def make_pot(source_root, output):
    """Extracts the messages of the files in po/POTFILES.in to @output,
    with the "Translators:" comments; exits with a message on failure."""
    xgettext = shutil.which('xgettext')
    if xgettext is None:
        print('xgettext not found (Debian package gettext)')
        sys.exit(1)
    # The files of po/POTFILES.in that exist: a missing one is the potfiles
    # test's finding, and must not hide what the other tests find.
    listed = []
    with open(os.path.join(source_root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = re.sub(r'^\[[^\]]*\]\s*', '', line.split('#', 1)[0].strip())
            if not line:
                continue
            if os.path.isfile(os.path.join(source_root, line)):
                listed.append(line)
            else:
                print('po/POTFILES.in lists %s, which does not exist: left out' % line)
    potfiles = output + '.files'
    with open(potfiles, 'w', encoding='utf-8') as f:
        f.write('\n'.join(listed) + '\n')
    cmd = [xgettext, '--files-from=' + potfiles, '--directory=' + source_root,
           *XGETTEXT_ARGS, '-o', output]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        print('xgettext failed:', ' '.join(cmd))
        print(result.stdout, result.stderr)
        sys.exit(1)
    if result.stderr.strip():
        print('xgettext said:\n' + result.stderr)
