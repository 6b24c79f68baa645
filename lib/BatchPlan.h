//===- BatchPlan.h - The batched form of a per-row read ---------*- C++ -*-===//
//
// What a read that runs once per row becomes when batched: its SQL text read
// with the run-time values as holes, which placeholder carries the row's
// key, the rewritten SQL (key compared with the whole list, key added to the
// select list) and, when the loop's own query is understood too, the one
// JOIN query that replaces both.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_BATCHPLAN_H
#define NPLUSONE_LIB_BATCHPLAN_H

#include "lib/AnalysisContext.h"
#include "lib/LoopQueries.h"
#include "lib/SqlText.h"
#include <optional>
#include <string>

namespace clang {
class StringLiteral;
} // namespace clang

namespace nplusone {

/// SQL text read from an expression: literals, their concatenation with
/// `+`, QString::arg and std::format, and local variables holding them;
/// any other part is a hole (SqlHole).
struct SqlTextParts {
  std::string Text;
  /// The literal the whole text is, when it is exactly one.
  const clang::StringLiteral *Literal = nullptr;
};

/// The SQL text of \p E in the function \p Facts describes, or nullopt
/// when nothing of it is literal text.
std::optional<SqlTextParts> sqlTextParts(const clang::Expr *E,
                                         const FunctionFacts *Facts);

struct BatchPlan {
  /// The query's text, when it has one.
  std::optional<SqlTextParts> Text;
  /// The query is written as text (SQL or commands), even when the reader
  /// cannot read it, rather than built through the library's API.
  bool IsText = false;
  SqlDialect Dialect = SqlDialect::Generic;
  std::optional<BatchedSqlRewrite> Rewrite;
  /// The single query joining the loop's rows with this lookup's, and the
  /// loop query's text to show it at.
  std::optional<std::string> Join;
  const clang::Expr *JoinAt = nullptr;
};

/// Plans the batched form of the read \p F finds in the loop \p L.
BatchPlan planBatchedRead(const LoopQueryFinding &F, const RowLoop &L,
                          AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_BATCHPLAN_H
