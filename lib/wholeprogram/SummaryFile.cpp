//===- SummaryFile.cpp - Summary files on disk ----------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/wholeprogram/SummaryFile.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include <limits>

using namespace llvm;

namespace nplusone {

constexpr const char *SummaryFormatName = "nplusone-summary";

std::string contentHash(StringRef Data) {
  return toHex(SHA1::hash(arrayRefFromStringRef(Data)), /*LowerCase=*/true);
}

std::optional<std::string> fileHash(StringRef Path) {
  // A summary names the files to hash: only regular files of a source's
  // size are read (a FIFO or a device would block or never end).
  constexpr uint64_t MaxSourceSize = 256u << 20;
  sys::fs::file_status Status;
  if (sys::fs::status(Path, Status) || !sys::fs::is_regular_file(Status) ||
      Status.getSize() > MaxSourceSize)
    return std::nullopt;
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return contentHash((*Buffer)->getBuffer());
}

std::string summaryFileName(StringRef Unit) {
  // The name keeps the file readable; the hash keeps two `main.cpp` apart.
  return (sys::path::filename(Unit) + "." + contentHash(Unit).substr(0, 12) +
          SummaryFileSuffix)
      .str();
}

namespace {

json::Value placeToJson(const SourcePlace &P) {
  return json::Object{{"file", P.File}, {"line", P.Line}, {"col", P.Column}};
}

json::Array stepsToJson(const std::vector<SummaryStep> &Steps) {
  json::Array Result;
  for (const SummaryStep &S : Steps)
    Result.push_back(json::Object{{"caller", S.Caller},
                                  {"callee", S.Callee},
                                  {"at", placeToJson(S.Place)}});
  return Result;
}

const char *kindName(SummaryQueryKind K) {
  switch (K) {
  case SummaryQueryKind::Read:
    return "read";
  case SummaryQueryKind::Write:
    return "write";
  case SummaryQueryKind::LazyLoad:
    return "lazy-load";
  }
  return "read";
}

json::Value guardToJson(const std::optional<SummaryGuard> &G) {
  if (!G)
    return nullptr;
  return json::Object{{"param", G->Param},
                      {"equals", G->EqualsValue},
                      {"value", G->Value},
                      {"expect", G->Expect},
                      {"alone", G->Alone}};
}

json::Value queryToJson(const SummaryQuery &Q) {
  return json::Object{{"kind", kindName(Q.Kind)},
                      {"depth", Q.Depth},
                      {"params", static_cast<int64_t>(Q.ParamFlow)},
                      {"library", Q.Library},
                      {"keyword", Q.Keyword},
                      {"relation", Q.Relation},
                      {"sql", Q.Sql},
                      {"sqlParam", Q.SqlParam},
                      {"textAt", placeToJson(Q.TextAt)},
                      {"conditional", Q.Conditional},
                      {"guard", guardToJson(Q.Guard)},
                      {"steps", stepsToJson(Q.Steps)}};
}

json::Value callToJson(const SummaryCall &C) {
  json::Array Flow, Text, Param;
  for (uint64_t F : C.ArgFlow)
    Flow.push_back(static_cast<int64_t>(F));
  for (const std::string &T : C.ArgText)
    Text.push_back(T);
  for (int P : C.ArgParam)
    Param.push_back(P);
  return json::Object{{"key", C.Key},
                      {"depth", C.Depth},
                      {"argFlow", std::move(Flow)},
                      {"argText", std::move(Text)},
                      {"argParam", std::move(Param)},
                      {"conditional", C.Conditional},
                      {"guard", guardToJson(C.Guard)},
                      {"steps", stepsToJson(C.Steps)}};
}

json::Value rowsToJson(const SummaryRows &R) {
  return json::Object{{"library", R.Library},
                      {"table", R.Table},
                      {"function", R.Function},
                      {"at", placeToJson(R.Place)},
                      {"rowsOf", R.RowsOf}};
}

json::Value functionToJson(const FunctionSummaryRecord &F) {
  json::Object O{{"key", F.Key}, {"name", F.Name}};
  if (F.Query)
    O["query"] = queryToJson(*F.Query);
  json::Array Calls;
  for (const SummaryCall &C : F.Calls)
    Calls.push_back(callToJson(C));
  O["calls"] = std::move(Calls);
  if (F.Rows)
    O["rows"] = rowsToJson(*F.Rows);
  return O;
}

} // namespace

std::string summaryToJson(const UnitSummary &Summary) {
  json::Array Inputs, Functions, Calls, Drivers;
  for (const std::string &D : Summary.Drivers)
    Drivers.push_back(D);
  for (const SummaryInput &I : Summary.Inputs)
    Inputs.push_back(json::Object{{"path", I.Path}, {"sha1", I.Hash}});
  for (const FunctionSummaryRecord &F : Summary.Functions)
    Functions.push_back(functionToJson(F));
  for (const std::string &K : Summary.Calls)
    Calls.push_back(K);
  json::Value Doc = json::Object{{"format", SummaryFormatName},
                                 {"version", SummaryFormatVersion},
                                 {"unit", Summary.Unit},
                                 {"inputs", std::move(Inputs)},
                                 {"functions", std::move(Functions)},
                                 {"calls", std::move(Calls)},
                                 {"drivers", std::move(Drivers)}};
  std::string Text;
  raw_string_ostream OS(Text);
  {
    // One value per line, so that a summary reads and diffs as text.
    json::OStream J(OS, /*IndentSize=*/1);
    J.value(Doc);
  }
  OS << "\n";
  return OS.str();
}

namespace {

/// Reads the fields of a parsed summary; the first missing or mistyped one
/// becomes the error, named by where it is.
class SummaryReader {
public:
  std::string Problem;

