// Tests for the format extractors (indexer/doc/html_extractor.h, pdf_extractor.h,
// docx_extractor.h) and gzip input in the line reader (indexer/doc/line_reader.h). Every fixture
// is generated here: HTML as strings, PDFs written byte by byte, DOCX zips built with libzip in
// memory, gzip files written with zlib.
#include <gtest/gtest.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "indexer/doc/docx_extractor.h"
#include "indexer/doc/folded_words.h"
#include "indexer/doc/loader.h"
#include "indexer/doc/html_extractor.h"
#include "indexer/doc/line_reader.h"
#include "indexer/doc/pdf_extractor.h"
#include "indexer/text/analyzer.h"
#include "tests/support/loading.h"
#include "tests/support/make_files.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using namespace std::literals;

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// =============================================================================================
// HTML
// =============================================================================================

HtmlPage MustExtract(std::string_view html) {
  Result<HtmlPage> r = ExtractHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : HtmlPage{};
}

// A news page with every kind of boilerplate around a two-paragraph Vietnamese article.
constexpr std::string_view kNewsPage = R"html(<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Quốc hội thông qua Luật Đất đai sửa đổi - Báo Mẫu</title>
  <meta name="description" content="  Luật Đất đai   sửa đổi có hiệu lực từ 2025. ">
  <meta property="article:published_time" content="2024-01-18T10:15:00+07:00">
  <style>.x { color: red } /* STYLE_TEXT */</style>
  <script>var leaked = "SCRIPT_TEXT";</script>
</head>
<body class="page has-sidebar">
  <header class="site-header"><a href="/">Báo Mẫu</a> <span>Thứ Năm, 18/1/2024</span></header>
  <nav><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li></ul></nav>
  <div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
  <div class="container">
    <article>
      <h1>Quốc hội thông qua Luật Đất đai (sửa đổi)</h1>
      <div class="share-buttons"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div>
      <p>Sáng 18/1, Quốc hội đã biểu quyết thông qua Luật Đất đai (sửa đổi) với đa số đại biểu tán thành.</p>
      <p>Luật gồm 16 chương, 260 điều, có hiệu lực thi hành từ ngày 1/1/2025, trừ một số điều.</p>
      <noscript>Bật JavaScript để xem video.</noscript>
      <div class="related-news"><h3>Tin liên quan</h3><ul>
        <li><a href="/a">Tin liên quan một</a></li><li><a href="/b">Tin liên quan hai</a></li></ul></div>
    </article>
    <aside class="sidebar"><h3>Đọc nhiều</h3><p>Bài đọc nhiều nhất hôm nay có nội dung dài dòng.</p></aside>
    <div id="comments"><p>Bình luận: bài viết hay quá, cảm ơn tòa soạn đã đưa tin.</p></div>
  </div>
  <footer><p>© 2024 Báo Mẫu. Giấy phép số 123/GP-BTTTT. Địa chỉ: 1 Phố Huế, Hà Nội.</p></footer>
  <script>document.write("SCRIPT_TWO")</script>
</body>
</html>)html";

TEST(HtmlExtractorTest, KeepsOnlyTheArticleText) {
  const HtmlPage page = MustExtract(kNewsPage);
  EXPECT_EQ(page.text,
            "Quốc hội thông qua Luật Đất đai (sửa đổi)\n"
            "Sáng 18/1, Quốc hội đã biểu quyết thông qua Luật Đất đai (sửa đổi) với đa số đại "
            "biểu tán thành.\n"
            "Luật gồm 16 chương, 260 điều, có hiệu lực thi hành từ ngày 1/1/2025, trừ một số "
            "điều.");
  for (const char* boilerplate :
       {"SCRIPT", "STYLE_TEXT", "Thời sự", "Trang chủ", "Chia sẻ", "Tin liên quan", "Đọc nhiều",
        "Bình luận", "Giấy phép", "JavaScript", "Thứ Năm"}) {
    EXPECT_FALSE(Contains(page.text, boilerplate)) << boilerplate;
  }
}

TEST(HtmlExtractorTest, MetadataOfNewsPage) {
  const HtmlPage page = MustExtract(kNewsPage);
  // No og:title: the article's <h1> wins over <title>.
  EXPECT_EQ(page.title, "Quốc hội thông qua Luật Đất đai (sửa đổi)");
  EXPECT_EQ(page.published, "2024-01-18T10:15:00+07:00");
  EXPECT_EQ(page.description, "Luật Đất đai sửa đổi có hiệu lực từ 2025.");
  EXPECT_EQ(page.lang, "vi");
}

TEST(HtmlExtractorTest, BlocksBecomeLinesAndSpacesCollapse) {
  const HtmlPage page = MustExtract(
      "<div><p>  một \n\t hai  </p><p>ba<br>bốn<br/><br>năm</p>"
      "<ul><li>sáu</li><li>bảy</li></ul><h2>tám</h2>"
      "<table><tr><td>chín</td><td>mười</td></tr><tr><th>A</th><th>B</th></tr></table>"
      "<section>mười một</section><div>mười<div>hai</div></div></div>");
  EXPECT_EQ(page.text, "một hai\nba\nbốn\nnăm\nsáu\nbảy\ntám\nchín mười\nA B\nmười một\nmười\nhai");
}

TEST(HtmlExtractorTest, InlineElementsDoNotSplitWords) {
  const HtmlPage page = MustExtract("<p>Hà <b>Nội</b> <i>mùa</i> thu, Đ<span>à</span> Lạt</p>");
  EXPECT_EQ(page.text, "Hà Nội mùa thu, Đà Lạt");
}

TEST(HtmlExtractorTest, EntitiesAreDecoded) {
  const HtmlPage page = MustExtract(
      "<p>A &amp; B &lt;i&gt; &quot;x&quot; &#7897;i &#x1EA1;n &agrave;o&nbsp;&nbsp;đó "
      "&copy;</p>");
  EXPECT_EQ(page.text, "A & B <i> \"x\" ội ạn ào đó ©");
}

