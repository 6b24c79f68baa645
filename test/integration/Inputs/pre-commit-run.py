#!/usr/bin/env python3
"""Runs a hook of a .pre-commit-hooks.yaml the way pre-commit does for a
'script' hook, without pre-commit: in the current git repository, on the
staged files whose type matches the hook's types_or, with the entry
resolved in the hook's repository and the configured args before the file
names. Prints the file names passed, then the hook's output; exits with the
hook's status.

  pre-commit-run.py HOOK_REPO HOOK_ID [ARG...]
"""
import importlib.util
import os
import shlex
import subprocess
import sys

# The file types of pre-commit's identify library that matter here.
TYPES = {
    ".c": {"c"}, ".h": {"c", "c++", "header"},
    ".cc": {"c++"}, ".cpp": {"c++"}, ".cxx": {"c++"}, ".c++": {"c++"},
    ".hh": {"c++", "header"}, ".hpp": {"c++", "header"},
    ".hxx": {"c++", "header"}, ".h++": {"c++", "header"},
    ".ipp": {"c++"}, ".inl": {"c++"},
}


def main():
    hook_repo, hook_id, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        "nplusone_sarif", os.path.join(here, "..", "..", "..", "tools",
                                       "nplusone-sarif.py"))
    yaml_reader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(yaml_reader)
    with open(os.path.join(hook_repo, ".pre-commit-hooks.yaml")) as f:
        hooks = yaml_reader.parse_yaml_documents(f.read())[0]
    hook = [h for h in hooks if h.get("id") == hook_id]
    if len(hook) != 1:
        sys.exit("pre-commit-run: no hook '%s'" % hook_id)
    hook = hook[0]
    for key in ("id", "name", "entry", "language"):
        if not hook.get(key):
            sys.exit("pre-commit-run: hook lacks '%s'" % key)
    if hook["language"] != "script":
        sys.exit("pre-commit-run: language %s is not emulated" %
                 hook["language"])
    wanted = set(hook.get("types_or") or [])
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only", "--diff-filter=ACMR",
         "-z"], stdout=subprocess.PIPE, check=True).stdout.decode()
    files = [f for f in staged.split("\0") if f and
             (not wanted or
              TYPES.get(os.path.splitext(f)[1].lower(), set()) & wanted)]
    if not files:
        print("(no files to check)")
        return 0
    entry = shlex.split(hook["entry"])
    entry[0] = os.path.join(hook_repo, entry[0])
    print("files: " + " ".join(files))
    sys.stdout.flush()
    return subprocess.call(entry + list(hook.get("args") or []) + args +
                           files, stderr=subprocess.STDOUT)


if __name__ == "__main__":
    sys.exit(main())
