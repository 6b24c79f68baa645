#!/usr/bin/env python3
"""Damages the summary file of one unit in a summary directory, the ways a
file can arrive broken: cut short, not JSON, another format version,
another tool's JSON, a field missing.

  damage-summary.py DIR UNIT-NAME truncate|garbage|version|alien|field
  damage-summary.py DIR UNIT-NAME pipe PATH

'pipe' points every file the summary names (its inputs, the places of its
notes) at PATH, a FIFO: a reader that opened it would block.
"""
import json
import os
import sys

folder, unit, how = sys.argv[1:4]
names = [n for n in os.listdir(folder)
         if n.startswith(unit + ".") and n.endswith(".nplusone.json")]
if len(names) != 1:
    sys.exit("damage-summary: no single summary of %s in %s" % (unit, folder))
path = os.path.join(folder, names[0])
# Every damage starts from the file as the module wrote it.
intact = path + ".intact"
if not os.path.exists(intact):
    os.rename(path, intact)
with open(intact, encoding="utf-8") as f:
    text = f.read()
if how == "truncate":
    text = text[:len(text) // 2]
elif how == "garbage":
    text = "\x00\x01 not a summary \xff"
elif how == "version":
    doc = json.loads(text)
    doc["version"] = 99
    text = json.dumps(doc)
elif how == "alien":
    text = json.dumps({"name": "package.json", "version": "1.0.0"})
elif how == "pipe":
    doc = json.loads(text)
    for item in doc["inputs"]:
        item["path"] = sys.argv[4]
    text = json.dumps(doc).replace(json.dumps(doc["unit"]),
                                   json.dumps(sys.argv[4]))
elif how == "field":
    doc = json.loads(text)
    for f in doc["functions"]:
        if "query" in f:
            del f["query"]["depth"]
    text = json.dumps(doc)
else:
    sys.exit("damage-summary: unknown damage %r" % how)
with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(text)
