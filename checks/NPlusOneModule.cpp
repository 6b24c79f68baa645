//===- NPlusOneModule.cpp - Registers the nplusone-* checks ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/LazyLoadInLoopCheck.h"
#include "checks/LoopInvariantQueryCheck.h"
#include "checks/QueryInLoopCheck.h"
#include "checks/QueryPerElementCheck.h"
#include "checks/WriteInLoopCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace nplusone {

class NPlusOneModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // Each per-iteration query site belongs to exactly one of these; the
    // shared analysis decides which (see lib/LoopQueries.h).
    Factories.registerCheck<WriteInLoopCheck>("nplusone-write-in-loop");
    Factories.registerCheck<LazyLoadInLoopCheck>("nplusone-lazy-load-in-loop");
    Factories.registerCheck<LoopInvariantQueryCheck>(
        "nplusone-loop-invariant-query");
    Factories.registerCheck<QueryInLoopCheck>("nplusone-query-in-loop");
    Factories.registerCheck<QueryPerElementCheck>("nplusone-query-per-element");
  }
};

} // namespace nplusone

static clang::tidy::ClangTidyModuleRegistry::Add<nplusone::NPlusOneModule>
    Registration("nplusone-module",
                 "Finds N+1 database queries: a query per row of another "
                 "query.");

// Referenced by nplusone-tidy so the linker keeps this registration.
volatile int NPlusOneModuleAnchorSource = 0;
