#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The terms and the typography that po/GLOSSARY.md fixes hold in every
message: a term the project chose is never mixed with a synonym it rejected
(”förkasta”, never ”kasta”, for discard), the Swedish text uses ” ” and a
non-breaking space in ”1 200” and ”40 %”, and the English source uses
typographic quotes and apostrophes and writes ”40%”; its placeholders are
in sentence case, its tooltips in header case like the buttons they name,
or whole sentences with a full stop.

Usage: glossary.py SOURCE_ROOT"""

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import po  # noqa: E402

# A space that does not break a number from its unit or its next group of
# digits: U+00A0, or U+202F, which the sv_SE locale itself puts between
# thousands (”%'u”).
NBSP = '\u00a0\u202f'

# (rejected, in the Swedish msgstr; only where the msgid matches, if given;
#  what GLOSSARY.md says instead)
SWEDISH = [
    (r'\bkasta(s|r|de|t)?\b', None, 'discard is ”förkasta”'),
    (r'\bbildspel\w*', None, 'a slide is a ”presentationsbild” (”Presentation, Full HD” in a list), not a slideshow'),
    (r'(?<!\()förfrågningsunderlag', None,
     'tender documents are ”upphandlingsdokument” (”förfrågningsunderlag” only in brackets after it)'),
    (r'\binställning(en)?\b', None, 'a stakeholder\'s stance is ”hållning”'),
    (r'\baktör(en|er|erna)?\b', None, 'a stakeholder is an ”intressent”'),
    (r'\bnotering\w*', None, 'a note is an ”anteckning”'),
    (r'\betapp\w*', None, 'a stage is a ”skede”'),
    (r'\bmilsten\w*', None, 'a milestone is a ”milstolpe”'),
    (r'\bradera\w*', None, 'delete is ”ta bort”'),
    (r'\bmatcha\w*', None, 'nothing found is ”Inga … hittades” (”Inga träffar”), not ”matchar”'),
    (r'\bprisvärd\w*', None, 'affordable is ”till rimlig kostnad”'),
    (r'\b(idag|igår|imorgon)\b', None, 'in two words: ”i dag”, ”i går”, ”i morgon”'),
    (r'\bändra\b', r'^Edit\b', 'Edit … is ”Redigera …”'),
    # The wheel's centre, its legend, the matrix's legend and the report say
    # the same fact in the same words
    (r'\bgynna\w*', r'\bserv(e|es|ed)\b', 'a target the procurement serves: it ”bidrar till” the target'),
    (r'["“„«»]', None, 'Swedish quotation marks are ” on both sides'),
    (r'\.\.\.', None, 'the ellipsis is one character, …'),
    (r'\d \d{3}(?!\d)', None, 'a non-breaking space between thousands: 1\u202f200'),
    (r'\d %', None, 'a non-breaking space before %: 40\u00a0%'),
]

# (rejected, in the English msgid, what to write instead)
ENGLISH = [
    (r'\d[ ' + NBSP + r']%', 'no space before % in English: 40%'),
    (r'(?<!%\d\$)\'', 'a typographic apostrophe or quotes: ’ “ ”'),
    (r'"', 'typographic quotes: “ ”'),
    (r'\.\.\.', 'the ellipsis is one character, …'),
    # A Swedish law by its English name first, for the colleague at the EU office
    (r'(?<!\()\bLOU\b', 'the Public Procurement Act (LOU), not LOU alone'),
    # The first entries of the filter dropdowns, side by side in the views
    (r'^All [a-z]', 'a filter\'s first entry in header capitalization, like "All Stages"'),
    # What the procurement does for a target, the same word in the wheel,
    # the legends, the matrix and the report
    (r'\b(contribut|benefit)\w* (to )?(the |a |this |its |that )?(goal|target)', 'a stage or the procurement ”serves” a goal or target'),
    # Swedish left in the English text (the demo's Älvby is a place's name)
    (r'[åäöÅÄÖ]', 'Swedish in the English text'),
]

# GNOME's capitalization (HIG, "Writing Style"): header capitalization for
# what names a control or a place (titles, buttons, menu items, and the
# tooltips that name a button's action, without a full stop); sentence
# capitalization for text that reads as a sentence or runs into other
# text (placeholders, descriptions, tooltips that explain, with a full
# stop). Which kind a message is, the source says where it is used.
MINOR_WORDS = {
    'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by',
    'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'with', 'from', 'into', 'than', 'vs',
}


def english_words(text):
    """The words of @text, without printf directives and mnemonic marks."""
    text = re.sub(r'%(\d+\$)?[-0-9.]*[a-zA-Z]', ' ', text).replace('_', '')
    return re.findall(r"[A-Za-z][\w’'/-]*", text)


def is_proper(word):
    """An acronym, a name with capitals inside, or a word with digits:
    capitalized in any style (PNG, SVG, Agenda, LibreOffice)."""
    return (word.isupper() or any(c.isupper() for c in word[1:])
            or any(c.isdigit() for c in word) or word in PROPER_NOUNS)


PROPER_NOUNS = {'Agenda', 'Upphandla', 'Swedish', 'English', 'Ctrl', 'Alt', 'Shift'}


def header_offenders(text):
    """Words that header capitalization would capitalize but @text does not."""
    words = english_words(text)
    return [w for i, w in enumerate(words)
            if w[0].islower() and (i == 0 or i == len(words) - 1 or w not in MINOR_WORDS)]


def sentence_offenders(text):
    """Words after the first of each sentence that sentence capitalization
    would not capitalize."""
    wrong = []
    for sentence in re.split(r'(?<=[.!?])\s+', text):
        wrong += [w for w in english_words(sentence)[1:] if w[0].isupper() and not is_proper(w)]
    return wrong


_sources = {}


def source_lines(root, path):
    if path not in _sources:
        with open(os.path.join(root, path), encoding='utf-8') as f:
            _sources[path] = f.read().split('\n')
    return _sources[path]


def control_kinds(root, entry, references):
    """What the message is used as, by the source lines of its references
    (@references, where the sources have it now): 'placeholder' or
    'tooltip' where the source says so."""
    kinds = set()
    for ref in references:
        path, _, line = ref.rpartition(':')
        lines = source_lines(root, path)
        number = int(line)
        # a .ui property is on its own line; a C call may put the string
        # on the line after the property's or the function's name
        near = lines[number - 1] if path.endswith('.ui') else ' '.join(lines[max(0, number - 2):number])
        if re.search(r'placeholder[-_]text', near):
            kinds.add('placeholder')
        if re.search(r'tooltip[-_]text', near):
            kinds.add('tooltip')
    # a tooltip made apart from where it is set says so to the translators
    if re.search(r'\b[Tt]he tooltip of\b', ' '.join(entry.comments)):
        kinds.add('tooltip')
    return kinds


def capitalization_failures(root, entry, references):
    failures = []
    kinds = control_kinds(root, entry, references)
    text = entry.msgid
    if 'placeholder' in kinds:
        wrong = sentence_offenders(text)
        if wrong:
            failures.append('a placeholder in sentence capitalization (%s)' % ', '.join(wrong))
    if 'tooltip' in kinds:
        if text.rstrip().endswith('.'):
            wrong = sentence_offenders(text)
            if wrong:
                failures.append('a tooltip that explains, with a full stop, in sentence capitalization (%s)'
                                % ', '.join(wrong))
        else:
            wrong = header_offenders(text)
            if wrong:
                failures.append('a tooltip that names the action, in header capitalization like the button '
                                '(%s), or a sentence that ends with a full stop' % ', '.join(wrong))
    return failures


def main():
    root = sys.argv[1]
    sv_po = os.path.join(root, 'po', 'sv.po')
    failures = []
    checked = 0

    # Where each message is in the sources now, from a template extracted
    # afresh: sv.po's own references are as old as its last update, and
    # code moved since would be read at the wrong lines.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'upphandla.pot')
        po.make_pot(root, pot)
        current = {(e.msgctxt, e.msgid): e.references for e in po.parse(pot)}

    for entry in po.parse(sv_po):
        if not entry.msgid:
            continue
        checked += 1
        msgids = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for text in msgids:
            for rejected, hint in ENGLISH:
                m = re.search(rejected, text.replace('Älvby', ''))
                if m:
                    failures.append('%s (%s): English %r: %s'
                                    % (entry.name(), entry.where(), m.group(0), hint))
        references = current.get((entry.msgctxt, entry.msgid), entry.references)
        for hint in capitalization_failures(root, entry, references):
            failures.append('%s (%s): English: %s' % (entry.name(), entry.where(), hint))
        if 'fuzzy' in entry.flags:
            continue
        for text in entry.msgstr.values():
            for rejected, when, hint in SWEDISH:
                if when is not None and not re.search(when, entry.msgid):
                    continue
                m = re.search(rejected, text, re.IGNORECASE)
                if m:
                    failures.append('%s (%s): Swedish %r in ”%s”: %s'
                                    % (entry.name(), entry.where(), m.group(0), text, hint))

    print('%d messages checked against %d Swedish and %d English rules'
          % (checked, len(SWEDISH), len(ENGLISH)))
    for failure in failures:
        print('FAIL', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
