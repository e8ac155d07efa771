// The index schema: every Xapian term prefix, value slot and metadata key vankien uses, defined
// once. This header is the contract between the indexer and the search library; the README's
// schema table mirrors it. Terms are spelled from these prefixes by indexer/terms.h only, and
// the document data is encoded and decoded by indexer/stored_document.h only.
// Thread-safety: constants and pure functions.
#ifndef VANKIEN_INDEXER_SCHEMA_H_
#define VANKIEN_INDEXER_SCHEMA_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace vankien::schema {

// ---- Term prefixes --------------------------------------------------------------------------
// Unique document id: "Q" + id (ids longer than kMaxIdTermBytes are hashed, see IdTerm()).
// Boolean; replace_document() keys on it so re-indexing never duplicates.
inline constexpr std::string_view kIdPrefix = "Q";

// Exact (accent-sensitive) syllables: the analyzer's `exact` form, no prefix, no positions.
// Only tokens that carry marks get one: an unmarked exact term would equal its folded term, and
// queries look unmarked words up in the folded space anyway. Weighted.
inline constexpr std::string_view kExactPrefix = "";

// Folded (accent-free, đ→d) syllables: "XF" + folded form, WITH positions. Every token gets
// one; phrase queries in either form run on these positions. Weighted.
inline constexpr std::string_view kFoldedPrefix = "XF";

// Adjacent syllable pairs: "XP" + folded form + " " + next folded form ("XPxay dung"), within
// one field, no positions. Vietnamese words are mostly two or three syllables, so a pair is
// the evidence that query syllables form the same word in the document; as a term it gets its
// own idf and wdf, which ranked better than phrase sub-queries on positions (README,
// "Ranking"). Weighted.
inline constexpr std::string_view kPairPrefix = "XP";

// Document references (indexer/refs). The canonical symbol or key follows a colon because it
// may start with an upper-case letter ("NQ/TW/HNTW4/XII"). Weighted with wdf 1 so that a query
// naming a reference ranks the documents holding it first (refs are rare: high idf).
// Every reference a document mentions: canonical symbol ("XREF:21-NQ/TW"), and an informal
// mention's symbol when the registry resolved it.
inline constexpr std::string_view kRefPrefix = "XREF:";
// The same with the term or year when the text says it ("XKEY:21-NQ/TW@XIII").
inline constexpr std::string_view kRefKeyPrefix = "XKEY:";
// The document's own symbol and key, when it is itself an official document.
inline constexpr std::string_view kOwnSymbolPrefix = "XOWN:";
inline constexpr std::string_view kOwnKeyPrefix = "XOWNKEY:";

// Relations an official document states (refs::ExtractRelations): "XREL:" + type + ":" +
// target ("XREL:replaces:30/2020/NĐ-CP", "XREL:based_on:Luật Đất đai 2024"), type one of
// refs::RelationTypeName. Boolean. The postings of one term answer "what replaces X"; a
// document's own terms "what does X replace" (its stored data has the same with the sentence).
// Whole values, never hashed: validity reads targets back from the terms (search/validity.h).
// A partial repeal ("Bãi bỏ Điều 5 của …") is spelled with the type "repeals_part": the target
// stays in force, amended, so validity must tell it from a whole repeal by the term alone.
inline constexpr std::string_view kRelationPrefix = "XREL:";
inline constexpr std::string_view kRepealsPartType = "repeals_part";

// The source file a document came from (absolute path; long paths hashed like ids, see
// FileTerm()). Boolean. Incremental indexing deletes a gone file's documents by this term.
inline constexpr std::string_view kFilePrefix = "XFILE:";

// Filterable facts (boolean): the document's kind — its type code for an official document
// ("NQ", "NĐ"), else "article" —, its issuer code ("TW", "CP"), Party term ("XIII"), year
// ("2022") and source (site or folder).
inline constexpr std::string_view kKindPrefix = "XKIND:";
inline constexpr std::string_view kIssuerPrefix = "XISSUER:";
inline constexpr std::string_view kTermPrefix = "XTERM:";
inline constexpr std::string_view kYearPrefix = "XYEAR:";
inline constexpr std::string_view kSourcePrefix = "XSOURCE:";

