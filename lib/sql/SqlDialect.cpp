//===- SqlDialect.cpp - The SQL spellings batched queries use -------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlDialect.h"
#include "llvm/ADT/StringSwitch.h"
#include <string>

namespace nplusone {

std::optional<SqlDialect> parseSqlDialect(llvm::StringRef Name) {
  std::string Lower = Name.trim().lower();
  return llvm::StringSwitch<std::optional<SqlDialect>>(Lower)
      .Case("auto", SqlDialect::Auto)
      .Case("postgresql", SqlDialect::PostgreSQL)
      .Case("sqlite", SqlDialect::SQLite)
      .Case("mysql", SqlDialect::MySQL)
      .Case("generic", SqlDialect::Generic)
      .Default(std::nullopt);
}

} // namespace nplusone
