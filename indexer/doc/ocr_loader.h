// OCR for the loader: which pages of a PDF are scans, recognising them and image files through
// the cache, and merging the result with a page's thin text layer.
// Internal to indexer/doc. Thread-safety: pure functions (the cache is safe to share).
#ifndef VANKIEN_INDEXER_DOC_OCR_LOADER_H_
#define VANKIEN_INDEXER_DOC_OCR_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/ocr.h"
#include "indexer/doc/pdf_extractor.h"

namespace vankien {

struct OcrRun {
  OcrOptions options;
  std::string cache_dir;  // "" = no cache
};

struct OcrResult {
  OcrText text;
  bool from_cache = false;
  std::size_t pages_ocr = 0;  // pages that needed OCR
};

// Recognises the pages of `pdf` (already extracted from `bytes`) whose text layer is thinner
// than kScannedPageMaxTextBytes, and puts their text in `pdf->pages` (before any thin text
// layer, such as a signature stamp, that the page had). Returns what OCR did; pages_ocr == 0
// when every page had text.
Result<OcrResult> OcrScannedPdfPages(std::string_view bytes, PdfText* pdf, const OcrRun& run);

// The pages of an image file, recognised.
Result<OcrResult> OcrImageFile(std::string_view bytes, const OcrRun& run);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_OCR_LOADER_H_
