#include "tools/eval/evaluate.h"

namespace vankien::eval {

std::string_view VariantName(QueryVariant v) {
  switch (v) {
    case QueryVariant::kAsTyped: return "as-typed";
    case QueryVariant::kNoDiacritics: return "no-diacritics";
    case QueryVariant::kNfd: return "nfd";
    case QueryVariant::kOldTone: return "old-tone";
    case QueryVariant::kNewTone: return "new-tone";
  }
  return "?";
}

std::optional<QueryVariant> ParseVariant(std::string_view name) {
  for (QueryVariant v : kAllVariants) {
    if (VariantName(v) == name) return v;
  }
  return std::nullopt;
}

std::string ApplyVariant(const text::Analyzer& analyzer, QueryVariant v, std::string_view query) {
  switch (v) {
    case QueryVariant::kAsTyped: return std::string(query);
    case QueryVariant::kNoDiacritics: return analyzer.StripMarks(query);
    case QueryVariant::kNfd: return analyzer.ToNfd(query);
    case QueryVariant::kOldTone: return analyzer.RestyleTones(query, text::ToneStyle::kOld);
    case QueryVariant::kNewTone: return analyzer.RestyleTones(query, text::ToneStyle::kNew);
  }
  return std::string(query);
}

Summary Evaluate(const Ranker& rank, const text::Analyzer& analyzer,
                 const std::vector<JudgedQuery>& queries, const Qrels& qrels, QueryVariant variant) {
  Accumulator acc;
  static const std::unordered_map<std::string, int> kNoJudgments;
  for (const JudgedQuery& q : queries) {
    auto judged = qrels.find(q.qid);
    acc.Add(rank(ApplyVariant(analyzer, variant, q.text)),
            judged == qrels.end() ? kNoJudgments : judged->second);
  }
  return acc.Mean();
}

Summary Evaluate(search::Searcher& searcher, const text::Analyzer& analyzer,
                 const std::vector<JudgedQuery>& queries, const Qrels& qrels, QueryVariant variant) {
  search::SearchOptions options;
  options.limit = Accumulator::kCutoff;
  options.snippets = false;
  const Ranker rank = [&](std::string_view query) {
    std::vector<std::string> ranked;
    auto response = searcher.Search(query, options);
    if (response.ok()) {
      for (const auto& hit : response->hits) ranked.push_back(hit.id);
    }
    return ranked;
  };
  return Evaluate(rank, analyzer, queries, qrels, variant);
}

}  // namespace vankien::eval
