#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the timeline of the running app.

Starts its own Xvfb, the accessibility bus and the app on a copy of the demo
project; finds the bars through the accessibility tree (each visible stage
is an item named "title, kind, start – end" with its extents); drags them
with xdotool, presses keys, and checks every edit in the project file on
disk. Run it inside a session bus:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/drag-test.py build/app/upphandla

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
PIXELS_PER_DAY = {'month': 16.0}


def file_dates(path, kind):
    """The stage's dates and row as the file on disk has them, read without
    touching it (immutable: no journal beside it)."""
    uri = f'file:{path}?mode=ro&immutable=1'
    with sqlite3.connect(uri, uri=True) as db:
        return db.execute('SELECT start_date, end_date, position FROM stage WHERE kind = ?',
                          (kind,)).fetchone()


def file_stage(path, kind):
    """The title of the stage of @kind, and how many stages there are."""
    uri = f'file:{path}?mode=ro&immutable=1'
    with sqlite3.connect(uri, uri=True) as db:
        title = db.execute('SELECT title FROM stage WHERE kind = ?', (kind,)).fetchone()
        count = db.execute('SELECT count(*) FROM stage').fetchone()[0]
        return (title[0] if title else None), count


def expect_stage(path, kind, title, count, what):
    def check():
        try:
            return file_stage(path, kind) == (title, count)
        except sqlite3.DatabaseError:
            return False
    wait_for(f'{what}: {kind} titled {title!r}, {count} stages', check)
    log(f'ok - {what}')


def add_days(iso, days):
    import datetime
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat()


def expect_file(path, kind, start, end, what):
    def check():
        try:
            dates = file_dates(path, kind)
        except sqlite3.DatabaseError:
            return None     # a save is being renamed into place
        return dates if dates[:2] == (start, end) else None
    try:
        wait_for(what, check, timeout=10)
    except AssertionError:
        raise AssertionError(f'{what}: the file has {file_dates(path, kind)[:2]}, '
                             f'expected {(start, end)}')
    log(f'ok - {what}: {start} – {end} in the file')


def find_timeline(pyatspi):
    return find_node(pyatspi, 'list', 'Process timeline')


def find_node(pyatspi, role, name):
    return find_node_where(pyatspi, role, lambda found: found == name)


def find_node_where(pyatspi, role, matches):
    desktop = pyatspi.Registry.getDesktop(0)

    def walk(node, depth=0):
        if node is None or depth > 30:
            return None
        try:
            if node.getRoleName() == role and matches(node.name):
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


def find_item(pyatspi, timeline, title):
    for i in range(timeline.childCount):
        child = timeline.getChildAtIndex(i)
        if child is not None and child.name and child.name.startswith(title + ','):
            x, y, w, h = child.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            return child, (x, y, w, h)
    return None, None


