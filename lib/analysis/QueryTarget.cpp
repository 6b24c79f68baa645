//===- QueryTarget.cpp - What a call runs and what feeds it ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/QueryTarget.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace nplusone {

namespace {

/// The SQL argument of a prepare or execute call, or null.
const Expr *sqlOf(const CallFacts *C) {
  return C ? callArg(C->Call, C->Api.Function->SqlArg) : nullptr;
}

/// The calls of \p Calls on the statement \p Field holds, when a member
/// holds it: handles are keyed by their root variable, so `d->insert_tag`
/// and `d->find_tag` share a key; calls naming another member are left out.
llvm::SmallVector<const CallFacts *, 4>
onStatementIn(llvm::ArrayRef<const CallFacts *> Calls, const FieldDecl *Field,
              const FunctionFacts &Facts) {
  llvm::SmallVector<const CallFacts *, 4> Result;
  for (const CallFacts *C : Calls) {
    const FieldDecl *Other = Facts.handleFieldOf(*C);
    if (!Field || !Other || Other == Field)
      Result.push_back(C);
  }
  return Result;
}

/// The SQL the statement handle of \p Run was last given before the run
/// by a prepare, else by the first one; else the SQL of the statement last
/// run on it (`mysql_query(conn, sql)` before `mysql_store_result(conn)`).
const Expr *sqlOfHandle(const CallFacts &Run, const FunctionFacts &Facts) {
  const ValueDecl *Handle = Facts.handleOf(Run);
  const FieldDecl *Field = Facts.handleFieldOf(Run);
  SourceLocation Before = Run.Call->getBeginLoc();
  auto Prepares = onStatementIn(Facts.preparesOf(Handle), Field, Facts);
  if (!Prepares.empty()) {
    const CallFacts *P = FunctionFacts::lastBefore(Prepares, Before);
    if (const Expr *Sql = sqlOf(P ? P : Prepares.front()))
      return Sql;
  }
  return sqlOf(FunctionFacts::lastBefore(
      onStatementIn(Facts.executesOf(Handle), Field, Facts), Before,
      RoleExecute));
}

/// Visits one operand of a statement expression: the values inside a
/// binding helper (`use(id)`, `bind(name)`, `kvp("k", v)`) one by one, and
/// nothing of an output (`into(name)`).
void visitOperand(const Expr *E, bool IsSql, const FunctionFacts &Facts,
                  InputVisitor Visit, unsigned Depth = 0) {
  const Expr *Stripped = stripTemporaries(E);
  if (const CallFacts *C = Facts.factsOf(Stripped))
    if (C->Roles & RoleColumnRead)
      return;
  const auto *Call = dyn_cast<CallExpr>(Stripped);
  if (Call && Depth < 4 && !isa<CXXMemberCallExpr>(Call) &&
      !isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0) {
    for (const Expr *Arg : Call->arguments())
      visitOperand(Arg, IsSql, Facts, Visit, Depth + 1);
    return;
  }
  Visit(E, IsSql);
}

/// The parts of the full expression \p Root that a statement run by
/// \p Call takes its values from: the operands along the way from the root
/// down to the call (`, use(id)`, `.bind("u", v)`, `<< id`), one at a time so
/// a note can point at the one that carries a row. Outputs (`, into(x)`,
/// `>> x`) are not inputs; `<<` onto a statement that does not bind appends
/// to its SQL text.
void visitStatementParts(const Expr *Root, const Expr *Call,
                         const FunctionFacts &Facts, InputVisitor Visit) {
  const Stmt *Node = Root;
  for (unsigned Depth = 0; Node && Node != Call && Depth < 64; ++Depth) {
    bool Output = false, AppendsText = false;
    if (const auto *E = dyn_cast<Expr>(Node)) {
      if (const CallFacts *C = Facts.factsOf(E)) {
        Output = C->Roles & RoleColumnRead;
        const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        AppendsText =
            OC && OC->getOperator() == OO_LessLess && !(C->Roles & RoleBind);
      }
    }
    const Stmt *Next = nullptr;
    for (const Stmt *Child : Node->children()) {
      if (!Child)
        continue;
      if (!Next && subtreeContains(Child, Call))
        Next = Child;
      else if (const auto *E = dyn_cast<Expr>(Child); E && !Output)
        visitOperand(E, AppendsText, Facts, Visit);
    }
    Node = Next;
  }
}

/// A statement built as a typed object says what it is in its type.
const char *typedWriteKeyword(const Expr *Sql, const LibraryModel &Lib) {
  std::string Type = Sql->getType().getCanonicalType().getAsString();
  for (const StatementType &W : Lib.WriteStatementTypes)
    if (Type.find(W.TypeName) != std::string::npos)
      return W.Keyword;
  return nullptr;
}

} // namespace

