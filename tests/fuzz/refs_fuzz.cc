// libFuzzer target for the reference recognizer: runs Recognizer::Find (with the project
// registry, so informal references also go through resolution) on arbitrary bytes and checks
// the invariants every result must satisfy:
//   * byte_start <= byte_end <= input size, and `surface` is exactly those bytes;
//   * start <= end, and for valid UTF-8 both are the code-point counts of the bytes before;
//   * mentions are sorted by byte_start and never overlap, except mentions that share one
//     span (the two readings of "Trung ương 4 (khóa XI, XII)"), as recognizer.h promises;
//   * Canonical() and Key() can be computed (exercised for sanitizer findings).
// A violated invariant aborts with a description, which libFuzzer reports as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "tests/support/utf8_check.h"

namespace {

using vankien::refs::Mention;

[[noreturn]] void Fail(const char* what, const Mention& m, std::size_t size) {
  std::fprintf(
      stderr,
      "refs_fuzz invariant violated: %s\n  input size %zu; mention bytes [%zu,%zu) code points "
      "[%zu,%zu) surface size %zu\n",
      what, size, m.byte_start, m.byte_end, m.start, m.end, m.surface.size());
  std::abort();
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

const vankien::refs::Recognizer& GetRecognizer() {
  static const auto* registry = [] {
    auto loaded = vankien::refs::Registry::Load(VANKIEN_SOURCE_DIR "/corpus/registry.tsv");
    return loaded.ok() ? new vankien::refs::Registry(std::move(*loaded)) : nullptr;
  }();
  static const auto* recognizer = new vankien::refs::Recognizer(registry);
  return *recognizer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<Mention> mentions = GetRecognizer().Find(text);
  const bool valid = vankien::test_support::IsValidUtf8(text);

  const Mention* prev = nullptr;
  for (const Mention& m : mentions) {
    if (m.byte_start > m.byte_end) Fail("byte_start > byte_end", m, size);
    if (m.byte_end > size) Fail("byte_end > input size", m, size);
    if (text.substr(m.byte_start, m.byte_end - m.byte_start) != m.surface)
      Fail("surface != input bytes", m, size);
    if (m.start > m.end) Fail("start > end", m, size);
    if (valid) {
      if (m.start != CodePoints(text.substr(0, m.byte_start)))
        Fail("start is not the code-point offset", m, size);
      if (m.end != m.start + CodePoints(m.surface))
        Fail("end is not the code-point offset", m, size);
    }
    if (prev != nullptr) {
      if (m.byte_start < prev->byte_start) Fail("mentions not sorted by byte_start", m, size);
      const bool same_span = m.byte_start == prev->byte_start && m.byte_end == prev->byte_end;
      if (!same_span && m.byte_start < prev->byte_end) Fail("mentions overlap", m, size);
    }
    prev = &m;
    volatile std::size_t sink = m.Canonical().size() + m.Key().size();
    (void)sink;
  }
  return 0;
}
