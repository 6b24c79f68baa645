//===- Compat.h - The one place LLVM version differences live --*- C++ -*-===//
//
// nplusone-tidy builds against LLVM 14 and LLVM 19. Every API difference
// between them is bridged here, so the rest of the code is version-free.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_COMPAT_H
#define NPLUSONE_LIB_COMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"

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

/// The LLVM major version this build was compiled against.
constexpr unsigned BuiltLLVMMajor = LLVM_VERSION_MAJOR;

} // namespace nplusone

#endif // NPLUSONE_LIB_COMPAT_H
