#!/usr/bin/env python3
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

Python 3 standard library only.
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
# The release of nplusone-tidy this exporter belongs to.
TOOL_VERSION = "0.1.0"
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
# A small YAML reader: the block subset that clang-tidy's --export-fixes and
# PyYAML (run-clang-tidy's merged -export-fixes) write. Block mappings and
# sequences, plain, single- and double-quoted scalars over several lines,
# literal and folded block scalars, simple flow collections, several
# documents. Scalars are returned as strings (None for an empty value).
# ---------------------------------------------------------------------------

_KEY_RE = re.compile(r"""^(?P<key>'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|"""
                     r"""[^\s'"\[\]{}#&*!|>%@`,?:-][^:#]*?|-[^\s:#][^:#]*?)"""
                     r"""\s*:(?:[ \t]+(?P<rest>.*))?$""")
_DQ_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t",
               "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
               " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
               "_": "\xa0", "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


class _YamlReader:
    def __init__(self, lines, where, first_line=0):
        self.lines = lines
        self.pos = 0
        self.where = where
        self.first_line = first_line

    def error(self, msg):
        raise InputError("%s:%d: %s" % (self.where,
                                        self.first_line + self.pos + 1, msg))

    @staticmethod
    def indent_of(line):
        return len(line) - len(line.lstrip(" "))

    def skip_blank(self):
        while self.pos < len(self.lines):
            s = self.lines[self.pos].strip()
            if s and not s.startswith("#"):
                return True
            self.pos += 1
        return False

    def parse_node(self, min_indent):
        """The block node starting at the next non-blank line, if it is
        indented at least min_indent; None otherwise."""
        if not self.skip_blank():
            return None
        line = self.lines[self.pos]
        indent = self.indent_of(line)
        if indent < min_indent:
            return None
        content = line[indent:]
        if content == "-" or content.startswith("- "):
            return self.parse_sequence(indent)
        if _KEY_RE.match(content):
            return self.parse_mapping(indent)
        return self.parse_value(content, min_indent - 1)

    def parse_sequence(self, indent):
        items = []
        while self.skip_blank():
            line = self.lines[self.pos]
            if self.indent_of(line) != indent:
                break
            content = line[indent:]
            if not (content == "-" or content.startswith("- ")):
                break
            rest = content[1:]
            stripped = rest.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                self.pos += 1
                items.append(self.parse_node(indent + 1))
                continue
            # "- key: value": the item is a node whose first line starts
            # after the dash; rewrite that line and parse it as such.
            inner = indent + 1 + len(rest) - len(stripped)
            self.lines[self.pos] = " " * inner + stripped
            items.append(self.parse_node(inner))
        return items

    def parse_mapping(self, indent):
        result = {}
        while self.skip_blank():
            line = self.lines[self.pos]
            if self.indent_of(line) != indent:
                if self.indent_of(line) > indent:
                    self.error("unexpected indentation")
                break
            m = _KEY_RE.match(line[indent:])
            if not m:
                break
            key = self.scalar_text(m.group("key"))
            rest = m.group("rest") or ""
            if not rest.strip() or rest.lstrip().startswith("#"):
                self.pos += 1
                # The value is a block below, more indented, or a sequence
                # at the key's own indentation.
                if not self.skip_blank():
                    result[key] = None
                    continue
                nxt = self.lines[self.pos]
                ni = self.indent_of(nxt)
                if ni > indent or (ni == indent and
                                   (nxt[ni:] == "-" or
                                    nxt[ni:].startswith("- "))):
                    result[key] = self.parse_node(ni)
                else:
                    result[key] = None
            else:
                result[key] = self.parse_value(rest, indent)
        return result

    def scalar_text(self, token):
        if token.startswith("'"):
            return _fold(token[1:-1], double=False)
        if token.startswith('"'):
            return _fold(token[1:-1], double=True)
        return _fold(token.strip(), double=False, plain=True)

    def parse_value(self, text, parent_indent):
        """A scalar or flow collection starting at `text` in the current
        line; continuation lines are consumed."""
        text = text.strip()
        if text.startswith("!"):
            # A tag (!!int "12", !!str x): the value is read as it is.
            tag, _, text = text.partition(" ")
            text = text.strip()
        if text.startswith(("'", '"')):
            return self.quoted(text)
        if text.startswith(("[", "{")):
            return self.flow(text)
        if text.startswith(("|", ">")):
            return self.block_scalar(text, parent_indent)
        # Plain scalar, possibly continued on more indented lines.
        parts = [_strip_comment(text)]
        self.pos += 1
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if line.strip() == "":
                parts.append("")
                self.pos += 1
                continue
            if self.indent_of(line) <= parent_indent or \
                    line.strip().startswith("#"):
                break
            parts.append(_strip_comment(line.strip()))
            self.pos += 1
        while parts and parts[-1] == "":
            parts.pop()
        value = _fold("\n".join(parts), double=False, plain=True)
        if value in ("", "~", "null", "Null", "NULL"):
            return None
        return value

    def quoted(self, text):
        quote = text[0]
        raw = text[1:]
        start = self.pos
        while True:
            end = _closing_quote(raw, quote)
            if end is not None:
                break
            self.pos += 1
            if self.pos >= len(self.lines):
                self.pos = start
                self.error("unterminated %s-quoted scalar" %
                           ("double" if quote == '"' else "single"))
            raw += "\n" + self.lines[self.pos]
        after = raw[end + 1:].strip()
        if after and not after.startswith("#"):
            self.error("unexpected text after a quoted scalar: %r" % after)
        self.pos += 1
        return _fold(raw[:end], double=quote == '"')

    def flow(self, text):
        start = self.pos
        depth, buf = 0, text
        while True:
            depth = _flow_depth(buf)
            if depth <= 0:
                break
            self.pos += 1
            if self.pos >= len(self.lines):
                self.pos = start
                self.error("unterminated flow collection")
            buf += " " + self.lines[self.pos].strip()
        self.pos += 1
        value, rest = _parse_flow(buf.strip(), 0, self)
        if buf.strip()[rest:].strip() and \
                not buf.strip()[rest:].strip().startswith("#"):
            self.error("unexpected text after a flow collection")
        return value

    def block_scalar(self, header, parent_indent):
        literal = header[0] == "|"
        chomp = "-" if "-" in header else ("+" if "+" in header else "")
        digit = re.search(r"[1-9]", header.split("#")[0])
        self.pos += 1
        body = []
        indent = max(parent_indent, 0) + int(digit.group(0)) if digit \
            else None
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if line.strip() == "":
                body.append("")
                self.pos += 1
                continue
            li = self.indent_of(line)
            if li <= parent_indent:
                break
            if indent is None:
                indent = li
            if li < indent:
                break
            body.append(line[indent:])
            self.pos += 1
        trailing = 0
        while body and body[-1] == "":
            body.pop()
            trailing += 1
        if literal:
            text = "\n".join(body)
        else:
            # Breaks between two lines that start with text fold: one is a
            # space, each empty line between them a newline; breaks next to
            # more indented lines are kept.
            text, prev, empties = "", None, 0
            for line in body:
                if line == "":
                    empties += 1
                    continue
                if prev is None:
                    text = "\n" * empties
                elif prev[:1] not in (" ", "\t") and \
                        line[:1] not in (" ", "\t"):
                    text += " " if empties == 0 else "\n" * empties
                else:
                    text += "\n" * (empties + 1)
                text += line
                prev, empties = line, 0
        if not body:
            return "\n" * trailing if chomp == "+" else ""
        if chomp == "-":
            return text
        if chomp == "+":
            return text + "\n" * (1 + trailing)
        return text + "\n"


