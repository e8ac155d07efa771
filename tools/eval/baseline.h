// The plain-Xapian baseline the eval tool compares vankien with: a JSONL corpus indexed with
// Xapian::TermGenerator's defaults (no stemmer, no Vietnamese analysis, positions on) and
// queried with Xapian::QueryParser's defaults (OR of the words, FLAG_DEFAULT) and Enquire's
// default BM25 weighting. It is what a developer gets from Xapian out of the box.
// Thread-safety: a BaselineIndex is not thread-safe (it holds a Xapian::Database).
#ifndef VANKIEN_TOOLS_EVAL_BASELINE_H_
#define VANKIEN_TOOLS_EVAL_BASELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien::eval {

class BaselineIndex {
 public:
  // Indexes every record of `corpus_jsonl` (title, text and other string fields, as vankien
  // indexes them) into a new database in `dir`. Records the loader rejects are skipped.
  static Result<std::unique_ptr<BaselineIndex>> Build(const std::string& corpus_jsonl,
                                                      const std::string& dir);
  ~BaselineIndex();

  // Document ids, best first, at most `k`. A query QueryParser rejects gives no ids.
  std::vector<std::string> Search(std::string_view query, std::size_t k);

 private:
  struct Impl;
  explicit BaselineIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_BASELINE_H_
