#include "indexer/refs/recognizer.h"

#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "indexer/refs/lexicon.h"
#include "indexer/refs/registry.h"
#include "indexer/text/analyzer.h"

namespace vankien::refs {
namespace {

// One word of the text as the grammar sees it: the analyzer's token plus the separator in front
// of it, with spaces removed and every dash written '-' ("18 – NQ / TW" → 18 '-' NQ '/' TW).
struct Tok {
  std::string exact;
  std::string folded;
  std::size_t begin = 0, end = 0;  // bytes
  text::TokenKind kind = text::TokenKind::kWord;
  std::string gap;        // normalized separator before this token
  bool spaced = false;    // the separator had whitespace
  bool upper = false;     // written without lower-case letters
};

bool IsDash(UChar32 c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

// Normalizes the separator bytes between two tokens.
void NormalizeGap(std::string_view raw, std::string* gap, bool* spaced) {
  gap->clear();
  *spaced = false;
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t n = static_cast<int32_t>(raw.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
        c == 0x202F || c == 0x3000) {
      *spaced = true;
    } else if (IsDash(c)) {
      gap->push_back('-');
    } else if (c == 0xFF0F) {
      gap->push_back('/');
    } else if (c == 0xFF1A) {
      gap->push_back(':');
    } else {
      gap->append(raw.substr(start, i - start));
    }
  }
}

std::string ToUpper(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toUpper();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool HasLowercase(std::string_view raw) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u_islower(u.char32At(i))) return true;
  }
  return false;
}

// True when the first letter of `raw` is a capital ("Đoàn", "Nghị"), decoded whole.
bool StartsUpper(std::string_view raw) {
  const auto* b = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(b, i, static_cast<int32_t>(raw.size()), c);
  return c > 0 && u_isupper(c);
}

// Value of an ASCII digit string (at most 9 digits); -1 for anything else, such as the
// Arabic-Indic digits the analyzer also calls numbers.
int AsciiNumber(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string StripZeros(std::string_view number) {
  std::size_t i = 0;
  while (i + 1 < number.size() && number[i] == '0' && std::isdigit(static_cast<unsigned char>(number[i + 1]))) ++i;
  return std::string(number.substr(i));
}

bool IsSentenceBreak(std::string_view gap) {
  return gap.find_first_of(".;!?") != std::string_view::npos;
}

// A parsed symbol ("21-NQ/TW", "30/2020/NĐ-CP", "3546/UBND-VP").
struct Symbol {
  std::size_t end = 0;  // token index after the symbol
  std::string number;
  std::optional<int> year;
  bool year_in_symbol = false;  // "30/2020/NĐ-CP", not the informal "Quyết định 33/2014"
  std::string type;
  std::string issuer;
  std::string unit;
  System shape = System::kUnknown;  // which system's layout it was written in
};

// Attributes written after a mention: "ngày 16/6/2022 của Bộ Chính trị (khóa XIII)".
struct Trailer {
  std::string date;
  std::optional<int> year;
  std::vector<std::string> terms;
  std::optional<int> plenum;
  std::string issuer;  // from an issuer phrase ("của Bộ Chính trị" → TW)
  System issuer_system = System::kUnknown;
  bool out_of_scope = false;  // the issuer phrase names a body outside the archive ("của Hội đồng Bảo an")
};

// An issuing body named in the text: its code, system, and whether it is out of scope.
struct BodyRef {
  std::size_t length = 0;  // tokens; 0 when none
  std::string code;
  System system = System::kUnknown;
  bool out_of_scope = false;
};

// What the clause in front of a mention says about it: "Ngày 16/4/1951, Ban Chấp hành Trung
// ương Đảng khóa I đã ban hành Nghị quyết …" gives the issuer (the subject of the issuing
// verb), the date or year (the adverbial before the subject) and the term.
struct Subject {
  BodyRef body;
  std::string term;
  std::string date;
  std::optional<int> year;
};

// What one Find call carries along: the caller's context, the mentions so far, and what the
// grammar learned about each that later mentions use.
struct Info {
  std::size_t tok_begin = 0, tok_end = 0;
  std::string phrase_issuer;  // the issuer phrase right after it ("… của Bộ Chính trị")
  System phrase_system = System::kUnknown;
  bool open_issuer = false;   // an informal reference whose issuer nothing has named
  bool same_span = false;     // the second reading of "Trung ương 4 (khóa XI, XII)"
};

struct Ctx {
  std::string_view document_issuer;  // the containing document's issuer code, if the caller knows it
  std::size_t floor = 0;             // token after the last mention: a clause read backwards stops here
  std::vector<Mention> out;
  std::vector<Info> info;            // parallel to `out`
  // Aliases the text defines ("(gọi tắt là NQ170)"): folded token → the mention it stands for.
  std::vector<std::pair<std::string, Mention>> aliases;
  Info pending;                      // filled by the grammar for the next Emit

  void Emit(Mention&& m, const std::vector<Tok>& t) {
    Info in = pending;
    // Token span of the mention, for the passes that join neighbours.
    in.tok_begin = static_cast<std::size_t>(
        std::lower_bound(t.begin(), t.end(), m.byte_start, [](const Tok& a, std::size_t b) { return a.begin < b; }) -
        t.begin());
    in.tok_end = static_cast<std::size_t>(
        std::lower_bound(t.begin(), t.end(), m.byte_end, [](const Tok& a, std::size_t b) { return a.end < b; }) -
        t.begin()) + 1;
    in.same_span = !out.empty() && out.back().byte_start == m.byte_start && out.back().byte_end == m.byte_end;
    out.push_back(std::move(m));
    info.push_back(std::move(in));
  }
};

// The legislature (QH13, UBTVQH14 …) sitting on a date "YYYY[-MM-DD]": legislatures start at
// their election; with a year alone an election year is ambiguous and gives 0.
int LegislatureOn(std::string_view date) {
  struct Start { const char* date; int number; };
  static constexpr Start kStarts[] = {
      {"1976-04-25", 6},  {"1981-04-26", 7},  {"1987-04-19", 8},  {"1992-07-19", 9},
      {"1997-07-20", 10}, {"2002-05-19", 11}, {"2007-05-20", 12}, {"2011-05-22", 13},
      {"2016-05-22", 14}, {"2021-05-23", 15}, {"2026-03-15", 16}, {"2031-05-01", 0},
  };
  if (date.size() < 4 || date < std::string_view(kStarts[0].date)) return 0;
  if (date.size() < 10) {
    for (const Start& s : kStarts) {
      if (date.substr(0, 4) == std::string_view(s.date).substr(0, 4)) return 0;  // election year
    }
  }
  int number = 0;
  for (const Start& s : kStarts) {
    if (std::string_view(s.date).substr(0, date.size()) > date) break;
    number = s.number;
  }
  return number;
}

}  // namespace

struct Recognizer::Impl {
  const Registry* registry;
  text::Analyzer analyzer;

  explicit Impl(const Registry* r) : registry(r) {}

  // ---- token stream ------------------------------------------------------------------------
  std::vector<Tok> Tokenize(std::string_view text) const {
    std::vector<text::Token> raw;
    analyzer.Analyze(text, &raw);
    std::vector<Tok> toks;
    toks.reserve(raw.size());
    std::size_t prev = 0;
    for (auto& r : raw) {
      Tok t;
      t.exact = std::move(r.exact);
      t.folded = std::move(r.folded);
      t.begin = r.begin;
      t.end = r.end;
      t.kind = r.kind;
      NormalizeGap(text.substr(prev, r.begin - prev), &t.gap, &t.spaced);
      t.upper = !HasLowercase(text.substr(r.begin, r.end - r.begin));
      prev = r.end;
      toks.push_back(std::move(t));
    }
    return toks;
  }

