#!/usr/bin/env python3
"""Where the CPU goes, from a JFR recording's execution samples, grouped by thread-name prefix.

    jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr > samples.txt
    python3 benchmarks/tools/jfr_summary.py samples.txt daogen-admin- limit- [load- HttpClient]

For each thread prefix: the number of samples, the share of samples whose stack contains each category (inclusive;
a sample can count in several), and the top frames by self time.
"""
import collections
import re
import sys

CATEGORIES = [
    ("HTTP server (sun.net.httpserver, request/response I/O)", r"^sun\.net\.httpserver\."),
    ("admin API: AdminApi.handle (routing, JSON, DAO call)", r"^dev\.daogen\.admin\.AdminApi\.handle"),
    ("admin API: route matching / request parsing", r"^dev\.daogen\.admin\.(AdminApi\.(route|match|segments|find)|AdminRoute\.|AdminRequest\.|RequestBodies\.|JsonInput\.)"),
    ("admin API: JSON writing (AdminJson, Json, Jackson)", r"^(dev\.daogen\.admin\.AdminJson|dev\.daogen\.internal\.Json|com\.fasterxml\.jackson)"),
    ("generated admin / DAO code (dev.daogen.sample)", r"^dev\.daogen\.sample\."),
    ("DAO runtime (EntityDao, Connections, internal)", r"^dev\.daogen\.(dao|db|internal)\."),
    ("events and cache (dev.daogen.events / cache)", r"^dev\.daogen\.(events|cache)\."),
    ("pgjdbc driver (org.postgresql)", r"^org\.postgresql\."),
    ("socket I/O (sun.nio.ch, java.net sockets)", r"^(sun\.nio\.ch\.|java\.net\.Socket|sun\.nio\.ch\.NioSocketImpl)"),
    ("connection pool (HikariCP)", r"^com\.zaxxer\.hikari\."),
    ("logging (slf4j)", r"^org\.slf4j\."),
    ("bench limit server (hand-written JDBC + JSON)", r"^dev\.daogen\.bench\.LimitServer"),
]


def parse(path):
    thread = None
    frames = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("sampledThread = "):
                m = re.match(r'sampledThread = "([^"]*)"', s)
                thread = m.group(1) if m else "?"
            elif s.startswith("stackTrace = ["):
                frames = []
            elif frames is not None:
                if s.startswith("]") or s == "...":
                    if s.startswith("]"):
                        yield thread, frames
                        frames = None
                    continue
                m = re.match(r"([\w$.<>]+)\(", s)
                if m:
                    frames.append(m.group(1))


def main():
    path = sys.argv[1]
    prefixes = sys.argv[2:] or ["daogen-admin-", "limit-"]
    by_prefix = collections.defaultdict(list)
    for thread, frames in parse(path):
        for p in prefixes:
            if thread.startswith(p):
                by_prefix[p].append(frames)
                break
    for p in prefixes:
        samples = by_prefix.get(p, [])
        print(f"== threads {p}*: {len(samples)} samples")
        if not samples:
            continue
        for name, rx in CATEGORIES:
            r = re.compile(rx)
            n = sum(1 for fr in samples if any(r.search(x) for x in fr))
            if n:
                print(f"  {100.0 * n / len(samples):5.1f} %  {name}")
        tops = collections.Counter(fr[0] for fr in samples if fr)
        print("  top frames (self):")
        for frame, n in tops.most_common(12):
            print(f"    {100.0 * n / len(samples):5.1f} %  {frame}")


if __name__ == "__main__":
    main()
