//===- CallChain.h - From a call in a loop down to its query ----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A query hidden in helpers is reached through a chain of calls, each found
// in the summary of the function before it. The chain gives the notes their
// steps, and the SQL a helper runs when its callers pass it in.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_CALLCHAIN_H
#define NPLUSONE_LIB_ANALYSIS_CALLCHAIN_H

#include "lib/analysis/AnalysisContext.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace nplusone {

/// Follows summaries from \p Site (a call in \p Caller to \p Callee) down
/// to the library call that runs the query, one step per call; with
/// \p ToRead, to the read behind a write (CallSummary::Read).
std::vector<ChainStep> callChain(const clang::Expr *Site,
                                 const clang::FunctionDecl *Caller,
                                 const clang::FunctionDecl *Callee,
                                 unsigned Budget, AnalysisContext &Ctx,
                                 bool ToRead = false);

/// When the query at the end of \p Chain takes its SQL or its statement
/// handle from a parameter, follows the arguments back up the chain to the
/// SQL the callers pass, updating \p Target and \p Owner (the function the
/// SQL expression is in) and the read/write classification.
void resolveThroughChain(llvm::ArrayRef<ChainStep> Chain, QueryTarget &Target,
                         const clang::FunctionDecl *&Owner,
                         AnalysisContext &Ctx);

/// The query a call to \p Callee (at \p Site in \p Caller) reaches, with the
/// SQL its callers pass in resolved; \p Owner receives the function the SQL
/// expression is in. Null when the callee runs no query.
/// \p F as the notes of \p Chain name it: with its parameter types when an
/// overload of it is in the chain too (so it does not read as recursion).
std::string chainName(llvm::ArrayRef<ChainStep> Chain,
                      const clang::FunctionDecl *F);

const CallSummary *reachedQuery(const clang::Expr *Site,
                                const clang::FunctionDecl *Caller,
                                const clang::FunctionDecl *Callee,
                                AnalysisContext &Ctx, QueryTarget &Target,
                                const clang::FunctionDecl *&Owner);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_CALLCHAIN_H
