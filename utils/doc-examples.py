#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Keeps the example outputs in the README and the docs made by the tool.

A document marks a code block as the output of an example file, or as the
file itself, with a comment on the line before it:

  Markdown:  <!-- nplusone-output: docs/examples/x.cpp [tool options] -- -std=c++17 -->
             <!-- nplusone-source: docs/examples/x.cpp -->
             <!-- nplusone-project-output: test/whole-program/Inputs/p x.cpp -->
  reST:      .. nplusone-output: docs/examples/x.cpp -- -std=c++17
             .. nplusone-source: docs/examples/x.cpp

(project-output: whole-program mode over a project of several files, the
diagnostics of one of them), followed by the block (a ``` fence in Markdown, a `.. code-block::` in
reST). --update rewrites the blocks; --check fails, showing the difference,
when a block is not what the tool prints today.
"""

import argparse
import difflib
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

MARKER_RE = re.compile(
    r"^(?:<!--|\.\.)\s*nplusone-(?P<kind>output|source|project-output):\s*(?P<path>\S+)"
    r"(?P<options>.*?)(?:\s+--\s+(?P<args>.*?))?\s*(?:-->)?\s*$")
DIAG_RE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<level>warning|note): (?P<text>.*)$")


def diagnostics(output, what):
    """The nplusone diagnostics of a run's output, each file named by its
    base name."""
    lines = []
    for raw in output.splitlines():
        m = DIAG_RE.match(raw)
        if m:
            lines.append("%s:%s:%s: %s: %s" % (
                os.path.basename(m.group("file")), m.group("line"),
                m.group("col"), m.group("level"), m.group("text")))
    if not lines:
        sys.exit("doc-examples: %s gives no diagnostics:\n%s" % (what, output))
    return lines


def run_tool(cmd, cwd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, cwd=cwd).stdout


def tool_output(tidy, root, path, options, args):
    """What the tool prints for one example file."""
    cmd = shlex.split(tidy) + ["--checks=-*,nplusone-*", "--quiet"]
    cmd += shlex.split(options or "") + [os.path.join(root, path), "--"]
    cmd += shlex.split(args or "")
    return diagnostics(run_tool(cmd, root), path)


def project_output(tidy, root, project, name, args):
    """What whole-program mode prints for the file NAME of a project of
    several files (test/whole-program/Inputs/...): every file's summary
    written first, as the lit tests of those projects do."""
    sys.path.insert(0, os.path.join(root, "test"))
    import whole_program_check as project_test
    with tempfile.TemporaryDirectory() as temp:
        src, build = os.path.join(temp, "src"), os.path.join(temp, "build")
        project_test.copy_project(os.path.join(root, project), src)
        files = project_test.write_compdb(src, build, shlex.split(args or ""))
        summaries = os.path.join(build, ".nplusone")

        def run(path, write):
            cfg = project_test.config(summaries, write, [])
            return run_tool(shlex.split(tidy) + [
                "--checks=-*,nplusone-*", "--quiet", "-p", build,
                "--config=" + cfg, path], root)
        for path in files:
            run(path, True)
        return diagnostics(run(os.path.join(src, name.strip()), False),
                           project + "/" + name.strip())


def block_span(lines, start, rst):
    """[begin, end) of the body of the code block that follows line start,
    and the indentation its lines take."""
    i = start + 1
    if rst:
        while i < len(lines) and not lines[i].startswith(".. code-block::"):
            i += 1
        begin = i + 1
        while begin < len(lines) and not lines[begin].strip():
            begin += 1
        end = begin
        while end < len(lines) and (not lines[end].strip() or
                                    lines[end].startswith(" ")):
            end += 1
        while end > begin and not lines[end - 1].strip():
            end -= 1
        return begin, end, "  "
    while i < len(lines) and not lines[i].startswith("```"):
        i += 1
    end = i + 1
    while end < len(lines) and not lines[end].startswith("```"):
        end += 1
    return i + 1, end, ""


def regenerate(doc, tidy, root):
    """The document's text with every marked block made anew."""
    with open(doc) as f:
        lines = f.read().split("\n")
    rst = doc.endswith(".rst")
    i = 0
    while i < len(lines):
        m = MARKER_RE.match(lines[i])
        if not m:
            i += 1
            continue
        if m.group("kind") == "source":
            with open(os.path.join(root, m.group("path"))) as f:
                body = f.read().rstrip("\n").split("\n")
        elif m.group("kind") == "project-output":
            body = project_output(tidy, root, m.group("path"),
                                  m.group("options"), m.group("args"))
        else:
            body = tool_output(tidy, root, m.group("path"), m.group("options"),
                               m.group("args"))
        begin, end, indent = block_span(lines, i, rst)
        body = [(indent + b) if b else b for b in body]
        lines[begin:end] = body
        i = begin + len(body)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tidy", required=True,
                        help="the nplusone-tidy command (with --load=...)")
    parser.add_argument("--root", default=".")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true")
    mode.add_argument("--check", action="store_true")
    opts = parser.parse_args()
    root = os.path.abspath(opts.root)
    docs = [os.path.join(root, "README.md")]
    docs += sorted(glob.glob(os.path.join(root, "docs", "**", "*.md"),
                             recursive=True))
    docs += sorted(glob.glob(os.path.join(root, "docs", "**", "*.rst"),
                             recursive=True))
    stale = 0
    for doc in docs:
        with open(doc) as f:
            old = f.read()
        new = regenerate(doc, opts.tidy, root)
        if new == old:
            continue
        if opts.update:
            with open(doc, "w") as f:
                f.write(new)
            print("updated", os.path.relpath(doc, root))
            continue
        stale += 1
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(True), new.splitlines(True),
            os.path.relpath(doc, root), "what the tool prints"))
    if stale:
        print("doc-examples: %d document(s) differ from the tool's output; "
              "run utils/doc-examples.py --update" % stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
