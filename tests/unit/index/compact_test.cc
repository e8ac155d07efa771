// Tests for the crash windows of an index on disk (issue 21): a compaction killed between the
// two renames of its swap (injected with VANKIEN_FAULT=compact-swap, or the state it leaves
// built by hand) is put back by the next open, and a folder of Xapian tables that lost its
// version file is refused, never wiped, unless --rebuild asks for it.
#include "indexer/compact.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;

const text::Analyzer& A() {
  static const text::Analyzer analyzer;
  return analyzer;
}

// Writes `n` documents into a new index in `db` with `shards` shards.
void Build(const std::string& db, int n, std::size_t shards = 1) {
  IndexWriterOptions options;
  options.shards = shards;
  auto writer = IndexWriter::Open(db, A(), options);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  for (int i = 0; i < n; ++i) {
    Document d;
    d.id = "doc-" + std::to_string(i);
    d.title = "Văn bản " + std::to_string(i);
    d.text = "Nội dung thứ " + std::to_string(i);
    ASSERT_TRUE((*writer)->Add(d).ok());
  }
  ASSERT_TRUE((*writer)->Commit().ok());
}

std::size_t CountOnOpen(const std::string& db) {
  auto writer = IndexWriter::Open(db, A());
  EXPECT_TRUE(writer.ok()) << writer.status().ToString();
  return writer.ok() ? (*writer)->document_count() : 0;
}

// Runs CompactIndex in a child that VANKIEN_FAULT kills in the middle of its swap; true when
// the child died by SIGKILL as injected.
bool CompactKilledInSwap(const std::string& db, bool merge) {
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("VANKIEN_FAULT", "compact-swap", 1);
    (void)CompactIndex(db, merge);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(CompactRecoveryTest, AKillBetweenTheSwapRenamesIsUndoneByTheNextOpen) {
  TempDir tmp;
  const std::string db = tmp / "db";
  Build(db, 5);
  ASSERT_TRUE(CompactKilledInSwap(db, /*merge=*/false));
  // The window: the database moved aside, its compacted copy beside it, no database.
  ASSERT_FALSE(fs::exists(db));
  ASSERT_TRUE(fs::exists(db + ".old"));
  ASSERT_TRUE(fs::exists(db + ".compacting"));
  // An indexer opening it finds the database again instead of creating an empty one.
  EXPECT_EQ(CountOnOpen(db), 5u);
  // And the next compaction keeps every document (it used to delete both copies).
  auto compacted = CompactIndex(db, false);
  ASSERT_TRUE(compacted.ok()) << compacted.status().ToString();
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 5u);
  EXPECT_FALSE(fs::exists(db + ".old"));
  EXPECT_FALSE(fs::exists(db + ".compacting"));
}

TEST(CompactRecoveryTest, TheStateAKilledSwapLeavesIsRestoredOnOpen) {
  // Built by hand, as a kill leaves it: db moved to db.old, a compacted copy in db.compacting.
  TempDir tmp;
  const std::string db = tmp / "db";
  Build(db, 4);
  fs::rename(db, db + ".old");
  fs::copy(db + ".old", db + ".compacting");
  EXPECT_EQ(CountOnOpen(db), 4u);
  EXPECT_TRUE(fs::exists(fs::path(db) / "iamglass"));
  EXPECT_FALSE(fs::exists(db + ".old"));
}

TEST(CompactRecoveryTest, AShardAndAMergedIndexKilledInTheirSwapAreRestored) {
  TempDir tmp;
  const std::string db = tmp / "db";
  Build(db, 12, /*shards=*/3);
  ASSERT_TRUE(CompactKilledInSwap(db, /*merge=*/false));
  EXPECT_EQ(CountOnOpen(db), 12u);
  ASSERT_TRUE(CompactKilledInSwap(db, /*merge=*/true));
  ASSERT_FALSE(fs::exists(db));
  std::vector<std::string> restored;
  ASSERT_TRUE(RecoverInterruptedCompaction(db, &restored).ok());
  EXPECT_EQ(restored, std::vector<std::string>{db});
  EXPECT_EQ(CountOnOpen(db), 12u);
  auto merged = CompactIndex(db, true);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->shards_after, 1u);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 12u);
}

TEST(DamagedIndexTest, TablesWithoutAVersionFileAreRefusedNotWiped) {
  TempDir tmp;
  const std::string db = tmp / "db";
  Build(db, 50);
  fs::remove(fs::path(db) / "iamglass");
  const auto size = fs::file_size(fs::path(db) / "postlist.glass");
  ASSERT_GE(size, 2048u);
  auto writer = IndexWriter::Open(db, A());
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(writer.status().message().find("not a readable index"), std::string::npos) << writer.status().message();
  EXPECT_NE(writer.status().message().find("--rebuild"), std::string::npos) << writer.status().message();
  EXPECT_EQ(fs::file_size(fs::path(db) / "postlist.glass"), size);  // nothing deleted

  // Asked for explicitly, the tables go and a new index starts.
  IndexWriterOptions rebuild;
  rebuild.rebuild = true;
  auto fresh = IndexWriter::Open(db, A(), rebuild);
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  EXPECT_EQ((*fresh)->document_count(), 0u);
}

TEST(DamagedIndexTest, RebuildEmptiesAReadableIndex) {
  TempDir tmp;
  const std::string db = tmp / "db";
  Build(db, 3);
  IndexWriterOptions rebuild;
  rebuild.rebuild = true;
  auto writer = IndexWriter::Open(db, A(), rebuild);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  EXPECT_EQ((*writer)->document_count(), 0u);
}

}  // namespace
}  // namespace vankien
