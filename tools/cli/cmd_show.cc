// `vankien show` and `vankien stats`: one stored document; the index's figures.
#include <iostream>
#include <memory>

#include "indexer/text/analyzer.h"
#include "indexer/text/utf8.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"
#include "tools/json/json_output.h"

namespace vankien::cli {
namespace {

// The lược đồ in lines: status, dates, what this document states and what others state of it.
void PrintRelations(const search::DocumentRelationsReport& r) {
  std::cout << "status: " << search::ValidityName(r.validity.status) << " — " << r.validity.note << "\n";
  if (!r.effective_from.empty()) std::cout << "effective from: " << r.effective_from << "\n";
  if (!r.expires_on.empty()) std::cout << "expires on: " << r.expires_on << "\n";
  for (const auto& e : r.outgoing) {
    std::cout << e.type << ": " << e.symbol << (e.id.empty() ? "" : "  [" + e.id + "]") << "\n";
  }
  for (const auto& e : r.incoming) {
    std::cout << "by " << e.type << ": " << (e.symbol.empty() ? e.title : e.symbol) << "  [" << e.id << "]"
              << (e.date.empty() ? "" : "  " + e.date) << "\n    " << e.sentence << "\n";
  }
}

struct ShowArgs {
  std::string db;
  std::string id;
  bool json = false;
};

int RunShow(const ShowArgs& args) {
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());
  auto stored = (*searcher)->GetStored(args.id);
  if (!stored.ok()) return Fail(stored.status());
  const bool official = search::HasValidity(stored->doc);
  auto relations = (*searcher)->Relations(official ? stored->doc.symbol : std::string(), &*stored);
  if (!relations.ok()) return Fail(relations.status());
  if (args.json) {
    json_output::Json out = json_output::ToJson(stored->doc, stored->mentions);
    json_output::AddRelations(&*stored, *relations, official, &out);
    std::cout << Dump(out, 2) << "\n";
    return kExitOk;
  }
  const Document* doc = &stored->doc;
  std::cout << "id:    " << doc->id << "\n";
  std::cout << "title: " << text::SanitizeUtf8(doc->title) << "\n";
  if (!doc->date.empty()) std::cout << "date:  " << doc->date << "\n";
  if (!doc->kind.empty()) std::cout << "kind:  " << doc->kind << "\n";
  if (!doc->symbol.empty()) std::cout << "number: " << doc->symbol << "\n";
  if (!doc->issuer.empty()) std::cout << "issuer: " << doc->issuer << "\n";
  if (!doc->term.empty()) std::cout << "term:  khóa " << doc->term << "\n";
  if (!doc->signer.empty()) std::cout << "signer: " << doc->signer << "\n";
  if (!doc->source.empty()) std::cout << "source: " << doc->source << "\n";
  if (!doc->encoding.empty()) std::cout << "encoding: " << doc->encoding << "\n";
  for (const auto& f : doc->flags) std::cout << "flag:  " << f << "\n";
  if (!doc->url.empty()) std::cout << "url:   " << doc->url << "\n";
  if (!doc->path.empty()) std::cout << "path:  " << doc->path << "\n";
  for (const auto& [k, v] : doc->fields) std::cout << k << ": " << text::SanitizeUtf8(v) << "\n";
  if (official) PrintRelations(*relations);
  std::cout << "\n" << text::SanitizeUtf8(doc->text) << "\n";
  return kExitOk;
}

struct StatsArgs {
  std::string db;
  bool json = false;
};

int RunStats(const StatsArgs& args) {
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  if (args.json) {
    nlohmann::json out = json_output::ToJson(*stats);
    out["db"] = args.db;  // where the figures come from; the API, serving one index, leaves it out
    std::cout << Dump(out, 2) << "\n";
    return kExitOk;
  }
  std::printf("database:      %s\n", args.db.c_str());
  std::printf("documents:     %zu\n", stats->documents);
  std::printf("terms:         %zu\n", stats->distinct_terms);
  std::printf("avg length:    %.1f words\n", stats->average_length);
  std::printf("size on disk:  %.1f MB\n", stats->bytes_on_disk / 1e6);
  std::printf("last indexed:  %s\n", stats->last_indexed.empty() ? "never" : stats->last_indexed.c_str());
  return kExitOk;
}

}  // namespace

Runner RegisterShow(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print one stored document by its id");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("id", args->id, "Document id (as `search` prints it)")->required();
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunShow(*args); };
}

Runner RegisterStats(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Documents, terms, size on disk, last indexed");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunStats(*args); };
}

}  // namespace vankien::cli
