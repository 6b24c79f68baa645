//===- Expressions.cpp - What an expression is, underneath ----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"
#include <utility>

using namespace clang;

namespace nplusone {

namespace {
/// Chains longer than this (a cast of a cast of ...) are not followed: real
/// code has a handful, hostile code may have thousands.
constexpr unsigned MaxUnwrapSteps = 256;

/// The expression \p E names through, one step: the base of a member or
/// subscript, the operand of `*`, `&`, a cast or a member operator.
const Expr *rootStep(const Expr *E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getSubExpr();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return ASE->getBase();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getNumArgs() == 0 ? nullptr : OC->getArg(0);
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return MT->getSubExpr();
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return CE->getSubExpr();
  return nullptr;
}
} // namespace

const ValueDecl *rootDecl(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < MaxUnwrapSteps; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return ME->getMemberDecl();
      E = Base;
      continue;
    }
    E = rootStep(E);
  }
  return nullptr;
}

const Expr *stripTemporaries(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < MaxUnwrapSteps; ++Steps) {
    E = E->IgnoreParenImpCasts();
    const Expr *Inner = nullptr;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      Inner = CE->getNumArgs() == 0 ? nullptr : CE->getArg(0);
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      Inner = BT->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      Inner = MT->getSubExpr();
    else if (const auto *FC = dyn_cast<ExplicitCastExpr>(E))
      Inner = FC->getSubExpr();
    else if (const auto *EC = dyn_cast<ExprWithCleanups>(E))
      Inner = EC->getSubExpr();
    if (!Inner)
      return E;
    E = Inner;
  }
  return E;
}

const Expr *throughImplicitVariable(const Expr *E) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->isImplicit() && VD->getInit() ? VD->getInit() : E;
}

SourceLocation writtenLocation(const Expr *Call) {
  if (!Call)
    return {};
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const Expr *Obj = MC->getImplicitObjectArgument()) {
      const Expr *Written = throughImplicitVariable(Obj);
      if (Written != Obj && Written->getBeginLoc().isValid())
        return Written->getBeginLoc();
    }
  return Call->getBeginLoc();
}

const StringLiteral *literalInMacro(const Expr *E, const ASTContext &Ctx,
                                    bool (*IsLiteralMacro)(StringRef Name)) {
  if (!E || !E->getBeginLoc().isMacroID())
    return nullptr;
  StringRef Macro = Lexer::getImmediateMacroName(
      E->getBeginLoc(), Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!IsLiteralMacro(Macro))
    return nullptr;
  // Qt 5's expansion is a lambda called in place, the literal in its body.
  const Stmt *Root = E;
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E->IgnoreParens()))
    if (const auto *Lambda = dyn_cast<LambdaExpr>(
            stripTemporaries(Call->getArg(0))->IgnoreImplicit()))
      Root = Lambda->getBody();
  const StringLiteral *Found = nullptr;
  walkSubtree(Root, [&](const Stmt *S) {
    Found = dyn_cast<StringLiteral>(S);
    return Found ? WalkAction::Stop : WalkAction::Continue;
  });
  return Found;
}

const Expr *withoutStdMove(const Expr *E) {
  const auto *Move = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *FD = Move ? Move->getDirectCallee() : nullptr;
  if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
      FD->getName() == "move" && Move->getNumArgs() == 1)
    return Move->getArg(0);
  return E;
}

const ValueDecl *addressedDecl(const Expr *E) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return UO && UO->getOpcode() == UO_AddrOf ? rootDecl(UO->getSubExpr())
                                            : nullptr;
}

const FieldDecl *namedField(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < MaxUnwrapSteps; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref))
      return nullptr;
    E = UO->getSubExpr();
  }
  return nullptr;
}

std::string memberPath(const Expr *E) {
  std::string Path;
  for (unsigned Steps = 0; E && Steps < MaxUnwrapSteps; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const IdentifierInfo *Name = DRE->getDecl()->getIdentifier();
      return Name && !Path.empty() ? Name->getName().str() + Path : "";
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const IdentifierInfo *Member =
        ME ? ME->getMemberDecl()->getIdentifier() : nullptr;
    if (!Member || !isa<FieldDecl>(ME->getMemberDecl()))
      return "";
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return ME->isImplicitAccess() ? Member->getName().str() + Path
                                    : "this->" + Member->getName().str() + Path;
    Path = (ME->isArrow() ? "->" : ".") + Member->getName().str() + Path;
    E = ME->getBase();
  }
  return "";
}

const ValueDecl *passedObject(const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  const auto *ME = dyn_cast<MemberExpr>(E);
  return ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())
             ? ME->getMemberDecl()
             : nullptr;
}

const DeclRefExpr *pointerTestedForNull(const Expr *Cond, ASTContext &Ctx) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() != BO_Assign) {
    if (BO->getOpcode() != BO_NE)
      return nullptr;
    const Expr *LHS = BO->getLHS(), *RHS = BO->getRHS();
    if (LHS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      std::swap(LHS, RHS);
    if (!RHS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return nullptr;
    Cond = LHS->IgnoreParenImpCasts();
  }
  // `(c = c->next) != NULL` tests what it stores.
  if (const auto *Store = dyn_cast<BinaryOperator>(Cond);
      Store && Store->getOpcode() == BO_Assign)
    Cond = Store->getLHS()->IgnoreParenImpCasts();
  // `*lst`: the head of a list held through a pointer to it.
  if (const auto *Deref = dyn_cast<UnaryOperator>(Cond);
      Deref && Deref->getOpcode() == UO_Deref &&
      Deref->getType()->isPointerType())
    Cond = Deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Cond);
  return DRE && DRE->getType()->isPointerType() ? DRE : nullptr;
}

bool clearsItsCondition(const ForStmt *FS) {
  const auto *Inc =
      FS ? dyn_cast_or_null<BinaryOperator>(FS->getInc()) : nullptr;
  const Expr *Cond = FS ? FS->getCond() : nullptr;
  if (!Inc || Inc->getOpcode() != BO_Assign || !Cond)
    return false;
  const auto *Zero =
      dyn_cast<IntegerLiteral>(Inc->getRHS()->IgnoreParenImpCasts());
  const auto *Tested = dyn_cast<MemberExpr>(Cond->IgnoreParenImpCasts());
  const auto *Cleared =
      dyn_cast<MemberExpr>(Inc->getLHS()->IgnoreParenImpCasts());
  return Zero && Zero->getValue() == 0 && Tested && Cleared &&
         Tested->getMemberDecl() == Cleared->getMemberDecl() &&
         rootDecl(Tested) == rootDecl(Cleared);
}

const Expr *steppedByOne(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->isIncrementDecrementOp() ? UO->getSubExpr() : nullptr;
  const auto *CA = dyn_cast<CompoundAssignOperator>(E);
  if (!CA ||
      (CA->getOpcode() != BO_AddAssign && CA->getOpcode() != BO_SubAssign))
    return nullptr;
  const auto *By =
      dyn_cast<IntegerLiteral>(CA->getRHS()->IgnoreParenImpCasts());
  return By && By->getValue() == 1 ? CA->getLHS() : nullptr;
}

} // namespace nplusone
