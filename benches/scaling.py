#!/usr/bin/env python3
"""Whole-process cost per claim of the `reconcile` example (the bulk path)
from 10^4 to 10^7 claims, on every core and on one: is it flat?

    SCRATCH=/path/for/tables [RECKON_BIN=path] python3 benches/scaling.py [CLAIMS ...]

Each size (default 10^4, 10^5, 10^6 and 10^7 claims) is a claims table
generated once under `$SCRATCH/scaling/` (seed 7): four claims per figure
from 10,000 sources, each figure's values within 30 % above a base between
10 and 509, grouped by figure. Each run is one process under
`/usr/bin/time -v` (for its peak memory; the wall time is taken around
it), `reconcile --json FILE`, its report written to
/dev/null so that the disk's write-back does not enter into it (the
side-by-side bench writes into files); small sizes run many times (the
largest three) and the median is kept. A run on a table with a header and
no rows is the start-up cost, taken off for the "net" column. The sizes'
runs are interleaved, so that a busy moment of a shared machine falls on
every size alike: compare the ratios of one run of this script.
"""
import os
import random
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Another build (an earlier commit's, say) when set; otherwise this one's,
# built first.
BIN = os.environ.get("RECKON_BIN") or os.path.join(ROOT, "target", "release-lto", "examples",
                                                   "reconcile")
SCRATCH = os.environ.get("SCRATCH")
if not SCRATCH:
    sys.exit("set SCRATCH to a folder for the generated tables")


def table(claims):
    """The generated table of `claims` claims (a multiple of four)."""
    folder = os.path.join(SCRATCH, "scaling")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"c{claims}.csv")
    if not os.path.exists(path):
        rng = random.Random(7)
        with open(path + ".part", "w") as w:
            w.write("figure,source,value\n")
            for i in range(claims // 4):
                base = rng.randrange(10, 510)
                for _ in range(4):
                    value = base + int(rng.random() * base * 0.3)
                    w.write(f"f{i:09d},s{rng.randrange(10000)},{value}\n")
        os.replace(path + ".part", path)
    return path


def run(path, one_core):
    """One run: (wall s, peak bytes)."""
    cmd = [BIN, "--json", path]
    env = dict(os.environ)
    if one_core:
        cmd = ["taskset", "-c", "0"] + cmd
        env["RAYON_NUM_THREADS"] = "1"
    with open(os.devnull, "wb") as null:
        # Timed here: /usr/bin/time gives hundredths of a second, about
        # what a whole run of 10^4 claims takes.
        started = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=null,
                           stderr=subprocess.PIPE, text=True, env=env)
        wall = time.perf_counter() - started
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) * 1024
    return wall, peak


def runs(paths, one_core):
    """{size: (median wall s, peak bytes, runs)}, the sizes' runs
    interleaved (a round runs each size that still has runs to do), so that
    the machine's other work falls on every size alike."""
    # Small sizes run often enough for their median to mean something; the
    # largest three times.
    times = {n: max(3, min(40, 4 * 10**6 // max(n, 1))) for n in paths}
    walls = {n: [] for n in paths}
    peaks = {n: 0 for n in paths}
    for round in range(max(times.values())):
        for n, path in paths.items():
            if round < times[n]:
                wall, peak = run(path, one_core)
                walls[n].append(wall)
                peaks[n] = max(peaks[n], peak)
    return {n: (statistics.median(walls[n]), peaks[n], times[n]) for n in paths}


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10**4, 10**5, 10**6, 10**7]
    if not os.environ.get("RECKON_BIN"):
        subprocess.run(["cargo", "build", "--profile", "release-lto", "--example", "reconcile"],
                       cwd=ROOT, check=True)
    empty = os.path.join(SCRATCH, "scaling", "empty.csv")
    os.makedirs(os.path.dirname(empty), exist_ok=True)
    with open(empty, "w") as w:
        w.write("figure,source,value\n")
    paths = {0: empty}
    paths.update((n, table(n)) for n in sizes)
    for one_core in (False, True):
        measured = runs(paths, one_core)
        start = measured.pop(0)[0]
        rows = [(n,) + measured[n] for n in sizes]
        last = rows[-1]
        net_last = (last[1] - start) / last[0]
        if net_last <= 0:
            sys.exit(f"{last[0]:,} claims took no longer than the start-up: run a larger size")
        print(f"\n{'one core' if one_core else 'every core'}: start-up {start * 1000:.1f} ms "
              f"(a table with no rows, median of 40)")
        print("| claims | runs | wall s | µs/claim | net µs/claim | net vs largest | peak MB | B/claim |")
        print("|---|---|---|---|---|---|---|---|")
        for n, wall, peak, times in rows:
            net = (wall - start) / n
            print(f"| {n:,} | {times} | {wall:.3f} | {wall / n * 1e6:.2f} | {net * 1e6:.2f} | "
                  f"{net / net_last:.2f}x | {peak / 1e6:.0f} | {peak / n:.0f} |")


if __name__ == "__main__":
    main()
