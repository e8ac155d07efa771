#include "indexer/text/syllable.h"

#include <unicode/uchar.h>

#include <array>
#include <string_view>

namespace vankien::text {
namespace {

// Vietnamese syllables have at most 7 letters ("nghiêng"); anything longer is not one.
constexpr std::size_t kMaxSyllable = 8;

bool IsShaped(char32_t v) {
  return v == U'ă' || v == U'â' || v == U'ê' || v == U'ô' || v == U'ơ' || v == U'ư';
}

bool IsValidCoda(std::u32string_view coda) {
  static constexpr std::u32string_view kCodas[] = {U"",  U"c",  U"ch", U"m", U"n",
                                                   U"ng", U"nh", U"p",  U"t"};
  for (auto c : kCodas) {
    if (c == coda) return true;
  }
  return false;
}

char32_t Recase(char32_t lower, bool upper) {
  return upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(lower))) : lower;
}

}  // namespace

bool PlaceTone(const CharTable& table, ToneStyle style, std::u32string* syllable) {
  std::u32string& s = *syllable;
  const std::size_t n = s.size();
  if (n == 0 || n > kMaxSyllable) return false;

  std::array<char32_t, kMaxSyllable> low{};
  std::array<std::uint8_t, kMaxSyllable> tone{};
  std::array<bool, kMaxSyllable> vowel{};
  std::array<bool, kMaxSyllable> upper{};
  for (std::size_t i = 0; i < n; ++i) {
    const CharInfo info = table.Lookup(s[i]);
    if (!info.Has(CharInfo::kLetter)) return false;
    vowel[i] = info.Has(CharInfo::kVowel);
    upper[i] = info.Has(CharInfo::kUpper);
    low[i] = vowel[i] ? info.toneless : info.fold;
    tone[i] = vowel[i] ? info.tone : std::uint8_t{kToneNone};
  }

  std::size_t v0 = 0;
  while (v0 < n && !vowel[v0]) ++v0;
  if (v0 == n) return false;
  std::size_t v1 = v0;
  while (v1 < n && vowel[v1]) ++v1;
  if (!IsValidCoda(std::u32string_view(low.data() + v1, n - v1))) return false;

  std::size_t toned = n;
  for (std::size_t i = v0; i < v1; ++i) {
    if (tone[i] == kToneNone) continue;
    if (toned != n) return false;  // two tone marks: not a syllable we can fix
    toned = i;
  }
  if (toned == n) return false;

  // qu and gi (before another vowel) are onsets; a tone written on their vowel is misplaced.
  if (v1 - v0 >= 2 && v0 > 0 && low[v0 - 1] == U'q' && low[v0] == U'u') ++v0;
  if (v1 - v0 >= 2 && v0 == 1 && low[0] == U'g' && low[1] == U'i') ++v0;

  const std::size_t len = v1 - v0;
  if (len > 3) return false;
  std::size_t target = n;
  for (std::size_t i = v0; i < v1; ++i) {
    if (IsShaped(low[i])) target = i;
  }
  if (target == n) {
    if (len == 1) {
      target = v0;
    } else if (len == 3) {
      target = v0 + 1;
    } else if (v1 < n) {
      target = v0 + 1;  // a final consonant: hoàn, khoét, huýt
    } else {
      const char32_t a = low[v0], b = low[v0 + 1];
      const bool new_style_pair =
          (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
      target = (new_style_pair && style == ToneStyle::kNew) ? v0 + 1 : v0;
    }
  }
  if (target == toned) return false;

  const std::uint8_t t = tone[toned];
  s[toned] = Recase(low[toned], upper[toned]);
  s[target] = Recase(table.Compose(low[target], t), upper[target]);
  return true;
}

bool CanonicalizeIY(const CharTable& table, std::u32string* syllable) {
  std::u32string& s = *syllable;
  if (s.size() < 2 || s.size() > 3) return false;
  const CharInfo last = table.Lookup(s.back());
  if (!last.Has(CharInfo::kVowel) || (last.toneless != U'i' && last.toneless != U'y')) {
    return false;
  }
  const std::u32string_view onset(s.data(), s.size() - 1);
  static constexpr std::u32string_view kOnsets[] = {U"h", U"k", U"l", U"m", U"s", U"t", U"qu"};
  bool merged_onset = false;
  for (auto o : kOnsets) merged_onset = merged_onset || o == onset;
  if (!merged_onset || last.toneless == U'y') return false;
  s.back() = table.Compose(U'y', last.tone);
  return true;
}

}  // namespace vankien::text
