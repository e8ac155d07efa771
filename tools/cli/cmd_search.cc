// `vankien search`: ranked search with snippets; --batch answers one query per stdin line.
#include <iostream>
#include <memory>

#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"
#include "tools/json/json_output.h"

namespace vankien::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool json = false;
  bool batch = false;
  bool facets = false;
  bool no_suggest = false;
  std::string sort = "relevance";
  search::Filters filters;
  search::OpenOptions open;
  double time_limit = 30;
};

search::SearchOptions OptionsFrom(const SearchArgs& args, bool interactive) {
  search::SearchOptions options;
  options.limit = args.limit;
  options.offset = args.offset;
  options.filters = args.filters;
  options.facets = args.facets;
  options.time_limit = args.time_limit;
  options.suggest = interactive && !args.no_suggest;
  options.sort = args.sort == "newest" ? search::SortOrder::kNewest
                 : args.sort == "oldest" ? search::SortOrder::kOldest
                                         : search::SortOrder::kRelevance;
  return options;
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

// The heading of a facet ("kind", "year" …) in the user's language.
std::string FacetName(const std::string& name) {
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"kind", i18n::Mark("Kind")},     {"year", i18n::Mark("Year")},
      {"issuer", i18n::Mark("Issuer")}, {"term", i18n::Mark("Term")},
      {"source", i18n::Mark("Source")},
  };
  for (const auto& [key, heading] : kNames) {
    if (name == key) return Tr(heading);
  }
  return name;
}

int RunBatch(search::Searcher& searcher, const SearchArgs& args) {
  std::string line;
  const search::SearchOptions options = OptionsFrom(args, /*interactive=*/false);
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto response = searcher.Search(line, options);
    nlohmann::json out;
    if (!response.ok()) {
      // The same shape as an answer, with no hits, so a script needs no special case.
      out = json_output::SearchJson(line, search::SearchResponse{});
      out["error"] = response.status().message();
    } else {
      out = json_output::SearchJson(line, *response);
    }
    std::cout << Dump(out) << "\n";
  }
  return kExitOk;
}

int RunSearch(const SearchArgs& args) {
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer, {}, args.open);
  if (!searcher.ok()) return Fail(searcher.status());
  if (args.batch) return RunBatch(**searcher, args);

  std::string query;
  for (const auto& w : args.words) query += (query.empty() ? "" : " ") + w;
  // Filters alone list documents ("every NQ of khóa XIII, newest first"), as the API does.
  if (args.words.empty() && args.filters.empty()) {
    return Fail(Status::InvalidArgument(
        Tr("no query: give the words to search for (or filters: --type, --term …), or --batch")));
  }
  const search::SearchOptions options = OptionsFrom(args, /*interactive=*/true);
  auto response = (*searcher)->Search(query, options);
  if (!response.ok()) return Fail(response.status());

  if (args.json) {
    std::cout << Dump(json_output::SearchJson(query, *response), 2) << "\n";
    return kExitOk;
  }
  const bool tty = StdoutIsTty();
  for (const auto& notice : response->notices) std::cerr << Subst(Tr("note: {1}"), {notice}) << "\n";
  for (const auto& shard : response->missing_shards) {
    std::cerr << Subst(Tr("note: these results leave out a shard that is down: {1}"), {shard}) << "\n";
  }
  if (!response->suggestion.empty()) {
    std::cout << Subst(Tr("Did you mean: {1}"), {response->suggestion}) << "\n\n";
  }
  if (response->hits.empty()) {
    std::cout << (query.empty() ? Tr("No documents match these filters.")
                                : Subst(Tr("No documents match \"{1}\"."), {query}))
              << "\n";
    return kExitOk;
  }
  const std::string total =
      response->total_exact ? Num(response->total) : Subst(Tr("about {1}"), {Num(response->total)});
  const std::string first = Num(args.offset + 1), last = Num(args.offset + response->hits.size());
  if (query.empty()) {
    std::cout << Subst(TrN("{1} document matches the filters; showing {2}–{3}:",
                           "{1} documents match the filters; showing {2}–{3}:", response->total),
                       {total, first, last});
  } else {
    std::cout << Subst(TrN("{1} document matches \"{2}\"; showing {3}–{4}:",
                           "{1} documents match \"{2}\"; showing {3}–{4}:", response->total),
                       {total, query, first, last});
  }
  std::cout << "\n\n";
  std::size_t rank = args.offset;
  const std::string untitled = Tr("(untitled)"), score = Tr("score");
  for (const auto& h : response->hits) {
    std::string badge = h.symbol.empty() ? "" : "  " + h.symbol;
    const std::string date = Day(h.date);
    std::printf("%2zu. %s  [%s]%s  %s %s%s%s\n", ++rank, h.title.empty() ? untitled.c_str() : h.title.c_str(),
                h.id.c_str(), badge.c_str(), score.c_str(), Dec(h.score, 3).c_str(), date.empty() ? "" : "  ",
                date.c_str());
    std::cout << "    " << Highlighted(h.snippet, tty) << "\n\n";
  }
  for (const auto& f : response->facets) {
    if (f.values.empty()) continue;
    std::cout << FacetName(f.name) << ":";
    std::size_t shown = 0;
    for (const auto& v : f.values) {
      if (++shown > 10) break;
      std::cout << "  " << v.value << " (" << Num(v.count) << ")";
    }
    std::cout << "\n";
  }
  if (response->dropped_words > 0) {
    std::cerr << Subst(TrN("note: {1} word beyond the limit was ignored",
                           "note: {1} words beyond the limit were ignored", response->dropped_words),
                       {Num(response->dropped_words)})
              << "\n";
  }
  return kExitOk;
}

}  // namespace

Runner RegisterSearch(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the index. Words with or without diacritics; \"quoted phrases\" must appear; AND, OR, "
      "NOT, +word, -word, (groups) and fields loai: so: trichdan: coquan: khoa: tu: den: nam: nguon: "
      "kieu: (see the README, \"Query language\").");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("query", args->words, "Query words");
  cmd->add_option("-n,--limit", args->limit, "Hits to show")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", args->offset, "Hits to skip (pagination)")->capture_default_str();
  cmd->add_option("--time-limit", args->time_limit,
                  "Seconds one search may take; a longer one is stopped with a message (0: no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--sort", args->sort, "relevance, newest or oldest")
      ->capture_default_str()
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  cmd->add_option("--type", args->filters.kinds,
                  "Only these kinds: a type code (NQ, CT, KL, QĐ, NĐ), a name (nghi-quyet) or article");
  cmd->add_option("--issuer", args->filters.issuer, "Only documents of this issuer code (TW, CP)");
  cmd->add_option("--term", args->filters.term, "Only this Party term (XIII or 13)");
  cmd->add_option("--from", args->filters.from, "Dated on or after (2020, 2020-06, 2020-06-30, 30/6/2020)");
  cmd->add_option("--to", args->filters.to, "Dated on or before");
  cmd->add_option("--source", args->filters.source, "Only documents from this site or folder");
  cmd->add_option("--status", args->filters.status,
                  "Only official documents of this validity, as the archive knows it: in-force, replaced, "
                  "repealed, amended, expired");
  cmd->add_flag("--facets", args->facets, "Count kind, year, issuer, term and source over all matches");
  cmd->add_flag("--no-suggest", args->no_suggest, "Do not compute a \"did you mean\" suggestion");
  AddShardOptions(*cmd, &args->open);
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->add_flag("--batch", args->batch,
                "Read one query per line from stdin; print one JSON object per line");
  return [args] { return RunSearch(*args); };
}

}  // namespace vankien::cli
