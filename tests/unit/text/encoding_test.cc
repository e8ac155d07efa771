// Tests for DecodeText: the legacy Vietnamese byte tables (checked against literal byte strings
// from the domain notes and glibc iconv output), detection, forced encodings, BOMs, mojibake
// repair, and robustness on arbitrary bytes.
#include "indexer/text/encoding.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "indexer/text/utf8.h"

namespace vankien::text {
namespace {

std::string Utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::string Utf16(std::u32string_view s, bool big_endian) {
  std::string out;
  const auto unit = [&](char32_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out.push_back(big_endian ? hi : lo);
    out.push_back(big_endian ? lo : hi);
  };
  for (char32_t c : s) {
    if (c >= 0x10000) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(c);
    }
  }
  return out;
}

Decoded Forced(std::string_view bytes, Encoding e) { return DecodeText(bytes, e); }

// ---------------------------------------------------------------------------------------------
// Names.

TEST(EncodingNameTest, CanonicalNamesRoundTrip) {
  for (Encoding e : {Encoding::kUtf8, Encoding::kUtf16Le, Encoding::kUtf16Be,
                     Encoding::kWindows1258, Encoding::kTcvn3, Encoding::kVni, Encoding::kViscii,
                     Encoding::kViqr, Encoding::kWindows1252}) {
    const std::optional<Encoding> parsed = ParseEncoding(EncodingName(e));
    ASSERT_TRUE(parsed.has_value()) << EncodingName(e);
    EXPECT_EQ(*parsed, e);
  }
  EXPECT_EQ(EncodingName(Encoding::kUtf8), "utf-8");
  EXPECT_EQ(EncodingName(Encoding::kWindows1258), "windows-1258");
  EXPECT_EQ(EncodingName(Encoding::kTcvn3), "tcvn3");
}

TEST(EncodingNameTest, AliasesAndCase) {
  EXPECT_EQ(ParseEncoding("ABC"), Encoding::kTcvn3);
  EXPECT_EQ(ParseEncoding("abc"), Encoding::kTcvn3);
  EXPECT_EQ(ParseEncoding("TCVN3"), Encoding::kTcvn3);
  EXPECT_EQ(ParseEncoding("VNI-Windows"), Encoding::kVni);
  EXPECT_EQ(ParseEncoding("CP1258"), Encoding::kWindows1258);
  EXPECT_EQ(ParseEncoding("UTF8"), Encoding::kUtf8);
  EXPECT_EQ(ParseEncoding("Utf-16LE"), Encoding::kUtf16Le);
  EXPECT_EQ(ParseEncoding("VISCII"), Encoding::kViscii);
  EXPECT_EQ(ParseEncoding("cp1252"), Encoding::kWindows1252);
  EXPECT_FALSE(ParseEncoding("").has_value());
  EXPECT_FALSE(ParseEncoding("koi8-r").has_value());
  EXPECT_FALSE(ParseEncoding("utf-8 ").has_value());
}

// ---------------------------------------------------------------------------------------------
// TCVN3 (bytes from the notes' appendix).

constexpr std::string_view kTcvn3DangCongSan =
    "\xA7\xB6\x6E\x67\x20\x43\xE9\x6E\x67\x20\x73\xB6\x6E\x20\x56\x69\xD6\x74\x20\x4E\x61\x6D";

TEST(Tcvn3Test, NotesExamples) {
  EXPECT_EQ(Forced("\x4E\x67\x68\xDE\x20\x71\x75\x79\xD5\x74", Encoding::kTcvn3).text,
            "Nghị quyết");
  EXPECT_EQ(Forced(kTcvn3DangCongSan, Encoding::kTcvn3).text, "Đảng Cộng sản Việt Nam");
  EXPECT_EQ(Forced("\x54\x72\x75\x6E\x67\x20\xAD\xAC\x6E\x67", Encoding::kTcvn3).text,
            "Trung ương");
  EXPECT_EQ(Forced("\x42\xE9\x20\x43\x68\xDD\x6E\x68\x20\x74\x72\xDE", Encoding::kTcvn3).text,
            "Bộ Chính trị");
  EXPECT_EQ(Forced("\x6B\x68\xE3\x61", Encoding::kTcvn3).text, "khóa");
}

// Headings set in the .VnTimeH capitals font reuse the lowercase bytes for toned capitals.
TEST(Tcvn3Test, CapitalsFontHeadingsComeOutInCapitals) {
  const struct {
    const char* bytes;
    const char* text;
  } cases[] = {
      {"S\xBE" "C L\xD6NH", "SẮC LỆNH"},                    // all-capitals words
      {"C\xF1" "A CH\xF1 T\xDE" "CH", "CỦA CHỦ TỊCH"},
      {"S\xE8 3", "Số 3"},                                    // one capital: a capitalised word
      {"CH\xDD" "NH Ph\xF1", "CHÍNH Phủ"},                  // a lowercase ASCII letter: as typed
      {"B\xE9 Ch\xDD" "nh tr\xDE", "Bộ Chính trị"},
  };
  for (const auto& c : cases) EXPECT_EQ(Forced(c.bytes, Encoding::kTcvn3).text, c.text) << c.text;
}

TEST(Tcvn3Test, SoftHyphenByteIsU) {
  // 0xAD is ư in TCVN3, not a soft hyphen to drop.
  const Decoded d = Forced("\x6E\xAD\xED\x63", Encoding::kTcvn3);
  EXPECT_EQ(d.text, "nước");
  EXPECT_EQ(d.invalid, 0u);
}

TEST(Tcvn3Test, TableMatchesGlibc) {
  // Bytes 0xA1-0xFF except the combining marks 0xB0-0xB4, as `iconv -f TCVN5712-1` decodes them.
  std::string bytes;
  for (int b = 0xA1; b <= 0xFF; ++b) {
    if (b < 0xB0 || b > 0xB4) bytes.push_back(static_cast<char>(b));
  }
  EXPECT_EQ(Forced(bytes, Encoding::kTcvn3).text,
            "ĂÂÊÔƠƯĐăâêôơưđẰàảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụ"
            "ừửữứựỳỷỹýỵỐ");
}

TEST(Tcvn3Test, CombiningToneBytesCompose) {
  EXPECT_EQ(Forced("a\xB3", Encoding::kTcvn3).text, "á");     // 0xB3 = U+0301
  EXPECT_EQ(Forced("U\xB4", Encoding::kTcvn3).text, "Ụ");     // 0xB4 = U+0323
  EXPECT_EQ(Forced("\xA2\xB0", Encoding::kTcvn3).text, "Ầ");  // Â + U+0300
}

TEST(Tcvn3Test, Vn1CapitalsInCapitalsContext) {
  // VN1 capitals at 0x80-0x9F, each between two capitals: "N?N", as glibc decodes them.
  const std::u32string expected = U"ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ";
  for (int b = 0x80; b <= 0x9F; ++b) {
    const std::string bytes = std::string("N") + static_cast<char>(b) + "N";
    EXPECT_EQ(Forced(bytes, Encoding::kTcvn3).text,
              "N" + Utf8(std::u32string(1, expected[b - 0x80])) + "N")
        << std::hex << b;
  }
  EXPECT_EQ(Forced("\xA7\x81NG C\x97NG S\x81N VI\x8CT NAM", Encoding::kTcvn3).text,
            "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_EQ(Forced("NGH\x91 QUY\xDAT", Encoding::kTcvn3).text, "NGHỊ QUYẾT");
}

TEST(Tcvn3Test, Windows1252QuotesStayQuotes) {
  // .VnTime documents keep Windows-1252 curly quotes and dashes at 0x91-0x97.
  const std::string bytes =
      std::string("\x93") + std::string(kTcvn3DangCongSan) + "\x94 \x96 n\x92s";
  EXPECT_EQ(Forced(bytes, Encoding::kTcvn3).text, "“Đảng Cộng sản Việt Nam” – n’s");
  EXPECT_EQ(Forced("\x93NGH\x91 QUY\xDAT\x94", Encoding::kTcvn3).text, "“NGHỊ QUYẾT”");
}

TEST(Tcvn3Test, Detected) {
  const Decoded d = DecodeText(kTcvn3DangCongSan);
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_EQ(d.text, "Đảng Cộng sản Việt Nam");
  EXPECT_GT(d.confidence, 0.8);
  EXPECT_LE(d.confidence, 1.0);
  EXPECT_FALSE(d.repaired_mojibake);
}

// ---------------------------------------------------------------------------------------------
// VNI-Windows.

// The notes' VNI table (lower case, order base/sắc/huyền/hỏi/ngã/nặng) as a test-side encoder;
// capitals take the capital base and every non-ASCII byte minus 0x20.
struct VniEntry {
  char32_t letter;
  std::string_view bytes;
};
constexpr VniEntry kVniTable[] = {
    {U'a', "a"},        {U'á', "a\xF9"},    {U'à', "a\xF8"},    {U'ả', "a\xFB"},
    {U'ã', "a\xF5"},    {U'ạ', "a\xEF"},    {U'â', "a\xE2"},    {U'ấ', "a\xE1"},
    {U'ầ', "a\xE0"},    {U'ẩ', "a\xE5"},    {U'ẫ', "a\xE3"},    {U'ậ', "a\xE4"},
    {U'ă', "a\xEA"},    {U'ắ', "a\xE9"},    {U'ằ', "a\xE8"},    {U'ẳ', "a\xFA"},
    {U'ẵ', "a\xFC"},    {U'ặ', "a\xEB"},    {U'e', "e"},        {U'é', "e\xF9"},
    {U'è', "e\xF8"},    {U'ẻ', "e\xFB"},    {U'ẽ', "e\xF5"},    {U'ẹ', "e\xEF"},
    {U'ê', "e\xE2"},    {U'ế', "e\xE1"},    {U'ề', "e\xE0"},    {U'ể', "e\xE5"},
    {U'ễ', "e\xE3"},    {U'ệ', "e\xE4"},    {U'o', "o"},        {U'ó', "o\xF9"},
    {U'ò', "o\xF8"},    {U'ỏ', "o\xFB"},    {U'õ', "o\xF5"},    {U'ọ', "o\xEF"},
    {U'ô', "o\xE2"},    {U'ố', "o\xE1"},    {U'ồ', "o\xE0"},    {U'ổ', "o\xE5"},
    {U'ỗ', "o\xE3"},    {U'ộ', "o\xE4"},    {U'ơ', "\xF4"},     {U'ớ', "\xF4\xF9"},
    {U'ờ', "\xF4\xF8"}, {U'ở', "\xF4\xFB"}, {U'ỡ', "\xF4\xF5"}, {U'ợ', "\xF4\xEF"},
    {U'u', "u"},        {U'ú', "u\xF9"},    {U'ù', "u\xF8"},    {U'ủ', "u\xFB"},
    {U'ũ', "u\xF5"},    {U'ụ', "u\xEF"},    {U'ư', "\xF6"},     {U'ứ', "\xF6\xF9"},
    {U'ừ', "\xF6\xF8"}, {U'ử', "\xF6\xFB"}, {U'ữ', "\xF6\xF5"}, {U'ự', "\xF6\xEF"},
    {U'i', "i"},        {U'í', "\xED"},     {U'ì', "\xEC"},     {U'ỉ', "\xE6"},
    {U'ĩ', "\xF3"},     {U'ị', "\xF2"},     {U'y', "y"},        {U'ý', "y\xF9"},
    {U'ỳ', "y\xF8"},    {U'ỷ', "y\xFB"},    {U'ỹ', "y\xF5"},    {U'ỵ', "\xEE"},
    {U'đ', "\xF1"},
};
// The capitals of kVniTable, in the same order.
constexpr std::u32string_view kVniCapitals =
    U"AÁÀẢÃẠÂẤẦẨẪẬĂẮẰẲẴẶEÉÈẺẼẸÊẾỀỂỄỆOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢUÚÙỦŨỤƯỨỪỬỮỰIÍÌỈĨỊYÝỲỶỸỴĐ";

std::string VniCapital(std::string_view lower) {
  std::string out;
  for (char c : lower) {
    const auto b = static_cast<std::uint8_t>(c);
    out.push_back(static_cast<char>(b >= 0x80 ? b - 0x20 : (b >= 'a' && b <= 'z' ? b - 32 : b)));
  }
  return out;
}

TEST(VniTest, NotesExamples) {
  EXPECT_EQ(Forced("Vie\xE4t Nam", Encoding::kVni).text, "Việt Nam");
  EXPECT_EQ(Forced("\xD1"
                   "a\xFBng Co\xE4ng sa\xFBn Vie\xE4t Nam",
                   Encoding::kVni)
                .text,
            "Đảng Cộng sản Việt Nam");
  EXPECT_EQ(Forced("Ngh\xF2 quye\xE1t", Encoding::kVni).text, "Nghị quyết");
  EXPECT_EQ(Forced("Trung \xF6\xF4ng", Encoding::kVni).text, "Trung ương");
  EXPECT_EQ(Forced("Bo\xE4 Ch\xEDnh tr\xF2", Encoding::kVni).text, "Bộ Chính trị");
  EXPECT_EQ(Forced("n\xF6\xF4\xF9"
                   "c",
                   Encoding::kVni)
                .text,
            "nước");
  EXPECT_EQ(Forced("kho\xF9"
                   "a",
                   Encoding::kVni)
                .text,
            "khóa");
}

TEST(VniTest, EveryLetterBothCases) {
  ASSERT_EQ(kVniCapitals.size(), std::size(kVniTable));
  for (std::size_t i = 0; i < std::size(kVniTable); ++i) {
    const VniEntry& e = kVniTable[i];
    // Between consonants so that a letter's modifier cannot combine with a neighbour.
    EXPECT_EQ(Forced("t" + std::string(e.bytes) + "n", Encoding::kVni).text,
              "t" + Utf8(std::u32string(1, e.letter)) + "n")
        << i;
    EXPECT_EQ(Forced("T" + VniCapital(e.bytes) + "N", Encoding::kVni).text,
              "T" + Utf8(std::u32string(1, kVniCapitals[i])) + "N")
        << i;
  }
}

TEST(VniTest, CapitalsAndModifierWithoutBase) {
  EXPECT_EQ(Forced("VIE\xC4T NAM", Encoding::kVni).text, "VIỆT NAM");
  EXPECT_EQ(Forced("\xD1"
                   "A\xDBNG",
                   Encoding::kVni)
                .text,
            "ĐẢNG");
  // A modifier byte after a consonant is just its Windows-1252 character.
  EXPECT_EQ(Forced("n\xF9", Encoding::kVni).text, "nù");
}

TEST(VniTest, Detected) {
  const Decoded d = DecodeText(
      "\xD1"
      "a\xFBng Co\xE4ng sa\xFBn Vie\xE4t Nam quye\xE1t ngh\xF2");
  EXPECT_EQ(d.encoding, Encoding::kVni);
  EXPECT_EQ(d.text, "Đảng Cộng sản Việt Nam quyết nghị");
  EXPECT_GT(d.confidence, 0.8);
}

// ---------------------------------------------------------------------------------------------
// VISCII and Windows-1258 (bytes from glibc iconv -t VISCII / CP1258).

TEST(VisciiTest, TableMatchesGlibc) {
  std::string bytes;
  for (int b = 0x80; b <= 0xFF; ++b) bytes.push_back(static_cast<char>(b));
  EXPECT_EQ(
      Forced(bytes, Encoding::kViscii).text,
      "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷ"
      "ừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ");
  EXPECT_EQ(Forced("\x02\x05\x06\x14\x19\x1E", Encoding::kViscii).text, "ẲẴẪỶỸỴ");
}

TEST(VisciiTest, RoundTripAndDetection) {
  constexpr std::string_view kBytes =
      "\xD0\xE4\x6E\x67\x20\x43\xB5\x6E\x67\x20\x73\xE4\x6E\x20\x56\x69\xAE\x74\x20\x4E\x61\x6D"
      "\x20\x4E\x67\x68\xB8\x20\x71\x75\x79\xAA\x74\x20\x54\x72\x75\x6E\x67\x20\xDF\xBD\x6E\x67";
  const std::string expected = "Đảng Cộng sản Việt Nam Nghị quyết Trung ương";
  EXPECT_EQ(Forced(kBytes, Encoding::kViscii).text, expected);
  const Decoded d = DecodeText(kBytes);
  EXPECT_EQ(d.encoding, Encoding::kViscii);
  EXPECT_EQ(d.text, expected);
  EXPECT_GT(d.confidence, 0.5);
}

TEST(VisciiTest, ValidUtf8ByAccident) {
  // VISCII "nước" (6E DF BE 63) is also valid UTF-8 ("n\u07FEc"); the Vietnamese reading wins,
  // with a capped confidence.
  const Decoded d = DecodeText("\x6E\xDF\xBE\x63");
  EXPECT_EQ(d.encoding, Encoding::kViscii);
  EXPECT_EQ(d.text, "nước");
  EXPECT_LE(d.confidence, 0.5);
}

TEST(Windows1258Test, DecomposedTonesBecomeNfc) {
  // "Việt" = V i ê U+0323(0xF2) t: ICU gives ê + combining dot below; NFC makes U+1EC7.
  const Decoded d = Forced("\x56\x69\xEA\xF2\x74\x20\x4E\x61\x6D", Encoding::kWindows1258);
  EXPECT_EQ(d.text, "Việt Nam");
  EXPECT_EQ(d.text, "Vi\xE1\xBB\x87t Nam");  // precomposed
}

TEST(Windows1258Test, RoundTripAndDetection) {
  constexpr std::string_view kBytes =
      "\xD0\x61\xD2\x6E\x67\x20\x43\xF4\xF2\x6E\x67\x20\x73\x61\xD2\x6E\x20\x56\x69\xEA\xF2\x74"
      "\x20\x4E\x61\x6D\x20\x4E\x67\x68\x69\xF2\x20\x71\x75\x79\xEA\xEC\x74\x20\x6E\xFD\xF5\xEC"
      "\x63";
  const std::string expected = "Đảng Cộng sản Việt Nam Nghị quyết nước";
  EXPECT_EQ(Forced(kBytes, Encoding::kWindows1258).text, expected);
  const Decoded d = DecodeText(kBytes);
  EXPECT_EQ(d.encoding, Encoding::kWindows1258);
  EXPECT_EQ(d.text, expected);
  EXPECT_GT(d.confidence, 0.5);
}

// ---------------------------------------------------------------------------------------------
// VIQR.

TEST(ViqrTest, Forced) {
  EXPECT_EQ(Forced("Vie^.t Nam", Encoding::kViqr).text, "Việt Nam");
  EXPECT_EQ(Forced("DDa?ng Co^.ng sa?n Vie^.t Nam", Encoding::kViqr).text,
            "Đảng Cộng sản Việt Nam");
  EXPECT_EQ(Forced("Nghi. quye^'t", Encoding::kViqr).text, "Nghị quyết");
  EXPECT_EQ(Forced("nu+o+'c", Encoding::kViqr).text, "nước");
  EXPECT_EQ(Forced("kho'a", Encoding::kViqr).text, "khóa");
  EXPECT_EQ(Forced("a(n", Encoding::kViqr).text, "ăn");
  // A word keeps one tone, so the full stop after "Nội" stays a full stop.
  EXPECT_EQ(Forced("Ha` No^.i.", Encoding::kViqr).text, "Hà Nội.");
  // Backslash makes a mark literal (RFC 1456): "đi đâu?".
  EXPECT_EQ(Forced("ddi dda^u\\?", Encoding::kViqr).text, "đi đâu?");
  // dd is đ only at the start of a word.
  EXPECT_EQ(Forced("add", Encoding::kViqr).text, "add");
}

TEST(ViqrTest, Detected) {
  Decoded d = DecodeText("Vie^.t Nam");
  EXPECT_EQ(d.encoding, Encoding::kViqr);
  EXPECT_EQ(d.text, "Việt Nam");
  EXPECT_GT(d.confidence, 0.3);
  d = DecodeText("DDa?ng Co^.ng sa?n Vie^.t Nam");
  EXPECT_EQ(d.encoding, Encoding::kViqr);
  EXPECT_EQ(d.text, "Đảng Cộng sản Việt Nam");
  EXPECT_GT(d.confidence, 0.8);
}

// ---------------------------------------------------------------------------------------------
// Unicode encodings, BOMs, NFC.

TEST(UnicodeTest, EmptyInput) {
  const Decoded d = DecodeText("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_EQ(d.invalid, 0u);
  EXPECT_FALSE(d.repaired_mojibake);
  for (Encoding e : {Encoding::kUtf16Le, Encoding::kTcvn3, Encoding::kVni, Encoding::kViqr}) {
    EXPECT_EQ(Forced("", e).text, "");
  }
}

TEST(UnicodeTest, Utf8WithBom) {
  const Decoded d = DecodeText("\xEF\xBB\xBFNghị quyết");
  EXPECT_EQ(d.text, "Nghị quyết");
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.confidence, 1.0);
  EXPECT_EQ(Forced("\xEF\xBB\xBFNghị", Encoding::kUtf8).text, "Nghị");
}

TEST(UnicodeTest, Utf16WithBom) {
  const std::u32string text = U"Đảng Cộng sản Việt Nam 𝐀";
  Decoded d = DecodeText("\xFF\xFE" + Utf16(text, false));
  EXPECT_EQ(d.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(d.text, Utf8(text));
  EXPECT_EQ(d.confidence, 1.0);
  d = DecodeText("\xFE\xFF" + Utf16(text, true));
  EXPECT_EQ(d.encoding, Encoding::kUtf16Be);
  EXPECT_EQ(d.text, Utf8(text));
}

TEST(UnicodeTest, Utf16WithoutBom) {
  const std::u32string text = U"Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương";
  Decoded d = DecodeText(Utf16(text, false));
  EXPECT_EQ(d.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(d.text, Utf8(text));
  EXPECT_GT(d.confidence, 0.5);
  EXPECT_LT(d.confidence, 1.0);
  d = DecodeText(Utf16(text, true));
  EXPECT_EQ(d.encoding, Encoding::kUtf16Be);
  EXPECT_EQ(d.text, Utf8(text));
}

TEST(UnicodeTest, Utf16Errors) {
  // Odd trailing byte and an unpaired surrogate each become U+FFFD.
  Decoded d = Forced(std::string("A\0B\0C", 5), Encoding::kUtf16Le);
  EXPECT_EQ(d.text, "AB\xEF\xBF\xBD");
  EXPECT_EQ(d.invalid, 1u);
  d = Forced(std::string("\x00\xD8"
                         "A\0",
                         4),
             Encoding::kUtf16Le);
  EXPECT_EQ(d.text,
            "\xEF\xBF\xBD"
            "A");
  EXPECT_EQ(d.invalid, 1u);
  // Forced UTF-16 drops its own BOM.
  EXPECT_EQ(Forced(std::string("\xFF\xFE"
                               "A\0",
                               4),
                   Encoding::kUtf16Le)
                .text,
            "A");
}

TEST(UnicodeTest, NfdBecomesNfc) {
  const Decoded d = DecodeText("Vie\xCC\xA3\xCC\x82t Nam");  // e + U+0323 + U+0302
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.text, "Việt Nam");
}

TEST(UnicodeTest, MostlyUtf8WithAFewBadBytes) {
  const std::string bytes = "Đảng Cộng sản Việt Nam \xFF Nghị quyết";
  const Decoded d = DecodeText(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.text, "Đảng Cộng sản Việt Nam \xEF\xBF\xBD Nghị quyết");
  EXPECT_EQ(d.invalid, 1u);
}

// Few multi-byte sequences and a stray Windows-1252 byte: still UTF-8, the byte as U+FFFD, and
// a guess (not the Windows-1252 mojibake "Ä\x90Ã\xa0 Náºµng" it used to give).
TEST(UnicodeTest, FewMultibyteAndAStrayByteStayUtf8) {
  const std::string bytes = "Thong bao so 12/TB-UBND ve viec nghi le.\nĐà Nẵng ngay 5 thang 9 \x92 2024\n";
  const Decoded d = DecodeText(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_NE(d.text.find("Đà Nẵng"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("9 \xEF\xBF\xBD 2024"), std::string::npos) << d.text;
  EXPECT_EQ(d.invalid, 1u);
  EXPECT_LE(d.confidence, 0.5);
}

TEST(UnicodeTest, PlainAsciiAndForeignUtf8Unchanged) {
  for (std::string_view text :
       {"The quick brown fox jumps over the lazy dog.",
        "I'm fine, e.g. a^b and x^2; don't (a+b) count++ dd if=/dev/zero. Mo. Go?",
        "Resolution 68-NQ/TW on private economic development", "L'été à Paris, où il fait beau.",
        "Müller aß Brötchen in Köln.", "Привет мир", "中华人民共和国", "sí"}) {
    const Decoded d = DecodeText(text);
    EXPECT_EQ(d.encoding, Encoding::kUtf8) << text;
    EXPECT_EQ(d.text, text);
    EXPECT_FALSE(d.repaired_mojibake) << text;
  }
}

// ---------------------------------------------------------------------------------------------
// Mojibake: TCVN3/VNI bytes that went through a Windows-1252 decoder into UTF-8.

TEST(MojibakeTest, Tcvn3ReadAsCp1252) {
  for (const auto& [in, out] : std::vector<std::pair<std::string, std::string>>{
           {"ViÖt Nam", "Việt Nam"},
           {"§¶ng Céng s¶n ViÖt Nam", "Đảng Cộng sản Việt Nam"},
           {"NghÞ quyÕt", "Nghị quyết"},
           {"Trung \xC2\xAD¬ng", "Trung ương"},  // U+00AD soft hyphen is TCVN3 ư
           {"n\xC2\xADíc", "nước"},
           {"Bé ChÝnh trÞ", "Bộ Chính trị"}}) {
    const Decoded d = DecodeText(in);
    EXPECT_TRUE(d.repaired_mojibake) << in;
    EXPECT_EQ(d.encoding, Encoding::kTcvn3) << in;
    EXPECT_EQ(d.text, out);
    EXPECT_GT(d.confidence, 0.5) << in;
  }
}

TEST(MojibakeTest, VniReadAsCp1252) {
  for (const auto& [in, out] : std::vector<std::pair<std::string, std::string>>{
           {"Vieät Nam", "Việt Nam"},
           {"Ñaûng Coäng saûn Vieät Nam", "Đảng Cộng sản Việt Nam"},
           {"Nghò quyeát", "Nghị quyết"},
           {"nöôùc", "nước"},
           {"khoùa", "khóa"}}) {
    const Decoded d = DecodeText(in);
    EXPECT_TRUE(d.repaired_mojibake) << in;
    EXPECT_EQ(d.encoding, Encoding::kVni) << in;
    EXPECT_EQ(d.text, out);
  }
}

TEST(MojibakeTest, AfterBomToo) {
  const Decoded d = DecodeText("\xEF\xBB\xBF§¶ng Céng s¶n ViÖt Nam");
  EXPECT_TRUE(d.repaired_mojibake);
  EXPECT_EQ(d.text, "Đảng Cộng sản Việt Nam");
}

TEST(MojibakeTest, DoublyEncodedUtf8) {
  const Decoded d = DecodeText("Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t Nam");  // "Viá»‡t Nam"
  EXPECT_TRUE(d.repaired_mojibake);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.text, "Việt Nam");
}

TEST(MojibakeTest, ForcedUtf8IsNotRepaired) {
  const Decoded d = Forced("ViÖt Nam", Encoding::kUtf8);
  EXPECT_FALSE(d.repaired_mojibake);
  EXPECT_EQ(d.text, "ViÖt Nam");
}

TEST(MojibakeTest, GenuineLatin1VietnameseLeftAlone) {
  // Valid Vietnamese that happens to fit Windows-1252 is not "repaired" into other syllables.
  for (std::string_view text : {"Cà phê", "bé", "Bà Tô"}) {
    const Decoded d = DecodeText(text);
    EXPECT_FALSE(d.repaired_mojibake) << text;
    EXPECT_EQ(d.text, text);
  }
}

// ---------------------------------------------------------------------------------------------
// Forced encodings and Windows-1252.

TEST(ForcedTest, Honoured) {
  Decoded d = Forced(kTcvn3DangCongSan, Encoding::kWindows1252);
  EXPECT_EQ(d.encoding, Encoding::kWindows1252);
  EXPECT_EQ(d.text, "§¶ng Céng s¶n ViÖt Nam");
  EXPECT_EQ(d.confidence, 1.0);
  d = Forced(kTcvn3DangCongSan, Encoding::kViscii);
  EXPECT_EQ(d.encoding, Encoding::kViscii);
  EXPECT_NE(d.text, "Đảng Cộng sản Việt Nam");
  d = Forced("Vie^.t", Encoding::kUtf8);
  EXPECT_EQ(d.text, "Vie^.t");
  d = Forced("\x80\x81\x9F", Encoding::kWindows1252);
  EXPECT_EQ(d.text, "€\xC2\x81Ÿ");
  d = Forced("Vi\xC3\x96t", Encoding::kWindows1258);  // Ă is 0xC3 in Windows-1258
  EXPECT_EQ(d.text, "ViĂ–t");
}

TEST(ForcedTest, InvalidUtf8Counted) {
  const Decoded d = Forced(
      "a\xFF\xFE"
      "b\xE1\xBB",
      Encoding::kUtf8);
  EXPECT_EQ(d.text,
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(d.invalid, 3u);
}

TEST(Windows1252Test, WesternTextFallsBack) {
  // "L'été à Paris, où il fait très beau. Ça coûte cher." in Windows-1252.
  const Decoded d = DecodeText(
      "L'\xE9t\xE9 \xE0 Paris, o\xF9 il fait tr\xE8s beau. \xC7"
      "a co\xFBte cher \xE0 la "
      "boulangerie fran\xE7"
      "aise.");
  EXPECT_EQ(d.encoding, Encoding::kWindows1252);
  EXPECT_EQ(d.text,
            "L'été à Paris, où il fait très beau. Ça coûte cher à la boulangerie française.");
  EXPECT_LE(d.confidence, 0.5);
}

// ---------------------------------------------------------------------------------------------
// Bundled legacy samples.

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(CorpusSampleTest, LegacySamplesDecode) {
  const std::string dir = std::string(VANKIEN_SOURCE_DIR) + "/corpus/legacy/";
  const std::string nq = ReadFile(dir + "nghi-quyet-tcvn3.txt");
  ASSERT_FALSE(nq.empty());
  Decoded d = DecodeText(nq);
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_GT(d.confidence, 0.99);
  EXPECT_EQ(d.text.rfind("BỘ CHÍNH TRỊ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 905-NQ/TW\n"
                         "Hà Nội, ngày 10 tháng 3 năm 2024\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\n",
                         0),
            0u);
  EXPECT_NE(d.text.find("lỗi chữ “ư” sau khi"), std::string::npos);
  EXPECT_EQ(d.text.find("\xEF\xBF\xBD"), std::string::npos);

  const std::string ct = ReadFile(dir + "chi-thi-vni.txt");
  ASSERT_FALSE(ct.empty());
  d = DecodeText(ct);
  EXPECT_EQ(d.encoding, Encoding::kVni);
  EXPECT_GT(d.confidence, 0.99);
  EXPECT_EQ(d.text.rfind("BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 906-CT/TW\n"
                         "Hà Nội, ngày 20 tháng 5 năm 2024\n\nCHỈ THỊ\nCỦA BAN BÍ THƯ\n",
                         0),
            0u);
  EXPECT_NE(d.text.find("chính xác từng chữ, từng dấu thanh."), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Robustness.

void ExpectWellFormed(const Decoded& d, std::string_view input) {
  std::size_t invalid = 0;
  EXPECT_EQ(SanitizeUtf8(d.text, &invalid), d.text);
  EXPECT_EQ(invalid, 0u);
  EXPECT_GE(d.confidence, 0.0);
  EXPECT_LE(d.confidence, 1.0);
  // NFC: normalizing again changes nothing (forced UTF-8 would also drop a leading U+FEFF).
  if (d.text.rfind("\xEF\xBB\xBF", 0) != 0) {
    EXPECT_EQ(DecodeText(d.text, Encoding::kUtf8).text, d.text) << testing::PrintToString(input);
  }
}

TEST(RobustnessTest, RandomBytesNeverCrash) {
  std::mt19937 rng(20240310);
  constexpr std::string_view kAlphabet =
      "aeiouyAEIOUYdDngNGt ^(+'`?~.\\\xAD\xB3\xD6\xE4\xF2\xF4\xF6\xF9\x93\x94\x97\xC3\xE1\xBB";
  for (int i = 0; i < 10000; ++i) {
    const int length = static_cast<int>(rng() % 200);
    std::string bytes;
    const int mode = i % 4;
    for (int j = 0; j < length; ++j) {
      if (mode == 0) {
        bytes.push_back(static_cast<char>(rng() & 0xFF));
      } else if (mode == 1) {
        bytes.push_back(kAlphabet[rng() % kAlphabet.size()]);
      } else if (mode == 2) {
        bytes.push_back(static_cast<char>(rng() % 0x80));  // ASCII: the VIQR path
      } else {
        bytes.push_back(static_cast<char>(j % 2 == 1 && rng() % 3 ? 0 : rng() & 0xFF));  // UTF-16
      }
    }
    if (i % 50 == 0) bytes.insert(0, i % 100 == 0 ? "\xFF\xFE" : "\xEF\xBB\xBF");
    const Decoded d = DecodeText(bytes);
    ExpectWellFormed(d, bytes);
    if (i % 10 == 0) {
      const auto forced = static_cast<Encoding>(i / 10 % 9);
      ExpectWellFormed(DecodeText(bytes, forced), bytes);
    }
    if (HasFatalFailure() || HasFailure()) {
      FAIL() << "case " << i << ": " << testing::PrintToString(bytes);
    }
  }
}

TEST(RobustnessTest, ThreadSafe) {
  const std::vector<std::string> inputs = {
      std::string(kTcvn3DangCongSan),         "Vieät Nam",      "ViÖt Nam", "Vie^.t Nam",
      "\x56\x69\xEA\xF2\x74\x20\x4E\x61\x6D", "\xFF\xFEV\0i\0", "plain"};
  std::vector<Decoded> expected;
  for (const std::string& in : inputs) expected.push_back(DecodeText(in));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 300; ++round) {
        const std::size_t k = (round + t) % inputs.size();
        const Decoded d = DecodeText(inputs[k]);
        if (d.text != expected[k].text || d.encoding != expected[k].encoding) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace vankien::text
