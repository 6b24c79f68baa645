// MySQL Connector/C++ 1.1 on the real Debian libmysqlcppconn-dev headers
// (<cppconn/...>): the legacy JDBC-style API. Its column reads count from 1
// (getUInt(1) is the first column), which the JOIN note follows.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <iostream>
#include <memory>

// A game server's pet loader: one query per character.
void loadPets(sql::Connection *con) {
  std::unique_ptr<sql::Statement> s(con->createStatement());
  std::unique_ptr<sql::ResultSet> owners(
      s->executeQuery("SELECT guid, name, level FROM characters"));
  std::unique_ptr<sql::PreparedStatement> pets(
      con->prepareStatement("SELECT entry FROM character_pet WHERE owner = ?"));
  while (owners->next()) {
    pets->setUInt(1, owners->getUInt(1));
    std::unique_ptr<sql::ResultSet> rs(pets->executeQuery());
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: query runs once per row of 'owners' (N+1 queries); load the rows for all characters in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'owners' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'owners' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: the row value 'owners->getUInt(1)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:29: note: batch it: 'owner IN (?)' with one placeholder per key, each key bound, then group the rows by owner
    // CHECK-MESSAGES: :[[@LINE-11]]:23: note: or read both in one query: add 'LEFT JOIN character_pet ON character_pet.owner = characters.guid' and its columns here
    while (rs->next())
      std::cout << rs->getUInt("entry") << "\n";
  }
}

// One UPDATE per idle account.
void markIdle(sql::Connection *con) {
  std::unique_ptr<sql::Statement> s(con->createStatement());
  std::unique_ptr<sql::ResultSet> idle(s->executeQuery(
      "SELECT id FROM account WHERE last_login < NOW() - INTERVAL 30 DAY"));
  std::unique_ptr<sql::PreparedStatement> mark(
      con->prepareStatement("UPDATE account SET idle = 1 WHERE id = ?"));
  while (idle->next()) {
    mark->setUInt(1, idle->getUInt("id"));
    mark->executeUpdate();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'idle' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:40: note: 'idle' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'idle' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: the row value 'idle->getUInt("id")' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:29: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (con->setAutoCommit(false) ... con->commit())
  }
}

// Look-alikes that stay silent: the rows printed only, and a lookup run
// once before the loop.
void listGuilds(sql::Connection *con) {
  std::unique_ptr<sql::Statement> s(con->createStatement());
  std::unique_ptr<sql::ResultSet> motd(
      s->executeQuery("SELECT value FROM world_config WHERE name = 'motd'"));
  std::string banner;
  if (motd->next())
    banner = motd->getString(1);
  std::unique_ptr<sql::ResultSet> guilds(
      s->executeQuery("SELECT guildid, name FROM guild"));
  while (guilds->next())
    std::cout << banner << guilds->getString(2) << "\n";
}