TEST(HtmlExtractorTest, BrokenMarkupIsRepaired) {
  const HtmlPage page =
      MustExtract("<p>Một<p>Hai <b>đậm<div>Ba</i></span></div></div></p><li>Bốn<li>Năm");
  EXPECT_EQ(page.text, "Một\nHai đậm\nBa\nBốn\nNăm");
  EXPECT_EQ(MustExtract("chỉ có chữ, không thẻ").text, "chỉ có chữ, không thẻ");
  EXPECT_EQ(MustExtract("<html><body><p>Chưa đóng thẻ").text, "Chưa đóng thẻ");
}

TEST(HtmlExtractorTest, InvalidUtf8AndNulDoNotDerailTheParser) {
  const std::string html = "<p>trước \xC3 sau</p><p>Tiếng\0Việt</p>"s;
  const HtmlPage page = MustExtract(html);
  EXPECT_EQ(page.text, "trước \xEF\xBF\xBD sau\nTiếng Việt");
}

TEST(HtmlExtractorTest, DeclaredCharsetIsIgnoredInputIsUtf8) {
  const HtmlPage page = MustExtract(
      "<html><head><meta charset=\"windows-1252\">"
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
      "<body><p>Nghị định số 15/2024/NĐ-CP</p></body></html>");
  EXPECT_EQ(page.text, "Nghị định số 15/2024/NĐ-CP");
}

TEST(HtmlExtractorTest, ClassAndIdNamesMarkBoilerplate) {
  const HtmlPage page = MustExtract(
      "<body><div class=\"main\">"
      "<div id=\"topMenu\"><span>MENU_TEXT</span></div>"
      "<div class=\"box shareButtons\"><span>SHARE_TEXT</span></div>"
      "<div class=\"banner-top\"><p>BANNER_TEXT</p></div>"
      "<div class=\"ads\"><p>ADS_TEXT</p></div>"
      "<div class=\"ad-slot\"><p>AD_TEXT</p></div>"
      "<div id=\"fb-comments-box\"><p>COMMENT_TEXT</p></div>"
      "<div class=\"col-right sidebar-news\"><p>SIDEBAR_TEXT</p></div>"
      "<div class=\"page-footer\"><p>FOOTER_TEXT</p></div>"
      "<div class=\"tag-social\"><p>Không phải quảng cáo: lớp tag-social là thẻ bài viết.</p></div>"
      "<div class=\"downloads heads\"><p>Tải về biểu mẫu kèm theo nghị định.</p></div>"
      "<p>Nội dung chính của trang văn bản này.</p>"
      "</div></body>");
  EXPECT_EQ(page.text,
            "Không phải quảng cáo: lớp tag-social là thẻ bài viết.\n"
            "Tải về biểu mẫu kèm theo nghị định.\n"
            "Nội dung chính của trang văn bản này.");
}

TEST(HtmlExtractorTest, PageWrapperWithBoilerplateNameIsKept) {
  // ASP.NET pages wrap everything in one <form>; some themes put "header" words on wrappers.
  const HtmlPage page = MustExtract(
      "<body><form id=\"form1\"><div class=\"wrapper header-fixed\">"
      "<div class=\"menu\"><a href=\"/\">Trang chủ</a></div>"
      "<p>Điều 1. Phạm vi điều chỉnh của thông tư này.</p>"
      "<p>Điều 2. Đối tượng áp dụng là các cơ quan nhà nước.</p>"
      "</div></form></body>");
  EXPECT_EQ(page.text,
            "Điều 1. Phạm vi điều chỉnh của thông tư này.\n"
            "Điều 2. Đối tượng áp dụng là các cơ quan nhà nước.");
}

TEST(HtmlExtractorTest, PrefersContentBoxHoldingMostOfTheText) {
  const HtmlPage page = MustExtract(
      "<body><div class=\"page\">"
      "<div class=\"top-stories\"><p>Tin nổi bật: giá xăng giảm nhẹ.</p></div>"
      "<div class=\"detail-content\">"
      "<p>Ngày 15/3, Bộ Tài chính công bố dự thảo nghị định mới về thuế thu nhập cá nhân.</p>"
      "<p>Dự thảo nâng mức giảm trừ gia cảnh cho người nộp thuế và người phụ thuộc.</p>"
      "</div>"
      "<div class=\"other\"><p>Xem thêm các tin khác.</p></div>"
      "</div></body>");
  EXPECT_EQ(page.text,
            "Ngày 15/3, Bộ Tài chính công bố dự thảo nghị định mới về thuế thu nhập cá nhân.\n"
            "Dự thảo nâng mức giảm trừ gia cảnh cho người nộp thuế và người phụ thuộc.");
}

TEST(HtmlExtractorTest, DescendsToTheMostSpecificContentBox) {
  // "content" wraps a short intro and "detail-content" (over 85% of its prose); "content-part"
  // holds only half of the article, so the choice stops at "detail-content".
  const HtmlPage page = MustExtract(
      "<body><div class=\"content\"><p>Giới thiệu.</p><div class=\"detail-content\">"
      "<p>Phần một của bài viết nói về quy định mới đối với người lao động.</p>"
      "<div class=\"content-part\"><p>Phần hai của bài viết nói về thời điểm áp dụng quy "
      "định.</p></div></div></div></body>");
  EXPECT_EQ(page.text,
            "Phần một của bài viết nói về quy định mới đối với người lao động.\n"
            "Phần hai của bài viết nói về thời điểm áp dụng quy định.");
}

TEST(HtmlExtractorTest, PrefersArticleBodyOverLargerWrapper) {
  const HtmlPage page = MustExtract(
      "<body><div class=\"content\">"
      "<p>Đoạn giới thiệu chuyên mục ngắn.</p>"
      "<div itemprop=\"articleBody\">"
      "<p>Thân bài: văn bản hợp nhất số 05/VBHN-VPQH được ký ngày 10/12/2023.</p>"
      "<p>Văn bản có hiệu lực kể từ ngày ký và thay thế các văn bản trước.</p></div>"
      "</div></body>");
  EXPECT_EQ(page.text,
            "Thân bài: văn bản hợp nhất số 05/VBHN-VPQH được ký ngày 10/12/2023.\n"
            "Văn bản có hiệu lực kể từ ngày ký và thay thế các văn bản trước.");
}

