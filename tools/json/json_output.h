// The JSON shapes of vankien's machine output, written in one place: `vankien search|ref|show|
// stats --json` and the API of `vankien serve` (/api/search, /api/ref, /api/doc, /api/stats) both
// call these, so a script reads the same keys, types and values from either.
// Thread-safety: pure functions.
//
// The shapes (every key is always present; text that is absent is "", a number that is absent
// is null; byte offsets are into the UTF-8 text of the same object):
//
//   Hit       {id, title, date, url, kind, symbol, issuer, term, source, score,
//              snippet: {text, highlights: [[begin, end], ...]}}
//             kind is a type code ("NQ") or "article"; highlights are byte ranges of snippet.text.
//   Facets    {"kind": [{value, count}, ...], "year": [...], "issuer": [...], "term": [...],
//              "source": [...]}: an object keyed by facet name (`.facets.year` in jq), each
//             list in the library's order (descending count, years newest first); {} when no
//             facets were asked for.
//   Candidate {symbol, key, descriptive, title, date, held, citing}
//             one document a typed number may name: held and citing count the archive's
//             documents that are it and that cite it (by key when the symbol has several);
//             descriptive is the plenum name it was found through ("NQ/TW/HNTW4/XII") or "".
//   Reading   {surface, begin, end, kind, candidates: [Candidate], meant, notice}
//             a document number in the query: kind "exact", "partial" (candidates[0] is the
//             reading, the rest are offered) or "every-term" (a plenum name without a term: the
//             first `meant` candidates, one per term, are all searched); begin/end are byte
//             offsets into the query.
//   Search    {query, total, total_exact, hits: [Hit], facets: Facets, suggestion, notices: [text],
//              references: [Reading], missing_shards: [text], dropped_words}
//             total_exact false: total is Xapian's estimate (the same on every page; exact
//             whenever facets are counted).
//             The API adds its paging: page, size, pages, sort. A `search --batch` line whose
//             query failed is this shape with no hits and an "error" text.
//   Fact      {symbol, type, kind, number, issuer, issuer_name, date, term, plenum, title}
//             one registry entry; type is the code ("NQ"), kind its noun ("Nghị quyết").
//   Reference {query, symbol, key, facts: [Fact], documents: [Hit], citing_documents,
//              groups: [{key, citations: [{id, title, date, surface, context}]}],
//              notices: [text], candidates: [Candidate]}
//             notices and candidates say how a partial number was read (both empty otherwise).
//   Document  {id, title, date, kind, symbol, issuer, term, plenum, subject, signer, place,
//              source, url, path, encoding, flags: [text], ocr_confidence: number|null,
//              fields: {name: text},
//              text, refs: [{symbol, key, surface, begin, end}]}
//             refs are the mentions the index stored, as byte ranges of `text`; the API sends
//             path as "" (a file on the server is none of the client's business).
//             `show --json` and /api/doc add the document's lược đồ (AddRelations):
//             relations: [{type, target, surface, part, articles: [text], begin, end}] (what its
//             text states; part "whole"/"part" or null), effective_from, expires_on (text or
//             null), status ("in-force", "replaced", "repealed", "amended", "expired"; null
//             for a document that is not an official one), status_note (Vietnamese words),
//             evidence: [Edge] (what decided status), incoming: [Edge] (documents that
//             replace/amend/… this one), outgoing: [Edge] (the same as relations, with the
//             target document when held); Edge = {type, part, articles, id, symbol, title,
//             date, sentence}, id "" for a number the archive only cites; lists newest first.
//             `ref --json` and /api/ref add status, status_note, evidence and incoming.
//   Stats     {documents, terms, average_length, bytes_on_disk, last_indexed}
//             `vankien stats --json` adds db, the index directory.
//
// The catalogue has its own format module (search/catalog_format.h, CatalogJson), which the
// CLI and /api/catalog already share.
#ifndef VANKIEN_TOOLS_JSON_JSON_OUTPUT_H_
#define VANKIEN_TOOLS_JSON_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/document.h"
#include "indexer/refs/registry.h"
#include "search/searcher.h"

namespace vankien::json_output {

using Json = nlohmann::json;

Json ToJson(const search::Hit& hit);
// The Facets shape: an object keyed by facet name.
Json ToJson(const std::vector<search::Facet>& facets);
Json ToJson(const refs::Registry::Entry& fact);
Json ToJson(const search::IndexStats& stats);
Json ToJson(const search::ReferenceCandidate& candidate);
Json ToJson(const search::ReferenceReading& reading);
// `document.text` is sent as valid UTF-8 (each invalid byte as U+FFFD) and every mention's range
// is made to hold in that text: a mention whose surface is not found there is left out.
Json ToJson(const Document& document, const std::vector<StoredMention>& refs);

// Adds the lược đồ keys above to a Document (`stored` the document, `official` false for an
// article: status null) or, with `stored` nullptr, to a Reference (status and incoming only).
void AddRelations(const StoredDocument* stored, const search::DocumentRelationsReport& report, bool official,
                  Json* out);
Json ToJson(const search::RelationEdge& edge);

// The Search shape for `query` (as given, before parsing).
Json SearchJson(std::string_view query, const search::SearchResponse& response);
// The Reference shape for `query` (the reference as asked for).
Json ReferenceJson(std::string_view query, const search::ReferenceReport& report);

// JSON text (indented by `indent` spaces, one line when negative); invalid UTF-8 in any string
// is replaced by U+FFFD, so this never throws on archive text.
std::string Dump(const Json& j, int indent = -1);

}  // namespace vankien::json_output

#endif  // VANKIEN_TOOLS_JSON_JSON_OUTPUT_H_
