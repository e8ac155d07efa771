// Snippets (search/snippet.h): best-window choice, highlight byte ranges, ellipses, and
// robustness against empty and invalid-UTF-8 text.
#include "search/snippet.h"

#include <gtest/gtest.h>

#include "tests/support/utf8_check.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::search {
namespace {

using namespace std::literals;

constexpr std::string_view kEllipsis = "…";

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

using test_support::IsValidUtf8;

std::vector<std::string> HighlightedTexts(const Snippet& s) {
  std::vector<std::string> out;
  for (const auto& [b, e] : s.highlights) {
    if (b <= e && e <= s.text.size()) out.push_back(s.text.substr(b, e - b));
  }
  return out;
}

// Checks the invariants every snippet must satisfy for `terms`: valid UTF-8, highlights in
// order, inside the text, and exactly the words of the snippet whose folded form is a query term
// (found independently by analyzing the snippet text).
void CheckSnippet(const Snippet& s, const std::vector<std::string>& terms) {
  EXPECT_TRUE(IsValidUtf8(s.text)) << "snippet is not valid UTF-8";
  std::size_t prev_end = 0;
  for (const auto& [b, e] : s.highlights) {
    ASSERT_LT(b, e);
    ASSERT_LE(e, s.text.size());
    ASSERT_GE(b, prev_end) << "highlights overlap or are out of order";
    prev_end = e;
  }
  const std::set<std::string> wanted(terms.begin(), terms.end());
  std::vector<std::pair<std::size_t, std::size_t>> expected;
  for (const text::Token& t : A().Analyze(s.text).tokens) {
    if (wanted.count(t.folded)) expected.emplace_back(t.begin, t.end);
  }
  EXPECT_EQ(s.highlights, expected) << "snippet: " << s.text;
}

// `n` words that match none of the query terms used below.
std::string Filler(std::size_t n) {
  static const char* const kWords[] = {"một", "hai", "ba",  "bốn", "năm",
                                       "sáu", "bảy", "tám", "chín", "mười"};
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!out.empty()) out += ' ';
    out += kWords[i % 10];
  }
  return out;
}

std::size_t CountTokens(std::string_view s) { return A().Analyze(s).tokens.size(); }

const std::vector<std::string> kXayDungDang = {"xay", "dung", "dang"};

TEST(SnippetTest, PicksTheLateWindowWithMostDistinctWords) {
  // Early: one query word many times. Late: all three query words.
  std::string text;
  for (int i = 0; i < 8; ++i) text += "Đảng ";
  text += Filler(120) + " xây dựng Đảng vững mạnh " + Filler(80);
  const Snippet s = MakeSnippet(A(), text, kXayDungDang);
  CheckSnippet(s, kXayDungDang);
  EXPECT_NE(s.text.find("xây dựng Đảng"), std::string::npos) << s.text;
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng", "Đảng"})) << s.text;
  EXPECT_EQ(s.text.rfind(kEllipsis, 0), 0u) << "text cut at the front must start with …";
  EXPECT_GE(s.text.size(), kEllipsis.size());
  EXPECT_EQ(s.text.substr(s.text.size() - kEllipsis.size()), kEllipsis)
      << "text cut at the end must end with …";
  EXPECT_LE(CountTokens(s.text), SnippetOptions{}.window_tokens);
}

TEST(SnippetTest, PrefersMoreDistinctWordsOverMoreMatches) {
  const std::vector<std::string> terms = {"nghi", "quyet"};
  std::string text = "nghị nghị nghị nghị nghị nghị " + Filler(60) + " nghị quyết " + Filler(60);
  SnippetOptions options;
  options.window_tokens = 10;
  const Snippet s = MakeSnippet(A(), text, terms, options);
  CheckSnippet(s, terms);
  EXPECT_NE(s.text.find("nghị quyết"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.rfind(kEllipsis, 0), 0u) << s.text;
}

TEST(SnippetTest, FoldedTermHighlightsAccentedWords) {
  const std::string text = "Nghị quyết của ĐẢNG về công tác xây dựng Đảng và đảng viên.";
  const std::vector<std::string> terms = {"dang"};
  const Snippet s = MakeSnippet(A(), text, terms);
  CheckSnippet(s, terms);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"ĐẢNG", "Đảng", "đảng"}));
  EXPECT_EQ(s.text.rfind("Nghị quyết", 0), 0u) << "short text must not be cut: " << s.text;
}