def _strip_comment(text):
    m = re.search(r"\s#", text)
    return (text[:m.start()] if m else text).rstrip()


def _closing_quote(raw, quote):
    i = 0
    while i < len(raw):
        c = raw[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and i + 1 < len(raw) and raw[i + 1] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _fold(s, double, plain=False):
    """The value of a quoted (or plain) scalar's text: line breaks folded
    as YAML does (one break is a space, each empty line a newline), and the
    escapes of its style decoded."""
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if double and c == "\\" and i + 1 < n:
            e = s[i + 1]
            if e == "\n":
                # An escaped line break joins the lines with nothing.
                i += 2
                while i < n and s[i] in " \t":
                    i += 1
                continue
            if e in _HEX_ESCAPES:
                width = _HEX_ESCAPES[e]
                digits = s[i + 2:i + 2 + width]
                try:
                    out.append(chr(int(digits, 16)))
                except ValueError:
                    raise InputError("bad escape \\%s%s" % (e, digits))
                i += 2 + width
                continue
            if e not in _DQ_ESCAPES:
                raise InputError("unknown escape \\%s" % e)
            out.append(_DQ_ESCAPES[e])
            i += 2
            continue
        if not double and not plain and c == "'" and i + 1 < n and \
                s[i + 1] == "'":
            out.append("'")
            i += 2
            continue
        if c in " \t\n":
            j = i
            while j < n and s[j] in " \t\n":
                j += 1
            run = s[i:j]
            breaks = run.count("\n")
            if breaks == 0:
                out.append(run)
            elif breaks == 1:
                out.append(" ")
            else:
                out.append("\n" * (breaks - 1))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _flow_depth(text):
    depth, quote, i = 0, None, 0
    while i < len(text):
        c = text[i]
        if quote:
            if quote == '"' and c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        elif c == "#" and (i == 0 or text[i - 1] in " \t"):
            break
        i += 1
    return depth


def _parse_flow(text, i, reader):
    """Parses a flow node at text[i]; returns (value, next index)."""
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        reader.error("unexpected end of a flow collection")
    c = text[i]
    if c in "[{":
        close = "]" if c == "[" else "}"
        items = [] if c == "[" else {}
        i += 1
        while True:
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == close:
                return items, i + 1
            key, i = _parse_flow(text, i, reader)
            while i < len(text) and text[i] == " ":
                i += 1
            if c == "{":
                value = None
                if i < len(text) and text[i] == ":":
                    value, i = _parse_flow(text, i + 1, reader)
                items[key] = value
            else:
                items.append(key)
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == ",":
                i += 1
            elif i < len(text) and text[i] == close:
                continue
            else:
                reader.error("bad flow collection")
    if c in "'\"":
        end = _closing_quote(text[i + 1:], c)
        if end is None:
            reader.error("unterminated quoted scalar")
        return _fold(text[i + 1:i + 1 + end], double=c == '"'), i + end + 2
    m = re.compile(r"[^,\[\]{}:]*(?::(?! )[^,\[\]{}:]*)*").match(text, i)
    value = _fold(m.group(0).strip(), double=False, plain=True)
    return (None if value in ("", "~", "null") else value), m.end()


def parse_yaml_documents(text, where="<yaml>"):
    """Every document of a YAML stream, each as Python dicts, lists and
    strings."""
    docs, current, start = [], [], 0
    for number, line in enumerate(
            text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if line.startswith("---") and line[3:4] in ("", " ", "\t"):
            if any(l.strip() for l in current):
                docs.append((start, current))
            rest = line[3:].strip()
            current, start = ([rest], number) if rest else ([], number + 1)
        elif line.rstrip() == "...":
            if any(l.strip() for l in current):
                docs.append((start, current))
            current, start = [], number + 1
        elif line.startswith("%") and not current:
            start = number + 1  # a directive (%YAML 1.2)
        else:
            current.append(line.replace("\t", " ") if not line.strip()
                           else line)
    if any(l.strip() for l in current):
        docs.append((start, current))
    result = []
    for start, lines in docs:
        reader = _YamlReader(lines, where, start)
        node = reader.parse_node(0)
        if reader.skip_blank():
            reader.error("unexpected text: %r" %
                         reader.lines[reader.pos].strip())
        result.append(node)
    return result


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
