// Query understanding: turns what a user typed into the query vankien runs. The syntax
// (query_syntax.h) has free words, "quoted phrases", AND / OR / NOT, +/-, parentheses and field
// filters (query_filters.h). Free words are OR-ed and ranked, with adjacent syllables also
// matched as a pair (schema.h, XP) so that multi-syllable words rank as words; a quoted phrase
// ranks beside free words and is required only as +"…", under AND, or in a query of nothing
// but phrases and operators. A word typed with diacritics matches its exact form; a word typed without them
// matches every accented form. Domain abbreviations match their expansions and back
// (synonyms.h). A document number in any spelling ("nq 21/tw", "21/NQ-TW") matches the
// documents that cite it and the document itself, ranked above word matches.
// Thread-safety: a QueryBuilder is immutable; Build may be called concurrently.
#ifndef VANKIEN_SEARCH_QUERY_H_
#define VANKIEN_SEARCH_QUERY_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/text/analyzer.h"
#include "search/reference_reader.h"

namespace Xapian {
class Query;
}

namespace vankien::refs {
class Recognizer;
}

namespace vankien::search {

// Structured filters; the query language's field filters (loai:, coquan:, khoa:, tu:, den:,
// nam:, nguon:) fill the same struct, and both are AND-ed with the query.
struct Filters {
  std::vector<std::string> kinds;  // any of these kinds: type codes ("NQ", "NĐ") or "article"
  std::string issuer;              // issuer code ("TW", "CP")
  std::string term;                // Party term in Roman numerals ("XIII")
  std::string source;              // site or folder
  std::string from, to;            // inclusive dates, "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  // Validity as the archive knows it (search/validity.h): "in-force", "replaced", "repealed",
  // "amended" or "expired"; official documents only.
  std::string status;
  bool empty() const {
    return kinds.empty() && issuer.empty() && term.empty() && source.empty() && from.empty() &&
           to.empty() && status.empty();
  }
};

enum class SortOrder { kRelevance, kNewest, kOldest };

struct QueryOptions {
  // Queries longer than this many bytes are refused with a message.
  std::size_t max_query_bytes = 4096;
  // At most this many words are used; the rest are ignored (and reported).
  std::size_t max_words = 64;
  // Queries whose words, readings and filters expand to more Xapian terms than this (counted
  // with repeats: Xapian::Query::get_length) are refused with a message: the cost of a match
  // grows with them (many nam: ranges, many field values).
  std::size_t max_terms = 2000;
  // How much a word typed with diacritics also scores for its accent-free form (0 = exact only).
  double folded_weight_for_marked = 0.0;
  // Weight multipliers for a document reference in the query ("nq 21/tw"): documents citing
  // it, and the document itself, rank above documents that only share words with the query.
  double citing_weight = 10.0;
  double own_weight = 30.0;
  // Multiplies both for the reading of a partial number ("Chỉ thị 16" read as 16/CT-TTg), which
  // is a guess. Measured on qa-dev/vicov19, whose questions cite "Chỉ thị 16" as context: at 1.0
  // nDCG@10 lost 0.006, at 0.3 0.001, at 0.05 nothing; the words still find the citers.
  double partial_reference_weight = 0.05;
  // Weight of an adjacent syllable pair of the query found adjacent in a document (0 = off).
  double pair_weight = 1.0;
  // A pair as frequent as its syllables weighs this fraction of pair_weight, a pair far rarer
  // than them all of it (1 = every pair weighs pair_weight). Needs TermStatistics.
  double pair_informativeness_floor = 0.3;
  // Words in at most rare_word_fraction of the documents weigh rare_word_boost times their
  // BM25 weight (1 = off). Needs TermStatistics.
  double rare_word_boost = 1.5;
  double rare_word_fraction = 0.01;
  // How much a quoted phrase that only ranks (beside free words) adds for
  // a document holding it whole, on top of its words and pairs.
  double phrase_preference = 0.5;
  // Weight of an abbreviation's expansion (or of the abbreviation for a typed expansion).
  double synonym_weight = 1.0;
  // Phrases also require their words at consecutive positions. Only for an index that keeps
  // positions (IndexWriterOptions::folded_positions); the Searcher sets it from the index.
  bool positional_phrases = false;
};

// Document frequencies of the index a query will run on. The builder weighs a syllable pair by
// what it says beyond its syllables, which only the index knows. An implementation may throw
// what its index throws (Xapian::DatabaseModifiedError): QueryBuilder::Build lets it through,
// so the caller can reopen the index and build again.
class TermStatistics {
 public:
  virtual ~TermStatistics() = default;
  // Documents in the index.
  virtual std::size_t DocumentCount() const = 0;
  // Documents holding `term` (0 when none).
  virtual std::size_t TermFrequency(const std::string& term) const = 0;
};

// A parsed query, ready to run.
class ParsedQuery {
 public:
  // Xapian's description of the query: visible and testable ("Query((XFnghi OR ...))").
  std::string Description() const;
  // Folded forms of every query word, for highlighting.
  const std::vector<std::string>& highlight_terms() const { return highlight_terms_; }
  // Words dropped because the query had more than max_words.
  std::size_t dropped_words() const { return dropped_words_; }
  // Canonical symbols of the document references recognized in the query.
  const std::vector<std::string>& references() const { return references_; }
  // The free words and phrase words as typed, in order (not references, not field values).
  const std::vector<text::Token>& words() const { return words_; }
  // How the query was read, when something had to be repaired or ignored, or a number was
  // partial (for the user).
  const std::vector<std::string>& notices() const { return notices_; }
  // The document numbers of the query with the candidates each may name, best first.
  const std::vector<ReferenceReading>& readings() const { return readings_; }
  // True when the query only filters (no word ranks the documents).
  bool filter_only() const { return filter_only_; }

  const Xapian::Query& xapian_query() const { return *query_; }  // for the search library

 private:
  friend class QueryBuilder;
  std::shared_ptr<const Xapian::Query> query_;
  std::vector<std::string> highlight_terms_;
  std::vector<std::string> references_;
  std::vector<text::Token> words_;
  std::vector<std::string> notices_;
  std::vector<ReferenceReading> readings_;
  std::size_t dropped_words_ = 0;
  bool filter_only_ = false;
};

class QueryBuilder {
 public:
  // `analyzer` and `recognizer` (optional: without it references are plain words) must outlive
  // the builder, as must `reader` (optional: it resolves partial numbers against a registry and
  // an index; without it they are left as words and only complete numbers are boosted). With a
  // reader, Build is as thread-safe as the reader's ReferenceIndex.
  // `stats` (optional, must outlive the builder) gives the index's frequencies; without it
  // every pair term weighs pair_weight.
  explicit QueryBuilder(const text::Analyzer& analyzer, QueryOptions options = {},
                        const refs::Recognizer* recognizer = nullptr, const ReferenceReader* reader = nullptr,
                        const TermStatistics* stats = nullptr);

  // Parses `user_query` and ANDs `filters` with it. Fails with InvalidArgument (and a message
  // for the user) on a query with neither a searchable word nor a filter, a field value that
  // means nothing ("khoa:abc"), or a query over max_query_bytes. Syntax errors are repaired,
  // never fatal: an unclosed quote quotes the rest, a lone operator is ignored, an unknown
  // field is searched as words — each with a notice.
  Result<ParsedQuery> Build(std::string_view user_query, const Filters& filters = {}) const;

 private:
  class Compiler;  // query.cc
  const text::Analyzer& analyzer_;
  QueryOptions options_;
  const refs::Recognizer* recognizer_;
  const ReferenceReader* reader_;
  const TermStatistics* stats_;
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_QUERY_H_
