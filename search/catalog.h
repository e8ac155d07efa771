// Catalogue (mục lục) of an archive: one entry per identified document — held by the archive or
// cited by it — with its facts, how often and by whom it is cited, the references nobody could
// identify, and the citation graph. Built from the index's reference terms (schema.h), value
// slots and stored registry; renderers live in search/catalog_format.h.
// Thread-safety: BuildCatalog opens its own read-only database; call it from any thread.
#ifndef VANKIEN_SEARCH_CATALOG_H_
#define VANKIEN_SEARCH_CATALOG_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien::search {

// Where an entry's title came from.
enum class TitleSource {
  kNone,      // no title known
  kDocument,  // the archive's copy of the document (its subject line, else its title)
  kRegistry,  // the registry (which also holds the title of every official document indexed)
  kMentions,  // the most common "về …" phrase written after its mentions in the archive
};
std::string_view TitleSourceName(TitleSource s);  // "", "document", "registry", "mentions"

// A document of the archive that cites an entry, with the sentence around its first mention.
struct CatalogCiter {
  std::string id, title, date;
  std::size_t mentions = 0;  // times this document names the entry (title and text)
  std::string surface;       // the first mention as written ("" when not read)
  std::string context;       // the sentence around it (valid UTF-8; "" when not read)
};

// One identified document.
struct CatalogEntry {
  // Identity: the canonical symbol plus the term or year that tells repeated numbers apart
  // ("21-NQ/TW@XIII", "749/QĐ-TTg@2023"); equal to `symbol` when neither is known, in which
  // case `candidates` lists the keyed entries the mentions may mean when there are several.
  std::string key;
  std::string symbol;  // "21-NQ/TW"
  std::string system;  // "party", "state" or ""
  std::string type;    // type code ("NQ", "QĐ", "NĐ"); "" when the symbol does not say
  std::string type_name;    // "Nghị quyết"
  std::string number;       // "21"
  std::string issuer;       // issuer code from the symbol ("TW", "CP")
  std::string issuer_name;  // "Bộ Chính trị", from the registry or the mentions; may be ""
  std::string date;         // "YYYY-MM-DD", "YYYY-MM", "YYYY" or ""
  std::string term;         // Party khóa ("XIII") or ""
  std::optional<int> plenum;
  std::string title;
  TitleSource title_source = TitleSource::kNone;
  bool in_registry = false;
  std::vector<std::string> held_ids;  // the archive's copies of the document itself
  std::size_t citations = 0;          // mentions in other documents (self-mentions excluded)
  std::size_t citing_documents = 0;   // documents with at least one mention
  std::string first_cited, last_cited;  // dates of the earliest and latest dated citing document
  std::vector<CatalogCiter> top_citing;  // most mentions first, then newest
  std::vector<std::string> candidates;   // see `key`
  // Validity as the archive's relations give it (search/validity.h: "in-force", "replaced",
  // "repealed", "amended", "expired"), by the same rule order, from the XREL: terms of its symbol.
  std::string status = "in-force";

  bool held() const { return !held_ids.empty(); }
};

// A reference the catalogue cannot turn into an entry.
struct UnresolvedReference {
  // "informal": an unnumbered name ("Nghị quyết Trung ương 4 khóa XI", key NQ/TW/HNTW4/XI) the
  //             registry does not resolve (unknown, or several documents of that plenum);
  // "congress": a congress resolution ("Nghị quyết Đại hội XIII", key NQ/ĐH/XIII);
  // "no-issuer": a number whose issuer the text does not give ("Chỉ thị 05"); only found by
  //              CatalogOptions::scan_texts, since the index does not keep them.
  std::string reason;
  std::string name;  // the descriptive key, or "<type noun> <number>" for no-issuer
  std::string type, type_name, term, congress;
  std::optional<int> plenum;
  // Registry documents the name may mean: the symbols of that plenum and term when there are
  // several, or the keys ("04-NQ/TW@XII") of every term's when the name gives no term.
  std::vector<std::string> candidates;
  std::string title;                    // "về …" guessed from the mentions, may be ""
  std::size_t citations = 0, citing_documents = 0;
  std::vector<CatalogCiter> contexts;
};