// ---- Value slots ----------------------------------------------------------------------------
// Document date as "YYYY-MM-DD" (or a prefix of it, "YYYY" or "YYYY-MM"): sortable as a string.
inline constexpr unsigned kDateSlot = 0;
// The filterable facts again, one value each, for facet counts (Xapian::ValueCountMatchSpy
// counts values, not terms): kind ("NQ" or "article"), issuer code, Party term, year ("2022")
// and source. Empty when the document has no such fact.
inline constexpr unsigned kKindSlot = 1;
inline constexpr unsigned kIssuerSlot = 2;
inline constexpr unsigned kTermSlot = 3;
inline constexpr unsigned kYearSlot = 4;
inline constexpr unsigned kSourceSlot = 5;
// An official document's own expiry ("… hết hiệu lực kể từ ngày …") as "YYYY-MM-DD", only when
// the text gives a full date: the status filter selects expired documents by it.
inline constexpr unsigned kExpiresSlot = 6;

// ---- Document data --------------------------------------------------------------------------
// Each document's data is a JSON object: {"id","title","text","date","url","path","symbol",
// "kind","source","encoding","flags","issuer","term","plenum","subject","signer","place",
// "ocr_confidence" (only for text read by OCR: Tesseract's mean word confidence 0..100),
// "fields","refs"} where "fields" holds every other string field of the source record, "text"
// is the original text (snippets and reference contexts are cut from it by byte offset),
// "symbol" the document's own canonical symbol and "refs" its mentions in the text:
// [{"symbol","key","surface","begin","end"}] with byte offsets into "text". An official
// document (schema 5 on) also has "relations": [{"type","target","surface","part","articles",
// "begin","end","sentence_begin","sentence_end"}] (the sentence is the evidence) and
// "effective_from", "expires_on" (README, "Relations"). The codec is
// indexer/stored_document.h (EncodeStoredDocument / DecodeStoredDocument).

// ---- Database metadata keys -----------------------------------------------------------------
inline constexpr std::string_view kMetaLastIndexed = "vankien.last_indexed";  // ISO 8601 UTC
inline constexpr std::string_view kMetaSchemaVersion = "vankien.schema";      // kSchemaVersion
inline constexpr std::string_view kSchemaVersion = "5";  // 5: relations (XREL:, "relations")
// The registry of known documents (refs::Registry TSV), kept with the index so that it is
// committed together with the documents that added to it.
inline constexpr std::string_view kMetaRegistry = "vankien.registry";

// One key per indexed source file: "vankien.file:" + path (hashed when long); the value is
// JSON {"path","hash","size","mtime","documents"}. Written in the same commit as the file's
// documents, so an interrupted run leaves either the old state or the new one.
inline constexpr std::string_view kMetaFilePrefix = "vankien.file:";

// ---- Limits ---------------------------------------------------------------------------------
// Xapian refuses terms longer than 245 bytes; longer tokens are not indexed.
inline constexpr std::size_t kMaxTermBytes = 240;
inline constexpr std::size_t kMaxIdTermBytes = 200;

// 64-bit FNV-1a of `bytes`: fixed across runs, builds and machines (unlike std::hash), so it
// can name terms and place documents in shards that outlive the process.
inline std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

// `prefix` + `value`, with values too long for a Xapian term shortened to their first bytes
// plus a 64-bit FNV-1a hash of the whole value, which keeps them unique in practice.
inline std::string BoundedTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (value.size() <= kMaxIdTermBytes) return term.append(value);
  const std::uint64_t h = Fnv1a64(value);
  char hex[20];
  std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(h));
  return term.append(value.substr(0, kMaxIdTermBytes - 32)).append(hex);
}

// The unique-id term of a document id (callers spell it terms::Id, indexer/terms.h).
inline std::string IdTerm(std::string_view id) { return BoundedTerm(kIdPrefix, id); }

// The source-file term of a path (terms::File), and its metadata key.
inline std::string FileTerm(std::string_view path) { return BoundedTerm(kFilePrefix, path); }
inline std::string FileMetaKey(std::string_view path) { return BoundedTerm(kMetaFilePrefix, path); }

}  // namespace vankien::schema

#endif  // VANKIEN_INDEXER_SCHEMA_H_