TEST(HtmlExtractorTest, FallsBackToBodyWhenNoBoxHoldsMostText) {
  // A listing page: three teaser <article>s, none with most of the text.
  const HtmlPage page = MustExtract(
      "<body><article><p>Bài một có nội dung tóm tắt dài vừa phải.</p></article>"
      "<article><p>Bài hai có nội dung tóm tắt dài vừa phải.</p></article>"
      "<article><p>Bài ba có nội dung tóm tắt dài vừa phải.</p></article></body>");
  EXPECT_EQ(page.text,
            "Bài một có nội dung tóm tắt dài vừa phải.\n"
            "Bài hai có nội dung tóm tắt dài vừa phải.\n"
            "Bài ba có nội dung tóm tắt dài vừa phải.");
}

TEST(HtmlExtractorTest, LinkListsAreDroppedButProseListsKept) {
  const HtmlPage page = MustExtract(
      "<article><p>Đoạn văn chính của bài báo về giáo dục đại học.</p>"
      "<ul><li><a href=\"/1\">Xem thêm một</a></li><li><a href=\"/2\">Xem thêm hai</a></li>"
      "<li><a href=\"/3\">Xem thêm ba</a></li></ul>"
      "<ol><li>Bước một: nộp hồ sơ</li><li>Bước hai: xét tuyển theo <a href=\"/d\">điểm</a></li>"
      "</ol></article>");
  EXPECT_EQ(page.text,
            "Đoạn văn chính của bài báo về giáo dục đại học.\n"
            "Bước một: nộp hồ sơ\n"
            "Bước hai: xét tuyển theo điểm");
}

TEST(HtmlExtractorTest, TitlePrefersOgTitle) {
  const HtmlPage page = MustExtract(
      "<head><title>Tiêu đề trong thẻ title dài - Site</title>"
      "<meta property=\"og:title\" content=\"Tiêu đề &amp; Open Graph\"></head>"
      "<body><article><h1>Tiêu đề H1</h1><p>Nội dung.</p></article></body>");
  EXPECT_EQ(page.title, "Tiêu đề & Open Graph");
}

TEST(HtmlExtractorTest, TitleFromTitleTagWithoutSiteSuffix) {
  EXPECT_EQ(MustExtract("<title>Giá vàng hôm nay tăng mạnh - VnExpress</title><p>x</p>").title,
            "Giá vàng hôm nay tăng mạnh");
  EXPECT_EQ(MustExtract("<title>Luật Đất đai 2024 số 31/2024/QH15 | Thư viện pháp luật</title>")
                .title,
            "Luật Đất đai 2024 số 31/2024/QH15");
  EXPECT_EQ(MustExtract("<title>Chính phủ ban hành nghị quyết – Báo Chính phủ</title>").title,
            "Chính phủ ban hành nghị quyết");
  // Only the last suffix goes.
  EXPECT_EQ(MustExtract("<title>Luật Đất đai 2024 - Những điểm mới - Site</title>").title,
            "Luật Đất đai 2024 - Những điểm mới");
  // The rest would be too short: kept whole.
  EXPECT_EQ(MustExtract("<title>Tin tức | Bộ Tư pháp</title>").title, "Tin tức | Bộ Tư pháp");
  EXPECT_EQ(MustExtract("<title>Thời sự hôm nay - Cổng thông tin điện tử Chính phủ nước CHXHCN "
                        "Việt Nam</title>")
                .title,
            "Thời sự hôm nay - Cổng thông tin điện tử Chính phủ nước CHXHCN Việt Nam");
  // No <title>: any <h1>.
  EXPECT_EQ(MustExtract("<body><div><h1> Chỉ có  H1 </h1><p>x</p></div></body>").title,
            "Chỉ có H1");
}

TEST(HtmlExtractorTest, TitleIgnoresSiteLogoHeading) {
  // No article box: the <h1> in the site header is the logo, not the title.
  constexpr std::string_view kBody =
      "<body><header><h1>Báo Điện Tử</h1></header>"
      "<div><h1>Hướng dẫn thủ tục đăng ký kết hôn</h1><p>Nội dung hướng dẫn.</p></div></body>";
  EXPECT_EQ(MustExtract("<title>Thủ tục đăng ký kết hôn mới nhất | Báo Điện Tử</title>" +
                        std::string(kBody))
                .title,
            "Thủ tục đăng ký kết hôn mới nhất");
  EXPECT_EQ(MustExtract(kBody).title, "Hướng dẫn thủ tục đăng ký kết hôn");
}

TEST(HtmlExtractorTest, PublishedDateSources) {
  EXPECT_EQ(MustExtract("<meta property=\"og:published_time\" content=\"2023-05-01\"><p>x</p>")
                .published,
            "2023-05-01");
  EXPECT_EQ(MustExtract("<meta name=\"pubdate\" content=\"2022-02-02T08:00:00Z\"><p>x</p>")
                .published,
            "2022-02-02T08:00:00Z");
  EXPECT_EQ(MustExtract("<meta name=\"date\" content=\"16/06/2022\"><p>x</p>").published,
            "16/06/2022");
  EXPECT_EQ(MustExtract("<p>x</p><span itemprop=\"datePublished\" content=\"2021-07-07\"></span>")
                .published,
            "2021-07-07");
  // JSON-LD, nested in @graph, after other keys.
  EXPECT_EQ(MustExtract(R"(<script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X",
       "datePublished":{"bad":1}},{"@type":"NewsArticle","headline":"H",
       "author":[{"name":"A"}],"datePublished":"2024-02-29T07:00:00+07:00"}]}</script><p>x</p>)")
                .published,
            "2024-02-29T07:00:00+07:00");
  // <time datetime> inside the article, not the site clock in the header.
  EXPECT_EQ(MustExtract("<body><header><time datetime=\"2099-01-01\">hôm nay</time></header>"
                        "<article><header><time datetime=\"2020-10-20T09:00\">20/10</time>"
                        "</header><p>Bài viết có nội dung.</p></article></body>")
                .published,
            "2020-10-20T09:00");
  EXPECT_EQ(MustExtract("<p>Không có ngày.</p>").published, "");
}

