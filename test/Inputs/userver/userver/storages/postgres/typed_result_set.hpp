// Stand-in for userver's <userver/storages/postgres/typed_result_set.hpp>:
// TypedResultSet<T, Tag>, what ResultSet::AsSetOf<T>() returns (a range of
// T). Only what the tests use; see cluster.hpp.
#pragma once

#include <cstddef>

#include <userver/storages/postgres/result_set.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

namespace detail {

template <typename T, typename ExtractionTag,
          IteratorDirection direction = IteratorDirection::kForward>
class ConstTypedRowIterator {
public:
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using reference = value_type;
  using iterator_category = std::forward_iterator_tag;

  value_type operator*() const { return value_type{}; }
  ConstTypedRowIterator &operator++() { return *this; }
  bool operator==(const ConstTypedRowIterator &) const { return true; }
  bool operator!=(const ConstTypedRowIterator &) const { return false; }
};

} // namespace detail

template <typename T, typename ExtractionTag> class TypedResultSet {
public:
  using size_type = ResultSet::size_type;
  using value_type = T;
  using reference = value_type;
  using const_iterator =
      detail::ConstTypedRowIterator<value_type, ExtractionTag,
                                    detail::IteratorDirection::kForward>;

  explicit TypedResultSet(ResultSet result) : result_{std::move(result)} {}

  size_type Size() const { return result_.Size(); }
  bool IsEmpty() const { return Size() == 0; }
  const_iterator cbegin() const & { return {}; }
  const_iterator begin() const & { return {}; }
  const_iterator cend() const & { return {}; }
  const_iterator end() const & { return {}; }
  const_iterator begin() const && = delete;
  const_iterator end() const && = delete;
  reference Front() const & { return value_type{}; }
  reference operator[](size_type index) const & { return value_type{}; }

private:
  ResultSet result_;
};

template <typename T> auto ResultSet::AsSetOf() const {
  return AsSetOf<T>(kFieldTag);
}
template <typename T> auto ResultSet::AsSetOf(RowTag) const {
  return TypedResultSet<T, RowTag>{*this};
}
template <typename T> auto ResultSet::AsSetOf(FieldTag) const {
  return TypedResultSet<T, FieldTag>{*this};
}

} // namespace storages::postgres

USERVER_NAMESPACE_END
