// The archive catalogue (search/catalog.h) over small indexes written with IndexWriter: which
// entries exist, how mentions are counted and attributed to a term, titles from the mentions,
// unresolved names, filters, the replaces/amends graph and the registry rows to fill in.
// Every expected figure below is counted by hand from the fixture texts in this file.
#include "search/catalog.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/refs/registry.h"
#include "indexer/text/analyzer.h"
#include "search/catalog_format.h"
#include "tests/support/paths.h"

namespace vankien::search {
namespace {

using test_support::TempDir;

// A registry that knows both 21-NQ/TW (term XII, 2017, and term XIII, 2022) and 22-QĐ/TW,
// whose (fixture) title says it replaces 47-QĐ/TW.
constexpr char kRegistry[] =
    "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2017-10-25\tXII\t6\tvề công tác dân số trong tình hình mới\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2022-06-16\tXIII\t5\tvề tăng cường củng cố, xây dựng tổ "
    "chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới\n"
    "22-QĐ/TW\tQuy định\t22\tBan Chấp hành Trung ương\t2021-07-28\tXIII\t\tvề công tác kiểm tra, giám sát và kỷ "
    "luật của Đảng (thay thế Quy định số 47-QĐ/TW ngày 01/11/2011)\n";

Document Doc(std::string id, std::string date, std::string title, std::string text) {
  Document d;
  d.id = std::move(id);
  d.date = std::move(date);
  d.title = std::move(title);
  d.text = std::move(text);
  return d;
}

// The fixture archive. Mentions per document, counted by hand:
//   a1 2018-03-01  21-NQ/TW khóa XII (1)
//   a2 2023-05-02  21-NQ/TW dated 16/6/2022 → XIII (2); 777-KL/TW dated 02/3/2023 (1)
//   a3 2019-06-01  21-NQ/TW, no term: only the 2017 one existed then (1)
//   a4 2023-01-01  21-NQ/TW, no term, both existed: ambiguous (1); "Thông tư số 12", no issuer
//   a5 2023-06-01  777-KL/TW with no date (1); "Nghị quyết Trung ương 9 khóa X" (1)
//   q144 2024-05-09 (held, 144-QĐ/TW): its own number (not a citation), replaces 47-QĐ/TW
//                   dated 01/11/2011 (1), amends 22-QĐ/TW (1)
//   s1 2024-07-01  cites 144-QĐ/TW (1), and its title holds <script>
std::vector<Document> Fixture() {
  std::vector<Document> docs;
  docs.push_back(Doc("a1", "2018-03-01", "Quán triệt nghị quyết về dân số",
                     "Tỉnh ủy quán triệt Nghị quyết số 21-NQ/TW (khóa XII) về công tác dân số trong tình hình mới."));
  docs.push_back(Doc("a2", "2023-05-02", "Củng cố tổ chức cơ sở đảng",
                     "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương về tăng cường "
                     "củng cố, xây dựng tổ chức cơ sở đảng. Sau một năm thực hiện Nghị quyết số 21-NQ/TW ngày "
                     "16/6/2022, các chi bộ đều có chuyển biến. Kết luận số 777-KL/TW ngày 02/3/2023 của Bộ Chính "
                     "trị về tiếp tục thí điểm mô hình thư viện số cấp xã được triển khai."));
  docs.push_back(Doc("a3", "2019-06-01", "Dân số và phát triển",
                     "Ngành y tế triển khai Nghị quyết số 21-NQ/TW về công tác dân số."));
  docs.push_back(Doc("a4", "2023-01-01", "Một bài viết",
                     "Bài viết nhắc lại Nghị quyết số 21-NQ/TW mà không nói khóa nào. Bộ Tài chính hướng dẫn "
                     "theo Thông tư số 12 về thuế thu nhập."));
  docs.push_back(Doc("a5", "2023-06-01", "Thư viện số cấp xã",
                     "Các xã thực hiện Kết luận số 777-KL/TW của Bộ Chính trị về tiếp tục thí điểm mô hình thư "
                     "viện số cấp xã. Tinh thần Nghị quyết Trung ương 9 khóa X về xây dựng đội ngũ trí thức."));
  Document q = Doc("q144", "2024-05-09", "về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
                   "Số 144-QĐ/TW\nQUY ĐỊNH về chuẩn mực đạo đức cách mạng.\nĐiều 5. Quy định này thay thế Quy "
                   "định số 47-QĐ/TW ngày 01/11/2011 của Ban Chấp hành Trung ương về những điều đảng viên không "
                   "được làm.\nĐiều 6. Quy định này sửa đổi, bổ sung Quy định số 22-QĐ/TW.");
  q.symbol = "144-QĐ/TW";
  q.kind = "Quy định";
  docs.push_back(q);
  docs.push_back(Doc("s1", "2024-07-01", "<script>alert('x')</script> & bình luận",
                     "Bài viết về Quy định số 144-QĐ/TW ngày 09/5/2024."));
  return docs;
}

class CatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::string registry = *tmp_ / "registry.tsv";
    std::ofstream(registry) << kRegistry;
    db_ = *tmp_ / "db";
    text::Analyzer analyzer;
    IndexWriterOptions options;
    options.seed_registry = registry;
    auto writer = IndexWriter::Open(db_, analyzer, options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const Document& d : Fixture()) ASSERT_TRUE((*writer)->Add(d).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  static void TearDownTestSuite() { delete tmp_; }

  static Catalog Build(CatalogOptions options = {}) {
    auto c = BuildCatalog(db_, options);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(c).value() : Catalog{};
  }
  static const CatalogEntry* Find(const Catalog& c, const std::string& key) {
    for (const auto& e : c.entries) {
      if (e.key == key) return &e;
    }
    return nullptr;
  }
  static std::set<std::string> Keys(const Catalog& c) {
    std::set<std::string> keys;
    for (const auto& e : c.entries) keys.insert(e.key);
    return keys;
  }

  static TempDir* tmp_;
  static std::string db_;
};

TempDir* CatalogTest::tmp_ = nullptr;
std::string CatalogTest::db_;

TEST_F(CatalogTest, OneEntryPerDocumentAndTerm) {
  const Catalog c = Build();
  EXPECT_EQ(Keys(c), (std::set<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII", "21-NQ/TW", "777-KL/TW@XIII",
                                            "144-QĐ/TW@XIII", "47-QĐ/TW@XI", "22-QĐ/TW@XIII"}));
  EXPECT_EQ(c.stats.documents, 7u);
}

TEST_F(CatalogTest, TheTwo21NqTwStayApart) {
  const Catalog c = Build();
  const CatalogEntry* xii = Find(c, "21-NQ/TW@XII");
  const CatalogEntry* xiii = Find(c, "21-NQ/TW@XIII");
  ASSERT_TRUE(xii && xiii);
  // a1 says khóa XII; a3 gives no term but predates the 2022 resolution.
  EXPECT_EQ(xii->citations, 2u);
  EXPECT_EQ(xii->citing_documents, 2u);
  EXPECT_EQ(xii->first_cited, "2018-03-01");
  EXPECT_EQ(xii->last_cited, "2019-06-01");
  EXPECT_EQ(xii->date, "2017-10-25");
  EXPECT_EQ(xii->title, "về công tác dân số trong tình hình mới");
  EXPECT_EQ(xii->title_source, TitleSource::kRegistry);
  EXPECT_EQ(xii->plenum, 6);
  // a2 names the 2022 one twice.
  EXPECT_EQ(xiii->citations, 2u);
  EXPECT_EQ(xiii->citing_documents, 1u);
  ASSERT_EQ(xiii->top_citing.size(), 1u);
  EXPECT_EQ(xiii->top_citing[0].id, "a2");
  EXPECT_EQ(xiii->top_citing[0].mentions, 2u);
  EXPECT_NE(xiii->top_citing[0].context.find("Nghị quyết số 21-NQ/TW ngày 16/6/2022"), std::string::npos);
  EXPECT_EQ(xiii->date, "2022-06-16");
  // a4 (2023) could mean either: kept under the bare symbol with both candidates.
  const CatalogEntry* bare = Find(c, "21-NQ/TW");
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->citing_documents, 1u);
  EXPECT_EQ(bare->top_citing[0].id, "a4");
  EXPECT_EQ(std::set<std::string>(bare->candidates.begin(), bare->candidates.end()),
            (std::set<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII"}));
  EXPECT_TRUE(bare->term.empty());
}

TEST_F(CatalogTest, HeldDocumentsAndTheirOwnNumber) {
  const Catalog c = Build();
  const CatalogEntry* q = Find(c, "144-QĐ/TW@XIII");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->held_ids, std::vector<std::string>{"q144"});
  // "Số 144-QĐ/TW" in its own text is not a citation; s1 is the only citer.
  EXPECT_EQ(q->citations, 1u);
  EXPECT_EQ(q->citing_documents, 1u);
  EXPECT_EQ(q->top_citing[0].id, "s1");
  EXPECT_EQ(q->title_source, TitleSource::kDocument);
  EXPECT_EQ(q->title, "về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới");
  EXPECT_EQ(q->date, "2024-05-09");
  EXPECT_EQ(q->type, "QĐ");
  EXPECT_EQ(q->system, "party");
}

TEST_F(CatalogTest, FactsFromTheMentionsWhenTheRegistryHasNone) {
  const Catalog c = Build();
  const CatalogEntry* kl = Find(c, "777-KL/TW@XIII");
  ASSERT_NE(kl, nullptr);
  EXPECT_FALSE(kl->in_registry);
  EXPECT_FALSE(kl->held());
  EXPECT_EQ(kl->citations, 2u);  // a2 and a5
  EXPECT_EQ(kl->title, "về tiếp tục thí điểm mô hình thư viện số cấp xã");
  EXPECT_EQ(kl->title_source, TitleSource::kMentions);
  EXPECT_EQ(kl->issuer_name, "Bộ Chính trị");
  EXPECT_EQ(kl->date, "2023-03-02");
  const CatalogEntry* old = Find(c, "47-QĐ/TW@XI");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->title, "về những điều đảng viên không được làm");
  EXPECT_EQ(old->date, "2011-11-01");
  EXPECT_EQ(old->issuer_name, "Ban Chấp hành Trung ương");
}

