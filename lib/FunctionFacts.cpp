//===- FunctionFacts.cpp - One walk over a function body ------------------===//

#include "lib/FunctionFacts.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace nplusone {

namespace {
/// Deeper bodies than this are not walked further: the walk stays bounded on
/// generated or hostile code, and its stack (two frames a level, larger
/// under AddressSanitizer) stays well inside the main thread's 8 MiB. Real
/// code nests a few dozen levels; 200 nested loops take about 400.
constexpr unsigned MaxWalkDepth = 600;
} // namespace

const ValueDecl *rootDecl(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 256; ++Steps) {
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
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getNumArgs() == 0)
        return nullptr;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const FunctionDecl *calleeOf(const Expr *Call) {
  if (const auto *C = dyn_cast_or_null<CallExpr>(Call))
    return C->getDirectCallee();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return CE->getConstructor();
  return nullptr;
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

unsigned callArgCount(const Expr *Call) {
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return CE->getNumArgs();
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return 0;
  return C->getNumArgs() - (isMemberOperator(C) ? 1 : 0);
}

/// Walks a body once, recording loops, calls and flow edges.
class FactsWalker {
public:
  FactsWalker(FunctionFacts &F, const ApiModel &Model) : F(F), Model(Model) {}

  void walk(const Stmt *S, unsigned Depth) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E || FullExpr) {
      walkStmt(S, Depth);
      return;
    }
    FullExpr = E;
    walkStmt(S, Depth);
    FullExpr = nullptr;
  }

  void walkStmt(const Stmt *S, unsigned Depth) {
    if (!S)
      return;
    if (Depth > MaxWalkDepth) {
      F.Truncated = true;
      return;
    }
    // Unevaluated operands never run; lambda bodies run when the lambda is
    // called, which is not here.
    if (isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXTypeidExpr>(S) ||
        isa<CXXNoexceptExpr>(S))
      return;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : LE->capture_inits())
        walk(Init, Depth + 1);
      return;
    }

    bool InBlock = BlockChild == S;
    if (const auto *FS = dyn_cast<ForStmt>(S)) {
      walk(FS->getInit(), Depth + 1); // once, before the loop
      int L = enterLoop(FS, InBlock);
      walkCondition(FS->getCond(), L, Depth + 1);
      walk(FS->getConditionVariableDeclStmt(), Depth + 1);
      walk(FS->getInc(), Depth + 1);
      walk(FS->getBody(), Depth + 1);
      leaveLoop();
      return;
    }
    if (const auto *WS = dyn_cast<WhileStmt>(S)) {
      int L = enterLoop(WS, InBlock);
      walk(WS->getConditionVariableDeclStmt(), Depth + 1);
      walkCondition(WS->getCond(), L, Depth + 1);
      walk(WS->getBody(), Depth + 1);
      leaveLoop();
      return;
    }
    if (const auto *DS = dyn_cast<DoStmt>(S)) {
      int L = enterLoop(DS, InBlock);
      walk(DS->getBody(), Depth + 1);
      walkCondition(DS->getCond(), L, Depth + 1);
      leaveLoop();
      return;
    }
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(S)) {
      walk(RF->getInit(), Depth + 1);
      walk(RF->getRangeInit(), Depth + 1); // evaluated once
      int L = enterLoop(RF, InBlock);
      if (const VarDecl *LV = RF->getLoopVariable())
        F.Edges.push_back({LV, RF->getRangeInit(), L});
      walk(RF->getLoopVarStmt(), Depth + 1);
      walk(RF->getBody(), Depth + 1);
      leaveLoop();
      return;
    }
    if (const auto *IS = dyn_cast<IfStmt>(S)) {
      walk(IS->getInit(), Depth + 1);
      walk(IS->getConditionVariableDeclStmt(), Depth + 1);
      walk(IS->getCond(), Depth + 1);
      ++Conditional;
      walk(IS->getThen(), Depth + 1);
      walk(IS->getElse(), Depth + 1);
      --Conditional;
      return;
    }
    if (const auto *SS = dyn_cast<SwitchStmt>(S)) {
      walk(SS->getInit(), Depth + 1);
      walk(SS->getConditionVariableDeclStmt(), Depth + 1);
      walk(SS->getCond(), Depth + 1);
      ++Conditional;
      walk(SS->getBody(), Depth + 1);
      --Conditional;
      return;
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S)) {
      walk(CO->getCond(), Depth + 1);
      ++Conditional;
      walk(CO->getTrueExpr(), Depth + 1);
      walk(CO->getFalseExpr(), Depth + 1);
      --Conditional;
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isLogicalOp()) {
        walk(BO->getLHS(), Depth + 1);
        ++Conditional;
        walk(BO->getRHS(), Depth + 1);
        --Conditional;
        return;
      }
      if (BO->isAssignmentOp())
        addEdge(BO->getLHS(), BO->getRHS(), /*IsValue=*/true);
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if (UO->isIncrementDecrementOp())
        addEdge(UO->getSubExpr(), UO->getSubExpr(), /*IsValue=*/false);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        recordDecl(D);
    }
    // A return in a lambda walked in place ends the lambda, not this
    // function.
    if (const auto *RS = dyn_cast<ReturnStmt>(S))
      if (const Expr *Value = RS->getRetValue(); Value && !InCallback)
        F.Returns.push_back(Value);
    CallbackLoop Callback;
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      recordCall(C);
      Callback = perElementCallback(C);
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
      recordConstruct(CE);
    }

    bool IsBlock = isa<CompoundStmt>(S);
    for (const Stmt *Child : S->children()) {
      if (IsBlock)
        BlockChild = Child;
      walk(Child, Depth + 1);
    }
    // The algorithm runs its lambda once per element, after its arguments
    // are evaluated: the lambda's body is that loop's body. A named lambda
    // handed to two algorithms is walked at the first.
    if (Callback.Lambda && WalkedLambdas.insert(Callback.Lambda).second)
      walkCallbackLoop(S, Callback, Depth + 1);
  }

  void finish() {
    for (unsigned I = 0; I < F.Calls.size(); ++I)
      F.CallIndex[F.Calls[I].Call] = I;
    // Calls whose value is the handle: the variable their full expression
    // stores into (`statement st = (sql.prepare << "...", use(id));`).
    for (const CallFacts &C : F.Calls)
      if (C.Api && C.Api.Function->HandleArg == ReturnValue)
        if (const ValueDecl *VD = F.VarOfFullExpr.lookup(C.FullExpr))
          F.ReturnHandles[C.Call] = VD;
    for (CallFacts &C : F.Calls)
      markRunInPlace(C);
    // A column read without a handle of its own (`into(name)`) reads the
    // statement of its full expression.
    llvm::DenseMap<const Expr *, const ValueDecl *> StatementOfFullExpr;
    for (const CallFacts &C : F.Calls)
      if (C.Roles & RoleStatementInputs)
        if (const ValueDecl *H = F.handleOf(C))
          StatementOfFullExpr.try_emplace(C.FullExpr, H);
    for (const CallFacts &C : F.Calls) {
      unsigned Roles = C.Roles;
      if (!(Roles & (RolePrepare | RoleBind | RoleColumnRead | RoleExecute |
                     RoleResultOf)))
        continue;
      const ValueDecl *H = F.handleOf(C);
      if (!H && (Roles & RoleColumnRead) && C.Api.Function->HandleArg == NoArg)
        H = StatementOfFullExpr.lookup(C.FullExpr);
      if (!H)
        continue;
      if (Roles & RoleColumnRead)
        F.ColumnReads[C.Call] = H;
      else if (Roles & RolePrepare)
        F.Prepares[H].push_back(&C);
      else if (Roles & RoleBind)
        F.Binds[H].push_back(&C);
      if (Roles & (RoleExecute | RoleResultOf))
        F.Executes[H].push_back(&C);
    }
  }

