#!/usr/bin/env python3
"""Writes ROOT/build/compile_commands.json for every .c and .cpp file under
ROOT/src, the way build systems do: C files as 'arguments' with a path
relative to the build directory, C++ files as a 'command' string with an
absolute path.

  make-compdb.py ROOT
"""
import json
import os
import shlex
import sys

root = os.path.abspath(sys.argv[1])
build = os.path.join(root, "build")
os.makedirs(build, exist_ok=True)
entries = []
for dirpath, dirnames, files in os.walk(os.path.join(root, "src")):
    dirnames.sort()
    for name in sorted(files):
        path = os.path.join(dirpath, name)
        if name.endswith(".c"):
            rel = os.path.relpath(path, build)
            entries.append({"directory": build, "file": rel,
                            "arguments": ["cc", "-std=c11", "-c", rel,
                                          "-o", name + ".o"]})
        elif name.endswith(".cpp"):
            entries.append({"directory": build, "file": path,
                            "command": "c++ -std=c++17 -c %s -o %s.o" %
                                       (shlex.quote(path), name)})
with open(os.path.join(build, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=2)
    out.write("\n")
