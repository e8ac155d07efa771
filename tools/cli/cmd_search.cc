// `vankien search`: ranked search with snippets; --batch answers one query per stdin line.
#include <iostream>
#include <memory>

#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool json = false;
  bool batch = false;
};

nlohmann::json HitJson(const search::Hit& h) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  return {{"id", h.id},   {"score", h.score}, {"title", h.title},           {"date", h.date},
          {"url", h.url}, {"snippet", h.snippet.text}, {"highlights", highlights}};
}

std::string Highlighted(const search::Snippet& s, bool tty) {
  if (!tty) return s.text;
  std::string out;
  std::size_t pos = 0;
  for (const auto& [b, e] : s.highlights) {
    out.append(s.text, pos, b - pos).append("\x1b[1;33m").append(s.text, b, e - b).append("\x1b[0m");
    pos = e;
  }
  return out.append(s.text, pos);
}

int RunBatch(search::Searcher& searcher, const SearchArgs& args) {
  std::string line;
  search::SearchOptions options;
  options.limit = args.limit;
  options.offset = args.offset;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    nlohmann::json out = {{"query", line}};
    auto response = searcher.Search(line, options);
    if (!response.ok()) {
      out["total"] = 0;
      out["hits"] = nlohmann::json::array();
      out["error"] = response.status().message();
    } else {
      out["total"] = response->total;
      out["hits"] = nlohmann::json::array();
      for (const auto& h : response->hits) out["hits"].push_back(HitJson(h));
    }
    std::cout << Dump(out) << "\n";
  }
  return kExitOk;
}

int RunSearch(const SearchArgs& args) {
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());
  if (args.batch) return RunBatch(**searcher, args);

  std::string query;
  for (const auto& w : args.words) query += (query.empty() ? "" : " ") + w;
  if (args.words.empty()) {
    return Fail(Status::InvalidArgument("no query: give the words to search for, or --batch"));
  }
  search::SearchOptions options;
  options.limit = args.limit;
  options.offset = args.offset;
  auto response = (*searcher)->Search(query, options);
  if (!response.ok()) return Fail(response.status());

  if (args.json) {
    nlohmann::json out = {{"query", query}, {"total", response->total}, {"hits", nlohmann::json::array()}};
    for (const auto& h : response->hits) out["hits"].push_back(HitJson(h));
    std::cout << Dump(out, 2) << "\n";
    return kExitOk;
  }
  const bool tty = StdoutIsTty();
  if (response->hits.empty()) {
    std::cout << "No documents match \"" << query << "\".\n";
    return kExitOk;
  }
  std::cout << response->total << " documents match \"" << query << "\"; showing "
            << args.offset + 1 << "–" << args.offset + response->hits.size() << ":\n\n";
  std::size_t rank = args.offset;
  for (const auto& h : response->hits) {
    std::printf("%2zu. %s  [%s]  score %.3f%s%s\n", ++rank, h.title.empty() ? "(untitled)" : h.title.c_str(),
                h.id.c_str(), h.score, h.date.empty() ? "" : "  ", h.date.c_str());
    std::cout << "    " << Highlighted(h.snippet, tty) << "\n\n";
  }
  if (response->dropped_words > 0) {
    std::cerr << "note: " << response->dropped_words << " words beyond the limit were ignored\n";
  }
  return kExitOk;
}

}  // namespace

Runner RegisterSearch(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search", "Search the index. Words with or without diacritics; \"quoted phrases\" must appear.");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("query", args->words, "Query words");
  cmd->add_option("-n,--limit", args->limit, "Hits to show")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", args->offset, "Hits to skip (pagination)")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->add_flag("--batch", args->batch,
                "Read one query per line from stdin; print one JSON object per line");
  return [args] { return RunSearch(*args); };
}

}  // namespace vankien::cli
