#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "indexer/text/utf8.h"

namespace vankien::search {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Cuts a byte offset back to a UTF-8 character boundary.
std::size_t CharBoundary(std::string_view s, std::size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

}  // namespace

Snippet MakeSnippet(const text::Analyzer& analyzer, std::string_view text,
                    const std::vector<std::string>& folded_terms, const SnippetOptions& options) {
  const std::string_view scanned =
      text.substr(0, CharBoundary(text, std::min(text.size(), options.max_scan_bytes)));
  std::vector<text::Token> tokens;
  analyzer.Analyze(scanned, &tokens);

  std::unordered_map<std::string_view, int> term_index;
  for (const std::string& t : folded_terms) {
    term_index.emplace(t, static_cast<int>(term_index.size()));
  }
  std::vector<int> match(tokens.size(), -1);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto it = term_index.find(tokens[i].folded);
    if (it != term_index.end()) match[i] = it->second;
  }

  // Slide a window of `w` tokens, scoring distinct terms first, then total matches.
  const std::size_t w = std::max<std::size_t>(1, options.window_tokens);
  std::vector<int> counts(term_index.size(), 0);
  int distinct = 0, total = 0;
  long best_score = -1;
  std::size_t best_start = 0;
  for (std::size_t end = 0; end < tokens.size(); ++end) {
    if (match[end] >= 0) {
      if (counts[match[end]]++ == 0) ++distinct;
      ++total;
    }
    if (end >= w) {
      const int gone = match[end - w];
      if (gone >= 0) {
        if (--counts[gone] == 0) --distinct;
        --total;
      }
    }
    const long score = static_cast<long>(distinct) * 1000 + total;
    if (score > best_score) {
      best_score = score;
      best_start = end + 1 >= w ? end + 1 - w : 0;
    }
  }
  // Start the window a little before its first match so the match has context.
  if (best_score > 0) {
    std::size_t first = best_start;
    while (first < tokens.size() && match[first] < 0) ++first;
    best_start = first > 3 ? std::max(best_start, first - 3) : best_start;
  }

  Snippet snippet;
  if (tokens.empty()) return snippet;
  const std::size_t last = std::min(tokens.size(), best_start + w) - 1;
  if (best_start > 0) snippet.text.append(kEllipsis).push_back(' ');
  // Copy token by token: gaps may hold invalid bytes or line breaks, tokens never do.
  std::size_t pos = tokens[best_start].begin;
  for (std::size_t i = best_start; i <= last; ++i) {
    const text::Token& t = tokens[i];
    std::string gap = text::SanitizeUtf8(text.substr(pos, t.begin - pos));
    for (char& c : gap) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    snippet.text += gap;
    const std::size_t highlight_begin = snippet.text.size();
    snippet.text.append(text.substr(t.begin, t.end - t.begin));
    if (match[i] >= 0) snippet.highlights.emplace_back(highlight_begin, snippet.text.size());
    pos = t.end;
  }
  if (last + 1 < tokens.size()) snippet.text.append(" ").append(kEllipsis);
  return snippet;
}

}  // namespace vankien::search
