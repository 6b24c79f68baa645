//===- PerElementAlgorithms.cpp - Calls that run a lambda per element -----===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/PerElementAlgorithms.h"
#include "lib/api/LibraryModel.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>

using namespace clang;

namespace nplusone {

namespace {

/// Cheap filter, run on every call, before any qualified name is built:
/// the unqualified names of the tables, collected once.
bool mayBeAlgorithm(llvm::StringRef Last) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Result;
    for (const AlgorithmShape &S : perElementAlgorithms())
      Result.insert(llvm::StringRef(S.Name).rsplit("::").second);
    for (const CopyShape &S : copyAlgorithms())
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
/// with one. A std::function local may be assigned another target later:
/// that is the context's to resolve (heldRowCallback).
const LambdaExpr *lambdaOf(const Expr *Arg) {
  const Expr *E = stripTemporaries(Arg);
  if (const auto *LE = dyn_cast_or_null<LambdaExpr>(E))
    return LE;
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  const CXXRecordDecl *Closure =
      VD ? VD->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
  if (!VD || !VD->isLocalVarDecl() || !VD->getInit() || !Closure ||
      !Closure->isLambda())
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

/// The function an argument names, directly or by address (`print_order`,
/// `&print_order`), when its body is here; null otherwise.
const FunctionDecl *namedFunctionOf(const Expr *Arg) {
  const Expr *E = stripTemporaries(Arg);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  const FunctionDecl *Def = nullptr;
  return FD && FD->hasBody(Def) && Def && !Def->isDependentContext() ? Def
                                                                     : nullptr;
}

/// A call of an algorithm of the tables, resolved: its qualified name, the
/// first argument after any execution policy, and the count of arguments
/// written from there.
struct AlgorithmCall {
  const CallExpr *Call = nullptr;
  std::string Name;
  unsigned First = 0;
  unsigned Args = 0;
  const Expr *arg(unsigned I) const { return Call->getArg(First + I); }
};

std::optional<AlgorithmCall> algorithmCall(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return std::nullopt;
  // std::ranges algorithms are function objects: `std::ranges::for_each(r,
  // f)` calls the operator() of the variable std::ranges::for_each.
  const NamedDecl *Named = C->getDirectCallee();
  unsigned First = 0;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
    if (OC->getOperator() != OO_Call || OC->getNumArgs() == 0)
      return std::nullopt;
    const auto *Obj =
        dyn_cast<DeclRefExpr>(OC->getArg(0)->IgnoreParenImpCasts());
    Named = Obj ? Obj->getDecl() : nullptr;
    First = 1;
  }
  if (!Named || !Named->getIdentifier() ||
      !mayBeAlgorithm(Named->getIdentifier()->getName()))
    return std::nullopt;
  if (C->getNumArgs() > First && isExecutionPolicy(C->getArg(First)))
    ++First;
  // Defaulted trailing arguments (a ranges projection) are not written.
  unsigned Args = C->getNumArgs() - First;
  while (Args > 0 && isa<CXXDefaultArgExpr>(C->getArg(First + Args - 1)))
    --Args;
  return AlgorithmCall{C, plainQualifiedName(Named), First, Args};
}

/// The container an output iterator puts into: `std::back_inserter(v)`,
/// `std::inserter(v, v.end())`, `v.begin()`.
const Expr *outputContainer(const Expr *Output) {
  const auto *C = dyn_cast_or_null<CallExpr>(stripTemporaries(Output));
  if (C && C->getNumArgs() > 0 && isContainerInserter(C->getDirectCallee()))
    return C->getArg(0);
  return objectOfAccessor(Output, {"begin"});
}

} // namespace

CallbackLoop perElementCallback(const Expr *Call) {
  CallbackLoop Result;
  std::optional<AlgorithmCall> A = algorithmCall(Call);
  if (!A)
    return Result;
  const std::string &Name = A->Name;
  unsigned Args = A->Args;
  for (const AlgorithmShape &S : perElementAlgorithms()) {
    if (S.Args != Args || Name != S.Name)
      continue;
    const LambdaExpr *LE = lambdaOf(A->arg(S.Callable));
    const FunctionDecl *Owner = LE ? bodyOwner(LE) : nullptr;
    if (!Owner)
      return Result;
    Result.Range = A->arg(S.Range);
    Result.Lambda = LE;
    Result.Function = Owner;
    Result.Body = Owner->getBody();
    Result.Element = S.Element < Owner->getNumParams()
                         ? Owner->getParamDecl(S.Element)
                         : nullptr;
    Result.Name = S.Name;
    return Result;
  }
  return Result;
}

CallbackLoop perRowCallback(const Expr *Call, const ApiFunction &Fn,
                            const FunctionDecl *Held) {
  CallbackLoop Result;
  if (Fn.RowCallbackArg == NoArg)
    return Result;
  const Expr *Arg = callArg(Call, Fn.RowCallbackArg);
  const LambdaExpr *LE = Arg ? lambdaOf(Arg) : nullptr;
  const FunctionDecl *Owner = LE ? bodyOwner(LE) : callableBody(Arg);
  if (!Owner)
    Owner = Held;
  if (!Owner)
    return Result;
  Result.Range = Fn.Roles & RoleExecute ? Call : callArg(Call, Fn.HandleArg);
  Result.Lambda = LE;
  Result.Function = Owner;
  Result.Body = Owner->getBody();
  Result.EveryParam = Fn.RowCallbackParam == EveryParam;
  if (Fn.RowCallbackParam >= 0 &&
      static_cast<unsigned>(Fn.RowCallbackParam) < Owner->getNumParams())
    Result.Element = Owner->getParamDecl(Fn.RowCallbackParam);
  // The name as written, without its class: "sqlite3_exec", "for_query";
  // the tail of a static string, so it ends where the name does.
  llvm::StringRef Qualified(Fn.QualifiedName);
  size_t Scope = Qualified.rfind("::");
  Result.Name = Scope == llvm::StringRef::npos ? Fn.QualifiedName
                                               : Fn.QualifiedName + Scope + 2;
  return Result;
}

const Expr *heldRowCallback(const Expr *Call, const ApiFunction &Fn) {
  if (Fn.RowCallbackArg == NoArg)
    return nullptr;
  const Expr *Arg = callArg(Call, Fn.RowCallbackArg);
  if (!Arg || lambdaOf(Arg) || callableBody(Arg))
    return nullptr;
  // `cb`, `h->on_row`, `handler_`: what the context can resolve.
  const Expr *E = stripTemporaries(Arg);
  return isa<DeclRefExpr>(E) || isa<MemberExpr>(E) ? Arg : nullptr;
}

const FunctionDecl *callableBody(const Expr *E) {
  if (const auto *LE = dyn_cast_or_null<LambdaExpr>(stripTemporaries(E)))
    return bodyOwner(LE);
  return namedFunctionOf(E);
}

ElementCopy elementCopy(const Expr *Call) {
  std::optional<AlgorithmCall> A = algorithmCall(Call);
  if (!A)
    return {};
  for (const CopyShape &S : copyAlgorithms()) {
    if (S.Args != A->Args || A->Name != S.Name)
      continue;
    const Expr *Source = A->arg(S.Source);
    if (const Expr *Whole = objectOfAccessor(Source, {"begin", "cbegin"}))
      Source = Whole;
    return {Source, outputContainer(A->arg(S.Output))};
  }
  return {};
}

} // namespace nplusone
