// ExtractDocx: the text of a Word .docx file (Office Open XML), with the title and creation date
// from its core properties, read entirely from memory.
//
// How: libzip opens the archive from the buffer; the main document part (named by _rels/.rels,
// normally word/document.xml) is decompressed with hard bounds, then parsed by libxml2 without
// network access, DTD loading or entity substitution.
//
// Thread-safety: a pure function; safe to call from many threads at once.
// Limits (see DocxLimits): a part whose declared or actual uncompressed size exceeds
// max_uncompressed, or whose uncompressed/compressed ratio exceeds max_ratio, is refused as a
// possible zip bomb before or while it is decompressed — memory stays below max_uncompressed per
// part. XML with a <!DOCTYPE> or <!ENTITY> declaration is refused (Word never writes one; it is
// how entity-expansion attacks start). Only the main document part is read: headers, footers,
// footnotes, comments and embedded objects are not. Deleted tracked changes are left out,
// inserted ones kept; for mc:AlternateContent only the mc:Choice branch is read. Encrypted
// (password-protected) documents and legacy binary .doc files are refused with a message.
#ifndef VANKIEN_INDEXER_DOC_DOCX_EXTRACTOR_H_
#define VANKIEN_INDEXER_DOC_DOCX_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/base/status.h"

namespace vankien {

struct DocxLimits {
  // Largest uncompressed size of one zip entry that will be read.
  std::uint64_t max_uncompressed = 64u << 20;
  // Largest uncompressed/compressed size ratio of one entry (ordinary documents are under 20).
  std::uint64_t max_ratio = 200;
};

struct DocxText {
  // Paragraphs (w:p) end with "\n"; w:tab is "\t", w:br and w:cr are "\n". Trailing white space
  // is removed. May be empty.
  std::string text;
  std::string title;    // docProps/core.xml dc:title, trimmed; "" when absent
  std::string created;  // docProps/core.xml dcterms:created as written ("2024-03-15T10:30:00Z");
                        // "" when absent. Normalize with NormalizeDate (loader.h).
};

// Extracts the text of the .docx file held in `bytes`.
// Errors: kCorrupt for a non-zip, a damaged zip, a missing or malformed main document part;
// kInvalidArgument for limits exceeded (zip bomb), encrypted entries, DTDs, legacy .doc files.
// A missing or broken docProps/core.xml is not an error (title and created stay empty).
Result<DocxText> ExtractDocx(std::string_view bytes, const DocxLimits& limits = {});

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_DOCX_EXTRACTOR_H_