bool isWriteText(llvm::StringRef Text, const LibraryModel *Lib) {
  if (Lib && !Lib->WriteCommands.empty()) {
    std::string Word = sqlLeadingKeyword(Text).value_or("");
    return llvm::any_of(Lib->WriteCommands, [&](const char *W) {
      return llvm::StringRef(Word).equals_insensitive(W);
    });
  }
  return classifySql(Text) == SqlStatementKind::Write;
}

void classifyByText(QueryTarget &Target, llvm::StringRef Text) {
  Target.IsWrite = Target.IsWrite || isWriteText(Text, Target.Library);
  bool Sql = !Target.Library || Target.Library->speaksSql();
  Target.IsSession = Sql && classifySql(Text) == SqlStatementKind::Session;
}

QueryTarget describeQuery(const CallFacts &C, const FunctionFacts &Facts,
                          NamedStatements *Named) {
  QueryTarget T;
  T.ApiCall = C.Call;
  T.Library = C.Api.Library;
  const ApiFunction &Fn = *C.Api.Function;
  if (Fn.SqlArg != NoArg) {
    T.Sql = callArg(C.Call, Fn.SqlArg);
  } else if (Fn.HandleArg != NoArg) {
    T.Handle = Facts.handleOf(C);
    T.Sql = sqlOfHandle(C, Facts);
    // A member prepared by a setup function or constructor.
    if (const FieldDecl *Field = Facts.handleFieldOf(C); !T.Sql && Field)
      T.Sql = Named ? Named->sqlInField(Field) : nullptr;
  } else if (Fn.NameArg != NoArg && Named) {
    if (auto Name = sqlTextParts(callArg(C.Call, Fn.NameArg), &Facts))
      T.Sql = Named->sqlNamed(T.Library, Name->Text);
  }
  switch (Fn.Access) {
  case AccessKind::Read:
    break;
  case AccessKind::Write:
    T.IsWrite = true;
    break;
  case AccessKind::ByText:
    if (auto Text = leadingSqlText(T.Sql, &Facts)) {
      classifyByText(T, *Text);
    } else if (T.Sql && T.Library) {
      T.WriteKeyword = typedWriteKeyword(T.Sql, *T.Library);
      T.IsWrite = T.WriteKeyword != nullptr;
    }
    break;
  }
  return T;
}

void forEachQueryInput(const CallFacts &C, const FunctionFacts &Facts,
                       InputVisitor Visit) {
  const ApiFunction &Fn = *C.Api.Function;
  if (const Expr *Sql = callArg(C.Call, Fn.SqlArg))
    Visit(Sql, true);
  if (Fn.FirstParamArg != NoArg)
    for (int I = Fn.FirstParamArg; const Expr *Arg = callArg(C.Call, I); ++I)
      Visit(Arg, false);
  // `sql << "...", use(id)`: the values bound after the SQL.
  if ((Fn.Roles & RoleStatementInputs) && C.FullExpr)
    visitStatementParts(C.FullExpr, C.Call, Facts, Visit);
  if (Fn.SqlArg != NoArg || Fn.HandleArg == NoArg)
    return;
  if (const Expr *HandleExpr = callArg(C.Call, Fn.HandleArg))
    Visit(HandleExpr, false);
  const ValueDecl *H = Facts.handleOf(C);
  if (!H)
    return;
  const FieldDecl *Field = Facts.handleFieldOf(C);
  // A handle prepared again (one QSqlQuery for a count, then an UPDATE)
  // runs with the values bound since the last prepare before the run.
  SourceLocation Prepared;
  for (const CallFacts *P : onStatementIn(Facts.preparesOf(H), Field, Facts))
    if (P->Call->getBeginLoc() < C.Call->getBeginLoc() &&
        (Prepared.isInvalid() || Prepared < P->Call->getBeginLoc()))
      Prepared = P->Call->getBeginLoc();
  for (const CallFacts *B : onStatementIn(Facts.bindsOf(H), Field, Facts))
    if (Prepared.isInvalid() || !(B->Call->getBeginLoc() < Prepared))
      if (const Expr *V = callArg(B->Call, B->Api.Function->ValueArg))
        Visit(V, false);
  for (const CallFacts *P : onStatementIn(Facts.preparesOf(H), Field, Facts)) {
    if (const Expr *Sql = sqlOf(P))
      Visit(Sql, true);
    if ((P->Roles & RoleStatementInputs) && P->FullExpr)
      visitStatementParts(P->FullExpr, P->Call, Facts, Visit);
  }
}

