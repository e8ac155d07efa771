// Per-code-point facts the analyzer needs on its hot path (class, case fold, marks, tone),
// computed once from ICU for the Latin and Vietnamese ranges so tokenizing needs no ICU call
// for ordinary text. Internal to indexer/text. Thread-safety: immutable after construction.
#ifndef VANKIEN_INDEXER_TEXT_CHAR_TABLE_H_
#define VANKIEN_INDEXER_TEXT_CHAR_TABLE_H_

#include <array>
#include <cstdint>
#include <vector>

namespace vankien::text {

// Vietnamese tones, numbered in the order of their combining marks below.
enum Tone : std::uint8_t {
  kToneNone = 0,
  kToneGrave = 1,  // huyền, U+0300
  kToneAcute = 2,  // sắc, U+0301
  kToneHook = 3,   // hỏi, U+0309
  kToneTilde = 4,  // ngã, U+0303
  kToneDot = 5,    // nặng, U+0323
};
inline constexpr int kToneCount = 6;

struct CharInfo {
  enum Flag : std::uint16_t {
    kLetter = 1 << 0,
    kDigit = 1 << 1,
    kMark = 1 << 2,        // combining mark (Mn, Mc, Me): part of the token it follows
    kIgnorable = 1 << 3,   // soft hyphen and zero-width characters: dropped, do not split
    kNfcSafe = 1 << 4,     // NFC quick check "yes" and combining class 0
    kSimpleFold = 1 << 5,  // full case folding yields exactly one code point: `fold`
    kSimpleBase = 1 << 6,  // the folded form is `base` (0 = nothing) without consulting ICU
    kVowel = 1 << 7,       // `toneless` is one of the twelve Vietnamese vowels (lowercase)
    kUpper = 1 << 8,       // uppercase letter
  };
  std::uint16_t flags = 0;
  std::uint8_t tone = kToneNone;  // tone carried by the case-folded letter
  char32_t fold = 0;              // case-folded code point (when kSimpleFold)
  char32_t base = 0;              // fold with all marks removed and đ→d (when kSimpleBase)
  char32_t toneless = 0;          // fold with only the tone mark removed

  bool Has(Flag f) const { return (flags & f) != 0; }
  bool IsWordChar() const { return (flags & (kLetter | kDigit | kMark)) != 0; }
};

class CharTable {
 public:
  // Code points below this bound have a precomputed entry; the rest use ICU directly.
  static constexpr char32_t kSize = 0x2000;

  CharTable();

  // Entry for any code point; those at or above kSize are computed on the fly (slower).
  CharInfo Lookup(char32_t c) const { return c < kSize ? table_[c] : Compute(c); }

  // The lowercase vowel `toneless` (one of a ă â e ê i o ô ơ u ư y) with `tone` applied.
  char32_t Compose(char32_t toneless, std::uint8_t tone) const;

  static CharInfo Compute(char32_t c);

 private:
  std::vector<CharInfo> table_;
  // Twelve vowels × six tones.
  std::array<std::array<char32_t, kToneCount>, 12> composed_{};
};

// The twelve toneless Vietnamese vowels, lowercase, in a fixed order (index into tables).
int VowelIndex(char32_t toneless);

}  // namespace vankien::text

#endif  // VANKIEN_INDEXER_TEXT_CHAR_TABLE_H_
