#include "indexer/text/encoding.h"

#include <unicode/bytestream.h>
#include <unicode/uchar.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "indexer/text/char_table.h"
#include "indexer/text/syllable.h"
#include "indexer/text/utf8.h"

namespace vankien::text {
namespace {

// ---------------------------------------------------------------------------------------------
// Byte tables.

// TCVN3 (TCVN 5712:1993) bytes 0x80-0xFF, as glibc iconv "TCVN5712-1" (= VN1) decodes them
// (checked byte by byte on this machine). VN3/ABC proper only uses 0xA1-0xFF; 0x80-0x9F hold
// VN1's capital toned vowels, which DecodeTcvn3 reads as letters only in a capitals context
// (see Tcvn3HighByte) because .VnTime documents use 0x91-0x97 for Windows-1252 quotes and
// dashes. 0xAD is ư (not a soft hyphen) and 0xB0-0xB4 are combining tone marks. glibc also
// maps twelve C0 control bytes to capitals (0x01 → Ú ...); those stay control characters here.
constexpr char32_t kTcvn3High[128] = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 80
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 88
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 90
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 98
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // A0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // A8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // B0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // B8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // C0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // C8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // D0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // D8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // E0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // E8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // F0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // F8
};

// VISCII (RFC 1456) bytes 0x80-0xFF, as glibc iconv "VISCII" decodes them.
constexpr char32_t kVisciiHigh[128] = {
    0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,  // 80
    0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,  // 88
    0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,  // 90
    0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,  // 98
    0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,  // A0
    0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,  // A8
    0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,  // B0
    0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,  // B8
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,  // C0
    0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,  // C8
    0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,  // D0
    0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,  // D8
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,  // E0
    0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,  // E8
    0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,  // F0
    0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,  // F8
};

// VISCII also puts six capitals in the C0 range.
char32_t VisciiLow(std::uint8_t b) {
  switch (b) {
    case 0x02:
      return 0x1EB2;  // Ẳ
    case 0x05:
      return 0x1EB4;  // Ẵ
    case 0x06:
      return 0x1EAA;  // Ẫ
    case 0x14:
      return 0x1EF6;  // Ỷ
    case 0x19:
      return 0x1EF8;  // Ỹ
    case 0x1E:
      return 0x1EF4;  // Ỵ
    default:
      return b;
  }
}

// Windows-1252 bytes 0x80-0x9F; the five unassigned bytes map to the C1 controls, as in ICU's
// "windows-1252" and the WHATWG encoding standard. 0xA0-0xFF are Latin-1.
constexpr char32_t kCp1252C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98
};

char32_t Cp1252(std::uint8_t b) { return (b >= 0x80 && b < 0xA0) ? kCp1252C1[b - 0x80] : b; }

// VNI-Windows two-byte letters, lower case: base byte + modifier byte (lamdao/xvnkb vni.h).
// 0xF4 is ơ and 0xF6 is ư on their own. Capitals use the capital base (A E O U Y, 0xD4 Ơ,
// 0xD6 Ư) and the modifier byte minus 0x20 (sắc 0xD9, huyền 0xD8, hỏi 0xDB, ngã 0xD5,
// nặng 0xCF, ^ 0xC2, ˘ 0xCA ...).
struct VniPair {
  std::uint8_t base;
  std::uint8_t modifier;
  char32_t letter;
};
// clang-format off
constexpr VniPair kVniPairs[] = {
    {'a', 0xF9, U'á'}, {'a', 0xF8, U'à'}, {'a', 0xFB, U'ả'}, {'a', 0xF5, U'ã'}, {'a', 0xEF, U'ạ'},
    {'a', 0xE2, U'â'}, {'a', 0xE1, U'ấ'}, {'a', 0xE0, U'ầ'}, {'a', 0xE5, U'ẩ'}, {'a', 0xE3, U'ẫ'},
    {'a', 0xE4, U'ậ'}, {'a', 0xEA, U'ă'}, {'a', 0xE9, U'ắ'}, {'a', 0xE8, U'ằ'}, {'a', 0xFA, U'ẳ'},
    {'a', 0xFC, U'ẵ'}, {'a', 0xEB, U'ặ'},
    {'e', 0xF9, U'é'}, {'e', 0xF8, U'è'}, {'e', 0xFB, U'ẻ'}, {'e', 0xF5, U'ẽ'}, {'e', 0xEF, U'ẹ'},
    {'e', 0xE2, U'ê'}, {'e', 0xE1, U'ế'}, {'e', 0xE0, U'ề'}, {'e', 0xE5, U'ể'}, {'e', 0xE3, U'ễ'},
    {'e', 0xE4, U'ệ'},
    {'o', 0xF9, U'ó'}, {'o', 0xF8, U'ò'}, {'o', 0xFB, U'ỏ'}, {'o', 0xF5, U'õ'}, {'o', 0xEF, U'ọ'},
    {'o', 0xE2, U'ô'}, {'o', 0xE1, U'ố'}, {'o', 0xE0, U'ồ'}, {'o', 0xE5, U'ổ'}, {'o', 0xE3, U'ỗ'},
    {'o', 0xE4, U'ộ'},
    {0xF4, 0xF9, U'ớ'}, {0xF4, 0xF8, U'ờ'}, {0xF4, 0xFB, U'ở'}, {0xF4, 0xF5, U'ỡ'},
    {0xF4, 0xEF, U'ợ'},
    {'u', 0xF9, U'ú'}, {'u', 0xF8, U'ù'}, {'u', 0xFB, U'ủ'}, {'u', 0xF5, U'ũ'}, {'u', 0xEF, U'ụ'},
    {0xF6, 0xF9, U'ứ'}, {0xF6, 0xF8, U'ừ'}, {0xF6, 0xFB, U'ử'}, {0xF6, 0xF5, U'ữ'},
    {0xF6, 0xEF, U'ự'},
    {'y', 0xF9, U'ý'}, {'y', 0xF8, U'ỳ'}, {'y', 0xFB, U'ỷ'}, {'y', 0xF5, U'ỹ'},
};
// clang-format on

// VNI-Windows single-byte letters, lower case; the capital is at the byte minus 0x20.
struct VniSingle {
  std::uint8_t byte;
  char32_t letter;
};
constexpr VniSingle kVniSingles[] = {
    {0xF4, U'ơ'}, {0xF6, U'ư'}, {0xF1, U'đ'}, {0xED, U'í'}, {0xEC, U'ì'},
    {0xE6, U'ỉ'}, {0xF3, U'ĩ'}, {0xF2, U'ị'}, {0xEE, U'ỵ'},
};

