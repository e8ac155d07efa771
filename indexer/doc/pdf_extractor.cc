#include "indexer/doc/pdf_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <climits>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "indexer/base/strings.h"
#include "indexer/doc/ocr.h"
#include "indexer/doc/xml_walk.h"
#include "indexer/text/utf8.h"

namespace vankien {
namespace {

// The "%PDF-" header may follow some junk; readers look in the first 1024 bytes.
constexpr std::size_t kHeaderWindow = 1024;

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// PDFDocEncoding's code points for bytes 0x18-0x1F and 0x80-0xA0 (PDF 32000-1, Annex D); the
// rest of its printable bytes are Latin-1. 0 marks an undefined byte.
constexpr char32_t kPdfDocLow[8] = {0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC};
constexpr char32_t kPdfDocHigh[33] = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
    0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
    0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0, 0x20AC};

std::string DecodeUtf16(std::string_view raw, bool little_endian) {
  std::string out;
  for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(raw[i]), b1 = static_cast<unsigned char>(raw[i + 1]);
    char32_t u = little_endian ? (b1 << 8 | b0) : (b0 << 8 | b1);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < raw.size()) {
      const auto c0 = static_cast<unsigned char>(raw[i + 2]), c1 = static_cast<unsigned char>(raw[i + 3]);
      const char32_t lo = little_endian ? (c1 << 8 | c0) : (c0 << 8 | c1);
      if (lo >= 0xDC00 && lo < 0xE000) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    if (u == 0) continue;
    if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;  // a lone surrogate
    text::AppendUtf8(u, &out);
  }
  return out;
}

bool HasMultiByteUtf8(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      std::size_t invalid = 0;
      text::SanitizeUtf8(s, &invalid);
      return invalid == 0;
    }
  }
  return false;
}

// poppler-cpp hands strings without a UTF-16 BOM over byte for byte as code points 0-255; this
// gives the bytes back (nullopt when it decoded them itself: a code point above 255).
std::optional<std::string> RawBytes(const poppler::ustring& s) {
  std::string raw;
  for (const auto c : s) {
    if (c > 0xFF) return std::nullopt;
    raw.push_back(static_cast<char>(c));
  }
  return raw;
}


bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string MetadataString(const poppler::ustring& s);

// "D:20240315103000+07'00'" → "2024-03-15" (the date as written, in the file's own time zone).
// Month and day are optional in PDF dates; missing ones make the result "" (not a full date).
std::string PdfDateToIso(std::string_view raw) {
  if (raw.substr(0, 2) == "D:") raw.remove_prefix(2);
  if (raw.size() < 8 || !IsDigits(raw.substr(0, 8))) return {};
  const int month = (raw[4] - '0') * 10 + (raw[5] - '0');
  const int day = (raw[6] - '0') * 10 + (raw[7] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return std::string(raw.substr(0, 4)) + "-" + std::string(raw.substr(4, 2)) + "-" +
         std::string(raw.substr(6, 2));
}

std::string CreationDate(const poppler::document& doc) {
  std::string iso = PdfDateToIso(TrimAsciiSpace(MetadataString(doc.info_key("CreationDate"))));
  if (!iso.empty()) return iso;
  // Poppler also understands some malformed dates; fall back to its UTC reading.
  const std::time_t t = doc.info_date_t("CreationDate");
  if (t <= 0) return {};
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

// A metadata string from poppler, decoded.
std::string MetadataString(const poppler::ustring& s) {
  if (auto raw = RawBytes(s)) return DecodePdfString(*raw);
  return ToUtf8(s);
}

bool IsTitleWord(std::string_view w) {
  int letters = 0;
  for (char c : w) letters += (static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c))) ? 1 : 0;
  return letters >= 2;
}

// What scanners and office suites put in /Title that is no title: a file name ("Microsoft Word
// - CV 123.docx", "scan0001.pdf"), a date or number with no words ("2021-01-04 (6)"), a
// placeholder.
bool IsPlaceholderTitle(std::string_view t) {
  if (t.empty()) return true;
  std::string lower;
  for (char c : t) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view ext : {".doc", ".docx", ".pdf", ".rtf", ".odt", ".tif", ".tiff", ".jpg", ".png"}) {
    if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  if (lower.rfind("microsoft word", 0) == 0 || lower == "untitled" || lower == "title" || lower == "document") return true;
  // At least two words of letters.
  int words = 0;
  std::size_t i = 0;
  while (i < t.size()) {
    const std::size_t j = t.find(' ', i);
    if (IsTitleWord(t.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i))) ++words;
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return words < 2;
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool IsNamed(const xmlNode* n, std::string_view ns, std::string_view name) {
  return n->name != nullptr && name == reinterpret_cast<const char*>(n->name) && n->ns != nullptr &&
         n->ns->href != nullptr && ns == reinterpret_cast<const char*>(n->ns->href);
}

std::string NodeText(xmlNode* n) {
  std::string out;
  xml::Walk(
      n,
      [&](xmlNode* c) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
        return true;
      },
      [](xmlNode*) {});
  return out;
}

