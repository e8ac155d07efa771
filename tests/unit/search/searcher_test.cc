// End-to-end tests of the search library (search/searcher.h) over indexes written with
// vankien::IndexWriter (indexer/index_writer.h), one fresh temporary directory per test.
#include "search/searcher.h"

#include <gtest/gtest.h>

#include "tests/support/utf8_check.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"

namespace vankien::search {
namespace {

namespace fs = std::filesystem;
using namespace std::literals;

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

using test_support::IsValidUtf8;

Document Doc(std::string id, std::string text, std::string title = "") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.title = std::move(title);
  return d;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vankien_searcher_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    db_ = (root_ / "db").string();
  }
  void TearDown() override {
    searcher_.reset();
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Adds `docs` in one writer session and commits; the writer is closed on return.
  void Index(const std::vector<Document>& docs) {
    auto writer = IndexWriter::Open(db_, A());
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    for (const Document& d : docs) {
      const Status s = (*writer)->Add(d);
      ASSERT_TRUE(s.ok()) << s.message();
    }
    const Status c = (*writer)->Commit();
    ASSERT_TRUE(c.ok()) << c.message();
  }

  Searcher& S() {
    if (!searcher_) {
      auto opened = Searcher::Open(db_, A());
      EXPECT_TRUE(opened.ok()) << opened.status().message();
      if (!opened.ok()) std::abort();
      searcher_ = std::move(opened).value();
    }
    return *searcher_;
  }
  void Reopen() { searcher_.reset(); }

  SearchResponse Run(std::string_view query, SearchOptions options = {}) {
    auto r = S().Search(query, options);
    EXPECT_TRUE(r.ok()) << "query " << query << ": " << r.status().message();
    if (!r.ok()) return {};
    return std::move(r).value();
  }

  // The stored text of document `id`, or a marker when Get fails.
  std::string TextOf(std::string_view id) {
    auto got = S().Get(id);
    if (!got.ok()) return "<Get failed: " + got.status().message() + ">";
    return got->text;
  }

  std::set<std::string> IdSet(std::string_view query) {
    SearchOptions options;
    options.limit = 100;
    std::set<std::string> ids;
    for (const Hit& h : Run(query, options).hits) ids.insert(h.id);
    return ids;
  }

  fs::path root_;
  std::string db_;
  std::unique_ptr<Searcher> searcher_;
};

using Ids = std::set<std::string>;

TEST_F(SearcherTest, UnaccentedQueryFindsAccentedText) {
  Index({Doc("dang", "Nghị quyết về công tác xây dựng Đảng trong tình hình mới"),
         Doc("thoitiet", "Thời tiết hôm nay đẹp, trời nắng"),
         Doc("kinhte", "Phát triển kinh tế tư nhân")});
  EXPECT_EQ(IdSet("xay dung dang"), Ids{"dang"});
  EXPECT_EQ(IdSet("thoi tiet"), Ids{"thoitiet"});
  const auto r = Run("xay dung dang");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.total, 1u);
  EXPECT_GT(r.hits[0].score, 0);
}

TEST_F(SearcherTest, AccentedUppercaseNfdAndOldToneSpellingsFindTheSameDocuments) {
  Index({Doc("moi", "Hoà bình cho mọi người"),            // new-style tone in the text
         Doc("cu", "Chiến tranh và hòa bình"),             // old-style tone in the text
         Doc("hoahoc", "Môn hoá học lớp mười"),            // hoá: same folded form, other word
         Doc("binhthuong", "Mọi việc bình thường"),        // bình only
         Doc("khac", "Không liên quan gì cả")});
  const Ids expected = {"moi", "cu", "binhthuong"};
  EXPECT_EQ(IdSet("hoà bình"), expected);
  EXPECT_EQ(IdSet("hòa bình"), expected);
  EXPECT_EQ(IdSet("HOÀ BÌNH"), expected);
  EXPECT_EQ(IdSet("HÒA BÌNH"), expected);
  EXPECT_EQ(IdSet(A().ToNfd("hoà bình")), expected);
  EXPECT_EQ(IdSet(A().ToNfd("HÒA BÌNH")), expected);
  // Without marks the query reaches every accented form, hoá included.
  EXPECT_EQ(IdSet("hoa binh"), (Ids{"moi", "cu", "hoahoc", "binhthuong"}));
  // And as a phrase, every spelling finds exactly the two hoà bình documents.
  for (std::string_view q : {"\"hoà bình\""sv, "\"hòa bình\""sv, "\"HOÀ BÌNH\""sv,
                             "“Hòa Bình”"sv}) {
    EXPECT_EQ(IdSet(q), (Ids{"moi", "cu"})) << q;
  }
  EXPECT_EQ(IdSet(A().ToNfd("\"hòa bình\"")), (Ids{"moi", "cu"}));
}

