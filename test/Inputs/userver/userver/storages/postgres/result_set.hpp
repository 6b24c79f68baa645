// Stand-in for userver's <userver/storages/postgres/result_set.hpp>:
// ResultSet (a range of Row), Row (fields by index or name, As<T...>()) and
// Field (As<T>()). Only what the tests use, with the real names and
// signatures; the row/field tags, which the real driver declares in its io
// headers, are declared here. Bodies only where templates need one.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <userver/storages/postgres/detail/const_data_iterator.hpp>
#include <userver/storages/postgres/postgres_fwd.hpp>

USERVER_NAMESPACE_BEGIN

namespace storages::postgres {

/// Tag to read a whole row into a user row type.
struct RowTag {};
constexpr RowTag kRowTag{};
/// Tag to read a single field into a (composite) type.
struct FieldTag {};
constexpr FieldTag kFieldTag{};

/// @brief Accessor to a single field in a result set's row
class Field {
public:
  using size_type = std::size_t;

  size_type RowIndex() const;
  size_type FieldIndex() const;
  std::string_view Name() const;
  bool IsNull() const;

  template <typename T> size_type To(T &&val) const { return 0; }
  template <typename T> void Coalesce(T &val, const T &default_val) const {}
  template <typename T> typename std::decay<T>::type As() const {
    return typename std::decay<T>::type{};
  }
  template <typename T>
  typename std::decay<T>::type Coalesce(const T &default_val) const {
    return default_val;
  }

protected:
  friend class Row;
  Field(detail::ResultWrapperPtr res, size_type row, size_type col);
};

/// Data row in a result set
class Row {
public:
  using size_type = std::size_t;
  using value_type = Field;
  using reference = Field;

  size_type RowIndex() const;
  size_type Size() const;

  /// @brief Field access by index
  reference operator[](size_type index) const;
  /// @brief Field access field by name
  reference operator[](const std::string &name) const;

  template <typename T> void To(T &&val) const {}
  template <typename T> void To(T &&val, RowTag) const {}
  template <typename T> void To(T &&val, FieldTag) const {}
  template <typename... T> void To(T &&...val) const {}

  /// Parse values from the row: one type reads the only column (or the whole
  /// row into a row type), several types yield a tuple.
  template <typename T, typename... Y> auto As() const {
    if constexpr (sizeof...(Y) > 0) {
      return std::tuple<T, Y...>{};
    } else {
      return T{};
    }
  }
  template <typename T> T As(RowTag) const { return T{}; }
  template <typename T> T As(FieldTag) const { return T{}; }
  template <typename... T>
  std::tuple<T...> As(const std::initializer_list<std::string> &names) const {
    return {};
  }
  template <typename... T>
  std::tuple<T...> As(const std::initializer_list<size_type> &indexes) const {
    return {};
  }

  size_type IndexOfName(const std::string &) const;

protected:
  friend class ResultSet;
  Row(detail::ResultWrapperPtr res, size_type row);
};

/// @name Iterator over rows in a result set
class ConstRowIterator
    : public detail::ConstDataIterator<ConstRowIterator, Row,
                                       detail::IteratorDirection::kForward> {
  friend class ResultSet;
  ConstRowIterator(detail::ResultWrapperPtr res, size_type row)
      : ConstDataIterator(std::move(res), row) {}
};

/// @brief PostgreSQL result set
class ResultSet {
public:
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  static constexpr size_type npos = std::numeric_limits<size_type>::max();

  using const_iterator = ConstRowIterator;
  using value_type = Row;
  using reference = value_type;
  using pointer = const_iterator;

  explicit ResultSet(std::shared_ptr<detail::ResultWrapper> pimpl);

  size_type Size() const;
  bool IsEmpty() const { return Size() == 0; }
  size_type RowsAffected() const;
  std::string CommandStatus() const;

  const_iterator cbegin() const &;
  const_iterator begin() const & { return cbegin(); }
  const_iterator cend() const &;
  const_iterator end() const & { return cend(); }
  // One should store ResultSet before using its accessors
  const_iterator cbegin() const && = delete;
  const_iterator begin() const && = delete;
  const_iterator cend() const && = delete;
  const_iterator end() const && = delete;

  reference Front() const &;
  reference Back() const &;
  reference Front() const && = delete;
  reference Back() const && = delete;

  reference operator[](size_type index) const &;
  reference operator[](size_type index) const && = delete;

  size_type FieldCount() const;

  template <typename T> auto AsSetOf() const;
  template <typename T> auto AsSetOf(RowTag) const;
  template <typename T> auto AsSetOf(FieldTag) const;

  template <typename Container> Container AsContainer() const {
    return Container{};
  }
  template <typename Container> Container AsContainer(RowTag) const {
    return Container{};
  }

  template <typename T> auto AsSingleRow() const { return T{}; }
  template <typename T> auto AsSingleRow(RowTag) const { return T{}; }
  template <typename T> auto AsSingleRow(FieldTag) const { return T{}; }
};

} // namespace storages::postgres

USERVER_NAMESPACE_END

#include <userver/storages/postgres/typed_result_set.hpp>
