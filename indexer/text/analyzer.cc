#include "indexer/text/analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>

#include "indexer/text/char_table.h"
#include "indexer/text/syllable.h"
#include "indexer/text/utf8.h"

namespace vankien::text {
namespace {

// Decodes one code point at `*pos`; returns a negative value for an invalid sequence (and
// still advances past it, by ICU's maximal-subpart rule).
inline UChar32 NextCodePoint(std::string_view in, std::int64_t* pos) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(in.data());
  const std::int64_t length = static_cast<std::int64_t>(in.size());
  std::int64_t i = *pos;
  UChar32 c;
  U8_NEXT(s, i, length, c);
  *pos = i;
  return c;
}

icu::UnicodeString ToUnicode(std::string_view in) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
}

void AssignCodePoints(const icu::UnicodeString& s, std::u32string* cps) {
  cps->clear();
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    cps->push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// "li" → "ly" for the onsets of CanonicalizeIY (syllable.h), on an accent-free term.
void CanonicalizeFoldedIY(std::string* folded) {
  const std::string_view f = *folded;
  if (f.size() < 2 || f.size() > 3 || f.back() != 'i') return;
  const std::string_view onset = f.substr(0, f.size() - 1);
  if (onset == "h" || onset == "k" || onset == "l" || onset == "m" || onset == "s" || onset == "t" ||
      onset == "qu") {
    folded->back() = 'y';
  }
}

}  // namespace

