#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer target fuzz-open with clang (-fsanitize=fuzzer,address,undefined) from
# the core's sources, apart from the meson build (which may use gcc), and runs it on the seed
# corpus for a while. Exits non-zero on any crash, sanitizer report, leak or GLib critical.
#
#   tests/fuzz/build-and-run.sh SOURCE_ROOT BUILD_ROOT SECONDS [LIBFUZZER OPTIONS...]
#
# e.g. the 10-minute run:  tests/fuzz/build-and-run.sh . build 600
#
# A crashing input lands in BUILD_ROOT/tests/fuzz/crashes/ (crash-*, leak-*, timeout-*); copy
# it to tests/fuzz/crashes/ with its stack when you report it. Replay one input with
#   BUILD_ROOT/tests/fuzz/fuzz-open FILE
#
# Exit 77 (meson's "skipped") when clang or its libFuzzer runtime is missing.

set -euo pipefail

src=$(cd "${1:?source root}" && pwd)
build=$(cd "${2:?build root}" && pwd)
seconds=${3:?seconds}
shift 3

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
for s in "${sources[@]}" ../../tests/fuzz/fuzz-open.c; do
  in="$src/app/core/$s"
  o="$obj/$(basename "$s" .c).o"
  objects+=("$o")
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
"$cc" -fsanitize=fuzzer,address,undefined -o "$out/fuzz-open" "${objects[@]}" "${pkg_libs[@]}" -lm
touch "$out/.built"

# A fresh working corpus each run (libFuzzer adds what it finds to the first folder); the
# seeds in the source tree are only read.
work="$out/work-corpus"
rm -rf "$work"
mkdir -p "$work"

# Local files only: no gvfs daemon, no GIO modules, no settings of the user.
empty_modules="$out/no-gio-modules"
mkdir -p "$empty_modules"
export GIO_USE_VFS=local GIO_MODULE_DIR="$empty_modules" GSETTINGS_BACKEND=memory
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
unset G_SLICE G_DEBUG MALLOC_CHECK_

# A finding exits 1: libFuzzer's own 77 is what meson reads as a skipped test.
echo "fuzz: $(find "$src/tests/fuzz/corpus" -type f | wc -l) seeds, $seconds s, log in $out/last-run.log"
status=0
"$out/fuzz-open" \
  -max_total_time="$seconds" \
  -timeout=20 \
  -rss_limit_mb=2048 \
  -max_len=262144 \
  -print_final_stats=1 \
  -dict="$src/tests/fuzz/project.dict" \
  -artifact_prefix="$out/crashes/" \
  -error_exitcode=1 \
  -timeout_exitcode=1 \
  "$@" \
  "$work" "$src/tests/fuzz/corpus" >"$out/last-run.log" 2>&1 || status=$?

# The log without libFuzzer's progress lines: the seed, the stats, and any report in full.
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$out/last-run.log" | head -n 400
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/last-run.log" | grep -o '[0-9]*$' || echo '?')
echo "fuzz: $execs executions in $seconds s, exit status $status"
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED; the input is in $out/crashes/ (replay: $out/fuzz-open FILE)"
fi
exit "$status"
