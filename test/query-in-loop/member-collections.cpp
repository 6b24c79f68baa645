// A loop over a collection that is a member of another object (`for (auto
// *it : mail->items)`) is named by that member, and its rows are the ones
// the query that fills the member returns, wherever in the file that
// query is: not the rows of the object's own query. Real libmariadb-dev
// headers, as a C++ game server's mail system uses them.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I/usr/include/mariadb

#include <mysql.h>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

struct MailItem {
  unsigned id = 0;
  unsigned type = 0;
  unsigned count = 0;
};

struct Mail {
  unsigned id = 0;
  unsigned senderId = 0;
  std::string subject;
  std::vector<MailItem *> items;
};

struct Player {
  unsigned guid = 0;
  std::string name;
  std::vector<Mail *> inbox;
};

static unsigned toUInt(const char *field) {
  return field ? static_cast<unsigned>(std::strtoul(field, nullptr, 10)) : 0;
}

// The attachments of one letter.
static void loadItems(MYSQL *conn, Mail *mail) {
  char q[128];
  std::snprintf(q, sizeof q,
                "SELECT id, type, count FROM mail_items WHERE mail_id = %u",
                mail->id);
  if (mysql_query(conn, q))
    return;
  MYSQL_RES *res = mysql_store_result(conn);
  while (MYSQL_ROW row = mysql_fetch_row(res))
    mail->items.push_back(
        new MailItem{toUInt(row[0]), toUInt(row[1]), toUInt(row[2])});
  mysql_free_result(res);
}

// One letter, read when the player opens it.
Mail *fetchMail(MYSQL *conn, unsigned mailId) {
  char q[128];
  std::snprintf(q, sizeof q,
                "SELECT sender_id, subject FROM mails WHERE id = %u", mailId);
  if (mysql_query(conn, q))
    return nullptr;
  MYSQL_RES *res = mysql_store_result(conn);
  MYSQL_ROW row = mysql_fetch_row(res);
  Mail *mail = nullptr;
  if (row) {
    mail = new Mail{mailId, toUInt(row[0]), row[1] ? row[1] : "", {}};
    loadItems(conn, mail);
  }
  mysql_free_result(res);
  return mail;
}

// Returning a letter hands every attachment back to its sender, one UPDATE
// per item: the rows walked are the mail_items rows loadItems read.
void returnToSender(MYSQL *conn, unsigned mailId) {
  Mail *mail = fetchMail(conn, mailId);
  if (!mail)
    return;
  for (MailItem *it : mail->items) {
    char q[128];
    std::snprintf(q, sizeof q, "UPDATE items SET owner_id = %u WHERE id = %u",
                  mail->senderId, it->id);
    mysql_query(conn, q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'mail->items' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-39]]:7: note: 'mail->items' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'mail->items' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:35: note: the row value 'it->id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:23: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
  }
}

// At login the whole inbox is read: one mails query, then every letter's
// attachments with a query of their own.
void loadInbox(MYSQL *conn, Player &player) {
  char q[128];
  std::snprintf(q, sizeof q,
                "SELECT id, sender_id, subject FROM mails WHERE receiver_id = %u",
                player.guid);
  if (mysql_query(conn, q))
    return;
  MYSQL_RES *res = mysql_store_result(conn);
  while (MYSQL_ROW row = mysql_fetch_row(res)) {
    Mail *mail = new Mail{toUInt(row[0]), toUInt(row[1]), row[2], {}};
    loadItems(conn, mail);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all mails in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: the row value 'mail' is passed to 'loadItems' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-64]]:7: note: 'loadItems' runs the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    player.inbox.push_back(mail);
  }
  mysql_free_result(res);
}

