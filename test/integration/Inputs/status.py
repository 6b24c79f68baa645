#!/usr/bin/env python3
"""Runs a command, passing its output through, then prints its exit status
on a line of its own and exits 0, so a lit test can check the exact status:

  status.py CMD ARGS... | FileCheck  (CHECK: exit status: 1)
"""
import subprocess
import sys

sys.stdout.flush()
status = subprocess.call(sys.argv[1:], stderr=subprocess.STDOUT)
print("exit status: %d" % status)