  // ---- small predicates ----------------------------------------------------------------------
  static bool Is(const std::vector<Tok>& t, std::size_t i, std::string_view folded) {
    return i < t.size() && t[i].folded == folded;
  }
  // Folded words `words` (space separated) at i, with only whitespace between them.
  static std::size_t Words(const std::vector<Tok>& t, std::size_t i, std::string_view words) {
    std::size_t k = i;
    while (!words.empty()) {
      const std::size_t sp = words.find(' ');
      const std::string_view w = words.substr(0, sp);
      if (k >= t.size() || t[k].folded != w || (k > i && !t[k].gap.empty())) return 0;
      ++k;
      words = sp == std::string_view::npos ? std::string_view() : words.substr(sp + 1);
    }
    return k - i;
  }
  static bool IsNumber(const Tok& t) {
    if (t.kind == text::TokenKind::kNumber) return t.folded.size() <= 6 && AsciiNumber(t.folded) >= 0;
    // "30a": digits then one letter.
    if (t.kind != text::TokenKind::kMixed || t.folded.size() < 2 || t.folded.size() > 6) return false;
    for (std::size_t k = 0; k + 1 < t.folded.size(); ++k) {
      if (!std::isdigit(static_cast<unsigned char>(t.folded[k]))) return false;
    }
    return std::isalpha(static_cast<unsigned char>(t.folded.back())) != 0;
  }
  static std::optional<int> Year(const Tok& t) {
    if (t.kind != text::TokenKind::kNumber || t.folded.size() != 4) return std::nullopt;
    const int y = AsciiNumber(t.folded);
    if (y < 1930 || y > 2099) return std::nullopt;
    return y;
  }
  static int SmallNumber(const Tok& t) {
    if (t.kind != text::TokenKind::kNumber || t.folded.size() > 2) return 0;
    return std::max(0, AsciiNumber(t.folded));
  }
  // A Roman numeral or a number 1..39 (terms, congresses, plenums).
  static int RomanOrNumber(const Tok& t) {
    if (t.kind == text::TokenKind::kNumber) {
      const int n = SmallNumber(t);
      return n >= 1 && n <= 39 ? n : 0;
    }
    if (t.kind != text::TokenKind::kWord || t.folded.size() > 6) return 0;
    return FromRoman(t.folded);
  }

  // An issuer code at i ("TW", "UBKTTW", "TTg", "QH14", "T.Ư"); sets *next past it.
  std::string IssuerAt(const std::vector<Tok>& t, std::size_t i, std::size_t* next) const {
    if (i >= t.size() || t[i].kind == text::TokenKind::kNumber || t[i].exact.size() > 24) return {};
    if ((t[i].folded == "t") && i + 1 < t.size() && t[i + 1].gap == "." &&
        (t[i + 1].exact == "ư" || t[i + 1].exact == "w")) {
      *next = i + 2;
      return "TW";
    }
    std::string up = ToUpper(t[i].exact);
    if (t[i].exact == "tư") up = "TW";
    if (up == "TTG") up = "TTg";
    const bool known = IsPartyIssuer(up) || IsStateIssuer(up);
    if (!t[i].upper && !known) return {};
    if (!TypeCode(t[i].exact).empty() && !known) {
      // A type code is only an issuer where nothing else fits ("TB" in "1058 - TB / HU" is not).
      return {};
    }
    *next = i + 1;
    return up;
  }

  // Joins co-issuers written "BTCTU-BDVTU" (no spaces around the hyphen).
  std::string IssuerList(const std::vector<Tok>& t, std::size_t i, std::size_t* next) const {
    std::size_t k = 0;
    std::string issuer = IssuerAt(t, i, &k);
    if (issuer.empty()) return {};
    while (k < t.size() && t[k].gap == "-" && !t[k].spaced && t[k].upper &&
           t[k].kind != text::TokenKind::kNumber) {
      std::size_t k2 = 0;
      const std::string more = IssuerAt(t, k, &k2);
      if (more.empty()) break;
      issuer += "-" + more;
      k = k2;
    }
    *next = k;
    return issuer;
  }

  static bool IsLegislature(std::string_view issuer) {
    return (issuer.starts_with("QH") || issuer.starts_with("UBTVQH")) && issuer.size() <= 8;
  }

  // ---- symbols --------------------------------------------------------------------------------
  std::optional<Symbol> SymbolAt(std::string_view text, const std::vector<Tok>& t, std::size_t j) const {
    if (j >= t.size() || !IsNumber(t[j])) return std::nullopt;
    Symbol s;
    s.number = StripZeros(t[j].folded);
    std::size_t k = j + 1;
    if (k >= t.size()) return std::nullopt;
    const std::string& g = t[k].gap;
    std::size_t next = 0;

    auto type_then_issuer = [&](std::size_t at, System shape) -> bool {
      // TYPE ('-' | '/' | ' ') ISSUER
      const std::string_view code = TypeCode(t[at].exact);
      if (code.empty() || at + 1 >= t.size()) return false;
      const std::string& g2 = t[at + 1].gap;
      if (g2 != "-" && g2 != "/" && !g2.empty()) return false;
      std::string issuer = IssuerList(t, at + 1, &next);
      if (issuer.empty()) return false;
      s.type = std::string(code);
      s.issuer = std::move(issuer);
      s.end = next;
      s.shape = shape;
      return true;
    };

    if (g == "/") {
      if (auto y = Year(t[k]); y && k + 1 < t.size() && (t[k + 1].gap == "/" || t[k + 1].gap == "-")) {
        // N/YEAR/TYPE-ISSUER, N/YEAR/QH14, N/YEAR - TYPE / ISSUER
        std::size_t n2 = 0;
        const std::string legislature = IssuerAt(t, k + 1, &n2);
        if (!legislature.empty() && IsLegislature(legislature)) {
          s.year = y;
          s.year_in_symbol = true;
          s.issuer = legislature;
          s.end = n2;
          s.shape = System::kState;
          return s;
        }
        if (type_then_issuer(k + 1, System::kState)) {
          s.year = y;
          s.year_in_symbol = true;
          return s;
        }
      }
      if (Year(t[k]) && !TypeCode(t[k].exact).size()) {
        // "Quyết định 33/2014": number and year, no symbol.
        s.year = Year(t[k]);
        s.end = k + 1;
        s.shape = System::kUnknown;
        return s;
      }
      if (type_then_issuer(k, System::kState)) return s;
      std::size_t n2 = 0;
      std::string first = IssuerAt(t, k, &n2);
      if (!first.empty() && IsLegislature(first)) {
        s.issuer = first;
        s.end = n2;
        s.shape = System::kState;
        return s;
      }
      if (!first.empty() && (IsStateIssuer(first) || IsPartyIssuer(first)) &&
          (n2 >= t.size() || (t[n2].gap != "-" && t[n2].gap != "/"))) {
        // An old symbol without a type code: "Nghị định 100/TTg" (1959); the noun gives the type.
        s.issuer = std::move(first);
        s.end = n2;
        s.shape = System::kState;
        return s;
      }
      if (!first.empty() && n2 < t.size() && t[n2].gap == "-") {
        // Công văn: ISSUER-UNIT.
        std::size_t n3 = 0;
        std::string unit = UnitAt(text, t, n2, &n3);
        if (!unit.empty()) {
          s.type = "CV";
          s.issuer = std::move(first);
          s.unit = std::move(unit);
          s.end = n3;
          s.shape = System::kState;
          return s;
        }
      }
      return std::nullopt;
    }
    if (g == "-") {
      if (type_then_issuer(k, System::kParty)) return s;
      if (auto y = Year(t[k]); y && k + 1 < t.size() && t[k + 1].gap == "/" &&
                               type_then_issuer(k + 1, System::kState)) {
        s.year = y;  // "19-2017/NQ-CP"
        s.year_in_symbol = true;
        return s;
      }
      // Inverted "789 - TU / TB".
      std::size_t n2 = 0;
      std::string issuer = IssuerAt(t, k, &n2);
      if (!issuer.empty() && n2 < t.size() && t[n2].gap == "/" && !TypeCode(t[n2].exact).empty() &&
          (n2 + 1 >= t.size() || t[n2 + 1].gap != "/")) {
        s.type = std::string(TypeCode(t[n2].exact));
        s.issuer = std::move(issuer);
        s.end = n2 + 1;
        s.shape = System::kParty;
        return s;
      }
      if (!issuer.empty() && (IsStateIssuer(issuer) || IsPartyIssuer(issuer)) && TypeCode(t[k].exact).empty() &&
          (n2 >= t.size() || (t[n2].gap != "/" && t[n2].gap != "-"))) {
        // An old symbol without a type code: "Quyết định 167-HĐBT".
        s.issuer = std::move(issuer);
        s.end = n2;
        s.shape = System::kState;
        return s;
      }
      if (const std::string_view code = TypeCode(t[k].exact);
          !code.empty() && t[k].upper && (k + 1 >= t.size() || (t[k + 1].gap != "/" && t[k + 1].gap != "-"))) {
        // A type code and no issuer: "Chỉ thị số 122-CT" (1982). The issuer stays unknown.
        s.type = std::string(code);
        s.end = k + 1;
        return s;
      }
      if (auto y = Year(t[k]); y) {
        // "NQ 42-2017": number and year.
        s.year = y;
        s.end = k + 1;
        return s;
      }
      return std::nullopt;
    }
    if (g.empty() && t[k].spaced) {
      if (auto y = Year(t[k])) {
        // Written with spaces for separators: "78 2025 UBTVQH15", "189 2025 NĐ CP", and the
        // informal "Nghị định 123 2024".
        s.year = y;
        if (k + 1 < t.size() && t[k + 1].gap.empty()) {
          std::size_t n2 = 0;
          const std::string legislature = IssuerAt(t, k + 1, &n2);
          if (!legislature.empty() && IsLegislature(legislature)) {
            s.year_in_symbol = true;
            s.issuer = legislature;
            s.end = n2;
            s.shape = System::kState;
            return s;
          }
          if (type_then_issuer(k + 1, System::kState)) {
            s.year_in_symbol = true;
            return s;
          }
        }
        s.end = k + 1;
        return s;
      }
    }
    if (g.empty()) {
      // Missing hyphen: "20 NQ/TW", "54 NQ - CP", "01 / QĐ ĐTHS" handled above.
      const std::string_view code = TypeCode(t[k].exact);
      if (!code.empty() && k + 1 < t.size() && (t[k + 1].gap == "/" || t[k + 1].gap == "-") &&
          type_then_issuer(k, t[k + 1].gap == "/" ? System::kParty : System::kState)) {
        return s;
      }
    }
    return std::nullopt;
  }

