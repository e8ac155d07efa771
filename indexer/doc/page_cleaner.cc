// Scraped-page cleaning (see page_cleaner.h for the contract).
//
// Everything here compares words through the Analyzer's folded tokens (doc_internal::Words), so
// case, NFD input, old/new tone placement and lower-cased headings all compare equal, while the
// original bytes are what is returned.
#include "indexer/doc/page_cleaner.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/folded_words.h"
#include "indexer/doc/loader.h"
#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

using namespace doc_internal;  // NOLINT(build/namespaces): the shared primitives of this folder
using text::Token;
using text::TokenKind;

// ---------------------------------------------------------------------------------------------
// Datelines
// ---------------------------------------------------------------------------------------------

bool IsTimeToken(const Words& w, std::size_t i) {
  // "08h15", "9h" (mixed tokens); plain numbers are never counted as words anyway.
  const std::string_view r = w.Raw(i);
  const std::size_t h = r.find_first_of("hH");
  return w.tokens[i].kind == TokenKind::kMixed && h != std::string_view::npos && h > 0 &&
         IsAsciiDigits(r.substr(0, h)) && (h + 1 == r.size() || IsAsciiDigits(r.substr(h + 1)));
}

// Words a date line may carry besides the date: weekdays, time words, "cập nhật", "ngày đăng"...
bool IsDateFiller(std::string_view folded) {
  static constexpr std::array<std::string_view, 38> kFiller = {
      "thu",  "hai",   "ba",  "tu",   "nam",    "sau",     "bay",  "chu",  "nhat", "cn",
      "ngay", "thang", "luc", "cap",  "dang",   "gio",     "phut", "gmt",  "utc",  "ict",
      "h",    "sa",    "ch",  "am",   "pm",     "xuat",    "ban",  "cong", "bo",   "vao",
      "sang", "chieu", "toi", "trua", "posted", "updated", "on",   "at"};
  return std::find(kFiller.begin(), kFiller.end(), folded) != kFiller.end();
}

