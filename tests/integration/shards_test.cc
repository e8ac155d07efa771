// Sharded indexes: the layout (stub file, shard of an id), and that an index written as N shards
// answers exactly as the same documents in one database — rankings, totals, facets, reference
// look-ups and the catalogue — for the bundled corpus and, when ../shared is present, for news
// articles with the committed benchmark query set.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/doc/line_reader.h"
#include "indexer/doc/loader.h"
#include "indexer/compact.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "indexer/shard_layout.h"
#include "search/catalog.h"
#include "search/searcher.h"
#include "tests/support/loading.h"
#include "tests/support/paths.h"
#include "tests/support/searching.h"

namespace vankien {
namespace {

// A file record as an earlier run would leave it.
IndexWriter::FileState State(std::string path, std::string hash, std::uint64_t size, std::int64_t mtime,
                             std::size_t documents) {
  IndexWriter::FileState st;
  st.path = std::move(path);
  st.hash = std::move(hash);
  st.size = size;
  st.mtime = mtime;
  st.documents = documents;
  return st;
}

namespace fs = std::filesystem;
using test_support::TempDir;
using test_support::WithoutSnippets;

const text::Analyzer& A() { return test_support::SharedAnalyzer(); }

// ---- Layout ----

TEST(ShardLayoutTest, AnIdAlwaysGoesToTheSameShardAndIdsSpreadOverAll) {
  std::map<std::size_t, int> counts;
  for (int i = 0; i < 3000; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    const std::size_t k = shards::ShardOf(id, 3);
    ASSERT_LT(k, 3u);
    EXPECT_EQ(shards::ShardOf(id, 3), k);
    ++counts[k];
  }
  ASSERT_EQ(counts.size(), 3u);
  for (const auto& [k, n] : counts) EXPECT_GT(n, 800) << "shard " << k;
  EXPECT_EQ(shards::ShardOf("anything", 1), 0u);
}

TEST(ShardLayoutTest, ADirectoryWithoutAStubIsOneDatabase) {
  TempDir tmp;
  auto layout = shards::Read(tmp / "db");
  ASSERT_TRUE(layout.ok());
  EXPECT_FALSE(layout->sharded);
  EXPECT_EQ(layout->local, std::vector<std::string>{tmp / "db"});
  EXPECT_TRUE(layout->remote.empty());
}

TEST(ShardLayoutTest, AStubListsLocalAndRemoteShards) {
  TempDir tmp;
  fs::create_directories(tmp / "db");
  std::ofstream(tmp / "db/XAPIANDB") << "# two here, one there\nauto shard-00\n\nglass /srv/x/shard-01\n"
                                     << "remote 10.0.0.2:33333\n";
  auto layout = shards::Read(tmp / "db");
  ASSERT_TRUE(layout.ok()) << layout.status().message();
  EXPECT_TRUE(layout->sharded);
  EXPECT_EQ(layout->local, (std::vector<std::string>{tmp / "db/shard-00", "/srv/x/shard-01"}));
  EXPECT_EQ(layout->remote, std::vector<std::string>{"10.0.0.2:33333"});
  // The stub and each local shard's version file mark a new revision.
  EXPECT_EQ(layout->version_files.size(), 3u);
}

TEST(ShardLayoutTest, AStubLineThatIsNotADatabaseIsAnErrorNamingTheLine) {
  TempDir tmp;
  fs::create_directories(tmp / "db");
  std::ofstream(tmp / "db/XAPIANDB") << "auto shard-00\nftp somewhere\n";
  auto layout = shards::Read(tmp / "db");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.status().message().find("line 2"), std::string::npos) << layout.status().message();
  EXPECT_NE(layout.status().message().find("ftp"), std::string::npos) << layout.status().message();
}

TEST(ShardLayoutTest, WriteStubListsEveryShardAndXapianReadsIt) {
  TempDir tmp;
  fs::create_directories(tmp / "db");
  ASSERT_TRUE(shards::WriteStub(tmp / "db", 4).ok());
  auto layout = shards::Read(tmp / "db");
  ASSERT_TRUE(layout.ok());
  ASSERT_EQ(layout->local.size(), 4u);
  EXPECT_EQ(layout->local[3], shards::ShardDir(tmp / "db", 3));
}

// ---- Writing ----

Document Doc(const std::string& id, const std::string& title, const std::string& text,
             const std::string& path = "") {
  Document d;
  d.id = id;
  d.title = title;
  d.text = text;
  d.path = path;
  return d;
}

TEST(ShardedWriterTest, DocumentsSpreadOverTheShardsAndReAddingReplaces) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriterOptions options;
  options.shards = 3;
  {
    auto writer = IndexWriter::Open(db, A(), options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    EXPECT_EQ((*writer)->shard_count(), 3u);
    for (int i = 0; i < 60; ++i) {
      ASSERT_TRUE((*writer)->Add(Doc("d" + std::to_string(i), "tiêu đề", "văn bản số" + std::to_string(i))).ok());
    }
    // The same ids again, with new text: replaced in their own shard, not added.
    for (int i = 0; i < 60; ++i) {
      ASSERT_TRUE((*writer)->Add(Doc("d" + std::to_string(i), "tiêu đề", "bản mới số" + std::to_string(i))).ok());
    }
    ASSERT_TRUE((*writer)->Commit().ok());
    EXPECT_EQ((*writer)->document_count(), 60u);
  }
  ASSERT_TRUE(fs::exists(fs::path(db) / "XAPIANDB"));
  for (std::size_t k = 0; k < 3; ++k) {
    ASSERT_TRUE(fs::exists(fs::path(shards::ShardDir(db, k)) / "iamglass")) << k;
  }
  auto searcher = search::Searcher::Open(db, A());
  ASSERT_TRUE(searcher.ok()) << searcher.status().message();
  auto old_text = (*searcher)->Search("\"văn bản\"");
  ASSERT_TRUE(old_text.ok());
  EXPECT_EQ(old_text->total, 0u);
  auto fresh = (*searcher)->Search("\"bản mới\"", WithoutSnippets(100));
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->total, 60u);
  auto one = (*searcher)->Get("d42");
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->text, "bản mới số42");
}

