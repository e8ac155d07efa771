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
};

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
      if (auto y = Year(t[k]); y) {
        // "NQ 42-2017": number and year.
        s.year = y;
        s.end = k + 1;
        return s;
      }
      return std::nullopt;
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

  // An issuer phrase at i (after "của", "do"): returns its code and system.
  static std::size_t IssuerPhrase(const std::vector<Tok>& t, std::size_t i, std::string* code, System* system) {
    struct Phrase { std::string_view words; std::string_view code; System system; };
    static constexpr Phrase kPhrases[] = {
        {"bo chinh tri", "TW", System::kParty},
        {"ban bi thu", "TW", System::kParty},
        {"ban chap hanh trung uong", "TW", System::kParty},
        {"bch trung uong", "TW", System::kParty},
        {"bch tw", "TW", System::kParty},
        {"quan uy trung uong", "QUTW", System::kParty},
        {"trung uong", "TW", System::kParty},
        {"tinh uy", "TU", System::kParty},
        {"thanh uy", "TU", System::kParty},
        {"huyen uy", "HU", System::kParty},
        {"ban chi dao", "BCĐ", System::kParty},
        {"chinh phu", "CP", System::kState},
        {"thu tuong", "TTg", System::kState},
        {"quoc hoi", "QH", System::kState},
        {"ubnd", "UBND", System::kState},
        {"uy ban nhan dan", "UBND", System::kState},
    };
    // "Ban Thường vụ Tỉnh ủy", "Thường vụ Quân ủy Trung ương": the standing committee issues
    // in the committee's name.
    std::size_t skip = Words(t, i, "ban thuong vu");
    if (skip == 0) skip = Words(t, i, "thuong vu");
    for (const Phrase& p : kPhrases) {
      if (const std::size_t n = Words(t, i + skip, p.words)) {
        *code = std::string(p.code);
        *system = p.system;
        return skip + n;
      }
    }
    // Ho Chi Minh City's decisions are its People's Committee's: "TP.HCM", "TPHCM", "TP. HCM".
    if (i < t.size() && (t[i].folded == "tphcm" ||
                         (t[i].folded == "tp" && i + 1 < t.size() && t[i + 1].folded == "hcm"))) {
      *code = "UBND";
      *system = System::kState;
      return t[i].folded == "tphcm" ? 1 : 2;
    }
    return 0;
  }

  Trailer ReadTrailer(std::string_view text, const std::vector<Tok>& t, std::size_t i, std::size_t limit) const {
    Trailer tr;
    const std::size_t stop = std::min(t.size(), i + limit);
    // A date is the document's own only when it follows the mention closely ("21-NQ/TW ngày
    // 16/6/2022", "ký ngày", "ban hành ngày", after the issuer phrase), not "có hiệu lực từ ngày".
    bool date_adjacent = true;
    for (std::size_t k = i; k < stop;) {
      const std::string& gap = t[k].gap;
      if (k > i && IsSentenceBreak(gap) && gap.find('(') == std::string::npos) break;
      if (gap.find(';') != std::string::npos) break;
      std::size_t next = 0;
      if (t[k].folded == "ngay" && tr.date.empty() && date_adjacent) {
        if (auto d = DateAt(t, k + 1, &next)) {
          tr.date = *d;
          tr.year = AsciiNumber(d->substr(0, 4));
          k = next;
          continue;
        }
      }
      if ((t[k].folded == "khoa") && k + 1 < stop) {
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
      if (t[k].folded == "cua" || t[k].folded == "do") {
        std::string code;
        System sys = System::kUnknown;
        if (const std::size_t n = IssuerPhrase(t, k + 1, &code, &sys)) {
          if (tr.issuer.empty()) {
            tr.issuer = code;
            tr.issuer_system = sys;
          }
          // "Quốc hội khóa XIV": that khóa is the legislature's, not the document's.
          if (sys == System::kState) break;
          k += 1 + n;
          date_adjacent = true;
          continue;
        }
      }
      if (const std::size_t n = Words(t, k, "hoi nghi trung uong"); n && k + n < stop) {
        if (const int p = RomanOrNumber(t[k + n])) {
          tr.plenum = p;
          k += n + 1;
          continue;
        }
      }
      if (t[k].folded == "nam" && k + 1 < stop && !tr.year && k == i) {
        if (auto y = Year(t[k + 1])) {
          tr.year = y;
          k += 2;
          continue;
        }
      }
      // Anything else that looks like another reference ends the trailer.
      if (IsNumber(t[k]) && k > i && (t[k].gap == "," || t[k].gap.empty()) && SymbolAt(text, t, k)) break;
      const std::string& w = t[k].folded;
      date_adjacent = w == "ky" || w == "ban" || w == "hanh" || w == "duoc" || w == "da" || w == "vao";
      ++k;
    }
    return tr;
  }

  // Nearest issuer phrase around token i, for informal references without one of their own.
  std::string ContextIssuer(const std::vector<Tok>& t, std::size_t from, std::size_t to, System* system) const {
    const std::size_t lo = from > 30 ? from - 30 : 0;
    const std::size_t hi = std::min(t.size(), to + 30);
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (std::size_t k = lo; k < hi; ++k) {
      std::string code;
      System sys = System::kUnknown;
      if (!IssuerPhrase(t, k, &code, &sys)) continue;
      const std::size_t distance = k < from ? from - k : (k >= to ? k - to : 0);
      if (distance < best_distance) {
        best_distance = distance;
        best = code;
        *system = sys;
      }
    }
    return best;
  }

  // ---- the grammar -----------------------------------------------------------------------------
  // Longest type noun at i; returns its length in tokens.
  static std::size_t NounAt(const std::vector<Tok>& t, std::size_t i, const TypeNoun** noun) {
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

  void ApplyTrailer(const Trailer& tr, Mention* m) const {
    if (!tr.date.empty() && m->date.empty()) m->date = tr.date;
    if (tr.year && !m->year) m->year = tr.year;
    if (tr.plenum && !m->plenum) m->plenum = tr.plenum;
    if (m->issuer.empty() && !tr.issuer.empty() && m->number.size() > 0) {
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
                          std::vector<Mention>* out) const {
    const TypeNoun* noun = nullptr;
    const std::size_t len = NounAt(t, i, &noun);
    if (len == 0) return i;
    const bool collective = i > 0 && t[i].gap.empty() &&
                            (t[i - 1].folded == "cac" || t[i - 1].folded == "nhung");
    std::size_t j = SkipQualifiers(t, i + len);
    // Laws are named before their number: "Luật Đất đai số 45/2013/QH13".
    if (noun->code == "L" && j < t.size() && !IsNumber(t[j])) {
      std::size_t k = j;
      while (k < t.size() && k < j + 8 && t[k].folded != "so" && (t[k].gap.empty() || t[k].gap == ",")) ++k;
      if (k < t.size() && t[k].folded == "so" && k + 1 < t.size()) {
        if (auto s = SymbolAt(text, t, k + 1); s && !s->issuer.empty()) j = k + 1;
      }
    }
    // The number follows directly, or after "số:" or "(QĐ)".
    if (j < t.size() && IsNumber(t[j]) && (t[j].gap.empty() || t[j].gap == ":" || t[j].gap == ")")) {
      return NumberedMention(text, t, i, noun, j, out);
    }
    if (noun->code == "NQ" && !collective) return PlenumOrCongress(text, t, i, i + len, noun, out);
    return i;
  }

  std::size_t NumberedMention(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                              const TypeNoun* noun, std::size_t j, std::vector<Mention>* out) const {
    std::vector<Mention> group;
    std::size_t k = j;
    std::vector<System> shapes;
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
        k = s->end;
      } else {
        // A bare number, but not a duration or count ("Kế hoạch 5 năm 2016-2020", "2 lần").
        if (!IsBareNumberMention(t, k)) break;
        if (noun != nullptr && noun->code == "CTr") break;  // "Chương trình 135" is a programme name
        if (k + 1 < t.size() && (t[k + 1].gap == "%" || t[k + 1].gap == "/")) break;
        m.number = StripZeros(t[k].folded);
        shapes.push_back(System::kUnknown);
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
      if (n >= t.size() || !IsNumber(t[n]) || !IsBareNumberMention(t, n)) break;
      k = n;
    }
    if (group.empty()) return i;

    // Shared tail: a later conjunct's type/issuer/year applies to earlier bare numbers.
    const Mention* tail = nullptr;
    for (auto it = group.rbegin(); it != group.rend(); ++it) {
      if (!it->issuer.empty()) { tail = &*it; break; }
    }
    Trailer tr = ReadTrailer(text, t, k, 24);
    for (std::size_t g = 0; g < group.size(); ++g) {
      Mention& m = group[g];
      if (m.issuer.empty() && tail != nullptr) {
        m.issuer = tail->issuer;
        if (m.type.empty()) m.type = tail->type;
        if (!m.year && tail->year && !tail->unit.empty()) m.year = tail->year;
      }
      const System noun_system = noun ? noun->system : System::kUnknown;
      DecideSystem(&m, shapes[g], noun_system);
      ApplyTrailer(tr, &m);
      if (m.issuer.empty()) InferIssuer(t, i, k, noun, &m);
      DecideSystem(&m, shapes[g], noun_system);
      Finish(&m);
    }
    for (auto& m : group) out->push_back(std::move(m));
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

  // Who issued an informal "Chỉ thị 05": the nearest issuer phrase, else the Central Committee
  // for Party-only types and the Government for decrees.
  void InferIssuer(const std::vector<Tok>& t, std::size_t from, std::size_t to, const TypeNoun* noun,
                   Mention* m) const {
    if (noun == nullptr) return;
    if (noun->code == "NĐ") {
      m->issuer = "CP";
      m->system = System::kState;
      return;
    }
    System sys = System::kUnknown;
    std::string code = ContextIssuer(t, from, to, &sys);
    if (noun->system == System::kState && sys == System::kParty) code.clear();
    if (code == "QH" && noun->code != "L" && noun->code != "NQ") code.clear();
    if (!code.empty()) {
      m->issuer = code;
      m->system = sys;
      return;
    }
    if (noun->system != System::kState && noun->code != "" && noun->code != "CV" && noun->code != "TTr") {
      m->issuer = "TW";
      m->system = System::kParty;
    }
  }

  // "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết TW4", "NQ Hội nghị lần thứ tư Ban Chấp
  // hành Trung ương", "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI".
  std::size_t PlenumOrCongress(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                               std::size_t j, const TypeNoun* noun, std::vector<Mention>* out) const {
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
    if (!tr.date.empty()) m.date = tr.date;
    if (tr.terms.size() <= 1) {
      if (!tr.terms.empty() && plenum) m.term = tr.terms[0];
      Finish(&m);
      out->push_back(std::move(m));
    } else {
      // "Trung ương 4 (khóa XI, XII)": one mention per term, same span.
      for (const std::string& term : tr.terms) {
        Mention copy = m;
        if (plenum) copy.term = term;
        Finish(&copy);
        out->push_back(std::move(copy));
      }
    }
    return end;
  }

  // "NQ 42", "NQ18", "NQTW 4": the acronym used as a noun.
  std::size_t AcronymMention(std::string_view text, const std::vector<Tok>& t, std::size_t i,
                             std::vector<Mention>* out) const {
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
        if (!tr.terms.empty()) m.term = tr.terms[0];
        Finish(&m);
        out->push_back(std::move(m));
        return i + 2;
      }
      return i;
    }
    // "KL 21/TW", "nq 21/tw", "NQ 21-TW": the code before the number.
    if (const std::string_view code = TypeCode(a.exact);
        !code.empty() && i + 2 < t.size() && t[i + 1].gap.empty() && IsNumber(t[i + 1]) &&
        (t[i + 2].gap == "/" || t[i + 2].gap == "-") && (i == 0 || (t[i].gap != "-" && t[i].gap != "/"))) {
      std::size_t next = 0;
      std::string issuer = IssuerList(t, i + 2, &next);
      if (!issuer.empty() && (IsPartyIssuer(issuer) || IsStateIssuer(issuer)) &&
          (next >= t.size() || TypeCode(t[next].exact).empty() || t[next].gap.empty())) {
        Mention m = Make(text, t, i, next);
        m.type = std::string(code);
        m.number = StripZeros(t[i + 1].folded);
        m.issuer = std::move(issuer);
        DecideSystem(&m, t[i + 2].gap == "/" ? System::kParty : System::kState, System::kUnknown);
        ApplyTrailer(ReadTrailer(text, t, next, 16), &m);
        Finish(&m);
        out->push_back(std::move(m));
        return next;
      }
    }
    if (a.folded == "nq" && a.upper && i + 1 < t.size() && t[i + 1].gap.empty() && IsNumber(t[i + 1])) {
      // Not the type code inside "18 - NQ / TW".
      if (i > 0 && (t[i].gap == "-" || t[i].gap == "/")) return i;
      return NumberedMention(text, t, i, &kNq, i + 1, out);
    }
    return i;
  }

  std::vector<Mention> Find(std::string_view text) const {
    const std::vector<Tok> t = Tokenize(text);
    std::vector<Mention> out;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t next = NounMention(text, t, i, &out);
      if (next == i) next = AcronymMention(text, t, i, &out);
      if (next == i && IsNumber(t[i])) {
        if (auto s = SymbolAt(text, t, i); s && !s->issuer.empty() && (!s->type.empty() || IsLegislature(s->issuer))) {
          // A bare symbol without its noun.
          next = NumberedMention(text, t, i, nullptr, i, &out);
        }
      }
      i = next == i ? i + 1 : next;
    }
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

std::vector<Mention> Recognizer::Find(std::string_view text) const { return impl_->Find(text); }

}  // namespace vankien::refs
