//===- NPlusOneClangdMain.cpp - clangd with the nplusone module -----------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// clangd's own driver, with the nplusone-* checks linked in so that editors
// show them live. Enable them in the project's .clangd file:
//
//   Diagnostics:
//     ClangTidy:
//       Add: [nplusone-*]
//
//===----------------------------------------------------------------------===//

// clangd does not install its headers; this is tool/ClangdMain.h's
// declaration (LLVM 15 and newer).
namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int NPlusOneModuleAnchorSource;
// Keeps the module's registration object from being dropped by the linker.
[[maybe_unused]] static int NPlusOneModuleAnchorDestination =
    NPlusOneModuleAnchorSource;

int main(int argc, char *argv[]) {
  return clang::clangd::clangdMain(argc, argv);
}
