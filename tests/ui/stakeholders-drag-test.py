#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the power/interest grid of the running app.

Starts its own Xvfb, the accessibility bus and the app on a copy of the demo
project; opens the Stakeholders view through its switcher button; finds the
marks through the accessibility tree (each is a list item "Name: influence
N, interest N, quadrant" over its mark); drags one with xdotool, cancels a
drag with Escape, moves one with Alt+arrow and undoes with Ctrl+Z, and
checks every edit in the project file on disk. Run it inside a session bus:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/stakeholders-drag-test.py build/app/upphandla

Uses Debian's python3 (for pyatspi). Ends by itself; exits non-zero on
failure.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from xtest import TIMEOUT, end_session, free_display, log, start_session, wait_for, xdotool

APP = os.path.abspath(sys.argv[1])


def file_values(path, name):
    """The stakeholder's influence and interest as the file on disk has
    them, read without touching it (immutable: no journal beside it)."""
    uri = f'file:{path}?mode=ro&immutable=1'
    with sqlite3.connect(uri, uri=True) as db:
        return db.execute('SELECT influence, interest FROM stakeholder WHERE name = ?',
                          (name,)).fetchone()


def expect_file(path, name, values, what):
    def check():
        try:
            found = file_values(path, name)
        except sqlite3.DatabaseError:
            return None     # a save is being renamed into place
        return found if found == values else None
    try:
        wait_for(what, check, timeout=10)
    except AssertionError:
        raise AssertionError(f'{what}: the file has {file_values(path, name)}, expected {values}')
    log(f'ok - {what}: influence {values[0]}, interest {values[1]} in the file')


def find(pyatspi, match):
    desktop = pyatspi.Registry.getDesktop(0)

    def walk(node, depth=0):
        if node is None or depth > 40:
            return None
        try:
            if match(node):
                return node
            for i in range(node.childCount):
                found = walk(node.getChildAtIndex(i), depth + 1)
                if found is not None:
                    return found
        except Exception:
            return None
        return None

    for i in range(desktop.childCount):
        found = walk(desktop.getChildAtIndex(i))
        if found is not None:
            return found
    return None


def find_in(node, match, depth=0):
    if node is None or depth > 40:
        return None
    if match(node):
        return node
    for i in range(node.childCount):
        found = find_in(node.getChildAtIndex(i), match, depth + 1)
        if found is not None:
            return found
    return None


def mark_centre(pyatspi, grid, name):
    for i in range(grid.childCount):
        child = grid.getChildAtIndex(i)
        if child is not None and child.name and child.name.startswith(name + ','):
            x, y, w, h = child.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            if w > 1 and h > 1:
                return (x + w / 2, y + h / 2, child.name)
    return None


def drag(x, y, to_x, to_y, steps=12, escape=False):
    xdotool('mousemove', int(x), int(y))
    time.sleep(0.15)
    xdotool('mousedown', 1)
    time.sleep(0.15)
    for i in range(1, steps + 1):
        xdotool('mousemove', int(x + (to_x - x) * i / steps), int(y + (to_y - y) * i / steps))
        time.sleep(0.04)
    time.sleep(0.2)
    if escape:
        xdotool('key', 'Escape')
        time.sleep(0.2)
    xdotool('mouseup', 1)
    time.sleep(0.5)


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-grid-drag-')
    processes = []
    try:
        display = free_display(120, 250)
        start_session(tmp, display, processes)
        processes.append(subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                          stderr=subprocess.DEVNULL))
        time.sleep(0.7)

        demo = os.path.join(tmp, 'demo.upphandla')
        subprocess.run([APP, f'--write-demo={demo}'], check=True, timeout=TIMEOUT)
        assert file_values(demo, 'Sara Öberg') == (2, 3)

        processes.append(subprocess.Popen([APP, demo]))
        wid = xdotool('search', '--sync', '--onlyvisible', '--name', 'Digital safety alarms')
        wid = wid.split()[0]
        xdotool('windowmove', wid, 0, 0)
        xdotool('windowsize', wid, 1600, 1000)
        time.sleep(1.0)

        import pyatspi
        switch = wait_for('the Stakeholders button of the view switcher',
                          lambda: find(pyatspi, lambda n: n.name == 'Stakeholders'
                                       and n.getRoleName() == 'page tab'))
        x, y, w, h = switch.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        xdotool('mousemove', int(x + w / 2), int(y + h / 2))
        xdotool('click', 1)
        time.sleep(1.0)

        grid = wait_for('the grid in the accessibility tree',
                        lambda: find(pyatspi, lambda n: n.getRoleName() == 'list'
                                     and n.name == 'Power/interest grid'))
        names = [grid.getChildAtIndex(i).name for i in range(grid.childCount)]
        assert len(names) == 8, names
        assert 'Sara Öberg, Supporter: influence 2, interest 3, Monitor' in names, names
        log(f'ok - the grid is a list of {len(names)} marks, e.g. "{names[0]}"')

        # Where the cells are, from marks the demo puts in them: Karin is
        # at influence 5, Erik and Karin are one interest apart.
        sara = wait_for("Sara's mark", lambda: mark_centre(pyatspi, grid, 'Sara Öberg'))
        karin = mark_centre(pyatspi, grid, 'Karin Lindqvist')
        erik = mark_centre(pyatspi, grid, 'Erik Holm')
        cell_width = karin[0] - erik[0]
        assert cell_width > 40, (karin, erik)

        # 1. Sara to influence 5, interest 1 (two cells left, up to Karin's row).
        drag(sara[0], sara[1], sara[0] - 2 * cell_width, karin[1])
        expect_file(demo, 'Sara Öberg', (5, 1), 'drag moves')
        moved = wait_for('the mark renamed', lambda: (lambda m: m if m and 'Keep satisfied' in m[2] else None)
                         (mark_centre(pyatspi, grid, 'Sara Öberg')))
        log(f'ok - the mark reads "{moved[2]}"')

        # 2. Escape during a drag: nothing changes.
        erik = mark_centre(pyatspi, grid, 'Erik Holm')
        drag(erik[0], erik[1], erik[0] + cell_width, erik[1] + 2 * cell_width, escape=True)
        expect_file(demo, 'Erik Holm', (5, 3), 'Escape cancels')

        # 3. Alt+arrows on the selected mark: a click on Sara's selects her
        # (Erik's cancelled drag selected him) and changes nothing.
        sara = mark_centre(pyatspi, grid, 'Sara Öberg')
        xdotool('mousemove', int(sara[0]), int(sara[1]))
        xdotool('click', 1)
        time.sleep(0.4)
        expect_file(demo, 'Sara Öberg', (5, 1), 'a click selects')
        xdotool('key', 'alt+Right')
        expect_file(demo, 'Sara Öberg', (5, 2), 'Alt+Right moves one cell right')
        xdotool('key', 'alt+Down')
        expect_file(demo, 'Sara Öberg', (4, 2), 'Alt+Down moves one cell down')

        # 4. Ctrl+Z, three times: each key one step, the drag's two values
        # in one.
        xdotool('key', 'ctrl+z')
        expect_file(demo, 'Sara Öberg', (5, 2), 'undo Alt+Down')
        xdotool('key', 'ctrl+z')
        expect_file(demo, 'Sara Öberg', (5, 1), 'undo Alt+Right')
        xdotool('key', 'ctrl+z')
        expect_file(demo, 'Sara Öberg', (2, 3), 'undo the drag')

        # 5. A note's stakeholders, in the Notes view: each check box is
        # named after its stakeholder (they were all "GtkCheckButton").
        xdotool('key', 'alt+3')
        add = None
        deadline = time.monotonic() + 10
        while add is None and time.monotonic() < deadline:
            time.sleep(0.3)
            view = find(pyatspi, lambda n: n.name == 'UpNotesView')
            add = find_in(view, lambda n: n.getRoleName() == 'push button' and n.name == 'Add Note')
        assert add is not None, 'no Add Note button in the Notes view'
        add.queryAction().doAction(0)
        check = None
        deadline = time.monotonic() + 10
        while check is None and time.monotonic() < deadline:
            time.sleep(0.3)
            check = find(pyatspi, lambda n: n.getRoleName() == 'check box' and n.name == 'Sara Öberg')
        assert check is not None, 'no check box named "Sara Öberg" in the Notes view'
        unnamed = find(pyatspi, lambda n: n.getRoleName() == 'check box' and n.name == 'GtkCheckButton')
        assert unnamed is None, 'a check box is named "GtkCheckButton"'
        log('ok - a note\'s stakeholder check box is named after the stakeholder')

        # 6. Buttons with a mnemonic are named by their text alone: GTK 4.8
        # named them "_Save Note Save Note".
        names = []
        find(pyatspi, lambda n: names.append((n.getRoleName(), n.name or '')) and False)
        marked = [name for role, name in names if role in ('push button', 'toggle button') and '_' in name]
        assert not marked, f'buttons named with a mnemonic: {marked}'
        assert ('push button', 'New Project…') in names, 'no button named "New Project…"'
        assert ('push button', 'Add Stakeholder') in names, 'no button named "Add Stakeholder"'
        assert ('push button', 'Save Note') in names, 'no button named "Save Note"'
        log(f'ok - {len([n for n in names if n[0] == "push button"])} buttons, none named with a mnemonic')

        log('# all passed')
        return 0
    finally:
        end_session(processes, tmp)


if __name__ == '__main__':
    sys.exit(main())
