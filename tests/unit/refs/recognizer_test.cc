// Tests for indexer/refs/recognizer.h: every reference form the recognizer must read (Party and
// state symbols, the malformed spellings of vietnamese-documents.md §1.6, informal plenum,
// congress and short-number references of §2.1, lists, attached dates and terms), the hard
// negatives it must not read, offsets (bytes and code points, NFC and NFD input), canonical
// symbols and keys, registry resolution, and arbitrary bytes.
//
// Expected values are written by hand from the annotation conventions of
// ../shared/data/refs/README.md ("Annotation conventions" 1–12), not from the recognizer's
// output: span from the type noun through the symbol, shared material distributed over list
// conjuncts, code wins over noun for `type` while `kind` keeps the noun, issuer as written with
// TƯ/T.Ư → TW, number without leading zeros, dates only when they are the document's own.
#include "indexer/refs/recognizer.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/refs/mention.h"
#include "indexer/refs/registry.h"

namespace vankien::refs {
namespace {

// "Don't compare this attribute" for string fields; kAnyInt / kNoInt for year and plenum.
const std::string kAny = "*";
constexpr int kAnyInt = -1;
constexpr int kNoInt = 0;  // the attribute must be absent

// One expected mention. Surface, type and number are always compared; the rest only when set.
// Field order matters for the designated initializers in the tables below.
struct Want {
  std::string surface;
  std::string system = kAny;  // "party", "state", "" (unknown)
  std::string type;
  std::string number;  // "" for plenum and congress references
  std::string issuer = kAny;
  int year = kAnyInt;         // the document's year (symbol or adjacent date)
  int symbol_year = kAnyInt;  // the year written inside the symbol
  std::string date = kAny;
  std::string term = kAny;
  int plenum = kAnyInt;
  std::string congress = kAny;
  std::string kind = kAny;
  std::string unit = kAny;
  std::string canonical = kAny;
  std::string key = kAny;
};

struct Case {
  std::string name;  // test name suffix: letters, digits, '_'
  std::string text;
  std::vector<Want> want;  // in text order; empty for a negative
};

// What gtest prints for a failing parameter: the case name and text, not its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name << ": \"" << c.text << "\""; }

std::string Opt(const std::optional<int>& v) { return v ? std::to_string(*v) : "null"; }

std::string Describe(const Mention& m) {
  std::ostringstream o;
  o << "{surface=\"" << m.surface << "\" [" << m.start << "," << m.end << ") bytes ["
    << m.byte_start << "," << m.byte_end << ") system=" << SystemName(m.system)
    << " type=" << m.type << " kind=\"" << m.kind << "\" number=\"" << m.number << "\" issuer=\""
    << m.issuer << "\" unit=\"" << m.unit << "\" year=" << Opt(m.year)
    << " symbol_year=" << Opt(m.symbol_year) << " date=\"" << m.date << "\" term=\"" << m.term
    << "\" plenum=" << Opt(m.plenum) << " congress=\"" << m.congress << "\" canonical=\""
    << m.Canonical() << "\" key=\"" << m.Key() << "\" resolved=\"" << m.resolved_symbol << "\"}";
  return o.str();
}

std::string DescribeAll(const std::vector<Mention>& ms) {
  if (ms.empty()) return "  (no mentions)\n";
  std::string out;
  for (const Mention& m : ms) out += "  " + Describe(m) + "\n";
  return out;
}

// Code points in valid UTF-8.
std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The offset invariants every mention of valid UTF-8 input must satisfy.
void CheckOffsets(const std::string& text, const std::vector<Mention>& ms) {
  std::size_t prev = 0;
  for (const Mention& m : ms) {
    ASSERT_LE(m.byte_start, m.byte_end) << Describe(m);
    ASSERT_LE(m.byte_end, text.size()) << Describe(m);
    EXPECT_EQ(text.substr(m.byte_start, m.byte_end - m.byte_start), m.surface) << Describe(m);
    EXPECT_EQ(m.start, CodePoints(std::string_view(text).substr(0, m.byte_start))) << Describe(m);
    EXPECT_EQ(m.end, m.start + CodePoints(m.surface)) << Describe(m);
    EXPECT_GE(m.byte_start, prev) << "mentions out of text order: " << Describe(m);
    prev = m.byte_start;
  }
}

// Compares one mention with its expectation; returns "" or the list of differences.
std::string Diff(const Mention& m, const Want& w) {
  std::string d;
  auto str = [&](const char* field, const std::string& got, const std::string& want) {
    if (want != kAny && got != want)
      d += std::string(field) + ": want \"" + want + "\", got \"" + got + "\"; ";
  };
  auto num = [&](const char* field, const std::optional<int>& got, int want) {
    if (want == kAnyInt) return;
    if (want == kNoInt ? got.has_value() : got != want) {
      d += std::string(field) + ": want " +
           (want == kNoInt ? std::string("null") : std::to_string(want)) + ", got " + Opt(got) +
           "; ";
    }
  };
  str("surface", m.surface, w.surface);
  str("system", std::string(SystemName(m.system)), w.system);
  str("type", m.type, w.type);
  str("number", m.number, w.number);
  str("issuer", m.issuer, w.issuer);
  num("year", m.year, w.year);
  num("symbol_year", m.symbol_year, w.symbol_year);
  str("date", m.date, w.date);
  str("term", m.term, w.term);
  num("plenum", m.plenum, w.plenum);
  str("congress", m.congress, w.congress);
  str("kind", m.kind, w.kind);
  str("unit", m.unit, w.unit);
  str("canonical", m.Canonical(), w.canonical);
  str("key", m.Key(), w.key);
  return d;
}

void ExpectMentions(const std::string& text, const std::vector<Mention>& got,
                    const std::vector<Want>& want) {
  CheckOffsets(text, got);
  if (got.size() != want.size()) {
    std::string expected;
    for (const Want& w : want)
      expected += "  \"" + w.surface + "\" " + w.type + " " + w.number + " " + w.issuer + "\n";
    if (expected.empty()) expected = "  (no mentions)\n";
    ADD_FAILURE() << "text: " << text << "\nwant " << want.size() << " mention(s):\n"
                  << expected << "got " << got.size() << ":\n"
                  << DescribeAll(got);
    return;
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string d = Diff(got[i], want[i]);
    if (!d.empty()) {
      ADD_FAILURE() << "text: " << text << "\nmention " << i << " (\"" << want[i].surface
                    << "\"): " << d << "\nactual: " << Describe(got[i]);
    }
  }
}

// ---- the table --------------------------------------------------------------------------------

// Party and state number-symbols, canonical and malformed.
std::vector<Case> SymbolCases() {
  return {
      {"party_symbol",
       "Các cấp ủy tiếp tục quán triệt Nghị quyết số 21-NQ/TW về công tác dân số trong tình hình "
       "mới.",
       {{.surface = "Nghị quyết số 21-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .year = kNoInt,
         .date = "",
         .term = "",
         .kind = "Nghị quyết",
         .canonical = "21-NQ/TW",
         .key = "21-NQ/TW"}}},
      {"party_bare_symbol",
       "Theo 21-NQ/TW, công tác dân số phải chuyển trọng tâm sang dân số và phát triển.",
       {{.surface = "21-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .kind = ""}}},
      {"party_co_issuers",
       "Ban Tổ chức và Ban Dân vận Tỉnh ủy đã ký Quy chế số 05-QC/BTCTU-BDVTU về phối hợp công "
       "tác.",
       {{.surface = "Quy chế số 05-QC/BTCTU-BDVTU",
         .system = "party",
         .type = "QC",
         .number = "5",
         .issuer = "BTCTU-BDVTU",
         .kind = "Quy chế",
         .canonical = "05-QC/BTCTU-BDVTU"}}},
      {"party_qdi",
       "Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương về trách nhiệm nêu "
       "gương.",
       {{.surface = "Quy định số 08-QĐi/TW",
         .system = "party",
         .type = "QĐi",
         .number = "8",
         .issuer = "TW",
         .year = 2018,
         .date = "2018-10-25",
         .kind = "Quy định",
         .canonical = "08-QĐi/TW",
         .key = "08-QĐi/TW@XII"}}},
      {"state_decree_with_year",
       "Nghị định số 30/2020/NĐ-CP của Chính phủ quy định về công tác văn thư.",
       {{.surface = "Nghị định số 30/2020/NĐ-CP",
         .system = "state",
         .type = "NĐ",
         .number = "30",
         .issuer = "CP",
         .year = 2020,
         .symbol_year = 2020,
         .term = "",
         .kind = "Nghị định",
         .canonical = "30/2020/NĐ-CP",
         .key = "30/2020/NĐ-CP"}}},
      {"state_law_legislature",
       "Luật Doanh nghiệp số 59/2020/QH14 được Quốc hội thông qua với tỷ lệ tán thành cao.",
       {{.surface = "Luật Doanh nghiệp số 59/2020/QH14",
         .system = "state",
         .type = "L",
         .number = "59",
         .issuer = "QH14",
         .year = 2020,
         .symbol_year = 2020,
         .term = "",
         .kind = "Luật",
         .canonical = "59/2020/QH14"}}},
      {"state_standing_committee",
       "Nghị quyết số 351/2017/UBTVQH14 quy định thể thức và kỹ thuật trình bày văn bản.",
       {{.surface = "Nghị quyết số 351/2017/UBTVQH14",
         .system = "state",
         .type = "NQ",
         .number = "351",
         .issuer = "UBTVQH14",
         .year = 2017,
         .kind = "Nghị quyết",
         .canonical = "351/2017/UBTVQH14"}}},
      {"state_without_year",
       "Thủ tướng Chính phủ đã ký Quyết định số 749/QĐ-TTg phê duyệt chương trình chuyển đổi số.",
       {{.surface = "Quyết định số 749/QĐ-TTg",
         .system = "state",
         .type = "QĐ",
         .number = "749",
         .issuer = "TTg",
         .year = kNoInt,
         .symbol_year = kNoInt,
         .term = "",
         .kind = "Quyết định",
         .canonical = "749/QĐ-TTg",
         .key = "749/QĐ-TTg"}}},
      // The year comes from the date (convention 8); the symbol itself has none, and a
      // number-only state symbol restarts every year, so the key carries the year.
      {"state_without_year_dated",
       "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt chương trình "
       "chuyển đổi.",
       {{.surface = "Quyết định số 749/QĐ-TTg",
         .system = "state",
         .type = "QĐ",
         .number = "749",
         .issuer = "TTg",
         .year = 2020,
         .symbol_year = kNoInt,
         .date = "2020-06-03",
         .term = "",
         .kind = "Quyết định",
         .canonical = "749/QĐ-TTg",
         .key = "749/QĐ-TTg@2020"}}},
      {"state_without_year_padded",
       "Bộ đã xây dựng kế hoạch thực hiện Nghị quyết 01/NQ-CP của Chính phủ.",
       {{.surface = "Nghị quyết 01/NQ-CP",
         .system = "state",
         .type = "NQ",
         .number = "1",
         .issuer = "CP",
         .year = kNoInt,
         .canonical = "01/NQ-CP",
         .key = "01/NQ-CP"}}},
      {"state_cong_van",
       "Thực hiện công văn số 3546/UBND-VP của Ủy ban nhân dân tỉnh, các sở đã báo cáo.",
       {{.surface = "công văn số 3546/UBND-VP",
         .system = "state",
         .type = "CV",
         .number = "3546",
         .issuer = "UBND",
         .kind = "Công văn",
         .unit = "VP",
         .canonical = "3546/UBND-VP"}}},
      {"spaced_hyphen",
       "Ban Thường vụ đã ban hành kế hoạch thực hiện Nghị quyết số 18 - NQ/TW của Trung ương.",
       {{.surface = "Nghị quyết số 18 - NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "18",
         .issuer = "TW",
         .canonical = "18-NQ/TW"}}},
      {"spaced_hyphen_and_slash",
       "Đảng viên vi phạm bị xử lý theo Quy định số 102 - QĐ / TW của Bộ Chính trị .",
       {{.surface = "Quy định số 102 - QĐ / TW",
         .system = "party",
         .type = "QĐ",
         .number = "102",
         .issuer = "TW",
         .kind = "Quy định",
         .canonical = "102-QĐ/TW"}}},
      {"en_dash",
       "Tỉnh đã tổng kết Nghị quyết số 21 – NQ/TW về công tác dân số.",
       {{.surface = "Nghị quyết số 21 – NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .canonical = "21-NQ/TW"}}},
      {"em_dash",
       "Ủy ban đã thực hiện Chỉ thị 40—CT/TW về tín dụng chính sách xã hội.",
       {{.surface = "Chỉ thị 40—CT/TW",
         .system = "party",
         .type = "CT",
         .number = "40",
         .issuer = "TW",
         .kind = "Chỉ thị",
         .canonical = "40-CT/TW"}}},
      {"tu_issuer",
       "Doanh nghiệp phổ biến Nghị quyết 52-NQ/TƯ về chủ động tham gia cách mạng công nghiệp.",
       {{.surface = "Nghị quyết 52-NQ/TƯ",
         .system = "party",
         .type = "NQ",
         .number = "52",
         .issuer = "TW",
         .canonical = "52-NQ/TW"}}},
      {"slash_hyphen_swapped",
       "Theo Nghị quyết 21/NQ-TW, ngày 25/10/2017, dân số là vấn đề chiến lược.",
       {{.surface = "Nghị quyết 21/NQ-TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .year = 2017,
         .date = "2017-10-25",
         .canonical = "21-NQ/TW",
         .key = "21-NQ/TW@XII"}}},
      {"two_slashes",
       "Cán bộ tín nhiệm thấp có thể cho thôi việc theo Quy định 66/QĐ/TW của Bộ Chính trị.",
       {{.surface = "Quy định 66/QĐ/TW",
         .system = "party",
         .type = "QĐ",
         .number = "66",
         .issuer = "TW",
         .kind = "Quy định",
         .canonical = "66-QĐ/TW"}}},
      {"missing_hyphen",
       "Cần thực hiện tốt Nghị quyết 20 NQ/TW về tăng cường công tác bảo vệ sức khỏe nhân dân.",
       {{.surface = "Nghị quyết 20 NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "20",
         .issuer = "TW",
         .canonical = "20-NQ/TW"}}},
      {"unaccented_mixed_case",
       "Bai Thuyet Trinh Ve Thuc Hien Nghi Quyet So 15- Nq/tw",
       {{.surface = "Nghi Quyet So 15- Nq/tw",
         .system = "party",
         .type = "NQ",
         .number = "15",
         .issuer = "TW",
         .kind = "Nghị quyết",
         .canonical = "15-NQ/TW"}}},
      {"unaccented_qd",
       "Dang vien phai nghiem tuc thuc hien Quy dinh 37-QD/TW ve nhung dieu dang vien khong duoc "
       "lam.",
       {{.surface = "Quy dinh 37-QD/TW",
         .system = "party",
         .type = "QĐ",
         .number = "37",
         .issuer = "TW",
         .kind = "Quy định",
         .canonical = "37-QĐ/TW"}}},
      {"english_qd",
       "Party members must follow Regulation 37-QD/TW on what they cannot do.",
       {{.surface = "37-QD/TW",
         .system = "party",
         .type = "QĐ",
         .number = "37",
         .issuer = "TW",
         .canonical = "37-QĐ/TW"}}},
      {"party_stray_year",
       "Nghị quyết số 09/2007/NQ-TW về Chiến lược biển Việt Nam đến năm 2020 đã đi vào cuộc sống.",
       {{.surface = "Nghị quyết số 09/2007/NQ-TW",
         .system = "party",
         .type = "NQ",
         .number = "9",
         .issuer = "TW",
         .year = 2007,
         .canonical = "09-NQ/TW",
         .key = "09-NQ/TW@X"}}},
  };
}

// Lists, the noun deciding the type, and informal references.
std::vector<Case> ListNounInformalCases() {
  return {
      {"list_shared_symbol",
       "Tỉnh ủy ban hành kế hoạch thực hiện Nghị quyết số 18, 19-NQ/TW về sắp xếp tổ chức bộ máy.",
       {{.surface = "Nghị quyết số 18",
         .system = "party",
         .type = "NQ",
         .number = "18",
         .issuer = "TW",
         .kind = "Nghị quyết",
         .canonical = "18-NQ/TW"},
        {.surface = "19-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "19",
         .issuer = "TW",
         .canonical = "19-NQ/TW"}}},
      {"list_shared_date_and_term",
       "Quán triệt Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng "
       "khóa XII.",
       {{.surface = "Nghị quyết số 18",
         .system = "party",
         .type = "NQ",
         .number = "18",
         .issuer = "TW",
         .year = 2017,
         .date = "2017-10-25",
         .term = "XII",
         .key = "18-NQ/TW@XII"},
        {.surface = "19-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "19",
         .issuer = "TW",
         .year = 2017,
         .date = "2017-10-25",
         .term = "XII",
         .key = "19-NQ/TW@XII"}}},
      {"list_bare_numbers",
       "Đảng bộ thực hiện Chỉ thị 03, 05 của Bộ Chính trị về học tập và làm theo tư tưởng Hồ Chí "
       "Minh.",
       {{.surface = "Chỉ thị 03",
         .system = "party",
         .type = "CT",
         .number = "3",
         .issuer = "TW",
         .kind = "Chỉ thị",
         .canonical = "03-CT/TW"},
        {.surface = "05",
         .system = "party",
         .type = "CT",
         .number = "5",
         .issuer = "TW",
         .kind = "Chỉ thị",
         .canonical = "05-CT/TW"}}},
      {"list_with_va",
       "Ủy ban Kiểm tra đã trình Tờ trình số 200 và 202 - TTr / UBKTTW lên Ban Bí thư .",
       {{.surface = "Tờ trình số 200",
         .system = "party",
         .type = "TTr",
         .number = "200",
         .issuer = "UBKTTW",
         .kind = "Tờ trình",
         .canonical = "200-TTr/UBKTTW"},
        {.surface = "202 - TTr / UBKTTW",
         .system = "party",
         .type = "TTr",
         .number = "202",
         .issuer = "UBKTTW",
         .canonical = "202-TTr/UBKTTW"}}},
      {"noun_quy_dinh",
       "Việc giới thiệu nhân sự thực hiện theo Quy định số 96-QĐ/TW về lấy phiếu tín nhiệm.",
       {{.surface = "Quy định số 96-QĐ/TW",
         .system = "party",
         .type = "QĐ",
         .number = "96",
         .issuer = "TW",
         .kind = "Quy định",
         .canonical = "96-QĐ/TW"}}},
      {"noun_quyet_dinh",
       "Quyết định số 31-QĐ/TW của Bộ Chính trị ban hành quy chế về thẩm quyền ban hành văn bản.",
       {{.surface = "Quyết định số 31-QĐ/TW",
         .system = "party",
         .type = "QĐ",
         .number = "31",
         .issuer = "TW",
         .kind = "Quyết định",
         .canonical = "31-QĐ/TW"}}},
      {"noun_thong_tu",
       "Thông tư 02/2017/TT-BNV hướng dẫn về chế độ hợp đồng một số loại công việc.",
       {{.surface = "Thông tư 02/2017/TT-BNV",
         .system = "state",
         .type = "TT",
         .number = "2",
         .issuer = "BNV",
         .year = 2017,
         .kind = "Thông tư",
         .canonical = "02/2017/TT-BNV"}}},
      {"code_wins_over_noun",
       "Tỉnh ủy đã sơ kết Nghị định số 39-NQ/TW của Bộ Chính trị về tinh giản biên chế.",
       {{.surface = "Nghị định số 39-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "39",
         .issuer = "TW",
         .kind = "Nghị định",
         .canonical = "39-NQ/TW"}}},
      {"invalid_code_noun_wins",
       "Đảng ủy đã tổng kết 10 năm thực hiện Nghị quyết số 28-CQ/TW về chiến lược bảo vệ Tổ quốc.",
       {{.surface = "Nghị quyết số 28-CQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "28",
         .issuer = "TW",
         .kind = "Nghị quyết"}}},
      {"plenum_with_term",
       "Các chi bộ tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng, chỉnh đốn "
       "Đảng.",
       {{.surface = "Nghị quyết Trung ương 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XII",
         .plenum = 4,
         .congress = "",
         .kind = "Nghị quyết",
         .canonical = "NQ/TW/HNTW4/XII",
         .key = "NQ/TW/HNTW4/XII"}}},
      {"plenum_t_u",
       "Nghị quyết T.Ư 4, khóa XI đề ra một số vấn đề cấp bách về xây dựng Đảng hiện nay.",
       {{.surface = "Nghị quyết T.Ư 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XI",
         .plenum = 4,
         .kind = "Nghị quyết",
         .canonical = "NQ/TW/HNTW4/XI"}}},
      {"plenum_nqtw",
       "Quán triệt NQTW 4 khóa XI trong toàn Đảng bộ.",
       {{.surface = "NQTW 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XI",
         .plenum = 4,
         .canonical = "NQ/TW/HNTW4/XI"}}},
      {"plenum_ordinal_word",
       "Thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (Khóa XII), chi bộ "
       "đã kiểm "
       "điểm.",
       {{.surface = "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XII",
         .plenum = 4,
         .kind = "Nghị quyết",
         .canonical = "NQ/TW/HNTW4/XII"}}},
      {"plenum_two_terms",
       "Tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng, chỉnh đốn Đảng.",
       {{.surface = "Nghị quyết Trung ương 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XI",
         .plenum = 4,
         .canonical = "NQ/TW/HNTW4/XI"},
        {.surface = "Nghị quyết Trung ương 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XII",
         .plenum = 4,
         .canonical = "NQ/TW/HNTW4/XII"}}},
      {"acronym_two_terms",
       "Các chi bộ tiếp tục thực hiện NQTW 4 (khóa XI, XII) gắn với học tập và làm theo Bác.",
       {{.surface = "NQTW 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XI",
         .plenum = 4,
         .canonical = "NQ/TW/HNTW4/XI"},
        {.surface = "NQTW 4",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .term = "XII",
         .plenum = 4,
         .canonical = "NQ/TW/HNTW4/XII"}}},
      {"congress",
       "Toàn Đảng bộ ra sức thực hiện thắng lợi Nghị quyết Đại hội XIII của Đảng.",
       {{.surface = "Nghị quyết Đại hội XIII",
         .system = "party",
         .type = "NQ",
         .number = "",
         .issuer = "TW",
         .plenum = kNoInt,
         .congress = "XIII",
         .kind = "Nghị quyết",
         .canonical = "NQ/ĐH/XIII"}}},
      {"short_number_with_issuer_phrase",
       "Các đảng viên thực hiện Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư "
       "tưởng Hồ Chí "
       "Minh.",
       {{.surface = "Chỉ thị 05",
         .system = "party",
         .type = "CT",
         .number = "5",
         .issuer = "TW",
         .kind = "Chỉ thị",
         .canonical = "05-CT/TW"}}},
      {"short_number_nghi_quyet",
       "Nghị quyết số 21 của Ban Chấp hành Trung ương đặt mục tiêu duy trì vững chắc mức sinh thay "
       "thế.",
       {{.surface = "Nghị quyết số 21",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .kind = "Nghị quyết",
         .canonical = "21-NQ/TW"}}},
      // Without any issuer in the passage the conventions leave the issuer open; only the
      // reference itself is required.
      {"short_number_no_context",
       "Nhiều địa phương đã xây dựng kế hoạch triển khai Nghị quyết số 21 ngay trong quý.",
       {{.surface = "Nghị quyết số 21", .type = "NQ", .number = "21", .kind = "Nghị quyết"}}},
      {"short_number_decree",
       "Theo Nghị định 116, doanh nghiệp nhập khẩu ô tô phải có giấy chứng nhận kiểu loại.",
       {{.surface = "Nghị định 116",
         .system = "state",
         .type = "NĐ",
         .number = "116",
         .issuer = "CP",
         .term = "",
         .kind = "Nghị định",
         .canonical = "116/NĐ-CP"}}},
  };
}

// Dates and terms attached to the document.
std::vector<Case> AttributeCases() {
  return {
      {"date_slashes",
       "Kết luận số 40-KL/TW ngày 05/8/2022 của Bộ Chính trị về nâng cao hiệu quả quản lý biên "
       "chế.",
       {{.surface = "Kết luận số 40-KL/TW",
         .system = "party",
         .type = "KL",
         .number = "40",
         .issuer = "TW",
         .year = 2022,
         .date = "2022-08-05",
         .kind = "Kết luận",
         .key = "40-KL/TW@XIII"}}},
      {"date_hyphens",
       "Chỉ thị số 118-CT/TW ngày 19-11-1958 của Ban Bí thư về công tác phát triển đảng viên.",
       {{.surface = "Chỉ thị số 118-CT/TW",
         .system = "party",
         .type = "CT",
         .number = "118",
         .issuer = "TW",
         .year = 1958,
         .date = "1958-11-19",
         .key = "118-CT/TW@II"}}},
      {"date_words",
       "Nghị quyết số 21-NQ/TW ngày 16 tháng 6 năm 2022 của Ban Chấp hành Trung ương Đảng về tổ "
       "chức cơ sở "
       "đảng.",
       {{.surface = "Nghị quyết số 21-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .year = 2022,
         .date = "2022-06-16",
         .canonical = "21-NQ/TW",
         .key = "21-NQ/TW@XIII"}}},
      {"date_plenum_term",
       "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 (khóa XII) về công tác "
       "dân số.",
       {{.surface = "Nghị quyết số 21-NQ/TW",
         .system = "party",
         .type = "NQ",
         .number = "21",
         .issuer = "TW",
         .year = 2017,
         .date = "2017-10-25",
         .term = "XII",
         .plenum = 6,
         .key = "21-NQ/TW@XII"}}},
      {"term_of_issuer_phrase",
       "Triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về học tập và làm theo tư tưởng "
       "Hồ Chí "
       "Minh.",
       {{.surface = "Chỉ thị số 05-CT/TW",
         .system = "party",
         .type = "CT",
         .number = "5",
         .issuer = "TW",
         .term = "XII",
         .key = "05-CT/TW@XII"}}},
      // Convention 8: effective dates are not the document's date.
      {"effective_date_not_used",
       "Luật Doanh nghiệp số 59/2020/QH14 có hiệu lực thi hành từ ngày 01/01/2021.",
       {{.surface = "Luật Doanh nghiệp số 59/2020/QH14",
         .system = "state",
         .type = "L",
         .number = "59",
         .issuer = "QH14",
         .year = 2020,
         .date = ""}}},
      // Convention 9: the legislature's khóa is not the document's term; state documents have none.
      {"state_no_term_from_legislature",
       "Nghị quyết số 351/2017/UBTVQH14 của Ủy ban Thường vụ Quốc hội khóa XIV quy định thể thức "
       "văn bản.",
       {{.surface = "Nghị quyết số 351/2017/UBTVQH14",
         .system = "state",
         .type = "NQ",
         .number = "351",
         .issuer = "UBTVQH14",
         .term = ""}}},
      // Dates without a year leave `date` empty.
      {"date_without_year",
       "Chỉ thị số 35-CT/TW ngày 30/5 của Bộ Chính trị về đại hội đảng bộ các cấp.",
       {{.surface = "Chỉ thị số 35-CT/TW",
         .system = "party",
         .type = "CT",
         .number = "35",
         .issuer = "TW",
         .date = ""}}},
  };
}

// Hard negatives: digits, codes and document words that are not document references.
std::vector<Case> NegativeCases() {
  return {
      {"neg_date", "Ngày 15-1-2018, đoàn công tác của tỉnh đã đến thăm các hộ nghèo.", {}},
      {"neg_time_h", "Lúc 9h50 sáng nay, xe cứu thương đã có mặt tại hiện trường.", {}},
      {"neg_time_colon", "Bàn thắng được ghi ở phút 22:8' của hiệp hai.", {}},
      {"neg_score", "Đội tuyển thắng với tỉ số 4-1 trong trận chung kết.", {}},
      {"neg_phone", "Mọi thông tin xin liên hệ số điện thoại 0981665483 để được hỗ trợ.", {}},
      {"neg_plate", "Chiếc xe mang biển kiểm soát 48C1-134.81 đã bị tạm giữ.", {}},
      {"neg_article", "Theo Điều 5 của Luật này, người lao động có quyền nghỉ hằng năm.", {}},
      {"neg_clause",
       "Trường hợp quy định tại khoản 2 Điều 116 của Bộ luật này được xử lý riêng.",
       {}},
      {"neg_lottery", "Kết quả xổ số 6x36 và Mega 6/45 được công bố lúc 18 giờ.", {}},
      {"neg_ratio", "Hai bên góp vốn theo tỷ lệ 50/50, chiếm 1/3 thị phần.", {}},
      {"neg_percent", "Tỷ lệ hộ nghèo giảm còn 35% so với năm trước.", {}},
      {"neg_plan_period", "Thực hiện Kế hoạch 5 năm 2016-2020, tỉnh đã đạt nhiều kết quả.", {}},
      {"neg_programme", "Các xã thuộc Chương trình 135 được hỗ trợ vốn đầu tư.", {}},
      {"neg_protocol", "Hai bên đã ký Nghị định thư về hợp tác nghề cá.", {}},
      {"neg_qd_alone", "Cơ quan điều tra đã ra QĐ khởi tố vụ án và bắt tạm giam bị can.", {}},
      {"neg_plenum_event", "Hội nghị Trung ương 8 khoá XII đã bế mạc sau 6 ngày làm việc.", {}},
      {"neg_collective", "Tỉnh ủy quán triệt các nghị quyết Trung ương 6 trong toàn Đảng bộ.", {}},
      {"neg_mass_org_congress",
       "Công đoàn các cấp triển khai Nghị quyết Đại hội XII Công đoàn Việt Nam.",
       {}},
      {"neg_model_codes",
       "Dịch cúm H5N1 lan rộng; các ca F1 được cách ly; tên lửa S-400; đội tuyển U23.",
       {}},
      {"neg_technical_standard",
       "Nước thải phải đạt quy chuẩn QCVN 10-MT:2015/BTNMT về chất lượng nước biển.",
       {}},
      {"neg_no_number",
       "Các cấp ủy cần quán triệt nghị quyết của Đảng và chỉ thị của Bộ Chính trị.",
       {}},
  };
}


// Issuers read from the sentence, never guessed (refs README §7, issue 17): the issuer phrase
// after the reference, the subject of the verb that issues it, the passive "được X ban hành";
// otherwise empty. Decrees alone default to the Government.
std::vector<Case> IssuerReadingCases() {
  return {
      {"subject_of_ky",
       "Chủ tịch nước đã ký Quyết định 1567 về việc đặc xá cho phạm nhân.",
       {{.surface = "Quyết định 1567", .system = "state", .type = "QĐ", .number = "1567", .issuer = "CTN"}}},
      {"subject_of_ban_hanh",
       "Tòa án nhân dân tối cao vừa ban hành Hướng dẫn số 246 về nghiệp vụ xét xử.",
       {{.surface = "Hướng dẫn số 246", .system = "state", .type = "HD", .number = "246", .issuer = "TANDTC"}}},
      {"subject_party_organ",
       "Sau đó, Ủy ban Kiểm tra Trung ương ban hành Hướng dẫn số 31 sửa đổi quy trình kiểm tra.",
       {{.surface = "Hướng dẫn số 31", .system = "party", .type = "HD", .number = "31", .issuer = "UBKTTW"}}},
      // The body nearest the verb issues; a name is read whole, not its last words.
      {"subject_nearest_body",
       "Bộ Tài chính đề nghị Thủ tướng Chính phủ ban hành Quyết định số 12 về giá điện.",
       {{.surface = "Quyết định số 12", .type = "QĐ", .number = "12", .issuer = "TTg"}}},
      {"subject_standing_committee",
       "Thường vụ Quân ủy Trung ương đã ra Chỉ thị 87 về học tập và làm theo gương Bác.",
       {{.surface = "Chỉ thị 87", .system = "party", .type = "CT", .number = "87", .issuer = "QUTW"}}},
      {"subject_possessive_is_not_subject",
       "Theo ý kiến của Bộ Tư pháp đã ban hành Quyết định số 7 thay thế quy định cũ.",
       {{.surface = "Quyết định số 7", .type = "QĐ", .number = "7", .issuer = ""}}},
      {"phrase_after_ministry",
       "Cấp gió được xác định theo Quyết định số 2901 năm 2016 của Bộ Tài nguyên và Môi trường.",
       {{.surface = "Quyết định số 2901", .system = "state", .type = "QĐ", .number = "2901",
         .issuer = "BTNMT", .year = 2016}}},
      {"phrase_with_hyphenated_name",
       "Thông tư số 02 của Bộ Lao động - Thương binh và Xã hội hướng dẫn chế độ trợ cấp.",
       {{.surface = "Thông tư số 02", .type = "TT", .number = "2", .issuer = "BLĐTBXH"}}},
      // An issuer phrase after another document's noun is that document's.
      {"phrase_of_other_document",
       "Chính phủ đã ban hành Nghị quyết số 155 ngày 1/6/2025 về triển khai Nghị quyết của Quốc hội.",
       {{.surface = "Nghị quyết số 155", .system = "state", .type = "NQ", .number = "155",
         .issuer = "CP", .year = 2025, .date = "2025-06-01"}}},
      {"passive_issuer",
       "Quyết định số 33 được Thủ tướng Chính phủ ban hành ngày 5/8/2020 nhằm hỗ trợ người dân.",
       {{.surface = "Quyết định số 33", .type = "QĐ", .number = "33", .issuer = "TTg",
         .date = "2020-08-05"}}},
      // Negatives: nothing names the issuer, so it stays empty (no Party or Government guess).
      {"bare_decision_no_issuer",
       "Quyết định 09 quy định mức thu phí trước bạ đối với xe máy.",
       {{.surface = "Quyết định 09", .type = "QĐ", .number = "9", .issuer = ""}}},
      {"bare_directive_no_issuer",
       "Chỉ thị số 12 về an toàn giao thông tiếp tục được các địa phương thực hiện.",
       {{.surface = "Chỉ thị số 12", .type = "CT", .number = "12", .issuer = ""}}},
      {"bare_conclusion_no_issuer",
       "Kết luận 72 là cơ sở để thành phố xây dựng quy hoạch vùng.",
       {{.surface = "Kết luận 72", .type = "KL", .number = "72", .issuer = ""}}},
      // The issuer phrase after the last of coordinated references is every one's.
      {"list_shares_phrase",
       "Các chi bộ quán triệt Chỉ thị số 05, Kế hoạch số 04-KH/TW của Bộ Chính trị trong tháng.",
       {{.surface = "Chỉ thị số 05", .system = "party", .type = "CT", .number = "5", .issuer = "TW"},
        {.surface = "Kế hoạch số 04-KH/TW", .type = "KH", .number = "4", .issuer = "TW"}}},
      // A document described by its relation to another does not lend it its issuer.
      {"relation_not_affected",
       "Bộ Tài chính ban hành Thông tư số 12 sửa đổi Thông tư số 5 về lệ phí trước bạ.",
       {{.surface = "Thông tư số 12", .type = "TT", .number = "12", .issuer = "BTC"},
        {.surface = "Thông tư số 5", .type = "TT", .number = "5", .issuer = ""}}},
      // The National Assembly's legislature from the date or from "khóa".
      {"legislature_from_date",
       "Luật số 45 ngày 29/11/2013 của Quốc hội quy định về chế độ sở hữu đất đai.",
       {{.surface = "Luật số 45", .system = "state", .type = "L", .number = "45", .issuer = "QH13",
         .date = "2013-11-29"}}},
      {"legislature_from_khoa",
       "Nghị quyết số 42 của Quốc hội khóa XIV về thí điểm xử lý nợ xấu đã hết hiệu lực.",
       {{.surface = "Nghị quyết số 42", .type = "NQ", .number = "42", .issuer = "QH14", .term = ""}}},
      // An election year alone does not tell the outgoing legislature from the incoming one.
      {"legislature_election_year_open",
       "Luật số 10 của Quốc hội năm 2016 sửa đổi thủ tục hành chính.",
       {{.surface = "Luật số 10", .type = "L", .number = "10", .issuer = "QH", .year = 2016}}},
  };
}

// Bodies outside the archive (refs README §4): the UN, colonial and Saigon-regime authorities,
// mass organisations. Their documents are not references; Party bodies nearby still are.
std::vector<Case> OutOfScopeCases() {
  return {
      {"neg_un_subject", "Hội đồng Bảo an Liên Hợp Quốc đã thông qua Nghị quyết 2270 về trừng phạt.", {}},
      {"neg_un_list",
       "Hội đồng Bảo an tiếp tục thông qua các Nghị quyết số 501, 502, 503 về khu vực này.",
       {}},
      {"neg_un_phrase", "Nghị quyết 2321 của Hội đồng Bảo an được thông qua vào cuối năm.", {}},
      {"neg_colonial", "Ngày 17 tháng 9 năm 1895, Toàn quyền Đông Dương ra Quyết định số 1432 chia tỉnh.", {}},
      {"neg_saigon_regime", "Chính quyền Sài Gòn ban hành Nghị định số 10 về hiệp hội.", {}},
      {"neg_youth_union", "Trung ương Đoàn ban hành Nghị quyết số 03 về công tác thanh niên.", {}},
      {"neg_veterans", "Hội Cựu chiến binh tỉnh đã ban hành Nghị quyết số 01 về nhiệm vụ năm.", {}},
      {"neg_youth_union_symbol", "Quyết định số 367-QĐ/TWĐTN quy định về thể thức văn bản của Đoàn.", {}},
      {"neg_mass_org_national_congress",
       "Thanh niên thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đoàn trong năm.",
       {}},
      {"party_body_in_scope",
       "Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 03 về công tác thanh niên.",
       {{.surface = "Nghị quyết số 03", .system = "party", .type = "NQ", .number = "3", .issuer = "TU"}}},
  };
}

// Forms real text writes that the first grammar missed (issue 17).
std::vector<Case> MoreFormCases() {
  return {
      {"vbhn_named_law",
       "Văn bản hợp nhất Luật Đầu tư số 15/VBHN-VPQH được đăng công báo.",
       {{.surface = "Văn bản hợp nhất Luật Đầu tư số 15/VBHN-VPQH", .system = "state", .type = "VBHN",
         .number = "15", .issuer = "VPQH", .kind = "Văn bản hợp nhất"}}},
      {"vbhn_bare_symbol",
       "Theo 02/VBHN-BQP, quân nhân được hưởng phụ cấp thâm niên.",
       {{.surface = "02/VBHN-BQP", .system = "state", .type = "VBHN", .number = "2", .issuer = "BQP",
         .unit = ""}}},
      {"spaced_legislature",
       "Nghị quyết 78 2025 UBTVQH15 có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
       {{.surface = "Nghị quyết 78 2025 UBTVQH15", .system = "state", .type = "NQ", .number = "78",
         .issuer = "UBTVQH15", .year = 2025, .symbol_year = 2025, .date = ""}}},
      {"spaced_type_issuer",
       "Thẩm quyền xử phạt quy định tại Nghị định 15 2020 NĐ CP được sửa đổi.",
       {{.surface = "Nghị định 15 2020 NĐ CP", .type = "NĐ", .number = "15", .issuer = "CP", .year = 2020}}},
      {"spaced_year_informal",
       "Mức phạt mới nhất theo Nghị định 123 2024 như sau:",
       {{.surface = "Nghị định 123 2024", .type = "NĐ", .number = "123", .issuer = "CP", .year = 2024,
         .symbol_year = kNoInt}}},
      {"alias_one_word",
       "Nghị quyết số 170/2024/QH15 (gọi tắt là NQ170) quy định cơ chế đặc thù. Việc triển khai NQ170 "
       "cần khẩn trương.",
       {{.surface = "Nghị quyết số 170/2024/QH15", .type = "NQ", .number = "170", .issuer = "QH15"},
        {.surface = "NQ170", .system = "state", .type = "NQ", .number = "170", .issuer = "QH15", .year = 2024},
        {.surface = "NQ170", .type = "NQ", .number = "170", .issuer = "QH15", .year = 2024}}},
      {"alias_spelled_out_takes_date",
       "Sửa đổi Thông tư số 78/2014/TT-BTC ngày 18/6/2014 của Bộ Tài chính và Nghị định số 12/2015/NĐ-CP "
       "(sau đây gọi là Thông tư số 78/2014/TT-BTC) như sau:",
       {{.surface = "Thông tư số 78/2014/TT-BTC", .type = "TT", .number = "78", .date = "2014-06-18"},
        {.surface = "Nghị định số 12/2015/NĐ-CP", .type = "NĐ", .number = "12", .date = ""},
        {.surface = "Thông tư số 78/2014/TT-BTC", .type = "TT", .number = "78", .issuer = "BTC",
         .date = "2014-06-18"}}},
      {"old_symbol_slash_issuer",
       "Nghị định 100/TTg năm 1959 quy định chế độ báo chí.",
       {{.surface = "Nghị định 100/TTg", .system = "state", .type = "NĐ", .number = "100", .issuer = "TTg",
         .year = 1959}}},
      {"old_symbol_hyphen_issuer",
       "Quyết định 167-HĐBT ngày 14/11/1988 về chính sách tiền lương.",
       {{.surface = "Quyết định 167-HĐBT", .system = "state", .type = "QĐ", .number = "167",
         .issuer = "HĐBT", .date = "1988-11-14"}}},
      // The symbol names no issuer, so the issuer stays empty even with a phrase after it.
      {"old_symbol_type_only",
       "Chỉ thị số 122-CT ngày 12 tháng 5 năm 1982 của Chủ tịch Hội đồng Bộ trưởng về công tác dân tộc.",
       {{.surface = "Chỉ thị số 122-CT", .type = "CT", .number = "122", .issuer = "", .date = "1982-05-12"}}},
      {"date_in_preceding_clause",
       "Ngày 15/9/2025, Ủy ban Kiểm tra Trung ương ban hành Kế hoạch 260-KH/UBKTTW về giám sát.",
       {{.surface = "Kế hoạch 260-KH/UBKTTW", .type = "KH", .number = "260", .issuer = "UBKTTW",
         .year = 2025, .date = "2025-09-15"}}},
      {"date_before_subject_without_comma",
       "Ngày 3/2/1960 Ban Chấp hành Trung ương Đảng khóa III ban hành Chỉ thị số 190-CT/TW về "
       "chỉnh huấn.",
       {{.surface = "Chỉ thị số 190-CT/TW", .type = "CT", .number = "190", .issuer = "TW", .date = "1960-02-03", .term = "III"}}},
      {"year_in_preceding_clause",
       "Đầu năm 2017, Bộ Chính trị đã ban hành Nghị quyết 08-NQ/TW về phát triển du lịch.",
       {{.surface = "Nghị quyết 08-NQ/TW", .type = "NQ", .number = "8", .issuer = "TW", .year = 2017, .date = ""}}},
      // A date elsewhere in the sentence is not the document's.
      {"date_not_before_subject",
       "Ngày 15/9/2025, tại Hà Nội, Ủy ban Kiểm tra Trung ương ban hành Kế hoạch 261-KH/UBKTTW.",
       {{.surface = "Kế hoạch 261-KH/UBKTTW", .type = "KH", .number = "261", .issuer = "UBKTTW", .year = kNoInt, .date = ""}}},
      {"trailing_year",
       "Thủ tướng đã có Quyết định 1867/QĐ-TTg năm 2025 về bổ sung ngân sách.",
       {{.surface = "Quyết định 1867/QĐ-TTg", .type = "QĐ", .number = "1867", .issuer = "TTg", .year = 2025}}},
      {"bracketed_year",
       "Chỉ thị 100 (1981) của Ban Bí thư mở đường cho khoán sản phẩm.",
       {{.surface = "Chỉ thị 100", .system = "party", .type = "CT", .number = "100", .issuer = "TW",
         .year = 1981}}},
      {"list_conjunct_repeats_so",
       "Dự án được giao theo các Quyết định số 1532 / QĐ – BGTVT , số 1533 / QĐ – BGTVT ngày 29/6/2012 .",
       {{.surface = "Quyết định số 1532 / QĐ – BGTVT", .type = "QĐ", .number = "1532", .issuer = "BGTVT", .date = "2012-06-29"},
        {.surface = "1533 / QĐ – BGTVT", .type = "QĐ", .number = "1533", .issuer = "BGTVT", .date = "2012-06-29"}}},
  };
}

std::vector<Case> AllCases() {
  std::vector<Case> all;
  for (auto* part : {&SymbolCases, &ListNounInformalCases, &AttributeCases, &NegativeCases,
                     &IssuerReadingCases, &OutOfScopeCases, &MoreFormCases}) {
    for (Case& c : (*part)()) all.push_back(std::move(c));
  }
  return all;
}

class RecognizerFormTest : public ::testing::TestWithParam<Case> {
 protected:
  static const Recognizer& R() {
    static const Recognizer* r = new Recognizer();
    return *r;
  }
};

TEST_P(RecognizerFormTest, FindsExpectedMentions) {
  const Case& c = GetParam();
  ExpectMentions(c.text, R().Find(c.text), c.want);
}

INSTANTIATE_TEST_SUITE_P(Table, RecognizerFormTest, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

// The containing document's issuer, when the caller gives it, names the issuer of a bare
// number the text names none for, if that body issues documents of the type; never overrides
// what the text says, and is not used without being given.
TEST(RecognizerTest, DocumentIssuerFillsBareNumbers) {
  const Recognizer r;
  const std::string text = "Căn cứ Quyết định số 12 về định mức chi, Sở Tài chính hướng dẫn thực hiện.";
  auto with = r.Find(text, "UBND");
  ASSERT_EQ(with.size(), 1u) << DescribeAll(with);
  EXPECT_EQ(with[0].issuer, "UBND");
  EXPECT_EQ(with[0].system, System::kState);
  auto without = r.Find(text);
  ASSERT_EQ(without.size(), 1u) << DescribeAll(without);
  EXPECT_EQ(without[0].issuer, "");

  // The text's own issuer wins; a decree stays the Government's; a province issues no circular.
  auto named = r.Find("Thực hiện Chỉ thị số 05 của Bộ Chính trị về học tập.", "UBND");
  ASSERT_EQ(named.size(), 1u) << DescribeAll(named);
  EXPECT_EQ(named[0].issuer, "TW");
  auto decree = r.Find("Theo Nghị định 116 về điều kiện kinh doanh.", "UBND");
  ASSERT_EQ(decree.size(), 1u) << DescribeAll(decree);
  EXPECT_EQ(decree[0].issuer, "CP");
  auto circular = r.Find("Theo Thông tư số 5 về mẫu biểu.", "UBND");
  ASSERT_EQ(circular.size(), 1u) << DescribeAll(circular);
  EXPECT_EQ(circular[0].issuer, "");
  // A Party committee's document: its Party types, not a decree.
  auto party = r.Find("Triển khai Kết luận số 8 trong toàn Đảng bộ.", "TU");
  ASSERT_EQ(party.size(), 1u) << DescribeAll(party);
  EXPECT_EQ(party[0].issuer, "TU");
  EXPECT_EQ(party[0].system, System::kParty);
}

// ---- offsets
// -------------------------------------------------------------------------------------

TEST(RecognizerTest, OffsetsCountCodePointsAndBytes) {
  Recognizer r;
  // "Đảng ủy" before the mention: 2- and 3-byte characters shift bytes from code points.
  const std::string text = "Đảng ủy đã quán triệt Nghị quyết số 21-NQ/TW và Chỉ thị 05-CT/TW.";
  const auto ms = r.Find(text);
  ASSERT_EQ(ms.size(), 2u) << DescribeAll(ms);
  EXPECT_EQ(ms[0].surface, "Nghị quyết số 21-NQ/TW");
  EXPECT_EQ(ms[0].start, 22u);
  EXPECT_EQ(ms[0].end, 44u);
  EXPECT_EQ(ms[0].byte_start, text.find("Nghị"));
  EXPECT_EQ(ms[0].byte_end, text.find(" và"));
  EXPECT_EQ(ms[1].surface, "Chỉ thị 05-CT/TW");
  EXPECT_EQ(ms[1].start, 48u);
  EXPECT_EQ(ms[1].end, 64u);
  CheckOffsets(text, ms);
}

TEST(RecognizerTest, NfdInputGivesSameMentionsWithNfdOffsets) {
  Recognizer r;
  const std::string nfc =
      "Thực hiện Nghị quyết Trung ương 4 (khóa XII) và Nghị quyết số 21-NQ/TW ngày 25/10/2017 của "
      "Ban Chấp "
      "hành Trung ương Đảng.";
  // The same sentence fully decomposed (NFD), written with explicit combining marks.
  const std::string nfd =
      "Thu\u031B\u0323c hie\u0323\u0302n Nghi\u0323 quye\u0302\u0301t Trung u\u031Bo\u031Bng 4 "
      "(kho\u0301a XII) va\u0300 Nghi\u0323 quye\u0302\u0301t so\u0302\u0301 21-NQ/TW "
      "nga\u0300y 25/10/2017 cu\u0309a Ban Cha\u0302\u0301p ha\u0300nh Trung u\u031Bo\u031Bng "
      "\u0110a\u0309ng.";
  ASSERT_NE(nfc, nfd);
  ASSERT_EQ(CodePoints(nfc), 121u);
  ASSERT_EQ(CodePoints(nfd), 145u);

  const auto a = r.Find(nfc);
  const auto b = r.Find(nfd);
  CheckOffsets(nfc, a);
  CheckOffsets(nfd, b);
  ASSERT_EQ(a.size(), 2u) << DescribeAll(a);
  ASSERT_EQ(b.size(), 2u) << DescribeAll(b);
  // NFC: [10, 33) and [48, 70); NFD: [14, 42) and [59, 86).
  EXPECT_EQ(a[0].start, 10u);
  EXPECT_EQ(a[0].end, 33u);
  EXPECT_EQ(a[1].start, 48u);
  EXPECT_EQ(a[1].end, 70u);
  EXPECT_EQ(b[0].start, 14u);
  EXPECT_EQ(b[0].end, 42u);
  EXPECT_EQ(b[1].start, 59u);
  EXPECT_EQ(b[1].end, 86u);
  EXPECT_EQ(b[0].surface, "Nghi\u0323 quye\u0302\u0301t Trung u\u031Bo\u031Bng 4");
  EXPECT_EQ(b[1].surface, "Nghi\u0323 quye\u0302\u0301t so\u0302\u0301 21-NQ/TW");
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    EXPECT_EQ(b[i].system, a[i].system) << i;
    EXPECT_EQ(b[i].type, a[i].type) << i;
    EXPECT_EQ(b[i].kind, a[i].kind) << i;
    EXPECT_EQ(b[i].number, a[i].number) << i;
    EXPECT_EQ(b[i].issuer, a[i].issuer) << i;
    EXPECT_EQ(b[i].year, a[i].year) << i;
    EXPECT_EQ(b[i].date, a[i].date) << i;
    EXPECT_EQ(b[i].term, a[i].term) << i;
    EXPECT_EQ(b[i].plenum, a[i].plenum) << i;
    EXPECT_EQ(b[i].Canonical(), a[i].Canonical()) << i;
    EXPECT_EQ(b[i].Key(), a[i].Key()) << i;
  }
  // And the values themselves (conventions 8–10).
  EXPECT_EQ(b[0].plenum, std::optional<int>(4));
  EXPECT_EQ(b[0].term, "XII");
  EXPECT_EQ(b[0].kind, "Nghị quyết");  // canonical NFC noun even for NFD input
  EXPECT_EQ(b[1].Key(), "21-NQ/TW@XII");
  EXPECT_EQ(b[1].date, "2017-10-25");
}

// ---- canonical symbols and keys
// ------------------------------------------------------------------

TEST(RecognizerTest, KeyTellsRepeatedPartyNumbersApart) {
  Recognizer r;
  const auto x = r.Find("Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.");
  const auto y = r.Find("Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.");
  ASSERT_EQ(x.size(), 1u) << DescribeAll(x);
  ASSERT_EQ(y.size(), 1u) << DescribeAll(y);
  EXPECT_EQ(x[0].Canonical(), "21-NQ/TW");
  EXPECT_EQ(y[0].Canonical(), "21-NQ/TW");
  EXPECT_EQ(x[0].Key(), "21-NQ/TW@XIII");
  EXPECT_EQ(y[0].Key(), "21-NQ/TW@XII");
}

TEST(RecognizerTest, CanonicalOfEachForm) {
  Recognizer r;
  struct {
    const char* text;
    const char* canonical;
  } cases[] = {
      {"Chỉ thị 05-CT/TW", "05-CT/TW"},
      {"Quy định 102 - QĐ / TW", "102-QĐ/TW"},
      {"Nghị quyết 21/NQ-TW", "21-NQ/TW"},
      {"Quyết định số 218-QĐ/TƯ", "218-QĐ/TW"},
      {"Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP"},
      {"Luật số 59/2020/QH14", "59/2020/QH14"},
      {"Quyết định 749/QĐ-TTg", "749/QĐ-TTg"},
      {"công văn số 3546/UBND-VP", "3546/UBND-VP"},
      {"Nghị quyết Trung ương 4 khóa XII", "NQ/TW/HNTW4/XII"},
      {"Nghị quyết Đại hội XIII", "NQ/ĐH/XIII"},
  };
  for (const auto& c : cases) {
    const auto ms = r.Find(c.text);
    ASSERT_EQ(ms.size(), 1u) << c.text << "\n" << DescribeAll(ms);
    EXPECT_EQ(ms[0].Canonical(), c.canonical) << c.text;
  }
}

// ---- registry
// ------------------------------------------------------------------------------------

TEST(RecognizerTest, RegistryResolvesPlenumReference) {
  auto registry = Registry::Load(VANKIEN_SOURCE_DIR "/corpus/registry.tsv");
  ASSERT_TRUE(registry.ok()) << registry.status().message();
  Recognizer with(&*registry);
  Recognizer without;
  const std::string text =
      "Kiên quyết thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.";

  const auto ms = with.Find(text);
  ASSERT_EQ(ms.size(), 1u) << DescribeAll(ms);
  EXPECT_EQ(ms[0].surface, "Nghị quyết Trung ương 4");
  EXPECT_EQ(ms[0].plenum, std::optional<int>(4));
  EXPECT_EQ(ms[0].term, "XII");
  EXPECT_EQ(ms[0].number, "");
  EXPECT_EQ(ms[0].resolved_symbol, "04-NQ/TW");

  const auto plain = without.Find(text);
  ASSERT_EQ(plain.size(), 1u) << DescribeAll(plain);
  EXPECT_EQ(plain[0].resolved_symbol, "");

  // Plenum 6 of term XII adopted several resolutions (18-, 20-, 21-NQ/TW …): no single answer.
  const auto six = with.Find("Nghị quyết Trung ương 6 khóa XII");
  ASSERT_EQ(six.size(), 1u) << DescribeAll(six);
  EXPECT_EQ(six[0].resolved_symbol, "");
}

// ---- arbitrary bytes
// -----------------------------------------------------------------------------

// Invariants that hold for any input, valid UTF-8 or not.
void CheckAnyInput(std::string_view text, const std::vector<Mention>& ms) {
  std::size_t prev = 0;
  for (const Mention& m : ms) {
    ASSERT_LE(m.byte_start, m.byte_end);
    ASSERT_LE(m.byte_end, text.size());
    ASSERT_EQ(m.surface, text.substr(m.byte_start, m.byte_end - m.byte_start));
    ASSERT_LE(m.start, m.end);
    ASSERT_GE(m.byte_start, prev);
    prev = m.byte_start;
  }
}

TEST(RecognizerTest, InvalidUtf8IsTolerated) {
  Recognizer r;
  using namespace std::string_literals;
  const std::vector<std::string> inputs = {
      ""s,
      "\xFF\xFE\xFD"s,
      "Nghị quy\xE1\xBB"s,                         // truncated 3-byte sequence at the end
      "\xC3"s,                                     // lone lead byte
      "\x80\x80\x80 21-NQ/TW"s,                    // stray continuation bytes
      "21-NQ\xC0\xAFTW"s,                          // overlong '/'
      "21-NQ\xED\xA0\x80/TW"s,                     // encoded surrogate
      "21-NQ\0/TW và 22-NQ/TW"s,                   // embedded NUL
      "Nghị quyết số \xF4\x90\x80\x80 21-NQ/TW"s,  // above U+10FFFF
      std::string(5000, '9') + "-NQ/TW",
      std::string(3000, '/') + std::string(3000, '-'),
      "Nghị quyết " + std::string(2000, '\xE1'),
  };
  for (const std::string& in : inputs) {
    const auto ms = r.Find(in);
    CheckAnyInput(in, ms);
  }
  // A reference between invalid bytes is still found, with its byte span.
  const std::string mixed =
      "\xFF"
      "abc Nghị quyết số 21-NQ/TW \xFE"
      "def";
  const auto ms = r.Find(mixed);
  ASSERT_EQ(ms.size(), 1u) << DescribeAll(ms);
  EXPECT_EQ(ms[0].surface, "Nghị quyết số 21-NQ/TW");
  EXPECT_EQ(ms[0].Canonical(), "21-NQ/TW");
}

// The analyzer classes any Unicode decimal digits as a number token (analyzer.h), so digits from
// other scripts reach every place the grammar reads a number: plenum, date, year, term.
// Found by tests/fuzz/refs_fuzz (seeds crash-stoi-nonascii-digit-*).
TEST(RecognizerTest, NonAsciiDecimalDigitsDoNotThrow) {
  Recognizer r;
  const std::vector<std::string> inputs = {
      "Nghị quyết Trung ương \u0664 khóa XII",  // ARABIC-INDIC DIGIT FOUR as the plenum
      "Nghị quyết Trung ương \u07C9",           // NKO DIGIT NINE
      "Nghị quyết Đại hội \u0664",              // as the congress
      "Chỉ thị 05-CT/TW ngày \u0665/\u0666/\u0662\u0660\u0662\u0662",  // as the date
      "Nghị quyết số 21 năm \u0662\u0660",                             // as the year after "năm"
      "Nghị quyết 30/\u0662\u0660/NQ-CP",     // as the year inside a symbol
      "Nghị quyết Trung ương 4 khóa \u0967",  // DEVANAGARI DIGIT ONE as the term
  };
  for (const std::string& in : inputs) {
    std::vector<Mention> ms;
    EXPECT_NO_THROW(ms = r.Find(in)) << in;
    CheckAnyInput(in, ms);
  }
}

TEST(RecognizerTest, RandomBytesDoNotCrash) {
  Recognizer r;
  // Fragments that steer random input toward the grammar's branches.
  const std::vector<std::string> pieces = {
      "Nghị quyết", "số",         " ",
      "21",         "-",          "/",
      "NQ",         "TW",         "TƯ",
      "T.Ư",        "–",          "—",
      "2017",       "QH14",       "ngày",
      "25",         "10",         "tháng",
      "năm",        "khóa",       "XII",
      "(",          ")",          ",",
      "và",         "Trung ương", "4",
      "Đại hội",    "lần thứ",    "tư",
      "NQTW",       "của",        "Bộ Chính trị",
      "UBND",       "VP",         "\xFF",
      "\xC3",       "\xE1\xBB",   "\u0301",
      "0",          "30a",        ":",
      ".",          "Hội nghị",   "Ban Chấp hành Trung ương",
      "Đảng bộ",    "tỉnh",       "Luật",
      "Chỉ thị",    "Quy định",   "QĐi",
      "\xA0",
  };
  std::mt19937 rng(20240607);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> len(0, 40), byte(0, 255), coin(0, 9);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string in;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) {
      if (coin(rng) == 0) {
        in.push_back(static_cast<char>(byte(rng)));
      } else {
        in += pieces[pick(rng)];
      }
    }
    const auto ms = r.Find(in);
    CheckAnyInput(in, ms);
    if (::testing::Test::HasFatalFailure()) {
      ADD_FAILURE() << "input bytes: " << ::testing::PrintToString(in);
      return;
    }
  }
}

}  // namespace
}  // namespace vankien::refs
