#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files opened with `upphandla FILE` while Upphandla already runs, as a
double-click in Files or "Open With" in a mail client does.

Starts its own Xvfb and the app with its start page, then runs the
command again, from the folder of the files and with relative names: a
project whose name has spaces and non-ASCII letters opens in the running
app (the second process ends at once, the window is the first process's),
in the window of the start page; the same file again opens no second
window; another project opens a window of its own; a PNG renamed
.upphandla opens no project and shows a dialog. No file is written.
Run it inside a session bus, for the app's single instance:

    dbus-run-session --config-file=tests/ui/session-bus.conf -- /usr/bin/python3 tests/ui/open-remote-test.py build/app/upphandla

Ends by itself; exits non-zero on failure.
"""

import hashlib
import os
import subprocess
import sys
import tempfile

from xtest import TIMEOUT, end_session, free_display, log, start_session, wait_for, xdotool

APP = os.path.abspath(sys.argv[1])
SENT = 'Åtgärder för äldre – v2.upphandla'


def windows():
    """The visible top-level windows: {id: (name, pid)}."""
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '.'],
                           capture_output=True, text=True, timeout=TIMEOUT).stdout.split()
    result = {}
    for wid in found:
        try:
            name = xdotool('getwindowname', wid)
            pid = int(xdotool('getwindowpid', wid))
        except (subprocess.CalledProcessError, ValueError):
            continue    # gone meanwhile, or no _NET_WM_PID
        result[wid] = (name, pid)
    return result


def showing(name):
    return [wid for wid, (title, _) in windows().items() if title.endswith(' — ' + name)]


def open_remote(folder, name):
    """`upphandla NAME` from @folder; the running app takes it, so the
    command ends at once, with success."""
    done = subprocess.run([APP, name], cwd=folder, timeout=TIMEOUT,
                          capture_output=True, text=True)
    assert done.returncode == 0, f'upphandla {name} exited with {done.returncode}: {done.stderr}'


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    tmp = tempfile.mkdtemp(prefix='upphandla-open-remote-')
    processes = []
    try:
        display = free_display(200, 300)
        start_session(tmp, display, processes, accessible=False)

        folder = os.path.join(tmp, 'Bilagor från mejlet')
        os.makedirs(folder)
        for name in (SENT, 'second.upphandla'):
            subprocess.run([APP, f'--write-demo={os.path.join(folder, name)}'], check=True,
                           timeout=TIMEOUT, capture_output=True)
        with open(os.path.join(folder, 'picture.upphandla'), 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90wS\xde')
        before = {name: digest(os.path.join(folder, name)) for name in os.listdir(folder)}

        primary = subprocess.Popen([APP])
        processes.append(primary)
        start_page = wait_for('the start page', lambda: windows())
        assert len(start_page) == 1, start_page
        assert all(pid == primary.pid for _, pid in start_page.values()), start_page
        log('ok 1 - the app runs with its start page')

        open_remote(folder, SENT)
        sent = wait_for(f'a window on {SENT}', lambda: showing(SENT))
        assert windows()[sent[0]][1] == primary.pid, windows()
        assert len(windows()) == 1, f'the start page was not used: {windows()}'
        log('ok 2 - a project with spaces and å, ä, ö in its name opens in the running app, '
            'in the window of the start page')

        open_remote(folder, SENT)
        open_remote(folder, 'second.upphandla')
        wait_for('a window on second.upphandla', lambda: showing('second.upphandla'))
        assert len(showing(SENT)) == 1, windows()
        assert len(windows()) == 2, windows()
        assert all(pid == primary.pid for _, pid in windows().values()), windows()
        log('ok 3 - the same file again opens no second window; another one opens its own')

        open_remote(folder, 'picture.upphandla')
        wait_for('a dialog', lambda: len(windows()) == 3)
        assert not showing('picture.upphandla'), windows()
        log('ok 4 - a PNG renamed .upphandla shows a dialog and no project')

        assert primary.poll() is None, 'the app ended'
        after = {name: digest(os.path.join(folder, name)) for name in os.listdir(folder)}
        assert after == before, f'files changed or appeared: {sorted(set(after) ^ set(before))}'
        log('ok 5 - no file was written')
        log('1..5')
        return 0
    finally:
        end_session(processes, tmp)


if __name__ == '__main__':
    sys.exit(main())
