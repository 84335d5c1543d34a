"""Turns bench/pages' raw results into its markdown report: CPU per request as a multiple of /health, and the
JS + wasm bytes of cold loads, with the lean-pages budgets checked.

Inputs: the TSV of CPU runs (database, page, requests, clock ticks, ticks per second, context switches), then
the JSON lines of bench/coldload.mjs, one file per database (coldload-<database>.jsonl).
"""

import json
import sys
from pathlib import Path

CPU_BUDGETS = {"board page": 6, "post with 5 comments": 6, "student's home": 8, "post with 300 comments": 60}
BYTES_BUDGET = 250 * 1024


def main(tsv, *coldloads):
    runs = []
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        db, page, requests, ticks, hz, switched = line.split("\t")
        requests = int(requests or 0)
        ms = int(ticks) * 1000 / int(hz) / requests if requests else float("nan")
        switches = int(switched) / requests if requests else float("nan")
        runs.append((db, page, requests, ms, switches))
    print("# Page costs (bench/pages)\n")
    print("CPU per request: the server's utime + stime over a wrk run (2 threads, 8 connections) divided by the ")
    print("requests served, and as a multiple of `/health` (the first `/health` run of the same database). Context ")
    print("switches per request (all the server's threads) count its hand-offs between threads; unlike CPU time, ")
    print("they do not drift with the machine's load.\n")
    print("| database | page | requests | CPU ms per request | × /health | context switches per request |")
    print("|---|---|---|---|---|---|")
    health = {}
    verdicts = []
    for db, page, requests, ms, switches in runs:
        health.setdefault(db, ms)
        print(f"| {db} | {page} | {requests:,} | {ms:.3f} | {ms / health[db]:.1f} | {switches:.1f} |")
    print("\n## Cold loads\n")
    print("JS + wasm as sent (brotli): what the page needs before it hydrates, and what it prefetches afterwards, ")
    print("once idle (the other pages' code).\n")
    print("| database | page | bytes until hydrated | files | prefetched when idle |")
    print("|---|---|---|---|---|")
    loads = []
    for path in coldloads:
        db = Path(path).stem.removeprefix("coldload-")
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            load = json.loads(line)
            loads.append((db, load))
            needed = [f for f in load["files"] if f.get("before_hydration", True)]
            names = ", ".join(f"{Path(f['url']).name} {f['bytes']:,}" for f in needed)
            idle = load.get("idle_bytes", 0)
            print(f"| {db} | {load['label']} | {load['bytes']:,} | {names} | {idle:,} |")
    print("\n## Budgets\n")
    for db, page, _, ms, _ in runs:
        if page in CPU_BUDGETS:
            ratio = ms / health[db]
            ok = ratio <= CPU_BUDGETS[page]
            verdicts.append(ok)
            print(f"- {db}, {page}: {ratio:.1f}× /health (budget {CPU_BUDGETS[page]}×): {'met' if ok else '**missed**'}")
    for db, load in loads:
        ok = load["bytes"] <= BYTES_BUDGET
        verdicts.append(ok)
        print(f"- {db}, cold load of {load['label']}: {load['bytes'] / 1024:.0f} KB (budget 250 KB): "
              f"{'met' if ok else '**missed**'}")
    print(f"\n{verdicts.count(True)} budgets met, {verdicts.count(False)} missed.")


if __name__ == "__main__":
    main(*sys.argv[1:])
