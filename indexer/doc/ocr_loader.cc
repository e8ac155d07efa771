#include "indexer/doc/ocr_loader.h"

#include "indexer/doc/ocr_cache.h"

namespace vankien {
namespace {

std::size_t NonSpaceBytes(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') ? 1 : 0;
  return n;
}

// Looks `key` up, else recognises and stores.
Result<OcrResult> Cached(const std::string& key, const OcrRun& run, std::size_t count, const PageProducer& produce) {
  const OcrCache cache(run.cache_dir);
  OcrResult result;
  result.pages_ocr = count;
  if (auto hit = cache.Get(key); hit && hit->pages.size() == count) {
    result.text = std::move(*hit);
    result.from_cache = true;
    return result;
  }
  auto text = RecognizePages(count, produce, run.options);
  if (!text.ok()) return text.status();
  result.text = std::move(*text);
  (void)cache.Put(key, result.text);  // a cache that cannot be written only costs time later
  return result;
}

std::string Limits(const OcrOptions& o) { return "max_pages=" + std::to_string(o.max_pages); }

}  // namespace

Result<OcrResult> OcrScannedPdfPages(std::string_view bytes, PdfText* pdf, const OcrRun& run) {
  std::vector<std::size_t> scanned;
  for (std::size_t i = 0; i < pdf->pages.size(); ++i) {
    if (NonSpaceBytes(pdf->pages[i]) < kScannedPageMaxTextBytes) scanned.push_back(i);
  }
  if (scanned.empty()) return OcrResult{};
  auto renderer = PdfRenderer::Open(bytes);
  if (!renderer.ok()) return renderer.status();
  std::string which;
  for (std::size_t i : scanned) which += std::to_string(i) + ",";
  const std::string key = OcrCache::Key(bytes, OcrEngineName(run.options), "pdf:" + which + Limits(run.options));
  auto result = Cached(key, run, scanned.size(), [&](std::size_t k) { return (*renderer)->Render(scanned[k], 300); });
  if (!result.ok()) return result.status();
  for (std::size_t k = 0; k < scanned.size(); ++k) {
    std::string& page = pdf->pages[scanned[k]];
    const std::string& ocr = result->text.pages[k];
    if (ocr.empty()) continue;
    page = NonSpaceBytes(page) == 0 ? ocr : ocr + "\n" + page;
  }
  return result;
}

Result<OcrResult> OcrImageFile(std::string_view bytes, const OcrRun& run) {
  const std::string key = OcrCache::Key(bytes, OcrEngineName(run.options), "image:" + Limits(run.options));
  auto pages = CountImagePages(bytes);
  if (!pages.ok()) return pages.status();
  return Cached(key, run, *pages, [&](std::size_t i) { return DecodeImagePage(bytes, i); });
}

}  // namespace vankien