struct Analyzer::Impl {
  CharTable table;
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfd = nullptr;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      std::fprintf(stderr, "vankien: ICU normalization data missing: %s\n", u_errorName(status));
      std::abort();
    }
  }

  // Calls on_run(begin, end, code points) for every maximal run of word characters, with
  // ignorable characters dropped from the code points but kept inside [begin, end).
  // Returns the number of invalid UTF-8 sequences.
  template <typename OnRun>
  std::size_t Scan(std::string_view in, OnRun&& on_run) const {
    std::size_t invalid = 0;
    std::u32string run;
    std::size_t run_begin = 0, run_end = 0;
    bool in_run = false;
    auto flush = [&] {
      if (in_run && !run.empty()) on_run(run_begin, run_end, run);
      in_run = false;
      run.clear();
    };
    std::int64_t i = 0;
    const std::int64_t n = static_cast<std::int64_t>(in.size());
    while (i < n) {
      const std::int64_t start = i;
      const UChar32 c = NextCodePoint(in, &i);
      if (c < 0) {
        ++invalid;
        flush();
        continue;
      }
      const CharInfo info = table.Lookup(static_cast<char32_t>(c));
      if (info.Has(CharInfo::kIgnorable)) {
        if (in_run) run_end = static_cast<std::size_t>(i);
        continue;
      }
      if (!info.IsWordChar()) {
        flush();
        continue;
      }
      if (!in_run) {
        in_run = true;
        run_begin = static_cast<std::size_t>(start);
      }
      run.push_back(static_cast<char32_t>(c));
      run_end = static_cast<std::size_t>(i);
    }
    flush();
    return invalid;
  }

  // NFC of `cps` in place.
  void NormalizeNfc(std::u32string* cps) const {
    icu::UnicodeString us;
    for (char32_t c : *cps) us.append(static_cast<UChar32>(c));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfc->normalize(us, status);
    if (U_SUCCESS(status)) AssignCodePoints(normalized, cps);
  }

  // NFC + full case folding of one run, via the table when every code point allows it.
  void FoldRun(std::u32string* cps) const {
    bool fast = true;
    for (char32_t c : *cps) {
      if (c >= CharTable::kSize) { fast = false; break; }
      const CharInfo& info = table.Lookup(c);
      if (!info.Has(CharInfo::kNfcSafe) || !info.Has(CharInfo::kSimpleFold)) { fast = false; break; }
    }
    if (fast) {
      for (char32_t& c : *cps) c = table.Lookup(c).fold;
      return;
    }
    icu::UnicodeString us;
    for (char32_t c : *cps) us.append(static_cast<UChar32>(c));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfc->normalize(us, status);
    normalized.foldCase();
    // Case folding can undo NFC in rare cases (e.g. U+0345); normalize again.
    normalized = nfc->normalize(normalized, status);
    if (U_SUCCESS(status)) AssignCodePoints(normalized, cps);
  }

  void AppendFolded(char32_t c, std::string* out) const {
    const CharInfo info = table.Lookup(c);
    if (info.Has(CharInfo::kSimpleBase)) {
      if (info.base != 0) AppendUtf8(info.base, out);
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 d = decomposed.char32At(i);
      i += U16_LENGTH(d);
      const int8_t gc = u_charType(d);
      if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK) continue;
      AppendUtf8(d == 0x0111 ? U'd' : static_cast<char32_t>(d), out);
    }
  }

  // Builds a token from one run; returns false for a run that folds to nothing (lone marks).
  bool MakeToken(std::size_t begin, std::size_t end, std::u32string& cps, Token* token) const {
    FoldRun(&cps);
    bool letter = false, digit = false;
    for (char32_t c : cps) {
      const CharInfo info = table.Lookup(c);
      letter = letter || info.Has(CharInfo::kLetter);
      digit = digit || info.Has(CharInfo::kDigit);
    }
    if (!letter && !digit) return false;
    token->kind = letter ? (digit ? TokenKind::kMixed : TokenKind::kWord) : TokenKind::kNumber;
    if (token->kind == TokenKind::kWord) {
      PlaceTone(table, ToneStyle::kNew, &cps);
      CanonicalizeIY(table, &cps);
    }
    token->exact.clear();
    token->folded.clear();
    for (char32_t c : cps) {
      AppendUtf8(c, &token->exact);
      AppendFolded(c, &token->folded);
    }
    // The folded form obeys the i/y rule too: a letter that folds to i (ï, ǐ, …) must give the
    // term its plain spelling would, or folding the folded text would change it again.
    if (token->kind == TokenKind::kWord) CanonicalizeFoldedIY(&token->folded);
    token->begin = begin;
    token->end = end;
    return !token->folded.empty();
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

Analysis Analyzer::Analyze(std::string_view input) const {
  Analysis analysis;
  analysis.invalid_sequences = Analyze(input, &analysis.tokens);
  return analysis;
}

std::size_t Analyzer::Analyze(std::string_view input, std::vector<Token>* out) const {
  out->clear();
  Token token;
  return impl_->Scan(input, [&](std::size_t begin, std::size_t end, std::u32string& cps) {
    if (impl_->MakeToken(begin, end, cps, &token)) out->push_back(token);
  });
}

namespace {

// Rebuilds `input` with every token replaced by what `pick` returns for it.
template <typename Pick>
std::string Rebuild(std::string_view input, const std::vector<Token>& tokens, Pick&& pick) {
  std::string out;
  out.reserve(input.size());
  std::size_t pos = 0;
  for (const Token& t : tokens) {
    out += SanitizeUtf8(input.substr(pos, t.begin - pos));
    out += pick(t);
    pos = t.end;
  }
  out += SanitizeUtf8(input.substr(pos));
  return out;
}

}  // namespace

std::string Analyzer::Normalize(std::string_view input) const {
  const Analysis a = Analyze(input);
  return Rebuild(input, a.tokens, [](const Token& t) -> const std::string& { return t.exact; });
}

std::string Analyzer::Fold(std::string_view input) const {
  const Analysis a = Analyze(input);
  return Rebuild(input, a.tokens, [](const Token& t) -> const std::string& { return t.folded; });
}

std::string Analyzer::RestyleTones(std::string_view input, ToneStyle style) const {
  std::string out;
  out.reserve(input.size());
  std::size_t pos = 0;
  impl_->Scan(input, [&](std::size_t begin, std::size_t end, std::u32string& cps) {
    // Restyle only what the index sees as a syllable: case folding can turn a letter into
    // letter + mark (İ → i̇), and such a token must keep its marks where they are, or the
    // restyled text would no longer normalize to the same terms.
    std::u32string folded = cps;
    impl_->FoldRun(&folded);
    if (!PlaceTone(impl_->table, style, &folded)) return;
    std::u32string syllable = cps;
    impl_->NormalizeNfc(&syllable);
    if (!PlaceTone(impl_->table, style, &syllable)) return;
    out += SanitizeUtf8(input.substr(pos, begin - pos));
    for (char32_t c : syllable) AppendUtf8(c, &out);
    pos = end;
  });
  out += SanitizeUtf8(input.substr(pos));
  return out;
}

std::string Analyzer::StripMarks(std::string_view input) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = impl_->nfd->normalize(ToUnicode(SanitizeUtf8(input)), status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const int8_t gc = u_charType(c);
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK) continue;
    stripped.append(c == 0x0111 ? UChar32{'d'} : c == 0x0110 ? UChar32{'D'} : c);
  }
  return ToUtf8(impl_->nfc->normalize(stripped, status));
}

std::string Analyzer::ToNfd(std::string_view input) const {
  UErrorCode status = U_ZERO_ERROR;
  return ToUtf8(impl_->nfd->normalize(ToUnicode(SanitizeUtf8(input)), status));
}

}  // namespace vankien::text
