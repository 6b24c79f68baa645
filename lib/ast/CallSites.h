//===- CallSites.h - Calls and their arguments, uniformly -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A call site is a CallExpr or a CXXConstructExpr (a library class whose
// constructor runs SQL, such as `SQLite::Statement q(db, "...")`). These
// helpers read the callee and the arguments of either the same way, with
// the object of a member call as an argument of its own.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_AST_CALLSITES_H
#define NPLUSONE_LIB_AST_CALLSITES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class Expr;
class FunctionDecl;
class ParmVarDecl;
class ValueDecl;
} // namespace clang

namespace nplusone {

/// Marks an absent argument position.
constexpr int NoArg = -1;
/// Marks an argument position that is the implicit object of a method call
/// (or the first operand of a member operator).
constexpr int ImplicitObject = -2;

/// The function or constructor a call site calls, or null.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// The field or variable whose function pointer an indirect call runs:
/// `update` in `dbf.update(h, ...)`, `dbf->update(...)` and
/// `(*dbf->update)(...)`; null for a direct call or any other callee.
const clang::ValueDecl *calledPointer(const clang::Expr *Call);

/// The name of what a call site runs, as the code spells it: the function,
/// or the field or variable an indirect call goes through; empty otherwise.
std::string calledName(const clang::Expr *Call);

/// Argument \p Index of a call site, where ImplicitObject is the object of a
/// member call; null when absent.
const clang::Expr *callArg(const clang::Expr *Call, int Index);

/// True when the callee may write through the argument \p Arg passed for
/// \p Param (null for a variadic argument): a reference or pointer to
/// non-const.
bool isMutableOutArg(const clang::Expr *Arg, const clang::ParmVarDecl *Param);

/// The number of arguments of a call site, the object of a member operator
/// not counted.
unsigned callArgCount(const clang::Expr *Call);

/// The object an accessor call is on, when \p E calls one of \p Names as a
/// method or as a free function of one argument: `r` in `r.begin()`,
/// `r.size()`, `std::begin(r)`; null otherwise.
const clang::Expr *objectOfAccessor(const clang::Expr *E,
                                    llvm::ArrayRef<llvm::StringRef> Names);

} // namespace nplusone

#endif // NPLUSONE_LIB_AST_CALLSITES_H
