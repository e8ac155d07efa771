// The official header of a Party or state document: issuer, number-symbol, place, date, type,
// plenum/term, subject and signer, read from the first lines of its text (and the signature
// block from its last lines), together with which lines they were read from.
// Thread-safety: a pure function; call it from any thread. The Analyzer and Recognizer are only
// read (both are immutable and safe to share).
#ifndef VANKIEN_INDEXER_DOC_OFFICIAL_HEADER_H_
#define VANKIEN_INDEXER_DOC_OFFICIAL_HEADER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vankien {

namespace text {
class Analyzer;
}  // namespace text
namespace refs {
class Recognizer;
}  // namespace refs

struct OfficialHeader {
  bool found = false;  // true when a Party or state header was recognized; other fields may be ""
  // The issuing body as written in the header's left column, lines joined by one space:
  // "BAN CHẤP HÀNH TRUNG ƯƠNG", "CHÍNH PHỦ", "ĐẢNG BỘ TỈNH X TỈNH ỦY".
  std::string issuer;
  std::string symbol;  // the number-symbol as written after "Số"/"Số:": "21-NQ/TW", "30/2020/NĐ-CP"
  std::string place;  // "Hà Nội"; "" when the date line has none
  std::string date;   // "YYYY-MM-DD" from "ngày 16 tháng 6 năm 2022"
  // The document-type noun, canonical title case: "Nghị quyết", "Quyết định", "Công văn",
  // "Văn bản hợp nhất"; "" when nothing in the layout or the number tells (see below).
  std::string type;
  std::optional<int> plenum;  // "HỘI NGHỊ LẦN THỨ NĂM ..." → 5
  // The Party term (khóa) in Roman numerals as stated in the header ("KHÓA XIII" → "XIII"); ""
  // when the header states none (use refs::PartyTermOn(date) to infer it).
  std::string term;
  // The title after the type line as written, lines joined: "về tăng cường ...", "Về công tác
  // văn thư", "Phê duyệt Đề án ..."; a công văn's "V/v ..." line; for a Văn bản hợp nhất the
  // reprinted type line with its title ("LUẬT ĐƯỜNG SẮT").
  std::string subject;
  std::string signer;  // the signing person's name from the signature block: "Nguyễn Văn An"
  std::string
      system;  // "party" (ĐẢNG CỘNG SẢN VIỆT NAM) or "state" (CỘNG HÒA XÃ HỘI CHỦ NGHĨA ...)
  // The lines the header and the signature block occupy, as 0-based indices of the input split
  // at '\n', ascending, blank lines left out: every line from the first issuer line to the last
  // line of the subject (or its closing rule "-----"; without a type line, to the last line that
  // gave the number, the date or an issuer part), and every line from the signature anchor or
  // position line ("T/M ...", "THỦ TƯỚNG") to the signer's name. Empty when found is false.
  // These are the lines a page cleaner must leave alone (CleanScrapedPage's keep_lines).
  std::vector<std::size_t> lines;
};

// Recognizes the official header of a Party document (Hướng dẫn 36-HD/VPTW layout: issuer,
// "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 21-NQ/TW", "Hà Nội, ngày ...", type line, plenum line,
// "về ...", signature block "T/M ... / TỔNG BÍ THƯ / name") or a state document (Nghị định
// 30/2020/NĐ-CP layout: issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh
// phúc", "Số: 30/2020/NĐ-CP", date line, type line, subject, "TM. CHÍNH PHỦ / THỦ TƯỚNG / name";
// a công văn: number, "V/v ..." under it, date, "Kính gửi: ...", no type line).
// Works on the text as extracted, before any cleaning: words are compared through `analyzer`'s
// folded tokens and the number-symbol after "Số" is the first mention `recognizer` finds there.
//
// It is a layout analysis of the first lines (doc/header_layout.h cuts each line into items):
//  - Columns: the two header columns as DOCX tables and antiword give them (the left cell's
//    lines, then the right cell's), in either order, or run together on one line (tabs, runs of
//    spaces, a single space, rules between them); blank lines between every line; headings
//    lower-cased by TCVN3 conversion; NFD.
//  - Location: the Party's or the state's name (one letter case) or the state motto within the
//    first 15 non-empty lines; the header starts up to four lines above it while those lines hold
//    header items (issuer parts, rules, the number, the place and date, "V/v").
//  - Issuer: every issuer-like item (short, one case, commas allowed) before the number, in
//    order, joined by one space: "BỘ TÀI CHÍNH CỤC HẢI QUAN", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH".
//  - Number: after "Số", "Số:" (the number may be the next item or line), "Nghị quyết số:".
//  - Place and date: "<Place>, ngày D tháng M năm Y" (or D/M/YYYY), source typos like "tháng11"
//    included; else the first full date in the header's items after the number.
//  - Type line: after the motto, a type noun in one case, alone or joined to its subject
//    ("NGHỊ ĐỊNH VỀ HỌ, HỤI ..."); the search stops at the body ("Căn cứ ...", a sentence) once
//    the number is read, and at "Kính gửi".
//  - Type: "Văn bản hợp nhất" when the number's type code is VBHN (such a text reprints the type
//    line of what it consolidates); else the type line's noun; without one, "Công văn" when a
//    "V/v" subject or "Kính gửi" shows a letter; else the noun before "số"; else the noun of the
//    number's type code ("NĐ" → "Nghị định"); else "".
//  - Signer: the last name-like line of the last 60 with a signature anchor ("KT.", "TM.", "T/M",
//    "TL.", "TUQ.") or a position line ("THỨ TRƯỞNG", "TỔNG BÍ THƯ") within five lines above it.
// found is true when the motto is followed by a number-symbol or a type line. Ordinary news
// text gives found == false and an otherwise empty header.
OfficialHeader ParseOfficialHeader(const text::Analyzer& analyzer,
                                   const refs::Recognizer& recognizer, std::string_view text);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_OFFICIAL_HEADER_H_
