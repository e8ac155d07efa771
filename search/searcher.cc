#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include "indexer/schema.h"
#include "indexer/stored_document.h"
#include "indexer/terms.h"
#include "search/internal/searcher_impl.h"
#include "search/suggest.h"

namespace vankien::search {
namespace {

// BM25 k1 = 0.7, b = 0.75, tuned on all six dev sets at once (README "Ranking"): a lower k1
// stops a common word repeated in a short text from outweighing the rarer words, and b = 0.75
// normalises long documents more than Xapian's 0.5 (vicov19's long answers gained most).
Xapian::BM25Weight MakeWeight() { return Xapian::BM25Weight(0.7, 0, 1, 0.75, 0.5); }

}  // namespace

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& dir,
                                                 const text::Analyzer& analyzer,
                                                 QueryOptions query_options, OpenOptions open_options) {
  auto opened = OpenForReading(dir, open_options);
  if (!opened.ok()) return opened.status();
  query_options.positional_phrases = opened->index.db.has_positions();
  return std::unique_ptr<Searcher>(new Searcher(std::make_unique<Impl>(
      dir, std::move(opened->index), open_options, analyzer, query_options, std::move(opened->registry))));
}

namespace {

// Matches examined at least, so that the estimated total is the same on every page up to this
// depth (and exact for smaller results).
constexpr Xapian::doccount kStableTotalCheck = 1000;

// Thrown out of a match from inside Xapian (by StopDecider) and caught in Search.
struct MatchStopped {
  bool cancelled;  // else the deadline passed
};

// Xapian has no way to end a match at a deadline (Enquire::set_time_limit only turns
// check_at_least off), but it calls a MatchDecider for candidate documents and lets its
// exceptions through: this one accepts every document and, every kEvery calls, throws
// MatchStopped once the deadline has passed or `cancel` is set.
class StopDecider : public Xapian::MatchDecider {
 public:
  StopDecider(double seconds, const std::atomic<bool>* cancel)
      : deadline_(seconds > 0 ? std::chrono::steady_clock::now() +
                                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(seconds))
                              : std::chrono::steady_clock::time_point::max()),
        cancel_(cancel) {}
  bool operator()(const Xapian::Document&) const override {
    if (++calls_ % kEvery != 0) return true;
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) throw MatchStopped{true};
    if (std::chrono::steady_clock::now() >= deadline_) throw MatchStopped{false};
    return true;
  }

 private:
  static constexpr unsigned kEvery = 256;
  const std::chrono::steady_clock::time_point deadline_;
  const std::atomic<bool>* cancel_;
  mutable unsigned calls_ = 0;
};
// Values listed per facet, most frequent first.
constexpr std::size_t kMaxFacetValues = 50;
// Documents whose text the "did you mean" looks at, and how much of each.
constexpr std::size_t kSuggestDocuments = 20;
constexpr std::size_t kSuggestTextBytes = 64 * 1024;

struct FacetSlot {
  const char* name;
  unsigned slot;
};
constexpr FacetSlot kFacetSlots[] = {{"kind", schema::kKindSlot},
                                     {"year", schema::kYearSlot},
                                     {"issuer", schema::kIssuerSlot},
                                     {"term", schema::kTermSlot},
                                     {"source", schema::kSourceSlot}};

Facet ReadFacet(const char* name, const Xapian::ValueCountMatchSpy& spy) {
  Facet facet{name, {}};
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if ((*it).empty()) continue;
    facet.values.push_back({*it, static_cast<std::size_t>(it.get_termfreq())});
  }
  const bool by_value = std::string_view(name) == "year";  // years newest first
  std::stable_sort(facet.values.begin(), facet.values.end(), [&](const FacetCount& a, const FacetCount& b) {
    if (by_value) return a.value > b.value;
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (facet.values.size() > kMaxFacetValues) facet.values.resize(kMaxFacetValues);
  return facet;
}

}  // namespace

