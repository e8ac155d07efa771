// Official-header parsing (see official_header.h for the contract).
//
// Two stages. header_layout.h cuts every one of the first lines into items (issuer parts, the
// motto, the number, the place and date, a "V/v" subject, rules), undoing what extraction did
// to the two header columns. This file reads the block of items: where the header starts and
// ends, which items form the issuer, the type line and subject, and what type the document is.
// Words are compared through the Analyzer's folded tokens (doc_internal::Words), so case, NFD
// input, old/new tone placement and lower-cased TCVN3 headings all compare equal, while the
// original bytes (kept through token offsets) are what is returned.
#include "indexer/doc/official_header.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/folded_words.h"
#include "indexer/doc/header_layout.h"
#include "indexer/refs/lexicon.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"

namespace vankien {
namespace {

using namespace doc_internal;  // NOLINT(build/namespaces): the shared primitives of this folder
using text::TokenKind;

// Looks like a header item rather than running text: short, no sentence punctuation, one case.
// Commas are allowed: "BỘ VĂN HÓA, THỂ THAO" is an issuer written on two lines.
bool IsHeaderish(const Words& w) {
  if (IsRule(w)) return true;
  const Case c = CaseOf(w.text);
  return w.size() <= 14 && w.text.find_first_of(".;!?") == std::string::npos &&
         (c == Case::kUpper || c == Case::kLower);
}

// The document type a type line announces: "NGHỊ QUYẾT", "nghị quyết" after TCVN3 conversion,
// "NGHỊ ĐỊNH QUY ĐỊNH VỀ ..." run together with its subject, "QUYẾT ĐỊNH [Về việc ...]". The noun
// must be in one case ("Quyết định này ..." is text). After an all-capitals noun anything may
// follow (the subject, run together by a crawler); after a lower-case one (a TCVN3 heading,
// where running text is lower case too) only the words a title block continues with.
// `rest_token` receives the index of the first token after the noun.
const TypeName* TypeLine(const Words& w, std::size_t* rest_token) {
  if (w.text.empty()) return nullptr;
  const TypeName* t = TypeNounAtStart(w.key);
  if (t == nullptr) return nullptr;
  const std::size_t words = static_cast<std::size_t>(WordCount(t->key));
  // "QUYẾT ĐỊNH:" alone is the enacting formula above the articles, not a type line.
  if (words == w.size() && w.text.back() == ':') return nullptr;
  const Case c = CaseOf(w.text.substr(0, w.tokens[words - 1].end));
  if (c != Case::kUpper && c != Case::kLower) return nullptr;
  if (words < w.size() && c == Case::kLower) {
    const std::string_view rest = std::string_view(w.key).substr(t->key.size() + 1);
    if (!KeyStartsWith(rest, "hoi nghi") && !KeyStartsWith(rest, "dai hoi") &&
        !KeyStartsWith(rest, "cua") && !KeyStartsWith(rest, "ve")) {
      return nullptr;
    }
  }
  *rest_token = words;
  return t;
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

struct TailLine {
  std::vector<Words> cells;  // the line's columns, rules left out
};

// The right-hand column of a signature-area line. When columns were flattened with one space,
// a "Nơi nhận" item is glued in front ("- Lưu Văn phòng Trung ương Đảng. Nguyễn Văn An"): the
// signature part is then what follows the item's last punctuation.
Words RightColumn(const text::Analyzer& analyzer, const TailLine& line) {
  const Words& last = line.cells.back();
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
Signature FindSigner(const text::Analyzer& analyzer, const std::vector<TailLine>& tail) {
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

// OCR's spellings of the symbol's letters: Tesseract reads Đ as the look-alike Ð (U+00D0) and
// now and then as both ("QĐÐ"); no type code doubles its Đ, so the second goes.
std::string CleanSymbol(std::string s) {
  static const std::string kEth = "\xC3\x90", kDe = "\xC4\x90";  // Ð, Đ
  for (std::size_t at; (at = s.find(kEth)) != std::string::npos;) s.replace(at, kEth.size(), kDe);
  for (std::size_t at; (at = s.find(kDe + kDe)) != std::string::npos;) s.erase(at, kDe.size());
  return s;
}

// The number-symbol that starts at byte `from` of w (after "Số", "Số:" or at the start of the
// item after a bare "Số:"): the recognizer's first mention there, else a digits-then-slash chunk
// (an issuer code the recognizer does not know, "983/TB-CT"). *type_code receives the mention's
// type code ("NĐ", "VBHN", "CV"; "" for a chunk). "" when there is no number, and when OCR could
// not read a digit of it ("Ø2 /CT-UBND", "6§0_/TB-UBND", "2 # /CT-UBND": a handwritten number)
// — no number is better than an invented one. A stray mark the scan adds after the symbol
// ("09/2023/QĐ-TTg.", "239_/TTr") is not part of it.
std::string SymbolAt(const refs::Recognizer& recognizer, const Words& w, std::size_t from,
                     std::string* type_code) {
  // What comes before the first '/' (the number, with "21-NQ" its Party type) must be read
  // cleanly: digits first, then letters and hyphens, no symbol glued to the digits.
  const std::string rest = Trim(w.text.substr(from), " :.");
  if (const std::size_t slash = rest.find('/'); slash != std::string::npos && slash <= 16) {
    const std::string head = Trim(rest.substr(0, slash), " _.");
    std::size_t i = 0;
    while (i < head.size() && std::isdigit(static_cast<unsigned char>(head[i]))) ++i;
    if (i == 0) return "";                                         // "Ø2 /", "@39_/", "# /"
    if (i < head.size() && std::isalpha(static_cast<unsigned char>(head[i]))) ++i;  // "30a"
    while (i < head.size() && head[i] == ' ') ++i;
    if (i < head.size() && head[i] != '-') return "";  // "6§0_/", "2 # /"; "21-NQ/" goes on
  }
  for (const refs::Mention& m : recognizer.Find(w.text)) {
    if (m.byte_start < from) continue;
    if (!Trim(w.text.substr(from, m.byte_start - from), " :.").empty()) continue;
    *type_code = m.type;
    return CleanSymbol(Trim(m.surface));
  }
  std::string chunk = rest.substr(0, rest.find(' '));
  chunk = Trim(chunk, "._,;");
  if (chunk.find('/') != std::string::npos && chunk.find_first_of("0123456789") == 0 &&
      IsAsciiDigits(Trim(chunk.substr(0, chunk.find('/')), "_"))) {
    type_code->clear();
    return CleanSymbol(chunk);
  }
  return "";
}

// The part of a type line's rest that is its subject: all of it, or, when a crawler ran the
// first body words in ("LUẬT ĐƯỜNG SẮT Luật Đường sắt số 06/2017/QH14 ..."), the capitals up to
// the first word in another case.
std::string SubjectOfRest(const Words& rest) {
  if (rest.size() == 0) return "";
  if (CaseOf(rest.Raw(0)) != Case::kUpper) return rest.text;
  std::size_t end = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const Case c = CaseOf(rest.Raw(i));
    if (c != Case::kUpper && c != Case::kNone) break;
    end = rest.tokens[i].end;
  }
  return Trim(rest.text.substr(0, end), " ,;:");
}

// The authority line between a subject in capitals and the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
// X", "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ TƯ PHÁP"): it names who enacts, not what.
bool IsAuthorityLine(const Words& w, std::string_view issuer_key) {
  static constexpr std::array<std::string_view, 12> kStarts = {
      "thu tuong", "chinh phu",  "chu tich",  "bo truong", "uy ban",   "hoi dong",
      "cuc truong", "giam doc", "quoc hoi", "tong cuc truong", "thong doc", "chanh an"};
  if (w.key == issuer_key) return true;
  return std::any_of(kStarts.begin(), kStarts.end(),
                     [&](std::string_view s) { return KeyStartsWith(w.key, s); });
}

// What a scan or a Công báo page carries above the header and is no part of it: a digital
// signature stamp ("Ký bởi: ...", "Cơ quan: ...", "Thời gian ký: 20/12/2024 16:32:29", an e-mail,
// "20.12.2024 16:52:38 +07:00") and the Công báo running head ("CÔNG BÁO/Số 677 + 678/Ngày
// 24-4-2023", OCR sometimes losing its first letter). Its dates are when the file was signed or
// the gazette printed, not the document's.
bool IsStampLine(const Words& w) {
  if (w.text.find('@') != std::string::npos) return true;
  if (FindPhrase(w, {"ky", "boi"}) != std::string::npos ||
      FindPhrase(w, {"thoi", "gian", "ky"}) != std::string::npos || KeyStartsWith(w.key, "co quan") ||
      FindPhrase(w, {"cong", "bao"}) != std::string::npos) {
    return true;
  }
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (w.Is(i, "bao") && Trim(w.Gap(i)) == "/" && w.Is(i + 1, "so")) return true;  // "…NG BÁO/Số"
    // A clock time "16:32:29" or a zone "+07:00".
    if (w.IsNumber(i) && w.IsNumber(i + 1) && Trim(w.Gap(i)) == ":" &&
        (i + 2 < w.size() ? Trim(w.Gap(i + 1)) == ":" : false)) {
      return true;
    }
    if (w.IsNumber(i) && w.IsNumber(i + 1) && Trim(w.Gap(i)) == ":" && i > 0 &&
        Trim(w.Gap(i - 1)) == "+") {
      return true;
    }
  }
  return false;
}

// The byte where "số" ends a token of w ("SỐ", "Số", or glued to the issuer's last word as the
// TCVN3 conversion of old files leaves it: "LÂM THỜISỐ 65"), or npos; *so receives the token.
std::size_t SoStart(const Words& w, std::size_t k) {
  const std::string& e = w.tokens[k].exact;
  static const std::string kSo = "số";
  if (e.size() < kSo.size() || e.compare(e.size() - kSo.size(), kSo.size(), kSo) != 0)
    return std::string::npos;
  const std::string_view raw = w.Raw(k);
  // NFC: the upper- and lower-case Vietnamese letters have one length, so the raw token ends
  // with the same bytes' worth of "SỐ".
  if (raw.size() < kSo.size()) return std::string::npos;
  return w.tokens[k].end - kSo.size();
}

// The title-line layout of portal files and Công báo pages, which have no header table and no
// motto: a type line, then "CỦA <issuer> SỐ <number> [NGÀY d THÁNG m NĂM y]" (on the type line
// or the next one, the date on the line after it when it does not fit): "THÔNG TƯ / CỦA NGÂN
// HÀNG NHÀ NƯỚC SỐ 01/2010/TT-NHNN / NGÀY 06 THÁNG 01 NĂM 2010", "SẮC LỆNH / CỦA CHỦ TỊCH CHÍNH
// PHỦ Số 3 NGÀY 1 THÁNG 9 NĂM 1945" (a 1945 Sắc lệnh has a bare number: its symbol is "3").
// Upper-case lines under it, up to the authority line or the body, are the subject. Fills
// found, type, issuer, symbol, date, subject, system and the header's head lines [*first,
// *last]; leaves `out` untouched and returns false when the first lines are not laid out so.
bool ReadTitleLine(const text::Analyzer& analyzer, const refs::Recognizer& recognizer,
                   const std::vector<LaidOutLine>& head, OfficialHeader* out, std::size_t* first,
                   std::size_t* last) {
  for (std::size_t i = 0; i < head.size() && i < 6; ++i) {
    const Words tw(head[i].joined, analyzer);
    std::size_t rest = 0;
    const TypeName* type = TypeLine(tw, &rest);
    if (type == nullptr || CaseOf(tw.text) == Case::kMixed) continue;
    std::size_t cua_line = i;
    std::string cua_text;
    if (rest < tw.size() && tw.Is(rest, "cua")) {
      cua_text = tw.text.substr(tw.tokens[rest].begin);
    } else if (rest == tw.size()) {
      cua_line = i + 1;
      while (cua_line < head.size() && cua_line <= i + 2 &&
             Words(head[cua_line].joined, analyzer).key == tw.key) {
        ++cua_line;  // the type line printed twice
      }
      if (cua_line >= head.size()) continue;
      cua_text = head[cua_line].joined;
    } else {
      continue;
    }
    const Words cua(cua_text, analyzer);
    if (cua.size() < 3 || !cua.Is(0, "cua")) continue;
    std::size_t k = 1;
    std::size_t so_byte = std::string::npos;
    for (; k + 1 < cua.size(); ++k) {
      so_byte = SoStart(cua, k);
      if (so_byte != std::string::npos && IsAsciiDigits(cua.Raw(k + 1).substr(0, 1))) break;
    }
    if (k + 1 >= cua.size() || so_byte <= cua.tokens[0].end) continue;
    std::string code;
    std::string symbol = SymbolAt(recognizer, cua, cua.tokens[k].end, &code);
    // A bare number: "Số 3 NGÀY ...", "SỐ 65" at the end.
    if (symbol.empty() && cua.IsNumber(k + 1) &&
        (k + 2 == cua.size() || (cua.Is(k + 2, "ngay") && Trim(cua.Gap(k + 1)).empty()))) {
      symbol = std::string(cua.Raw(k + 1));
    }
    if (symbol.empty()) continue;
    std::size_t end_line = cua_line;
    std::string date;
    for (const DateHit& h : FindDates(cua)) {
      if (h.kind == DateHit::kFull && h.first > k) {
        date = FormatDate(h.y, h.m, h.d);
        break;
      }
    }
    if (date.empty() && cua_line + 1 < head.size()) {
      const Words next(head[cua_line + 1].joined, analyzer);
      const std::vector<DateHit> hits = FindDates(next);
      if (next.Is(0, "ngay") && !hits.empty() && hits[0].kind == DateHit::kFull && hits[0].first == 0) {
        date = FormatDate(hits[0].y, hits[0].m, hits[0].d);
        end_line = cua_line + 1;
      }
    }
    out->found = true;
    out->type = std::string(type->name);
    out->issuer = Trim(std::string_view(cua.text).substr(cua.tokens[0].end, so_byte - cua.tokens[0].end), " ,");
    out->symbol = symbol;
    out->date = date;
    out->system = "state";
    const std::string issuer_key = Words(out->issuer, analyzer).key;
    for (std::size_t j = end_line + 1; j < head.size() && j <= end_line + 3; ++j) {
      const Words w(head[j].joined, analyzer);
      if (CaseOf(w.text) != Case::kUpper || StartsBody(w) || IsAuthorityLine(w, issuer_key)) break;
      out->subject += (out->subject.empty() ? "" : " ") + w.text;
      end_line = j;
    }
    *first = i;
    *last = end_line;
    return true;
  }
  return false;
}

// The signer and its lines (OfficialHeader::lines) from the last lines of the text: raw[i] is
// the text's non-empty line number raw_line[i].
void AddSignature(const text::Analyzer& analyzer, const std::vector<std::string_view>& raw,
                  const std::vector<std::size_t>& raw_line, std::size_t tail_lines,
                  OfficialHeader* out) {
  const std::size_t tail_begin = raw.size() > tail_lines ? raw.size() - tail_lines : 0;
  std::vector<TailLine> tail;
  for (std::size_t i = tail_begin; i < raw.size(); ++i) {
    TailLine line;
    for (std::string& c : SplitColumns(raw[i])) {
      Words w(std::move(c), analyzer);
      if (!IsRule(w)) line.cells.push_back(std::move(w));
    }
    tail.push_back(std::move(line));
  }
  const Signature signature = FindSigner(analyzer, tail);
  out->signer = signature.name;
  if (!signature.name.empty()) {
    for (std::size_t i = signature.first; i <= signature.last; ++i)
      out->lines.push_back(raw_line[tail_begin + i]);
  }
  // The signature of a short document may lie inside the header's range.
  std::sort(out->lines.begin(), out->lines.end());
  out->lines.erase(std::unique(out->lines.begin(), out->lines.end()), out->lines.end());
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
  std::vector<LaidOutLine> head;
  for (std::size_t i = 0; i < raw.size() && i < kHeaderLines; ++i)
    head.push_back(LayOutLine(analyzer, raw[i]));

  // The national motto (the Party's name, or the state's name and motto) locates the header.
  std::size_t motto_line = head.size();
  char system = 0;
  for (std::size_t i = 0; i < head.size() && i < kMottoWithin && system == 0; ++i) {
    for (const Item& it : head[i].items) {
      if (it.kind != ItemKind::kMotto) continue;
      motto_line = i;
      system = it.motto == 'p' ? 'p' : 's';
      break;
    }
  }
  if (system == 0) {
    // No motto: the title-line layout of portal files and Công báo pages, if it is that.
    std::size_t first = 0, last = 0;
    if (!ReadTitleLine(analyzer, recognizer, head, &out, &first, &last)) return OfficialHeader{};
    for (std::size_t i = first; i <= last; ++i) out.lines.push_back(raw_line[i]);
    AddSignature(analyzer, raw, raw_line, kTailLines, &out);
    return out;
  }
  // Lines above the motto line belong to the header while they hold header items: the issuer
  // (two lines, a parent body above), rules, and, where an extractor emits the left column
  // before the right one (DOCX tables, antiword), the number and even the "V/v" line.
  auto header_item = [](const Item& it) {
    switch (it.kind) {
      case ItemKind::kOther:
        return IsHeaderish(it.words);
      case ItemKind::kAddressee:
        return false;
      default:
        return true;
    }
  };
  // A stamp (a digital signature, the Công báo running head) ends the header upwards.
  std::size_t begin = motto_line;
  while (begin > 0 && motto_line - begin < 5 &&
         !IsStampLine(Words(head[begin - 1].joined, analyzer)) &&
         std::all_of(head[begin - 1].items.begin(), head[begin - 1].items.end(), header_item)) {
    --begin;
  }

  // Every item up to the type line (or the addressee of a letter): issuer parts, number,
  // place/date, "V/v" subject. header_last is the last head line read as part of the header.
  std::size_t header_last = motto_line;
  std::vector<std::string> issuer_parts;
  std::string symbol_code;                  // the type code inside the number-symbol
  const TypeName* number_noun = nullptr;    // "Nghị quyết số: ...": the noun before "số"
  std::string reference;                    // "V/v ...": a công văn's subject
  bool want_number = false;                 // a bare "Số:" waits for its number
  bool seen_symbol = false, after_motto = false, addressed = false, body_reached = false;
  std::size_t type_line = head.size(), type_item = 0, type_rest = 0;
  const TypeName* type = nullptr;
  for (std::size_t i = begin; i < head.size() && i < begin + 20 && type == nullptr && !addressed &&
                               !body_reached;
       ++i) {
    for (std::size_t k = 0; k < head[i].items.size(); ++k) {
      const Item& it = head[i].items[k];
      const Words& w = it.words;
      if (it.kind == ItemKind::kAddressee) {
        addressed = true;
        break;
      }
      if (it.kind == ItemKind::kRule) continue;  // a header line only if an item follows it
      if (it.kind == ItemKind::kMotto) {
        after_motto = true;
        header_last = std::max(header_last, i);
        continue;
      }
      if (it.kind == ItemKind::kNumber) {
        if (!seen_symbol) {
          std::size_t so = 0;
          while (so < w.size() && w.tokens[so].exact != "số") ++so;
          if (so < w.size()) {
            std::string noun;
            for (std::size_t t = 0; t < so; ++t) noun += (noun.empty() ? "" : " ") + w.tokens[t].folded;
            if (so > 0) number_noun = TypeNounAtStart(noun);
            out.symbol = SymbolAt(recognizer, w, w.tokens[so].end, &symbol_code);
          }
          want_number = out.symbol.empty();
          seen_symbol = true;
        }
        header_last = std::max(header_last, i);
        continue;
      }
      if (it.kind == ItemKind::kPlaceDate) {
        if (out.date.empty()) {
          for (const DateHit& h : FindDates(w)) {
            if (h.kind != DateHit::kFull) continue;
            out.date = FormatDate(h.y, h.m, h.d);
            out.place = Trim(w.text.substr(0, w.tokens[h.first].begin), " ,");
            break;
          }
        }
        header_last = std::max(header_last, i);
        continue;
      }
      if (it.kind == ItemKind::kReference) {
        if (reference.empty()) reference = w.text;
        header_last = std::max(header_last, i);
        continue;
      }
      // kOther: the number after a bare "Số:", the type line, a wrap of the "V/v" subject, or
      // an issuer part.
      if (want_number) {
        want_number = false;
        out.symbol = SymbolAt(recognizer, w, 0, &symbol_code);
        if (!out.symbol.empty()) {
          header_last = std::max(header_last, i);
          continue;
        }
      }
      if (after_motto) {
        type = TypeLine(w, &type_rest);
        if (type != nullptr) {
          type_line = i;
          type_item = k;
          header_last = std::max(header_last, i);
          break;
        }
      }
      // Once the number is read, the body ends the search ("Căn cứ ...", a sentence): a type
      // line further down is the body's.
      if (seen_symbol && StartsBody(w)) {
        body_reached = true;
        break;
      }
      if (!reference.empty() && k == 0 && FirstLetterCase(w.text) < 0) {
        reference += " " + w.text;
        header_last = std::max(header_last, i);
        continue;
      }
      if (!seen_symbol && IsHeaderish(w)) {
        issuer_parts.push_back(w.text);
        header_last = std::max(header_last, i);
      }
    }
  }
  // No place-and-date item (a date written inside another item): the first full date among the
  // header's items after the number.
  bool after_number = false;
  for (std::size_t i = begin; i <= header_last && out.date.empty(); ++i) {
    for (const Item& it : head[i].items) {
      after_number = after_number || it.kind == ItemKind::kNumber;
      if (!after_number || (it.kind != ItemKind::kNumber && it.kind != ItemKind::kOther)) continue;
      for (const DateHit& h : FindDates(it.words)) {
        if (h.kind != DateHit::kFull) continue;
        out.date = FormatDate(h.y, h.m, h.d);
        break;
      }
      if (!out.date.empty()) break;
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
    const Words& tw = head[type_line].items[type_item].words;
    const Words rest(type_rest < tw.size() ? tw.text.substr(tw.tokens[type_rest].begin) : "",
                     analyzer);
    std::string block, subject;
    Case subject_case = Case::kNone;
    // The rest of the type line: a title block ("NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ NĂM ...") or the
    // subject run together with it ("NGHỊ ĐỊNH VỀ HỌ, HỤI, BIÊU, PHƯỜNG").
    if (rest.size() > 0) {
      if (KeyStartsWith(rest.key, "hoi nghi") || KeyStartsWith(rest.key, "dai hoi") ||
          KeyStartsWith(rest.key, "cua") || KeyStartsWith(rest.key, "ban chap hanh")) {
        block = rest.text;
      } else {
        subject = SubjectOfRest(rest);
        subject_case = CaseOf(subject);
      }
    }
    const std::string issuer_key = Words(out.issuer, analyzer).key;
    std::vector<Words> after;  // the lines under the type line: after[i] is head[type_line + 1 + i]
    for (std::size_t i = type_line + 1; i < head.size() && i < type_line + 12; ++i)
      after.emplace_back(head[i].joined, analyzer);
    // Every line the loop reads as title block, subject or rule is a header line.
    auto consumed = [&](std::size_t i) { header_last = std::max(header_last, type_line + 1 + i); };
    // A head line's joined text leaves its rules out: empty means a line of rules only.
    auto rule_line = [](const Words& w) { return w.text.empty() || IsRule(w); };
    for (std::size_t i = 0; i < after.size(); ++i) {
      const Words& w = after[i];
      if (rule_line(w)) {
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
        if (StartsBody(w) || IsAuthorityLine(w, issuer_key)) break;
        subject = w.text;
        subject_case = c;
        consumed(i);
        // A separator ("-----") within the next three lines closes the subject: every line up to
        // it is a wrap, whatever its first letter ("Ban Chấp hành Trung ương ...").
        std::size_t close = i + 1;
        while (close < after.size() && close <= i + 3 && !rule_line(after[close]) &&
               !StartsBody(after[close])) {
          ++close;
        }
        if (close < after.size() && close <= i + 3 && rule_line(after[close])) {
          for (std::size_t k = i + 1; k < close; ++k) subject += " " + after[k].text;
          consumed(close);
          break;
        }
        continue;
      }
      // Without a closing separator: lower-case wraps ("và nâng cao ..."), or more capitals under
      // an all-capitals subject, but never the authority line or the body.
      const bool wraps = FirstLetterCase(w.text) < 0 && !StartsBody(w);
      const bool caps = subject_case == Case::kUpper && c == Case::kUpper && !StartsBody(w) &&
                        !IsAuthorityLine(w, issuer_key);
      if (!(wraps || caps)) break;
      subject += " " + w.text;
      consumed(i);
    }
    out.subject = subject;
    ParsePlenumAndTerm(Words(block, analyzer), &out);
  }

  // The type, by what the layout shows. A consolidated text (VBHN in its number) reprints the
  // type line of the text it consolidates, so its number decides; otherwise the type line does.
  // Without one, a "V/v" subject or a "Kính gửi" makes a công văn (a letter: number, subject,
  // addressee, no type line); then the noun before "số" ("Nghị quyết số: ..."), then the type
  // code inside the number. "" when nothing tells (DescribeDocument says "Văn bản").
  if (symbol_code == "VBHN") {
    if (type != nullptr) {
      const Words& tw = head[type_line].items[type_item].words;
      out.subject = Trim(tw.text.substr(0, tw.tokens[type_rest - 1].end) + " " + out.subject);
    }
    out.type = "Văn bản hợp nhất";
  } else if (type == nullptr) {
    if (!reference.empty() || addressed) {
      out.type = "Công văn";
      out.subject = reference;
    } else if (number_noun != nullptr) {
      out.type = std::string(number_noun->name);
    } else if (!symbol_code.empty()) {
      out.type = std::string(symbol_code == "CV" ? "Công văn" : refs::NounForCode(symbol_code));
    }
  }

  // A letter whose number OCR could not read (a handwritten number: "Số: Ø2 /UBND-KTTH") is
  // still a letter: its "Số:", its "V/v" or "Kính gửi" show the layout, and its date counts.
  out.found = !out.symbol.empty() || type != nullptr || (seen_symbol && (!reference.empty() || addressed));
  if (!out.found) return OfficialHeader{};

  for (std::size_t i = begin; i <= header_last; ++i) out.lines.push_back(raw_line[i]);
  AddSignature(analyzer, raw, raw_line, kTailLines, &out);
  return out;
}

}  // namespace vankien