// The inbox window names each attachment: its template is read per item.
std::vector<std::string> attachmentNames(MYSQL *conn, const Player &player) {
  std::vector<std::string> names;
  for (const Mail *mail : player.inbox)
    for (const MailItem *it : mail->items) {
      char q[128];
      std::snprintf(q, sizeof q,
                    "SELECT name FROM item_templates WHERE type = %u", it->type);
      if (mysql_query(conn, q))
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query runs once per row of 'mail->items' (N+1 queries); load the rows for all mail_items in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-81]]:7: note: 'mail->items' is filled from the rows of the query here
      // CHECK-MESSAGES: :[[@LINE-7]]:5: note: the loop over the rows of 'mail->items' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:72: note: the row value 'it->type' flows into the query's SQL text here
      // CHECK-MESSAGES: :[[@LINE-5]]:11: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
        continue;
      MYSQL_RES *res = mysql_store_result(conn);
      if (MYSQL_ROW row = mysql_fetch_row(res))
        names.push_back(row[0]);
      mysql_free_result(res);
    }
  return names;
}

// Look-alike: the attachments are only counted, and the letter is marked
// read once.
void markRead(MYSQL *conn, const Mail &mail) {
  unsigned stacks = 0;
  for (const MailItem *it : mail.items)
    stacks += it->count > 1 ? 1 : 0;
  char q[128];
  std::snprintf(q, sizeof q,
                "UPDATE mails SET unread = 0, stacks = %u WHERE id = %u",
                stacks, mail.id);
  mysql_query(conn, q);
}

struct Gift {
  unsigned itemType = 0;
  unsigned count = 0;
};

struct SendRequest {
  unsigned receiverId = 0;
  std::vector<Gift> gifts;
};

// The gifts come with the request, not from a query: each is still its own
// INSERT, named by the member the loop walks.
void sendGifts(MYSQL *conn, const Player &from, const SendRequest &request) {
  for (const Gift &gift : request.gifts) {
    char q[160];
    std::snprintf(q, sizeof q,
                  "INSERT INTO mail_queue (sender_id, receiver_id, type, count) "
                  "VALUES (%u, %u, %u, %u)",
                  from.guid, request.receiverId, gift.itemType, gift.count);
    mysql_query(conn, q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'request.gifts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'request.gifts' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:65: note: the element value 'gift.count' flows into the INSERT's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:23: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
  }
}

struct GuildMember {
  unsigned guid = 0;
  unsigned rank = 0;
};

// A member of the class itself, filled by one method and walked by
// another.
class Guild {
public:
  explicit Guild(unsigned id) : id_(id) {}

  void load(MYSQL *conn) {
    char q[96];
    std::snprintf(q, sizeof q,
                  "SELECT guid, rank FROM guild_members WHERE guild_id = %u",
                  id_);
    if (mysql_query(conn, q))
      return;
    MYSQL_RES *res = mysql_store_result(conn);
    while (MYSQL_ROW row = mysql_fetch_row(res))
      members_.push_back({toUInt(row[0]), toUInt(row[1])});
    mysql_free_result(res);
  }

  // The weekly wage: one UPDATE per member.
  void payWages(MYSQL *conn, unsigned perRank) {
    for (const GuildMember &m : members_) {
      char q[96];
      std::snprintf(q, sizeof q,
                    "UPDATE characters SET money = money + %u WHERE guid = %u",
                    perRank * m.rank, m.guid);
      mysql_query(conn, q);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'members_' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-17]]:9: note: 'members_' is filled from the rows of the query here
      // CHECK-MESSAGES: :[[@LINE-8]]:5: note: the loop over the rows of 'members_' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:39: note: the row value 'm.guid' flows into the UPDATE's SQL text here
      // CHECK-MESSAGES: :[[@LINE-5]]:25: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
      // CHECK-MESSAGES: :[[@LINE-11]]:5: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
    }
  }

  // Look-alike: the roster is only counted, and written once.
  void saveSize(MYSQL *conn) {
    unsigned officers = 0;
    for (const GuildMember &m : members_)
      officers += m.rank > 2 ? 1 : 0;
    char q[96];
    std::snprintf(q, sizeof q, "UPDATE guilds SET officers = %u WHERE id = %u",
                  officers, id_);
    mysql_query(conn, q);
  }

private:
  unsigned id_;
  std::vector<GuildMember> members_;
};
