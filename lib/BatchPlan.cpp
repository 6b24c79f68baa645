//===- BatchPlan.cpp - The batched form of a per-row read -----------------===//

#include "lib/BatchPlan.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <cctype>

using namespace clang;
using llvm::StringRef;

namespace nplusone {

namespace {

/// The name of a free or member function, empty for operators and the like.
StringRef calleeName(const CallExpr *C) {
  const FunctionDecl *FD = C->getDirectCallee();
  return FD && FD->getIdentifier() ? FD->getName() : StringRef();
}

/// Reads SQL text out of the expression that builds it.
class TextBuilder {
public:
  explicit TextBuilder(const FunctionFacts *Facts) : Facts(Facts) {}

  /// Appends the text of \p E; false when it gives up (too big, or not a
  /// narrow string).
  bool add(const Expr *E) {
    if (!E || ++Steps > 512)
      return false;
    E = stripTemporaries(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E)) {
      if (SL->getCharByteWidth() != 1)
        return false;
      Text += SL->getString().str();
      Literals.push_back(SL);
      return true;
    }
    if (const Expr *V = singleLocalValue(E))
      return add(V);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      if (OC->getOperator() == OO_Plus && OC->getNumArgs() == 2)
        return add(OC->getArg(0)) && add(OC->getArg(1));
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (calleeName(MC) == "arg" && isQString(MC->getImplicitObjectArgument()))
        return addQStringArg(MC);
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (isFormat(C))
        return addFormat(C);
    // A value computed at run time.
    Text += SqlHole;
    ++Holes;
    return true;
  }

  std::string Text;
  llvm::SmallVector<const StringLiteral *, 4> Literals;
  unsigned Holes = 0;

private:
  /// A variable set once and never appended to: its value.
  const Expr *singleLocalValue(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && !isa<ParmVarDecl>(VD) ? singleValue(VD, Facts) : nullptr;
  }

  static bool isQString(const Expr *E) {
    const auto *RD = E ? E->getType()->getAsCXXRecordDecl() : nullptr;
    return RD && RD->getIdentifier() && RD->getName() == "QString";
  }

  static bool isFormat(const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || calleeName(C) != "format" || C->getNumArgs() == 0)
      return false;
    std::string Name = plainQualifiedName(FD);
    return Name == "std::format" || Name == "fmt::format";
  }

  /// `QString("... %1").arg(id)`: each arg() fills the lowest-numbered %N.
  bool addQStringArg(const CXXMemberCallExpr *MC) {
    TextBuilder Base(Facts);
    Base.Steps = Steps;
    if (!Base.add(MC->getImplicitObjectArgument()))
      return false;
    Steps = Base.Steps;
    std::string S = Base.Text;
    int Lowest = 100;
    for (size_t I = 0; I + 1 < S.size(); ++I)
      if (S[I] == '%' && std::isdigit(static_cast<unsigned char>(S[I + 1]))) {
        int N = S[I + 1] - '0';
        if (I + 2 < S.size() &&
            std::isdigit(static_cast<unsigned char>(S[I + 2])))
          N = N * 10 + (S[I + 2] - '0');
        Lowest = std::min(Lowest, N);
      }
    if (Lowest == 100)
      return false;
    std::string Marker = "%" + std::to_string(Lowest);
    std::string Out;
    for (size_t I = 0; I < S.size();) {
      bool Longer =
          I + Marker.size() < S.size() &&
          std::isdigit(static_cast<unsigned char>(S[I + Marker.size()]));
      if (S.compare(I, Marker.size(), Marker) == 0 && !Longer) {
        Out += SqlHole;
        ++Holes;
        I += Marker.size();
      } else {
        Out += S[I++];
      }
    }
    Text += Out;
    Holes += Base.Holes;
    Literals.append(Base.Literals.begin(), Base.Literals.end());
    return true;
  }