// Lookup tables built once from kVniPairs / kVniSingles, capitals derived with ICU.
struct VniTables {
  // 1 + the row in `lower`/`upper` of a base byte (a e o ơ u ư y, either case); 0 otherwise.
  std::array<std::uint8_t, 256> base_row{};
  std::array<bool, 256> base_upper{};
  // [row][lower-case modifier byte] → the letter (0 = the pair is not a letter). Modifiers are
  // looked up in their lower-case form, so a capital base with a lower-case modifier (or the
  // reverse), as sloppy typing produces, still combines; the base decides the case.
  std::array<std::array<char32_t, 256>, 7> lower{};
  std::array<std::array<char32_t, 256>, 7> upper{};
  std::array<char32_t, 256> single{};  // single-byte letters (0 = none)
};

const CharTable& Table() {
  static const CharTable* const table = new CharTable();
  return *table;
}

char32_t ToUpper(char32_t c) {
  icu::UnicodeString s(static_cast<UChar32>(c));
  s.toUpper();
  return s.countChar32() == 1 ? static_cast<char32_t>(s.char32At(0)) : c;
}

const VniTables& Vni() {
  static const VniTables* const tables = [] {
    auto* t = new VniTables();
    constexpr std::uint8_t kBases[7] = {'a', 'e', 'o', 0xF4, 'u', 0xF6, 'y'};
    for (int row = 0; row < 7; ++row) {
      const std::uint8_t lower = kBases[row];
      const auto upper = static_cast<std::uint8_t>(lower - 0x20);  // 'a'→'A', 0xF4→0xD4
      t->base_row[lower] = static_cast<std::uint8_t>(row + 1);
      t->base_row[upper] = static_cast<std::uint8_t>(row + 1);
      t->base_upper[upper] = true;
    }
    for (const VniPair& p : kVniPairs) {
      const int row = t->base_row[p.base] - 1;
      t->lower[row][p.modifier] = p.letter;
      t->upper[row][p.modifier] = ToUpper(p.letter);
    }
    for (const VniSingle& s : kVniSingles) {
      t->single[s.byte] = s.letter;
      t->single[s.byte - 0x20] = ToUpper(s.letter);
    }
    return t;
  }();
  return *tables;
}

// ---------------------------------------------------------------------------------------------
// Decoders. Each returns UTF-8 (not yet NFC).

bool IsAsciiAlpha(std::uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

std::string DecodeCp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (unsigned char b : bytes) AppendUtf8(Cp1252(b), &out);
  return out;
}

std::string DecodeViscii(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (unsigned char b : bytes) AppendUtf8(b < 0x80 ? VisciiLow(b) : kVisciiHigh[b - 0x80], &out);
  return out;
}

// TCVN3 letters for the capitals-context rule below.
bool Tcvn3IsLetter(std::uint8_t b) {
  return IsAsciiAlpha(b) || (b >= 0x80 && b != 0xA0 && !(b >= 0xB0 && b <= 0xB4));
}
bool Tcvn3IsUpper(std::uint8_t b) {
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  if (b < 0xA0) return true;
  return Tcvn3IsLetter(b) && Table().Lookup(kTcvn3High[b - 0x80]).Has(CharInfo::kUpper);
}

// Bytes 0x80-0x9F that Windows-1252 .VnTime documents use for punctuation: ‚ „ … ‘ ’ “ ” • – —.
bool Tcvn3IsPunctuationByte(std::uint8_t b) {
  return b == 0x82 || b == 0x84 || b == 0x85 || (b >= 0x91 && b <= 0x97);
}

// One TCVN3 byte >= 0x80 at `i`. A VN1 capital in 0x80-0x9F that collides with a common
// Windows-1252 punctuation byte counts as a letter only inside or at the edge of an all-capitals
// word ("CỘNG" = 43 97 4E 47), and never where the punctuation reading is the natural one (an
// opening quote before a word, a closing quote or ellipsis after one).
char32_t Tcvn3HighByte(std::string_view bytes, std::size_t i) {
  const auto b = static_cast<std::uint8_t>(bytes[i]);
  if (b >= 0xA0 || !Tcvn3IsPunctuationByte(b)) return kTcvn3High[b - 0x80];
  const std::uint8_t prev = i > 0 ? static_cast<std::uint8_t>(bytes[i - 1]) : 0x20;
  const std::uint8_t next = i + 1 < bytes.size() ? static_cast<std::uint8_t>(bytes[i + 1]) : 0x20;
  const bool prev_letter = Tcvn3IsLetter(prev), next_letter = Tcvn3IsLetter(next);
  const bool prev_upper = Tcvn3IsUpper(prev), next_upper = Tcvn3IsUpper(next);
  const bool opening = b == 0x82 || b == 0x84 || b == 0x91 || b == 0x93;
  const bool closing = b == 0x85 || b == 0x92 || b == 0x94;
  const bool capitals =
      (prev_upper || !prev_letter) && (next_upper || !next_letter) && (prev_upper || next_upper);
  if (capitals && !(opening && !prev_letter) && !(closing && !next_letter)) {
    return kTcvn3High[b - 0x80];
  }
  return kCp1252C1[b - 0x80];
}

