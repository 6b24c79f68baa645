#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Runs one whole-program lit test: a project of several files, each
analysed with the summaries of all the others.

  whole_program_check.py --clang-tidy=T --filecheck=F PROJECT TEMP [-- ARGS]

Copies the .c/.cpp/.h files of PROJECT into TEMP/src (directives blanked,
line numbers kept), writes TEMP/build/compile_commands.json (ARGS added to
every command), writes every unit's summary into TEMP/build/.nplusone
(the module's WriteSummaries pass), then checks each .c/.cpp file with
those summaries. Each file states what its own check reports, as
nplusone_check.py tests do:
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: ... [nplusone-query-in-loop]
  // CHECK-MESSAGES: repository.cpp:14:17: note: 'customer' runs the query here
(a note in another file is named by that file's name and absolute line).
Every diagnostic must be matched; a file without directives must produce
none. --phase=check re-runs only the checks (sources and summaries as a
test left them), to test stale and broken summaries.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nplusone_check as single  # noqa: E402

SOURCES = (".c", ".cpp")
HEADERS = (".h", ".hpp")


def copy_project(project, src):
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    for name in sorted(os.listdir(project)):
        if not name.endswith(SOURCES + HEADERS):
            continue
        with open(os.path.join(project, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(src, name), "w", encoding="utf-8") as f:
            f.write(single.blank_check_comments(text))


def write_compdb(src, build, extra):
    os.makedirs(build, exist_ok=True)
    entries = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(SOURCES):
            continue
        std = "-std=c11" if name.endswith(".c") else "-std=c++17"
        path = os.path.join(src, name)
        entries.append({"directory": build, "file": path,
                        "arguments": ["cc", std, "-I" + src] + extra +
                        ["-c", path, "-o", name + ".o"]})
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return [e["file"] for e in entries]


def config(summary_dir, write, extra):
    options = [{"key": "SummaryDirectory", "value": summary_dir},
               {"key": "WriteSummaries", "value": "true" if write else
                "false"}] + extra
    return json.dumps({"CheckOptions": options})


def run_tidy(a, build, path, cfg):
    cmd = [a.clang_tidy]
    if a.plugin:
        cmd.append("--load=" + a.plugin)
    cmd += ["-checks=-*,nplusone-*", "--quiet", "-p", build,
            "-config=" + cfg, path]
    run = subprocess.run(cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True,
                         errors="replace")
    out = run.stdout
    if run.returncode < 0 or "Stack dump:" in out or \
            "PLEASE submit a bug report" in out or \
            "Sanitizer" in out or "runtime error: " in out:
        sys.stdout.write(out)
        single.fail("the tool crashed (exit %d): %s" %
                    (run.returncode, " ".join(cmd)))
    # The projects are real code: they compile.
    if "[clang-diagnostic-error]" in out:
        sys.stdout.write(out)
        single.fail("%s does not compile" % os.path.basename(path))
    return out


def check_file(a, project, path, output):
    name = os.path.basename(path)
    with open(os.path.join(project, name), encoding="utf-8") as f:
        original = f.read()
    kept = single.keep_diagnostics(output, os.path.abspath(path))
    diag_file = os.path.join(a.temp, name + ".diagnostics.txt")
    with open(diag_file, "w") as f:
        f.write("\n".join(kept) + ("\n" if kept else ""))
    single.check_diagnostics(a.filecheck, os.path.join(project, name),
                             original, kept, diag_file, a.messages_prefix,
                             output, name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin")
    p.add_argument("--filecheck", required=True)
    p.add_argument("--messages-prefix", default="CHECK-MESSAGES")
    p.add_argument("--phase", choices=["all", "check"], default="all")
    p.add_argument("--option", action="append", default=[],
                   metavar="KEY=VALUE", help="one more CheckOptions entry")
    p.add_argument("project")
    p.add_argument("temp")
    p.add_argument("compiler_args", nargs=argparse.REMAINDER)
    a = p.parse_args()
    extra = a.compiler_args[1:] if a.compiler_args[:1] == ["--"] else \
        a.compiler_args
    options = [{"key": o.split("=", 1)[0], "value": o.split("=", 1)[1]}
               for o in a.option]
    project = os.path.abspath(a.project)
    src = os.path.join(a.temp, "src")
    build = os.path.join(a.temp, "build")
    summaries = os.path.join(build, ".nplusone")
    if a.phase == "all":
        shutil.rmtree(a.temp, ignore_errors=True)
        copy_project(project, src)
        files = write_compdb(src, build, extra)
        for path in files:
            run_tidy(a, build, path, config(summaries, True, options))
    else:
        with open(os.path.join(build, "compile_commands.json")) as f:
            files = [e["file"] for e in json.load(f)]
    for path in files:
        check_file(a, project, path,
                   run_tidy(a, build, path, config(summaries, False, options)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