TEST_F(CatalogTest, UnresolvedInformalNamesWithContext) {
  const Catalog c = Build();
  const UnresolvedReference* found = nullptr;
  for (const auto& u : c.unresolved) {
    if (u.name == "NQ/TW/HNTW9/X") found = &u;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->reason, "informal");
  EXPECT_EQ(found->plenum, 9);
  EXPECT_EQ(found->term, "X");
  EXPECT_EQ(found->citing_documents, 1u);
  ASSERT_EQ(found->contexts.size(), 1u);
  EXPECT_EQ(found->contexts[0].id, "a5");
  EXPECT_NE(found->contexts[0].context.find("Nghị quyết Trung ương 9 khóa X"), std::string::npos);
  EXPECT_EQ(found->title, "về xây dựng đội ngũ trí thức");
}

TEST_F(CatalogTest, NumbersWithoutIssuerOnlyWhenTheTextsAreScanned) {
  auto names = [](const Catalog& c) {
    std::set<std::string> n;
    for (const auto& u : c.unresolved) n.insert(u.reason + ":" + u.name);
    return n;
  };
  EXPECT_EQ(names(Build()), (std::set<std::string>{"informal:NQ/TW/HNTW9/X"}));
  CatalogOptions o;
  o.scan_texts = true;
  const Catalog c = Build(o);
  EXPECT_EQ(names(c), (std::set<std::string>{"informal:NQ/TW/HNTW9/X", "no-issuer:Thông tư 12"}));
  for (const auto& u : c.unresolved) {
    if (u.reason != "no-issuer") continue;
    EXPECT_EQ(u.type, "TT");
    EXPECT_EQ(u.citing_documents, 1u);
    ASSERT_EQ(u.contexts.size(), 1u);
    EXPECT_EQ(u.contexts[0].id, "a4");
    EXPECT_NE(u.contexts[0].context.find("Thông tư số 12 về thuế thu nhập"), std::string::npos);
  }
}

