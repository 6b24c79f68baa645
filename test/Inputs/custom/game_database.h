// A game-server style database layer (the shape of TrinityCore/AzerothCore):
// a worker pool per database runs SQL and returns a shared result set that
// is stepped with NextRow(). In-house code, described to nplusone-tidy only
// through .clang-tidy options in the tests that include it.
#ifndef GAME_DATABASE_H
#define GAME_DATABASE_H

#include <cstdint>
#include <memory>
#include <string>

typedef std::uint32_t uint32;
typedef std::uint64_t uint64;

class Field {
public:
  template <typename T> T Get() const;
  uint32 GetUInt32() const;
  std::string GetString() const;
};

class ResultSet {
public:
  Field *Fetch() const;
  bool NextRow();
  uint64 GetRowCount() const;
};

typedef std::shared_ptr<ResultSet> QueryResult;

class PreparedStatement {
public:
  void SetData(unsigned index, uint32 value);
};

class WorldDatabaseConnection;
class CharacterDatabaseConnection;

template <class T> class DatabaseWorkerPool {
public:
  QueryResult Query(const char *sql);
  QueryResult Query(PreparedStatement *stmt);
  template <typename... Args>
  QueryResult PQuery(const char *format, Args &&...args);
  void Execute(const char *sql);
  template <typename... Args>
  void PExecute(const char *format, Args &&...args);
  PreparedStatement *GetPreparedStatement(unsigned index);
};

extern DatabaseWorkerPool<WorldDatabaseConnection> WorldDatabase;
extern DatabaseWorkerPool<CharacterDatabaseConnection> CharacterDatabase;

#endif