  // "Nghị quyết số 28-CQ/TW": a Party symbol whose code is no type code is a typo; the noun
  // in front gives the type (the caller keeps it).
  std::optional<Symbol> MistypedSymbolAt(const std::vector<Tok>& t, std::size_t j) const {
    if (j + 2 >= t.size() || !IsNumber(t[j]) || t[j + 1].gap != "-" || t[j + 2].gap != "/") return std::nullopt;
    const Tok& code = t[j + 1];
    if (!code.upper || code.kind != text::TokenKind::kWord || code.folded.size() > 4) return std::nullopt;
    std::size_t next = 0;
    std::string issuer = IssuerList(t, j + 2, &next);
    if (issuer.empty() || !IsPartyIssuer(issuer)) return std::nullopt;
    Symbol s;
    s.number = StripZeros(t[j].folded);
    s.issuer = std::move(issuer);
    s.end = next;
    s.shape = System::kParty;
    return s;
  }

  // The drafting unit of a công văn: upper-case letters, digits allowed ("PC 09 - Đ 3" keeps
  // only "PC"), joined by hyphens.
  std::string UnitAt(std::string_view text, const std::vector<Tok>& t, std::size_t i, std::size_t* next) const {
    if (i >= t.size() || t[i].kind == text::TokenKind::kNumber) return {};
    // Units are capitalised abbreviations, sometimes with a lower-case tail ("QLĐTh").
    const std::string_view raw = text.substr(t[i].begin, t[i].end - t[i].begin);
    if (!t[i].upper && (raw.empty() || HasLowercase(raw.substr(0, 1)) || t[i].exact.size() < 3)) return {};
    std::string unit = std::string(raw);
    std::size_t k = i + 1;
    while (k < t.size() && t[k].gap == "-" && !t[k].spaced && t[k].upper &&
           t[k].kind != text::TokenKind::kNumber) {
      unit += "-" + ToUpper(t[k].exact);
      ++k;
    }
    *next = k;
    return unit;
  }

