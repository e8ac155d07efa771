// `vankien catalog`: the archive's register of documents (mục lục) — every document the archive
// holds or cites, with its facts and citations — as CSV, JSON, HTML or Markdown, the citation
// graph as DOT or GraphML, and registry rows to fill in for what could not be identified.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "indexer/refs/lexicon.h"
#include "indexer/refs/mention.h"
#include "search/catalog.h"
#include "search/catalog_format.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

struct CatalogArgs {
  std::string db;
  std::string format = "md";
  std::string graph;
  bool json = false;
  std::vector<std::string> types;
  std::string issuer, term, from, to;
  std::size_t min_citations = 0;
  std::string sort = "type";
  std::size_t limit = 0;
  std::size_t top = 3;
  std::size_t max_reads = 50000;
  bool bom = false;
  bool graph_articles = false;
  bool scan_texts = false;
  bool quiet = false;
  std::string output;
  std::string todo;
};

Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Status::IoError(Subst(Tr("cannot write {1}: check that its folder exists and is writable"), {path}));
  }
  out << content;
  out.close();
  if (!out) return Status::IoError(Subst(Tr("writing {1} failed (disk full?)"), {path}));
  return Status::Ok();
}

int RunCatalog(CatalogArgs args) {
  if (args.json) args.format = "json";
  search::CatalogOptions options;
  for (const std::string& list : args.types) {
    std::size_t pos = 0;
    while (pos <= list.size()) {
      const std::size_t comma = list.find(',', pos);
      const std::string t = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      if (!t.empty()) options.types.push_back(t);  // read by the library, as search filters are
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  options.issuer = args.issuer;
  options.term = args.term;
  options.from = args.from;
  options.to = args.to;
  options.min_citations = args.min_citations;
  options.limit = args.limit;
  options.top_citing = args.top;
  options.max_document_reads = args.max_reads;
  options.sort = args.sort == "citations" ? search::CatalogSort::kCitations
                 : args.sort == "date"    ? search::CatalogSort::kDate
                 : args.sort == "symbol"  ? search::CatalogSort::kSymbol
                                          : search::CatalogSort::kType;
  options.graph = !args.graph.empty();
  options.graph_articles = args.graph_articles;
  options.scan_texts = args.scan_texts;
  const bool show_progress = !args.quiet && StderrIsTty();
  if (show_progress) {
    options.progress = [](std::string_view stage, std::size_t done, std::size_t total) {
      if (total > 0) {
        std::fprintf(stderr, "\r%.*s: %zu / %zu   ", static_cast<int>(stage.size()), stage.data(), done, total);
      } else {
        std::fprintf(stderr, "\r%.*s: %zu   ", static_cast<int>(stage.size()), stage.data(), done);
      }
      std::fflush(stderr);
    };
  }
  auto catalog = search::BuildCatalog(args.db, options);
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  if (!catalog.ok()) return Fail(catalog.status());

  std::string out;
  if (args.graph == "dot") {
    out = search::CatalogDot(*catalog);
  } else if (args.graph == "graphml") {
    out = search::CatalogGraphml(*catalog);
  } else if (args.format == "csv") {
    out = search::CatalogCsv(*catalog, {.bom = args.bom});
  } else if (args.format == "json") {
    out = search::CatalogJson(*catalog);
  } else if (args.format == "html") {
    out = search::CatalogHtml(*catalog, Lang());
  } else {
    out = search::CatalogMarkdown(*catalog, Lang());
  }
  if (!args.todo.empty()) {
    if (Status s = WriteFile(args.todo, search::CatalogRegistryTodo(*catalog)); !s.ok()) return Fail(s);
  }
  if (args.output.empty() || args.output == "-") {
    std::cout << out;
    std::cout.flush();
    return std::cout ? kExitOk : kExitFailure;
  }
  if (Status s = WriteFile(args.output, out); !s.ok()) return Fail(s);
  if (!args.quiet) {
    const std::string seconds = Dec(catalog->stats.seconds, 2);
    const std::string docs = Subst(TrN("{1} document", "{1} documents", catalog->entries.size()),
                                   {Num(catalog->entries.size())});
    const std::string unresolved =
        Subst(TrN("{1} unresolved reference", "{1} unresolved references", catalog->unresolved.size()),
              {Num(catalog->unresolved.size())});
    std::fprintf(stderr, "%s\n",
                 Subst(Tr("{1}, {2}, built in {3} s; wrote {4}"), {docs, unresolved, seconds, args.output}).c_str());
  }
  return kExitOk;
}

}  // namespace

Runner RegisterCatalog(CLI::App& app) {
  auto args = std::make_shared<CatalogArgs>();
  CLI::App* cmd = app.add_subcommand(
      "catalog",
      "The archive's catalogue (mục lục): one row per document it holds or cites (symbol and "
      "term/year), with type, number, issuer, date, term, title, whether the archive holds it, "
      "citations, citing documents, first and last citing date and the top citing documents; "
      "then the references nobody could identify, with their contexts");
  cmd->footer(
      "Examples:\n"
      "  vankien catalog --type NQ --issuer TW --term XIII\n"
      "  vankien catalog --format html -o catalogue.html\n"
      "  vankien catalog --format csv --bom -o catalogue.csv      # for Excel\n"
      "  vankien catalog --sort citations --limit 20 --format json\n"
      "  vankien catalog --graph graphml -o citations.graphml\n"
      "  vankien catalog --todo registry-todo.tsv                 # registry rows to complete");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"csv", "json", "html", "md"}))
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Same as --format json");
  cmd->add_option("--graph", args->graph,
                  "Print the citation graph instead: documents as nodes, cites / replaces / amends edges")
      ->check(CLI::IsMember({"dot", "graphml"}));
  cmd->add_flag("--graph-articles", args->graph_articles,
                "With --graph: also the citing articles as nodes (reads their ids)");
  cmd->add_option("--type", args->types, "Only these type codes (NQ, KL, CT, QĐ or QD …; repeat or comma-separate)");
  cmd->add_option("--issuer", args->issuer, "Only this issuer code (TW, CP, TTg …)");
  cmd->add_option("--term", args->term, "Only this Party term (XIII or 13)");
  cmd->add_option("--from", args->from, "Only documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Only documents dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--min-citations", args->min_citations, "Only documents cited at least N times");
  cmd->add_option("--sort", args->sort, "Order: type (then date), citations, date or symbol")
      ->check(CLI::IsMember({"type", "citations", "date", "symbol"}))
      ->capture_default_str();
  cmd->add_option("-n,--limit", args->limit, "At most N rows after sorting (0: all)");
  cmd->add_option("--top", args->top, "Citing documents listed per row")->capture_default_str();
  cmd->add_option("--max-reads", args->max_reads,
                  "Most stored documents read for titles and contexts (bounds the time on big archives)")
      ->capture_default_str();
  cmd->add_flag("--bom", args->bom, "CSV: start with a UTF-8 byte order mark (Excel)");
  cmd->add_flag("--scan-texts", args->scan_texts,
                "Also list numbers cited without an issuer (\"Chỉ thị 05\"); reads every stored text, slow");
  cmd->add_option("--todo", args->todo,
                  "Write registry rows (registry TSV) to complete for documents the registry lacks and "
                  "unresolved names");
  cmd->add_option("-o,--output", args->output, "Write to FILE instead of stdout");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
  return [args] { return RunCatalog(*args); };
}

}  // namespace vankien::cli
