// Tests for indexer/doc/page_cleaner.h: cleaning scraped news pages (title, date, boilerplate)
// and the keep_lines contract (lines of the document itself are never removed).
//
// The expected titles and dates of the five seed pages were written down by reading the pages
// as an editor would, before the code ran:
//   000  "BÀI VIẾT KỶ NIỆM 93 NĂM ... XÂY DỰNG ĐẢNG (14/10/1930-14/10/2023)"  2023-10-10
//   001  "Xây dựng Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh"      2023-11-09
//   002  "Đoàn kết, sáng tạo, xây dựng Đảng bộ Khối trong sạch, vững mạnh"   2020-08-14
//   003  "Cụm thi đua số 5 Ngành Tổ chức xây dựng Đảng sơ kết ... năm 2020"  2020-07-26
//   004  "KỶ NIỆM 30 NĂM ... (12/7/1989 - 12/7/2019): “Hạt nhân” là sự đoàn kết"  2019-07-12
// (004: the overline ends in ':' and runs on into the headline; 001: "Sáng 9/11" with the year
// from "(7/11/1948-7/11/2023)" in the same sentence.)
#include "indexer/doc/page_cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

// One analyzer for the binary, as the loader's callers build it once.
const text::Analyzer& A() {
  static const text::Analyzer analyzer;
  return analyzer;
}

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(VANKIEN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool HasLine(const std::string& body, std::string_view line) {
  std::istringstream in(body);
  for (std::string l; std::getline(in, l);) {
    if (l == line) return true;
  }
  return false;
}

std::vector<std::string> BodyLines(const std::string& body) {
  std::vector<std::string> out;
  std::istringstream in(body);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The five seed pages
// ---------------------------------------------------------------------------------------------

struct SeedCase {
  const char* file;
  const char* title;
  const char* date;
};

const SeedCase kSeeds[] = {
    {"corpus/seeds/000_fa6553a92803c2d8.txt",
     "BÀI VIẾT KỶ NIỆM 93 NĂM NGÀY TRUYỀN THỐNG NGÀNH TỔ CHỨC XÂY DỰNG ĐẢNG "
     "(14/10/1930-14/10/2023)",
     "2023-10-10"},
    {"corpus/seeds/001_ca6e148528d44b9b.txt",
     "Xây dựng Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh", "2023-11-09"},
    {"corpus/seeds/002_f95d50a095e536ad.txt",
     "Đoàn kết, sáng tạo, xây dựng Đảng bộ Khối trong sạch, vững mạnh", "2020-08-14"},
    {"corpus/seeds/003_99fad078a6312a8a.txt",
     "Cụm thi đua số 5 Ngành Tổ chức xây dựng Đảng sơ kết hoạt động 6 tháng đầu năm 2020",
     "2020-07-26"},
    {"corpus/seeds/004_f08cc3bc849c2e26.txt",
     "KỶ NIỆM 30 NĂM NGÀY THÀNH LẬP ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH "
     "(12/7/1989 - 12/7/2019): “Hạt nhân” là sự đoàn kết",
     "2019-07-12"},
};

// Keeps ctest's test names readable instead of a byte dump of the parameter.
void PrintTo(const SeedCase& c, std::ostream* os) { *os << c.file; }

class SeedPageTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedPageTest, TitleAndDateAreExact) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(GetParam().file));
  EXPECT_EQ(page.title, GetParam().title);
  EXPECT_EQ(page.date, GetParam().date);
  EXPECT_FALSE(page.body.empty());
  // Neither the title nor the date line stays in the body.
  EXPECT_FALSE(HasLine(page.body, page.title));
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedPageTest, ::testing::ValuesIn(kSeeds),
                         [](const ::testing::TestParamInfo<SeedCase>& info) {
                           return "Seed" + std::to_string(info.index);
                         });

