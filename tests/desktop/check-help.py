#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The user's guide (help/): valid Mallard in every language, every page installed and reached
# from the front page, every link and picture there, the Swedish translation complete and
# current, and every label of the interface it names (<gui>) a label the app has, in Swedish
# the app's own Swedish label for it.
#
# Usage: check-help.py SOURCE_ROOT [YELP_CHECK]
# Without YELP_CHECK (yelp-tools) the Mallard schema checks are skipped, the rest runs.

import collections
import gettext
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'i18n'))
import po  # noqa: E402  (the PO reader of the i18n tests)

failures = []


def fail(message):
    failures.append(message)
    print('FAIL ' + message)


def meson_list(path, name):
    text = open(path, encoding='utf-8').read()
    m = re.search(name + r"\s*=\s*\[(.*?)\]", text, re.S)
    return re.findall(r"'([^']+)'", m.group(1)) if m else []


GUI = re.compile(r'<gui(?:\s[^>]*)?>(.*?)</gui>', re.S)


def norm(text):
    return re.sub(r'\s+', ' ', text).strip()


def main():
    source = sys.argv[1]
    yelp_check = sys.argv[2] if len(sys.argv) > 2 else None
    help_dir = os.path.join(source, 'help')
    c_dir = os.path.join(help_dir, 'C')
    pages = sorted(p for p in os.listdir(c_dir) if p.endswith('.page'))
    listed = meson_list(os.path.join(help_dir, 'meson.build'), 'help_pages')
    media = meson_list(os.path.join(help_dir, 'meson.build'), 'help_media')

    # every page is installed, and nothing is listed that is not there
    for page in pages:
        if page not in listed:
            fail(f'help/C/{page} is not in help_pages of help/meson.build, so it is not installed')
    for page in listed:
        if page not in pages:
            fail(f'help/meson.build lists {page}, which help/C/ does not have')
    for item in media:
        if not os.path.isfile(os.path.join(c_dir, item)):
            fail(f'help/meson.build lists the picture {item}, which help/C/ does not have')
    print(f'ok   {len(pages)} pages, all installed')

    # each page's id is its file's name, which "help:upphandla/PAGE" and the app's F1 name
    for page in pages:
        text = open(os.path.join(c_dir, page), encoding='utf-8').read()
        if f'id="{page[:-5]}"' not in text:
            fail(f'help/C/{page} has not the id "{page[:-5]}"')
    # F1 opens the page named as the view in front (ui/up-window.c, help_page()): every view
    # of the window has its page
    window_ui = open(os.path.join(source, 'ui', 'up-window.ui'), encoding='utf-8').read()
    views = re.findall(r'<object class="AdwViewStackPage">\s*<property name="name">([^<]+)</property>',
                       window_ui)
    if not views:
        fail('ui/up-window.ui has no views that this check can read')
    for view in views:
        if f'{view}.page' not in pages:
            fail(f'the guide has no page "{view}", which F1 on that view opens')
    print(f'ok   a page for each of the {len(views)} views')

    languages = [line.strip() for line in open(os.path.join(help_dir, 'LINGUAS'), encoding='utf-8')
                 if line.strip() and not line.startswith('#')]

    with tempfile.TemporaryDirectory() as tmp:
        merged = {'C': [os.path.join(c_dir, p) for p in pages]}
        pot = os.path.join(tmp, 'upphandla.pot')
        subprocess.run(['itstool', '-o', pot] + merged['C'], check=True)
        for lang in languages:
            catalogue = os.path.join(help_dir, lang, lang + '.po')
            stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.path.join(tmp, lang + '.mo'), catalogue],
                                   capture_output=True, text=True)
            if stats.returncode != 0 or 'untranslated' in stats.stderr or 'fuzzy' in stats.stderr:
                fail(f'help/{lang}/{lang}.po is not complete: {stats.stderr.strip()}')
            else:
                print(f'ok   help/{lang}/{lang}.po: {stats.stderr.strip()}')
            # current: every message of the pages as they are is in the catalogue
            current = subprocess.run(['msgcmp', '--use-untranslated', catalogue, pot], capture_output=True, text=True)
            if current.returncode != 0:
                fail(f'help/{lang}/{lang}.po lacks messages of the pages (run meson compile '
                     f'help-upphandla-update-po): {current.stderr.strip()[:2000]}')
            out = os.path.join(tmp, lang)
            os.mkdir(out)
            subprocess.run(['itstool', '-m', os.path.join(tmp, lang + '.mo'), '-o', out] + merged['C'], check=True)
            merged[lang] = [os.path.join(out, p) for p in pages]

        if yelp_check:
            for lang, files in merged.items():
                result = subprocess.run([yelp_check, 'validate'] + files, capture_output=True, text=True)
                if result.returncode != 0 or result.stdout.strip():
                    fail(f'the {lang} pages are not valid Mallard:\n{result.stdout}{result.stderr}')
                else:
                    print(f'ok   the {lang} pages are valid Mallard')
            for check in ['links', 'media', 'orphans']:
                result = subprocess.run([yelp_check, check, c_dir], capture_output=True, text=True)
                if result.returncode != 0 or result.stdout.strip():
                    fail(f'yelp-check {check}: {result.stdout}{result.stderr}')
                else:
                    print(f'ok   yelp-check {check}')
        else:
            print('note yelp-check is not installed: the pages are not checked against the Mallard schema')

    # The labels the guide names are the app's: each English <gui> text is a message of the app
    # (its access key's "_" aside) or of GTK's own dialogs, and its Swedish translation in the guide
    # is the app's (or GTK's) Swedish label for it.
    app = collections.defaultdict(set)
    for entry in po.parse(os.path.join(source, 'po', 'sv.po')):
        if entry.translated and entry.msgid_plural is None:
            app[entry.msgid.replace('_', '')].add(entry.msgstr[0].replace('_', ''))
    gtk_sv = None
    gtk_catalogue = '/usr/share/locale/sv/LC_MESSAGES/gtk40.mo'
    if os.path.exists(gtk_catalogue):
        with open(gtk_catalogue, 'rb') as f:
            gtk_sv = gettext.GNUTranslations(f)
    names = 0
    for lang in languages:
        for entry in po.parse(os.path.join(help_dir, lang, lang + '.po')):
            msgid, msgstr = entry.msgid, entry.msgstr.get(0, '')
            english = [norm(x) for x in GUI.findall(msgid)]
            if not english:
                continue
            translated = collections.Counter(norm(x) for x in GUI.findall(msgstr))
            used = collections.Counter()
            for label in english:
                names += 1
                choices = set(app.get(label, set()))
                if not choices and gtk_sv is not None and gtk_sv.gettext(label) != label:
                    choices = {gtk_sv.gettext(label)}
                if not choices and gtk_sv is None:
                    # a build without GTK's Swedish catalogue (a Flatpak SDK without its
                    # locale extension) cannot tell GTK's own labels from unknown ones
                    print(f'note “{label}” is no label of the app, and GTK\'s Swedish catalogue '
                          'is not installed to look it up')
                    continue
                if not choices:
                    fail(f'the guide names the label “{label}”, which the app does not have')
                    continue
                hit = next((c for c in sorted(choices) if translated[c] > used[c]), None)
                if hit is None:
                    fail(f'help/{lang}/{lang}.po writes “{label}” otherwise than the app, '
                         f'{" or ".join("“" + c + "”" for c in sorted(choices))}: {msgstr[:160]}')
                    continue
                used[hit] += 1
    print(f'ok   {names} labels named by the guide checked against the app\'s')

    if failures:
        print(f'{len(failures)} failure(s)')
        sys.exit(1)


if __name__ == '__main__':
    main()
