//===- Declarations.cpp - Declarations as users name them -----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/ast/Declarations.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace nplusone {

std::string unqualifiedName(const FunctionDecl *FD) {
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(FD))
    if (const auto *RD = Conv->getConversionType()
                             .getNonReferenceType()
                             .getCanonicalType()
                             ->getAsRecordDecl())
      return "operator " + plainQualifiedName(RD);
  if (const IdentifierInfo *II = FD->getIdentifier())
    return II->getName().str();
  return FD->getNameAsString();
}

std::string plainQualifiedName(const NamedDecl *D) {
  llvm::SmallVector<StringRef, 4> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      // C's `typedef struct { ... } db_func_t;` is named by its typedef.
      const NamedDecl *Named = RD;
      if (!RD->getIdentifier())
        Named = RD->getTypedefNameForAnonDecl();
      if (!Named || !Named->getIdentifier())
        return "";
      Parts.push_back(Named->getName());
    } else if (!isa<TranslationUnitDecl>(DC) && !isa<LinkageSpecDecl>(DC)) {
      return ""; // Local classes and the like are no library API.
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (*It + "::").str();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return Name + unqualifiedName(FD);
  if (const IdentifierInfo *II = D->getIdentifier())
    return Name + II->getName().str();
  return Name + D->getNameAsString();
}

bool isLambdaBody(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getParent()->isLambda();
}

} // namespace nplusone
