#include "search/display_key.h"

#include "indexer/refs/key.h"
#include "indexer/refs/lexicon.h"

namespace vankien::search {
namespace {

using i18n::Subst;
using i18n::Tr;

bool IsRoman(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L') return false;
  }
  return true;
}

std::string WithTerm(i18n::Language lang, std::string_view text, std::string_view term) {
  return Subst(Tr(lang, "{1} (term {2})"), {text, term});
}

}  // namespace

std::string DisplayKey(i18n::Language lang, std::string_view key) {
  const refs::KeyParts parts = refs::SplitKey(key);
  if (!parts.suffix.empty()) {
    if (IsRoman(parts.suffix)) return WithTerm(lang, parts.symbol, parts.suffix);
    return std::string(parts.symbol) + " (" + std::string(parts.suffix) + ")";
  }
  // Unnumbered keys: "NQ/TW/HNTW4/XII" (a plenum's resolution), "NQ/ĐH/XIII" (a congress').
  const std::size_t first = key.find('/');
  if (first == std::string_view::npos || first == 0) return std::string(key);
  const std::string_view type = key.substr(0, first);
  const std::string_view noun = refs::NounForCode(type);
  const std::string head = noun.empty() ? std::string(type) : std::string(noun);
  const std::size_t second = key.find('/', first + 1);
  if (second == std::string_view::npos) return std::string(key);
  const std::string_view body = key.substr(first + 1, second - first - 1);
  std::string_view rest = key.substr(second + 1);
  if (body == "ĐH" && IsRoman(rest)) {
    return Subst(Tr(lang, "{1} of Party Congress {2}"), {head, rest});
  }
  if (rest.substr(0, 4) != "HNTW") return std::string(key);
  rest.remove_prefix(4);
  const std::size_t slash = rest.find('/');
  const std::string_view plenum = rest.substr(0, slash);
  if (plenum.empty()) return std::string(key);
  std::string text = Subst(Tr(lang, "{1} of Central Committee plenum {2}"), {head, plenum});
  if (slash != std::string_view::npos && IsRoman(rest.substr(slash + 1))) {
    return WithTerm(lang, text, rest.substr(slash + 1));
  }
  return text;
}

}  // namespace vankien::search
