#include "search/query.h"

#include <xapian.h>

#include "indexer/refs/recognizer.h"
#include "indexer/schema.h"

namespace vankien::search {
namespace {

struct Segment {
  std::string_view text;
  bool phrase = false;
};

// Splits on double quotes (ASCII and typographic); odd segments are phrases.
std::vector<Segment> SplitQuotes(std::string_view q) {
  std::vector<Segment> out;
  bool phrase = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < q.size();) {
    std::size_t quote_len = 0;
    if (q[i] == '"') {
      quote_len = 1;
    } else if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) {
      quote_len = 3;  // “ ”
    }
    if (quote_len == 0) {
      ++i;
      continue;
    }
    out.push_back({q.substr(start, i - start), phrase});
    phrase = !phrase;
    i += quote_len;
    start = i;
  }
  out.push_back({q.substr(start), phrase});
  return out;
}

}  // namespace

std::string ParsedQuery::Description() const { return query_->get_description(); }

QueryBuilder::QueryBuilder(const text::Analyzer& analyzer, QueryOptions options,
                           const refs::Recognizer* recognizer)
    : analyzer_(analyzer), options_(options), recognizer_(recognizer) {}

Result<ParsedQuery> QueryBuilder::Build(std::string_view user_query) const {
  if (user_query.size() > options_.max_query_bytes) {
    return Status::InvalidArgument("query is " + std::to_string(user_query.size()) +
                                   " bytes long; the limit is " +
                                   std::to_string(options_.max_query_bytes) +
                                   " bytes: shorten it to the words that matter");
  }
  ParsedQuery parsed;
  std::vector<Xapian::Query> words;
  std::vector<Xapian::Query> phrases;
  std::vector<Xapian::Query> references;
  std::size_t used = 0;

  // Document references first; their text is then blanked so its pieces ("21", "nq", "tw")
  // do not also count as words.
  std::string rest(user_query);
  if (recognizer_ != nullptr) {
    for (const refs::Mention& m : recognizer_->Find(user_query)) {
      const std::string symbol = m.resolved_symbol.empty() ? m.Canonical() : m.resolved_symbol;
      if (symbol.empty()) continue;
      const std::string key = m.Key();
      std::vector<Xapian::Query> any = {
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(std::string(schema::kRefPrefix) + symbol), options_.citing_weight),
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(std::string(schema::kOwnSymbolPrefix) + symbol), options_.own_weight)};
      if (key != symbol && m.resolved_symbol.empty()) {
        // The term or year was given: documents citing exactly that one score more.
        any.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(std::string(schema::kRefKeyPrefix) + key), options_.citing_weight);
        any.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(std::string(schema::kOwnKeyPrefix) + key), options_.own_weight);
      }
      references.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
      parsed.references_.push_back(symbol);
      for (const text::Token& t : analyzer_.Analyze(m.surface).tokens) parsed.highlight_terms_.push_back(t.folded);
      std::fill(rest.begin() + m.byte_start, rest.begin() + m.byte_end, ' ');
    }
  }

  auto word_query = [&](const text::Token& t) {
    Xapian::Query folded(std::string(schema::kFoldedPrefix) + t.folded);
    if (!t.HasMarks()) return folded;
    Xapian::Query exact(std::string(schema::kExactPrefix) + t.exact);
    if (options_.folded_weight_for_marked <= 0) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, folded,
                                       options_.folded_weight_for_marked));
  };

  for (const Segment& segment : SplitQuotes(rest)) {
    const text::Analysis analysis = analyzer_.Analyze(segment.text);
    std::vector<const text::Token*> tokens;
    for (const text::Token& t : analysis.tokens) {
      if (t.folded.size() > schema::kMaxTermBytes || t.exact.size() > schema::kMaxTermBytes) {
        continue;
      }
      if (used >= options_.max_words) {
        ++parsed.dropped_words_;
        continue;
      }
      ++used;
      tokens.push_back(&t);
      parsed.highlight_terms_.push_back(t.folded);
    }
    if (tokens.empty()) continue;
    if (!segment.phrase || tokens.size() == 1) {
      for (const text::Token* t : tokens) {
        (segment.phrase ? phrases : words).push_back(word_query(*t));
      }
      continue;
    }
    // A phrase runs on folded positions; words typed with marks must also match exactly.
    std::vector<Xapian::Query> folded, exact;
    for (const text::Token* t : tokens) {
      folded.emplace_back(std::string(schema::kFoldedPrefix) + t->folded);
      if (t->HasMarks()) exact.emplace_back(std::string(schema::kExactPrefix) + t->exact);
    }
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(), folded.size());
    if (!exact.empty()) {
      phrase = Xapian::Query(Xapian::Query::OP_FILTER, phrase,
                             Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
    }
    phrases.push_back(std::move(phrase));
  }

  if (words.empty() && phrases.empty() && references.empty()) {
    if (user_query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Status::InvalidArgument("empty query: type one or more words to search for");
    }
    return Status::InvalidArgument("the query has no word to search for (only punctuation or "
                                   "symbols): type letters or numbers");
  }
  words.insert(words.end(), references.begin(), references.end());
  Xapian::Query ranked(Xapian::Query::OP_OR, words.begin(), words.end());
  Xapian::Query query;
  if (phrases.empty()) {
    query = ranked;
  } else {
    query = Xapian::Query(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    if (!words.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, ranked);
  }
  parsed.query_ = std::make_shared<const Xapian::Query>(std::move(query));
  return parsed;
}

}  // namespace vankien::search
