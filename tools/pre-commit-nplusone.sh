#!/usr/bin/env bash
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# The pre-commit hook's entry (.pre-commit-hooks.yaml, id nplusone-tidy):
# runs the nplusone-* checks on the C and C++ files pre-commit passes (the
# staged ones) and fails the commit when one of them has an N+1 query.
#
#   tools/pre-commit-nplusone.sh [-p BUILD_DIR] [CLANG_TIDY_OPTION=VALUE...] [--] FILE...
#
# BUILD_DIR holds compile_commands.json: -p, else $NPLUSONE_COMPILE_DB, else
# build. The tool is $NPLUSONE_TIDY, else nplusone-tidy on PATH, else
# build/bin/nplusone-tidy of the hook's checkout. Arguments starting with
# '-' go to clang-tidy (write them as --option=value), e.g.
# --load=/path/NPlusOneTidy-llvm19.so with NPLUSONE_TIDY=clang-tidy-19, or
# --config-file=ci/.clang-tidy. Without --checks / --warnings-as-errors the
# hook uses --checks='-*,nplusone-*' --warnings-as-errors='nplusone-*'.
#
# Exit status: clang-tidy's (1 when an N+1 is found or a file does not
# compile), or 2 when the compile database or the tool is missing.
set -uo pipefail

build_dir=${NPLUSONE_COMPILE_DB:-build}
tidy_args=()
files=()
have_checks=0
have_werror=0
while [ $# -gt 0 ]; do
  case $1 in
    -p|--build-dir)
      if [ $# -lt 2 ]; then
        echo "nplusone-tidy hook: $1 needs a directory" >&2
        exit 2
      fi
      build_dir=$2
      shift 2
      continue ;;
    -p=*|--build-dir=*) build_dir=${1#*=} ;;
    --) shift; files+=("$@"); break ;;
    --checks=*|-checks=*) have_checks=1; tidy_args+=("$1") ;;
    --warnings-as-errors=*|-warnings-as-errors=*) have_werror=1; tidy_args+=("$1") ;;
    -*) tidy_args+=("$1") ;;
    *) files+=("$1") ;;
  esac
  shift
done

if [ ${#files[@]} -eq 0 ]; then
  exit 0
fi

if [ ! -f "$build_dir/compile_commands.json" ]; then
  cat >&2 <<EOF
nplusone-tidy hook: no compile_commands.json in '$build_dir'.
  Generate it (cmake -B $build_dir -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or
  bear -- make), or point the hook at it: args: [-p, <dir>] in
  .pre-commit-config.yaml, or NPLUSONE_COMPILE_DB=<dir>.
EOF
  exit 2
fi

tidy=${NPLUSONE_TIDY:-}
if [ -z "$tidy" ]; then
  if command -v nplusone-tidy >/dev/null 2>&1; then
    tidy=nplusone-tidy
  else
    tidy="$(cd "$(dirname "$0")/.." && pwd)/build/bin/nplusone-tidy"
  fi
fi
if ! command -v "$tidy" >/dev/null 2>&1; then
  cat >&2 <<EOF
nplusone-tidy hook: cannot run '$tidy'.
  Install nplusone-tidy on PATH, or set NPLUSONE_TIDY to its path (or to a
  clang-tidy-N with args: [--load=/path/NPlusOneTidy-llvmN.so]).
EOF
  exit 2
fi

[ $have_checks -eq 1 ] || tidy_args=("--checks=-*,nplusone-*" "${tidy_args[@]}")
[ $have_werror -eq 1 ] || tidy_args=("--warnings-as-errors=nplusone-*" "${tidy_args[@]}")

# clang-tidy's "N warnings generated." and (LLVM 15+) "[1/2] Processing
# file ..." lines are noise in a hook's output.
filter_noise() {
  grep -v -E '^[0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? generated\.$|^\[[0-9]+/[0-9]+\] Processing file |^Suppressed [0-9]+ warnings|^Use -header-filter=|^Use -system-headers' || true
}
{ "$tidy" -p "$build_dir" --quiet "${tidy_args[@]}" "${files[@]}" 2>&1 1>&3 3>&- \
    | filter_noise >&2
  status=${PIPESTATUS[0]}
} 3>&1
if [ "$status" -ne 0 ]; then
  echo "nplusone-tidy hook: failed (status $status). Batch the queries as the notes suggest;" \
       "a reviewed exception can be kept with // NOLINT(nplusone-<check>)." >&2
fi
exit "$status"
