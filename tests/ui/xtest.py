# SPDX-License-Identifier: GPL-3.0-or-later
"""What the real-input tests share: a free X display and a session of its
own, waiting for a condition, xdotool, and logging in TAP's order."""

import os
import shutil
import subprocess
import time

TIMEOUT = 20


def log(message):
    print(message, flush=True)


def free_display(first, last):
    """A display number from @first to @last with no X server; the tests
    that may run at once look in ranges of their own."""
    for n in range(first, last):
        if not os.path.exists(f'/tmp/.X11-unix/X{n}') and not os.path.exists(f'/tmp/.X{n}-lock'):
            return n
    raise RuntimeError('no free X display')


def wait_for(what, check, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f'timed out waiting for {what}')
        time.sleep(0.1)


def xdotool(*args):
    return subprocess.run(['xdotool', *map(str, args)], check=True, timeout=TIMEOUT,
                          capture_output=True, text=True).stdout.strip()


def start_session(tmp, display, processes, locale='en_US.UTF-8', language='en', accessible=True):
    """The app under test alone with an X server of its own on @display (started into
    @processes, and waited for): settings in memory, its data, state and configuration under
    @tmp, @locale and @language, and the accessibility bridge only if @accessible."""
    os.environ['DISPLAY'] = f':{display}'
    os.environ['GSETTINGS_BACKEND'] = 'memory'
    os.environ['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    os.environ['XDG_STATE_HOME'] = os.path.join(tmp, 'state')
    os.environ['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
    os.environ['LANG'] = os.environ['LC_ALL'] = locale
    os.environ['LANGUAGE'] = language
    if accessible:
        os.environ.pop('NO_AT_BRIDGE', None)
        os.environ.pop('GTK_A11Y', None)
    else:
        os.environ['NO_AT_BRIDGE'] = '1'
        os.environ['GTK_A11Y'] = 'none'

    processes.append(subprocess.Popen(['Xvfb', f':{display}', '-screen', '0', '1600x1000x24',
                                       '-nolisten', 'tcp'], stderr=subprocess.DEVNULL))
    wait_for('the X server', lambda: subprocess.run(['xdotool', 'getdisplaygeometry'],
                                                    capture_output=True).returncode == 0)


def end_session(processes, tmp):
    """Ends @processes, the last started first, and removes @tmp."""
    for process in reversed(processes):
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
    shutil.rmtree(tmp, ignore_errors=True)


def application(pyatspi):
    """Upphandla's object in the accessibility tree, or None."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == 'upphandla':
            return app
    return None


def find(node, predicate, depth=0):
    """The first object at or below @node that satisfies @predicate."""
    if node is None or depth > 60:
        return None
    try:
        if predicate(node):
            return node
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        # An object gone while it is asked (a row made anew): its siblings
        # are still asked.
        return None
    for child in children:
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None
