# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Whole-program mode for tools/nplusone-run.py: which summary files are
missing or stale, the clang-tidy configuration that writes them, and which
files must be checked again because a summary they depend on changed.

A summary file (one per translation unit, written by the module with the
WriteSummaries option) records the SHA-1 of every source it was built from;
it is current when each still has that hash and the unit's compile command
is the one it was written with. A file is checked again when its own
sources, its command, the run's settings or the summary of a unit it calls
into (directly or further down) changed; otherwise the output of its last
check is shown again.
"""

import hashlib
import json
import os

SUMMARY_SUFFIX = ".nplusone.json"
INDEX_NAME = "index.nplusone-index"
SUMMARY_VERSION = 3
STATE_DIR = "run-cache"


def sha1(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def file_sha1(path):
    try:
        with open(path, "rb") as f:
            return sha1(f.read())
    except OSError:
        return None


def summary_file_name(unit):
    """The module's name for the summary of the unit whose main file is
    unit (SummaryFile.cpp: summaryFileName)."""
    return "%s.%s%s" % (os.path.basename(unit), sha1(unit)[:12],
                        SUMMARY_SUFFIX)


def read_summary(path):
    """The summary in path, or None when it is missing, unreadable or not
    of this format version."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != "nplusone-summary" \
            or doc.get("version") != SUMMARY_VERSION:
        return None
    if not isinstance(doc.get("inputs"), list) or \
            not isinstance(doc.get("functions"), list) or \
            not isinstance(doc.get("calls"), list):
        return None
    return doc


def inputs_current(doc):
    for item in doc["inputs"]:
        if not isinstance(item, dict) or \
                file_sha1(item.get("path", "")) != item.get("sha1"):
            return False
    return True


def write_index(summary_dir):
    """Writes the directory's index (SummaryFile.h: SummaryIndexName): each
    summary file's size, modification time, keys and database drivers, so
    that a check reads only the summaries of the functions it calls. A file
    that is not a summary is listed without keys: the index still describes
    the directory, and nothing points at that file."""
    files = {}
    for name in sorted(os.listdir(summary_dir)):
        path = os.path.join(summary_dir, name)
        if not name.endswith(SUMMARY_SUFFIX) or not os.path.isfile(path):
            continue
        st = os.stat(path)
        doc = read_summary(path)
        keys = [f["key"] for f in (doc or {}).get("functions", [])
                if isinstance(f, dict) and isinstance(f.get("key"), str)]
        drivers = [d for d in (doc or {}).get("drivers", [])
                   if isinstance(d, str)]
        files[name] = {"size": st.st_size, "mtime": st.st_mtime_ns,
                       "keys": keys, "drivers": drivers}
    path = os.path.join(summary_dir, INDEX_NAME)
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"format": "nplusone-summary-index", "version": 1,
                   "files": files}, f)
    os.replace(tmp, path)


class State:
    """The run's memory between runs, in DIR/run-cache/: per unit, the
    command its summary was written with, and the key and output of its
    last check."""

    def __init__(self, summary_dir):
        self.dir = os.path.join(summary_dir, STATE_DIR)

    def _path(self, unit, kind):
        return os.path.join(self.dir, "%s.%s.json" % (
            summary_file_name(unit)[:-len(SUMMARY_SUFFIX)], kind))

    def load(self, unit, kind):
        try:
            with open(self._path(unit, kind), encoding="utf-8") as f:
                value = json.load(f)
            return value if isinstance(value, dict) else None
        except (OSError, ValueError):
            return None

    def save(self, unit, kind, value):
        os.makedirs(self.dir, exist_ok=True)
        path = self._path(unit, kind)
        tmp = "%s.tmp-%d" % (path, os.getpid())
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(value, f)
        os.replace(tmp, path)


def command_digest(entry):
    """The compile command of a compile database entry, as a hash."""
    args = entry.get("arguments") or entry.get("command") or ""
    return sha1(json.dumps([entry.get("directory"), args], sort_keys=True))


def stale_units(summary_dir, units, state):
    """The units (main file -> compile database entry) whose summary is
    missing, unusable or stale: a source changed, or the unit's command
    differs from the one this directory's runs wrote it with. A summary
    copied in from elsewhere (a shard) has no such record: its sources
    decide, and its command is recorded from then on."""
    stale = []
    for unit, entry in units.items():
        doc = read_summary(os.path.join(summary_dir, summary_file_name(unit)))
        known = state.load(unit, "summary")
        command = command_digest(entry)
        if doc is None or not inputs_current(doc) or \
                (known is not None and known.get("command") != command):
            stale.append(unit)
        elif known is None:
            state.save(unit, "summary", {"command": command})
    return stale


class Dependencies:
    """What each unit's findings depend on in other units: the summaries of
    the functions it calls there (its summary lists their keys under
    'calls'), and of the functions those call, transitively."""

    def __init__(self, summary_dir):
        self.docs = {}
        self.records = {}
        try:
            names = sorted(os.listdir(summary_dir))
        except OSError:
            names = []
        for name in names:
            if not name.endswith(SUMMARY_SUFFIX):
                continue
            doc = read_summary(os.path.join(summary_dir, name))
            if doc is None or not isinstance(doc.get("unit"), str):
                continue
            self.docs[doc["unit"]] = doc
            for f in doc["functions"]:
                if isinstance(f, dict) and isinstance(f.get("key"), str):
                    self.records.setdefault(f["key"], f)

    def callee_digests(self, unit):
        """Key and summary of every function of other units the unit's
        findings can depend on; a function without a summary (it runs no
        query) counts too, so that it gaining one is a change."""
        doc = self.docs.get(unit)
        todo = list(doc["calls"]) if doc else []
        seen = {}
        while todo:
            key = todo.pop()
            if not isinstance(key, str) or key in seen:
                continue
            record = self.records.get(key)
            seen[key] = sha1(json.dumps(record, sort_keys=True))
            if not isinstance(record, dict):
                continue
            for call in record.get("calls") or []:
                if isinstance(call, dict):
                    todo.append(call.get("key"))
            rows = record.get("rows")
            if isinstance(rows, dict) and rows.get("rowsOf"):
                todo.append(rows["rowsOf"])
        return sorted(seen.items())

    def check_key(self, unit, settings):
        """What a unit's findings depend on: its own sources, the summaries
        of its callees in other units, and the run's settings."""
        own = self.docs.get(unit)
        parts = [settings, json.dumps(own["inputs"], sort_keys=True)
                 if own else "no summary"]
        parts += ["%s:%s" % item for item in self.callee_digests(unit)]
        return sha1("\n".join(parts))


def set_check_options(config, options):
    """config (a parsed --dump-config) with options set in CheckOptions,
    which clang-tidy dumps as a list of key/value pairs or as a mapping."""
    config = dict(config or {})
    current = config.get("CheckOptions") or {}
    if isinstance(current, list):
        current = {o.get("key"): o.get("value") for o in current
                   if isinstance(o, dict)}
    merged = dict(current)
    # A dump names each check's own copy of a module-wide option
    # (nplusone-query-in-loop.WriteSummaries): set those too.
    for key in list(merged):
        name = str(key).rsplit(".", 1)[-1]
        if name in options:
            merged[key] = options[name]
    merged.update(options)
    config["CheckOptions"] = [{"key": k, "value": v}
                              for k, v in sorted(merged.items())]
    return config