TEST(SeedBoilerplate, Seed000DropsTheWidgetsAfterTheArticleButKeepsTheByline) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(kSeeds[0].file));
  EXPECT_EQ(page.dropped, (std::vector<std::string>{".:: Các bài viết liên quan", "Video hoạt động",
                                                    "Hình ảnh hoạt động", "Website liên kết"}));
  EXPECT_TRUE(HasLine(page.body, "BAN TỔ CHỨC ĐẢNG ỦY KHỐI"));
  // The heading under the date line is part of the article.
  EXPECT_EQ(page.body.rfind("MỘT SỐ KẾT QUẢ NỔI BẬT CỦA CÔNG TÁC TỔ CHỨC", 0), 0u);
}

TEST(SeedBoilerplate, Seed001DropsBannerCounterPlaceholderAdsAndStatistics) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(kSeeds[1].file));
  for (const char* line :
       {"image banner", "Lượt xem: 465", "Anh-tin-bai", "image advertisement", "Thống kê truy cập",
        "• Đang online: 45", "• Hôm nay: 773", "• Trong tuần: 34 023", "• Tất cả: 22503436"}) {
    EXPECT_TRUE(Contains(page.dropped, line)) << line;
  }
  EXPECT_EQ(page.dropped.size(), 11u);  // the three ads are three lines
  EXPECT_EQ(page.body.rfind("Thường trực Ban Bí thư yêu cầu Đảng bộ Khối", 0), 0u);
  EXPECT_TRUE(
      HasLine(page.body, "Thường trực Ban Bí thư Trương Thị Mai phát biểu. (Ảnh: Minh Đức/TTXVN)"));
  EXPECT_TRUE(HasLine(page.body, "Nguồn bài viết: tapchinongthonmoi.vn"));
  EXPECT_EQ(page.body.find("Lượt xem"), std::string::npos);
}

TEST(SeedBoilerplate, Seed002HasNoBoilerplateAndKeepsTheAuthor) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(kSeeds[2].file));
  EXPECT_TRUE(page.dropped.empty());
  EXPECT_TRUE(HasLine(page.body, "VŨ TIẾN PHỤNG"));
  EXPECT_EQ(page.body.find("THỨ SÁU"), std::string::npos);
}

TEST(SeedBoilerplate, Seed003DropsSectionLabelCommentFormAndMagazineBox) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(kSeeds[3].file));
  EXPECT_EQ(page.dropped.front(), "Thời sự - Chính trị");
  for (const char* line : {"Ý KIẾN BẠN ĐỌC VỀ BÀI VIẾT NÀY", "Họ và tên : *", "Email : *",
                           "Mã bảo vệ :", "Bài cùng chuyên mục", "GIỚI THIỆU TẠP CHÍ IN",
                           "Số 8 - 2020", "VIDEO CLIPS"}) {
    EXPECT_TRUE(Contains(page.dropped, line)) << line;
  }
  EXPECT_TRUE(HasLine(page.body, "T.S"));
  EXPECT_EQ(page.body.rfind("Ngày 25-7-2020, tại TP. Sóc Trăng", 0), 0u);
}

TEST(SeedBoilerplate, Seed004DropsMenuAndShareBarKeepsInterviewer) {
  const PageInfo page = CleanScrapedPage(A(), ReadSource(kSeeds[4].file));
  EXPECT_EQ(page.dropped,
            (std::vector<std::string>{"Chính trị - Xã hội Xây dựng Đảng", "Chia sẻ bài viết",
                                      "ĐỒNG HÀNH CÙNG DOANH NGHIỆP"}));
  EXPECT_TRUE(HasLine(page.body, "Tâm Anh (thực hiện)"));
  EXPECT_EQ(page.body.rfind("TTH.VN - ", 0), 0u);
}

// ---------------------------------------------------------------------------------------------
// Other date and title styles (pages written for these tests)
// ---------------------------------------------------------------------------------------------

