//===- SqlDialect.h - The SQL spellings batched queries use -----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The dialects the batched rewrite spells SQL for. Library models name
// theirs; the SqlDialect option overrides it.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLDIALECT_H
#define NPLUSONE_LIB_SQL_SQLDIALECT_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace nplusone {

enum class SqlDialect { Auto, PostgreSQL, SQLite, MySQL, Generic };

/// Parses an `SqlDialect` option value; nullopt when it is not one.
std::optional<SqlDialect> parseSqlDialect(llvm::StringRef Name);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLDIALECT_H