TEST_F(SearcherTest, AccentedQueryDoesNotMatchAnotherAccentedWordWithTheSameFoldedForm) {
  Index({Doc("dang-party", "Điều lệ Đảng"), Doc("dang-being", "Tôi đang đọc sách"),
         Doc("dang-bitter", "Thuốc đắng dã tật")});
  EXPECT_EQ(IdSet("đang"), Ids{"dang-being"});
  EXPECT_EQ(IdSet("Đảng"), Ids{"dang-party"});
  EXPECT_EQ(IdSet("đắng"), Ids{"dang-bitter"});
  EXPECT_EQ(IdSet("dang"), (Ids{"dang-party", "dang-being", "dang-bitter"}));
  // Same inside a phrase: the folded phrase matches, the exact filter rejects.
  Index({Doc("p1", "công tác xây dựng Đảng"), Doc("p2", "họ đang xây dựng nhà")});
  Reopen();
  EXPECT_EQ(IdSet("\"dựng đảng\""), Ids{"p1"});
  EXPECT_EQ(IdSet("\"dung dang\""), Ids{"p1"});
  EXPECT_EQ(IdSet("\"đang xây\""), Ids{"p2"});
  EXPECT_EQ(IdSet("\"đảng xây\""), Ids{});
}

TEST_F(SearcherTest, PhraseRequiresAdjacency) {
  Index({Doc("lien", "Công tác xây dựng nhà ở xã hội"),
         Doc("roi", "Xây nhà mới và dựng cột cờ"),
         Doc("nguoc", "Dựng xây lại từ đầu")});
  EXPECT_EQ(IdSet("\"xây dựng\""), Ids{"lien"});
  EXPECT_EQ(IdSet("\"xay dung\""), Ids{"lien"});
  EXPECT_EQ(IdSet("xây dựng"), (Ids{"lien", "roi", "nguoc"}));
  // A required phrase (+) plus a free word: the free word alone does not match.
  EXPECT_EQ(IdSet("+\"xây dựng\" cờ"), Ids{"lien"});
}

// Quotation marks in a question quote a name: they rank the documents holding it first but do
// not drop the rest, so a question whose quoted words a document spells differently (or never
// holds together) still gets answers.
TEST_F(SearcherTest, QuotedWordsBesideFreeWordsRankButAreNotRequired) {
  Index({Doc("ten", "Bài hát Nơi này có anh", "Ca khúc của Sơn Tùng M-TP phát hành năm 2017"),
         Doc("loi", "Ca sĩ Sơn Tùng", "Anh có bài hát nổi tiếng; nơi nào cũng nghe"),
         Doc("khac", "Thời tiết", "Trời mưa to")});
  const std::vector<Hit> hits = Run("Bài hát \"Nơi này có anh\" của ai").hits;
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].id, "ten");  // the phrase, whole, first
  EXPECT_EQ(IdSet("Bài hát \"Nơi này có anh\" của ai"), (Ids{"ten", "loi"}));
  // With + it is required again; a query of phrases alone requires them too.
  EXPECT_EQ(IdSet("Bài hát +\"Nơi này có anh\" của ai"), Ids{"ten"});
  EXPECT_EQ(IdSet("\"Nơi này có anh\""), Ids{"ten"});
  EXPECT_EQ(IdSet("\"nơi nào cũng nghe\" -\"thời tiết\""), Ids{"loi"});
}

TEST_F(SearcherTest, PhraseDoesNotSpanTitleAndText) {
  Index({Doc("a", "dựng nhà cửa", "Bài về xây")});
  EXPECT_EQ(IdSet("xây dựng"), Ids{"a"});
  EXPECT_EQ(IdSet("\"xây dựng\""), Ids{});
}

