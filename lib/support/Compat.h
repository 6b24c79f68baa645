//===- Compat.h - The one place LLVM version differences live ---*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// nplusone-tidy builds against LLVM 14 and LLVM 19. Every API difference
// between them that the code meets is bridged here, so the rest of the code
// is version-free: no other file tests LLVM_VERSION_MAJOR (the build picks
// the clangd driver in CMakeLists.txt, and the plugin's version guard
// compares BuiltLLVMMajor with the host's). The bridges are templates where
// the difference is only in a return type, so this header needs no clang
// or clang-tidy header of its own.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SUPPORT_COMPAT_H
#define NPLUSONE_LIB_SUPPORT_COMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include <string>
#include <vector>

namespace clang {
class ValueDecl;
} // namespace clang

namespace nplusone {

/// StringRef::startswith became starts_with in LLVM 16 and the old spelling
/// was removed later.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.size() >= Prefix.size() && S.substr(0, Prefix.size()) == Prefix;
}

inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
  return S.size() >= Suffix.size() &&
         S.substr(S.size() - Suffix.size()) == Suffix;
}

inline bool startsWithInsensitive(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.size() >= Prefix.size() &&
         S.substr(0, Prefix.size()).equals_insensitive(Prefix);
}

/// clang-tidy's OptionsView::getLocalOrGlobal returns std::string in LLVM
/// 14 and StringRef later; the value, owned.
template <typename OptionsViewT>
std::string localOrGlobalOption(const OptionsViewT &Options,
                                llvm::StringRef Name, llvm::StringRef Default) {
  return std::string(Options.getLocalOrGlobal(Name, Default));
}

/// OptionsView::get returns llvm::Optional<std::string> in LLVM 14 and
/// std::optional<StringRef> later: whether the check's own key is set.
template <typename OptionsViewT>
bool hasLocalOption(const OptionsViewT &Options, llvm::StringRef Name) {
  return static_cast<bool>(Options.get(Name));
}

/// utils::options::parseStringList returns std::vector<std::string> in
/// LLVM 14 and std::vector<StringRef> later; its entries, owned.
template <typename ListT>
std::vector<std::string> ownedStrings(const ListT &List) {
  std::vector<std::string> Result;
  for (const auto &Entry : List)
    Result.emplace_back(Entry);
  return Result;
}

/// LambdaCapture::getCapturedVar returns a VarDecl in LLVM 14 and a
/// ValueDecl (a structured binding may be captured) from LLVM 16.
template <typename CaptureT>
const clang::ValueDecl *capturedVariable(const CaptureT &Capture) {
  return Capture.getCapturedVar();
}

/// The LLVM major version this build was compiled against.
constexpr unsigned BuiltLLVMMajor = LLVM_VERSION_MAJOR;

} // namespace nplusone

#endif // NPLUSONE_LIB_SUPPORT_COMPAT_H
