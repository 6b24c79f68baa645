//===- Models.h - The built-in library models -------------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One function per supported library (Libraries.def), each returning that
// library's model: plain data, defined in the file of its family
// (PostgreSQL, SQLite, ...), with the entry shapes several families share.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_MODELS_MODELS_H
#define NPLUSONE_LIB_API_MODELS_MODELS_H

#include "lib/api/LibraryModel.h"

namespace nplusone {
namespace models {

#define NPLUSONE_LIBRARY(Function) const LibraryModel &Function();
#include "lib/api/models/Libraries.def"

/// A method playing \p Roles on the object it is called on.
constexpr ApiFunction method(const char *Name, unsigned Roles) {
  return api(Name, Roles).handleAt(ImplicitObject);
}

/// A typed read of an ORM or client API (no SQL text): every argument may
/// carry a key.
constexpr ApiFunction readCall(const char *Name) {
  return api(Name, RoleExecute).reads().paramsFrom(0);
}

/// The same, returning at most one row or object.
constexpr ApiFunction readOneCall(const char *Name) {
  return api(Name, RoleExecute | RoleSingleRow).reads().paramsFrom(0);
}

/// A typed write: every argument may carry a row value.
constexpr ApiFunction writeCall(const char *Name) {
  return api(Name, RoleExecute).writes().paramsFrom(0);
}

} // namespace models
} // namespace nplusone

#endif // NPLUSONE_LIB_API_MODELS_MODELS_H
