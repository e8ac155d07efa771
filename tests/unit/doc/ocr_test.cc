// OCR: a page rendered from a PDF written here is recognised; an image-only ("scanned") PDF and
// a PNG made from it load as documents flagged "ocr" with a confidence; the cache is read on
// the next load; limits and a missing model are reported.
#include "indexer/doc/ocr.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/doc/loader.h"
#include "indexer/doc/ocr_cache.h"
#include "indexer/doc/pdf_extractor.h"
#include "indexer/text/analyzer.h"
#include "tests/support/loading.h"
#include "tests/support/make_files.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kLines = {"UY BAN NHAN DAN TINH HA NAM", "So: 15/2024/QD-UBND",
                                         "Ha Nam, ngay 12 thang 3 nam 2024", "QUYET DINH",
                                         "Ve viec thanh lap hoi dong tham dinh"};

std::string TextPdf() {
  test_support::PdfSpec spec;
  spec.text_lines = kLines;
  return test_support::MakePdf(spec);
}

// The text page rendered once for the whole suite (rendering and OCR take seconds).
const PageImage& Rendered() {
  static const PageImage page = [] {
    auto renderer = PdfRenderer::Open(TextPdf());
    EXPECT_TRUE(renderer.ok()) << renderer.status().ToString();
    auto image = (*renderer)->Render(0, 300);
    EXPECT_TRUE(image.ok()) << image.status().ToString();
    return image.ok() ? *image : PageImage{};
  }();
  return page;
}

// The rendered page's pixels without row padding.
std::string PackedPixels(const PageImage& p) {
  std::string out;
  for (int y = 0; y < p.height; ++y) {
    out.append(reinterpret_cast<const char*>(p.pixels.data()) + static_cast<std::size_t>(y) * p.stride,
               static_cast<std::size_t>(p.width));
  }
  return out;
}

