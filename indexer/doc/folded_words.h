// The text primitives page cleaning (page_cleaner.h) and header parsing (official_header.h)
// share: lines and spaces of extracted text, letter case, a line's folded words, and the dates
// written in it. Internal to indexer/doc; not part of the library's surface.
// Thread-safety: pure functions and plain values; Words only reads the Analyzer it is given.
#ifndef VANKIEN_INDEXER_DOC_FOLDED_WORDS_H_
#define VANKIEN_INDEXER_DOC_FOLDED_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::doc_internal {

// ---------------------------------------------------------------------------------------------
// Bytes, spaces and lines
// ---------------------------------------------------------------------------------------------

// Decodes the code point at s[*i] and advances *i; invalid bytes give U+FFFD and advance by one.
// Requires *i < s.size().
char32_t NextCodePoint(std::string_view s, std::size_t* i);

// Spaces a scraped page uses between words: no-break, thin, ideographic ... (tabs included).
bool IsSpaceLike(char32_t c);

// Every run of space-like characters (and newlines) becomes one ASCII space; leading/trailing
// ones and zero-width characters go. Other bytes, invalid ones included, are kept.
std::string CollapseSpaces(std::string_view s);

// `text` split at '\n', one trailing '\r' removed from each line; "" gives one empty line, and
// a final '\n' one more. Line i of the result is line i of every contract that numbers lines.
std::vector<std::string_view> SplitLines(std::string_view text);

// Trims the characters in `chars` from both ends.
std::string Trim(std::string_view s, std::string_view chars = " ");

bool IsAsciiDigits(std::string_view s);  // non-empty and only 0-9

// Value of a run of ASCII digits, saturating at a million: every number the rules compare
// (days, months, years, plenums) is far below it, and a long run must not overflow.
int ToInt(std::string_view digits);

// Ends like a sentence: ".", "!", "?", "…", ";" (after closing quotes or brackets).
bool EndsSentence(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Letter case (Latin and Vietnamese letters; all Vietnamese letters live in these blocks)
// ---------------------------------------------------------------------------------------------

enum class Case { kNone, kUpper, kLower, kMixed };

Case CaseOf(std::string_view s);

// Case of the first cased letter of s: +1 upper, -1 lower, 0 when none.
int FirstLetterCase(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Folded words
// ---------------------------------------------------------------------------------------------

// A piece of text with its folded tokens: the unit every rule works on. Comparing folded tokens
// ("Lượt xem" → "luot xem") makes case, NFD input, old/new tone placement and lower-cased TCVN3
// headings compare equal, while the original bytes (kept through token offsets) are what the
// rules return.
struct Words {
  std::string text;                 // whitespace-normalized original
  std::vector<text::Token> tokens;  // offsets into `text`
  std::string key;                  // folded tokens joined by single spaces: "luot xem 465"

  // Tokenizes `s` with `analyzer` (used only here; not kept).
  Words(std::string s, const text::Analyzer& analyzer);

  std::size_t size() const { return tokens.size(); }
  std::string_view Raw(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // The bytes between token i and token i+1.
  std::string_view Gap(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
  }
  bool IsNumber(std::size_t i) const { return i < size() && IsAsciiDigits(Raw(i)); }
  bool Is(std::size_t i, std::string_view folded) const {
    return i < size() && tokens[i].folded == folded;
  }
};

// Whole-word prefix test on a folded key: "luot xem 465" starts with "luot xem", not "luot x".
bool KeyStartsWith(std::string_view key, std::string_view phrase);

// Words in a folded key (0 for "").
int WordCount(std::string_view key);

// Index of the first occurrence of `phrase` (folded words) in w's tokens at or after `from`, or
// std::string::npos.
std::size_t FindPhrase(const Words& w, const std::vector<std::string_view>& phrase,
                       std::size_t from = 0);

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

// Month 1-12 and a day that exists in it; year 0 means "unknown" (29 February allowed),
// otherwise 1900-2099.
bool ValidDate(int y, int m, int d);

std::string FormatDate(int y, int m, int d);  // "YYYY-MM-DD"

struct DateHit {
  enum Kind { kFull, kMonthYear, kDayMonth } kind = kFull;
  int y = 0, m = 0, d = 0;          // d is 0 for kMonthYear, y is 0 for kDayMonth
  std::size_t first = 0, last = 0;  // token range [first, last)
};

// Every date in w, left to right: full dates (d/m/yyyy, yyyy-mm-dd, "ngày d tháng m năm yyyy"),
// month/years ("tháng 7/2020", "3/2024", "tháng 3 năm 2024") and day/months ("9/11"). Numbers
// glued into longer runs ("2015-2020", "14/10/1930-...") are not dates.
std::vector<DateHit> FindDates(const Words& w);

}  // namespace vankien::doc_internal

#endif  // VANKIEN_INDEXER_DOC_FOLDED_WORDS_H_
