// Document metadata from raw text: the title, date and article body of a scraped news page
// (CleanScrapedPage), and the official header of a Party or state document (ParseOfficialHeader):
// issuer, number-symbol, place, date, type, plenum/term, subject and signer.
// Both are pure functions over UTF-8 text (NFC expected; NFD, odd case and invalid bytes are
// tolerated because every comparison goes through the shared Analyzer's folded tokens).
// Thread-safety: free functions without mutable shared state; call them from any thread. The
// Analyzer and Recognizer they use are immutable singletons built on first use.
#ifndef VANKIEN_INDEXER_DOC_METADATA_H_
#define VANKIEN_INDEXER_DOC_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vankien {

// ---------------------------------------------------------------------------------------------
// Scraped pages
// ---------------------------------------------------------------------------------------------

struct PageInfo {
  std::string title;  // the headline, whitespace normalized; "" when none was found
  std::string date;   // publication date "YYYY-MM-DD"; "" when none was found
  // The article text without boilerplate, title or date line: one paragraph per line ('\n'),
  // whitespace normalized (no-break spaces become spaces), blank lines removed.
  std::string body;
  // Boilerplate lines that were removed (view counters, menus, section labels, share bars,
  // related-article lists, comment forms, visit statistics ...), whitespace normalized, in page
  // order. For debugging; the title and date lines are not in here.
  std::vector<std::string> dropped;
};

// Splits a scraped page (text as extracted from HTML, one block per line) into title, date and
// body. `title_hint` / `date_hint` come from the page's structured metadata when the scraper has
// it; a non-empty title hint is taken as the title (a head line equal to it leaves the body), a
// date hint that is a full date wins over the text, and one with only a year supplies the year
// for a day/month-only lead ("Sáng 9/11, ...").
//
// Rules, in order (details and why in metadata.cc):
//  1. Boilerplate lines are recognized by their folded wording, not by site: counters
//     ("Lượt xem: 465", "Hôm nay: 773"), known widget headings ("Bài viết liên quan", "Chia sẻ",
//     "Thống kê truy cập", "Website liên kết" ...), comment-form fields, image placeholders
//     ("image banner", "Anh-tin-bai") and breadcrumb/menu lines ("Trang chủ » Tin tức").
//  2. The page tail is cut at the first widget heading after the article when less article text
//     follows it than precedes it, or at any boilerplate line with no article paragraph after it.
//  3. The date line is the first short line whose words, apart from the date, are only weekday,
//     time and filler words ("Thứ 3, Ngày 10 / 10 / 2023", "22:8' 26/7/2020", "Cập nhật: 08:15
//     ngày 05/03/2024", "Hà Nội, ngày 5 tháng 3 năm 2024"). Without one, a lead such as
//     "(ĐCSVN) - Sáng 5/3, ..." gives day and month; the year is then taken from the page's own
//     full dates and month/years, preferring one in the same month, latest first.
//  4. The title is the first headline-like line before the date line (or, when there is none
//     before it, after it) and before the first article paragraph; short unpunctuated lines
//     followed by another candidate are section labels and are dropped. A line ending in ':'
//     (a kicker) is joined with the headline under it.
// Not meant for official documents: try ParseOfficialHeader first (their header lines would be
// taken for a headline).
PageInfo CleanScrapedPage(std::string_view text, std::string_view title_hint = {},
                          std::string_view date_hint = {});

// ---------------------------------------------------------------------------------------------
// Official documents
// ---------------------------------------------------------------------------------------------

struct OfficialHeader {
  bool found = false;  // true when a Party or state header was recognized; other fields may be ""
  // The issuing body as written in the header's left column, lines joined by one space:
  // "BAN CHẤP HÀNH TRUNG ƯƠNG", "CHÍNH PHỦ", "ĐẢNG BỘ TỈNH X TỈNH ỦY".
  std::string issuer;
  std::string symbol;  // the number-symbol as written after "Số"/"Số:": "21-NQ/TW", "30/2020/NĐ-CP"
  std::string place;  // "Hà Nội"; "" when the date line has none
  std::string date;   // "YYYY-MM-DD" from "ngày 16 tháng 6 năm 2022"
  std::string type;  // the document-type noun, canonical title case: "Nghị quyết", "Quyết định"
  std::optional<int> plenum;  // "HỘI NGHỊ LẦN THỨ NĂM ..." → 5
  // The Party term (khóa) in Roman numerals as stated in the header ("KHÓA XIII" → "XIII"); ""
  // when the header states none (use refs::PartyTermOn(date) to infer it).
  std::string term;
  // The title after the type line as written, lines joined: "về tăng cường ...", "Về công tác
  // văn thư", "Phê duyệt Đề án ...".
  std::string subject;
  std::string signer;  // the signing person's name from the signature block: "Nguyễn Văn An"
  std::string
      system;  // "party" (ĐẢNG CỘNG SẢN VIỆT NAM) or "state" (CỘNG HÒA XÃ HỘI CHỦ NGHĨA ...)
};

// Recognizes the official header of a Party document (Hướng dẫn 36-HD/VPTW layout: issuer,
// "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 21-NQ/TW", "Hà Nội, ngày ...", type line, plenum line,
// "về ...", signature block "T/M ... / TỔNG BÍ THƯ / name") or a state document (Nghị định
// 30/2020/NĐ-CP layout: issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh
// phúc", "Số: 30/2020/NĐ-CP", date line, type line, subject, "TM. CHÍNH PHỦ / THỦ TƯỚNG / name").
// Tolerates PDF/DOCX extraction: two columns on one line (tabs, several spaces or a single
// space), blank lines between every line, headings lower-cased by TCVN3 conversion, NFD.
// The header must start within the first 15 non-empty lines and the signature must lie within
// the last 60; found is true when a national motto is followed by a number-symbol or a type
// line. Ordinary news text gives found == false.
OfficialHeader ParseOfficialHeader(std::string_view text);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_METADATA_H_
