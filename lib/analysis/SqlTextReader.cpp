//===- SqlTextReader.cpp - The SQL text an expression builds --------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/SqlTextReader.h"
#include "lib/analysis/FunctionFacts.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/Expressions.h"
#include "lib/sql/SqlLexer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cctype>

using namespace clang;
using llvm::StringRef;

namespace nplusone {

namespace {

/// Pieces of text read before the reader gives up: real statements have a
/// few dozen, generated code may have thousands.
constexpr unsigned MaxTextPieces = 512;
/// Text spliced into itself (`QString("%1%1").arg(...)` nested) doubles at
/// each level: the reader gives up past this many bytes.
constexpr size_t MaxTextBytes = 1 << 16;

bool isDigit(char C) { return std::isdigit(static_cast<unsigned char>(C)); }

/// The last of \p Exprs (in source order) that starts before \p At; the
/// first when none does.
const Expr *lastBeforeOrFirst(llvm::ArrayRef<const Expr *> Exprs,
                              SourceLocation At) {
  const Expr *Found = nullptr;
  for (const Expr *E : Exprs)
    if (!Found || E->getBeginLoc() < At)
      Found = E;
  return Found;
}

/// `std::ostringstream sql;`, `std::string sql;`: no text yet, only what is
/// streamed or appended into it later.
bool isEmptyConstruction(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(stripTemporaries(E));
  return CE && (CE->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(CE->getArg(0)));
}

/// Reads text out of the expression that builds it. Whole reads every
/// piece, holes included; Leading stops at the first hole and resolves
/// variables by the value they start with.
class TextReader {
public:
  enum Mode { Whole, Leading };
  TextReader(const FunctionFacts *Facts, Mode M) : Facts(Facts), M(M) {}

  /// Appends the text of \p E; false when it gives up (too big, or not a
  /// narrow string).
  bool add(const Expr *E);

  std::string Text;
  llvm::SmallVector<const StringLiteral *, 4> Literals;
  unsigned Holes = 0;

private:
  bool addLiteral(const StringLiteral *SL) {
    if (SL->getCharByteWidth() == 1) {
      Text += SL->getString().str();
    } else {
      // A wide literal (`u"UPDATE ..."`, what QStringLiteral makes) is read
      // when it is plain ASCII, as SQL keywords and names are.
      for (unsigned I = 0, N = SL->getLength(); I != N; ++I) {
        uint32_t Unit = SL->getCodeUnit(I);
        if (Unit >= 0x80)
          return false;
        Text += static_cast<char>(Unit);
      }
    }
    Literals.push_back(SL);
    return true;
  }
  bool hole() {
    Text += SqlHole;
    ++Holes;
    Stopped = M == Leading;
    return true;
  }
  bool addVariable(const VarDecl *VD, SourceLocation At);
  bool addStartOfVariable(const VarDecl *VD, SourceLocation At);
  const StringLiteral *startWritten(const VarDecl *VD, SourceLocation At) const;
  bool addPercentArg(const CXXMemberCallExpr *MC);
  bool addBraceFormat(const CallExpr *C);

