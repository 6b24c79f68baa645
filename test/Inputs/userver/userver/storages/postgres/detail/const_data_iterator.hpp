// Stand-in for userver's
// <userver/storages/postgres/detail/const_data_iterator.hpp>: the iterator
// template behind ResultSet's row iterators (the iterator is-a row).
// Only what the tests use; see ../cluster.hpp.
#pragma once

#include <cstddef>
#include <iterator>
#include <utility>

#include <userver/storages/postgres/postgres_fwd.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres::detail {

enum class IteratorDirection { kReverse = -1, kForward = 1 };

template <typename FinalType, typename DataType,
          IteratorDirection direction = IteratorDirection::kForward>
class ConstDataIterator : protected DataType {
  using Iter = ConstDataIterator;

public:
  using value_type = DataType;
  using difference_type = std::ptrdiff_t;
  using reference = const value_type &;
  using pointer = const value_type *;
  using iterator_category = std::random_access_iterator_tag;

  reference operator*() const { return static_cast<reference>(*this); }
  pointer operator->() const { return static_cast<pointer>(this); }

  FinalType &operator++() { return static_cast<FinalType &>(*this); }
  FinalType operator++(int) { return static_cast<const FinalType &>(*this); }

  bool operator==(const Iter &rhs) const { return true; }
  bool operator!=(const Iter &rhs) const { return false; }

protected:
  template <typename... T>
  ConstDataIterator(T &&...args) : value_type(std::forward<T>(args)...) {}
};

} // namespace storages::postgres::detail

USERVER_NAMESPACE_END
