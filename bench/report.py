"""Turns bench/run's raw results (TSV) into the markdown report: one table per scale, then the budgets.

Columns of the input: posts, comments, topology, request, connections, requests/s, p50, p99, errors, peak
RSS in MB. Latencies are wrk's ("812.00us", "1.45ms", "1.02s").
"""

import sys
from collections import defaultdict

READS = [
    "home", "board page 1", "board page 500", "post with 300 comments", "HOT", "search, common word",
    "search, rare word", "timetable page", "catalogue search",
]
# The photo rows are in neither list, measured with no latency budget: an upload decodes and re-encodes a
# picture (over a hundred milliseconds of CPU by design), and a read sends a photo of hundreds of KB, whose
# time at 64 connections is the bytes', not a page's.
WRITES = ["log-in", "write a comment", "공감"]
P50_BUDGET, P99_BUDGET, RSS_BUDGET, SCALE_BUDGET = 10.0, 50.0, 200, 2.0


def millis(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float("nan")


def main(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            posts, comments, topology, request, conns, rps, p50, p99, errors, rss = line.rstrip("\n").split("\t")
            rows.append(dict(posts=int(posts), comments=int(comments), topology=topology, request=request,
                             conns=int(conns), rps=float(rps or 0), p50=millis(p50), p99=millis(p99),
                             errors=int(errors), rss=int(rss)))
    by_scale = defaultdict(list)
    for row in rows:
        by_scale[(row["posts"], row["comments"])].append(row)

    print("# Benchmark (bench/run)\n")
    print("wrk over loopback on the same 2-core machine as the server (wrk's own threads take CPU from it); ")
    print("release build; full server-rendered HTML for pages, form POSTs for server functions. Peak RSS is ")
    print("the largest VmHWM of the app server processes so far in that database's run.\n")
    for (posts, comments), scale_rows in sorted(by_scale.items()):
        print(f"## {posts:,} posts, {comments:,} comments\n")
        print("| database | request | connections | requests/s | p50 ms | p99 ms | errors | peak RSS MB |")
        print("|---|---|---|---|---|---|---|---|")
        for r in scale_rows:
            print(f"| {r['topology']} | {r['request']} | {r['conns']} | {r['rps']:,.0f} | {r['p50']:.2f} | "
                  f"{r['p99']:.2f} | {r['errors']} | {r['rss']} |")
        print()

    print("## Budgets\n")
    largest = max(by_scale) if by_scale else None
    smallest = min(by_scale) if by_scale else None
    verdicts = []

    def check(name, value, budget, unit):
        ok = value < budget
        verdicts.append(ok)
        mark = "met" if ok else "**missed**"
        print(f"- {name}: {value:.2f} {unit} (budget < {budget:g} {unit}): {mark}")

    at_64 = [r for r in by_scale.get(largest, []) if r["topology"] == "sqlite" and r["conns"] == 64]
    for r in at_64:
        if r["request"] in READS:
            check(f"SQLite, 64 connections, {r['request']}, p50", r["p50"], P50_BUDGET, "ms")
            check(f"SQLite, 64 connections, {r['request']}, p99", r["p99"], P99_BUDGET, "ms")
        elif r["request"] in WRITES:
            check(f"SQLite, 64 connections, {r['request']} (write), p99", r["p99"], P99_BUDGET, "ms")
    errors = sum(r["errors"] for r in rows)
    print(f"- errors over every run: {errors} (budget 0): {'met' if errors == 0 else '**missed**'}")
    verdicts.append(errors == 0)
    if rows:
        check("peak server RSS over every run", max(r["rss"] for r in rows), RSS_BUDGET, "MB")
    if largest != smallest:
        # The cost of one request at each scale: p50 at one connection (at 64 it is mostly queueing).
        small = {(r["topology"], r["request"]): r for r in by_scale[smallest] if r["conns"] == 1}
        for r in by_scale[largest]:
            base = small.get((r["topology"], r["request"]))
            if r["conns"] == 1 and base and base["p50"] > 0:
                check(f"{r['topology']}, {r['request']}: p50 at {largest[0]:,} ÷ at {smallest[0]:,} posts",
                      r["p50"] / base["p50"], SCALE_BUDGET, "×")
    print(f"\n{verdicts.count(True)} budgets met, {verdicts.count(False)} missed.")


if __name__ == "__main__":
    main(sys.argv[1])
