#!/usr/bin/env python3
"""Runs one nplusone lit test: the tool on a copy of the test file, then
FileCheck on its diagnostics and on the fixed file.

A test file states its expectations inline:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE-5]]:10: note: ...
  // CHECK-FIXES: ... the fixed line ...
Every nplusone diagnostic must be matched: one that no CHECK-MESSAGES line
asserts fails the test. A file without CHECK-MESSAGES must produce none.
"""

import argparse
import os
import re
import subprocess
import sys

DIAG_RE = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<level>warning|error|note): (?P<text>.*)$")
CONFIG_RE = re.compile(r"\[clang-tidy-config\]")


def fail(msg):
    sys.stderr.write("nplusone_check: " + msg + "\n")
    sys.exit(1)


def blank_check_comments(text):
    """Empties comments holding directives (RUN, CHECK-MESSAGES and any other
    upper-case prefix a test uses, such as NOTE-FIXES), keeping line numbers,
    so the tool never sees, fixes or matches the expectations themselves."""
    out = []
    for line in text.split("\n"):
        m = re.search(r"//\s*[A-Z][A-Z0-9]*(-[A-Z0-9]+)*:", line)
        out.append(line[:m.start()] + "//" if m else line)
    return "\n".join(out)


def keep_diagnostics(output, source_path):
    """The nplusone diagnostics and their notes, plus configuration errors,
    with the tested file's path cut so lines start with ':LINE:COL:'."""
    kept = []
    keeping = False
    for raw in output.splitlines():
        if CONFIG_RE.search(raw):
            kept.append(raw.strip())
            continue
        m = DIAG_RE.match(raw)
        if not m:
            continue
        level, text = m.group("level"), m.group("text")
        if level in ("warning", "error"):
            keeping = "[nplusone-" in text
        if not keeping or text.startswith("FIX-IT "):
            continue
        path = m.group("file")
        where = "" if os.path.abspath(path) == source_path else \
            os.path.basename(path)
        kept.append("%s:%s:%s: %s: %s" % (where, m.group("line"),
                                            m.group("col"), level, text))
    return kept


def has_directive(text, prefixes):
    """True when a directive of any of the comma-separated prefixes is in text."""
    return any(re.search(r"\b" + re.escape(prefix) + r"(-NOT)?:", text)
               for prefix in prefixes.split(","))


def check_diagnostics(filecheck, source, original, kept, diag_file, prefixes,
                      output, name=""):
    """Matches the kept diagnostics (written to diag_file) against the
    directives of source, whose text is original: every diagnostic must be
    asserted, and a file without directives must have none."""
    where = name + ": " if name else ""
    if has_directive(original, prefixes):
        check = subprocess.run(
            [filecheck, source, "--input-file=" + diag_file,
             "--check-prefixes=" + prefixes,
             "--implicit-check-not={{warning|error|note}}:"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True)
        if check.returncode != 0:
            sys.stdout.write(check.stdout)
            sys.stdout.write("\n--- tool output ---\n" + output)
            fail("%sdiagnostics do not match %s lines" % (where, prefixes))
    elif kept:
        sys.stdout.write("\n".join(kept) + "\n")
        fail("%sunexpected nplusone diagnostics in a file with no %s lines"
             % (where, prefixes))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", help="load this plugin into --clang-tidy")
    p.add_argument("--filecheck", required=True)
    p.add_argument("--checks", default="nplusone-*")
    p.add_argument("--config", help="a -config= YAML string")
    p.add_argument("--fix", choices=["none", "warnings", "notes"],
                   default="notes",
                   help="apply warning fixes only (--fix) or notes too")
    p.add_argument("--compile-fixed", metavar="CLANG",
                   help="compile the fixed file with this compiler")
    # Comma-separated, like FileCheck's --check-prefixes: a run can share
    # the common expectations and add its own.
    p.add_argument("--messages-prefix", default="CHECK-MESSAGES")
    p.add_argument("--fixes-prefix", default="CHECK-FIXES")
    p.add_argument("input")
    p.add_argument("temp")
    p.add_argument("compiler_args", nargs=argparse.REMAINDER)
    a = p.parse_args()

    args = a.compiler_args
    if args and args[0] == "--":
        args = args[1:]
    with open(a.input, encoding="utf-8", errors="surrogateescape") as f:
        original = f.read()
    os.makedirs(a.temp, exist_ok=True)
    tested = os.path.join(a.temp, os.path.basename(a.input))
    with open(tested, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(blank_check_comments(original))

    cmd = [a.clang_tidy]
    if a.plugin:
        cmd.append("--load=" + a.plugin)
    cmd += ["-checks=-*," + a.checks, "--quiet"]
    # Without a configuration of the test's own, an empty one: a stray
    # .clang-tidy above the test directory cannot change the results.
    cmd.append("-config=" + (a.config or "{}"))
    if a.fix == "warnings":
        cmd.append("--fix")
    elif a.fix == "notes":
        cmd += ["--fix", "--fix-notes"]
    cmd += [tested, "--"] + args
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, errors="replace")
    output = run.stdout
    # A crash is never an expected outcome, whatever the diagnostics say.
    if run.returncode < 0 or "Stack dump:" in output or \
            "PLEASE submit a bug report" in output or \
            re.search(r"ERROR: (Address|Leak)Sanitizer|"
                      r"SUMMARY: UndefinedBehaviorSanitizer|runtime error: ",
                      output):
        sys.stdout.write(output)
        fail("the tool crashed (exit %d): %s" % (run.returncode, " ".join(cmd)))

    kept = keep_diagnostics(output, os.path.abspath(tested))
    diag_file = os.path.join(a.temp, "diagnostics.txt")
    with open(diag_file, "w") as f:
        f.write("\n".join(kept) + ("\n" if kept else ""))

    check_diagnostics(a.filecheck, a.input, original, kept, diag_file,
                      a.messages_prefix, output)

    if has_directive(original, a.fixes_prefix):
        check = subprocess.run(
            [a.filecheck, a.input, "--input-file=" + tested,
             "--check-prefix=" + a.fixes_prefix, "--strict-whitespace"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True)
        if check.returncode != 0:
            sys.stdout.write(check.stdout)
            fail("fixed file does not match %s lines" % a.fixes_prefix)

    if a.compile_fixed:
        comp = subprocess.run([a.compile_fixed, "-fsyntax-only", tested] + args,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if comp.returncode != 0:
            sys.stdout.write(comp.stdout)
            fail("the fixed file does not compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
