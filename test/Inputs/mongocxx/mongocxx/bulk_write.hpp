// Stand-in for <mongocxx/bulk_write.hpp>: a batch of write operations. The
// write models (mongocxx::model::*), which the real driver declares in
// <mongocxx/model/*.hpp>, are declared here too. Only what the tests use;
// see collection.hpp.
#pragma once

#include <bsoncxx/document/view_or_value.hpp>

namespace mongocxx {
inline namespace v_noabi {

namespace model {

class insert_one {
public:
  insert_one(bsoncxx::document::view_or_value document);
};

class update_one {
public:
  update_one(bsoncxx::document::view_or_value filter,
             bsoncxx::document::view_or_value update);
};

class delete_one {
public:
  delete_one(bsoncxx::document::view_or_value filter);
};

class write {
public:
  write(insert_one value);
  write(update_one value);
  write(delete_one value);
  write(write &&) noexcept;
  ~write();
};

} // namespace model

class bulk_write {
public:
  bulk_write(bulk_write &&) noexcept;
  ~bulk_write();
  bulk_write &append(const model::write &operation);
  bool empty() const noexcept;
};

} // namespace v_noabi
} // namespace mongocxx
