// The line layout of an official header: one extracted line cut into the items a Party or state
// header is made of (issuer, motto, number, place and date, "V/v" subject, type line, rules),
// whatever the extractor did to the two header columns. Internal to indexer/doc; the block-level
// reading of these items (which item is the issuer, the type, the subject) is official_header.cc.
// Thread-safety: pure functions; the Analyzer is only read.
#ifndef VANKIEN_INDEXER_DOC_HEADER_LAYOUT_H_
#define VANKIEN_INDEXER_DOC_HEADER_LAYOUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/folded_words.h"

namespace vankien::doc_internal {

enum class ItemKind {
  kOther,      // anything else: an issuer part, a type line, a subject line, body text
  kRule,       // decoration: "-------", "___", "*", "o0o" (never a field, never an issuer)
  kMotto,      // "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
  kNumber,     // "Số: 30/2020/NĐ-CP", "Số 21-NQ/TW", a bare "Số:", "Nghị quyết số: 132/2020/QH14"
  kPlaceDate,  // "Hà Nội, ngày 16 tháng 6 năm 2022" (the place may be absent)
  kReference,  // "V/v hướng dẫn ...": the subject of a công văn, under its number
  kAddressee,  // "Kính gửi: ...": a letter's body starts here
};

struct Item {
  Words words;
  ItemKind kind = ItemKind::kOther;
  // kMotto: 'p' the Party's name, 's' the state's name, 'm' the state motto ("Độc lập ...").
  char motto = 0;
  Item(std::string s, const text::Analyzer& analyzer) : words(std::move(s), analyzer) {}
};

struct LaidOutLine {
  std::vector<Item> items;  // left to right; never an empty item
  std::string joined;       // the non-rule items joined by one space
};

// Cuts one extracted line into items. A line holds several items when the extractor ran the
// header's columns or lines together: PDF and DOCX columns (tabs, runs of two or more spaces),
// decorative rules between the issuer and the motto ("CHÍNH PHỦ ------- CỘNG HÒA ..."), and a
// crawler's flattening with single spaces ("Số: 778/TCHQ-GSQL V/v xử lý ... Hà Nội, ngày 13
// tháng 02 năm 2017 Kính gửi: ..."). Within a cell, items start at these landmarks:
//   - the Party name and the state name in one letter case (all capitals, or all lower case
//     after TCVN3 conversion; running text writes them in mixed case), and the state motto;
//     each is an item of its own and the text after it starts another;
//   - "Số" capitalized and followed by ":" or a number, taking a type noun right before it
//     ("Nghị quyết số: 132/2020/QH14");
//   - "V/v" (a công văn's subject) and "Kính gửi" (its addressee);
//   - a full date ("ngày D tháng M năm Y", "ngày D/M/YYYY", "D/M/YYYY") after a comma and a
//     title-case place ("Thành phố Hồ Chí Minh, ngày ..."), or at the start of a cell; the text
//     after the date starts another item.
// Number words glued to their number by the source ("tháng11", "ngày01") are separated first.
// Returns the items with their kinds; kOther items are classified by the caller.
LaidOutLine LayOutLine(const text::Analyzer& analyzer, std::string_view raw);

// A document type as a header's type line names it: the folded noun and its canonical spelling.
struct TypeName {
  std::string_view key;   // "nghi quyet"
  std::string_view name;  // "Nghị quyết"
};

// The type noun `key` (folded words) starts with, longest first ("nghi quyet lien tich" before
// "nghi quyet"); nullptr when it starts with none.
const TypeName* TypeNounAtStart(std::string_view key);

// The columns of an extracted line: cut at tabs and at runs of two or more spaces (PDF and
// DOCX layout), each collapsed to single spaces; no empty column.
std::vector<std::string> SplitColumns(std::string_view raw);

// "-------", "* * *", "o0o": a cell that only decorates the header.
bool IsRule(const Words& w);

}  // namespace vankien::doc_internal

#endif  // VANKIEN_INDEXER_DOC_HEADER_LAYOUT_H_