TEST(CleanScrapedPage, UpdatedLineWithTimeBeforeDateAndBreadcrumb) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Trang chủ » Tin tức » Văn hóa\n"
      "Khai trương không gian đọc sách số tại Thư viện tỉnh\n"
      "Cập nhật: 08:15 ngày 05/03/2024\n"
      "Lượt đọc: 1.204\n"
      "Sáng 4/3, Thư viện tỉnh tổ chức khai trương không gian đọc sách số với hơn 20.000 đầu sách "
      "điện tử phục vụ bạn đọc miễn phí.\n"
      "Không gian mới gồm 40 máy đọc, khu tra cứu tài liệu địa chí và phòng đọc dành cho thiếu "
      "nhi. Bạn đọc có thể mượn sách điện tử qua ứng dụng trên điện thoại.\n"
      "Minh Châu\n"
      "Tin liên quan\n"
      "Phát động Ngày sách và Văn hóa đọc năm 2024\n"
      "Thư viện lưu động về với vùng cao\n");
  EXPECT_EQ(page.title, "Khai trương không gian đọc sách số tại Thư viện tỉnh");
  EXPECT_EQ(page.date, "2024-03-05");  // the dateline wins over the event date "Sáng 4/3"
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Trang chủ » Tin tức » Văn hóa",
                                                    "Lượt đọc: 1.204", "Tin liên quan",
                                                    "Phát động Ngày sách và Văn hóa đọc năm 2024",
                                                    "Thư viện lưu động về với vùng cao"}));
  EXPECT_TRUE(HasLine(page.body, "Minh Châu"));
}

TEST(CleanScrapedPage, DateWithGmtOffsetBetweenSectionAndTitle) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Kinh tế\n\n"
      "05/03/2024 08:15 GMT+7\n\n"
      "Xuất khẩu nông sản quý I tăng mạnh nhờ thị trường mới\n\n"
      "Kim ngạch xuất khẩu nông sản hai tháng đầu năm ước đạt 8,5 tỷ USD, tăng 25% so với cùng kỳ "
      "năm trước, trong đó rau quả và gạo tăng mạnh nhất.\n\n"
      "Theo Bộ Nông nghiệp và Phát triển nông thôn, các doanh nghiệp đã mở rộng sang thị trường "
      "Trung Đông và châu Phi.\n\n"
      "Hoài Thu\n\nChia sẻ\nFacebook\nZalo\n");
  EXPECT_EQ(page.title, "Xuất khẩu nông sản quý I tăng mạnh nhờ thị trường mới");
  EXPECT_EQ(page.date, "2024-03-05");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Kinh tế", "Chia sẻ", "Facebook", "Zalo"}));
  EXPECT_EQ(page.body.substr(page.body.rfind('\n') + 1), "Hoài Thu");
}

TEST(CleanScrapedPage, WeekdayDateDashTimeAndARelatedBoxInsideTheArticle) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Hội thảo khoa học về lịch sử Đảng bộ tỉnh giai đoạn 1930 - 1945\n"
      "Thứ Hai, 4/3/2024 - 09:30\n"
      "Chia sẻ\n"
      "Ngày 3/3, Ban Tuyên giáo Tỉnh ủy phối hợp với Trường Chính trị tỉnh tổ chức hội thảo khoa "
      "học về lịch sử Đảng bộ tỉnh giai đoạn 1930 - 1945.\n"
      "Hội thảo nhận được 42 tham luận của các nhà khoa học, cán bộ lão thành cách mạng và giảng "
      "viên.\n"
      "Tin liên quan\n"
      "Ra mắt sách lịch sử Đảng bộ huyện\n"
      "Các đại biểu đề nghị tiếp tục sưu tầm tư liệu, nhân chứng lịch sử để bổ sung, hoàn thiện "
      "bộ sách lịch sử Đảng bộ tỉnh. Nhiều ý kiến đề xuất số hóa tư liệu để thế hệ trẻ dễ tiếp "
      "cận, tra cứu và học tập, phục vụ công tác giáo dục truyền thống cách mạng cho đoàn viên, "
      "thanh niên.\n"
      "Phát biểu bế mạc, Trưởng Ban Tuyên giáo Tỉnh ủy đánh giá cao chất lượng tham luận và giao "
      "các cơ quan liên quan tiếp thu ý kiến, sớm hoàn thành bản thảo trong năm 2024.\n"
      "Lan Hương\n");
  EXPECT_EQ(page.title, "Hội thảo khoa học về lịch sử Đảng bộ tỉnh giai đoạn 1930 - 1945");
  EXPECT_EQ(page.date, "2024-03-04");
  // The box heading goes, but more article follows it than precedes it: nothing is cut.
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Chia sẻ", "Tin liên quan"}));
  EXPECT_TRUE(HasLine(page.body, "Lan Hương"));
  EXPECT_NE(page.body.find("Phát biểu bế mạc"), std::string::npos);
}

