// Tests for IndexPaths (indexer/index_run.h), one incremental indexing run, on a fresh
// on-disk index per test: the file counts across runs, stale and gone documents, problems,
// progress, a write error that stops the load; and the Status codes IndexWriter gives when the
// disk is full, the database unwritable or locked by another writer.
#include "indexer/index_run.h"

#include <gtest/gtest.h>
#include <pwd.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;
using Code = Status::Code;

const text::Analyzer& A() {
  static const text::Analyzer analyzer;  // built once: ICU objects are slow to build
  return analyzer;
}

void WriteFile(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

// Moves the file's modification time, so that a run sees a change even within one second.
void Touch(const fs::path& p, int seconds) {
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(seconds));
}

class IndexRunTest : public ::testing::Test {
 protected:
  // One run with a writer of its own, as `vankien index` does.
  IndexReport Index(const std::vector<std::string>& paths, const IndexRunOptions& options = {}) {
    auto writer = IndexWriter::Open(db_, A());
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    if (!writer.ok()) return {};
    return IndexPaths(**writer, paths, options);
  }

  std::size_t DocumentsOf(const std::string& path) {
    auto writer = IndexWriter::Open(db_, A());
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    if (!writer.ok()) return 0;
    const auto state = (*writer)->GetFileState(fs::absolute(path).lexically_normal().string());
    return state ? state->documents : 0;
  }

  TempDir tmp_;
  const fs::path in_ = tmp_.path() / "in";
  const std::string db_ = tmp_ / "db";
};

TEST_F(IndexRunTest, CountsNewUnchangedUpdatedAndRemovedFilesAcrossRuns) {
  WriteFile(in_ / "a.txt", "Tiêu đề A\nVăn bản thứ nhất.");
  WriteFile(in_ / "sub/b.txt", "Tiêu đề B\nVăn bản thứ hai.");
  WriteFile(in_ / "c.jsonl", "{\"id\":\"c1\",\"text\":\"một\"}\n{\"id\":\"c2\",\"text\":\"hai\"}\n");

  const IndexReport first = Index({in_.string()});
  ASSERT_TRUE(first.write_error.ok()) << first.write_error.ToString();
  EXPECT_EQ(first.files_new, 3u);
  EXPECT_EQ(first.files_unchanged, 0u);
  EXPECT_EQ(first.documents_added, 4u);
  EXPECT_EQ(first.documents_in_index, 4u);
  EXPECT_TRUE(first.problems.empty()) << first.problems.front().message;
  EXPECT_EQ(first.encodings.at("utf-8"), 2u);

  const IndexReport second = Index({in_.string()});
  EXPECT_EQ(second.files_new, 0u);
  EXPECT_EQ(second.files_unchanged, 3u);
  EXPECT_EQ(second.documents_added, 0u);
  EXPECT_EQ(second.documents_in_index, 4u);

  // Touched but not changed: the hash says so, nothing is read again.
  Touch(in_ / "a.txt", 10);
  const IndexReport touched = Index({in_.string()});
  EXPECT_EQ(touched.files_unchanged, 3u);
  EXPECT_EQ(touched.documents_added, 0u);

  WriteFile(in_ / "sub/b.txt", "Tiêu đề B\nVăn bản thứ hai, sửa lại.");
  Touch(in_ / "sub/b.txt", 20);
  fs::remove(in_ / "a.txt");
  const IndexReport third = Index({in_.string()});
  ASSERT_TRUE(third.write_error.ok()) << third.write_error.ToString();
  EXPECT_EQ(third.files_updated, 1u);
  EXPECT_EQ(third.files_removed, 1u);
  EXPECT_EQ(third.files_unchanged, 1u);
  EXPECT_EQ(third.documents_added, 1u);      // b.txt again, replacing itself
  EXPECT_EQ(third.documents_removed, 1u);    // a.txt's
  EXPECT_EQ(third.documents_in_index, 3u);
}

