#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Lays the user's guide out as it is installed under a data folder, SHARE/help/LANG/upphandla/,
# the C pages as they are and each language's pages merged with its catalogue by itstool, as
# meson's install of gnome.yelp() does. The help viewer then finds an uninstalled build's guide
# where UPPHANDLA_HELP_DATADIR=SHARE is among its data folders.
#
# Usage: build-tree.py SOURCE_DIR SHARE STAMP PAGE... MEDIA... -- LANG...

import os
import shutil
import subprocess
import sys
import tempfile


def lay_out(share, lang):
    out = os.path.join(share, 'help', lang, 'upphandla')
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    return out


def main():
    source, share, stamp = sys.argv[1:4]
    rest = sys.argv[4:]
    cut = rest.index('--')
    files, langs = rest[:cut], rest[cut + 1:]
    pages = [f for f in files if f.endswith('.page')]
    media = [f for f in files if not f.endswith('.page')]

    c_pages = [os.path.join(source, 'C', p) for p in pages]
    for lang in ['C'] + langs:
        out = lay_out(share, lang)
        if lang == 'C':
            for page in c_pages:
                shutil.copy(page, out)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                mo = os.path.join(tmp, lang + '.mo')
                subprocess.run(['msgfmt', '--check', '-o', mo,
                                os.path.join(source, lang, lang + '.po')], check=True)
                subprocess.run(['itstool', '-m', mo, '-o', out] + c_pages, check=True)
        for m in media:
            # a language may have a picture of its own (a screenshot in its words)
            translated = os.path.join(source, lang, m)
            path = translated if os.path.exists(translated) else os.path.join(source, 'C', m)
            os.makedirs(os.path.join(out, os.path.dirname(m)), exist_ok=True)
            shutil.copy(path, os.path.join(out, m))

    with open(stamp, 'w') as f:
        f.write('\n'.join(['C'] + langs) + '\n')


if __name__ == '__main__':
    main()
