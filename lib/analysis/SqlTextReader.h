//===- SqlTextReader.h - The SQL text an expression builds ------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one reader of SQL (or command) text out of the expression that builds
// it: string literals, their concatenation with `+`, QString::arg and
// fmt/std::format (the builders of lib/api/StandardApis.h), local variables
// holding them and constants; any other part is a hole (SqlHole), a value
// known only at run time. It answers two questions: the whole text with its
// holes, for the batched rewrite, and the text a statement starts with, for
// telling reads from writes.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_SQLTEXTREADER_H
#define NPLUSONE_LIB_ANALYSIS_SQLTEXTREADER_H

#include <optional>
#include <string>

namespace clang {
class Expr;
class ParmVarDecl;
class StringLiteral;
} // namespace clang

namespace nplusone {

class FunctionFacts;

/// SQL text read from an expression, holes marked with SqlHole.
struct SqlTextParts {
  std::string Text;
  /// The literal the whole text is, when it is exactly one.
  const clang::StringLiteral *Literal = nullptr;
};

/// The whole text of \p E in the function \p Facts describes, or nullopt
/// when nothing of it is literal text. A variable counts only when it holds
/// one value (singleValue); anything else is a hole.
std::optional<SqlTextParts> sqlTextParts(const clang::Expr *E,
                                         const FunctionFacts *Facts);

/// The text the statement \p E runs starts with, up to its first part not
/// known before run time: enough for its leading keyword and, often, its
/// table. A variable that is appended to or filled through a call
/// (`snprintf(sql, n, "DELETE ...", id)`) contributes the text it starts
/// with; a command array (`{"HSET", key, value}`) its first word. Nullopt
/// when no literal text starts it.
std::optional<std::string> leadingSqlText(const clang::Expr *E,
                                          const FunctionFacts *Facts);

/// The expression that holds the text of \p E, followed through locals of
/// \p Facts' function that hold one value (`const char *sql = "UPDATE
/// ..."; mysql_stmt_prepare(st, sql, strlen(sql))` gives the literal): the
/// SQL of a statement a setup function prepares, read where it runs.
const clang::Expr *textSource(const clang::Expr *E, const FunctionFacts &Facts);

/// The parameter whose text \p E is: the parameter itself, or a view of
/// its text (`sql.c_str()`); null for anything else.
const clang::ParmVarDecl *textParameter(const clang::Expr *E);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_SQLTEXTREADER_H
