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
// layer give "" here: PdfRenderer renders them for OCR (doc/ocr.h).
// Metadata strings are decoded as the PDF specification and real producers write them: UTF-16BE
// with its BOM, UTF-16LE with its BOM (some Windows producers), UTF-8 (PDF 2.0, and producers
// that ignore the rule) and PDFDocEncoding otherwise; the XMP packet's dc:title and
// xmp:CreateDate are read when the Info dictionary has none.
#ifndef VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_
#define VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien {

struct PageImage;  // doc/ocr.h

struct PdfText {
  std::vector<std::string> pages;  // UTF-8 text of each extracted page, in order ("" for a page
                                   // without text or that poppler could not open)
  std::string title;               // /Title (else XMP dc:title), decoded and trimmed; "" when absent
                                   // or not a title (a file name, "Microsoft Word - x.doc", a bare
                                   // date or number as scanners write)
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

// A text layer this thin (non-space bytes) is no page of text: a scan, perhaps with a digital
// signature's stamp ("Ký bởi: …") as its only text. Such pages are worth OCR.
inline constexpr std::size_t kScannedPageMaxTextBytes = 256;

// Renders pages of one PDF as grey images for OCR. Holds the parsed document and its own copy of
// the bytes. Thread-safety: one thread at a time (poppler documents are not thread-safe).
class PdfRenderer {
 public:
  // Errors as ExtractPdf's.
  static Result<std::unique_ptr<PdfRenderer>> Open(std::string_view bytes);
  ~PdfRenderer();
  std::size_t page_count() const;
  // Page `index` (0-based) at `dpi`, 8-bit grey. kInvalidArgument for a page out of range,
  // kResourceExhausted for a page that would take more than 200 MB of pixels at that size.
  Result<PageImage> Render(std::size_t index, int dpi = 300) const;

 private:
  struct Impl;
  explicit PdfRenderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Decodes a PDF text string given as its raw bytes (see the header comment for the encodings).
// Exposed for tests.
std::string DecodePdfString(std::string_view raw);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_PDF_EXTRACTOR_H_
