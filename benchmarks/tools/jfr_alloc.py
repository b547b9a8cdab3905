#!/usr/bin/env python3
"""Allocation by site, from a JFR recording's jdk.ObjectAllocationSample events (weights summed).

    jfr print --events jdk.ObjectAllocationSample --stack-depth 24 rec.jfr > alloc.txt
    python3 benchmarks/tools/jfr_alloc.py alloc.txt [thread-prefix]

Prints the share of sampled bytes per allocated class and per first frame outside java.*/jdk.*/sun.*.
"""
import collections
import re
import sys


def parse(path):
    ev = {}
    frames = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("jdk.ObjectAllocationSample"):
                ev = {}
            elif s.startswith("objectClass = "):
                ev["class"] = s.split("=", 1)[1].strip().split(" ")[0]
            elif s.startswith("weight = "):
                v = s.split("=", 1)[1].strip()
                m = re.match(r"([\d.,]+)\s*(bytes|kB|MB|GB)", v)
                mult = {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[m.group(2)]
                ev["weight"] = float(m.group(1).replace(",", "")) * mult
            elif s.startswith("eventThread = "):
                m = re.match(r'eventThread = "([^"]*)"', s)
                ev["thread"] = m.group(1) if m else "?"
            elif s.startswith("stackTrace = ["):
                frames = []
            elif frames is not None:
                if s.startswith("]"):
                    ev["frames"] = frames
                    frames = None
                    yield ev
                    continue
                m = re.match(r"([\w$.<>]+)\(", s)
                if m:
                    frames.append(m.group(1))


def main():
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    by_class = collections.Counter()
    by_site = collections.Counter()
    total = 0.0
    for ev in parse(sys.argv[1]):
        if not ev.get("thread", "").startswith(prefix):
            continue
        w = ev.get("weight", 0)
        total += w
        by_class[ev.get("class", "?")] += w
        site = next((f for f in ev.get("frames", []) if not f.startswith(("java.", "jdk.", "sun."))), "?")
        by_site[site] += w
    print(f"sampled bytes: {total / 1e6:.1f} MB")
    print("by class:")
    for c, w in by_class.most_common(15):
        print(f"  {100 * w / total:5.1f} %  {c}")
    print("by first non-JDK frame:")
    for c, w in by_site.most_common(20):
        print(f"  {100 * w / total:5.1f} %  {c}")


if __name__ == "__main__":
    main()
