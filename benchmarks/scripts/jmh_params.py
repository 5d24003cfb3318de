#!/usr/bin/env python3
"""Medians per benchmark and parameter set from JMH JSON results (-rf json -rff FILE).

Usage: jmh_params.py RESULT.json [MORE.json ...]

Pools the measurement iterations of every file (several interleaved runs of one benchmark, say)
by benchmark and parameters, and prints the median, min-max and the number of iterations.
"""
import json
import statistics
import sys
from collections import defaultdict

pooled = defaultdict(list)
units = {}
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        params = ",".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
        m = r["primaryMetric"]
        pooled[(name, params)].extend(x for fork in m["rawData"] for x in fork)
        units[(name, params)] = m["scoreUnit"]

print(f"| {'benchmark':20} | {'params':45} | {'median':>9} | {'min-max':>17} | {'n':>3} |")
print(f"|{'-' * 22}|{'-' * 47}|{'-' * 11}|{'-' * 19}|{'-' * 5}|")
for (name, params), xs in sorted(pooled.items()):
    print(f"| {name:20} | {params:45} | {statistics.median(xs):9.2f} | {min(xs):8.2f}-{max(xs):8.2f} | {len(xs):3} |"
          f"  {units[(name, params)]}")
