//===- NPlusOneSqlMain.cpp - The SQL reader on text, for tests and users --===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Runs the SQL reader of nplusone-tidy on statements given one per line on
// standard input and prints what it makes of each: the batched form of a
// per-key lookup, or why it refuses one; with --join, the single JOIN query
// for an outer query and a per-row lookup. The test suite's SQL corpus runs
// through it; users can ask it what a query of theirs would become.
//
//   nplusone-sql --dialect=postgresql < queries.sql
//
// Input lines: `SQL`, or `[N] SQL` to say that placeholder N (0-based, in
// text order) is the key. `{?}` stands for a value concatenated into the
// text at run time, `\n` a line break. With --join: `OUTER SQL ||| INNER SQL
// ||| OUTER COLUMN`. Empty lines and lines starting with `#` are skipped.
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlBatchRewrite.h"
#include "lib/sql/SqlJoin.h"
#include "lib/sql/SqlLexer.h"
#include "lib/support/Compat.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include <iostream>
#include <string>

using namespace llvm;

static cl::opt<std::string>
    DialectName("dialect", cl::desc("postgresql, sqlite, mysql or generic"),
                cl::init("postgresql"));
static cl::opt<bool> Join("join", cl::desc("read OUTER ||| INNER ||| COLUMN "
                                           "lines and print the JOIN"));

static std::string withHoles(StringRef Line) {
  std::string Out;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (nplusone::startsWith(Line.substr(I), "{?}")) {
      Out += nplusone::SqlHole;
      I += 2;
      continue;
    }
    // `\n` writes a line break, for `--` comments.
    if (nplusone::startsWith(Line.substr(I), "\\n")) {
      Out += '\n';
      I += 1;
      continue;
    }
    Out += Line[I];
  }
  return Out;
}

static std::string shown(StringRef Sql) {
  std::string Out;
  for (char C : Sql)
    Out += C == nplusone::SqlHole ? std::string("{?}")
           : C == '\n'            ? std::string("\\n")
                                  : std::string(1, C);
  return Out;
}

/// `[N] rest`: the key placeholder N, and the rest.
static int keyOf(StringRef &Line) {
  int Key = -1;
  if (nplusone::startsWith(Line, "[")) {
    size_t Close = Line.find(']');
    if (Close != StringRef::npos &&
        !Line.slice(1, Close).getAsInteger(10, Key)) {
      Line = Line.substr(Close + 1).ltrim();
      return Key;
    }
  }
  return -1;
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "nplusone-tidy's SQL reader\n");
  auto Dialect = nplusone::parseSqlDialect(DialectName);
  if (!Dialect || *Dialect == nplusone::SqlDialect::Auto) {
    errs() << "nplusone-sql: unknown dialect '" << DialectName
           << "' (use postgresql, sqlite, mysql or generic)\n";
    return 2;
  }
  std::string Raw;
  while (std::getline(std::cin, Raw)) {
    StringRef Line = StringRef(Raw).trim();
    if (Line.empty() || nplusone::startsWith(Line, "#"))
      continue;
    if (Join) {
      SmallVector<StringRef, 3> Parts;
      Line.split(Parts, "|||");
      if (Parts.size() != 3) {
        outs() << "BAD INPUT: " << Line << "\n";
        continue;
      }
      StringRef Inner = Parts[1].trim();
      int Key = keyOf(Inner);
      auto O = nplusone::sketchSimpleSelect(withHoles(Parts[0].trim()));
      auto I = nplusone::sketchSimpleSelect(withHoles(Inner), Key);
      auto J =
          O && I ? nplusone::joinQuery(*O, *I, Parts[2].trim()) : std::nullopt;
      outs() << (J ? "JOIN: " + J->Sql : std::string("NO JOIN")) << "\n";
      continue;
    }
    int Key = keyOf(Line);
    std::string WhyNot;
    auto R = nplusone::rewriteKeyLookupBatched(withHoles(Line), *Dialect, Key,
                                               &WhyNot);
    if (R)
      outs() << "REWRITE: " << shown(R->NewSql) << "  [key " << R->KeyColumn
             << "]\n";
    else
      outs() << "REFUSED: " << WhyNot << "\n";
  }
  return 0;
}
