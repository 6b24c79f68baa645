#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Mutation robustness harness: runs the nplusone checks on mutated variants
of every test input and example, and reports crashes, hangs and sanitizer
reports. Variants are derived deterministically from --seed, so a failure
reproduces; each failing variant is kept in --keep for a regression test.

  utils/mutation-harness.py --tool build/llvm-14-asan/bin/nplusone-tidy \\
      --variants 1000 --timeout 60
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API_NAMES = ["exec", "exec_params", "exec_prepared", "query", "query_value",
             "stream", "sqlite3_step", "sqlite3_prepare_v2", "sqlite3_exec",
             "sqlite3_bind_int", "sqlite3_column_int", "sqlite3_reset",
             "begin", "end", "size"]
TOKEN_RE = re.compile(r'"(?:\\.|[^"\\\n])*"|[A-Za-z_]\w*|\d+|\S')
IDENT_RE = re.compile(r"\b[A-Za-z_]\w*\b")
CRASH_RE = re.compile(r"Stack dump:|PLEASE submit a bug report|"
                      r"ERROR: (Address|Leak)Sanitizer|"
                      r"SUMMARY: UndefinedBehaviorSanitizer|runtime error: ")


def seeds():
    """Every lit test input and example, with the compiler flags it needs."""
    found = []
    for top in ("test", "examples"):
        for dirpath, dirnames, files in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = sorted(d for d in dirnames
                                 if d not in ("Output", "Inputs"))
            for f in sorted(files):
                if not f.endswith((".cpp", ".c")):
                    continue
                path = os.path.join(dirpath, f)
                flags = ["-std=c11"] if f.endswith(".c") else ["-std=c++17"]
                flags += ["-isystem", os.path.join(ROOT, "test", "Inputs",
                                                   "pqxx7")] \
                    if "pqxx7" in f else []
                found.append((path, flags))
    return found


def mutate(text, rng):
    """Applies one to three random mutations."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["delete-token", "truncate", "duplicate-line",
                           "swap-lines", "brace", "api-name", "nest"])
        lines = text.split("\n")
        if kind == "delete-token":
            toks = list(TOKEN_RE.finditer(text))
            if toks:
                t = rng.choice(toks)
                text = text[:t.start()] + text[t.end():]
        elif kind == "truncate":
            text = text[:rng.randrange(len(text) + 1)]
        elif kind == "duplicate-line" and lines:
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif kind == "swap-lines" and len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind == "brace":
            pos = rng.randrange(len(text) + 1)
            text = text[:pos] + rng.choice("{}(;") + text[pos:]
        elif kind == "api-name":
            ids = list(IDENT_RE.finditer(text))
            if ids:
                t = rng.choice(ids)
                text = text[:t.start()] + rng.choice(API_NAMES) + \
                    text[t.end():]
        elif kind == "nest" and lines:
            i = rng.randrange(len(lines))
            depth = rng.randint(20, 300)
            head = rng.choice(["for (;;) {",
                               "while (sqlite3_step(s) == SQLITE_ROW) {",
                               "for (auto &r : tx.exec(\"SELECT 1\")) {",
                               "if (x) {"])
            lines[i] = head * depth + lines[i] + "}" * depth
            text = "\n".join(lines)
    return text


def run_one(tool, path, flags, timeout):
    """Runs the tool on one file; returns (status, seconds, output)."""
    cmd = [tool, "-checks=-*,nplusone-*", "--quiet", path, "--"] + flags
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "hang", timeout, ""
    elapsed = time.monotonic() - start
    text = out.decode("utf-8", "replace")
    if proc.returncode < 0 or CRASH_RE.search(text):
        return "crash", elapsed, text
    return "ok", elapsed, ""


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--tool", required=True, help="nplusone-tidy to run")
    p.add_argument("--variants", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=60.0,
                   help="seconds before a run counts as a hang")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--keep", default=os.path.join(ROOT, "build",
                                                  "mutation-failures"),
                   help="where failing variants are saved")
    a = p.parse_args()

    inputs = seeds()
    texts = {path: open(path, encoding="utf-8", errors="replace").read()
             for path, _ in inputs}
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="nplusone-mutants-")
    jobs = []
    for n in range(a.variants):
        path, flags = inputs[n % len(inputs)]
        ext = os.path.splitext(path)[1]
        mutant = os.path.join(work, "v%04d-%s%s" % (
            n, os.path.splitext(os.path.basename(path))[0], ext))
        with open(mutant, "w", encoding="utf-8") as f:
            f.write(mutate(texts[path], rng))
        jobs.append((mutant, flags))

    failures = []
    slowest = 0.0
    done = 0
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        futures = {pool.submit(run_one, a.tool, m, f, a.timeout): (m, f)
                   for m, f in jobs}
        for fut in concurrent.futures.as_completed(futures):
            status, secs, text = fut.result()
            mutant, flags = futures[fut]
            slowest = max(slowest, secs)
            done += 1
            if status != "ok":
                os.makedirs(a.keep, exist_ok=True)
                shutil.copy(mutant, a.keep)
                failures.append((status, mutant, text[-2000:]))
                print("%s: %s (flags: %s)" % (status.upper(), os.path.join(
                    a.keep, os.path.basename(mutant)), " ".join(flags)))
            if done % 100 == 0:
                print("mutation: %d/%d variants run, %.0f s" % (
                    done, len(jobs), time.monotonic() - started), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    crashes = sum(1 for f in failures if f[0] == "crash")
    hangs = sum(1 for f in failures if f[0] == "hang")
    for status, mutant, text in failures:
        print("---- %s %s\n%s" % (status, os.path.basename(mutant), text))
    print("mutation: %d variants of %d inputs, %d crashes, %d hangs; "
          "slowest run %.1f s" % (len(jobs), len(inputs), crashes, hangs,
                                  slowest))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