TEST(CleanScrapedPage, IsoPostedDateTwoSectionLabelsAndCommentForm) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Giáo dục\nTrường học\n"
      "Nâng cao chất lượng dạy học môn Lịch sử ở bậc trung học\n"
      "Ngày đăng: 2024-03-05\n"
      "Sở Giáo dục và Đào tạo vừa tổ chức tập huấn đổi mới phương pháp dạy học môn Lịch sử cho "
      "hơn 300 giáo viên trung học trong tỉnh.\n"
      "Các giáo viên được hướng dẫn khai thác tư liệu số, bản đồ tương tác và di tích địa phương "
      "trong bài giảng.\n"
      "Bình luận (0)\nGửi bình luận\nHọ tên:\nEmail:\n");
  EXPECT_EQ(page.title, "Nâng cao chất lượng dạy học môn Lịch sử ở bậc trung học");
  EXPECT_EQ(page.date, "2024-03-05");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Giáo dục", "Trường học", "Bình luận (0)",
                                                    "Gửi bình luận", "Họ tên:", "Email:"}));
}

const char kDcsvnPage[] =
    "Thời sự\n"
    "Bộ Chính trị làm việc với Ban Thường vụ Tỉnh ủy về công tác chuyển đổi số\n"
    "(ĐCSVN) - Sáng 5/3, tại Hà Nội, đoàn công tác của Bộ Chính trị làm việc với Ban Thường vụ "
    "Tỉnh ủy về kết quả thực hiện chuyển đổi số giai đoạn 2021 - 2025 và định hướng đến năm 2030.\n"
    "Báo cáo tại buổi làm việc cho biết, tỉnh đã hoàn thành 85% chỉ tiêu của kế hoạch chuyển đổi "
    "số; 100% văn bản của các cơ quan đảng được gửi, nhận qua mạng.\n";

TEST(CleanScrapedPage, LeadDayMonthTakesTheYearFromTheByline) {
  const PageInfo page =
      CleanScrapedPage(A(), std::string(kDcsvnPage) + "Hoàng Minh (ĐCSVN, 3/2024)\n");
  EXPECT_EQ(page.title,
            "Bộ Chính trị làm việc với Ban Thường vụ Tỉnh ủy về công tác chuyển đổi số");
  // "3/2024" is in the lead's month; the plan period 2021 - 2025 and "năm 2030" are not dates.
  EXPECT_EQ(page.date, "2024-03-05");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Thời sự"}));
}

TEST(CleanScrapedPage, LeadDayMonthWithoutAnyYearGivesNoDateUnlessHinted) {
  EXPECT_EQ(CleanScrapedPage(A(), kDcsvnPage).date, "");
  EXPECT_EQ(CleanScrapedPage(A(), kDcsvnPage, {}, "2022").date, "2022-03-05");
}

