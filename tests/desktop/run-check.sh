#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one validation tool and says what it checked.
#   run-check.sh WHAT TOOL [ARGS...]      run TOOL ARGS, pass when it exits 0
#   run-check.sh --skip WHAT TOOLNAME     TOOLNAME is not installed: skip (exit 77)
#   run-check.sh --no-warnings WHAT TOOL [ARGS...]
#                                         also fail when TOOL writes "WARNING" on stderr
#                                         (flatpak-builder --show-manifest exits 0 on unknown keys)

if [ "$1" = "--skip" ]; then
  echo "SKIP: $2: $3 is not installed (tools/setup installs it)"
  exit 77
fi

no_warnings=false
if [ "$1" = "--no-warnings" ]; then
  no_warnings=true
  shift
fi

what=$1
shift

echo "checking $what"
echo "+ $*"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$@" 2>"$err"
rc=$?
cat "$err" >&2

if [ $rc -ne 0 ]; then
  echo "FAIL: $what: $1 exited with $rc"
  exit 1
fi
if $no_warnings && grep -q WARNING "$err"; then
  echo "FAIL: $what: $1 printed a WARNING"
  exit 1
fi
echo "PASS: $what"