// A line whose only content is a date (plus weekday, time, "Cập nhật", a place or a byline of
// at most four words): the page's dateline. Returns the date or "".
std::string DateLineDate(const Words& w) {
  if (w.text.size() > 120 || w.size() > 18) return "";
  for (const DateHit& h : FindDates(w)) {
    if (h.kind != DateHit::kFull) continue;
    int residual = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (i >= h.first && i < h.last) continue;
      const Token& t = w.tokens[i];
      if (t.kind == TokenKind::kNumber || IsTimeToken(w, i) || IsDateFiller(t.folded)) continue;
      ++residual;
    }
    return residual <= 4 ? FormatDate(h.y, h.m, h.d) : "";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Boilerplate
// ---------------------------------------------------------------------------------------------

enum class Boiler { kNone, kWeak, kStrong };

struct Phrase {
  std::string_view key;  // folded words
  int extra;             // how many more words the line may have
  bool strong;           // a widget heading after which the article is over
};

// Widget headings and site furniture, by folded wording. Strong ones start the post-article
// zone (related articles, comments, statistics ...); weak ones are single furniture lines.
constexpr std::array<Phrase, 62> kPhrases = {{
    {"bai viet lien quan", 3, true},
    {"cac bai viet lien quan", 3, true},
    {"tin lien quan", 3, true},
    {"cac tin lien quan", 3, true},
    {"tin bai lien quan", 3, true},
    {"bai lien quan", 3, true},
    {"bai cung chuyen muc", 3, true},
    {"tin cung chuyen muc", 3, true},
    {"cung chuyen muc", 2, true},
    {"tin khac", 2, true},
    {"cac tin khac", 2, true},
    {"bai viet khac", 2, true},
    {"cac bai viet khac", 2, true},
    {"tin moi", 2, true},
    {"tin moi nhat", 2, true},
    {"tin moi hon", 2, true},
    {"tin cu hon", 2, true},
    {"tin da dua", 2, true},
    {"tin doc nhieu", 2, true},
    {"doc nhieu nhat", 2, true},
    {"xem nhieu nhat", 2, true},
    {"tin xem nhieu", 2, true},
    {"y kien ban doc", 4, true},
    {"binh luan", 1, true},
    {"gui binh luan", 2, true},
    {"viet binh luan", 2, true},
    {"gui y kien", 3, true},
    {"website lien ket", 2, true},
    {"lien ket website", 2, true},
    {"lien ket", 0, true},
    {"video hoat dong", 2, true},
    {"hinh anh hoat dong", 2, true},
    {"thu vien anh", 2, true},
    {"thu vien video", 2, true},
    {"video clips", 1, true},
    {"video clip", 1, true},
    {"thong ke truy cap", 2, true},
    {"chia se bai viet", 2, true},
    {"chia se", 1, true},
    {"in bai viet", 2, true},
    {"tu khoa", 0, true},
    {"tags", 0, true},
    {"image", 3, false},
    {"quang cao", 1, false},
    {"advertisement", 1, false},
    {"banner", 1, false},
    {"ve dau trang", 1, false},
    {"quay lai", 1, false},
    {"tro ve", 1, false},
    {"ban in", 1, false},
    {"gui email", 1, false},
    {"facebook", 2, false},
    {"zalo", 2, false},
    {"twitter", 2, false},
    {"sao chep lien ket", 1, false},
    {"copy link", 1, false},
    {"ban quyen", 16, false},
    {"copyright", 16, false},
    {"ghi ro nguon", 12, false},
    {"lien he quang cao", 8, false},
    {"gioi thieu tap chi", 3, false},
    {"tra cuu tap chi", 6, false},
}};

// Counter headings followed only by numbers: "Lượt xem: 465", "• Hôm nay: 773".
constexpr std::array<std::string_view, 17> kCounters = {
    "luot xem", "luot doc",      "so luot xem", "luot truy cap", "luot thich",   "dang online",
    "online",   "dang truy cap", "truc tuyen",  "hom nay",       "hom qua",      "trong tuan",
    "tuan nay", "trong thang",   "thang nay",   "tat ca",        "tong truy cap"};

// Comment-form fields: "Họ và tên : *", "Email :".
constexpr std::array<std::string_view, 9> kFormFields = {
    "ho va ten",  "ho ten",    "email",       "e mail",        "dia chi",
    "dien thoai", "ma bao ve", "ma xac nhan", "y kien cua ban"};

bool HasSentencePunct(std::string_view s) {
  return s.find_first_of(",.;:!?\"()[]") != std::string_view::npos ||
         s.find("\u201C") != std::string_view::npos || s.find("\u201D") != std::string_view::npos;
}

// A slug or file-name placeholder left where an image was: "Anh-tin-bai", "img_banner_top".
bool IsPlaceholder(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  int parts = 1;
  for (char c : s) {
    if (c == '-' || c == '_') {
      ++parts;
    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return false;
    }
  }
  return parts >= 3;
}

// Breadcrumbs and menus: "Trang chủ » Tin tức » Xây dựng Đảng", "Home | Tin tức | Liên hệ".
bool IsNavigation(const Words& w) {
  if (KeyStartsWith(w.key, "trang chu") && w.size() <= 14) return true;
  int seps = 0;
  for (std::string_view sep : {" \u00BB ", " \u203A ", " > ", " | ", " >> "}) {
    for (std::size_t p = w.text.find(sep); p != std::string::npos; p = w.text.find(sep, p + 1))
      ++seps;
  }
  return seps >= 2 && w.text.find_first_of(".,;!?") == std::string::npos;
}

Boiler ClassifyBoilerplate(const Words& w) {
  if (w.text.empty()) return Boiler::kNone;
  if (IsPlaceholder(w.text)) return Boiler::kWeak;
  if (w.key.empty()) {
    // Only symbols: "***", "|", "»" — furniture, unless it is a lone scene break.
    return w.text.size() <= 3 ? Boiler::kNone : Boiler::kWeak;
  }
  const int words = WordCount(w.key);
  for (const Phrase& p : kPhrases) {
    if (KeyStartsWith(w.key, p.key) && words <= WordCount(p.key) + p.extra &&
        !EndsSentence(w.text)) {
      return p.strong ? Boiler::kStrong : Boiler::kWeak;
    }
  }
  for (std::string_view c : kCounters) {
    if (!KeyStartsWith(w.key, c)) continue;
    const std::size_t skip = static_cast<std::size_t>(WordCount(c));
    bool numbers_only = w.size() > skip;
    for (std::size_t i = skip; i < w.size() && numbers_only; ++i) numbers_only = w.IsNumber(i);
    // The colon (or a "lượt" word) separates a counter from a sentence such as "Hôm nay 5/3".
    if (numbers_only && (w.text.find(':') != std::string::npos || KeyStartsWith(c, "luot") ||
                         KeyStartsWith(c, "so luot"))) {
      return Boiler::kWeak;
    }
  }
  if (words <= 8 && w.text.find_first_of(":*") != std::string::npos) {
    for (std::string_view f : kFormFields) {
      if (KeyStartsWith(w.key, f)) return Boiler::kStrong;  // a comment form ends the article
    }
  }
  if (IsNavigation(w) && DateLineDate(w).empty()) return Boiler::kWeak;
  return Boiler::kNone;
}

// Running text: long, or a sentence of at least eight words. Headlines often end in '?' or '!'
// ("Vì sao nhiều thư viện xã vắng bạn đọc?"), so those need twice the length.
bool IsParagraph(const Words& w) {
  const int words = static_cast<int>(w.size());
  if (words >= 30) return true;
  if (words < 8 || !EndsSentence(w.text)) return false;
  std::string_view t = w.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == ')')) t.remove_suffix(1);
  return !((t.back() == '?' || t.back() == '!') && words < 16);
}

