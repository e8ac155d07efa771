// Tests for indexer/doc/metadata.h: DescribeDocument, the order between the official header
// (official_header_test.cc) and page cleaning (page_cleaner_test.cc): an official document keeps
// its whole text, a page is cleaned, and the cleaner keeps the lines of a header it is given.
#include "indexer/doc/metadata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/document.h"
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

Document Describe(const std::string& text, std::string_view title_hint = {},
                  std::string_view date_hint = {}) {
  Document doc;
  DescribeDocument(A(), R(), text, title_hint, date_hint, &doc);
  return doc;
}

bool HasFlag(const Document& d, std::string_view flag) {
  return std::find(d.flags.begin(), d.flags.end(), flag) != d.flags.end();
}

TEST(DescribeDocument, OfficialDocumentKeepsItsWholeTextAndHeaderFields) {
  const std::string text = ReadSource("corpus/official/party-nq-901.txt");
  const Document d = Describe(text, "a title hint", "2000-01-01");
  EXPECT_EQ(d.kind, "Nghị quyết");
  EXPECT_EQ(d.symbol, "901-NQ/TW");
  EXPECT_EQ(d.date, "2024-05-18");  // the header's date wins over the hint
  EXPECT_EQ(d.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(d.place, "Hà Nội");
  EXPECT_EQ(d.term, "XIII");
  EXPECT_EQ(d.plenum, 11);
  EXPECT_EQ(d.signer, "Nguyễn Văn An");
  EXPECT_EQ(
      d.subject,
      "về phát triển văn hóa đọc và mạng lưới thư viện số đến năm 2035, tầm nhìn đến năm 2045");
  EXPECT_EQ(d.title, "Nghị quyết số 901-NQ/TW " + d.subject);
  EXPECT_EQ(d.text, text);
  EXPECT_TRUE(d.flags.empty());
}

// A công văn header: number, no type line, no date.
const char kNumberOnly[] =
    "BỘ VĂN HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 1234/BVH-VP\n"
    "Kính gửi: Các sở văn hóa.\n"
    "Bộ đề nghị các sở báo cáo kết quả thực hiện trong quý I.\n";

TEST(DescribeDocument, OfficialDocumentWithoutTypeOrDate) {
  const Document d = Describe(kNumberOnly);
  // A letter's layout (number, addressee, no type line) makes it a công văn (issue 16; the
  // kind was "Văn bản" before the header's layout analysis).
  EXPECT_EQ(d.kind, "Công văn");
  EXPECT_EQ(d.title, "Công văn số 1234/BVH-VP");
  EXPECT_EQ(d.date, "");
  EXPECT_TRUE(HasFlag(d, "no-date"));
  EXPECT_EQ(d.text, kNumberOnly);
  // The date hint fills in for the header.
  EXPECT_EQ(Describe(kNumberOnly, {}, "2024-03-05T08:00:00Z").date, "2024-03-05");
}

TEST(DescribeDocument, DocxHeaderTableKeepsItsLinesAndDate) {
  // A Decree's two-column header table as the DOCX extractor writes it: the left cell's
  // paragraphs, then the right cell's. The body cites older dates that must not win.
  const std::string text =
      "CHÍNH PHỦ\n-------\nSố: 19/2029/NĐ-CP\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
      "Hà Nội, ngày 19 tháng 02 năm 2029\n"
      "NGHỊ ĐỊNH\nVỀ HỌ, HỤI, BIÊU, PHƯỜNG\n"
      "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;\n"
      "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về họ.\n";
  const Document d = Describe(text);
  EXPECT_EQ(d.kind, "Nghị định");
  EXPECT_EQ(d.symbol, "19/2029/NĐ-CP");
  EXPECT_EQ(d.date, "2029-02-19");
  EXPECT_EQ(d.issuer, "CHÍNH PHỦ");
  EXPECT_EQ(d.text, text);  // nothing cleaned away
}

TEST(DescribeDocument, OfficialDocumentNothingTypesIsAVanBan) {
  // No type line, no "V/v" or addressee, and a number whose issuer code nobody knows.
  const Document d = Describe(
      "SỞ MẪU\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "\tĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 12/XYZW\tHà Nội, ngày 5 tháng 3 năm 2024\n"
      "Sở thông báo lịch làm việc trong tuần.\n");
  EXPECT_EQ(d.symbol, "12/XYZW");
  EXPECT_EQ(d.kind, "Văn bản");
  EXPECT_EQ(d.date, "2024-03-05");
}

TEST(DescribeDocument, ScrapedPageIsCleaned) {
  const Document d = Describe(ReadSource("corpus/seeds/001_ca6e148528d44b9b.txt"));
  EXPECT_EQ(d.kind, "article");
  EXPECT_EQ(d.title, "Xây dựng Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh");
  EXPECT_EQ(d.date, "2023-11-09");
  EXPECT_TRUE(HasFlag(d, "boilerplate-removed"));
  EXPECT_EQ(d.text.find("Lượt xem"), std::string::npos);
  EXPECT_EQ(d.symbol, "");
}

TEST(DescribeDocument, TextTheCleanerDoesNotChangeKeepsItsFirstLineAsTitle) {
  const std::string text = "Ghi chú họp chi bộ\nThảo luận kế hoạch quý II của chi bộ.\n";
  const Document d = Describe(text);
  EXPECT_EQ(d.kind, "article");
  EXPECT_EQ(d.title, "Ghi chú họp chi bộ");
  EXPECT_EQ(d.text, "Thảo luận kế hoạch quý II của chi bộ.\n");
  EXPECT_FALSE(HasFlag(d, "boilerplate-removed"));
  EXPECT_TRUE(HasFlag(d, "no-date"));
  // A title hint is the title, and the text stays whole.
  const Document hinted = Describe(text, " Biên bản ");
  EXPECT_EQ(hinted.title, "Biên bản");
  EXPECT_EQ(hinted.text, text);
  // Nothing at all: no title, no date.
  const Document empty = Describe("");
  EXPECT_TRUE(HasFlag(empty, "no-title"));
  EXPECT_TRUE(HasFlag(empty, "no-date"));
}

// A header without a number (so an article), whose signature block follows what the cleaner
// reads as a comment form ("Địa chỉ: ..."), which cuts the page tail.
const char kUnnumberedNotice[] =
    "BỘ VĂN HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "\tĐộc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 5 tháng 3 năm 2024\n"
    "THÔNG BÁO\n"
    "về lịch tiếp công dân tháng 3 năm 2024\n"
    "Bộ Văn hóa tổ chức tiếp công dân vào sáng thứ Ba hằng tuần tại trụ sở cơ quan, theo đúng quy "
    "định của pháp luật về tiếp công dân.\n"
    "Công dân đến liên hệ mang theo giấy tờ tùy thân và các tài liệu liên quan đến nội dung.\n"
    "Địa chỉ: 51 Ngô Quyền, Hà Nội\n"
    "KT. BỘ TRƯỞNG\n"
    "THỨ TRƯỞNG\n"
    "Nguyễn Văn An\n";

TEST(DescribeDocument, HeaderWithoutNumberIsAnArticleThatKeepsItsHeaderAndSignature) {
  const Document d = Describe(kUnnumberedNotice);
  EXPECT_EQ(d.kind, "article");
  EXPECT_EQ(d.symbol, "");
  EXPECT_EQ(d.date, "2024-03-05");
  EXPECT_TRUE(HasFlag(d, "boilerplate-removed"));
  EXPECT_EQ(d.text.find("Địa chỉ"), std::string::npos);  // the furniture still goes
  for (const char* line :
       {"Hà Nội, ngày 5 tháng 3 năm 2024", "THÔNG BÁO", "về lịch tiếp công dân tháng 3 năm 2024",
        "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"}) {
    EXPECT_NE(d.text.find(line), std::string::npos) << line;
  }
  EXPECT_LT(d.text.find("THÔNG BÁO"), d.text.find("Nguyễn Văn An"));
}

}  // namespace
}  // namespace vankien
