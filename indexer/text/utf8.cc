#include "indexer/text/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace vankien::text {

std::string SanitizeUtf8(std::string_view in, std::size_t* invalid) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(in.data());
  const std::int64_t n = static_cast<std::int64_t>(in.size());
  std::size_t bad = 0;
  for (std::int64_t i = 0; i < n;) {
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
    } else {
      out.append(in.substr(start, i - start));
    }
  }
  if (invalid != nullptr) *invalid = bad;
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace vankien::text
