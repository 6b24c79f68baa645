//===- QueryTarget.h - What a library call runs ----------------*- C++ -*-===//
//
// Given a call the API model says executes a statement, find its SQL text
// (directly, or through the statement handle it was prepared into), whether
// it reads or writes, and which bound values feed it.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_QUERYTARGET_H
#define NPLUSONE_LIB_QUERYTARGET_H

#include "lib/FunctionFacts.h"
#include "lib/ValueFlow.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <string>

namespace clang {
class StringLiteral;
class VarDecl;
} // namespace clang

namespace nplusone {

struct QueryTarget {
  /// The library call that runs the query.
  const clang::Expr *ApiCall = nullptr;
  const LibraryModel *Library = nullptr;
  /// The SQL text argument (of the call, or of the prepare of its handle).
  const clang::Expr *Sql = nullptr;
  /// The statement handle an execute-by-handle call runs, if any.
  const clang::ValueDecl *Handle = nullptr;
  bool IsWrite = false;
  /// For a typed statement (no SQL text), the SQL keyword its type writes.
  const char *WriteKeyword = nullptr;
};

/// Describes the query run by \p C, an API call with RoleExecute.
QueryTarget describeQuery(const CallFacts &C, const FunctionFacts &Facts);

/// Calls \p Visit(Expr, IsSqlText) on every expression that feeds the query
/// \p C runs: its SQL text and parameters, and for a statement handle the
/// SQL prepared and the values bound into it in this function.
void forEachQueryInput(
    const CallFacts &C, const FunctionFacts &Facts,
    llvm::function_ref<void(const clang::Expr *, bool)> Visit);

/// The labels of everything that feeds the query \p C runs: its SQL text,
/// its parameters, and for a statement handle what was prepared and bound
/// into it. When \p Carrier is given it receives the first expression that
/// carries \p Wanted, and \p IsSqlText whether that is SQL text.
LabelMask queryInputs(const CallFacts &C, const FunctionFacts &Facts,
                      const ValueFlow &Flow, LabelMask Wanted = 0,
                      const clang::Expr **Carrier = nullptr,
                      bool *IsSqlText = nullptr);

/// \p E without the parentheses, implicit conversions, temporaries and
/// converting constructions around the value it wraps.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// The one value a variable holds: a local's initialiser or assignment when
/// it has exactly one and nothing appends to it, a constant's initialiser;
/// null otherwise.
const clang::Expr *singleValue(const clang::VarDecl *VD,
                               const FunctionFacts *Facts);

/// The string literal an SQL expression is, or is initialised from through a
/// local or constant variable; null when it is built at run time.
const clang::StringLiteral *sqlLiteral(const clang::Expr *E,
                                       const FunctionFacts *Facts);

/// The best-known SQL text of an expression for classification: the literal,
/// or the leading literal piece of a concatenation.
std::optional<std::string> sqlTextPrefix(const clang::Expr *E,
                                         const FunctionFacts *Facts);

} // namespace nplusone

#endif // NPLUSONE_LIB_QUERYTARGET_H
