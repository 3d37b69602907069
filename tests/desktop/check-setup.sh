#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the package lists of tools/setup: tools/demo, a new user's first command, installs what
# building and running the app needs and none of the test tools (a compiler for the fuzzer, OCR,
# a virtual display, flatpak-builder), and tools/check everything of both.
#
# Usage: check-setup.sh SOURCE_ROOT

set -uo pipefail

setup=$1/tools/setup
failures=0
check() {
  if [ "$1" = 0 ]; then
    echo "ok   $2"
  else
    echo "FAIL $2"
    failures=$((failures + 1))
  fi
}

# --list prints and does nothing else; a tools/setup without it would install and build.
all=$("$setup" --list 2>&1 | head -200)
check $? "tools/setup --list exits 0"
app=$("$setup" --app --list 2>&1 | head -200)
check $? "tools/setup --app --list exits 0"

for p in libgtk-4-dev libadwaita-1-dev libsqlite3-dev meson ninja-build gettext; do
  grep -qx "$p" <<<"$app"
  check $? "the app needs $p"
done
for p in clang libclang-rt-14-dev tesseract-ocr xvfb xdotool flatpak-builder poppler-utils; do
  ! grep -qx "$p" <<<"$app"
  check $? "the app alone does not install the test tool $p"
done
missing=$(comm -23 <(sort <<<"$app") <(sort <<<"$all"))
[ -z "$missing" ]
check $? "tools/check installs everything tools/demo does (missing: ${missing//$'\n'/ })"
grep -q '^tools/setup --app$' "$1/tools/demo"
check $? "tools/demo sets up with --app"
grep -qx clang <<<"$all"
check $? "tools/check installs the test tools too"
# tools/screenshots makes the store's images with these; optipng was missing.
for p in xvfb xdotool imagemagick optipng; do
  grep -qx "$p" <<<"$all"
  check $? "tools/setup installs $p for tools/screenshots"
done

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures check(s) of tools/setup failed"
  exit 1
fi
echo "PASS: tools/setup's package lists"
