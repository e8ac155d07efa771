// Per-query retrieval metrics (nDCG@k, reciprocal rank@k, recall@k) and their mean over a run.
// A document is relevant when its judged grade is > 0; unjudged documents are non-relevant.
// Thread-safety: the free functions are pure; an Accumulator must not be used from two
// threads at once without external locking.
#ifndef VANKIEN_TOOLS_EVAL_METRICS_H_
#define VANKIEN_TOOLS_EVAL_METRICS_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace vankien::eval {

// Shared conventions of the three metrics below:
// - `ranked` lists document ids best first; position i (0-based) is rank i + 1, and only the
//   first `k` positions are considered.
// - A document listed more than once counts only at its first occurrence; later copies still
//   occupy their rank position but contribute nothing.
// - `judged` maps document id -> grade (as from one Qrels entry). The result is 0 when `judged`
//   has no relevant document or when k == 0.

// Normalised discounted cumulative gain at k: DCG@k / IDCG@k, where a document at rank r
// with grade g contributes (2^g - 1) / log2(r + 1), and IDCG@k is the DCG of the positive
// judged grades sorted descending. Result in [0, 1].
double NdcgAt(const std::vector<std::string>& ranked,
              const std::unordered_map<std::string, int>& judged, std::size_t k);

// 1 / (rank of the first relevant document) if one is within the top k, else 0.
double ReciprocalRankAt(const std::vector<std::string>& ranked,
                        const std::unordered_map<std::string, int>& judged, std::size_t k);

// (distinct relevant documents in the top k) / (all relevant documents in `judged`).
double RecallAt(const std::vector<std::string>& ranked,
                const std::unordered_map<std::string, int>& judged, std::size_t k);

// Means over the evaluated queries; all zero when no query was evaluated.
struct Summary {
  std::size_t queries = 0;  // queries with at least one relevant judgment (averaged over)
  std::size_t skipped = 0;  // queries added without any relevant judgment (not averaged)
  double ndcg10 = 0.0;
  double mrr10 = 0.0;
  double recall10 = 0.0;
};

// Averages nDCG@10, reciprocal rank@10 (MRR@10) and recall@10 over queries.
class Accumulator {
 public:
  static constexpr std::size_t kCutoff = 10;

  // Scores one query. If `judged` has no relevant document the query is counted as skipped
  // and does not affect the means.
  void Add(const std::vector<std::string>& ranked,
           const std::unordered_map<std::string, int>& judged);

  // Mean of each metric over the non-skipped queries added so far.
  Summary Mean() const;

 private:
  std::size_t queries_ = 0;
  std::size_t skipped_ = 0;
  double ndcg_sum_ = 0.0;
  double rr_sum_ = 0.0;
  double recall_sum_ = 0.0;
};

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_METRICS_H_