  /// `std::format("... {} ...", id)`: each replacement field is a hole.
  bool addFormat(const CallExpr *C) {
    const auto *SL = dyn_cast<StringLiteral>(stripTemporaries(C->getArg(0)));
    if (!SL || SL->getCharByteWidth() != 1)
      return false;
    Literals.push_back(SL);
    StringRef F = SL->getString();
    for (size_t I = 0; I < F.size(); ++I) {
      if ((F[I] == '{' || F[I] == '}') && I + 1 < F.size() &&
          F[I + 1] == F[I]) {
        Text += F[I++];
        continue;
      }
      if (F[I] == '{') {
        size_t Close = F.find('}', I);
        if (Close == StringRef::npos)
          return false;
        Text += SqlHole;
        ++Holes;
        I = Close;
        continue;
      }
      Text += F[I];
    }
    return true;
  }

  const FunctionFacts *Facts;
  unsigned Steps = 0;
};

SqlDialect dialectFor(const LoopQueryFinding &F, AnalysisContext &Ctx) {
  if (Ctx.options().Dialect != SqlDialect::Auto)
    return Ctx.options().Dialect;
  return F.Target.Library ? F.Target.Library->Dialect : SqlDialect::Generic;
}

/// Which placeholder of \p Text the finding's row value goes to: by the
/// argument position it is passed at, or by the bind call that binds it.
int keyPlaceholderOf(const LoopQueryFinding &F, StringRef Text,
                     const FunctionFacts &Facts) {
  if (!F.Chain.empty() || !F.Carrier)
    return -1;
  if (F.CarrierIsSqlText)
    return onlyHole(Text);
  const CallFacts *C = Facts.factsOf(F.Target.ApiCall);
  if (!C || !C->Api)
    return -1;
  const ApiFunction &Fn = *C->Api.Function;
  if (Fn.FirstParamArg != NoArg)
    for (int I = Fn.FirstParamArg; const Expr *Arg = callArg(C->Call, I); ++I)
      if (Arg == F.Carrier)
        return placeholderForParameter(
            Text, static_cast<unsigned>(I - Fn.FirstParamArg));
  if (!F.Target.Handle)
    return -1;
  // The bind call whose value is the row's: by its position argument, or by
  // its order among the binds of the iteration.
  unsigned Order = 0;
  for (const CallFacts *B : Facts.bindsOf(F.Target.Handle)) {
    const ApiFunction &BF = *B->Api.Function;
    bool SameIteration = B->Loop == C->Loop;
    if (callArg(B->Call, BF.ValueArg) != F.Carrier) {
      Order += SameIteration;
      continue;
    }
    if (BF.FirstParamArg == NoArg)
      return placeholderForParameter(Text, Order);
    const Expr *Pos = stripTemporaries(callArg(B->Call, BF.FirstParamArg));
    if (!Pos)
      return -1;
    if (const auto *Name = dyn_cast<StringLiteral>(Pos))
      return Name->getCharByteWidth() == 1
                 ? placeholderNamed(Text, Name->getString())
                 : -1;
    Expr::EvalResult Value;
    if (Pos->isValueDependent() ||
        !Pos->EvaluateAsInt(Value, Facts.function().getASTContext()))
      return -1;
    int64_t N = Value.Val.getInt().getExtValue();
    int64_t First = (B->Roles & RoleZeroBasedPosition) ? 0 : 1;
    if (N < First || N - First > 1000)
      return -1;
    return placeholderForParameter(Text, static_cast<unsigned>(N - First));
  }
  return -1;
}

bool isIdentifier(StringRef S) {
  if (S.empty() ||
      !(std::isalpha(static_cast<unsigned char>(S[0])) || S[0] == '_'))
    return false;
  for (char C : S)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
      return false;
  return true;
}

/// The column an item of a select list reads, when it is a plain column.
std::string plainColumn(StringRef Item) {
  size_t As = Item.lower().find(" as ");
  if (As != std::string::npos)
    Item = Item.substr(0, As).rtrim();
  if (Item.contains('.'))
    Item = Item.rsplit('.').second;
  return isIdentifier(Item) ? Item.str() : std::string();
}