// TCVN3 capitals are a font (.VnTimeH), not bytes: headings set in it use the lowercase bytes of
// 0xA1-0xFF for their toned capitals, so "SẮC LỆNH" decodes as "SắC LệNH". A word whose ASCII
// letters are two or more capitals and none lowercase is such a heading word, and its
// Vietnamese letters are made capitals too. A capitalised word ("Số": one ASCII capital) and
// mixed words ("Phủ") are left as they are.
void CapitalizeHeadingWords(std::u32string* text) {
  std::size_t i = 0;
  while (i < text->size()) {
    if (!u_isalpha(static_cast<UChar32>((*text)[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    int ascii_upper = 0, ascii_lower = 0;
    for (; j < text->size() && u_isalpha(static_cast<UChar32>((*text)[j])); ++j) {
      const char32_t c = (*text)[j];
      ascii_upper += c >= 'A' && c <= 'Z';
      ascii_lower += c >= 'a' && c <= 'z';
    }
    if (ascii_upper >= 2 && ascii_lower == 0) {
      for (std::size_t k = i; k < j; ++k) (*text)[k] = static_cast<char32_t>(u_toupper(static_cast<UChar32>((*text)[k])));
    }
    i = j;
  }
}

std::string DecodeTcvn3(std::string_view bytes) {
  std::u32string decoded;
  decoded.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<std::uint8_t>(bytes[i]);
    decoded.push_back(b < 0x80 ? char32_t{b} : Tcvn3HighByte(bytes, i));
  }
  CapitalizeHeadingWords(&decoded);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (char32_t c : decoded) AppendUtf8(c, &out);
  return out;
}

// VNI: at each byte, a base letter followed by a modifier it combines with is one letter
// (longest match first); otherwise a single-byte VNI letter; otherwise the Windows-1252
// character (modifier bytes on their own included).
std::string DecodeVni(std::string_view bytes) {
  const VniTables& vni = Vni();
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<std::uint8_t>(bytes[i]);
    if (vni.base_row[b] != 0 && i + 1 < bytes.size()) {
      auto m = static_cast<std::uint8_t>(bytes[i + 1]);
      // Capital modifiers are the lower-case ones minus 0x20 (0xC0-0xDF).
      if (m >= 0xC0 && m < 0xE0) m = static_cast<std::uint8_t>(m + 0x20);
      const int row = vni.base_row[b] - 1;
      const char32_t letter = vni.base_upper[b] ? vni.upper[row][m] : vni.lower[row][m];
      if (letter != 0) {
        AppendUtf8(letter, &out);
        ++i;
        continue;
      }
    }
    if (vni.single[b] != 0) {
      AppendUtf8(vni.single[b], &out);
    } else {
      AppendUtf8(Cp1252(b), &out);
    }
  }
  return out;
}

// Windows-1258 through ICU (the converter maps every byte; its five unassigned bytes become C1
// controls). The converter is opened per call: ICU converters are not thread-safe. Falls back
// to Windows-1252 if ICU lacks the converter (a broken installation).
std::string DecodeWindows1258(std::string_view bytes, std::size_t* invalid) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1258", &status);
  if (U_FAILURE(status) || converter == nullptr) return DecodeCp1252(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  constexpr std::size_t kChunk = 1 << 20;  // single-byte: any chunk boundary is safe
  for (std::size_t pos = 0; pos < bytes.size(); pos += kChunk) {
    const std::string_view chunk = bytes.substr(pos, kChunk);
    status = U_ZERO_ERROR;
    const icu::UnicodeString us(chunk.data(), static_cast<int32_t>(chunk.size()), converter,
                                status);
    if (U_FAILURE(status)) {
      out += DecodeCp1252(chunk);
      continue;
    }
    for (int32_t i = 0; i < us.length(); ++i) {
      if (us.charAt(i) == 0xFFFD) ++*invalid;
    }
    us.toUTF8String(out);
  }
  ucnv_close(converter);
  return out;
}

// UTF-16 without its BOM; unpaired surrogates and a trailing odd byte become U+FFFD.
std::string DecodeUtf16(std::string_view bytes, bool big_endian, std::size_t* invalid) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto lo = static_cast<std::uint8_t>(bytes[big_endian ? i + 1 : i]);
    const auto hi = static_cast<std::uint8_t>(bytes[big_endian ? i : i + 1]);
    return static_cast<char32_t>(hi << 8 | lo);
  };
  const std::size_t n = bytes.size() & ~std::size_t{1};
  for (std::size_t i = 0; i < n; i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 2 < n) {
      const char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      AppendUtf8(0xFFFD, &out);
      ++*invalid;
    } else {
      AppendUtf8(u, &out);
    }
  }
  if (bytes.size() != n) {
    AppendUtf8(0xFFFD, &out);
    ++*invalid;
  }
  return out;
}

// ICU's shared NFC instance. Aborts only if ICU's own data is missing (a broken installation),
// as the analyzer does; no input can cause it.
const icu::Normalizer2& Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      std::fprintf(stderr, "vankien: ICU normalization data missing: %s\n", u_errorName(status));
      std::abort();
    }
    return n;
  }();
  return *nfc;
}

// NFC of valid UTF-8, in chunks split where NFC has a boundary (ICU takes int32 lengths).
std::string ToNfc(std::string text) {
  const icu::Normalizer2& nfc = Nfc();
  constexpr std::size_t kChunk = 1 << 20;
  UErrorCode status = U_ZERO_ERROR;
  if (text.size() <= kChunk &&
      nfc.isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                           status) &&
      U_SUCCESS(status)) {
    return text;
  }
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::int64_t n = static_cast<std::int64_t>(text.size());
  std::int64_t pos = 0;
  while (pos < n) {
    std::int64_t end = std::min<std::int64_t>(n, pos + static_cast<std::int64_t>(kChunk));
    while (end < n) {  // move to a code point that starts a new NFC segment
      if ((s[end] & 0xC0) != 0x80) {
        std::int64_t j = end;
        UChar32 c;
        U8_NEXT(s, j, n, c);
        if (c >= 0 && nfc.hasBoundaryBefore(c)) break;
      }
      ++end;
    }
    status = U_ZERO_ERROR;
    nfc.normalizeUTF8(0, icu::StringPiece(text.data() + pos, static_cast<int32_t>(end - pos)), sink,
                      nullptr, status);
    if (U_FAILURE(status)) {
      out.append(text, static_cast<std::size_t>(pos), static_cast<std::size_t>(end - pos));
    }
    pos = end;
  }
  return out;
}

