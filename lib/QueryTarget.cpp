//===- QueryTarget.cpp - What a library call runs -------------------------===//

#include "lib/QueryTarget.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

const Expr *stripTemporaries(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 64; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0)
        return E;
      E = CE->getArg(0);
      continue;
    }
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
      continue;
    }
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
      continue;
    }
    if (const auto *FC = dyn_cast<ExplicitCastExpr>(E)) {
      E = FC->getSubExpr();
      continue;
    }
    if (const auto *EC = dyn_cast<ExprWithCleanups>(E)) {
      E = EC->getSubExpr();
      continue;
    }
    return E;
  }
  return E;
}

const Expr *singleValue(const VarDecl *VD, const FunctionFacts *Facts) {
  if (Facts && VD->isLocalVarDecl()) {
    auto Values = Facts->valuesOf(VD);
    if (Values.size() != 1)
      return nullptr;
    // `sql += " WHERE id = " + ...` changes it without a new value.
    unsigned Writes = 0;
    for (const FlowEdge &E : Facts->edges())
      Writes += E.Dst == VD;
    return Writes == 1 ? Values.front() : nullptr;
  }
  // A constant at namespace or class scope.
  if (VD->getType().isConstQualified() ||
      (VD->getType()->isPointerType() &&
       VD->getType()->getPointeeType().isConstQualified() &&
       VD->getType().isConstQualified()))
    return VD->getInit();
  return nullptr;
}

const StringLiteral *sqlLiteral(const Expr *E, const FunctionFacts *Facts) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = stripTemporaries(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL;
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || isa<ParmVarDecl>(VD))
      return nullptr;
    E = singleValue(VD, Facts);
  }
  return nullptr;
}

std::optional<std::string> sqlTextPrefix(const Expr *E,
                                         const FunctionFacts *Facts) {
  if (const StringLiteral *SL = sqlLiteral(E, Facts)) {
    if (SL->getCharByteWidth() == 1)
      return SL->getString().str();
    return std::nullopt;
  }
  // The leftmost literal of a concatenation decides the statement kind.
  const Expr *Cur = E;
  for (unsigned Steps = 0; Cur && Steps < 64; ++Steps) {
    Cur = stripTemporaries(Cur);
    if (const auto *SL = dyn_cast<StringLiteral>(Cur))
      return SL->getCharByteWidth() == 1
                 ? std::optional<std::string>(SL->getString().str())
                 : std::nullopt;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cur)) {
      Cur = BO->getLHS();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cur)) {
      if (OC->getNumArgs() == 0)
        return std::nullopt;
      Cur = OC->getArg(0);
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || isa<ParmVarDecl>(VD) || !Facts)
        return std::nullopt;
      auto Values = Facts->valuesOf(VD);
      if (!Values.empty()) {
        Cur = Values.front();
        // `const char *argv[] = {"HSET", key, value}`: the command word.
        if (const auto *IL = dyn_cast<InitListExpr>(Cur->IgnoreImplicit()))
          Cur = IL->getNumInits() > 0 ? IL->getInit(0) : nullptr;
        continue;
      }
      // A buffer filled through a call: `snprintf(sql, n, "DELETE ...", id)`
      // takes its text from the literal among the call's arguments.
      for (const FlowEdge &E : Facts->edges())
        if (E.Dst == VD)
          if (const auto *SL = dyn_cast<StringLiteral>(stripTemporaries(E.Src)))
            if (SL->getCharByteWidth() == 1)
              return SL->getString().str();
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

namespace {

/// The SQL a statement handle was last given before \p Before: by a
/// prepare, else by the first one.
const Expr *preparedSql(const ValueDecl *Handle, const Expr *Before,
                        const FunctionFacts &Facts) {
  const CallFacts *Best = nullptr;
  for (const CallFacts *P : Facts.preparesOf(Handle))
    if (!Best || P->Call->getBeginLoc() < Before->getBeginLoc())
      Best = P;
  return Best ? callArg(Best->Call, Best->Api.Function->SqlArg) : nullptr;
}

/// The SQL of the statement last run on \p Handle before \p Before
/// (`mysql_query(conn, sql)` before `mysql_store_result(conn)`).
const Expr *lastRunSql(const ValueDecl *Handle, const Expr *Before,
                       const FunctionFacts &Facts) {
  const Expr *Sql = nullptr;
  for (const CallFacts *E : Facts.executesOf(Handle)) {
    if (!(E->Call->getBeginLoc() < Before->getBeginLoc()))
      break;
    if (E->Roles & RoleExecute)
      Sql = callArg(E->Call, E->Api.Function->SqlArg);
  }
  return Sql;
}

bool isWriteText(llvm::StringRef Text, const LibraryModel *Lib) {
  if (Lib && !Lib->WriteCommands.empty()) {
    std::string Word = sqlLeadingKeyword(Text).value_or("");
    return llvm::any_of(Lib->WriteCommands, [&](const char *W) {
      return llvm::StringRef(Word).equals_insensitive(W);
    });
  }
  return classifySql(Text) == SqlStatementKind::Write;
}

bool contains(const Stmt *Root, const Stmt *Target) {
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  for (unsigned Visited = 0; !Work.empty() && Visited < 4096; ++Visited) {
    const Stmt *S = Work.pop_back_val();
    if (S == Target)
      return true;
    if (S)
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
  }
  return false;
}

/// Visits one operand of a statement expression: the values inside a
/// binding helper (`use(id)`, `bind(name)`, `kvp("k", v)`) one by one, and
/// nothing of an output (`into(name)`).
void visitOperand(const Expr *E, bool IsSql, const FunctionFacts &Facts,
                  llvm::function_ref<void(const Expr *, bool)> Visit,
                  unsigned Depth = 0) {
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
                         const FunctionFacts &Facts,
                         llvm::function_ref<void(const Expr *, bool)> Visit) {
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
      if (!Next && contains(Child, Call))
        Next = Child;
      else if (const auto *E = dyn_cast<Expr>(Child); E && !Output)
        visitOperand(E, AppendsText, Facts, Visit);
    }
    Node = Next;
  }
}

} // namespace

