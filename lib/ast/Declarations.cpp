//===- Declarations.cpp - Declarations as users name them -----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/ast/Declarations.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

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

namespace {
/// The local variable a lambda's closure is stored in, when one is: `walk`
/// of `auto walk = [&](Folder *f, const auto &self) { ... };`.
const VarDecl *closureVariable(const CXXRecordDecl *Closure) {
  const auto *Scope = dyn_cast<FunctionDecl>(Closure->getDeclContext());
  if (!Scope)
    return nullptr;
  for (const Decl *D : Scope->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->getType().getNonReferenceType()->getAsCXXRecordDecl() ==
          Closure)
        return VD;
  return nullptr;
}
} // namespace

std::string messageName(const FunctionDecl *FD) {
  if (!FD)
    return "";
  if (isLambdaBody(FD)) {
    const VarDecl *Var =
        closureVariable(cast<CXXMethodDecl>(FD)->getParent());
    return Var ? "the lambda '" + Var->getNameAsString() + "'" : "the lambda";
  }
  return "'" + FD->getNameAsString() + "'";
}

namespace {
/// `'save(ItemProto *, int)'`: the name with its parameter types.
std::string messageSignature(const FunctionDecl *FD) {
  PrintingPolicy Policy(FD->getASTContext().getLangOpts());
  Policy.SuppressScope = true;
  std::string Text = FD->getNameAsString() + "(";
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    if (I)
      Text += ", ";
    Text += FD->getParamDecl(I)->getType().getAsString(Policy);
  }
  return "'" + Text + ")'";
}
} // namespace

std::string messageName(const FunctionDecl *FD,
                        llvm::ArrayRef<const FunctionDecl *> Among) {
  if (!FD || isLambdaBody(FD))
    return messageName(FD);
  bool Shared = llvm::any_of(Among, [&](const FunctionDecl *Other) {
    return Other && Other->getCanonicalDecl() != FD->getCanonicalDecl() &&
           Other->getDeclName() == FD->getDeclName();
  });
  return Shared ? messageSignature(FD) : messageName(FD);
}

std::string linkageKey(const FunctionDecl *FD, MangleContext &MC) {
  if (!FD || FD->isInvalidDecl() || FD->isDependentContext() ||
      FD->getType()->containsErrors() || !FD->isExternallyVisible() ||
      isLambdaBody(FD) || isa<CXXDeductionGuideDecl>(FD))
    return "";
  if (!MC.shouldMangleDeclName(FD)) {
    const IdentifierInfo *II = FD->getIdentifier();
    return II ? II->getName().str() : "";
  }
  GlobalDecl GD(FD);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    GD = GlobalDecl(Ctor, Ctor_Complete);
  else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD))
    GD = GlobalDecl(Dtor, Dtor_Complete);
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  MC.mangleName(GD, OS);
  return OS.str();
}

} // namespace nplusone