TEST(ShardedWriterTest, FileStatesAndRemovalsWorkAcrossShardsAndSurviveReopening) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriterOptions options;
  options.shards = 2;
  {
    auto writer = IndexWriter::Open(db, A(), options);
    ASSERT_TRUE(writer.ok());
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE((*writer)->Add(Doc("f/" + std::to_string(i), "t", "chữ", "/data/f.jsonl")).ok());
    }
    ASSERT_TRUE((*writer)->SetFileState(State("/data/f.jsonl", "abc", 10, 1, 20)).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto writer = IndexWriter::Open(db, A());  // no --shards: keeps the two
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ((*writer)->shard_count(), 2u);
  const auto state = (*writer)->GetFileState("/data/f.jsonl");
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->hash, "abc");
  EXPECT_EQ(state->documents, 20u);
  // The file's new version keeps 5 of its documents: the other 15 go, from both shards.
  std::unordered_set<std::string> keep;
  for (int i = 0; i < 5; ++i) keep.insert("f/" + std::to_string(i));
  auto removed = (*writer)->RemoveStale("/data/f.jsonl", keep);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 15u);
  EXPECT_EQ((*writer)->document_count(), 5u);
  auto gone = (*writer)->RemoveFile("/data/f.jsonl");
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(*gone, 5u);
  ASSERT_TRUE((*writer)->Commit().ok());
  EXPECT_FALSE((*writer)->GetFileState("/data/f.jsonl").has_value());
  EXPECT_TRUE((*writer)->KnownFiles("/data/").empty());
}

TEST(ShardedWriterTest, ShardsCannotBeChangedOnAnExistingIndexOrWrittenRemotely) {
  TempDir tmp;
  const std::string db = tmp / "db";
  {
    auto writer = IndexWriter::Open(db, A());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Add(Doc("a", "t", "x")).ok());
  }
  IndexWriterOptions two;
  two.shards = 2;
  auto refused = IndexWriter::Open(db, A(), two);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("1 shard"), std::string::npos) << refused.status().message();

  fs::create_directories(tmp / "remote");
  std::ofstream(tmp / "remote/XAPIANDB") << "remote 127.0.0.1:1\n";
  auto remote = IndexWriter::Open(tmp / "remote", A());
  ASSERT_FALSE(remote.ok());
  EXPECT_NE(remote.status().message().find("remote"), std::string::npos) << remote.status().message();
}

// ---- Sharded answers equal single-database answers ----

// Documents of the bundled corpus, loaded as `vankien index` loads them.
std::vector<Document> CorpusDocuments() {
  std::vector<Document> docs;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(test_support::CorpusDir())) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    if (KindOf(f.string()) == FileKind::kUnknown) continue;
    std::vector<LoadProblem> problems;
    (void)LoadFile(f.string(), fs::relative(f, test_support::CorpusDir()).string(),
                   test_support::WithTextTools(A()),
                   [&](Document&& d) {
                     docs.push_back(std::move(d));
                     return Status::Ok();
                   },
                   &problems);
  }
  return docs;
}