// Calls f(code point) for every code point of valid UTF-8.
template <typename F>
void ForEachCodePoint(std::string_view utf8, F&& f) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::int64_t n = static_cast<std::int64_t>(utf8.size());
  for (std::int64_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    f(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
}

// VIQR (RFC 1456): after a vowel, ( ^ + add a breve/circumflex/horn where that makes a
// Vietnamese letter, and ' ` ? ~ . add a tone when the word has none yet (so the full stop of
// "No^.i." stays a full stop); dd/Dd/DD at the start of a word is đ/Đ; a backslash makes the
// next mark (or d) literal. Works on code points, so non-ASCII text passes through.
std::string DecodeViqr(std::string_view utf8) {
  std::u32string in;
  ForEachCodePoint(utf8, [&](char32_t c) { in.push_back(c); });
  std::u32string out;
  out.reserve(in.size());
  struct {
    bool active = false;
    char32_t base = 0, shape = 0, tone = 0;
  } vowel;
  const auto flush = [&] {
    if (!vowel.active) return;
    out.push_back(vowel.base);
    if (vowel.shape != 0) out.push_back(vowel.shape);
    if (vowel.tone != 0) out.push_back(vowel.tone);
    vowel.active = false;
  };
  const auto is_mark = [](char32_t c) {
    return c == '(' || c == '^' || c == '+' || c == '\'' || c == '`' || c == '?' || c == '~' ||
           c == '.';
  };
  const auto is_vowel = [](char32_t c) {
    switch (c | 0x20) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        return c < 0x80;
      default:
        return false;
    }
  };
  bool word_has_tone = false;
  bool prev_letter = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
    if (c == '\\' && (is_mark(next) || next == 'd' || next == 'D')) {
      flush();
      out.push_back(next);
      prev_letter = next == 'd' || next == 'D';
      ++i;
      continue;
    }
    if (vowel.active) {
      const char32_t b = vowel.base | 0x20;
      char32_t shape = 0;
      if (c == '^' && (b == 'a' || b == 'e' || b == 'o')) shape = 0x0302;
      if (c == '(' && b == 'a') shape = 0x0306;
      if (c == '+' && (b == 'o' || b == 'u')) shape = 0x031B;
      if (shape != 0 && vowel.shape == 0) {
        vowel.shape = shape;
        continue;
      }
      char32_t tone = 0;
      switch (c) {
        case '\'':
          tone = 0x0301;
          break;
        case '`':
          tone = 0x0300;
          break;
        case '?':
          tone = 0x0309;
          break;
        case '~':
          tone = 0x0303;
          break;
        case '.':
          tone = 0x0323;
          break;
        default:
          break;
      }
      if (tone != 0 && vowel.tone == 0 && !word_has_tone) {
        vowel.tone = tone;
        word_has_tone = true;
        continue;
      }
    }
    flush();
    if ((c == 'd' || c == 'D') && (next == 'd' || next == 'D') && !prev_letter &&
        !(c == 'd' && next == 'D')) {
      out.push_back(c == 'd' ? U'đ' : U'Đ');
      prev_letter = true;
      ++i;
      continue;
    }
    if (is_vowel(c)) {
      vowel = {true, c, 0, 0};
      prev_letter = true;
      continue;
    }
    out.push_back(c);
    prev_letter = c < 0x80 ? IsAsciiAlpha(c) : Table().Lookup(c).IsWordChar();
    if (!prev_letter) word_has_tone = false;
  }
  flush();
  std::string utf8_out;
  utf8_out.reserve(out.size() + out.size() / 4);
  for (char32_t c : out) AppendUtf8(c, &utf8_out);
  return utf8_out;
}

// ---------------------------------------------------------------------------------------------
// Scoring: how Vietnamese does a decoding look?

constexpr std::size_t kMaxSyllable = 7;  // "nghiêng"

struct Nucleus {
  std::u32string_view vowels;  // toneless, lower case
  bool open;                   // may end the syllable
  bool closed;                 // may take a final consonant
};
// The vowel clusters of Vietnamese syllables (after the onsets qu and gi are split off).
constexpr Nucleus kNuclei[] = {
    {U"a", true, true},    {U"ă", false, true},   {U"â", false, true},   {U"e", true, true},
    {U"ê", true, true},    {U"i", true, true},    {U"o", true, true},    {U"ô", true, true},
    {U"ơ", true, true},    {U"u", true, true},    {U"ư", true, true},    {U"y", true, true},
    {U"ai", true, false},  {U"ao", true, false},  {U"au", true, false},  {U"ay", true, false},
    {U"âu", true, false},  {U"ây", true, false},  {U"eo", true, false},  {U"êu", true, false},
    {U"ia", true, false},  {U"iê", false, true},  {U"iu", true, false},  {U"oa", true, true},
    {U"oă", false, true},  {U"oe", true, true},   {U"oi", true, false},  {U"ôi", true, false},
    {U"ơi", true, false},  {U"oo", false, true},  {U"ua", true, false},  {U"uâ", false, true},
    {U"uê", true, true},   {U"ui", true, false},  {U"uô", false, true},  {U"uơ", true, false},
    {U"uy", true, true},   {U"ưa", true, false},  {U"ưi", true, false},  {U"ươ", false, true},
    {U"ưu", true, false},  {U"yê", false, true},  {U"iêu", true, false}, {U"yêu", true, false},
    {U"oai", true, false}, {U"oao", true, false}, {U"oay", true, false}, {U"oeo", true, false},
    {U"uây", true, false}, {U"uôi", true, false}, {U"uya", true, false}, {U"uyê", false, true},
    {U"uyu", true, false}, {U"ươi", true, false}, {U"ươu", true, false},
};

constexpr std::u32string_view kOnsets[] = {
    U"",  U"b",  U"c",   U"ch", U"d", U"đ",  U"g",  U"gh", U"gi", U"h", U"k",  U"kh", U"l", U"m",
    U"n", U"ng", U"ngh", U"nh", U"p", U"ph", U"qu", U"r",  U"s",  U"t", U"th", U"tr", U"v", U"x",
};