  // ---- attributes after a mention --------------------------------------------------------------
  // A date at i: "16/6/2022", "16-6-2022", "16.6.2022", "16 tháng 6 năm 2022".
  static std::optional<std::string> DateAt(const std::vector<Tok>& t, std::size_t i, std::size_t* next) {
    if (i + 2 >= t.size()) return std::nullopt;
    const int d = SmallNumber(t[i]);
    if (d < 1 || d > 31) return std::nullopt;
    int m = 0;
    std::optional<int> y;
    std::size_t k = i + 1;
    const std::string& sep = t[k].gap;
    if ((sep == "/" || sep == "-" || sep == ".") && t[k + 1].gap == sep) {
      m = SmallNumber(t[k]);
      y = Year(t[k + 1]);
      k += 2;
    } else if (t[k].folded == "thang" && k + 3 < t.size() && t[k + 2].folded == "nam") {
      m = SmallNumber(t[k + 1]);
      y = Year(t[k + 3]);
      k += 4;
    }
    if (m < 1 || m > 12 || !y) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, m, d);
    *next = k;
    return std::string(buf);
  }

  // Folded words `words` at i, allowing the hyphens and commas names of bodies are written
  // with ("Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch").
  static std::size_t NameWords(const std::vector<Tok>& t, std::size_t i, std::string_view words) {
    std::size_t k = i;
    while (!words.empty()) {
      const std::size_t sp = words.find(' ');
      const std::string_view w = words.substr(0, sp);
      if (k >= t.size() || t[k].folded != w) return 0;
      if (k > i && !t[k].gap.empty() && t[k].gap != "-" && t[k].gap != ",") return 0;
      ++k;
      words = sp == std::string_view::npos ? std::string_view() : words.substr(sp + 1);
    }
    return k - i;
  }

  // The issuing body named at i ("Bộ Chính trị", "Ban Thường vụ Tỉnh ủy", "Thủ tướng Chính
  // phủ", "Quốc hội khóa XIV", "Hội đồng Bảo an"); length 0 when none.
  static BodyRef BodyAt(const std::vector<Tok>& t, std::size_t i) {
    BodyRef b;
    if (i >= t.size()) return b;
    // "Ban Thường vụ Tỉnh ủy", "Thường vụ Quân ủy Trung ương": the standing committee issues
    // in the committee's name.
    std::size_t skip = Words(t, i, "ban thuong vu");
    if (skip == 0) skip = Words(t, i, "thuong vu");
    if (skip == 0) skip = Words(t, i, "thuong truc");
    for (const Body& body : Bodies()) {
      if (i + skip >= t.size() || t[i + skip].folded.compare(0, body.folded.find(' '), body.folded, 0,
                                                             body.folded.find(' ')) != 0) {
        continue;
      }
      if (const std::size_t n = NameWords(t, i + skip, body.folded)) {
        b.length = skip + n;
        b.code = std::string(body.code);
        b.system = body.system;
        b.out_of_scope = body.code.empty();
        // "Quốc hội khóa XIV", "Ủy ban Thường vụ Quốc hội khóa XIV": the legislature.
        if ((b.code == "QH" || b.code == "UBTVQH") && Is(t, i + b.length, "khoa") && i + b.length + 1 < t.size()) {
          if (const int n2 = RomanOrNumber(t[i + b.length + 1])) {
            b.code += std::to_string(n2);
            b.length += 2;
          }
        }
        return b;
      }
    }
    if (skip > 0) return b;
    // Ho Chi Minh City's decisions are its People's Committee's: "TP.HCM", "TPHCM", "TP. HCM".
    if (t[i].folded == "tphcm" || (t[i].folded == "tp" && i + 1 < t.size() && t[i + 1].folded == "hcm")) {
      b.length = t[i].folded == "tphcm" ? 1 : 2;
      b.code = "UBND";
      b.system = System::kState;
    }
    return b;
  }

  // True when a document-type noun starts at k as the name of another document: capitalised,
  // or followed by its number or "của" ("Nghị quyết của Quốc hội"). An issuer phrase after it
  // is that document's.
  static bool OtherDocumentAt(std::string_view text, const std::vector<Tok>& t, std::size_t k) {
    const TypeNoun* noun = nullptr;
    const std::size_t len = NounAt(t, k, &noun);
    if (len == 0) return false;
    if (StartsUpper(text.substr(t[k].begin, t[k].end - t[k].begin))) return true;
    return k + len < t.size() && t[k + len].gap.empty() &&
           (t[k + len].folded == "so" || t[k + len].folded == "cua" || IsNumber(t[k + len]));
  }

  // "của Đoàn" meaning the Youth Union: capitalised and not the start of a delegation's or a
  // team's name ("Đoàn Kiểm tra", "Đoàn đại biểu", "Đoàn công tác").
  static bool MassUnionAt(std::string_view text, const std::vector<Tok>& t, std::size_t k) {
    if (k >= t.size() || t[k].folded != "doan") return false;
    if (!StartsUpper(text.substr(t[k].begin, t[k].end - t[k].begin))) return false;
    if (k + 1 >= t.size() || !t[k + 1].gap.empty()) return true;
    const Tok& n = t[k + 1];
    if (StartsUpper(text.substr(n.begin, n.end - n.begin))) return false;
    return n.folded != "kiem" && n.folded != "cong" && n.folded != "dai" && n.folded != "giam";
  }

  Trailer ReadTrailer(std::string_view text, const std::vector<Tok>& t, std::size_t i, std::size_t limit) const {
    Trailer tr;
    const std::size_t stop = std::min(t.size(), i + limit);
    // A date is the document's own only when it follows the mention closely ("21-NQ/TW ngày
    // 16/6/2022", "ký ngày", "ban hành ngày", after the issuer phrase), not "có hiệu lực từ ngày".
    bool date_adjacent = true;
    bool state_issuer = false;  // after "của Quốc hội": a khóa is the legislature's
    for (std::size_t k = i; k < stop;) {
      const std::string& gap = t[k].gap;
      if (k > i && IsSentenceBreak(gap) && gap.find('(') == std::string::npos) break;
      if (gap.find(';') != std::string::npos) break;
      if (k > i && OtherDocumentAt(text, t, k)) break;
      std::size_t next = 0;
      if (t[k].folded == "ngay" && tr.date.empty() && date_adjacent) {
        if (auto d = DateAt(t, k + 1, &next)) {
          tr.date = *d;
          tr.year = AsciiNumber(d->substr(0, 4));
          k = next;
          continue;
        }
      }
      // "( ban hành tháng 5/2014)": the year alone.
      if (t[k].folded == "thang" && date_adjacent && !tr.year && k > i && k + 2 < stop) {
        std::optional<int> y;
        if (SmallNumber(t[k + 1]) >= 1 && t[k + 2].gap == "/") y = Year(t[k + 2]);
        if (y) {
          tr.year = y;
          k += 3;
          continue;
        }
      }
      if ((t[k].folded == "khoa") && k + 1 < stop && !state_issuer) {
        std::size_t m = k + 1;
        if (Is(t, m, "khoa")) ++m;  // "khóa khóa XII"
        // "khóa XI, XII" and "khóa XI, khóa XII" both name two terms.
        while (m < stop && RomanOrNumber(t[m]) > 0) {
          tr.terms.push_back(ToRoman(RomanOrNumber(t[m])));
          ++m;
          if (m >= stop || t[m].gap != ",") break;
          if (Is(t, m, "khoa") && m + 1 < stop && RomanOrNumber(t[m + 1]) > 0) ++m;
        }
        if (!tr.terms.empty()) break;
      }
      if (t[k].folded == "cua" && tr.issuer.empty() && MassUnionAt(text, t, k + 1)) {
        tr.out_of_scope = true;
        break;
      }
      if (t[k].folded == "cua" || t[k].folded == "do") {
        const BodyRef b = BodyAt(t, k + 1);
        if (b.length > 0) {
          if (tr.issuer.empty() && !tr.out_of_scope) {
            tr.issuer = b.code;
            tr.issuer_system = b.system;
            tr.out_of_scope = b.out_of_scope;
          }
          if (b.out_of_scope) break;
          // "Quốc hội khóa XIV": that khóa is the legislature's, not the document's.
          if (b.system == System::kState) state_issuer = true;
          // "của Hội nghị Trung ương 6": let the plenum below read its number.
          k += Is(t, k + 1, "hoi") ? 1 : 1 + b.length;
          date_adjacent = true;
          continue;
        }
      }
      // The passive "được Thủ tướng Chính phủ ban hành", "được Quốc hội thông qua ngày …".
      if (t[k].folded == "duoc" && date_adjacent && tr.issuer.empty() && !tr.out_of_scope) {
        const BodyRef b = BodyAt(t, k + 1);
        if (b.length > 0 && k + 1 + b.length < t.size()) {
          const std::size_t v = k + 1 + b.length + (Is(t, k + 1 + b.length, "da") ? 1 : 0);
          if (Words(t, v, "ban hanh") || Words(t, v, "ky") || Words(t, v, "thong qua")) {
            tr.issuer = b.code;
            tr.issuer_system = b.system;
            tr.out_of_scope = b.out_of_scope;
            if (b.out_of_scope) break;
            if (b.system == System::kState) state_issuer = true;
            k += 1 + b.length;
            continue;
          }
        }
      }
      if (const std::size_t n = Words(t, k, "hoi nghi trung uong"); n && k + n < stop) {
        if (const int p = RomanOrNumber(t[k + n])) {
          tr.plenum = p;
          k += n + 1;
          continue;
        }
      }
      // "Quyết định 1867/QĐ-TTg năm 2025", "… của Bộ Tài chính năm 2016", "ban hành năm 2019".
      if (t[k].folded == "nam" && k + 1 < stop && !tr.year && (k == i || date_adjacent)) {
        if (auto y = Year(t[k + 1])) {
          tr.year = y;
          k += 2;
          continue;
        }
      }
      // "Chỉ thị 100 (1981)": a year in brackets right after the mention.
      if (k == i && !tr.year && t[k].gap.find('(') != std::string::npos && k + 1 < t.size() &&
          t[k + 1].gap.find(')') != std::string::npos) {
        if (auto y = Year(t[k])) {
          tr.year = y;
          k += 1;
          continue;
        }
      }
      // Anything else that looks like another reference ends the trailer.
      if (IsNumber(t[k]) && k > i && (t[k].gap == "," || t[k].gap.empty()) && SymbolAt(text, t, k)) break;
      const std::string& w = t[k].folded;
      date_adjacent = w == "ky" || w == "ban" || w == "hanh" || w == "duoc" || w == "da" || w == "vao" ||
                      w == "ra" || w == "thong" || w == "qua";
      ++k;
    }
    return tr;
  }

  // Words between the subject and the mention: the issuing verb and its adverbs ("đã ban
  // hành", "vừa ký các", "kịp thời ban hành", "ra", "có", "thông qua").
  static std::size_t VerbGroupBefore(const std::vector<Tok>& t, std::size_t i) {
    static constexpr std::string_view kVerbs[] = {"ban hanh", "ky ban hanh", "ky", "ra", "co",
                                                  "thong qua", "phe duyet", "cong bo"};
    static constexpr std::string_view kAdverbs[] = {"da", "vua", "moi", "cung", "kip thoi", "tiep tuc", "cac",
                                                    "nhung", "lai", "se", "van", "chinh thuc", "hai", "mot"};
    std::size_t j = i;
    bool verb = false;
    for (int rounds = 0; rounds < 6 && j > 0; ++rounds) {
      if (!t[j].gap.empty()) break;  // the group and the mention are written together
      std::size_t n = 0;
      for (std::string_view v : kVerbs) {
        const std::size_t len = static_cast<std::size_t>(std::count(v.begin(), v.end(), ' ')) + 1;
        if (j >= len && Words(t, j - len, v) == len) {
          n = len;
          break;
        }
      }
      if (n > 0) {
        verb = true;
      } else {
        for (std::string_view a : kAdverbs) {
          const std::size_t len = static_cast<std::size_t>(std::count(a.begin(), a.end(), ' ')) + 1;
          if (j >= len && Words(t, j - len, a) == len) {
            n = len;
            break;
          }
        }
      }
      if (n == 0) break;
      j -= n;
    }
    return verb ? j : i;
  }

  // The clause in front of the mention at token i (not reaching back past token `floor`): the
  // subject of the issuing verb and the date or year before that subject.
  Subject ReadSubject(std::string_view text, const std::vector<Tok>& t, std::size_t i, std::size_t floor) const {
    Subject s;
    const std::size_t verb = VerbGroupBefore(t, i);
    if (verb == i || verb <= floor) return s;
    // The subject: back to the clause boundary (a comma, a stop), at most 16 tokens.
    std::size_t lo = verb;
    while (lo > floor && verb - lo < 16) {
      const std::string& gap = t[lo].gap;
      const bool abbreviation = gap == "." && t[lo - 1].folded == "tp";  // "TP.HCM"
      if (gap.find_first_of(",;.:!?") != std::string::npos && !abbreviation) break;
      if (Year(t[lo - 1])) break;  // "Ngày 16/4/1951 Ban Chấp hành …" without a comma
      --lo;
    }
    if (verb - lo >= 16) return s;
    // The body named last in the subject issues ("Bộ Tài chính đề nghị Thủ tướng ban hành …"),
    // taken whole ("Thường vụ Quân ủy Trung ương", not its "Trung ương"), not a possessive
    // ("ý kiến của Bộ Tư pháp") and not one a document named after it belongs to.
    for (std::size_t k = lo; k < verb;) {
      if (OtherDocumentAt(text, t, k)) {
        s.body = BodyRef{};
        ++k;
        continue;
      }
      const BodyRef b = BodyAt(t, k);
      if (b.length == 0 || k + b.length > verb) {
        ++k;
        continue;
      }
      if (k == 0 || t[k - 1].folded != "cua") {
        s.body = b;
        s.term.clear();
        for (std::size_t m = k + b.length; m + 1 < verb; ++m) {
          if (t[m].folded == "khoa" && b.system == System::kParty) {
            if (const int n = RomanOrNumber(t[m + 1])) s.term = ToRoman(n);
          }
        }
      }
      k += b.length;
    }
    // The adverbial right before the subject: "Ngày 25-9-1948,", "Năm 2017,", "Đầu năm 2017,",
    // "Tháng 12/2011,", "tháng 5 năm 2014".
    std::size_t e = lo;  // the adverbial ends before token e
    if (e == 0) return s;
    for (std::size_t len : {5u, 3u}) {
      if (e < len + 1) continue;
      const std::size_t d0 = e - len;
      std::size_t next = 0;
      if (t[d0 - 1].folded == "ngay") {
        if (auto d = DateAt(t, d0, &next); d && next == e) {
          s.date = *d;
          s.year = AsciiNumber(d->substr(0, 4));
          return s;
        }
      }
    }
    if (auto y = Year(t[e - 1])) {
      if (e >= 2 && t[e - 1].gap.empty() && t[e - 2].folded == "nam") s.year = y;
      if (e >= 3 && t[e - 1].gap == "/" && SmallNumber(t[e - 2]) >= 1 && t[e - 3].folded == "thang") s.year = y;
    }
    return s;
  }

  // ---- the grammar -----------------------------------------------------------------------------
  // Longest type noun at i; returns its length in tokens.
  static std::size_t NounAt(const std::vector<Tok>& t, std::size_t i, const TypeNoun** noun) {
    // Every token is asked; most start no noun, so look at the first word before the rest.
    static const std::vector<std::string_view> first_words = [] {
      std::vector<std::string_view> w;
      for (const TypeNoun& n : TypeNouns()) w.push_back(n.folded.substr(0, n.folded.find(' ')));
      return w;
    }();
    if (i >= t.size()) return 0;
    if (std::find(first_words.begin(), first_words.end(), std::string_view(t[i].folded)) == first_words.end()) {
      return 0;
    }
    for (const TypeNoun& n : TypeNouns()) {
      if (const std::size_t len = Words(t, i, n.folded)) {
        *noun = &n;
        return len;
      }
    }
    return 0;
  }

  // Words allowed between the noun and its number: "số", "số:", "số số", "hành chính",
  // "truy nã", "khẩn", "liên tịch", "hành động", "(QĐ)".
  static std::size_t SkipQualifiers(const std::vector<Tok>& t, std::size_t j) {
    for (int rounds = 0; rounds < 4 && j < t.size(); ++rounds) {
      if (t[j].folded == "so" && (t[j].gap.empty() || rounds > 0)) {
        ++j;
        continue;
      }
      std::size_t n = 0;
      for (std::string_view q : {"hanh chinh", "truy na", "lien tich", "hanh dong", "khan"}) {
        if ((n = Words(t, j, q))) break;
      }
      if (n > 0 && t[j].gap.empty()) {
        j += n;
        continue;
      }
      if (t[j].gap == "(" && j + 1 < t.size() && t[j + 1].gap == ")" && t[j].upper) {
        j += 1;  // "Quyết định (QĐ) 33/2014"
        continue;
      }
      break;
    }
    return j;
  }

  Mention Make(std::string_view text, const std::vector<Tok>& t, std::size_t first, std::size_t last) const {
    Mention m;
    m.byte_start = t[first].begin;
    m.byte_end = t[last - 1].end;
    m.surface = std::string(text.substr(m.byte_start, m.byte_end - m.byte_start));
    return m;
  }

  static void Apply(const Symbol& s, Mention* m) {
    m->number = s.number;
    if (s.year) m->year = s.year;
    if (s.year_in_symbol) m->symbol_year = s.year;
    if (!s.type.empty()) m->type = s.type;
    m->issuer = s.issuer;
    m->unit = s.unit;
  }

  static void DecideSystem(Mention* m, System shape, System noun_system) {
    if (m->issuer.empty()) {
      m->system = noun_system != System::kUnknown ? noun_system : shape;
      return;
    }
    if (IsStateOnlyType(m->type) || (m->type == "CV" && !m->unit.empty())) {
      m->system = System::kState;
    } else if (IsPartyIssuer(m->issuer)) {
      m->system = System::kParty;
    } else if (IsStateIssuer(m->issuer)) {
      m->system = System::kState;
    } else {
      m->system = shape != System::kUnknown ? shape : System::kParty;
    }
  }

  void ApplyTrailer(const Trailer& tr, bool take_issuer, Mention* m) const {
    if (!tr.date.empty() && m->date.empty()) m->date = tr.date;
    if (tr.year && !m->year) m->year = tr.year;
    if (tr.plenum && !m->plenum) m->plenum = tr.plenum;
    if (take_issuer && m->issuer.empty() && !tr.issuer.empty() && m->number.size() > 0) {
      m->issuer = tr.issuer;
      if (m->system == System::kUnknown) m->system = tr.issuer_system;
    }
    if (!tr.terms.empty() && m->system != System::kState && m->term.empty()) m->term = tr.terms[0];
  }

  void Finish(Mention* m) const {
    if (registry == nullptr) return;
    if (m->number.empty() && m->plenum && !m->term.empty()) {
      const auto found = registry->FindByPlenum(m->type, *m->plenum, m->term);
      if (found.size() == 1) m->resolved_symbol = found[0]->symbol;
    }
  }

  // Parses a mention that starts with a type noun at i. Appends to `out`; returns the index
  // after it (i when nothing was found).
  std::size_t NounMention(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                          Ctx* cx) const {
    const TypeNoun* noun = nullptr;
    const std::size_t len = NounAt(t, i, &noun);
    if (len == 0) return i;
    const bool collective = i > 0 && t[i].gap.empty() &&
                            (t[i - 1].folded == "cac" || t[i - 1].folded == "nhung");
    std::size_t j = SkipQualifiers(t, i + len);
    // Laws are named before their number: "Luật Đất đai số 45/2013/QH13", and so are the
    // consolidated texts of laws: "Văn bản hợp nhất Luật Đầu tư số 134/VBHN-VPQH".
    if ((noun->code == "L" || noun->code == "VBHN") && j < t.size() && !IsNumber(t[j])) {
      const std::size_t limit = noun->code == "L" ? 8 : 12;
      std::size_t k = j;
      while (k < t.size() && k < j + limit && t[k].folded != "so" && (t[k].gap.empty() || t[k].gap == ",")) ++k;
      if (k < t.size() && t[k].folded == "so" && k + 1 < t.size()) {
        if (auto s = SymbolAt(text, t, k + 1); s && !s->issuer.empty()) j = k + 1;
      }
    }
    // The number follows directly, or after "số:" or "(QĐ)".
    if (j < t.size() && IsNumber(t[j]) && (t[j].gap.empty() || t[j].gap == ":" || t[j].gap == ")")) {
      return NumberedMention(text, t, i, noun, j, cx);
    }
    if (noun->code == "NQ" && !collective) return PlenumOrCongress(text, t, i, i + len, noun, cx);
    return i;
  }

  std::size_t NumberedMention(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                              const TypeNoun* noun, std::size_t j, Ctx* cx) const {
    std::vector<Mention> group;
    std::size_t k = j;
    std::vector<System> shapes;
    std::vector<bool> coded;  // the conjunct's symbol spells a type code
    while (true) {
      std::optional<Symbol> s = SymbolAt(text, t, k);
      if (!s && noun != nullptr && !noun->code.empty()) s = MistypedSymbolAt(t, k);
      Mention m = Make(text, t, group.empty() ? i : k, s ? s->end : k + 1);
      if (noun != nullptr) {
        m.kind = std::string(noun->noun);
        m.type = std::string(noun->code);
      }
      if (s) {
        Apply(*s, &m);
        shapes.push_back(s->shape);
        coded.push_back(!s->type.empty() || !s->issuer.empty());
        k = s->end;
      } else {
        // A bare number, but not a duration or count ("Kế hoạch 5 năm 2016-2020", "2 lần").
        if (!IsBareNumberMention(t, k)) break;
        if (noun != nullptr && noun->code == "CTr") break;  // "Chương trình 135" is a programme name
        if (k + 1 < t.size() && (t[k + 1].gap == "%" || t[k + 1].gap == "/")) break;
        m.number = StripZeros(t[k].folded);
        shapes.push_back(System::kUnknown);
        coded.push_back(false);
        ++k;
      }
      group.push_back(std::move(m));
      // Another conjunct: ", 19" or "và 19".
      std::size_t n = k;
      if (n < t.size() && t[n].folded == "va" && t[n].gap.empty()) {
        ++n;
        if (n >= t.size() || !t[n].gap.empty()) break;
      } else if (n >= t.size() || t[n].gap != ",") {
        break;
      }
      // ", số 1533 / QĐ – BGTVT": the conjunct repeats "số".
      if (n + 1 < t.size() && t[n].folded == "so" && t[n + 1].gap.empty() && IsNumber(t[n + 1])) ++n;
      if (n >= t.size() || !IsNumber(t[n]) || !IsBareNumberMention(t, n)) break;
      k = n;
    }
    if (group.empty()) return i;

    // Shared tail: a later conjunct's type/issuer/year applies to earlier bare numbers.
    const Mention* tail = nullptr;
    for (auto it = group.rbegin(); it != group.rend(); ++it) {
      if (!it->issuer.empty()) { tail = &*it; break; }
    }
    const Trailer tr = ReadTrailer(text, t, k, 24);
    const Subject subject = ReadSubject(text, t, i, cx->floor);
    // The body the sentence names as the issuer is outside the archive: "Hội đồng Bảo an thông
    // qua các Nghị quyết số 717, 718", "Toàn quyền Đông Dương ra Quyết định số 1432".
    const bool out_of_scope = tr.out_of_scope || (tr.issuer.empty() && subject.body.out_of_scope);
    const System noun_system = noun ? noun->system : System::kUnknown;
    std::vector<Mention> kept;
    for (std::size_t g = 0; g < group.size(); ++g) {
      Mention& m = group[g];
      if (m.issuer.empty() && tail != nullptr) {
        m.issuer = tail->issuer;
        if (m.type.empty()) m.type = tail->type;
        if (!m.year && tail->year && !tail->unit.empty()) m.year = tail->year;
      }
      const bool written = !m.issuer.empty();
      if (written && IsOutOfScopeIssuer(m.issuer)) continue;
      if (out_of_scope && !(written && (IsPartyIssuer(m.issuer) || IsStateIssuer(m.issuer)))) continue;
      DecideSystem(&m, shapes[g], noun_system);
      // A symbol written without its issuer ("Chỉ thị số 122-CT") keeps it unknown: the issuer
      // is what the symbol says.
      ApplyTrailer(tr, /*take_issuer=*/!coded[g], &m);
      if (m.issuer.empty() && !coded[g]) ReadIssuer(subject, noun, cx->document_issuer, &m);
      ApplySubject(subject, &m);
      if (m.issuer == "QH" || m.issuer == "UBTVQH") {
        // The National Assembly's legislature from the document's date: "QH13".
        if (const int n = LegislatureOn(!m.date.empty() ? m.date : m.year ? std::to_string(*m.year) : "")) {
          m.issuer += std::to_string(n);
        }
      }
      DecideSystem(&m, shapes[g], noun_system);
      Finish(&m);
      kept.push_back(std::move(m));
    }
    for (Mention& m : kept) {
      cx->pending = Info{};
      cx->pending.phrase_issuer = tr.issuer;
      cx->pending.phrase_system = tr.issuer_system;
      cx->pending.open_issuer = m.issuer.empty() && m.unit.empty() && noun != nullptr;
      cx->Emit(std::move(m), t);
    }
    cx->pending = Info{};
    return k;
  }

  // A number after a type noun names a document unless a unit word follows it: "5 năm",
  // "2 lần", "10 người"; "22 năm 1998" is fine (the year of the document), "5 năm 2016-2020"
  // is a period.
  static bool IsBareNumberMention(const std::vector<Tok>& t, std::size_t k) {
    if (k + 1 >= t.size() || !t[k + 1].gap.empty()) return true;
    const std::string& w = t[k + 1].folded;
    if (w == "thang" || w == "lan" || w == "nguoi" || w == "ty" || w == "trieu" || w == "dong") return false;
    if (w != "nam") return true;
    if (k + 2 >= t.size() || !Year(t[k + 2])) return false;
    return !(k + 3 < t.size() && t[k + 3].gap == "-" && Year(t[k + 3]));
  }

  // Whether a body of `system` with `code` issues documents of the noun's type: decrees only
  // the Government, laws only the National Assembly, Party-only types only Party bodies.
  static bool Issues(std::string_view code, System system, const TypeNoun* noun) {
    if (noun == nullptr || code.empty()) return false;
    if (noun->code == "NĐ") return code == "CP";
    if (noun->code == "L") return code.starts_with("QH");
    if (noun->code == "PL") return code.starts_with("UBTVQH");
    // Circulars are the ministries' (and the like), not the Government's or a province's.
    if (noun->code == "TT" && noun->system == System::kState &&
        (code == "CP" || code == "TTg" || code == "UBND" || code == "HĐND" || code == "CTN" ||
         code.starts_with("QH") || code.starts_with("UBTVQH"))) {
      return false;
    }
    if (noun->system != System::kUnknown && system != System::kUnknown && noun->system != system) return false;
    if ((code.starts_with("QH") || code.starts_with("UBTVQH")) && noun->code != "NQ") return false;
    return true;
  }

  // Who issued an informal "Chỉ thị 05" the text does not follow with an issuer phrase: the
  // subject of the issuing verb in front of it ("Thủ tướng Chính phủ đã ký Quyết định 1567"),
  // else the Government for a decree, else the containing document's own issuer when the
  // caller gave it; otherwise nobody (the text does not say, and a guess would be wrong as
  // often as right).
  static void ReadIssuer(const Subject& subject, const TypeNoun* noun, std::string_view document_issuer,
                         Mention* m) {
    if (noun == nullptr) return;
    if (!subject.body.out_of_scope && Issues(subject.body.code, subject.body.system, noun)) {
      m->issuer = subject.body.code;
      m->system = subject.body.system;
      return;
    }
    if (noun->code == "NĐ") {
      m->issuer = "CP";
      m->system = System::kState;
      return;
    }
    if (!document_issuer.empty()) {
      const std::string doc(document_issuer);
      const System sys = IsPartyIssuer(doc) ? System::kParty : IsStateIssuer(doc) ? System::kState : System::kUnknown;
      if (sys != System::kUnknown && Issues(doc, sys, noun)) {
        m->issuer = doc;
        m->system = sys;
      }
    }
  }

  // The date, year and term the clause in front gives ("Ngày 25-9-1948, Ban Thường vụ …").
  static void ApplySubject(const Subject& subject, Mention* m) {
    if (m->date.empty() && !subject.date.empty()) {
      m->date = subject.date;
      m->year = subject.year;
    }
    if (!m->year && subject.year) m->year = subject.year;
    if (m->term.empty() && !subject.term.empty() && m->system != System::kState) m->term = subject.term;
  }

  // "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết TW4", "NQ Hội nghị lần thứ tư Ban Chấp
  // hành Trung ương", "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI".
  std::size_t PlenumOrCongress(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                               std::size_t j, const TypeNoun* noun, Ctx* cx) const {
    std::size_t k = j;
    std::optional<int> plenum;
    std::string congress;
    bool local = false;
    std::size_t end = 0;
    if (const std::size_t n = Words(t, k, "hoi nghi")) k += n;
    // Central Committee plenum.
    std::size_t cc = 0;
    if ((cc = Words(t, k, "trung uong")) || (cc = Words(t, k, "tw")) ||
        (t.size() > k && t[k].exact == "tư" && (cc = 1))) {
      if (k + cc < t.size() && t[k + cc].gap.empty()) {
        if (const int p = RomanOrNumber(t[k + cc])) {
          plenum = p;
          end = k + cc + 1;
        }
      }
    } else if (k + 1 < t.size() && t[k].folded == "t" && t[k + 1].gap == "." && t[k + 1].exact == "ư" &&
               k + 2 < t.size()) {
      if (const int p = RomanOrNumber(t[k + 2])) {
        plenum = p;
        end = k + 3;
      }
    } else if (k < t.size() && t[k].folded.size() > 2 && t[k].folded.rfind("tw", 0) == 0 &&
               t[k].kind == text::TokenKind::kMixed) {
      const int p = AsciiNumber(std::string_view(t[k].folded).substr(2));  // "TW4"
      if (p >= 1 && p <= 20) {
        plenum = p;
        end = k + 1;
      }
    } else if (const std::size_t n = Words(t, k, "lan thu"); n && k > j) {
      // "Hội nghị lần thứ tư Ban Chấp hành Trung ương"
      int p = k + n < t.size() ? OrdinalWord(t[k + n].folded) : 0;
      if (p == 0 && k + n < t.size()) p = RomanOrNumber(t[k + n]);
      const std::size_t after = k + n + 1;
      const std::size_t bch = Words(t, after, "ban chap hanh trung uong");
      if (p > 0 && bch) {
        plenum = p;
        end = after + bch;
      }
    }
    // National or local congress.
    if (!plenum) {
      std::size_t d = 0;
      if ((d = Words(t, j, "dai hoi")) || (d = Words(t, j, "dh"))) {
        std::size_t m = j + d;
        if (const std::size_t n = Words(t, m, "dai bieu toan quoc")) m += n;
        if (Is(t, m, "dang") && Is(t, m + 1, "bo")) {
          // Local congress: up to six words of place, then "lần thứ N".
          std::size_t q = m + 2;
          while (q < t.size() && q < m + 8 && !Words(t, q, "lan thu")) ++q;
          if (const std::size_t n = Words(t, q, "lan thu"); n && q + n < t.size()) {
            if (const int c = RomanOrNumber(t[q + n])) {
              congress = ToRoman(c);
              local = true;
              end = q + n + 1;
            }
          }
        } else {
          if (Is(t, m, "dang")) ++m;
          if (const std::size_t n = Words(t, m, "lan thu")) m += n;
          if (m < t.size() && t[m].gap.empty()) {
            if (const int c = RomanOrNumber(t[m])) {
              // Not a mass organisation's congress ("Đại hội XII Công đoàn Việt Nam").
              const bool mass = m + 1 < t.size() && (Is(t, m + 1, "cong") || Is(t, m + 1, "hoi") ||
                                                     Is(t, m + 1, "doan"));
              if (!mass) {
                congress = ToRoman(c);
                end = m + 1;
              }
            }
          }
        }
      }
    }
    if (!plenum && congress.empty()) return i;

    Mention m = Make(text, t, i, end);
    m.kind = std::string(noun->noun);
    m.type = std::string(noun->code);
    m.system = System::kParty;
    m.plenum = plenum;
    m.congress = congress;
    m.local_congress = local;
    if (!local) m.issuer = "TW";
    Trailer tr = ReadTrailer(text, t, end, 16);
    // "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đoàn": a mass organisation's congress.
    if (tr.out_of_scope) return end;
    if (!tr.date.empty()) m.date = tr.date;
    if (tr.terms.size() <= 1) {
      if (!tr.terms.empty() && plenum) m.term = tr.terms[0];
      Finish(&m);
      cx->Emit(std::move(m), t);
    } else {
      // "Trung ương 4 (khóa XI, XII)": one mention per term, same span.
      for (const std::string& term : tr.terms) {
        Mention copy = m;
        if (plenum) copy.term = term;
        Finish(&copy);
        cx->Emit(std::move(copy), t);
      }
    }
    return end;
  }

  // "NQ 42", "NQ18", "NQTW 4": the acronym used as a noun.
  std::size_t AcronymMention(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                             Ctx* cx) const {
    static const TypeNoun kNq{"nq", "NQ", "Nghị quyết", System::kUnknown};
    const Tok& a = t[i];
    if (a.folded == "nqtw" && i + 1 < t.size() && t[i + 1].gap.empty()) {
      if (const int p = RomanOrNumber(t[i + 1])) {
        Mention m = Make(text, t, i, i + 2);
        m.type = "NQ";
        m.system = System::kParty;
        m.issuer = "TW";
        m.plenum = p;
        Trailer tr = ReadTrailer(text, t, i + 2, 16);
        if (tr.terms.size() <= 1) {
          if (!tr.terms.empty()) m.term = tr.terms[0];
          Finish(&m);
          cx->Emit(std::move(m), t);
          return i + 2;
        }
        // "NQTW 4 (khóa XI, XII)": one mention per term, same span, as for the full name.
        for (const std::string& term : tr.terms) {
          Mention copy = m;
          copy.term = term;
          Finish(&copy);
          cx->Emit(std::move(copy), t);
        }
        return i + 2;
      }
      return i;
    }
    // "KL 21/TW", "nq 21/tw", "NQ 21-TW": the code before the number.
    if (i + 2 < t.size() && t[i + 1].gap.empty() && IsNumber(t[i + 1]) &&
        (t[i + 2].gap == "/" || t[i + 2].gap == "-") && (i == 0 || (t[i].gap != "-" && t[i].gap != "/")) &&
        !TypeCode(a.exact).empty()) {
      const std::string_view code = TypeCode(a.exact);
      std::size_t next = 0;
      std::string issuer = IssuerList(t, i + 2, &next);
      if (!issuer.empty() && (IsPartyIssuer(issuer) || IsStateIssuer(issuer)) &&
          (next >= t.size() || TypeCode(t[next].exact).empty() || t[next].gap.empty())) {
        Mention m = Make(text, t, i, next);
        m.type = std::string(code);
        m.number = StripZeros(t[i + 1].folded);
        m.issuer = std::move(issuer);
        DecideSystem(&m, t[i + 2].gap == "/" ? System::kParty : System::kState, System::kUnknown);
        ApplyTrailer(ReadTrailer(text, t, next, 16), true, &m);
        Finish(&m);
        cx->Emit(std::move(m), t);
        return next;
      }
    }
    if (a.folded == "nq" && a.upper && i + 1 < t.size() && t[i + 1].gap.empty() && IsNumber(t[i + 1])) {
      // Not the type code inside "18 - NQ / TW".
      if (i > 0 && (t[i].gap == "-" || t[i].gap == "/")) return i;
      return NumberedMention(text, t, i, &kNq, i + 1, cx);
    }
    return i;
  }

  // "Chỉ thị số 05, Kế hoạch số 04-KH/TW của Bộ Chính trị": an issuer phrase after the last of
  // coordinated references (joined by a comma or "và") is every one's (convention 3).
  static void ShareListIssuers(const std::vector<Tok>& t, Ctx* cx) {
    for (std::size_t k = cx->out.size(); k-- > 1;) {
      Info& next = cx->info[k];
      Info& prev = cx->info[k - 1];
      if (!prev.open_issuer || next.phrase_issuer.empty() || !cx->out[k - 1].issuer.empty()) continue;
      bool joined = false;
      if (next.tok_begin == prev.tok_end && next.tok_begin < t.size()) {
        joined = t[next.tok_begin].gap == ",";
      } else if (next.tok_begin == prev.tok_end + 1 && t[prev.tok_end].folded == "va" &&
                 t[prev.tok_end].gap.empty() && t[next.tok_begin].gap.empty()) {
        joined = true;
      }
      if (!joined) continue;
      Mention& m = cx->out[k - 1];
      m.issuer = next.phrase_issuer;
      m.system = next.phrase_system;
      prev.phrase_issuer = next.phrase_issuer;
      prev.phrase_system = next.phrase_system;
      prev.open_issuer = false;
    }
  }

  // "(sau đây gọi tắt là NQ170)", "(gọi là Thông tư số 156/2013/TT-BTC)": the text names a
  // document it has just cited. Reads the alias at i (after the defining words) and gives it
  // the cited document's attributes; a one-word alias is remembered for its later uses.
  std::size_t AliasAt(std::string_view text, const std::vector<Tok>& t, std::size_t i, Ctx* cx) const {
    if (t[i].folded != "goi" && t[i].folded != "viet") return i;
    std::size_t n = Words(t, i, "goi tat la");
    if (n == 0) n = Words(t, i, "viet tat la");
    if (n == 0) n = Words(t, i, "goi la");
    if (n == 0 || cx->out.empty() || i + n >= t.size()) return i;
    // The cited document: the mention just before, unless the alias spells another one out.
    const std::size_t a = i + n;
    const std::size_t before = cx->out.size();
    std::size_t next = NounMention(text, t, a, cx);
    if (next == a) next = AcronymMention(text, t, a, cx);
    if (next == a && IsNumber(t[a])) {
      if (auto s = SymbolAt(text, t, a); s && !s->issuer.empty() && !s->type.empty()) {
        next = NumberedMention(text, t, a, nullptr, a, cx);
      }
    }
    if (next != a && cx->out.size() > before) {
      Mention& alias = cx->out[before];
      const Mention* cited = nullptr;
      for (std::size_t k = before; k-- > 0;) {
        const Mention& m = cx->out[k];
        if (m.type == alias.type && m.number == alias.number &&
            (alias.issuer.empty() || m.issuer == alias.issuer)) {
          cited = &m;
          break;
        }
      }
      if (cited == nullptr && alias.issuer.empty() && cx->out[before - 1].type == alias.type) {
        cited = &cx->out[before - 1];
      }
      if (cited != nullptr) Inherit(*cited, &alias);
      return next;
    }
    // A one-word alias ("NQ170", "Luật Đất đai" is not one) closed by a bracket or a comma.
    const Tok& w = t[a];
    const bool closed = a + 1 >= t.size() || t[a + 1].gap.find_first_of("),;\"") != std::string::npos;
    if (w.kind != text::TokenKind::kMixed || !w.upper || !closed || (!t[a].gap.empty() && t[a].gap != "\"")) return i;
    Mention m = cx->out.back();
    Mention alias;
    Inherit(m, &alias);
    alias.type = m.type;
    alias.number = m.number;
    alias.system = m.system;
    alias.symbol_year = m.symbol_year;
    alias.plenum = m.plenum;
    alias.congress = m.congress;
    alias.byte_start = w.begin;
    alias.byte_end = w.end;
    alias.surface = std::string(text.substr(w.begin, w.end - w.begin));
    cx->aliases.emplace_back(w.folded, alias);
    cx->pending = Info{};
    cx->Emit(std::move(alias), t);
    return a + 1;
  }

  // An alias takes what it lacks from the document it names.
  static void Inherit(const Mention& from, Mention* to) {
    if (to->issuer.empty()) {
      to->issuer = from.issuer;
      to->system = from.system;
    }
    if (!to->year) to->year = from.year;
    if (to->date.empty()) to->date = from.date;
    if (to->term.empty()) to->term = from.term;
  }

  std::vector<Mention> Find(std::string_view text, std::string_view document_issuer) const {
    const std::vector<Tok> t = Tokenize(text);
    Ctx cx;
    cx.document_issuer = document_issuer;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t next = i;
      if (!cx.aliases.empty()) {
        for (const auto& [folded, m] : cx.aliases) {
          if (t[i].folded != folded) continue;
          Mention copy = m;
          copy.byte_start = t[i].begin;
          copy.byte_end = t[i].end;
          copy.surface = std::string(text.substr(t[i].begin, t[i].end - t[i].begin));
          cx.pending = Info{};
          cx.Emit(std::move(copy), t);
          next = i + 1;
          break;
        }
      }
      if (next == i) next = AliasAt(text, t, i, &cx);
      if (next == i) next = NounMention(text, t, i, &cx);
      if (next == i) next = AcronymMention(text, t, i, &cx);
      if (next == i && IsNumber(t[i])) {
        if (auto s = SymbolAt(text, t, i); s && !s->issuer.empty() && (!s->type.empty() || IsLegislature(s->issuer))) {
          // A bare symbol without its noun.
          next = NumberedMention(text, t, i, nullptr, i, &cx);
        }
      }
      if (next != i) cx.floor = next;
      i = next == i ? i + 1 : next;
    }
    ShareListIssuers(t, &cx);
    std::vector<Mention>& out = cx.out;
    // Code-point offsets, counted once over the text in order.
    std::size_t byte = 0, cp = 0;
    auto advance = [&](std::size_t to) {
      for (; byte < to && byte < text.size(); ++byte) {
        if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++cp;
      }
      return cp;
    };
    std::vector<std::size_t> order(out.size());
    for (std::size_t k = 0; k < out.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return out[a].byte_start < out[b].byte_start; });
    for (std::size_t k : order) out[k].start = advance(out[k].byte_start);
    byte = 0;
    cp = 0;
    std::vector<std::size_t> by_end = order;
    std::stable_sort(by_end.begin(), by_end.end(),
                     [&](std::size_t a, std::size_t b) { return out[a].byte_end < out[b].byte_end; });
    for (std::size_t k : by_end) out[k].end = advance(out[k].byte_end);
    std::vector<Mention> sorted;
    sorted.reserve(out.size());
    for (std::size_t k : order) sorted.push_back(std::move(out[k]));
    return sorted;
  }
};

Recognizer::Recognizer(const Registry* registry) : impl_(std::make_unique<Impl>(registry)) {}
Recognizer::~Recognizer() = default;

std::vector<Mention> Recognizer::Find(std::string_view text, std::string_view document_issuer) const {
  return impl_->Find(text, document_issuer);
}

}  // namespace vankien::refs
