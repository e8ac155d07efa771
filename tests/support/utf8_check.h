// An independent UTF-8 validator for tests (written from Unicode Table 3-7, not from ICU, so it
// checks the code under test rather than agreeing with it).
#ifndef VANKIEN_TESTS_SUPPORT_UTF8_CHECK_H_
#define VANKIEN_TESTS_SUPPORT_UTF8_CHECK_H_

#include <cstddef>
#include <string_view>

namespace vankien::test_support {

// Well-formed UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
inline bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    const unsigned char b = byte(i);
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace vankien::test_support

#endif  // VANKIEN_TESTS_SUPPORT_UTF8_CHECK_H_