TEST_F(SearcherTest, ReAddingTheSameIdReplacesTheDocument) {
  Index({Doc("a", "con mèo trèo cây cau"), Doc("b", "chuyện khác")});
  {
    auto stats = S().Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents, 2u);
  }
  Reopen();
  {
    auto writer = IndexWriter::Open(db_, A());
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ASSERT_TRUE((*writer)->Add(Doc("a", "con chó chạy ngoài sân")).ok());
    EXPECT_EQ((*writer)->document_count(), 2u);
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto stats = S().Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 2u);
  EXPECT_EQ(IdSet("chó"), Ids{"a"});
  EXPECT_EQ(IdSet("mèo"), Ids{});
  EXPECT_EQ(IdSet("meo"), Ids{});
  auto got = S().Get("a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->text, "con chó chạy ngoài sân");
}

TEST_F(SearcherTest, ReAddingWithinOneWriterSessionReplaces) {
  auto writer = IndexWriter::Open(db_, A());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Add(Doc("x", "phiên bản một")).ok());
  ASSERT_TRUE((*writer)->Add(Doc("x", "phiên bản hai")).ok());
  ASSERT_TRUE((*writer)->Add(Doc("x", "phiên bản ba")).ok());
  EXPECT_EQ((*writer)->document_count(), 1u);
  EXPECT_EQ((*writer)->documents_added(), 3u);
  ASSERT_TRUE((*writer)->Commit().ok());
  writer->reset();
  EXPECT_EQ(IdSet("phien ban"), Ids{"x"});
  EXPECT_EQ(IdSet("ba"), Ids{"x"});
  EXPECT_EQ(IdSet("một"), Ids{});
  EXPECT_EQ(IdSet("hai"), Ids{});
}

TEST_F(SearcherTest, GetReturnsStoredFields) {
  Document d = Doc("vb/21-NQ.json", "Nội dung nghị quyết", "Nghị quyết 21");
  d.date = "2022-06-16";
  d.url = "https://example.vn/nq21";
  d.path = "/data/vb.jsonl";
  d.fields = {{"source", "Báo Nhân Dân"}, {"author", "Ban Tuyên giáo"}};
  Index({d, Doc("other", "khác")});
  auto got = S().Get("vb/21-NQ.json");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->id, d.id);
  EXPECT_EQ(got->title, d.title);
  EXPECT_EQ(got->text, d.text);
  EXPECT_EQ(got->date, d.date);
  EXPECT_EQ(got->url, d.url);
  EXPECT_EQ(got->path, d.path);
  auto fields = got->fields;
  std::sort(fields.begin(), fields.end());
  auto want = d.fields;
  std::sort(want.begin(), want.end());
  EXPECT_EQ(fields, want);
  // Other string fields are indexed as text.
  EXPECT_EQ(IdSet("tuyen giao"), Ids{"vb/21-NQ.json"});
  // And the hit carries the stored metadata.
  const auto r = Run("nghị quyết");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, d.id);
  EXPECT_EQ(r.hits[0].title, d.title);
  EXPECT_EQ(r.hits[0].date, d.date);
  EXPECT_EQ(r.hits[0].url, d.url);
}

TEST_F(SearcherTest, GetKeepsFieldsInInputOrder) {
  // document.h: Document::fields are "in input order"; a stored document should round-trip.
  Document d = Doc("f", "x");
  d.fields = {{"zeta", "1"}, {"source", "2"}, {"alpha", "3"}};
  Index({d});
  auto got = S().Get("f");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->fields, d.fields);
}

TEST_F(SearcherTest, GetUnknownIdIsNotFound) {
  Index({Doc("a", "một")});
  auto got = S().Get("khong-co");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), Status::Code::kNotFound);
  EXPECT_NE(got.status().message().find("khong-co"), std::string::npos);
  // A prefix of an existing id is not that id.
  EXPECT_EQ(S().Get("").status().code(), Status::Code::kNotFound);
  Index({Doc("ab", "hai")});
  Reopen();
  EXPECT_EQ(TextOf("a"), "một");
  EXPECT_EQ(TextOf("ab"), "hai");
}

// Get says NotFound only of the newest revision: a document committed after the searcher
// opened is found.
TEST_F(SearcherTest, GetFindsADocumentCommittedAfterTheSearcherOpened) {
  Index({Doc("cu", "văn bản cũ")});
  ASSERT_EQ(TextOf("cu"), "văn bản cũ");
  Index({Doc("moi", "văn bản mới")});
  EXPECT_EQ(TextOf("moi"), "văn bản mới");
}