  const FunctionFacts *Facts;
  Mode M;
  unsigned Pieces = 0;
  /// Leading: a hole was reached, so nothing after it is read.
  bool Stopped = false;
  /// The text outgrew the limits: the reader gave up on all of it.
  bool TooBig = false;
};

bool TextReader::add(const Expr *E) {
  if (Stopped)
    return true;
  if (!E)
    return false;
  if (++Pieces > MaxTextPieces) {
    TooBig = true;
    return false;
  }
  E = stripTemporaries(E);
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return addLiteral(SL);
  // `QStringLiteral("UPDATE ...")`: a library's macro around one literal,
  // whatever it expands to (Qt 5: a lambda called in place).
  if (Facts)
    if (const StringLiteral *SL = literalInMacro(
            E, Facts->function().getASTContext(), isLiteralMacro))
      return addLiteral(SL);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && !isa<ParmVarDecl>(VD))
      return addVariable(VD, DRE->getBeginLoc());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    // `head % QString(...)`: QStringBuilder's `%` concatenates too.
    if ((OC->getOperator() == OO_Plus || OC->getOperator() == OO_Percent) &&
        OC->getNumArgs() == 2)
      return add(OC->getArg(0)) && add(OC->getArg(1));
    // What a statement starts with is its left operand's text.
    if (M == Leading && OC->getNumArgs() > 0)
      return add(OC->getArg(0)) && hole();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && M == Leading)
    return add(BO->getLHS()) && hole();
  // `const char *argv[] = {"HSET", key, value}`: the command word.
  if (const auto *IL = dyn_cast<InitListExpr>(E); IL && M == Leading)
    return IL->getNumInits() > 0 && add(IL->getInit(0)) && hole();
  // `sql.c_str()`, `text.toStdString()`: the same text.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (isTextView(MC->getMethodDecl()))
      return add(MC->getImplicitObjectArgument());
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    std::optional<TextFormatStyle> Style =
        textFormatStyle(C->getDirectCallee());
    if (Style == TextFormatStyle::PercentArg && isa<CXXMemberCallExpr>(C))
      return addPercentArg(cast<CXXMemberCallExpr>(C));
    if (Style == TextFormatStyle::BraceFields && C->getNumArgs() > 0)
      return addBraceFormat(C);
  }
  // A value computed at run time.
  return hole();
}

bool TextReader::addVariable(const VarDecl *VD, SourceLocation At) {
  if (const Expr *V = singleValue(VD, Facts); V && !isEmptyConstruction(V))
    return add(V);
  if (M == Leading && Facts)
    return addStartOfVariable(VD, At);
  return hole();
}

/// A variable changed after it was set starts with the last value set
/// before its use at \p At (the first, when none is before it): `sql +=
/// " WHERE ..."` appends to it, `snprintf(sql, n, "DELETE ...", id)` fills
/// it, a buffer reused for a SELECT and then an UPDATE holds the UPDATE.
bool TextReader::addStartOfVariable(const VarDecl *VD, SourceLocation At) {
  if (const Expr *Value = lastBeforeOrFirst(Facts->valuesOf(VD), At);
      Value && !isEmptyConstruction(Value))
    return add(Value) && hole();
  if (const StringLiteral *Literal = startWritten(VD, At))
    return addLiteral(Literal) && hole();
  return hole();
}

/// The literal that starts the text written into \p VD before \p At (the
/// first write when none is before it): a call's write (`snprintf(sql, n,
/// "DELETE ...")`, `strcpy`) replaces the text, an append (`sql << "INSERT
/// INTO "`, `sql += ...`) adds to the end, so the start is the first literal
/// appended since the last replacement; an empty one (`ss.str("")`) clears.
const StringLiteral *TextReader::startWritten(const VarDecl *VD,
                                              SourceLocation At) const {
  // The walk records a chain `s << "a" << b` outermost first: sort by place.
  llvm::SmallVector<std::pair<const StringLiteral *, bool>, 8> Writes;
  for (const FlowEdge &Edge : Facts->edges())
    if (const auto *SL = dyn_cast<StringLiteral>(stripTemporaries(Edge.Src));
        SL && Edge.Dst == VD) {
      const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Edge.Update);
      Writes.push_back({SL, OC && (OC->getOperator() == OO_LessLess ||
                                   OC->getOperator() == OO_PlusEqual)});
    }
  llvm::stable_sort(Writes, [](const auto &A, const auto &B) {
    return A.first->getBeginLoc() < B.first->getBeginLoc();
  });
  const StringLiteral *Found = nullptr;
  for (const auto &[SL, Appends] : Writes) {
    if (Found && !(SL->getBeginLoc() < At))
      break;
    if (!Appends)
      Found = SL->getLength() ? SL : nullptr;
    else if (!Found)
      Found = SL;
  }
  return Found;
}

