// The paragraph pool: real Vietnamese paragraphs and titles, cut from news articles at sentence
// ends and sampled uniformly (reservoir sampling) so that memory stays bounded however much news
// is read. The archive generator recombines them into synthetic documents.
// Thread-safety: ParagraphPool is a plain value; a PoolSampler is used by one thread.
#ifndef VANKIEN_TOOLS_GEN_PARAGRAPH_POOL_H_
#define VANKIEN_TOOLS_GEN_PARAGRAPH_POOL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "tools/gen/random.h"

namespace vankien::gen {

// Paragraphs are single-line UTF-8 text (no '\n'); titles likewise.
struct ParagraphPool {
  std::vector<std::string> paragraphs;
  std::vector<std::string> titles;
};

struct PoolOptions {
  std::size_t max_paragraphs = 200'000;  // about 110 MB of text at the default sizes
  std::size_t max_titles = 100'000;
  // A paragraph grows sentence by sentence until it reaches a target drawn in
  // [min_target, max_target]; shorter leftovers (under min_paragraph) are dropped, and so are
  // paragraphs over max_paragraph (one run-on "sentence", a table flattened into text).
  std::size_t min_target = 250;
  std::size_t max_target = 700;
  std::size_t min_paragraph = 120;
  std::size_t max_paragraph = 2000;
};

// Splits running text into sentences: after '.', '!', '?' or '…' followed by white space, unless
// the word before the period is a short capitalised abbreviation ("TP.", "Th."). White-space
// runs (including '\n') become one space; sentences are trimmed and never empty.
std::vector<std::string_view> SplitSentences(std::string_view text, std::string* scratch);

// Reservoir sampler over the paragraphs and titles of many articles. Deterministic: the same
// seed and the same articles in the same order give the same pool.
class PoolSampler {
 public:
  PoolSampler(const PoolOptions& options, std::uint64_t seed);

  // Adds one article: its title (may be empty), its lead ("sapo"/"abstract", may be empty; one
  // paragraph when long enough) and its body, cut into paragraphs at sentence ends.
  void AddArticle(std::string_view title, std::string_view lead, std::string_view text);

  std::size_t articles() const { return articles_; }
  std::size_t paragraphs_seen() const { return paragraphs_seen_; }

  // The sample, in reservoir order. The sampler is empty afterwards.
  ParagraphPool Take();

 private:
  void Offer(std::string_view paragraph);
  void OfferTitle(std::string_view title);

  PoolOptions options_;
  Rng rng_;
  ParagraphPool pool_;
  std::string scratch_;
  std::string paragraph_;
  std::size_t articles_ = 0;
  std::size_t paragraphs_seen_ = 0;
  std::size_t titles_seen_ = 0;
};

// Reads JSONL(.zst/.gz) news files (records with "title", "text" and optionally "sapo" or
// "abstract") in order into a sampler and returns the pool. `on_file(path, articles, seconds)`,
// if set, is called after each file. Errors: kNotFound naming a missing file; the reader's
// error for an unreadable or corrupt one; kInvalidArgument when no paragraph was found.
// Malformed records are skipped.
Result<ParagraphPool> LoadParagraphPool(
    const std::vector<std::string>& paths, const PoolOptions& options, std::uint64_t seed,
    const std::function<void(const std::string&, std::size_t, double)>& on_file = {});

}  // namespace vankien::gen

#endif  // VANKIEN_TOOLS_GEN_PARAGRAPH_POOL_H_