private:
  void walkCallbackLoop(const Stmt *Call, const CallbackLoop &Callback,
                        unsigned Depth) {
    const Expr *SavedFullExpr = FullExpr;
    FullExpr = nullptr;
    int L = enterLoop(Call, /*InBlock=*/false);
    F.Loops[L].Callback = Callback;
    // The element parameter takes each value of the range, as a range-for
    // variable does.
    if (Callback.Element)
      F.Edges.push_back({Callback.Element, Callback.Range, L});
    ++InCallback;
    walk(Callback.Body, Depth);
    --InCallback;
    leaveLoop();
    FullExpr = SavedFullExpr;
  }

  int currentLoop() const {
    return LoopStack.empty() ? -1 : LoopStack.back().Loop;
  }

  int enterLoop(const Stmt *Loop, bool InBlock) {
    int Index = static_cast<int>(F.Loops.size());
    LoopFacts Facts;
    Facts.Loop = Loop;
    Facts.Parent = LoopStack.empty() ? -1 : LoopStack.back().Loop;
    Facts.InBlock = InBlock;
    F.Loops.push_back(Facts);
    LoopStack.push_back({Index, Conditional});
    Conditional = 0;
    return Index;
  }
  void leaveLoop() {
    Conditional = LoopStack.back().SavedConditional;
    LoopStack.pop_back();
  }

  /// Calls in a loop condition run once per iteration; the loop's own cursor
  /// step is marked so it is not counted as a query inside its own loop.
  void walkCondition(const Expr *Cond, int Loop, unsigned Depth) {
    size_t FirstCall = F.Calls.size();
    walk(Cond, Depth);
    for (size_t I = FirstCall; I < F.Calls.size(); ++I)
      F.Calls[I].InConditionOf = Loop;
    for (size_t I = FirstCall; I < F.Calls.size(); ++I) {
      CallFacts &C = F.Calls[I];
      if ((C.Roles & RoleAdvance) && C.ConditionOfLoop < 0) {
        C.ConditionOfLoop = Loop;
        break;
      }
    }
  }

  void recordDecl(const Decl *D) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->getInit())
      return;
    F.Values[VD].push_back(VD->getInit());
    F.VarOfFullExpr.try_emplace(VD->getInit(), VD);
    F.Edges.push_back({VD, VD->getInit(), currentLoop()});
    if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
      for (const BindingDecl *B : DD->bindings())
        F.Edges.push_back({B, VD->getInit(), currentLoop()});
  }

  void addEdge(const Expr *Dst, const Expr *Src, bool IsValue) {
    const ValueDecl *D = rootDecl(Dst);
    if (!D)
      return;
    F.Edges.push_back({D, Src, currentLoop()});
    if (!IsValue)
      return;
    F.Values[D].push_back(Src);
    if (FullExpr)
      F.VarOfFullExpr.try_emplace(FullExpr, D);
    // `bind.buffer = &id`: what is written through the destination later
    // (a fetch into the bind array) reaches the pointee.
    if (const auto *UO = dyn_cast<UnaryOperator>(Src->IgnoreParenImpCasts()))
      if (UO->getOpcode() == UO_AddrOf)
        if (const ValueDecl *Pointee = rootDecl(UO->getSubExpr()))
          F.Edges.push_back({Pointee, Dst, currentLoop()});
  }

  static bool isMutableOutArg(const Expr *Arg, const ParmVarDecl *Param) {
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

  void placeInLoops(CallFacts &Facts) const {
    if (LoopStack.empty())
      return;
    Facts.Loop = LoopStack.back().Loop;
    // Walk out to the first loop whose body holds a conditional around us.
    int Count = Conditional;
    for (size_t I = LoopStack.size(); I-- > 0;) {
      if (Count > 0) {
        Facts.ConditionalIn = LoopStack[I].Loop;
        break;
      }
      Count = LoopStack[I].SavedConditional;
    }
  }

  void recordCall(const CallExpr *C) {
    CallFacts Facts;
    Facts.Call = C;
    Facts.Api = Model.lookup(C->getDirectCallee());
    Facts.Roles = Facts.Api ? Facts.Api.Function->Roles : 0;
    Facts.FullExpr = FullExpr;
    placeInLoops(Facts);
    F.Calls.push_back(std::move(Facts));
    const CallFacts &CF = F.Calls.back();

    if (CF.Api) {
      recordApiEdges(CF);
      recordQueryOutputs(CF);
      return;
    }
    const FunctionDecl *Callee = C->getDirectCallee();
    // `x = y`, `s += t`, `out << v` on class types.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
      OverloadedOperatorKind Op = OC->getOperator();
      if (OC->getNumArgs() == 2) {
        if (Op == OO_GreaterGreater) // `in >> v` fills v
          addEdge(OC->getArg(1), OC->getArg(0), false);
        else if (Op == OO_Equal)
          addEdge(OC->getArg(0), OC->getArg(1), true);
        else if (Op == OO_LessLess || Op == OO_PlusEqual ||
                 Op == OO_MinusEqual || Op == OO_PipeEqual)
          addEdge(OC->getArg(0), OC->getArg(1), false);
      } else if (OC->getNumArgs() == 1 &&
                 (Op == OO_PlusPlus || Op == OO_MinusMinus)) {
        addEdge(OC->getArg(0), OC->getArg(0), false);
      }
      return;
    }
    // A non-const method absorbs its arguments (`sql.append(id)`).
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
      const auto *MD = MC->getMethodDecl();
      if (MD && !MD->isConst())
        for (const Expr *Arg : MC->arguments())
          addEdge(MC->getImplicitObjectArgument(), Arg, false);
    }
    // Anything written through a mutable pointer or reference argument may
    // carry the other arguments (`snprintf(buf, n, "%d", id)`).
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const ParmVarDecl *P = Callee && I < Callee->getNumParams()
                                 ? Callee->getParamDecl(I)
                                 : nullptr;
      if (!isMutableOutArg(C->getArg(I), P))
        continue;
      for (unsigned J = 0; J < C->getNumArgs(); ++J)
        if (J != I)
          addEdge(C->getArg(I), C->getArg(J), false);
    }
  }

  void recordApiEdges(const CallFacts &CF) {
    const ApiFunction &Fn = *CF.Api.Function;
    const Expr *C = CF.Call;
    if (Fn.Roles & RolePrepare)
      addEdge(callArg(C, Fn.HandleArg), callArg(C, Fn.SqlArg), false);
    if (Fn.Roles & RoleBind)
      addEdge(callArg(C, Fn.HandleArg), callArg(C, Fn.ValueArg), false);
    // `SQLGetData(h, 1, type, &id, ...)`: id receives the column read.
    if ((Fn.Roles & RoleColumnRead) && Fn.ValueArg != NoArg)
      addEdge(callArg(C, Fn.ValueArg), C, false);
  }

  /// A read that fills a container through an output iterator holds its
  /// rows there: `redis.smembers("users", std::back_inserter(ids))`.
  void recordQueryOutputs(const CallFacts &CF) {
    const auto *C = dyn_cast<CallExpr>(CF.Call);
    if (!C || !(CF.Roles & RoleExecute))
      return;
    for (const Expr *Arg : C->arguments()) {
      const auto *Inserter =
          dyn_cast<CallExpr>(Arg->IgnoreParenImpCasts()->IgnoreImplicit());
      const FunctionDecl *FD = Inserter ? Inserter->getDirectCallee() : nullptr;
      if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier() ||
          Inserter->getNumArgs() == 0)
        continue;
      StringRef Name = FD->getName();
      if (Name == "back_inserter" || Name == "front_inserter" ||
          Name == "inserter")
        addEdge(Inserter->getArg(0), C, /*IsValue=*/true);
    }
  }

  /// A prepared statement run in its own expression is run at the prepare:
  /// by a manipulator (`, now`, `<< cppdb::exec`) or by a call on the
  /// temporary (`(sql << "...").exec()`, a conversion to a result), which
  /// then counts as no second query.
  void markRunInPlace(CallFacts &C) {
    if (!C.Api)
      return;
    const ApiFunction &Fn = *C.Api.Function;
    if ((Fn.Roles & RolePrepare) && !C.Api.Library->RunManipulators.empty() &&
        C.FullExpr &&
        mentionsFunction(C.FullExpr, C.Api.Library->RunManipulators))
      C.Roles |= RoleExecute;
    if (!(Fn.Roles & RoleExecute) || Fn.HandleArg != ImplicitObject ||
        Fn.SqlArg != NoArg)
      return;
    const Expr *Obj = callArg(C.Call, ImplicitObject);
    for (unsigned Steps = 0; Obj && Steps < 16; ++Steps) {
      CallFacts *Inner = const_cast<CallFacts *>(F.callIn(Obj));
      if (!Inner)
        return;
      if (Inner->Roles & RolePrepare) {
        Inner->Roles |= RoleExecute;
        C.Roles = 0;
        return;
      }
      Obj = callArg(Inner->Call, ImplicitObject);
    }
  }

  static bool mentionsFunction(const Expr *Root,
                               llvm::ArrayRef<const char *> Names) {
    llvm::SmallVector<const Stmt *, 16> Work{Root};
    for (unsigned Visited = 0; !Work.empty() && Visited < 4096; ++Visited) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (isa<FunctionDecl>(DRE->getDecl()) &&
            llvm::is_contained(Names, plainQualifiedName(DRE->getDecl())))
          return true;
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
    return false;
  }

  /// Library classes whose constructors the model knows, and constructors
  /// of user classes, which are followed as calls; the standard library's
  /// and trivial ones run no query.
  void recordConstruct(const CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    ApiModel::Match Api = Model.lookup(Ctor);
    if (!Api) {
      if (!Ctor || !Ctor->isUserProvided() || !Ctor->hasBody() ||
          Ctor->getParent()->isInStdNamespace())
        return;
      CallFacts Facts;
      Facts.Call = CE;
      Facts.FullExpr = FullExpr;
      placeInLoops(Facts);
      F.Calls.push_back(std::move(Facts));
      return;
    }
    // `QSqlQuery q;` runs nothing: the SQL argument is left to its default.
    const ApiFunction &Fn = *Api.Function;
    if ((Fn.Roles & (RoleExecute | RolePrepare)) && Fn.SqlArg != NoArg) {
      const Expr *Sql = callArg(CE, Fn.SqlArg);
      if (!Sql || isa<CXXDefaultArgExpr>(Sql))
        return;
    }
    CallFacts Facts;
    Facts.Call = CE;
    Facts.Api = Api;
    Facts.Roles = Fn.Roles;
    Facts.FullExpr = FullExpr;
    placeInLoops(Facts);
    F.Calls.push_back(std::move(Facts));
    recordApiEdges(F.Calls.back());
  }

  struct StackEntry {
    int Loop;
    int SavedConditional;
  };
  FunctionFacts &F;
  const ApiModel &Model;
  llvm::SmallVector<StackEntry, 8> LoopStack;
  int Conditional = 0;
  /// The statement of a block being walked, to tell loops in blocks apart.
  const Stmt *BlockChild = nullptr;
  /// The outermost expression being walked.
  const Expr *FullExpr = nullptr;
  llvm::SmallPtrSet<const LambdaExpr *, 4> WalkedLambdas;
  unsigned InCallback = 0;
};