TEST(HtmlExtractorTest, PublishedDatePriority) {
  // article:published_time beats JSON-LD, which beats meta name=date and <time>.
  EXPECT_EQ(MustExtract("<meta name=\"date\" content=\"2001-01-01\">"
                        "<script type=\"application/ld+json\">{\"datePublished\":\"2002-02-02\"}"
                        "</script><meta property=\"article:published_time\" content=\"2003-03-03\">"
                        "<article><time datetime=\"2004-04-04\"></time><p>x</p></article>")
                .published,
            "2003-03-03");
  EXPECT_EQ(MustExtract("<meta name=\"date\" content=\"2001-01-01\">"
                        "<script type=\"application/ld+json\">{\"datePublished\":\"2002-02-02\"}"
                        "</script><article><time datetime=\"2004-04-04\"></time><p>x</p></article>")
                .published,
            "2002-02-02");
  // Malformed JSON-LD is ignored.
  EXPECT_EQ(MustExtract("<meta name=\"date\" content=\"2001-01-01\">"
                        "<script type=\"application/ld+json\">{\"datePublished\": </script>"
                        "<p>x</p>")
                .published,
            "2001-01-01");
}

TEST(HtmlExtractorTest, DescriptionAndLanguageFallbacks) {
  const HtmlPage page = MustExtract(
      "<html><head><meta property=\"og:description\" content=\"Mô tả OG\">"
      "<meta http-equiv=\"content-language\" content=\"vi-VN\"></head>"
      "<body><p>x</p></body></html>");
  EXPECT_EQ(page.description, "Mô tả OG");
  EXPECT_EQ(page.lang, "vi-VN");
}

TEST(HtmlExtractorTest, DeepNestingDoesNotOverflowTheStack) {
  std::string html;
  constexpr int kDepth = 100000;
  for (int i = 0; i < kDepth; ++i) html += "<span>";
  html += "sâu";
  const HtmlPage page = MustExtract(html);
  EXPECT_TRUE(Contains(page.text, "sâu")) << page.text.substr(0, 100);
}

TEST(HtmlExtractorTest, RefusesOversizedInput) {
  const std::string big(kMaxHtmlBytes + 1, ' ');
  const Result<HtmlPage> r = ExtractHtml(big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "limit")) << r.status().message();
}

TEST(HtmlExtractorTest, EmptyInputIsAnError) {
  const Result<HtmlPage> r = ExtractHtml("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
}

// =============================================================================================
// PDF
// =============================================================================================

// UTF-8 (BMP only) → PDF text string in UTF-16BE hex with byte-order mark: <FEFF....>.
std::string PdfUtf16Hex(std::string_view utf8) {
  std::string out = "<FEFF";
  char buf[8];
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c < 0xE0) {
      cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      i += 2;
    } else {
      cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
      i += 3;
    }
    std::snprintf(buf, sizeof buf, "%04X", cp);
    out += buf;
  }
  return out + ">";
}

struct PdfSpec {
  std::vector<std::string> page_texts;  // ASCII; "" makes a page without a content stream
  std::string info;                     // the Info dictionary body, e.g. "/Title (x)"; "" = none
  bool encrypted = false;               // adds a standard-security /Encrypt with a bogus /U
};

// Writes a complete PDF 1.4 file: catalog, page tree, one Helvetica font, a content stream per
// page, optional Info and Encrypt dictionaries, and an exact cross-reference table.
std::string BuildPdf(const PdfSpec& spec) {
  std::vector<std::string> objects;  // object i+1
  const int n = static_cast<int>(spec.page_texts.size());
  // 1 catalog, 2 pages, 3 font, then per page: page object, content object.
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < n; ++i) {
    const std::string& text = spec.page_texts[i];
    std::string page =
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 3 0 R >> >>";
    if (!text.empty()) page += " /Contents " + std::to_string(5 + 2 * i) + " 0 R";
    objects.push_back(page + " >>");
    const std::string stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET\n";
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                      "endstream");
  }
  int info_obj = 0;
  if (!spec.info.empty()) {
    objects.push_back("<< " + spec.info + " >>");
    info_obj = static_cast<int>(objects.size());
  }
  int encrypt_obj = 0;
  if (spec.encrypted) {
    const std::string junk(64, 'A');  // 32 bytes in hex: no password can produce it
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + junk + "> /U <" + junk +
                      "> /P -4 >>");
    encrypt_obj = static_cast<int>(objects.size());
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t off : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (info_obj != 0) pdf += " /Info " + std::to_string(info_obj) + " 0 R";
  if (encrypt_obj != 0) {
    pdf += " /Encrypt " + std::to_string(encrypt_obj) +
           " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
  }
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

PdfSpec ThreePages() {
  PdfSpec spec;
  spec.page_texts = {"Hello page one", "Second page text", "Third page here"};
  spec.info = "/Title " + PdfUtf16Hex("Nghị quyết số 01/NQ-CP") +
              " /CreationDate (D:20240315003000+07'00') /Producer (vankien test)";
  return spec;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\f')) s.pop_back();
  return s;
}

TEST(PdfExtractorTest, ExtractsPagesTitleAndDate) {
  const Result<PdfText> r = ExtractPdf(BuildPdf(ThreePages()));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->pages.size(), 3u);
  EXPECT_EQ(Trimmed(r->pages[0]), "Hello page one");
  EXPECT_EQ(Trimmed(r->pages[1]), "Second page text");
  EXPECT_EQ(Trimmed(r->pages[2]), "Third page here");
  EXPECT_EQ(r->page_count, 3u);
  EXPECT_FALSE(r->truncated);
  EXPECT_EQ(r->title, "Nghị quyết số 01/NQ-CP");
  // The date as written in the file's time zone (it is still the 14th in UTC).
  EXPECT_EQ(r->created, "2024-03-15");
}

