// libFuzzer target for the text Analyzer (indexer/text/analyzer.h) on arbitrary bytes:
//   * Analyze: tokens lie inside the input (begin < end <= size), come in order and never
//     overlap; exact and folded forms are non-empty valid UTF-8; the counted invalid sequences
//     are 0 exactly when the input is valid UTF-8 (checked by an independent validator); the
//     vector-reusing overload gives the same tokens;
//   * Normalize, Fold, StripMarks, ToNfd, RestyleTones give valid UTF-8 for any input;
//   * Normalize is idempotent on its own output, and so are Fold, StripMarks, ToNfd (NFD) and
//     RestyleTones (a syllable already in a style stays as it is);
//   * Normalize ignores the tone style: Normalize(RestyleTones(x, s)) == Normalize(x), since the
//     index puts every term in the new style whatever the user typed;
//   * nothing throws.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "indexer/text/analyzer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::CheckUtf8;
using vankien::fuzz::Fail;
using vankien::text::Analyzer;
using vankien::text::Token;
using vankien::text::ToneStyle;

constexpr const char* kTarget = "analyzer_fuzz";

const Analyzer& TheAnalyzer() {
  static const Analyzer* const analyzer = new Analyzer();
  return *analyzer;
}

bool IsNfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  const bool ok = nfd->isNormalized(u, status);
  return U_SUCCESS(status) && ok;
}

void CheckTokens(std::string_view input, const std::vector<Token>& tokens) {
  std::size_t prev_end = 0;
  for (const Token& t : tokens) {
    if (t.begin >= t.end) Fail(kTarget, "token begin >= end", t.exact);
    if (t.end > input.size()) Fail(kTarget, "token end > input size", t.exact);
    if (t.begin < prev_end) Fail(kTarget, "tokens overlap or are out of order", t.exact);
    prev_end = t.end;
    if (t.exact.empty() || t.folded.empty()) Fail(kTarget, "empty token form", t.exact, t.folded);
    CheckUtf8(kTarget, "Token::exact", t.exact);
    CheckUtf8(kTarget, "Token::folded", t.folded);
  }
}

bool SameTokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].exact != b[i].exact || a[i].folded != b[i].folded || a[i].begin != b[i].begin ||
        a[i].end != b[i].end || a[i].kind != b[i].kind)
      return false;
  }
  return true;
}

void Idempotent(const char* name, const std::string& once, const std::string& twice) {
  if (once != twice) Fail(kTarget, std::string(name) + " is not idempotent (f(x) vs f(f(x)))", once, twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Analyzer& analyzer = TheAnalyzer();
  vankien::fuzz::NoThrow(kTarget, "Analyzer", [&] {
    const vankien::text::Analysis analysis = analyzer.Analyze(input);
    CheckTokens(input, analysis.tokens);
    const bool valid = vankien::test_support::IsValidUtf8(input);
    if (valid != (analysis.invalid_sequences == 0)) {
      Fail(kTarget, "invalid_sequences is " + std::to_string(analysis.invalid_sequences) +
                        " but the input is " + (valid ? "valid" : "invalid") + " UTF-8");
    }
    std::vector<Token> reused = {Token{"stale", "stale", 0, 1}};
    const std::size_t invalid = analyzer.Analyze(input, &reused);
    if (invalid != analysis.invalid_sequences || !SameTokens(reused, analysis.tokens))
      Fail(kTarget, "Analyze(input, &out) differs from Analyze(input)");

    const std::string normalized = analyzer.Normalize(input);
    CheckUtf8(kTarget, "Normalize", normalized);
    Idempotent("Normalize", normalized, analyzer.Normalize(normalized));

    const std::string folded = analyzer.Fold(input);
    CheckUtf8(kTarget, "Fold", folded);
    Idempotent("Fold", folded, analyzer.Fold(folded));

    const std::string stripped = analyzer.StripMarks(input);
    CheckUtf8(kTarget, "StripMarks", stripped);
    Idempotent("StripMarks", stripped, analyzer.StripMarks(stripped));

    const std::string nfd = analyzer.ToNfd(input);
    CheckUtf8(kTarget, "ToNfd", nfd);
    if (!IsNfd(nfd)) Fail(kTarget, "ToNfd output is not NFD", nfd);

    for (const ToneStyle style : {ToneStyle::kNew, ToneStyle::kOld}) {
      const char* name = style == ToneStyle::kNew ? "RestyleTones(kNew)" : "RestyleTones(kOld)";
      const std::string restyled = analyzer.RestyleTones(input, style);
      CheckUtf8(kTarget, name, restyled);
      Idempotent(name, restyled, analyzer.RestyleTones(restyled, style));
      const std::string renormalized = analyzer.Normalize(restyled);
      if (renormalized != normalized)
        Fail(kTarget, std::string("Normalize(") + name + "(x)) != Normalize(x)", renormalized,
             normalized);
    }
  });
  return 0;
}
