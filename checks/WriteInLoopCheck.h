//===- WriteInLoopCheck.h - nplusone-write-in-loop --------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Finds an INSERT, UPDATE, DELETE or other write executed once per loop
// iteration.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_WRITEINLOOPCHECK_H
#define NPLUSONE_CHECKS_WRITEINLOOPCHECK_H

#include "checks/common/NPlusOneCheckBase.h"

namespace nplusone {

class WriteInLoopCheck : public NPlusOneCheckBase {
public:
  WriteInLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::WriteInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_WRITEINLOOPCHECK_H