// "Did you mean": typos first (a word the archive never uses), then missing diacritics.
std::string Searcher::Impl::Suggest(std::string_view query, const ParsedQuery& parsed,
                                    const Xapian::MSet& mset, const Filters& filters) {
  const std::vector<text::Token>& words = parsed.words();
  if (words.empty()) return "";
  std::map<std::string, std::string> replacements;
  const FoldedFrequency frequency = [&](const std::string& folded) -> std::size_t {
    return db.get_termfreq(terms::Folded(folded));
  };
  bool marked = false;
  for (const text::Token& t : words) {
    marked = marked || t.HasMarks();
    if (replacements.count(t.folded) || frequency(t.folded) > 0) continue;
    const std::string fixed = CorrectTypo(t.folded, frequency);
    if (!fixed.empty()) replacements[t.folded] = fixed;
  }
  std::string corrected = replacements.empty() ? std::string(query) : RewriteQuery(analyzer, query, replacements);
  if (marked && replacements.empty()) return "";

  // Unaccented: the accented forms the best documents use. After a typo fix, the documents
  // of the corrected query.
  std::vector<std::string> texts;
  auto collect = [&](const Xapian::MSet& m) {
    for (auto it = m.begin(); it != m.end() && texts.size() < kSuggestDocuments; ++it) {
      Document d = DecodeStoredDocument(it.get_document().get_data()).doc;
      texts.push_back(d.title + "\n" + d.text.substr(0, kSuggestTextBytes));
    }
  };
  std::vector<std::string> folded;
  if (replacements.empty()) {
    collect(mset);
    for (const text::Token& t : words) folded.push_back(t.folded);
  } else {
    auto reparsed = builder->Build(corrected, filters);
    if (!reparsed.ok()) return corrected;
    Xapian::Enquire enquire(db);
    enquire.set_query(reparsed->xapian_query());
    enquire.set_weighting_scheme(MakeWeight());
    collect(enquire.get_mset(0, kSuggestDocuments));
    for (const text::Token& t : reparsed->words()) folded.push_back(t.folded);
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const std::vector<std::string> restored = RestoreMarks(analyzer, folded, views);
  std::map<std::string, std::string> marks;
  // A query typed with marks keeps them: only the words a typo fix rewrote get marks.
  auto corrected_word = [&](const std::string& w) {
    for (const auto& [typo, fix] : replacements) {
      if (fix == w) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (restored[i] != folded[i] && (!marked || corrected_word(folded[i]))) {
      marks.emplace(folded[i], restored[i]);
    }
  }
  if (marks.empty()) return replacements.empty() ? "" : corrected;
  const std::string suggestion = RewriteQuery(analyzer, corrected, marks);
  return suggestion == query ? "" : suggestion;
}

Result<SearchResponse> Searcher::Search(std::string_view query, const SearchOptions& options) {
  if (options.offset > SearchOptions::kMaxOffset) {
    return Status::InvalidArgument("offset " + std::to_string(options.offset) +
                                   " is beyond the deepest page (" +
                                   std::to_string(SearchOptions::kMaxOffset) + "); refine the query");
  }
  const std::size_t limit = std::min(options.limit, SearchOptions::kMaxLimit);
  return impl_->ReadWithReopen("search", [&]() -> Result<SearchResponse> {
    // Built inside the read: the builder reads term frequencies, and a commit that discards
    // this revision during those reads must reopen and rebuild like any other read.
    auto parsed = impl_->builder->Build(query, options.filters);
    if (!parsed.ok()) return parsed.status();
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(parsed->xapian_query());
    enquire.set_weighting_scheme(MakeWeight());
    // A query that only filters has no relevance to sort by: newest first.
    SortOrder sort = options.sort;
    if (sort == SortOrder::kRelevance && parsed->filter_only()) sort = SortOrder::kNewest;
    Xapian::MultiValueKeyMaker by_date;
    if (sort != SortOrder::kRelevance) {
      // Undated documents go last either way. Remote shards cannot sort by a KeyMaker: there
      // the plain value order puts them last for newest first, but first for oldest first.
      const bool newest = sort == SortOrder::kNewest;
      if (impl_->remote) {
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, newest);
      } else {
        by_date.add_value(schema::kDateSlot, newest, newest ? "" : "\xFF");
        enquire.set_sort_by_key_then_relevance(&by_date, false);
      }
    }
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    if (options.facets) {
      for (const FacetSlot& f : kFacetSlots) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
        enquire.add_matchspy(spies.back().get());
      }
    }
    const Xapian::doccount wanted = static_cast<Xapian::doccount>(options.offset + limit);
    // Facet counts must cover every match; otherwise check enough for a stable total.
    const Xapian::doccount check = options.facets ? impl_->db.get_doccount()
                                                  : std::max(wanted, kStableTotalCheck);
    const bool bounded = !impl_->remote && (options.time_limit > 0 || options.cancel != nullptr);
    if (bounded && options.time_limit > 0) enquire.set_time_limit(options.time_limit);
    const StopDecider stop(options.time_limit, options.cancel);
    Xapian::MSet mset;
    try {
      mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                              static_cast<Xapian::doccount>(limit), check, nullptr,
                              bounded ? &stop : nullptr);
    } catch (const MatchStopped& stopped) {
      if (stopped.cancelled) return Status::Unavailable("the search was stopped: the server is shutting down");
      char secs[32];
      std::snprintf(secs, sizeof secs, "%g", options.time_limit);
      return Status::ResourceExhausted(std::string("the search took longer than its limit of ") + secs +
                                       " s and was stopped; narrow the query (fewer words, "
                                       "values or years) or add filters");
    }
    SearchResponse response;
    response.total = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    response.dropped_words = parsed->dropped_words();
    response.notices = parsed->notices();
    response.references = parsed->readings();
    response.missing_shards = impl_->missing_shards;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      response.hits.push_back(impl_->MakeHit(it.get_document(), it.get_weight(),
                                             options.snippets ? &parsed->highlight_terms() : nullptr));
    }
    for (std::size_t i = 0; i < spies.size(); ++i) {
      response.facets.push_back(ReadFacet(kFacetSlots[i].name, *spies[i]));
    }
    if (options.suggest) {
      if (options.offset == 0 && sort == SortOrder::kRelevance) {
        response.suggestion = impl_->Suggest(query, *parsed, mset, options.filters);
      } else {  // the page shown is not the best matches: fetch those
        Xapian::Enquire best(impl_->db);
        best.set_query(parsed->xapian_query());
        best.set_weighting_scheme(MakeWeight());
        response.suggestion = impl_->Suggest(query, *parsed, best.get_mset(0, kSuggestDocuments), options.filters);
      }
    }
    return response;
  });
}