TEST(SnippetTest, HighlightsCoverWholeNfdWords) {
  // "Đảng" in NFD: Đ a U+0309 n g — the highlight must include the combining mark.
  const std::string nfd_dang = "\xC4\x90" "a\xCC\x89ng";
  const std::string text = "xây dựng " + nfd_dang + " vững mạnh";
  const Snippet s = MakeSnippet(A(), text, kXayDungDang);
  CheckSnippet(s, kXayDungDang);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng", nfd_dang}));
}

TEST(SnippetTest, HighlightsMatchOnlyWholeWords) {
  const std::vector<std::string> terms = {"an"};
  const Snippet s = MakeSnippet(A(), "bàn ăn an toàn, ăn uống", terms);
  CheckSnippet(s, terms);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"ăn", "an", "ăn"}));
}

TEST(SnippetTest, NoMatchGivesTheOpeningOfTheText) {
  const std::string text = Filler(200);
  const std::vector<std::string> terms = {"khongco"};
  const Snippet s = MakeSnippet(A(), text, terms);
  CheckSnippet(s, terms);
  EXPECT_TRUE(s.highlights.empty());
  EXPECT_EQ(s.text.rfind("một hai ba bốn", 0), 0u) << s.text;
  EXPECT_EQ(s.text.substr(s.text.size() - kEllipsis.size()), kEllipsis) << s.text;
  EXPECT_LE(CountTokens(s.text), SnippetOptions{}.window_tokens);
  EXPECT_GT(CountTokens(s.text), 0u);
}

TEST(SnippetTest, NoTermsGivesTheOpeningOfTheText) {
  const Snippet s = MakeSnippet(A(), "Tin tức hôm nay", {});
  EXPECT_TRUE(s.highlights.empty());
  EXPECT_EQ(s.text.rfind("Tin tức", 0), 0u) << s.text;
}

TEST(SnippetTest, EmptyTextGivesEmptySnippet) {
  const Snippet s = MakeSnippet(A(), "", kXayDungDang);
  EXPECT_EQ(s.text, "");
  EXPECT_TRUE(s.highlights.empty());
}

TEST(SnippetTest, WindowTokensIsHonoured) {
  const std::string text = Filler(40) + " xây dựng " + Filler(40);
  SnippetOptions options;
  options.window_tokens = 6;
  const Snippet s = MakeSnippet(A(), text, kXayDungDang, options);
  CheckSnippet(s, kXayDungDang);
  EXPECT_LE(CountTokens(s.text), 6u) << s.text;
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng"}));
  EXPECT_EQ(s.text.rfind(kEllipsis, 0), 0u) << s.text;
}

TEST(SnippetTest, InvalidUtf8GivesValidSnippetWithRightHighlights) {
  const std::string text =
      "Tin \xFF\xFE tức: xây dựng\xC3 Đảng \xE1\xBA vững \x80mạnh \xED\xA0\x80 cuối\xF0\x9F";
  ASSERT_FALSE(IsValidUtf8(text));
  const Snippet s = MakeSnippet(A(), text, kXayDungDang);
  CheckSnippet(s, kXayDungDang);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng", "Đảng"})) << s.text;
}

TEST(SnippetTest, InvalidUtf8AroundALateWindow) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "t\xFFừ \xC0\xAF ";
  text += "xây\x80 dựng \xF5 Đảng";
  for (int i = 0; i < 100; ++i) text += " \xE0\x80 chữ";
  const Snippet s = MakeSnippet(A(), text, kXayDungDang);
  CheckSnippet(s, kXayDungDang);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng", "Đảng"})) << s.text;
  EXPECT_EQ(s.text.rfind(kEllipsis, 0), 0u);
}

TEST(SnippetTest, ScanLimitInsideACharacterStaysValid) {
  const std::string text = "xây dựng Đảng vững mạnh";
  const std::size_t d = text.find("Đảng");
  SnippetOptions options;
  options.max_scan_bytes = d + 1;  // inside the two-byte "Đ"
  const Snippet s = MakeSnippet(A(), text, kXayDungDang, options);
  CheckSnippet(s, kXayDungDang);
  EXPECT_EQ(HighlightedTexts(s), (std::vector<std::string>{"xây", "dựng"})) << s.text;
}

}  // namespace
}  // namespace vankien::search