constexpr std::u32string_view kCodas[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

bool IsFront(char32_t v) { return v == U'e' || v == U'ê' || v == U'i' || v == U'y'; }

// Whether `word` (NFC code points, any case) is a well-formed Vietnamese syllable: a known
// onset, vowel cluster and final, at most one tone, only sắc/nặng before c ch p t, and the
// spelling rules c/k, g/gh, ng/ngh, lower, Title or UPPER case ("ViÃ" is not "viã"), and the
// tone on the vowel that the old or the new placement rule puts it on (syllable.h) — so VNI
// bytes misread as Windows-1258 ("bơị") fail. `shaped` is set when it has ă â ê ô ơ ư or đ.
bool IsVietnameseSyllable(const std::u32string& word, bool* shaped) {
  const std::size_t n = word.size();
  *shaped = false;
  if (n == 0 || n > kMaxSyllable) return false;
  const CharTable& table = Table();
  std::array<char32_t, kMaxSyllable> low{};
  std::array<bool, kMaxSyllable> vowel{};
  int tones = 0;
  std::size_t uppers = 0;
  std::uint8_t tone = kToneNone;
  for (std::size_t i = 0; i < n; ++i) {
    const CharInfo info = table.Lookup(word[i]);
    if (!info.Has(CharInfo::kLetter)) return false;
    if (info.Has(CharInfo::kUpper)) {
      if (i > 0 && uppers == 0) return false;  // a capital after a lower-case letter
      ++uppers;
    }
    vowel[i] = info.Has(CharInfo::kVowel);
    if (vowel[i]) {
      low[i] = info.toneless;
      if (info.tone != kToneNone) {
        ++tones;
        tone = info.tone;
      }
      if (low[i] == U'ă' || low[i] == U'â' || low[i] == U'ê' || low[i] == U'ô' || low[i] == U'ơ' ||
          low[i] == U'ư') {
        *shaped = true;
      }
    } else {
      low[i] = info.fold;
      if (low[i] == U'đ') {
        *shaped = true;
      } else if (low[i] > 0x7F || !IsAsciiAlpha(low[i]) || low[i] == 'f' || low[i] == 'j' ||
                 low[i] == 'w' || low[i] == 'z') {
        return false;
      }
    }
  }
  if (tones > 1 || (uppers > 1 && uppers != n)) return false;
  std::size_t v0 = 0;
  while (v0 < n && !vowel[v0]) ++v0;
  if (v0 == n) return false;
  std::size_t v1 = v0;
  while (v1 < n && vowel[v1]) ++v1;
  // qu, and gi before another vowel, are onsets.
  if (v0 == 1 && low[0] == 'q') {
    if (low[1] != 'u' || v1 - v0 < 2) return false;
    ++v0;
  } else if (v0 == 1 && low[0] == 'g' && low[1] == 'i' && v1 - v0 >= 2) {
    ++v0;
  }
  const std::u32string_view all(low.data(), n);
  const std::u32string_view onset = all.substr(0, v0);
  const std::u32string_view nucleus = all.substr(v0, v1 - v0);
  const std::u32string_view coda = all.substr(v1);
  if (std::find(std::begin(kOnsets), std::end(kOnsets), onset) == std::end(kOnsets)) return false;
  if (std::find(std::begin(kCodas), std::end(kCodas), coda) == std::end(kCodas)) return false;
  const Nucleus* nuc = nullptr;
  for (const Nucleus& candidate : kNuclei) {
    if (candidate.vowels == nucleus) nuc = &candidate;
  }
  if (nuc == nullptr || (coda.empty() ? !nuc->open : !nuc->closed)) return false;
  // Spelling: k gh ngh only before e ê i y; c ng never, g not before e ê.
  const bool front = IsFront(nucleus[0]);
  if ((onset == U"k" || onset == U"gh" || onset == U"ngh") && !front) return false;
  if ((onset == U"c" || onset == U"ng") && front) return false;
  if (onset == U"g" && (nucleus[0] == U'e' || nucleus[0] == U'ê')) return false;
  // ch and nh follow a, ê, i, y only (anh, ếch, tính, huỳnh).
  if (coda == U"ch" || coda == U"nh") {
    const char32_t last = nucleus.back();
    if (last != U'a' && last != U'ê' && last != U'i' && last != U'y') return false;
  }
  // A stop final takes sắc or nặng.
  if ((coda == U"c" || coda == U"ch" || coda == U"p" || coda == U"t") && tone != kToneAcute &&
      tone != kToneDot) {
    return false;
  }
  if (tones == 1) {
    std::u32string restyled = word;
    if (PlaceTone(table, ToneStyle::kNew, &restyled)) {
      restyled = word;
      if (PlaceTone(table, ToneStyle::kOld, &restyled)) return false;
    }
  }
  return true;
}

// About two hundred of the most frequent Vietnamese syllables that carry marks (general usage
// and the administrative register; both tone styles where they differ). Only breaks ties
// between readings that are equally well-formed: "cuûa" is "của" in VNI and "cuỷa" in TCVN3.
constexpr std::string_view kCommonSyllables[] = {
    "biển", "báo",   "bí",     "bản",   "bảo",   "bị",     "bộ",    "chuẩn", "chính", "chúng",
    "chỉ",  "chống", "chủ",    "chức",  "các",   "cán",    "cáo",   "còn",   "có",    "công",
    "cùng", "cũng",  "cơ",     "cường", "cả",    "cấp",    "cần",   "cầu",   "của",   "cứu",
    "dân",  "dẫn",   "dục",    "dựng",  "giá",   "giáo",   "giải",  "giữa",  "hiện",  "hoà",
    "hoá",  "hoạch", "hoạt",   "huyện", "hành",  "hình",   "hòa",   "hóa",   "hơn",   "hướng",
    "hệ",   "họ",    "học",    "hội",   "hợp",   "khoá",   "khóa",  "không", "kiến",  "kiểm",
    "kiện", "kế",    "kết",    "kỷ",    "luật",  "là",     "làm",   "lãnh",  "lý",    "lĩnh",
    "lại",  "lớn",   "lực",    "mình",  "mạnh",  "mỗi",    "một",   "mới",   "mục",   "nghiệp",
    "nghị", "ngoài", "ngành",  "ngày",  "người", "nhiều",  "nhiệm", "nhà",   "nhân",  "nhũng",
    "như",  "nhưng", "nhỏ",    "những", "nào",   "này",    "nâng",  "nên",   "năm",   "năng",
    "nước", "nội",   "pháp",   "phát",  "phòng", "phương", "phải",  "phủ",   "quyết", "quân",
    "quả",  "quản",  "quốc",   "riêng", "rất",   "sát",    "sản",   "sẽ",    "số",    "sở",
    "sự",   "thiết", "thuỷ",   "thì",   "thông", "thư",    "thế",   "thể",   "thị",   "thời",
    "thủ",  "thủy",  "thức",   "thực",  "tiêu",  "tiếp",   "toàn",  "triển", "trào",  "trách",
    "trên", "trước", "trường", "trị",   "trọng", "tác",    "tâm",   "tình",  "tôi",   "tăng",
    "tư",   "tướng", "tại",    "tế",    "tỉnh",  "tịch",   "tổ",    "tới",   "tục",   "từ",
    "uỷ",   "viên",  "việc",   "việt",  "và",    "vào",    "vì",    "văn",   "về",    "vệ",
    "với",  "vụ",    "vực",    "xuất",  "xây",   "xã",     "yêu",   "án",    "ý",     "đang",
    "đi",   "điều",  "đoàn",   "đánh",  "đây",   "đã",     "đó",    "đúng",  "được",  "đạo",
    "đảm",  "đảng",  "đảo",    "đất",   "đầu",   "đến",    "đề",    "đều",   "để",    "địa",
    "định", "đối",   "đồng",   "đổi",   "đội",   "động",   "ương",  "ủy",
};

bool IsCommonSyllable(const std::u32string& word) {
  std::string folded;
  for (char32_t c : word) AppendUtf8(Table().Lookup(c).fold, &folded);
  return std::find(std::begin(kCommonSyllables), std::end(kCommonSyllables), folded) !=
         std::end(kCommonSyllables);
}

struct Score {
  int good = 0;          // non-ASCII words that are well-formed Vietnamese syllables
  int bad = 0;           // non-ASCII words that are not
  int common = 0;        // good words among kCommonSyllables
  int shaped = 0;        // good words with ă â ê ô ơ ư đ
  int letters_only = 0;  // non-ASCII words made of letters only (Western text in Windows-1252)
  int Net() const { return good - bad; }
  int Words() const { return good + bad; }
  // Ranks readings: net score first, common syllables break ties.
  bool BetterThan(const Score& other) const {
    return Net() != other.Net() ? Net() > other.Net() : common > other.common;
  }
};

// Word separators for scoring: white space, ASCII digits and punctuation, NBSP, the General
// Punctuation block and the ideographic space. Latin-1 symbols (§ ¶ © ® ...) and soft hyphens
// stay inside words, which is what makes "§¶ng" and "n­íc" count against a reading.
bool IsScoreSeparator(char32_t c) {
  if (c < 0x80) return !IsAsciiAlpha(c);
  return c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || c == 0xFEFF;
}

Score ScoreText(std::string_view utf8) {
  Score score;
  std::u32string word;
  bool non_ascii = false;
  const auto finish = [&] {
    if (!word.empty() && non_ascii) {
      bool shaped = false;
      if (IsVietnameseSyllable(word, &shaped)) {
        ++score.good;
        if (shaped) ++score.shaped;
        if (IsCommonSyllable(word)) ++score.common;
      } else {
        ++score.bad;
      }
      bool letters = true;
      for (char32_t c : word) letters = letters && Table().Lookup(c).Has(CharInfo::kLetter);
      if (letters) ++score.letters_only;
    }
    word.clear();
    non_ascii = false;
  };
  ForEachCodePoint(utf8, [&](char32_t c) {
    if (IsScoreSeparator(c)) {
      finish();
    } else {
      word.push_back(c);
      non_ascii = non_ascii || c >= 0x80;
    }
  });
  finish();
  return score;
}

// A reading clearly in Vietnamese: most (70%) of its non-ASCII words are Vietnamese syllables.
// What a repair of text that already decoded needs (French "coûte" in VNI is "cỏte").
bool ClearlyVietnamese(const Score& s) { return s.good >= 1 && s.good * 10 >= s.Words() * 7; }

// Confidence that the best reading is right, from its margin over the runner-up and the share
// of its non-ASCII words that are Vietnamese: 1 - e^(-margin/2), times that share.
double MarginConfidence(const Score& best, int margin) {
  if (best.Words() == 0 || margin <= 0) return 0;
  const double purity = static_cast<double>(best.good) / best.Words();
  return purity * (1.0 - std::exp(-margin / 2.0));
}

// The first ~64 KiB of `bytes`, ending at an ASCII space or newline when one is near the end.
constexpr std::size_t kSampleSize = 64 * 1024;
std::string_view Sample(std::string_view bytes) {
  if (bytes.size() <= kSampleSize) return bytes;
  std::size_t end = kSampleSize;
  for (std::size_t i = kSampleSize; i > kSampleSize - 256; --i) {
    if (bytes[i] == ' ' || bytes[i] == '\n') {
      end = i;
      break;
    }
  }
  return bytes.substr(0, end);
}

// The same for UTF-8 text, never splitting a character.
std::string_view SampleUtf8(std::string_view text) {
  std::string_view s = Sample(text);
  std::size_t end = s.size();
  while (end > 0 && end < text.size() && (static_cast<std::uint8_t>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

std::string DecodeWith(Encoding encoding, std::string_view bytes, std::size_t* invalid) {
  switch (encoding) {
    case Encoding::kUtf8: {
      std::size_t bad = 0;
      std::string out = SanitizeUtf8(bytes, &bad);
      *invalid += bad;
      return out;
    }
    case Encoding::kUtf16Le:
      return DecodeUtf16(bytes, false, invalid);
    case Encoding::kUtf16Be:
      return DecodeUtf16(bytes, true, invalid);
    case Encoding::kWindows1258:
      return DecodeWindows1258(bytes, invalid);
    case Encoding::kTcvn3:
      return DecodeTcvn3(bytes);
    case Encoding::kVni:
      return DecodeVni(bytes);
    case Encoding::kViscii:
      return DecodeViscii(bytes);
    case Encoding::kViqr: {
      std::size_t bad = 0;
      const std::string text = SanitizeUtf8(bytes, &bad);
      *invalid += bad;
      return DecodeViqr(text);
    }
    case Encoding::kWindows1252:
      return DecodeCp1252(bytes);
  }
  return DecodeCp1252(bytes);
}

// ---------------------------------------------------------------------------------------------
// Detection.

// The Windows-1252 bytes that, decoded as Windows-1252 (or Latin-1), give `text`; nullopt when
// some character has no such byte.
std::optional<std::string> EncodeCp1252(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool ok = true;
  ForEachCodePoint(text, [&](char32_t c) {
    if (!ok) return;
    if (c < 0x100) {
      out.push_back(static_cast<char>(c));
      return;
    }
    for (int i = 0; i < 32; ++i) {
      if (kCp1252C1[i] == c) {
        out.push_back(static_cast<char>(0x80 + i));
        return;
      }
    }
    ok = false;
  });
  if (!ok) return std::nullopt;
  return out;
}

// Counts valid multi-byte UTF-8 sequences and invalid ones (ICU's maximal-subpart rule).
void CountUtf8(std::string_view bytes, std::size_t* multibyte, std::size_t* invalid) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const std::int64_t n = static_cast<std::int64_t>(bytes.size());
  for (std::int64_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++*invalid;
    } else {
      ++*multibyte;
    }
  }
}

// UTF-16 without a BOM: at least 30% NUL bytes at one parity (the high bytes of ASCII and
// Latin-1 characters) and almost none at the other.
bool LooksLikeUtf16(std::string_view bytes, bool* big_endian, double* confidence) {
  const std::string_view s = Sample(bytes);
  if (s.size() < 4) return false;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  const double pairs = static_cast<double>(s.size() / 2);
  const auto check = [&](std::size_t high, std::size_t low) {
    return high >= 0.3 * pairs && low <= 0.02 * pairs && low * 8 < high;
  };
  if (check(zero_odd, zero_even)) {
    *big_endian = false;
  } else if (check(zero_even, zero_odd)) {
    *big_endian = true;
  } else {
    return false;
  }
  const double spread = std::fabs(static_cast<double>(zero_odd) - zero_even) / pairs;
  *confidence = std::min(0.99, 0.5 + 0.5 * spread);
  return true;
}

// Decoded UTF-8 text (from any Unicode encoding): checks pure ASCII for VIQR and Windows-1252
// compatible text for mojibake; otherwise returns it as read.
Decoded FinishUnicode(std::string text, Encoding encoding, double confidence, std::size_t invalid) {
  const std::string_view sample = SampleUtf8(text);
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<std::uint8_t>(c) < 0x80; });
  if (ascii) {
    // VIQR needs at least one word with a vowel shape or đ, and few words that fail to parse.
    const Score viqr = ScoreText(ToNfc(DecodeViqr(sample)));
    if (viqr.shaped >= 1 && viqr.good >= 3 * viqr.bad && (viqr.good >= 2 || viqr.bad == 0)) {
      return {ToNfc(DecodeViqr(text)), Encoding::kViqr,
              MarginConfidence(viqr, viqr.Net() + viqr.shaped), false, invalid};
    }
    return {std::move(text), encoding, confidence, false, invalid};
  }
  if (std::optional<std::string> bytes = EncodeCp1252(text)) {
    const std::string_view raw_sample = Sample(*bytes);
    const Score original = ScoreText(ToNfc(std::string(sample)));
    // Doubly encoded UTF-8 ("Viá»‡t"): the bytes are valid UTF-8 with multi-byte sequences.
    std::size_t multibyte = 0, bad = 0;
    CountUtf8(*bytes, &multibyte, &bad);
    if (bad == 0 && multibyte > 0) {
      std::string repaired = ToNfc(std::move(*bytes));
      const Score score = ScoreText(SampleUtf8(repaired));
      if (score.Net() >= original.Net()) {
        const double conf = std::min(0.99, 1.0 - std::pow(0.5, static_cast<double>(multibyte)));
        return {std::move(repaired), Encoding::kUtf8, conf, true, invalid};
      }
    } else {
      const Score tcvn3 = ScoreText(ToNfc(DecodeTcvn3(raw_sample)));
      const Score vni = ScoreText(ToNfc(DecodeVni(raw_sample)));
      const bool use_vni = vni.BetterThan(tcvn3);
      const Score& best = use_vni ? vni : tcvn3;
      const int margin = best.Net() - original.Net();
      if (ClearlyVietnamese(best) && best.good > original.good && margin >= 2) {
        const Encoding legacy = use_vni ? Encoding::kVni : Encoding::kTcvn3;
        std::size_t ignored = 0;
        return {ToNfc(DecodeWith(legacy, *bytes, &ignored)), legacy, MarginConfidence(best, margin),
                true, invalid};
      }
    }
  }
  return {ToNfc(std::move(text)), encoding, confidence, false, invalid};
}

