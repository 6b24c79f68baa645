#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Runs nplusone-tidy over a project's compile_commands.json in parallel,
prints progress and the findings, merges the --export-fixes of every file,
and can write SARIF 2.1.0 (with a baseline) directly.

By default the run is whole-program: it first brings the summary of every
unit up to date in BUILD/.nplusone (only units whose sources or compile
command changed are summarised again), then checks the files with those
summaries, so a loop in one file that calls a query in another is found. A
file whose sources and callees' summaries did not change since the last run
shows its last findings again instead of being checked again.

  tools/nplusone-run.py -p build -j 8                       # report
  tools/nplusone-run.py -p build -j 8 --sarif nplusone.sarif \\
      --export-fixes nplusone-fixes.yaml                    # CI artifacts
  tools/nplusone-run.py -p build --baseline nplusone-baseline.json \\
      --fail-on-findings                                    # gate new N+1s
  tools/nplusone-run.py -p build src/orders/ 'src/.*_repo\\.cpp'  # some files

FILE arguments are regular expressions searched in each file's absolute
path (as run-clang-tidy takes them). Without --checks the module's checks
run ('-*,nplusone-*'); CheckOptions still come from the project's
.clang-tidy. Any other clang-tidy option goes through --tidy-arg, e.g.
--tidy-arg=--config-file=ci/.clang-tidy or --tidy-arg=--extra-arg=-DCI.

The clang-tidy to run is --clang-tidy, else $NPLUSONE_TIDY, else
nplusone-tidy on PATH, else build/bin/nplusone-tidy of this checkout. With
--load=PLUGIN, run a clang-tidy of the plugin's LLVM major version.

Exit status: 1 when a file could not be analysed (clang-tidy failed, e.g.
on a compile error) or, with --fail-on-findings, when findings remain after
the baseline; 2 on a usage error; 0 otherwise.

  tools/nplusone-run.py -p build --summaries-only           # pre-build step
  tools/nplusone-run.py -p build --per-file                 # one file at a time

