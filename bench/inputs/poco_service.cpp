// Benchmark input: a survey-results service on Poco::Data (libpoco-dev).
// Poco::Data is not modelled by nplusone-tidy yet; this input measures the
// analysis cost on Poco's heavy headers, with real N+1 shapes in it.

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Tuple.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace Poco::Data::Keywords;

namespace survey {

struct Question {
  int id = 0;
  std::string text;
  std::map<std::string, int> answerCounts;
};

// N+1: answer counts are loaded once per question.
std::vector<Question> questionsWithCounts(Poco::Data::Session &session,
                                          int surveyId) {
  std::vector<Question> questions;
  Poco::Data::Statement select(session);
  select << "SELECT id, text FROM questions WHERE survey_id = ?",
      use(surveyId);
  select.execute();
  Poco::Data::RecordSet rs(select);
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    Question q;
    q.id = rs["id"].convert<int>();
    q.text = rs["text"].convert<std::string>();
    std::vector<Poco::Tuple<std::string, int>> counts;
    session << "SELECT answer, count(*) FROM answers WHERE question_id = ? "
               "GROUP BY answer",
        use(q.id), into(counts), now;
    for (const auto &c : counts)
      q.answerCounts[c.get<0>()] = c.get<1>();
    questions.push_back(q);
  }
  return questions;
}

// Hidden N+1: the helper queries, the loop calls it per respondent.
static std::string regionOf(Poco::Data::Session &session, int respondentId) {
  std::string region;
  session << "SELECT region FROM respondents WHERE id = ?",
      use(respondentId), into(region), now;
  return region;
}

std::map<std::string, int> responsesPerRegion(Poco::Data::Session &session) {
  std::vector<int> respondents;
  session << "SELECT DISTINCT respondent_id FROM answers", into(respondents),
      now;
  std::map<std::string, int> perRegion;
  for (int id : respondents)
    ++perRegion[regionOf(session, id)];
  return perRegion;
}

// Batched: one JOIN instead of the per-respondent lookups.
std::map<std::string, int>
responsesPerRegionBatched(Poco::Data::Session &session) {
  std::vector<Poco::Tuple<std::string, int>> rows;
  session << "SELECT r.region, count(DISTINCT a.respondent_id) FROM answers a "
             "JOIN respondents r ON r.id = a.respondent_id GROUP BY r.region",
      into(rows), now;
  std::map<std::string, int> perRegion;
  for (const auto &row : rows)
    perRegion[row.get<0>()] = row.get<1>();
  return perRegion;
}

// Bulk insert in a loop of writes: not a per-row read.
void storeAnswers(Poco::Data::Session &session, int respondentId,
                  const std::map<int, std::string> &answers) {
  session.begin();
  for (const auto &a : answers) {
    int questionId = a.first;
    std::string answer = a.second;
    session << "INSERT INTO answers(respondent_id, question_id, answer) "
               "VALUES(?, ?, ?)",
        use(respondentId), use(questionId), use(answer), now;
  }
  session.commit();
}

// Plain C++: render the loaded results as CSV.
std::string toCsv(const std::vector<Question> &questions) {
  std::ostringstream out;
  out << "question,answer,count\n";
  for (const Question &q : questions)
    for (const auto &entry : q.answerCounts)
      out << q.id << ",\"" << entry.first << "\"," << entry.second << '\n';
  return out.str();
}

} // namespace survey

int main() {
  try {
    Poco::Data::Session session("SQLite", "survey.db");
    auto questions = survey::questionsWithCounts(session, 1);
    auto perRegion = survey::responsesPerRegion(session);
    auto batched = survey::responsesPerRegionBatched(session);
    survey::storeAnswers(session, 7, {{1, "yes"}, {2, "no"}});
    std::cout << survey::toCsv(questions) << perRegion.size() << batched.size()
              << '\n';
  } catch (const Poco::Exception &e) {
    std::cerr << e.displayText() << '\n';
    return 1;
  }
  return 0;
}
