// Query understanding (search/query.h) as a table of user query → Xapian query description, in
// the style of xapian-core/tests/api_queryparser.cc. The expected strings follow the rules:
//   * a word typed with diacritics → its exact term (no prefix, analyzer's canonical form);
//   * a word typed without diacritics → "XF" + folded form;
//   * free words are OR-ed;
//   * a "phrase" → in an index with positions, PHRASE (window = word count) over the XF terms;
//     without (the default), the AND of its XF terms and adjacent XP pairs; either FILTERed by
//     the AND of the exact terms of its marked words (no filter when none is marked);
//   * beside free words a phrase only ranks: its words join the free words and the whole phrase
//     adds 0.5 × its query; +"phrase", or a query of nothing but phrases and operators, requires
//     it: (AND of required phrases) AND_MAYBE (OR of free words);
//   * a one-word phrase is that word's query; an unbalanced quote quotes the rest; “ ” = ".
// The table omits the "Query(...)" wrapper, as api_queryparser.cc does.
#include "search/query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/text/analyzer.h"

namespace vankien::search {
namespace {

using namespace std::literals;

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

struct QueryCase {
  std::string_view query;
  std::string_view expected;  // description without the "Query(" ... ")" wrapper
};

const QueryCase kQueries[] = {
    // --- Single words: unaccented → folded space, accented → exact space
    {"dang", "XFdang"},
    {"Dang", "XFdang"},
    {"DANG", "XFdang"},
    {"Đảng", "đảng"},
    {"ĐẢNG", "đảng"},
    {"đảng", "đảng"},
    {"đang", "đang"},  // đ is a mark: "đang" is exact, not "XFdang"
    {"Hòa", "hoà"},    // canonical (new-style) tone placement
    {"Hoà", "hoà"},
    {"HÒA", "hoà"},
    {"thủy", "thuỷ"},
    {"2022", "XF2022"},
    {"h5n1", "XFh5n1"},
    {"  dang  ", "XFdang"},

    // --- Free words are OR-ed
    {"xay dung dang", "(XFxay OR XFdung OR XFdang)"},
    {"xây dựng Đảng", "(xây OR dựng OR đảng)"},
    {"xây dung", "(xây OR XFdung)"},
    {"XÂY DỰNG", "(xây OR dựng)"},
    {"Hòa bình", "(hoà OR bình)"},
    {"xây, dựng; Đảng!", "(xây OR dựng OR đảng)"},
    {"Nghị quyết 21-NQ/TW", "(nghị OR quyết OR XF21 OR XFnq OR XFtw)"},
    {"  xay \t  dung\n", "(XFxay OR XFdung)"},

    // --- Phrases: PHRASE over folded terms, filtered by the exact terms of marked words
    {"\"xay dung\"", "(XFxay PHRASE 2 XFdung)"},
    {"\"xay dung dang\"", "(XFxay PHRASE 3 XFdung PHRASE 3 XFdang)"},
    {"\"xây dựng\"", "((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng))"},
    {"\"xây dung\"", "((XFxay PHRASE 2 XFdung) FILTER xây)"},
    {"\"xay dựng\"", "((XFxay PHRASE 2 XFdung) FILTER dựng)"},
    {"\"xây dựng Đảng\"",
     "((XFxay PHRASE 3 XFdung PHRASE 3 XFdang) FILTER (xây AND dựng AND đảng))"},
    {"\"Hòa bình\"", "((XFhoa PHRASE 2 XFbinh) FILTER (hoà AND bình))"},
    {"\"xây-dựng\"", "((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng))"},
    {"\"nghi quyet 21\"", "(XFnghi PHRASE 3 XFquyet PHRASE 3 XF21)"},

    // --- One-word phrases are just the word (required only among phrases and operators)
    {"\"dang\"", "XFdang"},
    {"\"Đảng\"", "đảng"},
    {"\"Đảng\" xay", "(đảng OR XFxay)"},
    {"\"dang\" \"xay\"", "(XFdang AND XFxay)"},

    // --- Beside free words a phrase ranks (its words, and the whole phrase once more)
    {"\"xay dung\" dang", "((XFxay OR XFdung) OR 0.5 * (XFxay PHRASE 2 XFdung) OR XFdang)"},
    {"dang \"xây dựng\" nha nuoc",
     "(XFdang OR (xây OR dựng) OR 0.5 * ((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng)) OR XFnha OR "
     "XFnuoc)"},
    {"\"xay dung\" dang \"nha nuoc\" moi",
     "((XFxay OR XFdung) OR 0.5 * (XFxay PHRASE 2 XFdung) OR XFdang OR (XFnha OR XFnuoc) OR 0.5 * "
     "(XFnha PHRASE 2 XFnuoc) OR XFmoi)"},
    // ... and is required with +, or among nothing but phrases and operators
    {"+\"xay dung\" dang", "((XFxay PHRASE 2 XFdung) AND_MAYBE XFdang)"},
    {"dang +\"xây dựng\" nha nuoc",
     "(((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng)) AND_MAYBE (XFdang OR XFnha OR XFnuoc))"},
    {"\"xay dung\" \"nha nuoc\"", "((XFxay PHRASE 2 XFdung) AND (XFnha PHRASE 2 XFnuoc))"},
    {"\"xay dung\" -dang", "((XFxay PHRASE 2 XFdung) AND_NOT XFdang)"},
    {"\"xay dung\" +dang", "((XFxay PHRASE 2 XFdung) AND XFdang)"},
    {"\"xay dung\" AND dang", "((XFxay PHRASE 2 XFdung) AND XFdang)"},
    {"\"xây dựng\" \"nhà nuoc\"",
     "(((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng)) AND ((XFnha PHRASE 2 XFnuoc) FILTER "
     "nhà))"},

    // --- Unbalanced quotes: an opening quote quotes the rest
    {"xay \"dung dang", "(XFxay OR (XFdung OR XFdang) OR 0.5 * (XFdung PHRASE 2 XFdang))"},
    {"\"xay dung", "(XFxay PHRASE 2 XFdung)"},
    {"xay dung\"", "(XFxay OR XFdung)"},
    {"\"xay dung\" \"nha", "((XFxay PHRASE 2 XFdung) AND XFnha)"},  // one-word phrase
    {"\"xay dung\" \"nha nuoc", "((XFxay PHRASE 2 XFdung) AND (XFnha PHRASE 2 XFnuoc))"},

    // --- Empty or punctuation-only phrases vanish
    {"\"\" xay", "XFxay"},
    {"\"!!!\" dang", "XFdang"},

    // --- Typographic quotes work like "
    {"“xây dựng”", "((XFxay PHRASE 2 XFdung) FILTER (xây AND dựng))"},
    {"“xay dung” dang", "((XFxay OR XFdung) OR 0.5 * (XFxay PHRASE 2 XFdung) OR XFdang)"},
    {"dang “xay dung", "(XFdang OR (XFxay OR XFdung) OR 0.5 * (XFxay PHRASE 2 XFdung))"},
    {"“xay dung\" dang", "((XFxay OR XFdung) OR 0.5 * (XFxay PHRASE 2 XFdung) OR XFdang)"},
};

// Word forms alone: pairs and abbreviations are off here (see query_language_test.cc), and the
// index keeps positions, so that phrases read as PHRASE.
QueryOptions WordsOnly() {
  QueryOptions o;
  o.pair_weight = 0;
  o.synonym_weight = 0;
  o.positional_phrases = true;
  return o;
}

TEST(QueryBuilderTest, DescriptionTable) {
  const QueryBuilder builder(A(), WordsOnly());
  for (const QueryCase& c : kQueries) {
    auto parsed = builder.Build(c.query);
    ASSERT_TRUE(parsed.ok()) << "query: " << c.query << " → " << parsed.status().message();
    EXPECT_EQ(parsed->Description(), "Query(" + std::string(c.expected) + ")")
        << "query: " << c.query;
  }
}

TEST(QueryBuilderTest, WithoutPositionsAPhraseNeedsItsWordsAndEachAdjacentPair) {
  QueryOptions options = WordsOnly();
  options.positional_phrases = false;
  const QueryBuilder builder(A(), options);
  const std::pair<const char*, const char*> cases[] = {
      {"\"xay dung\"", "(XFxay AND XPxay dung AND XFdung)"},
      {"\"xay dung dang\"", "(XFxay AND XPxay dung AND XFdung AND XPdung dang AND XFdang)"},
      {"\"xây dựng\"", "((XFxay AND XPxay dung AND XFdung) FILTER (xây AND dựng))"},
      {"\"dang\"", "XFdang"},
      {"+\"xay dung\" dang", "((XFxay AND XPxay dung AND XFdung) AND_MAYBE XFdang)"},
  };
  for (const auto& [query, expected] : cases) {
    auto parsed = builder.Build(query);
    ASSERT_TRUE(parsed.ok()) << query;
    EXPECT_EQ(parsed->Description(), "Query(" + std::string(expected) + ")") << query;
  }
}

// ---------------------------------------------------------------------------------------------
// Spelling variants give the same query
// ---------------------------------------------------------------------------------------------

TEST(QueryBuilderTest, NfdAndOldToneGiveTheSameDescriptionAsNfcNewTone) {
  const QueryBuilder builder(A());
  struct Pair {
    std::string_view variant;
    std::string_view canonical;
  };
  const Pair pairs[] = {
      // old-style tone placement
      {"hòa bình", "hoà bình"},
      {"thủy lợi", "thuỷ lợi"},
      {"khỏe", "khoẻ"},
      {"\"hòa bình\" thủy", "\"hoà bình\" thuỷ"},
      // explicit NFD bytes: o + U+0300, a + U+0300, u + U+0309
      {"ho\xCC\x80" "a", "hoà"},
      {"hoa\xCC\x80", "hoà"},
      {"thu\xCC\x89y", "thuỷ"},
      // uppercase NFD
      {"HO\xCC\x80" "A BI\xCC\x80NH", "hoà bình"},
  };
  for (const Pair& p : pairs) {
    auto v = builder.Build(p.variant);
    auto c = builder.Build(p.canonical);
    ASSERT_TRUE(v.ok() && c.ok()) << p.variant;
    EXPECT_EQ(v->Description(), c->Description()) << "variant: " << p.variant;
  }
  // The analyzer's own NFD of whole queries.
  for (std::string_view q : {"xây dựng Đảng"sv, "\"Hoà bình\" thống nhất"sv,
                             "Nghị quyết “đổi mới” kinh tế"sv, "Ủy ban nhân dân"sv}) {
    const std::string nfd = A().ToNfd(q);
    ASSERT_NE(nfd, std::string(q)) << "ToNfd did not decompose " << q;
    auto v = builder.Build(nfd);
    auto c = builder.Build(q);
    ASSERT_TRUE(v.ok() && c.ok()) << q;
    EXPECT_EQ(v->Description(), c->Description()) << "NFD of: " << q;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

TEST(QueryBuilderTest, EmptyWhitespaceAndPunctuationOnlyAreInvalid) {
  const QueryBuilder builder(A());
  for (std::string_view q : {""sv, " "sv, "   \t\n "sv, "!!! ---"sv, "... ,,, ;;;"sv, "\"\""sv,
                             "“ ”"sv, "\" \" \""sv, "😀 ★"sv}) {
    auto parsed = builder.Build(q);
    ASSERT_FALSE(parsed.ok()) << "accepted: \"" << q << "\"";
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument) << q;
    EXPECT_FALSE(parsed.status().message().empty()) << q;
  }
}

TEST(QueryBuilderTest, QueryOverMaxBytesIsInvalid) {
  const QueryBuilder builder(A());
  const std::size_t max = QueryOptions{}.max_query_bytes;
  std::string at_limit;
  while (at_limit.size() < max) at_limit += "a ";
  at_limit.resize(max);
  auto ok = builder.Build(at_limit);
  EXPECT_TRUE(ok.ok()) << "a query of exactly max_query_bytes was refused: "
                       << ok.status().message();

  const std::string over = at_limit + "b";
  auto parsed = builder.Build(over);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find(std::to_string(max)), std::string::npos)
      << parsed.status().message();

  QueryOptions small;
  small.max_query_bytes = 10;
  const QueryBuilder tight(A(), small);
  EXPECT_TRUE(tight.Build("xay dung d").ok());    // 10 bytes
  EXPECT_FALSE(tight.Build("xay dung da").ok());  // 11 bytes
  EXPECT_FALSE(tight.Build("xây dựng").ok());     // 11 bytes of UTF-8
}

// ---------------------------------------------------------------------------------------------
// Word limit
// ---------------------------------------------------------------------------------------------

TEST(QueryBuilderTest, WordsBeyondMaxWordsAreDroppedAndCounted) {
  QueryOptions options = WordsOnly();
  options.max_words = 3;
  const QueryBuilder builder(A(), options);

  auto free = builder.Build("mot hai ba bon nam");
  ASSERT_TRUE(free.ok());
  EXPECT_EQ(free->Description(), "Query((XFmot OR XFhai OR XFba))");
  EXPECT_EQ(free->dropped_words(), 2u);

  auto phrase = builder.Build("mot +\"hai ba bon\" nam");
  ASSERT_TRUE(phrase.ok());
  EXPECT_EQ(phrase->Description(), "Query(((XFhai PHRASE 2 XFba) AND_MAYBE XFmot))");
  EXPECT_EQ(phrase->dropped_words(), 2u);

  auto exact = builder.Build("mot hai ba");
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->dropped_words(), 0u);

