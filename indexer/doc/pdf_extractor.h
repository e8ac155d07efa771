// ExtractPdf: the text of a PDF file, page by page, with its document-info title and creation
// date, through poppler-cpp.
//
// Thread-safety: each call has its own poppler::document, and poppler-cpp guards its global
// state, so calls on different inputs may run concurrently (not stress-tested here). The first
// call silences poppler's error output for the whole process (poppler::set_debug_error_function
// with a no-op, once), so poppler messages never reach stderr.
// Limits: inputs of 2 GiB or more are refused (poppler takes an int length). At most `max_pages`
// pages are extracted. A file without a "%%EOF" marker is refused as truncated even when poppler
// could rebuild part of it. Password-protected files are refused unless the empty user password
// opens them (files restricted only by permissions are read). Text comes in poppler's reading
// order, which for multi-column layouts may interleave columns; scanned pages without a text
// layer give "" (no OCR).
#ifndef VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_
#define VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien {

struct PdfText {
  std::vector<std::string> pages;  // UTF-8 text of each extracted page, in order ("" for a page
                                   // without text or that poppler could not open)
  std::string title;               // document info /Title, whitespace-trimmed; may be empty
  std::string created;             // document info /CreationDate as "YYYY-MM-DD", or ""
  std::size_t page_count = 0;      // pages in the document (may exceed pages.size())
  bool truncated = false;          // true when page_count > max_pages and only the first
                                   // max_pages pages were extracted
};

// Extracts the text of the PDF file held in `bytes`.
// Errors (kCorrupt): not a PDF (no "%PDF-" header in the first 1024 bytes), truncated (no
// "%%EOF"), damaged beyond poppler's repair or without pages. (kInvalidArgument):
// password-protected, 2 GiB or more. Messages say what to do. max_pages == 0 reads only the metadata and page count.
Result<PdfText> ExtractPdf(std::string_view bytes, std::size_t max_pages = 2000);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_
