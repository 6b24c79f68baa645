// Stand-in for userver's <userver/storages/postgres/cluster_types.hpp>: the
// host roles a query can be sent to. Only what the tests use; see
// cluster.hpp.
#pragma once

#include <userver/storages/postgres/postgres_fwd.hpp>
#include <userver/utils/flags.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

enum class ClusterHostType {
  kNone = 0x00,
  kMaster = 0x01,
  kSyncSlave = 0x02,
  kSlave = 0x04,
  kSlaveOrMaster = 0x08,
  kRoundRobin = 0x10,
  kNearest = 0x20,
};

using ClusterHostTypeFlags = USERVER_NAMESPACE::utils::Flags<ClusterHostType>;

constexpr ClusterHostTypeFlags operator|(ClusterHostType lhs,
                                         ClusterHostType rhs) {
  return ClusterHostTypeFlags{lhs} | rhs;
}

} // namespace storages::postgres

USERVER_NAMESPACE_END
