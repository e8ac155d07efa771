// Case tables and property tests for the Vietnamese text analyzer (indexer/text/analyzer.h).
// Expected values come from Vietnamese orthography: new-style (MOET 2018) tone placement,
// canonical i/y spelling after h k l m s t qu, full case folding, and đ→d for folded terms.
#include "indexer/text/analyzer.h"

#include <gtest/gtest.h>

#include "tests/support/utf8_check.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::text {
namespace {

using namespace std::literals;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const Analyzer& A() {
  static const Analyzer* analyzer = new Analyzer();
  return *analyzer;
}

std::string JoinExact(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.exact;
  }
  return out;
}

std::string JoinFolded(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.folded;
  }
  return out;
}

std::vector<std::string> Spellings(std::string_view input, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(input.substr(t.begin, t.end - t.begin));
  return out;
}

// Rebuilds the whole input with every token replaced by `form` (exact or folded), separators
// kept. For valid UTF-8 this is what Normalize / Fold must return.
std::string Splice(std::string_view input, const std::vector<Token>& tokens,
                   std::string Token::*form) {
  std::string out;
  std::size_t pos = 0;
  for (const Token& t : tokens) {
    out.append(input.substr(pos, t.begin - pos));
    out += t.*form;
    pos = t.end;
  }
  out.append(input.substr(pos));
  return out;
}

using test_support::IsValidUtf8;

// True when `s` holds a combining diacritical mark U+0300..U+036F (UTF-8 CC 80..CD AF).
bool HasCombiningMark(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    unsigned char n = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xCC && n >= 0x80 && n <= 0xBF) return true;
    if (b == 0xCD && n >= 0x80 && n <= 0xAF) return true;
  }
  return false;
}

bool HasDStroke(std::string_view s) {
  return s.find("đ") != std::string_view::npos || s.find("Đ") != std::string_view::npos;
}

