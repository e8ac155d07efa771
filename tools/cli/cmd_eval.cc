// `vankien eval`: nDCG@10, MRR@10 and Recall@10 of the index on judged queries; with --corpus
// it builds a throw-away index first, and with --baseline it scores plain Xapian beside it.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tools/cli/cli.h"
#include "tools/eval/baseline.h"
#include "tools/eval/evaluate.h"

namespace vankien::cli {
namespace {

struct EvalArgs {
  std::string db;
  std::string corpus;
  std::string queries;
  std::string qrels;
  std::vector<std::string> variants{"as-typed"};
  bool baseline = false;
  bool json = false;
};

// A fresh directory under the system temp dir, removed with the object.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vankien-eval-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Indexes `corpus` with vankien's own pipeline into `dir`. Rejected records are skipped, as
// the baseline skips them, so both score the same documents.
Status IndexCorpus(const std::string& corpus, const std::string& dir, const text::Analyzer& analyzer) {
  auto writer = IndexWriter::Open(dir, analyzer);
  if (!writer.ok()) return writer.status();
  const IndexReport report = IndexPaths(**writer, {corpus});
  if (!report.write_error.ok()) return report.write_error;
  if (report.files_skipped > 0) {
    return Status::InvalidArgument(corpus + ": unsupported file type (vankien reads " +
                                   std::string(SupportedExtensions()) + ")");
  }
  for (const LoadProblem& p : report.problems) {  // the corpus itself could not be read
    if (p.line == 0) return Status::IoError(p.message.starts_with(p.path) ? p.message : p.path + ": " + p.message);
  }
  return Status::Ok();
}

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
  if (args.baseline && args.corpus.empty()) {
    return Fail(Status::InvalidArgument("--baseline indexes the corpus itself: give it with --corpus FILE.jsonl"));
  }
  auto queries = eval::LoadQueries(args.queries);
  if (!queries.ok()) return Fail(queries.status());
  auto qrels = eval::LoadQrels(args.qrels);
  if (!qrels.ok()) return Fail(qrels.status());
  text::Analyzer analyzer;

  ScratchDir scratch;
  std::string db = args.db;
  if (!args.corpus.empty()) {
    if (scratch.path().empty()) return Fail(Status::IoError("cannot create a temporary directory for the index"));
    db = scratch.path() + "/vankien";
    if (!args.json) std::fprintf(stderr, "indexing %s ...\n", args.corpus.c_str());
    if (Status st = IndexCorpus(args.corpus, db, analyzer); !st.ok()) return Fail(st);
  }
  auto searcher = search::Searcher::Open(db, analyzer);
  if (!searcher.ok()) return Fail(searcher.status());
  std::unique_ptr<eval::BaselineIndex> baseline;
  if (args.baseline) {
    auto built = eval::BaselineIndex::Build(args.corpus, scratch.path() + "/baseline");
    if (!built.ok()) return Fail(built.status());
    baseline = std::move(built).value();
  }

  nlohmann::json results = nlohmann::json::array();
  if (!args.json) {
    std::printf("%-9s %-15s %8s %8s %8s %8s\n", "system", "variant", "queries", "nDCG@10", "MRR@10", "R@10");
  }
  auto report = [&](const char* system, eval::QueryVariant v, const eval::Summary& s) {
    const std::string name(eval::VariantName(v));
    if (args.json) {
      results.push_back({{"system", system}, {"variant", name}, {"queries", s.queries},
                         {"skipped", s.skipped}, {"ndcg@10", s.ndcg10}, {"mrr@10", s.mrr10},
                         {"recall@10", s.recall10}});
    } else {
      std::printf("%-9s %-15s %8zu %8.4f %8.4f %8.4f\n", system, name.c_str(), s.queries, s.ndcg10,
                  s.mrr10, s.recall10);
    }
  };
  for (eval::QueryVariant v : variants) {
    report("vankien", v, eval::Evaluate(**searcher, analyzer, *queries, *qrels, v));
  }
  if (baseline) {
    const eval::Ranker rank = [&](std::string_view q) {
      return baseline->Search(q, eval::Accumulator::kCutoff);
    };
    for (eval::QueryVariant v : variants) {
      report("baseline", v, eval::Evaluate(rank, analyzer, *queries, *qrels, v));
    }
  }
  if (args.json) {
    std::cout << Dump({{"db", args.corpus.empty() ? args.db : std::string()},
                       {"corpus", args.corpus},
                       {"queries", args.queries},
                       {"results", results}},
                      2)
              << "\n";
  }
  return kExitOk;
}

}  // namespace

Runner RegisterEval(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score the index on judged queries: nDCG@10, MRR@10, Recall@10");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("--corpus", args->corpus,
                  "Index this JSONL corpus into a temporary index and score that instead of --db");
  cmd->add_option("--queries", args->queries, "Judged queries, JSONL with qid and text")->required();
  cmd->add_option("--qrels", args->qrels, "TREC qrels, tab-separated: qid 0 docid grade")->required();
  cmd->add_option("--variant", args->variants,
                  "Rewrite queries first: as-typed, no-diacritics, nfd, old-tone, new-tone, or all (repeatable)")
      ->capture_default_str();
  cmd->add_flag("--baseline", args->baseline,
                "Also score plain Xapian (TermGenerator and QueryParser defaults) on --corpus");
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunEval(*args); };
}

}  // namespace vankien::cli
