#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for run-all.sh. Every subcommand prints one line "key value ..." of medians.

  firstframe RUNS CMD...  Runs CMD RUNS times (after one warm-up run), each with
                          UPPHANDLA_BENCH_START_US stamped (CLOCK_MONOTONIC, µs) just before
                          exec; CMD prints "first-frame-us N" and quits. Prints the median
                          in-app first frame, the median wall time of the whole process seen
                          from outside (spawn to exit) and the median peak RSS (wait4 ru_maxrss).
  wall RUNS CMD...        Median wall time of CMD (after one warm-up run), stdout discarded.
  later CMD...            One run of CMD, stamped as for firstframe, with UPPHANDLA_BENCH_AFTER_MS
                          set by the caller: the frames CMD drew after its first, and when the
                          last of them came, after the first frame and after the start (ms).
  settled-rss TITLE CMD...  Starts CMD, waits for a visible window named TITLE and then for
                          500 ms without CPU ticks, and prints its peak RSS (VmHWM), then kills it.
  views RUNS TIMEOUT N CMD...  Runs bench-views (CMD: the program, then the project) RUNS times
                          with --timeout=TIMEOUT (seconds) and prints, instead of one line, a
                          row per view for N: medians of first and second visit, wall and CPU
                          (ms), and of the peak RSS (MB). A run cut short by a timeout is
                          followed by another process without the views that passed it, for
                          the views it did not reach; its figures are marked "*". A timed-out
                          switch counts as longer than any other in the median (">T"; its CPU
                          time: more than the least any run had spent when it gave up), a
                          switch never reached as missing ("-"), and the peak RSS of a run cut
                          short is the peak until then (">M")."""
import os, re, statistics, subprocess, sys, time

def spawn_stamped(cmd):
    env = dict(os.environ, UPPHANDLA_BENCH_START_US=str(time.monotonic_ns() // 1000))
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    m = re.search(r"first-frame-us (\d+)", out)
    if not m:
        sys.exit(f"no first-frame-us from {cmd} (status {status})")
    return int(m.group(1)) / 1000, wall * 1000, ru.ru_maxrss / 1024

def firstframe(runs, cmd):
    spawn_stamped(cmd)  # warm-up: page cache, fontconfig cache
    rs = [spawn_stamped(cmd) for _ in range(runs)]
    med = lambda i: statistics.median(r[i] for r in rs)
    print(f"first-frame-ms {med(0):.1f} process-ms {med(1):.1f} rss-mb {med(2):.1f} "
          f"fastest-run-ms {min(r[0] for r in rs):.1f}", flush=True)

def later(cmd):
    env = dict(os.environ, UPPHANDLA_BENCH_START_US=str(time.monotonic_ns() // 1000))
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    first = re.search(r"first-frame-us (\d+)", out)
    frames = re.search(r"frames-after-first (\d+) last-frame-after-ms ([0-9.]+)", out)
    if not first or not frames:
        sys.exit(f"no frames from {cmd}")
    after = float(frames.group(2))
    print(f"frames {frames.group(1)} last-after-first-ms {after:.1f} "
          f"last-from-start-ms {int(first.group(1)) / 1000 + after:.1f}", flush=True)

def wall(runs, cmd):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    ts = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        ts.append((time.monotonic() - t0) * 1000)
    print(f"wall-ms {statistics.median(ts):.1f}", flush=True)

def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])

def settled_rss(title, cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120:
        if subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                          capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    last, idle = cpu(p.pid), 0
    while idle < 10:
        time.sleep(0.05)
        c = cpu(p.pid)
        idle = 0 if c != last else idle + 1
        last = c
    hwm = re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{p.pid}/status").read()).group(1)
    p.kill(); p.wait()
    print(f"rss-mb {int(hwm) / 1024:.1f}", flush=True)

VIEWS = ["stakeholders", "notes", "agenda", "local-goals", "timeline"]

def views_process(cmd, timeout, skip):
    args = [cmd[0], f"--timeout={timeout}"] + [f"--skip={v}" for v in skip] + cmd[1:]
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                       timeout=timeout * 2 * len(VIEWS) + 300)
    switches, timed_out = {}, []
    for line in p.stdout.splitlines():
        f = line.split()
        if len(f) < 7:
            continue
        if f[0] == "switch" and f[3] == "wall-ms":
            switches[f[1], int(f[2])] = (float(f[4]), float(f[6]), None)
        elif f[0] == "switch" and f[3] == "timeout-ms":
            switches[f[1], int(f[2])] = (float("inf"), float("inf"), float(f[6]))
            timed_out.append(f[1])
    m = re.search(r"vmhwm-mb ([0-9.]+)", p.stdout)
    if p.returncode != 0 or not m:
        sys.exit(f"bench-views failed: {args} (status {p.returncode})")
    return switches, timed_out, float(m.group(1))

def views(runs, timeout, n, cmd):
    # (view, visit) -> [(wall, cpu, CPU until a timeout, retried)], one per run that reached it
    figures, rss, cut = {}, [], False
    for _ in range(runs):
        skip, seen = [], {}
        while True:
            switches, timed_out, hwm = views_process(cmd, timeout, skip)
            if not skip:
                rss.append(hwm)  # the peak of the whole order (until a timeout, if any)
                cut = cut or bool(timed_out)
            for key, value in switches.items():
                seen.setdefault(key, value + (bool(skip),))
            skip += timed_out
            left = [v for v in VIEWS if v not in skip and any((v, i) not in seen for i in (1, 2))]
            if not timed_out or not left:
                break
        for key, value in seen.items():
            figures.setdefault(key, []).append(value)
    def cell(view, visit, i):
        values = figures.get((view, visit), [])
        if not values:
            return "-"
        med = statistics.median(v[i] for v in values)
        mark = "*" if any(v[3] for v in values) else ""
        if med != float("inf"):
            return f"{med:.0f}{mark}"
        if i == 0:
            return f">{timeout * 1000:.0f}{mark}"
        return f">{min(v[2] for v in values if v[2] is not None):.0f}{mark}"
    hwm = f"{'>' if cut else ''}{statistics.median(rss):.1f}"
    for view in VIEWS:
        print(f"{n:<7} {view:<13} {cell(view, 1, 0):>9} {cell(view, 1, 1):>9} "
              f"{cell(view, 2, 0):>9} {cell(view, 2, 1):>9} {hwm:>8}", flush=True)

if __name__ == "__main__":
    what = sys.argv[1]
    if what == "firstframe": firstframe(int(sys.argv[2]), sys.argv[3:])
    elif what == "wall": wall(int(sys.argv[2]), sys.argv[3:])
    elif what == "later": later(sys.argv[2:])
    elif what == "settled-rss": settled_rss(sys.argv[2], sys.argv[3:])
    elif what == "views": views(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5:])
    else: sys.exit(__doc__)