// Moving to a new revision can fail half-way: a writer that commits twice meanwhile discards
// the revision Xapian is opening after some of its tables are open. A table file that is away
// while the searcher moves on fails the same way, at the same point. Once the file is back the
// searcher must read the new revision whole, not tables of two revisions (or none).
TEST_F(SearcherTest, AMoveToANewRevisionThatFailsHalfWayLeavesTheSearcherWhole) {
  Index({Doc("cu", "văn bản cũ")});
  ASSERT_EQ(TextOf("cu"), "văn bản cũ");
  Index({Doc("moi", "văn bản mới")});
  const fs::path postlist = fs::path(db_) / "postlist.glass";
  const fs::path away = root_ / "postlist.glass.away";
  fs::rename(postlist, away);
  EXPECT_EQ(S().Get("moi").status().code(), Status::Code::kIoError);  // cannot open it yet
  EXPECT_EQ(TextOf("cu"), "văn bản cũ");  // the revision already open still reads
  fs::rename(away, postlist);
  EXPECT_EQ(TextOf("moi"), "văn bản mới");
  EXPECT_EQ(IdSet("van ban"), (std::set<std::string>{"cu", "moi"}));
}

TEST_F(SearcherTest, VeryLongIdsWork) {
  const std::string prefix = "corpus/" + std::string(300, 'x');
  const std::string id1 = prefix + "/mot.txt";  // > 300 bytes, same first 308 bytes as id2
  const std::string id2 = prefix + "/hai.txt";
  const std::string id3 = "thư-mục/" + std::string(400, 'y') + "/đường-dẫn.txt";
  ASSERT_GT(id1.size(), 300u);
  ASSERT_GT(id3.size(), 300u);
  Index({Doc(id1, "văn bản thứ nhất"), Doc(id2, "văn bản thứ hai"), Doc(id3, "văn bản ba")});
  {
    auto stats = S().Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents, 3u) << "long ids that share a prefix collided";
    auto g1 = S().Get(id1);
    ASSERT_TRUE(g1.ok()) << g1.status().message();
    EXPECT_EQ(g1->id, id1);
    EXPECT_EQ(g1->text, "văn bản thứ nhất");
    auto g2 = S().Get(id2);
    ASSERT_TRUE(g2.ok());
    EXPECT_EQ(g2->text, "văn bản thứ hai");
    auto g3 = S().Get(id3);
    ASSERT_TRUE(g3.ok());
    EXPECT_EQ(g3->id, id3);
    EXPECT_EQ(S().Get(prefix + "/ba.txt").status().code(), Status::Code::kNotFound);
    EXPECT_EQ(IdSet("nhất"), Ids{id1});
  }
  Reopen();
  Index({Doc(id1, "nội dung đã thay thế")});
  auto stats = S().Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3u) << "re-adding a long id duplicated it";
  auto g1 = S().Get(id1);
  ASSERT_TRUE(g1.ok());
  EXPECT_EQ(g1->text, "nội dung đã thay thế");
  EXPECT_EQ(IdSet("nhất"), Ids{});
  EXPECT_EQ(IdSet("thay thế"), Ids{id1});
  EXPECT_EQ(TextOf(id2), "văn bản thứ hai");
}

TEST_F(SearcherTest, InvalidUtf8TextIsIndexedSearchableAndSnippetIsValid) {
  const std::string text = "Tin t\xFF\xFEức: công tác xây\x80 dựng \xC3 Đảng \xE1\xBA vững mạnh";
  ASSERT_FALSE(IsValidUtf8(text));
  Index({Doc("bad", text, "Ti\xC3\x28u đề")});
  const auto r = Run("xay dung dang");
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.id, "bad");
  EXPECT_TRUE(IsValidUtf8(h.snippet.text)) << "snippet is not valid UTF-8";
  EXPECT_TRUE(IsValidUtf8(h.title));
  std::vector<std::string> highlighted;
  for (const auto& [b, e] : h.snippet.highlights) {
    ASSERT_LE(e, h.snippet.text.size());
    highlighted.push_back(h.snippet.text.substr(b, e - b));
  }
  EXPECT_EQ(highlighted, (std::vector<std::string>{"xây", "dựng", "Đảng"})) << h.snippet.text;
  EXPECT_EQ(IdSet("\"vững mạnh\""), Ids{"bad"});
  EXPECT_EQ(IdSet("công tác"), Ids{"bad"});
  auto got = S().Get("bad");
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(IsValidUtf8(got->text));
}

