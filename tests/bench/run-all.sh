#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The whole benchmark suite of issue 8, side by side with GNOME Planner, printed as one table.
# Not a test: it prints figures. Usage (from the source tree, after `ninja -C build`):
#
#   tests/bench/run-all.sh [BUILD_DIR] [RUNS]          # or: meson compile -C build bench-all
#
# Env: SIZES (default "100 1000 5000 20000"), SKIP_PLANNER=1, SKIP_CALLGRIND=1; for the views
# (section 9): VIEWS_RUNS (default 3), VIEWS_TIMEOUT (seconds a switch may take, default 10),
# SKIP_VIEWS=1.
# Needs: xvfb xdotool dbus python3 sqlite3 valgrind planner (apt-get install -y planner).
# Everything runs under its own Xvfb and one D-Bus session bus, each figure the median of RUNS
# (default 7) runs after one warm-up run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
RUNS=${2:-7}
SIZES=${SIZES:-100 1000 5000 20000}
peer=${UPPHANDLA_PEER_DIR:-/work/shared/peer}
util="python3 $here/bench-util.py"

if [ -z "${UPPHANDLA_BENCH_INNER:-}" ]; then
  ninja -C "$build" tests/bench/bench-load tests/bench/gen-project tests/bench/bench-commit \
    tests/bench/bench-drag tests/bench/bench-views tests/bench/bench-export tests/bench/empty-window \
    tests/bench/empty-adw-window \
    app/upphandla >/dev/null
  # A free display for our own Xvfb.
  d=90; while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
  Xvfb :$d -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  trap 'kill $xvfb 2>/dev/null' EXIT
  sleep 1
  DISPLAY=:$d UPPHANDLA_BENCH_INNER=1 dbus-run-session -- "$0" "$build" "$RUNS" 2>/dev/null | grep -v "^SpiRegistry"
  exit "${PIPESTATUS[0]}"
fi

