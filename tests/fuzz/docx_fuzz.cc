// libFuzzer target for ExtractDocx (indexer/doc/docx_extractor.h) on arbitrary bytes (the seeds
// are .docx files; libFuzzer mutates the zip structure and, less often, the deflated XML).
// Invariants:
//   * never crashes or throws; fails only with a message;
//   * text, title and created are valid UTF-8; text has no trailing white space; title and
//     created are trimmed.
// Small limits (1 MiB per part) keep every execution fast; the zip-bomb checks still run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/doc/docx_extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;

constexpr const char* kTarget = "docx_fuzz";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

void CheckTrimmed(const char* name, const std::string& s) {
  vankien::fuzz::CheckUtf8(kTarget, name, s);
  if (!s.empty() && (IsSpace(s.front()) || IsSpace(s.back())))
    Fail(kTarget, std::string(name) + " is not trimmed", s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vankien::DocxLimits limits;
  limits.max_uncompressed = 1u << 20;
  vankien::fuzz::NoThrow(kTarget, "ExtractDocx", [&] {
    const auto docx = vankien::ExtractDocx(bytes, limits);
    if (!docx.ok()) {
      if (docx.status().message().empty()) Fail(kTarget, "error without a message");
      return;
    }
    vankien::fuzz::CheckUtf8(kTarget, "text", docx->text);
    const char last = docx->text.empty() ? 'x' : docx->text.back();
    if (last == ' ' || last == '\t' || last == '\r' || last == '\n')
      Fail(kTarget, "text ends with white space", docx->text);
    CheckTrimmed("title", docx->title);
    CheckTrimmed("created", docx->created);
  });
  return 0;
}
