// Stand-in for userver's <userver/storages/postgres/postgres_fwd.hpp>:
// forward declarations of the uPg driver and ClusterPtr. Only what the tests
// use; see cluster.hpp.
#pragma once

#include <memory>

// The real build passes these as compile definitions.
#ifndef USERVER_NAMESPACE
#define USERVER_NAMESPACE userver
#endif
#ifndef USERVER_NAMESPACE_BEGIN
#define USERVER_NAMESPACE_BEGIN namespace USERVER_NAMESPACE {
#endif
#ifndef USERVER_NAMESPACE_END
#define USERVER_NAMESPACE_END }
#endif

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

class Transaction;
class ResultSet;
class Row;
class Field;
template <typename T, typename ExtractionTag> class TypedResultSet;

class Cluster;
using ClusterPtr = std::shared_ptr<Cluster>;

namespace detail {
class ResultWrapper;
using ResultWrapperPtr = std::shared_ptr<const ResultWrapper>;
} // namespace detail

} // namespace storages::postgres

USERVER_NAMESPACE_END