Python 3 and PyYAML (Debian's python3-yaml, as nplusone-sarif.py).
"""

import argparse
import concurrent.futures
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))


def load_module(name, file_name):
    """A module of tools/ by file name (nplusone-sarif.py has a dash)."""
    spec = importlib.util.spec_from_file_location(
        name, os.path.join(HERE, file_name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sarif = load_module("nplusone_sarif", "nplusone-sarif.py")
summaries = load_module("nplusone_summaries", "nplusone_summaries.py")

NOISE_RE = re.compile(r"^(\d+ warnings?( and \d+ errors?)? generated\.|"
                      r"\d+ errors? generated\.|"
                      r"\[\d+/\d+\] Processing file .*|"
                      r"Suppressed \d+ warnings? .*|"
                      r"Use -header-filter=.*|"
                      r"Use -system-headers .*)$")


def fail(msg):
    sys.stderr.write("nplusone-run: error: %s\n" % msg)
    sys.exit(2)


def find_tidy(explicit):
    candidates = [explicit] if explicit else \
        [os.environ.get("NPLUSONE_TIDY"), shutil.which("nplusone-tidy"),
         os.path.join(os.path.dirname(HERE), "build", "bin",
                      "nplusone-tidy")]
    for c in candidates:
        if not c:
            continue
        path = shutil.which(c) or (c if os.path.isfile(c) else None)
        if path and os.access(path, os.X_OK):
            return os.path.abspath(path)
        if explicit:
            fail("cannot run --clang-tidy %s: not an executable" % c)
    fail("nplusone-tidy not found: pass --clang-tidy PATH, set NPLUSONE_TIDY "
         "or put nplusone-tidy on PATH")


def tidy_version(tidy):
    try:
        out = subprocess.run([tidy, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT,
                             universal_newlines=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as e:
        fail("cannot run %s --version: %s" % (tidy, e))
    m = re.search(r"LLVM version (\S+)", out)
    return m.group(1) if m else None


def compile_database_files(build_dir, patterns):
    """The files of the compile database matching patterns, and every unit
    of it (main file -> entry)."""
    db_path = os.path.join(build_dir, "compile_commands.json")
    try:
        with open(db_path, encoding="utf-8") as f:
            entries = json.load(f)
    except OSError as e:
        fail("cannot read %s: %s (generate it with cmake "
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear -- make)" %
             (db_path, e.strerror))
    except ValueError as e:
        fail("%s is not JSON: %s" % (db_path, e))
    if not isinstance(entries, list):
        fail("%s is not a list of compile commands" % db_path)
    regexes = []
    for p in patterns:
        try:
            regexes.append(re.compile(p))
        except re.error as e:
            fail("bad file pattern %r: %s" % (p, e))
    files, units = [], {}
    for e in entries:
        if not isinstance(e, dict) or "file" not in e:
            fail("%s: an entry without 'file'" % db_path)
        path = os.path.normpath(os.path.join(
            e.get("directory") or build_dir, e["file"]))
        if path in units:
            continue
        units[path] = e
        if regexes and not any(r.search(path) for r in regexes):
            continue
        files.append(path)
    return files, units


def display(path):
    rel = os.path.relpath(path)
    return path if rel.startswith(os.pardir) else rel


# --- the merged --export-fixes file ---------------------------------------

_PLAIN_RE = re.compile(r"\d+|[A-Za-z][\w.+-]*")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value):
    if value is None:
        return "''"
    s = str(value)
    if _PLAIN_RE.fullmatch(s) and s.lower() not in _RESERVED:
        return s
    if all(c.isprintable() for c in s):
        return "'" + s.replace("'", "''") + "'"
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif c.isprintable():
            out.append(c)
        elif ord(c) < 0x100:
            out.append("\\x%02X" % ord(c))
        elif ord(c) < 0x10000:
            out.append("\\u%04X" % ord(c))
        else:
            out.append("\\U%08X" % ord(c))
    return '"' + "".join(out) + '"'


def yaml_lines(value, indent):
    """Block YAML lines for a mapping or sequence, in clang-tidy's layout."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        width = max(len(k) for k in value) + 2 if value else 0
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append("%s%s:" % (pad, k))
                lines += yaml_lines(v, indent + 2)
            else:
                inline = "[]" if isinstance(v, list) else \
                    "{}" if isinstance(v, dict) else yaml_scalar(v)
                lines.append("%s%s%s" % (pad, (k + ":").ljust(width),
                                         inline))
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                sub = yaml_lines(item, indent + 2)
                sub[0] = pad + "- " + sub[0][indent + 2:]
                lines += sub
            else:
                lines.append("%s- %s" % (pad, "[]" if isinstance(item, list)
                                         else "{}" if isinstance(item, dict)
                                         else yaml_scalar(item)))
    return lines


def diagnostic_key(d):
    msg = d.get("DiagnosticMessage") or {}
    path = sarif._resolve(msg.get("FilePath") or "",
                          d.get("BuildDirectory") or "")
    return (d.get("DiagnosticName"), path, str(msg.get("FileOffset")),
            msg.get("Message"))


def write_export_fixes(path, diags):
    doc = {"MainSourceFile": "", "Diagnostics": diags}
    text = "---\n" + "\n".join(yaml_lines(doc, 0)) + "\n...\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


# --- running ----------------------------------------------------------------

def run_tidy(cmd, timeout):
    """Runs one clang-tidy command: its output, and what went wrong (None
    when nothing did)."""
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
        status = proc.returncode
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        problem = None
        if status < 0 or "Stack dump:" in err or \
                "PLEASE submit a bug report" in err:
            problem = "crashed (status %d)" % status
        elif status != 0:
            problem = "exited with status %d" % status
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        problem = "timed out after %s s" % timeout
    except OSError as e:
        out, err = "", ""
        problem = "could not be started: %s" % e.strerror
    err = "\n".join(l for l in err.splitlines()
                    if not NOISE_RE.match(l.strip()))
    return out, err, problem


def run_parallel(jobs, work, items):
    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        futures = [pool.submit(work, i, item) for i, item in enumerate(items)]
        try:
            for fut in futures:
                fut.result()
        except KeyboardInterrupt:
            for fut in futures:
                fut.cancel()
            raise


class Runner:
    def __init__(self, args, tidy, files, tmpdir, whole=None):
        self.args = args
        self.tidy = tidy
        self.files = files
        self.tmpdir = tmpdir
        self.whole = whole   # WholeProgram, or None
        self.lock = threading.Lock()
        self.done = 0
        self.replayed = 0
        self.failures = []   # (file, description)

    def command(self, index, path):
        cmd = [self.tidy, "-p", self.args.build_dir,
               "--export-fixes=" + self.yaml_path(index)]
        if self.args.checks:
            cmd.append("--checks=" + self.args.checks)
        if self.args.load:
            cmd.append("--load=" + self.args.load)
        cmd += self.args.tidy_arg
        if self.whole:
            cmd = self.whole.with_config(cmd, path, write=False)
        cmd.append(path)
        return cmd

    def yaml_path(self, index):
        return os.path.join(self.tmpdir, "%d.yaml" % index)

    def run_one(self, index, path):
        cached = self.whole.cached_check(path) if self.whole else None
        if cached:
            out, err, problem = cached["out"], cached["err"], None
            if cached.get("yaml") is not None:
                with open(self.yaml_path(index), "w", encoding="utf-8") as f:
                    f.write(cached["yaml"])
        else:
            out, err, problem = run_tidy(self.command(index, path),
                                         self.args.timeout)
            if self.whole and not problem:
                yaml_text = None
                if os.path.exists(self.yaml_path(index)):
                    with open(self.yaml_path(index), encoding="utf-8",
                              errors="replace") as f:
                        yaml_text = f.read()
                self.whole.remember_check(path, out, err, yaml_text)
        with self.lock:
            self.replayed += bool(cached)
            self.done += 1
            lines = ["[%d/%d] %s" % (self.done, len(self.files),
                                     display(path))]
            if problem:
                self.failures.append((path, problem))
                lines.append("nplusone-run: %s %s on %s" %
                             (os.path.basename(self.tidy), problem,
                              display(path)))
            if not self.args.quiet:
                for text in (out, err):
                    if text.strip():
                        lines.append(text.rstrip("\n"))
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()

    def run(self):
        run_parallel(self.args.jobs, self.run_one, self.files)

    def merged_diagnostics(self):
        """Every file's export-fixes diagnostics, each once (a header's
        finding is reported by every file that includes it)."""
        diags, seen = [], set()
        for i in range(len(self.files)):
            path = self.yaml_path(i)
            if not os.path.exists(path):
                continue  # clang-tidy writes none for a file without findings
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for d in sarif.export_fixes_diagnostics(text, path):
                key = diagnostic_key(d)
                if key not in seen:
                    seen.add(key)
                    diags.append(d)
        return diags


class WholeProgram:
    """Whole-program mode of a run: brings every unit's summary up to date,
    then gives each check its configuration and, where nothing it depends
    on changed, the output of its last check."""

    def __init__(self, args, tidy, units, enabled=True):
        self.args = args
        self.tidy = tidy
        self.units = units
        # --per-file: the module reads no summaries, not even those an
        # earlier run left in the build directory.
        self.enabled = enabled
        self.dir = args.summary_dir if enabled else "none"
        self.state = summaries.State(self.dir) if enabled else None
        self.lock = threading.Lock()
        self.configs = {}
        self.deps = None
        self.settings = None

    def base_config(self, path):
        """The project's configuration for path, as clang-tidy resolves it
        (.clang-tidy files, --config arguments), once per directory."""
        folder = os.path.dirname(path)
        with self.lock:
            if folder in self.configs:
                return self.configs[folder]
        cmd = [self.tidy, "--dump-config", "-p", self.args.build_dir]
        if self.args.checks:
            cmd.append("--checks=" + self.args.checks)
        if self.args.load:
            cmd.append("--load=" + self.args.load)
        cmd += [a for a in self.args.tidy_arg if a.startswith("--config")]
        out, err, problem = run_tidy(cmd + [path], 120)
        if problem:
            fail("%s --dump-config %s on %s: %s" % (
                os.path.basename(self.tidy), problem, display(path),
                err.strip()))
        try:
            config = sarif.yaml.safe_load(out) or {}
        except sarif.yaml.YAMLError as e:
            fail("cannot read %s --dump-config: %s" %
                 (os.path.basename(self.tidy), e))
        with self.lock:
            self.configs[folder] = config
        return config

    def with_config(self, cmd, path, write):
        """cmd with the configuration that points the module at the summary
        directory (and, to write them, turns WriteSummaries on)."""
        config = summaries.set_check_options(self.base_config(path), {
            "SummaryDirectory": self.dir,
            "WriteSummaries": "true" if write else "false"})
        return [a for a in cmd if not a.startswith("--config")] + \
            ["--config=" + json.dumps(config)]

    def summarize(self, only=None):
        """Writes the summaries that are missing or stale, in parallel: of
        every unit, or of the units in only (a shard of the project)."""
        units = self.units if only is None else \
            {u: self.units[u] for u in only}
        stale = summaries.stale_units(self.dir, units, self.state)
        if stale:
            os.makedirs(self.dir, exist_ok=True)
        done = [0]

        def work(index, unit):
            cmd = [self.tidy, "-p", self.args.build_dir,
                   "--checks=-*,nplusone-query-in-loop"]
            if self.args.load:
                cmd.append("--load=" + self.args.load)
            cmd += self.args.tidy_arg
            cmd = self.with_config(cmd, unit, write=True) + [unit]
            _, err, problem = run_tidy(cmd, self.args.timeout)
            summary = os.path.join(self.dir,
                                   summaries.summary_file_name(unit))
            if os.path.exists(summary):
                self.state.save(unit, "summary", {
                    "command": summaries.command_digest(self.units[unit])})
            with self.lock:
                done[0] += 1
                lines = [] if self.args.quiet else [
                    "[summary %d/%d] %s" % (done[0], len(stale),
                                            display(unit))]
                if problem and not os.path.exists(summary):
                    lines.append("nplusone-run: no summary of %s: %s %s" % (
                        display(unit), os.path.basename(self.tidy), problem))
                if lines:
                    sys.stdout.write("\n".join(lines) + "\n")
                    sys.stdout.flush()

        run_parallel(self.args.jobs, work, stale)
        if os.path.isdir(self.dir):
            summaries.write_index(self.dir)
        # -q keeps to the progress of the checks and the totals.
        if not self.args.quiet:
            sys.stdout.write("nplusone-run: summaries in %s: %d written, %d "
                             "up to date\n" % (display(self.dir), len(stale),
                                               len(units) - len(stale)))
            sys.stdout.flush()
        self.deps = summaries.Dependencies(self.dir)
        try:
            stamp = os.stat(self.tidy).st_mtime_ns
        except OSError:
            stamp = 0
        self.settings = json.dumps([self.tidy, stamp, self.args.checks,
                                    self.args.load, self.args.tidy_arg,
                                    self.dir], sort_keys=True)

    def cached_check(self, path):
        if not self.enabled or self.args.recheck_all:
            return None
        entry = self.state.load(path, "check")
        key = self.deps.check_key(path, self.settings)
        if entry and entry.get("key") == key and \
                isinstance(entry.get("out"), str) and \
                isinstance(entry.get("err"), str):
            return entry
        return None

    def remember_check(self, path, out, err, yaml_text):
        if not self.enabled:
            return
        self.state.save(path, "check", {
            "key": self.deps.check_key(path, self.settings),
            "out": out, "err": err, "yaml": yaml_text})


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Run nplusone-tidy over compile_commands.json in "
        "parallel; merge the fixes; write SARIF.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="regular expressions: only the files of the "
                        "compile database whose path matches one")
    parser.add_argument("-p", "--build-dir", default="build", metavar="DIR",
                        help="the directory holding compile_commands.json "
                        "(default: %(default)s)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="files analysed in parallel (default: the "
                        "number of CPUs, %(default)s)")
    parser.add_argument("--clang-tidy", metavar="PATH",
                        help="nplusone-tidy, or a clang-tidy with --load")
    parser.add_argument("--load", metavar="PLUGIN",
                        help="load the nplusone plugin into --clang-tidy")
    parser.add_argument("--checks", default="-*,nplusone-*",
                        help="clang-tidy's --checks (default: %(default)s; "
                        "--checks= leaves them to .clang-tidy)")
    parser.add_argument("--tidy-arg", action="append", default=[],
                        metavar="ARG", help="one more clang-tidy argument "
                        "(repeatable)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on a file after SECONDS")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only progress and the summary, not the "
                        "findings")
    parser.add_argument("--export-fixes", metavar="FILE",
                        help="write every file's findings and fixes, merged, "
                        "in clang-tidy's --export-fixes YAML")
    parser.add_argument("--sarif", metavar="FILE",
                        help="write the findings as SARIF 2.1.0")
    parser.add_argument("--summary-dir", metavar="DIR",
                        help="the summary directory of whole-program mode "
                        "(default: .nplusone in the build directory)")
    parser.add_argument("--per-file", action="store_true",
                        help="analyse each file on its own: no summaries, "
                        "calls into other files are not followed")
    parser.add_argument("--summaries-only", action="store_true",
                        help="bring the summaries up to date and stop (a "
                        "pre-build step that keeps nplusone-clangd and the "
                        "pre-commit hook current); with FILE patterns, "
                        "only those files' (a shard of the project)")
    parser.add_argument("--recheck-all", action="store_true",
                        help="check every file again, even those whose "
                        "sources and callees' summaries did not change")
    sarif.add_output_options(parser)
    args = parser.parse_args(argv)

    if args.jobs < 1:
        fail("-j must be at least 1")
    args.build_dir = os.path.abspath(args.build_dir)
    tidy = find_tidy(args.clang_tidy)
    version = tidy_version(tidy)
    files, units = compile_database_files(args.build_dir, args.files)
    if not files:
        fail("no file of %s matches" %
             os.path.join(args.build_dir, "compile_commands.json"))
    sys.stdout.write("nplusone-run: %d file%s, %d job%s, %s%s\n" % (
        len(files), "" if len(files) == 1 else "s", args.jobs,
        "" if args.jobs == 1 else "s", tidy,
        " (LLVM %s)" % version if version else ""))
    sys.stdout.flush()

    args.summary_dir = os.path.abspath(
        args.summary_dir or os.path.join(args.build_dir, ".nplusone"))
    # A per-file run needs the module told to leave summaries alone only
    # when there are some to leave alone.
    whole = None
    if not args.per_file or os.path.isdir(args.summary_dir):
        whole = WholeProgram(args, tidy, units, enabled=not args.per_file)
    if args.per_file and args.summaries_only:
        fail("--per-file and --summaries-only exclude each other")
    if not args.per_file:
        try:
            # --summaries-only with FILE patterns: the summaries of those
            # files alone, for a shard of a project split across machines.
            whole.summarize(files if args.summaries_only and args.files
                            else None)
        except KeyboardInterrupt:
            sys.stderr.write("nplusone-run: interrupted\n")
            return 130
        if args.summaries_only:
            return 0

    with tempfile.TemporaryDirectory(prefix="nplusone-run-") as tmpdir:
        runner = Runner(args, tidy, files, tmpdir, whole)
        try:
            runner.run()
        except KeyboardInterrupt:
            sys.stderr.write("nplusone-run: interrupted\n")
            return 130
        try:
            diags = runner.merged_diagnostics()
        except sarif.InputError as e:
            fail(str(e))

    if args.export_fixes:
        write_export_fixes(args.export_fixes, diags)
    findings = sarif.findings_from_diagnostics(diags)
    notifications = [{"level": "error",
                      "message": {"text": "%s %s on %s" % (
                          os.path.basename(tidy), problem, display(path))}}
                     for path, problem in runner.failures]
    invocation = {"executionSuccessful": not runner.failures}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    args.output = args.sarif
    try:
        status = sarif.convert(
            findings, args,
            driver_properties={"llvmVersion": version} if version else None,
            invocation=invocation, log=sys.stdout)
    except sarif.InputError as e:
        fail(str(e))
    counts = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    if runner.replayed:
        sys.stdout.write("nplusone-run: %d file%s unchanged since the last "
                         "run (sources and callees' summaries): findings "
                         "shown again, not recomputed\n" % (
                             runner.replayed,
                             "" if runner.replayed == 1 else "s"))
    sys.stdout.write("nplusone-run: %d file%s analysed, %d finding%s%s%s\n" % (
        len(files), "" if len(files) == 1 else "s", len(findings),
        "" if len(findings) == 1 else "s",
        " (%s)" % ", ".join("%d %s" % (n, r) for r, n in sorted(
            counts.items())) if counts else "",
        ", %d file%s failed" % (len(runner.failures),
                                "" if len(runner.failures) == 1 else "s")
        if runner.failures else ""))
    return 1 if runner.failures or status else 0


if __name__ == "__main__":
    sys.exit(main())
