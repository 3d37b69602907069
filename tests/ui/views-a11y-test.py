#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keyboard and screen reader walk through the views of the running app.

Starts its own Xvfb, the accessibility bus and the app on a copy of the
demo project, in the language given (en or sv). In the Timeline, Stakeholders, Notes,
Agenda 2030 and Local Goals views it presses Tab from the view's first
control, with xdotool as a user would, and after each key asks the
accessibility tree which object has the focus, as a screen reader does:

- every Tab lands on an object the tree shows (the text of AdwEntryRow
  took the focus out of the tree's sight, and a screen reader said nothing);
- each has a name, and not a GTK type name ("GtkListItemWidget",
  "GtkToggleButton"), nor one word twice ("Title Title"), nor its
  description and its label run together;
- Tab leaves a list after one row (GTK 4.8 walked every row);
- the first Ctrl+F tells a screen reader, with one focus event, that the
  find field has the focus;
- a local goal moved with Alt+Up and Alt+Down keeps the focus on its row;
- Ctrl+Z after a stage is deleted in the timeline puts the focus on the
  stage brought back;
- letters typed in the stage list are found, the first one too.

Run it inside a session bus:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/views-a11y-test.py build/app/upphandla en

Uses Debian's python3 (for pyatspi). Ends by itself; exits non-zero on
failure.
"""

import os
import subprocess
import sys
import tempfile
import time

from xtest import (TIMEOUT, application, end_session, find, free_display, log, start_session,
                   wait_for, xdotool)

APP = os.path.abspath(sys.argv[1])
LANGUAGE = sys.argv[2] if len(sys.argv) > 2 else 'en'
LOCALES = {'en': 'en_US.UTF-8', 'sv': 'sv_SE.UTF-8'}

# Each view: its key, then keys to press, a number being that many Tabs,
# 'row' Tabs up to the first row of a list (a Down then selects the next
# row), 'combo' up to a drop-down (Return opens its choices, Down moves
# in them, Escape closes them), on through the editor and round to the
# view switcher; (key, role, name) a key after which the focus must be on
# that object, the name given per language or None for any. The focus is
# checked after each key.
ADD_STAGE = {'en': 'Add Stage', 'sv': 'Lägg till skede'}
DELETE_STAGE = {'en': 'Delete Stage', 'sv': 'Ta bort skede'}
FIND_STAGE = {'en': 'Find a Stage', 'sv': 'Sök skede'}
TITLE = {'en': 'Title', 'sv': 'Titel'}
DUPLICATE_STAGE = {'en': 'Duplicate Stage', 'sv': 'Duplicera skede'}

# The Timeline view opens on the timeline; Shift+Tab and Tab go through
# its parts in the order they are shown: the stage list, Add Stage,
# Find a Stage, Delete, the timeline, the stage's details (Duplicate Stage
# at their head, then the title; Tab jumped from the list to the
# timeline, and Shift+Tab never left the details' title).
TIMELINE_ORDER = [
    ('shift+Tab', 'push button', DELETE_STAGE),
    ('shift+Tab', 'push button', FIND_STAGE),
    ('shift+Tab', 'push button', ADD_STAGE),
    ('shift+Tab', 'list item', None),
    ('Tab', 'push button', ADD_STAGE),
    ('Tab', 'push button', FIND_STAGE),
    ('Tab', 'push button', DELETE_STAGE),
    ('Tab', 'list item', None),
    ('Tab', 'push button', DUPLICATE_STAGE),
    ('Tab', 'text', TITLE),
    ('shift+Tab', 'push button', DUPLICATE_STAGE),
    ('shift+Tab', 'list item', None),
]

VIEWS = [
    ('alt+1', 'Timeline', TIMELINE_ORDER + ['row', 'Down', 12]),
    ('alt+2', 'Stakeholders', ['row', 'Down', 16]),
    ('alt+3', 'Notes', ['combo', 'Return', 'Down', 'Escape', 'row', 'Down', 14]),
    ('alt+4', 'Agenda 2030', ['combo', 'Return', 'Down', 'Escape', 8]),
    ('alt+5', 'Local Goals', [14]),
]


def focused(pyatspi, node):
    return find(node, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED))


def describe(node):
    return f'{node.getRoleName()} "{node.name}"'


def check_name(node):
    """What is wrong with the focused object's name, or None."""
    name = (node.name or '').strip()
    if not name:
        return 'has no name'
    if name.startswith(('Gtk', 'Adw')) and ' ' not in name:
        return 'is named after its GTK type'
    # A name of its own and a label's, read together: "Export the chart as
    # an image or a PDF Export…" (the tooltip, then the button's label).
    description = (node.description or '').strip()
    if description and name.startswith(description + ' '):
        return 'runs its description and its label together'
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'is named twice over'
    return None


def walk(pyatspi, key, view, steps):
    """Tabs through @view; returns the problems found and the Tabs."""
    problems = []
    xdotool('key', key)
    time.sleep(1.0)
    previous_row = None
    keys = []
    for step in steps:
        keys += ['Tab'] * step if isinstance(step, int) else [step]
    i = 0
    while keys:
        pressed = keys.pop(0)
        expected = None
        if isinstance(pressed, tuple):
            pressed, *expected = pressed
        if pressed in ('row', 'combo'):
            node = focused(pyatspi, application(pyatspi))
            if node is not None and pressed == 'row' and node.getRoleName() in ('list item', 'table row'):
                continue
            if node is not None and pressed == 'combo' and node.parent.getRoleName() == 'combo box':
                continue
            if i > 25:
                problems.append(f'{view}: no {pressed} after {i} Tabs')
                break
            keys[0:0] = ['Tab', pressed]
            continue
        xdotool('key', pressed)
        time.sleep(0.4)
        if pressed == 'Tab':
            i += 1
            what = f'Tab {i}'
        else:
            what = f'{pressed} after Tab {i}'
            previous_row = None
        node = focused(pyatspi, application(pyatspi))
        if node is None:
            problems.append(f'{view}: {what} lands on nothing the accessibility tree shows')
            log(f'#   {view} {what}: nothing')
            previous_row = None
            continue
        log(f'#   {view} {what}: {describe(node)}')
        if expected is not None:
            role, names = expected
            if node.getRoleName() != role or (names is not None and node.name != names[LANGUAGE]):
                want = f'{role} "{names[LANGUAGE]}"' if names is not None else role
                problems.append(f'{view}: {what} lands on {describe(node)}, not on the {want}')
        wrong = check_name(node)
        if wrong is not None:
            problems.append(f'{view}: {what}: the focused {describe(node)} {wrong}')
        if pressed != 'Tab':
            continue
        is_row = node.getRoleName() in ('list item', 'table row')
        if is_row and previous_row is not None and node.parent == previous_row.parent \
                and node.getRoleName() != 'check box':
            problems.append(f'{view}: Tab {i} goes from row to row ({describe(node)})')
        previous_row = node if is_row else None
    return problems, i


# The Agenda 2030 chart's accessible name says what its centre says: the
# targets served in so many goals. The demo serves 8 targets in 7 goals;
# goal 13's only link harms it (the name counted it as covered).
CHART_NAME = {'en': ': 8 targets served in 7 of 17 goals',
              'sv': ': upphandlingen bidrar till 8 delmål i 7 av 17 mål'}


def named(pyatspi, node, predicate):
    """The first object below @node whose name satisfies @predicate."""
    return find(node, lambda n: predicate(n.name or ''))


def check_chart_name(pyatspi):
    """What is wrong with the Agenda 2030 chart's name, or None."""
    xdotool('key', 'alt+4')
    time.sleep(1.0)
    chart = named(pyatspi, application(pyatspi), lambda name: 'of 17 goals' in name or 'av 17 mål' in name)
    if chart is None:
        return 'Agenda 2030: no chart named with its coverage'
    log(f'#   Agenda 2030 chart: {describe(chart)}')
    if not chart.name.endswith(CHART_NAME[LANGUAGE]):
        return f'Agenda 2030: the chart is named "{chart.name}", not "…{CHART_NAME[LANGUAGE]}"'
    return None


def list_names(pyatspi, list_name):
    """The names of the items a screen reader finds in the list @list_name."""
    found = named(pyatspi, application(pyatspi), lambda name: name == list_name)
    if found is None:
        return None
    return [found.getChildAtIndex(i).name for i in range(found.childCount)
            if found.getChildAtIndex(i) is not None
            and found.getChildAtIndex(i).getRoleName() == 'list item']


# A stage deleted from the timeline (End, Delete) is gone from the
# timeline's items as from the stage list's: its item stayed in the tree
# with the deleted stage's name, and a screen reader read and counted it.
PROCESS_TIMELINE = {'en': 'Process timeline', 'sv': 'Tidslinje för processen'}


def check_timeline_after_delete(pyatspi):
    """What is wrong with the timeline's items after a delete, or None."""
    xdotool('key', 'alt+1')
    time.sleep(1.0)
    before = list_names(pyatspi, PROCESS_TIMELINE[LANGUAGE])
    if not before:
        return f'Timeline: no items in "{PROCESS_TIMELINE[LANGUAGE]}"'
    xdotool('key', 'End')
    time.sleep(0.5)
    node = focused(pyatspi, application(pyatspi))
    last = node.name if node is not None else None
    xdotool('key', 'Delete')
    time.sleep(1.0)
    after = list_names(pyatspi, PROCESS_TIMELINE[LANGUAGE])
    log(f'#   Timeline: {len(before)} items, {len(after)} after deleting "{last}"')
    if last in after:
        return f'Timeline: the deleted stage "{last}" is still among the timeline\'s items'
    if len(after) != len(before) - 1:
        return f'Timeline: {len(after)} items after the delete, not {len(before) - 1}'

    # Ctrl+Z brings the stage back, selected: the focus goes with it. It
    # stayed on the item of the stage the deletion had selected, and a
    # screen reader read that stage while the panel showed the other.
    xdotool('key', 'ctrl+z')
    time.sleep(1.0)
    node = focused(pyatspi, application(pyatspi))
    log(f'#   Timeline: Ctrl+Z puts the focus on {describe(node) if node else "nothing"}')
    if node is None or node.name != last:
        return (f'Timeline: after Ctrl+Z the focus is on {describe(node) if node else "nothing"}, '
                f'not on the stage brought back, "{last}"')
    return None


def check_goal_reorder_focus(pyatspi):
    """What is wrong with the focus after a local goal is moved, or None.

    Alt+Up and Alt+Down make the goal list anew; the focus goes on with
    the moved goal's row. Twice a screen reader was seen with no focused
    object after Alt+5, Down, Alt+Up, Alt+Down (not reproduced since).
    """
    xdotool('key', 'alt+5')
    time.sleep(1.0)
    xdotool('key', 'Down')
    time.sleep(0.5)
    node = focused(pyatspi, application(pyatspi))
    if node is None or node.getRoleName() != 'list item':
        return f'Local Goals: Down lands on {describe(node) if node else "nothing"}, not on a goal'
    moved = node.name
    index = node.getIndexInParent()
    for key, step in (('alt+Up', -1), ('alt+Down', 0)):
        xdotool('key', key)
        time.sleep(0.5)
        node = focused(pyatspi, application(pyatspi))
        log(f'#   Local Goals {key}: {describe(node) if node else "nothing"}')
        if node is None:
            return f'Local Goals: after {key} nothing in the accessibility tree has the focus'
        if node.name != moved or node.getIndexInParent() != index + step:
            return (f'Local Goals: after {key} the focus is on {describe(node)} at {node.getIndexInParent()}, '
                    f'not on the goal moved, "{moved}", at {index + step}')
    return None


def check_find_focus_event(pyatspi):
    """What is wrong with the focus events of the first Ctrl+F, or None.

    The find bar is made at its first use; GTK 4.8 told a screen reader
    nothing of the focus its field took then (no
    object:state-changed:focused), and Orca said nothing after Ctrl+F.
    """
    import threading
    events = []

    def on_focus(event):
        if event.detail1 == 1:
            try:
                events.append((event.source.getRoleName(), event.source.name))
            except Exception:
                pass

    def press():
        try:
            xdotool('key', 'alt+1')
            time.sleep(1.0)
            events.clear()
            xdotool('key', 'ctrl+f')
            time.sleep(1.5)
        finally:
            pyatspi.Registry.stop()

    pyatspi.Registry.registerEventListener(on_focus, 'object:state-changed:focused')
    threading.Thread(target=press, daemon=True).start()
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(on_focus, 'object:state-changed:focused')
    log(f'#   Ctrl+F: focus events {events}')
    if ('entry', FIND_STAGE[LANGUAGE]) not in events:
        return f'Timeline: the first Ctrl+F gives no focus event for the entry "{FIND_STAGE[LANGUAGE]}"'
    if len(events) != 1:
        return f'Timeline: the first Ctrl+F gives {len(events)} focus events, not one: {events}'
    return None


def check_typed_in_list(pyatspi):
    """What is wrong with a search typed in the stage list, or None.

    A letter typed in the stage list opens the find bar with it; the
    first letter went to the field's frame, not its text, and was lost
    ("lar" found "ar").
    """
    xdotool('key', 'Escape')
    time.sleep(0.8)
    node = focused(pyatspi, application(pyatspi))
    if node is None or node.getRoleName() != 'list item':
        return f'Timeline: Escape in the find bar leaves the focus on {describe(node) if node else "nothing"}'
    xdotool('type', '--delay', '150', 'lar')
    time.sleep(0.8)
    node = focused(pyatspi, application(pyatspi))
    if node is None or node.getRoleName() != 'entry':
        return f'Timeline: typing in the stage list leaves the focus on {describe(node) if node else "nothing"}'
    text = node.queryText()
    typed = text.getText(0, text.characterCount)
    log(f'#   typed in the stage list: "{typed}"')
    if typed != 'lar':
        return f'Timeline: "lar" typed in the stage list finds "{typed}"'
    return None


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-views-a11y-')
    processes = []
    try:
        display = free_display(120, 250)
        start_session(tmp, display, processes, LOCALES[LANGUAGE], LANGUAGE)
        processes.append(subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                          stderr=subprocess.DEVNULL))
        time.sleep(0.7)

        demo = os.path.join(tmp, 'demo.upphandla')
        subprocess.run([APP, f'--write-demo={demo}'], check=True, timeout=TIMEOUT)
        processes.append(subprocess.Popen([APP, demo]))
        wid = xdotool('search', '--sync', '--onlyvisible', '--name', '.').split()[0]
        xdotool('windowmove', wid, 0, 0)
        xdotool('windowsize', wid, 1600, 1000)
        time.sleep(1.5)

        import pyatspi
        wait_for('the app in the accessibility tree', lambda: application(pyatspi))

        problems = []
        for key, view, steps in VIEWS:
            found, n_tabs = walk(pyatspi, key, view, steps)
            problems += found
            log(('not ok' if found else 'ok') + f' - {view}: {n_tabs} Tabs, each to a named control')

        wrong = check_chart_name(pyatspi)
        log(('not ok' if wrong else 'ok') + ' - Agenda 2030: the chart is named with the targets served')
        if wrong:
            problems.append(wrong)

        wrong = check_timeline_after_delete(pyatspi)
        log(('not ok' if wrong else 'ok') + ' - Timeline: a deleted stage leaves the timeline\'s items, '
            'and its undo brings the focus back to it')
        if wrong:
            problems.append(wrong)

        wrong = check_goal_reorder_focus(pyatspi)
        log(('not ok' if wrong else 'ok') + ' - Local Goals: the focus goes with the goal moved by Alt+Up and Alt+Down')
        if wrong:
            problems.append(wrong)

        # Last: it makes the find bar, which the walks above leave unmade.
        wrong = check_find_focus_event(pyatspi)
        log(('not ok' if wrong else 'ok') + ' - Timeline: the first Ctrl+F tells that the find field has the focus')
        if wrong:
            problems.append(wrong)

        wrong = check_typed_in_list(pyatspi)
        log(('not ok' if wrong else 'ok') + ' - Timeline: a search typed in the stage list keeps its first letter')
        if wrong:
            problems.append(wrong)

        for problem in problems:
            log(f'# {problem}')
        if problems:
            return 1
        log('# all passed')
        return 0
    finally:
        end_session(processes, tmp)


if __name__ == '__main__':
    sys.exit(main())