TEST_F(SearcherTest, SnippetsCanBeTurnedOff) {
  Index({Doc("a", "xây dựng Đảng")});
  SearchOptions options;
  options.snippets = false;
  const auto off = Run("dang", options);
  ASSERT_EQ(off.hits.size(), 1u);
  EXPECT_TRUE(off.hits[0].snippet.text.empty());
  const auto on = Run("dang");
  ASSERT_EQ(on.hits.size(), 1u);
  EXPECT_NE(on.hits[0].snippet.text.find("Đảng"), std::string::npos);
  ASSERT_EQ(on.hits[0].snippet.highlights.size(), 1u);
}

TEST_F(SearcherTest, StatsCountDocumentsAndSetLastIndexedAfterCommit) {
  const auto today = [] {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return std::string(buf);
  };
  const std::string before = today();
  Index({Doc("1", "một hai"), Doc("2", "ba bốn năm"), Doc("3", "sáu")});
  const std::string after = today();
  auto stats = S().Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->documents, 3u);
  EXPECT_GT(stats->distinct_terms, 3u);
  EXPECT_GT(stats->average_length, 0.0);
  EXPECT_GT(stats->bytes_on_disk, 0u);
  // ISO 8601 UTC: YYYY-MM-DDTHH:MM:SSZ, dated today.
  const std::string& li = stats->last_indexed;
  ASSERT_EQ(li.size(), 20u) << li;
  EXPECT_EQ(li[10], 'T') << li;
  EXPECT_EQ(li.back(), 'Z') << li;
  const std::string date = li.substr(0, 10);
  EXPECT_TRUE(date == before || date == after) << li << " is not today (" << before << ")";

  Reopen();
  Index({Doc("4", "bảy")});
  auto more = S().Stats();
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->documents, 4u);
}

TEST_F(SearcherTest, OpenMissingDirIsNotFoundNamingThePath) {
  const std::string missing = (root_ / "khong-co-chi-muc").string();
  auto opened = Searcher::Open(missing, A());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kNotFound);
  EXPECT_NE(opened.status().message().find(missing), std::string::npos)
      << opened.status().message();
}

TEST_F(SearcherTest, OpenDirThatIsNotAnIndexFails) {
  const fs::path not_index = root_ / "empty-dir";
  fs::create_directories(not_index);
  auto opened = Searcher::Open(not_index.string(), A());
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find(not_index.string()), std::string::npos)
      << opened.status().message();
}

TEST_F(SearcherTest, BadQueryIsInvalidArgument) {
  Index({Doc("a", "một")});
  for (std::string_view q : {""sv, "   "sv, "!!! ---"sv}) {
    auto r = S().Search(q);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << q;
  }
}

TEST_F(SearcherTest, PaginationGivesDisjointPagesThatMakeUpTheFullList) {
  std::vector<Document> docs;
  for (int i = 0; i < 25; ++i) {
    std::string text;
    for (int k = 0; k <= i; ++k) text += "Đảng ";  // a different term frequency each
    text += "văn bản số " + std::to_string(i);
    docs.push_back(Doc("doc-" + std::to_string(i), text));
  }
  docs.push_back(Doc("no-match", "không liên quan"));
  Index(docs);

  SearchOptions all;
  all.limit = 100;
  const auto full = Run("dang", all);
  ASSERT_EQ(full.hits.size(), 25u);
  EXPECT_EQ(full.total, 25u);

  std::vector<std::string> paged;
  std::set<std::string> seen;
  const std::size_t sizes[] = {10, 10, 5};
  for (std::size_t page = 0; page < 3; ++page) {
    SearchOptions options;
    options.offset = page * 10;
    options.limit = 10;
    const auto r = Run("dang", options);
    ASSERT_EQ(r.hits.size(), sizes[page]) << "page " << page;
    EXPECT_EQ(r.total, 25u);
    for (const Hit& h : r.hits) {
      EXPECT_TRUE(seen.insert(h.id).second) << h.id << " is on two pages";
      paged.push_back(h.id);
    }
  }
  std::vector<std::string> full_ids;
  for (const Hit& h : full.hits) full_ids.push_back(h.id);
  EXPECT_EQ(std::set<std::string>(full_ids.begin(), full_ids.end()), seen);
  EXPECT_EQ(paged, full_ids) << "pages are not the single larger page cut in order";

  SearchOptions past;
  past.offset = 30;
  EXPECT_TRUE(Run("dang", past).hits.empty());
  SearchOptions too_deep;
  too_deep.offset = SearchOptions::kMaxOffset + 1;
  EXPECT_EQ(S().Search("dang", too_deep).status().code(), Status::Code::kInvalidArgument);
}


