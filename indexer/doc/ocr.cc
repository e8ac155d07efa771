#include "indexer/doc/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

namespace vankien {
namespace {

struct PixFree {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

// Leptonica reports every decoding failure on stderr; its failures are ours to report.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// One Tesseract engine with its output silenced (it writes "Estimating resolution…" to stderr).
Result<std::unique_ptr<tesseract::TessBaseAPI>> StartEngine(const OcrOptions& options) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  api->SetVariable("debug_file", "/dev/null");
  const char* datapath = options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
  if (api->Init(datapath, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::NotFound("Tesseract cannot load its '" + options.language +
                            "' model; install the Debian package tesseract-ocr-" +
                            options.language.substr(0, options.language.find('+')) +
                            " (tools/setup.sh does), or index with --no-ocr");
  }
  api->SetVariable("debug_file", "/dev/null");
  api->SetPageSegMode(tesseract::PSM_AUTO);
  return api;
}

struct PageResult {
  std::string text;
  int confidence = 0;
  bool done = false;
};

PageResult Recognize(tesseract::TessBaseAPI& api, const PageImage& page, int deadline_ms) {
  PageResult r;
  api.SetImage(page.pixels.data(), page.width, page.height, page.channels, static_cast<int>(page.stride));
  if (page.dpi > 0) api.SetSourceResolution(page.dpi);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(std::max(deadline_ms, 1));
  if (api.Recognize(&monitor) == 0) {
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    if (text) r.text = text.get();
    r.confidence = api.MeanTextConf();
    r.done = true;
  }
  api.Clear();
  return r;
}

}  // namespace

Result<OcrText> RecognizePages(std::size_t count, const PageProducer& produce, const OcrOptions& options) {
  SilenceLeptonica();  // Tesseract's own Leptonica calls report on stderr too
  OcrText out;
  out.pages.resize(count);
  const std::size_t todo = std::min(count, options.max_pages);
  out.pages_skipped = count - todo;
  if (todo == 0) return out;
  std::size_t threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, todo);

  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::milliseconds(static_cast<long long>(options.max_seconds * 1000));
  std::vector<PageResult> results(todo);
  std::atomic<std::size_t> next{0};
  std::mutex produce_mutex, report_mutex;
  std::size_t done = 0, failed_renders = 0;
  Status first_render_error, engine_error;
  bool timed_out = false;

  auto work = [&] {
    auto engine = StartEngine(options);
    if (!engine.ok()) {
      std::lock_guard<std::mutex> lock(report_mutex);
      if (engine_error.ok()) engine_error = engine.status();
      return;
    }
    while (true) {
      const std::size_t i = next.fetch_add(1);
      if (i >= todo) return;
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) {
        std::lock_guard<std::mutex> lock(report_mutex);
        timed_out = true;
        continue;  // leave the page skipped; the other workers see the same deadline
      }
      Result<PageImage> image = Status::Internal("not rendered");
      {
        std::lock_guard<std::mutex> lock(produce_mutex);
        image = produce(i);
      }
      if (!image.ok()) {
        std::lock_guard<std::mutex> lock(report_mutex);
        if (failed_renders++ == 0) first_render_error = image.status();
        continue;
      }
      const int left_ms = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      results[i] = Recognize(**engine, *image, left_ms);
      std::lock_guard<std::mutex> lock(report_mutex);
      if (!results[i].done) timed_out = true;
      ++done;
      if (options.progress) options.progress(done, todo);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  if (!engine_error.ok() && done == 0) return engine_error;
  if (failed_renders == todo) return first_render_error;
  double weighted = 0, weight = 0;
  for (std::size_t i = 0; i < todo; ++i) {
    if (!results[i].done) {
      ++out.pages_skipped;
      continue;
    }
    ++out.pages_recognized;
    out.pages[i] = std::move(results[i].text);
    const double w = static_cast<double>(out.pages[i].size());
    weighted += w * results[i].confidence;
    weight += w;
  }
  out.mean_confidence = weight > 0 ? weighted / weight : 0;
  out.timed_out = timed_out;
  return out;
}

namespace {

bool IsTiff(l_int32 format) {
  return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE || format == IFF_TIFF_G3 ||
         format == IFF_TIFF_G4 || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

Result<l_int32> ImageFormat(std::string_view bytes) {
  SilenceLeptonica();
  l_int32 format = IFF_UNKNOWN;
  if (bytes.size() < 12 || findFileFormatBuffer(reinterpret_cast<const l_uint8*>(bytes.data()), &format) != 0 ||
      format == IFF_UNKNOWN) {
    return Status::Corrupt("not an image Leptonica can read (PNG, JPEG, TIFF, BMP, GIF, WebP); check the file type");
  }
  return format;
}

}  // namespace

Result<std::size_t> CountImagePages(std::string_view bytes) {
  auto format = ImageFormat(bytes);
  if (!format.ok()) return format.status();
  if (!IsTiff(*format)) return std::size_t{1};
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return Status::Internal("cannot read the TIFF from memory");
  l_int32 n = 0;
  const bool ok = tiffGetCount(f, &n) == 0;
  std::fclose(f);
  if (!ok || n <= 0) return Status::Corrupt("damaged TIFF: its pages cannot be counted; re-scan or re-save it");
  return static_cast<std::size_t>(n);
}

Result<PageImage> DecodeImagePage(std::string_view bytes, std::size_t index) {
  auto format = ImageFormat(bytes);
  if (!format.ok()) return format.status();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  PixPtr pix(IsTiff(*format) ? pixReadMemTiff(data, bytes.size(), static_cast<l_int32>(index))
                             : (index == 0 ? pixReadMem(data, bytes.size()) : nullptr));
  if (!pix) return Status::Corrupt("damaged image: page " + std::to_string(index + 1) + " cannot be decoded");
  PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray) return Status::Corrupt("image page " + std::to_string(index + 1) + " cannot be converted to grey");
  PageImage page;
  page.width = pixGetWidth(gray.get());
  page.height = pixGetHeight(gray.get());
  page.channels = 1;
  page.stride = static_cast<std::size_t>(page.width);
  page.dpi = pixGetXRes(pix.get()) > 0 ? pixGetXRes(pix.get()) : 0;
  page.pixels.resize(page.stride * static_cast<std::size_t>(page.height));
  const l_int32 wpl = pixGetWpl(gray.get());
  const l_uint32* rows = pixGetData(gray.get());
  for (int y = 0; y < page.height; ++y) {
    const l_uint32* line = rows + static_cast<std::size_t>(y) * wpl;
    std::uint8_t* dst = page.pixels.data() + static_cast<std::size_t>(y) * page.stride;
    for (int x = 0; x < page.width; ++x) dst[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  }
  return page;
}

std::string OcrEngineName(const OcrOptions& options) {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " + options.language;
}

}  // namespace vankien