FunctionFacts::FunctionFacts(const FunctionDecl &FD, const ApiModel &Model)
    : FD(FD) {
  FactsWalker W(*this, Model);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      W.walk(Init->getInit(), 0);
  W.walk(FD.getBody(), 0);
  W.finish();
}

namespace {
/// The list stored under \p Key, or an empty one.
template <typename MapT, typename KeyT>
auto listOf(const MapT &Map, const KeyT &Key)
    -> llvm::ArrayRef<typename MapT::mapped_type::value_type> {
  auto It = Map.find(Key);
  if (It == Map.end())
    return {};
  return It->second;
}
} // namespace

llvm::ArrayRef<const CallFacts *>
FunctionFacts::preparesOf(const ValueDecl *Handle) const {
  return listOf(Prepares, Handle);
}

llvm::ArrayRef<const CallFacts *>
FunctionFacts::bindsOf(const ValueDecl *Handle) const {
  return listOf(Binds, Handle);
}

llvm::ArrayRef<const Expr *>
FunctionFacts::valuesOf(const ValueDecl *VD) const {
  return listOf(Values, VD);
}

llvm::ArrayRef<const CallFacts *>
FunctionFacts::executesOf(const ValueDecl *Handle) const {
  return listOf(Executes, Handle);
}

const ValueDecl *FunctionFacts::handleOf(const CallFacts &C) const {
  if (!C.Api)
    return nullptr;
  int Arg = C.Api.Function->HandleArg;
  if (Arg == ReturnValue)
    return ReturnHandles.lookup(C.Call);
  return rootDecl(callArg(C.Call, Arg));
}

const CallFacts *FunctionFacts::callIn(const Expr *E) const {
  for (unsigned Steps = 0; E && Steps < 64; ++Steps) {
    E = E->IgnoreParens();
    if (const CallFacts *C = factsOf(E))
      return C;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      E = CE->getNumArgs() == 1 ? CE->getArg(0) : nullptr;
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
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *EC = dyn_cast<ExprWithCleanups>(E)) {
      E = EC->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace nplusone