TEST(CleanScrapedPage, PlaceAndLongDateLine) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Thông cáo báo chí\n"
      "Kết quả Hội nghị trực tuyến toàn quốc về công tác văn thư, lưu trữ năm 2024\n"
      "Hà Nội, ngày 5 tháng 3 năm 2024\n"
      "Chiều 4/3, Bộ Nội vụ tổ chức Hội nghị trực tuyến toàn quốc tổng kết công tác văn thư, lưu "
      "trữ năm 2023 và triển khai nhiệm vụ năm 2024.\n"
      "Hội nghị thống nhất tiếp tục thực hiện nghiêm Nghị định số 30/2020/NĐ-CP của Chính phủ về "
      "công tác văn thư.\n"
      "Về đầu trang\n");
  EXPECT_EQ(page.title,
            "Kết quả Hội nghị trực tuyến toàn quốc về công tác văn thư, lưu trữ năm 2024");
  EXPECT_EQ(page.date, "2024-03-05");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Thông cáo báo chí", "Về đầu trang"}));
}

TEST(CleanScrapedPage, WeekdayCommaTimeZoneInBracketsAndQuestionTitle) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Thời sự\n"
      "Thứ ba, 5/3/2024, 08:15 (GMT+7)\n"
      "Vì sao nhiều thư viện xã vắng bạn đọc?\n"
      "Nhiều thư viện xã được đầu tư khang trang nhưng vắng bạn đọc do sách cũ, giờ mở cửa không "
      "phù hợp và thiếu người quản lý chuyên trách.\n");
  EXPECT_EQ(page.title, "Vì sao nhiều thư viện xã vắng bạn đọc?");
  EXPECT_EQ(page.date, "2024-03-05");
}

TEST(CleanScrapedPage, BylineWithDottedDateAndPipes) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Văn hóa - Xã hội\n"
      "Nguyễn Lan | 05.03.2024 | 08:15\n"
      "Lễ hội hoa ban khai mạc tại Điện Biên\n"
      "Tối 4/3, tại Quảng trường 7/5, Lễ hội hoa ban năm 2024 chính thức khai mạc với chủ đề "
      "\"Sắc hoa ban - Bản sắc Điện Biên\" và nhiều hoạt động văn hóa, thể thao đặc sắc.\n");
  EXPECT_EQ(page.title, "Lễ hội hoa ban khai mạc tại Điện Biên");
  EXPECT_EQ(page.date, "2024-03-05");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Văn hóa - Xã hội"}));
}

TEST(CleanScrapedPage, FullDateInTheLeadWhenThereIsNoDateline) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Tọa đàm về bảo tồn di sản Hán Nôm\n"
      "Ngày 25-7-2023, tại Huế, Viện Nghiên cứu Hán Nôm tổ chức tọa đàm về bảo tồn và số hóa di "
      "sản Hán Nôm trong các thư viện, bảo tàng.\n");
  EXPECT_EQ(page.title, "Tọa đàm về bảo tồn di sản Hán Nôm");
  EXPECT_EQ(page.date, "2023-07-25");
}

TEST(CleanScrapedPage, NoDateAnywhere) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Giới thiệu chung\n"
      "Thư viện tỉnh là thiết chế văn hóa công lập, có chức năng thu thập, xử lý, lưu giữ và phổ "
      "biến tài liệu phục vụ nhu cầu học tập, nghiên cứu của nhân dân.\n");
  EXPECT_EQ(page.title, "Giới thiệu chung");
  EXPECT_EQ(page.date, "");
}

TEST(CleanScrapedPage, HintsWin) {
  const std::string seed = ReadSource(kSeeds[1].file);
  const PageInfo page = CleanScrapedPage(
      A(), seed, "  Xây dựng  Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh ",
      "2023-11-10T07:00:00+07:00");
  EXPECT_EQ(page.title, "Xây dựng Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh");
  EXPECT_EQ(page.date, "2023-11-10");
  EXPECT_EQ(page.body.find("Xây dựng Đảng bộ Khối các cơ quan TW trong sạch"), std::string::npos);
  // A hint that is no date is ignored.
  EXPECT_EQ(CleanScrapedPage(A(), seed, {}, "không rõ").date, "2023-11-09");
  EXPECT_EQ(CleanScrapedPage(A(), seed, {}, "09/11/2023").date, "2023-11-09");
}

