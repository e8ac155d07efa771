// libFuzzer target for ExtractPdf (indexer/doc/pdf_extractor.h) on arbitrary bytes. Poppler's
// error output is silenced from the start (as ExtractPdf does on its first call) so the fuzzer's
// log shows findings, not poppler complaints about broken files.
// Invariants:
//   * never crashes or throws; fails only with a message;
//   * pages.size() == min(page_count, max_pages) and truncated == (page_count > max_pages);
//   * page texts and title are valid UTF-8, the title is trimmed, created is "" or YYYY-MM-DD.
// max_pages is 0 (metadata only) for one input length in five, else 8, which bounds the time
// a many-page file can take.
#include <poppler-global.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/doc/pdf_extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;

constexpr const char* kTarget = "pdf_fuzz";

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t max_pages = size % 5 == 0 ? 0 : 8;
  vankien::fuzz::NoThrow(kTarget, "ExtractPdf", [&] {
    const auto pdf = vankien::ExtractPdf(bytes, max_pages);
    if (!pdf.ok()) {
      if (pdf.status().message().empty()) Fail(kTarget, "error without a message");
      return;
    }
    const std::size_t expected = pdf->page_count < max_pages ? pdf->page_count : max_pages;
    if (pdf->pages.size() != expected)
      Fail(kTarget, "pages.size() " + std::to_string(pdf->pages.size()) + " != min(page_count " +
                        std::to_string(pdf->page_count) + ", max_pages)");
    if (pdf->truncated != (pdf->page_count > max_pages)) Fail(kTarget, "truncated flag is wrong");
    if (pdf->page_count == 0) Fail(kTarget, "success with page_count 0");
    for (const std::string& page : pdf->pages) vankien::fuzz::CheckUtf8(kTarget, "page text", page);
    vankien::fuzz::CheckUtf8(kTarget, "title", pdf->title);
    if (!pdf->title.empty() && (IsSpace(pdf->title.front()) || IsSpace(pdf->title.back())))
      Fail(kTarget, "title not trimmed", pdf->title);
    if (!pdf->created.empty() && !IsIsoDate(pdf->created))
      Fail(kTarget, "created is not YYYY-MM-DD", pdf->created);
  });
  return 0;
}