/// `QString("... %1").arg(id)`: each arg() fills the lowest-numbered %N.
bool TextReader::addPercentArg(const CXXMemberCallExpr *MC) {
  TextReader Base(Facts, Whole);
  Base.Pieces = Pieces;
  if (!Base.add(MC->getImplicitObjectArgument())) {
    TooBig = Base.TooBig;
    return false;
  }
  const std::string &S = Base.Text;
  int Lowest = 100;
  for (size_t I = 0; I + 1 < S.size(); ++I)
    if (S[I] == '%' && isDigit(S[I + 1])) {
      int N = S[I + 1] - '0';
      if (I + 2 < S.size() && isDigit(S[I + 2]))
        N = N * 10 + (S[I + 2] - '0');
      Lowest = std::min(Lowest, N);
    }
  if (Lowest == 100)
    return false;
  // An argument whose text is known (`QString("%1 WHERE id = %2")
  // .arg(updateHead)` with `updateHead` a fixed UPDATE) is spliced in;
  // anything else is a hole.
  TextReader Arg(Facts, Whole);
  Arg.Pieces = Base.Pieces;
  bool Known = MC->getNumArgs() > 0 && Arg.add(MC->getArg(0)) &&
               Arg.Holes == 0 && !Arg.Literals.empty();
  if (Arg.TooBig) {
    TooBig = true;
    return false;
  }
  Pieces = Known ? Arg.Pieces : Base.Pieces;
  std::string Marker = "%" + std::to_string(Lowest);
  std::string Out;
  for (size_t I = 0; I < S.size();) {
    bool Longer = I + Marker.size() < S.size() && isDigit(S[I + Marker.size()]);
    if (S.compare(I, Marker.size(), Marker) == 0 && !Longer) {
      if (Known)
        Out += Arg.Text;
      else
        Out += SqlHole;
      Holes += Known ? 0 : 1;
      I += Marker.size();
      if (Out.size() > MaxTextBytes) {
        TooBig = true;
        return false;
      }
    } else {
      Out += S[I++];
    }
  }
  Text += Out;
  Holes += Base.Holes;
  Literals.append(Base.Literals.begin(), Base.Literals.end());
  if (Known)
    Literals.append(Arg.Literals.begin(), Arg.Literals.end());
  return true;
}

/// `std::format("... {} ...", id)`: each replacement field is a hole.
bool TextReader::addBraceFormat(const CallExpr *C) {
  const auto *SL = dyn_cast<StringLiteral>(stripTemporaries(C->getArg(0)));
  if (!SL || SL->getCharByteWidth() != 1)
    return false;
  Literals.push_back(SL);
  StringRef Format = SL->getString();
  for (size_t I = 0; I < Format.size(); ++I) {
    char Ch = Format[I];
    if ((Ch == '{' || Ch == '}') && I + 1 < Format.size() &&
        Format[I + 1] == Ch) {
      Text += Format[I++];
      continue;
    }
    if (Ch != '{') {
      Text += Ch;
      continue;
    }
    size_t Close = Format.find('}', I);
    if (Close == StringRef::npos)
      return false;
    Text += SqlHole;
    ++Holes;
    I = Close;
  }
  return true;
}

} // namespace

std::optional<SqlTextParts> sqlTextParts(const Expr *E,
                                         const FunctionFacts *Facts) {
  if (!E)
    return std::nullopt;
  TextReader R(Facts, TextReader::Whole);
  if (!R.add(E) || R.Literals.empty())
    return std::nullopt;
  SqlTextParts Parts;
  Parts.Text = std::move(R.Text);
  if (R.Holes == 0 && R.Literals.size() == 1 &&
      Parts.Text == R.Literals.front()->getString())
    Parts.Literal = R.Literals.front();
  return Parts;
}

std::optional<std::string> leadingSqlText(const Expr *E,
                                          const FunctionFacts *Facts) {
  if (!E)
    return std::nullopt;
  TextReader R(Facts, TextReader::Leading);
  if (!R.add(E) || R.Literals.empty())
    return std::nullopt;
  std::string Leading = R.Text.substr(0, R.Text.find(SqlHole));
  // A value spliced into a string literal (`id = '%1'`): the literal ends.
  if (char Quote = openQuoteAtEnd(Leading))
    Leading += Quote;
  return Leading;
}

const Expr *textSource(const Expr *E, const FunctionFacts &Facts) {
  // A chain of locals each copied from the next is short in real code.
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    const Expr *Value =
        VD && VD->isLocalVarDecl() ? singleValue(VD, &Facts) : nullptr;
    if (!Value)
      return E;
    E = Value;
  }
  return E;
}

const ParmVarDecl *textParameter(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E);
      MC && isTextView(MC->getMethodDecl()))
    E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

} // namespace nplusone