TEST(PdfExtractorTest, StopsAtMaxPagesAndSaysSo) {
  const std::string pdf = BuildPdf(ThreePages());
  Result<PdfText> r = ExtractPdf(pdf, 2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->pages.size(), 2u);
  EXPECT_EQ(r->page_count, 3u);
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(Trimmed(r->pages[1]), "Second page text");

  r = ExtractPdf(pdf, 3);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->pages.size(), 3u);
  EXPECT_FALSE(r->truncated);

  r = ExtractPdf(pdf, 0);  // metadata only
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->pages.empty());
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->title, "Nghị quyết số 01/NQ-CP");
}

TEST(PdfExtractorTest, PageWithoutTextAndNoInfo) {
  PdfSpec spec;
  spec.page_texts = {"", "Only text"};
  const Result<PdfText> r = ExtractPdf(BuildPdf(spec));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->pages.size(), 2u);
  EXPECT_EQ(Trimmed(r->pages[0]), "");
  EXPECT_EQ(Trimmed(r->pages[1]), "Only text");
  EXPECT_EQ(r->title, "");
  EXPECT_EQ(r->created, "");
}

TEST(PdfExtractorTest, PlainAsciiTitleAndDateWithoutTime) {
  PdfSpec spec;
  spec.page_texts = {"x"};
  spec.info = "/Title (  Annual report  ) /CreationDate (D:19991231)";
  const Result<PdfText> r = ExtractPdf(BuildPdf(spec));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->title, "Annual report");
  EXPECT_EQ(r->created, "1999-12-31");
}

TEST(PdfExtractorTest, RefusesNonPdf) {
  for (std::string_view bytes : {"hello, world"sv, ""sv, "PK\x03\x04 zip"sv}) {
    const Result<PdfText> r = ExtractPdf(bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
    EXPECT_TRUE(Contains(r.status().message(), "not a PDF")) << r.status().message();
  }
}

TEST(PdfExtractorTest, RefusesTruncatedFile) {
  const std::string pdf = BuildPdf(ThreePages());
  const Result<PdfText> r = ExtractPdf(std::string_view(pdf).substr(0, pdf.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(r.status().message(), "truncated")) << r.status().message();
}

TEST(PdfExtractorTest, RefusesDamagedFile) {
  const Result<PdfText> r = ExtractPdf("%PDF-1.4\nthis is not a pdf body at all\n%%EOF\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(r.status().message(), "damaged")) << r.status().message();
}

TEST(PdfExtractorTest, RefusesPasswordProtectedFile) {
  PdfSpec spec = ThreePages();
  spec.encrypted = true;
  const Result<PdfText> r = ExtractPdf(BuildPdf(spec));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "password")) << r.status().message();
}

// =============================================================================================
// DOCX
// =============================================================================================

// Builds a zip archive in memory with libzip. Entries are (name, content); `deflate` chooses
// between compressed and stored entries.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries,
                    bool deflate = true) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  EXPECT_NE(buffer, nullptr);
  zip_source_keep(buffer);
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(za, nullptr) << zip_error_strerror(&error);
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    const zip_int64_t idx = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(idx, 0) << zip_strerror(za);
    EXPECT_EQ(zip_set_file_compression(za, static_cast<zip_uint64_t>(idx),
                                       deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9),
              0);
  }
  EXPECT_EQ(zip_close(za), 0);
  std::string out;
  EXPECT_EQ(zip_source_open(buffer), 0);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  EXPECT_EQ(zip_source_read(buffer, out.data(), out.size()), static_cast<zip_int64_t>(out.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::uint32_t Le32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}
std::uint16_t Le16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}
void PutLe32(std::string* s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) (*s)[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Rewrites the uncompressed size that `zip` declares for entry `name` (central directory and
// local header), leaving the data alone: a zip that lies about its size.
bool PatchDeclaredSize(std::string* zip, std::string_view name, std::uint32_t size) {
  const std::size_t eocd = zip->rfind("PK\x05\x06"s);
  if (eocd == std::string::npos) return false;
  const std::uint16_t count = Le16(*zip, eocd + 10);
  std::size_t p = Le32(*zip, eocd + 16);
  for (int i = 0; i < count; ++i) {
    if (Le32(*zip, p) != 0x02014b50) return false;
    const std::uint16_t name_len = Le16(*zip, p + 28);
    const std::uint16_t extra_len = Le16(*zip, p + 30);
    const std::uint16_t comment_len = Le16(*zip, p + 32);
    if (zip->compare(p + 46, name_len, name) == 0) {
      PutLe32(zip, p + 24, size);
      const std::size_t local = Le32(*zip, p + 42);
      if (Le32(*zip, local) != 0x04034b50) return false;
      PutLe32(zip, local + 22, size);
      return true;
    }
    p += 46 + name_len + extra_len + comment_len;
  }
  return false;
}

constexpr std::string_view kWordNsDecl =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

std::string DocumentXml(std::string_view body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " +
         std::string(kWordNsDecl) + "><w:body>" + std::string(body) + "</w:body></w:document>";
}

constexpr std::string_view kCoreXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title> Thông tư 01/2024/TT-BTP </dc:title><dc:creator>Bộ Tư pháp</dc:creator>
  <dcterms:created xsi:type="dcterms:W3CDTF">2024-01-05T08:30:00Z</dcterms:created>
</cp:coreProperties>)";

constexpr std::string_view kRootRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>)";

// Paragraphs with runs, tabs, breaks, preserved spaces, a table, tab-stop definitions, a deleted
// tracked change and an mc:AlternateContent with a duplicate fallback.
constexpr std::string_view kBody =
    "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
    "<w:r><w:t>Điều 1.</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Phạm vi </w:t></w:r>"
    "<w:r><w:rPr><w:b/></w:rPr><w:t>điều chỉnh</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:cr/><w:t>dòng ba</w:t></w:r>"
    "<w:del><w:r><w:delText>ĐÃ XÓA</w:delText></w:r></w:del>"
    "<w:ins><w:r><w:t xml:space=\"preserve\"> thêm</w:t></w:r></w:ins></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô 1</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Ô 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
    "<w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p>"
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    "<w:p><w:r><w:t>A&amp;B &lt;c&gt;</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r></w:p>"
    "<w:sectPr/>";