// The best legacy 8-bit reading of `bytes`, judged on a sample.
struct LegacyPick {
  Encoding encoding = Encoding::kWindows1252;
  Score score;              // of the pick (Windows-1252's when nothing reads as Vietnamese)
  bool vietnamese = false;  // some candidate reads as Vietnamese (net score > 0)
  double confidence = 0;
};

LegacyPick PickLegacy(std::string_view bytes) {
  constexpr Encoding kCandidates[] = {Encoding::kTcvn3, Encoding::kVni, Encoding::kWindows1258,
                                      Encoding::kViscii, Encoding::kWindows1252};
  constexpr int kCount = sizeof(kCandidates) / sizeof(kCandidates[0]);
  const std::string_view sample = Sample(bytes);
  std::array<std::string, kCount> decoded;
  std::array<Score, kCount> scores;
  int best = 0;
  for (int i = 0; i < kCount; ++i) {
    std::size_t ignored = 0;
    decoded[i] = ToNfc(DecodeWith(kCandidates[i], sample, &ignored));
    scores[i] = ScoreText(decoded[i]);
    if (scores[i].BetterThan(scores[best])) best = i;  // full ties keep the earlier candidate
  }
  LegacyPick pick;
  if (scores[best].good == 0 || scores[best].Net() <= 0) {
    // Nothing reads as Vietnamese: Windows-1252, as sure as its non-ASCII words are letters.
    const Score& cp1252 = scores[kCount - 1];
    pick.score = cp1252;
    pick.confidence =
        cp1252.Words() == 0 ? 0.5 : 0.5 * static_cast<double>(cp1252.letters_only) / cp1252.Words();
    return pick;
  }
  // The runner-up among readings that differ from the best one.
  int second = std::numeric_limits<int>::min();
  for (int i = 0; i < kCount; ++i) {
    if (i != best && decoded[i] != decoded[best]) second = std::max(second, scores[i].Net());
  }
  const int margin =
      second == std::numeric_limits<int>::min() ? scores[best].Net() : scores[best].Net() - second;
  pick.encoding = kCandidates[best];
  pick.score = scores[best];
  pick.vietnamese = true;
  pick.confidence = MarginConfidence(scores[best], margin);
  return pick;
}

