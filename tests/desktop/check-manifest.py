#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: ids, runtime, command and a sandbox without file or network access.

Usage: check-manifest.py MANIFEST.json
"""

import json
import sys

APP_ID = "io.github.upphandla.Upphandla"
# Folders in a checkout that are no source: see .gitignore and tools/sanitize.
BUILD_LEFTOVERS = {"build", "build-asan", "_build", "_flatpak_build", "repo", ".git"}
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    path = sys.argv[1]
    print(f"checking {path}")
    with open(path, encoding="utf-8") as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            print(f"FAIL not valid JSON: {e}")
            return 1
    check(True, "the manifest is valid JSON")

    app_id = manifest.get("app-id", manifest.get("id"))
    check(app_id == APP_ID, f"app-id is {APP_ID} (found {app_id!r})")
    check(manifest.get("command") == "upphandla", f"command is upphandla (found {manifest.get('command')!r})")
    check(manifest.get("runtime") == "org.gnome.Platform",
          f"runtime is org.gnome.Platform (found {manifest.get('runtime')!r})")
    check(manifest.get("sdk") == "org.gnome.Sdk", f"sdk is org.gnome.Sdk (found {manifest.get('sdk')!r})")
    check(isinstance(manifest.get("runtime-version"), str) and manifest.get("runtime-version") != "",
          f"runtime-version is a string (found {manifest.get('runtime-version')!r})")

    # Charts are exported in Swedish or English whatever the desktop's
    # language: both catalogues ship with the app, not in a .Locale
    # extension that is installed only for the user's own languages.
    check(manifest.get("separate-locales") is False,
          f"separate-locales is false (found {manifest.get('separate-locales')!r})")

    finish_args = manifest.get("finish-args", [])
    extra = [a for a in finish_args if a not in ALLOWED_FINISH_ARGS]
    check(not extra, f"finish-args only from {sorted(ALLOWED_FINISH_ARGS)} (extra: {extra})")
    check(not any(a.startswith("--filesystem") for a in finish_args),
          "no --filesystem: files come through the document portal")
    check("--share=network" not in finish_args, "no --share=network")
    check(len(finish_args) == len(set(finish_args)), "no finish-arg is repeated")

    modules = manifest.get("modules", [])
    main_module = modules[-1] if modules else {}
    if isinstance(main_module, str):
        main_module = {}
    check(main_module.get("name") == "upphandla", "the last module is upphandla")
    check(main_module.get("buildsystem") == "meson", "it builds with meson")
    check(main_module.get("run-tests") is True, "it runs the tests")
    sources = main_module.get("sources", [])
    dir_sources = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir" and s.get("path") == ".."]
    check(bool(dir_sources), "its source is the repository itself (type dir, path ..)")
    # A type dir source is copied whole into the build, whatever .gitignore
    # says: the build folders of tools/setup and tools/sanitize (hundreds
    # of MB after a test run), a Flatpak repository exported beside the
    # sources, and the git history would be copied at every build.
    for source in dir_sources:
        skip = set(source.get("skip", []))
        missing = sorted(BUILD_LEFTOVERS - skip)
        check(not missing, f"the source skips the build folders and .git (missing: {missing})")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all manifest checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
