//===- CallbackAlgorithms.cpp - Calls that run a callable per element ----===//

#include "lib/CallbackAlgorithms.h"
#include "lib/ApiModel.h"
#include "lib/FunctionFacts.h"
#include "lib/QueryTarget.h"
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

/// An algorithm by name and argument count, without an execution policy:
/// which argument is the range (or its first iterator), which the callable,
/// and which parameter of the callable receives the element.
struct AlgorithmShape {
  const char *Name;
  unsigned Args;
  unsigned Range;
  unsigned Callable;
  unsigned Element;
};

// The standard algorithms whose callable runs once per element (not
// comparators, which run many times per element), the std::ranges
// function objects, and Qt Concurrent's map and filter family.
const AlgorithmShape Shapes[] = {
    {"std::for_each", 3, 0, 2, 0},
    {"std::for_each_n", 3, 0, 2, 0},
    {"std::transform", 4, 0, 3, 0},
    {"std::transform", 5, 0, 4, 0},
    {"std::accumulate", 4, 0, 3, 1},
    {"std::reduce", 4, 0, 3, 1},
    {"std::transform_reduce", 5, 0, 4, 0},
    {"std::count_if", 3, 0, 2, 0},
    {"std::find_if", 3, 0, 2, 0},
    {"std::find_if_not", 3, 0, 2, 0},
    {"std::all_of", 3, 0, 2, 0},
    {"std::any_of", 3, 0, 2, 0},
    {"std::none_of", 3, 0, 2, 0},
    {"std::copy_if", 4, 0, 3, 0},
    {"std::remove_if", 3, 0, 2, 0},
    {"std::remove_copy_if", 4, 0, 3, 0},
    {"std::replace_if", 4, 0, 2, 0},
    {"std::partition", 3, 0, 2, 0},
    {"std::stable_partition", 3, 0, 2, 0},
    {"std::ranges::for_each", 2, 0, 1, 0},
    {"std::ranges::for_each", 3, 0, 2, 0},
    {"std::ranges::for_each_n", 3, 0, 2, 0},
    {"std::ranges::transform", 3, 0, 2, 0},
    {"std::ranges::transform", 4, 0, 3, 0},
    {"std::ranges::count_if", 2, 0, 1, 0},
    {"std::ranges::find_if", 2, 0, 1, 0},
    {"std::ranges::all_of", 2, 0, 1, 0},
    {"std::ranges::any_of", 2, 0, 1, 0},
    {"std::ranges::none_of", 2, 0, 1, 0},
    {"std::ranges::copy_if", 3, 0, 2, 0},
    {"QtConcurrent::map", 2, 0, 1, 0},
    {"QtConcurrent::map", 3, 0, 2, 0},
    {"QtConcurrent::mapped", 2, 0, 1, 0},
    {"QtConcurrent::mapped", 3, 0, 2, 0},
    {"QtConcurrent::blockingMap", 2, 0, 1, 0},
    {"QtConcurrent::blockingMap", 3, 0, 2, 0},
    {"QtConcurrent::blockingMapped", 2, 0, 1, 0},
    {"QtConcurrent::blockingMapped", 3, 0, 2, 0},
    {"QtConcurrent::mappedReduced", 3, 0, 1, 0},
    {"QtConcurrent::blockingMappedReduced", 3, 0, 1, 0},
    {"QtConcurrent::filter", 2, 0, 1, 0},
    {"QtConcurrent::filtered", 2, 0, 1, 0},
    {"QtConcurrent::blockingFilter", 2, 0, 1, 0},
    {"QtConcurrent::blockingFiltered", 2, 0, 1, 0},
};

/// Cheap filter, run on every call, before any qualified name is built:
/// the unqualified names of the table, collected once.
bool mayBeAlgorithm(llvm::StringRef Last) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> Result;
    for (const AlgorithmShape &S : Shapes)
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
  for (const AlgorithmShape &S : Shapes) {
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
