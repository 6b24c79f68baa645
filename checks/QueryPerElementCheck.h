//===- QueryPerElementCheck.h - nplusone-query-per-element ------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Finds a read that depends on the current element of a loop over a collection
// not traced to a query.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_QUERYPERELEMENTCHECK_H
#define NPLUSONE_CHECKS_QUERYPERELEMENTCHECK_H

#include "checks/common/NPlusOneCheckBase.h"

namespace nplusone {

class QueryPerElementCheck : public NPlusOneCheckBase {
public:
  QueryPerElementCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::QueryPerElement) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_QUERYPERELEMENTCHECK_H
