# SPDX-License-Identifier: GPL-3.0-or-later
"""What the real-input tests share: a free X display, waiting for a
condition, xdotool, and logging in TAP's order."""

import os
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
