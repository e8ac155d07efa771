// `vankien ref`: a document number's own document, its registry facts and everything that
// cites it, with the sentence around each mention.
#include <iostream>
#include <optional>
#include <memory>

#include "indexer/text/analyzer.h"
#include "search/display_key.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"
#include "tools/json/json_output.h"

namespace vankien::cli {
namespace {

struct RefArgs {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 200;
  bool json = false;
};

int RunRef(const RefArgs& args) {
  std::string reference;
  for (const auto& w : args.words) reference += (reference.empty() ? "" : " ") + w;
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());
  auto report = (*searcher)->Reference(reference, args.limit);
  if (!report.ok()) return Fail(report.status());
  // The lược đồ: what others state of the number and, when the archive holds it, what it states.
  std::optional<StoredDocument> own;
  if (!report->documents.empty()) {
    auto stored = (*searcher)->GetStored(report->documents.front().id);
    if (stored.ok()) own = std::move(stored).value();
  }
  auto relations = (*searcher)->Relations(report->symbol, own ? &*own : nullptr);
  if (!relations.ok()) return Fail(relations.status());

  if (args.json) {
    json_output::Json out = json_output::ReferenceJson(reference, *report);
    json_output::AddRelations(own ? &*own : nullptr, *relations, /*official=*/true, &out);
    std::cout << Dump(out, 2) << "\n";
    return kExitOk;
  }
  for (const auto& notice : report->notices) std::cerr << Subst(Tr("note: {1}"), {notice}) << "\n";
  const std::string shown_key = search::DisplayKey(Lang(), report->key);
  std::cout << report->symbol << (report->key.empty() || shown_key == report->symbol ? "" : "  (" + shown_key + ")")
            << "\n";
  if (report->facts.empty()) {
    std::cout << "  " << Tr("not in the registry") << "\n";
  }
  for (const auto& e : report->facts) {
    std::cout << "  " << e.type_name << " " << e.symbol;
    if (!e.date.empty()) std::cout << ", " << Day(e.date);
    if (!e.term.empty()) std::cout << ", khóa " << e.term;
    if (e.plenum) std::cout << ", Hội nghị Trung ương " << *e.plenum;
    if (!e.issuer_name.empty()) std::cout << ", " << e.issuer_name;
    std::cout << "\n";
    if (!e.title.empty()) std::cout << "    " << e.title << "\n";
  }
  if (report->documents.empty()) {
    std::cout << Tr("The archive does not hold the document itself.") << "\n";
  } else {
    std::cout << Tr("In the archive:") << "\n";
    for (const auto& d : report->documents) {
      std::cout << "  [" << d.id << "] " << d.title << "  " << Day(d.date) << "\n";
    }
  }
  std::cout << Subst(Tr("Status: {1} — {2}"), {search::ValidityName(relations->validity.status),
                                                 relations->validity.note})
            << "\n";
  for (const auto& e : relations->outgoing) std::cout << "  " << e.type << " " << e.symbol << "\n";
  for (const auto& e : relations->incoming) {
    std::cout << "  " << Subst(Tr("{1} by {2}"), {e.type, e.symbol.empty() ? e.title : e.symbol}) << " [" << e.id
              << "] " << (e.date.empty() ? "" : Day(e.date)) << "\n      " << e.sentence << "\n";
  }
  std::cout << Subst(TrN("{1} document cites it.", "{1} documents cite it.", report->citing_documents),
                     {Num(report->citing_documents)})
            << "\n";
  for (const auto& g : report->groups) {
    std::cout << "\n"
              << (g.key.empty() ? Tr("Cited without a term or year:")
                                : Subst(Tr("Cited as {1}:"), {search::DisplayKey(Lang(), g.key)}))
              << "\n";
    for (const auto& c : g.citations) {
      std::cout << "  " << (c.date.empty() ? "----------" : Day(c.date)) << "  [" << c.id << "] " << c.title << "\n";
      std::cout << "      " << c.context << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

Runner RegisterRef(CLI::App& app) {
  auto args = std::make_shared<RefArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ref", "Show a document by its number (any spelling: \"KL 21/TW\", 21/NQ-TW, "
             "\"Nghị quyết Trung ương 4 khóa XII\"): the document, its facts, and who cites it");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("symbol", args->words, "Document number")->required();
  cmd->add_option("-n,--limit", args->limit, "Most citing documents to list")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunRef(*args); };
}

}  // namespace vankien::cli