/// The outer query's column the row value is read from: `u["id"]`,
/// `u[0]`, `q.value("id")`, `sqlite3_column_int(s, 0)`, through a local
/// variable set once from it.
std::string outerColumnOf(const Expr *Carrier, const FunctionFacts &Facts,
                          const SqlSelectSketch &Outer) {
  const Expr *E = Carrier;
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl())
      break;
    auto Values = Facts.valuesOf(VD);
    if (Values.size() != 1)
      return "";
    E = Values.front();
  }
  llvm::SmallVector<const Stmt *, 16> Work{E};
  for (unsigned Visited = 0; !Work.empty() && Visited < 256; ++Visited) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(S))
      return SL->getCharByteWidth() == 1 && isIdentifier(SL->getString())
                 ? SL->getString().str()
                 : "";
    // A column index is the last argument of the read or the subscript.
    const Expr *Index = nullptr;
    if (const auto *C = dyn_cast<CallExpr>(S); C && C->getNumArgs() > 0)
      Index = C->getArg(C->getNumArgs() - 1);
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      Index = AS->getIdx();
    if (const auto *IL = dyn_cast_or_null<IntegerLiteral>(
            Index ? Index->IgnoreParenImpCasts() : nullptr)) {
      uint64_t I = IL->getValue().getLimitedValue();
      return I < Outer.Columns.size() ? plainColumn(Outer.Columns[I]) : "";
    }
    // Children in reverse, so the walk goes left to right.
    llvm::SmallVector<const Stmt *, 4> Children(S->child_begin(),
                                                S->child_end());
    Work.append(Children.rbegin(), Children.rend());
  }
  return "";
}

} // namespace

std::optional<SqlTextParts> sqlTextParts(const Expr *E,
                                         const FunctionFacts *Facts) {
  if (!E)
    return std::nullopt;
  TextBuilder B(Facts);
  if (!B.add(E) || B.Literals.empty())
    return std::nullopt;
  SqlTextParts Parts;
  Parts.Text = std::move(B.Text);
  if (B.Holes == 0 && B.Literals.size() == 1 &&
      Parts.Text == B.Literals.front()->getString())
    Parts.Literal = B.Literals.front();
  return Parts;
}

BatchPlan planBatchedRead(const LoopQueryFinding &F, const RowLoop &L,
                          AnalysisContext &Ctx) {
  BatchPlan P;
  P.Dialect = dialectFor(F, Ctx);
  const FunctionFacts *Target =
      F.TargetFunction ? &Ctx.facts(*F.TargetFunction) : nullptr;
  P.Text = sqlTextParts(F.Target.Sql, Target);
  P.IsText = P.Text || sqlTextPrefix(F.Target.Sql, Target);
  // Redis commands are not SQL.
  if (!P.Text || (F.Target.Library && !F.Target.Library->speaksSql()))
    return P;
  int Key = Target ? keyPlaceholderOf(F, P.Text->Text, *Target) : -1;
  P.Rewrite = rewriteKeyLookupBatched(P.Text->Text, P.Dialect, Key);

  // The loop's own query, in this function: one JOIN can replace both.
  if (L.Source != LoopSource::QueryRows || !L.OriginQuery || L.RowsCall ||
      L.CopiedRows)
    return P;
  const FunctionFacts &Outer = Ctx.facts(*F.Function);
  const CallFacts *OC = Outer.factsOf(L.OriginQuery);
  // The query that ran, or the statement prepared for a cursor loop.
  if (!OC || !OC->Api || !(OC->Roles & (RoleExecute | RolePrepare)))
    return P;
  QueryTarget OT = describeQuery(*OC, Outer);
  auto OuterText = sqlTextParts(OT.Sql, &Outer);
  if (!OuterText || StringRef(OuterText->Text).contains(SqlHole))
    return P;
  auto OuterSketch = sketchSimpleSelect(OuterText->Text);
  auto InnerSketch = sketchSimpleSelect(P.Text->Text, Key);
  if (!OuterSketch || !InnerSketch)
    return P;
  std::string Column = outerColumnOf(F.Carrier, Outer, *OuterSketch);
  if (Column.empty())
    return P;
  P.Join = joinQuery(*OuterSketch, *InnerSketch, Column);
  P.JoinAt = OT.Sql;
  return P;
}

} // namespace nplusone