TEST_F(CatalogTest, Filters) {
  CatalogOptions o;
  o.types = {"NQ"};
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII", "21-NQ/TW"}));
  o = {};
  o.term = "XII";
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XII"}));
  o = {};
  o.from = "2020";
  o.to = "2023-03";
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XIII", "777-KL/TW@XIII", "22-QĐ/TW@XIII"}));
  o = {};
  o.min_citations = 2;
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII", "777-KL/TW@XIII"}));
  // Values as a person types them mean what they mean in a search filter (CLI and API alike).
  o = {};
  o.term = "12";
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XII"}));
  o = {};
  o.from = "1/2020";
  o.to = "31/3/2023";
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"21-NQ/TW@XIII", "777-KL/TW@XIII", "22-QĐ/TW@XIII"}));
  o = {};
  o.types = {"ket-luan"};
  EXPECT_EQ(Keys(Build(o)), (std::set<std::string>{"777-KL/TW@XIII"}));
  for (const auto& bad : {std::pair<std::string, std::string>{"from", "2020-13-01x"}, {"term", "abc"}, {"type", "xyz"}}) {
    o = {};
    if (bad.first == "from") o.from = bad.second;
    if (bad.first == "term") o.term = bad.second;
    if (bad.first == "type") o.types = {bad.second};
    const auto c = BuildCatalog(db_, o);
    ASSERT_FALSE(c.ok()) << bad.second;
    EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(c.status().message().find(bad.second), std::string::npos) << c.status().message();
  }
}

