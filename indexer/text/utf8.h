// UTF-8 helpers shared by the analyzer and everything that prints stored text.
// Thread-safety: pure functions.
#ifndef VANKIEN_INDEXER_TEXT_UTF8_H_
#define VANKIEN_INDEXER_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vankien::text {

// A valid UTF-8 copy of `in`: every invalid sequence (ICU's maximal-subpart rule) becomes U+FFFD.
// `invalid`, when given, receives the number of replaced sequences.
std::string SanitizeUtf8(std::string_view in, std::size_t* invalid = nullptr);

// Appends code point `c` (must be a Unicode scalar value) to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

}  // namespace vankien::text

#endif  // VANKIEN_INDEXER_TEXT_UTF8_H_
