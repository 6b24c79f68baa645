//===- LoopInvariantQueryCheck.h - nplusone-loop-invariant-query ---*- C++
//-*-===//
//
// Finds a read that is the same on every iteration of its loop.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H
#define NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H

#include "lib/NPlusOneCheckBase.h"

namespace nplusone {

class LoopInvariantQueryCheck : public NPlusOneCheckBase {
public:
  LoopInvariantQueryCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::LoopInvariantQuery) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function,
              AnalysisContext &Ctx) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_LOOPINVARIANTQUERYCHECK_H
