//===- LoopQueries.h - Queries that run once per loop iteration -*- C++ -*-===//
//
// The shared driver of every nplusone check. For one function it finds each
// query site that runs once per iteration of a loop (a library call in the
// loop, or a call to a function that reaches one) and gives it exactly one
// category, the most specific that applies. Each check reports one category.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_LOOPQUERIES_H
#define NPLUSONE_LIB_LOOPQUERIES_H

#include "lib/AnalysisContext.h"
#include "lib/RowLoops.h"
#include <string>
#include <vector>

namespace clang {
class DeclStmt;
}

namespace nplusone {

enum class FindingKind {
  WriteInLoop,
  LazyLoadInLoop,
  LoopInvariantQuery,
  QueryInLoop,
  QueryPerElement,
};

/// One step of the call chain from the loop down to the query.
struct ChainStep {
  /// The call made in Caller.
  const clang::Expr *Call;
  const clang::FunctionDecl *Caller;
  /// The function called, or null when Call is the library call itself.
  const clang::FunctionDecl *Callee;
};

struct LoopQueryFinding {
  FindingKind Kind;
  /// The analysed function.
  const clang::FunctionDecl *Function = nullptr;
  /// The query site in the analysed function: the library call, or the call
  /// that reaches it.
  const clang::Expr *Site = nullptr;
  /// Index into FunctionLoopQueries::Loops of the loop it runs once per
  /// iteration of.
  int Loop = -1;
  /// The site runs only on some iterations (under an if in the loop).
  bool Conditional = false;
  /// The expression at the site that carries the loop's row or element.
  const clang::Expr *Carrier = nullptr;
  bool CarrierIsSqlText = false;
  /// Calls from the site down to the query; empty when the site is the
  /// library call.
  std::vector<ChainStep> Chain;
  QueryTarget Target;
  /// The function holding the query (differs from the analysed one when the
  /// query is reached through calls).
  const clang::FunctionDecl *TargetFunction = nullptr;
  /// Loop-invariant queries held by a declaration of the loop body: the
  /// declaration to move before the loop, and whether that is provably safe
  /// (then it is a warning fix-it; otherwise a note fix-it).
  const clang::DeclStmt *HoistDecl = nullptr;
  bool HoistSafe = false;
  /// Lazy loads: the relation loaded (the data member, or the getter).
  std::string Relation;
};

struct FunctionLoopQueries {
  std::vector<RowLoop> Loops;
  std::vector<LoopQueryFinding> Findings;
};

/// Follows summaries from \p Site (a call in \p Caller to \p Callee) down
/// to the library call that runs the query, one step per call.
std::vector<ChainStep> callChain(const clang::Expr *Site,
                                 const clang::FunctionDecl *Caller,
                                 const clang::FunctionDecl *Callee,
                                 unsigned Budget, AnalysisContext &Ctx);

/// When the query at the end of \p Chain takes its SQL or its statement
/// handle from a parameter, follows the arguments back up the chain to the
/// SQL the callers pass, updating \p Target and \p Owner (the function the
/// SQL expression is in) and the read/write classification.
void resolveThroughChain(llvm::ArrayRef<ChainStep> Chain, QueryTarget &Target,
                         const clang::FunctionDecl *&Owner,
                         AnalysisContext &Ctx);

/// Finds the per-iteration query sites of a function definition.
FunctionLoopQueries findLoopQueries(const clang::FunctionDecl &FD,
                                    AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_LOOPQUERIES_H