// Printable form of an arbitrary byte string for failure messages: valid UTF-8 is shown as
// is (control bytes escaped), invalid input is shown fully hex-escaped.
std::string Printable(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  const bool valid = IsValidUtf8(s);
  std::string out = "\"";
  for (char c : s) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || (!valid && b >= 0x80)) {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// ---------------------------------------------------------------------------------------------
// (1) The case table: input → exact terms, folded terms, invalid-sequence count.
// ---------------------------------------------------------------------------------------------

constexpr std::size_t kAnyCount = std::numeric_limits<std::size_t>::max();

struct Case {
  std::string_view input;
  std::string exact;        // exact terms joined by one space
  std::string folded;       // folded terms joined by one space
  std::size_t invalid = 0;  // expected Analysis.invalid_sequences (kAnyCount: not checked)
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << Printable(c.input) << " → [" << c.exact << "] / [" << c.folded << "]";
}

const Case kCases[] = {
    // --- Plain words, the five tones, uppercase, đ
    {"Việt Nam", "việt nam", "viet nam"},
    {"ma mà má mả mã mạ", "ma mà má mả mã mạ", "ma ma ma ma ma ma"},
    {"ĐẢNG", "đảng", "dang"},
    {"Đảng Cộng sản Việt Nam", "đảng cộng sản việt nam", "dang cong san viet nam"},
    {"Nghị quyết", "nghị quyết", "nghi quyet"},
    {"ĐÀ NẴNG", "đà nẵng", "da nang"},
    {"Đường Đi đđ", "đường đi đđ", "duong di dd"},
    {"Tiếng Việt có sáu thanh", "tiếng việt có sáu thanh", "tieng viet co sau thanh"},

    // --- Open oa / oe / uy: old and new style give the new-style exact term
    {"hòa", "hoà", "hoa"},
    {"hoà", "hoà", "hoa"},
    {"HÒA BÌNH", "hoà bình", "hoa binh"},
    {"HOÀ BÌNH", "hoà bình", "hoa binh"},
    {"khỏe khoẻ", "khoẻ khoẻ", "khoe khoe"},
    {"thủy thuỷ THỦY THUỶ", "thuỷ thuỷ thuỷ thuỷ", "thuy thuy thuy thuy"},
    {"tòa toà", "toà toà", "toa toa"},
    {"ủy ban Ủy ban UỶ BAN", "uỷ ban uỷ ban uỷ ban", "uy ban uy ban uy ban"},
    {"lòa loà", "loà loà", "loa loa"},
    {"hóa học hoá học", "hoá học hoá học", "hoa hoc hoa hoc"},
    {"họa hoạ", "hoạ hoạ", "hoa hoa"},
    {"thúy lũy tụy", "thuý luỹ tuỵ", "thuy luy tuy"},
    {"khóe lòe xõa hỏa", "khoé loè xoã hoả", "khoe loe xoa hoa"},

    // --- With a coda both styles agree; misplaced marks move to the canonical vowel
    {"hoàn khoét huýt quỳnh", "hoàn khoét huýt quỳnh", "hoan khoet huyt quynh"},
    {"hòan khóet húyt", "hoàn khoét huýt", "hoan khoet huyt"},
    {"toán hoạch khoảng", "toán hoạch khoảng", "toan hoach khoang"},

    // --- qu and gi are onsets
    {"quý quả già giữ", "quý quả già giữ", "quy qua gia giu"},
    {"qúy", "quý", "quy"},
    {"qủa", "quả", "qua"},
    {"gìa", "già", "gia"},
    {"QUỐC HỘI", "quốc hội", "quoc hoi"},
    {"quà quạ quyển", "quà quạ quyển", "qua qua quyen"},
    {"gì gìn giếng", "gì gìn giếng", "gi gin gieng"},
    {"GÌA QỦA hÒa", "già quả hoà", "gia qua hoa"},
    {"giữa giúp giường gửi", "giữa giúp giường gửi", "giua giup giuong gui"},
    {"giưã", "giữa", "giua"},
    {"quỷ qủy", "quỷ quỷ", "quy quy"},
    {"QUO\u0302\u0301C", "quốc", "quoc"},

    // --- Open ia / ua / ưa take the tone on the first letter
    {"bìa lúa mùa lửa", "bìa lúa mùa lửa", "bia lua mua lua"},
    {"miá luá muà lưả", "mía lúa mùa lửa", "mia lua mua lua"},
    {"của chùa bữa cửa", "của chùa bữa cửa", "cua chua bua cua"},
    {"cuả", "của", "cua"},

    // --- Shaped vowel takes the tone: ươ uô iê yê uyê uâ oă ưu
    {"được người nước", "được người nước", "duoc nguoi nuoc"},
    {"đựơc ngừơi", "được người", "duoc nguoi"},
    {"ĐƯỢC NGƯỜI", "được người", "duoc nguoi"},
    {"thuộc muốn tuổi", "thuộc muốn tuổi", "thuoc muon tuoi"},
    {"thụôc", "thuộc", "thuoc"},
    {"biển tiếng việc", "biển tiếng việc", "bien tieng viec"},
    {"bỉên", "biển", "bien"},
    {"yến yếu yêu", "yến yếu yêu", "yen yeu yeu"},
    {"quyết tuyển chuyện Nguyễn", "quyết tuyển chuyện nguyễn", "quyet tuyen chuyen nguyen"},
    {"quýêt tủyên", "quyết tuyển", "quyet tuyen"},
    {"tuấn luật khuẩn", "tuấn luật khuẩn", "tuan luat khuan"},
    {"túân", "tuấn", "tuan"},
    {"hoặc ngoặc", "hoặc ngoặc", "hoac ngoac"},
    {"họăc", "hoặc", "hoac"},
    {"cứu hưu mưu", "cứu hưu mưu", "cuu huu muu"},
    {"cưú", "cứu", "cuu"},
    {"rượu hiểu cuối", "rượu hiểu cuối", "ruou hieu cuoi"},
    {"rươụ hiêủ cuôí", "rượu hiểu cuối", "ruou hieu cuoi"},
    {"thuở thủơ ngươì", "thuở thuở người", "thuo thuo nguoi"},
    {"Thuỵ Điển khuya", "thuỵ điển khuya", "thuy dien khuya"},

    // --- Three plain vowels oai oay uyu oeo: the middle one
    {"ngoài xoáy khuỷu ngoẹo", "ngoài xoáy khuỷu ngoẹo", "ngoai xoay khuyu ngoeo"},
    {"ngòai ngoaì", "ngoài ngoài", "ngoai ngoai"},
    {"ngoằn ngoèo ngòeo", "ngoằn ngoèo ngoèo", "ngoan ngoeo ngoeo"},
    {"xóay khủyu ngọeo", "xoáy khuỷu ngoẹo", "xoay khuyu ngoeo"},

    // --- Other two-vowel open pairs: the first one
    {"tài cháo máu tay kéo", "tài cháo máu tay kéo", "tai chao mau tay keo"},
    {"chịu tối mới túi", "chịu tối mới túi", "chiu toi moi tui"},
    {"taì chaó maú keó", "tài cháo máu kéo", "tai chao mau keo"},
    {"chiụ tôí mơí tuí", "chịu tối mới túi", "chiu toi moi tui"},
    {"maý mâý", "máy mấy", "may may"},

    // --- NFD input
    {"Vie\u0323\u0302t Nam", "việt nam", "viet nam"},
    {"Nghi\u0323 quye\u0302\u0301t", "nghị quyết", "nghi quyet"},
    {"ho\u0300a", "hoà", "hoa"},
    {"Ngu\u031Bo\u031B\u0300i", "người", "nguoi"},
    {"\u0110A\u0309NG", "đảng", "dang"},
    {"li\u0301 ki\u0303", "lý kỹ", "ly ky"},

    // --- Windows-1258 style: precomposed shaped vowel + combining tone, any mark order
    {"Vi\u00EA\u0323t", "việt", "viet"},
    {"Vie\u0302\u0323t", "việt", "viet"},
    {"ng\u01B0\u01A1\u0300i", "người", "nguoi"},
    {"qu\u00F4\u0301c", "quốc", "quoc"},
    {"\u0110\u00F4\u0300ng th\u0103\u0301ng", "đồng thắng", "dong thang"},

    // --- i/y: merged after h k l m s t qu when the rhyme is a lone i/y
    {"kĩ lí mĩ kì", "kỹ lý mỹ kỳ", "ky ly my ky"},
    {"quí sĩ hi tỉ li", "quý sỹ hy tỷ ly", "quy sy hy ty ly"},
    {"Kĩ thuật", "kỹ thuật", "ky thuat"},
    {"kỹ lý mỹ kỳ", "kỹ lý mỹ kỳ", "ky ly my ky"},
    {"MĨ KÌ", "mỹ kỳ", "my ky"},
    {"ki ti mi si", "ky ty my sy", "ky ty my sy"},
    {"thi thy vi vy di", "thi thy vi vy di", "thi thy vi vy di"},
    {"khi chi nghi phi", "khi chi nghi phi", "khi chi nghi phi"},
    {"tuy tin kinh", "tuy tin kinh", "tuy tin kinh"},
    {"ý y i", "ý y i", "y y i"},
    {"qui quỉ lị hí", "quy quỷ lỵ hý", "quy quy ly hy"},
    {"KI\u0303 Ý", "kỹ ý", "ky y"},

    // --- Numbers, document numbers, mixed Latin
    {"21-NQ/TW", "21 nq tw", "21 nq tw"},
    {"01/2021/NĐ-CP", "01 2021 nđ cp", "01 2021 nd cp"},
    {"Số 15/2020/QĐ-TTg", "số 15 2020 qđ ttg", "so 15 2020 qd ttg"},
    {"NĐ", "nđ", "nd"},
    {"1.000.000 đồng", "1 000 000 đồng", "1 000 000 dong"},
    {"3,14%", "3 14", "3 14"},
    {"H5N1", "h5n1", "h5n1"},
    {"COVID-19", "covid 19", "covid 19"},
    {"email", "email", "email"},
    {"U23 QH14", "u23 qh14", "u23 qh14"},
    {"Straße", "strasse", "strasse"},
    {"café résumé", "café résumé", "cafe resume"},
    {"CAFÉ naïve", "café naïve", "cafe naive"},

    // --- Emoji, odd punctuation and spaces
    {"Hà Nội 😀 đẹp", "hà nội đẹp", "ha noi dep"},
    {"🇻🇳Việt Nam🇻🇳", "việt nam", "viet nam"},
    {"a👨‍👩‍👧b", "a b", "a b"},
    {"Hà Nội，Việt Nam。", "hà nội việt nam", "ha noi viet nam"},
    {"「Luật」“Đổi mới”…", "luật đổi mới", "luat doi moi"},
    {"Hà\u00A0Nội\u3000Huế", "hà nội huế", "ha noi hue"},
    {"A–B—C", "a b c", "a b c"},
    {"tự-do/hạnh_phúc", "tự do hạnh phúc", "tu do hanh phuc"},
    {"@#$%^&*()[]{}<>", "", ""},
    {"a\0b"sv, "a b", "a b"},

    // --- Empty and whitespace-only
    {"", "", ""},
    {"   \t\n\r  ", "", ""},

    // --- Zero-width characters and soft hyphen inside a run do not split it
    {"Vi\u200Bệt", "việt", "viet"},
    {"Đả\u200Cng", "đảng", "dang"},
    {"ho\u200Dà", "hoà", "hoa"},
    {"ng\u2060ười", "người", "nguoi"},
    {"ng\uFEFFày", "ngày", "ngay"},
    {"Vi\u00ADệt Nam", "việt nam", "viet nam"},

    // --- Invalid UTF-8: one count per invalid sequence, acts as a separator
    {"\xC3\x28", "", "", 1},
    {"\xFF", "", "", 1},
    {"vi\xE1\xBB\x87t\xE1\xBB", "việt", "viet", 1},  // truncated 3-byte sequence at the end
    {"a\xC3(b", "a b", "a b", 1},
    {"Vi\xFFt Nam", "vi t nam", "vi t nam", 1},
    {"\x80\x80", "", "", 2},
    {"Hà\xF0\x9F\x98Nội", "hà nội", "ha noi", 1},  // truncated 4-byte sequence
    {"\xFFĐảng\xFEủy", "đảng uỷ", "dang uy", 2},
    {"\xC0\xAFmnp", "mnp", "mnp", kAnyCount},         // overlong '/'
    {"\xED\xA0\x80đảng", "đảng", "dang", kAnyCount},  // encoded surrogate
};

class AnalyzerCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(AnalyzerCaseTest, ExactAndFoldedTerms) {
  const Case& c = GetParam();
  const Analysis a = A().Analyze(c.input);
  EXPECT_EQ(JoinExact(a.tokens), c.exact);
  EXPECT_EQ(JoinFolded(a.tokens), c.folded);
  if (c.invalid != kAnyCount) {
    EXPECT_EQ(a.invalid_sequences, c.invalid);
  } else {
    EXPECT_GE(a.invalid_sequences, 1u);
  }
}

// (2) Every token's [begin, end) is its original spelling: re-analyzing that slice alone gives
// exactly one token covering all of it, with the same terms. Offsets are ordered.
TEST_P(AnalyzerCaseTest, OffsetsPointAtOriginalSpelling) {
  const Case& c = GetParam();
  const Analysis a = A().Analyze(c.input);
  std::size_t prev_end = 0;
  for (const Token& t : a.tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, c.input.size());
    EXPECT_GE(t.begin, prev_end);
    prev_end = t.end;
    const std::string_view slice = c.input.substr(t.begin, t.end - t.begin);
    SCOPED_TRACE("token slice " + Printable(slice));
    EXPECT_TRUE(IsValidUtf8(slice));
    const Analysis again = A().Analyze(slice);
    ASSERT_EQ(again.tokens.size(), 1u);
    EXPECT_EQ(again.tokens[0].begin, 0u);
    EXPECT_EQ(again.tokens[0].end, slice.size());
    EXPECT_EQ(again.tokens[0].exact, t.exact);
    EXPECT_EQ(again.tokens[0].folded, t.folded);
    EXPECT_EQ(again.invalid_sequences, 0u);
  }
}

