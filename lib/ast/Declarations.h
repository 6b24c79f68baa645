//===- Declarations.h - Declarations as users name them ---------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The names models and options match declarations by, and what kind of
// function a declaration is.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_AST_DECLARATIONS_H
#define NPLUSONE_LIB_AST_DECLARATIONS_H

#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace clang {
class FunctionDecl;
class MangleContext;
class NamedDecl;
} // namespace clang

namespace nplusone {

/// `ns::Class::method` as users write it: no template arguments, inline or
/// anonymous namespaces; empty for local classes and the like. A method of
/// `lazy_ptr<User>` is `odb::lazy_ptr::load`; a conversion operator is
/// named after the class it converts to (`cppdb::statement::operator
/// cppdb::result`).
std::string plainQualifiedName(const clang::NamedDecl *D);

/// The unqualified name of a function as plainQualifiedName ends it.
std::string unqualifiedName(const clang::FunctionDecl *FD);

/// The name that links calls to \p FD across translation units: its mangled
/// name (a C function's own name), which tells overloads, namespaces,
/// methods and template instantiations apart. Empty for what no other unit
/// can call: internal linkage (`static`, anonymous namespaces), lambdas,
/// dependent or invalid declarations.
std::string linkageKey(const clang::FunctionDecl *FD, clang::MangleContext &MC);

/// A function as messages name it: quoted (`'find'`), or "the lambda".
std::string messageName(const clang::FunctionDecl *FD);

/// \p FD as the notes of one call chain name it: with its parameter types
/// (`'save(ItemProto *, int)'`) when another function of the chain,
/// \p Among, shares its name, so an overload does not read as recursion.
std::string messageName(const clang::FunctionDecl *FD,
                        llvm::ArrayRef<const clang::FunctionDecl *> Among);

/// True for the call operator of a lambda's closure class.
bool isLambdaBody(const clang::FunctionDecl *FD);

} // namespace nplusone

#endif // NPLUSONE_LIB_AST_DECLARATIONS_H
