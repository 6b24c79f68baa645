#!/usr/bin/env bash
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Sets up everything, then shows nplusone-tidy at work on the demo backend in
# examples/: first the warnings it reports, then both versions of the demo
# running, with the number of queries each issues and the time each takes.
#
#   utils/demo.sh [--users N]      # extra arguments go to the demo program
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

v=${NPLUSONE_LLVM:-$(nplusone_newest_llvm || echo 14)}
nplusone_ensure_packages $(nplusone_base_packages) $(nplusone_llvm_packages "$v")

dir=${NPLUSONE_BUILD_DIR:-"$NPLUSONE_ROOT/build"}/demo-llvm-$v
mkdir -p "$(dirname "$dir")"
echo "== Building nplusone-tidy (LLVM $v) and the demo backend in $dir"
nplusone_build "$v" "$dir" -DNPLUSONE_BUILD_EXAMPLES=ON >/dev/null

echo
echo "== nplusone-tidy -p $dir -checks='-*,nplusone-*' examples/*.cpp"
cd "$NPLUSONE_ROOT"
# clang-tidy exits non-zero only for errors; warnings are the point here.
"$dir/bin/nplusone-tidy" -p "$dir" -checks='-*,nplusone-*' --quiet \
  examples/*.cpp 2>&1 | grep -v "warnings\? generated" || true

echo
echo "== Running both versions: $dir/examples/shop_demo $*"
"$dir/examples/shop_demo" "$@"