// Folded terms never carry a mark or đ; each folded term is Fold of its exact form.
TEST_P(AnalyzerCaseTest, FoldedTermsAreMarkFree) {
  const Case& c = GetParam();
  for (const Token& t : A().Analyze(c.input).tokens) {
    SCOPED_TRACE("token " + t.exact);
    EXPECT_FALSE(HasCombiningMark(t.folded));
    EXPECT_FALSE(HasDStroke(t.folded));
    EXPECT_EQ(A().Fold(t.exact), t.folded);
  }
}

std::size_t CountReplacementChars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = s.find("\uFFFD"); pos != std::string_view::npos;
       pos = s.find("\uFFFD", pos + 1)) {
    ++n;
  }
  return n;
}

// For valid input, Normalize and Fold are the input with each token replaced, separators kept.
// For invalid input they are valid UTF-8 with one U+FFFD per invalid sequence.
TEST_P(AnalyzerCaseTest, NormalizeAndFoldSpliceTokens) {
  const Case& c = GetParam();
  const Analysis a = A().Analyze(c.input);
  const std::string normalized = A().Normalize(c.input);
  const std::string folded = A().Fold(c.input);
  if (IsValidUtf8(c.input)) {
    EXPECT_EQ(normalized, Splice(c.input, a.tokens, &Token::exact));
    EXPECT_EQ(folded, Splice(c.input, a.tokens, &Token::folded));
    return;
  }
  EXPECT_TRUE(IsValidUtf8(normalized)) << Printable(normalized);
  EXPECT_TRUE(IsValidUtf8(folded)) << Printable(folded);
  EXPECT_EQ(CountReplacementChars(normalized), a.invalid_sequences);
  EXPECT_EQ(CountReplacementChars(folded), a.invalid_sequences);
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  // Index plus the ASCII letters/digits of the input, so the name hints at the case.
  std::string name = "c";
  name += std::to_string(info.index);
  std::string hint;
  for (char ch : info.param.input) {
    if (((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) &&
        hint.size() < 16) {
      hint += ch;
    }
  }
  if (!hint.empty()) name += "_" + hint;
  return name;
}

INSTANTIATE_TEST_SUITE_P(Table, AnalyzerCaseTest, ::testing::ValuesIn(kCases), CaseName);

TEST(AnalyzerCaseTableTest, HasAtLeastSeventyCases) { EXPECT_GE(std::size(kCases), 70u); }

// ---------------------------------------------------------------------------------------------
// (2) Explicit offsets.
// ---------------------------------------------------------------------------------------------

struct OffsetCase {
  std::string_view input;
  std::vector<std::string> spellings;  // input.substr(begin, end - begin) of each token
};

TEST(AnalyzerOffsetTest, SlicesAreOriginalSpellings) {
  const OffsetCase cases[] = {
      {"Vie\u0323\u0302t Nam", {"Vie\u0323\u0302t", "Nam"}},
      {"Vi\u00EA\u0323t  HOÀ", {"Vi\u00EA\u0323t", "HOÀ"}},
      {"a\xC3(b", {"a", "b"}},
      {"Vi\u200Bệt, Hà", {"Vi\u200Bệt", "Hà"}},
      {"Vi\u00ADệt", {"Vi\u00ADệt"}},
      {"21-NQ/TW", {"21", "NQ", "TW"}},
      {"01/2021/NĐ-CP", {"01", "2021", "NĐ", "CP"}},
      {"vi\xE1\xBB\x87t\xE1\xBB", {"vi\xE1\xBB\x87t"}},
      {"\xFFĐảng\xFFủy", {"Đảng", "ủy"}},
      {"🇻🇳Việt Nam🇻🇳", {"Việt", "Nam"}},
      {"  hòa\xC0\xAFnhà ", {"hòa", "nhà"}},
      {"Hà\xF0\x9F\x98Nội", {"Hà", "Nội"}},
  };
  for (const OffsetCase& c : cases) {
    SCOPED_TRACE(Printable(c.input));
    const Analysis a = A().Analyze(c.input);
    EXPECT_EQ(Spellings(c.input, a.tokens), c.spellings);
  }
}

TEST(AnalyzerOffsetTest, ExactByteOffsets) {
  // "a" [0,1), C3 invalid, "(" separator, "b" [3,4).
  const Analysis a = A().Analyze("a\xC3(b");
  ASSERT_EQ(a.tokens.size(), 2u);
  EXPECT_EQ(a.tokens[0].begin, 0u);
  EXPECT_EQ(a.tokens[0].end, 1u);
  EXPECT_EQ(a.tokens[1].begin, 3u);
  EXPECT_EQ(a.tokens[1].end, 4u);

  // NFD "Việt": V i e U+0323 U+0302 t = 1+1+1+2+2+1 = 8 bytes, then space, "Nam" [9,12).
  const Analysis b = A().Analyze("Vie\u0323\u0302t Nam");
  ASSERT_EQ(b.tokens.size(), 2u);
  EXPECT_EQ(b.tokens[0].begin, 0u);
  EXPECT_EQ(b.tokens[0].end, 8u);
  EXPECT_EQ(b.tokens[1].begin, 9u);
  EXPECT_EQ(b.tokens[1].end, 12u);

  // "Đảng" is 2+3+1+1 = 7 bytes; the 4-byte emoji follows; "ủy" starts at 11.
  const Analysis c = A().Analyze("Đảng😀ủy");
  ASSERT_EQ(c.tokens.size(), 2u);
  EXPECT_EQ(c.tokens[0].begin, 0u);
  EXPECT_EQ(c.tokens[0].end, 7u);
  EXPECT_EQ(c.tokens[1].begin, 11u);
  EXPECT_EQ(c.tokens[1].end, 15u);
}

// ---------------------------------------------------------------------------------------------
// Token kinds, HasMarks, the reusing overload.
// ---------------------------------------------------------------------------------------------

TEST(AnalyzerTokenTest, Kinds) {
  const Analysis a = A().Analyze("Nghị quyết 21 H5N1 u23 2022 COVID QH14 đ");
  ASSERT_EQ(a.tokens.size(), 9u);
  const TokenKind expected[] = {TokenKind::kWord,  TokenKind::kWord,  TokenKind::kNumber,
                                TokenKind::kMixed, TokenKind::kMixed, TokenKind::kNumber,
                                TokenKind::kWord,  TokenKind::kMixed, TokenKind::kWord};
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    SCOPED_TRACE(a.tokens[i].exact);
    EXPECT_EQ(a.tokens[i].kind, expected[i]);
  }
}

