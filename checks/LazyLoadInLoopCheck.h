//===- LazyLoadInLoopCheck.h - nplusone-lazy-load-in-loop ---*- C++ -*-===//
//
// Finds an ORM relation loaded lazily once per row or element of a loop.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H
#define NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H

#include "lib/NPlusOneCheckBase.h"

namespace nplusone {

class LazyLoadInLoopCheck : public NPlusOneCheckBase {
public:
  LazyLoadInLoopCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::LazyLoadInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function,
              AnalysisContext &Ctx) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_LAZYLOADINLOOPCHECK_H
