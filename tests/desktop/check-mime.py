#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the MIME type definition of a project file.

Usage: check-mime.py MIME.xml [--update-mime-database PATH] [--gio PATH] [--freedesktop-xml PATH]

Always: the XML declares application/x-upphandla, a sub-class of application/vnd.sqlite3, with the
glob *.upphandla and magic made of two nested matches: the SQLite header at offset 0 and the
application_id 0x55504841 ("UPHA", big-endian) at offset 68, above SQLite's own priority (50).
When update-mime-database and gio are given: builds a MIME database in a temporary folder (with
freedesktop.org.xml when given) and checks what GIO makes of sample files, offline.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-upphandla"
SQLITE_TYPE = "application/vnd.sqlite3"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def sqlite_header(application_id):
    """The first 512 bytes of an SQLite 3 file: enough for magic sniffing."""
    header = bytearray(512)
    header[0:16] = b"SQLite format 3\0"
    header[16:18] = (4096).to_bytes(2, "big")  # page size
    header[18] = header[19] = 1
    header[68:72] = application_id.to_bytes(4, "big")
    return bytes(header)


def check_xml(path):
    print(f"checking the definition in {path}")
    root = ET.parse(path).getroot()
    check(root.tag == NS + "mime-info", "the root is <mime-info> in the shared-mime-info namespace")
    types = root.findall(NS + "mime-type")
    ours = [t for t in types if t.get("type") == MIME_TYPE]
    check(len(ours) == 1, f"it declares {MIME_TYPE} once")
    if not ours:
        return
    t = ours[0]
    comments = [c for c in t.findall(NS + "comment") if c.get("{http://www.w3.org/XML/1998/namespace}lang") is None]
    check(len(comments) == 1 and comments[0].text == "Upphandla project",
          "an untranslated <comment> \"Upphandla project\"")
    check(any(s.get("type") == SQLITE_TYPE for s in t.findall(NS + "sub-class-of")),
          f"sub-class-of {SQLITE_TYPE}")
    check(any(g.get("pattern") == "*.upphandla" for g in t.findall(NS + "glob")), "glob *.upphandla")

    magics = t.findall(NS + "magic")
    check(len(magics) == 1, "one <magic>")
    if not magics:
        return
    magic = magics[0]
    priority = int(magic.get("priority", "50"))
    check(priority > 50, f"magic priority {priority} is above SQLite's 50")
    outer = magic.findall(NS + "match")
    check(len(outer) == 1, "one outer <match>")
    if not outer:
        return
    o = outer[0]
    check(o.get("type") == "string" and o.get("offset") == "0" and o.get("value") == "SQLite format 3\\000",
          "outer match: string \"SQLite format 3\\000\" at offset 0")
    inner = o.findall(NS + "match")
    check(len(inner) == 1, "one nested <match> (both must hold, not either)")
    if not inner:
        return
    i = inner[0]
    check(i.get("type") == "big32" and i.get("offset") == "68" and int(i.get("value"), 0) == 0x55504841,
          "nested match: big32 0x55504841 (\"UPHA\") at offset 68")


def content_type(gio, env, path):
    out = subprocess.run([gio, "info", "--attributes=standard::content-type", path],
                         env=env, check=True, capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line.split(":", 3)[-1].strip()
    return None


def check_database(path, update_mime_database, gio, freedesktop_xml):
    print("checking detection with a MIME database built in a temporary folder")
    with tempfile.TemporaryDirectory(prefix="upphandla-mime-") as tmp:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(path, os.path.join(packages, "io.github.upphandla.Upphandla.xml"))
        if freedesktop_xml and os.path.exists(freedesktop_xml):
            shutil.copy(freedesktop_xml, packages)
            have_sqlite = True
        else:
            print("note: no freedesktop.org.xml; checking without SQLite's own type")
            have_sqlite = False
        subprocess.run([update_mime_database, os.path.join(tmp, "mime")], check=True,
                       capture_output=True, timeout=120)
        check(True, "update-mime-database accepts the definition")

        samples = os.path.join(tmp, "samples")
        os.makedirs(samples)

        def sample(name, data):
            p = os.path.join(samples, name)
            with open(p, "wb") as f:
                f.write(data)
            return p

        env = dict(os.environ)
        env["XDG_DATA_HOME"] = tmp
        env["XDG_DATA_DIRS"] = tmp
        env["GIO_USE_VFS"] = "local"

        ours_named = sample("plan.upphandla", sqlite_header(0x55504841))
        ours_unnamed = sample("sent-by-mail", sqlite_header(0x55504841))
        other_db = sample("other-database", sqlite_header(0))

        ct = content_type(gio, env, ours_named)
        check(ct == MIME_TYPE, f"plan.upphandla is {MIME_TYPE} (gio says {ct})")
        ct = content_type(gio, env, ours_unnamed)
        check(ct == MIME_TYPE, f"a project without extension is {MIME_TYPE} by content (gio says {ct})")
        ct = content_type(gio, env, other_db)
        if have_sqlite:
            check(ct == SQLITE_TYPE, f"another SQLite database stays {SQLITE_TYPE} (gio says {ct})")
        else:
            check(ct != MIME_TYPE, f"another SQLite database is not {MIME_TYPE} (gio says {ct})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("xml")
    parser.add_argument("--update-mime-database")
    parser.add_argument("--gio")
    parser.add_argument("--freedesktop-xml", default="/usr/share/mime/packages/freedesktop.org.xml")
    args = parser.parse_args()

    check_xml(args.xml)
    if args.update_mime_database and args.gio:
        check_database(args.xml, args.update_mime_database, args.gio, args.freedesktop_xml)
    else:
        print("note: update-mime-database or gio missing; detection by content not checked")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all MIME checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