TEST(AnalyzerTokenTest, HasMarks) {
  const Analysis a = A().Analyze("đảng dang NĐ 21 hoà hoa");
  ASSERT_EQ(a.tokens.size(), 6u);
  EXPECT_TRUE(a.tokens[0].HasMarks());
  EXPECT_FALSE(a.tokens[1].HasMarks());
  EXPECT_TRUE(a.tokens[2].HasMarks());
  EXPECT_FALSE(a.tokens[3].HasMarks());
  EXPECT_TRUE(a.tokens[4].HasMarks());
  EXPECT_FALSE(a.tokens[5].HasMarks());
}

TEST(AnalyzerTokenTest, ReusingOverloadClearsAndMatches) {
  std::vector<Token> out(3);
  out[0].exact = "stale";
  const std::string_view input = "a \xFF Việt \xC3( hòa";
  const std::size_t invalid = A().Analyze(input, &out);
  const Analysis a = A().Analyze(input);
  EXPECT_EQ(invalid, 2u);
  EXPECT_EQ(invalid, a.invalid_sequences);
  ASSERT_EQ(out.size(), a.tokens.size());
  EXPECT_EQ(JoinExact(out), "a việt hoà");
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].exact, a.tokens[i].exact);
    EXPECT_EQ(out[i].folded, a.tokens[i].folded);
    EXPECT_EQ(out[i].begin, a.tokens[i].begin);
    EXPECT_EQ(out[i].end, a.tokens[i].end);
    EXPECT_EQ(out[i].kind, a.tokens[i].kind);
  }
}