Decoded DecodeLegacy(std::string_view bytes, const LegacyPick& pick) {
  Decoded result;
  result.encoding = pick.encoding;
  result.confidence = pick.confidence;
  result.text = ToNfc(DecodeWith(pick.encoding, bytes, &result.invalid));
  return result;
}

// Valid UTF-8 with at most this many multi-byte sequences is also read as legacy bytes.
constexpr std::size_t kFewMultibyte = 8;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kBomUtf8 = "\xEF\xBB\xBF";
constexpr std::string_view kBomUtf16Le = "\xFF\xFE";
constexpr std::string_view kBomUtf16Be = "\xFE\xFF";

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kWindows1258:
      return "windows-1258";
    case Encoding::kTcvn3:
      return "tcvn3";
    case Encoding::kVni:
      return "vni";
    case Encoding::kViscii:
      return "viscii";
    case Encoding::kViqr:
      return "viqr";
    case Encoding::kWindows1252:
      return "windows-1252";
  }
  return "unknown";
}

std::optional<Encoding> ParseEncoding(std::string_view name) {
  std::string key;
  for (char c : name) key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  struct Alias {
    std::string_view name;
    Encoding encoding;
  };
  static constexpr Alias kAliases[] = {
      {"utf-8", Encoding::kUtf8},
      {"utf8", Encoding::kUtf8},
      {"utf-16le", Encoding::kUtf16Le},
      {"utf16le", Encoding::kUtf16Le},
      {"utf-16be", Encoding::kUtf16Be},
      {"utf16be", Encoding::kUtf16Be},
      {"windows-1258", Encoding::kWindows1258},
      {"cp1258", Encoding::kWindows1258},
      {"tcvn3", Encoding::kTcvn3},
      {"tcvn-3", Encoding::kTcvn3},
      {"tcvn", Encoding::kTcvn3},
      {"tcvn5712", Encoding::kTcvn3},
      {"tcvn5712-1", Encoding::kTcvn3},
      {"abc", Encoding::kTcvn3},
      {"vni", Encoding::kVni},
      {"vni-windows", Encoding::kVni},
      {"viscii", Encoding::kViscii},
      {"viqr", Encoding::kViqr},
      {"windows-1252", Encoding::kWindows1252},
      {"cp1252", Encoding::kWindows1252},
      {"iso-8859-1", Encoding::kWindows1252},
      {"latin-1", Encoding::kWindows1252},
      {"latin1", Encoding::kWindows1252},
  };
  for (const Alias& alias : kAliases) {
    if (alias.name == key) return alias.encoding;
  }
  return std::nullopt;
}

