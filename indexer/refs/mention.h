// A document reference found in text ("Nghị quyết số 21-NQ/TW", "Nghị quyết Trung ương 4
// (khóa XII)", "01/2021/NĐ-CP") and the canonical keys that identify the document it names.
// Thread-safety: plain values and pure functions.
#ifndef VANKIEN_INDEXER_REFS_MENTION_H_
#define VANKIEN_INDEXER_REFS_MENTION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vankien::refs {

enum class System { kUnknown, kParty, kState };

// "party", "state" or "" (unknown).
std::string_view SystemName(System s);

struct Mention {
  // Where: code-point offsets (what the dev set and JSON output use) and byte offsets into
  // the UTF-8 input, end exclusive. `surface` is the input text of that span.
  std::size_t start = 0, end = 0;
  std::size_t byte_start = 0, byte_end = 0;
  std::string surface;

  System system = System::kUnknown;
  // Type code as in symbols: "NQ", "CT", "KL", "QĐ", "QĐi", "HD", "TB", "NĐ", "TT", "CV",
  // "L" (laws and codes) ...; upper case except QĐi, TTr, CTr, QyĐ.
  std::string type;
  std::string kind;    // the document-type noun as written, canonical: "Quy định", "Nghị quyết"; "" for a bare symbol
  std::string number;  // without leading zeros ("5", "30a"); "" for plenum/congress references
  std::string issuer;  // as written, spaces removed, upper case, TƯ/T.Ư → TW, joint issuers joined by '-'; "" if unknown
  std::string unit;    // state công văn drafting unit ("VP" in 3546/UBND-VP), else ""
  std::optional<int> year;         // the document's year, from its symbol or a date beside it
  std::optional<int> symbol_year;  // the year written inside the symbol ("30/2020/NĐ-CP")
  std::string date;      // "YYYY-MM-DD" when the text gives the document's date
  std::string term;      // Party khóa in Roman numerals ("XII"), "" if not stated
  std::optional<int> plenum;  // Hội nghị Trung ương N
  std::string congress;  // Đại hội, Roman numerals
  bool local_congress = false;  // a provincial/army congress, not the national one
  // Filled when the recognizer resolved an informal reference through the registry.
  std::string resolved_symbol;

  // The canonical symbol: "21-NQ/TW", "05-CT/TW", "30/2020/NĐ-CP", "749/QĐ-TTg", "59/2020/QH14",
  // "3546/UBND-VP"; for unnumbered references a descriptive key: "NQ/TW/HNTW4/XII",
  // "NQ/ĐH/XIII". Empty when the mention lacks the parts (a number without issuer).
  std::string Canonical() const;
  // Canonical plus what tells repeated numbers apart: "21-NQ/TW@XIII" when the term is known,
  // "21-NQ/TW@2022" when only the year is; equal to Canonical() otherwise. This is
  // refs::DocumentKey (key.h) of Canonical(), `term` and the date or year the text gives.
  std::string Key() const;
};

// Roman numeral for 1..39 ("XII"), "" otherwise; and back (0 when not a numeral).
std::string ToRoman(int n);
int FromRoman(std::string_view roman);

// The Party term (khóa) in force on a date "YYYY[-MM[-DD]]", from the congress dates; "" when
// unknown, before the first congress (1935-03-31) or after 2030. Used to tell 21-NQ/TW (2017, XII) from 21-NQ/TW (2022, XIII).
std::string PartyTermOn(std::string_view date);

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_MENTION_H_
