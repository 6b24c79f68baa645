// Stand-in for userver's <userver/storages/postgres/transaction.hpp>:
// Transaction (Execute, Commit, Rollback). Only what the tests use, with the
// real names and signatures; see cluster.hpp.
#pragma once

#include <string>

#include <userver/storages/postgres/options.hpp>
#include <userver/storages/postgres/parameter_store.hpp>
#include <userver/storages/postgres/postgres_fwd.hpp>
#include <userver/storages/postgres/query.hpp>
#include <userver/storages/postgres/result_set.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

class Transaction {
public:
  static constexpr TransactionOptions RW{};
  static constexpr TransactionOptions RO{TransactionOptions::kReadOnly};
  static constexpr TransactionOptions Deferrable{
      TransactionOptions::kDeferrable};

  Transaction(Transaction &&) noexcept;
  Transaction &operator=(Transaction &&) noexcept;
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;
  ~Transaction();

  /// @brief Execute statement with arbitrary parameters.
  template <typename... Args>
  ResultSet Execute(const Query &query, const Args &...args) {
    return Execute(OptionalCommandControl{}, query, args...);
  }
  /// @brief Execute statement with arbitrary parameters and per-statement
  /// command control.
  template <typename... Args>
  ResultSet Execute(OptionalCommandControl statement_cmd_ctl,
                    const Query &query, const Args &...args);
  /// @brief Execute statement with stored parameters.
  ResultSet Execute(const Query &query, const ParameterStore &store);
  ResultSet Execute(OptionalCommandControl statement_cmd_ctl,
                    const Query &query, const ParameterStore &store);

  /// Execute statement that uses an array of arguments splitting that array
  /// in chunks and executing the statement with a chunk of arguments.
  template <typename Container>
  void ExecuteBulk(const Query &query, const Container &args,
                   std::size_t chunk_rows = 1024);

  void Commit();
  void Rollback();
};

} // namespace storages::postgres

USERVER_NAMESPACE_END
