// Shared text primitives of page cleaning and header parsing (see folded_words.h).
#include "indexer/doc/folded_words.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace vankien::doc_internal {
namespace {

// Invisible characters that only get in the way of comparisons.
bool IsInvisible(char32_t c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF; }

// Letter case of one code point: +1 upper, -1 lower, 0 not a cased letter.
int LetterCase(char32_t c) {
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

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

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

// A gap that does not glue the next token to a stray symbol: empty is not such a gap (the
// tokens touch), nor one ending in anything but a space or an opening or list punctuation.
bool GlueFree(std::string_view gap) {
  if (gap.empty()) return false;
  const char last = gap.back();
  return last == ' ' || last == ',' || last == '(' || last == '"' || last == '\'' || last == ':';
}

}  // namespace

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

bool IsSpaceLike(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

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

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v > 1'000'000) return 1'000'000;
  }
  return v;
}

Words::Words(std::string s, const text::Analyzer& analyzer) : text(std::move(s)) {
  analyzer.Analyze(text, &tokens);
  for (const text::Token& t : tokens) {
    if (!key.empty()) key.push_back(' ');
    key += t.folded;
  }
}

bool KeyStartsWith(std::string_view key, std::string_view phrase) {
  return key.size() >= phrase.size() && key.compare(0, phrase.size(), phrase) == 0 &&
         (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

int WordCount(std::string_view key) {
  if (key.empty()) return 0;
  return static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::size_t FindPhrase(const Words& w, const std::vector<std::string_view>& phrase,
                       std::size_t from) {
  if (phrase.empty() || w.size() < phrase.size()) return std::string::npos;
  for (std::size_t i = from; i + phrase.size() <= w.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < phrase.size() && match; ++k)
      match = w.tokens[i + k].folded == phrase[k];
    if (match) return i;
  }
  return std::string::npos;
}

std::string Trim(std::string_view s, std::string_view chars) {
  const std::size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return "";
  const std::size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

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
      // Without "ngày", the day must stand free: in OCR text "ngày⁄{5 tháng 01" is a day whose
      // first digit was not read, and "5" would be a guess.
      const bool free_day = ngay || j == 0 || GlueFree(w.Gap(j - 1));
      if (free_day && w.IsNumber(j) && w.Raw(j).size() <= 2 && w.Is(j + 1, "thang") && WordGap(w.Gap(j)) &&
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

}  // namespace vankien::doc_internal
