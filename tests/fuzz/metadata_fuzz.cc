// libFuzzer target for CleanScrapedPage (indexer/doc/page_cleaner.h) and ParseOfficialHeader
// (indexer/doc/official_header.h), with one Analyzer and Recognizer for the process, as the
// loader's callers build them.
// The input is "text", or "text\0title_hint\0date_hint" (NUL bytes split off the hints, so the
// seed pages run without hints and the fuzzer adds them).
// Invariants:
//   * neither function crashes or throws, on any bytes;
//   * CleanScrapedPage: date is "" or a real YYYY-MM-DD; title and every dropped line are one
//     whitespace-normalized line (no newline, tab or CR, no leading/trailing/double space);
//     body is such lines joined by '\n' with no blank line; for valid UTF-8 input (and hints)
//     every output is valid UTF-8;
//   * ParseOfficialHeader: found == false gives an all-empty header; found == true has a symbol
//     or a type, system "party" or "state", a real date or "", plenum in 1..39, term in Roman
//     numerals or "", and single-line fields, valid UTF-8 for valid input; its lines are
//     ascending input line numbers (none when not found);
//   * CleanScrapedPage with the header's lines as keep_lines keeps every non-blank one of them in
//     the body, whitespace normalized.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/folded_words.h"
#include "indexer/doc/official_header.h"
#include "indexer/doc/page_cleaner.h"
#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::CheckUtf8;
using vankien::fuzz::Fail;

constexpr const char* kTarget = "metadata_fuzz";

// Built on the first input and reused: they cost milliseconds, a run is millions of inputs.
struct Tools {
  vankien::text::Analyzer analyzer;
  vankien::refs::Recognizer recognizer;
};
const Tools& TheTools() {
  static const Tools* const tools = new Tools();
  return *tools;
}

bool BodyHasLine(std::string_view body, std::string_view line) {
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    if (body.substr(start, nl - start) == line) return true;
    start = nl + 1;
  }
  return false;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void CheckLine(const char* name, std::string_view s, bool valid_input, bool allow_empty) {
  if (valid_input) CheckUtf8(kTarget, name, s);
  if (s.empty()) {
    if (!allow_empty) Fail(kTarget, std::string(name) + " is an empty line");
    return;
  }
  if (s.find_first_of("\n\r\t") != std::string_view::npos)
    Fail(kTarget, std::string(name) + " has a newline, CR or tab", s);
  if (s.front() == ' ' || s.back() == ' ') Fail(kTarget, std::string(name) + " is not trimmed", s);
  if (s.find("  ") != std::string_view::npos) Fail(kTarget, std::string(name) + " has a double space", s);
}

void CheckPage(std::string_view text, std::string_view title_hint, std::string_view date_hint,
               bool valid) {
  const vankien::PageInfo page =
      vankien::CleanScrapedPage(TheTools().analyzer, text, title_hint, date_hint);
  if (!page.date.empty() && !IsIsoDate(page.date)) Fail(kTarget, "page date malformed", page.date);
  CheckLine("page title", page.title, valid, true);
  for (const std::string& line : page.dropped) CheckLine("dropped line", line, valid, false);
  std::size_t start = 0;
  while (start < page.body.size()) {
    std::size_t nl = page.body.find('\n', start);
    if (nl == std::string::npos) nl = page.body.size();
    CheckLine("body line", std::string_view(page.body).substr(start, nl - start), valid, false);
    start = nl + 1;
  }
  if (!page.body.empty() && page.body.back() == '\n') Fail(kTarget, "body ends with a blank line");
}

bool IsRoman(std::string_view s) {
  for (char c : s) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  }
  return true;
}

void CheckHeader(std::string_view text, std::string_view title_hint, std::string_view date_hint,
                 bool valid) {
  const vankien::OfficialHeader h =
      vankien::ParseOfficialHeader(TheTools().analyzer, TheTools().recognizer, text);
  const std::string* fields[] = {&h.issuer, &h.symbol, &h.place,  &h.date,   &h.type,
                                 &h.term,   &h.subject, &h.signer, &h.system};
  if (!h.found) {
    for (const std::string* f : fields) {
      if (!f->empty()) Fail(kTarget, "header not found but a field is set", *f);
    }
    if (h.plenum.has_value()) Fail(kTarget, "header not found but plenum is set");
    if (!h.lines.empty()) Fail(kTarget, "header not found but it has lines");
    return;
  }
  const std::vector<std::string_view> lines = vankien::doc_internal::SplitLines(text);
  for (std::size_t i = 0; i < h.lines.size(); ++i) {
    if (h.lines[i] >= lines.size()) Fail(kTarget, "header line past the end of the text");
    if (i > 0 && h.lines[i] <= h.lines[i - 1]) Fail(kTarget, "header lines not ascending");
  }
  const vankien::PageInfo page =
      vankien::CleanScrapedPage(TheTools().analyzer, text, title_hint, date_hint, h.lines);
  for (std::size_t k : h.lines) {
    const std::string line = vankien::doc_internal::CollapseSpaces(lines[k]);
    if (!line.empty() && !BodyHasLine(page.body, line))
      Fail(kTarget, "the cleaner removed a header line", line);
  }
  if (h.symbol.empty() && h.type.empty()) Fail(kTarget, "header found without symbol or type");
  if (h.system != "party" && h.system != "state") Fail(kTarget, "header system unknown", h.system);
  if (!h.date.empty() && !IsIsoDate(h.date)) Fail(kTarget, "header date malformed", h.date);
  if (h.plenum.has_value() && (*h.plenum < 1 || *h.plenum > 39))
    Fail(kTarget, "plenum out of range: " + std::to_string(*h.plenum));
  if (!IsRoman(h.term)) Fail(kTarget, "term is not Roman numerals", h.term);
  for (const std::string* f : fields) {
    if (valid) CheckUtf8(kTarget, "header field", *f);
    if (f->find('\n') != std::string::npos) Fail(kTarget, "header field has a newline", *f);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view text = input, title_hint, date_hint;
  if (const std::size_t a = input.find('\0'); a != std::string_view::npos) {
    text = input.substr(0, a);
    std::string_view rest = input.substr(a + 1);
    const std::size_t b = rest.find('\0');
    title_hint = rest.substr(0, b);
    if (b != std::string_view::npos) date_hint = rest.substr(b + 1);
  }
  const bool valid = vankien::test_support::IsValidUtf8(input);
  vankien::fuzz::NoThrow(kTarget, "CleanScrapedPage/ParseOfficialHeader", [&] {
    CheckPage(text, title_hint, date_hint, valid);
    CheckHeader(text, title_hint, date_hint, vankien::test_support::IsValidUtf8(text));
  });
  return 0;
}
