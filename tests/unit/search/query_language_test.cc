// The query language end to end at the query level (search/query.h, query_filters.h,
// synonyms.h): what operators, fields, syllable pairs and abbreviations turn into. Expected
// Xapian descriptions follow the rules in query.h and schema.h:
//   * adjacent free words also give their pair term, "XP<a> <b>", scaled by pair_weight;
//   * an abbreviation also gives its expansion (pair terms AND-ed), an expansion typed also
//     gives the abbreviation's folded term, both scaled by synonym_weight;
//   * fields are boolean filters (FILTER); a query that only filters is scaled to weight 0.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "indexer/refs/recognizer.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "search/internal/query_filters.h"

namespace vankien::search {
namespace {

using namespace std::literals;

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

const refs::Recognizer& R() {
  static const refs::Recognizer* recognizer = new refs::Recognizer();
  return *recognizer;
}

std::string Describe(const QueryBuilder& b, std::string_view q, const Filters& f = {}) {
  auto parsed = b.Build(q, f);
  if (!parsed.ok()) return "error: " + parsed.status().message();
  return parsed->Description();
}

QueryOptions NoSynonyms() {
  QueryOptions o;
  o.synonym_weight = 0;
  return o;
}

TEST(QueryLanguageTest, AdjacentWordsAlsoMatchAsPairs) {
  const QueryBuilder b(A(), NoSynonyms());
  EXPECT_EQ(Describe(b, "xay dung"), "Query((XFxay OR 1 * XPxay dung OR XFdung))");
  EXPECT_EQ(Describe(b, "xây dựng đảng"),
            "Query((xây OR 1 * XPxay dung OR dựng OR 1 * XPdung dang OR đảng))");
  // No pair across a phrase boundary or an operator.
  EXPECT_EQ(Describe(b, "xay OR dung"), "Query((XFxay OR XFdung))");
  QueryOptions off = NoSynonyms();
  off.pair_weight = 0;
  EXPECT_EQ(Describe(QueryBuilder(A(), off), "xay dung"), "Query((XFxay OR XFdung))");
}

TEST(QueryLanguageTest, AbbreviationsMatchTheirExpansionsAndBack) {
  QueryOptions o;
  o.pair_weight = 0;
  const QueryBuilder b(A(), o);
  EXPECT_EQ(Describe(b, "ubnd"),
            "Query((XFubnd OR 1 * (XPuy ban AND XPban nhan AND XPnhan dan)))");
  EXPECT_EQ(Describe(b, "Bộ Chính trị"), "Query((bộ OR chính OR trị OR 1 * XFbct))");
  EXPECT_EQ(Describe(b, "bct"), "Query((XFbct OR 1 * (XPbo chinh AND XPchinh tri)))");
  // Not an abbreviation: no expansion.
  EXPECT_EQ(Describe(b, "dang"), "Query(XFdang)");
  // No generic stopwords: every word of "Nghị quyết số 21" survives.
  const std::string d = Describe(b, "nghị quyết số 21");
  for (std::string_view term : {"nghị"sv, "quyết"sv, "số"sv, "XF21"sv}) {
    EXPECT_NE(d.find(term), std::string::npos) << term << " missing from " << d;
  }
}

TEST(QueryLanguageTest, OperatorsBuildBooleanStructure) {
  QueryOptions o;
  o.pair_weight = 0;
  o.synonym_weight = 0;
  const QueryBuilder b(A(), o);
  EXPECT_EQ(Describe(b, "+dang nha"), "Query((XFdang AND_MAYBE XFnha))");
  EXPECT_EQ(Describe(b, "dang -nha"), "Query((XFdang AND_NOT XFnha))");
  EXPECT_EQ(Describe(b, "dang NOT nha"), "Query((XFdang AND_NOT XFnha))");
  EXPECT_EQ(Describe(b, "dang AND nha"), "Query((XFdang AND XFnha))");
  EXPECT_EQ(Describe(b, "dang OR nha"), "Query((XFdang OR XFnha))");
  EXPECT_EQ(Describe(b, "dang AND (nha OR nuoc)"), "Query((XFdang AND (XFnha OR XFnuoc)))");
  EXPECT_EQ(Describe(b, "-nha"), "Query((<alldocuments> AND_NOT XFnha))");
}

TEST(QueryLanguageTest, FieldsFilterWithoutRanking) {
  QueryOptions o;
  o.pair_weight = 0;
  o.synonym_weight = 0;
  const QueryBuilder b(A(), o, &R());
  EXPECT_EQ(Describe(b, "dang loai:NQ"), "Query((XFdang FILTER XKIND:NQ))");
  EXPECT_EQ(Describe(b, "dang type:nghi-quyet"), "Query((XFdang FILTER XKIND:NQ))");
  EXPECT_EQ(Describe(b, "dang loai:NQ,CT"), "Query((XFdang FILTER (XKIND:NQ OR XKIND:CT)))");
  EXPECT_EQ(Describe(b, "dang khoa:13"), "Query((XFdang FILTER XTERM:XIII))");
  EXPECT_EQ(Describe(b, "dang khóa:xiii"), "Query((XFdang FILTER XTERM:XIII))");
  EXPECT_EQ(Describe(b, "dang coquan:TƯ"), "Query((XFdang FILTER XISSUER:TW))");
  EXPECT_EQ(Describe(b, "dang nam:2022"), "Query((XFdang FILTER XYEAR:2022))");
  EXPECT_EQ(Describe(b, "dang nam:2021-2022"), "Query((XFdang FILTER (XYEAR:2021 OR XYEAR:2022)))");
  EXPECT_EQ(Describe(b, "dang tu:6/2020"), "Query((XFdang FILTER VALUE_GE 0 2020-06))");
  EXPECT_EQ(Describe(b, "dang kieu:bai-viet"), "Query((XFdang FILTER XKIND:article))");
  EXPECT_EQ(Describe(b, "dang so:\"nq 21/tw\""), "Query((XFdang FILTER XOWN:21-NQ/TW))");
  EXPECT_EQ(Describe(b, "dang trichdan:21-NQ/TW"), "Query((XFdang FILTER (XREF:21-NQ/TW AND_NOT XOWN:21-NQ/TW)))");
  // A query of fields alone selects without ranking.
  EXPECT_EQ(Describe(b, "loai:NQ"), "Query(0 * XKIND:NQ)");
  // Structured filters AND with the query.
  Filters f;
  f.kinds = {"KL"};
  f.term = "XIII";
  EXPECT_EQ(Describe(b, "dang", f), "Query((XFdang FILTER (XKIND:KL AND XTERM:XIII)))");
  Filters only;
  only.issuer = "TW";
  EXPECT_EQ(Describe(b, "", only), "Query(0 * XISSUER:TW)");
}

TEST(QueryLanguageTest, FieldValuesThatMeanNothingAreClearErrors) {
  const QueryBuilder b(A(), {}, &R());
  for (std::string_view q : {"khoa:abc"sv, "loai:xyz"sv, "tu:hom-qua"sv, "nam:99"sv,
                             "so:dang"sv, "kieu:gi"sv, "nam:2030-2020"sv}) {
    auto parsed = b.Build(q);
    ASSERT_FALSE(parsed.ok()) << q;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument) << q;
    const std::string field(q.substr(0, q.find(':')));
    EXPECT_NE(parsed.status().message().find(field), std::string::npos)
        << "the message should name the field: " << parsed.status().message();
  }
}

// Issue 21: "nam:1800-2000,1800-2000,..." built an OR of k x 201 terms (80 ranges, 803 bytes,
// took 14 CPU-s). Ranges are now one merged set of years, capped, and a query expanding to
// more terms than max_terms is refused.
TEST(QueryLanguageTest, YearRangesAreMergedAndTheExpansionIsBounded) {
  const QueryBuilder b(A(), {}, &R());
  EXPECT_EQ(Describe(b, "dang nam:2021-2022,2022,2020-2021"),
            "Query((XFdang FILTER (XYEAR:2020 OR XYEAR:2021 OR XYEAR:2022)))");
  std::string repeated = "dang nam:1800-2000";
  for (int i = 0; i < 30; ++i) repeated += ",1800-2000";
  const std::string merged = Describe(b, repeated);
  // 201 distinct years, each once.
  std::size_t years = 0;
  for (std::size_t at = merged.find("XYEAR:"); at != std::string::npos; at = merged.find("XYEAR:", at + 1)) ++years;
  EXPECT_EQ(years, 201u) << merged.substr(0, 200);
  // More than 201 distinct years in one field, or more than 32 values, is refused by name.
  EXPECT_NE(Describe(b, "dang nam:1700-1800,1900-2000").find("error: nam: covers more than 201 years"), std::string::npos);
  std::string values = "dang loai:NQ";
  for (int i = 0; i < 40; ++i) values += ",CT";
  EXPECT_NE(Describe(b, values).find("error: loai: has 41 values"), std::string::npos) << Describe(b, values);
  // Many fields each within its bounds still add up: refused past max_terms.
  std::string fields = "dang";
  for (int i = 0; i < 80; ++i) fields += " nam:1800-2000";
  const std::string refused = Describe(b, fields);
  EXPECT_NE(refused.find("error: the query expands to"), std::string::npos) << refused.substr(0, 200);
  // An ordinary long query is far from the bound.
  std::string words;
  for (int i = 0; i < 64; ++i) words += "nghị quyết trung ương ";
  EXPECT_EQ(Describe(b, words).find("error:"), std::string::npos);
}

TEST(QueryLanguageTest, RepairsAreReportedAsNotices) {
  const QueryBuilder b(A());
  auto parsed = b.Build("kinh te OR");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->notices().size(), 1u);
  EXPECT_NE(parsed->notices().front().find("OR"), std::string::npos);
  auto unknown = b.Build("tacgia:Nguyen");
  ASSERT_TRUE(unknown.ok()) << "an unknown field is searched as words";
  ASSERT_EQ(unknown->notices().size(), 1u);
  EXPECT_NE(unknown->notices().front().find("tacgia"), std::string::npos);
  // Only an operator: nothing to search, a clear error.
  auto lone = b.Build("AND");
  ASSERT_FALSE(lone.ok());
  EXPECT_EQ(lone.status().code(), Status::Code::kInvalidArgument);
}

