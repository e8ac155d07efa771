// Scraped-page cleaning: splits the text of a news or portal page (as extracted from HTML, one
// block per line) into its title, publication date and article body, removing the site's
// furniture (menus, view counters, share bars, related-article lists, comment forms ...).
// Thread-safety: a pure function; call it from any thread. The Analyzer is only read.
#ifndef VANKIEN_INDEXER_DOC_PAGE_CLEANER_H_
#define VANKIEN_INDEXER_DOC_PAGE_CLEANER_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vankien {

namespace text {
class Analyzer;
}  // namespace text

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

// Splits a scraped page into title, date and body. Every word comparison goes through
// `analyzer`'s folded tokens, so NFD input, odd case and invalid bytes are tolerated (NFC is
// expected). `title_hint` / `date_hint` come from the page's structured metadata when the
// scraper has it; a non-empty title hint is taken as the title (a head line equal to it leaves
// the body), a date hint that is a full date wins over the text, and one with only a year
// supplies the year for a day/month-only lead ("Sáng 9/11, ...").
//
// `keep_lines` are lines of `text` (0-based indices of `text` split at '\n', in any order;
// indices past the end and blank lines are ignored) that belong to the document itself, such as
// the lines of an official header (OfficialHeader::lines). Each stays in the body, whitespace
// normalized and in place: it is never boilerplate (so it never starts the tail cut), never
// dropped and never cut with the tail. It may still be read as the title or the dateline (the
// rules below are unchanged), but then stays in the body as well.
//
// Rules, in order (details and why in page_cleaner.cc):
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
// Not meant for official documents: recognize their header first (official_header.h) and pass
// its lines as `keep_lines`, or do not clean them at all (DescribeDocument in metadata.h).
PageInfo CleanScrapedPage(const text::Analyzer& analyzer, std::string_view text,
                          std::string_view title_hint = {}, std::string_view date_hint = {},
                          std::span<const std::size_t> keep_lines = {});

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_PAGE_CLEANER_H_
