//===- LazyLoadInLoopCheck.h - nplusone-lazy-load-in-loop -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Finds an ORM relation loaded lazily once per row or element of a loop.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H
#define NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H

#include "checks/common/NPlusOneCheckBase.h"

namespace nplusone {

class LazyLoadInLoopCheck : public NPlusOneCheckBase {
public:
  LazyLoadInLoopCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::LazyLoadInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H
