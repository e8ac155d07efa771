// libFuzzer target for the JSONL record parser and date normalizer (indexer/doc/loader.h).
// Every input is parsed as one record with three field maps (none, {"text", "body"}, and a
// swap of title and text), and given to NormalizeDate whole and line by line.
// Invariants:
//   * ParseJsonRecord never throws; a failure carries a message;
//   * on success: id is not blank; every string of the document is valid UTF-8 (the JSON parser
//     validates strings and \u escapes); date is "" or a NormalizeDate result;
//   * NormalizeDate returns "" or YYYY / YYYY-MM / YYYY-MM-DD with a real month and day (year
//     1000..2999), and is idempotent: NormalizeDate(NormalizeDate(x)) == NormalizeDate(x).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/loader.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::CheckUtf8;
using vankien::fuzz::Fail;

constexpr const char* kTarget = "jsonl_fuzz";

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "" or YYYY[-MM[-DD]] with a plausible calendar date.
bool IsNormalizedDate(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!Digits(d.substr(0, 4))) return false;
  const int y = Num(d.substr(0, 4));
  if (y < 1000 || y > 2999) return false;
  if (d.size() == 4) return true;
  if (d[4] != '-' || !Digits(d.substr(5, 2))) return false;
  const int m = Num(d.substr(5, 2));
  if (m < 1 || m > 12) return false;
  if (d.size() == 7) return true;
  if (d[7] != '-' || !Digits(d.substr(8, 2))) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int dd = Num(d.substr(8, 2));
  return dd >= 1 && dd <= (m == 2 && leap ? 29 : kDays[m - 1]);
}

void CheckDate(std::string_view input) {
  const std::string d = vankien::NormalizeDate(input);
  if (!IsNormalizedDate(d)) Fail(kTarget, "NormalizeDate gave a malformed date", input, d);
  if (!d.empty() && vankien::NormalizeDate(d) != d)
    Fail(kTarget, "NormalizeDate is not idempotent", d, vankien::NormalizeDate(d));
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

void CheckRecord(std::string_view line,
                 const std::vector<std::pair<std::string, std::string>>& field_map) {
  const auto doc = vankien::ParseJsonRecord(line, field_map);
  if (!doc.ok()) {
    if (doc.status().message().empty()) Fail(kTarget, "refusal without a message", line);
    return;
  }
  if (IsBlank(doc->id)) Fail(kTarget, "record accepted with a blank id", line);
  if (!IsNormalizedDate(doc->date)) Fail(kTarget, "record date is malformed", doc->date);
  CheckUtf8(kTarget, "id", doc->id);
  CheckUtf8(kTarget, "title", doc->title);
  CheckUtf8(kTarget, "text", doc->text);
  CheckUtf8(kTarget, "url", doc->url);
  CheckUtf8(kTarget, "symbol", doc->symbol);
  for (const auto& [key, value] : doc->fields) {
    CheckUtf8(kTarget, "field name", key);
    CheckUtf8(kTarget, "field value", value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::pair<std::string, std::string>> kMaps[] = {
      {},
      {{"text", "body"}},
      {{"title", "text"}, {"text", "title"}},
  };
  vankien::fuzz::NoThrow(kTarget, "ParseJsonRecord/NormalizeDate", [&] {
    for (const auto& field_map : kMaps) CheckRecord(input, field_map);
    CheckDate(input);
    std::size_t start = 0;
    while (start < input.size()) {
      std::size_t nl = input.find('\n', start);
      if (nl == std::string_view::npos) nl = input.size();
      CheckDate(input.substr(start, nl - start));
      start = nl + 1;
    }
  });
  return 0;
}
