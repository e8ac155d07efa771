// Official-header parsing (see official_header.h for the contract).
//
// Everything here compares words through the Analyzer's folded tokens (doc_internal::Words), so
// case, NFD input, old/new tone placement and lower-cased TCVN3 headings all compare equal, while
// the original bytes (kept through token offsets) are what is returned.
#include "indexer/doc/official_header.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/folded_words.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

using namespace doc_internal;  // NOLINT(build/namespaces): the shared primitives of this folder
using text::TokenKind;

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


enum class CellKind { kOther, kMotto, kSeparator, kSymbol, kDate };

struct Cell {
  Words words;
  CellKind kind = CellKind::kOther;
  Cell(std::string s, const text::Analyzer& analyzer) : words(std::move(s), analyzer) {}
};

struct HeaderLine {
  std::vector<Cell> cells;
  std::string joined;  // all cells joined by one space
};

HeaderLine MakeLine(const text::Analyzer& analyzer, std::string_view raw) {
  HeaderLine line;
  for (std::string& c : SplitCells(raw)) {
    if (!line.joined.empty()) line.joined.push_back(' ');
    line.joined += c;
    line.cells.emplace_back(std::move(c), analyzer);
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
char SplitMotto(const text::Analyzer& analyzer, HeaderLine* line) {
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
    const Words wb(before, analyzer), wa(after, analyzer);
    if ((!before.empty() && !IsHeaderish(wb)) || (!after.empty() && !IsHeaderish(wa))) continue;
    std::vector<Cell> replacement;
    if (!before.empty()) replacement.emplace_back(before, analyzer);
    replacement.emplace_back(motto_text, analyzer);
    replacement.back().kind = CellKind::kMotto;
    if (!after.empty()) replacement.emplace_back(after, analyzer);
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
Words RightColumn(const text::Analyzer& analyzer, const HeaderLine& line) {
  const Words& last = line.cells.back().words;
  const bool left_item = !last.text.empty() && (last.text[0] == '-' || last.text[0] == '+' ||
                                                KeyStartsWith(last.key, "noi nhan"));
  if (!left_item) return last;
  const std::size_t p = last.text.find_last_of(".,;:");
  if (p == std::string::npos) return last;
  return Words(Trim(std::string_view(last.text).substr(p + 1)), analyzer);
}

struct Signature {
  std::string name;               // "" when no signer was found
  std::size_t first = 0, last = 0;  // the block's lines in the tail, [first, last]
};

// The signer: the last name-like line of the tail that has a signature anchor or a position
// line within the five lines above it. Only the rightmost column counts ("Nơi nhận" lists sit
// on the left of the signature when columns are flattened). The block runs from that anchor or
// position line (or the anchor right above a position line: "T/M BAN BÍ THƯ / TỔNG BÍ THƯ")
// to the name.
Signature FindSigner(const text::Analyzer& analyzer, const std::vector<HeaderLine>& tail) {
  for (std::size_t i = tail.size(); i-- > 0;) {
    if (tail[i].cells.empty()) continue;
    const Words name = RightColumn(analyzer, tail[i]);
    if (!IsPersonName(name)) continue;
    for (std::size_t k = i; k-- > 0 && k + 6 > i;) {
      if (tail[k].cells.empty()) continue;
      const Words above = RightColumn(analyzer, tail[k]);
      if (KeyStartsWith(above.key, "da ky") || KeyStartsWith(above.key, "ky")) continue;
      if (IsSignatureAnchor(above) || IsPositionLine(above)) {
        std::size_t first = k;
        if (!IsSignatureAnchor(above) && k > 0 && !tail[k - 1].cells.empty() &&
            IsSignatureAnchor(RightColumn(analyzer, tail[k - 1]))) {
          first = k - 1;
        }
        return {name.text, first, i};
      }
    }
  }
  return {};
}

}  // namespace

OfficialHeader ParseOfficialHeader(const text::Analyzer& analyzer,
                                   const refs::Recognizer& recognizer, std::string_view text) {
  OfficialHeader out;
  // Non-empty lines: the first 60 hold the header, the last 60 the signature. raw_line[i] is the
  // input line raw[i] came from (OfficialHeader::lines counts blank lines too).
  std::vector<std::string_view> raw;
  std::vector<std::size_t> raw_line;
  {
    const std::vector<std::string_view> all = SplitLines(text);
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (CollapseSpaces(all[i]).empty()) continue;
      raw.push_back(all[i]);
      raw_line.push_back(i);
    }
  }
  constexpr std::size_t kHeaderLines = 60, kMottoWithin = 15, kTailLines = 60;
  std::vector<HeaderLine> head;
  for (std::size_t i = 0; i < raw.size() && i < kHeaderLines; ++i)
    head.push_back(MakeLine(analyzer, raw[i]));

  // The national motto locates the header.
  std::size_t motto_line = head.size();
  char system = 0;
  // The second motto line of a state header ("Độc lập - Tự do - Hạnh phúc") is split too.
  for (std::size_t i = 0;
       i < head.size() && i < kMottoWithin && (motto_line == head.size() || i <= motto_line + 3);
       ++i) {
    const char which = SplitMotto(analyzer, &head[i]);
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

  // Symbol, place/date, issuer: everything before the type line. header_last is the last head
  // line read as part of the header so far.
  std::size_t header_last = motto_line;
  std::vector<std::string> issuer_parts;
  std::size_t type_line = head.size(), type_rest = 0;
  const TypeName* type = nullptr;
  bool seen_symbol = false;
  for (std::size_t i = begin; i < head.size() && i < begin + 20 && type == nullptr; ++i) {
    if (i > motto_line && head[i].cells.size() <= 1 && !head[i].cells.empty()) {
      type = TypeLine(head[i].cells[0].words, &type_rest);
      if (type != nullptr) {
        type_line = i;
        header_last = i;
        break;
      }
    }
    for (Cell& cell : head[i].cells) {
      if (cell.kind == CellKind::kMotto) {
        header_last = std::max(header_last, i);
        continue;
      }
      const Words& w = cell.words;
      if (IsSeparator(w)) {
        cell.kind = CellKind::kSeparator;  // a header line only if an item follows it
        continue;
      }
      std::size_t date_from = 0;  // token where a place/date part may start
      if (out.symbol.empty() && w.size() >= 2 && w.Is(0, "so") && FirstLetterCase(w.Raw(0)) != 0) {
        // "Số 21-NQ/TW", "Số: 30/2020/NĐ-CP": the recognizer's mention right after "Số".
        for (const refs::Mention& m : recognizer.Find(w.text)) {
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
      if (cell.kind == CellKind::kOther && !seen_symbol && IsHeaderish(w)) {
        issuer_parts.push_back(w.text);
        header_last = std::max(header_last, i);
      }
      if (cell.kind != CellKind::kOther) header_last = std::max(header_last, i);
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
    if (!block.empty() && KeyStartsWith(Words(block, analyzer).key, "ve")) {
      subject = block;
      block.clear();
    }
    const std::string issuer_key = Words(out.issuer, analyzer).key;
    std::vector<Words> after;  // the lines under the type line: after[i] is head[type_line + 1 + i]
    for (std::size_t i = type_line + 1; i < head.size() && i < type_line + 12; ++i)
      after.emplace_back(head[i].joined, analyzer);
    // Every line the loop reads as title block, subject or rule is a header line.
    auto consumed = [&](std::size_t i) { header_last = std::max(header_last, type_line + 1 + i); };
    for (std::size_t i = 0; i < after.size(); ++i) {
      const Words& w = after[i];
      if (IsSeparator(w)) {
        consumed(i);
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
          consumed(i);
          continue;
        }
        if (StartsBody(w) || w.key == issuer_key) break;
        subject = w.text;
        subject_case = c;
        consumed(i);
        // A separator ("-----") within the next three lines closes the subject: every line up to
        // it is a wrap, whatever its first letter ("Ban Chấp hành Trung ương ...").
        std::size_t close = i + 1;
        while (close < after.size() && close <= i + 3 && !IsSeparator(after[close]) &&
               !StartsBody(after[close])) {
          ++close;
        }
        if (close < after.size() && close <= i + 3 && IsSeparator(after[close])) {
          for (std::size_t k = i + 1; k < close; ++k) subject += " " + after[k].text;
          consumed(close);
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
      consumed(i);
    }
    out.subject = subject;
    ParsePlenumAndTerm(Words(block, analyzer), &out);
  }

  const std::size_t tail_begin = raw.size() > kTailLines ? raw.size() - kTailLines : 0;
  std::vector<HeaderLine> tail;
  for (std::size_t i = tail_begin; i < raw.size(); ++i) tail.push_back(MakeLine(analyzer, raw[i]));
  const Signature signature = FindSigner(analyzer, tail);
  out.signer = signature.name;
  out.found = !out.symbol.empty() || type != nullptr;
  if (!out.found) return OfficialHeader{};

  for (std::size_t i = begin; i <= header_last; ++i) out.lines.push_back(raw_line[i]);
  if (!signature.name.empty()) {
    for (std::size_t i = signature.first; i <= signature.last; ++i)
      out.lines.push_back(raw_line[tail_begin + i]);
  }
  // The signature of a short document may lie inside the header's range.
  std::sort(out.lines.begin(), out.lines.end());
  out.lines.erase(std::unique(out.lines.begin(), out.lines.end()), out.lines.end());
  return out;
}

}  // namespace vankien