def drag(x, y, dx, dy=0, steps=12, escape=False):
    xdotool('mousemove', int(x), int(y))
    time.sleep(0.15)
    xdotool('mousedown', 1)
    time.sleep(0.15)
    for i in range(1, steps + 1):
        xdotool('mousemove', int(x + dx * i / steps), int(y + dy * i / steps))
        time.sleep(0.04)
    time.sleep(0.2)
    if escape:
        xdotool('key', 'Escape')
        time.sleep(0.2)
    xdotool('mouseup', 1)
    time.sleep(0.5)


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-drag-')
    processes = []
    try:
        display = free_display(90, 200)
        start_session(tmp, display, processes)
        processes.append(subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                          stderr=subprocess.DEVNULL))
        time.sleep(0.7)

        demo = os.path.join(tmp, 'demo.upphandla')
        subprocess.run([APP, f'--write-demo={demo}'], check=True, timeout=TIMEOUT)
        start0, end0, _ = file_dates(demo, 'requirements')
        log(f'# requirements stage: {start0} – {end0}')

        processes.append(subprocess.Popen([APP, demo]))
        wid = xdotool('search', '--sync', '--onlyvisible', '--name', 'Digital safety alarms')
        wid = wid.split()[0]
        xdotool('windowmove', wid, 0, 0)
        xdotool('windowsize', wid, 1500, 900)
        time.sleep(1.0)

        import pyatspi
        timeline = wait_for('the timeline in the accessibility tree', lambda: find_timeline(pyatspi))
        log('ok - the timeline is a list named "Process timeline"')
        names = [timeline.getChildAtIndex(i).name for i in range(timeline.childCount)]
        named = [n for n in names if n and ' – ' in n]
        assert len(named) >= 10, names
        log(f'ok - {len(named)} stages exposed, e.g. "{named[0]}"')

        # Month zoom (16 px a day, snapping to days), today in view: the
        # requirements stage runs across today. The widest zoom first, so
        # that the steps do not depend on the zoom the demo was fitted at.
        for _ in range(5):
            xdotool('key', '--window', wid, 'ctrl+minus')
            time.sleep(0.2)
        for _ in range(3):
            xdotool('key', '--window', wid, 'ctrl+equal')
            time.sleep(0.3)
        xdotool('key', '--window', wid, 'ctrl+t')
        time.sleep(0.8)
        ppd = PIXELS_PER_DAY['month']

        title = 'Requirements and tender documents'
        _, (x, y, w, h) = wait_for('the bar in view',
                                   lambda: (lambda r: r if r[1] and r[1][2] > 100 else None)
                                   (find_item(pyatspi, timeline, title)))
        log(f'# bar at {x},{y} {w}x{h}')

        # 1. The body, a week later.
        drag(x + w / 2, y + h / 2, 7 * ppd)
        expect_file(demo, 'requirements', add_days(start0, 7), add_days(end0, 7), 'drag moves')

        # 2. Escape during a drag: nothing changes.
        _, (x, y, w, h) = find_item(pyatspi, timeline, title)
        drag(x + w / 2, y + h / 2, 5 * ppd, escape=True)
        time.sleep(1.0)
        expect_file(demo, 'requirements', add_days(start0, 7), add_days(end0, 7), 'Escape cancels')

        # 3. The end edge, three days later.
        _, (x, y, w, h) = wait_for('the moved bar', lambda: (lambda r: r if r[1] else None)
                                   (find_item(pyatspi, timeline, title)))
        log(f'# bar at {x},{y} {w}x{h}')
        # Grabbed just outside the bar: GTK 4.8 reports extents relative to
        # the window surface, a few pixels off what the pointer sees, and
        # the edge zone reaches out 6 px.
        drag(x + w + 1, y + h / 2, 3 * ppd)
        expect_file(demo, 'requirements', add_days(start0, 7), add_days(end0, 10), 'edge drag resizes')

        # 4. Alt+Right: one day (the snap unit at month zoom).
        xdotool('key', '--window', wid, 'alt+Right')
        expect_file(demo, 'requirements', add_days(start0, 8), add_days(end0, 11), 'Alt+Right moves')
        # The timeline's description reads the selected stage with its new
        # dates, as the stage's own item does: it kept the old ones.
        wait_for('the timeline described with the new dates',
                 lambda: (lambda item: item is not None and find_timeline(pyatspi).description == item.name)
                 (find_item(pyatspi, timeline, title)[0]))

        # 5. Ctrl+Z, three times: the original dates, in the file.
        xdotool('key', '--window', wid, 'ctrl+z')
        expect_file(demo, 'requirements', add_days(start0, 7), add_days(end0, 10), 'Ctrl+Z undoes the key')
        xdotool('key', '--window', wid, 'ctrl+z')
        expect_file(demo, 'requirements', add_days(start0, 7), add_days(end0, 7), 'Ctrl+Z undoes the resize')
        xdotool('key', '--window', wid, 'ctrl+z')
        expect_file(demo, 'requirements', start0, end0, 'Ctrl+Z restores the original dates')

        # 6. Ctrl+Z in the stage's title field after a committed edit undoes
        # that edit in the project (the field's own undo used to take the
        # key, and the text it left was saved as a new edit on leaving).
        title0, count0 = file_stage(demo, 'requirements')
        field = wait_for('the title field', lambda: find_node(pyatspi, 'text', 'Title'))
        fx, fy, fw, fh = field.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        xdotool('mousemove', int(fx + fw / 2), int(fy + fh / 2))
        xdotool('click', 1)
        time.sleep(0.3)
        xdotool('key', '--window', wid, 'ctrl+a')
        xdotool('type', '--window', wid, '--delay', '20', 'Typed title')
        xdotool('key', '--window', wid, 'Return')
        expect_stage(demo, 'requirements', 'Typed title', count0, 'a title typed is saved')
        xdotool('key', '--window', wid, 'ctrl+z')
        expect_stage(demo, 'requirements', title0, count0, 'Ctrl+Z in the title field undoes it')
        xdotool('key', '--window', wid, 'ctrl+shift+z')
        expect_stage(demo, 'requirements', 'Typed title', count0, 'Ctrl+Shift+Z there redoes it')
        xdotool('key', '--window', wid, 'ctrl+z')
        expect_stage(demo, 'requirements', title0, count0, 'and Ctrl+Z undoes it again')

        # 7. Delete in another view leaves the timeline's stage alone.
        xdotool('key', '--window', wid, 'alt+4')
        time.sleep(0.5)
        xdotool('key', '--window', wid, 'Delete')
        time.sleep(0.3)
        xdotool('key', '--window', wid, 'Delete')
        time.sleep(1.5)
        expect_stage(demo, 'requirements', title0, count0, 'Delete in the Agenda 2030 view deletes no stage')
        xdotool('key', '--window', wid, 'alt+1')
        time.sleep(0.5)

        # 8. The start date's calendar says what it is for: a screen reader
        # read it as "GtkCalendar" (its role in GTK 4.8 is a plain filler).
        button = wait_for('the start date button',
                          lambda: find_node(pyatspi, 'push button', 'Choose the Start Date'))
        bx, by, bw, bh = button.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        xdotool('mousemove', int(bx + bw / 2), int(by + bh / 2))
        xdotool('click', 1)
        wait_for('the start date calendar, named',
                 lambda: find_node(pyatspi, 'filler', 'Choose the Start Date'))
        xdotool('key', '--window', wid, 'Escape')
        time.sleep(0.3)
        expect_stage(demo, 'requirements', title0, count0, 'the calendar changes nothing by itself')

        # 9. A drop-down says what it is for and what it shows: its button
        # was an anonymous "GtkToggleButton". It follows a new choice.
        xdotool('key', '--window', wid, 'alt+3')
        stage_filter = wait_for('the stage filter, named',
                                lambda: find_node(pyatspi, 'push button',
                                                  'Show the Notes of a Stage: All Stages'))
        sx, sy, sw, sh = stage_filter.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        xdotool('mousemove', int(sx + sw / 2), int(sy + sh / 2))
        xdotool('click', 1)
        time.sleep(0.5)
        xdotool('key', '--window', wid, 'Down')
        xdotool('key', '--window', wid, 'Return')
        chosen = wait_for('the stage filter named after its new choice',
                          lambda: find_node_where(pyatspi, 'push button',
                                                  lambda name: name.startswith('Show the Notes of a Stage: ')
                                                  and name != 'Show the Notes of a Stage: All Stages'))
        log(f'# the stage filter after a choice: {chosen.name}')
        xdotool('key', '--window', wid, 'alt+1')
        time.sleep(0.5)

        # 10. Typing in the stage list finds a stage (the find bar takes the
        # keys), and so does Ctrl+F; the stage found is the one edited.
        def edited_title():
            title_field = find_node(pyatspi, 'text', 'Title')
            if title_field is None:
                return None
            text = title_field.queryText()
            return text.getText(0, text.characterCount)

        for _ in range(4):      # from the timeline back to the stage list
            xdotool('key', '--window', wid, 'shift+Tab')
            time.sleep(0.2)
        xdotool('type', '--window', wid, '--delay', '60', 'Tender period')
        wait_for('typing in the stage list finds "Tender period"',
                 lambda: edited_title() == 'Tender period')
        log('ok - typing in the stage list finds a stage')
        xdotool('key', '--window', wid, 'Escape')
        time.sleep(0.3)
        xdotool('key', '--window', wid, 'ctrl+f')
        time.sleep(0.3)
        xdotool('type', '--window', wid, '--delay', '60', 'evaluation')
        wait_for('Ctrl+F and "evaluation" find "Evaluation of tenders"',
                 lambda: edited_title() == 'Evaluation of tenders')
        log('ok - Ctrl+F finds a stage')
        xdotool('key', '--window', wid, 'Escape')
        time.sleep(0.3)

        shot = os.environ.get('UPPHANDLA_SCREENSHOT')
        if shot:
            subprocess.run(['import', '-window', 'root', shot], check=False, timeout=TIMEOUT)
            log(f'# screenshot: {shot}')

        log('# all passed')
        return 0
    finally:
        end_session(processes, tmp)


if __name__ == '__main__':
    sys.exit(main())
