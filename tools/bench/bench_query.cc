// Query latency: runs a query set (tools/bench/queries.txt by default) against an index and
// prints p50/p95/p99 per category and overall. Each query runs once to warm the caches, then
// --rounds times; every run is timed on its own. Nothing here is a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tools/bench/latency.h"

#include "indexer/text/analyzer.h"
#include "search/searcher.h"

namespace {

struct Query {
  std::string category, text;
};

}  // namespace

int main(int argc, char** argv) {
  std::string db, queries_path = std::string(VANKIEN_SOURCE_DIR) + "/tools/bench/queries.txt";
  int rounds = 20;
  bool snippets = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc) {
      db = argv[++i];
    } else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc) {
      queries_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--snippets")) {
      snippets = true;
    } else {
      std::printf("usage: bench_query --db DIR [--queries FILE] [--rounds N] [--snippets]\n"
                  "Prints query latency percentiles per category of the query set.\n");
      return std::strcmp(argv[i], "--help") == 0 ? 0 : 2;
    }
  }
  if (db.empty()) {
    std::fprintf(stderr, "bench_query: give the index with --db DIR\n");
    return 2;
  }
  std::ifstream in(queries_path);
  if (!in) {
    std::fprintf(stderr, "bench_query: cannot read %s\n", queries_path.c_str());
    return 1;
  }
  std::vector<Query> queries;
  std::string line, category = "queries";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.size() > 2 && line.find(':') == std::string::npos && line.find('"') == std::string::npos &&
          line.find('(') == std::string::npos) {
        category = line.substr(2);
      }
      continue;
    }
    queries.push_back({category, line});
  }
  vankien::text::Analyzer analyzer;
  auto searcher = vankien::search::Searcher::Open(db, analyzer);
  if (!searcher.ok()) {
    std::fprintf(stderr, "bench_query: %s\n", searcher.status().message().c_str());
    return 1;
  }
  vankien::search::SearchOptions options;
  options.limit = 10;
  options.snippets = snippets;
  std::map<std::string, std::vector<double>> by_category;
  std::vector<double> all;
  std::size_t failed = 0;
  for (const Query& q : queries) (void)(*searcher)->Search(q.text, options);  // warm up
  for (int r = 0; r < rounds; ++r) {
    for (const Query& q : queries) {
      const auto t0 = std::chrono::steady_clock::now();
      auto response = (*searcher)->Search(q.text, options);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!response.ok()) ++failed;
      by_category[q.category].push_back(ms);
      all.push_back(ms);
    }
  }
  std::printf("%zu queries x %d rounds on %s (snippets %s)\n", queries.size(), rounds, db.c_str(),
              snippets ? "on" : "off");
  for (const auto& [name, ms] : by_category) vankien::bench::PrintLatency(name, ms);
  vankien::bench::PrintLatency("all", all);
  if (failed > 0) std::printf("%zu runs failed (the query was refused)\n", failed);
  return 0;
}
