// Vietnamese text analysis: turns arbitrary bytes into normalized, searchable tokens.
// One Analyzer serves both the indexer and query processing, so the two always agree.
// Thread-safety: an Analyzer is immutable after construction; every const method may be called
// from any number of threads at once.
#ifndef VANKIEN_INDEXER_TEXT_ANALYZER_H_
#define VANKIEN_INDEXER_TEXT_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::text {

enum class TokenKind : std::uint8_t {
  kWord,    // letters (and their combining marks) only: a syllable such as "nghị"
  kNumber,  // ASCII or other decimal digits only: "21", "2022"
  kMixed,   // letters and digits: "h5n1", "u23", "qh14"
};

// One token of the input. Tokens are maximal runs of letters, digits and combining marks;
// everything else (spaces, punctuation, symbols, emoji) separates them. The separators are not
// lost: the bytes between two tokens are input[prev.end, next.begin), which is how the
// reference recognizer sees "21-NQ/TW" as 21 '-' NQ '/' TW.
struct Token {
  // NFC, full case folding, canonical tone placement (see syllable.h) and canonical i/y spelling.
  // This is the accent-exact form: "Hoà", "HÒA" and NFD "hòa" all give "hoà".
  std::string exact;
  // `exact` with every tone and vowel mark removed and đ→d: "đảng" → "dang".
  std::string folded;
  // Byte offsets of the token in the original input (end exclusive). When the input had invalid
  // UTF-8, offsets still point into the original bytes.
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::kWord;

  // True when the exact form carries marks the folded form lacks (the user typed diacritics).
  bool HasMarks() const { return exact != folded; }
};

// Where a syllable's tone mark goes when its nucleus has two vowels and no final consonant:
// kNew puts it on the main vowel as the 2018 school rule does ("hoà", "khoẻ", "thuỷ"); kOld on
// the first vowel ("hòa", "khỏe", "thủy"). The index uses kNew for every term (syllable.h).
enum class ToneStyle { kNew, kOld };

struct Analysis {
  std::vector<Token> tokens;
  // How many invalid UTF-8 sequences the input had; each was treated as U+FFFD (a separator).
  std::size_t invalid_sequences = 0;
};

class Analyzer {
 public:
  // Builds the ICU normalizers and the per-code-point tables once. Aborts only if ICU's own
  // data is missing (a broken installation), which no input can cause.
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Tokenizes any bytes. Never throws on bad input.
  Analysis Analyze(std::string_view input) const;

  // Same, reusing `out`'s storage (cleared first); returns the invalid-sequence count.
  // The hot path for indexing.
  std::size_t Analyze(std::string_view input, std::vector<Token>* out) const;

  // The whole input as the index sees it: valid UTF-8, every token replaced by its exact form,
  // separators kept (invalid sequences become U+FFFD). For display and debugging.
  std::string Normalize(std::string_view input) const;

  // The whole input folded: like Normalize but with folded tokens. "Nghị quyết 21-NQ/TW" →
  // "nghi quyet 21-nq/tw".
  std::string Fold(std::string_view input) const;

  // Exposed for the tone-style query variants of the eval tool: rewrites every syllable of
  // `input` to the old ("hòa, thủy") or new ("hoà, thuỷ") tone placement, keeping its case and
  // everything else byte for byte (invalid UTF-8 becomes U+FFFD).
  using ToneStyle = text::ToneStyle;
  std::string RestyleTones(std::string_view input, ToneStyle style) const;

  // Removes all marks and folds đ→d, keeping case: "Đảng" → "Dang". For the no-diacritics
  // query variant (what a user without a Vietnamese keyboard types).
  std::string StripMarks(std::string_view input) const;

  // Decomposes the input to NFD (for the NFD query variant and tests).
  std::string ToNfd(std::string_view input) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::text

#endif  // VANKIEN_INDEXER_TEXT_ANALYZER_H_
