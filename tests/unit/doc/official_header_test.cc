// Tests for indexer/doc/official_header.h: the official header of Party and state documents,
// its fields, and the lines it occupies (OfficialHeader::lines).
#include "indexer/doc/official_header.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

// One analyzer and recognizer for the binary, as the loader's callers build them once.
const text::Analyzer& A() {
  static const text::Analyzer analyzer;
  return analyzer;
}
const refs::Recognizer& R() {
  static const refs::Recognizer recognizer;
  return recognizer;
}

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(VANKIEN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------------------------
// News pages are not official documents
// ---------------------------------------------------------------------------------------------

TEST(ParseOfficialHeader, SeedPagesAreNotOfficialDocuments) {
  for (const char* file :
       {"corpus/seeds/000_fa6553a92803c2d8.txt", "corpus/seeds/001_ca6e148528d44b9b.txt",
        "corpus/seeds/002_f95d50a095e536ad.txt", "corpus/seeds/003_99fad078a6312a8a.txt",
        "corpus/seeds/004_f08cc3bc849c2e26.txt"}) {
    SCOPED_TRACE(file);
    const OfficialHeader h = ParseOfficialHeader(A(), R(), ReadSource(file));
    EXPECT_FALSE(h.found);
    EXPECT_TRUE(h.symbol.empty());
    EXPECT_TRUE(h.lines.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// Official headers: the sample documents in corpus/official
// ---------------------------------------------------------------------------------------------

struct HeaderCase {
  const char* file;
  OfficialHeader expected;
};

OfficialHeader Expect(const char* issuer, const char* symbol, const char* place, const char* date,
                      const char* type, std::optional<int> plenum, const char* term,
                      const char* subject, const char* signer, const char* system) {
  OfficialHeader h;
  h.found = true;
  h.issuer = issuer;
  h.symbol = symbol;
  h.place = place;
  h.date = date;
  h.type = type;
  h.plenum = plenum;
  h.term = term;
  h.subject = subject;
  h.signer = signer;
  h.system = system;
  return h;
}

void ExpectHeader(const OfficialHeader& got, const OfficialHeader& want) {
  EXPECT_EQ(got.found, want.found);
  EXPECT_EQ(got.issuer, want.issuer);
  EXPECT_EQ(got.symbol, want.symbol);
  EXPECT_EQ(got.place, want.place);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.plenum, want.plenum);
  EXPECT_EQ(got.term, want.term);
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.signer, want.signer);
  EXPECT_EQ(got.system, want.system);
}

const OfficialHeader kNq901 = Expect(
    "BAN CHẤP HÀNH TRUNG ƯƠNG", "901-NQ/TW", "Hà Nội", "2024-05-18", "Nghị quyết", 11, "XIII",
    "về phát triển văn hóa đọc và mạng lưới thư viện số đến năm 2035, tầm nhìn đến năm 2045",
    "Nguyễn Văn An", "party");

void PrintTo(const HeaderCase& c, std::ostream* os) { *os << c.file; }

class SampleHeaderTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(SampleHeaderTest, EveryFieldIsExact) {
  SCOPED_TRACE(GetParam().file);
  ExpectHeader(ParseOfficialHeader(A(), R(), ReadSource(GetParam().file)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Samples, SampleHeaderTest,
    ::testing::Values(
        HeaderCase{"corpus/official/party-nq-901.txt", kNq901},
        HeaderCase{
            "corpus/official/party-kl-902.txt",
            Expect("BAN CHẤP HÀNH TRUNG ƯƠNG", "902-KL/TW", "Hà Nội", "2023-09-12", "Kết luận",
                   std::nullopt, "", "về tiếp tục đẩy mạnh số hóa tài liệu lưu trữ của Đảng",
                   "Trần Minh Khôi", "party")},
        HeaderCase{"corpus/official/party-ct-903.txt",
                   Expect("BAN CHẤP HÀNH TRUNG ƯƠNG", "903-CT/TW", "Hà Nội", "2023-03-15",
                          "Chỉ thị", std::nullopt, "",
                          "về tăng cường công tác lưu trữ điện tử trong các cơ quan đảng",
                          "Lê Thị Hồng Vân", "party")},
        HeaderCase{
            "corpus/official/party-qd-904.txt",
            Expect("BAN CHẤP HÀNH TRUNG ƯƠNG", "904-QĐ/TW", "Hà Nội", "2024-01-10", "Quy định",
                   std::nullopt, "", "về chế độ lưu trữ, khai thác tài liệu của tổ chức đảng",
                   "Phạm Quốc Bảo", "party")},
        HeaderCase{
            "corpus/official/state-nd-915-2024.txt",
            Expect("CHÍNH PHỦ", "915/2024/NĐ-CP", "Hà Nội", "2024-04-15", "Nghị định", std::nullopt,
                   "", "Về quản lý và khai thác kho dữ liệu văn bản số", "Đỗ Hoàng Nam", "state")},
        HeaderCase{
            "corpus/official/state-qd-9916-ttg.txt",
            Expect("THỦ TƯỚNG CHÍNH PHỦ", "9916/QĐ-TTg", "Hà Nội", "2024-07-02", "Quyết định",
                   std::nullopt, "",
                   "Phê duyệt Đề án thí điểm kho tra cứu văn bản số dùng chung cho các bộ, ngành "
                   "và địa phương",
                   "Vũ Thanh Hà", "state")}),
    [](const ::testing::TestParamInfo<HeaderCase>& info) {
      std::string name = info.param.file;
      name = name.substr(name.rfind('/') + 1);
      name = name.substr(0, name.find('.'));
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

// ---------------------------------------------------------------------------------------------
// Official headers: extraction artefacts
// ---------------------------------------------------------------------------------------------

// The NQ sample's header and signature with a chosen separator between the two columns.
std::string NqWithColumns(const std::string& sep) {
  return "BAN CHẤP HÀNH TRUNG ƯƠNG" + sep +
         "ĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
         "Số 901-NQ/TW" +
         sep +
         "Hà Nội, ngày 18 tháng 5 năm 2024\n\n"
         "NGHỊ QUYẾT\n"
         "HỘI NGHỊ LẦN THỨ MƯỜI MỘT BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII\n"
         "về phát triển văn hóa đọc và mạng lưới thư viện số\n"
         "đến năm 2035, tầm nhìn đến năm 2045\n-----\n\n"
         "I- TÌNH HÌNH VÀ NGUYÊN NHÂN\n\n"
         "1. Thời gian qua, hệ thống thư viện có bước phát triển.\n\n"
         "Nơi nhận:" +
         sep +
         "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\n"
         "- Các tỉnh ủy, thành ủy," +
         sep +
         "TỔNG BÍ THƯ\n"
         "- Lưu Văn phòng Trung ương Đảng." +
         sep + "Nguyễn Văn An\n";
}

TEST(ParseOfficialHeader, ColumnsSeparatedByTabsSpacesOrOneSpace) {
  for (const std::string sep : {"\t", "\t\t\t", "      ", " "}) {
    SCOPED_TRACE("separator [" + sep + "]");
    ExpectHeader(ParseOfficialHeader(A(), R(), NqWithColumns(sep)), kNq901);
  }
}

TEST(ParseOfficialHeader, BlankLinesEverywhereAndCrlf) {
  std::string text = ReadSource("corpus/official/party-nq-901.txt");
  std::string spread;
  for (char c : text) {
    if (c == '\n') {
      spread += "\r\n\r\n  \r\n";
    } else {
      spread.push_back(c);
    }
  }
  ExpectHeader(ParseOfficialHeader(A(), R(), spread), kNq901);
}

TEST(ParseOfficialHeader, LowerCasedTcvn3HeadingsAndNewToneStyle) {
  const OfficialHeader h =
      ParseOfficialHeader(A(), R(),
                          "ban chấp hành trung ương\t\tđảng cộng sản việt nam\n"
                          "*\n"
                          "Số 21-NQ/TW\t\tHà Nội, ngày 16 tháng 6 năm 2022\n"
                          "nghị quyết\n"
                          "hội nghị lần thứ năm ban chấp hành trung ương đảng khoá xiii\n"
                          "về tăng cường củng cố, hoàn thiện tổ chức cơ sở đảng\n"
                          "Sau 10 năm thực hiện, công tác tổ chức cơ sở đảng đạt nhiều kết quả.\n"
                          "t/m ban chấp hành trung ương\n"
                          "tổng bí thư\n"
                          "Nguyễn Văn An\n");
  ExpectHeader(
      h, Expect("ban chấp hành trung ương", "21-NQ/TW", "Hà Nội", "2022-06-16", "Nghị quyết", 5,
                "XIII", "về tăng cường củng cố, hoàn thiện tổ chức cơ sở đảng", "Nguyễn Văn An",
                "party"));
}

TEST(ParseOfficialHeader, DecomposedInputGivesDecomposedFields) {
  const text::Analyzer& analyzer = A();
  const OfficialHeader h =
      ParseOfficialHeader(A(), R(), analyzer.ToNfd(ReadSource("corpus/official/party-nq-901.txt")));
  EXPECT_TRUE(h.found);
  EXPECT_EQ(h.issuer, analyzer.ToNfd(kNq901.issuer));
  EXPECT_EQ(h.symbol, "901-NQ/TW");
  EXPECT_EQ(h.date, kNq901.date);
  EXPECT_EQ(h.type, kNq901.type);  // canonical, always NFC
  EXPECT_EQ(h.plenum, 11);
  EXPECT_EQ(h.term, "XIII");
  EXPECT_EQ(h.subject, analyzer.ToNfd(kNq901.subject));
  EXPECT_EQ(h.signer, analyzer.ToNfd(kNq901.signer));
}

TEST(ParseOfficialHeader, StateHeaderFlattenedWithSingleSpaces) {
  const OfficialHeader h =
      ParseOfficialHeader(A(), R(),
                          "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                          "------- Độc lập - Tự do - Hạnh phúc\n"
                          "---------------\n"
                          "Số: 30/2020/NĐ-CP Hà Nội, ngày 05 tháng 3 năm 2020\n"
                          "NGHỊ ĐỊNH\n"
                          "VỀ CÔNG TÁC VĂN THƯ\n"
                          "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
                          "Chính phủ ban hành Nghị định về công tác văn thư.\n"
                          "TM. CHÍNH PHỦ THỦ TƯỚNG\n"
                          "Nguyễn Văn Bình\n");
  ExpectHeader(h, Expect("CHÍNH PHỦ", "30/2020/NĐ-CP", "Hà Nội", "2020-03-05", "Nghị định",
                         std::nullopt, "", "VỀ CÔNG TÁC VĂN THƯ", "Nguyễn Văn Bình", "state"));
}

TEST(ParseOfficialHeader, ProvincialTwoLineIssuerAndPlanType) {
  const OfficialHeader h = ParseOfficialHeader(
      A(), R(),
      "ĐẢNG BỘ TỈNH QUẢNG TRỊ\t\tĐẢNG CỘNG SẢN VIỆT NAM\n"
      "TỈNH ỦY\n"
      "*\n"
      "Số 915-KH/TU\t\tQuảng Trị, ngày 03 tháng 6 năm 2024\n"
      "\n"
      "KẾ HOẠCH\n"
      "thực hiện Nghị quyết số 901-NQ/TW ngày 18/5/2024 của Hội nghị lần thứ mười một\n"
      "Ban Chấp hành Trung ương Đảng khóa XIII\n"
      "-----\n"
      "I- MỤC ĐÍCH, YÊU CẦU\n"
      "T/M BAN THƯỜNG VỤ\n"
      "PHÓ BÍ THƯ THƯỜNG TRỰC\n"
      "(Đã ký)\n"
      "LÊ VĂN BÌNH\n");
  // The separator closes the subject, so its capitalized second line is a wrap; the plenum and
  // term named inside the subject are the cited resolution's, not this document's.
  ExpectHeader(
      h, Expect("ĐẢNG BỘ TỈNH QUẢNG TRỊ TỈNH ỦY", "915-KH/TU", "Quảng Trị", "2024-06-03",
                "Kế hoạch", std::nullopt, "",
                "thực hiện Nghị quyết số 901-NQ/TW ngày 18/5/2024 của Hội nghị lần thứ mười một "
                "Ban Chấp hành Trung ương Đảng khóa XIII",
                "LÊ VĂN BÌNH", "party"));
}

TEST(ParseOfficialHeader, PlenumWordingVariants) {
  struct Case {
    const char* line;
    std::optional<int> plenum;
    const char* term;
  };
  const Case cases[] = {
      {"HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII", 5, "XIII"},
      {"HỘI NGHỊ LẦN THỨ NHẤT BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIV", 1, "XIV"},
      {"HỘI NGHỊ LẦN THỨ TƯ\nBAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XII", 4, "XII"},
      {"HỘI NGHỊ LẦN THỨ MƯỜI LĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XI", 15, "XI"},
      {"HỘI NGHỊ LẦN THỨ HAI MƯƠI MỐT BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA IX", 21, "IX"},
      {"HỘI NGHỊ LẦN THỨ 8 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XII", 8, "XII"},
      {"HỘI NGHỊ TRUNG ƯƠNG 6 KHÓA X", 6, "X"},
      {"CỦA BỘ CHÍNH TRỊ", std::nullopt, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const OfficialHeader h =
        ParseOfficialHeader(A(), R(),
                            std::string("BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
                                        "Số 99-NQ/TW\tHà Nội, ngày 01 tháng 02 năm 2024\n"
                                        "NGHỊ QUYẾT\n") +
                                c.line + "\nvề một chủ đề mẫu\n-----\n");
    EXPECT_TRUE(h.found);
    EXPECT_EQ(h.plenum, c.plenum);
    EXPECT_EQ(h.term, c.term);
    EXPECT_EQ(h.subject, "về một chủ đề mẫu");
  }
}

TEST(ParseOfficialHeader, NewsAboutDocumentsIsNotAHeader) {
  EXPECT_FALSE(ParseOfficialHeader(A(), R(), "").found);
  EXPECT_FALSE(
      ParseOfficialHeader(
          A(), R(),
          "Quán triệt Nghị quyết số 21-NQ/TW\n"
          "Số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam về tăng "
          "cường củng cố tổ chức cơ sở đảng được quán triệt sâu rộng.\n"
          "Độc lập - Tự do - Hạnh phúc là khát vọng của dân tộc.\n")
          .found);
  // The motto as a page heading, but neither a number nor a type line under it.
  EXPECT_FALSE(ParseOfficialHeader(A(), R(),
                                   "ĐẢNG CỘNG SẢN VIỆT NAM\nTin tức - Sự kiện\n"
                                   "Hôm nay, Ban Bí thư làm việc với Tỉnh ủy về công tác cán bộ.\n")
                   .found);
}

// ---------------------------------------------------------------------------------------------
// OfficialHeader::lines
// ---------------------------------------------------------------------------------------------

using Lines = std::vector<std::size_t>;

TEST(ParseOfficialHeader, LinesAreTheHeaderBlockAndTheSignatureBlock) {
  // 0 issuer | motto, 1 "*", 2 number | date, 3 blank, 4 type, 5 plenum, 6-7 subject, 8 rule;
  // 10-12 body; 14 "Nơi nhận:" | "T/M ...", 15 list item | "TỔNG BÍ THƯ", 16 item | name.
  for (const std::string sep : {"\t", "      ", " "}) {
    SCOPED_TRACE("separator [" + sep + "]");
    EXPECT_EQ(ParseOfficialHeader(A(), R(), NqWithColumns(sep)).lines,
              (Lines{0, 1, 2, 4, 5, 6, 7, 8, 14, 15, 16}));
  }
}

TEST(ParseOfficialHeader, LinesCountBlankLinesOfTheInput) {
  const std::string text = ReadSource("corpus/official/party-nq-901.txt");
  const Lines plain = ParseOfficialHeader(A(), R(), text).lines;
  ASSERT_FALSE(plain.empty());
  std::string spread;  // every line followed by two blank ones
  for (char c : text) spread += c == '\n' ? std::string("\r\n\r\n  \r\n") : std::string(1, c);
  Lines expected;
  for (std::size_t line : plain) expected.push_back(3 * line);
  EXPECT_EQ(ParseOfficialHeader(A(), R(), spread).lines, expected);
}

TEST(ParseOfficialHeader, LinesOfAStateHeaderStopAtTheBody) {
  const OfficialHeader h =
      ParseOfficialHeader(A(), R(),
                          "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"        // 0
                          "------- Độc lập - Tự do - Hạnh phúc\n"                 // 1
                          "---------------\n"                                     // 2
                          "Số: 30/2020/NĐ-CP Hà Nội, ngày 05 tháng 3 năm 2020\n"  // 3
                          "NGHỊ ĐỊNH\n"                                           // 4
                          "VỀ CÔNG TÁC VĂN THƯ\n"                                 // 5
                          "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
                          "Chính phủ ban hành Nghị định về công tác văn thư.\n"
                          "TM. CHÍNH PHỦ THỦ TƯỚNG\n"  // 8
                          "Nguyễn Văn Bình\n");        // 9
  EXPECT_EQ(h.lines, (Lines{0, 1, 2, 3, 4, 5, 8, 9}));
}

TEST(ParseOfficialHeader, LinesOfAHeaderWithoutTypeLineEndAtItsLastItem) {
  const OfficialHeader h =
      ParseOfficialHeader(A(), R(),
                          "BỘ VĂN HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"    // 0
                          "\tĐộc lập - Tự do - Hạnh phúc\n"                     // 1
                          "-------\t---------------\n"                          // 2
                          "Số: 1234/BVH-VP\tHà Nội, ngày 5 tháng 3 năm 2024\n"  // 3
                          "Kính gửi: Các sở văn hóa.\n"
                          "Bộ đề nghị các sở báo cáo kết quả thực hiện trước ngày 30/3/2024.\n"
                          "-----\n");
  ASSERT_TRUE(h.found);
  EXPECT_EQ(h.symbol, "1234/BVH-VP");
  // No type line, an addressee: a công văn (issue 16; this was "" before the layout analysis).
  EXPECT_EQ(h.type, "Công văn");
  EXPECT_EQ(h.lines, (Lines{0, 1, 2, 3}));
}

// ---------------------------------------------------------------------------------------------
// Real-world layouts (issue 16): one table, one text per layout, written for these tests
// ---------------------------------------------------------------------------------------------

struct LayoutCase {
  const char* name;
  const char* text;
  const char* issuer;
  const char* symbol;
  const char* date;
  const char* type;
  const char* subject;
  const char* signer;
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.name; }

// The body and signature every state case shares, so that each text differs only in its header.
#define BODY_AND_SIGNATURE                                       \
  "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"   \
  "Điều 1. Phạm vi điều chỉnh\n"                                 \
  "Văn bản này quy định về việc mẫu.\n"                          \
  "Nơi nhận:\n"                                                  \
  "- Như Điều 3;\n"                                              \
  "- Lưu: VT.\n"                                                 \
  "KT. BỘ TRƯỞNG\n"                                              \
  "THỨ TRƯỞNG\n"                                                 \
  "Nguyễn Văn Hùng\n"

const LayoutCase kLayouts[] = {
    {"DocxTableLeftCellThenRightCell",
     // The DOCX extractor writes a table cell by cell: the left cell's lines, then the right's.
     "CHÍNH PHỦ\n-------\nSố: 19/2029/NĐ-CP\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
     "Hà Nội, ngày 19 tháng 02 năm 2029\n"
     "NGHỊ ĐỊNH\nVỀ HỌ, HỤI, BIÊU, PHƯỜNG\n" BODY_AND_SIGNATURE,
     "CHÍNH PHỦ", "19/2029/NĐ-CP", "2029-02-19", "Nghị định", "VỀ HỌ, HỤI, BIÊU, PHƯỜNG",
     "Nguyễn Văn Hùng"},
    {"AntiwordTableRowByRow",
     // antiword and a two-row table: issuer | motto, then number | date, one cell per line.
     "BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 4521/CHQ-GSQL\nV/v hướng dẫn thủ tục mẫu\nHà Nội, ngày 3 tháng 12 năm 2029\n"
     "Kính gửi: Công ty Mẫu.\nTrả lời công văn của Công ty, Cục Hải quan có ý kiến như sau.\n"
     BODY_AND_SIGNATURE,
     "BỘ TÀI CHÍNH CỤC HẢI QUAN", "4521/CHQ-GSQL", "2029-12-03", "Công văn",
     "V/v hướng dẫn thủ tục mẫu", "Nguyễn Văn Hùng"},
    {"RightColumnFirst",
     // Some PDFs give the motto column before the issuer column.
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Hà Nội, ngày 5 tháng 3 năm 2029\nBỘ Y TẾ\nSố: 77/2029/TT-BYT\n"
     "THÔNG TƯ\nQuy định về hồ sơ mẫu\n" BODY_AND_SIGNATURE,
     "BỘ Y TẾ", "77/2029/TT-BYT", "2029-03-05", "Thông tư", "Quy định về hồ sơ mẫu",
     "Nguyễn Văn Hùng"},
    {"CrawlerRunTogetherWithRules",
     // A crawler's flattening: the columns run together with their rules, the type line with
     // its subject and the first body words.
     "BỘ NỘI VỤ -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "---------------\n"
     "Số: 11/2029/TT-BNV\n"
     "Hà Nội, ngày 18 tháng 10 năm 2029 THÔNG TƯ QUY ĐỊNH VỀ HỒ SƠ MẪU Căn cứ Luật mẫu;\n"
     BODY_AND_SIGNATURE,
     "BỘ NỘI VỤ", "11/2029/TT-BNV", "2029-10-18", "Thông tư", "QUY ĐỊNH VỀ HỒ SƠ MẪU",
     "Nguyễn Văn Hùng"},
    {"NumberWordAndNumberOnTwoLines",
     "VĂN PHÒNG QUỐC HỘI --------\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
     "Số:\n63/VBHN-VPQH\n"
     "Hà Nội, ngày 15 tháng 8 năm 2029 LUẬT MẪU Luật mẫu số 15/2012/QH13 của Quốc hội, có hiệu lực.\n"
     BODY_AND_SIGNATURE,
     // A consolidated text reprints the type line of the law it consolidates: VBHN decides.
     "VĂN PHÒNG QUỐC HỘI", "63/VBHN-VPQH", "2029-08-15", "Văn bản hợp nhất", "LUẬT MẪU",
     "Nguyễn Văn Hùng"},
    {"TypeNounBeforeTheNumber",
     "QUỐC HỘI -------\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- "
     "Nghị quyết số:\n132/2029/QH14\nHà Nội, ngày 17 tháng 11 năm 2029\n"
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n" BODY_AND_SIGNATURE,
     "QUỐC HỘI", "132/2029/QH14", "2029-11-17", "Nghị quyết", "", "Nguyễn Văn Hùng"},
    {"MottoOnTheIssuersLinePdf",
     // pdftotext with one space between the columns; the motto shares the issuer's lines.
     "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "TỔNG CỤC THUẾ Độc lập - Tự do - Hạnh phúc\n"
     "Số: 778/TCT-CS V/v chính sách thuế mẫu Hà Nội, ngày 13 tháng 02 năm 2029\n"
     "Kính gửi: Cục Thuế các tỉnh, thành phố.\n" BODY_AND_SIGNATURE,
     "BỘ TÀI CHÍNH TỔNG CỤC THUẾ", "778/TCT-CS", "2029-02-13", "Công văn",
     "V/v chính sách thuế mẫu", "Nguyễn Văn Hùng"},
    {"IssuerOnTwoLinesWithComma",
     "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\n-------\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 4012/QĐ-BVHTTDL\nHà Nội, ngày 01 tháng12 năm 2029\n"  // "tháng12": a source typo
     "QUYẾT ĐỊNH\nVề việc công bố thủ tục mẫu\n"
     "BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n" BODY_AND_SIGNATURE,
     "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "4012/QĐ-BVHTTDL", "2029-12-01", "Quyết định",
     "Về việc công bố thủ tục mẫu", "Nguyễn Văn Hùng"},
    {"NumericDateAfterThePlace",
     "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "THÀNH PHỐ MẪU\tĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 980/KH-UBND\tThành phố Mẫu, ngày 05/12/2029\n"
     "KẾ HOẠCH\nTriển khai công việc mẫu năm 2030\n" BODY_AND_SIGNATURE,
     "ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU", "980/KH-UBND", "2029-12-05", "Kế hoạch",
     "Triển khai công việc mẫu năm 2030", "Nguyễn Văn Hùng"},
    {"CongDien",
     "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 224/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2029\nCÔNG ĐIỆN\n"
     "VỀ VIỆC CHUẨN BỊ MẪU\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các bộ;\n" BODY_AND_SIGNATURE,
     "THỦ TƯỚNG CHÍNH PHỦ", "224/CĐ-TTg", "2029-11-20", "Công điện", "VỀ VIỆC CHUẨN BỊ MẪU",
     "Nguyễn Văn Hùng"},
    {"ThongBaoWithAnUnknownIssuerCode",
     "BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 983/TB-CT\nHà Nội, ngày 21 tháng 11 năm 2029\n"
     "THÔNG BÁO\nKẾ HOẠCH TẠM DỪNG ỨNG DỤNG MẪU\n- Dừng ứng dụng mẫu;\n" BODY_AND_SIGNATURE,
     "BỘ TÀI CHÍNH CỤC THUẾ", "983/TB-CT", "2029-11-21", "Thông báo",
     "KẾ HOẠCH TẠM DỪNG ỨNG DỤNG MẪU", "Nguyễn Văn Hùng"},
    {"ToTrinh",
     "ỦY BAN NHÂN DÂN\nTỈNH MẪU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 45/TTr-UBND\n"
     "Mẫu Sơn, ngày 2 tháng 4 năm 2029\nTỜ TRÌNH\nVề việc phê duyệt đề án mẫu\n"
     "Kính gửi: Hội đồng nhân dân tỉnh.\n" BODY_AND_SIGNATURE,
     "ỦY BAN NHÂN DÂN TỈNH MẪU", "45/TTr-UBND", "2029-04-02", "Tờ trình",
     "Về việc phê duyệt đề án mẫu", "Nguyễn Văn Hùng"},
    {"PartyHeaderWithBanBiThuSigner",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
     "Số 36-HD/VPTW\t\tHà Nội, ngày 3 tháng 4 năm 2029\n"
     "HƯỚNG DẪN\nvề thể thức văn bản mẫu của Đảng\n-----\n"
     "I- YÊU CẦU CHUNG\n1. Văn bản của Đảng phải đúng thể thức.\n"
     "T/M BAN BÍ THƯ\nTrần Văn Mẫu\n",
     "BAN CHẤP HÀNH TRUNG ƯƠNG", "36-HD/VPTW", "2029-04-03", "Hướng dẫn",
     "về thể thức văn bản mẫu của Đảng", "Trần Văn Mẫu"},
    // OCR of a scan: marks read wrong ("CỌNG", "HỌI", "thắng") or lost ("TINH MAU SON"), a stray
    // full stop glued to the number.
    {"OcrNoisyHeader",
     "ỦY BAN NHÂN DÂN CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM\n"
     "TINH MAU SON Độc lập - Tự do - Hạnh phúc\n"
     "Số: 77/2029/QĐ-UBND. Mẫu Sơn, ngày 12 thắng 4 năm 2029\n"
     "QUYẾT ĐỊNH\nVề việc ban hành quy chế mẫu\n" BODY_AND_SIGNATURE,
     "ỦY BAN NHÂN DÂN TINH MAU SON", "77/2029/QĐ-UBND", "2029-04-12", "Quyết định",
     "Về việc ban hành quy chế mẫu", "Nguyễn Văn Hùng"},
    // A signed scan: the signature stamp (signer, agency, signing time a day after the
    // document's date, e-mail, timestamp) sits above the header and is none of it.
    {"SignatureStampBeforeHeader",
     "Ký bởi: Ủy ban nhân dân tỉnh Mẫu Sơn\nCơ quan: Tỉnh Mẫu Sơn\n"
     "Thời gian ký: 21/05/2029 16:32:29\nvanthu@mauson.gov.vn\n21.05.2029 16:52:38 +07:00\n"
     "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "TỈNH MẪU SƠN Độc lập - Tự do - Hạnh phúc\n"
     "Số: 58/CT-UBND Mẫu Sơn, ngày 20 tháng 5 năm 2029\n"
     "CHỈ THỊ\nVề việc tăng cường công tác mẫu\n" BODY_AND_SIGNATURE,
     "ỦY BAN NHÂN DÂN TỈNH MẪU SƠN", "58/CT-UBND", "2029-05-20", "Chỉ thị",
     "Về việc tăng cường công tác mẫu", "Nguyễn Văn Hùng"},
    // A Công báo page: the gazette's running head, with its own "Số" and date, above the header.
    {"CongBaoRunningHead",
     "CÔNG BÁO/Số 901 + 902/Ngày 30-4-2029\n"
     "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n"
     "Số: 09/2029/QĐ-TTg Hà Nội, ngày 12 tháng 4 năm 2029\n"
     "QUYẾT ĐỊNH\nQuy định về thẻ mẫu\n" BODY_AND_SIGNATURE,
     "THỦ TƯỚNG CHÍNH PHỦ", "09/2029/QĐ-TTg", "2029-04-12", "Quyết định", "Quy định về thẻ mẫu",
     "Nguyễn Văn Hùng"},
    // The portal / Công báo title line, no header table and no motto: type line, then "CỦA
    // <issuer> SỐ <number>", the date on the next line.
    {"TitleLineTypeOfIssuerNumberDate",
     "THÔNG TƯ\nCỦA BỘ TƯ PHÁP SỐ 05/2029/TT-BTP\nNGÀY 06 THÁNG 01 NĂM 2029\n"
     "HƯỚNG DẪN VIỆC TẬP SỰ MẪU\n" BODY_AND_SIGNATURE,
     "BỘ TƯ PHÁP", "05/2029/TT-BTP", "2029-01-06", "Thông tư", "HƯỚNG DẪN VIỆC TẬP SỰ MẪU",
     "Nguyễn Văn Hùng"},
    // A 1945 Sắc lệnh after TCVN3 conversion: the type line twice, "SỐ" glued to the issuer's
    // last word, a bare number, the date on the same line.
    {"TitleLineSacLenhBareNumber",
     "SẮC LỆNH\nSẮC LỆNH\nCỦA CHỦ TỊCH CHÍNH PHỦ LÂM THỜISỐ 12 NGÀY 3 THÁNG 10 NĂM 1945\n"
     "CHỦ TỊCH CHÍNH PHỦ VIỆT NAM DÂN CHỦ CỘNG HOÀ\n"
     "Xét rằng việc mẫu là việc cần;\nSẮC LỆNH:\nĐiều thứ nhất: Việc mẫu được thi hành.\n"
     "CHỦ TỊCH CHÍNH PHỦ\nHồ Chí Minh\n",
     "CHỦ TỊCH CHÍNH PHỦ LÂM THỜI", "12", "1945-10-03", "Sắc lệnh", "", "Hồ Chí Minh"},
};

#undef BODY_AND_SIGNATURE

class LayoutTest : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(LayoutTest, FieldsAreRead) {
  const LayoutCase& c = GetParam();
  const OfficialHeader h = ParseOfficialHeader(A(), R(), c.text);
  ASSERT_TRUE(h.found);
  EXPECT_EQ(h.issuer, c.issuer);
  EXPECT_EQ(h.symbol, c.symbol);
  EXPECT_EQ(h.date, c.date);
  EXPECT_EQ(h.type, c.type);
  EXPECT_EQ(h.subject, c.subject);
  EXPECT_EQ(h.signer, c.signer);
}

// Every line that gave a field stays a header line, so the page cleaner leaves them alone.
TEST_P(LayoutTest, LinesCoverEveryHeaderItem) {
  const LayoutCase& c = GetParam();
  const OfficialHeader h = ParseOfficialHeader(A(), R(), c.text);
  const std::string text = c.text;
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  auto kept = [&](std::string_view needle) {
    for (std::size_t i : h.lines) {
      if (lines[i].find(needle) != std::string::npos) return true;
    }
    return false;
  };
  const std::string symbol = c.symbol;
  EXPECT_TRUE(kept(symbol)) << symbol;
  EXPECT_TRUE(kept(c.signer)) << c.signer;
  EXPECT_TRUE(kept(std::string(c.issuer).substr(0, 6)));
  EXPECT_FALSE(kept("Điều 1.")) << "the body is not header";
}

INSTANTIATE_TEST_SUITE_P(Layouts, LayoutTest, ::testing::ValuesIn(kLayouts),
                         [](const ::testing::TestParamInfo<LayoutCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(ParseOfficialHeader, MottoInASentenceIsNotAHeader) {
  EXPECT_FALSE(ParseOfficialHeader(A(), R(),
                                   "Tin tức\n"
                                   "Số 12/2029/NĐ-CP vừa được ban hành.\n"
                                   "Độc lập - Tự do - Hạnh phúc là khát vọng của dân tộc.\n")
                   .found);
}

TEST(ParseOfficialHeader, NoHeaderNoLines) {
  EXPECT_TRUE(ParseOfficialHeader(A(), R(), "").lines.empty());
  EXPECT_TRUE(ParseOfficialHeader(A(), R(),
                                  "ĐẢNG CỘNG SẢN VIỆT NAM\nTin tức - Sự kiện\n"
                                  "Hôm nay, Ban Bí thư làm việc với Tỉnh ủy về công tác cán bộ.\n")
                  .lines.empty());
}

}  // namespace
}  // namespace vankien

namespace vankien {
namespace {

// A handwritten number OCR could not read is left empty, never guessed; the header is still one,
// and its date (when readable) is still the document's, not the signing stamp's.
TEST(ParseOfficialHeader, UnreadableHandwrittenNumberIsLeftEmpty) {
  for (const char* number : {"Ø2 /CT-UBND", "2 # /CT-UBND", "6§0_/CT-UBND", "@39_/CT-UBND"}) {
    SCOPED_TRACE(number);
    const OfficialHeader h = ParseOfficialHeader(
        A(), R(),
        std::string("Thời gian ký: 05/01/2029 08:15:24\n"
                    "ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "TỈNH MẪU SƠN Độc lập - Tự do - Hạnh phúc\nSố: ") +
            number + " Mẫu Sơn, ngày 04 tháng 01 năm 2029\nCHỈ THỊ\nVề việc mẫu\n"
                     "Thực hiện Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ.\n");
    EXPECT_TRUE(h.found);
    EXPECT_EQ(h.symbol, "");
    EXPECT_EQ(h.type, "Chỉ thị");
    EXPECT_EQ(h.date, "2029-01-04");
  }
  // A day whose first digit was not read is no day: "⁄{5" is not the 5th, "2#" not the 2nd.
  for (const char* day : {"⁄{5", "2#", "3|"}) {
    SCOPED_TRACE(day);
    const OfficialHeader h = ParseOfficialHeader(
        A(), R(),
        std::string("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "TỈNH MẪU SƠN Độc lập - Tự do - Hạnh phúc\n"
                    "Số: 299/UBND-TTHC Mẫu Sơn, ngày") +
            day + " tháng 01 năm 2029\nV/v công bố danh mục mẫu\nKính gửi: Sở Mẫu\n");
    EXPECT_EQ(h.symbol, "299/UBND-TTHC");
    EXPECT_EQ(h.date, "");
  }
}

// A công văn whose number is unreadable is still a công văn with its date.
TEST(ParseOfficialHeader, CongVanWithUnreadableNumberKeepsItsDate) {
  const OfficialHeader h = ParseOfficialHeader(
      A(), R(),
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM\n"
      "TINH MAU SON Độc lập - Tự do - Hạnh phúc\n"
      "Số:†B /UBND-KTTH Mẫu Sơn, ngày 04 tháng 02 năm 2029\n"
      "V/v tham gia ý kiến dự thảo\nKính gửi: Sở Tài chính\n"
      "Theo đề nghị của Bộ Tài chính, Ủy ban nhân dân tỉnh có ý kiến như sau.\n");
  EXPECT_TRUE(h.found);
  EXPECT_EQ(h.symbol, "");
  EXPECT_EQ(h.type, "Công văn");
  EXPECT_EQ(h.date, "2029-02-04");
}

}  // namespace
}  // namespace vankien
