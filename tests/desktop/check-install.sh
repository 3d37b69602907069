#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks that every file a desktop needs is there.
#
# Usage: check-install.sh MESON BUILDDIR APP_ID BINDIR DATADIR LOCALEDIR
# (BINDIR, DATADIR and LOCALEDIR are the absolute installation paths, prefix included.)

set -uo pipefail

if [ $# -ne 6 ]; then
  echo "usage: $0 MESON BUILDDIR APP_ID BINDIR DATADIR LOCALEDIR" >&2
  exit 2
fi

meson=$1 builddir=$2 app_id=$3 bindir=$4 datadir=$5 localedir=$6

destdir=$(mktemp -d "${TMPDIR:-/tmp}/upphandla-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT

echo "checking meson install -C $builddir --destdir $destdir"
# --no-rebuild: meson test has built everything already, and a second ninja in the same build
# directory while the tests run would only race with it.
if ! "$meson" install -C "$builddir" --no-rebuild --destdir "$destdir" >"$destdir.log" 2>&1; then
  cat "$destdir.log"
  rm -f "$destdir.log"
  echo "FAIL: meson install failed"
  exit 1
fi
rm -f "$destdir.log"

failures=0
expect() {
  local path=$destdir$1
  if [ -f "$path" ] && [ -s "$path" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1 is missing or empty"
    failures=$((failures + 1))
  fi
}

expect "$bindir/upphandla"
if [ -x "$destdir$bindir/upphandla" ]; then
  echo "ok   $bindir/upphandla is executable"
else
  echo "FAIL $bindir/upphandla is not executable"
  failures=$((failures + 1))
fi
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/glib-2.0/schemas/io.github.upphandla.Upphandla.gschema.xml"
expect "$datadir/mime/packages/$app_id.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
for icon in agenda legend notes stakeholders; do
  expect "$datadir/icons/hicolor/scalable/actions/$app_id-$icon-symbolic.svg"
done
expect "$localedir/sv/LC_MESSAGES/upphandla.mo"
# the user's guide, where the help viewer finds "help:upphandla", in English and Swedish
for lang in C sv; do
  for page in index timeline stakeholders notes agenda local-goals; do
    expect "$datadir/help/$lang/upphandla/$page.page"
  done
  expect "$datadir/help/$lang/upphandla/figures/$app_id.svg"
done
if [ -f "$destdir$datadir/help/sv/upphandla/index.page" ] &&
   ! grep -q '<title>Upphandla Help</title>' "$destdir$datadir/help/sv/upphandla/index.page"; then
  echo "ok   the Swedish guide is translated"
else
  echo "FAIL the Swedish guide is missing or in English"
  failures=$((failures + 1))
fi

# The merged files carry the Swedish translation once po/sv.po translates their strings.
desktop=$destdir$datadir/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  if grep -q '^Comment\[sv\]=' "$desktop"; then
    echo "ok   the desktop file has a Swedish Comment"
  else
    echo "note the desktop file has no Swedish Comment yet (po/sv.po lacks its msgid)"
  fi
fi

# A double-click on a project, or "Open With" in a mail client, reaches the app only when the
# desktop file claims the MIME type that the installed definition declares (and the metainfo
# provides, for the software centres), and its Exec passes the files on (%F: local paths,
# which the document portal and GVfs's FUSE mounts give for any file).
mime=$destdir$datadir/mime/packages/$app_id.xml
metainfo=$destdir$datadir/metainfo/$app_id.metainfo.xml
if [ -f "$desktop" ] && [ -f "$mime" ] && [ -f "$metainfo" ]; then
  type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime" | head -1)
  if [ -n "$type" ] && grep -q "^MimeType=\(.*;\)\?$type;" "$desktop"; then
    echo "ok   the desktop file claims $type"
  else
    echo "FAIL the desktop file does not claim the installed MIME type ${type:-(none)}"
    failures=$((failures + 1))
  fi
  if grep -q "<mediatype>$type</mediatype>" "$metainfo"; then
    echo "ok   the metainfo provides $type"
  else
    echo "FAIL the metainfo does not provide $type"
    failures=$((failures + 1))
  fi
  # Software centres (GNOME Software, Flathub) draw the app's banner in its brand colours, one
  # for each colour scheme; without them each picks a colour of its own.
  for scheme in light dark; do
    if grep -q "<color type=\"primary\" scheme_preference=\"$scheme\">#[0-9a-f]\{6\}</color>" "$metainfo"; then
      echo "ok   the metainfo has a $scheme brand colour"
    else
      echo "FAIL the metainfo has no $scheme brand colour"
      failures=$((failures + 1))
    fi
  done
  if grep -q '^Exec=upphandla %F$' "$desktop"; then
    echo "ok   Exec=upphandla %F"
  else
    echo "FAIL the desktop file's Exec is not \"upphandla %F\": $(grep '^Exec=' "$desktop")"
    failures=$((failures + 1))
  fi
fi

# Installed for real (no DESTDIR), the caches a desktop reads are brought up to date: without
# update-mime-database the file manager does not know a project file, and a double-click on one
# does not offer Upphandla, until something else happens to rebuild the MIME database. A dry run
# lists the scripts that would run.
plan=$("$meson" install -C "$builddir" --no-rebuild --dry-run 2>&1)
for script in "update-mime-database $datadir/mime" "update-desktop-database -q $datadir/applications" \
              "update-icon-cache -q -t -f $datadir/icons/hicolor" "glib-compile-schemas $datadir/glib-2.0/schemas"; do
  if grep -q "^Running custom install script '.*$script'" <<<"$plan"; then
    echo "ok   meson install runs $script"
  else
    echo "FAIL meson install does not run $script"
    failures=$((failures + 1))
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures check(s) of the installed tree failed"
  echo "installed tree:"
  (cd "$destdir" && find . -type f | sort)
  exit 1
fi
echo "PASS: the installed tree is complete"