TEST(CleanScrapedPage, NoBreakSpacesCrlfAndEmptyInput) {
  const PageInfo page = CleanScrapedPage(
      A(),
      "Tin\u00a0tức\r\n\r\n"
      "Tỉnh  đoàn\u00a0ra mắt  câu lạc bộ đọc sách\r\n"
      "Thứ Sáu, 01/03/2024\r\n"
      "Tỉnh đoàn vừa ra mắt câu lạc bộ đọc sách dành cho đoàn viên, thanh niên với 120 thành viên "
      "tham gia sinh hoạt hằng tháng.\r\n");
  EXPECT_EQ(page.title, "Tỉnh đoàn ra mắt câu lạc bộ đọc sách");
  EXPECT_EQ(page.date, "2024-03-01");
  EXPECT_EQ(page.dropped, (std::vector<std::string>{"Tin tức"}));
  const PageInfo empty = CleanScrapedPage(A(), "");
  EXPECT_TRUE(empty.title.empty() && empty.date.empty() && empty.body.empty() &&
              empty.dropped.empty());
}

// ---------------------------------------------------------------------------------------------
// keep_lines: the document's own lines stay in the body
// ---------------------------------------------------------------------------------------------

const char kLibraryPage[] =
    "Trang chủ » Tin tức » Văn hóa\n"                         // 0 breadcrumb
    "Khai trương không gian đọc sách số tại Thư viện tỉnh\n"  // 1 title
    "Cập nhật: 08:15 ngày 05/03/2024\n"                       // 2 dateline
    "Lượt đọc: 1.204\n"                                       // 3 counter
    "Sáng 4/3, Thư viện tỉnh tổ chức khai trương không gian đọc sách số với hơn 20.000 đầu sách "
    "điện tử phục vụ bạn đọc miễn phí.\n"  // 4
    "Không gian mới gồm 40 máy đọc, khu tra cứu tài liệu địa chí và phòng đọc dành cho thiếu "
    "nhi. Bạn đọc có thể mượn sách điện tử qua ứng dụng trên điện thoại.\n"  // 5
    "Minh Châu\n"                                                            // 6
    "Tin liên quan\n"                                                        // 7 widget
    "Phát động Ngày sách và Văn hóa đọc năm 2024\n"                          // 8 related
    "Thư viện lưu động về với vùng cao\n";                                   // 9 related

struct KeepCase {
  const char* name;
  std::string text;
  std::vector<std::size_t> keep;
  const char* title;
  const char* date;
  std::vector<std::string> dropped;
  std::vector<std::string> body;  // every body line, in order
};

void PrintTo(const KeepCase& c, std::ostream* os) { *os << c.name; }

const std::vector<std::string> kLibraryArticle = {
    "Sáng 4/3, Thư viện tỉnh tổ chức khai trương không gian đọc sách số với hơn 20.000 đầu sách "
    "điện tử phục vụ bạn đọc miễn phí.",
    "Không gian mới gồm 40 máy đọc, khu tra cứu tài liệu địa chí và phòng đọc dành cho thiếu "
    "nhi. Bạn đọc có thể mượn sách điện tử qua ứng dụng trên điện thoại.",
    "Minh Châu"};