// A section label or menu entry: short, no sentence punctuation, no digits.
bool IsLabelLike(const Words& w) {
  return w.size() >= 1 && w.size() <= 7 && w.text.size() <= 60 && !HasSentencePunct(w.text) &&
         w.text.find_first_of("0123456789") == std::string::npos;
}

bool IsTimeOfDayWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "sang", "chieu", "toi",  "trua", "dem",   "rang", "som", "muon", "khuya", "nay",
      "qua",  "hom",   "ngay", "vao",  "trong", "cuoi", "dau", "luc",  "khoang"};
  return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// The event date at the start of a lead: "Sáng 9/11, tại Hà Nội ...", "(ĐCSVN) - Chiều 5/3,",
// "HÀ NỘI – Sáng nay (5/3)", "Ngày 25-7-2020, ...". Needs at least one time-of-day word before
// the date so that a number at the start of a sentence is not taken for a date.
std::optional<DateHit> LeadDate(const Words& w) {
  std::size_t start = 0;
  // A dateline prefix ending in " - " within the first few words: "(ĐCSVN) - ", "TTH.VN - ".
  for (std::size_t i = 0; i + 1 < w.size() && i < 6; ++i) {
    // A dash with spaces on both sides; "25-7-2020" has none.
    const std::string_view raw_gap = w.Gap(i);
    const std::string gap = Trim(raw_gap, " ()");
    const std::size_t dash = raw_gap.find(gap);
    const bool spaced = dash != std::string_view::npos && dash > 0 && raw_gap[dash - 1] == ' ' &&
                        dash + gap.size() < raw_gap.size() && raw_gap[dash + gap.size()] == ' ';
    if (spaced && (gap == "-" || gap == "\u2013" || gap == "\u2014")) {
      start = i + 1;
      break;
    }
  }
  const std::vector<DateHit> hits = FindDates(w);
  std::size_t i = start;
  int time_words = 0;
  while (i < w.size() && i < start + 4 &&
         (IsTimeOfDayWord(w.tokens[i].folded) || IsTimeToken(w, i))) {
    ++time_words;
    ++i;
  }
  if (time_words == 0) return std::nullopt;
  for (const DateHit& h : hits) {
    if (h.first == i && (h.kind == DateHit::kFull || h.kind == DateHit::kDayMonth)) return h;
  }
  return std::nullopt;
}

