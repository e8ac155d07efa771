#include "indexer/doc/pdf_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <new>
#include <string>

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

std::string Trim(std::string s) {
  const char* kSpace = " \t\r\n\f\v";
  const std::size_t b = s.find_first_not_of(kSpace);
  if (b == std::string::npos) return {};
  const std::size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

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
  std::string iso = PdfDateToIso(Trim(ToUtf8(doc.info_key("CreationDate"))));
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

}  // namespace

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
    out.title = Trim(ToUtf8(doc->get_title()));
    out.created = CreationDate(*doc);
    return out;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory while reading the PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("damaged PDF: ") + e.what());
  }
}

}  // namespace vankien
