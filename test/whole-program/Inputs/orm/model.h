// An ODB model: each order's customer is a lazy relation.
#pragma once
#include <memory>
#include <odb/database.hxx>
#include <string>

struct Customer {
  std::string name;
  std::string email;
};
struct Order {
  long id;
  double total;
  odb::lazy_shared_ptr<Customer> customer;
};

std::string customerName(Order &o);
std::string orderLabel(const Order &o);
