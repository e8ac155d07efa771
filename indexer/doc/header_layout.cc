// The line layout of an official header (see header_layout.h for the contract).
//
// Cutting works on the Analyzer's folded tokens, so the landmarks are found whatever the case,
// the tone placement or the normalization form, while items keep the original bytes.
#include "indexer/doc/header_layout.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::doc_internal {
namespace {

using text::TokenKind;

}  // namespace

std::vector<std::string> SplitColumns(std::string_view raw) {
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

namespace {

bool IsRuleChar(char32_t c) {
  return c == '-' || c == '_' || c == '=' || c == '~' || c == '*' || c == 0x2013 || c == 0x2014 ||
         c == 0x2015 || c == 0x2500 || c == 0x2501;
}

// A cell cut at its decorative rules (three or more rule characters in a row): the pieces
// between them, each flagged whether it is a rule. "Độc lập - Tự do - Hạnh phúc" has single
// hyphens and stays whole.
std::vector<std::pair<std::string, bool>> SplitRules(std::string_view cell) {
  std::vector<std::pair<std::string, bool>> out;
  std::size_t i = 0, piece = 0;
  auto flush = [&](std::size_t end) {
    std::string s = Trim(cell.substr(piece, end - piece));
    if (!s.empty()) out.emplace_back(std::move(s), false);
  };
  while (i < cell.size()) {
    std::size_t j = i;
    int run = 0;
    while (j < cell.size()) {
      std::size_t next = j;
      if (!IsRuleChar(NextCodePoint(cell, &next))) break;
      ++run;
      j = next;
    }
    if (run >= 3) {
      flush(i);
      out.emplace_back(std::string(cell.substr(i, j - i)), true);
      piece = j;
      i = j;
    } else if (run > 0) {
      i = j;
    } else {
      NextCodePoint(cell, &i);
    }
  }
  flush(cell.size());
  return out;
}

// "tháng11", "ngày01", "năm2025" (a typo of the source) → "tháng 11": the date reader wants the
// word and the number apart.
std::string UnglueDateWords(const text::Analyzer& analyzer, std::string_view s) {
  std::string out(s);
  const text::Analysis a = analyzer.Analyze(s);
  for (auto t = a.tokens.rbegin(); t != a.tokens.rend(); ++t) {
    if (t->kind != TokenKind::kMixed) continue;
    for (std::string_view word : {"ngay", "thang", "nam"}) {
      if (t->folded.size() <= word.size() || t->folded.compare(0, word.size(), word) != 0 ||
          !IsAsciiDigits(std::string_view(t->folded).substr(word.size()))) {
        continue;
      }
      const std::string_view raw = s.substr(t->begin, t->end - t->begin);
      const std::size_t digit = raw.find_first_of("0123456789");
      if (digit != std::string_view::npos) out.insert(t->begin + digit, " ");
      break;
    }
  }
  return out;
}

constexpr std::array<TypeName, 37> kTypes = {{
    {"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {"thong tu lien tich", "Thông tư liên tịch"},
    {"van ban hop nhat", "Văn bản hợp nhất"},
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
    {"bo luat", "Bộ luật"},
    {"luat", "Luật"},
    {"sac lenh", "Sắc lệnh"},
    {"lenh", "Lệnh"},
    {"cong van", "Công văn"},
}};

const std::vector<std::string_view> kPartyName = {"dang", "cong", "san", "viet", "nam"};
const std::vector<std::string_view> kStateName = {"cong", "hoa",   "xa",   "hoi",
                                                  "chu",  "nghia", "viet", "nam"};
const std::vector<std::string_view> kStateMotto = {"doc", "lap", "tu", "do", "hanh", "phuc"};

bool PhraseAt(const Words& w, std::size_t i, const std::vector<std::string_view>& phrase) {
  if (i + phrase.size() > w.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (w.tokens[i + k].folded != phrase[k]) return false;
  }
  return true;
}

std::string_view Span(const Words& w, std::size_t first, std::size_t last) {  // tokens [first, last)
  return std::string_view(w.text).substr(w.tokens[first].begin,
                                         w.tokens[last - 1].end - w.tokens[first].begin);
}

bool OneCase(std::string_view s) {
  const Case c = CaseOf(s);
  return c == Case::kUpper || c == Case::kLower;
}

// "Hà", "Nội", "Đắk": a capital and then lower case only, as place names are written.
bool IsTitleWord(std::string_view raw) {
  if (FirstLetterCase(raw) <= 0) return false;
  std::size_t i = 0;
  NextCodePoint(raw, &i);
  const Case rest = CaseOf(raw.substr(i));
  return rest == Case::kLower || rest == Case::kNone;
}

bool SpacesOnly(std::string_view gap) { return !gap.empty() && Trim(gap).empty(); }

// The first token of the place before the date at token `ngay` (", ngày" checked): up to
// six title-case words ("Thành phố Hồ Chí Minh" keeps its lower-case "phố"); `ngay` when none.
std::size_t PlaceStart(const Words& w, std::size_t ngay) {
  std::size_t start = ngay;
  for (std::size_t k = ngay; k-- > 0 && ngay - k <= 6;) {
    if (k + 1 < ngay && !SpacesOnly(w.Gap(k))) break;
    const std::string_view raw = w.Raw(k);
    const bool connector = (w.Is(k, "pho") || w.Is(k, "xa") || w.Is(k, "tran")) && k > 0 &&
                           (w.Is(k - 1, "thanh") || w.Is(k - 1, "thi")) &&
                           FirstLetterCase(raw) < 0;
    if (w.tokens[k].kind != TokenKind::kWord || !(IsTitleWord(raw) || connector)) break;
    start = k;
  }
  // A lone lower-case connector cannot start a place.
  while (start < ngay && FirstLetterCase(w.Raw(start)) < 0) ++start;
  return start;
}

// The state motto is written in mixed case, so unlike the names it cannot be told from a
// sentence by its case ("Độc lập - Tự do - Hạnh phúc là khát vọng ..."): it is one only where
// its item ends with it, or a header item follows it (the number, a place and date, capitals;
// not lower case, which is how the sentence goes on).
bool MottoEndsItsItem(const Words& w, std::size_t end) {
  if (end >= w.size()) return true;
  if (w.tokens[end].exact == "số" && FirstLetterCase(w.Raw(end)) > 0) return true;
  if (w.size() - end <= 14 && CaseOf(std::string_view(w.text).substr(w.tokens[end].begin)) == Case::kUpper)
    return true;
  for (std::size_t k = end; k < w.size() && k <= end + 7; ++k) {
    if (w.Is(k, "ngay") && k > end && Trim(w.Gap(k - 1)) == ",") return true;
  }
  return false;
}

struct Cut {
  std::size_t token;
  ItemKind kind;
  char motto = 0;
};

// The landmarks of one rule-free piece, as cuts at token positions (see the header).
std::vector<Cut> Landmarks(const Words& w) {
  std::vector<Cut> cuts;
  const std::size_t n = w.size();
  for (std::size_t i = 0; i < n; ++i) {
    char which = 0;
    std::size_t len = 0;
    if (PhraseAt(w, i, kPartyName) && OneCase(Span(w, i, i + kPartyName.size()))) {
      which = 'p';
      len = kPartyName.size();
    } else if (PhraseAt(w, i, kStateName) && OneCase(Span(w, i, i + kStateName.size()))) {
      which = 's';
      len = kStateName.size();
    } else if (PhraseAt(w, i, kStateMotto) && MottoEndsItsItem(w, i + kStateMotto.size())) {
      which = 'm';
      len = kStateMotto.size();
    }
    if (which != 0) {
      cuts.push_back({i, ItemKind::kMotto, which});
      if (i + len < n) cuts.push_back({i + len, ItemKind::kOther});
      i += len - 1;
      continue;
    }
    const std::string_view after =
        i + 1 < n ? w.Gap(i) : std::string_view(w.text).substr(w.tokens[i].end);
    if (w.tokens[i].exact == "số" &&
        (after.find(':') != std::string_view::npos || w.IsNumber(i + 1) ||
         (i + 1 < n && IsAsciiDigits(w.Raw(i + 1).substr(0, 1))))) {
      // "Số:" capitalized, or "số" after a capitalized type noun ("Nghị quyết số: ...").
      std::size_t start = FirstLetterCase(w.Raw(i)) > 0 ? i : n;
      for (std::size_t k = std::min<std::size_t>(i, 3); k >= 1; --k) {
        std::string key;
        for (std::size_t t = i - k; t < i; ++t) key += (key.empty() ? "" : " ") + w.tokens[t].folded;
        const TypeName* t = TypeNounAtStart(key);
        if (t != nullptr && t->key == key && FirstLetterCase(w.Raw(i - k)) > 0) {
          start = i - k;
          break;
        }
      }
      if (start == n) continue;
      cuts.push_back({start, ItemKind::kNumber});
      continue;
    }
    if (i + 1 < n && (w.Raw(i) == "V" || w.Raw(i) == "v") && w.Gap(i) == "/" &&
        (w.Raw(i + 1) == "v" || w.Raw(i + 1) == "V")) {
      cuts.push_back({i, ItemKind::kReference});
      ++i;
      continue;
    }
    if (w.Is(i, "kinh") && w.Is(i + 1, "gui") && FirstLetterCase(w.Raw(i)) > 0) {
      cuts.push_back({i, ItemKind::kAddressee});
      ++i;
      continue;
    }
  }
  for (const DateHit& h : FindDates(w)) {
    if (h.kind != DateHit::kFull) continue;
    // "ngày 16 tháng 6 năm 2022", "ngày 16/6/2022", or a bare "16/6/2022".
    const std::size_t ngay = w.Is(h.first, "ngay")                         ? h.first
                             : h.first > 0 && w.Is(h.first - 1, "ngay") ? h.first - 1
                                                                          : h.first;
    std::size_t start = ngay;
    if (ngay > 0) {
      if (Trim(w.Gap(ngay - 1)) != ",") continue;
      start = PlaceStart(w, ngay);
      if (start == ngay && !w.Is(ngay, "ngay")) continue;  // ", 16/6/2022" after no place
    }
    cuts.push_back({start, ItemKind::kPlaceDate});
    if (h.last < n) cuts.push_back({h.last, ItemKind::kOther});
  }
  // One cut per position, the landmark winning over the plain "text resumes here" cut.
  std::stable_sort(cuts.begin(), cuts.end(),
                   [](const Cut& a, const Cut& b) { return a.token < b.token; });
  std::vector<Cut> out;
  for (const Cut& c : cuts) {
    if (!out.empty() && out.back().token == c.token) {
      if (out.back().kind == ItemKind::kOther) out.back() = c;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

const TypeName* TypeNounAtStart(std::string_view key) {
  for (const TypeName& t : kTypes) {
    if (KeyStartsWith(key, t.key)) return &t;
  }
  return nullptr;
}

bool IsRule(const Words& w) {
  if (w.text.empty()) return false;
  if (w.key.empty()) return true;
  return w.size() == 1 && (w.key == "o0o" || w.key == "ooo" || w.key == "o") && w.text.size() <= 12;
}

LaidOutLine LayOutLine(const text::Analyzer& analyzer, std::string_view raw) {
  LaidOutLine line;
  auto add = [&](std::string s, ItemKind kind, char motto) {
    s = Trim(s);
    if (s.empty()) return;
    Item item(std::move(s), analyzer);
    item.kind = IsRule(item.words) ? ItemKind::kRule : kind;
    item.motto = motto;
    if (item.kind != ItemKind::kRule) {
      if (!line.joined.empty()) line.joined.push_back(' ');
      line.joined += item.words.text;
    }
    line.items.push_back(std::move(item));
  };
  for (const std::string& cell : SplitColumns(UnglueDateWords(analyzer, raw))) {
    for (auto& [piece, rule] : SplitRules(cell)) {
      if (rule) {
        add(std::move(piece), ItemKind::kRule, 0);
        continue;
      }
      const Words w(piece, analyzer);
      const std::vector<Cut> cuts = Landmarks(w);
      if (cuts.empty() || cuts.front().token != 0) {
        const std::size_t end = cuts.empty() ? w.text.size() : w.tokens[cuts.front().token].begin;
        add(w.text.substr(0, end), ItemKind::kOther, 0);
      }
      for (std::size_t c = 0; c < cuts.size(); ++c) {
        const std::size_t begin = cuts[c].token == 0 ? 0 : w.tokens[cuts[c].token].begin;
        const std::size_t end =
            c + 1 < cuts.size() ? w.tokens[cuts[c + 1].token].begin : w.text.size();
        add(w.text.substr(begin, end - begin), cuts[c].kind, cuts[c].motto);
      }
    }
  }
  return line;
}

}  // namespace vankien::doc_internal