// dc:title (its first rdf:li) and xmp:CreateDate (element or attribute) of an XMP packet.
void ReadXmp(const std::string& xmp, std::string* title, std::string* created) {
  constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
  constexpr std::string_view kXmp = "http://ns.adobe.com/xap/1.0/";
  constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  if (xmp.empty() || xmp.size() > (4u << 20)) return;
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(
      xmp.data(), static_cast<int>(xmp.size()), "xmp.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr || doc->intSubset != nullptr || xmlDocGetRootElement(doc.get()) == nullptr) return;
  xml::Walk(
      xmlDocGetRootElement(doc.get()),
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        if (title->empty() && IsNamed(n, kDc, "title")) {
          xml::Walk(
              n,
              [&](xmlNode* c) {
                if (title->empty() && c->type == XML_ELEMENT_NODE && IsNamed(c, kRdf, "li")) *title = TrimAsciiSpace(NodeText(c));
                return title->empty();
              },
              [](xmlNode*) {});
          if (title->empty()) *title = TrimAsciiSpace(NodeText(n));
          return false;
        }
        if (created->empty() && IsNamed(n, kXmp, "CreateDate")) *created = TrimAsciiSpace(NodeText(n));
        for (xmlAttr* a = n->properties; a != nullptr && created->empty(); a = a->next) {
          if (a->name != nullptr && std::string_view(reinterpret_cast<const char*>(a->name)) == "CreateDate" &&
              a->ns != nullptr && kXmp == reinterpret_cast<const char*>(a->ns->href)) {
            *created = TrimAsciiSpace(NodeText(a->children));
          }
        }
        return true;
      },
      [](xmlNode*) {});
}

// "2024-03-15T10:30:00+07:00" → "2024-03-15"; "" unless it starts with a full date.
std::string XmpDateToIso(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-' || !IsDigits(d.substr(0, 4)) || !IsDigits(d.substr(5, 2)) ||
      !IsDigits(d.substr(8, 2))) {
    return {};
  }
  return std::string(d.substr(0, 10));
}

}  // namespace

std::string DecodePdfString(std::string_view raw) {
  if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE && static_cast<unsigned char>(raw[1]) == 0xFF) {
    return DecodeUtf16(raw.substr(2), /*little_endian=*/false);
  }
  if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFF && static_cast<unsigned char>(raw[1]) == 0xFE) {
    return DecodeUtf16(raw.substr(2), /*little_endian=*/true);
  }
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  if (HasMultiByteUtf8(raw)) {
    std::string out;
    for (const char c : raw) {
      if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
    }
    return out;
  }
  std::string out;
  for (const char ch : raw) {
    const auto b = static_cast<unsigned char>(ch);
    char32_t c = b;
    if (b >= 0x18 && b <= 0x1F) c = kPdfDocLow[b - 0x18];
    if (b >= 0x80 && b <= 0xA0) c = kPdfDocHigh[b - 0x80];
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) continue;
    text::AppendUtf8(c, &out);
  }
  return out;
}

