#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Converts clang-tidy's findings to SARIF 2.1.0, with an optional baseline.

Input: clang-tidy's --export-fixes YAML (one file per translation unit, a
merged file such as run-clang-tidy's -export-fixes output, or several
documents concatenated), or clang-tidy's plain text output. The format is
detected from the content; "-" reads standard input.

  nplusone-tidy -p build --checks='-*,nplusone-*' --export-fixes=fixes.yaml src/a.cpp
  tools/nplusone-sarif.py fixes.yaml --source-root . -o nplusone.sarif
  tools/nplusone-sarif.py fixes.yaml --code-quality gl-code-quality.json  # GitLab

Baseline, for adopting the checks on a code base with existing findings:

  tools/nplusone-sarif.py fixes.yaml --write-baseline nplusone-baseline.json
  tools/nplusone-sarif.py fixes.yaml --baseline nplusone-baseline.json \\
      --fail-on-findings -o nplusone.sarif      # exit 1 only on new findings

A finding's fingerprint is its rule id, its file (relative to --source-root),
its message with whitespace normalised, and the text of its source line, so
a finding keeps its fingerprint when lines are added or removed above it.

Exit status: 0, or 1 with --fail-on-findings when findings remain (after the
baseline), or 2 when the input cannot be read.

Needs Python 3 and PyYAML (Debian's python3-yaml).
"""

import argparse
import collections
import hashlib
import json
import os
import re
import sys
import urllib.parse

TOOL_NAME = "nplusone-tidy"
# The release of nplusone-tidy this exporter belongs to: the VERSION file
# at the root of its source tree, the one place the version is written.
def _read_version():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        os.pardir, "VERSION")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return "unknown"


TOOL_VERSION = _read_version()
PROJECT_URL = "https://github.com/nplusone-tidy/nplusone-tidy"
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/"
                "sarif-schema-2.1.0.json")
SRCROOT = "%SRCROOT%"
BASELINE_FORMAT = "nplusone-baseline/v1"
FINGERPRINT_KEY = "nplusone/v1"

# One line per check, for the rule's shortDescription.
CHECK_SUMMARIES = {
    "nplusone-query-in-loop":
        "A query runs once per row of a loop over another query's rows "
        "(the N+1 query problem).",
    "nplusone-query-per-element":
        "A query runs once per element of a loop over a collection.",
    "nplusone-write-in-loop":
        "An INSERT, UPDATE or DELETE (or a library write API) runs once per "
        "loop iteration.",
    "nplusone-lazy-load-in-loop":
        "An ORM relation is loaded lazily once per row or element of a loop.",
    "nplusone-loop-invariant-query":
        "A query that does not depend on the loop runs on every iteration.",
}
LEVELS = {"warning": "warning", "error": "error", "remark": "note",
          "note": "note", "fatal": "error"}


class InputError(Exception):
    pass


# ---------------------------------------------------------------------------
# YAML, read with PyYAML (Debian's python3-yaml). Scalars stay strings, as
# clang-tidy wrote them, but for an empty value, which is None.
# ---------------------------------------------------------------------------

def _import_yaml():
    try:
        import yaml
    except ImportError:
        # A Python of its own (pyenv, a venv) does not see Debian's packages.
        sys.path.append("/usr/lib/python3/dist-packages")
        try:
            import yaml
        except ImportError:
            sys.exit("nplusone-sarif: error: needs PyYAML; install it with "
                     "'apt-get install python3-yaml'")
    return yaml


yaml = _import_yaml()


class _ExportFixesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader with one implicit type: null. Offsets, messages and
    paths stay the strings clang-tidy wrote."""


_ExportFixesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def parse_yaml_documents(text, where="<yaml>"):
    """Every document of a YAML stream, each as Python dicts, lists and
    strings. Errors name the line of the file they are on."""
    try:
        return list(yaml.load_all(text, Loader=_ExportFixesLoader))
    except yaml.MarkedYAMLError as e:
        mark = e.context_mark or e.problem_mark
        line = "%d: " % (mark.line + 1) if mark else " "
        what = ": ".join(part for part in (e.context, e.problem) if part)
        raise InputError("%s:%s%s" % (where, line, what or "not YAML"))
    except yaml.YAMLError as e:
        raise InputError("%s: %s" % (where, e))


# ---------------------------------------------------------------------------
# Findings: one per clang-tidy diagnostic, with its notes and fix-its.
# ---------------------------------------------------------------------------

class Location:
    def __init__(self, path, offset=None, line=None, column=None):
        self.path = path          # absolute, normalised; "" when none
        self.offset = offset      # byte offset in the file, if known
        self.line = line          # 1-based line, if known
        self.column = column      # 1-based byte column, if known


class Finding:
    def __init__(self, rule, level, message, location):
        self.rule = rule
        self.level = level
        self.message = message
        self.location = location
        self.notes = []           # (message, Location, [Replacement])
        self.fixes = []           # [Replacement] of the diagnostic itself


class Replacement:
    def __init__(self, path, offset, length, text):
        self.path, self.offset, self.length, self.text = \
            path, offset, length, text


def _as_int(value, what):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError("%s is not a number: %r" % (what, value))


def _resolve(path, base):
    if not path:
        return ""
    if not os.path.isabs(path):
        path = os.path.join(base or os.getcwd(), path)
    return os.path.normpath(path)


def _replacements(items, base):
    out = []
    for r in items or []:
        if not isinstance(r, dict):
            raise InputError("a replacement is not a mapping")
        out.append(Replacement(_resolve(r.get("FilePath") or "", base),
                               _as_int(r.get("Offset"), "Offset"),
                               _as_int(r.get("Length"), "Length"),
                               r.get("ReplacementText") or ""))
    return out


def export_fixes_diagnostics(text, where):
    """The diagnostics (as parsed mappings) of every document of an
    --export-fixes file."""
    diags = []
    for doc in parse_yaml_documents(text, where):
        if doc is None:
            continue
        if not isinstance(doc, dict) or "Diagnostics" not in doc:
            raise InputError("%s: not a clang-tidy --export-fixes file (no "
                             "'Diagnostics')" % where)
        for d in doc.get("Diagnostics") or []:
            if not isinstance(d, dict):
                raise InputError("%s: a diagnostic is not a mapping" % where)
            diags.append(d)
    return diags


def findings_from_diagnostics(diags):
    findings = []
    for d in diags:
        base = d.get("BuildDirectory") or ""
        # clang-tidy before LLVM 9 put the message fields directly in the
        # diagnostic.
        msg = d.get("DiagnosticMessage") or d
        notes = d.get("Notes") or []
        if not isinstance(msg, dict) or not isinstance(notes, list) or \
                not all(isinstance(n, dict) for n in notes):
            raise InputError("diagnostic %s is not in clang-tidy's format" %
                             d.get("DiagnosticName"))
        path = _resolve(msg.get("FilePath") or "", base)
        offset = msg.get("FileOffset")
        f = Finding(d.get("DiagnosticName") or "clang-tidy",
                    LEVELS.get(str(d.get("Level") or "Warning").lower(),
                               "warning"),
                    msg.get("Message") or "",
                    Location(path, _as_int(offset, "FileOffset")
                             if path and offset is not None else None))
        f.fixes = _replacements(msg.get("Replacements"), base)
        for n in notes:
            npath = _resolve(n.get("FilePath") or "", base)
            noff = n.get("FileOffset")
            f.notes.append((n.get("Message") or "",
                            Location(npath, _as_int(noff, "FileOffset")
                                     if npath and noff is not None
                                     else None),
                            _replacements(n.get("Replacements"), base)))
        findings.append(f)
    return findings


def findings_from_yaml(text, where):
    return findings_from_diagnostics(export_fixes_diagnostics(text, where))


_TEXT_DIAG_RE = re.compile(
    r"^(?:(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): )?"
    r"(?P<level>warning|error|note|remark|fatal error): (?P<msg>.*?)"
    r"(?: \[(?P<rule>[\w.+-]+(?:,[\w.+-]+)*)\])?$")


def findings_from_text(text, where):
    """clang-tidy's plain output: 'file:line:col: warning: text [check]'
    lines, each followed by its notes; source and caret lines are
    skipped. Fix-its are not in this format."""
    findings = []
    current = None
    for line in text.splitlines():
        m = _TEXT_DIAG_RE.match(line.rstrip("\r"))
        if not m:
            continue
        path = _resolve(m.group("file") or "", os.getcwd())
        loc = Location(path, None,
                       int(m.group("line")) if m.group("line") else None,
                       int(m.group("col")) if m.group("col") else None)
        level = m.group("level")
        if level == "note":
            if current is not None:
                current.notes.append((m.group("msg"), loc, []))
            continue
        rules = [r for r in (m.group("rule") or "").split(",")
                 if r and r != "-warnings-as-errors"]
        if not rules:
            # A compiler message without a check name (e.g. "error: unable
            # to handle compilation") or a summary line.
            rules = ["clang-diagnostic-error" if level != "warning"
                     else "clang-diagnostic-warning"]
        current = Finding(rules[0], LEVELS.get(level.split()[-1], "warning"),
                          m.group("msg"), loc)
        findings.append(current)
    return findings


def expand_inputs(paths):
    """A directory stands for the .yaml files under it (clang-tidy's fixes
    of every object file, as CMake's <LANG>_CLANG_TIDY_EXPORT_FIXES_DIR
    writes them)."""
    out = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for dirpath, dirnames, files in os.walk(path):
                dirnames.sort()
                found += [os.path.join(dirpath, f) for f in sorted(files)
                          if f.endswith((".yaml", ".yml"))]
            out += found
        else:
            out.append(path)
    return out


def read_findings(paths, fmt):
    findings = []
    for path in expand_inputs(paths):
        try:
            if path == "-":
                text, where = sys.stdin.read(), "<stdin>"
            else:
                with open(path, encoding="utf-8", errors="replace") as f:
                    text, where = f.read(), path
        except OSError as e:
            raise InputError("cannot read %s: %s" % (path, e.strerror))
        kind = fmt
        if kind == "auto":
            head = text.lstrip()
            kind = "yaml" if (head.startswith("---") or
                              re.search(r"^\s*(MainSourceFile|Diagnostics):",
                                        text, re.M)) else "text"
        if kind == "yaml":
            findings += findings_from_yaml(text, where)
        else:
            findings += findings_from_text(text, where)
    return findings


# ---------------------------------------------------------------------------
# Source files: offsets to lines and columns, line text for fingerprints.
# ---------------------------------------------------------------------------

class SourceCache:
    def __init__(self):
        self.files = {}

    def load(self, path):
        if path not in self.files:
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                data = None
            starts = None
            if data is not None:
                starts = [0]
                for m in re.finditer(rb"\r\n|\n|\r", data):
                    starts.append(m.end())
            self.files[path] = (data, starts)
        return self.files[path]

    def complete(self, loc):
        """Fills in line and column from the offset, or the offset from
        line and column."""
        if not loc.path:
            return
        data, starts = self.load(loc.path)
        if data is None:
            return
        if loc.offset is not None and loc.line is None:
            off = min(max(loc.offset, 0), len(data))
            lo, hi = 0, len(starts) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if starts[mid] <= off:
                    lo = mid
                else:
                    hi = mid - 1
            loc.line = lo + 1
            loc.column = off - starts[lo] + 1
        elif loc.offset is None and loc.line is not None and \
                loc.line <= len(starts):
            loc.offset = min(starts[loc.line - 1] + (loc.column or 1) - 1,
                             len(data))

    def char_column(self, path, line, byte_column):
        """The 1-based column in Unicode code points of a byte column."""
        data, starts = self.load(path)
        if data is None or line is None or line > len(starts):
            return byte_column
        start = starts[line - 1]
        prefix = data[start:start + byte_column - 1]
        return len(prefix.decode("utf-8", errors="replace")) + 1

    def line_text(self, path, line):
        data, starts = self.load(path)
        if data is None or line is None or line > len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(data)
        return data[start:end].decode("utf-8", errors="replace") \
            .rstrip("\r\n")


# ---------------------------------------------------------------------------
# SARIF.
# ---------------------------------------------------------------------------

def _file_uri(path, directory=False):
    uri = "file://" + urllib.parse.quote(path.replace(os.sep, "/"))
    if directory and not uri.endswith("/"):
        uri += "/"
    return uri


def artifact_location(path, root):
    """(artifactLocation, the path as fingerprinted)."""
    rel = os.path.relpath(path, root)
    if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
        rel = rel.replace(os.sep, "/")
        return {"uri": urllib.parse.quote(rel), "uriBaseId": SRCROOT}, rel
    return {"uri": _file_uri(path)}, path.replace(os.sep, "/")


def normalize_message(message):
    # Whitespace runs, and line:column references, do not make a finding new.
    message = re.sub(r":\d+(:\d+)?\b", ":N", message)
    return " ".join(message.split())


def fingerprint(rule, rel_path, message, line_text):
    key = "\0".join([rule, rel_path, normalize_message(message),
                     " ".join(line_text.split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def rule_help_uri(rule, project_url):
    if rule.startswith("nplusone-"):
        return "%s/blob/main/docs/checks/%s.rst" % (project_url, rule)
    if rule.startswith("clang-diagnostic-"):
        return "https://clang.llvm.org/docs/DiagnosticsReference.html"
    return "https://clang.llvm.org/extra/clang-tidy/checks/list.html"


def rule_full_description(rule):
    """The first paragraph of the check's page in docs/checks/, when this
    script runs from a source tree."""
    page = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "docs", "checks", rule + ".rst")
    try:
        with open(page, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return None
    paras = [p.strip() for p in re.split(r"\n\s*\n", text)]
    for p in paras:
        if p and not p.startswith("..") and not re.match(r"^[=\-~]+$",
                                                         p.splitlines()[-1]):
            return " ".join(p.replace("``", "'").split())
    return None


def make_rule(rule, project_url):
    summary = CHECK_SUMMARIES.get(rule)
    if summary is None:
        summary = ("clang diagnostic '%s'" % rule[len("clang-diagnostic-"):]
                   if rule.startswith("clang-diagnostic-")
                   else "clang-tidy check '%s'" % rule)
    desc = {"id": rule, "name": rule,
            "shortDescription": {"text": summary},
            "helpUri": rule_help_uri(rule, project_url)}
    full = rule_full_description(rule) if rule.startswith("nplusone-") \
        else None
    if full:
        desc["fullDescription"] = {"text": full}
    desc["defaultConfiguration"] = {"level": "warning"}
    if rule.startswith("nplusone-"):
        desc["properties"] = {"tags": ["performance", "database", "n+1"]}
    return desc


def _region(cache, loc, length=None):
    region = {}
    if loc.line is not None:
        region["startLine"] = loc.line
        if loc.column is not None:
            region["startColumn"] = cache.char_column(loc.path, loc.line,
                                                      loc.column)
    if loc.offset is not None:
        region["byteOffset"] = loc.offset
    if length is not None:
        end = Location(loc.path, loc.offset + length)
        cache.complete(end)
        if end.line is not None and "startLine" in region:
            region["endLine"] = end.line
            region["endColumn"] = cache.char_column(end.path, end.line,
                                                    end.column)
        if "byteOffset" in region:
            region["byteLength"] = length
    return region


def _physical(cache, loc, root):
    phys = {"artifactLocation": artifact_location(loc.path, root)[0]}
    region = _region(cache, loc)
    if region:
        phys["region"] = region
    return phys


def _fix(cache, description, replacements, root):
    changes = collections.OrderedDict()
    for r in replacements:
        loc = Location(r.path, r.offset)
        cache.complete(loc)
        changes.setdefault(r.path, []).append({
            "deletedRegion": _region(cache, loc, r.length),
            "insertedContent": {"text": r.text}})
    return {"description": {"text": description},
            "artifactChanges": [
                {"artifactLocation": artifact_location(path, root)[0],
                 "replacements": reps}
                for path, reps in changes.items()]}


def prepare(findings, root, cache):
    """Completes locations, drops duplicates (a header's finding reported
    by several translation units), computes fingerprints; returns
    [(finding, fingerprint)] in a stable order."""
    seen = set()
    out = []
    for f in findings:
        cache.complete(f.location)
        for _, loc, _ in f.notes:
            cache.complete(loc)
        key = (f.rule, f.location.path, f.location.line, f.location.column,
               f.message)
        if key in seen:
            continue
        seen.add(key)
        rel = artifact_location(f.location.path, root)[1] \
            if f.location.path else ""
        fp = fingerprint(f.rule, rel, f.message,
                         cache.line_text(f.location.path, f.location.line)
                         if f.location.path else "")
        out.append((f, fp))
    out.sort(key=lambda p: (p[0].location.path, p[0].location.line or 0,
                            p[0].location.column or 0, p[0].rule,
                            p[0].message))
    return out


def to_sarif(prepared, root, cache, project_url=PROJECT_URL,
             tool_version=TOOL_VERSION, baseline_used=False,
             driver_properties=None, invocation=None):
    rules = sorted({f.rule for f, _ in prepared})
    rule_index = {r: i for i, r in enumerate(rules)}
    results = []
    for f, fp in prepared:
        res = {"ruleId": f.rule, "ruleIndex": rule_index[f.rule],
               "level": f.level, "message": {"text": f.message}}
        if f.location.path:
            res["locations"] = [{"physicalLocation":
                                 _physical(cache, f.location, root)}]
        related = []
        for i, (text, loc, _) in enumerate(f.notes, 1):
            rel = {"id": i, "message": {"text": text}}
            if loc.path:
                rel["physicalLocation"] = _physical(cache, loc, root)
            related.append(rel)
        if related:
            res["relatedLocations"] = related
        fixes = []
        if f.fixes:
            fixes.append(_fix(cache, f.message, f.fixes, root))
        for text, _, reps in f.notes:
            if reps:
                fixes.append(_fix(cache, text, reps, root))
        if fixes:
            res["fixes"] = fixes
        res["partialFingerprints"] = {FINGERPRINT_KEY: fp}
        if baseline_used:
            res["baselineState"] = "new"
        results.append(res)
    driver = {"name": TOOL_NAME, "version": tool_version,
              "informationUri": project_url,
              "rules": [make_rule(r, project_url) for r in rules]}
    if driver_properties:
        driver["properties"] = driver_properties
    run = {"tool": {"driver": driver},
           "originalUriBaseIds": {SRCROOT: {"uri": _file_uri(root, True)}},
           "columnKind": "unicodeCodePoints",
           "results": results}
    if invocation is not None:
        run["invocations"] = [invocation]
    return {"version": SARIF_VERSION, "$schema": SARIF_SCHEMA,
            "runs": [run]}


# ---------------------------------------------------------------------------
# Baseline.
# ---------------------------------------------------------------------------

def write_baseline(path, prepared, root):
    entries = []
    for f, fp in prepared:
        # The line and message are for people reading the file; only the
        # fingerprint is matched.
        entries.append({
            "ruleId": f.rule,
            "file": artifact_location(f.location.path, root)[1]
            if f.location.path else "",
            "line": f.location.line, "message": f.message,
            "fingerprint": fp})
    data = {"format": BASELINE_FORMAT, "tool": TOOL_NAME,
            "findings": entries}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")


def read_baseline(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise InputError("cannot read baseline %s: %s" % (path, e.strerror))
    except ValueError as e:
        raise InputError("baseline %s is not JSON: %s" % (path, e))
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise InputError("%s is not an nplusone baseline (format %s)" %
                         (path, BASELINE_FORMAT))
    return collections.Counter(e.get("fingerprint")
                               for e in data.get("findings", []))


def apply_baseline(prepared, known):
    """Drops the findings the baseline knows, each baseline entry matching
    at most one finding; returns (new findings, how many were dropped)."""
    remaining = collections.Counter(known)
    new, dropped = [], 0
    for f, fp in prepared:
        if remaining[fp] > 0:
            remaining[fp] -= 1
            dropped += 1
        else:
            new.append((f, fp))
    return new, dropped


CODE_QUALITY_SEVERITY = {"error": "critical", "warning": "major",
                         "note": "info", "none": "info"}


def to_code_quality(prepared, root):
    """GitLab's Code Quality report (a subset of the Code Climate format):
    one issue per finding, with a fingerprint unique in the report."""
    issues, seen = [], collections.Counter()
    for f, fp in prepared:
        seen[fp] += 1
        if seen[fp] > 1:
            fp = hashlib.sha256(("%s:%d" % (fp, seen[fp])).encode()) \
                .hexdigest()
        issue = {"description": f.message, "check_name": f.rule,
                 "fingerprint": fp,
                 "severity": CODE_QUALITY_SEVERITY.get(f.level, "major")}
        if f.location.path:
            issue["location"] = {
                "path": artifact_location(f.location.path, root)[1],
                "lines": {"begin": f.location.line or 1}}
        issues.append(issue)
    return issues


def convert(findings, args, driver_properties=None, invocation=None,
            log=sys.stderr):
    """Writes the SARIF and baseline files that args ask for; returns the
    exit status."""
    root = os.path.abspath(args.source_root)
    cache = SourceCache()
    prepared = prepare(findings, root, cache)
    if args.write_baseline:
        write_baseline(args.write_baseline, prepared, root)
        log.write("nplusone-sarif: wrote %d finding%s to baseline %s\n" %
                  (len(prepared), "" if len(prepared) == 1 else "s",
                   args.write_baseline))
    remaining, dropped = prepared, 0
    if args.baseline:
        remaining, dropped = apply_baseline(prepared,
                                            read_baseline(args.baseline))
        log.write("nplusone-sarif: %d finding%s, %d in the baseline, "
                  "%d new\n" % (len(prepared),
                                "" if len(prepared) == 1 else "s",
                                dropped, len(remaining)))
        for f, _ in remaining:
            log.write("new: %s:%s:%s: %s [%s]\n" % (
                artifact_location(f.location.path, root)[1]
                if f.location.path else "<no file>",
                f.location.line, f.location.column, f.message, f.rule))
    if args.output:
        sarif = to_sarif(remaining, root, cache, args.project_url,
                         args.tool_version, bool(args.baseline),
                         driver_properties, invocation)
        text = json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
        if args.output == "-":
            sys.stdout.write(text)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
    if getattr(args, "code_quality", None):
        with open(args.code_quality, "w", encoding="utf-8") as out:
            json.dump(to_code_quality(remaining, root), out, indent=2,
                      ensure_ascii=False)
            out.write("\n")
    if args.fail_on_findings and remaining:
        return 1
    return 0


def add_output_options(parser):
    parser.add_argument("--source-root", default=".", metavar="DIR",
                        help="artifact URIs are relative to DIR (the "
                        "repository's root; default: the current "
                        "directory)")
    parser.add_argument("--code-quality", metavar="FILE",
                        help="also write the findings as a GitLab Code "
                        "Quality report (artifacts:reports:codequality)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="drop the findings recorded in FILE")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="record the findings in FILE (all of them, "
                        "before --baseline is applied)")
    parser.add_argument("--fail-on-findings", action="store_true",
                        help="exit with status 1 when findings remain "
                        "(after --baseline)")
    parser.add_argument("--project-url", default=PROJECT_URL,
                        metavar="URL", help="tool.driver.informationUri, "
                        "and the base of the nplusone rules' helpUri "
                        "(default: %(default)s)")
    parser.add_argument("--tool-version", default=TOOL_VERSION,
                        help=argparse.SUPPRESS)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Convert clang-tidy findings (--export-fixes YAML or "
        "text output) to SARIF 2.1.0.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT",
                        help="export-fixes YAML or clang-tidy output files, "
                        "or directories of .yaml files; - (the default) "
                        "reads standard input")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write SARIF to FILE (- for standard output; "
                        "the default unless --write-baseline or "
                        "--code-quality is given)")
    parser.add_argument("--format", choices=("auto", "yaml", "text"),
                        default="auto", help="input format (default: from "
                        "the content)")
    add_output_options(parser)
    args = parser.parse_args(argv)
    if args.output is None and not args.write_baseline and \
            not args.code_quality:
        args.output = "-"
    try:
        findings = read_findings(args.inputs or ["-"], args.format)
        return convert(findings, args)
    except InputError as e:
        sys.stderr.write("nplusone-sarif: error: %s\n" % e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
