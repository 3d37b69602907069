#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for run-all.sh. Every subcommand prints one line "key value ..." of medians.

  firstframe RUNS CMD...  Runs CMD RUNS times (after one warm-up run), each with
                          UPPHANDLA_BENCH_START_US stamped (CLOCK_MONOTONIC, µs) just before
                          exec; CMD prints "first-frame-us N" and quits. Prints the median
                          in-app first frame, the median wall time of the whole process seen
                          from outside (spawn to exit) and the median peak RSS (wait4 ru_maxrss).
  wall RUNS CMD...        Median wall time of CMD (after one warm-up run), stdout discarded.
  settled-rss TITLE CMD...  Starts CMD, waits for a visible window named TITLE and then for
                          500 ms without CPU ticks, and prints its peak RSS (VmHWM), then kills it."""
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

if __name__ == "__main__":
    what = sys.argv[1]
    if what == "firstframe": firstframe(int(sys.argv[2]), sys.argv[3:])
    elif what == "wall": wall(int(sys.argv[2]), sys.argv[3:])
    elif what == "settled-rss": settled_rss(sys.argv[2], sys.argv[3:])
    else: sys.exit(__doc__)