Result<Document> Searcher::Get(std::string_view id) {
  auto stored = GetStored(id);
  if (!stored.ok()) return stored.status();
  return std::move(stored->doc);
}

Result<StoredDocument> Searcher::GetStored(std::string_view id) {
  return impl_->ReadWithReopen("reading a document", [&]() -> Result<StoredDocument> {
    const std::string term = terms::Id(id);
    Xapian::PostingIterator p = impl_->db.postlist_begin(term);
    // The id may have been committed since this searcher moved to a revision: NotFound is
    // said of the newest one.
    if (p == impl_->db.postlist_end(term)) {
      if (Status st = impl_->MoveToNewest(); !st.ok()) return st;
      p = impl_->db.postlist_begin(term);
    }
    if (p == impl_->db.postlist_end(term)) {
      return Status::NotFound("no document with id \"" + std::string(id) + "\" in " + impl_->dir);
    }
    return DecodeStoredDocument(impl_->db.get_document(*p).get_data());
  });
}

const refs::Registry& Searcher::registry() const { return impl_->registry; }

Result<IndexStats> Searcher::Stats() {
  return impl_->ReadWithReopen("reading statistics", [&]() -> Result<IndexStats> {
    IndexStats stats;
    stats.documents = impl_->db.get_doccount();
    stats.average_length = impl_->db.get_avlength();
    stats.last_indexed = impl_->db.get_metadata(std::string(schema::kMetaLastIndexed));
    for (auto t = impl_->db.allterms_begin(); t != impl_->db.allterms_end(); ++t) {
      ++stats.distinct_terms;
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(impl_->dir, ec)) {
      if (entry.is_regular_file(ec)) stats.bytes_on_disk += entry.file_size(ec);
    }
    return stats;
  });
}

}  // namespace vankien::search
