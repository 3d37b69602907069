#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keyboard only, with a screen reader: real keys in the running app.

Starts its own Xvfb, the accessibility bus and the app on a copy of the
demo project made larger (120 stages; a cell of the power/interest grid
too full to show everyone), in the language given (en or sv). Presses
keys with xdotool, as a user who cannot use a mouse does, and asks the
accessibility tree after each step what has the focus and where it is,
as a screen reader does:

- Delete and Ctrl+Z on the stage at the top of the stage list, with the
  focus in the timeline: the stage list shows the stage brought back (it
  stayed scrolled to its neighbour, the stage above the list's top edge).
- the "+ N more" line of a full cell of the stakeholders' grid: Tab from
  the grid reaches it, Return and Space open the list of those it counts
  with the focus on the first, Down goes to the next, Escape gives the
  focus back to the line, and Return on a person chooses them (a click
  was the only way to them).
- the 17 goal tiles of a stage's Agenda 2030 links are one Tab stop: the
  arrow keys, Home and End move between them, each named with its place
  ("Goal 8 of 17"), Return and Space open a goal, Escape comes back to
  its tile (they were 17 Tab stops).
- Ctrl+P: the print dialog has the focus, its Chart tab's language is
  named for a screen reader (it was "GtkToggleButton"), and after Escape
  the focus is back on the stage it was on.
- all along, GTK never draws a widget it has not laid out ("Trying to
  snapshot UpTimeline ... without a current allocation" on the app's
  stderr: the timeline went blank for a few frames after Home or Up).

Run it inside a session bus:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/keyboard-test.py build/app/upphandla en

Uses Debian's python3 (for pyatspi). Ends by itself; exits non-zero on
failure.
"""

import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from xtest import (TIMEOUT, application, end_session, find, free_display, log, start_session,
                   wait_for, xdotool)

APP = os.path.abspath(sys.argv[1])
LANGUAGE = sys.argv[2] if len(sys.argv) > 2 else 'en'
LOCALES = {'en': 'en_US.UTF-8', 'sv': 'sv_SE.UTF-8'}
N_STAGES = 120
STAGES = {'en': 'Stages', 'sv': 'Skeden'}
GRID = {'en': 'Power/interest grid', 'sv': 'Intressentmatris'}
# The name of goal tile N, "Goal N of 17: …".
TILE = {'en': 'Goal {} of 17:', 'sv': 'Mål {} av 17:'}
LANGUAGE_CHOICE = {'en': 'Language: ', 'sv': 'Språk: '}
# In one cell (influence 4, interest 2) of the grid, which has room for 4.
CROWD = [f'Åsa Fyllnad {i}' for i in range(9)]


def make_project(path):
    """The demo project with stages up to N_STAGES, a week apart, and the
    CROWD in one cell of the grid."""
    subprocess.run([APP, f'--write-demo={path}'], check=True, timeout=TIMEOUT)
    db = sqlite3.connect(path)
    first = db.execute('SELECT max(position) FROM stage').fetchone()[0] + 1
    day = datetime.date(2027, 9, 6)
    for i in range(first, N_STAGES):
        start = day + datetime.timedelta(days=7 * (i - first))
        db.execute("INSERT INTO stage (kind, title, start_date, end_date, position) "
                   "VALUES ('custom', ?, ?, ?, ?)",
                   (f'Stage {i + 1}', start.isoformat(), (start + datetime.timedelta(days=5)).isoformat(), i))
    for name in CROWD:
        db.execute("INSERT INTO stakeholder (name, organisation, influence, interest, stance) "
                   "VALUES (?, 'Regionen', 4, 2, 'neutral')", (name,))
    db.commit()
    db.close()


def focused(pyatspi):
    """The focused object of the active window: with a dialog open, the
    main window still tells of the widget that has its own focus."""
    app = application(pyatspi)
    try:
        windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
        windows.sort(key=lambda w: not w.getState().contains(pyatspi.STATE_ACTIVE))
    except Exception:
        return None
    for window in windows:
        node = find(window, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED))
        if node is not None:
            return node
    return None


def describe(node):
    return f'{node.getRoleName()} "{node.name}"' if node is not None else 'nothing'


def key(*keys, pause=0.4):
    for k in keys:
        xdotool('key', k)
        time.sleep(pause)


def extents(pyatspi, node):
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return box.x, box.y, box.width, box.height


def check_undo_scrolls_stage_list(pyatspi):
    """What is wrong with the stage list after Delete and Ctrl+Z, or None."""
    key('alt+1', pause=1.0)
    # End, then Up past the top of the list: the list scrolls along, and
    # the stage selected is the first one it shows.
    key('End', pause=0.6)
    for _ in range(30):
        xdotool('key', 'Up')
    time.sleep(1.0)
    node = focused(pyatspi)
    if node is None or node.parent.name == STAGES[LANGUAGE]:
        return f'Timeline: the focus is on {describe(node)}, not in the timeline'
    title = node.name.split(',')[0]
    log(f'#   Timeline: the stage at the top of the list, "{title}"')
    key('Delete', pause=1.0)
    key('ctrl+z', pause=1.5)

    stages = find(application(pyatspi),
                  lambda n: n.getRoleName() == 'list' and n.name == STAGES[LANGUAGE])
    row = find(stages, lambda n: n.getRoleName() == 'list item' and n.name.split(',')[0] == title)
    if row is None:
        return f'Timeline: no row of "{title}" in the stage list after Ctrl+Z'
    _, list_y, _, list_height = extents(pyatspi, stages)
    _, row_y, _, row_height = extents(pyatspi, row)
    log(f'#   Timeline: after Ctrl+Z the row of "{title}" is at y {row_y} to {row_y + row_height}, '
        f'the list shows {list_y} to {list_y + list_height}')
    if row_y < list_y or row_y + row_height > list_y + list_height:
        return f'Timeline: after Delete and Ctrl+Z the stage list is not scrolled to "{title}"'
    return None


def tab_to(pyatspi, predicate, limit=30):
    """Tabs until the focus is on an object that satisfies @predicate;
    that object, or None."""
    for _ in range(limit):
        key('Tab')
        node = focused(pyatspi)
        if node is not None and predicate(node):
            return node
    return None


def person_of(node):
    """The stakeholder a button of the "+ N more" list names, or None."""
    if node is None or node.getRoleName() != 'push button':
        return None
    return next((name for name in CROWD if node.name.startswith(name + ' ') or node.name == name), None)


def check_grid_more(pyatspi):
    """What is wrong with the "+ N more" line by keyboard, or None."""
    key('alt+2', pause=1.0)
    grid = tab_to(pyatspi, lambda n: n.getRoleName() == 'list' and n.name == GRID[LANGUAGE])
    if grid is None:
        return f'Stakeholders: Tab never reaches the grid "{GRID[LANGUAGE]}"'

    key('Tab', pause=0.6)
    more = focused(pyatspi)
    log(f'#   Stakeholders: Tab from the grid: {describe(more)}')
    if more is None or more.getRoleName() != 'push button' or more.parent.name != GRID[LANGUAGE]:
        return f'Stakeholders: Tab from the grid lands on {describe(more)}, not on its "+ N more" line'
    more_name = more.name

    key('Return', pause=0.8)
    first = focused(pyatspi)
    log(f'#   Stakeholders: Return: {describe(first)}')
    if person_of(first) is None:
        return f'Stakeholders: Return on "{more_name}" puts the focus on {describe(first)}, not on a person'
    key('Down', pause=0.6)
    second = focused(pyatspi)
    log(f'#   Stakeholders: Down: {describe(second)}')
    if person_of(second) is None or person_of(second) == person_of(first):
        return f'Stakeholders: Down in the list goes to {describe(second)}, not to the next person'

    key('Escape', pause=0.8)
    back = focused(pyatspi)
    log(f'#   Stakeholders: Escape: {describe(back)}')
    if back is None or back.name != more_name or back.getRoleName() != 'push button':
        return f'Stakeholders: Escape leaves the focus on {describe(back)}, not on "{more_name}"'

    key('space', pause=0.8)
    chosen = person_of(focused(pyatspi))
    if chosen is None:
        return f'Stakeholders: Space on "{more_name}" puts the focus on {describe(focused(pyatspi))}, not on a person'
    key('Return', pause=0.8)
    node = focused(pyatspi)
    log(f'#   Stakeholders: Return on "{chosen}": {describe(node)}, "{node.description if node else ""}"')
    if node is None or node.name != GRID[LANGUAGE] or not node.description.startswith(chosen + ','):
        return f'Stakeholders: Return on "{chosen}" leaves the focus on {describe(node)}, not on the grid with them chosen'
    return None


def tile_number(node):
    """The goal of the tile @node, or None when it is no goal tile."""
    if node is None or node.getRoleName() != 'push button':
        return None
    return next((n for n in range(1, 18) if node.name.startswith(TILE[LANGUAGE].format(n) + ' ')), None)


def check_goal_tiles(pyatspi):
    """What is wrong with the goal tiles by keyboard, or None."""
    key('alt+1', pause=1.0)
    key('Home', pause=0.6)
    tile = tab_to(pyatspi, lambda n: tile_number(n) is not None, limit=40)
    if tile is None:
        return f'Timeline: Tab never reaches a goal tile named "{TILE[LANGUAGE].format(1)} …"'
    log(f'#   Agenda 2030 links: Tab: {describe(tile)}')
    if tile_number(tile) != 1:
        return f'Agenda 2030 links: Tab into the tiles lands on {describe(tile)}, not on goal 1'

    # Six tiles a row: Down goes from 2 to 8, Up from 8 to 2; nothing
    # before the first, or below the last row.
    for pressed, expected in (('Right', 2), ('Down', 8), ('Right', 9), ('Up', 3), ('End', 17),
                              ('Down', 17), ('Right', 17), ('Left', 16), ('Home', 1), ('Left', 1),
                              ('Up', 1)):
        key(pressed)
        node = focused(pyatspi)
        log(f'#   Agenda 2030 links: {pressed}: {describe(node)}')
        if tile_number(node) != expected:
            return f'Agenda 2030 links: {pressed} puts the focus on {describe(node)}, not on goal {expected}'

    key('Right', 'Right')
    key('Tab', pause=0.6)
    node = focused(pyatspi)
    log(f'#   Agenda 2030 links: Tab from goal 3: {describe(node)}')
    if node is None or tile_number(node) is not None:
        return f'Agenda 2030 links: Tab from goal 3 goes to {describe(node)}, another tile'
    key('shift+Tab', pause=0.6)
    node = focused(pyatspi)
    if tile_number(node) != 3:
        return f'Agenda 2030 links: Shift+Tab back to the tiles lands on {describe(node)}, not on goal 3'

    for opening in ('Return', 'space'):
        key(opening, pause=0.8)
        node = focused(pyatspi)
        log(f'#   Agenda 2030 links: {opening} on goal 3: {describe(node)}')
        if node is None or node.getRoleName() != 'check box' or not node.name.startswith('3.'):
            return f'Agenda 2030 links: {opening} on goal 3 puts the focus on {describe(node)}, not on a target of goal 3'
        key('Escape', pause=0.8)
        node = focused(pyatspi)
        if tile_number(node) != 3:
            return f'Agenda 2030 links: Escape from the targets puts the focus on {describe(node)}, not on goal 3'
    return None


def main_window_focused(wid):
    """The main window given the focus, as a window manager gives it back
    when a dialog over it closes (a bare Xvfb has none)."""
    xdotool('windowfocus', wid)
    time.sleep(0.6)


def check_print_dialog(pyatspi, wid):
    """What is wrong with the print dialog by keyboard, or None."""
    key('alt+1', pause=1.0)
    key('Home', pause=0.6)
    before = focused(pyatspi)
    if before is None:
        return 'Print: nothing has the focus before Ctrl+P'
    key('ctrl+p', pause=3.0)
    node = focused(pyatspi)
    window = node
    while window is not None and window.getRoleName() not in ('dialog', 'frame'):
        window = window.parent
    log(f'#   Print: Ctrl+P: {describe(node)} in {describe(window)}')
    if window is None or window.getRoleName() != 'dialog':
        return f'Print: after Ctrl+P the focus is on {describe(node)}, not in the print dialog'

    # General, Page Setup, then the app's tab, Chart.
    key('ctrl+Page_Down', 'ctrl+Page_Down', 'Tab')
    node = focused(pyatspi)
    log(f'#   Print: the Chart tab: {describe(node)}')
    if node is None or not node.name.startswith(LANGUAGE_CHOICE[LANGUAGE]):
        return f'Print: the Chart tab\'s language choice is {describe(node)}, not named "{LANGUAGE_CHOICE[LANGUAGE]}…"'

    key('Escape', pause=1.0)
    main_window_focused(wid)
    node = focused(pyatspi)
    log(f'#   Print: Escape: {describe(node)}')
    if node is None or node.name != before.name:
        return f'Print: after Escape the focus is on {describe(node)}, not back on {describe(before)}'
    return None


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-keyboard-')
    processes = []
    try:
        display = free_display(250, 380)
        start_session(tmp, display, processes, LOCALES[LANGUAGE], LANGUAGE)
        processes.append(subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                          stderr=subprocess.DEVNULL))
        time.sleep(0.7)

        project = os.path.join(tmp, 'large.upphandla')
        make_project(project)
        # The app's messages, to find GTK's warnings among them; shown
        # in this test's log as they are.
        app_log_path = os.path.join(tmp, 'app.log')
        app_log = open(app_log_path, 'w')
        processes.append(subprocess.Popen([APP, project], stderr=app_log))
        wid = xdotool('search', '--sync', '--onlyvisible', '--name', '.').split()[0]
        xdotool('windowmove', wid, 0, 0)
        xdotool('windowsize', wid, 1600, 1000)
        time.sleep(1.5)

        import pyatspi
        wait_for('the app in the accessibility tree', lambda: application(pyatspi))

        problems = []
        for what, check in (
                ('Timeline: Delete and Ctrl+Z scroll the stage list to the stage brought back',
                 check_undo_scrolls_stage_list),
                ('Stakeholders: the "+ N more" line of the grid by keyboard', check_grid_more),
                ('Agenda 2030 links: the goal tiles are one Tab stop, the arrows move', check_goal_tiles),
                ('Print: in and out by keyboard, the Chart tab named',
                 lambda pyatspi: check_print_dialog(pyatspi, wid)),
        ):
            wrong = check(pyatspi)
            log(('not ok' if wrong else 'ok') + f' - {what}')
            if wrong:
                problems.append(wrong)

        app_log.flush()
        with open(app_log_path) as f:
            messages = f.read()
        sys.stderr.write(messages)
        unallocated = [line for line in messages.splitlines() if 'without a current allocation' in line]
        log(('not ok' if unallocated else 'ok') + ' - GTK draws no widget before it is laid out')
        if unallocated:
            problems.append(f'{len(unallocated)} times GTK drew a widget before it was laid out: {unallocated[0]}')

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
