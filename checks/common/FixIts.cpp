//===- FixIts.cpp - The edits the checks offer ----------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/common/FixIts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace nplusone {

namespace {

/// The source location of byte \p Offset of a literal's contents; its end
/// when Offset is the length. Invalid in macros or escapes.
SourceLocation byteLocation(const StringLiteral *SL, size_t Offset,
                            const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  size_t Length = SL->getLength();
  if (Length == 0 || Offset > Length)
    return {};
  bool AtEnd = Offset == Length;
  SourceLocation L =
      SL->getLocationOfByte(static_cast<unsigned>(AtEnd ? Length - 1 : Offset),
                            SM, Ctx.getLangOpts(), Ctx.getTargetInfo());
  if (L.isInvalid() || L.isMacroID())
    return {};
  return AtEnd ? L.getLocWithOffset(1) : L;
}

} // namespace

llvm::SmallVector<FixItHint, 4> literalFixes(const StringLiteral *SL,
                                             llvm::ArrayRef<SqlEdit> Edits,
                                             const ASTContext &Ctx) {
  llvm::SmallVector<FixItHint, 4> Fixes;
  if (!SL || SL->getCharByteWidth() != 1)
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  for (const SqlEdit &E : Edits) {
    if (E.Replacement.find_first_of("\"\\\n") != std::string::npos)
      return {};
    SourceLocation B = byteLocation(SL, E.Begin, Ctx);
    if (B.isInvalid())
      return {};
    if (E.Begin == E.End) {
      Fixes.push_back(FixItHint::CreateInsertion(B, E.Replacement));
      continue;
    }
    SourceLocation End = byteLocation(SL, E.End, Ctx);
    if (End.isInvalid() || SM.getFileID(B) != SM.getFileID(End) || !(B < End))
      return {};
    CharSourceRange Range = CharSourceRange::getCharRange(B, End);
    bool Invalid = false;
    StringRef Spelled =
        Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
    // Escapes or a split between concatenated pieces: leave it to a human.
    if (Invalid || Spelled != SL->getString().slice(E.Begin, E.End))
      return {};
    Fixes.push_back(FixItHint::CreateReplacement(Range, E.Replacement));
  }
  return Fixes;
}

llvm::SmallVector<FixItHint, 2>
hoistEdits(const LoopQueryFinding &F, const RowLoop &L, const ASTContext &Ctx) {
  llvm::SmallVector<FixItHint, 2> Edits;
  if (!F.HoistDecl)
    return Edits;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange DeclRange =
      CharSourceRange::getTokenRange(F.HoistDecl->getSourceRange());
  bool Invalid = false;
  StringRef DeclText = Lexer::getSourceText(DeclRange, SM, LO, &Invalid);
  StringRef File =
      SM.getBufferData(SM.getFileID(L.Loop->getBeginLoc()), &Invalid);
  if (Invalid || DeclText.empty())
    return Edits;
  unsigned Begin = SM.getFileOffset(DeclRange.getBegin());
  unsigned End = Begin + DeclText.size();
  // Take the whole line when the declaration stands alone on it.
  unsigned LineBegin = Begin;
  while (LineBegin > 0 &&
         (File[LineBegin - 1] == ' ' || File[LineBegin - 1] == '\t'))
    --LineBegin;
  unsigned LineEnd = End;
  while (LineEnd < File.size() &&
         (File[LineEnd] == ' ' || File[LineEnd] == '\t'))
    ++LineEnd;
  // The removal runs from the newline before the line to the end of the
  // line: clang's fix-it merging widens a removal that would leave two
  // spaces side by side, which one starting at a line's indentation does.
  if (LineBegin > 0 && File[LineBegin - 1] == '\n' && LineEnd < File.size() &&
      File[LineEnd] == '\n') {
    Begin = LineBegin - 1;
    End = LineEnd;
  }
  unsigned LoopBegin = SM.getFileOffset(L.Loop->getBeginLoc());
  unsigned IndentBegin = LoopBegin;
  while (IndentBegin > 0 &&
         (File[IndentBegin - 1] == ' ' || File[IndentBegin - 1] == '\t'))
    --IndentBegin;
  StringRef Indent = File.slice(IndentBegin, LoopBegin);
  SourceLocation FileStart =
      SM.getLocForStartOfFile(SM.getFileID(L.Loop->getBeginLoc()));
  Edits.push_back(FixItHint::CreateInsertion(L.Loop->getBeginLoc(),
                                             (DeclText + "\n" + Indent).str()));
  Edits.push_back(FixItHint::CreateRemoval(CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(Begin), FileStart.getLocWithOffset(End))));
  return Edits;
}

} // namespace nplusone