// Up to `limit` news articles from ../shared, or none when it is absent.
std::vector<Document> NewsDocuments(std::size_t limit) {
  std::vector<Document> docs;
  const std::string path = test_support::SharedDir() + "/data/news/baomoi.jsonl.zst";
  auto reader = LineReader::Open(path);
  if (!reader.ok()) return docs;
  std::string line;
  while (docs.size() < limit && (*reader)->Next(&line) == LineReader::Outcome::kLine) {
    auto doc = ParseJsonRecord(line);
    if (doc.ok()) docs.push_back(std::move(doc).value());
  }
  return docs;
}

void Build(const std::string& db, const std::vector<Document>& docs, std::size_t shard_count) {
  IndexWriterOptions options;
  options.shards = shard_count;
  options.commit_every = 97;  // several commits, not aligned with anything
  options.seed_registry = test_support::CorpusDir() + "/registry.tsv";
  auto writer = IndexWriter::Open(db, A(), options);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  for (const Document& d : docs) ASSERT_TRUE((*writer)->Add(d).ok()) << d.id;
  ASSERT_TRUE((*writer)->Commit().ok());
}

// A ranking as (score, id) from best to worst, ties ordered by id: docids differ between the
// layouts, so equal scores may come in either order.
using Ranking = std::vector<std::pair<double, std::string>>;

