// With every check enabled, a bad module-wide option is reported once, not
// once per check; a bad value set for one check names that check.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none \
// RUN:   --config="{CheckOptions: [{key: MaxCallDepth, value: 'x'}, {key: nplusone-write-in-loop.SqlDialect, value: 'db2'}]}" \
// RUN:   %s %t -- -- -std=c++17

// clang-tidy sorts location-less diagnostics by their text.
// CHECK-MESSAGES: warning: invalid value 'db2' for option 'nplusone-write-in-loop.SqlDialect': expected auto, postgresql, sqlite, mysql or generic; using auto [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid value 'x' for option 'MaxCallDepth': expected a non-negative integer; using 8 [clang-tidy-config]

int noQueriesHere(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += i;
  return sum;
}
