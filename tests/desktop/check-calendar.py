#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the calendar the command line exports, read by another program's parser: the
icalendar module (Debian's python3-icalendar), against the project file read with sqlite3.

Usage: check-calendar.py UPPHANDLA

Writes the demo project (--write-demo), exports its stages with --export=calendar in English and
in Swedish, and checks each file: one event for each stage in the stages' order, DTSTART its first
day and DTEND the day after its last (iCalendar's end is not part of the event), a summary that
begins with the stage's title, the kind and status in the language asked for, free time, the
calendar named after the project; UIDs unique, and the same in both files so that a calendar given
the file again updates its events. Exits 77 (skipped) when the icalendar module is missing.
"""

import datetime
import gettext
import os
import sqlite3
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    print("SKIP: the icalendar module is not installed (python3-icalendar; tools/setup installs it)")
    sys.exit(77)

failures = []

# The statuses as the file keeps them and as the app labels them (app/core/up-types.c).
STATUS_LABELS = {"planned": "Planned", "active": "In progress", "done": "Done"}


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(upphandla, *args):
    """Runs the app without a display, in English, and fails on any error."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "LC_MESSAGES"):
        env.pop(name, None)
    env.update({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": "en", "GSETTINGS_BACKEND": "memory"})
    result = subprocess.run([upphandla, *args], env=env, capture_output=True, text=True, timeout=60)
    print(f"+ upphandla {' '.join(args)}: status {result.returncode}")
    if result.returncode != 0 or result.stderr:
        print(result.stderr, end="")
        sys.exit(f"FAIL: upphandla {args[0]} failed")


def read_project(path):
    """The project's title and its stages in their order, from the file itself."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (title,) = db.execute("SELECT title FROM project").fetchone()
        stages = db.execute(
            "SELECT id, title, start_date, end_date, kind, status FROM stage ORDER BY position, id"
        ).fetchall()
    finally:
        db.close()
    return title, stages


def swedish_catalogue():
    localedir = os.environ.get("UPPHANDLA_LOCALEDIR")
    if not localedir:
        return None
    path = os.path.join(localedir, "sv", "LC_MESSAGES", "upphandla.mo")
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return gettext.GNUTranslations(f)


def check_calendar(path, lang, title, stages, status_label):
    """Checks the calendar at @path against the project; returns its UIDs in order."""
    with open(path, "rb") as f:
        data = f.read()
    print(f"checking the {lang} calendar ({len(data)} bytes)")
    check(data.startswith(b"BEGIN:VCALENDAR\r\n"), f"{lang}: it begins with BEGIN:VCALENDAR")
    check(b"\n" not in data.replace(b"\r\n", b""), f"{lang}: every line ends in CR LF")
    calendar = icalendar.Calendar.from_ical(data)
    check(not calendar.errors, f"{lang}: the calendar parses without errors {calendar.errors}")
    check(str(calendar.get("version")) == "2.0", f"{lang}: VERSION:2.0")
    check(str(calendar.get("prodid", "")).endswith("//" + lang.upper()), f"{lang}: the PRODID ends in //{lang.upper()}")
    check(str(calendar.get("name")) == title, f"{lang}: the calendar's NAME is the project's title “{title}”")
    check(str(calendar.get("x-wr-calname")) == title, f"{lang}: X-WR-CALNAME is the project's title")

    events = calendar.walk("VEVENT")
    check(len(events) == len(stages), f"{lang}: {len(events)} events for {len(stages)} stages")
    uids = []
    for event, (stage_id, stage_title, start, end, kind, status) in zip(events, stages):
        what = f"{lang}: stage {stage_id} “{stage_title}”"
        check(not event.errors, f"{what}: the event parses without errors {event.errors}")
        first = datetime.date.fromisoformat(start)
        after = datetime.date.fromisoformat(end) + datetime.timedelta(days=1)
        dtstart = event.decoded("dtstart")
        dtend = event.decoded("dtend")
        # a date, not a date-time: whole days, in every time zone
        check(type(dtstart) is datetime.date and dtstart == first, f"{what}: DTSTART {dtstart} is {start}")
        check(type(dtend) is datetime.date and dtend == after, f"{what}: DTEND {dtend} is the day after {end}")
        check("duration" not in event, f"{what}: no DURATION beside DTEND")
        summary = str(event.get("summary"))
        check(summary.startswith(stage_title), f"{what}: the summary “{summary}” begins with the stage's title")
        check(summary == f"{stage_title} – {title}", f"{what}: the summary names the project")
        description = str(event.get("description"))
        first_line = description.split("\n")[0]
        check(first_line.endswith(" · " + status_label(status)),
              f"{what}: the description's first line “{first_line}” ends in its status")
        check(str(event.get("transp")) == "TRANSPARENT", f"{what}: TRANSP:TRANSPARENT (free time)")
        stamp = event.decoded("dtstamp")
        check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0),
              f"{what}: DTSTAMP is a time in UTC")
        uids.append(str(event.get("uid")))
    check(len(set(uids)) == len(uids) and all(uids), f"{lang}: every event has a UID of its own")
    return uids, [str(e.get("description")) for e in events]


def main():
    upphandla = sys.argv[1]
    catalogue = swedish_catalogue()
    if catalogue is None:
        print("SKIP: the Swedish catalogue is not built (UPPHANDLA_LOCALEDIR)")
        return 77

    with tempfile.TemporaryDirectory(prefix="upphandla-check-calendar-") as tmp:
        demo = os.path.join(tmp, "demo.upphandla")
        run(upphandla, f"--write-demo={demo}")
        title, stages = read_project(demo)
        check(len(stages) >= 10, f"the demo has stages ({len(stages)})")

        results = {}
        for lang in ("en", "sv"):
            output = os.path.join(tmp, f"plan-{lang}.ics")
            run(upphandla, "--export=calendar", f"--lang={lang}", f"--output={output}", demo)
            translations = catalogue if lang == "sv" else gettext.NullTranslations()
            results[lang] = check_calendar(output, lang, title, stages,
                                           lambda status: translations.pgettext("stage status", STATUS_LABELS[status]))

        en_uids, en_descriptions = results["en"]
        sv_uids, sv_descriptions = results["sv"]
        check(en_uids == sv_uids, "the UIDs are the same in both exports")
        different = sum(1 for en, sv in zip(en_descriptions, sv_descriptions) if en != sv)
        check(different == len(stages), f"the Swedish descriptions are not the English ones ({different})")

        # exported again: the same UIDs, so a calendar updates its events
        again = os.path.join(tmp, "again.ics")
        run(upphandla, "--export=calendar", "--lang=en", f"--output={again}", demo)
        with open(again, "rb") as f:
            again_uids = [str(e.get("uid")) for e in icalendar.Calendar.from_ical(f.read()).walk("VEVENT")]
        check(again_uids == en_uids, "the UIDs are the same when exported again")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("PASS: the exported calendar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