std::string ScannedPdf() {
  test_support::PdfSpec spec;
  spec.image_width = Rendered().width;
  spec.image_height = Rendered().height;
  spec.image_pixels = PackedPixels(Rendered());
  return test_support::MakePdf(spec);
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct Loaded {
  Status status;
  std::vector<Document> docs;
};

Loaded Load(const std::string& path, LoadOptions options) {
  static const text::Analyzer analyzer;
  Loaded out;
  std::vector<LoadProblem> problems;
  out.status = LoadFile(path, fs::path(path).filename().string(), test_support::WithTextTools(analyzer, options),
                        [&](Document&& d) {
                          out.docs.push_back(std::move(d));
                          return Status::Ok();
                        },
                        &problems);
  return out;
}

bool HasFlag(const Document& d, const std::string& flag) {
  return std::find(d.flags.begin(), d.flags.end(), flag) != d.flags.end();
}

TEST(PdfRendererTest, RendersAPageAtTheAskedResolution) {
  const PageImage& page = Rendered();
  EXPECT_EQ(page.channels, 1);
  EXPECT_EQ(page.dpi, 300);
  EXPECT_NEAR(page.width, 420 * 300 / 72, 2);  // A5 width in points at 300 dpi
  EXPECT_NEAR(page.height, 595 * 300 / 72, 2);
  ASSERT_GE(page.stride, static_cast<std::size_t>(page.width));
  // Text was drawn: some pixels are dark, most are white paper.
  std::size_t dark = 0;
  for (std::uint8_t v : page.pixels) dark += v < 128;
  EXPECT_GT(dark, 1000u);
  EXPECT_LT(dark, page.pixels.size() / 4);
}

TEST(PdfRendererTest, PageOutOfRangeIsRefused) {
  auto renderer = PdfRenderer::Open(TextPdf());
  ASSERT_TRUE(renderer.ok());
  EXPECT_EQ((*renderer)->page_count(), 1u);
  EXPECT_EQ((*renderer)->Render(1).status().code(), Status::Code::kInvalidArgument);
}

TEST(OcrTest, RecognisesARenderedPage) {
  OcrOptions options;
  auto text = RecognizePages(1, [](std::size_t) -> Result<PageImage> { return Rendered(); }, options);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  ASSERT_EQ(text->pages.size(), 1u);
  EXPECT_NE(text->pages[0].find("15/2024"), std::string::npos) << text->pages[0];
  EXPECT_NE(text->pages[0].find("QUYET"), std::string::npos) << text->pages[0];
  EXPECT_EQ(text->pages_recognized, 1u);
  EXPECT_EQ(text->pages_skipped, 0u);
  EXPECT_GT(text->mean_confidence, 60) << text->pages[0];
}

TEST(OcrTest, HeaderDigitPassLeavesPrintedNumberAndDateAsRead) {
  // The page's "So: 15/2024/QD-UBND" and "ngay 12 thang 3" are printed: the second pass over
  // the number and date slots must not change a well-read printed digit.
  OcrOptions on, off;
  off.reread_header_digits = false;
  auto with = RecognizePages(1, [](std::size_t) -> Result<PageImage> { return Rendered(); }, on);
  auto without = RecognizePages(1, [](std::size_t) -> Result<PageImage> { return Rendered(); }, off);
  ASSERT_TRUE(with.ok() && without.ok());
  EXPECT_NE(with->pages[0].find("15/2024"), std::string::npos) << with->pages[0];
  EXPECT_NE(with->pages[0].find("12 thang 3"), std::string::npos) << with->pages[0];
  EXPECT_EQ(with->pages[0], without->pages[0]);
  // The pass is part of the cache key: results cached without it are not reused.
  EXPECT_NE(OcrEngineName(on), OcrEngineName(off));
}

TEST(OcrTest, HeaderDigitPassNeverInventsAScribbledNumber) {
  // The number's digits scribbled over (a pen's loops, as a hand writes over a form): neither
  // pass may turn the scribble into a number; the rest of the header still reads.
  PageImage page = Rendered();
  // Find the "15" of the number line from the page's pixels: the second text row, the first two
  // glyphs after the gap that follows "So:".
  auto rows_dark = [&](int y) {
    int n = 0;
    for (int x = 0; x < page.width; ++x) n += page.pixels[static_cast<std::size_t>(y) * page.stride + x] < 128;
    return n;
  };
  // Text rows: runs of rows with dark pixels; the second run is the number line.
  std::vector<std::pair<int, int>> runs;
  for (int y = 0, start = -1; y < page.height; ++y) {
    const bool dark = rows_dark(y) > 0;
    if (dark && start < 0) start = y;
    if (!dark && start >= 0) runs.emplace_back(start, y), start = -1;
  }
  ASSERT_GE(runs.size(), 3u);
  const auto [y0, y1] = runs[1];
  // Columns of the line: the glyph runs; "So:" is the first word, "15" starts after its gap.
  std::vector<std::pair<int, int>> cols;
  for (int x = 0, start = -1; x < page.width; ++x) {
    bool dark = false;
    for (int y = y0; y < y1 && !dark; ++y) dark = page.pixels[static_cast<std::size_t>(y) * page.stride + x] < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) cols.emplace_back(start, x), start = -1;
  }
  ASSERT_GE(cols.size(), 6u);
  // cols: S, o, :, then '1', '5' (a space gap before '1').
  std::size_t first_digit = 0;
  for (std::size_t i = 1; i < cols.size(); ++i) {
    if (cols[i].first - cols[i - 1].second > (y1 - y0) / 3) {
      first_digit = i;
      break;
    }
  }
  ASSERT_GT(first_digit, 0u);
  const int x0 = cols[first_digit].first, x1 = cols[first_digit + 1].second;
  for (int y = y0 - 2; y < y1 + 2; ++y) {
    for (int x = x0; x < x1; ++x) {
      // Loops of a pen: dark on a lattice of diagonal strokes.
      page.pixels[static_cast<std::size_t>(y) * page.stride + x] = ((x + y) % 7 < 3 || (x - y + 700) % 9 < 2) ? 0 : 255;
    }
  }
  auto text = RecognizePages(1, [&](std::size_t) -> Result<PageImage> { return page; }, OcrOptions{});
  ASSERT_TRUE(text.ok());
  const std::string& got = text->pages[0];
  const std::size_t label = got.find("So"), symbol = got.find("/2024/");
  ASSERT_NE(label, std::string::npos) << got;
  ASSERT_NE(symbol, std::string::npos) << got;
  ASSERT_LT(label, symbol) << got;
  const std::string number = got.substr(label + 2, symbol - label - 2);
  EXPECT_EQ(number.find_first_of("0123456789"), std::string::npos) << "a number was invented: " << got;
}

TEST(OcrTest, PageLimitSkipsAndReportsTheRest) {
  OcrOptions options;
  options.max_pages = 1;
  std::size_t produced = 0;
  auto text = RecognizePages(
      3,
      [&](std::size_t) -> Result<PageImage> {
        ++produced;
        return Rendered();
      },
      options);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(produced, 1u);  // pages beyond the limit are never rendered
  EXPECT_EQ(text->pages.size(), 3u);
  EXPECT_EQ(text->pages_recognized, 1u);
  EXPECT_EQ(text->pages_skipped, 2u);
  EXPECT_TRUE(text->pages[1].empty());
}

TEST(OcrTest, AMissingModelNamesThePackage) {
  OcrOptions options;
  options.language = "zzz";
  auto text = RecognizePages(1, [](std::size_t) -> Result<PageImage> { return Rendered(); }, options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), Status::Code::kNotFound);
  EXPECT_NE(text.status().message().find("tesseract-ocr-zzz"), std::string::npos) << text.status().message();
}

TEST(OcrTest, PagesThatCannotBeProducedFailTheCall) {
  auto text = RecognizePages(2, [](std::size_t) -> Result<PageImage> { return Status::Corrupt("bad page"); }, {});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().message(), "bad page");
}

