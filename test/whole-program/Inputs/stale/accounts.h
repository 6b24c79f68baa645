#pragma once
#include <pqxx/pqxx>

int countOrders(pqxx::work &tx, int userId);
void printActivity(pqxx::work &tx);
