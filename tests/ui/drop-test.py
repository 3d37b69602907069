#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A project file dragged from another application (Files, a mail client)
and dropped on a text field of the window, with real X drag and drop.

Starts its own Xvfb, the app on a demo project, and a GTK 4 window beside
it that drags the file sent as a file list, as Files does (GTK offers the
list also as text, the paths). Dropped on the stage panel's description,
the file opens in a window of its own, as dropped anywhere else on the
window; the description does not get the file's path as text. Text alone
dropped there still goes into the description. Run it
inside a session bus, for the app's single instance:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/drop-test.py build/app/upphandla

Ends by itself; exits non-zero on failure.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from xtest import TIMEOUT, end_session, free_display, log, start_session, wait_for, xdotool

APP = os.path.abspath(sys.argv[1])

# The GTK 4 drag source: a window whose label drags the file at argv[1] as
# a file list, or with argv[2] "text", that path as plain text only.
SOURCE = r'''
import sys
import gi
gi.require_version('Gtk', '4.0')
from gi.repository import Gdk, Gio, GObject, Gtk

def prepare(source, x, y):
    if len(sys.argv) > 2 and sys.argv[2] == 'text':
        return Gdk.ContentProvider.new_for_value(GObject.Value(str, sys.argv[1]))
    files = Gdk.FileList.new_from_list([Gio.File.new_for_path(sys.argv[1])])
    return Gdk.ContentProvider.new_for_value(GObject.Value(Gdk.FileList, files))

def activate(app):
    window = Gtk.ApplicationWindow(application=app, title='drag-source')
    window.set_default_size(300, 200)
    label = Gtk.Label(label='Bilaga')
    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)
    source.connect('prepare', prepare)
    label.add_controller(source)
    window.set_child(label)
    window.present()

app = Gtk.Application(application_id='org.example.UpphandlaDragSource',
                      flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect('activate', activate)
app.run([])
'''


def description(path):
    uri = f'file:{path}?mode=ro&immutable=1'
    with sqlite3.connect(uri, uri=True) as db:
        return db.execute('SELECT description FROM stage ORDER BY position LIMIT 1').fetchone()[0]


def drag_to_description():
    """From the source's label to the description of the first stage, in
    the stage panel on the right of the window (1,200 px wide)."""
    xdotool('mousemove', 1400, 200, 'mousedown', 1)
    time.sleep(0.3)
    for x in range(1350, 1000, -50):
        xdotool('mousemove', x, 645)
        time.sleep(0.1)
    xdotool('mousemove', 1015, 645)
    time.sleep(0.5)
    xdotool('mouseup', 1)


def names():
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '.'],
                           capture_output=True, text=True, timeout=TIMEOUT).stdout.split()
    result = []
    for wid in found:
        try:
            result.append(xdotool('getwindowname', wid))
        except subprocess.CalledProcessError:
            pass    # gone meanwhile: the drag's icon
    return result


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-drop-')
    processes = []
    try:
        display = free_display(300, 400)
        start_session(tmp, display, processes, accessible=False)

        shown = os.path.join(tmp, 'workshop.upphandla')
        sent = os.path.join(tmp, 'Åtgärder för äldre – v2.upphandla')
        for path in (shown, sent):
            subprocess.run([APP, f'--write-demo={path}'], check=True, timeout=TIMEOUT,
                           capture_output=True)
        before = description(shown)

        processes.append(subprocess.Popen([APP, shown]))
        wid = xdotool('search', '--sync', '--onlyvisible', '--name', 'workshop.upphandla').split()[0]
        xdotool('windowmove', wid, 0, 0)
        xdotool('windowsize', wid, 1200, 800)
        processes.append(subprocess.Popen(['/usr/bin/python3', '-c', SOURCE, sent]))
        source = xdotool('search', '--sync', '--onlyvisible', '--name', 'drag-source').split()[0]
        xdotool('windowmove', source, 1250, 100)
        time.sleep(1.0)
        log('ok 1 - the app shows the project, the drag source stands beside it')

        drag_to_description()

        wait_for('a window on the file dropped',
                 lambda: any(n.endswith('Åtgärder för äldre – v2.upphandla') for n in names()))
        log('ok 2 - the file dropped on the description opens in a window of its own')
        time.sleep(1.0)
        after = description(shown)
        assert after == before, f'the description became {after!r}'
        log('ok 3 - the description is as it was: no path typed into it')

        # The same path dragged as text: the field takes it, as before.
        processes[-1].terminate()
        processes[-1].wait(timeout=5)
        # The window of the file dropped, at 0,0 too with no window manager,
        # out of the way.
        for other in xdotool('search', '--onlyvisible', '--name', 'Åtgärder').split():
            xdotool('windowmove', other, 1700, 0)
        processes.append(subprocess.Popen(['/usr/bin/python3', '-c', SOURCE, 'Från workshoppen', 'text']))
        source = xdotool('search', '--sync', '--onlyvisible', '--name', 'drag-source').split()[0]
        xdotool('windowmove', source, 1250, 100)
        time.sleep(1.0)
        drag_to_description()
        wait_for('the text in the description, in the file',
                 lambda: 'Från workshoppen' in description(shown))
        log('ok 4 - text alone dropped on the description goes into it')
        log('1..4')
        return 0
    finally:
        end_session(processes, tmp)


if __name__ == '__main__':
    sys.exit(main())
