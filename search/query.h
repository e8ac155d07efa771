// Query understanding: turns what a user typed into the query vankien runs. Free words are
// OR-ed and ranked; "quoted phrases" are required and matched as phrases. A word typed with
// diacritics matches its exact form; a word typed without them matches every accented form.
// A document number in any spelling ("nq 21/tw", "21/NQ-TW") matches the documents that cite
// it and the document itself, ranked above word matches.
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

namespace Xapian {
class Query;
}

namespace vankien::refs {
class Recognizer;
}

namespace vankien::search {

struct QueryOptions {
  // Queries longer than this many bytes are refused with a message.
  std::size_t max_query_bytes = 4096;
  // At most this many words are used; the rest are ignored (and reported).
  std::size_t max_words = 64;
  // How much a word typed with diacritics also scores for its accent-free form (0 = exact only).
  double folded_weight_for_marked = 0.0;
  // Weight multipliers for a document reference in the query ("nq 21/tw"): documents citing
  // it, and the document itself, rank above documents that only share words with the query.
  double citing_weight = 10.0;
  double own_weight = 30.0;
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

  const Xapian::Query& xapian_query() const { return *query_; }  // for the search library

 private:
  friend class QueryBuilder;
  std::shared_ptr<const Xapian::Query> query_;
  std::vector<std::string> highlight_terms_;
  std::vector<std::string> references_;
  std::size_t dropped_words_ = 0;
};

class QueryBuilder {
 public:
  // `analyzer` and `recognizer` (optional: without it references are plain words) must outlive
  // the builder.
  explicit QueryBuilder(const text::Analyzer& analyzer, QueryOptions options = {},
                        const refs::Recognizer* recognizer = nullptr);

  // Fails with InvalidArgument (and a message for the user) on an empty query, a query with no
  // searchable word, or one over max_query_bytes. Unbalanced quotes are forgiven: an opening
  // quote without a closing one quotes the rest of the query.
  Result<ParsedQuery> Build(std::string_view user_query) const;

 private:
  const text::Analyzer& analyzer_;
  QueryOptions options_;
  const refs::Recognizer* recognizer_;
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_QUERY_H_