// Issue 21: ids are paths relative to the folder given, so two folders holding the same
// relative path, or two same-named files given, would make one document of two (the second
// silently replacing the first). The second is refused by name and the counts hold.
TEST_F(IndexRunTest, TwoFoldersWithTheSameRelativePathAreNotMergedIntoOneDocument) {
  WriteFile(in_ / "2023/nghi-quyet/bao-cao.txt", "Báo cáo 2023\nNăm hai nghìn không trăm hai mươi ba.");
  WriteFile(in_ / "2024/nghi-quyet/bao-cao.txt", "Báo cáo 2024\nNăm hai nghìn không trăm hai mươi tư.");
  const IndexReport r = Index({(in_ / "2023").string(), (in_ / "2024").string()});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.documents_added, r.documents_in_index);
  EXPECT_EQ(r.documents_in_index, 1u);
  EXPECT_EQ(r.files_new, 1u);
  EXPECT_EQ(r.files_failed, 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, fs::canonical(in_ / "2024/nghi-quyet/bao-cao.txt").string());
  EXPECT_NE(r.problems[0].message.find("nghi-quyet/bao-cao.txt"), std::string::npos) << r.problems[0].message;
  EXPECT_NE(r.problems[0].message.find("common parent"), std::string::npos) << r.problems[0].message;

  // A later run given the other folder alone is refused too: the index remembers the holder.
  const IndexReport later = Index({(in_ / "2024").string()});
  EXPECT_EQ(later.files_failed, 1u);
  EXPECT_EQ(later.documents_added, 0u);
  EXPECT_EQ(later.documents_in_index, 1u);

  // Given their common parent, both are documents of their own.
  TempDir other;
  auto writer = IndexWriter::Open((other.path() / "db").string(), A());
  ASSERT_TRUE(writer.ok());
  const IndexReport parent = IndexPaths(**writer, {in_.string()});
  EXPECT_EQ(parent.files_failed, 0u);
  EXPECT_EQ(parent.documents_in_index, 2u);
}

TEST_F(IndexRunTest, TwoSameNamedFilesGivenAreNotMergedAndALinkIsIndexedOnce) {
  WriteFile(in_ / "a/bao-cao.txt", "Báo cáo A\nMột.");
  WriteFile(in_ / "b/bao-cao.txt", "Báo cáo B\nHai.");
  WriteFile(in_ / "c/goc.txt", "Gốc\nBa.");
  fs::create_symlink(in_ / "c/goc.txt", in_ / "c/lien-ket.txt");
  const IndexReport r = Index({(in_ / "a/bao-cao.txt").string(), (in_ / "b/bao-cao.txt").string(),
                               (in_ / "c").string()});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.files_failed, 1u);  // b/bao-cao.txt: its id is a/bao-cao.txt's
  EXPECT_EQ(r.files_new, 2u);     // a/bao-cao.txt and c/goc.txt, the link being the same file
  EXPECT_EQ(r.documents_added, 2u);
  EXPECT_EQ(r.documents_in_index, 2u);
}

// A JSONL record may not take the id of another file's document in the same run; a record
// repeating an id within its own file replaces it and is counted once.
TEST_F(IndexRunTest, DocumentsAddedCountsEachIdOnce) {
  WriteFile(in_ / "a.jsonl", "{\"id\":\"x\",\"text\":\"một\"}\n{\"id\":\"x\",\"text\":\"hai\"}\n");
  WriteFile(in_ / "b.jsonl", "{\"id\":\"x\",\"text\":\"ba\"}\n{\"id\":\"y\",\"text\":\"bốn\"}\n");
  const IndexReport r = Index({in_.string()});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.documents_added, 2u);
  EXPECT_EQ(r.documents_in_index, 2u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("\"x\""), std::string::npos) << r.problems[0].message;
}

// Issue 21: mtime was compared in whole seconds, so a same-size rewrite within the second of
// the previous version stayed "unchanged" forever. The rewrite keeps the old modification time
// to the nanosecond here (as a coarse file system would): the change time and the racy check
// still catch it.
TEST_F(IndexRunTest, ASameSizeRewriteWithinTheSameSecondIsIndexedAgain) {
  const fs::path f = in_ / "a.txt";
  WriteFile(f, "Tiêu đề\nchữ cũ");
  const auto when = fs::last_write_time(f);
  ASSERT_EQ(Index({in_.string()}).files_new, 1u);
  WriteFile(f, "Tiêu đề\nchữ mũ");  // same byte length
  ASSERT_EQ(fs::file_size(f), std::string("Tiêu đề\nchữ cũ").size());
  fs::last_write_time(f, when);
  const IndexReport r = Index({in_.string()});
  EXPECT_EQ(r.files_updated, 1u);
  EXPECT_EQ(r.documents_added, 1u);
  EXPECT_EQ(r.files_unchanged, 0u);
}

TEST_F(IndexRunTest, AChangedJsonlFileLosesTheRecordsItNoLongerHas) {
  const fs::path file = in_ / "news.jsonl";
  WriteFile(file, "{\"id\":\"x\",\"text\":\"một\"}\n{\"id\":\"y\",\"text\":\"hai\"}\n{\"id\":\"z\",\"text\":\"ba\"}\n");
  ASSERT_EQ(Index({file.string()}).documents_in_index, 3u);

  WriteFile(file, "{\"id\":\"x\",\"text\":\"một\"}\n{\"id\":\"z\",\"text\":\"ba, sửa\"}\n");
  Touch(file, 10);
  const IndexReport r = Index({file.string()});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.files_updated, 1u);
  EXPECT_EQ(r.documents_added, 2u);
  EXPECT_EQ(r.documents_removed, 1u);  // y
  EXPECT_EQ(r.documents_in_index, 2u);
  EXPECT_EQ(DocumentsOf(file.string()), 2u);
}

