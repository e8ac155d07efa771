#include "search/query.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>

#include "indexer/refs/recognizer.h"
#include "indexer/terms.h"
#include "search/internal/query_filters.h"
#include "search/query_syntax.h"
#include "search/synonyms.h"

namespace vankien::search {
namespace {

Xapian::Query Scaled(Xapian::Query q, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, std::move(q), factor);
}

Xapian::Query Folded(std::string_view folded) { return Xapian::Query(terms::Folded(folded)); }

Xapian::Query Pair(std::string_view a, std::string_view b) { return Xapian::Query(terms::Pair(a, b)); }

Xapian::Query Exact(std::string_view exact) { return Xapian::Query(terms::Exact(exact)); }

// The syllables of an expansion ("uy ban nhan dan") as pair terms, all required: a cheap
// stand-in for the phrase that needs no positions.
Xapian::Query ExpansionQuery(std::string_view expansion) {
  std::vector<std::string_view> syllables;
  std::size_t start = 0;
  while (start < expansion.size()) {
    std::size_t space = expansion.find(' ', start);
    if (space == std::string_view::npos) space = expansion.size();
    syllables.push_back(expansion.substr(start, space - start));
    start = space + 1;
  }
  if (syllables.size() == 1) return Folded(syllables.front());
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < syllables.size(); ++i) pairs.push_back(Pair(syllables[i], syllables[i + 1]));
  return Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end());
}

// `parts` joined by `op`; nested queries with the same AND/OR operator are flattened, so that
// "a (b c)" reads as one OR.
Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts.front();
  std::vector<Xapian::Query> flat;
  for (const Xapian::Query& p : parts) {
    if ((op == Xapian::Query::OP_OR || op == Xapian::Query::OP_AND) && p.get_type() == op) {
      for (std::size_t i = 0; i < p.get_num_subqueries(); ++i) flat.push_back(p.get_subquery(i));
    } else {
      flat.push_back(p);
    }
  }
  return Xapian::Query(op, flat.begin(), flat.end());
}

}  // namespace

// One Build's worth of state: walks the syntax tree into a Xapian query.
class QueryBuilder::Compiler {
 public:
  Compiler(const QueryBuilder& builder, ParsedQuery* out)
      : b_(builder), out_(out), filters_(builder.analyzer_, builder.recognizer_,
                                                builder.reader_ != nullptr ? builder.reader_->index() : nullptr) {}

  // Whether a quoted phrase outside an AND / OR must match. Quotation marks in a question
  // ("Bài hát \"Nơi này có anh\" của ai") quote a name, they do not ask to exclude every
  // document without it: beside free words a phrase only ranks. A query of nothing but
  // phrases and operators has nothing else to rank by, so there its phrases are required.
  void RequirePhrasesUnlessFreeWords(const syntax::Node& root) { phrases_required_ = !HasFreeWords(root); }

  // A compiled node: `query` is empty when the node had nothing searchable; `filter` when it
  // only selects documents (field filters) and must not affect ranking.
  struct Compiled {
    Xapian::Query query;
    bool filter = false;
  };

  Compiled Node(const syntax::Node& node) {
    switch (node.kind) {
      case syntax::Node::Kind::kText: return {Text(node.text), false};
      case syntax::Node::Kind::kPhrase: return {Phrase(node.text), false};
      case syntax::Node::Kind::kField: {
        auto q = filters_.ForField(node.field, node.text);
        if (!q.ok()) {
          if (error_.ok()) error_ = q.status();
          return {};
        }
        return {std::move(q).value(), true};
      }
      case syntax::Node::Kind::kGroup: return Group(node);
    }
    return {};
  }

  const Status& error() const { return error_; }
  const FilterBuilder& filters() const { return filters_; }

 private:
  // True when `node` holds a word that only ranks: plain text, not +required, -excluded or
  // under an AND (whose sides are required whatever they hold). Field values are not words.
  static bool HasFreeWords(const syntax::Node& node, bool required = false) {
    if (node.kind != syntax::Node::Kind::kGroup) return false;
    required = required || node.op == syntax::Node::Op::kAnd;
    for (const syntax::Clause& c : node.clauses) {
      if (c.occur == syntax::Occur::kMustNot) continue;
      const syntax::Node& child = c.node.front();
      if (child.kind == syntax::Node::Kind::kText && c.occur == syntax::Occur::kShould && !required) return true;
      if (HasFreeWords(child, required || c.occur == syntax::Occur::kMust)) return true;
    }
    return false;
  }

