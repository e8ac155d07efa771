#include "indexer/text/char_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <cstdio>

namespace vankien::text {
namespace {

constexpr char32_t kVowels[12] = {U'a', U'ă', U'â', U'e', U'ê', U'i',
                                  U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
constexpr char32_t kToneMarks[kToneCount] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "vankien: ICU normalization data missing: %s\n", u_errorName(status));
    std::abort();
  }
  return *n;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "vankien: ICU normalization data missing: %s\n", u_errorName(status));
    std::abort();
  }
  return *n;
}

bool IsMarkCategory(int8_t gc) {
  return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK;
}

bool IsIgnorable(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

uint8_t ToneOfMark(UChar32 m) {
  for (int t = 1; t < kToneCount; ++t) {
    if (static_cast<UChar32>(kToneMarks[t]) == m) return static_cast<uint8_t>(t);
  }
  // U+0340/U+0341 are deprecated aliases of grave/acute that NFD already maps; nothing else.
  return kToneNone;
}

}  // namespace

int VowelIndex(char32_t toneless) {
  for (int i = 0; i < 12; ++i) {
    if (kVowels[i] == toneless) return i;
  }
  return -1;
}

CharInfo CharTable::Compute(char32_t c) {
  CharInfo info;
  const UChar32 uc = static_cast<UChar32>(c);
  const int8_t gc = u_charType(uc);
  if (gc >= U_UPPERCASE_LETTER && gc <= U_OTHER_LETTER) info.flags |= CharInfo::kLetter;
  if (gc == U_DECIMAL_DIGIT_NUMBER) info.flags |= CharInfo::kDigit;
  if (IsMarkCategory(gc)) info.flags |= CharInfo::kMark;
  if (IsIgnorable(c)) info.flags = CharInfo::kIgnorable;
  if (u_isupper(uc)) info.flags |= CharInfo::kUpper;
  if (u_getIntPropertyValue(uc, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
      u_getCombiningClass(uc) == 0) {
    info.flags |= CharInfo::kNfcSafe;
  }

  icu::UnicodeString folded(uc);
  folded.foldCase();
  if (folded.countChar32() == 1) {
    info.flags |= CharInfo::kSimpleFold;
    info.fold = static_cast<char32_t>(folded.char32At(0));
  } else {
    info.fold = c;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = Nfd().normalize(folded, status);
  if (U_FAILURE(status)) return info;

  // Folded form: drop every mark; đ has no decomposition, so it is mapped by hand.
  icu::UnicodeString base;
  icu::UnicodeString without_tone;
  uint8_t tone = kToneNone;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    const uint8_t t = ToneOfMark(d);
    if (t != kToneNone) {
      tone = t;
    } else {
      without_tone.append(d);
    }
    if (IsMarkCategory(u_charType(d))) continue;
    base.append(d == 0x0111 ? UChar32{'d'} : d);
  }
  if (base.countChar32() <= 1) {
    info.flags |= CharInfo::kSimpleBase;
    info.base = base.isEmpty() ? 0 : static_cast<char32_t>(base.char32At(0));
  }
  const icu::UnicodeString recomposed = Nfc().normalize(without_tone, status);
  if (U_SUCCESS(status) && recomposed.countChar32() == 1) {
    info.toneless = static_cast<char32_t>(recomposed.char32At(0));
    if (VowelIndex(info.toneless) >= 0) {
      info.flags |= CharInfo::kVowel;
      info.tone = tone;
    }
  } else {
    info.toneless = info.fold;
  }
  return info;
}

CharTable::CharTable() : table_(kSize) {
  for (char32_t c = 0; c < kSize; ++c) table_[c] = Compute(c);
  for (int v = 0; v < 12; ++v) {
    for (int t = 0; t < kToneCount; ++t) {
      icu::UnicodeString s(static_cast<UChar32>(kVowels[v]));
      if (t != kToneNone) s.append(static_cast<UChar32>(kToneMarks[t]));
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString composed = Nfc().normalize(s, status);
      composed_[v][t] = static_cast<char32_t>(composed.char32At(0));
    }
  }
}

char32_t CharTable::Compose(char32_t toneless, std::uint8_t tone) const {
  const int v = VowelIndex(toneless);
  if (v < 0 || tone >= kToneCount) return toneless;
  return composed_[v][tone];
}

}  // namespace vankien::text
