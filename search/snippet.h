// Snippets: the passage of a document that best matches the query, cut from the original text
// with the analyzer's byte offsets, with the matched words marked. A word matches when its
// folded form equals a query word's folded form, so an unaccented query highlights accented text.
// Thread-safety: pure function.
#ifndef VANKIEN_SEARCH_SNIPPET_H_
#define VANKIEN_SEARCH_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::search {

struct Snippet {
  std::string text;  // valid UTF-8; "…" marks text cut at either end
  // Byte ranges [begin, end) within `text` of the matched words, in order.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

struct SnippetOptions {
  std::size_t window_tokens = 32;        // passage length in words
  std::size_t max_scan_bytes = 1u << 20;  // only this much of a huge document is scanned
};

// The window with the most distinct query words (then the most matches); the opening of the
// text when nothing matches.
Snippet MakeSnippet(const text::Analyzer& analyzer, std::string_view text,
                    const std::vector<std::string>& folded_terms, const SnippetOptions& options = {});

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_SNIPPET_H_
