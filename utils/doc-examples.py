#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Keeps the example outputs in the README and the docs made by the tool.

A document marks a code block as the output of an example file, or as the
file itself, with a comment on the line before it:

  Markdown:  <!-- nplusone-output: docs/examples/x.cpp [tool options] -- -std=c++17 -->
             <!-- nplusone-source: docs/examples/x.cpp -->
             <!-- nplusone-project-output: test/whole-program/Inputs/p x.cpp -->
             <!-- nplusone-config-output: docs/examples/x.cpp [tool options] -->
             <!-- nplusone-project-config-output: test/whole-program/Inputs/p x.cpp
                  [--change y.cpp] [--damage y.cpp:version] -->
             <!-- nplusone-clangd-output: test/clangd/Inputs/x.cpp -->
             <!-- nplusone-clangd-project-output: test/whole-program/Inputs/p x.cpp -->
  reST:      .. nplusone-output: docs/examples/x.cpp -- -std=c++17
             .. nplusone-source: docs/examples/x.cpp

(project-output: whole-program mode over a project of several files, the
diagnostics of one of them; config-output: only what the tool says of its
configuration, e.g. a bad option value; project-config-output: the same for
whole-program mode on a file of a project, after another file was changed
(--change) or its summary damaged (--damage, by
test/whole-program/Inputs/damage-summary.py), temporary paths and summary
hashes made stable; clangd-output and clangd-project-output: the
same as nplusone-clangd publishes them to an editor, driven over LSP by
test/clangd/lsp_client.py), followed by the block (a ``` fence in Markdown, a `.. code-block::` in
reST). The clangd blocks are made only with --clangd (nplusone-clangd is
built against LLVM 15 and newer); without it they are left as they are.
--update rewrites the blocks; --check fails, showing the difference,
when a block is not what the tool prints today.
"""

import argparse
import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

MARKER_RE = re.compile(
    r"^(?:<!--|\.\.)\s*nplusone-(?P<kind>output|source|project-output|"
    r"config-output|project-config-output|clangd-output|"
    r"clangd-project-output):\s*(?P<path>\S+)"
    r"(?P<options>.*?)(?:\s+--\s+(?P<args>.*?))?\s*(?:-->)?\s*$")
DIAG_RE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<level>warning|note): (?P<text>.*)$")
CONFIG_RE = re.compile(r"^warning: .* \[clang-tidy-config\]$")


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


def config_warnings(output, what):
    """The tool's warnings about its configuration in a run's output."""
    lines = [l for l in output.splitlines() if CONFIG_RE.match(l)]
    if not lines:
        sys.exit("doc-examples: %s gives no configuration warning" % what)
    return lines


def run_tool(cmd, cwd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, cwd=cwd).stdout


def example_run(tidy, root, path, options, args):
    """Everything the tool prints for one example file."""
    cmd = shlex.split(tidy) + ["--checks=-*,nplusone-*", "--quiet"]
    cmd += shlex.split(options or "") + [os.path.join(root, path), "--"]
    return run_tool(cmd + shlex.split(args or ""), root)


def tool_output(tidy, root, path, options, args):
    """What the tool reports for one example file."""
    return diagnostics(example_run(tidy, root, path, options, args), path)


def config_output(tidy, root, path, options, args):
    """What the tool says of its configuration (a bad option value) when run
    on one example file with OPTIONS."""
    return config_warnings(example_run(tidy, root, path, options, args),
                           "%s %s" % (path, options))


def write_project(tidy, root, project, args, temp):
    """Copies a project of several files (test/whole-program/Inputs/...) into
    TEMP with its compilation database and every file's summary written, as
    the lit tests of those projects do. Returns the copy's source directory
    and a function that runs the checks on one of its files."""
    sys.path.insert(0, os.path.join(root, "test"))
    import whole_program_check as project_test
    src, build = os.path.join(temp, "src"), os.path.join(temp, "build")
    project_test.copy_project(os.path.join(root, project), src)
    # Flags name the suite's headers from the root (`-isystem test/Inputs/x`);
    # the compile commands run in the build directory.
    flags = [os.path.join(root, f) if os.path.exists(os.path.join(root, f))
             else f for f in shlex.split(args or "")]
    files = project_test.write_compdb(src, build, flags)
    summaries = os.path.join(build, ".nplusone")

    def run(path, write):
        cfg = project_test.config(summaries, write, [])
        return run_tool(shlex.split(tidy) + [
            "--checks=-*,nplusone-*", "--quiet", "-p", build,
            "--config=" + cfg, path], root)
    for path in files:
        run(path, True)
    return src, lambda path: run(path, False)


def project_output(tidy, root, project, name, args):
    """What whole-program mode prints for the file NAME of a project."""
    with tempfile.TemporaryDirectory() as temp:
        src, check = write_project(tidy, root, project, args, temp)
        return diagnostics(check(os.path.join(src, name.strip())),
                           project + "/" + name.strip())


def project_config_output(tidy, root, project, options, args):
    """What whole-program mode says of its summaries for one file of a
    project after another file changed or its summary was damaged."""
    parser = argparse.ArgumentParser(prog="nplusone-project-config-output")
    parser.add_argument("name")
    parser.add_argument("--change", action="append", default=[])
    parser.add_argument("--damage", action="append", default=[])
    marker = parser.parse_args(shlex.split(options or ""))
    with tempfile.TemporaryDirectory() as temp:
        src, check = write_project(tidy, root, project, args, temp)
        for name in marker.change:
            with open(os.path.join(src, name), "a") as f:
                f.write("// changed after its summary was written\n")
        for damage in marker.damage:
            unit, how = damage.split(":")
            subprocess.run([sys.executable, os.path.join(
                root, "test", "whole-program", "Inputs", "damage-summary.py"),
                os.path.join(temp, "build", ".nplusone"), unit, how],
                check=True)
        lines = config_warnings(check(os.path.join(src, marker.name)),
                                "%s %s" % (project, options))
    return [re.sub(r"\.[0-9a-f]{6,}\.nplusone\.json", ".<hash>.nplusone.json",
                   l.replace(temp + os.sep, "")) for l in lines]


def editor_view(clangd, root, path, temp):
    """What nplusone-clangd shows an editor for PATH, with the checks turned
    on by a .clangd file in TEMP, as test/clangd/ does."""
    shutil.copy(os.path.join(root, "test", "clangd", "Inputs",
                             "clangd-config.yaml"),
                os.path.join(temp, ".clangd"))
    out = subprocess.run(
        [sys.executable, os.path.join(root, "test", "clangd", "lsp_client.py"),
         "--style", "editor", "--clangd", clangd, path],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)
    lines = out.stdout.rstrip("\n").split("\n")
    if out.returncode != 0 or not out.stdout.strip():
        sys.exit("doc-examples: nplusone-clangd shows nothing for %s:\n%s" %
                 (path, out.stdout))
    return lines


def clangd_output(clangd, root, path, args):
    """What nplusone-clangd shows for one file, compiled with ARGS."""
    with tempfile.TemporaryDirectory() as temp:
        copy = os.path.join(temp, os.path.basename(path))
        shutil.copy(os.path.join(root, path), copy)
        with open(os.path.join(temp, "compile_flags.txt"), "w") as f:
            f.write("\n".join(shlex.split(args or "")) + "\n")
        return editor_view(clangd, root, copy, temp)


def clangd_project_output(tidy, clangd, root, project, name, args):
    """What nplusone-clangd shows for the file NAME of a project whose
    summaries are written: whole-program mode in the editor."""
    with tempfile.TemporaryDirectory() as temp:
        src, _ = write_project(tidy, root, project, args, temp)
        return editor_view(clangd, root, os.path.join(src, name.strip()), temp)


def marked_block(m, opts, root):
    """The body of the block a marker asks for, or None to keep it."""
    kind, path = m.group("kind"), m.group("path")
    options, args = m.group("options"), m.group("args")
    if kind.startswith("clangd"):
        if not opts.clangd:
            return None
        if kind == "clangd-output":
            return clangd_output(opts.clangd, root, path, args)
        return clangd_project_output(opts.tidy, opts.clangd, root, path,
                                     options, args)
    if opts.clangd_only:
        return None
    if kind == "source":
        with open(os.path.join(root, path)) as f:
            return f.read().rstrip("\n").split("\n")
    if kind == "project-output":
        return project_output(opts.tidy, root, path, options, args)
    if kind == "config-output":
        return config_output(opts.tidy, root, path, options, args)
    if kind == "project-config-output":
        return project_config_output(opts.tidy, root, path, options, args)
    return tool_output(opts.tidy, root, path, options, args)


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


def regenerate(doc, opts, root):
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
        body = marked_block(m, opts, root)
        begin, end, indent = block_span(lines, i, rst)
        if body is None:
            i = end
            continue
        body = [(indent + b) if b else b for b in body]
        lines[begin:end] = body
        i = begin + len(body)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tidy", required=True,
                        help="the nplusone-tidy command (with --load=...)")
    parser.add_argument("--clangd",
                        help="nplusone-clangd, for the clangd blocks")
    parser.add_argument("--clangd-only", action="store_true",
                        help="only the clangd blocks")
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
        new = regenerate(doc, opts, root)
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
