//===- WriteInLoopCheck.cpp - nplusone-write-in-loop ----------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/WriteInLoopCheck.h"
#include "checks/common/FindingDiagnostics.h"
#include "lib/ast/CallSites.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace nplusone {

void WriteInLoopCheck::report(const LoopQueryFinding &F,
                              const FunctionLoopQueries &Function) {
  const RowLoop &L = Function.Loops[F.Loop];
  // The SQL keyword when the text is known, else the library call's name.
  std::string Statement = F.StatementKeyword;
  if (Statement.empty()) {
    std::string Called = calledName(F.Target.ApiCall);
    Statement = Called.empty() ? "write" : "'" + Called + "'";
  }
  diag(F.At,
       "%0 runs %select{once|up to once}1 %2 (one round trip each); batch "
       "the writes into one statement")
      << Statement << (F.Conditional ? 1 : 0) << perIteration(L);
  noteRowSource(*this, L, F.Function);
  noteRowValue(*this, F, L);
  noteCallChain(*this, F);
  noteBatchedWrite(*this, F, L);
}

} // namespace nplusone