TEST_F(IndexRunTest, AGoneFilesDocumentsAreRemovedOnlyUnderTheRootsGiven) {
  WriteFile(in_ / "keep/a.jsonl", "{\"id\":\"a1\",\"text\":\"một\"}\n{\"id\":\"a2\",\"text\":\"hai\"}\n");
  WriteFile(in_ / "other/b.txt", "B\nbốn");
  ASSERT_EQ(Index({(in_ / "keep").string(), (in_ / "other").string()}).documents_in_index, 3u);

  fs::remove(in_ / "keep/a.jsonl");
  fs::remove(in_ / "other/b.txt");
  // Only "keep" is indexed now: b.txt is gone too, but outside the paths of this run.
  const IndexReport r = Index({(in_ / "keep").string()});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.files_removed, 1u);
  EXPECT_EQ(r.documents_removed, 2u);
  EXPECT_EQ(r.documents_in_index, 1u);
}

TEST_F(IndexRunTest, ABadFileIsReportedAndTheRestIndexed) {
  WriteFile(in_ / "good.txt", "Tốt\nvăn bản tốt");
  WriteFile(in_ / "binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02\x03 not text", 18));
  WriteFile(in_ / "mixed.jsonl", "{\"id\":\"m1\",\"text\":\"một\"}\n{broken\n{\"id\":\"m3\",\"text\":\"ba\"}\n");
  WriteFile(in_ / "notes.xyz", "unknown type");
  const std::string missing = (tmp_.path() / "no-such-folder").string();

  const IndexReport r = Index({in_.string(), missing});
  ASSERT_TRUE(r.write_error.ok()) << r.write_error.ToString();
  EXPECT_EQ(r.files_new, 2u);     // good.txt, mixed.jsonl
  EXPECT_EQ(r.files_failed, 1u);  // binary.txt
  EXPECT_EQ(r.files_skipped, 1u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(fs::path(r.skipped[0]).filename(), "notes.xyz");
  EXPECT_EQ(r.documents_added, 3u);
  EXPECT_EQ(r.documents_in_index, 3u);

  ASSERT_EQ(r.problems.size(), 3u);
  auto has = [&](const std::string& name, std::size_t line) {
    for (const LoadProblem& p : r.problems) {
      if (fs::path(p.path).filename() == name && p.line == line && !p.message.empty()) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("no-such-folder", 0));
  EXPECT_TRUE(has("binary.txt", 0));
  EXPECT_TRUE(has("mixed.jsonl", 2));

  // A failed file is not recorded, so the next run tries it again.
  const IndexReport again = Index({in_.string()});
  EXPECT_EQ(again.files_failed, 1u);
  EXPECT_EQ(again.files_unchanged, 2u);
}

TEST_F(IndexRunTest, TheProgressCallbackSeesEveryDocument) {
  std::string records;
  for (int i = 0; i < 25; ++i) records += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"chữ\"}\n";
  WriteFile(in_ / "a.jsonl", records);
  WriteFile(in_ / "b.txt", "B\nbốn");
  std::vector<IndexProgress> seen;
  IndexRunOptions options;
  options.progress = [&](const IndexProgress& p) { seen.push_back(p); };
  const IndexReport r = Index({in_.string()}, options);
  ASSERT_EQ(seen.size(), 26u);
  EXPECT_EQ(seen.front().file, 0u);
  EXPECT_EQ(seen.front().documents, 1u);
  EXPECT_EQ(seen.back().file, 1u);  // b.txt, after a.jsonl
  EXPECT_EQ(seen.back().files, 2u);
  EXPECT_EQ(seen.back().documents, r.documents_added);
  EXPECT_EQ(seen.back().text_bytes, r.bytes_read);
  EXPECT_GT(seen.back().file_bytes_done, 0u);  // a.jsonl's size
  EXPECT_EQ(seen.back().file_bytes_total, fs::file_size(in_ / "a.jsonl") + fs::file_size(in_ / "b.txt"));
}

// ---- Write errors, in a child process (a file size limit, a mount, another user) ----

// Runs `body` in a forked child and returns its exit code, or -1 when it was killed by a signal
// or called std::terminate (Xapian 1.4 can, inside a commit on a full disk).
int InChild(const std::function<int()>& body) {
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    std::set_terminate([] { _exit(99); });
    _exit(body());
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status) == 99 ? -1 : WEXITSTATUS(status);
}

// Exit codes a child reports its outcome with.
constexpr int kAsExpected = 0;
constexpr int kSetupFailed = 77;

