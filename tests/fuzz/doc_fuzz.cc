// libFuzzer target for the Word 97 and PDF-metadata readers that run on untrusted bytes without
// a third-party parser of their own in front: ParseAntiwordDocBook (indexer/doc/doc_extractor.h;
// antiword's output of a hostile .doc is hostile too) and DecodePdfString
// (indexer/doc/pdf_extractor.h; /Title and other Info strings as raw bytes).
// Invariants:
//   * never crashes or throws; a failure has a message;
//   * the DocBook text is valid UTF-8 and made of trimmed, non-empty lines, each ending "\n";
//     title and created are valid UTF-8;
//   * DecodePdfString always gives valid UTF-8 without NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/doc/doc_extractor.h"
#include "indexer/doc/pdf_extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;

constexpr const char* kTarget = "doc_fuzz";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

void CheckLines(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) Fail(kTarget, "text does not end with a newline", text);
    const std::string_view line(text.data() + start, end - start);
    if (line.empty()) Fail(kTarget, "empty line in text", text);
    if (IsSpace(line.front()) || IsSpace(line.back())) Fail(kTarget, "line not trimmed", line);
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vankien::fuzz::NoThrow(kTarget, "ParseAntiwordDocBook", [&] {
    const auto doc = vankien::ParseAntiwordDocBook(bytes);
    if (!doc.ok()) {
      if (doc.status().message().empty()) Fail(kTarget, "error without a message");
      return;
    }
    vankien::fuzz::CheckUtf8(kTarget, "text", doc->text);
    CheckLines(doc->text);
    vankien::fuzz::CheckUtf8(kTarget, "title", doc->title);
    vankien::fuzz::CheckUtf8(kTarget, "created", doc->created);
  });
  vankien::fuzz::NoThrow(kTarget, "DecodePdfString", [&] {
    const std::string s = vankien::DecodePdfString(bytes);
    vankien::fuzz::CheckUtf8(kTarget, "decoded PDF string", s);
    if (s.find('\0') != std::string::npos) Fail(kTarget, "NUL in a decoded PDF string", s);
  });
  return 0;
}
