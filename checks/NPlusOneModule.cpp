//===- NPlusOneModule.cpp - Registers the nplusone-* checks ---------------===//

#include "checks/QueryInLoopCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace nplusone {

class NPlusOneModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<QueryInLoopCheck>("nplusone-query-in-loop");
  }
};

} // namespace nplusone

static clang::tidy::ClangTidyModuleRegistry::Add<nplusone::NPlusOneModule>
    Registration("nplusone-module",
                 "Finds N+1 database queries: a query per row of another "
                 "query.");

// Referenced by nplusone-tidy so the linker keeps this registration.
volatile int NPlusOneModuleAnchorSource = 0;
