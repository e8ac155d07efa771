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
  // "label: value" lines; labels are translated, values are the document's own.
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty()) std::cout << Tr(label) << " " << value << "\n";
  };
  line(i18n::Mark("id:"), doc->id);
  std::cout << Tr("title:") << " " << text::SanitizeUtf8(doc->title) << "\n";
  line(i18n::Mark("date:"), Day(doc->date));
  line(i18n::Mark("kind:"), doc->kind);
  line(i18n::Mark("number:"), doc->symbol);
  line(i18n::Mark("issuer:"), doc->issuer);
  line(i18n::Mark("term:"), doc->term.empty() ? "" : "khóa " + doc->term);
  line(i18n::Mark("signer:"), doc->signer);
  line(i18n::Mark("source:"), doc->source);
  line(i18n::Mark("encoding:"), doc->encoding);
  for (const auto& f : doc->flags) line(i18n::Mark("flag:"), f);
  line(i18n::Mark("url:"), doc->url);
  line(i18n::Mark("path:"), doc->path);
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
  std::cout << Subst(Tr("database:      {1}"), {args.db}) << "\n";
  std::cout << Subst(Tr("documents:     {1}"), {Num(stats->documents)}) << "\n";
  std::cout << Subst(Tr("terms:         {1}"), {Num(stats->distinct_terms)}) << "\n";
  std::cout << Subst(Tr("avg length:    {1} words"), {Dec(stats->average_length, 1)}) << "\n";
  std::cout << Subst(Tr("size on disk:  {1} MB"), {Dec(stats->bytes_on_disk / 1e6, 1)}) << "\n";
  std::cout << Subst(Tr("last indexed:  {1}"), {stats->last_indexed.empty() ? Tr("never") : stats->last_indexed})
            << "\n";
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
