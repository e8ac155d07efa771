// The vocabulary of document references: type nouns and codes, issuer codes, ordinals.
// Everything is looked up by the analyzer's folded (accent-free, lower-case) or exact forms.
// Internal to indexer/refs. Thread-safety: constant tables.
#ifndef VANKIEN_INDEXER_REFS_LEXICON_H_
#define VANKIEN_INDEXER_REFS_LEXICON_H_

#include <span>
#include <string>
#include <string_view>

#include "indexer/refs/mention.h"

namespace vankien::refs {

// A document-type noun: the folded syllables it is written with, the type code it implies, the
// canonical noun, and whether the Party, the State or both issue that type.
struct TypeNoun {
  std::string_view folded;  // "nghi quyet"
  std::string_view code;    // "NQ"; "" for nouns that take the code from the symbol ("Văn bản")
  std::string_view noun;    // "Nghị quyết"
  System system;            // kUnknown when both issue it
};

// Every type noun, longest first so "thông báo kết luận" wins over "thông báo".
std::span<const TypeNoun> TypeNouns();

// The canonical type code for a token as written in a symbol ("nq" → "NQ", "qđi" → "QĐi",
// "qd" → "QĐ"), matched on the exact (case-folded, accented) form; "" if not a type code.
std::string_view TypeCode(std::string_view exact);

// The usual noun for a type code ("NQ" → "Nghị quyết", "QĐ" → "Quyết định"); "" if unknown.
std::string_view NounForCode(std::string_view code);

// True for a type code that only the Party uses in its symbols (Party "TT" is Thông tri).
bool IsStateOnlyType(std::string_view code);

// Issuer code classification, on the canonical (upper-case) issuer.
bool IsPartyIssuer(std::string_view issuer);
bool IsStateIssuer(std::string_view issuer);

// Vietnamese ordinal words after "lần thứ" (folded): "tu" → 4, "nhat" → 1 ...; 0 if none.
int OrdinalWord(std::string_view folded);

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_LEXICON_H_