  // Default limit.
  const QueryBuilder defaults(A(), WordsOnly());
  std::string many;
  const std::size_t limit = QueryOptions{}.max_words;
  for (std::size_t i = 0; i < limit + 6; ++i) many.append("w").append(std::to_string(i)).push_back(' ');
  auto parsed = defaults.Build(many);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->dropped_words(), 6u);
  const std::string d = parsed->Description();
  // The first max_words words are kept, in order; the next one is not there.
  const std::string last_kept = " OR XFw" + std::to_string(limit - 1) + "))";
  ASSERT_GE(d.size(), last_kept.size());
  EXPECT_EQ(d.substr(d.size() - last_kept.size()), last_kept) << d;
  EXPECT_EQ(d.rfind("Query((XFw0 OR XFw1 OR", 0), 0u) << d;
  EXPECT_EQ(d.find("XFw" + std::to_string(limit)), std::string::npos) << d;
}

// ---------------------------------------------------------------------------------------------
// Highlight terms
// ---------------------------------------------------------------------------------------------

TEST(QueryBuilderTest, HighlightTermsAreTheFoldedForms) {
  const QueryBuilder builder(A());
  auto parsed = builder.Build("Hòa \"xây dựng\" dang ĐẢNG “Thủy” 21-NQ");
  ASSERT_TRUE(parsed.ok());
  const std::set<std::string> got(parsed->highlight_terms().begin(),
                                  parsed->highlight_terms().end());
  const std::set<std::string> expected = {"hoa", "xay", "dung", "dang", "thuy", "21", "nq"};
  EXPECT_EQ(got, expected);

  auto one = builder.Build("Đảng");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->highlight_terms(), std::vector<std::string>{"dang"});
}

