// Searcher: read-only access to a vankien index — ranked search with snippets, fetching a
// stored document by id, and index statistics.
// Thread-safety: not thread-safe (a Xapian::Database is not); use one Searcher per thread.
#ifndef VANKIEN_SEARCH_SEARCHER_H_
#define VANKIEN_SEARCH_SEARCHER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/document.h"
#include "indexer/refs/registry.h"
#include "indexer/stored_document.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "search/snippet.h"
#include "search/validity.h"

namespace vankien::search {

struct SearchOptions {
  std::size_t offset = 0;  // hits to skip (pagination)
  std::size_t limit = 10;  // hits to return, at most kMaxLimit
  bool snippets = true;
  SortOrder sort = SortOrder::kRelevance;
  Filters filters;
  bool facets = false;     // count kind/year/issuer/term/source over all matches
  bool suggest = false;    // compute a "did you mean" query
  // Seconds the match may take (0: no limit). Past it, facet counting stops checking every
  // match (Xapian's Enquire::set_time_limit, which only ends check_at_least) and the match
  // itself is abandoned: Search then fails with kResourceExhausted. Local databases only; a
  // search over remote shards is bounded by their xapian-tcpsrv timeout instead.
  double time_limit = 0;
  // When set and true, the match is abandoned as soon as it is seen (checked with the
  // deadline, every few hundred candidate documents): Search fails with kUnavailable. Lets a
  // shutting-down server stop waiting for a long search. Must outlive the call.
  const std::atomic<bool>* cancel = nullptr;
  static constexpr std::size_t kMaxLimit = 1000;
  static constexpr std::size_t kMaxOffset = 100000;
};

struct Hit {
  std::string id;
  std::string title;
  std::string date;
  std::string url;
  std::string kind;    // type code of an official document ("NQ"), or "article"
  std::string symbol;  // the document's own canonical symbol, when it has one
  std::string issuer, term, source;
  double score = 0;
  Snippet snippet;  // empty when SearchOptions::snippets is false
};

// One facet value and how many matching documents have it.
struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

// A facet: "kind", "year", "issuer", "term" or "source"; values by descending count (years
// newest first).
struct Facet {
  std::string name;
  std::vector<FacetCount> values;
};

struct SearchResponse {
  std::size_t total = 0;  // matching documents (exact when facets are asked for)
  // False when `total` is Xapian's estimate (lower and upper bounds differ): show it as "about".
  bool total_exact = true;
  std::vector<Hit> hits;
  std::size_t dropped_words = 0;  // query words beyond the limit, ignored
  std::vector<Facet> facets;      // when SearchOptions::facets
  std::string suggestion;         // a better query ("did you mean"), empty when none
  std::vector<std::string> notices;  // how the query was read, for the user (unknown field…)
  // The document numbers of the query and what each may name, best first (ParsedQuery::readings).
  std::vector<ReferenceReading> references;
  // Shards that could not be searched ("SHARD: why"), with OpenOptions::allow_partial: the
  // answer covers only the others.
  std::vector<std::string> missing_shards;
};

struct IndexStats {
  std::size_t documents = 0;
  std::size_t distinct_terms = 0;  // in all term spaces (exact, folded, ids)
  double average_length = 0;       // words per document
  std::uint64_t bytes_on_disk = 0;
  std::string last_indexed;  // ISO 8601 UTC, empty if never committed by vankien
};

// One place a document cites a reference: the sentence around the mention.
struct Citation {
  std::string id, title, date;
  std::string surface;  // the mention as written
  std::string context;  // the sentence around it (valid UTF-8)
};

// Citations of one document: its key says which term or year the citing text gave ("" when
// it gave none); when a number repeats across terms the groups are kept apart.
struct CitationGroup {
  std::string key;
  std::vector<Citation> citations;
};

// What `vankien ref` shows for a document number.
struct ReferenceReport {
  std::string symbol;       // canonical symbol ("21-NQ/TW")
  std::string key;          // with the term or year when the request gave one
  std::vector<refs::Registry::Entry> facts;  // registry entries for the symbol (one per term)
  std::vector<Hit> documents;                // the document itself when the archive holds it
  // Citing documents, newest first within a group. A document is never its own citer, and is
  // in one group only when it names one term: a mention without the term joins the term the same
  // document gives.
  std::vector<CitationGroup> groups;
  std::size_t citing_documents = 0;
  // How a partial request was read ("Nghị định 30/2020" read as 30/2020/NĐ-CP …), and every
  // document it may name, best first; `symbol` is candidates[0]'s. Empty for a complete number.
  std::vector<std::string> notices;
  std::vector<ReferenceCandidate> candidates;
};

// How a sharded index (indexer/shard_layout.h) is opened.
struct OpenOptions {
  // How long a remote shard may take to accept the connection and to answer each request.
  unsigned remote_timeout_ms = 5000;
  // When some shards cannot be opened (or a remote one stops answering), answer from the others
  // and list the missing ones (SearchResponse::missing_shards) instead of failing.
  bool allow_partial = false;
};

class Searcher {
 public:
  // Opens the index in `dir` read-only: one database, or all its shards as one. `analyzer`
  // must outlive the searcher. Fails with a message naming `dir` (or the shard) when it is not
  // a readable vankien index: NotFound (no such directory, or no index in it), Unavailable (a
  // remote shard is down), FailedPrecondition (a schema newer than this build, a format Xapian
  // cannot read), Corrupt (damaged), IoError (otherwise).
  static Result<std::unique_ptr<Searcher>> Open(const std::string& dir,
                                                const text::Analyzer& analyzer,
                                                QueryOptions query_options = {},
                                                OpenOptions open_options = {});
  ~Searcher();

  // Runs `query` (see QueryBuilder for the syntax). Bad queries give InvalidArgument with a
  // message for the user; never throws.
  Result<SearchResponse> Search(std::string_view query, const SearchOptions& options = {});

  // The stored document with this id, or NotFound.
  Result<Document> Get(std::string_view id);
  // The same with the reference mentions the indexer found in its text and stored (byte offsets
  // into doc.text), so that a caller shows them without running the recognizer again.
  Result<StoredDocument> GetStored(std::string_view id);

  Result<IndexStats> Stats();

  // The lược đồ and validity (search/validity.h) of the document with canonical `symbol` (or
  // "Luật <Tên> <year>"): what other documents of the archive state about it (from the XREL:
  // terms, at most 100 per relation type) and, when `own` is the document's stored data (the
  // archive holds it; else nullptr), what it states about others and its own dates. `today`
  // ("YYYY-MM-DD", default the current UTC date) decides whether expires_on has passed.
  // An empty `symbol` gives no incoming edges.
  Result<DocumentRelationsReport> Relations(std::string_view symbol, const StoredDocument* own,
                                            std::string_view today = "");

  // The document named by `reference` (any spelling: "KL 21/TW", "21-NQ/TW khóa XIII",
  // "Nghị quyết Trung ương 4 khóa XII"; partial ones, "Nghị định 30/2020", "NĐ 30/2020",
  // "Chỉ thị 16", "NQTW 4", are read as their best candidate, with a notice and the others), its
  // registry facts and every document that cites it, with the sentence around each mention.
  // InvalidArgument when `reference` names no document.
  Result<ReferenceReport> Reference(std::string_view reference, std::size_t max_citing = 200);

  // The index's registry of known documents.
  const refs::Registry& registry() const;

 private:
  struct Impl;  // search/internal/searcher_impl.h
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_SEARCHER_H_