TEST(OcrTest, ImagesOtherThanPicturesAreRefused) {
  EXPECT_EQ(CountImagePages("not an image at all").status().code(), Status::Code::kCorrupt);
  const std::string png = test_support::MakeGrayPng(2, 2, std::string(4, '\xff'));
  auto pages = CountImagePages(png);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(*pages, 1u);
  auto page = DecodeImagePage(png, 0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->width, 2);
  EXPECT_EQ(page->pixels, std::vector<std::uint8_t>(4, 0xff));
  EXPECT_FALSE(DecodeImagePage(png, 1).ok());  // a PNG has one page
}

TEST(OcrLoadTest, ScannedPdfIsReadByOcrAndCached) {
  test_support::TempDir dir;
  const std::string pdf = dir / "scan.pdf";
  WriteFile(pdf, ScannedPdf());
  auto extracted = ExtractPdf(ScannedPdf());
  ASSERT_TRUE(extracted.ok());
  ASSERT_EQ(extracted->pages.size(), 1u);
  EXPECT_EQ(extracted->pages[0].find_first_not_of(" \t\n\f"), std::string::npos);  // no text layer: a scan

  LoadOptions off;
  off.ocr = false;
  const Loaded without = Load(pdf, off);
  EXPECT_FALSE(without.status.ok());  // "no text in it"

  LoadOptions on;
  on.ocr_cache_dir = dir / "cache";
  const Loaded first = Load(pdf, on);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  ASSERT_EQ(first.docs.size(), 1u);
  const Document& doc = first.docs[0];
  EXPECT_TRUE(HasFlag(doc, "ocr"));
  EXPECT_FALSE(HasFlag(doc, "ocr-incomplete"));
  ASSERT_TRUE(doc.ocr_confidence.has_value());
  EXPECT_GT(*doc.ocr_confidence, 60);
  // The page cleaner may take the number line for the title: look in both.
  EXPECT_NE((doc.title + "\n" + doc.text).find("15/2024"), std::string::npos) << doc.title << "\n" << doc.text;

  // One entry in the cache; the next load reads it instead of recognising again.
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir / "cache")) entries.push_back(e.path());
  ASSERT_EQ(entries.size(), 1u);
  {
    std::ifstream in(entries[0]);
    std::stringstream json;
    json << in.rdbuf();
    std::string changed = json.str();
    const std::size_t at = changed.find("15/2024");
    ASSERT_NE(at, std::string::npos);
    changed.replace(at, 7, "77/2077");
    std::ofstream(entries[0], std::ios::trunc) << changed;
  }
  const Loaded second = Load(pdf, on);
  ASSERT_TRUE(second.status.ok());
  EXPECT_NE((second.docs[0].title + "\n" + second.docs[0].text).find("77/2077"), std::string::npos);
}

TEST(OcrLoadTest, PngImageIsADocument) {
  test_support::TempDir dir;
  const std::string png = dir / "trang-1.png";
  WriteFile(png, test_support::MakeGrayPng(Rendered().width, Rendered().height, PackedPixels(Rendered())));
  EXPECT_EQ(KindOf(png), FileKind::kImage);
  const Loaded loaded = Load(png, {});
  ASSERT_TRUE(loaded.status.ok()) << loaded.status.ToString();
  ASSERT_EQ(loaded.docs.size(), 1u);
  EXPECT_TRUE(HasFlag(loaded.docs[0], "ocr"));
  EXPECT_EQ(loaded.docs[0].encoding, "ocr");
  EXPECT_NE((loaded.docs[0].title + "\n" + loaded.docs[0].text).find("15/2024"), std::string::npos);

  LoadOptions off;
  off.ocr = false;
  EXPECT_FALSE(Load(png, off).status.ok());
}

TEST(OcrCacheTest, KeyDependsOnBytesEngineAndLimits) {
  const std::string a = OcrCache::Key("abc", "tesseract 5 vie", "max_pages=200");
  EXPECT_EQ(a, OcrCache::Key("abc", "tesseract 5 vie", "max_pages=200"));
  EXPECT_NE(a, OcrCache::Key("abd", "tesseract 5 vie", "max_pages=200"));
  EXPECT_NE(a, OcrCache::Key("abc", "tesseract 6 vie", "max_pages=200"));
  EXPECT_NE(a, OcrCache::Key("abc", "tesseract 5 vie", "max_pages=1"));
}

TEST(OcrCacheTest, TimedOutResultsAreNotKept) {
  test_support::TempDir dir;
  const OcrCache cache(dir / "c");
  OcrText cut;
  cut.pages = {"a"};
  cut.timed_out = true;
  ASSERT_TRUE(cache.Put("k", cut).ok());
  EXPECT_FALSE(cache.Get("k").has_value());
  OcrText whole;
  whole.pages = {"trang một", ""};
  whole.mean_confidence = 88;
  ASSERT_TRUE(cache.Put("k", whole).ok());
  auto got = cache.Get("k");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->pages, whole.pages);
  EXPECT_DOUBLE_EQ(got->mean_confidence, 88);
  EXPECT_FALSE(OcrCache("").Get("k").has_value());  // "" keeps nothing
}

}  // namespace
}  // namespace vankien
