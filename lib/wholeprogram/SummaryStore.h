//===- SummaryStore.h - The summaries of the other units --------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Reads a summary directory and answers, for a function defined in another
// translation unit, which query a call to it reaches (following its calls
// into further units, bounded by a call budget, recursion ending) and which
// rows it returns. A file is checked against its inputs the first time one
// of its functions is used for a unit: a file that cannot be read, is not a
// summary of this version, or whose sources changed since it was written is
// reported once and left out, so a stale summary never yields a finding.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYSTORE_H
#define NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYSTORE_H

#include "lib/wholeprogram/UnitSummary.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Chrono.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace nplusone {

class SummaryStore {
public:
  explicit SummaryStore(std::string Directory)
      : Directory(std::move(Directory)) {}

  const std::string &directory() const { return Directory; }

  /// Starts a translation unit: re-reads the files that changed on disk and
  /// checks every file against its sources again when first used.
  void startUnit();

  /// The query a call to the function \p Key reaches when at most
  /// \p Budget calls may be followed, linked across units: its depth and
  /// flow from the function's callers, its steps down to the statement in
  /// whichever unit runs it; null when none is known.
  const SummaryQuery *query(llvm::StringRef Key, unsigned Budget);

  /// The rows the function \p Key returns (where the read that produced
  /// them is), within \p Budget calls; null when it returns none known.
  const SummaryRows *rows(llvm::StringRef Key, unsigned Budget);

  /// The database drivers the program's units select (UnitSummary::Drivers),
  /// from the summaries that are current.
  std::vector<std::string> drivers();

  /// Problems met since the last call, one line each, naming the file.
  std::vector<std::string> takeProblems();

  /// How many summary files are loaded (for tests and benchmarks).
  size_t unitCount() const { return Units.size(); }

private:
  struct LoadedUnit {
    std::string Path;
    llvm::sys::TimePoint<> Modified;
    uint64_t Size = 0;
    /// Read and parsed (only when one of its functions is asked about,
    /// when the directory has a current index); Broken when that failed.
    bool Parsed = false;
    bool Broken = false;
    UnitSummary Summary;
    llvm::StringMap<const FunctionSummaryRecord *> ByKey;
    /// The unit selects a database driver (from the index, or parsed).
    bool SelectsDriver = false;
    /// 0: not checked in this translation unit; 1: current; 2: stale.
    int State = 0;
  };

  void reload();
  /// Which unit defines each function: from the directory's index when it
  /// describes the files as they are (no summary is read), else from every
  /// summary, read now.
  void index();
  bool readIndex();
  /// Reads and parses \p U once; false when it is unusable (said once).
  bool parse(LoadedUnit &U);
  /// The record of \p Key if its unit's summary is current; checks it
  /// against its sources the first time.
  const FunctionSummaryRecord *record(llvm::StringRef Key);
  bool isCurrent(LoadedUnit &U);
  std::optional<SummaryQuery> resolveQuery(const FunctionSummaryRecord &R,
                                           unsigned Budget);
  void problem(const std::string &Message);

  std::string Directory;
  std::map<std::string, std::unique_ptr<LoadedUnit>> Units;
  /// The unit defining each key; null when two units define it.
  llvm::StringMap<LoadedUnit *> Functions;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<SummaryQuery>>
      Queries;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<SummaryRows>> Rows;
  llvm::StringSet<> InProgress;
  /// Source hashes computed for this translation unit.
  llvm::StringMap<std::string> Hashes;
  std::vector<std::string> Problems;
  /// Problems already reported: each file's once per content.
  llvm::StringSet<> Reported;
  bool Indexed = false;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_WHOLEPROGRAM_SUMMARYSTORE_H