// ---------------------------------------------------------------------------------------------
// Whole-text helpers: Normalize, Fold, StripMarks, ToNfd, RestyleTones.
// ---------------------------------------------------------------------------------------------

TEST(AnalyzerTextTest, NormalizeAndFold) {
  EXPECT_EQ(A().Fold("Nghị quyết 21-NQ/TW"), "nghi quyet 21-nq/tw");
  EXPECT_EQ(A().Normalize("Nghị quyết 21-NQ/TW"), "nghị quyết 21-nq/tw");
  EXPECT_EQ(A().Normalize("Hòa Bình, THỦY!"), "hoà bình, thuỷ!");
  EXPECT_EQ(A().Fold("Hòa Bình, THỦY!"), "hoa binh, thuy!");
  EXPECT_EQ(A().Normalize("Vie\u0323\u0302t"), "việt");
  EXPECT_EQ(A().Normalize("🇻🇳 Hà Nội"), "🇻🇳 hà nội");
  EXPECT_EQ(A().Fold("01/2021/NĐ-CP"), "01/2021/nd-cp");
  EXPECT_EQ(A().Fold("Vi\u200Bệt"), "viet");
  EXPECT_EQ(A().Normalize("kĩ sư"), "kỹ sư");
  EXPECT_EQ(A().Normalize(""), "");
  EXPECT_EQ(A().Fold(""), "");
}