TEST_F(CatalogTest, SortedByTypeThenDate) {
  const Catalog c = Build();
  std::vector<std::string> keys;
  for (const auto& e : c.entries) keys.push_back(e.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII", "21-NQ/TW", "777-KL/TW@XIII",
                                            "47-QĐ/TW@XI", "22-QĐ/TW@XIII", "144-QĐ/TW@XIII"}));
  CatalogOptions o;
  o.sort = CatalogSort::kCitations;
  o.limit = 2;
  const Catalog top = Build(o);
  ASSERT_EQ(top.entries.size(), 2u);
  EXPECT_EQ(top.entries[0].key, "21-NQ/TW@XII");  // 2 citing documents, then by key
  EXPECT_EQ(top.entries[1].key, "777-KL/TW@XIII");
}

TEST_F(CatalogTest, GraphHasCitesReplacesAndAmends) {
  CatalogOptions o;
  o.graph = true;
  const Catalog c = Build(o);
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (const auto& e : c.edges) edges.insert({e.from, e.kind, e.to});
  EXPECT_TRUE(edges.count({"144-QĐ/TW@XIII", "cites", "47-QĐ/TW@XI"}));
  EXPECT_TRUE(edges.count({"144-QĐ/TW@XIII", "cites", "22-QĐ/TW@XIII"}));
  EXPECT_TRUE(edges.count({"144-QĐ/TW@XIII", "replaces", "47-QĐ/TW@XI"}));
  EXPECT_TRUE(edges.count({"144-QĐ/TW@XIII", "amends", "22-QĐ/TW@XIII"}));
  EXPECT_FALSE(edges.count({"144-QĐ/TW@XIII", "replaces", "22-QĐ/TW@XIII"}));
  EXPECT_TRUE(edges.count({"22-QĐ/TW@XIII", "replaces", "47-QĐ/TW@XI"}));  // its registry title says so
  for (const auto& e : c.edges) {
    if (e.from == "22-QĐ/TW@XIII") {
      EXPECT_EQ(e.evidence, "registry");
    }
    if (e.kind == "amends") {
      EXPECT_EQ(e.evidence, "q144");
    }
  }
  EXPECT_EQ(edges.size(), 5u) << "articles are nodes only with graph_articles";
  o.graph_articles = true;
  const Catalog with_articles = Build(o);
  std::set<std::string> article_ids;
  for (const auto& a : with_articles.articles) article_ids.insert(a.id);
  EXPECT_EQ(article_ids, (std::set<std::string>{"a1", "a2", "a3", "a4", "a5", "s1"}));
}

