// Document numbers typed by a user (search/reference_reader.h): how each is read against a
// registry and an index, the Xapian query it adds to (a table of descriptions, as in
// query_test.cc), and what Searcher::Reference and the catalogue count for it, on a tiny
// index written in the test. Every figure is counted by hand from the texts below.
#include "search/reference_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/text/analyzer.h"
#include "search/catalog.h"
#include "search/internal/citations.h"
#include "search/query.h"
#include "search/searcher.h"
#include "tests/support/paths.h"

namespace vankien::search {
namespace {

using test_support::TempDir;

constexpr char kRegistry[] =
    "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2017-10-25\tXII\t6\tvề công tác dân số\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2022-06-16\tXIII\t5\tvề tổ chức cơ sở đảng\n"
    "04-NQ/TW\tNghị quyết\t4\tBan Chấp hành Trung ương\t2016-10-30\tXII\t4\tvề xây dựng, chỉnh đốn Đảng\n"
    "30/2020/NĐ-CP\tNghị định\t30\tChính phủ\t2020-03-05\t\t\tvề công tác văn thư\n"
    "16/CT-TTg\tChỉ thị\t16\tThủ tướng Chính phủ\t2020-03-31\t\t\tvề cách ly toàn xã hội\n"
    "16-CT/TW\tChỉ thị\t16\tBộ Chính trị\t2017-10-05\tXII\t\tvề công tác phòng chống tham nhũng\n";

// A map-backed ReferenceIndex: term → documents.
class FakeIndex : public ReferenceIndex {
 public:
  std::map<std::string, std::set<int>> postings;
  std::size_t Documents(const std::vector<std::string>& terms) const override {
    std::set<int> docs;
    for (const auto& t : terms) {
      if (auto it = postings.find(t); it != postings.end()) docs.insert(it->second.begin(), it->second.end());
    }
    return docs.size();
  }
  std::vector<std::string> TermsStartingWith(const std::string& prefix, std::size_t limit) const override {
    std::vector<std::string> out;
    for (auto it = postings.lower_bound(prefix); it != postings.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      if (out.size() < limit) out.push_back(it->first);
    }
    return out;
  }
};

const refs::Registry& Reg() {
  static const refs::Registry* r = new refs::Registry(refs::Registry::Parse(kRegistry, "test").value());
  return *r;
}
const refs::Recognizer& Rec() {
  static const refs::Recognizer* r = new refs::Recognizer(&Reg());
  return *r;
}
const FakeIndex& Idx() {
  static FakeIndex* idx = [] {
    auto* i = new FakeIndex();
    i->postings["XREF:30/2020/NĐ-CP"] = {1, 2, 3};
    i->postings["XREF:16/CT-TTg"] = {4, 5};
    i->postings["XREF:16-CT/TW"] = {6};
    i->postings["XREF:16/CT-UBND"] = {7};
    i->postings["XREF:NQ/TW/HNTW4/XII"] = {8, 9};
    i->postings["XREF:NQ/TW/HNTW4/XI"] = {9};
    i->postings["XREF:04-NQ/TW"] = {8, 9};
    i->postings["XKEY:21-NQ/TW@XII"] = {10};
    return i;
  }();
  return *idx;
}

std::vector<std::string> Keys(const ReferenceReading& r) {
  std::vector<std::string> keys;
  for (const auto& c : r.candidates) keys.push_back(c.key);
  return keys;
}

struct ReadingCase {
  const char* text;
  ReferenceReading::Kind kind;
  std::vector<std::string> keys;  // candidates, best first
};

TEST(ReferenceReaderTest, PartialNumbersResolveBestFirst) {
  const ReferenceReader reader(Rec(), &Reg(), &Idx());
  using K = ReferenceReading::Kind;
  const ReadingCase cases[] = {
      {"Nghị định 30/2020", K::kPartial, {"30/2020/NĐ-CP"}},
      {"NĐ 30/2020", K::kPartial, {"30/2020/NĐ-CP"}},
      {"nđ số 30 năm 2020", K::kPartial, {"30/2020/NĐ-CP"}},
      // 16/CT-TTg is cited by two documents, 16-CT/TW and 16/CT-UBND by one: the registry's
      // date puts 16-CT/TW (2017) before the unregistered one.
      {"Chỉ thị 16", K::kPartial, {"16/CT-TTg@2020", "16-CT/TW@XII", "16/CT-UBND"}},
      // XII is cited by key once, XIII never.
      {"nq 21", K::kPartial, {"21-NQ/TW@XII", "21-NQ/TW@XIII"}},
      {"NQTW 4", K::kEveryTerm, {"04-NQ/TW@XII", "NQ/TW/HNTW4/XI"}},
      {"nghi quyet trung uong 4", K::kEveryTerm, {"04-NQ/TW@XII", "NQ/TW/HNTW4/XI"}},
      {"21-NQ/TW khóa XIII", K::kExact, {"21-NQ/TW@XIII"}},
      {"30/2020/NĐ-CP", K::kExact, {"30/2020/NĐ-CP"}},
  };
  for (const ReadingCase& c : cases) {
    SCOPED_TRACE(c.text);
    const auto readings = reader.Read(c.text);
    ASSERT_EQ(readings.size(), 1u);
    EXPECT_EQ(readings[0].kind, c.kind);
    EXPECT_EQ(Keys(readings[0]), c.keys);
    EXPECT_EQ(readings[0].notice.empty(), c.kind == K::kExact);
  }
  // Nothing completes these: no issuer, and no document of that type and number is known.
  EXPECT_TRUE(reader.Read("Chỉ thị 99").empty());
  EXPECT_TRUE(reader.Read("nq 99").empty());
  // Without a registry and an index nothing completes a partial number.
  EXPECT_TRUE(ReferenceReader(Rec()).Read("Chỉ thị 16").empty());
}

TEST(ReferenceReaderTest, NoticesSayWhatWasReadAndOfferTheOthers) {
  const ReferenceReader reader(Rec(), &Reg(), &Idx());
  EXPECT_EQ(reader.Read("Nghị định 30/2020").at(0).notice,
            "\"Nghị định 30/2020\" read as 30/2020/NĐ-CP, 2020-03-05 (3 documents)");
  EXPECT_EQ(reader.Read("Chỉ thị 16").at(0).notice,
            "\"Chỉ thị 16\" read as 16/CT-TTg, 2020-03-31 (2 documents); it may also be 16-CT/TW khóa XII, "
            "2017-10-05 (1 document); 16/CT-UBND (1 document): type the full number to choose");
  EXPECT_EQ(reader.Read("NQTW 4").at(0).notice,
            "\"NQTW 4\" names no term: searched for khóa XII = 04-NQ/TW (2 documents); khóa XI (1 document): "
            "add the term (\"khóa XII\") to choose one");
}

TEST(ReferenceReaderTest, ShapesAndSpelling) {
  EXPECT_EQ(ShapeOf("58-NQ/TW").type, "NQ");
  EXPECT_EQ(ShapeOf("30/2020/NĐ-CP").year, "2020");
  EXPECT_EQ(ShapeOf("30/2020/NĐ-CP").issuer, "CP");
  EXPECT_EQ(ShapeOf("NQ/TW/HNTW4").number, "");
  EXPECT_TRUE(SpelledOut("Nghị quyết số 58/NQ-CP", "58/NQ-CP"));
  EXPECT_TRUE(SpelledOut("NQ 21/tw", "21-NQ/TW"));
  EXPECT_FALSE(SpelledOut("Nghị quyết 58", "58-NQ/TW"));
  EXPECT_FALSE(SpelledOut("Nghị định 30/2020", "30/2020/NĐ-CP"));
}

const text::Analyzer& A() {
  static const text::Analyzer* a = new text::Analyzer();
  return *a;
}

std::string Describe(const QueryBuilder& b, std::string_view q) {
  auto parsed = b.Build(q);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? parsed->Description() : "";
}

// A number adds to the query: its words stay, its documents and citers are OR-ed in.
TEST(ReferenceQueryTest, NumbersAddToTheWords) {
  QueryOptions o;
  o.pair_weight = 0;
  o.synonym_weight = 0;
  o.partial_reference_weight = 0.5;
  const ReferenceReader reader(Rec(), &Reg(), &Idx());
  const QueryBuilder b(A(), o, &Rec(), &reader);
  const std::pair<const char*, const char*> cases[] = {
      {"30/2020/NĐ-CP", "Query((10 * XREF:30/2020/NĐ-CP OR 30 * XOWN:30/2020/NĐ-CP OR XF30 OR XF2020 OR nđ OR XFcp))"},
      // A partial reading weighs partial_reference_weight of a full one.
      {"Nghị định 30/2020",
       "Query((0.5 * (10 * XREF:30/2020/NĐ-CP OR 30 * XOWN:30/2020/NĐ-CP) OR nghị OR định OR XF30 OR XF2020))"},
      {"NĐ 30/2020 văn thư",
       "Query((0.5 * (10 * XREF:30/2020/NĐ-CP OR 30 * XOWN:30/2020/NĐ-CP) OR nđ OR XF30 OR XF2020 OR văn OR thư))"},
      // Every term of the plenum (full weight: the name means them all), each by its resolved
      // symbol, key and plenum name; the ORs are flattened into one.
      {"NQTW 4",
       "Query((10 * XREF:04-NQ/TW OR 30 * XOWN:04-NQ/TW OR 10 * XKEY:04-NQ/TW@XII OR 30 * XOWNKEY:04-NQ/TW@XII OR "
       "10 * XREF:NQ/TW/HNTW4/XII OR 10 * XREF:NQ/TW/HNTW4/XI OR 30 * XOWN:NQ/TW/HNTW4/XI OR XFnqtw OR XF4))"},
  };
  for (const auto& [q, expected] : cases) EXPECT_EQ(Describe(b, q), expected) << q;
  auto parsed = b.Build("Chỉ thị 16 giãn cách");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->readings().size(), 1u);
  EXPECT_EQ(parsed->references(), (std::vector<std::string>{"16/CT-TTg"}));
  // The default weight of a partial reading.
  EXPECT_EQ(QueryOptions().partial_reference_weight, 0.05);
  ASSERT_EQ(parsed->notices().size(), 1u);
  EXPECT_NE(parsed->notices()[0].find("read as 16/CT-TTg"), std::string::npos);
}

// ---- On a tiny index ----

Document Doc(std::string id, std::string date, std::string text, std::string symbol = "") {
  Document d;
  d.id = std::move(id);
  d.date = std::move(date);
  d.title = d.id;
  d.text = std::move(text);
  if (!symbol.empty()) {
    d.symbol = std::move(symbol);
    d.kind = "Nghị quyết";
  }
  return d;
}

// Mentions, by hand:
//   nq901 (held, 901-NQ/TW khóa XIII): "Số 901-NQ/TW" (itself), cites 30/2020/NĐ-CP
//   b1 2023-03-01: 21-NQ/TW khóa XII and 21-NQ/TW again without the term → one citer of XII
//   b2 2021-08-01: 58/NQ-CP spelled out and a bare "Nghị quyết 58 của Trung ương" → 58/NQ-CP's
//   b3 2020-08-14: Nghị quyết Trung ương 4 (khóa XII) → 04-NQ/TW; "Nghị định 30/2020"
//   b4 2024-06-03: cites 901-NQ/TW khóa XIII twice, once without the term; 30/2020/NĐ-CP
class IndexedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::string registry = *tmp_ / "registry.tsv";
    std::ofstream(registry) << kRegistry;
    db_ = *tmp_ / "db";
    IndexWriterOptions options;
    options.seed_registry = registry;
    auto writer = IndexWriter::Open(db_, A(), options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    const Document docs[] = {
        Doc("nq901", "2024-05-18",
            "Số 901-NQ/TW\nNGHỊ QUYẾT về văn hóa đọc. Căn cứ Nghị định số 30/2020/NĐ-CP về công tác văn thư.",
            "901-NQ/TW"),
        Doc("b1", "2023-03-01",
            "Tỉnh ủy quán triệt Nghị quyết số 21-NQ/TW (khóa XII) về công tác dân số. Nghị quyết số 21-NQ/TW "
            "đi vào cuộc sống."),
        Doc("b2", "2021-08-01",
            "Chính phủ ban hành Nghị quyết số 58/NQ-CP về phục hồi kinh tế. Thực hiện Nghị quyết 58 của Trung "
            "ương, các tỉnh triển khai."),
        Doc("b3", "2020-08-14",
            "Thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng, và Nghị định 30/2020 về văn thư."),
        Doc("b4", "2024-06-03",
            "Quán triệt Nghị quyết số 901-NQ/TW ngày 18/5/2024 của Ban Chấp hành Trung ương khóa XIII. Nghị "
            "quyết 901-NQ/TW đi vào cuộc sống. Văn thư theo Nghị định số 30/2020/NĐ-CP."),
    };
    for (const Document& d : docs) ASSERT_TRUE((*writer)->Add(d).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  static void TearDownTestSuite() { delete tmp_; }

  static Searcher& S() {
    static Searcher* s = Searcher::Open(db_, A()).value().release();
    return *s;
  }
  static std::set<std::string> Citers(const ReferenceReport& r) {
    std::set<std::string> ids;
    for (const auto& g : r.groups) {
      for (const auto& c : g.citations) ids.insert(c.id);
    }
    return ids;
  }

  static TempDir* tmp_;
  static std::string db_;
};
TempDir* IndexedTest::tmp_ = nullptr;
std::string IndexedTest::db_;

TEST_F(IndexedTest, PartialNumberInAQueryFindsTheCiters) {
  auto r = S().Search("Nghị định 30/2020");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::set<std::string> top;
  for (std::size_t i = 0; i < r->hits.size() && i < 3; ++i) top.insert(r->hits[i].id);
  EXPECT_EQ(top, (std::set<std::string>{"nq901", "b3", "b4"}));
  ASSERT_EQ(r->references.size(), 1u);
  EXPECT_EQ(r->references[0].candidates.at(0).symbol, "30/2020/NĐ-CP");
  EXPECT_EQ(r->references[0].candidates.at(0).citing, 2u);  // nq901, b4 (b3 gave no issuer)
  ASSERT_FALSE(r->notices.empty());
  EXPECT_NE(r->notices[0].find("read as 30/2020/NĐ-CP"), std::string::npos);
}

TEST_F(IndexedTest, PlenumWithoutTermFindsTheTermItWasCitedIn) {
  for (const char* q : {"nghị quyết trung ương 4", "nghi quyet trung uong 4", "NQTW 4"}) {
    SCOPED_TRACE(q);
    auto r = S().Search(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_FALSE(r->hits.empty());
    EXPECT_EQ(r->hits[0].id, "b3");
    ASSERT_EQ(r->references.size(), 1u);
    EXPECT_EQ(r->references[0].kind, ReferenceReading::Kind::kEveryTerm);
  }
}

TEST_F(IndexedTest, ReferenceReadsPartialNumbers) {
  for (const char* q : {"Nghị định 30/2020", "NĐ 30/2020"}) {
    SCOPED_TRACE(q);
    auto r = S().Reference(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->symbol, "30/2020/NĐ-CP");
    EXPECT_EQ(r->key, "");
    ASSERT_EQ(r->facts.size(), 1u);
    ASSERT_EQ(r->notices.size(), 1u);
    // b3's "Nghị định 30/2020" is in the index as 30/NĐ-CP@2020: offered second.
    ASSERT_EQ(r->candidates.size(), 2u);
    EXPECT_EQ(r->candidates[1].key, "30/NĐ-CP@2020");
    EXPECT_EQ(Citers(*r), (std::set<std::string>{"nq901", "b4"}));
  }
  auto exact = S().Reference("30/2020/NĐ-CP");
  ASSERT_TRUE(exact.ok());
  EXPECT_TRUE(exact->notices.empty());
  EXPECT_TRUE(exact->candidates.empty());
}

TEST_F(IndexedTest, ADocumentNeverCitesItselfAndIsOneCiter) {
  auto r = S().Reference("901-NQ/TW");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->documents.size(), 1u);
  EXPECT_EQ(r->documents[0].id, "nq901");
  EXPECT_EQ(r->citing_documents, 1u);
  // b4's mention without the term joins the term it gives elsewhere: one group.
  ASSERT_EQ(r->groups.size(), 1u);
  EXPECT_EQ(r->groups[0].key, "901-NQ/TW@XIII");
  EXPECT_EQ(r->groups[0].citations.size(), 2u);
  EXPECT_EQ(Citers(*r), (std::set<std::string>{"b4"}));
}

TEST_F(IndexedTest, CatalogueCountsOneCiterAndPrefersTheFullSpelling) {
  auto c = BuildCatalog(db_);
  ASSERT_TRUE(c.ok()) << c.status().message();
  std::map<std::string, const CatalogEntry*> by_key;
  for (const auto& e : c->entries) by_key[e.key] = &e;
  // b1: "21-NQ/TW (khóa XII)" and "21-NQ/TW" dated 2023, when both existed: XII's, not ambiguous.
  ASSERT_TRUE(by_key.count("21-NQ/TW@XII"));
  EXPECT_EQ(by_key["21-NQ/TW@XII"]->citing_documents, 1u);
  EXPECT_EQ(by_key["21-NQ/TW@XII"]->citations, 2u);
  EXPECT_FALSE(by_key.count("21-NQ/TW"));
  // b2: the bare "Nghị quyết 58" is 58/NQ-CP's, which b2 spells out.
  EXPECT_FALSE(by_key.count("58-NQ/TW")) << "the Party's 58 is not cited";
  for (const auto& [key, e] : by_key) {
    if (e->symbol == "58-NQ/TW") ADD_FAILURE() << key;
  }
  bool found = false;
  for (const auto& [key, e] : by_key) {
    if (e->symbol != "58/NQ-CP") continue;
    found = true;
    EXPECT_EQ(e->citing_documents, 1u);
    EXPECT_EQ(e->citations, 2u);
  }
  EXPECT_TRUE(found);
  // nq901 is not its own citer; b4 is one citer of 901-NQ/TW@XIII with two mentions.
  ASSERT_TRUE(by_key.count("901-NQ/TW@XIII"));
  EXPECT_EQ(by_key["901-NQ/TW@XIII"]->citing_documents, 1u);
  EXPECT_EQ(by_key["901-NQ/TW@XIII"]->citations, 2u);
}

TEST(CountedMentionsTest, Rules) {
  StoredDocument s;
  s.doc.symbol = "901-NQ/TW";
  s.doc.term = "XIII";
  s.doc.date = "2024-05-18";
  s.mentions = {{"901-NQ/TW", "901-NQ/TW", "Số 901-NQ/TW", 0, 1},
                {"58/NQ-CP", "58/NQ-CP@2021", "Nghị quyết số 58/NQ-CP", 2, 3},
                {"58-NQ/TW", "58-NQ/TW", "Nghị quyết 58", 4, 5},
                {"21-NQ/TW", "21-NQ/TW@XII", "21-NQ/TW (khóa XII)", 6, 7},
                {"21-NQ/TW", "21-NQ/TW", "21-NQ/TW", 8, 9}};
  const auto kept = CountedMentions(s, /*drop_self=*/true);
  std::vector<std::string> keys;
  for (const auto& m : kept) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"58/NQ-CP@2021", "58/NQ-CP@2021", "21-NQ/TW@XII", "21-NQ/TW@XII"}));
  EXPECT_EQ(CountedMentions(s, /*drop_self=*/false).size(), 5u);
  EXPECT_EQ(OwnKeyOf(s), "901-NQ/TW@XIII");
}

}  // namespace
}  // namespace vankien::search
