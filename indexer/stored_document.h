// The stored document: the data each index document carries (schema.h, "Document data") —
// the Document as indexed plus its reference mentions with byte offsets into its text. One
// codec: the writer encodes, the searcher, the catalogue and `vankien ref` decode.
// Thread-safety: plain values and pure functions.
#ifndef VANKIEN_INDEXER_STORED_DOCUMENT_H_
#define VANKIEN_INDEXER_STORED_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/document.h"

namespace vankien {

// One reference mention in the stored text.
struct StoredMention {
  std::string symbol;   // canonical symbol, or the registry's symbol for a resolved informal one
  std::string key;      // its document key (refs/key.h) as the text gave it; may equal `symbol`
  std::string surface;  // the mention as written
  // Byte offsets into Document::text, end exclusive; decoding keeps them inside the text.
  std::size_t begin = 0, end = 0;
};

// One relation the document's text states about another document (refs::ExtractRelations).
struct StoredRelation {
  std::string type;     // refs::RelationTypeName: "replaces", "repeals", "amends", "guides", …
  std::string target;   // canonical symbol, or "Luật <Tên> <year>" for an unnumbered law
  std::string surface;  // the target as written
  std::string part;     // repeals/amends: "whole" or "part"; "" otherwise
  std::vector<std::string> articles;  // article numbers named ("5", "6a")
  // Byte offsets into Document::text, end exclusive: the target, and the sentence stating the
  // relation (the evidence). Decoding keeps them inside the text.
  std::size_t begin = 0, end = 0;
  std::size_t sentence_begin = 0, sentence_end = 0;
};

// The relations and validity dates of an official document; empty for any other.
struct StoredRelations {
  std::vector<StoredRelation> relations;  // in text order
  std::string effective_from;  // ISO date or the relative phrase as written; "" when not stated
  std::string expires_on;      // ISO date; "" when not stated
  bool empty() const { return relations.empty() && effective_from.empty() && expires_on.empty(); }
};

struct StoredDocument {
  Document doc;  // `symbol` is the canonical own symbol ("" when it is not an official one)
  std::vector<StoredMention> mentions;  // mentions in doc.text, in text order
  StoredRelations relations;            // empty for data written before schema 5
};

// What the index settled about a document beyond what its loader gave, stored in place of
// Document::symbol and Document::term: its own symbol as the recognizer canonicalized it, else as
// its header wrote it ("" when it is not an official document's) and its Party term (the
// loader's, or the one derived).
struct IndexedFacts {
  std::string symbol;
  std::string term;
};

// The document data of `doc`: a JSON object with every Document field (schema.h) — `symbol`
// and `term` from `facts`, `kind` "article" when empty — and `mentions` (key "refs"). Invalid
// UTF-8 is stored as U+FFFD so that a bad byte in a source file never stops indexing.
// `relations`, when not empty, adds "relations", "effective_from" and "expires_on".
std::string EncodeStoredDocument(const Document& doc, const IndexedFacts& facts,
                                 const std::vector<StoredMention>& mentions,
                                 const StoredRelations& relations = {});

// `data` read back. Tolerant as readers always were: a field that is missing or of another type
// (data written by schema 3 on, or damaged) reads as empty; data that is not a JSON object
// gives an empty StoredDocument. Mention and relation offsets are clamped into the text; data
// without relations (written before schema 5) reads with empty `relations`.
StoredDocument DecodeStoredDocument(std::string_view data);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_STORED_DOCUMENT_H_
