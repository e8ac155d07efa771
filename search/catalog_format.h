// Renderers of a Catalog (search/catalog.h): CSV, JSON, standalone HTML, Markdown, the
// citation graph as Graphviz DOT or GraphML, and registry rows to fill in. Every renderer
// escapes document text for its format; the output is UTF-8.
// Thread-safety: pure functions.
#ifndef VANKIEN_SEARCH_CATALOG_FORMAT_H_
#define VANKIEN_SEARCH_CATALOG_FORMAT_H_

#include <string>
#include <string_view>

#include "indexer/base/i18n.h"
#include "search/catalog.h"

namespace vankien::search {

struct CsvOptions {
  // Start with a UTF-8 byte order mark, which is how Excel knows the file is UTF-8.
  bool bom = false;
};

// One row per entry under a header row (RFC 4180: CRLF line ends; a field holding a comma,
// quote, CR or LF is quoted, quotes doubled). A field that a spreadsheet would run as a
// formula (starting with = + - @ and not a number) gets a leading apostrophe. Lists inside a
// field (held ids, top citing documents, candidates) are joined with "; ".
// Columns: key, symbol, system, type, type_name, number, issuer, issuer_name, date, term,
// plenum, title, title_source, in_registry, held, held_ids, citations, citing_documents,
// first_cited, last_cited, top_citing, candidates.
std::string CatalogCsv(const Catalog& catalog, const CsvOptions& options = {});

// The whole catalogue as JSON (stable keys: database, last_indexed, stats, notes, entries,
// unresolved, edges, articles), indented by 2.
std::string CatalogJson(const Catalog& catalog);

// A standalone printable page: one file, no scripts or external assets, a table of contents
// by document type, one table per type, then the unresolved references with their contexts.
// All archive text is HTML-escaped. Headings, summary and dates are in `lang` (keys as
// search/display_key.h shows them); the data are the archive's.
std::string CatalogHtml(const Catalog& catalog, i18n::Language lang = i18n::Language::kEnglish);

// The same as Markdown: contents, one table per type ('|' and line breaks in text escaped),
// unresolved references; in `lang`, as CatalogHtml.
std::string CatalogMarkdown(const Catalog& catalog, i18n::Language lang = i18n::Language::kEnglish);

// The citation graph: entries (and "doc:<id>" articles) as nodes, edges "cites" (weight =
// mentions), "replaces" and "amends". Needs a catalogue built with CatalogOptions::graph.
std::string CatalogDot(const Catalog& catalog);
std::string CatalogGraphml(const Catalog& catalog);

// Registry rows (refs::Registry TSV, project format, header first) for an archivist to
// complete: every entry neither in the registry nor held (symbol, type, number and term filled,
// date, issuer and title guessed from the mentions when they were), then every unresolved
// informal name with an empty symbol and number, which must be filled in (or the row deleted)
// before the file loads as a registry.
std::string CatalogRegistryTodo(const Catalog& catalog);

// Escapers, exposed for tests.
std::string CsvField(std::string_view value);
std::string HtmlEscape(std::string_view text);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_CATALOG_FORMAT_H_