TEST(AnalyzerTextTest, NormalizeReplacesInvalidWithReplacementChar) {
  EXPECT_EQ(A().Normalize("a\xC3(b"), "a\uFFFD(b");
  EXPECT_EQ(A().Normalize("\xFF"), "\uFFFD");
  EXPECT_EQ(A().Normalize("Vi\xFFt"), "vi\uFFFDt");
  EXPECT_EQ(A().Fold("Đảng\xFF"), "dang\uFFFD");
  EXPECT_EQ(A().Normalize("vi\xE1\xBB\x87t\xE1\xBB"), "việt\uFFFD");
}

TEST(AnalyzerTextTest, StripMarksKeepsCase) {
  EXPECT_EQ(A().StripMarks("Đảng"), "Dang");
  EXPECT_EQ(A().StripMarks("ĐẢNG CỘNG SẢN"), "DANG CONG SAN");
  EXPECT_EQ(A().StripMarks("Nghị quyết 21-NQ/TW"), "Nghi quyet 21-NQ/TW");
  EXPECT_EQ(A().StripMarks("Hà Nội, 2021!"), "Ha Noi, 2021!");
  EXPECT_EQ(A().StripMarks("Vie\u0323\u0302t"), "Viet");
  EXPECT_EQ(A().StripMarks("Người Ưu Tú"), "Nguoi Uu Tu");
  EXPECT_EQ(A().StripMarks("café"), "cafe");
}

TEST(AnalyzerTextTest, ToNfd) {
  EXPECT_EQ(A().ToNfd("Việt"), "Vie\u0323\u0302t");
  EXPECT_EQ(A().ToNfd("Vi\u00EA\u0323t"), "Vie\u0323\u0302t");
  EXPECT_EQ(A().ToNfd("người"), "ngu\u031Bo\u031B\u0300i");
  EXPECT_EQ(A().ToNfd("Đảng"), "\u0110a\u0309ng");
  EXPECT_EQ(A().ToNfd("abc 123"), "abc 123");
}

struct RestyleCase {
  std::string_view input;
  std::string old_style;
  std::string new_style;
};

TEST(AnalyzerTextTest, RestyleTones) {
  const RestyleCase cases[] = {
      {"Hoà", "Hòa", "Hoà"},
      {"Hòa", "Hòa", "Hoà"},
      {"THUỶ", "THỦY", "THUỶ"},
      {"THỦY", "THỦY", "THUỶ"},
      {"Uỷ ban nhân dân", "Ủy ban nhân dân", "Uỷ ban nhân dân"},
      {"Khoẻ không?", "Khỏe không?", "Khoẻ không?"},
      {"toà án, loà xoà", "tòa án, lòa xòa", "toà án, loà xoà"},
      {"Hòa bình, 2021! 😀", "Hòa bình, 2021! 😀", "Hoà bình, 2021! 😀"},
      // Unaffected by style: qu/gi onsets, codas, shaped vowels, three vowels.
      {"quý quả già giữ", "quý quả già giữ", "quý quả già giữ"},
      {"hoàn khoét huýt Quỳnh", "hoàn khoét huýt Quỳnh", "hoàn khoét huýt Quỳnh"},
      {"người được thuộc biển quyết", "người được thuộc biển quyết", "người được thuộc biển quyết"},
      {"ngoài xoáy khuỷu", "ngoài xoáy khuỷu", "ngoài xoáy khuỷu"},
      {"21-NQ/TW", "21-NQ/TW", "21-NQ/TW"},
      {"", "", ""},
      // Invalid bytes become U+FFFD, the rest is kept.
      {"Hòa\xFF", "Hòa\uFFFD", "Hoà\uFFFD"},
  };
  for (const RestyleCase& c : cases) {
    SCOPED_TRACE(Printable(c.input));
    EXPECT_EQ(A().RestyleTones(c.input, Analyzer::ToneStyle::kOld), c.old_style);
    EXPECT_EQ(A().RestyleTones(c.input, Analyzer::ToneStyle::kNew), c.new_style);
  }
}

// ---------------------------------------------------------------------------------------------
// (3) Properties over a list of real sentences.
// ---------------------------------------------------------------------------------------------