constexpr std::string_view kExpectedText =
    "Điều 1.\tPhạm vi điều chỉnh\n"
    "Dòng một\ndòng hai\ndòng ba thêm\n"
    "Ô 1\nÔ 2\n"
    "Hộp chữ\n\n"
    "A&B <c>-d";

std::vector<std::pair<std::string, std::string>> NormalDocx() {
  return {{"[Content_Types].xml", "<Types/>"},
          {"_rels/.rels", std::string(kRootRels)},
          {"word/document.xml", DocumentXml(kBody)},
          {"docProps/core.xml", std::string(kCoreXml)}};
}

TEST(DocxExtractorTest, ExtractsTextTitleAndDate) {
  for (bool deflate : {true, false}) {
    const Result<DocxText> r = ExtractDocx(MakeZip(NormalDocx(), deflate));
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->text, kExpectedText) << "deflate=" << deflate;
    EXPECT_EQ(r->title, "Thông tư 01/2024/TT-BTP");
    EXPECT_EQ(r->created, "2024-01-05T08:30:00Z");
  }
}

TEST(DocxExtractorTest, WorksWithoutRelsAndCoreProperties) {
  const Result<DocxText> r =
      ExtractDocx(MakeZip({{"word/document.xml", DocumentXml("<w:p><w:r><w:t>Chỉ một đoạn"
                                                             "</w:t></w:r></w:p>")}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "Chỉ một đoạn");
  EXPECT_EQ(r->title, "");
  EXPECT_EQ(r->created, "");
}

TEST(DocxExtractorTest, FollowsRelationshipToMainPart) {
  std::string rels(kRootRels);
  rels.replace(rels.find("Target=\"word/document.xml\""), 26, "Target=\"/word/document2.xml\"");
  const Result<DocxText> r = ExtractDocx(MakeZip(
      {{"_rels/.rels", rels},
       {"word/document.xml", DocumentXml("<w:p><w:r><w:t>cũ</w:t></w:r></w:p>")},
       {"word/document2.xml", DocumentXml("<w:p><w:r><w:t>mới</w:t></w:r></w:p>")}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "mới");
}

TEST(DocxExtractorTest, StrictOoxmlNamespace) {
  const std::string xml =
      "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
      "<w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>";
  const Result<DocxText> r = ExtractDocx(MakeZip({{"word/document.xml", xml}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "Strict");
}

TEST(DocxExtractorTest, RefusesZipBombByDeclaredSize) {
  // 100 MB of zeros inside the document: deflates to about 100 KB.
  std::string xml = DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  xml.insert(xml.find("<w:body>"), std::string(100u << 20, ' '));
  const std::string zip = MakeZip({{"word/document.xml", xml}});
  EXPECT_LT(zip.size(), 1u << 20);
  const Result<DocxText> r = ExtractDocx(zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "zip bomb")) << r.status().message();
  EXPECT_TRUE(Contains(r.status().message(), "declares")) << r.status().message();
}

TEST(DocxExtractorTest, RefusesZipBombByRatio) {
  // 8 MB is under the size limit, but it compresses about 1000:1.
  std::string xml = DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  xml.insert(xml.find("<w:body>"), std::string(8u << 20, ' '));
  const std::string zip = MakeZip({{"word/document.xml", xml}});
  const Result<DocxText> r = ExtractDocx(zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "zip bomb")) << r.status().message();
  // A generous ratio lets the same file through.
  DocxLimits lax;
  lax.max_ratio = 100000;
  const Result<DocxText> ok = ExtractDocx(zip, lax);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->text, "x");
}

// Text that deflate cannot shrink much, so only the size checks can stop it.
std::string NoisyParagraphs(std::size_t bytes) {
  std::string body;
  std::uint32_t x = 12345;
  while (body.size() < bytes) {
    body += "<w:p><w:r><w:t>";
    for (int i = 0; i < 200; ++i) {
      x = x * 1103515245u + 12345u;
      body += static_cast<char>('a' + (x >> 16) % 26);
    }
    body += "</w:t></w:r></w:p>";
  }
  return DocumentXml(body);
}

TEST(DocxExtractorTest, RefusesEntryLargerThanItDeclares) {
  std::string zip = MakeZip({{"word/document.xml", NoisyParagraphs(200000)}});
  ASSERT_TRUE(ExtractDocx(zip).ok());
  ASSERT_TRUE(PatchDeclaredSize(&zip, "word/document.xml", 1000));
  const Result<DocxText> r = ExtractDocx(zip);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.status().message(), "more data than")) << r.status().message();
}

TEST(DocxExtractorTest, HonoursMaxUncompressed) {
  const std::string zip = MakeZip({{"word/document.xml", NoisyParagraphs(50000)}});
  DocxLimits tight;
  tight.max_uncompressed = 10000;
  const Result<DocxText> r = ExtractDocx(zip, tight);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "10000")) << r.status().message();
}

TEST(DocxExtractorTest, RefusesNonZip) {
  const Result<DocxText> r = ExtractDocx("<html>definitely not a zip file</html>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(r.status().message(), "not a zip")) << r.status().message();
  EXPECT_FALSE(ExtractDocx("").ok());
}

TEST(DocxExtractorTest, RefusesLegacyDoc) {
  const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(504, '\0');
  const Result<DocxText> r = ExtractDocx(ole);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.status().message(), "legacy .doc")) << r.status().message();
}