  bool fail(const Twine &What) {
    if (Problem.empty())
      Problem = What.str();
    return false;
  }

  bool string(const json::Object &O, StringRef Key, std::string &Out,
              StringRef Where) {
    auto V = O.getString(Key);
    if (!V)
      return fail(Where + ": '" + Key + "' is missing or not a string");
    Out = V->str();
    return true;
  }

  template <typename IntT>
  bool integer(const json::Object &O, StringRef Key, IntT &Out, StringRef Where,
               int64_t Min = 0) {
    auto V = O.getInteger(Key);
    if (!V || *V < Min)
      return fail(Where + ": '" + Key + "' is missing or out of range");
    Out = static_cast<IntT>(*V);
    return true;
  }

  bool boolean(const json::Object &O, StringRef Key, bool &Out,
               StringRef Where) {
    auto V = O.getBoolean(Key);
    if (!V)
      return fail(Where + ": '" + Key + "' is missing or not true/false");
    Out = *V;
    return true;
  }

  /// An optional "guard": absent or null when there is none.
  bool guard(const json::Object &O, std::optional<SummaryGuard> &Out,
             StringRef Where) {
    const json::Value *V = O.get("guard");
    if (!V || V->kind() == json::Value::Null)
      return true;
    const json::Object *G = V->getAsObject();
    SummaryGuard R;
    if (!G)
      return fail(Where + ": 'guard' is not an object");
    if (!integer(*G, "param", R.Param, Where) ||
        !boolean(*G, "equals", R.EqualsValue, Where) ||
        !integer(*G, "value", R.Value, Where,
                 std::numeric_limits<int64_t>::min()) ||
        !boolean(*G, "expect", R.Expect, Where) ||
        !boolean(*G, "alone", R.Alone, Where))
      return false;
    if (R.Param >= 64)
      return fail(Where + ": the guard's parameter is out of range");
    Out = R;
    return true;
  }

  const json::Array *array(const json::Object &O, StringRef Key,
                           StringRef Where) {
    const json::Array *A = O.getArray(Key);
    if (!A)
      fail(Where + ": '" + Key + "' is missing or not a list");
    return A;
  }

  const json::Object *object(const json::Value &V, StringRef Where) {
    const json::Object *O = V.getAsObject();
    if (!O)
      fail(Where + " is not an object");
    return O;
  }