std::vector<std::string> Join(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

class KeepLinesTest : public ::testing::TestWithParam<KeepCase> {};

TEST_P(KeepLinesTest, KeptLinesStayInTheBodyInPlace) {
  const KeepCase& c = GetParam();
  const PageInfo page = CleanScrapedPage(A(), c.text, {}, {}, c.keep);
  EXPECT_EQ(page.title, c.title);
  EXPECT_EQ(page.date, c.date);
  EXPECT_EQ(page.dropped, c.dropped);
  EXPECT_EQ(BodyLines(page.body), c.body);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeepLinesTest,
    ::testing::Values(
        // Nothing kept: the rules as usual.
        KeepCase{
            "NothingKept",
            kLibraryPage,
            {},
            "Khai trương không gian đọc sách số tại Thư viện tỉnh",
            "2024-03-05",
            {"Trang chủ » Tin tức » Văn hóa", "Lượt đọc: 1.204", "Tin liên quan",
             "Phát động Ngày sách và Văn hóa đọc năm 2024", "Thư viện lưu động về với vùng cao"},
            kLibraryArticle},
        // Furniture and a line of the cut tail that are kept stay where they were; the kept
        // line after "Tin liên quan" does not stop the cut of the line after it.
        KeepCase{"FurnitureAndTailLines",
                 kLibraryPage,
                 {0, 3, 8},
                 "Khai trương không gian đọc sách số tại Thư viện tỉnh",
                 "2024-03-05",
                 {"Tin liên quan", "Thư viện lưu động về với vùng cao"},
                 Join(Join({"Trang chủ » Tin tức » Văn hóa", "Lượt đọc: 1.204"}, kLibraryArticle),
                      {"Phát động Ngày sách và Văn hóa đọc năm 2024"})},
        // A kept widget heading is not boilerplate, so nothing after it is cut as a tail.
        KeepCase{
            "KeptWidgetHeadingCutsNothing",
            kLibraryPage,
            {7},
            "Khai trương không gian đọc sách số tại Thư viện tỉnh",
            "2024-03-05",
            {"Trang chủ » Tin tức » Văn hóa", "Lượt đọc: 1.204"},
            Join(kLibraryArticle, {"Tin liên quan", "Phát động Ngày sách và Văn hóa đọc năm 2024",
                                   "Thư viện lưu động về với vùng cao"})},
        // The title and the dateline are still read from kept lines, which stay in the body.
        KeepCase{
            "KeptTitleAndDatelineAreReadAndKept",
            kLibraryPage,
            {1, 2},
            "Khai trương không gian đọc sách số tại Thư viện tỉnh",
            "2024-03-05",
            {"Trang chủ » Tin tức » Văn hóa", "Lượt đọc: 1.204", "Tin liên quan",
             "Phát động Ngày sách và Văn hóa đọc năm 2024", "Thư viện lưu động về với vùng cao"},
            Join({"Khai trương không gian đọc sách số tại Thư viện tỉnh",
                  "Cập nhật: 08:15 ngày 05/03/2024"},
                 kLibraryArticle)},
        // A section label above the headline is kept too, whitespace normalized; blank lines
        // and indices past the end change nothing.
        KeepCase{"SectionLabelBlankAndOutOfRange",
                 "Tin\u00a0tức\r\n\r\n"
                 "Tỉnh  đoàn\u00a0ra mắt  câu lạc bộ đọc sách\r\n"
                 "Thứ Sáu, 01/03/2024\r\n"
                 "Tỉnh đoàn vừa ra mắt câu lạc bộ đọc sách dành cho đoàn viên, thanh niên với 120 "
                 "thành viên tham gia sinh hoạt hằng tháng.\r\n",
                 {0, 1, 6, 1000},
                 "Tỉnh đoàn ra mắt câu lạc bộ đọc sách",
                 "2024-03-01",
                 {},
                 {"Tin tức",
                  "Tỉnh đoàn vừa ra mắt câu lạc bộ đọc sách dành cho đoàn viên, thanh niên với 120 "
                  "thành viên tham gia sinh hoạt hằng tháng."}}),
    [](const ::testing::TestParamInfo<KeepCase>& info) { return std::string(info.param.name); });

TEST(CleanScrapedPage, KeptLineEqualToTheTitleHintStaysInTheBody) {
  const std::string title = "Khai trương không gian đọc sách số tại Thư viện tỉnh";
  EXPECT_FALSE(HasLine(CleanScrapedPage(A(), kLibraryPage, title).body, title));
  const std::vector<std::size_t> keep = {1};
  const PageInfo page = CleanScrapedPage(A(), kLibraryPage, title, {}, keep);
  EXPECT_EQ(page.title, title);
  EXPECT_EQ(BodyLines(page.body).front(), title);
}

}  // namespace
}  // namespace vankien
