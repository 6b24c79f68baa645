#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Stress harness: generated translation units far beyond normal code (10,000
functions, loops nested 200 deep, 1,000-call chains, recursion rings, a 1 MB
SQL literal, macros expanding to loops and queries, a template instantiated
1,000 times, 2,000 algorithm lambdas, rows returned through 1,000 helpers). Each must finish within generous time and memory bounds and
report the expected number of warnings; the figures are printed as a table.

  utils/stress-harness.py --tool build/llvm-19/bin/nplusone-tidy
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "stress"))
import generate_stress  # noqa: E402

# (shape, size, expected nplusone warnings)
CASES = [
    ("functions", 10000, 20000),  # an N+1 and an invariant query each
    ("deep", 200, 1),
    ("chain", 1000, 1),
    ("ring", 1000, 1),
    ("bigexpr", 5000, 1),
    ("bigliteral", 1000000, 1),
    ("macros", 1000, 1001),
    ("templates", 1000, 1),
    ("lambdas", 2000, 2000),  # one std::for_each lambda N+1 each
    ("returned", 1000, 2),  # rows through helpers: one found, one too deep
    ("gotos", 10000, 1),  # goto spaghetti, then one N+1
]
WARNING_RE = re.compile(r": warning: .*\[nplusone-")
# A row of clang-tidy's --enable-check-profile table for one of our checks:
# user, system, user+system and wall seconds, each with a percentage.
PROFILE_RE = re.compile(r"^\s*" + r"([\d.]+) \(\s*[\d.]+%\)\s+" * 4 +
                        r"(nplusone-\S+)\s*$", re.M)


def run(tool, path):
    """Runs the checks; returns (seconds, peak RSS in MiB, output, exit)."""
    start = time.monotonic()
    proc = subprocess.Popen([tool, "-checks=-*,nplusone-*", "--quiet",
                             "--enable-check-profile", path, "--",
                             "-std=c++17"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (time.monotonic() - start, usage.ru_maxrss / 1024.0,
            out.decode("utf-8", "replace"), proc.returncode)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--tool", required=True)
    p.add_argument("--max-seconds", type=float, default=600.0)
    p.add_argument("--max-mib", type=float, default=4096.0)
    a = p.parse_args()

    work = tempfile.mkdtemp(prefix="nplusone-stress-")
    failed = 0
    print("%-11s %9s %9s %11s %7s %8s  %s" % (
        "shape", "size", "total s", "nplusone s", "MiB", "warnings", "result"))
    for shape, size, expected in CASES:
        path = os.path.join(work, "%s-%d.cpp" % (shape, size))
        with open(path, "w") as f:
            f.write(generate_stress.generate(shape, size))
        secs, mib, out, rc = run(a.tool, path)
        ours = sum(float(m.group(3)) for m in PROFILE_RE.finditer(out))
        warnings = len(WARNING_RE.findall(out))
        problems = []
        if rc < 0 or "Stack dump:" in out:
            problems.append("crashed")
        if secs > a.max_seconds:
            problems.append("over %.0f s" % a.max_seconds)
        if mib > a.max_mib:
            problems.append("over %.0f MiB" % a.max_mib)
        if warnings != expected:
            problems.append("%d warnings, expected %d" % (warnings, expected))
        failed += bool(problems)
        print("%-11s %9d %9.2f %11.2f %7.0f %8d  %s" % (
            shape, size, secs, ours, mib, warnings,
            "; ".join(problems) or "ok"), flush=True)
        os.remove(path)
    os.rmdir(work)
    print("stress: %d shapes, %d failed" % (len(CASES), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
