// Small string helpers every module needs and none should write again.
// Thread-safety: pure functions.
#ifndef VANKIEN_INDEXER_BASE_STRINGS_H_
#define VANKIEN_INDEXER_BASE_STRINGS_H_

#include <string_view>

namespace vankien {

// `s` without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r). Bytes of
// multi-byte UTF-8 sequences are never white space here, so the result stays valid UTF-8.
inline std::string_view TrimAsciiSpace(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  const std::size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

// True when `s` is one or more ASCII digits.
inline bool AllAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace vankien

#endif  // VANKIEN_INDEXER_BASE_STRINGS_H_
