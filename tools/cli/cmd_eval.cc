// `vankien eval`: nDCG@10, MRR@10 and Recall@10 of the index on judged queries.
#include <iostream>
#include <memory>

#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"
#include "tools/eval/evaluate.h"

namespace vankien::cli {
namespace {

struct EvalArgs {
  std::string db;
  std::string queries;
  std::string qrels;
  std::vector<std::string> variants{"as-typed"};
  bool json = false;
};

int RunEval(const EvalArgs& args) {
  std::vector<eval::QueryVariant> variants;
  for (const auto& name : args.variants) {
    if (name == "all") {
      variants.assign(std::begin(eval::kAllVariants), std::end(eval::kAllVariants));
      break;
    }
    auto v = eval::ParseVariant(name);
    if (!v) {
      return Fail(Status::InvalidArgument("unknown variant \"" + name +
                                          "\": use as-typed, no-diacritics, nfd, old-tone, new-tone or all"));
    }
    variants.push_back(*v);
  }
  auto queries = eval::LoadQueries(args.queries);
  if (!queries.ok()) return Fail(queries.status());
  auto qrels = eval::LoadQrels(args.qrels);
  if (!qrels.ok()) return Fail(qrels.status());
  text::Analyzer analyzer;
  auto searcher = search::Searcher::Open(args.db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());

  nlohmann::json results = nlohmann::json::array();
  if (!args.json) std::printf("%-15s %8s %8s %8s %8s\n", "variant", "queries", "nDCG@10", "MRR@10", "R@10");
  for (eval::QueryVariant v : variants) {
    const eval::Summary s = eval::Evaluate(**searcher, analyzer, *queries, *qrels, v);
    const std::string name(eval::VariantName(v));
    if (args.json) {
      results.push_back({{"variant", name}, {"queries", s.queries}, {"skipped", s.skipped},
                         {"ndcg@10", s.ndcg10}, {"mrr@10", s.mrr10}, {"recall@10", s.recall10}});
    } else {
      std::printf("%-15s %8zu %8.4f %8.4f %8.4f\n", name.c_str(), s.queries, s.ndcg10, s.mrr10, s.recall10);
    }
  }
  if (args.json) std::cout << Dump({{"db", args.db}, {"queries", args.queries}, {"results", results}}, 2) << "\n";
  return kExitOk;
}

}  // namespace

Runner RegisterEval(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score the index on judged queries: nDCG@10, MRR@10, Recall@10");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("--queries", args->queries, "Judged queries, JSONL with qid and text")->required();
  cmd->add_option("--qrels", args->qrels, "TREC qrels, tab-separated: qid 0 docid grade")->required();
  cmd->add_option("--variant", args->variants,
                  "Rewrite queries first: as-typed, no-diacritics, nfd, old-tone, new-tone, or all (repeatable)")
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunEval(*args); };
}

}  // namespace vankien::cli