work=$(mktemp -d /tmp/upphandla-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GSETTINGS_SCHEMA_DIR="$build/resources" UPPHANDLA_LOCALEDIR="$build/po"
# Isolated from the user's settings and recent files (which grow with every run and would
# make runs differ); the font cache stays warm.
mkdir -p "$work/data" "$work/config"
export GSETTINGS_BACKEND=memory XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
# The app's icons where an installed app has them, in the icon theme: from the build folder the app
# adds the icons of its resources to the theme, which GTK then reads again (ui/up-application.c).
mkdir -p "$work/data/icons/hicolor/scalable/apps" "$work/data/icons/hicolor/scalable/actions"
cp "$src/resources/icons/hicolor/scalable/apps/io.github.upphandla.Upphandla.svg" \
  "$work/data/icons/hicolor/scalable/apps/"
cp "$src"/resources/icons/hicolor/scalable/actions/*.svg "$work/data/icons/hicolor/scalable/actions/"
app="$build/app/upphandla"
field() { sed -n "s/.*$1 \([0-9.]*\).*/\1/p"; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }

echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS runs"

for n in $SIZES; do
  "$build/tests/bench/gen-project" "$n" "$work/p$n.upphandla" "$work/p$n.planner"
done

echo
echo "## 1-2. Open to first frame (ms): in-app = process start to first after-paint showing the timeline;"
echo "##      outside = time_open.py, spawn to visible window / settled (last CPU tick before 500 ms idle)"
# The app draws with Cairo where OpenGL is rasterised on the CPU, and without a GPU device does
# not load OpenGL at all (ui/up-renderer.c), as under Xvfb here; GTK's empty window keeps GTK's
# default (GL). GL and Cairo (over a loaded GL) are forced too, and the empty window is also
# timed without GL, so that like can be compared with like. The empty libadwaita window (a
# header bar in an AdwApplicationWindow, without GL as the app here) is the floor of any
# libadwaita application: def/adw is the app against it.
floor_gl=$(UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$build/tests/bench/empty-window" | field first-frame-ms)
floor_cairo=$(GSK_RENDERER=cairo UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$build/tests/bench/empty-window" | field first-frame-ms)
floor_nogl=$(GDK_DEBUG=gl-disable UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$build/tests/bench/empty-window" | field first-frame-ms)
floor_adw=$(GDK_DEBUG=gl-disable UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$build/tests/bench/empty-adw-window" | field first-frame-ms)
echo "empty GTK 4 window: default renderer (GL) $floor_gl, cairo $floor_cairo, without GL $floor_nogl"
echo "empty libadwaita window without GL: $floor_adw"
# The same window seen from outside, as the app and Planner are below: the least any libadwaita
# application takes to a visible window and to settled here.
adw_out=$(GDK_DEBUG=gl-disable python3 "$peer/time_open.py" "$RUNS" '^Empty$' "$build/tests/bench/empty-adw-window" | grep MEDIAN || true)
echo "empty libadwaita window without GL, outside: window $(echo "$adw_out" | field window) / settled $(echo "$adw_out" | field settled)"
printf '%-7s %9s %9s %9s %9s %9s %9s %9s %9s %12s %13s %11s %11s\n' N app-def app-gl app-cairo def/empty def/nogl def/adw gl/empty cai/cai out-window out-settled planner-win planner-set
for n in $SIZES; do
  def=$(UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$app" "$work/p$n.upphandla")
  gl=$(GSK_RENDERER=gl UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$app" "$work/p$n.upphandla")
  cairo=$(GSK_RENDERER=cairo UPPHANDLA_BENCH_FIRST_FRAME=1 $util firstframe "$RUNS" "$app" "$work/p$n.upphandla")
  echo "$n default: $def" >>"$work/raw"; echo "$n gl: $gl" >>"$work/raw"; echo "$n cairo: $cairo" >>"$work/raw"
  def_ms=$(echo "$def" | field first-frame-ms); gl_ms=$(echo "$gl" | field first-frame-ms)
  cairo_ms=$(echo "$cairo" | field first-frame-ms)
  out=$(python3 "$peer/time_open.py" "$RUNS" '^Benchmark( — |$)' "$app" "$work/p$n.upphandla" | grep MEDIAN || true)
  ow=$(echo "$out" | field window); os_=$(echo "$out" | field settled)
  pw=-; ps=-
  if [ -z "${SKIP_PLANNER:-}" ] && command -v planner >/dev/null; then
    pout=$(python3 "$peer/time_open.py" "$RUNS" "^Synthetic $n - Planner\$" planner "$work/p$n.planner" | grep MEDIAN || true)
    pw=$(echo "$pout" | field window); ps=$(echo "$pout" | field settled)
  fi
  printf '%-7s %9s %9s %9s %9s %9s %9s %9s %9s %12s %13s %11s %11s\n' "$n" "$def_ms" "$gl_ms" "$cairo_ms" \
    "$(ratio "$def_ms" "$floor_gl")" "$(ratio "$def_ms" "$floor_nogl")" "$(ratio "$def_ms" "$floor_adw")" \
    "$(ratio "$gl_ms" "$floor_gl")" \
    "$(ratio "$cairo_ms" "$floor_cairo")" \
    "$ow" "$os_" "$pw" "$ps"
  echo "$n $def_ms $gl_ms $cairo_ms $ow $os_ $pw $ps" >>"$work/open"
done
echo "Frames drawn in the 4 s after the first (animations, late layouts; one run each), default / cairo;"
echo "the last one's time after the first frame and after the start:"
later() {
  env UPPHANDLA_BENCH_FIRST_FRAME=1 UPPHANDLA_BENCH_AFTER_MS=4000 $util later env "$@" |
    sed -n 's/^frames \([0-9]*\) last-after-first-ms \([0-9.]*\) last-from-start-ms \([0-9.]*\)/\1 (the last after \2 ms, \3 ms from the start)/p'
}
echo "  empty libadwaita window: $(later GDK_DEBUG=gl-disable "$build/tests/bench/empty-adw-window")"
for n in $SIZES; do
  echo "  N = $n: $(later "$app" "$work/p$n.upphandla") / $(later GSK_RENDERER=cairo "$app" "$work/p$n.upphandla")"
done

echo
echo "## 3. Load into the model (bench-load, median) vs the sqlite3 shell reading the same rows (ms)"
printf '%-7s %10s %10s %12s %8s\n' N file-kB load sqlite3-shell ratio
q='select * from project; select * from stage; select * from note; select * from sdg_link; select * from stakeholder; select * from note_stakeholder; select * from local_goal; select * from local_goal_target; select * from stage_local_goal;'
for n in $SIZES; do
  load=$("$build/tests/bench/bench-load" "$work/p$n.upphandla" | field load-ms)
  sh=$($util wall "$RUNS" sqlite3 "$work/p$n.upphandla" "$q" | field wall-ms)
  printf '%-7s %10s %10s %12s %8s\n' "$n" $(( $(stat -c %s "$work/p$n.upphandla") / 1024 )) "$load" "$sh" "$(ratio "$load" "$sh")"
done

echo
echo "## 4. Drag: a bar dragged steadily for 240 frames (bench-drag, one motion per frame), the"
echo "##    median of RUNS runs of each figure; work = before-paint to after-paint of each frame, the"
echo "##    renderer's work included; app = the timeline's own snapshot in it (ms); dropped = frames"
echo "##    later than 1.5 refresh intervals"
printf '%-7s %-6s %9s %9s %9s %9s %9s %9s\n' N render median p95 max app-med app-p95 dropped
# The median over the runs of one figure of bench-drag's lines.
med() { field "$1" <"$work/drag.txt" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for n in 100 5000; do
  [ -e "$work/p$n.upphandla" ] || "$build/tests/bench/gen-project" "$n" "$work/p$n.upphandla"
  for r in gl cairo; do
    : >"$work/drag.txt"
    for i in $(seq "$RUNS"); do
      # The drag commits one move at its end: drag a copy.
      cp "$work/p$n.upphandla" "$work/drag.upphandla"
      GSK_RENDERER=$r "$build/tests/bench/bench-drag" "$work/drag.upphandla" 240 >>"$work/drag.txt"
    done
    printf '%-7s %-6s %9s %9s %9s %9s %9s %9s\n' "$n" "$r" "$(med work-median-ms)" "$(med work-p95-ms)" \
      "$(med work-max-ms)" "$(med snapshot-median-ms)" "$(med snapshot-p95-ms)" "$(med dropped)"
  done
done

echo
echo "## 5. Commit: one up_project_move_stage to the store's \"saved\" (file replaced on disk), ms"
printf '%-7s %14s %14s\n' N call-on-UI saved-on-disk
for n in 100 5000; do
  [ -e "$work/p$n.upphandla" ] || "$build/tests/bench/gen-project" "$n" "$work/p$n.upphandla"
  c=$("$build/tests/bench/bench-commit" "$work/p$n.upphandla" "$RUNS")
  printf '%-7s %14s %14s\n' "$n" "$(echo "$c" | field commit-call-ms)" "$(echo "$c" | field commit-saved-ms)"
done

echo
echo "## 6. Export: up_export_chart from the call to the file replaced on disk, Swedish, N = 100 and 1000"
for n in 100 1000; do
  [ -e "$work/p$n.upphandla" ] || "$build/tests/bench/gen-project" "$n" "$work/p$n.upphandla"
  echo "N = $n:"
  LC_ALL=C.UTF-8 "$build/tests/bench/bench-export" "$work/p$n.upphandla" "$RUNS"
done

echo
echo "## 7. Peak RSS (MB): VmHWM once settled (same method for both apps): default renderer, GL, cairo"
echo "empty GTK 4 window: $($util settled-rss '^Empty$' "$build/tests/bench/empty-window"), cairo: $(GSK_RENDERER=cairo $util settled-rss '^Empty$' "$build/tests/bench/empty-window"), without GL: $(GDK_DEBUG=gl-disable $util settled-rss '^Empty$' "$build/tests/bench/empty-window")"
echo "empty libadwaita window without GL: $(GDK_DEBUG=gl-disable $util settled-rss '^Empty$' "$build/tests/bench/empty-adw-window")"
for n in 5000 20000; do
  [ -e "$work/p$n.upphandla" ] || continue
  echo "upphandla $n: $($util settled-rss '^Benchmark( — |$)' "$app" "$work/p$n.upphandla"), gl: $(GSK_RENDERER=gl $util settled-rss '^Benchmark( — |$)' "$app" "$work/p$n.upphandla"), cairo: $(GSK_RENDERER=cairo $util settled-rss '^Benchmark( — |$)' "$app" "$work/p$n.upphandla")"
done
if [ -z "${SKIP_PLANNER:-}" ] && command -v planner >/dev/null && [ -e "$work/p5000.planner" ]; then
  echo "planner 5000: $($util settled-rss '^Synthetic 5000 - Planner$' planner "$work/p5000.planner")"
fi

if [ -z "${SKIP_CALLGRIND:-}" ] && [ -e "$work/p1000.upphandla" ]; then
  echo
  echo "## 8. callgrind: instructions from exec to the first frame, N = 1000 (GSK_RENDERER=cairo)"
  GSK_RENDERER=cairo UPPHANDLA_BENCH_FIRST_FRAME=1 valgrind --tool=callgrind \
    --callgrind-out-file="$work/callgrind.out" "$app" "$work/p1000.upphandla" >/dev/null 2>"$work/cg.log" || true
  echo "Ir $(sed -n 's/^summary: //p' "$work/callgrind.out")"
  out=${BENCH_CALLGRIND_OUT:-$build/tests/bench/callgrind-open-1000.out}
  cp "$work/callgrind.out" "$out"
  echo "(profile kept in $out; callgrind_annotate --inclusive=yes it)"
  # The same with the app's own choice of renderer (here: no OpenGL loaded at all).
  UPPHANDLA_BENCH_FIRST_FRAME=1 valgrind --tool=callgrind \
    --callgrind-out-file="$work/callgrind-default.out" "$app" "$work/p1000.upphandla" >/dev/null 2>>"$work/cg.log" || true
  echo "Ir, default renderer: $(sed -n 's/^summary: //p' "$work/callgrind-default.out")"
  # The floor: the empty libadwaita window, without GL as the app here.
  GDK_DEBUG=gl-disable UPPHANDLA_BENCH_FIRST_FRAME=1 valgrind --tool=callgrind \
    --callgrind-out-file="$work/callgrind-adw.out" "$build/tests/bench/empty-adw-window" >/dev/null 2>>"$work/cg.log" || true
  echo "Ir, empty libadwaita window without GL: $(sed -n 's/^summary: //p' "$work/callgrind-adw.out")"
fi
if [ -z "${SKIP_VIEWS:-}" ]; then
  VIEWS_RUNS=${VIEWS_RUNS:-3}
  VIEWS_TIMEOUT=${VIEWS_TIMEOUT:-10}
  echo
  echo "## 9. Switching views (bench-views, GSK_RENDERER=cairo): the project opened in the window,"
  echo "##    then timeline → stakeholders → notes → agenda → local-goals → timeline, twice; each"
  echo "##    switch from making the page visible to the end of the first frame painted after it is"
  echo "##    mapped, wall and CPU time of the process (ms); 1st = first visit (the timeline's: the"
  echo "##    first return to it), 2nd = the second round; RSS = peak (VmHWM, MB) at the end."
  echo "##    Medians of $VIEWS_RUNS runs, a fresh process each. >T: longer than the timeout"
  echo "##    (${VIEWS_TIMEOUT} s), which ends the run; *: measured in a further process without the"
  echo "##    views that timed out (so not after them); -: not reached"
  # A first visit happens once in a process: every run is a fresh one. The warm-up (page cache,
  # font cache) is one run of the smallest project; gen-project has just written the others.
  GSK_RENDERER=cairo "$build/tests/bench/bench-views" --timeout="$VIEWS_TIMEOUT" \
    "$work/p${SIZES%% *}.upphandla" >/dev/null
  printf '%-7s %-13s %9s %9s %9s %9s %8s\n' N view 1st-wall 1st-cpu 2nd-wall 2nd-cpu RSS
  for n in $SIZES; do
    GSK_RENDERER=cairo $util views "$VIEWS_RUNS" "$VIEWS_TIMEOUT" "$n" "$build/tests/bench/bench-views" \
      "$work/p$n.upphandla"
  done
fi

echo
echo "# raw in-app figures:"; cat "$work/raw"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