TEST_F(CatalogTest, RegistryRowsToFillIn) {
  const std::string tsv = CatalogRegistryTodo(Build());
  // 777-KL/TW and 47-QĐ/TW are neither in the registry nor held (the bare 21-NQ/TW is no new
  // document); the informal name follows with its symbol blank. Rows with a symbol load.
  std::string with_symbols;
  std::size_t informal_rows = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    const std::size_t nl = tsv.find('\n', pos);
    const std::string line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] != '\t') {
      with_symbols += line + "\n";
    } else {
      ++informal_rows;
      EXPECT_NE(line.find("Nghị quyết"), std::string::npos);
      EXPECT_NE(line.find("\tX\t9\t"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(informal_rows, 1u);
  auto parsed = refs::Registry::Parse(with_symbols, "todo");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message() << "\n" << tsv;
  std::set<std::string> symbols;
  for (const auto& e : *parsed) symbols.insert(e.symbol);
  EXPECT_EQ(symbols, (std::set<std::string>{"777-KL/TW", "47-QĐ/TW"}));
  const auto* kl = parsed->Find("777-KL/TW", "", std::nullopt);
  ASSERT_NE(kl, nullptr);
  EXPECT_EQ(kl->issuer_name, "Bộ Chính trị");
  EXPECT_EQ(kl->date, "2023-03-02");
  EXPECT_EQ(kl->term, "XIII");
}

TEST_F(CatalogTest, MissingOrForeignDatabaseIsAnError) {
  auto r = BuildCatalog(*tmp_ / "nothing-here");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nothing-here"), std::string::npos);
}

TEST(TitleAfterMentionTest, Cases) {
  const struct {
    const char* after;
    const char* title;
    const char* issuer;
    const char* date;
  } kCases[] = {
      {" về công tác dân số trong tình hình mới.", "về công tác dân số trong tình hình mới", "", ""},
      {" ngày 16/6/2022 của Ban Chấp hành Trung ương về tăng cường củng cố, xây dựng tổ chức cơ sở đảng; tiếp",
       "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng", "Ban Chấp hành Trung ương", "2022-06-16"},
      {" (khóa XII) về công tác dân số", "về công tác dân số", "", ""},
      {", ngày 16 tháng 6 năm 2022 của Bộ Chính trị về công tác cán bộ.", "về công tác cán bộ", "Bộ Chính trị",
       "2022-06-16"},
      {" và Nghị quyết số 19-NQ/TW về nông nghiệp", "", "", ""},      // another mention first
      {", các cấp ủy đã quán triệt về công tác dân số", "", "", ""},  // the text goes on
      {" về việc.", "", "", ""},                                       // too short to be a title
      {" của Bộ Chính trị, trọng tâm là xây dựng Đảng", "", "Bộ Chính trị", ""},
      {" của Chính phủ ban hành về thuế", "", "Chính phủ", ""},
      {" của Bộ Giao thông vận tải về kinh doanh vận tải bằng xe ô tô", "về kinh doanh vận tải bằng xe ô tô",
       "Bộ Giao thông vận tải", ""},
      {" của Ủy ban nhân dân tỉnh về quy hoạch", "về quy hoạch", "Ủy ban nhân dân tỉnh", ""},
      {" về một số chính sách phát triển thủy sản ra đời giúp ngư dân đóng tàu", "về một số chính sách phát triển thủy sản",
       "", ""},
      {" về những điều đảng viên không được làm.", "về những điều đảng viên không được làm", "", ""},
      {" về “tự diễn biến” trong nội bộ", "về “tự diễn biến”", "", ""},  // a quoted subject
      {" về “tự diễn biến trong nội bộ", "", "", ""},  // a quote that never closes
  };
  for (const auto& c : kCases) {
    std::string issuer, date;
    const std::string title = TitleAfterMention(c.after, &issuer, &date);
    EXPECT_EQ(title, c.title) << c.after;
    EXPECT_EQ(issuer, c.issuer) << c.after;
    EXPECT_EQ(date, c.date) << c.after;
  }
}

}  // namespace
}  // namespace vankien::search