// The year of a day/month lead date, from the page itself: its full dates and month/years.
// A candidate in the same day and month beats one in the same month, which beats the rest;
// among equals the latest year wins (news pages report the present, and anniversary ranges such
// as "(7/11/1948-7/11/2023)" end in it). 0 when the page names no usable year.
int InferYear(const std::vector<const Words*>& lines, int month, int day) {
  int best_score = 0, best_year = 0;
  for (const Words* w : lines) {
    for (const DateHit& h : FindDates(*w)) {
      if (h.kind == DateHit::kDayMonth || !ValidDate(h.y, month, day)) continue;
      const int score = (h.m == month && h.d == day) ? 3 : (h.m == month ? 2 : 1);
      if (score > best_score || (score == best_score && h.y > best_year)) {
        best_score = score;
        best_year = h.y;
      }
    }
  }
  return best_year;
}

// A date hint: "2023-11-09", "09/11/2023", "2023-11-09T08:00:00Z", "Thứ 5, 9/11/2023" or a year.
struct HintDate {
  std::string full;  // "YYYY-MM-DD" or ""
  int year = 0;
};

HintDate ParseDateHint(const text::Analyzer& analyzer, std::string_view hint) {
  HintDate out;
  const std::string norm = NormalizeDate(hint);
  if (norm.size() >= 4 && IsAsciiDigits(std::string_view(norm).substr(0, 4))) {
    out.year = ToInt(std::string_view(norm).substr(0, 4));
    if (norm.size() == 10) out.full = norm;
    if (!out.full.empty() || norm.size() == 4 || norm.size() == 7) return out;
  }
  const Words w(CollapseSpaces(hint), analyzer);
  for (const DateHit& h : FindDates(w)) {
    if (h.kind == DateHit::kFull) return {FormatDate(h.y, h.m, h.d), h.y};
    if (h.kind == DateHit::kMonthYear && out.year == 0) out.year = h.y;
  }
  for (std::size_t i = 0; i < w.size() && out.year == 0; ++i) {
    if (w.IsNumber(i) && w.Raw(i).size() == 4 && ValidDate(ToInt(w.Raw(i)), 1, 1))
      out.year = ToInt(w.Raw(i));
  }
  return out;
}

}  // namespace

