//===- CallSites.cpp - Calls and their arguments, uniformly ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/ast/CallSites.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

const FunctionDecl *calleeOf(const Expr *Call) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(Call))
    return C->getDirectCallee();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return CE->getConstructor();
  return nullptr;
}

const ValueDecl *calledPointer(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C || C->getDirectCallee() || !C->getCallee())
    return nullptr;
  const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee))
    if (UO->getOpcode() == UO_Deref)
      Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(Callee))
    D = ME->getMemberDecl();
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
    D = DRE->getDecl();
  return isa_and_nonnull<FieldDecl>(D) || isa_and_nonnull<VarDecl>(D) ? D
                                                                      : nullptr;
}

std::string calledName(const Expr *Call) {
  const NamedDecl *D = calleeOf(Call);
  if (!D)
    D = calledPointer(Call);
  return D ? D->getNameAsString() : std::string();
}

namespace {
bool isMemberOperator(const Expr *Call) {
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
  return OC && isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
         OC->getNumArgs() > 0;
}
} // namespace

const Expr *callArg(const Expr *Call, int Index) {
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return Index >= 0 && static_cast<unsigned>(Index) < CE->getNumArgs()
               ? CE->getArg(Index)
               : nullptr;
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return nullptr;
  bool MemberOperator = isMemberOperator(C);
  if (Index == ImplicitObject) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      return MC->getImplicitObjectArgument();
    if (MemberOperator)
      return C->getArg(0);
    return nullptr;
  }
  if (Index < 0)
    return nullptr;
  unsigned I = static_cast<unsigned>(Index) + (MemberOperator ? 1 : 0);
  return I < C->getNumArgs() ? C->getArg(I) : nullptr;
}

bool isMutableOutArg(const Expr *Arg, const ParmVarDecl *Param) {
  if (Param) {
    QualType T = Param->getType();
    if (T->isReferenceType())
      return !T.getNonReferenceType().isConstQualified();
    if (T->isPointerType())
      return !T->getPointeeType().isConstQualified();
    return false;
  }
  // Variadic arguments: a non-const pointer may be written through.
  QualType T = Arg->IgnoreParenImpCasts()->getType();
  return T->isPointerType() && !T->getPointeeType().isConstQualified();
}

unsigned callArgCount(const Expr *Call) {
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return CE->getNumArgs();
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return 0;
  return C->getNumArgs() - (isMemberOperator(C) ? 1 : 0);
}

const Expr *objectOfAccessor(const Expr *E, llvm::ArrayRef<StringRef> Names) {
  E = E ? E->IgnoreImplicit()->IgnoreParens() : nullptr;
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    E = CE->getNumArgs() == 1 ? CE->getArg(0)->IgnoreImplicit() : nullptr;
  const auto *C = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || !llvm::is_contained(Names, FD->getName()))
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    return MC->getImplicitObjectArgument();
  return C->getNumArgs() == 1 ? C->getArg(0) : nullptr;
}

} // namespace nplusone
