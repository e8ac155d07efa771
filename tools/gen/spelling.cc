#include "tools/gen/spelling.h"

#include <array>
#include <utility>
#include <vector>

namespace vankien::gen {
namespace {

constexpr std::string_view kCapitalD = "\xC4\x90";  // Đ
constexpr std::string_view kSmallD = "\xC4\x91";    // đ

std::string Pad2(const std::string& number) {
  return number.size() < 2 ? std::string(2 - number.size(), '0') + number : number;
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Lower case for type and issuer codes, which are ASCII letters and Đ.
std::string LowerCode(std::string_view code) {
  std::string out;
  for (char c : code) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return ReplaceAll(std::move(out), kCapitalD, kSmallD);
}

// An issuer code made of capital letters and Đ only: "TW", "BTCTW", "CP", not "BNV-VPCP".
bool IsPlainCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : ReplaceAll(std::string(code), kCapitalD, "")) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// The symbol is exactly what its parts print, so the parts can be rearranged safely (excludes
// drafting units, "30a" numbers, laws) and there is one issuer ("TTLT - BNV - VPCP" spaced
// reads as BNV alone).
bool HasSimpleSymbol(const CitedDocument& d) {
  if (d.number.empty() || d.type.empty() || d.issuer.empty()) return false;
  if (d.issuer.find('-') != std::string::npos) return false;
  if (d.party) return d.symbol == Pad2(d.number) + "-" + d.type + "/" + d.issuer;
  const std::string year = d.symbol_year ? std::to_string(d.symbol_year) + "/" : "";
  return d.symbol == Pad2(d.number) + "/" + year + d.type + "-" + d.issuer;
}

bool IsCommonPartyType(std::string_view type) {
  return type == "NQ" || type == "KL" || type == "CT" || type == "QĐ" || type == "HD" ||
         type == "TB";
}

// "Ban Chấp hành Trung ương" reads well after "của"; "Bộ Nội vụ; Văn phòng Chính phủ" does not.
bool IsCleanIssuerName(std::string_view name) {
  return !name.empty() && name.find_first_of(";,(") == std::string_view::npos;
}

std::vector<std::pair<Spelling, unsigned>> AllowedSpellings(const CitedDocument& d) {
  std::vector<std::pair<Spelling, unsigned>> allowed = {{Spelling::kBare, 70}};
  if (d.noun.empty()) return allowed;
  allowed.insert(allowed.end(), {{Spelling::kNounSo, 300}, {Spelling::kNoun, 150}});
  if (d.party && !d.term.empty()) allowed.emplace_back(Spelling::kNounTerm, 60);
  if (d.date.size() == 10) allowed.emplace_back(Spelling::kNounDate, 90);
  const bool simple = HasSimpleSymbol(d);
  if (simple && d.party && IsPlainCode(d.issuer)) {
    if (d.issuer == "TW") allowed.emplace_back(Spelling::kTuSign, 40);
    allowed.emplace_back(Spelling::kSpaced, 30);
    allowed.emplace_back(Spelling::kSwapped, 40);
    if (IsCommonPartyType(d.type)) allowed.emplace_back(Spelling::kCodeFirst, 50);
  }
  if (simple && !d.party) allowed.emplace_back(Spelling::kSpaced, 40);
  if (simple && d.type.find(kCapitalD) != std::string::npos) {
    allowed.emplace_back(Spelling::kUnaccented, 30);
  }
  if (simple && d.party && d.issuer == "TW" && (d.type == "CT" || d.type == "KL") &&
      (d.issuer_name == "Bộ Chính trị" || d.issuer_name == "Ban Bí thư")) {
    allowed.emplace_back(Spelling::kIssuerPhrase, 30);
  }
  if (d.party && d.type == "NQ" && d.issuer == "TW" && d.plenum > 0 && !d.term.empty()) {
    allowed.emplace_back(Spelling::kPlenum, 150);
  }
  return allowed;
}

// " (khóa XII)", " khóa XII", or with the old tone placement " (khoá XII)".
std::string TermPhrase(const std::string& term, Rng& rng) {
  static constexpr unsigned kWeights[] = {50, 30, 20};
  switch (rng.Weighted(kWeights)) {
    case 0:
      return " (khóa " + term + ")";
    case 1:
      return " khóa " + term;
    default:
      return " (khoá " + term + ")";
  }
}

std::string PlenumPhrase(const CitedDocument& d, Rng& rng) {
  static constexpr std::array<std::string_view, 10> kOrdinals = {
      "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"};
  const std::string p = std::to_string(d.plenum);
  static constexpr unsigned kWeights[] = {45, 15, 20, 20};
  std::size_t form = rng.Weighted(kWeights);
  if (form == 3 && d.plenum > 10) form = 0;
  std::string s;
  switch (form) {
    case 0:
      s = "Nghị quyết Trung ương " + p;
      break;
    case 1:
      s = "NQTW " + p;
      break;
    case 2:
      s = "Nghị quyết Hội nghị Trung ương " + p;
      break;
    default:
      s = "Nghị quyết Hội nghị lần thứ " + std::string(kOrdinals[d.plenum - 1]) +
          " Ban Chấp hành Trung ương";
  }
  return s + TermPhrase(d.term, rng);
}

std::string Render(const CitedDocument& d, Spelling spelling, Rng& rng) {
  const std::string num = Pad2(d.number);
  const std::string noun_so = d.noun + " số ";
  switch (spelling) {
    case Spelling::kNounSo:
      return noun_so + d.symbol;
    case Spelling::kNoun:
      return d.noun + " " + d.symbol;
    case Spelling::kNounTerm:
      return (rng.Chance(500) ? noun_so : d.noun + " ") + d.symbol + TermPhrase(d.term, rng);
    case Spelling::kNounDate: {
      std::string s = noun_so + d.symbol + " ngày " + SpokenDate(d.date, rng);
      if (IsCleanIssuerName(d.issuer_name) && rng.Chance(700)) s += " của " + d.issuer_name;
      return s;
    }
    case Spelling::kBare:
      return d.symbol;
    case Spelling::kTuSign:
      if (rng.Chance(500)) return d.noun + " " + num + "-" + d.type + "/TƯ";
      return num + " - " + d.type + "/TƯ";
    case Spelling::kSpaced:
      if (d.party) return d.noun + " " + num + " - " + d.type + " / " + d.issuer;
      return noun_so + ReplaceAll(d.symbol, "-", " - ");
    case Spelling::kSwapped:
      return (rng.Chance(500) ? noun_so : std::string()) + num + "/" + d.type + "-" + d.issuer;
    case Spelling::kCodeFirst:
      if (rng.Chance(600)) return LowerCode(d.type) + " " + d.number + "/" + LowerCode(d.issuer);
      return d.type + " " + num + "/" + d.issuer;
    case Spelling::kUnaccented: {
      const std::string type = ReplaceAll(d.type, kCapitalD, "D");
      if (d.party) return d.noun + " " + num + "-" + type + "/" + d.issuer;
      const std::string year = d.symbol_year ? std::to_string(d.symbol_year) + "/" : "";
      return noun_so + num + "/" + year + type + "-" + d.issuer;
    }
    case Spelling::kIssuerPhrase:
      return d.noun + " " + num + " của " + d.issuer_name;
    case Spelling::kPlenum:
      return PlenumPhrase(d, rng);
  }
  return d.symbol;
}

}  // namespace

std::string_view SpellingName(Spelling s) {
  switch (s) {
    case Spelling::kNounSo:
      return "noun-so";
    case Spelling::kNoun:
      return "noun";
    case Spelling::kNounTerm:
      return "noun-term";
    case Spelling::kNounDate:
      return "noun-date";
    case Spelling::kBare:
      return "bare";
    case Spelling::kTuSign:
      return "tu-sign";
    case Spelling::kSpaced:
      return "spaced";
    case Spelling::kSwapped:
      return "swapped";
    case Spelling::kCodeFirst:
      return "code-first";
    case Spelling::kUnaccented:
      return "unaccented";
    case Spelling::kIssuerPhrase:
      return "issuer-phrase";
    case Spelling::kPlenum:
      return "plenum";
  }
  return "?";
}

Rendered RenderMention(const CitedDocument& doc, Rng& rng) {
  const auto allowed = AllowedSpellings(doc);
  std::vector<unsigned> weights;
  for (const auto& [spelling, weight] : allowed) weights.push_back(weight);
  Rendered r;
  r.spelling = allowed[rng.Weighted(weights)].first;
  r.surface = Render(doc, r.spelling, rng);
  r.states_term = r.spelling == Spelling::kNounTerm || r.spelling == Spelling::kPlenum;
  r.states_date = r.spelling == Spelling::kNounDate;
  return r;
}

std::string SpokenDate(std::string_view date, Rng& rng) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::string(date);
  const std::string year(date.substr(0, 4));
  const std::string month(date.substr(5, 2));
  const std::string day(date.substr(8, 2));
  const auto unpadded = [](const std::string& two) { return two[0] == '0' ? two.substr(1) : two; };
  static constexpr unsigned kWeights[] = {50, 25, 25};
  switch (rng.Weighted(kWeights)) {
    case 0:
      return unpadded(day) + "/" + unpadded(month) + "/" + year;
    case 1:
      return day + "/" + month + "/" + year;
    default:
      return unpadded(day) + " tháng " + unpadded(month) + " năm " + year;
  }
}

}  // namespace vankien::gen