TEST(QueryBuilderTest, HighlightTermsExcludeDroppedWords) {
  QueryOptions options;
  options.max_words = 2;
  const QueryBuilder builder(A(), options);
  auto parsed = builder.Build("mot hai ba");
  ASSERT_TRUE(parsed.ok());
  std::vector<std::string> got = parsed->highlight_terms();
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"hai", "mot"}));
}

// ---------------------------------------------------------------------------------------------
// Folded weight for marked words
// ---------------------------------------------------------------------------------------------

TEST(QueryBuilderTest, FoldedWeightForMarkedAddsAScaledFoldedTerm) {
  QueryOptions options;
  options.folded_weight_for_marked = 0.5;
  const QueryBuilder builder(A(), options);
  auto marked = builder.Build("Hòa");
  ASSERT_TRUE(marked.ok());
  EXPECT_EQ(marked->Description(), "Query((hoà OR 0.5 * XFhoa))");
  auto plain = builder.Build("hoa");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->Description(), "Query(XFhoa)");
}

// ---------------------------------------------------------------------------------------------
// Index statistics: pair terms weigh by what they add, rare words weigh more
// ---------------------------------------------------------------------------------------------

class FakeStatistics : public TermStatistics {
 public:
  std::size_t DocumentCount() const override { return 1000; }
  std::size_t TermFrequency(const std::string& term) const override {
    if (term == "XFchu" || term == "XFtich" || term == "XPchu tich") return 100;  // always together
    if (term == "XFvinasun") return 2;
    if (term == "XPtich vinasun") return 1;
    return 0;
  }
};