  Compiled Group(const syntax::Node& group) {
    std::vector<Xapian::Query> should, must, must_not, filter;
    if (group.op == syntax::Node::Op::kOr) {
      std::vector<Xapian::Query> any;
      bool all_filters = true;
      for (const syntax::Clause& c : group.clauses) {
        Compiled part = Node(c.node.front());
        if (part.query.empty()) continue;
        all_filters = all_filters && part.filter;
        if (c.occur == syntax::Occur::kMustNot) {
          must_not.push_back(std::move(part.query));
        } else {
          any.push_back(std::move(part.query));
        }
      }
      Xapian::Query q = any.empty() ? Xapian::Query() : Combine(Xapian::Query::OP_OR, any);
      if (!must_not.empty()) {
        q = Xapian::Query(Xapian::Query::OP_AND_NOT, q.empty() ? Xapian::Query::MatchAll : q,
                          Combine(Xapian::Query::OP_OR, must_not));
      }
      return {q, all_filters && !any.empty()};
    }
    for (const syntax::Clause& c : group.clauses) {
      const syntax::Node& child = c.node.front();
      const bool preferred_phrase = child.kind == syntax::Node::Kind::kPhrase && c.occur == syntax::Occur::kShould &&
                                    group.op != syntax::Node::Op::kAnd && !phrases_required_;
      Compiled part = preferred_phrase ? Compiled{PreferredPhrase(child.text), false} : Node(child);
      if (part.query.empty()) continue;
      if (c.occur == syntax::Occur::kMustNot) {
        must_not.push_back(std::move(part.query));
      } else if (part.filter) {
        filter.push_back(std::move(part.query));
      } else if (c.occur == syntax::Occur::kMust || group.op == syntax::Node::Op::kAnd ||
                 (child.kind == syntax::Node::Kind::kPhrase && !preferred_phrase)) {
        must.push_back(std::move(part.query));
      } else {
        should.push_back(std::move(part.query));
      }
    }
    Xapian::Query q;
    if (!must.empty()) {
      q = Combine(Xapian::Query::OP_AND, must);
      if (!should.empty()) {
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Combine(Xapian::Query::OP_OR, should));
      }
    } else if (!should.empty()) {
      q = Combine(Xapian::Query::OP_OR, should);
    }
    bool only_filters = false;
    if (!filter.empty()) {
      Xapian::Query f = Combine(Xapian::Query::OP_AND, filter);
      if (q.empty()) {
        q = f;
        only_filters = true;
      } else {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, f);
      }
    }
    if (!must_not.empty()) {
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q.empty() ? Xapian::Query::MatchAll : q,
                        Combine(Xapian::Query::OP_OR, must_not));
    }
    return {q, only_filters};
  }

  // The tokens of `text` that count as words, within the max_words budget.
  std::vector<text::Token> Words(std::string_view text) {
    std::vector<text::Token> kept;
    for (text::Token& t : b_.analyzer_.Analyze(text).tokens) {
      if (!terms::Indexable(t)) continue;  // the writer skipped it too
      if (used_ >= b_.options_.max_words) {
        ++out_->dropped_words_;
        continue;
      }
      ++used_;
      out_->highlight_terms_.push_back(t.folded);
      out_->words_.push_back(t);
      kept.push_back(std::move(t));
    }
    return kept;
  }

  Xapian::Query Word(const text::Token& t) const {
    Xapian::Query folded = Folded(t.folded);
    if (!t.HasMarks()) return folded;
    Xapian::Query exact = Exact(t.exact);
    if (b_.options_.folded_weight_for_marked <= 0) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact, Scaled(folded, b_.options_.folded_weight_for_marked));
  }

  // Free words: each word, each adjacent pair, abbreviations in either direction, and the
  // document numbers among them, whose words stay words too: a number adds its documents and
  // citers to the query and never takes the place of what was typed.
  Xapian::Query Text(std::string_view text, std::vector<text::Token>* words = nullptr) {
    std::vector<Xapian::Query> parts;
    std::vector<ReferenceReading> readings;
    if (b_.reader_ != nullptr) {
      readings = b_.reader_->Read(text);
    } else if (b_.recognizer_ != nullptr) {
      readings = ReferenceReader(*b_.recognizer_).Read(text);
    }
    for (ReferenceReading& r : readings) {
      for (std::size_t i = 0; i < r.meant() && i < r.candidates.size(); ++i) {
        // A partial number's reading is a guess: it weighs less than a number typed in full.
        Xapian::Query q = Reference(r.candidates[i]);
        if (r.kind == ReferenceReading::Kind::kPartial) q = Scaled(std::move(q), b_.options_.partial_reference_weight);
        parts.push_back(std::move(q));
        out_->references_.push_back(r.candidates[i].symbol);
      }
      for (const text::Token& t : b_.analyzer_.Analyze(r.surface).tokens) out_->highlight_terms_.push_back(t.folded);
      if (!r.notice.empty()) out_->notices_.push_back(r.notice);
      out_->readings_.push_back(std::move(r));
    }
    const std::vector<text::Token> tokens = Words(text);
    const QueryOptions& o = b_.options_;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      parts.push_back(Word(tokens[i]));
      // A rare word (a name, a brand, an abbreviation) decides what the question is about:
      // it weighs more than its idf alone gives it against the common words around it.
      if (o.rare_word_boost != 1.0 && b_.stats_ != nullptr) {
        const double n = static_cast<double>(b_.stats_->DocumentCount());
        const double df = static_cast<double>(b_.stats_->TermFrequency(
            tokens[i].HasMarks() ? terms::Exact(tokens[i].exact) : terms::Folded(tokens[i].folded)));
        if (df > 0 && df <= n * o.rare_word_fraction) parts.back() = Scaled(parts.back(), o.rare_word_boost);
      }
      if (o.pair_weight > 0 && i + 1 < tokens.size()) {
        const double w = PairWeight(tokens[i], tokens[i + 1]);
        if (w > 0) parts.push_back(Scaled(Pair(tokens[i].folded, tokens[i + 1].folded), w));
      }
    }
    if (o.synonym_weight > 0) AddSynonyms(tokens, &parts);
    if (words != nullptr) *words = tokens;
    if (parts.empty()) return {};
    return Combine(Xapian::Query::OP_OR, parts);
  }

  // A pair's weight: pair_weight scaled by what the pair says beyond its rarer syllable. A pair
  // as frequent as its syllables ("chủ tịch": "tịch" hardly occurs elsewhere) only repeats the
  // words' evidence and would let a common phrase outweigh the one rare word; a pair much rarer
  // than its syllables is evidence of the word. gain = (idf(pair) - idf(rarer syllable)) /
  // idf(pair), in [0, 1]; weight = pair_weight × (floor + (1 - floor) × gain).
  double PairWeight(const text::Token& a, const text::Token& b) const {
    const QueryOptions& o = b_.options_;
    double w = o.pair_weight;
    const double floor = o.pair_informativeness_floor;
    if (floor < 1.0 && b_.stats_ != nullptr) {
      const double n = static_cast<double>(b_.stats_->DocumentCount());
      const double df_pair = static_cast<double>(b_.stats_->TermFrequency(terms::Pair(a.folded, b.folded)));
      const double df_a = static_cast<double>(b_.stats_->TermFrequency(terms::Folded(a.folded)));
      const double df_b = static_cast<double>(b_.stats_->TermFrequency(terms::Folded(b.folded)));
      if (df_pair > 0 && n > df_pair) {
        const double idf_pair = std::log(n / df_pair);
        const double idf_syl = std::log(n / std::max(1.0, std::min(df_a, df_b)));
        const double gain = std::clamp((idf_pair - idf_syl) / idf_pair, 0.0, 1.0);
        w *= floor + (1 - floor) * gain;
      }
    }
    return w;
  }

  void AddSynonyms(const std::vector<text::Token>& tokens, std::vector<Xapian::Query>* parts) const {
    const double w = b_.options_.synonym_weight;
    for (const Abbreviation& a : Abbreviations()) {
      // The abbreviation typed: also its expansion.
      for (const text::Token& t : tokens) {
        if (t.folded == a.abbreviation) parts->push_back(Scaled(ExpansionQuery(a.expansion), w));
      }
      // The expansion typed, syllable by syllable: also the abbreviation.
      const std::string_view e = a.expansion;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t pos = 0, j = i;
        while (j < tokens.size() && e.compare(pos, tokens[j].folded.size(), tokens[j].folded) == 0) {
          pos += tokens[j].folded.size();
          ++j;
          if (pos == e.size()) break;
          if (e[pos] != ' ') break;
          ++pos;
        }
        if (pos == e.size()) parts->push_back(Scaled(Folded(a.abbreviation), w));
      }
    }
  }

  // The documents that are `c` (own_weight) and those that cite it (citing_weight); by its key
  // too when that says more than the symbol, and by the plenum name it was found through.
  Xapian::Query Reference(const ReferenceCandidate& c) const {
    const QueryOptions& o = b_.options_;
    std::vector<Xapian::Query> any = {Scaled(Xapian::Query(terms::Ref(c.symbol)), o.citing_weight),
                                      Scaled(Xapian::Query(terms::OwnSymbol(c.symbol)), o.own_weight)};
    if (c.key != c.symbol) {
      // The term or year is known: documents citing exactly that one score more.
      any.push_back(Scaled(Xapian::Query(terms::RefKey(c.key)), o.citing_weight));
      any.push_back(Scaled(Xapian::Query(terms::OwnKey(c.key)), o.own_weight));
    }
    if (!c.descriptive.empty() && c.descriptive != c.symbol) {
      any.push_back(Scaled(Xapian::Query(terms::Ref(c.descriptive)), o.citing_weight));
    }
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
  }

  // A phrase: with positions in the index, its words in order at consecutive positions;
  // without, its words with each adjacent pair adjacent in the document (pair terms), which
  // differs only when the pairs occur apart ("a b" and "b c" but never "a b c"). Words typed
  // with marks must also match exactly.
  Xapian::Query Phrase(std::string_view text) { return PhraseOf(Words(text)); }

  Xapian::Query PhraseOf(const std::vector<text::Token>& tokens) const {
    if (tokens.empty()) return {};
    if (tokens.size() == 1) return Word(tokens.front());
    std::vector<Xapian::Query> folded, words_and_pairs, exact;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const text::Token& t = tokens[i];
      folded.push_back(Folded(t.folded));
      words_and_pairs.push_back(folded.back());
      if (i + 1 < tokens.size()) words_and_pairs.push_back(Pair(t.folded, tokens[i + 1].folded));
      if (t.HasMarks()) exact.push_back(Exact(t.exact));
    }
    const Xapian::Query phrase =
        b_.options_.positional_phrases
            ? Xapian::Query(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(), folded.size())
            : Xapian::Query(Xapian::Query::OP_AND, words_and_pairs.begin(), words_and_pairs.end());
    if (exact.empty()) return phrase;
    return Xapian::Query(Xapian::Query::OP_FILTER, phrase, Combine(Xapian::Query::OP_AND, exact));
  }

  // A phrase that ranks without being required: its words as free words (with their pairs),
  // and the whole phrase once more at phrase_preference, so that documents holding it come
  // first and documents holding only some of its words are still found.
  Xapian::Query PreferredPhrase(std::string_view text) {
    std::vector<text::Token> tokens;
    Xapian::Query words = Text(text, &tokens);
    const double preference = b_.options_.phrase_preference;
    if (words.empty() || tokens.size() < 2 || preference <= 0) return words;
    return Xapian::Query(Xapian::Query::OP_OR, words, Scaled(PhraseOf(tokens), preference));
  }

  const QueryBuilder& b_;
  ParsedQuery* out_;
  FilterBuilder filters_;
  bool phrases_required_ = true;
  std::size_t used_ = 0;
  Status error_;
};

