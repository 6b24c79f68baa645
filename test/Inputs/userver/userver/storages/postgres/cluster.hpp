// Stand-in for userver's <userver/storages/postgres/cluster.hpp> (userver is
// not packaged by Debian). It declares, with the real names, namespaces
// (userver::storages::postgres, opened through USERVER_NAMESPACE_BEGIN) and
// signatures, just what the tests use: Cluster::Execute / Begin and,
// through its includes, ClusterHostType(Flags), Query, ResultSet / Row /
// Field, Transaction and ClusterPtr. Bodies only where templates need one.
#pragma once

#include <memory>
#include <string>

#include <userver/storages/postgres/cluster_types.hpp>
#include <userver/storages/postgres/options.hpp>
#include <userver/storages/postgres/parameter_store.hpp>
#include <userver/storages/postgres/postgres_fwd.hpp>
#include <userver/storages/postgres/query.hpp>
#include <userver/storages/postgres/result_set.hpp>
#include <userver/storages/postgres/transaction.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

/// @brief Interface for executing queries on a cluster of PostgreSQL servers
class Cluster {
public:
  ~Cluster();

  /// @name Transaction start
  /// @{
  Transaction Begin(const TransactionOptions &, OptionalCommandControl = {});
  Transaction Begin(ClusterHostTypeFlags, const TransactionOptions &,
                    OptionalCommandControl = {});
  Transaction Begin(const std::string &name, const TransactionOptions &);
  Transaction Begin(const std::string &name, ClusterHostTypeFlags,
                    const TransactionOptions &);
  /// @}

  /// @name Single-statement query in an auto-commit transaction
  /// @{
  template <typename... Args>
  ResultSet Execute(ClusterHostTypeFlags, const Query &query,
                    const Args &...args);
  template <typename... Args>
  ResultSet Execute(ClusterHostTypeFlags, OptionalCommandControl,
                    const Query &query, const Args &...args);
  ResultSet Execute(ClusterHostTypeFlags flags, const Query &query,
                    const ParameterStore &store);
  ResultSet Execute(ClusterHostTypeFlags flags,
                    OptionalCommandControl statement_cmd_ctl,
                    const Query &query, const ParameterStore &store);
  /// @}
};

template <typename... Args>
ResultSet Cluster::Execute(ClusterHostTypeFlags flags, const Query &query,
                           const Args &...args) {
  return Execute(flags, OptionalCommandControl{}, query, args...);
}

} // namespace storages::postgres

USERVER_NAMESPACE_END