TEST(QueryLanguageTest, TenThousandCharacterQueriesNeverThrow) {
  QueryOptions o;
  o.max_query_bytes = 20000;
  const QueryBuilder b(A(), o, &R());
  std::string words, ops, parens;
  while (words.size() < 10000) words += "dang ";
  while (ops.size() < 10000) ops += "AND OR NOT - + ";
  while (parens.size() < 10000) parens += "((\"";
  for (const std::string& q : {words, ops, parens}) {
    auto parsed = b.Build(q);  // ok or a clear error, never an exception
    if (!parsed.ok()) {
      EXPECT_FALSE(parsed.status().message().empty());
    }
  }
  auto many = b.Build(words);
  ASSERT_TRUE(many.ok());
  EXPECT_GT(many->dropped_words(), 0u);
}

TEST(FilterBuilderTest, CanonicalValues) {
  const FilterBuilder f(A(), &R());
  EXPECT_EQ(f.TypeCode("NQ"), "NQ");
  EXPECT_EQ(f.TypeCode("nq"), "NQ");
  EXPECT_EQ(f.TypeCode("nghị quyết"), "NQ");
  EXPECT_EQ(f.TypeCode("nghi-quyet"), "NQ");
  EXPECT_EQ(f.TypeCode("chi_thi"), "CT");
  EXPECT_EQ(f.TypeCode("ND"), "NĐ");
  EXPECT_EQ(f.TypeCode("bai-viet"), "article");
  EXPECT_EQ(f.TypeCode("xyz"), "");
  EXPECT_EQ(FilterBuilder::TermNumeral("13"), "XIII");
  EXPECT_EQ(FilterBuilder::TermNumeral("xii"), "XII");
  EXPECT_EQ(FilterBuilder::TermNumeral("0"), "");
  EXPECT_EQ(FilterBuilder::TermNumeral("abc"), "");
  EXPECT_EQ(f.IssuerCode("TƯ"), "TW");
  EXPECT_EQ(f.IssuerCode("tw"), "TW");
  EXPECT_EQ(f.IssuerCode("T.Ư"), "TW");
  EXPECT_EQ(f.IssuerCode("ttg"), "TTg");
  EXPECT_EQ(f.IssuerCode("đuk"), "ĐUK");
  EXPECT_EQ(FilterBuilder::DateValue("2020"), "2020");
  EXPECT_EQ(FilterBuilder::DateValue("2020-6"), "2020-06");
  EXPECT_EQ(FilterBuilder::DateValue("2020-06-30"), "2020-06-30");
  EXPECT_EQ(FilterBuilder::DateValue("30/6/2020"), "2020-06-30");
  EXPECT_EQ(FilterBuilder::DateValue("6/2020"), "2020-06");
  EXPECT_EQ(FilterBuilder::DateValue("2020-13-01"), "");
  EXPECT_EQ(FilterBuilder::DateValue("hôm qua"), "");
  EXPECT_EQ(FilterBuilder::DateValue(""), "");
}

}  // namespace
}  // namespace vankien::search
