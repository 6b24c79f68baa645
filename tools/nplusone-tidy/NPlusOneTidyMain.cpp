//===- NPlusOneTidyMain.cpp - clang-tidy with the nplusone module ---------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// clang-tidy's own driver: every standard check, plus the nplusone-* checks
// that are linked into this binary.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

extern volatile int NPlusOneModuleAnchorSource;
// Keeps the module's registration object from being dropped by the linker.
[[maybe_unused]] static int NPlusOneModuleAnchorDestination =
    NPlusOneModuleAnchorSource;

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