// A graph edge between entry keys, or from "doc:<id>" nodes (archive documents that are not
// entries, only with CatalogOptions::graph_articles).
struct CatalogEdge {
  std::string from, to;
  // "cites"; "replaces", "amends" (also read from registry titles); "repeals", "guides",
  // "based_on", "implements", "expires" (the relations the indexer extracted, XREL: terms).
  std::string kind;
  std::size_t weight = 1;   // mentions, for "cites"
  std::string evidence;     // id of the document whose text says so (replaces/amends)
};

// A "doc:<id>" graph node.
struct CatalogArticle {
  std::string node, id, title, date;
};

struct CatalogStats {
  std::size_t documents = 0;          // in the index
  std::size_t citing_documents = 0;   // documents citing at least one entry
  std::size_t mentions = 0;           // counted mentions of entries
  std::size_t entries_before_filters = 0;
  std::size_t documents_read = 0;     // stored documents decoded (top citers, held documents)
  bool read_limit_reached = false;    // CatalogOptions::max_document_reads stopped reading
  double seconds = 0;
};

struct Catalog {
  std::string database;      // the directory
  std::string last_indexed;  // of the index (ISO 8601), "" if unknown
  std::vector<CatalogEntry> entries;
  std::vector<UnresolvedReference> unresolved;
  std::vector<CatalogEdge> edges;        // only with CatalogOptions::graph
  std::vector<CatalogArticle> articles;  // only with CatalogOptions::graph_articles
  CatalogStats stats;
  std::vector<std::string> notes;  // what the reader should know (limits reached, etc.)
};

enum class CatalogSort { kType, kCitations, kDate, kSymbol };

struct CatalogOptions {
  // Filters, AND-ed; empty means any. Dates compare as "YYYY[-MM[-DD]]" prefixes; an entry
  // whose date is unknown is left out when a date filter is given.
  // As a person types them, read as search filters read them (search/query.h Filters): types
  // as codes or names ("NQ", "qd", "nghi-quyet"), issuer as a code or name ("TW", "TƯ"), term
  // in Roman or Arabic numerals ("XIII", "13"), dates as "2020", "6/2020", "30/6/2020" or ISO.
  // BuildCatalog refuses a value that means nothing (InvalidArgument, with what to write).
  std::vector<std::string> types;
  std::string issuer;
  std::string term;
  std::string from, to;
  std::size_t min_citations = 0;   // on CatalogEntry::citations
  // kType: type (Party resolution, conclusion, directive, regulation … then state documents),
  // then date, then number. kCitations: most cited first. kDate: oldest first. kSymbol.
  CatalogSort sort = CatalogSort::kType;
  std::size_t limit = 0;  // at most this many entries after sorting; 0 = all

  std::size_t top_citing = 3;  // citers listed per entry (their stored data is read)
  std::size_t title_sample = 5;  // citers read per untitled entry to find a "về …" title
  std::size_t contexts = 3;      // contexts per unresolved reference
  // Upper bound on stored documents decoded in all; past it entries keep their counts but
  // lose citer titles/contexts, and a note says so.
  std::size_t max_document_reads = 50000;

  bool graph = false;           // compute `edges`
  bool graph_articles = false;  // also citing documents that are not entries, as nodes
  // Re-run the recognizer over every stored text to list numbers without an issuer (slow:
  // reads the whole archive; the index does not keep such mentions).
  bool scan_texts = false;

  // Called now and then with a stage name and progress (done of total, total 0 if unknown).
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

// Builds the catalogue of the vankien index in `dir`, opened read-only (search/internal/
// index_reader.h, as the Searcher opens it). Errors: NotFound when `dir` holds no index,
// FailedPrecondition when its schema is older than 3 or newer than this build's, Corrupt when
// it is damaged or its stored registry does not parse, InvalidArgument for a bad date filter or
// remote shards, IoError when reading fails otherwise.
Result<Catalog> BuildCatalog(const std::string& dir, const CatalogOptions& options = {});

// The "về …" phrase that follows a mention: `after` is the text right after it. Skips a date
// ("ngày 16/6/2022"), a term ("(khóa XIII)") and an issuer ("của Bộ Chính trị"), then takes
// "về …" up to the end of the clause. Returns "" when the text goes on otherwise. Fills
// `issuer_name` and `date` ("YYYY-MM-DD") when it saw them. Exposed for tests.
std::string TitleAfterMention(std::string_view after, std::string* issuer_name = nullptr,
                              std::string* date = nullptr);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_CATALOG_H_