  bool place(const json::Object &O, StringRef Key, SourcePlace &P,
             StringRef Where);
  bool steps(const json::Object &O, std::vector<SummaryStep> &Out,
             StringRef Where);
  bool query(const json::Object &O, SummaryQuery &Q);
  bool call(const json::Object &O, SummaryCall &C);
  bool rows(const json::Object &O, SummaryRows &R);
  bool function(const json::Object &O, FunctionSummaryRecord &F);
  bool unit(const json::Object &O, UnitSummary &U);
};

bool SummaryReader::place(const json::Object &O, StringRef Key, SourcePlace &P,
                          StringRef Where) {
  const json::Object *At = O.getObject(Key);
  if (!At)
    return fail(Where + ": '" + Key + "' is missing");
  return string(*At, "file", P.File, Where) &&
         integer(*At, "line", P.Line, Where) &&
         integer(*At, "col", P.Column, Where);
}

bool SummaryReader::steps(const json::Object &O, std::vector<SummaryStep> &Out,
                          StringRef Where) {
  const json::Array *A = array(O, "steps", Where);
  if (!A)
    return false;
  for (const json::Value &V : *A) {
    const json::Object *S = object(V, "a step");
    SummaryStep Step;
    if (!S || !string(*S, "caller", Step.Caller, "a step") ||
        !string(*S, "callee", Step.Callee, "a step") ||
        !place(*S, "at", Step.Place, "a step"))
      return false;
    Out.push_back(std::move(Step));
  }
  return true;
}

bool SummaryReader::query(const json::Object &O, SummaryQuery &Q) {
  std::string Kind;
  if (!string(O, "kind", Kind, "a query"))
    return false;
  if (Kind == "read")
    Q.Kind = SummaryQueryKind::Read;
  else if (Kind == "write")
    Q.Kind = SummaryQueryKind::Write;
  else if (Kind == "lazy-load")
    Q.Kind = SummaryQueryKind::LazyLoad;
  else
    return fail("a query: unknown kind '" + Kind + "'");
  return integer(O, "depth", Q.Depth, "a query", 1) &&
         integer(O, "params", Q.ParamFlow, "a query") &&
         string(O, "library", Q.Library, "a query") &&
         string(O, "keyword", Q.Keyword, "a query") &&
         string(O, "relation", Q.Relation, "a query") &&
         string(O, "sql", Q.Sql, "a query") &&
         integer(O, "sqlParam", Q.SqlParam, "a query", -1) &&
         place(O, "textAt", Q.TextAt, "a query") &&
         boolean(O, "conditional", Q.Conditional, "a query") &&
         guard(O, Q.Guard, "a query") && steps(O, Q.Steps, "a query");
}

bool SummaryReader::call(const json::Object &O, SummaryCall &C) {
  if (!string(O, "key", C.Key, "a call") ||
      !integer(O, "depth", C.Depth, "a call", 1) ||
      !boolean(O, "conditional", C.Conditional, "a call") ||
      !guard(O, C.Guard, "a call"))
    return false;
  const json::Array *Flow = array(O, "argFlow", "a call");
  const json::Array *Text = array(O, "argText", "a call");
  const json::Array *Param = array(O, "argParam", "a call");
  if (!Flow || !Text || !Param || Text->size() != Flow->size() ||
      Param->size() != Flow->size())
    return fail("a call: its argument lists are missing or differ in size");
  for (size_t I = 0; I < Flow->size(); ++I) {
    auto F = (*Flow)[I].getAsInteger();
    auto T = (*Text)[I].getAsString();
    auto P = (*Param)[I].getAsInteger();
    if (!F || *F < 0 || !T || !P || *P < -1)
      return fail("a call: argument " + Twine(I) + " is malformed");
    C.ArgFlow.push_back(static_cast<uint64_t>(*F));
    C.ArgText.push_back(T->str());
    C.ArgParam.push_back(static_cast<int>(*P));
  }
  return steps(O, C.Steps, "a call");
}

bool SummaryReader::rows(const json::Object &O, SummaryRows &R) {
  return string(O, "library", R.Library, "rows") &&
         string(O, "table", R.Table, "rows") &&
         string(O, "function", R.Function, "rows") &&
         place(O, "at", R.Place, "rows") &&
         string(O, "rowsOf", R.RowsOf, "rows");
}

bool SummaryReader::function(const json::Object &O, FunctionSummaryRecord &F) {
  if (!string(O, "key", F.Key, "a function") ||
      !string(O, "name", F.Name, "a function") || F.Key.empty())
    return fail("a function has no key");
  if (const json::Object *Q = O.getObject("query")) {
    F.Query.emplace();
    if (!query(*Q, *F.Query))
      return false;
  }
  const json::Array *Calls = array(O, "calls", "a function");
  if (!Calls)
    return false;
  for (const json::Value &V : *Calls) {
    const json::Object *C = object(V, "a call");
    F.Calls.emplace_back();
    if (!C || !call(*C, F.Calls.back()))
      return false;
  }
  if (const json::Object *R = O.getObject("rows")) {
    F.Rows.emplace();
    if (!rows(*R, *F.Rows))
      return false;
  }
  return true;
}

bool SummaryReader::unit(const json::Object &O, UnitSummary &U) {
  if (!string(O, "unit", U.Unit, "the file"))
    return false;
  const json::Array *Inputs = array(O, "inputs", "the file");
  const json::Array *Functions = array(O, "functions", "the file");
  const json::Array *Calls = array(O, "calls", "the file");
  if (!Inputs || !Functions || !Calls)
    return false;
  for (const json::Value &V : *Inputs) {
    const json::Object *I = object(V, "an input");
    SummaryInput In;
    if (!I || !string(*I, "path", In.Path, "an input") ||
        !string(*I, "sha1", In.Hash, "an input"))
      return false;
    U.Inputs.push_back(std::move(In));
  }
  for (const json::Value &V : *Functions) {
    const json::Object *F = object(V, "a function");
    U.Functions.emplace_back();
    if (!F || !function(*F, U.Functions.back()))
      return false;
  }
  for (const json::Value &V : *Calls) {
    auto Key = V.getAsString();
    if (!Key)
      return fail("the file: 'calls' holds a value that is not a string");
    U.Calls.push_back(Key->str());
  }
  // Optional: summaries written before drivers were recorded have none.
  if (const json::Array *Drivers = O.getArray("drivers"))
    for (const json::Value &V : *Drivers) {
      auto Driver = V.getAsString();
      if (!Driver)
        return fail("the file: 'drivers' holds a value that is not a string");
      U.Drivers.push_back(Driver->str());
    }
  return true;
}

} // namespace

Expected<UnitSummary> summaryFromJson(StringRef Text) {
  Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return createStringError(inconvertibleErrorCode(), "not valid JSON (%s)",
                             toString(Doc.takeError()).c_str());
  const json::Object *O = Doc->getAsObject();
  if (!O)
    return createStringError(inconvertibleErrorCode(),
                             "not an nplusone summary file");
  auto Format = O->getString("format");
  if (!Format || *Format != SummaryFormatName)
    return createStringError(inconvertibleErrorCode(),
                             "not an nplusone summary file");
  auto Version = O->getInteger("version");
  if (!Version || *Version != SummaryFormatVersion)
    return createStringError(
        inconvertibleErrorCode(),
        "summary format version %lld, this build reads version %d",
        static_cast<long long>(Version ? *Version : 0), SummaryFormatVersion);
  UnitSummary U;
  SummaryReader Reader;
  if (!Reader.unit(*O, U))
    return createStringError(inconvertibleErrorCode(), "malformed: %s",
                             Reader.Problem.c_str());
  return U;
}

Error writeSummaryFile(StringRef Directory, const UnitSummary &Summary) {
  if (std::error_code EC = sys::fs::create_directories(Directory))
    return createStringError(EC, "cannot create '%s': %s",
                             Directory.str().c_str(), EC.message().c_str());
  SmallString<256> Final(Directory);
  sys::path::append(Final, summaryFileName(Summary.Unit));
  // Write beside the final name, then rename: readers see the old file or
  // the new one, never half of one.
  int FD = -1;
  SmallString<256> Temp;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Final + ".tmp-%%%%%%%%", FD, Temp))
    return createStringError(EC, "cannot write in '%s': %s",
                             Directory.str().c_str(), EC.message().c_str());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << summaryToJson(Summary);
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Temp);
      return createStringError(inconvertibleErrorCode(), "cannot write '%s'",
                               Temp.c_str());
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Final)) {
    sys::fs::remove(Temp);
    return createStringError(EC, "cannot write '%s': %s", Final.c_str(),
                             EC.message().c_str());
  }
  return Error::success();
}

} // namespace nplusone
