//===- ModelConfig.h - What the options ask of the models -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The configuration the checks read from their options and hand to the
// models: which libraries, and the user's own API as name patterns.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_MODELCONFIG_H
#define NPLUSONE_LIB_API_MODELCONFIG_H

#include <initializer_list>
#include <string>
#include <vector>

namespace nplusone {

/// What the options give the model: the built-in libraries to use and the
/// user's own API, each a list of name patterns (a `;`-separated option
/// value, split by the check that read it).
struct ModelConfig {
  std::vector<std::string> Libraries;
  std::vector<std::string> QueryFunctions;
  std::vector<std::string> WriteFunctions;
  std::vector<std::string> ResultTypes;
  std::vector<std::string> RowAdvanceFunctions;
  std::vector<std::string> LazyLoadFunctions;
  std::vector<std::string> TransactionFunctions;

  /// A key that tells configurations apart.
  std::string key() const {
    std::string Key;
    for (const std::vector<std::string> *List :
         {&Libraries, &QueryFunctions, &WriteFunctions, &ResultTypes,
          &RowAdvanceFunctions, &LazyLoadFunctions, &TransactionFunctions}) {
      for (const std::string &Entry : *List)
        Key += Entry + ";";
      Key += "|";
    }
    return Key;
  }
};

/// A configuration value the model could not use.
struct ConfigProblem {
  std::string Option;
  std::string Value;
  std::string Problem;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_API_MODELCONFIG_H
