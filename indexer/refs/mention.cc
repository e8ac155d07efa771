#include "indexer/refs/mention.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/base/strings.h"
#include "indexer/refs/key.h"

namespace vankien::refs {
namespace {


// Symbols print numbers below 10 with a leading zero ("05-CT/TW", "01/NQ-CP"); both Party
// (36-HD/VPTW) and state (NĐ 30/2020) rules say so. Mention::number has no leading zeros, but
// strip any a caller left in so that "5" and "05" give the same symbol.
std::string DisplayNumber(std::string_view number) {
  if (!AllAsciiDigits(number)) return std::string(number);
  std::size_t first = number.find_first_not_of('0');
  std::string digits =
      first == std::string_view::npos ? std::string("0") : std::string(number.substr(first));
  if (digits.size() < 2) digits.insert(0, "0");
  return digits;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Laws and National Assembly / Standing Committee resolutions are numbered "59/2020/QH14":
// the legislature code stands where other documents put "<type>-<issuer>".
bool IsLegislature(std::string_view issuer) {
  return StartsWith(issuer, "QH") || StartsWith(issuer, "UBTVQH");
}

// Closing days of the national congresses. The Central Committee elected by congress N serves
// from that day until the closing day of congress N+1 (the new committee holds its first plenum
// during the congress, and its first documents are dated that day: 01-CT/TW of 2026-01-23 is
// a term XIV directive).
struct Congress {
  int day;  // YYYYMMDD
  const char* term;
};
constexpr std::array<Congress, 14> kCongresses = {{
    {19350331, "I"},
    {19510219, "II"},
    {19600910, "III"},
    {19761220, "IV"},
    {19820331, "V"},
    {19861218, "VI"},
    {19910627, "VII"},
    {19960701, "VIII"},
    {20010422, "IX"},
    {20060425, "X"},
    {20110119, "XI"},
    {20160128, "XII"},
    {20210201, "XIII"},
    {20260123, "XIV"},
}};
// Congress XV is due in early 2031 on a date not yet known; past this day the term is unknown
// rather than guessed. Move it when a congress is added above.
constexpr int kLastKnownTermEnd = 20301231;

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int ParseInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The first and last day (YYYYMMDD) covered by "YYYY", "YYYY-MM" or "YYYY-MM-DD"; false when
// the text is none of these.
bool DateRange(std::string_view date, int* first, int* last) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (!AllAsciiDigits(date.substr(0, 4))) return false;
  int year = ParseInt(date.substr(0, 4));
  if (date.size() == 4) {
    *first = year * 10000 + 101;
    *last = year * 10000 + 1231;
    return true;
  }
  if (date[4] != '-' || !AllAsciiDigits(date.substr(5, 2))) return false;
  int month = ParseInt(date.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) {
    *first = year * 10000 + month * 100 + 1;
    *last = year * 10000 + month * 100 + DaysInMonth(year, month);
    return true;
  }
  if (date[7] != '-' || !AllAsciiDigits(date.substr(8, 2))) return false;
  int day = ParseInt(date.substr(8, 2));
  if (day < 1 || day > DaysInMonth(year, month)) return false;
  *first = *last = year * 10000 + month * 100 + day;
  return true;
}

std::string_view TermOnDay(int day) {
  if (day < kCongresses.front().day || day > kLastKnownTermEnd) return {};
  std::string_view term;
  for (const Congress& c : kCongresses) {
    if (day >= c.day) term = c.term;
  }
  return term;
}

}  // namespace

std::string_view SystemName(System s) {
  switch (s) {
    case System::kParty:
      return "party";
    case System::kState:
      return "state";
    case System::kUnknown:
      break;
  }
  return "";
}

std::string Mention::Canonical() const {
  if (number.empty()) {
    // Unnumbered references name a plenum or a congress; a provincial or army congress cannot
    // be told apart from the others by what the text gives, so it gets no key.
    if (local_congress || type.empty()) return "";
    if (plenum) {
      std::string key = type + "/" + (issuer.empty() ? std::string("TW") : issuer) + "/HNTW" +
                        std::to_string(*plenum);
      if (!term.empty()) key += "/" + term;
      return key;
    }
    if (!congress.empty()) return type + "/ĐH/" + congress;
    return "";
  }
  if (issuer.empty()) return "";
  const std::string num = DisplayNumber(number);
  if (system == System::kState) {
    // State công văn carry no type code: "3546/UBND-VP" is issuer + drafting unit.
    if (type == "CV") return num + "/" + issuer + (unit.empty() ? "" : "-" + unit);
    // Laws and National Assembly resolutions carry no type code: "59/2020/QH14", "38/QH12".
    if (IsLegislature(issuer)) {
      return num + "/" + (symbol_year ? std::to_string(*symbol_year) + "/" : "") + issuer;
    }
    if (type.empty()) return "";
    if (symbol_year) return num + "/" + std::to_string(*symbol_year) + "/" + type + "-" + issuer;
    return num + "/" + type + "-" + issuer;
  }
  // Party, and unknown systems that look like it: "21-NQ/TW".
  if (type.empty()) return "";
  return num + "-" + type + "/" + issuer;
}

std::string Mention::Key() const {
  const std::string canonical = Canonical();
  // Unnumbered keys already name their plenum/term or congress.
  if (canonical.empty() || number.empty()) return canonical;
  // The year the symbol or the text beside it gives wins over a date of another year; a date
  // of that year says more (the day tells the term when the year straddles a congress).
  std::string when = date;
  if (year && !(date.size() >= 4 && date.compare(0, 4, std::to_string(*year)) == 0)) {
    when = std::to_string(*year);
  }
  return DocumentKey(canonical, term, when);
}

std::string ToRoman(int n) {
  if (n < 1 || n > 39) return "";
  static constexpr const char* kTens[] = {"", "X", "XX", "XXX"};
  static constexpr const char* kOnes[] = {"",  "I",  "II",  "III",  "IV",
                                          "V", "VI", "VII", "VIII", "IX"};
  return std::string(kTens[n / 10]) + kOnes[n % 10];
}

int FromRoman(std::string_view roman) {
  if (roman.empty() || roman.size() > 8) return 0;  // "XXXVIII" is the longest in range.
  std::string upper;
  for (char c : roman) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    upper.push_back(c);
  }
  // Only 39 numerals exist in range; matching against them rejects "IIII", "VX" and the like.
  for (int n = 1; n <= 39; ++n) {
    if (ToRoman(n) == upper) return n;
  }
  return 0;
}

std::string PartyTermOn(std::string_view date) {
  int first = 0, last = 0;
  if (!DateRange(date, &first, &last)) return "";
  std::string_view a = TermOnDay(first);
  std::string_view b = TermOnDay(last);
  // A year or month that straddles a congress (2021, 2016-01) has no single term.
  if (a.empty() || a != b) return "";
  return std::string(a);
}

}  // namespace vankien::refs