TEST(DocxExtractorTest, RefusesTruncatedZip) {
  const std::string zip = MakeZip(NormalDocx());
  const Result<DocxText> r = ExtractDocx(std::string_view(zip).substr(0, zip.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
}

TEST(DocxExtractorTest, RefusesZipWithoutDocument) {
  const Result<DocxText> r = ExtractDocx(
      MakeZip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(r.status().message(), "word/document.xml")) << r.status().message();
}

TEST(DocxExtractorTest, RefusesEntityExpansion) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
      "<w:document " +
      std::string(kWordNsDecl) + "><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body>"
      "</w:document>";
  const Result<DocxText> r = ExtractDocx(MakeZip({{"word/document.xml", laughs}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(r.status().message(), "DTD")) << r.status().message();
}

TEST(DocxExtractorTest, RefusesMalformedXml) {
  const Result<DocxText> r = ExtractDocx(
      MakeZip({{"word/document.xml", "<w:document><w:body><w:p>unclosed</w:body>"}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(r.status().message(), "cannot be parsed")) << r.status().message();
}

// =============================================================================================
// All extractors at once
// =============================================================================================

TEST(ExtractorsTest, ConcurrentCallsGiveTheSameResults) {
  const std::string pdf = BuildPdf(ThreePages());
  const std::string docx = MakeZip(NormalDocx());
  const std::string html(kNewsPage);
  const std::string expected_html = MustExtract(html).text;
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const Result<PdfText> p = ExtractPdf(pdf);
        const Result<DocxText> d = ExtractDocx(docx);
        const Result<HtmlPage> h = ExtractHtml(html);
        if (!p.ok() || p->pages.size() != 3 || !Contains(p->pages[1], "Second page text") ||
            !d.ok() || d->text != kExpectedText || !h.ok() || h->text != expected_html) {
          ++failures[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

// =============================================================================================
// gzip in LineReader
// =============================================================================================

class GzipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vankien_formats_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // gzip-compresses `plain` in memory (zlib, gzip wrapper).
  static std::string Gzip(std::string_view plain) {
    z_stream s{};
    EXPECT_EQ(deflateInit2(&s, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&s, static_cast<uLong>(plain.size())) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    s.avail_in = static_cast<uInt>(plain.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << p;
    return p.string();
  }

  // Reads every line; stops at kEnd or kError. Too-long lines are recorded as "<too long>".
  static std::vector<std::string> ReadAll(const std::string& path, LineReader::Outcome* last,
                                          Status* status,
                                          std::size_t max_line = LineReader::kDefaultMaxLine) {
    std::vector<std::string> lines;
    auto reader = LineReader::Open(path, max_line);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    if (!reader.ok()) return lines;
    std::string line;
    while (true) {
      const LineReader::Outcome o = (*reader)->Next(&line);
      if (o == LineReader::Outcome::kLine) {
        lines.push_back(line);
      } else if (o == LineReader::Outcome::kTooLong) {
        lines.push_back("<too long>");
      } else {
        *last = o;
        *status = (*reader)->status();
        return lines;
      }
    }
  }

  fs::path dir_;
};

TEST_F(GzipTest, RoundTrip) {
  std::string plain;
  std::vector<std::string> expected;
  for (int i = 0; i < 20000; ++i) {  // ~0.7 MB: many input and output chunks
    expected.push_back("{\"id\":\"" + std::to_string(i) + "\",\"title\":\"Văn bản số " +
                       std::to_string(i) + "\"}");
    plain += expected.back() + (i % 2 == 0 ? "\n" : "\r\n");
  }
  plain += "dòng cuối không có xuống dòng";
  expected.push_back("dòng cuối không có xuống dòng");
  const std::string path = Write("data.jsonl.gz", Gzip(plain));
  LineReader::Outcome last;
  Status status;
  const std::vector<std::string> lines = ReadAll(path, &last, &status);
  EXPECT_EQ(last, LineReader::Outcome::kEnd) << status.message();
  EXPECT_EQ(lines, expected);
}

TEST_F(GzipTest, UpperCaseSuffixAndConcatenatedMembers) {
  const std::string path = Write("DATA.JSONL.GZ", Gzip("một\nhai\n") + Gzip("ba\n"));
  LineReader::Outcome last;
  Status status;
  EXPECT_EQ(ReadAll(path, &last, &status), (std::vector<std::string>{"một", "hai", "ba"}));
  EXPECT_EQ(last, LineReader::Outcome::kEnd) << status.message();
}

TEST_F(GzipTest, LongLinesAreSkipped) {
  const std::string path =
      Write("long.jsonl.gz", Gzip("ngắn\n" + std::string(5000, 'x') + "\nsau\n"));
  LineReader::Outcome last;
  Status status;
  EXPECT_EQ(ReadAll(path, &last, &status, 1000),
            (std::vector<std::string>{"ngắn", "<too long>", "sau"}));
  EXPECT_EQ(last, LineReader::Outcome::kEnd);
}

TEST_F(GzipTest, EmptyFileHasNoLines) {
  const std::string path = Write("empty.jsonl.gz", "");
  LineReader::Outcome last;
  Status status;
  EXPECT_TRUE(ReadAll(path, &last, &status).empty());
  EXPECT_EQ(last, LineReader::Outcome::kEnd);
}

TEST_F(GzipTest, TruncatedStreamIsAnError) {
  std::string plain;
  for (int i = 0; i < 5000; ++i) plain += "dòng " + std::to_string(i) + "\n";
  const std::string gz = Gzip(plain);
  const std::string path = Write("cut.jsonl.gz", gz.substr(0, gz.size() - 20));
  LineReader::Outcome last;
  Status status;
  const std::vector<std::string> lines = ReadAll(path, &last, &status);
  EXPECT_EQ(last, LineReader::Outcome::kError);
  EXPECT_EQ(status.code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(status.message(), "truncated gzip")) << status.message();
  EXPECT_TRUE(Contains(status.message(), "cut.jsonl.gz")) << status.message();
  EXPECT_LT(lines.size(), 5000u);
}

TEST_F(GzipTest, CorruptStreamIsAnError) {
  std::string plain;
  for (int i = 0; i < 2000; ++i) plain += "dòng " + std::to_string(i) + "\n";
  std::string gz = Gzip(plain);
  for (std::size_t i = gz.size() / 2; i < gz.size() / 2 + 16; ++i) {
    gz[i] = static_cast<char>(~gz[i]);
  }
  const std::string path = Write("bad.jsonl.gz", gz);
  LineReader::Outcome last;
  Status status;
  ReadAll(path, &last, &status);
  EXPECT_EQ(last, LineReader::Outcome::kError);
  EXPECT_EQ(status.code(), Status::Code::kCorrupt);
  EXPECT_TRUE(Contains(status.message(), "gzip")) << status.message();
}

TEST_F(GzipTest, PlainTextNamedGzIsAnError) {
  const std::string path = Write("plain.jsonl.gz", "{\"id\":\"1\"}\n");
  LineReader::Outcome last;
  Status status;
  EXPECT_TRUE(ReadAll(path, &last, &status).empty());
  EXPECT_EQ(last, LineReader::Outcome::kError);
  EXPECT_TRUE(Contains(status.message(), "not a valid gzip stream")) << status.message();
}

TEST_F(GzipTest, UncompressedFilesAreUnchanged) {
  const std::string path = Write("plain.jsonl", "a\nb\n");
  LineReader::Outcome last;
  Status status;
  EXPECT_EQ(ReadAll(path, &last, &status), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(last, LineReader::Outcome::kEnd);
}


// ---------------------------------------------------------------------------------------------
// Official documents loaded from files the test writes: the header read end to end
// ---------------------------------------------------------------------------------------------

std::vector<Document> LoadWritten(const std::string& name, const std::string& bytes) {
  static const text::Analyzer analyzer;
  test_support::TempDir dir;
  const std::string path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  std::vector<Document> docs;
  std::vector<LoadProblem> problems;
  LoadOptions options;
  options.ocr = false;
  const Status status = LoadFile(path, name, test_support::WithTextTools(analyzer, options),
                                 [&](Document&& d) {
                                   docs.push_back(std::move(d));
                                   return Status::Ok();
                                 },
                                 &problems);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return docs;
}

bool HasFlagNamed(const Document& d, const std::string& flag) {
  return std::find(d.flags.begin(), d.flags.end(), flag) != d.flags.end();
}

std::string Cell(std::initializer_list<std::string_view> paragraphs) {
  std::string xml = "<w:tc>";
  for (std::string_view p : paragraphs) xml += "<w:p><w:r><w:t>" + std::string(p) + "</w:t></w:r></w:p>";
  return xml + "</w:tc>";
}

TEST(OfficialFileHeaderTest, DocxTwoColumnHeaderTableGivesNumberTypeAndDate) {
  // A real Decree's layout: a two-row header table (issuer | motto, number | place and date),
  // then the type line and the body, which cites an older date that must not win.
  const std::string body =
      "<w:tbl><w:tr>" + Cell({"CHÍNH PHỦ", "-------"}) +
      Cell({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"}) +
      "</w:tr><w:tr>" + Cell({"Số: 19/2019/NĐ-CP"}) + Cell({"Hà Nội, ngày 19 tháng 02 năm 2019"}) +
      "</w:tr></w:tbl>"
      "<w:p><w:r><w:t>NGHỊ ĐỊNH</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>VỀ HỌ, HỤI, BIÊU, PHƯỜNG</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>Điều 1. Phạm vi điều chỉnh</w:t></w:r></w:p><w:sectPr/>";
  const auto docs = LoadWritten("nd.docx", MakeZip({{"[Content_Types].xml", "<Types/>"},
                                                    {"_rels/.rels", std::string(kRootRels)},
                                                    {"word/document.xml", DocumentXml(body)},
                                                    {"docProps/core.xml", std::string(kCoreXml)}}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].symbol, "19/2019/NĐ-CP");
  EXPECT_EQ(docs[0].kind, "Nghị định");
  EXPECT_EQ(docs[0].date, "2019-02-19");  // the header's, not core.xml's 2024-01-05 nor the body's
  EXPECT_EQ(docs[0].issuer, "CHÍNH PHỦ");
}

// A one-page PDF whose text layer holds `lines` in Vietnamese: a simple font whose byte codes
// stand for the lines' characters through a ToUnicode map, as producers of Vietnamese PDFs
// with custom-encoded fonts write them (the glyphs drawn do not matter to text extraction).
std::string VietnamesePdf(const std::vector<std::string>& lines) {
  std::map<char32_t, int> codes;  // code point → byte code 0x21.., space stays 0x20
  std::string content = "BT /F1 12 Tf 14 TL 40 800 Td\n";
  for (const std::string& line : lines) {
    std::string hex;
    for (std::size_t i = 0; i < line.size();) {
      const char32_t c = doc_internal::NextCodePoint(line, &i);
      int code = 0x20;
      if (c != U' ') {
        auto [it, added] = codes.emplace(c, 0x21 + static_cast<int>(codes.size()));
        code = it->second;
      }
      char buf[3];
      std::snprintf(buf, sizeof buf, "%02X", code);
      hex += buf;
    }
    content += "<" + hex + "> Tj T*\n";
  }
  content += "ET";
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /VK def "
      "1 begincodespacerange <00> <FF> endcodespacerange\n" +
      std::to_string(codes.size() + 1) + " beginbfchar\n<20> <0020>\n";
  for (const auto& [c, code] : codes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "<%02X> <%04X>\n", code, static_cast<unsigned>(c));
    cmap += buf;
  }
  cmap += "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
      "/Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap + "\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(OfficialFileHeaderTest, TextLayerPdfGivesNumberAndDate) {
  // The header columns run together line by line, as a PDF's text layer gives them.
  const auto docs = LoadWritten(
      "qd.pdf", VietnamesePdf({"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "TỈNH HÀ NAM Độc lập - Tự do - Hạnh phúc",
                               "Số: 15/2024/QĐ-UBND Hà Nam, ngày 12 tháng 3 năm 2024", "QUYẾT ĐỊNH",
                               "Về việc thành lập hội đồng thẩm định dự án đầu tư công",
                               "ỦY BAN NHÂN DÂN TỈNH HÀ NAM",
                               "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                               "Điều 1. Thành lập hội đồng thẩm định dự án đầu tư công của tỉnh."}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].symbol, "15/2024/QĐ-UBND") << docs[0].text;
  EXPECT_EQ(docs[0].kind, "Quyết định");
  EXPECT_EQ(docs[0].date, "2024-03-12");
  EXPECT_EQ(HasFlagNamed(docs[0], "ocr"), false);  // the text layer was read, not OCR
}

}  // namespace
}  // namespace vankien