TEST(QueryBuilderTest, PairsAsFrequentAsTheirSyllablesWeighLessAndRareWordsMore) {
  QueryOptions o;
  o.synonym_weight = 0;
  const FakeStatistics stats;
  const QueryBuilder builder(A(), o, nullptr, nullptr, &stats);
  auto parsed = builder.Build("chu tich vinasun");
  ASSERT_TRUE(parsed.ok());
  // "chu tich" says nothing beyond "tich": the floor (0.3). "tich vinasun" is rarer than both
  // syllables: gain (ln 1000 - ln 500) / ln 1000 = 0.1003, weight 0.3 + 0.7 × 0.1003. vinasun
  // (2 of 1000 documents) is rare: × 1.5.
  EXPECT_EQ(parsed->Description(),
            "Query((XFchu OR 0.2999999999999999889 * XPchu tich OR XFtich OR 0.37024033232159558882 * "
            "XPtich vinasun OR 1.5 * XFvinasun))");
  // Without statistics every pair weighs pair_weight and no word is boosted.
  const QueryBuilder plain(A(), o);
  EXPECT_EQ(plain.Build("chu tich vinasun")->Description(),
            "Query((XFchu OR 1 * XPchu tich OR XFtich OR 1 * XPtich vinasun OR XFvinasun))");
}

}  // namespace
}  // namespace vankien::search
