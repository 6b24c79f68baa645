// Benchmark input: a fleet-maintenance service on SOCI (libsoci-dev).
// SOCI is not modelled by nplusone-tidy yet: this input measures the cost of
// the analysis on template-heavy database code, with real N+1 shapes in it.

#include <soci/soci.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fleet {

struct Vehicle {
  int id = 0;
  std::string plate;
  std::vector<std::string> openJobs;
  double mileage = 0;
};

// N+1: rowset over the vehicles, one query per vehicle for its jobs.
std::vector<Vehicle> vehiclesWithJobs(soci::session &sql) {
  std::vector<Vehicle> vehicles;
  soci::rowset<soci::row> rows =
      sql.prepare << "SELECT id, plate FROM vehicles WHERE active = 1";
  for (const soci::row &r : rows) {
    Vehicle v;
    v.id = r.get<int>(0);
    v.plate = r.get<std::string>(1);
    std::vector<std::string> jobs(50);
    sql << "SELECT description FROM jobs WHERE vehicle_id = :id AND done = 0",
        soci::use(v.id), soci::into(jobs);
    v.openJobs = jobs;
    vehicles.push_back(v);
  }
  return vehicles;
}

// Hidden N+1: a helper with a single-row query, called per vehicle.
static double lastMileage(soci::session &sql, int vehicleId) {
  double km = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT km FROM odometer WHERE vehicle_id = :v ORDER BY taken_at "
         "DESC LIMIT 1",
      soci::use(vehicleId), soci::into(km, ind);
  return ind == soci::i_ok ? km : 0.0;
}

void fillMileage(soci::session &sql, std::vector<Vehicle> &vehicles) {
  for (Vehicle &v : vehicles)
    v.mileage = lastMileage(sql, v.id);
}

// Batched: one statement, rows grouped by vehicle id.
void fillMileageBatched(soci::session &sql, std::vector<Vehicle> &vehicles) {
  std::map<int, Vehicle *> byId;
  for (Vehicle &v : vehicles)
    byId[v.id] = &v;
  soci::rowset<soci::row> rows =
      sql.prepare << "SELECT vehicle_id, max(km) FROM odometer GROUP BY "
                     "vehicle_id";
  for (const soci::row &r : rows) {
    auto it = byId.find(r.get<int>(0));
    if (it != byId.end())
      it->second->mileage = r.get<double>(1);
  }
}

// A prepared statement re-executed per row of another query (N+1).
std::map<int, int> partsPerJob(soci::session &sql) {
  std::map<int, int> parts;
  int jobId = 0;
  int count = 0;
  soci::statement countParts =
      (sql.prepare << "SELECT count(*) FROM job_parts WHERE job_id = :j",
       soci::use(jobId), soci::into(count));
  soci::rowset<int> jobs = sql.prepare << "SELECT id FROM jobs";
  for (int id : jobs) {
    jobId = id;
    countParts.execute(true);
    parts[id] = count;
  }
  return parts;
}

// Writes in a transaction: one UPDATE per id, not a per-row read.
void closeJobs(soci::session &sql, const std::vector<int> &jobIds) {
  soci::transaction tr(sql);
  for (int id : jobIds)
    sql << "UPDATE jobs SET done = 1 WHERE id = :id", soci::use(id);
  tr.commit();
}

// Plain C++ over loaded data.
std::string describe(const std::vector<Vehicle> &vehicles) {
  std::ostringstream out;
  for (const Vehicle &v : vehicles) {
    out << v.plate << " at " << v.mileage << " km";
    if (!v.openJobs.empty())
      out << ", " << v.openJobs.size() << " open jobs";
    out << '\n';
  }
  return out.str();
}

} // namespace fleet

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  try {
    soci::session sql(argv[1]);
    auto vehicles = fleet::vehiclesWithJobs(sql);
    fleet::fillMileage(sql, vehicles);
    fleet::fillMileageBatched(sql, vehicles);
    auto parts = fleet::partsPerJob(sql);
    fleet::closeJobs(sql, {4, 5});
    std::cout << fleet::describe(vehicles) << parts.size() << '\n';
  } catch (const soci::soci_error &e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