namespace {
/// How an argument is shown as the value a call passes on: a value first,
/// then an object the callee may write through, then a library handle
/// (`MYSQL *conn`), which carries the row only because the callee could
/// store it there.
enum class ArgRank { Value, Object, Handle };

ArgRank rankOf(const Expr *Arg, const ParmVarDecl &P,
               const FunctionFacts &Facts) {
  if (!isMutableOutArg(Arg, &P))
    return ArgRank::Value;
  const ValueDecl *VD = passedObject(Arg);
  return VD && !Facts.executesOf(VD).empty() ? ArgRank::Handle
                                             : ArgRank::Object;
}
} // namespace

void forEachCallInput(const Expr *Call, LabelMask ParamFlow,
                      const FunctionFacts &Facts, InputVisitor Visit) {
  const FunctionDecl *FD = calleeOf(Call);
  unsigned NumParams = FD ? FD->getNumParams() : 0;
  for (ArgRank Rank : {ArgRank::Value, ArgRank::Object, ArgRank::Handle})
    for (unsigned I = 0; I < NumParams && I < ThisParamBit; ++I)
      if (ParamFlow & (LabelMask(1) << I))
        if (const Expr *Arg = callArg(Call, static_cast<int>(I));
            Arg && rankOf(Arg, *FD->getParamDecl(I), Facts) == Rank)
          Visit(Arg, false);
  if (ParamFlow & (LabelMask(1) << ThisParamBit))
    if (const Expr *Obj = callArg(Call, ImplicitObject))
      Visit(Obj, false);
}

LabelMask labelInputs(llvm::function_ref<void(InputVisitor)> ForEachInput,
                      const ValueFlow &Flow, LabelMask Wanted,
                      InputCarrier *Carrier, const Expr *Skip) {
  LabelMask Result = 0;
  ForEachInput([&](const Expr *E, bool IsSql) {
    if (!E)
      return;
    LabelMask Labels = Flow.labelsOf(E);
    Result |= Labels;
    if (Carrier && !Carrier->Value && (Labels & Wanted) && E != Skip) {
      Carrier->Value = E;
      Carrier->IsSqlText = IsSql;
    }
  });
  return Result;
}

namespace {

/// The data member a local relation object was copied from and not
/// changed since (`dbo::collection<ptr<Comment>> cs = post->comments;`);
/// null for anything else, such as the loop variable of a range-for over
/// the relation, which holds its elements.
const MemberExpr *copiedRelation(const Expr *Obj, const FunctionFacts &Facts) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  const auto *Copy = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  const Expr *Value = Copy ? singleValue(Copy, &Facts) : nullptr;
  const auto *Member =
      Value ? dyn_cast<MemberExpr>(stripTemporaries(Value)) : nullptr;
  if (!Member || !Facts.function().getASTContext().hasSameUnqualifiedType(
                     Copy->getType().getNonReferenceType(), Member->getType()))
    return nullptr;
  return Member;
}

} // namespace

const Expr *lazyLoadObject(const CallFacts &C, const FunctionFacts &Facts) {
  if (!(C.Roles & RoleLazyLoad) || !C.Api)
    return nullptr;
  const ApiFunction &Fn = *C.Api.Function;
  // `for (auto &c : post->comments)` calls begin() on the range written.
  const Expr *Obj = throughImplicitVariable(callArg(C.Call, Fn.HandleArg));
  if (!Obj || !(Fn.Roles & RoleOnMemberOnly) ||
      isa<MemberExpr>(Obj->IgnoreParenImpCasts()))
    return Obj;
  return copiedRelation(Obj, Facts);
}

std::string lazyRelationName(const CallFacts &C, const FunctionFacts &Facts) {
  const Expr *Obj = lazyLoadObject(C, Facts);
  if (!Obj)
    return "";
  if (const auto *ME = dyn_cast<MemberExpr>(Obj->IgnoreParenImpCasts()))
    return ME->getMemberDecl()->getNameAsString();
  return calledName(C.Call);
}

} // namespace nplusone
