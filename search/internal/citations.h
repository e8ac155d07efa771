// Internal: how the mentions one document makes count as citations, shared by the catalogue
// (catalog.cc) and `vankien ref` (reference.cc) so that both count alike.
// Thread-safety: pure functions.
#ifndef VANKIEN_SEARCH_INTERNAL_CITATIONS_H_
#define VANKIEN_SEARCH_INTERNAL_CITATIONS_H_

#include <string>
#include <vector>

#include "indexer/stored_document.h"

namespace vankien::search {

// The key `stored`'s document is held under (refs::DocumentKey of its own symbol, term and
// date), "" when it is no official document.
std::string OwnKeyOf(const StoredDocument& stored);

// The mentions of `stored` as citations count them, in text order:
//  * a mention the text did not spell out ("Nghị quyết 58", SpelledOut) of a symbol the
//    document never spells out takes the symbol and key of the one other symbol of the same type
//    and number it does spell out ("58/NQ-CP"): the same document's full reading wins;
//  * a mention without term or year (key == symbol) of a symbol the document also gives with
//    exactly one key takes that key, so the document cites one document, not two;
//  * with `drop_self`, mentions of the document's own number (unkeyed, or with its own key) go:
//    a document never cites itself.
std::vector<StoredMention> CountedMentions(const StoredDocument& stored, bool drop_self);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_INTERNAL_CITATIONS_H_
