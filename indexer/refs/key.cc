#include "indexer/refs/key.h"

#include "indexer/base/strings.h"
#include "indexer/refs/mention.h"

namespace vankien::refs {
namespace {


}  // namespace

std::string DocumentKey(std::string_view symbol, std::string_view term, std::string_view date) {
  std::string key(symbol);
  if (symbol.empty() || symbol.front() < '0' || symbol.front() > '9') return key;
  // Read from the symbol's shape, so that a key is the same whoever computes it: Party symbols
  // are "N-T/I" (dash before the first slash), state ones "N/…".
  const std::size_t dash = symbol.find('-'), slash = symbol.find('/');
  const bool party = dash != std::string_view::npos && slash != std::string_view::npos && dash < slash;
  const std::string_view year =
      date.size() >= 4 && AllAsciiDigits(date.substr(0, 4)) ? date.substr(0, 4) : std::string_view();
  if (party) {
    if (!term.empty()) return key.append("@").append(term);
    const std::string derived = year.empty() ? std::string() : PartyTermOn(date);
    if (!derived.empty()) return key.append("@").append(derived);
    if (!year.empty()) return key.append("@").append(year);
    return key;
  }
  const std::size_t second = slash == std::string_view::npos ? slash : symbol.find('/', slash + 1);
  const bool year_shown = second != std::string_view::npos && AllAsciiDigits(symbol.substr(slash + 1, second - slash - 1));
  if (year_shown || year.empty()) return key;
  return key.append("@").append(year);
}

KeyParts SplitKey(std::string_view key) {
  const std::size_t at = key.find('@');
  if (at == std::string_view::npos) return {key, {}};
  return {key.substr(0, at), key.substr(at + 1)};
}

}  // namespace vankien::refs