// A small archive with facts: three official documents and two articles.
std::vector<Document> Archive() {
  auto official = [](std::string id, std::string symbol, std::string date, std::string text) {
    Document d = Doc(std::move(id), std::move(text), "Văn bản " + symbol);
    d.symbol = std::move(symbol);
    d.date = std::move(date);
    d.kind = "official";
    d.source = "official";
    return d;
  };
  auto article = [](std::string id, std::string date, std::string text) {
    Document d = Doc(std::move(id), std::move(text), "Bài viết");
    d.date = std::move(date);
    d.source = "baomoi.com";
    return d;
  };
  return {
      official("nq", "901-NQ/TW", "2024-05-18", "Nghị quyết về xây dựng Đảng trong sạch."),
      official("ct", "902-CT/TW", "2022-03-01", "Chỉ thị về xây dựng Đảng và hệ thống chính trị."),
      official("nd", "915/2024/NĐ-CP", "2024-04-15", "Nghị định về quản lý kho dữ liệu, xây dựng cơ sở dữ liệu."),
      article("a1", "2023-10-10", "Bài viết về xây dựng Đảng ở cơ sở, trích Nghị quyết 901-NQ/TW."),
      article("a2", "", "Xây dựng nông thôn mới, không ghi ngày."),
  };
}

std::map<std::string, std::size_t> FacetMap(const SearchResponse& r, std::string_view name) {
  std::map<std::string, std::size_t> out;
  for (const Facet& f : r.facets) {
    if (f.name != name) continue;
    for (const FacetCount& v : f.values) out[v.value] = v.count;
  }
  return out;
}

TEST_F(SearcherTest, FacetsCountEveryMatchByKindYearIssuerTermAndSource) {
  Index(Archive());
  SearchOptions options;
  options.facets = true;
  options.limit = 1;  // facets cover all matches, not just the page
  const SearchResponse r = Run("xây dựng", options);
  EXPECT_EQ(r.total, 5u);
  using M = std::map<std::string, std::size_t>;
  EXPECT_EQ(FacetMap(r, "kind"), (M{{"NQ", 1}, {"CT", 1}, {"NĐ", 1}, {"article", 2}}));
  EXPECT_EQ(FacetMap(r, "year"), (M{{"2022", 1}, {"2023", 1}, {"2024", 2}}));
  EXPECT_EQ(FacetMap(r, "issuer"), (M{{"TW", 2}, {"CP", 1}}));
  EXPECT_EQ(FacetMap(r, "term"), (M{{"XIII", 2}}));
  EXPECT_EQ(FacetMap(r, "source"), (M{{"official", 3}, {"baomoi.com", 2}}));
  // Years are listed newest first.
  for (const Facet& f : r.facets) {
    if (f.name == "year") {
      ASSERT_EQ(f.values.size(), 3u);
      EXPECT_EQ(f.values.front().value, "2024");
    }
  }
  // Without the option, no facets.
  EXPECT_TRUE(Run("xây dựng").facets.empty());
}

TEST_F(SearcherTest, FiltersFromOptionsAndFromTheQueryAgree) {
  Index(Archive());
  auto ids = [&](std::string_view q, Filters f = {}) {
    SearchOptions options;
    options.filters = std::move(f);
    std::set<std::string> out;
    for (const Hit& h : Run(q, options).hits) out.insert(h.id);
    return out;
  };
  Filters tw;
  tw.issuer = "TW";
  EXPECT_EQ(ids("xây dựng", tw), (Ids{"nq", "ct"}));
  EXPECT_EQ(ids("xây dựng coquan:TW"), (Ids{"nq", "ct"}));
  Filters from;
  from.from = "2023";
  EXPECT_EQ(ids("xây dựng", from), (Ids{"nq", "nd", "a1"}));
  EXPECT_EQ(ids("xây dựng tu:2023 den:2024-04"), (Ids{"nd", "a1"}));
  EXPECT_EQ(ids("xây dựng loai:article"), (Ids{"a1", "a2"}));
  EXPECT_EQ(ids("xây dựng kieu:van-ban"), (Ids{"nq", "ct", "nd"}));
  EXPECT_EQ(ids("so:901-NQ/TW"), (Ids{"nq"}));
  EXPECT_EQ(ids("trichdan:901-NQ/TW"), (Ids{"a1"}));
  EXPECT_EQ(ids("xây dựng -loai:article nam:2024"), (Ids{"nq", "nd"}));
}

