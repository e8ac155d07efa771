// ExtractDoc: the text of a Word 97-2003 binary .doc file, read by antiword (Debian package
// `antiword`) as DocBook XML, so that tables keep their cells: a two-column official header
// ("CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") comes out as the left cell's lines, then the
// right cell's, as the DOCX extractor gives them.
//
// Why antiword: of the maintained Debian readers of .doc, catdoc runs cells together with tabs,
// wv (wvText) needs a text browser and garbles Vietnamese without one, LibreOffice headless takes
// seconds and a 500 MB install per file conversion; antiword reads Unicode and 8-bit documents,
// marks tables up in DocBook, runs in milliseconds and, run as a child process with limits
// (doc/subprocess.h), cannot take the indexer down with a damaged file. Documents typed in
// TCVN3 fonts (.VnTime) come out as Windows-1252 mojibake ("S¾C LÖNH"); the caller passes the
// text through text::DecodeText, which repairs it.
//
// Thread-safety: a pure function; calls may run concurrently (each runs its own antiword).
#ifndef VANKIEN_INDEXER_DOC_DOC_EXTRACTOR_H_
#define VANKIEN_INDEXER_DOC_DOC_EXTRACTOR_H_

#include <string>
#include <string_view>

#include "indexer/base/status.h"
#include "indexer/doc/subprocess.h"

namespace vankien {

struct DocText {
  // Paragraphs and table cells end with "\n"; lines inside them are kept, trimmed, empty ones
  // dropped. Valid UTF-8 as antiword wrote it (TCVN3 documents not yet repaired).
  std::string text;
  std::string title;    // the document's title property, "" when absent
  std::string created;  // the date antiword reports ("2014-01-06"), "" when absent
};

// True when `bytes` starts with the OLE2 compound-file signature every Word 97-2003 file has.
bool LooksLikeWord97(std::string_view bytes);

// Extracts the text of the .doc file held in `bytes`.
// Errors: kCorrupt when it is not an OLE2 file (an RTF or HTML file renamed .doc is named as
// such), when antiword cannot read it (damaged, or a Word 6/95 or fast-saved file) or its output
// is not XML; kInvalidArgument for a password-protected document; kNotFound when antiword is
// not installed; kResourceExhausted when it exceeds `limits`. Messages say what to do.
Result<DocText> ExtractDoc(std::string_view bytes, const ProgramLimits& limits = {});

// The text of antiword's DocBook output (`antiword -x db`), as ExtractDoc gives it: each
// <para> and table <entry> a block of trimmed lines, cells row by row, left to right; the
// <bookinfo> title and date. kCorrupt when it is not well-formed XML. Exposed for tests.
Result<DocText> ParseAntiwordDocBook(std::string_view xml);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_DOC_EXTRACTOR_H_
