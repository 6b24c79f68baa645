//===- Expressions.h - What an expression is, underneath --------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Looking through the nodes C++ wraps values in (parentheses, conversions,
// temporaries, converting constructors) to the value or variable meant.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_AST_EXPRESSIONS_H
#define NPLUSONE_LIB_AST_EXPRESSIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class DeclRefExpr;
class Expr;
class FieldDecl;
class ForStmt;
class StringLiteral;
class Stmt;
class ValueDecl;
} // namespace clang

namespace nplusone {

/// The variable or field an lvalue-ish expression names at its root:
/// `x`, `x.f`, `*x`, `x[i]`, `&x`, `ss << a << b` all give `x`; a member of
/// `this` gives the field.
const clang::ValueDecl *rootDecl(const clang::Expr *E);

/// \p E without the parentheses, implicit conversions, temporaries and
/// converting constructions around the value it wraps.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// The value a variable the compiler introduced is bound to, when \p E
/// names one (a range-for calls begin() on its hidden `__range`, bound to
/// the range written); \p E otherwise.
const clang::Expr *throughImplicitVariable(const clang::Expr *E);

/// Where a call is written: its start; for a call the compiler makes on a
/// hidden variable (a range-for's `__range.begin()`), the range written.
clang::SourceLocation writtenLocation(const clang::Expr *Call);

/// The string literal a macro that starts \p E wraps, when \p IsLiteralMacro
/// holds for that macro's name (`QStringLiteral("UPDATE ...")`, however the
/// library's version expands it: a lambda, a call, a UTF-16 literal).
const clang::StringLiteral *
literalInMacro(const clang::Expr *E, const clang::ASTContext &Ctx,
               bool (*IsLiteralMacro)(llvm::StringRef Name));

/// The argument of `std::move(x)`, or \p E itself.
const clang::Expr *withoutStdMove(const clang::Expr *E);

/// The variable whose address \p E takes (`&id`, `&row.id`), or null.
const clang::ValueDecl *addressedDecl(const clang::Expr *E);

/// The data member \p E names last, looking through `&`, `*`, parentheses
/// and conversions: `d->insert_tag`, `&db.stmt`, `insert_` all give the
/// field; null for anything else (a local, a call, an element `a[i]`).
const clang::FieldDecl *namedField(const clang::Expr *E);

/// How the source names a data member reached from a variable, for
/// messages: `mail->items`, `order.lines.rows`, `users_` (a member of
/// `this`); empty for anything else.
std::string memberPath(const clang::Expr *E);

/// The variable whose object an argument passes whole: `m`, `&m`, `*pm`,
/// `this->Model`; null for any other expression.
const clang::ValueDecl *passedObject(const clang::Expr *Arg);

/// What \p S steps by one: `i` of `++i`, `i--` or `i += 1`, `*td->count` of
/// `(*td->count)++`; null for any other statement.
const clang::Expr *steppedByOne(const clang::Stmt *S);

/// `for (int id = *c.i; c.control; c.control = 0)` (Qt's foreach before
/// C++17): the increment clears what the condition tests, so the body runs
/// once per entry of the loop around it.
bool clearsItsCondition(const clang::ForStmt *FS);

/// The pointer variable a condition tests for null: `p`, `p != NULL`,
/// `nullptr != p`, `(p = next(p))`, and `pp` for `*pp` (a list's head held
/// through a pointer to it); null for any other condition.
const clang::DeclRefExpr *pointerTestedForNull(const clang::Expr *Cond,
                                               clang::ASTContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_AST_EXPRESSIONS_H
