// "Did you mean": a better spelling of a query, from the archive's own usage. Two repairs:
//   * a word the archive never uses (a typo) becomes the most frequent word one edit away;
//   * a query typed without diacritics gets the accented forms the best-matching documents
//     use for those words, preferring forms that stand next to the neighbouring query words
//     ("nghi quyet trung uong" → "nghị quyết trung ương").
// Thread-safety: pure functions.
#ifndef VANKIEN_SEARCH_SUGGEST_H_
#define VANKIEN_SEARCH_SUGGEST_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::search {

// How many documents use a folded word (0 when none).
using FoldedFrequency = std::function<std::size_t(const std::string& folded)>;

// The most frequent folded word one edit (insert, delete, substitute, transpose of a-z0-9)
// away from `folded`, or "" when none is used at all. Words shorter than 2 letters and
// longer than 16 are not corrected.
std::string CorrectTypo(const std::string& folded, const FoldedFrequency& frequency);

// For each folded query word (in query order), the accented (exact) form the `texts` use most,
// a use beside the query's neighbouring word counting more; the folded word itself when the
// texts never use it.
std::vector<std::string> RestoreMarks(const text::Analyzer& analyzer,
                                      const std::vector<std::string>& folded_words,
                                      const std::vector<std::string_view>& texts);

// `query` with each token whose folded form is a key of `replacements` rewritten to its value,
// keeping the rest of the query (operators, fields, punctuation) as typed and a capital first
// letter where the user typed one.
std::string RewriteQuery(const text::Analyzer& analyzer, std::string_view query,
                         const std::map<std::string, std::string>& replacements);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_SUGGEST_H_