TEST_F(SearcherTest, SortByDateNewestAndOldestWithUndatedLast) {
  Index(Archive());
  auto order = [&](SortOrder sort) {
    SearchOptions options;
    options.sort = sort;
    std::vector<std::string> out;
    for (const Hit& h : Run("xây dựng", options).hits) out.push_back(h.id);
    return out;
  };
  EXPECT_EQ(order(SortOrder::kNewest), (std::vector<std::string>{"nq", "nd", "a1", "ct", "a2"}));
  EXPECT_EQ(order(SortOrder::kOldest), (std::vector<std::string>{"ct", "a1", "nd", "nq", "a2"}));
  // A query of filters alone is listed newest first.
  std::vector<std::string> filtered;
  for (const Hit& h : Run("coquan:TW").hits) filtered.push_back(h.id);
  EXPECT_EQ(filtered, (std::vector<std::string>{"nq", "ct"}));
}

TEST_F(SearcherTest, HitsCarryTheirFacts) {
  Index(Archive());
  const SearchResponse r = Run("so:915/2024/NĐ-CP");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].kind, "NĐ");
  EXPECT_EQ(r.hits[0].symbol, "915/2024/NĐ-CP");
  EXPECT_EQ(r.hits[0].issuer, "CP");
  EXPECT_EQ(r.hits[0].source, "official");
}

TEST_F(SearcherTest, DidYouMeanRestoresDiacriticsAndFixesTypos) {
  Index(Archive());
  SearchOptions options;
  options.suggest = true;
  EXPECT_EQ(Run("xay dung dang", options).suggestion, "xây dựng đảng");
  EXPECT_EQ(Run("nghi quyet", options).suggestion, "nghị quyết");
  EXPECT_EQ(Run("xay dungg", options).suggestion, "xây dựng");
  EXPECT_EQ(Run("xây dựng", options).suggestion, "") << "accented and known: nothing to suggest";
  EXPECT_EQ(Run("xây dựngg", options).suggestion, "xây dựng");
  EXPECT_EQ(Run("xay dung dang").suggestion, "") << "only when asked for";
}

TEST_F(SearcherTest, NoticesReachTheResponse) {
  Index(Archive());
  const SearchResponse r = Run("xây dựng OR");
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_FALSE(r.hits.empty());
}

}  // namespace
}  // namespace vankien::search

namespace vankien::search {
namespace {

// Issue 21: a search holds a worker for as long as Xapian's match runs, and SIGTERM had to
// wait for it. SearchOptions::time_limit and cancel end the match from inside: with a limit
// already passed (or the flag raised) a search over many candidates fails with the code a
// caller maps to its answer, and without them the same search succeeds.
TEST_F(SearcherTest, ADeadlineOrACancelFlagStopsALongMatch) {
  std::vector<Document> docs;
  for (int i = 0; i < 3000; ++i) {
    docs.push_back(Doc("d" + std::to_string(i), "Nội dung văn bản số " + std::to_string(i % 97)));
  }
  Index(docs);
  SearchOptions options;
  options.facets = true;  // every match is checked
  EXPECT_EQ(Run("nội dung", options).total, 3000u);

  options.time_limit = 1e-9;
  auto late = S().Search("nội dung", options);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(late.status().message().find("longer than its limit"), std::string::npos) << late.status().message();

  std::atomic<bool> stop{true};
  SearchOptions cancelled;
  cancelled.facets = true;
  cancelled.cancel = &stop;
  auto stopped = S().Search("nội dung", cancelled);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), Status::Code::kUnavailable);
  stop = false;
  EXPECT_TRUE(S().Search("nội dung", cancelled).ok());
}

}  // namespace
}  // namespace vankien::search
