// Internal (includes <xapian.h>): Searcher's internals, shared by searcher.cc and reference.cc.
#ifndef VANKIEN_SEARCH_INTERNAL_SEARCHER_IMPL_H_
#define VANKIEN_SEARCH_INTERNAL_SEARCHER_IMPL_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/schema.h"
#include "indexer/stored_document.h"
#include "search/internal/index_reader.h"
#include "search/reference_reader.h"
#include "search/searcher.h"

namespace vankien::search {

// The reference terms of a database, for the ReferenceReader. A read that fails (the database
// moved on under it) answers nothing: the number is then left as words, and the search that
// follows reopens the database.
class DatabaseReferenceIndex : public ReferenceIndex {
 public:
  explicit DatabaseReferenceIndex(const Xapian::Database& db) : db_(db) {}

  std::size_t Documents(const std::vector<std::string>& terms) const override {
    try {
      if (terms.size() == 1) return db_.get_termfreq(terms.front());
      std::vector<std::string> present;
      for (const std::string& t : terms) {
        if (db_.term_exists(t)) present.push_back(t);
      }
      if (present.empty()) return 0;
      if (present.size() == 1) return db_.get_termfreq(present.front());
      const std::vector<Xapian::Query> any(present.begin(), present.end());
      Xapian::Enquire enquire(db_);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
    } catch (const Xapian::Error&) {
      return 0;
    }
  }

  std::vector<std::string> TermsStartingWith(const std::string& prefix, std::size_t limit) const override {
    std::vector<std::string> out;
    try {
      for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && out.size() < limit; ++t) {
        out.push_back(*t);
      }
    } catch (const Xapian::Error&) {
      out.clear();
    }
    return out;
  }

 private:
  const Xapian::Database& db_;
};

// Frequencies of `db` for the QueryBuilder. Errors propagate: the builder runs inside
// ReadWithReopen, which reopens and rebuilds when a commit discards the revision. (Swallowing
// them left the handle half-moved, and the match then read documents as missing.)
class DatabaseTermStatistics : public TermStatistics {
 public:
  explicit DatabaseTermStatistics(const Xapian::Database& db) : db_(db) {}
  std::size_t DocumentCount() const override { return db_.get_doccount(); }
  std::size_t TermFrequency(const std::string& term) const override { return db_.get_termfreq(term); }

 private:
  const Xapian::Database& db_;
};

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
  OpenOptions open_options;
  std::vector<std::string> missing_shards;  // left out of `db` (allow_partial)
  bool remote = false;  // some shards are remote: no KeyMaker (Xapian's remote protocol lacks it)
  const text::Analyzer& analyzer;
  refs::Registry registry;
  refs::Recognizer recognizer;  // resolves informal references through `registry`
  DatabaseReferenceIndex reference_index;  // over `db`, which MoveToNewest replaces in place
  ReferenceReader reader;                  // partial numbers through `registry` and `db`
  DatabaseTermStatistics term_statistics;  // over `db`, for pair weights
  std::unique_ptr<QueryBuilder> builder;

  Impl(std::string d, OpenedIndex opened, OpenOptions o, const text::Analyzer& a, QueryOptions q,
       refs::Registry r)
      : dir(std::move(d)), db(std::move(opened.db)), open_options(o), missing_shards(std::move(opened.missing)), remote(opened.remote),
        analyzer(a), registry(std::move(r)),
        recognizer(&registry), reference_index(db), reader(recognizer, &registry, &reference_index),
        term_statistics(db),
        builder(std::make_unique<QueryBuilder>(a, q, &recognizer, &reader, &term_statistics)) {}

  // Runs `read` (which returns a Result) against the database. A writer that commits while we
  // read makes Xapian discard our revision (DatabaseModifiedError, or under load a read error
  // from a replaced block): move to the newest revision and read again, a few times, since
  // under frequent commits one retry is not always enough. Each attempt reads one revision from
  // start to end, so a search's hits and their data agree. A database error that persists, and
  // any other Xapian error, becomes a Status naming `what` (ReadError: a remote shard that stops
  // answering is Unavailable).
  template <typename Read>
  auto ReadWithReopen(const std::string& what, Read&& read) -> decltype(read()) {
    constexpr int kAttempts = kReadAttempts;
    for (int attempt = 1;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseError& e) {
        if (attempt == kAttempts) {
          return Status::IoError(what + " failed on " + dir + " while it kept changing (" +
                                 e.get_description() + "); try again");
        }
      } catch (const Xapian::NetworkError& e) {
        // A remote shard stopped answering (or timed out): with allow_partial, connect again
        // to every shard and answer from those that are up.
        if (!open_options.allow_partial || attempt == kAttempts) return ReadError(e, dir, what);
        try {
          if (Status st = MoveToNewest(); !st.ok()) return st;
        } catch (const Xapian::Error&) {
          // Could not connect again: the next attempt tries once more.
        }
        continue;
      } catch (const Xapian::Error& e) {
        return ReadError(e, dir, what);
      }
      try {
        if (Status st = MoveToNewest(); !st.ok()) return st;
      } catch (const Xapian::DatabaseError&) {
        // Changed again while opening: `db` is still the handle we had, untouched, and the next
        // attempt opens again if reading through it fails.
      } catch (const Xapian::Error& e) {
        return Status::IoError("cannot reopen " + dir + ": " + e.get_description());
      }
    }
  }

  // Points `db` at the newest revision through a handle of its own, never Xapian's reopen():
  // when a commit discards the revision reopen() is opening, it throws with its version already
  // moved on but only some tables opened, and every later reopen() sees no newer revision and
  // keeps that mix, which reads documents as missing (or crashes). If opening fails, `db` is
  // left as it was.
  Status MoveToNewest() {
    auto opened = OpenNewest(dir, open_options);
    if (!opened.ok()) return opened.status();
    db = std::move(opened->db);
    missing_shards = std::move(opened->missing);
    return Status::Ok();
  }

  // A better spelling of `query` ("did you mean"), or "". `top` holds the best matches of
  // `parsed` by relevance.
  std::string Suggest(std::string_view query, const ParsedQuery& parsed, const Xapian::MSet& top,
                      const Filters& filters);

  // A hit from a matched document; snippets around `highlight` when given.
  Hit MakeHit(const Xapian::Document& doc, double score, const std::vector<std::string>* highlight) const {
    Document d = DecodeStoredDocument(doc.get_data()).doc;
    Hit hit;
    hit.id = std::move(d.id);
    hit.title = std::move(d.title);
    hit.date = std::move(d.date);
    hit.url = std::move(d.url);
    hit.symbol = std::move(d.symbol);
    hit.source = std::move(d.source);
    hit.kind = doc.get_value(schema::kKindSlot);
    hit.issuer = doc.get_value(schema::kIssuerSlot);
    hit.term = doc.get_value(schema::kTermSlot);
    hit.score = score;
    if (highlight != nullptr) hit.snippet = MakeSnippet(analyzer, d.text, *highlight);
    return hit;
  }
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_INTERNAL_SEARCHER_IMPL_H_
