//===- SummaryStore.cpp - The summaries of the other units ----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/wholeprogram/SummaryStore.h"
#include "lib/sql/SqlStatement.h"
#include "lib/support/Compat.h"
#include "lib/wholeprogram/SummaryFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace nplusone {

namespace {
/// The bit a summary's parameter flow gives the object.
constexpr unsigned ObjectBit = 62;
/// At most this many summary files are read: a directory that is not a
/// summary directory does not make the tool read a whole disk.
constexpr size_t MaxSummaryFiles = 200000;
/// A summary file larger than this is not one the tool wrote.
constexpr uint64_t MaxSummaryFileSize = 64u << 20;
} // namespace

void SummaryStore::problem(const std::string &Message) {
  if (Reported.insert(Message).second)
    Problems.push_back(Message);
}

std::vector<std::string> SummaryStore::takeProblems() {
  std::vector<std::string> Result;
  Result.swap(Problems);
  return Result;
}

void SummaryStore::startUnit() {
  reload();
  for (auto &Entry : Units)
    Entry.second->State = 0;
  Hashes.clear();
  Queries.clear();
  Rows.clear();
}

void SummaryStore::reload() {
  std::error_code EC;
  std::map<std::string, std::unique_ptr<LoadedUnit>> Next;
  bool Changed = false;
  size_t Seen = 0;
  for (sys::fs::directory_iterator It(Directory, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Path = It->path();
    if (!endsWith(Path, SummaryFileSuffix) || ++Seen > MaxSummaryFiles)
      continue;
    sys::fs::file_status Status;
    if (sys::fs::status(Path, Status) || !sys::fs::is_regular_file(Status))
      continue;
    auto Old = Units.find(Path.str());
    if (Old != Units.end() &&
        Old->second->Modified == Status.getLastModificationTime() &&
        Old->second->Size == Status.getSize()) {
      Next[Path.str()] = std::move(Old->second);
      continue;
    }
    Changed = true;
    auto Unit = std::make_unique<LoadedUnit>();
    Unit->Path = Path.str();
    Unit->Modified = Status.getLastModificationTime();
    Unit->Size = Status.getSize();
    Next[Path.str()] = std::move(Unit);
  }
  Changed = Changed || Next.size() != Units.size() || !Indexed;
  Units = std::move(Next);
  if (Changed)
    index();
}

bool SummaryStore::parse(LoadedUnit &U) {
  if (U.Parsed)
    return !U.Broken;
  U.Parsed = true;
  U.Broken = true;
  if (U.Size > MaxSummaryFileSize) {
    problem("summary file '" + U.Path + "' is too large; ignored");
    return false;
  }
  auto Buffer = MemoryBuffer::getFile(U.Path, /*IsText=*/true,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    problem("cannot read summary file '" + U.Path +
            "': " + Buffer.getError().message() + "; ignored");
    return false;
  }
  Expected<UnitSummary> Summary = summaryFromJson((*Buffer)->getBuffer());
  if (!Summary) {
    problem("summary file '" + U.Path +
            "' is unusable: " + toString(Summary.takeError()) +
            "; ignored (re-run tools/nplusone-run.py to rewrite it)");
    return false;
  }
  U.Summary = std::move(*Summary);
  for (const FunctionSummaryRecord &R : U.Summary.Functions)
    U.ByKey.try_emplace(R.Key, &R);
  U.Broken = false;
  return true;
}

namespace {
/// Notes that \p Unit defines \p Key: a function two units define (two
/// programs in one tree) is used from neither, since which one a call
/// reaches is unknown.
template <typename UnitT>
void define(llvm::StringMap<UnitT *> &Functions, StringRef Key, UnitT *Unit) {
  auto [It, New] = Functions.try_emplace(Key, Unit);
  if (!New && It->second != Unit)
    It->second = nullptr;
}
} // namespace

bool SummaryStore::readIndex() {
  SmallString<256> Path(Directory);
  sys::path::append(Path, SummaryIndexName);
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return false;
  Expected<json::Value> Doc = json::parse((*Buffer)->getBuffer());
  if (!Doc) {
    consumeError(Doc.takeError());
    return false;
  }
  const json::Object *O = Doc->getAsObject();
  const json::Object *Files = O ? O->getObject("files") : nullptr;
  // The index describes the files as they are, or it is not used.
  if (!Files || Files->size() != Units.size())
    return false;
  for (auto &Entry : Units) {
    LoadedUnit &U = *Entry.second;
    const json::Object *F = Files->getObject(sys::path::filename(U.Path).str());
    if (!F)
      return false;
    auto Size = F->getInteger("size");
    auto Time = F->getInteger("mtime");
    const json::Array *Keys = F->getArray("keys");
    if (!Keys || !Size || !Time || static_cast<uint64_t>(*Size) != U.Size ||
        *Time != U.Modified.time_since_epoch().count())
      return false;
    for (const json::Value &K : *Keys)
      if (auto Key = K.getAsString())
        define(Functions, *Key, &U);
    const json::Array *Drivers = F->getArray("drivers");
    U.SelectsDriver = Drivers && !Drivers->empty();
  }
  return true;
}

void SummaryStore::index() {
  Functions.clear();
  Indexed = true;
  if (readIndex())
    return;
  Functions.clear();
  for (auto &Entry : Units)
    if (parse(*Entry.second)) {
      for (const FunctionSummaryRecord &R : Entry.second->Summary.Functions)
        define(Functions, R.Key, Entry.second.get());
      Entry.second->SelectsDriver = !Entry.second->Summary.Drivers.empty();
    }
}

std::vector<std::string> SummaryStore::drivers() {
  std::vector<std::string> Result;
  for (auto &Entry : Units) {
    LoadedUnit &U = *Entry.second;
    if (U.SelectsDriver && parse(U) && isCurrent(U))
      Result.insert(Result.end(), U.Summary.Drivers.begin(),
                    U.Summary.Drivers.end());
  }
  return Result;
}

bool SummaryStore::isCurrent(LoadedUnit &U) {
  if (U.State)
    return U.State == 1;
  U.State = 1;
  for (const SummaryInput &In : U.Summary.Inputs) {
    auto [It, New] = Hashes.try_emplace(In.Path);
    if (New)
      It->second = fileHash(In.Path).value_or("");
    if (It->second == In.Hash)
      continue;
    U.State = 2;
    problem("summary file '" + U.Path + "' is stale: '" + In.Path + "' " +
            (It->second.empty() ? "is gone or is not a readable file"
                                : "changed since it was written") +
            "; ignored (re-run tools/nplusone-run.py)");
    break;
  }
  return U.State == 1;
}

const FunctionSummaryRecord *SummaryStore::record(StringRef Key) {
  LoadedUnit *U = Functions.lookup(Key);
  if (!U || !parse(*U) || !isCurrent(*U))
    return nullptr;
  return U->ByKey.lookup(Key);
}

namespace {
/// \p Sub, reached through \p Call: its flow in terms of the caller's
/// parameters, its steps after the call's, its text where the call passes
/// it in.
SummaryQuery throughCall(const SummaryCall &Call, const SummaryQuery &Sub) {
  SummaryQuery Q = Sub;
  Q.Depth = Call.Depth + Sub.Depth;
  Q.ParamFlow = 0;
  size_t Object = Call.ArgFlow.size() - 1;
  for (unsigned Bit = 0; Bit < 64; ++Bit) {
    if (!(Sub.ParamFlow & (uint64_t(1) << Bit)))
      continue;
    size_t Arg = Bit == ObjectBit ? Object : Bit;
    if (Arg < Call.ArgFlow.size())
      Q.ParamFlow |= Call.ArgFlow[Arg];
  }
  Q.SqlParam = -1;
  if (Sub.SqlParam >= 0 && static_cast<size_t>(Sub.SqlParam) < Object) {
    Q.TextAt = SourcePlace();
    if (!Call.ArgText[Sub.SqlParam].empty()) {
      // The text the caller passes says what runs: an UPDATE is a write.
      Q.Sql = Call.ArgText[Sub.SqlParam];
      if (classifySql(Q.Sql) == SqlStatementKind::Write &&
          Q.Kind == SummaryQueryKind::Read) {
        Q.Kind = SummaryQueryKind::Write;
        Q.Keyword = sqlLeadingKeyword(Q.Sql).value_or("");
      }
    } else
      Q.SqlParam = Call.ArgParam[Sub.SqlParam];
  }
  Q.Conditional = Call.Conditional || Sub.Conditional;
  // The tests of Sub's parameters were the call's to decide; what remains
  // is the test the call itself is made under.
  Q.Guard = Call.Guard;
  Q.TargetGuard.reset();
  Q.TakenFlow = 0;
  Q.Otherwise = nullptr;
  Q.Steps = Call.Steps;
  Q.Steps.insert(Q.Steps.end(), Sub.Steps.begin(), Sub.Steps.end());
  return Q;
}

/// Sorts out the tests of parameters the function's statements run under:
/// \p Best keeps a test every one of \p All shares (Guard); else the test
/// it runs under (TargetGuard), what feeds the statements under that test,
/// and the shallowest of the others, which a call failing it runs instead.
void settleGuards(SummaryQuery &Best, llvm::ArrayRef<SummaryQuery> All) {
  std::optional<SummaryGuard> Own = Best.Guard;
  if (Own && llvm::all_of(All, [&](const SummaryQuery &Q) {
        return Q.Guard && *Q.Guard == *Own;
      }))
    return;
  Best.Guard.reset();
  if (!Own)
    return;
  const SummaryQuery *Other = nullptr;
  uint64_t Taken = 0, Flow = 0;
  bool AllConditional = true, OneTest = true;
  for (const SummaryQuery &Q : All) {
    if (Q.Guard && *Q.Guard == *Own) {
      Taken |= Q.ParamFlow;
      continue;
    }
    Flow |= Q.ParamFlow;
    AllConditional &= Q.Conditional;
    OneTest &= !Other || Q.Guard == Other->Guard;
    if (!Other || Q.Depth < Other->Depth)
      Other = &Q;
  }
  if (!Other)
    return;
  auto Instead = std::make_shared<SummaryQuery>(*Other);
  Instead->ParamFlow = Flow;
  Instead->Conditional = AllConditional;
  // The others' test, when they all run under one.
  if (!OneTest)
    Instead->Guard.reset();
  Best.TargetGuard = Own;
  Best.TakenFlow = Taken;
  Best.Otherwise = std::move(Instead);
}
} // namespace

std::optional<SummaryQuery>
SummaryStore::resolveQuery(const FunctionSummaryRecord &R, unsigned Budget) {
  // The shallowest query, like a summary within a unit; every query adds
  // the parameters that feed it.
  std::vector<SummaryQuery> All;
  if (R.Query && R.Query->Depth <= Budget)
    All.push_back(*R.Query);
  for (const SummaryCall &Call : R.Calls) {
    if (Call.Depth >= Budget || Call.ArgFlow.empty())
      continue;
    if (const SummaryQuery *Sub = query(Call.Key, Budget - Call.Depth))
      All.push_back(throughCall(Call, *Sub));
  }
  if (All.empty())
    return std::nullopt;
  uint64_t Flow = 0;
  bool AllConditional = true;
  size_t Best = 0;
  for (size_t I = 0; I < All.size(); ++I) {
    Flow |= All[I].ParamFlow;
    AllConditional &= All[I].Conditional;
    if (All[I].Depth < All[Best].Depth)
      Best = I;
  }
  SummaryQuery Q = All[Best];
  settleGuards(Q, All);
  Q.ParamFlow = Flow;
  Q.Conditional = AllConditional;
  return Q;
}

const SummaryQuery *SummaryStore::query(StringRef Key, unsigned Budget) {
  if (Budget == 0)
    return nullptr;
  auto MemoKey = std::make_pair(Key.str(), Budget);
  auto It = Queries.find(MemoKey);
  if (It != Queries.end())
    return It->second.get();
  const FunctionSummaryRecord *R = record(Key);
  // A function already being resolved is part of a recursion across units:
  // the cycle adds nothing new.
  if (!R || !InProgress.insert(Key).second)
    return nullptr;
  std::optional<SummaryQuery> Found = resolveQuery(*R, Budget);
  InProgress.erase(Key);
  std::unique_ptr<SummaryQuery> &Slot = Queries[MemoKey];
  if (Found)
    Slot = std::make_unique<SummaryQuery>(std::move(*Found));
  return Slot.get();
}

const SummaryRows *SummaryStore::rows(StringRef Key, unsigned Budget) {
  if (Budget == 0)
    return nullptr;
  auto MemoKey = std::make_pair(Key.str(), Budget);
  auto It = Rows.find(MemoKey);
  if (It != Rows.end())
    return It->second.get();
  const FunctionSummaryRecord *R = record(Key);
  if (!R || !R->Rows || !InProgress.insert(Key).second)
    return nullptr;
  // Rows another unit's function returns are where that one says.
  std::unique_ptr<SummaryRows> Found;
  const SummaryRows *Own = R->Rows->RowsOf.empty() ? &*R->Rows : nullptr;
  if (!Own)
    Own = rows(R->Rows->RowsOf, Budget - 1);
  if (Own)
    Found = std::make_unique<SummaryRows>(*Own);
  InProgress.erase(Key);
  return (Rows[MemoKey] = std::move(Found)).get();
}

} // namespace nplusone
