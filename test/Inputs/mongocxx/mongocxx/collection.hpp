// Stand-in for <mongocxx/collection.hpp> (the mongo-cxx-driver is not
// packaged by Debian with its headers). It declares, with the real names,
// the real inline namespaces (mongocxx::v_noabi, bsoncxx::v_noabi) and the
// real signatures, just what the tests use: collection's read calls (find,
// find_one, count_documents, aggregate), write calls (insert_one,
// insert_many, update_one, update_many, delete_one, delete_many,
// bulk_write) and create_bulk_write. The option classes
// (mongocxx::options::*) and result classes (mongocxx::result::*), which the
// real driver declares one per header, are declared here. Declarations
// only, except where templates need a body.
#pragma once

#include <cstdint>
#include <string>

#include <bsoncxx/document/value.hpp>
#include <bsoncxx/document/view_or_value.hpp>
#include <bsoncxx/stdx/optional.hpp>
#include <bsoncxx/types.hpp>
#include <mongocxx/bulk_write.hpp>
#include <mongocxx/cursor.hpp>
#include <mongocxx/pipeline.hpp>

namespace mongocxx {
inline namespace v_noabi {

namespace stdx = ::bsoncxx::stdx;

class database;

namespace options {

class find {
public:
  find &limit(std::int64_t limit);
  find &skip(std::int64_t skip);
  find &sort(bsoncxx::document::view_or_value ordering);
  find &projection(bsoncxx::document::view_or_value projection);
};

class count {
public:
  count &limit(std::int64_t limit);
};

class aggregate {
public:
  aggregate &allow_disk_use(bool allow_disk_use);
};

class insert {
public:
  insert &ordered(bool ordered);
};

class update {
public:
  update &upsert(bool upsert);
};

class delete_options {};

class bulk_write {
public:
  bulk_write &ordered(bool ordered);
};

} // namespace options

namespace result {

class insert_one {
public:
  const bsoncxx::types::b_oid &inserted_id() const;
};

class insert_many {
public:
  std::int32_t inserted_count() const;
};

class update {
public:
  std::int32_t matched_count() const;
  std::int32_t modified_count() const;
};

class delete_result {
public:
  std::int32_t deleted_count() const;
};

class bulk_write {
public:
  std::int32_t inserted_count() const;
  std::int32_t modified_count() const;
  std::int32_t deleted_count() const;
};

} // namespace result

class collection {
public:
  collection() noexcept;
  collection(collection &&) noexcept;
  collection &operator=(collection &&) noexcept;
  collection(const collection &);
  collection &operator=(const collection &);
  ~collection();

  explicit operator bool() const noexcept;
  std::string name() const;

  cursor aggregate(const pipeline &pipeline,
                   const options::aggregate &options = options::aggregate());

  stdx::optional<result::bulk_write>
  bulk_write(const class bulk_write &bulk_write);
  template <typename container_type>
  stdx::optional<result::bulk_write>
  bulk_write(const container_type &requests,
             const options::bulk_write &options = options::bulk_write()) {
    return stdx::nullopt;
  }

  class bulk_write
  create_bulk_write(const options::bulk_write &options = {});

  std::int64_t
  count_documents(bsoncxx::document::view_or_value filter,
                  const options::count &options = options::count());

  stdx::optional<result::delete_result> delete_one(
      bsoncxx::document::view_or_value filter,
      const options::delete_options &options = options::delete_options());
  stdx::optional<result::delete_result> delete_many(
      bsoncxx::document::view_or_value filter,
      const options::delete_options &options = options::delete_options());

  cursor find(bsoncxx::document::view_or_value filter,
              const options::find &options = options::find());
  stdx::optional<bsoncxx::document::value>
  find_one(bsoncxx::document::view_or_value filter,
           const options::find &options = options::find());

  stdx::optional<result::insert_one>
  insert_one(bsoncxx::document::view_or_value document,
             const options::insert &options = {});
  template <typename container_type>
  stdx::optional<result::insert_many>
  insert_many(const container_type &container,
              const options::insert &options = options::insert()) {
    return stdx::nullopt;
  }

  stdx::optional<result::update>
  update_one(bsoncxx::document::view_or_value filter,
             bsoncxx::document::view_or_value update,
             const options::update &options = options::update());
  stdx::optional<result::update>
  update_many(bsoncxx::document::view_or_value filter,
              bsoncxx::document::view_or_value update,
              const options::update &options = options::update());
};

} // namespace v_noabi
} // namespace mongocxx
