// The order between header parsing and page cleaning (see metadata.h for the contract).
#include "indexer/doc/metadata.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "indexer/base/strings.h"
#include "indexer/doc/loader.h"
#include "indexer/doc/official_header.h"
#include "indexer/doc/page_cleaner.h"

namespace vankien {
namespace {

std::size_t NonSpaceBytes(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += !std::isspace(static_cast<unsigned char>(c));
  return n;
}


// Title = the hint, else the first non-empty line (which then leaves the text).
void SplitFirstLine(const std::string& text, std::string_view title_hint, Document* doc) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string_view line = TrimAsciiSpace(std::string_view(text).substr(pos, nl - pos));
    if (!line.empty()) {
      if (!title_hint.empty()) {
        doc->title = std::string(TrimAsciiSpace(title_hint));
        doc->text = text;
      } else {
        doc->title = std::string(line);
        doc->text = text.substr(std::min(nl + 1, text.size()));
      }
      return;
    }
    pos = nl + 1;
  }
  doc->title = std::string(TrimAsciiSpace(title_hint));
  doc->text.clear();
}

}  // namespace

void DescribeDocument(const text::Analyzer& analyzer, const refs::Recognizer& recognizer,
                      std::string text, std::string_view title_hint, std::string_view date_hint,
                      Document* doc) {
  // 1. The header, on the raw text: nothing has been removed from it yet.
  const OfficialHeader header = ParseOfficialHeader(analyzer, recognizer, text);
  if (header.found && !header.symbol.empty()) {
    // 2. An official document keeps its whole text.
    doc->kind = header.type.empty() ? "Văn bản" : header.type;
    doc->symbol = header.symbol;
    doc->date = !header.date.empty() ? header.date : NormalizeDate(date_hint);
    doc->issuer = header.issuer;
    doc->term = header.term;
    doc->plenum = header.plenum;
    doc->subject = header.subject;
    doc->signer = header.signer;
    doc->place = header.place;
    doc->title = doc->kind + " số " + header.symbol + (header.subject.empty() ? "" : " " + header.subject);
    doc->text = std::move(text);
  } else {
    // 3. A page. The lines of a header without a number (empty when there is none) are the
    // document's own: the cleaner keeps them.
    PageInfo page = CleanScrapedPage(analyzer, text, title_hint, date_hint,
                                     std::span<const std::size_t>(header.lines));
    doc->kind = "article";
    // A header whose number could not be read (a handwritten number on a scan) still dates the
    // document: its "ngày … tháng … năm …" wins over what the cleaner found (a signature stamp's
    // time, a gazette's running head) and over the file's own date.
    doc->date = !header.date.empty() ? header.date : std::move(page.date);
    // The cleaner must never cost the article: when it dropped nothing, or kept less than half
    // of the text (a short plain note it mistook for a page), keep the text as it is, titled by
    // its first line.
    const std::size_t kept = NonSpaceBytes(page.title) + NonSpaceBytes(page.body);
    if (!page.dropped.empty() && !page.body.empty() && kept * 2 >= NonSpaceBytes(text)) {
      doc->flags.push_back("boilerplate-removed");
      doc->title = std::move(page.title);
      doc->text = std::move(page.body);
    } else {
      SplitFirstLine(text, title_hint, doc);
    }
  }
  if (doc->title.empty()) doc->flags.push_back("no-title");
  if (doc->date.empty()) doc->flags.push_back("no-date");
}

}  // namespace vankien
