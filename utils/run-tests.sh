#!/usr/bin/env bash
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Sets up everything and runs the whole nplusone-tidy test suite: for each
# supported LLVM version (default: 14 and 19), the lit suite against the
# clang-tidy plugin and against nplusone-tidy; the stress harness; the
# structure check (layers, include cycles, function sizes); then, under
# AddressSanitizer and UndefinedBehaviorSanitizer on the first version, the
# lit suite again and the mutation harness (1,000 mutated inputs).
#
#   utils/run-tests.sh                 # everything
#   NPLUSONE_LLVM_VERSIONS=19 utils/run-tests.sh
#   NPLUSONE_SANITIZE=0 utils/run-tests.sh
#   NPLUSONE_MUTATIONS=200 utils/run-tests.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

versions=${NPLUSONE_LLVM_VERSIONS:-"14 19"}
sanitize=${NPLUSONE_SANITIZE:-1}
packages=($(nplusone_base_packages))
for v in $versions; do packages+=($(nplusone_llvm_packages "$v")); done
nplusone_ensure_packages "${packages[@]}"

builddir=${NPLUSONE_BUILD_DIR:-"$NPLUSONE_ROOT/build"}
mkdir -p "$builddir"
passed=0
failed=0
failures=()

# Runs lit on one build for one tool and adds its counts to the totals.
run_lit() {
  local v=$1 dir=$2 tool=$3 label=$4
  local log="$dir/lit-$tool.log"
  echo "== $label: lit suite, $tool"
  set +e
  python3 "/usr/lib/llvm-$v/build/utils/lit/lit.py" -sv --param tool="$tool" \
    "$dir/test" 2>&1 | tee "$log" | grep -E "^(FAIL|XPASS|UNRESOLVED|TIMEOUT):|^\s*(Passed|Failed|Unresolved|Timed Out)"
  set -e
  local p f
  p=$(grep -E "^\s*Passed" "$log" | grep -oE "[0-9]+" | head -1 || true)
  f=$(grep -E "^\s*(Failed|Unresolved|Timed Out|Unexpectedly Passed)" "$log" |
      grep -oE "[0-9]+" | head -1 || true)
  passed=$((passed + ${p:-0}))
  if [ -n "$f" ] && [ "$f" -gt 0 ]; then
    failed=$((failed + f))
    failures+=("$label/$tool")
  fi
  if [ -z "$p" ] && [ -z "$f" ]; then
    failed=$((failed + 1))
    failures+=("$label/$tool (lit did not run)")
  fi
}

# Runs one harness; it counts as one test.
run_harness() {
  local label=$1
  shift
  echo "== $label"
  if python3 "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$label")
  fi
}

for v in $versions; do
  dir="$builddir/llvm-$v"
  echo "== LLVM $v: building in $dir"
  nplusone_build "$v" "$dir"
  run_lit "$v" "$dir" plugin "LLVM $v"
  run_lit "$v" "$dir" binary "LLVM $v"
done

first=$(echo "$versions" | awk '{print $1}')
run_harness "stress harness (LLVM $first)" "$NPLUSONE_ROOT/utils/stress-harness.py" \
  --tool "$builddir/llvm-$first/bin/nplusone-tidy"
# Layers, include cycles and function sizes (clang-tidy's
# readability-function-size over lib/ and checks/).
run_harness "structure (LLVM $first)" "$NPLUSONE_ROOT/utils/check-structure.py" \
  --root "$NPLUSONE_ROOT" -p "$builddir/llvm-$first" \
  --clang-tidy "/usr/lib/llvm-$first/bin/clang-tidy"

if [ "$sanitize" = 1 ]; then
  v=$(echo "$versions" | awk '{print $1}')
  dir="$builddir/llvm-$v-asan"
  echo "== LLVM $v with ASan+UBSan: building in $dir"
  nplusone_build "$v" "$dir" -DNPLUSONE_SANITIZE=ON -DNPLUSONE_BUILD_EXAMPLES=OFF
  # The sanitized tool is nplusone-tidy: a sanitized plugin cannot load
  # into an unsanitized clang-tidy.
  run_lit "$v" "$dir" binary "LLVM $v ASan+UBSan"
  run_harness "mutation harness (LLVM $v ASan+UBSan)" \
    "$NPLUSONE_ROOT/utils/mutation-harness.py" --tool "$dir/bin/nplusone-tidy" \
    --variants "${NPLUSONE_MUTATIONS:-1000}" --keep "$builddir/mutation-failures"
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "failing runs: ${failures[*]}"
fi
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
