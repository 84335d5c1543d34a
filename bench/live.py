#!/usr/bin/env python3
"""The live stream's figures (a measurement, not a test), run by bench/run against one topology.

  bench/live.py TOPOLOGY BASE COOKIES_FILE SERVER_PIDS

COOKIES_FILE holds one access cookie per line: students of one school (bench/lib.sh's writers). Each writes a
post; then, at 1 and at 64 open streams (one per author), other students comment on the authors' posts and
the delay from sending the comment to its event arriving on the author's stream is recorded (p50, p99).
Last, 100 streams are held open and idle for 30 seconds, and the CPU the app servers (SERVER_PIDS, separated
by commas) spent meanwhile is read from /proc. Appends a markdown table to target/bench/live.md.
"""

import http.client
import json
import os
import queue
import sys
import threading
import time
import urllib.parse

IDLE_STREAMS = 100
IDLE_SECONDS = 30
ROUNDS = {1: 60, 64: 5}


def connection(base):
    url = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=30)


def call(base, cookie, path, form):
    conn = connection(base)
    body = urllib.parse.urlencode(form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"campus_access={cookie}"}
    conn.request("POST", path, body, headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {data[:200]!r}")
    return json.loads(data) if data else None


class Stream(threading.Thread):
    """One open /events stream; puts the arrival time of each state event on `arrivals`."""

    def __init__(self, base, cookie):
        super().__init__(daemon=True)
        self.arrivals = queue.Queue()
        self.conn = connection(base)
        self.conn.request("GET", "/events", headers={"Cookie": f"campus_access={cookie}"})
        self.response = self.conn.getresponse()
        if self.response.status != 200:
            raise RuntimeError(f"/events: {self.response.status}")
        self.start()

    def run(self):
        event = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event: "):
                    event = line[len("event: "):]
                elif line == "" and event == "notifications":
                    self.arrivals.put(time.monotonic())
                    event = None
        except Exception:  # noqa: BLE001 - the stream was closed from the main thread: the run is over
            pass

    def close(self):
        try:
            self.conn.sock.shutdown(2)
        except OSError:
            pass
        self.conn.close()


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def delays(base, cookies, posts, streams_open):
    """Comment-to-event delays in ms with `streams_open` authors listening."""
    authors = list(range(streams_open))
    streams = [Stream(base, cookies[a]) for a in authors]
    for stream in streams:
        stream.arrivals.get(timeout=10)  # the opening state
    samples = []
    for round_number in range(ROUNDS[streams_open]):
        sent = {}

        def comment(author):
            commenter = cookies[(author + 1 + round_number) % len(cookies)]
            if commenter == cookies[author]:
                commenter = cookies[(author + 2) % len(cookies)]
            sent[author] = time.monotonic()
            call(base, commenter, "/api/comments/write", {"post_id": posts[author], "body": "실시간 벤치마크"})

        workers = [threading.Thread(target=comment, args=(a,)) for a in authors]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        for author, stream in zip(authors, streams):
            arrived = stream.arrivals.get(timeout=10)
            samples.append((arrived - sent[author]) * 1000)
            # A state that the same write may have caused twice (none expected) is not counted again.
            while not stream.arrivals.empty():
                stream.arrivals.get_nowait()
    for stream in streams:
        stream.close()
    return samples


def main():
    topology, base, cookies_file, pids = sys.argv[1:5]
    pids = [int(p) for p in pids.split(",") if p]
    with open(cookies_file) as f:
        cookies = [line.strip() for line in f if line.strip()]
    boards = call(base, cookies[0], "/api/boards", {})
    board = next(b["id"] for b in boards if b["slug"] == "free")
    stamp = int(time.time())
    posts = [
        call(base, cookie, "/api/posts/write", {"board_id": board, "title": f"실시간 {stamp} {n}", "body": "알림 측정"})
        for n, cookie in enumerate(cookies)
    ]
    rows = []
    for streams_open in (1, 64):
        samples = delays(base, cookies, posts, min(streams_open, len(cookies)))
        rows.append((streams_open, percentile(samples, 0.5), percentile(samples, 0.99), len(samples)))
        print(f"[bench] {topology}: write to event at {streams_open} streams: "
              f"p50 {rows[-1][1]:.1f} ms p99 {rows[-1][2]:.1f} ms ({len(samples)} events)")

    idle = [Stream(base, cookies[n % len(cookies)]) for n in range(IDLE_STREAMS)]
    for stream in idle:
        stream.arrivals.get(timeout=10)
    before = cpu_seconds(pids)
    time.sleep(IDLE_SECONDS)
    spent = cpu_seconds(pids) - before
    for stream in idle:
        stream.close()
    print(f"[bench] {topology}: {IDLE_STREAMS} idle streams for {IDLE_SECONDS} s cost {spent * 1000:.0f} ms of CPU")

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "bench", "live.md")
    new = not os.path.exists(out) or os.path.getsize(out) == 0
    with open(out, "a") as f:
        if new:
            f.write("### The live stream\n\n")
            f.write("| topology | open streams | write → event p50 | p99 | events |\n|---|---|---|---|---|\n")
        for streams_open, p50, p99, count in rows:
            f.write(f"| {topology} | {streams_open} | {p50:.1f} ms | {p99:.1f} ms | {count} |\n")
        f.write(f"| {topology} | {IDLE_STREAMS} idle for {IDLE_SECONDS} s | CPU {spent * 1000:.0f} ms | | |\n")


if __name__ == "__main__":
    main()
