// terms.h: the spelling of each term kind, and the writer and the query compiler agreeing on
// it — a document indexed by IndexWriter holds the very terms terms.h spells, and the queries
// the compiler builds for words, phrases, references and filters find it through them.
#include "indexer/terms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "search/searcher.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

TEST(TermsTest, EachKindIsSpelledWithItsSchemaPrefix) {
  const struct {
    std::string got, want;
  } kCases[] = {
      {terms::Folded("dang"), "XFdang"},
      {terms::Exact("đảng"), "đảng"},
      {terms::Pair("xay", "dung"), "XPxay dung"},
      {terms::Ref("21-NQ/TW"), "XREF:21-NQ/TW"},
      {terms::RefKey("21-NQ/TW@XIII"), "XKEY:21-NQ/TW@XIII"},
      {terms::OwnSymbol("30/2020/NĐ-CP"), "XOWN:30/2020/NĐ-CP"},
      {terms::OwnKey("749/QĐ-TTg@2023"), "XOWNKEY:749/QĐ-TTg@2023"},
      {terms::Kind("NQ"), "XKIND:NQ"},
      {terms::Kind("article"), "XKIND:article"},
      {terms::Issuer("TW"), "XISSUER:TW"},
      {terms::Term("XIII"), "XTERM:XIII"},
      {terms::Year("2022"), "XYEAR:2022"},
      {terms::Source("baomoi.com"), "XSOURCE:baomoi.com"},
      {terms::Id("a/b.txt"), "Qa/b.txt"},
      {terms::File("/x/y.jsonl"), "XFILE:/x/y.jsonl"},
      {std::string(terms::YearOfDate("2022-06-16")), "2022"},
      {std::string(terms::YearOfDate("202")), ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.got, c.want);
}

TEST(TermsTest, LongValuesFollowTheTermLengthRules) {
  const std::string long_value(300, 'a');
  // Filter and identity values are shortened and hashed, so they always fit and stay distinct.
  for (const std::string& t : {terms::Source(long_value), terms::Id(long_value), terms::File(long_value)}) {
    EXPECT_TRUE(terms::Fits(t)) << t.size();
  }
  EXPECT_NE(terms::Source(long_value), terms::Source(long_value + "b"));
  // Reference terms stay whole (the catalogue reads them back); such a one does not fit.
  EXPECT_FALSE(terms::Fits(terms::Ref(long_value)));
  EXPECT_TRUE(terms::Fits(std::string(terms::kMaxTermBytes, 'x')));
  EXPECT_FALSE(terms::Fits(std::string(terms::kMaxTermBytes + 1, 'x')));
  text::Token token;
  token.exact = token.folded = std::string(terms::kMaxTermBytes + 1, 'x');
  EXPECT_FALSE(terms::Indexable(token));
  token.exact = token.folded = "x";
  EXPECT_TRUE(terms::Indexable(token));
}

class TermsAgreementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (tmp_.path() / "db").string();
    IndexWriterOptions options;
    auto writer = IndexWriter::Open(db_, A(), options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    Document own;
    own.id = "nq21";
    own.title = "Nghị quyết về xây dựng Đảng";
    own.text = "Số 21-NQ/TW. Tăng cường xây dựng, chỉnh đốn Đảng.";
    own.date = "2022-06-16";
    own.symbol = "21-NQ/TW";
    own.kind = "Nghị quyết";
    own.source = "tulieuvankien";
    ASSERT_TRUE((*writer)->Add(own).ok());
    Document article;
    article.id = "bai1";
    article.title = "Học tập nghị quyết";
    article.text = "Các chi bộ quán triệt Nghị quyết số 21-NQ/TW khóa XIII về củng cố tổ chức cơ sở đảng.";
    article.date = "2022-09-01";
    article.source = "baomoi.com";
    ASSERT_TRUE((*writer)->Add(article).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }

  // The terms the writer gave document `id`.
  std::vector<std::string> TermsOf(const std::string& id) {
    Xapian::Database db(db_);
    const std::string id_term = terms::Id(id);
    auto p = db.postlist_begin(id_term);
    EXPECT_NE(p, db.postlist_end(id_term)) << id;
    std::vector<std::string> out;
    if (p == db.postlist_end(id_term)) return out;
    for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t) out.push_back(*t);
    return out;
  }

  std::vector<std::string> Found(const std::string& query) {
    auto searcher = search::Searcher::Open(db_, A());
    EXPECT_TRUE(searcher.ok()) << searcher.status().message();
    std::vector<std::string> ids;
    if (!searcher.ok()) return ids;
    search::SearchOptions o;
    o.snippets = false;
    auto r = (*searcher)->Search(query, o);
    EXPECT_TRUE(r.ok()) << query << ": " << r.status().message();
    if (!r.ok()) return ids;
    for (const auto& h : r->hits) ids.push_back(h.id);
    return ids;
  }

  test_support::TempDir tmp_;
  std::string db_;
};

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_F(TermsAgreementTest, TheWriterIndexesTheTermsTermsHSpells) {
  const std::vector<std::string> own = TermsOf("nq21");
  for (const std::string& t :
       {terms::Folded("xay"), terms::Folded("dung"), terms::Exact("xây"), terms::Pair("xay", "dung"),
        terms::OwnSymbol("21-NQ/TW"), terms::OwnKey("21-NQ/TW@XIII"), terms::Kind("NQ"), terms::Issuer("TW"),
        terms::Term("XIII"), terms::Year("2022"), terms::Source("tulieuvankien"), terms::Id("nq21")}) {
    EXPECT_TRUE(Has(own, t)) << t;
  }
  // "dung" has no marks: no exact term of its own.
  EXPECT_FALSE(Has(own, terms::Exact("dung")));
  const std::vector<std::string> article = TermsOf("bai1");
  for (const std::string& t : {terms::Ref("21-NQ/TW"), terms::RefKey("21-NQ/TW@XIII"), terms::Kind("article"),
                               terms::Year("2022"), terms::Source("baomoi.com")}) {
    EXPECT_TRUE(Has(article, t)) << t;
  }
}

