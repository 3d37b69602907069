#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets fuzz-open (a project file) and fuzz-import (a table for Import
# Stakeholders) with clang (-fsanitize=fuzzer,address,undefined) from the core's sources, apart
# from the meson build (which may use gcc), and runs each on its seed corpus for a while:
# fuzz-open for SECONDS, fuzz-import for IMPORT_SECONDS (default half of SECONDS). Exits
# non-zero on any crash, sanitizer report, leak, GLib critical or broken check of a target.
#
#   [IMPORT_SECONDS=N] tests/fuzz/build-and-run.sh SOURCE_ROOT BUILD_ROOT SECONDS [LIBFUZZER OPTIONS...]
#
# e.g. the 10-minute run:  tests/fuzz/build-and-run.sh . build 600
#
# A crashing input lands in BUILD_ROOT/tests/fuzz/crashes/ (crash-*, leak-*, timeout-*); copy
# it to tests/fuzz/crashes/ with its stack when you report it. Replay one input with
#   BUILD_ROOT/tests/fuzz/fuzz-open FILE   (or fuzz-import FILE)
#
# Exit 77 (meson's "skipped") when clang or its libFuzzer runtime is missing.

set -euo pipefail

src=$(cd "${1:?source root}" && pwd)
build=$(cd "${2:?build root}" && pwd)
seconds=${3:?seconds}
shift 3
import_seconds=${IMPORT_SECONDS:-$((seconds / 2))}

out=${FUZZ_OUT:-$build/tests/fuzz}
obj="$out/obj"
mkdir -p "$obj" "$out/crashes"

cc=${FUZZ_CC:-}
if [ -z "$cc" ]; then
  for candidate in clang clang-14 clang-15 clang-16; do
    if command -v "$candidate" >/dev/null; then
      cc=$candidate
      break
    fi
  done
fi
if [ -z "$cc" ]; then
  echo "fuzz: clang not found (apt-get install clang libclang-rt-14-dev): skipped"
  exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, long s) { return 0; }' |
     "$cc" -x c -fsanitize=fuzzer -o "$obj/probe" - 2>/dev/null; then
  echo "fuzz: $cc cannot link libFuzzer (apt-get install libclang-rt-14-dev): skipped"
  exit 77
fi

# The core's sources as meson lists them, not every file that happens to lie in app/core.
mapfile -t sources < <(grep -o "'up-[a-z0-9-]*\.c'" "$src/app/core/meson.build" | tr -d "'")

pkgs=(glib-2.0 gobject-2.0 gio-2.0 sqlite3 cairo pangocairo zlib)
read -ra pkg_cflags < <(pkg-config --cflags "${pkgs[@]}")
read -ra pkg_libs < <(pkg-config --libs "${pkgs[@]}")
# shellcheck disable=SC2054  # the commas are -fsanitize's
cflags=(
  -g -O1 -fno-omit-frame-pointer
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
  -std=gnu11 -Wall -Wno-unused-parameter
  # g_autoptr() locals that only own something look unused to clang
  -Wno-unused-variable
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -DGETTEXT_PACKAGE='"upphandla"'
  -I"$build" -I"$src/include" -I"$src/include/upphandla" -I"$src/app/core"
  "${pkg_cflags[@]}"
)

# Recompile a source only when it or a header is newer than its object.
newest_header=$(find "$src/include" "$src/app/core" "$build/config.h" "$0" \( -name '*.h' -o -name '*.sh' \) -newer "$out/.built" 2>/dev/null | head -1 || true)
[ -f "$out/.built" ] || newest_header=yes
pids=()
objects=()
for s in "${sources[@]}" ../../tests/fuzz/fuzz-common.c ../../tests/fuzz/fuzz-open.c ../../tests/fuzz/fuzz-import.c; do
  in="$src/app/core/$s"
  o="$obj/$(basename "$s" .c).o"
  case "$s" in
    */fuzz-open.c|*/fuzz-import.c) ;;
    *) objects+=("$o") ;;
  esac
  if [ -n "$newest_header" ] || [ ! -f "$o" ] || [ "$in" -nt "$o" ]; then
    "$cc" "${cflags[@]}" -c "$in" -o "$o" &
    pids+=($!)
    # two at a time: these machines have two cores
    if [ ${#pids[@]} -ge 2 ]; then
      wait "${pids[0]}"
      pids=("${pids[@]:1}")
    fi
  fi
done
for p in "${pids[@]}"; do wait "$p"; done
for target in fuzz-open fuzz-import; do
  "$cc" -fsanitize=fuzzer,address,undefined -o "$out/$target" "$obj/$target.o" "${objects[@]}" "${pkg_libs[@]}" -lm
done
touch "$out/.built"

# Local files only: no gvfs daemon, no GIO modules, no settings of the user.
empty_modules="$out/no-gio-modules"
mkdir -p "$empty_modules"
export GIO_USE_VFS=local GIO_MODULE_DIR="$empty_modules" GSETTINGS_BACKEND=memory
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
unset G_SLICE G_DEBUG MALLOC_CHECK_

# run TARGET SECONDS SEEDS DICT [LIBFUZZER OPTIONS...]: a fresh working corpus each run
# (libFuzzer adds what it finds to the first folder); the seeds in the source tree are only
# read. A finding exits 1: libFuzzer's own 77 is what meson reads as a skipped test.
run() {
  local target=$1 time=$2 seeds=$3 dict=$4 status=0 execs
  shift 4
  local work="$out/work-corpus-$target" log="$out/last-run-$target.log"
  rm -rf "$work"
  mkdir -p "$work"
  echo "$target: $(find "$seeds" -type f | wc -l) seeds, $time s, log in $log"
  "$out/$target" \
    -max_total_time="$time" \
    -timeout=20 \
    -rss_limit_mb=2048 \
    -max_len=262144 \
    -print_final_stats=1 \
    -dict="$dict" \
    -artifact_prefix="$out/crashes/$target-" \
    -error_exitcode=1 \
    -timeout_exitcode=1 \
    "$@" \
    "$work" "$seeds" >"$log" 2>&1 || status=$?

  # The log without libFuzzer's progress lines: the seed, the stats, and any report in full.
  grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$log" | head -n 400
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "$target: $execs executions in $time s, exit status $status"
  if [ "$status" -ne 0 ]; then
    echo "$target: FAILED; the input is in $out/crashes/ (replay: $out/$target FILE)"
  fi
  return "$status"
}

status=0
run fuzz-open "$seconds" "$src/tests/fuzz/corpus" "$src/tests/fuzz/project.dict" "$@" || status=1
run fuzz-import "$import_seconds" "$src/tests/fuzz/import-corpus" "$src/tests/fuzz/import.dict" "$@" || status=1
exit "$status"