PageInfo CleanScrapedPage(const text::Analyzer& analyzer, std::string_view text,
                          std::string_view title_hint, std::string_view date_hint,
                          std::span<const std::size_t> keep_lines) {
  PageInfo page;
  std::vector<Words> lines;  // the non-blank lines
  std::vector<bool> keep;    // lines[i] is one of keep_lines
  {
    const std::vector<std::string_view> raw = SplitLines(text);
    std::vector<bool> keep_raw(raw.size(), false);
    for (std::size_t k : keep_lines) {
      if (k < raw.size()) keep_raw[k] = true;
    }
    for (std::size_t r = 0; r < raw.size(); ++r) {
      std::string clean = CollapseSpaces(raw[r]);
      if (clean.empty()) continue;
      lines.emplace_back(std::move(clean), analyzer);
      keep.push_back(keep_raw[r]);
    }
  }
  const std::size_t n = lines.size();
  enum class Role { kBody, kDropped, kTitle, kDate };
  std::vector<Role> role(n, Role::kBody);
  std::vector<Boiler> boiler(n);
  std::vector<bool> paragraph(n);
  for (std::size_t i = 0; i < n; ++i) {
    // A kept line is the document's own (an official header): never furniture.
    boiler[i] = keep[i] ? Boiler::kNone : ClassifyBoilerplate(lines[i]);
    paragraph[i] = boiler[i] == Boiler::kNone && IsParagraph(lines[i]);
    if (boiler[i] != Boiler::kNone) role[i] = Role::kDropped;
  }

  // 2. The tail: everything from the first boilerplate line that ends the article. A widget
  // heading ends it when less article text follows than precedes (a "Tin liên quan" box in the
  // middle of a long article does not); other furniture only when no paragraph follows at all.
  std::vector<int> words_before(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    words_before[i + 1] = words_before[i] + (paragraph[i] ? static_cast<int>(lines[i].size()) : 0);
  }
  const int total_words = words_before[n];
  std::size_t cut = n;
  for (std::size_t i = 0; i < n && cut == n; ++i) {
    if (boiler[i] == Boiler::kNone || words_before[i] == 0) continue;
    const int after = total_words - words_before[i + 1];
    if ((boiler[i] == Boiler::kStrong && after < words_before[i]) || after == 0) cut = i;
  }
  for (std::size_t i = cut; i < n; ++i) role[i] = Role::kDropped;

  // 3. The dateline (first one before the cut) and the head: lines before the first paragraph.
  std::size_t first_paragraph = cut;
  for (std::size_t i = 0; i < cut; ++i) {
    if (paragraph[i]) {
      first_paragraph = i;
      break;
    }
  }
  std::size_t date_line = n;
  std::string text_date;
  for (std::size_t i = 0; i < cut && date_line == n; ++i) {
    if (role[i] != Role::kBody || paragraph[i]) continue;
    text_date = DateLineDate(lines[i]);
    if (!text_date.empty()) {
      date_line = i;
      role[i] = Role::kDate;
    }
  }

  // 4. The title.
  const std::string hint = CollapseSpaces(title_hint);
  if (!hint.empty()) {
    page.title = hint;
    const std::string hint_key = Words(hint, analyzer).key;
    for (std::size_t i = 0; i < first_paragraph; ++i) {
      if (role[i] == Role::kBody && lines[i].key == hint_key) role[i] = Role::kTitle;
    }
  } else {
    std::vector<std::size_t> candidates;  // head lines that may be the headline, in order
    for (std::size_t i = 0; i < first_paragraph; ++i) {
      if (role[i] == Role::kBody) candidates.push_back(i);
    }
    // Prefer a headline above the dateline; a section label is a label-like line that has
    // another candidate after it.
    auto pick = [&](bool before_date) -> std::size_t {
      for (std::size_t k = 0; k < candidates.size(); ++k) {
        const std::size_t i = candidates[k];
        if (date_line != n && (i < date_line) != before_date) continue;
        if (IsLabelLike(lines[i]) && k + 1 < candidates.size()) continue;
        return k;
      }
      return candidates.size();
    };
    std::size_t k = pick(true);
    if (k == candidates.size() && date_line != n) k = pick(false);
    if (k < candidates.size()) {
      const std::size_t i = candidates[k];
      page.title = lines[i].text;
      role[i] = Role::kTitle;
      // A kicker ending in ':' continues with the headline under it.
      if (!page.title.empty() && page.title.back() == ':' && k + 1 < candidates.size()) {
        const std::size_t j = candidates[k + 1];
        page.title += " " + lines[j].text;
        role[j] = Role::kTitle;
      }
      // Labels above the headline are section names.
      for (std::size_t q = 0; q < k; ++q) {
        if (IsLabelLike(lines[candidates[q]])) role[candidates[q]] = Role::kDropped;
      }
    }
  }

  // 5. The date: the hint when it is a full date, else the dateline, else the lead's day/month
  // completed with a year from the hint or the page.
  const HintDate hint_date = ParseDateHint(analyzer, date_hint);
  if (!hint_date.full.empty()) {
    page.date = hint_date.full;
  } else if (!text_date.empty()) {
    page.date = text_date;
  } else {
    std::vector<const Words*> kept;
    for (std::size_t i = 0; i < n; ++i) {
      if (role[i] == Role::kBody || role[i] == Role::kTitle) kept.push_back(&lines[i]);
    }
    int leads_checked = 0;
    for (std::size_t i = first_paragraph; i < cut && leads_checked < 3 && page.date.empty(); ++i) {
      if (role[i] != Role::kBody || !paragraph[i]) continue;
      ++leads_checked;
      const std::optional<DateHit> lead = LeadDate(lines[i]);
      if (!lead) continue;
      if (lead->kind == DateHit::kFull) {
        page.date = FormatDate(lead->y, lead->m, lead->d);
      } else {
        const int year = hint_date.year != 0 ? hint_date.year : InferYear(kept, lead->m, lead->d);
        if (year != 0 && ValidDate(year, lead->m, lead->d))
          page.date = FormatDate(year, lead->m, lead->d);
      }
    }
  }

  // A kept line stays in the body whatever it was read as: it belongs to the document.
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i] || role[i] == Role::kBody) {
      if (!page.body.empty()) page.body.push_back('\n');
      page.body += lines[i].text;
    } else if (role[i] == Role::kDropped) {
      page.dropped.push_back(lines[i].text);
    }
  }
  return page;
}

}  // namespace vankien