std::string ParsedQuery::Description() const { return query_->get_description(); }

QueryBuilder::QueryBuilder(const text::Analyzer& analyzer, QueryOptions options,
                           const refs::Recognizer* recognizer, const ReferenceReader* reader,
                           const TermStatistics* stats)
    : analyzer_(analyzer), options_(options), recognizer_(recognizer), reader_(reader), stats_(stats) {}

Result<ParsedQuery> QueryBuilder::Build(std::string_view user_query, const Filters& filters) const {
  if (user_query.size() > options_.max_query_bytes) {
    return Status::InvalidArgument("query is " + std::to_string(user_query.size()) +
                                   " bytes long; the limit is " +
                                   std::to_string(options_.max_query_bytes) +
                                   " bytes: shorten it to the words that matter");
  }
  ParsedQuery parsed;
  syntax::ParsedSyntax tree = syntax::Parse(user_query);
  parsed.notices_ = std::move(tree.notices);
  Compiler compiler(*this, &parsed);
  compiler.RequirePhrasesUnlessFreeWords(tree.root);
  Compiler::Compiled compiled = compiler.Node(tree.root);
  if (!compiler.error().ok()) return compiler.error();
  auto extra = compiler.filters().ForFilters(filters);
  if (!extra.ok()) return extra.status();

  Xapian::Query query = std::move(compiled.query);
  bool filter_only = compiled.filter;
  if (!extra->empty()) {
    if (query.empty()) {
      query = *extra;
      filter_only = true;
    } else {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, *extra);
    }
  }
  if (query.empty()) {
    if (user_query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Status::InvalidArgument("empty query: type one or more words to search for");
    }
    return Status::InvalidArgument("the query has no word to search for (only punctuation, "
                                   "symbols or operators): type letters or numbers");
  }
  if (query.get_length() > options_.max_terms) {
    return Status::InvalidArgument("the query expands to " + std::to_string(query.get_length()) +
                                   " terms; the limit is " + std::to_string(options_.max_terms) +
                                   ": use fewer filters or values (merge nam: ranges into one)");
  }
  // A pure filter selects without ranking: every document it keeps weighs the same.
  if (filter_only) query = Scaled(query, 0);
  parsed.filter_only_ = filter_only;
  parsed.query_ = std::make_shared<const Xapian::Query>(std::move(query));
  return parsed;
}

}  // namespace vankien::search