Decoded DecodeText(std::string_view bytes, std::optional<Encoding> forced) {
  if (forced.has_value()) {
    Decoded result;
    result.encoding = *forced;
    result.confidence = 1.0;
    std::string_view body = bytes;
    if ((*forced == Encoding::kUtf8 || *forced == Encoding::kViqr) && StartsWith(body, kBomUtf8)) {
      body.remove_prefix(3);
    }
    if (*forced == Encoding::kUtf16Le && StartsWith(body, kBomUtf16Le)) body.remove_prefix(2);
    if (*forced == Encoding::kUtf16Be && StartsWith(body, kBomUtf16Be)) body.remove_prefix(2);
    result.text = ToNfc(DecodeWith(*forced, body, &result.invalid));
    return result;
  }

  // 1. A byte-order mark.
  if (StartsWith(bytes, kBomUtf8)) {
    std::size_t invalid = 0;
    std::string text = SanitizeUtf8(bytes.substr(3), &invalid);
    return FinishUnicode(std::move(text), Encoding::kUtf8, 1.0, invalid);
  }
  if (StartsWith(bytes, kBomUtf16Le) || StartsWith(bytes, kBomUtf16Be)) {
    const bool big_endian = bytes[0] == '\xFE';
    std::size_t invalid = 0;
    std::string text = DecodeUtf16(bytes.substr(2), big_endian, &invalid);
    return FinishUnicode(std::move(text), big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le, 1.0,
                         invalid);
  }

  // 2. UTF-16 without a BOM.
  bool big_endian = false;
  double utf16_confidence = 0;
  if (LooksLikeUtf16(bytes, &big_endian, &utf16_confidence)) {
    std::size_t invalid = 0;
    std::string text = DecodeUtf16(bytes, big_endian, &invalid);
    return FinishUnicode(std::move(text), big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le,
                         utf16_confidence, invalid);
  }

  // 3. Valid UTF-8; 4. mostly UTF-8.
  std::size_t multibyte = 0, invalid = 0;
  CountUtf8(bytes, &multibyte, &invalid);
  if (invalid == 0) {
    // Each multi-byte sequence halves the chance that legacy bytes formed them by accident.
    const double confidence =
        multibyte == 0 ? 1.0 : 1.0 - std::pow(0.5, static_cast<double>(multibyte) + 1.0);
    Decoded as_utf8 = FinishUnicode(std::string(bytes), Encoding::kUtf8, confidence, 0);
    // A few multi-byte sequences can be legacy bytes by accident (VISCII "nước" = 6E DF BE 63
    // is valid UTF-8): when the UTF-8 reading has no Vietnamese word and a legacy one clearly
    // does, take the legacy one.
    if (!as_utf8.repaired_mojibake && multibyte <= kFewMultibyte && multibyte > 0) {
      const Score utf8_score = ScoreText(as_utf8.text);
      const LegacyPick pick = PickLegacy(bytes);
      if (utf8_score.good == 0 && pick.vietnamese && ClearlyVietnamese(pick.score) &&
          pick.score.Net() >= utf8_score.Net() + 2) {
        Decoded result = DecodeLegacy(bytes, pick);
        result.confidence = std::min(result.confidence, 0.5);
        return result;
      }
    }
    return as_utf8;
  }
  if (multibyte >= 2 && multibyte >= 4 * invalid) {
    const double share = static_cast<double>(multibyte) / static_cast<double>(multibyte + invalid);
    std::size_t bad = 0;
    std::string text = SanitizeUtf8(bytes, &bad);
    return FinishUnicode(std::move(text), Encoding::kUtf8,
                         share * (1.0 - std::pow(0.5, static_cast<double>(multibyte))), bad);
  }

  // 5. A legacy 8-bit encoding — unless the file is UTF-8 with a few bad bytes among few
  // multi-byte sequences ("Đà Nẵng" and one stray Windows-1252 quote): then the UTF-8 reading,
  // bad bytes as U+FFFD, has the Vietnamese words and the legacy readings have mojibake.
  const LegacyPick pick = PickLegacy(bytes);
  if (multibyte > 0) {
    std::size_t bad = 0;
    std::string text = SanitizeUtf8(bytes, &bad);
    const Score utf8_score = ScoreText(ToNfc(std::string(SampleUtf8(text))));
    if (utf8_score.good > 0 && utf8_score.Net() > pick.score.Net()) {
      Decoded result = FinishUnicode(std::move(text), Encoding::kUtf8, 0.5, bad);
      result.confidence = std::min(result.confidence, 0.5);
      return result;
    }
  }
  return DecodeLegacy(bytes, pick);
}

}  // namespace vankien::text
