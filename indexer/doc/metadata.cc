// Scraped-page cleaning and official-header parsing (see metadata.h for the contracts).
//
// Everything here compares words through the shared Analyzer's folded tokens ("Lượt xem" →
// "luot xem"), so case, NFD input, old/new tone placement and lower-cased TCVN3 headings all
// compare equal, while the original bytes (kept through token offsets) are what is returned.
#include "indexer/doc/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/loader.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

using text::Token;
using text::TokenKind;

// ---------------------------------------------------------------------------------------------
// Shared, immutable helpers
// ---------------------------------------------------------------------------------------------

// Built once, never destroyed (no destruction-order issues at exit); both are immutable and safe
// to share between threads.
const text::Analyzer& TheAnalyzer() {
  static const text::Analyzer* const analyzer = new text::Analyzer();
  return *analyzer;
}

const refs::Recognizer& TheRecognizer() {
  static const refs::Recognizer* const recognizer = new refs::Recognizer();
  return *recognizer;
}

// Decodes the code point at s[*i] and advances *i; invalid bytes give U+FFFD and advance by one.
char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *i += len;
  return cp;
}

// Spaces a scraped page uses between words: no-break, thin, ideographic ... (tabs included).
bool IsSpaceLike(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Invisible characters that only get in the way of comparisons.
bool IsInvisible(char32_t c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF; }

// Every run of space-like characters becomes one ASCII space; leading/trailing ones go.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    if (IsSpaceLike(c) || c == '\n') {
      pending_space = !out.empty();
      continue;
    }
    if (IsInvisible(c)) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

// Columns of a PDF/DOCX line: split at tabs and at runs of two or more space-like characters.
std::vector<std::string> SplitCells(std::string_view raw) {
  std::vector<std::string> cells;
  std::size_t i = 0, cell_start = 0;
  while (i < raw.size()) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(raw, &i);
    if (!IsSpaceLike(c)) continue;
    std::size_t end = i;
    int run = 1;
    bool tab = c == '\t';
    while (end < raw.size()) {
      std::size_t next = end;
      const char32_t d = NextCodePoint(raw, &next);
      if (!IsSpaceLike(d)) break;
      ++run;
      tab = tab || d == '\t';
      end = next;
    }
    if (tab || run >= 2) {
      std::string cell = CollapseSpaces(raw.substr(cell_start, start - cell_start));
      if (!cell.empty()) cells.push_back(std::move(cell));
      cell_start = end;
    }
    i = end;
  }
  std::string cell = CollapseSpaces(raw.substr(cell_start));
  if (!cell.empty()) cells.push_back(std::move(cell));
  return cells;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

// Letter case of Latin and Vietnamese letters (all Vietnamese letters live in these blocks).
int LetterCase(char32_t c) {  // +1 upper, -1 lower, 0 not a cased letter
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= 'a' && c <= 'z') return -1;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return 1;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return -1;
  if (c >= 0x100 && c <= 0x17F) return (c % 2 == 0) ? 1 : -1;
  if (c == 0x1A0 || c == 0x1AF) return 1;
  if (c == 0x1A1 || c == 0x1B0) return -1;
  if (c >= 0x1EA0 && c <= 0x1EF9) return (c % 2 == 0) ? 1 : -1;
  return 0;
}

enum class Case { kNone, kUpper, kLower, kMixed };

Case CaseOf(std::string_view s) {
  bool upper = false, lower = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const int lc = LetterCase(NextCodePoint(s, &i));
    upper = upper || lc > 0;
    lower = lower || lc < 0;
  }
  if (upper && lower) return Case::kMixed;
  if (upper) return Case::kUpper;
  if (lower) return Case::kLower;
  return Case::kNone;
}

// Case of the first cased letter of s (0 when none).
int FirstLetterCase(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const int lc = LetterCase(NextCodePoint(s, &i));
    if (lc != 0) return lc;
  }
  return 0;
}

bool IsAsciiDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Value of a run of ASCII digits, saturating at a million: every number the rules compare
// (days, months, years, plenums) is far below it, and a long run must not overflow.
int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v > 1'000'000) return 1'000'000;
  }
  return v;
}

// A piece of text with its folded tokens: the unit every rule below works on.
struct Words {
  std::string text;           // whitespace-normalized original
  std::vector<Token> tokens;  // offsets into `text`
  std::string key;            // folded tokens joined by single spaces: "luot xem 465"

