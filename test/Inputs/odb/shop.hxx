// A persistent model as ODB users write it (the input of the ODB compiler):
// users and their orders. Used with the generated shop-odb.hxx.
#ifndef NPLUSONE_TEST_ODB_SHOP_HXX
#define NPLUSONE_TEST_ODB_SHOP_HXX

#include <odb/database.hxx>
#include <string>

namespace shop {

#pragma db object
class user {
public:
  unsigned long id() const { return id_; }
  const std::string &email() const { return email_; }
  void last_login(long t) { last_login_ = t; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long id_;
  std::string email_;
  long last_login_;
};

#pragma db object
class order {
public:
  unsigned long id() const { return id_; }
  unsigned long user_id() const { return user_id_; }
  double total() const { return total_; }

private:
  friend class odb::access;
#pragma db id auto
  unsigned long id_;
  unsigned long user_id_;
  double total_;
};

} // namespace shop

#endif
