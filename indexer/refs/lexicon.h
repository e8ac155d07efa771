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

// An issuing body as running text names it ("Bộ Tài chính", "Thủ tướng Chính phủ", "Ủy ban
// Kiểm tra Trung ương"), with the issuer code its symbols carry. A body with an empty code is
// outside the archive's scope (the UN Security Council, colonial and Saigon-regime authorities,
// mass organisations): documents it issues are not references.
struct Body {
  std::string_view folded;  // folded syllables, space separated: "bo tai chinh"
  std::string_view code;    // "BTC"; "" for an out-of-scope body
  System system;            // kParty or kState; kUnknown for an out-of-scope body
};

// Every body, a longer name before any name it starts with ("ban chap hanh trung uong doan"
// before "ban chap hanh trung uong"), so the first match at a position is the right one.
std::span<const Body> Bodies();

// True for an issuer code of a body outside the archive's scope written inside a symbol
// ("367-QĐ/TWĐTN" of the Youth Union).
bool IsOutOfScopeIssuer(std::string_view issuer);

// Vietnamese ordinal words after "lần thứ" (folded): "tu" → 4, "nhat" → 1 ...; 0 if none.
int OrdinalWord(std::string_view folded);

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_LEXICON_H_