  explicit Words(std::string s) : text(std::move(s)) {
    TheAnalyzer().Analyze(text, &tokens);
    for (const Token& t : tokens) {
      if (!key.empty()) key.push_back(' ');
      key += t.folded;
    }
  }
  std::size_t size() const { return tokens.size(); }
  std::string_view Raw(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // The bytes between token i and token i+1.
  std::string_view Gap(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
  }
  bool IsNumber(std::size_t i) const { return i < size() && IsAsciiDigits(Raw(i)); }
  bool Is(std::size_t i, std::string_view folded) const {
    return i < size() && tokens[i].folded == folded;
  }
};

// Whole-word prefix test on a folded key.
bool KeyStartsWith(std::string_view key, std::string_view phrase) {
  return key.size() >= phrase.size() && key.compare(0, phrase.size(), phrase) == 0 &&
         (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

int WordCount(std::string_view key) {
  if (key.empty()) return 0;
  return static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// Index of the first occurrence of `phrase` (folded words) in w's tokens, or npos.
std::size_t FindPhrase(const Words& w, const std::vector<std::string_view>& phrase,
                       std::size_t from = 0) {
  if (phrase.empty() || w.size() < phrase.size()) return std::string::npos;
  for (std::size_t i = from; i + phrase.size() <= w.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < phrase.size() && match; ++k)
      match = w.tokens[i + k].folded == phrase[k];
    if (match) return i;
  }
  return std::string::npos;
}

std::string Trim(std::string_view s, std::string_view chars = " ") {
  const std::size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return "";
  const std::size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (y != 0 && m == 2 && d == 29 && !IsLeap(y)) return false;
  return y == 0 || (y >= 1900 && y <= 2099);
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct DateHit {
  enum Kind { kFull, kMonthYear, kDayMonth } kind = kFull;
  int y = 0, m = 0, d = 0;
  std::size_t first = 0, last = 0;  // token range [first, last)
};

// The separator between two parts of a numeric date: one of / - . – with optional spaces
// ("10 / 10 / 2023"). Returns the separator character or 0.
char DateSeparator(std::string_view gap) {
  const std::string core = Trim(gap);
  if (gap.size() > core.size() + 2) return 0;
  if (core == "/" || core == "-" || core == ".") return core[0];
  if (core == "\u2013" || core == "\u2212") return '-';
  return 0;
}

// Gap between words of "ngày 5 tháng 3 năm 2024": spaces, possibly a comma.
bool WordGap(std::string_view gap) { return !gap.empty() && Trim(gap, " ,").empty(); }

// Every date in w, left to right: full dates (d/m/yyyy, yyyy-mm-dd, "ngày d tháng m năm yyyy"),
// month/years ("tháng 7/2020", "3/2024", "tháng 3 năm 2024") and day/months ("9/11").
std::vector<DateHit> FindDates(const Words& w) {
  std::vector<DateHit> hits;
  const std::size_t n = w.size();
  std::size_t i = 0;
  while (i < n) {
    // "ngày D tháng M năm Y" (ngày optional), "tháng M năm Y", "tháng M/Y".
    {
      std::size_t j = i;
      const bool ngay = w.Is(j, "ngay") && j + 1 < n && WordGap(w.Gap(j));
      if (ngay) ++j;
      if (w.IsNumber(j) && w.Raw(j).size() <= 2 && w.Is(j + 1, "thang") && WordGap(w.Gap(j)) &&
          w.IsNumber(j + 2) && WordGap(w.Gap(j + 1)) && w.Is(j + 3, "nam") &&
          WordGap(w.Gap(j + 2)) && w.IsNumber(j + 4) && WordGap(w.Gap(j + 3))) {
        const int d = ToInt(w.Raw(j)), m = ToInt(w.Raw(j + 2)), y = ToInt(w.Raw(j + 4));
        if (w.Raw(j + 4).size() == 4 && ValidDate(y, m, d)) {
          hits.push_back({DateHit::kFull, y, m, d, i, j + 5});
          i = j + 5;
          continue;
        }
      }
      if (w.Is(i, "thang") && w.IsNumber(i + 1) && WordGap(w.Gap(i)) && i + 2 < n) {
        std::size_t k = i + 2;
        bool ok = false;
        if (w.Is(k, "nam") && WordGap(w.Gap(i + 1)) && w.IsNumber(k + 1) && WordGap(w.Gap(k))) {
          ++k;
          ok = true;
        } else if (w.IsNumber(k) && DateSeparator(w.Gap(i + 1)) != 0) {
          ok = true;
        }
        const int m = ToInt(w.Raw(i + 1));
        if (ok && w.Raw(k).size() == 4 && ValidDate(ToInt(w.Raw(k)), m, 1)) {
          hits.push_back({DateHit::kMonthYear, ToInt(w.Raw(k)), m, 0, i, k + 1});
          i = k + 1;
          continue;
        }
      }
    }
    if (!w.IsNumber(i)) {
      ++i;
      continue;
    }
    // Numbers glued to a preceding number by a date separator belong to something else
    // (a range "2015-2020", a longer number); start only at a fresh number.
    const std::string_view a = w.Raw(i);
    const char s1 = (i + 1 < n && w.IsNumber(i + 1)) ? DateSeparator(w.Gap(i)) : 0;
    const char s2 = (s1 != 0 && i + 2 < n && w.IsNumber(i + 2)) ? DateSeparator(w.Gap(i + 1)) : 0;
    if (s1 != 0 && s2 == s1) {
      const std::string_view b = w.Raw(i + 1), c = w.Raw(i + 2);
      if (a.size() == 4 && b.size() <= 2 && c.size() <= 2 && s1 != '.') {  // ISO yyyy-mm-dd
        const int y = ToInt(a), m = ToInt(b), d = ToInt(c);
        if (ValidDate(y, m, d)) {
          hits.push_back({DateHit::kFull, y, m, d, i, i + 3});
          i += 3;
          continue;
        }
      }
      if (a.size() <= 2 && b.size() <= 2 && c.size() == 4) {  // d/m/yyyy
        const int d = ToInt(a), m = ToInt(b), y = ToInt(c);
        if (ValidDate(y, m, d)) {
          hits.push_back({DateHit::kFull, y, m, d, i, i + 3});
          i += 3;
          continue;
        }
      }
    }
    if (s1 != 0 && s1 != '.' && s2 == 0) {
      const std::string_view b = w.Raw(i + 1);
      if (a.size() <= 2 && b.size() == 4 && ValidDate(ToInt(b), ToInt(a), 1)) {  // m/yyyy
        hits.push_back({DateHit::kMonthYear, ToInt(b), ToInt(a), 0, i, i + 2});
        i += 2;
        continue;
      }
      if (a.size() <= 2 && b.size() <= 2 && ValidDate(0, ToInt(b), ToInt(a))) {  // d/m
        hits.push_back({DateHit::kDayMonth, 0, ToInt(b), ToInt(a), i, i + 2});
        i += 2;
        continue;
      }
    }
    // Skip the rest of a numeric run ("2015-2020", "14/10/1930-...") as one unit.
    ++i;
    while (i < n && w.IsNumber(i) && DateSeparator(w.Gap(i - 1)) != 0) ++i;
  }
  return hits;
}

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
// Scraped pages
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

// Ends like a sentence: ".", "!", "?", "…", ";" (after closing quotes or brackets).
bool EndsSentence(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kClosers = {" ",      "\"",     "'",     ")",
                                                               "\u201D", "\u2019", "\u00BB"};
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view c : kClosers) {
      if (s.size() >= c.size() && s.substr(s.size() - c.size()) == c) {
        s.remove_suffix(c.size());
        again = true;
      }
    }
  }
  if (s.empty()) return false;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\u2026") return true;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ';';
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

HintDate ParseDateHint(std::string_view hint) {
  HintDate out;
  const std::string norm = NormalizeDate(hint);
  if (norm.size() >= 4 && IsAsciiDigits(std::string_view(norm).substr(0, 4))) {
    out.year = ToInt(std::string_view(norm).substr(0, 4));
    if (norm.size() == 10) out.full = norm;
    if (!out.full.empty() || norm.size() == 4 || norm.size() == 7) return out;
  }
  const Words w(CollapseSpaces(hint));
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

PageInfo CleanScrapedPage(std::string_view text, std::string_view title_hint,
                          std::string_view date_hint) {
  PageInfo page;
  std::vector<Words> lines;
  for (std::string_view raw : SplitLines(text)) {
    std::string clean = CollapseSpaces(raw);
    if (!clean.empty()) lines.emplace_back(std::move(clean));
  }
  const std::size_t n = lines.size();
  enum class Role { kBody, kDropped, kTitle, kDate };
  std::vector<Role> role(n, Role::kBody);
  std::vector<Boiler> boiler(n);
  std::vector<bool> paragraph(n);
  for (std::size_t i = 0; i < n; ++i) {
    boiler[i] = ClassifyBoilerplate(lines[i]);
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
    const std::string hint_key = Words(hint).key;
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
  const HintDate hint_date = ParseDateHint(date_hint);
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

  for (std::size_t i = 0; i < n; ++i) {
    if (role[i] == Role::kDropped) {
      page.dropped.push_back(lines[i].text);
    } else if (role[i] == Role::kBody) {
      if (!page.body.empty()) page.body.push_back('\n');
      page.body += lines[i].text;
    }
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// Official documents
// ---------------------------------------------------------------------------------------------

namespace {

enum class CellKind { kOther, kMotto, kSeparator, kSymbol, kDate };

struct Cell {
  Words words;
  CellKind kind = CellKind::kOther;
  explicit Cell(std::string s) : words(std::move(s)) {}
};

struct HeaderLine {
  std::vector<Cell> cells;
  std::string joined;  // all cells joined by one space
};

HeaderLine MakeLine(std::string_view raw) {
  HeaderLine line;
  for (std::string& c : SplitCells(raw)) {
    if (!line.joined.empty()) line.joined.push_back(' ');
    line.joined += c;
    line.cells.emplace_back(std::move(c));
  }
  return line;
}

const std::vector<std::string_view> kPartyMotto = {"dang", "cong", "san", "viet", "nam"};
const std::vector<std::string_view> kStateMotto = {"cong", "hoa",   "xa",   "hoi",
                                                   "chu",  "nghia", "viet", "nam"};
const std::vector<std::string_view> kStateMotto2 = {"doc", "lap", "tu", "do", "hanh", "phuc"};

// "*", "-----", "———", "o0o": lines and cells that only decorate the header.
bool IsSeparator(const Words& w) {
  if (w.text.empty()) return false;
  if (w.key.empty()) return true;
  return w.size() == 1 && (w.key == "o0o" || w.key == "ooo" || w.key == "o") && w.text.size() <= 12;
}

// Looks like a header item rather than running text: short, no sentence punctuation, one case.
bool IsHeaderish(const Words& w) {
  if (IsSeparator(w)) return true;
  const Case c = CaseOf(w.text);
  return w.size() <= 14 && w.text.find_first_of(".,;!?") == std::string::npos &&
         (c == Case::kUpper || c == Case::kLower);
}

// Splits the motto out of a cell ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI ..." flattened with one space) and
// marks it. The Party motto and the state name must be in one case (all upper, or all lower
// after TCVN3 conversion), which running text ("của Đảng Cộng sản Việt Nam") never is.
// Returns which motto was found: 'p' party, 's' state, 0 none.
char SplitMotto(HeaderLine* line) {
  for (std::size_t c = 0; c < line->cells.size(); ++c) {
    const Words& w = line->cells[c].words;
    char which = 0;
    std::size_t at = std::string::npos, len = 0;
    for (const auto* motto : {&kPartyMotto, &kStateMotto, &kStateMotto2}) {
      at = FindPhrase(w, *motto);
      if (at == std::string::npos) continue;
      len = motto->size();
      which = motto == &kPartyMotto ? 'p' : 's';
      break;
    }
    if (which == 0 || at == std::string::npos) continue;
    const std::size_t b = w.tokens[at].begin, e = w.tokens[at + len - 1].end;
    const std::string motto_text = w.text.substr(b, e - b);
    if (which == 'p' || len == kStateMotto.size()) {
      const Case mc = CaseOf(motto_text);
      if (mc != Case::kUpper && mc != Case::kLower) continue;
    }
    const std::string before = Trim(w.text.substr(0, b));
    const std::string after = Trim(w.text.substr(e));
    const Words wb(before), wa(after);
    if ((!before.empty() && !IsHeaderish(wb)) || (!after.empty() && !IsHeaderish(wa))) continue;
    std::vector<Cell> replacement;
    if (!before.empty()) replacement.emplace_back(before);
    replacement.emplace_back(motto_text);
    replacement.back().kind = CellKind::kMotto;
    if (!after.empty()) replacement.emplace_back(after);
    line->cells.erase(line->cells.begin() + static_cast<std::ptrdiff_t>(c));
    line->cells.insert(line->cells.begin() + static_cast<std::ptrdiff_t>(c),
                       std::make_move_iterator(replacement.begin()),
                       std::make_move_iterator(replacement.end()));
    return which;
  }
  return 0;
}

// Document types by folded noun, longest first, with their canonical spelling.
struct TypeName {
  std::string_view key;
  std::string_view name;
};
constexpr std::array<TypeName, 34> kTypes = {{
    {"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {"thong tu lien tich", "Thông tư liên tịch"},
    {"loi keu goi", "Lời kêu gọi"},
    {"nghi quyet", "Nghị quyết"},
    {"nghi dinh", "Nghị định"},
    {"quyet dinh", "Quyết định"},
    {"quy dinh", "Quy định"},
    {"chi thi", "Chỉ thị"},
    {"ket luan", "Kết luận"},
    {"thong tu", "Thông tư"},
    {"thong tri", "Thông tri"},
    {"huong dan", "Hướng dẫn"},
    {"thong bao", "Thông báo"},
    {"thong cao", "Thông cáo"},
    {"quy che", "Quy chế"},
    {"ke hoach", "Kế hoạch"},
    {"bao cao", "Báo cáo"},
    {"chuong trinh", "Chương trình"},
    {"de an", "Đề án"},
    {"du an", "Dự án"},
    {"phuong an", "Phương án"},
    {"to trinh", "Tờ trình"},
    {"bien ban", "Biên bản"},
    {"cong dien", "Công điện"},
    {"cuong linh", "Cương lĩnh"},
    {"dieu le", "Điều lệ"},
    {"chien luoc", "Chiến lược"},
    {"quy hoach", "Quy hoạch"},
    {"tuyen bo", "Tuyên bố"},
    {"phap lenh", "Pháp lệnh"},
    {"hien phap", "Hiến pháp"},
    {"luat", "Luật"},
    {"lenh", "Lệnh"},
    {"cong van", "Công văn"},
}};

// The document type a header line announces ("NGHỊ QUYẾT", "nghị quyết" after TCVN3
// conversion, or "NGHỊ QUYẾT HỘI NGHỊ ..." when the lines were run together). `rest_token`
// receives the index of the first token after the noun.
const TypeName* TypeLine(const Words& w, std::size_t* rest_token) {
  if (w.text.empty() || w.text.back() == ':' || w.size() > 24) return nullptr;
  for (const TypeName& t : kTypes) {
    if (!KeyStartsWith(w.key, t.key)) continue;
    const std::size_t words = static_cast<std::size_t>(WordCount(t.key));
    const std::string noun = w.text.substr(0, w.tokens[words - 1].end);
    const Case c = CaseOf(noun);
    if (c != Case::kUpper && c != Case::kLower) return nullptr;  // "Quyết định này ..." is text
    if (words < w.size()) {
      const std::string_view rest = std::string_view(w.key).substr(t.key.size() + 1);
      if (!KeyStartsWith(rest, "hoi nghi") && !KeyStartsWith(rest, "dai hoi") &&
          !KeyStartsWith(rest, "cua") && !KeyStartsWith(rest, "ve")) {
        return nullptr;
      }
    }
    *rest_token = words;
    return &t;
  }
  return nullptr;
}

// "NĂM" → 5, "MƯỜI MỘT" → 11, "HAI MƯƠI" → 20, "5" → 5, "V" → 5: the ordinal after "lần thứ".
int ParseOrdinal(const Words& w, std::size_t i) {
  static constexpr std::array<std::pair<std::string_view, int>, 11> kUnits = {{{"mot", 1},
                                                                               {"hai", 2},
                                                                               {"ba", 3},
                                                                               {"bon", 4},
                                                                               {"tu", 4},
                                                                               {"nam", 5},
                                                                               {"lam", 5},
                                                                               {"sau", 6},
                                                                               {"bay", 7},
                                                                               {"tam", 8},
                                                                               {"chin", 9}}};
  auto unit = [&](std::size_t k) -> int {
    if (k >= w.size()) return 0;
    for (const auto& [word, value] : kUnits) {
      if (w.tokens[k].folded == word) return value;
    }
    return 0;
  };
  if (i >= w.size()) return 0;
  if (w.IsNumber(i)) return w.Raw(i).size() <= 2 ? ToInt(w.Raw(i)) : 0;
  if (w.Is(i, "nhat")) return 1;
  if (CaseOf(w.Raw(i)) == Case::kUpper) {
    if (const int roman = refs::FromRoman(w.Raw(i)); roman > 0) return roman;
  }
  if (w.Is(i, "muoi")) return 10 + unit(i + 1);  // mười, mười một
  const int u = unit(i);
  if (u >= 2 && w.Is(i + 1, "muoi")) return u * 10 + unit(i + 2);  // hai mươi, hai mươi mốt
  return u;
}

// "KHÓA XIII" anywhere in w → 13; 0 when w names no term.
int TermAfterKhoa(const Words& w) {
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (!w.Is(i, "khoa")) continue;
    std::string roman(w.Raw(i + 1));
    for (char& ch : roman) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (const int v = refs::FromRoman(roman); v > 0) return v;
  }
  return 0;
}

// Plenum and term from the lines between the type line and the subject:
// "HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII", "HỘI NGHỊ TRUNG ƯƠNG 5".
void ParsePlenumAndTerm(const Words& w, OfficialHeader* out) {
  const std::size_t hn = FindPhrase(w, {"hoi", "nghi"});
  if (hn != std::string::npos && FindPhrase(w, {"dai", "hoi"}) == std::string::npos) {
    std::size_t at = FindPhrase(w, {"lan", "thu"}, hn);
    if (at != std::string::npos) {
      at += 2;
    } else if (FindPhrase(w, {"trung", "uong"}, hn) == hn + 2) {
      at = hn + 4;  // "HỘI NGHỊ TRUNG ƯƠNG 5"
    }
    if (at != std::string::npos) {
      const int plenum = ParseOrdinal(w, at);
      if (plenum > 0 && plenum < 40) out->plenum = plenum;
    }
  }
  if (const int v = TermAfterKhoa(w); v > 0) out->term = refs::ToRoman(v);
}

// Where the body starts: "Căn cứ ...", "Điều 1.", "I- ...", "1. ...", a sentence or a colon.
bool StartsBody(const Words& w) {
  static constexpr std::array<std::string_view, 8> kStarts = {
      "can cu", "thuc hien", "dieu", "chuong", "phan", "muc", "theo de nghi", "xet de nghi"};
  // Capitalized only: a subject may start with the same words ("thực hiện Nghị quyết số ...").
  for (std::string_view s : kStarts) {
    if (KeyStartsWith(w.key, s) && FirstLetterCase(w.text) > 0) return true;
  }
  if (w.size() > 40 || EndsSentence(w.text) || (!w.text.empty() && w.text.back() == ':'))
    return true;
  if (w.size() >= 1) {
    const std::string_view first = w.Raw(0);
    const std::string_view gap = std::string_view(w.text).substr(w.tokens[0].end);
    const bool enumerated = !gap.empty() && (gap[0] == '.' || gap[0] == '-' || gap[0] == ')');
    std::string upper(first);
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (enumerated && (IsAsciiDigits(first) || refs::FromRoman(upper) > 0)) return true;
  }
  return !w.text.empty() && (w.text[0] == '-' || w.text[0] == '+');
}

// Signature-block anchors: "T/M", "K/T", "T/L" (Party); "TM.", "KT.", "TL.", "TUQ.", "Q." (state).
bool IsSignatureAnchor(const Words& w) {
  const std::string& t = w.text;
  auto starts = [&](std::string_view p) {
    if (t.size() <= p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(t[i])) != p[i]) return false;
    }
    return t[p.size()] == ' ';
  };
  for (std::string_view p : {"T/M", "K/T", "T/L", "TM.", "KT.", "TL.", "TUQ.", "Q."}) {
    if (starts(p)) return true;
  }
  return KeyStartsWith(w.key, "thay mat") || KeyStartsWith(w.key, "thua lenh") ||
         KeyStartsWith(w.key, "thua uy quyen");
}

bool IsSurname(std::string_view folded) {
  static constexpr std::array<std::string_view, 40> kSurnames = {
      "nguyen", "tran", "le",   "pham",  "hoang", "huynh", "phan",  "vu",     "vo",    "dang",
      "bui",    "do",   "ho",   "ngo",   "duong", "ly",    "dinh",  "truong", "lam",   "mai",
      "to",     "doan", "ha",   "trinh", "luong", "cao",   "dao",   "kieu",   "chu",   "ta",
      "lai",    "thai", "tong", "quach", "luu",   "phung", "vuong", "trieu",  "giang", "nong"};
  return std::find(kSurnames.begin(), kSurnames.end(), folded) != kSurnames.end();
}

// A person's name as signed: 2-6 capitalized words ("Nguyễn Văn An"); an all-capitals name
// must start with a common surname so that "TỔNG BÍ THƯ" is not taken for one.
bool IsPersonName(const Words& w) {
  if (w.text.empty() || w.text[0] == '-' || w.text[0] == '+' || w.size() < 2 || w.size() > 6 ||
      w.text.find_first_of("0123456789,;:()/*") != std::string::npos) {
    return false;
  }
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.tokens[i].kind != TokenKind::kWord || FirstLetterCase(w.Raw(i)) <= 0) return false;
  }
  if (CaseOf(w.text) == Case::kUpper) return IsSurname(w.tokens[0].folded);
  // Mixed case: every word capitalized, the rest of each word lower case.
  return true;
}

// A position line above the name: "TỔNG BÍ THƯ", "THỦ TƯỚNG", "phó thủ tướng" (TCVN3).
bool IsPositionLine(const Words& w) {
  const Case c = CaseOf(w.text);
  return w.size() >= 1 && w.text[0] != '-' && w.text[0] != '+' && w.size() <= 10 &&
         (c == Case::kUpper || c == Case::kLower) &&
         w.text.find_first_of("0123456789:") == std::string::npos;
}

// The right-hand column of a signature-area line. When columns were flattened with one space,
// a "Nơi nhận" item is glued in front ("- Lưu Văn phòng Trung ương Đảng. Nguyễn Văn An"): the
// signature part is then what follows the item's last punctuation.
Words RightColumn(const HeaderLine& line) {
  const Words& last = line.cells.back().words;
  const bool left_item = !last.text.empty() && (last.text[0] == '-' || last.text[0] == '+' ||
                                                KeyStartsWith(last.key, "noi nhan"));
  if (!left_item) return last;
  const std::size_t p = last.text.find_last_of(".,;:");
  if (p == std::string::npos) return last;
  return Words(Trim(std::string_view(last.text).substr(p + 1)));
}

// The signer: the last name-like line of the tail that has a signature anchor or a position
// line within the five lines above it. Only the rightmost column counts ("Nơi nhận" lists sit
// on the left of the signature when columns are flattened).
std::string FindSigner(const std::vector<HeaderLine>& tail) {
  for (std::size_t i = tail.size(); i-- > 0;) {
    if (tail[i].cells.empty()) continue;
    const Words name = RightColumn(tail[i]);
    if (!IsPersonName(name)) continue;
    for (std::size_t k = i; k-- > 0 && k + 6 > i;) {
      if (tail[k].cells.empty()) continue;
      const Words above = RightColumn(tail[k]);
      if (KeyStartsWith(above.key, "da ky") || KeyStartsWith(above.key, "ky")) continue;
      if (IsSignatureAnchor(above) || IsPositionLine(above)) return name.text;
    }
  }
  return "";
}

}  // namespace

OfficialHeader ParseOfficialHeader(std::string_view text) {
  OfficialHeader out;
  // Non-empty lines: the first 60 hold the header, the last 60 the signature.
  std::vector<std::string_view> raw;
  for (std::string_view line : SplitLines(text)) {
    if (!CollapseSpaces(line).empty()) raw.push_back(line);
  }
  constexpr std::size_t kHeaderLines = 60, kMottoWithin = 15, kTailLines = 60;
  std::vector<HeaderLine> head;
  for (std::size_t i = 0; i < raw.size() && i < kHeaderLines; ++i) head.push_back(MakeLine(raw[i]));

  // The national motto locates the header.
  std::size_t motto_line = head.size();
  char system = 0;
  // The second motto line of a state header ("Độc lập - Tự do - Hạnh phúc") is split too.
  for (std::size_t i = 0;
       i < head.size() && i < kMottoWithin && (motto_line == head.size() || i <= motto_line + 3);
       ++i) {
    const char which = SplitMotto(&head[i]);
    if (which != 0 && motto_line == head.size()) {
      motto_line = i;
      system = which;
    }
  }
  if (motto_line == head.size()) return out;
  // Issuer lines may sit up to three header-like lines above the motto.
  std::size_t begin = motto_line;
  while (begin > 0 && motto_line - begin < 3) {
    const HeaderLine& prev = head[begin - 1];
    if (!std::all_of(prev.cells.begin(), prev.cells.end(),
                     [](const Cell& c) { return IsHeaderish(c.words); }))
      break;
    --begin;
  }

  // Symbol, place/date, issuer: everything before the type line.
  std::vector<std::string> issuer_parts;
  std::size_t type_line = head.size(), type_rest = 0;
  const TypeName* type = nullptr;
  bool seen_symbol = false;
  for (std::size_t i = begin; i < head.size() && i < begin + 20 && type == nullptr; ++i) {
    if (i > motto_line && head[i].cells.size() <= 1 && !head[i].cells.empty()) {
      type = TypeLine(head[i].cells[0].words, &type_rest);
      if (type != nullptr) {
        type_line = i;
        break;
      }
    }
    for (Cell& cell : head[i].cells) {
      if (cell.kind == CellKind::kMotto) continue;
      const Words& w = cell.words;
      if (IsSeparator(w)) {
        cell.kind = CellKind::kSeparator;
        continue;
      }
      std::size_t date_from = 0;  // token where a place/date part may start
      if (out.symbol.empty() && w.size() >= 2 && w.Is(0, "so") && FirstLetterCase(w.Raw(0)) != 0) {
        // "Số 21-NQ/TW", "Số: 30/2020/NĐ-CP": the recognizer's mention right after "Số".
        for (const refs::Mention& m : TheRecognizer().Find(w.text)) {
          const std::string between =
              Trim(w.text.substr(w.tokens[0].end, m.byte_start - w.tokens[0].end), " :.");
          if (m.byte_start < w.tokens[0].end || !between.empty()) continue;
          out.symbol = Trim(m.surface);
          while (date_from < w.size() && w.tokens[date_from].begin < m.byte_end) ++date_from;
          break;
        }
        if (out.symbol.empty()) {  // an issuer code the recognizer does not know
          const std::string rest = Trim(w.text.substr(w.tokens[0].end), " :.");
          const std::string chunk = rest.substr(0, rest.find(' '));
          if (chunk.find('/') != std::string::npos && chunk.find_first_of("0123456789") == 0) {
            out.symbol = chunk;
            date_from = w.size();
          }
        }
        if (!out.symbol.empty()) {
          cell.kind = CellKind::kSymbol;
          seen_symbol = true;
        }
      }
      // "Hà Nội, ngày 16 tháng 6 năm 2022", alone or after the symbol in a flattened cell.
      if (out.date.empty()) {
        for (const DateHit& h : FindDates(w)) {
          if (h.kind != DateHit::kFull || h.first < date_from) continue;
          out.date = FormatDate(h.y, h.m, h.d);
          const std::size_t place_begin =
              date_from < w.size() ? w.tokens[date_from].begin : w.text.size();
          const std::size_t place_end = w.tokens[h.first].begin;
          if (place_begin < place_end)
            out.place = Trim(w.text.substr(place_begin, place_end - place_begin), " ,");
          if (cell.kind == CellKind::kOther) cell.kind = CellKind::kDate;
          break;
        }
      }
      if (cell.kind == CellKind::kOther && !seen_symbol && IsHeaderish(w))
        issuer_parts.push_back(w.text);
    }
  }
  for (const std::string& part : issuer_parts) {
    if (!out.issuer.empty()) out.issuer.push_back(' ');
    out.issuer += part;
  }
  out.system = system == 'p' ? "party" : "state";

  // Type line, title block (plenum, "CỦA BỘ CHÍNH TRỊ") and subject.
  if (type != nullptr) {
    out.type = std::string(type->name);
    const Words& tw = head[type_line].cells[0].words;
    std::string block = type_rest < tw.size() ? tw.text.substr(tw.tokens[type_rest].begin) : "";
    std::string subject;
    Case subject_case = Case::kNone;
    // "NGHỊ QUYẾT về ..." run together: the subject starts on the type line itself.
    if (!block.empty() && KeyStartsWith(Words(block).key, "ve")) {
      subject = block;
      block.clear();
    }
    const std::string issuer_key = Words(out.issuer).key;
    std::vector<Words> after;  // the lines under the type line
    for (std::size_t i = type_line + 1; i < head.size() && i < type_line + 12; ++i)
      after.emplace_back(head[i].joined);
    for (std::size_t i = 0; i < after.size(); ++i) {
      const Words& w = after[i];
      if (IsSeparator(w)) {
        if (!subject.empty()) break;
        continue;
      }
      const Case c = CaseOf(w.text);
      const bool one_case = c == Case::kUpper || c == Case::kLower;
      if (subject.empty()) {
        if (one_case && !KeyStartsWith(w.key, "ve") &&
            (KeyStartsWith(w.key, "hoi nghi") || KeyStartsWith(w.key, "dai hoi") ||
             KeyStartsWith(w.key, "cua") || KeyStartsWith(w.key, "ban chap hanh") ||
             TermAfterKhoa(w) > 0)) {
          block += (block.empty() ? "" : " ") + w.text;
          continue;
        }
        if (StartsBody(w) || w.key == issuer_key) break;
        subject = w.text;
        subject_case = c;
        // A separator ("-----") within the next three lines closes the subject: every line up to
        // it is a wrap, whatever its first letter ("Ban Chấp hành Trung ương ...").
        std::size_t close = i + 1;
        while (close < after.size() && close <= i + 3 && !IsSeparator(after[close]) &&
               !StartsBody(after[close])) {
          ++close;
        }
        if (close < after.size() && close <= i + 3 && IsSeparator(after[close])) {
          for (std::size_t k = i + 1; k < close; ++k) subject += " " + after[k].text;
          break;
        }
        continue;
      }
      // Without a closing separator: lower-case wraps ("và nâng cao ..."), or more capitals under
      // an all-capitals subject, but never the authority line ("THỦ TƯỚNG CHÍNH PHỦ") or the body.
      const bool wraps = FirstLetterCase(w.text) < 0 && !StartsBody(w);
      const bool caps = subject_case == Case::kUpper && c == Case::kUpper && w.key != issuer_key &&
                        !StartsBody(w) && !KeyStartsWith(w.key, "thu tuong") &&
                        !KeyStartsWith(w.key, "chinh phu");
      if (!(wraps || caps)) break;
      subject += " " + w.text;
    }
    out.subject = subject;
    ParsePlenumAndTerm(Words(block), &out);
  }

  std::vector<HeaderLine> tail;
  for (std::size_t i = raw.size() > kTailLines ? raw.size() - kTailLines : 0; i < raw.size(); ++i) {
    tail.push_back(MakeLine(raw[i]));
  }
  out.signer = FindSigner(tail);
  out.found = !out.symbol.empty() || type != nullptr;
  if (!out.found) return OfficialHeader{};
  return out;
}

}  // namespace vankien
