// Document metadata from extracted text: decides what a text is (an official document or a
// scraped page) and fills the Document's kind, title, date, header fields and quality flags.
// The work is done by official_header.h (the header of a Party or state document) and
// page_cleaner.h (a news page's title, date and boilerplate); this is the order between them.
// Thread-safety: a pure function; call it from any thread with the same Analyzer and Recognizer.
#ifndef VANKIEN_INDEXER_DOC_METADATA_H_
#define VANKIEN_INDEXER_DOC_METADATA_H_

#include <string>
#include <string_view>

#include "indexer/doc/document.h"

namespace vankien {

namespace text {
class Analyzer;
}  // namespace text
namespace refs {
class Recognizer;
}  // namespace refs

// Fills `doc`'s kind, title, date, official header fields and flags from its extracted `text`
// (which becomes doc->text, whole or cleaned). The hints come from the file's own metadata
// (HTML <title> and published date, PDF/DOCX properties); "" when it has none.
//
// Order, and why:
//  1. The official header is recognized first, on the text exactly as extracted
//     (ParseOfficialHeader): cleaning first would cost it header lines that look like page
//     furniture (short capitalized lines, "Số: ..." lines next to dates).
//  2. A header with a number-symbol makes an official document: kind = its type ("Văn bản"
//     when it has none), title = "<kind> số <symbol> <subject>", date = the header's (else the
//     date hint), and the whole text is kept; nothing is cleaned.
//  3. Anything else is an article: the page is cleaned (CleanScrapedPage) with the header's
//     lines, if a header without a number was recognized, as lines the cleaner must keep. The
//     cleaned title and body are taken only when the cleaner dropped something and kept at
//     least half of the text; otherwise the text stays whole, titled by the title hint or its
//     first non-empty line (which then leaves the text). Flags: "boilerplate-removed".
// Always: "no-title" / "no-date" flags when those ended up empty.
// `analyzer` and `recognizer` are only read; the caller owns them and builds them once.
void DescribeDocument(const text::Analyzer& analyzer, const refs::Recognizer& recognizer,
                      std::string text, std::string_view title_hint, std::string_view date_hint,
                      Document* doc);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_METADATA_H_
