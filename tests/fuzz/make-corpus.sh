#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rewrites the seed corpus of fuzz-open (tests/fuzz/corpus/) from the current code:
#   tests/fuzz/make-corpus.sh [BUILD_ROOT]      (default: build)
# demo.upphandla is the demo project exactly as `upphandla --write-demo` writes it; most of the
# rest come from make-seeds (see make-seeds.c); project-v1.upphandla is the fixture of
# tests/data. Files that no program here makes are kept as they are: inputs the fuzzer found,
# moved here from crashes/ once their bug was fixed (project-column-renamed.upphandla).
# The corpus is committed: run this only to add seeds, and keep it under about 1 MB.

set -euo pipefail

cd "$(dirname "$0")/../.."
build=${1:-build}
corpus=tests/fuzz/corpus

ninja -C "$build" app/upphandla tests/fuzz/make-seeds >/dev/null
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export XDG_STATE_HOME="$state" XDG_DATA_HOME="$state" GSETTINGS_BACKEND=memory
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en

mkdir -p "$corpus"
"$build/tests/fuzz/make-seeds" "$corpus"
rm -f "$corpus/demo.upphandla"
env -u DISPLAY -u WAYLAND_DISPLAY "$build/app/upphandla" --write-demo "$corpus/demo.upphandla"
cp tests/data/project-v1.upphandla "$corpus/"
echo "seeds: $(find "$corpus" -type f | wc -l)"
du -sh "$corpus"
