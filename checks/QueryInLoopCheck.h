//===- QueryInLoopCheck.h - nplusone-query-in-loop --------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Finds the N+1: a read that depends on the current row of a loop over the
// rows of another query.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_QUERYINLOOPCHECK_H
#define NPLUSONE_CHECKS_QUERYINLOOPCHECK_H

#include "checks/common/NPlusOneCheckBase.h"

namespace nplusone {

class QueryInLoopCheck : public NPlusOneCheckBase {
public:
  QueryInLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::QueryInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_QUERYINLOOPCHECK_H
