// The domain's abbreviations: NQ ↔ nghị quyết, BCT ↔ Bộ Chính trị, UBND ↔ Ủy ban nhân dân …
// A query with either form also finds the other (README, "Abbreviations"). Forms are the
// analyzer's folded syllables. Thread-safety: constant table.
#ifndef VANKIEN_SEARCH_SYNONYMS_H_
#define VANKIEN_SEARCH_SYNONYMS_H_

#include <span>
#include <string_view>

namespace vankien::search {

struct Abbreviation {
  std::string_view abbreviation;  // folded, one token: "ubnd"
  std::string_view expansion;     // folded syllables separated by single spaces: "uy ban nhan dan"
};

// Every abbreviation; one abbreviation may have several expansions (QĐ: quy định, quyết định).
std::span<const Abbreviation> Abbreviations();

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_SYNONYMS_H_
