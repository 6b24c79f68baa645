//===- LoopInvariantQueryCheck.h - nplusone-loop-invariant-query *- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Finds a read that is the same on every iteration of its loop.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H
#define NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H

#include "checks/common/NPlusOneCheckBase.h"

namespace nplusone {

class LoopInvariantQueryCheck : public NPlusOneCheckBase {
public:
  LoopInvariantQueryCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::LoopInvariantQuery) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H
