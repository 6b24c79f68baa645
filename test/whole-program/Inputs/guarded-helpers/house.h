// A house of the map and its owner.
#ifndef HOUSE_H
#define HOUSE_H
#include <string>

class House {
public:
  explicit House(unsigned id) : id_(id) {}
  void setOwner(unsigned guid, bool updateDatabase = true);

private:
  unsigned id_;
  unsigned owner_ = 0;
  std::string ownerName_;
};

#endif
