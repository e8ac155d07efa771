// OCR: the text of scanned pages and images, recognised by Tesseract (Debian packages
// `libtesseract-dev`, `tesseract-ocr-vie`) with its Vietnamese model, on all cores.
//
// A page is handed over as pixels (PageImage) by whoever has it: the PDF extractor renders
// pages without a text layer (doc/pdf_extractor.h, RenderPdfPages), DecodeImagePage reads image
// files (PNG, JPEG, TIFF with all its pages, BMP, WebP as Leptonica reads them). RecognizePages
// runs one Tesseract engine per worker thread and returns each page's text with the engine's
// mean word confidence. A page or time limit per call keeps a huge scan from stalling a run;
// what was cut is reported (OcrText::pages_skipped, timed_out), never silently dropped.
//
// Thread-safety: free functions; calls may run concurrently (each builds its own engines; an
// engine costs ~0.3 s to load, so callers OCR all pages of a file in one call).
#ifndef VANKIEN_INDEXER_DOC_OCR_H_
#define VANKIEN_INDEXER_DOC_OCR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien {

// An 8-bit grey (channels 1), RGB (3) or RGBA (4) image, rows top to bottom, `stride` bytes each.
struct PageImage {
  int width = 0, height = 0, channels = 1;
  std::size_t stride = 0;
  int dpi = 300;  // the resolution it was rendered or scanned at; Tesseract sizes text by it
  std::vector<std::uint8_t> pixels;
};

struct OcrOptions {
  std::string language = "vie";  // Tesseract model(s), "vie" or "vie+eng"
  std::string tessdata_dir;      // "" = Tesseract's default (/usr/share/tesseract-ocr/5/tessdata)
  std::size_t threads = 0;       // worker threads; 0 = one per core
  std::size_t max_pages = 200;   // pages recognised per call; the rest are reported skipped
  double max_seconds = 900;      // per call; pages not started by then are skipped (timed_out)
  // Reads the header's number ("Số: 01 /CT-UBND") and day and month ("ngày 04 tháng 01") again
  // from their cut-out slots with digit-only engines, and writes them into the page text only
  // when the readings agree: handwritten and stamped digits the page pass misreads. A slot the
  // readings disagree on is left unreadable ("?"), never guessed.
  bool reread_header_digits = true;
  // Called from worker threads, one call at a time, after each page: (pages done, pages to do).
  std::function<void(std::size_t, std::size_t)> progress;
};

struct OcrText {
  std::vector<std::string> pages;  // UTF-8 text per page given, "" for a skipped page
  double mean_confidence = 0;      // 0..100, Tesseract's word confidence over recognised pages,
                                   // weighted by their text length; 0 when nothing was read
  std::size_t pages_recognized = 0;
  std::size_t pages_skipped = 0;   // beyond max_pages, or not started within max_seconds
  bool timed_out = false;
};

// Produces page `i` (0-based) of `count`. Called from worker threads, but never twice at once
// (calls are serialised), so a renderer over one non-thread-safe document is fine.
using PageProducer = std::function<Result<PageImage>(std::size_t i)>;

// Recognises pages 0..count-1. Fails only when the engine cannot start (kNotFound: the language
// model is not installed, with the package to install) or every page failed to render (the
// first page's error); a page that fails alone is left "" and counted skipped.
Result<OcrText> RecognizePages(std::size_t count, const PageProducer& produce, const OcrOptions& options);

// How many pages an image file has (PNG, JPEG, BMP, GIF, WebP: 1; TIFF: each of its pages).
// kCorrupt when Leptonica cannot tell its format.
Result<std::size_t> CountImagePages(std::string_view bytes);

// Page `index` of an image file as 8-bit grey, decoded on demand so that a long multi-page TIFF
// never sits in memory whole. kCorrupt when Leptonica cannot decode it.
Result<PageImage> DecodeImagePage(std::string_view bytes, std::size_t index);

// "tesseract 5.3.0 vie digits-1": names the engine, model and header digit pass in cache keys,
// so that a new version reads files again.
std::string OcrEngineName(const OcrOptions& options);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_OCR_H_
