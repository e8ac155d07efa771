// Helpers for tests that load files: the recognizer a test binary shares (built once, as a real
// caller of the loader builds it) and LoadOptions naming it and the test's analyzer.
#ifndef VANKIEN_TESTS_SUPPORT_LOADING_H_
#define VANKIEN_TESTS_SUPPORT_LOADING_H_

#include "indexer/doc/loader.h"
#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"

namespace vankien::test_support {

inline const refs::Recognizer& SharedRecognizer() {
  static const refs::Recognizer recognizer;
  return recognizer;
}

// `options` with the analyzer and recognizer that .txt, .html, .pdf and .docx files need.
inline LoadOptions WithTextTools(const text::Analyzer& analyzer, LoadOptions options = {}) {
  options.analyzer = &analyzer;
  options.recognizer = &SharedRecognizer();
  return options;
}

}  // namespace vankien::test_support

#endif  // VANKIEN_TESTS_SUPPORT_LOADING_H_
