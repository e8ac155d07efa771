#include "tools/eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>
#include <unordered_set>

namespace vankien::eval {
namespace {

using Judged = std::unordered_map<std::string, int>;

double Gain(int grade) { return grade > 0 ? std::exp2(static_cast<double>(grade)) - 1.0 : 0.0; }

// Discount for 1-based rank r: 1 / log2(r + 1).
double Discount(std::size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

std::size_t CountRelevant(const Judged& judged) {
  return static_cast<std::size_t>(
      std::count_if(judged.begin(), judged.end(), [](const auto& kv) { return kv.second > 0; }));
}

// Calls visit(rank, grade) for the first occurrence of each distinct document in the top k,
// with rank 1-based and grade 0 for unjudged documents.
void ForEachFirstOccurrence(const std::vector<std::string>& ranked, const Judged& judged,
                            std::size_t k, const std::function<void(std::size_t, int)>& visit) {
  std::unordered_set<std::string_view> seen;
  const std::size_t n = std::min(k, ranked.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!seen.insert(ranked[i]).second) continue;
    auto it = judged.find(ranked[i]);
    visit(i + 1, it == judged.end() ? 0 : it->second);
  }
}

}  // namespace

double NdcgAt(const std::vector<std::string>& ranked, const Judged& judged, std::size_t k) {
  std::vector<int> ideal;
  for (const auto& [docid, grade] : judged) {
    if (grade > 0) ideal.push_back(grade);
  }
  if (ideal.empty() || k == 0) return 0.0;
  std::sort(ideal.begin(), ideal.end(), std::greater<int>());
  double idcg = 0.0;
  for (std::size_t i = 0; i < ideal.size() && i < k; ++i) idcg += Gain(ideal[i]) * Discount(i + 1);

  double dcg = 0.0;
  ForEachFirstOccurrence(ranked, judged, k,
                         [&](std::size_t rank, int grade) { dcg += Gain(grade) * Discount(rank); });
  return dcg / idcg;
}

double ReciprocalRankAt(const std::vector<std::string>& ranked, const Judged& judged,
                        std::size_t k) {
  const std::size_t n = std::min(k, ranked.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto it = judged.find(ranked[i]);
    if (it != judged.end() && it->second > 0) return 1.0 / static_cast<double>(i + 1);
  }
  return 0.0;
}

double RecallAt(const std::vector<std::string>& ranked, const Judged& judged, std::size_t k) {
  const std::size_t relevant = CountRelevant(judged);
  if (relevant == 0) return 0.0;
  std::size_t found = 0;
  ForEachFirstOccurrence(ranked, judged, k, [&](std::size_t, int grade) {
    if (grade > 0) ++found;
  });
  return static_cast<double>(found) / static_cast<double>(relevant);
}

void Accumulator::Add(const std::vector<std::string>& ranked, const Judged& judged) {
  if (CountRelevant(judged) == 0) {
    ++skipped_;
    return;
  }
  ++queries_;
  ndcg_sum_ += NdcgAt(ranked, judged, kCutoff);
  rr_sum_ += ReciprocalRankAt(ranked, judged, kCutoff);
  recall_sum_ += RecallAt(ranked, judged, kCutoff);
}

Summary Accumulator::Mean() const {
  Summary summary;
  summary.queries = queries_;
  summary.skipped = skipped_;
  if (queries_ == 0) return summary;
  const double n = static_cast<double>(queries_);
  summary.ndcg10 = ndcg_sum_ / n;
  summary.mrr10 = rr_sum_ / n;
  summary.recall10 = recall_sum_ / n;
  return summary;
}

}  // namespace vankien::eval
