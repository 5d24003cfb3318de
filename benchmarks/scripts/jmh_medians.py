#!/usr/bin/env python3
"""Medians and ratios from a JMH JSON result (-rf json -rff FILE).

Usage: jmh_medians.py RESULT.json [BASELINE_SUFFIX]

For every benchmark prints JMH's score and error, the median and min/max of all measurement
iterations across forks, and, for a benchmark named <prefix><Suffix>, its median over the median
of <prefix><BASELINE_SUFFIX> (default "BareContinuation"). Medians are what docs/benchmarks.md
quotes: on a small, shared machine a single noisy iteration moves the mean far more than the median.
"""
import json
import statistics
import sys

results = json.load(open(sys.argv[1]))
baseline_suffix = sys.argv[2] if len(sys.argv) > 2 else "BareContinuation"

rows = {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    m = r["primaryMetric"]
    raw = [x for fork in m["rawData"] for x in fork]
    rows[name] = (m["score"], m["scoreError"], statistics.median(raw), min(raw), max(raw), m["scoreUnit"], len(raw))

print(f"| {'benchmark':40} | {'score ± error':>16} | {'median':>7} | {'min-max':>15} | {'vs bare (median)':>16} |")
print(f"|{'-' * 42}|{'-' * 18}|{'-' * 9}|{'-' * 17}|{'-' * 18}|")
for name in sorted(rows):
    score, err, med, lo, hi, unit, n = rows[name]
    ratio = ""
    for suffix in ("Generator",):
        if name.endswith(suffix):
            base = rows.get(name[: -len(suffix)] + baseline_suffix)
            if base:
                ratio = f"{med / base[2]:.2f}x"
    spread = f"{lo:.1f}-{hi:.1f}"
    print(f"| {name:40} | {score:7.1f} ± {err:6.1f} | {med:7.1f} | {spread:>15} | {ratio:>16} |")
print(f"\nunits: {unit}; {n} measurement iterations per benchmark")
