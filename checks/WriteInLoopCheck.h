//===- WriteInLoopCheck.h - nplusone-write-in-loop ---*- C++ -*-===//
//
// Finds an INSERT, UPDATE, DELETE or other write executed once per loop
// iteration.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_WRITEINLOOPCHECK_H
#define NPLUSONE_CHECKS_WRITEINLOOPCHECK_H

#include "lib/NPlusOneCheckBase.h"

namespace nplusone {

class WriteInLoopCheck : public NPlusOneCheckBase {
public:
  WriteInLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::WriteInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function,
              AnalysisContext &Ctx) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_WRITEINLOOPCHECK_H
