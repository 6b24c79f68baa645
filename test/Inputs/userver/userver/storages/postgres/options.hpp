// Stand-in for userver's <userver/storages/postgres/options.hpp>:
// transaction options and command control. Only what the tests use; see
// cluster.hpp.
#pragma once

#include <chrono>
#include <optional>

#include <userver/storages/postgres/postgres_fwd.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

enum class IsolationLevel {
  kReadCommitted,
  kRepeatableRead,
  kSerializable,
  kReadUncommitted
};

struct TransactionOptions {
  enum Mode : unsigned { kReadWrite = 0, kReadOnly = 1, kDeferrable = 3 };

  IsolationLevel isolation_level = IsolationLevel::kReadCommitted;
  Mode mode = kReadWrite;

  constexpr TransactionOptions() = default;
  constexpr explicit TransactionOptions(IsolationLevel lvl)
      : isolation_level{lvl} {}
  constexpr TransactionOptions(IsolationLevel lvl, Mode m)
      : isolation_level{lvl}, mode{m} {}
  constexpr explicit TransactionOptions(Mode m) : mode{m} {}
};

struct CommandControl {
  using Duration = std::chrono::milliseconds;
  Duration execute{};
  Duration statement{};

  constexpr CommandControl(Duration network_timeout_ms,
                           Duration statement_timeout_ms)
      : execute{network_timeout_ms}, statement{statement_timeout_ms} {}
};

using OptionalCommandControl = std::optional<CommandControl>;

} // namespace storages::postgres

USERVER_NAMESPACE_END
