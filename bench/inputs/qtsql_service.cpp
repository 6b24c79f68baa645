// Benchmark input: a ticket tracker on Qt 5 SQL (QSqlDatabase/QSqlQuery).
// nplusone-tidy does not model Qt SQL yet, so this input measures what the
// module costs on a large, header-heavy translation unit where its analysis
// runs on every function but finds nothing. The N+1 shapes are still real.

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtCore/QVector>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>

namespace tracker {

struct Ticket {
  int id = 0;
  QString title;
  QString assignee;
  QStringList labels;
};

bool openDatabase(const QString &path) {
  QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
  db.setDatabaseName(path);
  return db.open();
}

// N+1: the assignee's name is fetched once per ticket.
QVector<Ticket> openTickets() {
  QVector<Ticket> tickets;
  QSqlQuery q(QStringLiteral("SELECT id, title, assignee_id FROM tickets "
                             "WHERE state = 'open'"));
  while (q.next()) {
    Ticket t;
    t.id = q.value(0).toInt();
    t.title = q.value(1).toString();
    QSqlQuery user;
    user.prepare(QStringLiteral("SELECT name FROM users WHERE id = ?"));
    user.addBindValue(q.value(2));
    if (user.exec() && user.next())
      t.assignee = user.value(0).toString();
    tickets.append(t);
  }
  return tickets;
}

// Hidden N+1: labels come from a helper called per ticket.
static QStringList labelsOf(int ticketId) {
  QStringList labels;
  QSqlQuery q;
  q.prepare(QStringLiteral("SELECT l.name FROM ticket_labels tl JOIN labels "
                           "l ON l.id = tl.label_id WHERE tl.ticket_id = :id"));
  q.bindValue(QStringLiteral(":id"), ticketId);
  if (!q.exec())
    return labels;
  while (q.next())
    labels << q.value(0).toString();
  return labels;
}

void attachLabels(QVector<Ticket> &tickets) {
  for (Ticket &t : tickets)
    t.labels = labelsOf(t.id);
}

// Batched: one query for all labels, grouped in a hash.
void attachLabelsBatched(QVector<Ticket> &tickets) {
  if (tickets.isEmpty())
    return;
  QStringList ids;
  QHash<int, int> indexById;
  for (int i = 0; i < tickets.size(); ++i) {
    ids << QString::number(tickets[i].id);
    indexById.insert(tickets[i].id, i);
  }
  QSqlQuery q(QStringLiteral("SELECT tl.ticket_id, l.name FROM ticket_labels "
                             "tl JOIN labels l ON l.id = tl.label_id WHERE "
                             "tl.ticket_id IN (%1)")
                  .arg(ids.join(QLatin1Char(','))));
  while (q.next()) {
    auto it = indexById.constFind(q.value(0).toInt());
    if (it != indexById.constEnd())
      tickets[it.value()].labels << q.value(1).toString();
  }
}

// A write per ticket inside a transaction: not a per-row read.
bool closeTickets(const QVector<int> &ids) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery q;
  q.prepare(QStringLiteral("UPDATE tickets SET state = 'closed', closed_at = "
                           "? WHERE id = ?"));
  for (int id : ids) {
    q.addBindValue(QDateTime::currentDateTimeUtc());
    q.addBindValue(id);
    if (!q.exec()) {
      db.rollback();
      return false;
    }
  }
  return db.commit();
}

// SQL text built from the row: comment counts per ticket (N+1).
QHash<int, int> commentCounts() {
  QHash<int, int> counts;
  QSqlQuery tickets(QStringLiteral("SELECT id FROM tickets"));
  while (tickets.next()) {
    int id = tickets.value(0).toInt();
    QSqlQuery c(QStringLiteral("SELECT count(*) FROM comments WHERE "
                               "ticket_id = %1")
                    .arg(id));
    counts.insert(id, c.next() ? c.value(0).toInt() : 0);
  }
  return counts;
}

// Plain Qt code: a text report.
QString report(const QVector<Ticket> &tickets) {
  QString out;
  for (const Ticket &t : tickets) {
    out += QStringLiteral("#%1 %2 (%3)").arg(t.id).arg(t.title, t.assignee);
    if (!t.labels.isEmpty())
      out += QStringLiteral(" [") + t.labels.join(QStringLiteral(", ")) +
             QLatin1Char(']');
    out += QLatin1Char('\n');
  }
  return out;
}

} // namespace tracker

int main() {
  if (!tracker::openDatabase(QStringLiteral(":memory:")))
    return 1;
  QVector<tracker::Ticket> tickets = tracker::openTickets();
  tracker::attachLabels(tickets);
  tracker::attachLabelsBatched(tickets);
  QHash<int, int> counts = tracker::commentCounts();
  tracker::closeTickets({1, 2, 3});
  return tracker::report(tickets).size() + counts.size() > 0 ? 0 : 1;
}
