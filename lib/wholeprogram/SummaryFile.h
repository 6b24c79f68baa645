//===- SummaryFile.h - Summary files on disk --------------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One JSON file per translation unit in the summary directory, named after
// the unit's main file and a hash of its path, so that copying the files of
// several machines into one directory merges them. Files are written
// atomically (a temporary file renamed into place) and read defensively:
// anything that is not a complete summary of this format version is an
// error naming what is wrong, never a crash.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYFILE_H
#define NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYFILE_H

#include "lib/wholeprogram/UnitSummary.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace nplusone {

/// The suffix of summary files in the summary directory.
constexpr const char *SummaryFileSuffix = ".nplusone.json";

/// The index of a summary directory (tools/nplusone-run.py writes it): for
/// each summary file, its size, modification time and the keys it defines,
/// so a check reads only the summaries of the functions it calls.
constexpr const char *SummaryIndexName = "index.nplusone-index";

/// The hex SHA-1 of \p Data, as summaries record their inputs.
std::string contentHash(llvm::StringRef Data);

/// The hex SHA-1 of the file at \p Path, or nullopt when it is not a
/// regular file of a plausible size or cannot be read.
std::optional<std::string> fileHash(llvm::StringRef Path);

/// The file name of \p Unit's summary in a summary directory.
std::string summaryFileName(llvm::StringRef Unit);

/// \p Summary as the JSON a summary file holds.
std::string summaryToJson(const UnitSummary &Summary);

/// Reads a summary file's text; an error says what is wrong with it.
llvm::Expected<UnitSummary> summaryFromJson(llvm::StringRef Text);

/// Writes \p Summary into \p Directory (created if needed), replacing the
/// unit's previous summary atomically.
llvm::Error writeSummaryFile(llvm::StringRef Directory,
                             const UnitSummary &Summary);

} // namespace nplusone

#endif // NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYFILE_H