TEST(TermsOfOfficialKinds, ACongVanFilesUnderCvWhateverItsIssuerCodeSpells) {
  // "5348/CT-CS" alone reads as a Chỉ thị (type CT); the header says công văn (doc kind).
  test_support::TempDir tmp;
  const std::string db = (tmp.path() / "db").string();
  {
    auto writer = IndexWriter::Open(db, A(), IndexWriterOptions{});
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    Document cv;
    cv.id = "cv1";
    cv.title = "Công văn số 5348/CT-CS V/v hướng dẫn góp vốn";
    cv.text = "Kính gửi: Thuế tỉnh Quảng Trị.";
    cv.symbol = "5348/CT-CS";
    cv.kind = "Công văn";
    cv.date = "2029-11-20";
    ASSERT_TRUE((*writer)->Add(cv).ok());
    Document ct = cv;
    ct.id = "ct1";
    ct.kind = "Văn bản";
    ct.symbol = "5349/CT-CS";
    ASSERT_TRUE((*writer)->Add(ct).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  Xapian::Database xdb(db);
  auto terms_of = [&](const std::string& id) {
    std::vector<std::string> out;
    auto p = xdb.postlist_begin(terms::Id(id));
    if (p == xdb.postlist_end(terms::Id(id))) return out;
    for (auto t = xdb.termlist_begin(*p); t != xdb.termlist_end(*p); ++t) out.push_back(*t);
    return out;
  };
  const std::vector<std::string> cv = terms_of("cv1");
  EXPECT_TRUE(Has(cv, terms::Kind("CV")));
  EXPECT_TRUE(Has(cv, terms::Issuer("CT")));
  EXPECT_TRUE(Has(cv, terms::OwnSymbol("5348/CT-CS")));
  EXPECT_FALSE(Has(cv, terms::Kind("CT")));
  // Without the header's word the symbol is read as it always was.
  EXPECT_TRUE(Has(terms_of("ct1"), terms::Kind("CT")));
}

TEST_F(TermsAgreementTest, QueriesTheCompilerBuildsFindTheDocumentThroughThoseTerms) {
  const struct {
    const char* query;
    std::vector<std::string> ids;
  } kCases[] = {
      {"\"xây dựng\"", {"nq21"}},          // exact and pair terms
      {"\"xay dung\"", {"nq21"}},          // folded and pair terms
      {"chỉnh đốn", {"nq21"}},
      {"trichdan:21-NQ/TW", {"bai1"}},     // XREF minus XOWN
      {"so:21-NQ/TW", {"nq21"}},           // XOWN
      {"so:\"21-NQ/TW khóa XIII\"", {"nq21"}},  // XOWNKEY
      {"loai:NQ", {"nq21"}},
      {"kieu:bai-viet", {"bai1"}},
      {"coquan:TW", {"nq21"}},
      {"khoa:13", {"nq21"}},
      {"nguon:baomoi.com", {"bai1"}},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> got = Found(c.query);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, c.ids) << c.query;
  }
  std::vector<std::string> both = Found("nam:2022");
  std::sort(both.begin(), both.end());
  EXPECT_EQ(both, (std::vector<std::string>{"bai1", "nq21"}));
}

TEST_F(TermsAgreementTest, TheQueryDescriptionNamesTheTermsTermsHSpells) {
  // Marked words look up their exact term, unmarked ones the folded term; pairs are folded.
  const struct {
    const char* query;
    std::vector<std::string> terms;
  } kCases[] = {
      {"xây dựng", {terms::Exact("xây"), terms::Exact("dựng"), terms::Pair("xay", "dung")}},
      {"xay dung", {terms::Folded("xay"), terms::Folded("dung"), terms::Pair("xay", "dung")}},
      {"nq 21/tw", {terms::Ref("21-NQ/TW"), terms::OwnSymbol("21-NQ/TW")}},
  };
  const refs::Registry registry;
  const refs::Recognizer recognizer(&registry);
  search::QueryBuilder with_refs(A(), {}, &recognizer);
  for (const auto& c : kCases) {
    auto parsed = with_refs.Build(c.query);
    ASSERT_TRUE(parsed.ok()) << c.query;
    const std::string d = parsed->Description();
    for (const std::string& t : c.terms) EXPECT_NE(d.find(t), std::string::npos) << t << " in " << d;
  }
}

}  // namespace
}  // namespace vankien
