// Shared helpers for the libFuzzer targets: a violated invariant prints what and where, then
// aborts, which libFuzzer reports as a crash (and keeps the input).
#ifndef VANKIEN_TESTS_FUZZ_FUZZ_CHECK_H_
#define VANKIEN_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "tests/support/utf8_check.h"

namespace vankien::fuzz {

// Prints up to 160 bytes of `s`, escaping everything outside printable ASCII.
inline void PrintEscaped(const char* label, std::string_view s) {
  std::fprintf(stderr, "  %s (%zu bytes): \"", label, s.size());
  const std::size_t n = s.size() < 160 ? s.size() : 160;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02X", c);
    }
  }
  std::fprintf(stderr, "%s\"\n", n < s.size() ? "..." : "");
}

[[noreturn]] inline void Fail(const char* target, const std::string& what) {
  std::fprintf(stderr, "%s invariant violated: %s\n", target, what.c_str());
  std::abort();
}

[[noreturn]] inline void Fail(const char* target, const std::string& what, std::string_view a,
                              std::string_view b = {}) {
  std::fprintf(stderr, "%s invariant violated: %s\n", target, what.c_str());
  PrintEscaped("value", a);
  if (!b.empty()) PrintEscaped("other", b);
  std::abort();
}

inline void CheckUtf8(const char* target, const char* what, std::string_view s) {
  if (!vankien::test_support::IsValidUtf8(s)) Fail(target, std::string(what) + " is not valid UTF-8", s);
}

// Runs `body`; an exception escaping it is a finding (the APIs fuzzed here promise none).
template <typename Body>
void NoThrow(const char* target, const char* call, Body&& body) {
  try {
    body();
  } catch (const std::exception& e) {
    Fail(target, std::string(call) + " threw " + typeid(e).name() + ": " + e.what());
  } catch (...) {
    Fail(target, std::string(call) + " threw a non-std exception");
  }
}

}  // namespace vankien::fuzz

#endif  // VANKIEN_TESTS_FUZZ_FUZZ_CHECK_H_