Result<PdfText> ExtractPdf(std::string_view bytes, std::size_t max_pages) {
  SilencePoppler();
  if (bytes.size() >= static_cast<std::size_t>(INT_MAX)) {
    return Status::InvalidArgument("PDF of " + std::to_string(bytes.size()) +
                                   " bytes is too large (limit 2 GiB); split it first");
  }
  if (bytes.substr(0, kHeaderWindow).find("%PDF-") == std::string_view::npos) {
    return Status::Corrupt("not a PDF file (no %PDF- header); check the file type");
  }
  if (bytes.rfind("%%EOF") == std::string_view::npos) {
    return Status::Corrupt(
        "truncated PDF (no %%EOF end marker): the file is incomplete; download or copy it again");
  }
  try {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (doc == nullptr) {
      return Status::Corrupt(
          "damaged PDF: its cross-reference table or trailer cannot be read even after repair; "
          "try re-downloading it or repairing it (e.g. qpdf)");
    }
    if (doc->is_locked()) {
      return Status::InvalidArgument(
          "password-protected PDF: it cannot be opened without its password; decrypt it "
          "(e.g. qpdf --decrypt --password=...) and index the copy");
    }
    const int pages = doc->pages();
    if (pages <= 0) {
      return Status::Corrupt("damaged PDF: no pages could be found; try re-downloading it");
    }
    PdfText out;
    out.page_count = static_cast<std::size_t>(pages);
    const std::size_t n = std::min(out.page_count, max_pages);
    out.truncated = n < out.page_count;
    out.pages.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(i)));
      if (page == nullptr) {
        out.pages.emplace_back();
        continue;
      }
      // Reading order as pdftotext gives it (columns kept apart), not raw stream order.
      out.pages.push_back(
          ToUtf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
    }
    out.title = TrimAsciiSpace(MetadataString(doc->get_title()));
    out.created = CreationDate(*doc);
    if (IsPlaceholderTitle(out.title) || out.created.empty()) {
      std::string xmp_title, xmp_created;
      // poppler-cpp hands the XMP stream over byte for byte too: its bytes are the UTF-8 XML.
      const poppler::ustring xmp = doc->metadata();
      ReadXmp(RawBytes(xmp).value_or(ToUtf8(xmp)), &xmp_title, &xmp_created);
      if (IsPlaceholderTitle(out.title)) out.title = IsPlaceholderTitle(xmp_title) ? std::string() : xmp_title;
      if (out.created.empty()) out.created = XmpDateToIso(xmp_created);
    }
    return out;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory while reading the PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("damaged PDF: ") + e.what());
  }
}

struct PdfRenderer::Impl {
  std::string bytes;  // poppler reads from these for as long as the document lives
  std::unique_ptr<poppler::document> doc;
};

PdfRenderer::PdfRenderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfRenderer::~PdfRenderer() = default;

Result<std::unique_ptr<PdfRenderer>> PdfRenderer::Open(std::string_view bytes) {
  SilencePoppler();
  if (bytes.size() >= static_cast<std::size_t>(INT_MAX)) return Status::InvalidArgument("PDF too large (limit 2 GiB)");
  auto impl = std::make_unique<Impl>();
  impl->bytes.assign(bytes);
  try {
    impl->doc.reset(
        poppler::document::load_from_raw_data(impl->bytes.data(), static_cast<int>(impl->bytes.size())));
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("damaged PDF: ") + e.what());
  }
  if (impl->doc == nullptr) return Status::Corrupt("damaged PDF: it cannot be opened for rendering");
  if (impl->doc->is_locked()) return Status::InvalidArgument("password-protected PDF: decrypt it first");
  return std::unique_ptr<PdfRenderer>(new PdfRenderer(std::move(impl)));
}

std::size_t PdfRenderer::page_count() const { return static_cast<std::size_t>(std::max(0, impl_->doc->pages())); }

Result<PageImage> PdfRenderer::Render(std::size_t index, int dpi) const {
  if (index >= page_count()) return Status::InvalidArgument("no page " + std::to_string(index + 1) + " in this PDF");
  try {
    std::unique_ptr<poppler::page> page(impl_->doc->create_page(static_cast<int>(index)));
    if (page == nullptr) return Status::Corrupt("page " + std::to_string(index + 1) + " cannot be read");
    const poppler::rectf box = page->page_rect();
    const double pixels = box.width() / 72.0 * dpi * box.height() / 72.0 * dpi;
    if (!(pixels > 0) || pixels > 200e6) {
      return Status::ResourceExhausted("page " + std::to_string(index + 1) + " is too large to render for OCR");
    }
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      return Status::Corrupt("page " + std::to_string(index + 1) + " cannot be rendered");
    }
    PageImage out;
    out.width = image.width();
    out.height = image.height();
    out.channels = 1;
    out.stride = static_cast<std::size_t>(image.bytes_per_row());
    out.dpi = dpi;
    const char* data = image.const_data();
    out.pixels.assign(data, data + out.stride * static_cast<std::size_t>(out.height));
    return out;
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted("out of memory rendering page " + std::to_string(index + 1));
  } catch (const std::exception& e) {
    return Status::Corrupt("page " + std::to_string(index + 1) + " cannot be rendered: " + e.what());
  }
}

}  // namespace vankien
