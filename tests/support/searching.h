// Helpers for tests that search an index: one shared analyzer, and search options without
// snippets (what comparisons of rankings need).
#ifndef VANKIEN_TESTS_SUPPORT_SEARCHING_H_
#define VANKIEN_TESTS_SUPPORT_SEARCHING_H_

#include <cstddef>

#include "indexer/text/analyzer.h"
#include "search/searcher.h"

namespace vankien::test_support {

inline const text::Analyzer& SharedAnalyzer() {
  static const text::Analyzer analyzer;
  return analyzer;
}

inline search::SearchOptions WithoutSnippets(std::size_t limit, bool facets = false,
                                             search::SortOrder sort = search::SortOrder::kRelevance) {
  search::SearchOptions o;
  o.limit = limit;
  o.snippets = false;
  o.facets = facets;
  o.sort = sort;
  return o;
}

}  // namespace vankien::test_support

#endif  // VANKIEN_TESTS_SUPPORT_SEARCHING_H_
