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

struct StoredDocument {
  Document doc;  // `symbol` is the canonical own symbol ("" when it is not an official one)
  std::vector<StoredMention> mentions;  // mentions in doc.text, in text order
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
std::string EncodeStoredDocument(const Document& doc, const IndexedFacts& facts,
                                 const std::vector<StoredMention>& mentions);

// `data` read back. Tolerant as readers always were: a field that is missing or of another type
// (data written by schema 3 on, or damaged) reads as empty; data that is not a JSON object
// gives an empty StoredDocument. Mention offsets are clamped into the text.
StoredDocument DecodeStoredDocument(std::string_view data);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_STORED_DOCUMENT_H_
