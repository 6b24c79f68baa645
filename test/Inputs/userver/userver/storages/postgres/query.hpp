// Stand-in for userver's <userver/storages/postgres/query.hpp>: Query, the
// statement text (implicitly constructible from const char* and
// std::string) with an optional name. Only what the tests use; see
// cluster.hpp.
#pragma once

#include <optional>
#include <string>

#include <userver/storages/postgres/postgres_fwd.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

class Query {
public:
  /// The query name, used for statistics and per-query command control.
  class Name {
  public:
    explicit Name(std::string name) : name_(std::move(name)) {}
    const std::string &GetUnderlying() const { return name_; }

  private:
    std::string name_;
  };

  enum class LogMode { kFull, kNameOnly };

  Query(const char *statement, std::optional<Name> name = std::nullopt,
        LogMode log_mode = LogMode::kFull);
  Query(std::string statement, std::optional<Name> name = std::nullopt,
        LogMode log_mode = LogMode::kFull);

  const std::string &Statement() const;
  const std::optional<Name> &GetName() const;
};

} // namespace storages::postgres

USERVER_NAMESPACE_END
