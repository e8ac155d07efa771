// Runs judged queries against an index and scores them, optionally after rewriting each query
// the way people actually type it (no diacritics, NFD, old tone placement).
// Thread-safety: Evaluate uses the given Searcher, which is not thread-safe.
#ifndef VANKIEN_TOOLS_EVAL_EVALUATE_H_
#define VANKIEN_TOOLS_EVAL_EVALUATE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tools/eval/judgments.h"
#include "tools/eval/metrics.h"

namespace vankien::eval {

enum class QueryVariant {
  kAsTyped,       // the query as judged
  kNoDiacritics,  // every mark removed, đ→d: a keyboard without Vietnamese input
  kNfd,           // decomposed Unicode, as some input methods and macOS produce
  kOldTone,       // old-style tone placement (hòa, thủy) wherever it differs
  kNewTone,       // new-style tone placement (hoà, thuỷ) wherever it differs
};

inline constexpr QueryVariant kAllVariants[] = {QueryVariant::kAsTyped, QueryVariant::kNoDiacritics,
                                                QueryVariant::kNfd, QueryVariant::kOldTone,
                                                QueryVariant::kNewTone};

// "as-typed", "no-diacritics", "nfd", "old-tone", "new-tone".
std::string_view VariantName(QueryVariant v);
std::optional<QueryVariant> ParseVariant(std::string_view name);

// The query rewritten as the variant says.
std::string ApplyVariant(const text::Analyzer& analyzer, QueryVariant v, std::string_view query);

// Ranks a query: document ids, best first (at least the top 10).
using Ranker = std::function<std::vector<std::string>(std::string_view query)>;

// Scores `rank` on every query rewritten by `variant`: nDCG@10, MRR@10 and Recall@10 against
// `qrels`, averaged. Queries without judgments are skipped (Summary::skipped).
Summary Evaluate(const Ranker& rank, const text::Analyzer& analyzer,
                 const std::vector<JudgedQuery>& queries, const Qrels& qrels, QueryVariant variant);

// Searches every query (top 10, rewritten by `variant`) and averages nDCG@10, MRR@10 and
// Recall@10 against `qrels`. A query the searcher rejects scores zero. Queries without
// judgments are skipped (Summary::skipped).
Summary Evaluate(search::Searcher& searcher, const text::Analyzer& analyzer,
                 const std::vector<JudgedQuery>& queries, const Qrels& qrels, QueryVariant variant);

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_EVALUATE_H_