QueryTarget describeQuery(const CallFacts &C, const FunctionFacts &Facts) {
  QueryTarget T;
  T.ApiCall = C.Call;
  T.Library = C.Api.Library;
  const ApiFunction &Fn = *C.Api.Function;
  if (Fn.SqlArg != NoArg) {
    T.Sql = callArg(C.Call, Fn.SqlArg);
  } else if (Fn.HandleArg != NoArg) {
    T.Handle = Facts.handleOf(C);
    T.Sql = preparedSql(T.Handle, C.Call, Facts);
    // A statement made by running SQL once and run again later.
    if (!T.Sql)
      T.Sql = lastRunSql(T.Handle, C.Call, Facts);
  }
  switch (Fn.Access) {
  case AccessKind::Read:
    break;
  case AccessKind::Write:
    T.IsWrite = true;
    break;
  case AccessKind::ByText:
    if (auto Text = sqlTextPrefix(T.Sql, &Facts)) {
      T.IsWrite = isWriteText(*Text, T.Library);
    } else if (T.Sql && T.Library) {
      // A statement built as a typed object says what it is in its type.
      std::string Type = T.Sql->getType().getCanonicalType().getAsString();
      for (const StatementType &W : T.Library->WriteStatementTypes)
        if (Type.find(W.TypeName) != std::string::npos) {
          T.IsWrite = true;
          T.WriteKeyword = W.Keyword;
          break;
        }
    }
    break;
  }
  return T;
}

void forEachQueryInput(const CallFacts &C, const FunctionFacts &Facts,
                       llvm::function_ref<void(const Expr *, bool)> Visit) {
  const ApiFunction &Fn = *C.Api.Function;
  if (Fn.SqlArg != NoArg)
    if (const Expr *Sql = callArg(C.Call, Fn.SqlArg))
      Visit(Sql, true);
  if (Fn.FirstParamArg != NoArg)
    for (int I = Fn.FirstParamArg; callArg(C.Call, I); ++I)
      Visit(callArg(C.Call, I), false);
  // `sql << "...", use(id)`: the values bound after the SQL.
  if ((Fn.Roles & RoleStatementInputs) && C.FullExpr)
    visitStatementParts(C.FullExpr, C.Call, Facts, Visit);
  if (Fn.SqlArg != NoArg || Fn.HandleArg == NoArg)
    return;
  const Expr *HandleExpr = callArg(C.Call, Fn.HandleArg);
  if (HandleExpr)
    Visit(HandleExpr, false);
  if (const ValueDecl *H = Facts.handleOf(C)) {
    for (const CallFacts *B : Facts.bindsOf(H))
      if (const Expr *V = callArg(B->Call, B->Api.Function->ValueArg))
        Visit(V, false);
    for (const CallFacts *P : Facts.preparesOf(H)) {
      if (const Expr *Sql = callArg(P->Call, P->Api.Function->SqlArg))
        Visit(Sql, true);
      if ((P->Roles & RoleStatementInputs) && P->FullExpr)
        visitStatementParts(P->FullExpr, P->Call, Facts, Visit);
    }
  }
}

LabelMask queryInputs(const CallFacts &C, const FunctionFacts &Facts,
                      const ValueFlow &Flow, LabelMask Wanted,
                      const Expr **Carrier, bool *IsSqlText) {
  LabelMask Result = 0;
  const ApiFunction &Fn = *C.Api.Function;
  bool ViaHandle = Fn.SqlArg == NoArg && Fn.HandleArg != NoArg;
  forEachQueryInput(C, Facts, [&](const Expr *E, bool Sql) {
    LabelMask L = Flow.labelsOf(E);
    Result |= L;
    // Point the note at the bind or prepare that carries the label rather
    // than at the handle itself.
    bool IsHandle = ViaHandle && E == callArg(C.Call, Fn.HandleArg);
    if (Carrier && !*Carrier && (L & Wanted) && !IsHandle) {
      *Carrier = E;
      if (IsSqlText)
        *IsSqlText = Sql;
    }
  });
  return Result;
}

} // namespace nplusone