TEST_F(IndexRunTest, AWriteErrorStopsTheLoadAndIsReportedWithItsCode) {
  // Many records, each with a long text so that Xapian flushes early; bad JSON after them: a
  // load that went on after the write error would report those lines as problems.
  std::string records;
  const std::string text(400, 'a');
  for (int i = 0; i < 3000; ++i) {
    records += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + text + " chữ " + std::to_string(i) + "\"}\n";
  }
  for (int i = 0; i < 5; ++i) records += "{not json\n";
  WriteFile(in_ / "big.jsonl", records);

  const int outcome = InChild([&] {
    signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead of killing us
    IndexWriterOptions options;
    options.commit_every = 50;
    auto writer = IndexWriter::Open(db_, A(), options);
    if (!writer.ok()) return kSetupFailed;
    const struct rlimit limit = {128 << 10, 128 << 10};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return kSetupFailed;
    const IndexReport r = IndexPaths(**writer, {in_.string()});
    if (r.write_error.code() != Code::kResourceExhausted) return 1;
    if (r.write_error.message().find(db_) == std::string::npos) return 2;
    if (r.write_error.message().find("run the same command again") == std::string::npos) return 3;
    if (!r.problems.empty()) return 4;  // the bad lines were reached
    if (r.documents_added == 0 || r.documents_added >= 3000) return 5;
    if (r.files_new != 0) return 6;     // the file was not completed
    return kAsExpected;
  });
  if (outcome == -1) GTEST_SKIP() << "Xapian ended the child inside a commit (std::terminate)";
  ASSERT_NE(outcome, kSetupFailed);
  EXPECT_EQ(outcome, kAsExpected) << "1 wrong code, 2 no db, 3 no advice, 4 load went on, 5 counts, 6 file done";

  // The index kept its last commit, and the same run completes it.
  const IndexReport done = Index({in_.string()});
  EXPECT_EQ(done.write_error.code(), Code::kOk) << done.write_error.ToString();
  EXPECT_EQ(done.documents_in_index, 3000u);
  EXPECT_EQ(done.problems.size(), 5u);
}

TEST_F(IndexRunTest, ASecondWriterIsRefusedWithFailedPrecondition) {
  auto first = IndexWriter::Open(db_, A());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = IndexWriter::Open(db_, A());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kFailedPrecondition) << second.status().ToString();
  EXPECT_NE(second.status().message().find(db_), std::string::npos) << second.status().message();
  EXPECT_NE(second.status().message().find("another process"), std::string::npos) << second.status().message();
}

TEST_F(IndexRunTest, AnUnwritableDatabaseIsRefusedWithPermissionDenied) {
  { ASSERT_TRUE(IndexWriter::Open(db_, A()).ok()); }
  fs::permissions(db_, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  const int outcome = InChild([&] {
    if (geteuid() == 0) {  // permissions do not bind root: be "nobody"
      const struct passwd* nobody = getpwnam("nobody");
      if (nobody == nullptr || setgroups(0, nullptr) != 0 || setgid(nobody->pw_gid) != 0 ||
          setuid(nobody->pw_uid) != 0) {
        return kSetupFailed;
      }
    }
    auto writer = IndexWriter::Open(db_, A());
    if (writer.ok()) return 1;
    if (writer.status().code() != Code::kPermissionDenied) return 2;
    if (writer.status().message().find("chmod -R u+w " + db_) == std::string::npos) return 3;
    return kAsExpected;
  });
  fs::permissions(db_, fs::perms::owner_write, fs::perm_options::add);
  if (outcome == kSetupFailed) GTEST_SKIP() << "running as root and cannot become user \"nobody\"";
  EXPECT_EQ(outcome, kAsExpected) << "1 opened, 2 wrong code, 3 no advice";
}

TEST_F(IndexRunTest, AReadOnlyFileSystemIsRefusedWithPermissionDenied) {
  { ASSERT_TRUE(IndexWriter::Open(db_, A()).ok()); }
  const int outcome = InChild([&] {
    const char* dir = db_.c_str();
    if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        mount(dir, dir, nullptr, MS_BIND, nullptr) != 0 ||
        mount(nullptr, dir, nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
      return kSetupFailed;
    }
    auto writer = IndexWriter::Open(db_, A());
    if (writer.ok()) return 1;
    if (writer.status().code() != Code::kPermissionDenied) return 2;
    if (writer.status().message().find("Remount it read-write") == std::string::npos) return 3;
    return kAsExpected;
  });
  if (outcome == kSetupFailed) GTEST_SKIP() << "cannot make a read-only bind mount here (needs CAP_SYS_ADMIN)";
  EXPECT_EQ(outcome, kAsExpected) << "1 opened, 2 wrong code, 3 no advice";
}

}  // namespace
}  // namespace vankien