const std::string_view kSentences[] = {
    "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng",
    "Thủ tướng Chính phủ ban hành Quyết định số 15/2020/QĐ-TTg",
    "Ủy ban nhân dân thành phố Hồ Chí Minh",
    "UỶ BAN THƯỜNG VỤ QUỐC HỘI",
    "Sức khỏe của người dân là trên hết",
    "Bộ Y tế khuyến cáo người dân đeo khẩu trang phòng COVID-19",
    "Thủy điện Hòa Bình nằm trên sông Đà",
    "Cuộc đời là một chuyến đi dài, hãy yêu thương nhau",
    "Ngoài trời mưa rơi lất phất, gió thổi xoáy qua khung cửa",
    "Khuỷu tay anh ấy bị thương khi ngã xe",
    "Tiếng Việt có sáu thanh: ngang, huyền, sắc, hỏi, ngã, nặng",
    "Hà Nội mùa thu, cây cơm nguội vàng, cây bàng lá đỏ",
    "Kỹ thuật số và trí tuệ nhân tạo thay đổi cuộc sống",
    "Kĩ sư Lí Văn Mĩ nói rằng tỉ lệ thất nghiệp giảm",
    "Dự án Luật Đất đai (sửa đổi) được thông qua ngày 18/01/2024",
    "Giá xăng RON 95 tăng 1.000 đồng/lít từ 15 giờ chiều nay",
    "Những người lính biên phòng giữ gìn bình yên nơi biên cương",
    "Trường Đại học Bách khoa Hà Nội tuyển sinh năm 2025",
    "Rượu ngon không có bạn hiền, không mua không phải không tiền không mua",
    "Hoặc là chúng ta đoàn kết, hoặc là chúng ta thất bại",
    "Quỳnh mua quả quýt ở chợ Bến Thành",
    "Anh Tuấn cứu một em bé khỏi đuối nước",
    "ĐỀ ÁN PHÁT TRIỂN KINH TẾ BIỂN BỀN VỮNG",
    "Toà án nhân dân tối cao xét xử phúc thẩm vụ án",
    "Virus cúm gia cầm H5N1 lây lan ở nhiều tỉnh thành",
    "Ông bà ta có câu: uống nước nhớ nguồn",
    "Thuý Kiều là chị, em là Thuý Vân",
    "Chiều chiều ra đứng ngõ sau, trông về quê mẹ ruột đau chín chiều",
    "Bảo hiểm xã hội, bảo hiểm y tế và bảo hiểm thất nghiệp",
    "Người ngoài cuộc khó hiểu được nỗi khổ của người trong cuộc",
    "Loà xoà bóng tre, khoẻ khoắn tiếng cười",
    "Đường lên Điện Biên xa lắm, Đèo Pha Đin dốc quanh co",
    "Vịnh Hạ Long được UNESCO công nhận là di sản thiên nhiên thế giới",
    "Sĩ quan quân đội nhân dân Việt Nam, khoá học 2023–2024",
    "Hòa bình và hạnh phúc cho mọi ngừơi, taì năng và tuổi trẻ",
    "GIA ĐÌNH LÀ TẾ BÀO CỦA XÃ HỘI; «QUÝ» HƠN VÀNG",
    "Mùa xuân nho nhỏ lặng lẽ dâng cho đời, dù là tuổi hai mươi",
};

std::vector<std::string> ExactTerms(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : A().Analyze(s).tokens) out.push_back(t.exact);
  return out;
}

std::vector<std::string> FoldedTerms(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : A().Analyze(s).tokens) out.push_back(t.folded);
  return out;
}

class AnalyzerPropertyTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(AnalyzerPropertyTest, NormalizeIsIdempotent) {
  const std::string once = A().Normalize(GetParam());
  EXPECT_EQ(A().Normalize(once), once);
  EXPECT_EQ(ExactTerms(once), ExactTerms(GetParam()));
}

TEST_P(AnalyzerPropertyTest, NfdGivesSameTerms) {
  const std::string nfd = A().ToNfd(GetParam());
  EXPECT_EQ(ExactTerms(nfd), ExactTerms(GetParam()));
  EXPECT_EQ(FoldedTerms(nfd), FoldedTerms(GetParam()));
}

TEST_P(AnalyzerPropertyTest, ToneStylesGiveSameTerms) {
  const std::string old_style = A().RestyleTones(GetParam(), Analyzer::ToneStyle::kOld);
  const std::string new_style = A().RestyleTones(GetParam(), Analyzer::ToneStyle::kNew);
  EXPECT_EQ(ExactTerms(old_style), ExactTerms(GetParam()));
  EXPECT_EQ(ExactTerms(new_style), ExactTerms(GetParam()));
  EXPECT_EQ(FoldedTerms(old_style), FoldedTerms(GetParam()));
  EXPECT_EQ(FoldedTerms(new_style), FoldedTerms(GetParam()));
  // Restyling only moves marks: the unmarked text is unchanged.
  EXPECT_EQ(A().StripMarks(old_style), A().StripMarks(GetParam()));
  EXPECT_EQ(A().StripMarks(new_style), A().StripMarks(GetParam()));
}

