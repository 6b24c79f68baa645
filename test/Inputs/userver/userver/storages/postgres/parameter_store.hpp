// Stand-in for userver's <userver/storages/postgres/parameter_store.hpp>:
// ParameterStore, query arguments collected at run time. Only what the
// tests use; see cluster.hpp.
#pragma once

#include <cstddef>

#include <userver/storages/postgres/postgres_fwd.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

class ParameterStore {
public:
  ParameterStore() = default;
  template <typename T> ParameterStore &PushBack(const T &param) {
    return *this;
  }
  bool IsEmpty() const;
  std::size_t Size() const;
};

} // namespace storages::postgres

USERVER_NAMESPACE_END
