//===- PerElementAlgorithms.cpp - Calls that run a lambda per element -----===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/PerElementAlgorithms.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace nplusone {

namespace {

/// Cheap filter, run on every call, before any qualified name is built:
/// the unqualified names of the table, collected once.
bool mayBeAlgorithm(llvm::StringRef Last) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Result;
    for (const AlgorithmShape &S : perElementAlgorithms())
      Result.insert(llvm::StringRef(S.Name).rsplit("::").second);
    return Result;
  }();
  return Names.count(Last) != 0;
}

/// An execution policy argument (`std::execution::par`) shifts the others.
bool isExecutionPolicy(const Expr *E) {
  const auto *RD = E ? E->getType()->getAsCXXRecordDecl() : nullptr;
  return RD && plainQualifiedName(RD).find("execution::") != std::string::npos;
}

/// The lambda an argument is, directly or as a local variable initialised
/// with one.
const LambdaExpr *lambdaOf(const Expr *Arg) {
  const Expr *E = stripTemporaries(Arg);
  if (const auto *LE = dyn_cast_or_null<LambdaExpr>(E))
    return LE;
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || !VD->getInit())
    return nullptr;
  return dyn_cast<LambdaExpr>(stripTemporaries(VD->getInit()));
}

/// The call operator whose body runs: for a generic lambda, its first
/// instantiation.
const FunctionDecl *bodyOwner(const LambdaExpr *LE) {
  const CXXMethodDecl *Op = LE->getCallOperator();
  if (!Op)
    return nullptr;
  if (const FunctionTemplateDecl *FTD = Op->getDescribedFunctionTemplate()) {
    for (const FunctionDecl *Spec : FTD->specializations())
      if (Spec->getBody())
        return Spec;
    return nullptr;
  }
  return Op->getBody() ? Op : nullptr;
}

} // namespace

CallbackLoop perElementCallback(const Expr *Call) {
  CallbackLoop Result;
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return Result;
  // std::ranges algorithms are function objects: `std::ranges::for_each(r,
  // f)` calls the operator() of the variable std::ranges::for_each.
  const NamedDecl *Named = C->getDirectCallee();
  unsigned First = 0;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
    if (OC->getOperator() != OO_Call || OC->getNumArgs() == 0)
      return Result;
    const auto *Obj =
        dyn_cast<DeclRefExpr>(OC->getArg(0)->IgnoreParenImpCasts());
    Named = Obj ? Obj->getDecl() : nullptr;
    First = 1;
  }
  if (!Named || !Named->getIdentifier() ||
      !mayBeAlgorithm(Named->getIdentifier()->getName()))
    return Result;
  if (C->getNumArgs() > First && isExecutionPolicy(C->getArg(First)))
    ++First;
  // Defaulted trailing arguments (a ranges projection) are not written.
  unsigned Args = C->getNumArgs() - First;
  while (Args > 0 && isa<CXXDefaultArgExpr>(C->getArg(First + Args - 1)))
    --Args;
  std::string Name = plainQualifiedName(Named);
  for (const AlgorithmShape &S : perElementAlgorithms()) {
    if (S.Args != Args || Name != S.Name)
      continue;
    const LambdaExpr *LE = lambdaOf(C->getArg(First + S.Callable));
    const FunctionDecl *Owner = LE ? bodyOwner(LE) : nullptr;
    if (!Owner)
      return Result;
    Result.Range = C->getArg(First + S.Range);
    Result.Lambda = LE;
    Result.Body = Owner->getBody();
    Result.Element = S.Element < Owner->getNumParams()
                         ? Owner->getParamDecl(S.Element)
                         : nullptr;
    Result.Name = S.Name;
    return Result;
  }
  return Result;
}

} // namespace nplusone