Ranking Rank(const search::SearchResponse& r) {
  Ranking ranking;
  for (const auto& h : r.hits) ranking.emplace_back(h.score, h.id);
  std::sort(ranking.begin(), ranking.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  return ranking;
}

// The first `n` of two rankings of the same query agree: same ids with the same scores, except
// within a group of equal scores that reaches past what was fetched.
void ExpectSameTop(const Ranking& single, const Ranking& sharded, std::size_t n, const std::string& query) {
  ASSERT_EQ(single.size(), sharded.size()) << query;
  const double cut = single.empty() ? 0 : single.back().first;  // the last fetched score
  for (std::size_t i = 0; i < n && i < single.size(); ++i) {
    EXPECT_NEAR(single[i].first, sharded[i].first, 1e-9) << query << " rank " << i + 1;
    if (single[i].first > cut + 1e-9) {
      EXPECT_EQ(single[i].second, sharded[i].second) << query << " rank " << i + 1;
    }
  }
}

void ExpectSameAnswers(const std::string& single_db, const std::string& sharded_db,
                       const std::vector<std::string>& queries) {
  auto single = search::Searcher::Open(single_db, A());
  auto sharded = search::Searcher::Open(sharded_db, A());
  ASSERT_TRUE(single.ok() && sharded.ok());
  auto s1 = (*single)->Stats();
  auto s2 = (*sharded)->Stats();
  ASSERT_TRUE(s1.ok() && s2.ok());
  EXPECT_EQ(s1->documents, s2->documents);
  for (const std::string& q : queries) {
    search::SearchOptions o;
    o.limit = 30;
    o.facets = true;
    o.snippets = false;
    auto a = (*single)->Search(q, o);
    auto b = (*sharded)->Search(q, o);
    ASSERT_EQ(a.ok(), b.ok()) << q;
    if (!a.ok()) continue;
    EXPECT_EQ(a->total, b->total) << q;
    ExpectSameTop(Rank(*a), Rank(*b), 10, q);
    ASSERT_EQ(a->facets.size(), b->facets.size()) << q;
    for (std::size_t f = 0; f < a->facets.size(); ++f) {
      EXPECT_EQ(a->facets[f].name, b->facets[f].name) << q;
      ASSERT_EQ(a->facets[f].values.size(), b->facets[f].values.size()) << q << " " << a->facets[f].name;
      for (std::size_t v = 0; v < a->facets[f].values.size(); ++v) {
        EXPECT_EQ(a->facets[f].values[v].value, b->facets[f].values[v].value) << q;
        EXPECT_EQ(a->facets[f].values[v].count, b->facets[f].values[v].count) << q;
      }
    }
  }
}

TEST(ShardedAnswersTest, TheBundledCorpusAnswersAlikeInOneDatabaseAndInThreeShards) {
  const auto docs = CorpusDocuments();
  ASSERT_GT(docs.size(), 10u);
  TempDir tmp;
  Build(tmp / "single", docs, 1);
  Build(tmp / "sharded", docs, 3);
  if (HasFatalFailure()) return;
  ExpectSameAnswers(tmp / "single", tmp / "sharded",
                    {"xây dựng Đảng", "xay dung dang", "nghị quyết trung ương", "\"văn hóa đọc\"",
                     "21-NQ/TW", "kl 21/tw", "loai:NQ", "nam:2024", "khoa:XIII đảng", "thư viện OR chuyển đổi số"});

  auto single = search::Searcher::Open(tmp / "single", A());
  auto sharded = search::Searcher::Open(tmp / "sharded", A());
  ASSERT_TRUE(single.ok() && sharded.ok());
  for (const std::string symbol : {"21-KL/TW", "901-NQ/TW", "35-CT/TW"}) {
    auto a = (*single)->Reference(symbol);
    auto b = (*sharded)->Reference(symbol);
    ASSERT_EQ(a.ok(), b.ok()) << symbol;
    if (!a.ok()) continue;
    EXPECT_EQ(a->citing_documents, b->citing_documents) << symbol;
    EXPECT_EQ(a->documents.size(), b->documents.size()) << symbol;
    EXPECT_EQ(a->facts.size(), b->facts.size()) << symbol;
  }

  auto c1 = search::BuildCatalog(tmp / "single");
  auto c2 = search::BuildCatalog(tmp / "sharded");
  ASSERT_TRUE(c1.ok() && c2.ok()) << (c1.ok() ? c2.status().message() : c1.status().message());
  ASSERT_EQ(c1->entries.size(), c2->entries.size());
  ASSERT_GT(c1->entries.size(), 5u);
  for (std::size_t i = 0; i < c1->entries.size(); ++i) {
    EXPECT_EQ(c1->entries[i].key, c2->entries[i].key);
    EXPECT_EQ(c1->entries[i].citations, c2->entries[i].citations) << c1->entries[i].key;
    EXPECT_EQ(c1->entries[i].citing_documents, c2->entries[i].citing_documents) << c1->entries[i].key;
    std::set<std::string> h1(c1->entries[i].held_ids.begin(), c1->entries[i].held_ids.end());
    std::set<std::string> h2(c2->entries[i].held_ids.begin(), c2->entries[i].held_ids.end());
    EXPECT_EQ(h1, h2) << c1->entries[i].key;
  }
}

TEST(CompactTest, CompactingAndMergingKeepEveryAnswerAndTheRecordOfFiles) {
  const auto docs = CorpusDocuments();
  TempDir tmp;
  Build(tmp / "reference", docs, 1);
  Build(tmp / "db", docs, 3);
  if (HasFatalFailure()) return;
  {
    auto writer = IndexWriter::Open(tmp / "db", A());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->SetFileState(State("/corpus/a.txt", "h", 1, 2, 3)).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  const std::vector<std::string> queries = {"xây dựng Đảng", "21-NQ/TW", "loai:NQ", "văn hóa đọc"};
  auto compacted = CompactIndex(tmp / "db", /*merge=*/false);
  ASSERT_TRUE(compacted.ok()) << compacted.status().message();
  EXPECT_EQ(compacted->shards_after, 3u);
  EXPECT_LT(compacted->bytes_after, compacted->bytes_before);
  ExpectSameAnswers(tmp / "reference", tmp / "db", queries);

  // While an indexer writes, compaction waits for it: refused, naming the reason, nothing changed.
  {
    auto writer = IndexWriter::Open(tmp / "db", A());
    ASSERT_TRUE(writer.ok());
    auto refused = CompactIndex(tmp / "db", /*merge=*/true);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find("another process"), std::string::npos) << refused.status().message();
  }
  ASSERT_TRUE(fs::exists(fs::path(tmp / "db") / "XAPIANDB"));

  auto merged = CompactIndex(tmp / "db", /*merge=*/true);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->shards_after, 1u);
  EXPECT_FALSE(fs::exists(fs::path(tmp / "db") / "XAPIANDB"));
  ExpectSameAnswers(tmp / "reference", tmp / "db", queries);
  auto writer = IndexWriter::Open(tmp / "db", A());
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ((*writer)->shard_count(), 1u);
  EXPECT_EQ((*writer)->document_count(), docs.size());
  const auto state = (*writer)->GetFileState("/corpus/a.txt");
  ASSERT_TRUE(state.has_value()) << "the record of indexed files was lost in the merge";
  EXPECT_EQ(state->documents, 3u);
}

TEST(ShardedAnswersTest, NewsAnswersTheCommittedQuerySetAlikeInOneDatabaseAndInFourShards) {
  const auto docs = NewsDocuments(3000);
  if (docs.empty()) GTEST_SKIP() << "../shared/data/news/baomoi.jsonl.zst is absent; this check needs it";
  std::vector<std::string> queries;
  std::ifstream in(std::string(VANKIEN_SOURCE_DIR) + "/tools/bench/queries.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  ASSERT_GT(queries.size(), 30u);
  TempDir tmp;
  Build(tmp / "single", docs, 1);
  Build(tmp / "sharded", docs, 4);
  if (HasFatalFailure()) return;
  ExpectSameAnswers(tmp / "single", tmp / "sharded", queries);
}

}  // namespace
}  // namespace vankien
