// Vietnamese syllable rules: canonical tone-mark placement and the i/y spelling variants.
// Internal to indexer/text; works on one token's code points. Thread-safety: pure functions.
//
// Tone placement (both styles share every rule but one):
//   1. `qu`, and `gi` before another vowel, are onsets: quý, quả, già, giữ.
//   2. A shaped vowel (ă â ê ô ơ ư) in the nucleus takes the tone; with two, the last one
//      (ươ → ơ as in "được", uô → ô, iê/yê → ê, uyê → ê, uâ → â).
//   3. One vowel takes it; three plain vowels put it on the middle one (ngoài, khuỷu).
//   4. Two plain vowels: with a final consonant, the second (hoàn, huýt); without one, the first
//      (tài, lúa, bìa) except oa, oe, uy, which take it on the second in the new style (hoà,
//      khoẻ, thuỷ) and on the first in the old style (hòa, khỏe, thủy).
// A token that is not a well-formed syllable (foreign word, two tones, odd final) is left as is.
#ifndef VANKIEN_INDEXER_TEXT_SYLLABLE_H_
#define VANKIEN_INDEXER_TEXT_SYLLABLE_H_

#include <string>

#include "indexer/text/analyzer.h"
#include "indexer/text/char_table.h"

namespace vankien::text {

// Moves the tone mark of `syllable` (NFC code points, any case; case is kept) to where `style`
// puts it. Returns true if the syllable changed.
bool PlaceTone(const CharTable& table, ToneStyle style, std::u32string* syllable);

// i/y variants: when the whole rhyme is a lone i or y (any tone) after the onset h, k, l, m, s,
// t or qu, writes y ("kĩ" → "kỹ", "lí" → "lý", "quí" → "quý"). Other onsets keep their letter
// because there the two spellings are different words or names (thi/Thy, vi/Vy). Expects
// case-folded input. Returns true if the syllable changed.
bool CanonicalizeIY(const CharTable& table, std::u32string* syllable);

}  // namespace vankien::text

#endif  // VANKIEN_INDEXER_TEXT_SYLLABLE_H_