TEST_P(AnalyzerPropertyTest, FoldedTermsHaveNoMarks) {
  for (const Token& t : A().Analyze(GetParam()).tokens) {
    SCOPED_TRACE("token " + t.exact);
    EXPECT_FALSE(HasCombiningMark(t.folded));
    EXPECT_FALSE(HasDStroke(t.folded));
    // Vietnamese letters all fold to ASCII.
    for (char ch : t.folded) EXPECT_LT(static_cast<unsigned char>(ch), 0x80u) << t.folded;
    EXPECT_EQ(A().Fold(t.exact), t.folded);
  }
  EXPECT_FALSE(HasCombiningMark(A().Fold(GetParam())));
  EXPECT_FALSE(HasDStroke(A().Fold(GetParam())));
}

TEST_P(AnalyzerPropertyTest, StripMarksGivesSameFoldedTerms) {
  const std::string stripped = A().StripMarks(GetParam());
  EXPECT_EQ(FoldedTerms(stripped), FoldedTerms(GetParam())) << stripped;
  EXPECT_FALSE(HasCombiningMark(stripped));
  EXPECT_FALSE(HasDStroke(stripped));
}

TEST_P(AnalyzerPropertyTest, NormalizeAndFoldSpliceTokens) {
  const Analysis a = A().Analyze(GetParam());
  EXPECT_EQ(a.invalid_sequences, 0u);
  EXPECT_EQ(A().Normalize(GetParam()), Splice(GetParam(), a.tokens, &Token::exact));
  EXPECT_EQ(A().Fold(GetParam()), Splice(GetParam(), a.tokens, &Token::folded));
}

std::string SentenceName(const ::testing::TestParamInfo<std::string_view>& info) {
  std::string name = "s";
  name += std::to_string(info.index);
  return name;
}

INSTANTIATE_TEST_SUITE_P(Sentences, AnalyzerPropertyTest, ::testing::ValuesIn(kSentences),
                         SentenceName);

TEST(AnalyzerPropertyListTest, HasAtLeastThirtySentences) { EXPECT_GE(std::size(kSentences), 30u); }

// ---------------------------------------------------------------------------------------------
// (4) Random bytes never crash; offsets stay inside the input and in order.
// ---------------------------------------------------------------------------------------------

// Random strings mixing raw bytes with pieces that matter to the analyzer (Vietnamese letters,
// combining marks, zero-width characters, emoji, truncated sequences), so both the invalid and
// the valid paths get exercised.
std::string RandomInput(std::mt19937& rng) {
  static const std::string_view kPieces[] = {
      "a",        "e",      "o",      "u",      "y",      "i",      "Q",      "g",      "h",
      "ng",       "7",      " ",      "-",      "/",      ".",      "\n",     "đ",      "Đ",
      "ư",        "ơ",      "ê",      "ô",      "â",      "ă",      "ệ",      "ủ",      "Ỳ",
      "ạ",        "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B",
      "\u200B",   "\u200D", "\u00AD", "\uFEFF", "\u2060", "😀",      "🇻",      "\uFFFD", "\xE1\xBB",
      "\xF0\x9F", "\xC3",   "\x80",   "ß",      "İ",      "\u0345", "\u00A0", "٣",      "\u3000",
  };
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> choice(0, 2);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::string out;
  const int n = length(rng);
  for (int i = 0; i < n; ++i) {
    if (choice(rng) == 0) {
      out += static_cast<char>(byte(rng));
    } else {
      out += kPieces[piece(rng)];
    }
  }
  return out;
}

TEST(AnalyzerFuzzTest, RandomBytesNeverCrash) {
  std::mt19937 rng(20240601u);
  std::vector<Token> reused;
  for (int iter = 0; iter < 10000; ++iter) {
    const std::string input = RandomInput(rng);
    SCOPED_TRACE("iteration " + std::to_string(iter) + " input " + Printable(input));
    const Analysis a = A().Analyze(input);
    ASSERT_LE(a.invalid_sequences, input.size());
    std::size_t prev_end = 0;
    for (const Token& t : a.tokens) {
      ASSERT_LE(prev_end, t.begin);
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, input.size());
      prev_end = t.end;
      ASSERT_TRUE(IsValidUtf8(std::string_view(input).substr(t.begin, t.end - t.begin)));
      ASSERT_TRUE(IsValidUtf8(t.exact)) << Printable(t.exact);
      ASSERT_TRUE(IsValidUtf8(t.folded)) << Printable(t.folded);
      ASSERT_FALSE(HasCombiningMark(t.folded)) << Printable(t.folded);
      ASSERT_FALSE(HasDStroke(t.folded)) << Printable(t.folded);
    }
    ASSERT_EQ(A().Analyze(input, &reused), a.invalid_sequences);
    ASSERT_EQ(reused.size(), a.tokens.size());

    ASSERT_TRUE(IsValidUtf8(A().Normalize(input)));
    ASSERT_TRUE(IsValidUtf8(A().Fold(input)));
    ASSERT_TRUE(IsValidUtf8(A().RestyleTones(input, Analyzer::ToneStyle::kOld)));
    ASSERT_TRUE(IsValidUtf8(A().RestyleTones(input, Analyzer::ToneStyle::kNew)));
    (void)A().StripMarks(input);
    (void)A().ToNfd(input);
  }
}

}  // namespace
}  // namespace vankien::text
