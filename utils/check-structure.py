#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Checks that the source tree keeps the shape docs/contributing.md describes.

  utils/check-structure.py --root .                      # layers and cycles
  utils/check-structure.py --root . -p build/llvm-19 \\
      --clang-tidy /usr/lib/llvm-19/bin/clang-tidy      # and function sizes

Layers: every file of lib/ and checks/ includes only files of its own layer
or of layers below it (LAYERS, lowest first), and no two modules (a .h with
its .cpp) include each other, directly or around a longer cycle.

Function sizes: with -p, clang-tidy's readability-function-size check runs
over every source of lib/ and checks/ in the compile database and reports
any function longer than --max-lines (80) lines.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys

# Lowest first. A file may include its own layer and the ones before it.
LAYERS = [
    ("support", "lib/support/"),
    ("sql", "lib/sql/"),
    ("ast", "lib/ast/"),
    ("api", "lib/api/"),
    ("wholeprogram", "lib/wholeprogram/"),
    ("analysis", "lib/analysis/"),
    ("checks/common", "checks/common/"),
    ("checks", "checks/"),
]
# sql and ast stand side by side: neither may include the other.
PEERS = {("sql", "ast"), ("ast", "sql")}
INCLUDE = re.compile(r'^\s*#\s*include\s+"((?:lib|checks)/[^"]+)"', re.M)


def layer_of(path):
    for index, (name, prefix) in enumerate(LAYERS):
        if path.startswith(prefix):
            return index, name
    return None, None


def source_files(root):
    for top in ("lib", "checks"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith((".h", ".cpp", ".def")):
                    full = os.path.join(folder, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/")


def module_of(path):
    return re.sub(r"\.(h|cpp|def)$", "", path)


def check_layers(root):
    problems = []
    graph = {}
    for path in source_files(root):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            text = f.read()
        own_index, own_name = layer_of(path)
        for target in INCLUDE.findall(text):
            if not os.path.exists(os.path.join(root, target)):
                problems.append("%s: includes %s, which does not exist"
                                % (path, target))
                continue
            index, name = layer_of(target)
            if index is None or own_index is None:
                continue
            if index > own_index or (own_name, name) in PEERS:
                problems.append("%s (layer %s) includes %s (layer %s)"
                                % (path, own_name, target, name))
            a, b = module_of(path), module_of(target)
            if a != b:
                graph.setdefault(a, set()).add(b)
    problems += ["include cycle: " + " -> ".join(c) for c in cycles(graph)]
    return problems


def cycles(graph):
    """One cycle per strongly connected component with more than one
    module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = [0]

    def strongconnect(start):
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component) + [sorted(component)[0]])

    for node in sorted(graph):
        if node not in index:
            strongconnect(node)
    return found


def check_function_sizes(root, build, clang_tidy, max_lines, jobs):
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    files = sorted({os.path.realpath(e["file"]) for e in entries})
    wanted = [f for f in files
              if os.path.relpath(f, os.path.realpath(root)).startswith(
                  ("lib" + os.sep, "checks" + os.sep))]
    config = ("{Checks: '-*,readability-function-size', CheckOptions: "
              "{readability-function-size.LineThreshold: %d}}" % max_lines)

    def run(path):
        out = subprocess.run(
            [clang_tidy, "-p", build, "--quiet", "--config=" + config, path],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # The warning line names the function; its note the line count.
        lines = out.stdout.splitlines()
        found = []
        for i, line in enumerate(lines):
            if "readability-function-size" not in line:
                continue
            count = next((l for l in lines[i + 1:i + 4]
                          if "lines including whitespace" in l), "")
            size = re.search(r"(\d+) lines including whitespace", count)
            name = re.search(r"function '([^']+)'", line)
            found.append("%s: '%s' has %s lines" % (
                line.split(" warning:")[0].replace(
                    os.path.realpath(root) + "/", "").rstrip(":"),
                name.group(1) if name else "?",
                size.group(1) if size else "?"))
        return found

    problems = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for lines in pool.map(run, wanted):
            problems += lines
    return problems, len(wanted)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".")
    parser.add_argument("-p", dest="build", help="build directory")
    parser.add_argument("--clang-tidy", default="clang-tidy")
    parser.add_argument("--max-lines", type=int, default=80)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    problems = check_layers(args.root)
    print("layers: %d problems" % len(problems))
    if args.build:
        sizes, count = check_function_sizes(args.root, args.build,
                                            args.clang_tidy, args.max_lines,
                                            args.jobs)
        print("function sizes: %d files, %d functions over %d lines"
              % (count, len(sizes), args.max_lines))
        problems += sizes
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
