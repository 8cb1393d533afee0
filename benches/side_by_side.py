#!/usr/bin/env python3
"""Whole-process wall time and peak memory of the `reconcile` example (the
bulk path) next to the Python peers, on the same generated claims, in one
run, with ratios.

    SCRATCH=/path/with/peer/venvs python3 benches/side_by_side.py [OBJECTS ...]

`$SCRATCH` holds the peers' venvs (`../shared/peers/setup_venvs.sh`). For
each OBJECTS (default 250000 and 1000000: about 1.03 M and 4.09 M claims
from 10,000 sources) the peers' generator writes `claims.tsv` under
`$SCRATCH/syn-OBJECTS` (seed 42), converted once to a `figure,source,value`
table. Each run is one process under `/usr/bin/time -v`: wall time and
maximum resident set; every run writes its output to a file. The machine is shared: quote the ratios.

Each run's estimates (reckon's `best`, the peers' values) are then scored
against the generator's `truth.tsv`: the mean absolute error (MAE) and the
share of figures more than 1 % off the truth (ER@1%); a figure without an
estimate counts as more than 1 % off and is left out of the MAE. The
indented JSON and the table are not scored (the same estimates as `--json`).
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, "..", "shared", "peers")
SCRATCH = os.environ.get("SCRATCH")
if not SCRATCH:
    sys.exit("set SCRATCH to the folder of the peers' venvs and the generated claims")
BIN = os.path.join(ROOT, "target", "release-lto", "examples", "reconcile")


def claims_file(objects):
    out = os.path.join(SCRATCH, f"syn-{objects}")
    csv = os.path.join(out, "claims.csv")
    if not os.path.exists(csv):
        subprocess.run(
            [os.path.join(SCRATCH, "ckvenv", "bin", "python"), os.path.join(PEERS, "gen_synthetic.py"),
             "--sources", "10000", "--objects", str(objects), "--seed", "42", "--out", out],
            check=True)
        with open(os.path.join(out, "claims.tsv")) as tsv, open(csv, "w") as w:
            w.write("figure,source,value\n")
            for line in tsv:
                s, o, v = line.rstrip("\n").split("\t")
                w.write(f"{o},{s},{v}\n")
    with open(csv, "rb") as f:
        claims = sum(1 for _ in f) - 1
    return csv, claims


def measure(cmd, env=None):
    """Runs `cmd` under /usr/bin/time -v: (wall s, peak bytes). reckon's report,
    written on stdout, goes to a file in $SCRATCH, as the peers write theirs."""
    e = dict(os.environ, **(env or {}))
    with open(os.path.join(SCRATCH, "reckon-out.json"), "wb") as report:
        r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=report,
                           stderr=subprocess.PIPE, text=True, env=e)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    h, m, s = wall.groups()
    secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) * 1024
    return secs, peak


def truth_of(objects):
    """The true value of every figure of the generated world."""
    truth = {}
    with open(os.path.join(SCRATCH, f"syn-{objects}", "truth.tsv")) as f:
        for line in f:
            figure, value = line.rstrip("\n").split("\t")[:2]
            truth[figure] = float(value)
    return truth


def reckon_estimates(path):
    """Each figure's best value from reckon's JSON report (one figure per
    line, its claims before its own `best`)."""
    estimates = {}
    with open(path) as f:
        for line in f:
            if not line.startswith('{"figure":"'):
                continue
            figure = line[11:line.index('"', 11)]
            at = line.find('"best":', line.find('"raw_claims":'))
            value = line[at + 7:].split(",", 1)[0].strip('"')
            if at >= 0 and value != "null":
                estimates[figure] = float(value)
    return estimates


def peer_estimates(path):
    """Each figure's value from a peer's `figure<TAB>value` output."""
    estimates = {}
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                estimates[fields[0]] = float(fields[1].strip("'\""))
    return estimates


def score(estimates, truth):
    """(MAE, ER@1%) of `estimates` against `truth`."""
    errors, off = [], 0
    for figure, t in truth.items():
        e = estimates.get(figure)
        if e is None:
            off += 1
            continue
        errors.append(abs(e - t))
        off += abs(e - t) > 0.01 * abs(t)
    return sum(errors) / max(len(errors), 1), off / max(len(truth), 1)


def main():
    subprocess.run(["cargo", "build", "--profile", "release-lto", "--example", "reconcile"], cwd=ROOT, check=True)
    sizes = [int(a) for a in sys.argv[1:]] or [250000, 1000000]
    out = os.path.join(SCRATCH, "peer-out.tsv")
    td = os.path.join(SCRATCH, "tdvenv", "bin", "python")
    ck = os.path.join(SCRATCH, "ckvenv", "bin", "python")
    for objects in sizes:
        csv, n = claims_file(objects)
        # Every run reads the file from the page cache, the first one too,
        # and none shares the disk with the writing back of a file just
        # generated.
        with open(csv, "rb") as f:
            while f.read(1 << 24):
                pass
        os.sync()
        report = os.path.join(SCRATCH, "reckon-out.json")
        # (name, command, environment, reader of its estimates or None)
        runs = [
            ("reckon --json, 2 cores", [BIN, "--json", csv], None, reckon_estimates),
            # One thread, pinned to one core: the kernel's work for the
            # process (writing the report, freeing memory) runs there too.
            ("reckon --json, 1 core", ["taskset", "-c", "0", BIN, "--json", csv],
             {"RAYON_NUM_THREADS": "1"}, None),
            ("reckon --jsonl, 2 cores", [BIN, "--jsonl", csv], None, None),
            ("reckon --pretty, 2 cores", [BIN, "--pretty", csv], None, None),
            ("reckon --json --sorted", [BIN, "--json", "--sorted", csv], None, None),
            ("reckon table, 2 cores", [BIN, csv], None, None),
            ("reckon --json --policy majority", [BIN, "--json", "--policy", "majority", csv],
             None, reckon_estimates),
            ("truthdiscovery voting", [td, os.path.join(PEERS, "td_e2e.py"), "voting", csv, out],
             None, peer_estimates),
            # Sources' reliability learned across figures, reckon's and a peer's.
            ("reckon --json --policy learned", [BIN, "--json", "--policy", "learned", csv], None,
             reckon_estimates),
            ("truthdiscovery truthfinder",
             [td, os.path.join(PEERS, "td_e2e.py"), "truthfinder", csv, out], None,
             peer_estimates),
            ("numpy median", [ck, os.path.join(PEERS, "median_e2e.py"), csv, out], None,
             peer_estimates),
        ]
        # One untimed run first, its report written back to disk, so that
        # the first timed run, too, overwrites a report file that exists
        # and shares the disk with no write-back (without both, at 4.09 M
        # claims, --json took 6.52 s and --jsonl, run next, 5.17 s; run
        # alternately by hand they take the same time). At 4.09 M claims
        # the first slot was still 6.37 s against 5.31 s with both: compare
        # it with --jsonl, whose work is the same.
        measure(runs[0][1], runs[0][2])
        truth = truth_of(objects)
        results = []
        for name, cmd, env, reader in runs:
            # Each run starts with the last one's report on disk, so that no
            # run shares the machine with the write-back of another's (1.9 GB
            # for each of reckon's JSON reports at 4.09 M claims).
            os.sync()
            secs, peak = measure(cmd, env)
            scored = None
            if reader is not None:
                scored = score(reader(report if reader is reckon_estimates else out), truth)
            results.append((name, secs, peak, scored))
        base = results[0][1]
        print(f"\n{n} claims ({csv})")
        print("| run | wall s | claims/s | peak MB | B/claim | wall vs reckon --json 2 cores "
              "| MAE | ER@1% |")
        print("|---|---|---|---|---|---|---|---|")
        for name, secs, peak, scored in results:
            mae, er = (f"{scored[0]:.3f}", f"{100 * scored[1]:.1f} %") if scored else ("", "")
            print(f"| {name} | {secs:.2f} | {n / secs / 1e6:.2f} M | {peak / 1e6:.0f} | "
                  f"{peak / n:.0f} | {secs / base:.2f}x | {mae} | {er} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
