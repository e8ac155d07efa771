// libFuzzer target for ExtractHtml (indexer/doc/html_extractor.h) on arbitrary bytes.
// Invariants (html_extractor.h promises them for any input):
//   * never crashes or throws; fails only with a message;
//   * title, text, published, description and lang are valid UTF-8 (invalid bytes become
//     U+FFFD before parsing), title/published/description are whitespace-collapsed (no newline,
//     no leading or trailing space);
//   * text: no empty line, no trailing newline, no leading/trailing space on a line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/doc/html_extractor.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;

constexpr const char* kTarget = "html_fuzz";

void CheckCollapsed(const char* name, std::string_view s) {
  vankien::fuzz::CheckUtf8(kTarget, name, s);
  if (s.empty()) return;
  if (s.find('\n') != std::string_view::npos || s.find('\t') != std::string_view::npos)
    Fail(kTarget, std::string(name) + " has a newline or tab", s);
  if (s.front() == ' ' || s.back() == ' ') Fail(kTarget, std::string(name) + " is not trimmed", s);
  if (s.find("  ") != std::string_view::npos) Fail(kTarget, std::string(name) + " has a double space", s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  vankien::fuzz::NoThrow(kTarget, "ExtractHtml", [&] {
    const auto page = vankien::ExtractHtml(html);
    if (!page.ok()) {
      if (page.status().message().empty()) Fail(kTarget, "error without a message");
      return;
    }
    CheckCollapsed("title", page->title);
    CheckCollapsed("published", page->published);
    CheckCollapsed("description", page->description);
    vankien::fuzz::CheckUtf8(kTarget, "lang", page->lang);
    const std::string& text = page->text;
    vankien::fuzz::CheckUtf8(kTarget, "text", text);
    if (text.empty()) return;
    if (text.back() == '\n') Fail(kTarget, "text ends with a newline", text);
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      const std::string_view line = std::string_view(text).substr(start, nl - start);
      if (line.empty()) Fail(kTarget, "text has an empty line", text);
      if (line.front() == ' ' || line.back() == ' ') Fail(kTarget, "text line not trimmed", line);
      if (line.find("  ") != std::string_view::npos) Fail(kTarget, "text line has a double space", line);
      start = nl + 1;
    }
  });
  return 0;
}
