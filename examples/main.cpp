//===- main.cpp - shop_demo: N+1 queries vs. one batched query ------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builds an in-memory shop database, lists every user with their orders
// twice (N+1 and batched), and reports how many statements each version ran
// and how long it took.
//
//===----------------------------------------------------------------------===//

#include "shop_db.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

struct Options {
  int numUsers = 300;
  long latencyUs = 100;
};

void printUsage(std::FILE *out) {
  std::fprintf(out,
               "usage: shop_demo [--users N] [--latency-us N]\n"
               "  --users N       users to create, 1..1000000 (default 300)\n"
               "  --latency-us N  simulated round trip per query in "
               "microseconds,\n"
               "                  0..1000000 (default 100; 0 disables)\n");
}

// Strict parse: the whole string must be a decimal integer in [lo, hi].
bool parseLong(const char *text, long lo, long hi, long &value) {
  if (!text || !*text)
    return false;
  char *end = nullptr;
  errno = 0;
  long parsed = std::strtol(text, &end, 10);
  if (errno != 0 || *end != '\0' || parsed < lo || parsed > hi)
    return false;
  value = parsed;
  return true;
}

[[noreturn]] void usageError(const char *message, const char *arg) {
  std::fprintf(stderr, "shop_demo: %s: '%s'\n", message, arg);
  printUsage(stderr);
  std::exit(2);
}

Options parseArgs(int argc, char **argv) {
  Options opts;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (!std::strcmp(arg, "-h") || !std::strcmp(arg, "--help")) {
      printUsage(stdout);
      std::exit(0);
    }
    bool isUsers = !std::strcmp(arg, "--users");
    if (!isUsers && std::strcmp(arg, "--latency-us"))
      usageError("unknown argument", arg);
    if (i + 1 >= argc)
      usageError("missing value for", arg);
    const char *valueText = argv[++i];
    long value = 0;
    if (!parseLong(valueText, isUsers ? 1 : 0, 1000000, value))
      usageError(isUsers ? "bad --users value" : "bad --latency-us value",
                 valueText);
    if (isUsers)
      opts.numUsers = static_cast<int>(value);
    else
      opts.latencyUs = value;
  }
  return opts;
}

size_t countOrders(const std::vector<UserWithOrders> &users) {
  size_t n = 0;
  for (const UserWithOrders &user : users)
    n += user.orders.size();
  return n;
}

// Neither orders query has an ORDER BY, so SQL leaves the order of a user's
// orders unspecified; compare them sorted by id.
bool sameData(std::vector<UserWithOrders> a, std::vector<UserWithOrders> b) {
  if (a.size() != b.size())
    return false;
  auto byId = [](const Order &x, const Order &y) { return x.id < y.id; };
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].name != b[i].name ||
        a[i].orders.size() != b[i].orders.size())
      return false;
    std::sort(a[i].orders.begin(), a[i].orders.end(), byId);
    std::sort(b[i].orders.begin(), b[i].orders.end(), byId);
    for (size_t j = 0; j < a[i].orders.size(); ++j)
      if (a[i].orders[j].id != b[i].orders[j].id ||
          a[i].orders[j].total != b[i].orders[j].total)
        return false;
  }
  return true;
}

struct RunResult {
  std::vector<UserWithOrders> users;
  long queries;
  double millis;
};

RunResult measure(std::vector<UserWithOrders> (*list)(sqlite3 *), sqlite3 *db,
                  QueryCounter &counter) {
  counter.statements = 0;
  auto start = std::chrono::steady_clock::now();
  std::vector<UserWithOrders> users = list(db);
  auto stop = std::chrono::steady_clock::now();
  double millis =
      std::chrono::duration<double, std::milli>(stop - start).count();
  return {std::move(users), counter.statements, millis};
}

void report(const char *label, const RunResult &run) {
  std::printf("%-13s%5ld queries, %6.1f ms (%zu users, %zu orders)\n", label,
              run.queries, run.millis, run.users.size(),
              countOrders(run.users));
}

} // namespace

int main(int argc, char **argv) {
  Options opts = parseArgs(argc, argv);

  sqlite3 *db = openShopDb();
  createAndSeedShop(db, opts.numUsers);

  QueryCounter counter;
  installQueryCounter(db, &counter);

  // Untimed warm-up of both versions, so neither pays for first-touch costs
  // (allocator, caches) on behalf of the other.
  listUsersWithOrdersNPlusOne(db);
  listUsersWithOrdersBatched(db);

  counter.latencyUs = opts.latencyUs;
  if (opts.latencyUs > 0)
    std::printf("(simulated round trip per query: %ld us; --latency-us 0 to "
                "disable)\n",
                opts.latencyUs);
  else
    std::printf("(no simulated round trip: in-process SQLite only)\n");

  RunResult nPlusOne = measure(listUsersWithOrdersNPlusOne, db, counter);
  RunResult batched = measure(listUsersWithOrdersBatched, db, counter);
  report("N+1 version:", nPlusOne);
  report("batched:", batched);

  if (!sameData(nPlusOne.users, batched.users)) {
    std::fprintf(stderr,
                 "shop_demo: N+1 and batched versions returned different "
                 "data\n");
    sqlite3_close(db);
    return 1;
  }
  std::printf("both versions returned identical data\n");

  checkSqlite(db, sqlite3_close(db), SQLITE_OK, "sqlite3_close");
  return 0;
}
