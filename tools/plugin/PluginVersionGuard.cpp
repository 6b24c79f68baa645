//===- PluginVersionGuard.cpp - Refuse another LLVM's clang-tidy ----------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A clang-tidy plugin shares C++ classes with the clang-tidy that loads it;
// their layout changes between LLVM major versions, so a plugin built for
// one version misbehaves in another. On load, compare the host's version
// with ours and stop with a clear message instead of crashing later.
//
//===----------------------------------------------------------------------===//

#include "lib/support/Compat.h"
#include "clang/Basic/Version.h"
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

/// The major version in "... version 19.1.7 ...", or 0 when not found.
unsigned majorVersionIn(const std::string &Text) {
  size_t Pos = Text.find("version ");
  if (Pos == std::string::npos)
    return 0;
  return static_cast<unsigned>(
      std::strtoul(Text.c_str() + Pos + 8, nullptr, 10));
}

struct VersionGuard {
  VersionGuard() {
    // Resolved against the loading clang-tidy's own libraries.
    unsigned Host = majorVersionIn(clang::getClangFullVersion());
    if (Host == 0 || Host == nplusone::BuiltLLVMMajor)
      return;
    std::fprintf(stderr,
                 "error: the nplusone-tidy plugin was built for LLVM %u but is "
                 "being loaded into clang-tidy of LLVM %u; load it with "
                 "clang-tidy-%u, or rebuild it with "
                 "-DLLVM_ROOT=/usr/lib/llvm-%u\n",
                 nplusone::BuiltLLVMMajor, Host, nplusone::BuiltLLVMMajor,
                 Host);
    std::fflush(stderr);
    std::_Exit(1);
  }
};

VersionGuard Guard;

} // namespace
