#include "indexer/refs/relations.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vankien::refs {
namespace {

using sv = std::string_view;
constexpr std::size_t kNpos = sv::npos;

bool StartsWith(sv s, sv p) { return s.substr(0, p.size()) == p; }
bool EndsWith(sv s, sv p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::size_t SkipSpace(sv t, std::size_t p, std::size_t end) {
  while (p < end && IsSpace(t[p])) ++p;
  return p;
}

// The code point at byte `p` is an upper-case letter (Vietnamese capitals are multi-byte, so
// ASCII tests are not enough to tell a new sentence from an abbreviation's dot).
bool UpperAt(sv t, std::size_t p) {
  if (p >= t.size()) return false;
  int32_t i = static_cast<int32_t>(p);
  UChar32 c;
  U8_NEXT(t.data(), i, static_cast<int32_t>(t.size()), c);
  return c >= 0 && (u_isupper(c) || u_isdigit(c));
}

std::string Lower(sv s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

// ---- Dates ---------------------------------------------------------------------------------

std::optional<int> ParseInt(sv t, std::size_t& p, std::size_t end, int max_digits) {
  std::size_t q = p;
  int v = 0;
  while (q < end && IsDigit(t[q]) && static_cast<int>(q - p) < max_digits) v = v * 10 + (t[q++] - '0');
  if (q == p || (q < end && IsDigit(t[q]))) return std::nullopt;
  p = q;
  return v;
}

std::string Iso(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A date at `p` ("ngày 18 tháng 02 năm 2025", "18/02/2025", "ngày 9-6-2025", case as in
// titles too); on success moves `p` past it.
std::string ParseDate(sv t, std::size_t& p, std::size_t end) {
  std::size_t q = SkipSpace(t, p, end);
  for (sv w : {sv("ngày "), sv("NGÀY "), sv("Ngày ")}) {
    if (StartsWith(t.substr(q, end - q), w)) {
      q = SkipSpace(t, q + w.size(), end);
      break;
    }
  }
  auto d = ParseInt(t, q, end, 2);
  if (!d) return {};
  if (q < end && (t[q] == '/' || t[q] == '-' || t[q] == '.')) {
    const char sep = t[q++];
    auto m = ParseInt(t, q, end, 2);
    if (!m || q >= end || t[q] != sep) return {};
    ++q;
    auto y = ParseInt(t, q, end, 4);
    if (!y) return {};
    std::string iso = Iso(*y, *m, *d);
    if (!iso.empty()) p = q;
    return iso;
  }
  q = SkipSpace(t, q, end);
  bool ok = false;
  for (sv w : {sv("tháng "), sv("THÁNG ")}) {
    if (StartsWith(t.substr(q, end - q), w)) { q += w.size(); ok = true; break; }
  }
  if (!ok) return {};
  auto m = ParseInt(t, q, end, 2);
  if (!m) return {};
  q = SkipSpace(t, q, end);
  ok = false;
  for (sv w : {sv("năm "), sv("NĂM ")}) {
    if (StartsWith(t.substr(q, end - q), w)) { q += w.size(); ok = true; break; }
  }
  if (!ok) return {};
  auto y = ParseInt(t, q, end, 4);
  if (!y) return {};
  std::string iso = Iso(*y, *m, *d);
  if (!iso.empty()) p = q;
  return iso;
}

// ---- Vocabulary ----------------------------------------------------------------------------

// Document-type nouns, as they start a subject ("Nghị định này") or a listed document.
constexpr std::array<sv, 26> kKinds = {
    "Thông tư liên tịch", "Nghị định", "Thông tư", "Quyết định", "Nghị quyết", "Quy định",
    "Quy chế", "Chỉ thị", "Bộ luật", "Luật", "Pháp lệnh", "Kế hoạch", "Hướng dẫn", "Kết luận",
    "Chương trình", "Đề án", "Điều lệ", "Văn bản", "Công văn", "Thông báo", "Quy trình",
    "Hiến pháp", "Lệnh", "Chiến lược", "Thông tri", "Hiệp định"};

bool KindAt(sv t, std::size_t p, std::size_t* len = nullptr) {
  for (sv k : kKinds) {
    if (StartsWith(t.substr(p), k)) {
      if (len) *len = k.size();
      return true;
    }
  }
  return false;
}

// Words that open a description of the previous document ("… của Chính phủ quy định chi
// tiết Luật Giá"): once one is seen, later documents belong to that description.
constexpr std::array<sv, 20> kDescription = {
    " về ",        " quy định",  " hướng dẫn", " sửa đổi", " bổ sung", " ban hành",
    " thay thế",   " bãi bỏ",    " tại ",      " theo ",   " phê duyệt", " kèm theo",
    " được ",      " trừ ",      " thực hiện", " triển khai", " đã ",   " quy chế",
    " của Luật",   " của Bộ luật"};

bool HasDescription(sv gap) {
  for (sv d : kDescription) {
    if (gap.find(d) != kNpos) return true;
  }
  return false;
}

struct Verb {
  sv text;
  RelationType type;
};
// Predicates a document states about another. Each spelling appears as it occurs mid-sentence,
// sentence-first and in capital titles; longer forms first.
const std::vector<Verb>& Verbs() {
  static const std::vector<Verb> verbs = [] {
    std::vector<Verb> v;
    auto add = [&v](std::initializer_list<sv> forms, RelationType t) {
      for (sv f : forms) v.push_back({f, t});
    };
    add({"thay thế", "Thay thế", "THAY THẾ"}, RelationType::kReplaces);
    add({"bãi bỏ", "Bãi bỏ", "BÃI BỎ", "hủy bỏ", "Hủy bỏ", "HỦY BỎ", "huỷ bỏ", "Huỷ bỏ"},
        RelationType::kRepeals);
    add({"sửa đổi", "Sửa đổi", "SỬA ĐỔI", "bổ sung", "Bổ sung", "BỔ SUNG", "đính chính",
         "Đính chính", "ĐÍNH CHÍNH"},
        RelationType::kAmends);
    add({"hướng dẫn", "Hướng dẫn", "HƯỚNG DẪN", "quy định chi tiết", "Quy định chi tiết",
         "QUY ĐỊNH CHI TIẾT"},
        RelationType::kGuides);
    add({"triển khai", "Triển khai", "TRIỂN KHAI", "thực hiện", "Thực hiện", "THỰC HIỆN",
         "cụ thể hóa", "Cụ thể hóa", "CỤ THỂ HÓA", "cụ thể hoá", "Cụ thể hoá", "CỤ THỂ HOÁ"},
        RelationType::kImplements);
    return v;
  }();
  return verbs;
}

std::optional<Verb> VerbAt(sv t, std::size_t p) {
  for (const Verb& v : Verbs()) {
    if (StartsWith(t.substr(p), v.text)) return v;
  }
  return std::nullopt;
}

// ---- Targets -------------------------------------------------------------------------------

struct Candidate {
  std::size_t begin = 0, end = 0;
  std::string target;
  std::string law_name;  // for an unnumbered law: its name as written, without the year
  bool needs_year = false;
  bool located = false;  // reached through a part of it ("… cụm từ tại Nghị định số …")
};

// "Luật Đất đai", "Bộ luật Dân sự", "Pháp lệnh …", "Hiến pháp …" without a number: the
// name runs to the date, number or clause break after it.
// "Hiệp định Thương mại giữa … ký ngày 08 tháng 4 năm 2024": a treaty is named the same way.
constexpr std::array<sv, 9> kLawHeads = {"Bộ luật ", "BỘ LUẬT ", "Luật ", "LUẬT ", "Pháp lệnh ",
                                         "PHÁP LỆNH ", "Hiến pháp", "HIẾN PHÁP", "Hiệp định "};

std::size_t LawNameEnd(sv t, std::size_t name_begin, std::size_t end, bool amending) {
  static constexpr std::array<sv, 29> kStops = {
      " ngày ", " NGÀY ", " số ", " SỐ ", " năm ", " NĂM ", ";", "(", ":", ". ", ".\n",
      " đã ", " được ", " có ", " thì ", " trong ", " khi ", " để ", " do ", "\"", "“", "”",
      " về ", " quy định", " hướng dẫn", " theo ", " tại ", "\n", " ký "};
  std::size_t stop = std::min(end, name_begin + 200);
  for (sv s : kStops) {
    std::size_t f = name_begin;
    while ((f = t.substr(0, stop).find(s, f)) != kNpos) {
      // "một số điều", "năm nay": only a number after "số"/"năm" ends the name.
      const bool numeric = s == " số " || s == " SỐ " || s == " năm " || s == " NĂM ";
      if (!numeric || (f + s.size() < t.size() && IsDigit(t[f + s.size()]))) {
        stop = f;
        break;
      }
      f += s.size();
    }
  }
  if (!amending) {
    // "Luật Đo đạc và Bản đồ" is one name; "Luật Đất đai và Luật Nhà ở" two.
    // "Luật Trách nhiệm bồi thường của Nhà nước" is one name; "… của Quốc hội" names the issuer.
    static constexpr std::array<sv, 14> kIssuers = {"Quốc hội", "QUỐC HỘI", "Chính phủ", "Ủy ban", "Uỷ ban",
                                                    "UBND", "Bộ ", "Thủ tướng", "Chủ tịch", "Hội đồng",
                                                    "Ban ", "Văn phòng", "Tòa án", "Viện "};
    for (sv s : {sv(" của "), sv(" CỦA ")}) {
      std::size_t f = name_begin;
      while ((f = t.substr(0, stop).find(s, f)) != kNpos) {
        const sv after = t.substr(f + s.size(), 16);
        if (s == " CỦA " || std::any_of(kIssuers.begin(), kIssuers.end(), [&](sv i) { return StartsWith(after, i); })) {
          stop = f;
          break;
        }
        f += s.size();
      }
    }
    for (sv s : {sv(" và "), sv(", "), sv(" VÀ ")}) {
      std::size_t f = name_begin;
      while ((f = t.substr(0, stop).find(s, f)) != kNpos) {
        const std::size_t next = f + s.size();
        if (KindAt(t, next) || StartsWith(t.substr(next), "LUẬT") || StartsWith(t.substr(next), "các ")) {
          stop = f;
          break;
        }
        f = next;
      }
    }
  }
  while (stop > name_begin && (IsSpace(t[stop - 1]) || t[stop - 1] == ',' || t[stop - 1] == '.')) --stop;
  if (EndsWith(t.substr(name_begin, stop - name_begin), " ký")) stop -= sv(" ký").size();  // "… Lào ký ngày …"
  return stop;
}

// Unnumbered laws in [a, b) that no mention covers.
void FindLaws(sv t, std::size_t a, std::size_t b, const std::vector<Mention>& ms,
              std::vector<Candidate>& out) {
  std::size_t p = a;
  while (p < b) {
    std::size_t best = kNpos, head_len = 0;
    for (sv h : kLawHeads) {
      std::size_t f = t.substr(0, b).find(h, p);
      if (f != kNpos && f < best) { best = f; head_len = h.size(); }
    }
    if (best == kNpos) return;
    p = best + head_len;
    if (best > 0 && !IsSpace(t[best - 1]) && t[best - 1] != '(' && t[best - 1] != ',' &&
        t[best - 1] != ';' && t[best - 1] != '"')
      continue;
    bool covered = false;
    for (const Mention& m : ms) {
      if (m.byte_start <= best && best < m.byte_end) { covered = true; break; }
      if (m.byte_start > best + 300) break;
    }
    if (covered) continue;
    const sv head = t.substr(best, head_len);
    const bool constitution = StartsWith(head, "Hiến") || StartsWith(head, "HIẾN");
    std::size_t name_begin = best + head_len;
    const sv rest = t.substr(name_begin, std::min<std::size_t>(b - name_begin, 24));
    if (!constitution && (StartsWith(rest, "này") || StartsWith(rest, "NÀY") ||
                          StartsWith(rest, "số") || StartsWith(rest, "SỐ") || rest.empty()))
      continue;
    const bool amending = StartsWith(rest, "sửa đổi") || StartsWith(rest, "Sửa đổi") ||
                          StartsWith(rest, "SỬA ĐỔI");
    std::size_t name_end = LawNameEnd(t, name_begin, b, amending);
    if (!constitution && name_end <= name_begin) continue;
    if (name_end - best > 190) continue;  // a run-on, not a name
    // "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15": the number, which the
    // recognizer reads as a mention starting after the name, is the canonical target.
    bool numbered = false;
    const Mention* number = nullptr;
    for (auto m_it = std::lower_bound(ms.begin(), ms.end(), name_end,
                                      [](const Mention& m, std::size_t x) { return m.byte_start < x; });
         m_it != ms.end(); ++m_it) {
      const Mention& m = *m_it;
      if (m.byte_start >= name_end && m.byte_start <= name_end + 6) {
        const sv between = t.substr(name_end, m.byte_start - name_end);
        numbered = between == " " || between == " số " || between == " SỐ ";
        if (numbered) {
          number = &m;
          break;
        }
      }
      if (m.byte_start > name_end + 6) break;
    }
    if (numbered) {
      Candidate c;
      c.begin = best;
      c.end = number->byte_end;
      c.target = number->Canonical();
      if (!c.target.empty()) out.push_back(std::move(c));
      p = number->byte_end;
      continue;
    }
    Candidate c;
    c.begin = best;
    c.end = constitution ? std::max(name_end, best + head_len) : name_end;
    c.law_name = constitution ? (head[0] == 'H' ? "Hiến pháp" : "HIẾN PHÁP") : std::string(t.substr(best, name_end - best));
    // Year: "… ngày 18 tháng 02 năm 2025", "… năm 2013", "… (1992)".
    std::size_t q = SkipSpace(t, name_end, b);
    if (StartsWith(t.substr(q, b - q), "ký ")) q += sv("ký ").size();
    std::string year;
    std::size_t dq = q;
    std::string date = ParseDate(t, dq, b);
    if (!date.empty()) {
      year = date.substr(0, 4);
    } else {
      for (sv w : {sv("năm "), sv("NĂM ")}) {
        if (StartsWith(t.substr(q), w) && q + w.size() + 4 <= b) {
          sv y = t.substr(q + w.size(), 4);
          if (std::all_of(y.begin(), y.end(), IsDigit)) year = std::string(y);
        }
      }
    }
    c.target = year.empty() ? c.law_name : c.law_name + " " + year;
    c.needs_year = year.empty();
    out.push_back(std::move(c));
    p = name_end;
  }
}

// Mentions and unnumbered laws starting in [a, b), in text order.
std::vector<Candidate> Candidates(sv t, std::size_t a, std::size_t b, const std::vector<Mention>& ms) {
  std::vector<Candidate> out;
  auto it = std::lower_bound(ms.begin(), ms.end(), a,
                             [](const Mention& m, std::size_t x) { return m.byte_start < x; });
  for (; it != ms.end() && it->byte_start < b; ++it) {
    std::string canon = it->Canonical();
    if (canon.empty()) continue;
    out.push_back({it->byte_start, it->byte_end, std::move(canon), {}, false});
  }
  FindLaws(t, a, b, ms, out);
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) { return x.begin < y.begin; });
  // A named law with its number ("Luật Phòng cháy, … số 55/2024/QH15") spans the mention of
  // the number: keep the span, which starts where the law is named.
  std::vector<Candidate> kept;
  for (Candidate& c : out) {
    if (!kept.empty() && c.begin < kept.back().end) continue;
    kept.push_back(std::move(c));
  }
  return kept;
}

// The gap between a verb and a document ends by placing the verb's object in that document:
// "… các điểm, khoản, cụm từ, mẫu tại ", "… danh mục TTHC được công bố tại ", "… tại Điều 2 ".
// Only article references ("khoản 1 Điều 9", "Phụ lục II", "Mục 2") may follow the "tại".
bool EndsLocated(sv gap) {
  std::size_t best = kNpos, len = 0;
  for (sv l : {sv(" tại "), sv(" của "), sv(" trong "), sv(" thuộc ")}) {
    const std::size_t f = gap.rfind(l);
    if (f != kNpos && (best == kNpos || f > best)) { best = f; len = l.size(); }
  }
  if (best == kNpos) return false;
  sv tail = gap.substr(best + len);
  static constexpr std::array<sv, 16> kRefWords = {"Điều", "điều", "khoản", "Khoản", "điểm", "Điểm", "Mục", "mục",
                                                   "Phần", "phần", "Chương", "chương", "Phụ", "phụ", "lục", "và"};
  while (!tail.empty()) {
    std::size_t e = tail.find(' ');
    sv word = tail.substr(0, e);
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) word.remove_suffix(1);
    const bool ref = std::find(kRefWords.begin(), kRefWords.end(), word) != kRefWords.end();
    const bool label = !word.empty() && word.size() <= 5 &&
                       (IsDigit(word[0]) || word.find_first_not_of("IVXivx") == kNpos || (word.size() == 1 && std::islower(static_cast<unsigned char>(word[0]))));
    if (!word.empty() && !ref && !label) return false;
    if (e == kNpos) break;
    tail.remove_prefix(e + 1);
  }
  return true;
}

// The documents a predicate names, from `a` (just after the verb) to `b`: the first one
// within reach, then those listed beside it ("A và B", "A, B"), stopping at the first
// description ("A của Chính phủ quy định chi tiết B" names only A). With `located`, the first
// may also lie past a description that places the verb's object in it (EndsLocated).
std::vector<Candidate> ListedTargets(sv t, std::size_t a, std::size_t b, const std::vector<Mention>& ms,
                                     std::size_t reach, bool located = false) {
  std::vector<Candidate> all = Candidates(t, a, b, ms), out;
  for (Candidate& c : all) {
    if (out.empty()) {
      if (c.begin - a > reach) break;
      const sv gap = t.substr(a, c.begin - a);
      if (HasDescription(gap) && c.begin - a > 40) {
        if (!located || gap.find(';') != kNpos || !EndsLocated(gap)) break;
        c.located = true;
      }
    } else if (const sv gap = t.substr(out.back().end, c.begin - out.back().end); HasDescription(gap)) {
      // "… thay thế Nghị định số A … của Chính phủ quy định về …, hợp tác xã và Nghị định số B …":
      // a document joined by "và" / "," after a description is listed too, unless the
      // description has a predicate of its own that B could be the object of.
      const bool joined = (EndsWith(gap, " và ") || EndsWith(gap, ", ")) && KindAt(t, c.begin) && c.law_name.empty();
      bool verb = false;
      for (std::size_t i = 0; joined && !verb && i < gap.size(); ++i) {
        verb = (i == 0 || gap[i - 1] == ' ') && VerbAt(gap, i).has_value();
      }
      if (!joined || verb) break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// ---- Sentences -----------------------------------------------------------------------------

// Skips list markers and an article label at `p`: "1. ", "2.1. ", "a) ", "- ", "Điều 3. ".
std::size_t SkipMarkers(sv t, std::size_t p, std::size_t end) {
  for (int round = 0; round < 3; ++round) {
    p = SkipSpace(t, p, end);
    std::size_t q = p;
    if (StartsWith(t.substr(q, end - q), "Điều ")) {
      std::size_t r = q + sv("Điều ").size();
      while (r < end && (IsDigit(t[r]) || (t[r] >= 'a' && t[r] <= 'z'))) ++r;
      if (r > q + sv("Điều ").size() && r < end && (t[r] == '.' || t[r] == ':')) { p = r + 1; continue; }
      return p;
    }
    while (q < end && (IsDigit(t[q]) || t[q] == '.')) ++q;
    if (q > p && q < end && (t[q - 1] == '.' || t[q] == ')') ) { p = q + (t[q] == ')' ? 1 : 0); continue; }
    q = p;
    if (q + 1 < end && ((t[q] >= 'a' && t[q] <= 'z') || t[q] == 'd') && t[q + 1] == ')') { p = q + 2; continue; }
    if (StartsWith(t.substr(q, end - q), "đ)")) { p = q + sv("đ)").size(); continue; }
    if (q < end && (t[q] == '-' || t[q] == '+' || t[q] == '*')) { p = q + 1; continue; }
    for (sv b : {sv("–"), sv("•")}) {
      if (StartsWith(t.substr(q, end - q), b)) { p = q + b.size(); break; }
    }
    if (p == q) break;
  }
  return SkipSpace(t, p, end);
}

bool IsListItem(sv line) {
  std::size_t q = 0;
  while (q < line.size() && IsSpace(line[q])) ++q;
  line.remove_prefix(q);
  if (line.empty()) return false;
  if (line[0] == '-' || line[0] == '+' || StartsWith(line, "–") || StartsWith(line, "•")) return true;
  std::size_t d = 0;
  while (d < line.size() && IsDigit(line[d])) ++d;
  if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')')) return true;
  if (line.size() >= 2 && ((line[0] >= 'a' && line[0] <= 'z') && line[1] == ')')) return true;
  return StartsWith(line, "đ)");
}

// Sentence ends in [a, b): a '.' or '!' followed by space and a capital.
std::vector<std::pair<std::size_t, std::size_t>> Sentences(sv t, std::size_t a, std::size_t b) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t s = a;
  for (std::size_t i = a; i + 1 < b; ++i) {
    if ((t[i] == '.' || t[i] == '!') && t[i + 1] == ' ' && i > a && !IsDigit(t[i - 1]) && UpperAt(t, i + 2)) {
      out.push_back({s, i + 1});
      s = i + 2;
    }
  }
  if (s < b) out.push_back({s, b});
  return out;
}

// "Nghị định này", "Quy định này": the document itself as subject at `p`; returns its end.
std::size_t SelfSubject(sv t, std::size_t p, std::size_t end) {
  std::size_t len = 0;
  if (!KindAt(t, p, &len)) return 0;
  std::size_t q = p + len;
  if (StartsWith(t.substr(q, end - q), " này")) return q + sv(" này").size();
  return 0;
}

// Article numbers a repeal or amendment names before its target ("Điều 5, Điều 6 và khoản 2
// Điều 7 của …"), and whether it touches a part.
void PartOf(sv gap, Relation& r) {
  if (r.type != RelationType::kRepeals && r.type != RelationType::kAmends) return;
  std::size_t f = 0;
  while ((f = gap.find("Điều ", f)) != kNpos) {
    f += sv("Điều ").size();
    std::size_t e = f;
    while (e < gap.size() && (IsDigit(gap[e]) || (e > f && gap[e] >= 'a' && gap[e] <= 'z' && (e + 1 >= gap.size() || !std::isalpha(static_cast<unsigned char>(gap[e + 1]))))))
      ++e;
    if (e > f && IsDigit(gap[f])) r.articles.emplace_back(gap.substr(f, e - f));
  }
  const bool part = !r.articles.empty() || gap.find("khoản") != kNpos || gap.find("điểm") != kNpos ||
                    gap.find("một số điều") != kNpos || gap.find("MỘT SỐ ĐIỀU") != kNpos ||
                    gap.find("một phần") != kNpos || gap.find("Phụ lục") != kNpos ||
                    gap.find("phụ lục") != kNpos;
  r.part = part && gap.find("toàn bộ") == kNpos ? "part" : "whole";
}

class Extractor {
 public:
  Extractor(sv text, const std::vector<Mention>& ms) : t_(text), ms_(ms) {}

  DocumentRelations Run() {
    bool preamble = true, title_seen = false, effect = false, grounds_seen = false;
    bool title_kind_line = false;  // the previous line was the title's kind alone ("QUYẾT ĐỊNH")
    bool amending = false;         // inside an article whose heading amends, replaces or repeals
    std::size_t quoted = 0;        // lines left in a quoted passage; 0 outside one
    std::optional<Pending> pending;
    std::size_t pos = 0;
    while (pos < t_.size()) {
      std::size_t nl = t_.find('\n', pos);
      if (nl == kNpos) nl = t_.size();
      const std::size_t a = pos, b = nl;
      pos = nl + 1;
      const std::size_t s = SkipSpace(t_, a, b);
      if (s >= b) continue;
      const sv line = t_.substr(s, b - s);
      const bool article = ArticleHeading(line);
      // A sentence about the document itself ("Quy định này …") is body even without articles.
      // A numbered list before the grounds (a consolidated text's "được sửa đổi, bổ sung bởi: 1.
      // Luật số …") is not yet the body.
      if (preamble && (EndsPreamble(line, article, grounds_seen) || SelfSubject(t_, SkipMarkers(t_, s, b), b)) &&
          (article || !(IsDigit(line[0]) || line[0] == 'I' || line[0] == 'V' || line[0] == 'X') ||
           !GroundsFollow(pos)))
        preamble = false;

      // Quoted text (the new wording of an amended provision, another law's article cited in a
      // consolidated text) states nothing about this document: skip it to its closing quote.
      if (!preamble) {
        if (quoted > 0) {
          --quoted;
          if (line.find("”") != kNpos) quoted = 0;
          continue;
        }
        if (StartsWith(line, "“") || StartsWith(line, "\"")) {
          if (line.find("”", 1) == kNpos) quoted = kMaxQuotedLines;
          pending.reset();
          continue;
        }
      }

      if (pending) {
        if (IsListItem(line) && !article) {
          const std::size_t q = SkipMarkers(t_, s, b);
          for (Candidate& c : ListedTargets(t_, q, b, ms_, 40)) Add(pending->type, c, s, b, sv(), pending->part);
          continue;
        }
        pending.reset();
      }

      if (preamble) {
        if (Preamble(s, b)) {
          grounds_seen = true;
          continue;
        }
        if (!title_seen && !grounds_seen) {
          if (title_kind_line) {
            title_seen = Title(s, b, /*kind_given=*/true);
            title_kind_line = false;
          } else if (Title(s, b, false)) {
            title_seen = true;
          } else if (TitleKindOnly(line)) {
            title_kind_line = true;
          }
        }
        continue;
      }
      bool heading = false;
      if (article) {
        heading = true;
        const sv head = line.substr(0, 160);
        const std::size_t title = SkipMarkers(t_, s, b);
        const auto v = VerbAt(t_, title);
        amending = v && (v->type == RelationType::kRepeals || v->type == RelationType::kReplaces ||
                         v->type == RelationType::kAmends);
        // "Điều 9. Hiệu lực thi hành", "Điều 4. Tổ chức thực hiện", "Điều 3. Quyết định này có
        // hiệu lực …"; not "Điều 7. Thay thế … các nghị định quy định chi tiết thi hành Luật Đất đai".
        const sv name = t_.substr(title, std::min<std::size_t>(b - title, 160));
        bool effect_words = false;
        for (sv w : {sv("hiệu lực"), sv("Hiệu lực"), sv("thi hành"), sv("Thi hành"), sv("thực hiện"),
                     sv("Thực hiện"), sv("Điều khoản")}) {
          effect_words = effect_words || head.find(w) != kNpos;
        }
        effect = effect_words && (name.size() <= 80 || head.find("này có hiệu lực") != kNpos ||
                                  StartsWith(name, "Hiệu lực") || StartsWith(name, "Điều khoản") ||
                                  StartsWith(name, "Tổ chức") || StartsWith(name, "Trách nhiệm"));
      } else if (StartsWith(line, "Chương ") || StartsWith(line, "CHƯƠNG ")) {
        effect = false;
        amending = false;
      }
      const std::size_t before = out_.relations.size();
      for (auto [ss, se] : Sentences(t_, s, b)) {
        auto p = Sentence(ss, se, heading, effect, amending);
        if (p) pending = p;
        if (heading) {
          // The documents an amending article's heading names: its items may only add to them.
          amending_docs_.clear();
          for (std::size_t i = before; i < out_.relations.size(); ++i) amending_docs_.insert(out_.relations[i].target);
        }
        heading = false;
      }
    }
    ResolveYears();
    return std::move(out_);
  }

 private:
  struct Pending {
    RelationType type;
    std::string part;
  };

  // "Điều 7. …", "Điều 3: …", "Điều 8 Hiệu lực …": an article heading, not a wrapped reference
  // ("Điều 19;", "Điều 4 và điểm b khoản 1 Điều 5 của Nghị định này …").
  static bool ArticleHeading(sv line) {
    if (!StartsWith(line, "Điều ")) return false;
    std::size_t e = sv("Điều ").size();
    const std::size_t digits = e;
    while (e < line.size() && IsDigit(line[e])) ++e;
    if (e == digits) return false;
    if (e < line.size() && line[e] >= 'a' && line[e] <= 'z' && (e + 1 >= line.size() || !std::isalpha(static_cast<unsigned char>(line[e + 1])))) ++e;
    if (e >= line.size()) return true;
    if (line[e] == '.' || line[e] == ':') return true;
    return line[e] == ' ' && UpperAt(line, e + 1) && !IsDigit(line[e + 1]);
  }

  // A quoted passage whose closing quote is lost ends after this many lines.
  static constexpr std::size_t kMaxQuotedLines = 300;

  // A "Căn cứ" line starts within the next few lines from byte `from`, before any article.
  bool GroundsFollow(std::size_t from) const {
    for (int i = 0; i < 8 && from < t_.size(); ++i) {
      std::size_t nl = t_.find('\n', from);
      if (nl == kNpos) nl = t_.size();
      const std::size_t s = SkipSpace(t_, from, nl);
      const sv line = t_.substr(s, nl - s);
      if (StartsWith(line, "Căn cứ")) return true;
      if (StartsWith(line, "Điều ") || StartsWith(line, "Chương ")) return false;
      from = nl + 1;
    }
    return false;
  }

  static bool EndsPreamble(sv line, bool article, bool grounds_seen) {
    if (article || StartsWith(line, "Chương ") || StartsWith(line, "CHƯƠNG ") || StartsWith(line, "Phần ") ||
        StartsWith(line, "PHẦN "))
      return true;
    for (sv w : {sv("QUYẾT ĐỊNH"), sv("QUYẾT NGHỊ"), sv("NGHỊ QUYẾT"), sv("Quyết định:"), sv("Quyết nghị:")}) {
      if (StartsWith(line, w)) {
        sv rest = line.substr(w.size());
        while (!rest.empty() && (IsSpace(rest.back()) || rest.back() == ':')) rest.remove_suffix(1);
        while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
        if (rest.empty() && (grounds_seen || EndsWith(line, ":"))) return true;
      }
    }
    // "I. MỤC ĐÍCH", "1. …": a plan's or letter's first section.
    std::size_t r = 0;
    while (r < line.size() && (line[r] == 'I' || line[r] == 'V' || line[r] == 'X')) ++r;
    if (r > 0 && r + 1 < line.size() && line[r] == '.' && line[r + 1] == ' ') return true;
    std::size_t d = 0;
    while (d < line.size() && IsDigit(line[d])) ++d;
    return d > 0 && d + 1 < line.size() && line[d] == '.' && line[d + 1] == ' ';
  }

  // A "Căn cứ …" or "Thực hiện …" line: each document it lists, not those its descriptions name.
  bool Preamble(std::size_t s, std::size_t b) {
    RelationType type;
    std::size_t p = s;
    const sv line = t_.substr(s, b - s);
    if (StartsWith(line, "Căn cứ")) {
      type = RelationType::kBasedOn;
      p += sv("Căn cứ").size();
      p = SkipSpace(t_, p, b);
      if (StartsWith(t_.substr(p, b - p), "vào ")) p += sv("vào ").size();
    } else {
      static constexpr std::array<sv, 10> kImpl = {
          "Để triển khai thực hiện", "Để triển khai", "Triển khai thực hiện", "Triển khai",
          "Để thực hiện", "Thực hiện", "Để cụ thể hóa", "Để cụ thể hoá", "Nhằm cụ thể hóa", "Cụ thể hóa"};
      bool found = false;
      for (sv w : kImpl) {
        if (StartsWith(line, w)) { p += w.size(); found = true; break; }
      }
      if (!found) return false;
      type = RelationType::kImplements;
    }
    std::size_t reach = 60;
    while (p < b) {
      std::vector<Candidate> cs = Candidates(t_, p, b, ms_);
      if (cs.empty() || cs.front().begin - p > reach) {
        // No document heads this segment: go to the next one.
        std::size_t semi = t_.substr(0, b).find(';', p);
        if (semi == kNpos) break;
        p = SkipGrounds(semi + 1, b);
        reach = 20;
        continue;
      }
      Candidate head = std::move(cs.front());
      const std::size_t semi = std::min(t_.substr(0, b).find(';', head.end), b);
      Add(type, head, s, b, sv(), "");
      // A sibling after "và" / "," before any description: "Luật A ngày … và Luật B ngày …".
      std::size_t next = semi;
      for (std::size_t i = 1; i < cs.size() && cs[i].begin < semi; ++i) {
        const sv gap = t_.substr(head.end, cs[i].begin - head.end);
        if (HasDescription(gap)) break;
        if (EndsWith(gap, " và ") || EndsWith(gap, ", ") || EndsWith(gap, "; ") || EndsWith(gap, " và số ") ||
            EndsWith(gap, ", số ") || EndsWith(gap, "; số ")) {
          next = cs[i].begin;
          break;
        }
      }
      p = next < semi ? next : SkipGrounds(semi + 1, b);
      reach = 20;
    }
    return true;
  }

  // "…; Căn cứ Nghị định …" on one line: the next segment's own "Căn cứ (vào)". `p` may be one
  // past `b` (the byte after a segment that ended the line without ';'): it is clamped to `b`.
  std::size_t SkipGrounds(std::size_t p, std::size_t b) const {
    p = SkipSpace(t_, std::min(p, b), b);
    for (sv w : {sv("Căn cứ "), sv("căn cứ "), sv("vào ")}) {
      if (StartsWith(t_.substr(p, b - p), w)) p = SkipSpace(t_, p + w.size(), b);
    }
    return p;
  }

  // The title line: "NGHỊ ĐỊNH SỬA ĐỔI, BỔ SUNG … CỦA NGHỊ ĐỊNH SỐ …", "KẾ HOẠCH Thực hiện …".
  static constexpr std::array<sv, 14> kTitleKinds = {
      "THÔNG TƯ LIÊN TỊCH", "NGHỊ ĐỊNH", "THÔNG TƯ", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "KẾ HOẠCH",
      "CHỈ THỊ", "QUY ĐỊNH", "HƯỚNG DẪN", "KẾT LUẬN", "QUY CHẾ", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "LUẬT"};

  static bool TitleKindOnly(sv line) {
    while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
    return std::find(kTitleKinds.begin(), kTitleKinds.end(), line) != kTitleKinds.end();
  }

  // With `kind_given`, the line is the title's content under a kind line of its own.
  bool Title(std::size_t s, std::size_t b, bool kind_given) {
    const sv line = t_.substr(s, b - s);
    std::size_t p = kind_given ? s : kNpos;
    for (sv k : kTitleKinds) {
      if (p == kNpos && StartsWith(line, k) && line.size() > k.size() + 1) { p = s + k.size(); break; }
    }
    if (p == kNpos) return false;
    p = SkipSpace(t_, p, b);
    for (sv w : {sv("VỀ VIỆC "), sv("Về việc "), sv("về việc "), sv("V/v ")}) {
      if (StartsWith(t_.substr(p, b - p), w)) p = SkipSpace(t_, p + w.size(), b);
    }
    auto v = VerbAt(t_, p);
    if (!v) return true;
    // "QUY ĐỊNH CHI TIẾT" or "HƯỚNG DẪN" after "QUY ĐỊNH"/"HƯỚNG DẪN" as the kind is the title's
    // content only when the verb follows; a title "QUY ĐỊNH VỀ …" states no relation.
    Predicate(*v, p, b, s, b, 300);
    return true;
  }

  // One sentence after the preamble. Returns a pending list type when the sentence introduces
  // a list ("Bãi bỏ các văn bản sau:") without naming a document itself.
  std::optional<Pending> Sentence(std::size_t ss, std::size_t se, bool heading, bool effect, bool amending) {
    const std::size_t p = SkipMarkers(t_, ss, se);
    if (p >= se) return std::nullopt;
    const bool colon = EndsWith(t_.substr(ss, se - ss), ":");
    if (std::size_t subj = SelfSubject(t_, p, se)) {
      Validity(subj, se);
      return SelfPredicates(subj, ss, se, colon);
    }
    if (!heading && !effect && !amending) return std::nullopt;
    // Verb first: "Bãi bỏ Quyết định số …", "Sửa đổi, bổ sung một số điều của …", and the
    // items of an amending article ("1. Thay thế, bãi bỏ các điểm, khoản … tại Nghị định số …").
    if (auto v = VerbAt(t_, p);
        v && (v->type == RelationType::kRepeals || v->type == RelationType::kReplaces ||
              v->type == RelationType::kAmends)) {
      // "Thay thế, bổ sung, bãi bỏ …": every verb of the chain applies to the same objects.
      std::vector<Verb> chain = {*v};
      std::size_t q = p + v->text.size();
      for (;;) {
        std::size_t r = q;
        for (sv sep : {sv(", "), sv(" và "), sv(" hoặc ")}) {
          if (StartsWith(t_.substr(r, se - r), sep)) { r += sep.size(); break; }
        }
        auto next = r > q ? VerbAt(t_, r) : std::nullopt;
        if (!next) break;
        chain.push_back(*next);
        q = r + next->text.size();
      }
      std::size_t n = 0;
      const std::size_t before = out_.relations.size();
      for (const Verb& verb : chain) {
        if (verb.type != RelationType::kRepeals && verb.type != RelationType::kReplaces &&
            verb.type != RelationType::kAmends)
          continue;
        n += Predicate(verb, q - verb.text.size(), se, ss, se, 300, /*located=*/true);
      }
      // An item of an article amending document A that names another document B is A's new
      // wording or a cross-reference, not this document's act on B.
      if (amending && !heading && !effect && !amending_docs_.empty()) {
        while (out_.relations.size() > before && !amending_docs_.count(out_.relations.back().target)) {
          out_.relations.pop_back();
          while (!unresolved_.empty() && unresolved_.back().first >= out_.relations.size()) unresolved_.pop_back();
        }
      }
      // An amending article's items introduce the new wording, not lists of documents.
      if (n == 0 && colon && (heading || effect))
        return Pending{v->type, v->type == RelationType::kReplaces ? "" : "whole"};
      return std::nullopt;
    }
    if (!heading && !effect) return std::nullopt;
    // "<văn bản> hết hiệu lực …": the sentence's subject is the other document.
    const sv sentence = t_.substr(ss, se - ss);
    const std::size_t het = sentence.find("hết hiệu lực");
    if (het != kNpos && effect) {
      const std::size_t at = ss + het;
      std::vector<Candidate> cs = ListedTargets(t_, p, at, ms_, 12);
      for (Candidate& c : cs) Add(RelationType::kExpires, c, ss, se, sv(), "");
      if (cs.empty() && colon) return Pending{RelationType::kExpires, ""};
    }
    return std::nullopt;
  }

  // The predicates of "<Loại> này …": verbs right after the subject or joined to it by "và",
  // ",", ";" ("… có hiệu lực từ … và thay thế …").
  std::optional<Pending> SelfPredicates(std::size_t subj, std::size_t ss, std::size_t se, bool colon) {
    std::vector<std::pair<std::size_t, Verb>> verbs;
    // The previous verb's end and whether it was this subject's: "sửa đổi, bổ sung" is one
    // predicate, so "bổ sung" is the subject's only when "sửa đổi" is.
    std::size_t prev_end = kNpos;
    bool prev_kept = false;
    for (std::size_t i = subj; i < se; ++i) {
      if (!IsSpace(t_[i - 1])) continue;
      auto v = VerbAt(t_, i);
      if (!v) continue;
      const sv before = t_.substr(subj, i - subj);
      if (prev_end != kNpos && (i == prev_end + 2 || i == prev_end + 5) &&
          (t_.substr(prev_end, i - prev_end) == ", " || t_.substr(prev_end, i - prev_end) == " và ")) {
        if (prev_kept) verbs.push_back({i, *v});
        prev_end = i + v->text.size();
        i = prev_end - 1;
        continue;
      }
      prev_end = i + v->text.size();
      prev_kept = false;
      const bool adjacent = before.size() <= 12 && before.find_first_not_of(" \t") == kNpos;
      const bool joined = EndsWith(before, " và ") || EndsWith(before, ", ") || EndsWith(before, "; ") ||
                          EndsWith(before, "đồng thời ") || EndsWith(before, " đã ");
      const bool passive = EndsWith(before, "được ") || EndsWith(before, "bị ");
      if ((adjacent || joined) && !passive) {
        verbs.push_back({i, *v});
        prev_kept = true;
      }
      i += v->text.size() - 1;
    }
    std::optional<Pending> pending;
    std::size_t last_end = subj;
    for (std::size_t k = 0; k < verbs.size(); ++k) {
      const std::size_t stop = k + 1 < verbs.size() ? verbs[k + 1].first : se;
      // A joined verb belongs to this subject only if no other document was named since its
      // last target: in "… thay thế A và B ngày … của Chính phủ sửa đổi, bổ sung C", B amends C.
      if (k > 0 && !Candidates(t_, last_end, verbs[k].first, ms_).empty()) continue;
      const std::size_t before = out_.relations.size();
      const std::size_t n = Predicate(verbs[k].second, verbs[k].first, stop, ss, se, 200);
      if (out_.relations.size() > before) last_end = out_.relations.back().end;
      if (n == 0 && colon && k + 1 == verbs.size()) pending = Pending{verbs[k].second.type, "whole"};
    }
    return pending;
  }

  // Relations of one verb at `v` over [v, stop); returns how many it added.
  std::size_t Predicate(const Verb& verb, std::size_t v, std::size_t stop, std::size_t ss, std::size_t se,
                        std::size_t reach, bool located = false) {
    const std::size_t from = v + verb.text.size();
    std::vector<Candidate> cs = ListedTargets(t_, from, stop, ms_, reach, located);
    if (cs.empty()) return 0;
    const sv gap = t_.substr(from, cs.front().begin - from);
    // Replacing a part ("Thay thế Phụ lục II ban hành kèm theo Nghị định số …", "thay thế các
    // cụm từ tại …") amends the document; only replacing the document itself is "replaces".
    RelationType type = verb.type;
    const bool part_object = cs.front().located || HasPartNoun(gap);
    if (type == RelationType::kReplaces && part_object) type = RelationType::kAmends;
    for (Candidate& c : cs) Add(type, c, ss, se, gap, part_object && gap.find("toàn bộ") == kNpos ? "part" : "");
    return cs.size();
  }

  static bool HasPartNoun(sv gap) {
    for (sv w : {sv("Phụ lục"), sv("phụ lục"), sv("cụm từ"), sv("Mẫu"), sv("mẫu"), sv("Điều"), sv("khoản"),
                 sv("điểm"), sv("danh mục"), sv("Danh mục"), sv("thủ tục")}) {
      if (gap.find(w) != kNpos) return true;
    }
    return false;
  }

  void Add(RelationType type, const Candidate& c, std::size_t ss, std::size_t se, sv gap, sv part) {
    Relation r;
    r.type = type;
    r.target = c.target;
    r.begin = c.begin;
    r.end = c.end;
    r.surface = std::string(t_.substr(c.begin, c.end - c.begin));
    r.sentence_begin = ss;
    r.sentence_end = se;
    PartOf(gap, r);
    if (!part.empty() && (type == RelationType::kRepeals || type == RelationType::kAmends)) r.part = std::string(part);
    if (c.needs_year) unresolved_.push_back({out_.relations.size(), Lower(c.law_name)});
    if (!c.law_name.empty() && !c.needs_year) years_.emplace(Lower(c.law_name), c.target);
    for (Relation& old : out_.relations) {
      if (old.type == r.type && old.target == r.target) {
        for (auto& a : r.articles) {
          if (std::find(old.articles.begin(), old.articles.end(), a) == old.articles.end()) old.articles.push_back(a);
        }
        if (!r.articles.empty()) old.part = "part";
        if (c.needs_year) unresolved_.pop_back();
        return;
      }
    }
    out_.relations.push_back(std::move(r));
  }

  // "Nghị định này quy định chi tiết Luật Đất đai": the year from the Căn cứ line that names
  // the same law with its date.
  void ResolveYears() {
    for (auto& [index, name] : unresolved_) {
      auto it = years_.find(name);
      if (it != years_.end()) out_.relations[index].target = it->second;
    }
    // Resolving may make two relations equal; keep the first.
    std::vector<Relation> kept;
    std::set<std::pair<RelationType, std::string>> seen;
    for (Relation& r : out_.relations) {
      if (seen.insert({r.type, r.target}).second) kept.push_back(std::move(r));
    }
    out_.relations = std::move(kept);
  }

  // "… có hiệu lực (thi hành) (kể) từ ngày 01 tháng 7 năm 2025 (đến hết ngày …)",
  // "… có hiệu lực kể từ ngày ký", "… hết hiệu lực (kể từ) ngày …".
  void Validity(std::size_t subj, std::size_t se) {
    const sv s = t_.substr(subj, se - subj);
    if (out_.effective_from.empty()) {
      std::size_t f = s.find("có hiệu lực");
      if (f != kNpos) {
        std::size_t p = subj + f + sv("có hiệu lực").size();
        p = SkipSpace(t_, p, se);
        if (StartsWith(t_.substr(p, se - p), "thi hành")) p = SkipSpace(t_, p + sv("thi hành").size(), se);
        const std::size_t phrase = p;
        if (StartsWith(t_.substr(p, se - p), "kể ")) p += sv("kể ").size();
        if (StartsWith(t_.substr(p, se - p), "từ ")) {
          std::size_t q = p + sv("từ ").size();
          std::string iso = ParseDate(t_, q, se);
          if (!iso.empty()) {
            out_.effective_from = iso;
            Until(q, se);
          } else {
            out_.effective_from = RelativePhrase(phrase, se);
            // "… kể từ ngày ký đến hết ngày 24 tháng 02 năm 2030".
            const std::size_t until = t_.substr(0, se).find(" đến ", q);
            if (until != kNpos && until < q + 40) Until(until, se);
          }
        } else if (StartsWith(t_.substr(p, se - p), "theo ")) {
          // "… có hiệu lực thi hành theo Quyết định số 3659/QĐ-BKHCN …": as that document.
          out_.effective_from = RelativePhrase(phrase, se);
        } else if (StartsWith(t_.substr(p, se - p), "sau ") || StartsWith(t_.substr(p, se - p), "vào ngày") ||
                   StartsWith(t_.substr(p, se - p), "trong ")) {
          std::size_t q = p + (t_[p] == 's' ? sv("sau ").size() : 0);
          std::string iso = StartsWith(t_.substr(p, se - p), "vào ") ? ParseDate(t_, q = p + 4, se) : "";
          out_.effective_from = iso.empty() ? RelativePhrase(phrase, se) : iso;
        }
      }
    }
    if (out_.expires_on.empty()) {
      std::size_t f = s.find("hết hiệu lực");
      if (f != kNpos) {
        std::size_t p = SkipSpace(t_, subj + f + sv("hết hiệu lực").size(), se);
        for (sv w : {sv("thi hành "), sv("kể "), sv("từ "), sv("vào ")}) {
          if (StartsWith(t_.substr(p, se - p), w)) p += w.size();
        }
        std::string iso = ParseDate(t_, p, se);
        if (!iso.empty()) out_.expires_on = iso;
      }
    }
  }

  void Until(std::size_t p, std::size_t se) {
    std::size_t q = SkipSpace(t_, p, se);
    for (sv w : {sv("đến hết "), sv("đến ")}) {
      if (StartsWith(t_.substr(q, se - q), w)) {
        q += w.size();
        std::string iso = ParseDate(t_, q, se);
        if (!iso.empty() && out_.expires_on.empty()) out_.expires_on = iso;
        return;
      }
    }
  }

  std::string RelativePhrase(std::size_t p, std::size_t se) {
    std::size_t e = std::min(se, p + 80);
    // Cut at a word boundary, never inside a multi-byte letter.
    if (e < se) {
      while (e > p && !IsSpace(t_[e])) --e;
    }
    for (sv stop : {sv(","), sv(";"), sv("."), sv(" và "), sv(" đến "), sv(" đối với "), sv(" cho ")}) {
      std::size_t f = t_.substr(0, e).find(stop, p);
      if (f != kNpos) e = f;
    }
    while (e > p && IsSpace(t_[e - 1])) --e;
    return std::string(t_.substr(p, e - p));
  }

  sv t_;
  const std::vector<Mention>& ms_;
  DocumentRelations out_;
  std::vector<std::pair<std::size_t, std::string>> unresolved_;
  std::map<std::string, std::string> years_;  // lower-cased law name → "Luật X 2024"
  std::set<std::string> amending_docs_;       // targets the current article's heading named
};

}  // namespace

std::string_view RelationTypeName(RelationType t) {
  switch (t) {
    case RelationType::kReplaces: return "replaces";
    case RelationType::kRepeals: return "repeals";
    case RelationType::kAmends: return "amends";
    case RelationType::kGuides: return "guides";
    case RelationType::kBasedOn: return "based_on";
    case RelationType::kImplements: return "implements";
    case RelationType::kExpires: return "expires";
  }
  return "";
}

DocumentRelations ExtractRelations(std::string_view text, const std::vector<Mention>& mentions) {
  return Extractor(text, mentions).Run();
}

}  // namespace vankien::refs
