// Remote shards over Xapian's remote protocol: an index whose stub lists shards served by
// xapian-tcpsrv answers like the same shards on disk; a shard that is down is an error naming
// it, or, with allow_partial, an answer from the others that names it; a shard that accepts the
// connection but never answers costs the timeout, not a hang.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/shard_layout.h"
#include "search/searcher.h"
#include "tests/support/loading.h"
#include "tests/support/paths.h"
#include "tests/support/searching.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using test_support::TempDir;
using test_support::WithoutSnippets;

const text::Analyzer& A() { return test_support::SharedAnalyzer(); }

constexpr const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";

// A loopback port nobody listens on right now.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// One xapian-tcpsrv serving `db` on a free loopback port; stopped when destroyed.
class ShardServer {
 public:
  explicit ShardServer(const std::string& db) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = FreePort();
      const std::string port = std::to_string(port_);
      pid_ = fork();
      if (pid_ == 0) {
        // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (its
        // forked connection handlers), which would otherwise include this test.
        setpgid(0, 0);
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(kTcpsrv, kTcpsrv, "--interface", "127.0.0.1", "--port", port.c_str(), db.c_str(), nullptr);
        _exit(127);
      }
      for (int i = 0; i < 100 && !Accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!Accepts(port_)) Stop();  // the port was taken meanwhile: try another
    }
  }
  ~ShardServer() { Stop(); }
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

class RemoteShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(kTcpsrv, X_OK) != 0) GTEST_SKIP() << kTcpsrv << " is missing (Debian package xapian-tools)";
    IndexWriterOptions options;
    options.shards = 2;
    options.seed_registry = test_support::CorpusDir() + "/registry.tsv";
    auto writer = IndexWriter::Open(local_, A(), options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    const IndexReport report = IndexPaths(**writer, {test_support::CorpusDir()});
    ASSERT_TRUE(report.write_error.ok()) << report.write_error.ToString();
    ASSERT_GT(report.documents_added, 0u);
  }

  // A stub in its own directory listing `lines`.
  std::string Stub(const std::string& name, const std::vector<std::string>& lines) {
    const std::string dir = tmp_ / name;
    fs::create_directories(dir);
    std::ofstream out(fs::path(dir) / shards::kStubFile);
    for (const auto& l : lines) out << l << "\n";
    return dir;
  }

  TempDir tmp_;
  std::string local_ = tmp_ / "local";
};

std::vector<std::pair<std::string, double>> Hits(search::Searcher& s, const std::string& q) {
  auto r = s.Search(q, WithoutSnippets(50));
  EXPECT_TRUE(r.ok()) << q << ": " << (r.ok() ? "" : r.status().message());
  std::vector<std::pair<std::string, double>> hits;
  if (r.ok()) {
    for (const auto& h : r->hits) hits.emplace_back(h.id, h.score);
  }
  return hits;
}

TEST_F(RemoteShardsTest, RemoteShardsAnswerLikeTheSameShardsOnDisk) {
  ShardServer s0(shards::ShardDir(local_, 0)), s1(shards::ShardDir(local_, 1));
  ASSERT_TRUE(s0.running() && s1.running());
  const std::string remote = Stub("remote", {"remote 127.0.0.1:" + std::to_string(s0.port()),
                                             "remote :" + std::to_string(s1.port())});
  auto local = search::Searcher::Open(local_, A());
  auto far = search::Searcher::Open(remote, A());
  ASSERT_TRUE(local.ok() && far.ok()) << (far.ok() ? "" : far.status().message());
  for (const std::string q : {"xây dựng Đảng", "xay dung dang", "21-KL/TW", "\"văn hóa đọc\"", "loai:NQ nam:2024"}) {
    const auto a = Hits(**local, q), b = Hits(**far, q);
    ASSERT_EQ(a.size(), b.size()) << q;
    ASSERT_FALSE(a.empty()) << q;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].first, b[i].first) << q << " rank " << i + 1;
      EXPECT_NEAR(a[i].second, b[i].second, 1e-9) << q;
    }
  }
  // Facets, sorting newest first, reference look-ups and stored documents work remotely too.
  auto facets = (*far)->Search("đảng", WithoutSnippets(10, true));
  auto local_facets = (*local)->Search("đảng", WithoutSnippets(10, true));
  ASSERT_TRUE(facets.ok() && local_facets.ok()) << (facets.ok() ? "" : facets.status().message());
  ASSERT_EQ(facets->facets.size(), local_facets->facets.size());
  for (std::size_t f = 0; f < facets->facets.size(); ++f) {
    ASSERT_EQ(facets->facets[f].values.size(), local_facets->facets[f].values.size());
    for (std::size_t v = 0; v < facets->facets[f].values.size(); ++v) {
      EXPECT_EQ(facets->facets[f].values[v].count, local_facets->facets[f].values[v].count);
    }
  }
  auto newest = (*far)->Search("đảng", WithoutSnippets(10, false, search::SortOrder::kNewest));
  ASSERT_TRUE(newest.ok()) << newest.status().message();
  for (std::size_t i = 1; i < newest->hits.size(); ++i) {
    if (!newest->hits[i].date.empty()) {
      EXPECT_GE(newest->hits[i - 1].date, newest->hits[i].date);
    }
  }
  auto ref = (*far)->Reference("21-KL/TW");
  auto local_ref = (*local)->Reference("21-KL/TW");
  ASSERT_TRUE(ref.ok() && local_ref.ok()) << (ref.ok() ? "" : ref.status().message());
  EXPECT_EQ(ref->citing_documents, local_ref->citing_documents);
  EXPECT_GT(ref->citing_documents, 0u);
  auto doc = (*far)->Get("official/party-nq-901.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_NE(doc->title.find("901-NQ/TW"), std::string::npos) << doc->title;
}

TEST_F(RemoteShardsTest, AShardThatIsDownIsNamedOrLeftOutWhenPartialAnswersAreAllowed) {
  ShardServer s0(shards::ShardDir(local_, 0)), s1(shards::ShardDir(local_, 1));
  ASSERT_TRUE(s0.running() && s1.running());
  const std::string down = "127.0.0.1:" + std::to_string(s1.port());
  const std::string remote = Stub("remote", {"remote 127.0.0.1:" + std::to_string(s0.port()), "remote " + down});
  auto all = search::Searcher::Open(remote, A());
  ASSERT_TRUE(all.ok());
  auto everything = (*all)->Search("đảng", WithoutSnippets(100));
  ASSERT_TRUE(everything.ok());

  search::OpenOptions partial;
  partial.allow_partial = true;
  auto tolerant = search::Searcher::Open(remote, A(), {}, partial);
  ASSERT_TRUE(tolerant.ok());
  s1.Stop();

  // Opened before the stop: the search fails naming what to do, or (partial) leaves it out.
  auto failed = (*all)->Search("đảng");
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("--partial"), std::string::npos) << failed.status().message();
  auto part = (*tolerant)->Search("đảng", WithoutSnippets(100));
  ASSERT_TRUE(part.ok()) << part.status().message();
  ASSERT_EQ(part->missing_shards.size(), 1u);
  EXPECT_EQ(part->missing_shards[0].rfind(down, 0), 0u) << part->missing_shards[0];
  EXPECT_GT(part->total, 0u);
  EXPECT_LT(part->total, everything->total);

  // Opened after the stop.
  auto refused = search::Searcher::Open(remote, A());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find(down), std::string::npos) << refused.status().message();
  auto reopened = search::Searcher::Open(remote, A(), {}, partial);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  auto again = (*reopened)->Search("đảng", WithoutSnippets(100));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total, part->total);
  EXPECT_EQ(again->missing_shards.size(), 1u);
}

TEST_F(RemoteShardsTest, AShardThatNeverAnswersCostsTheTimeoutNotAHang) {
  // Listens (the kernel completes the connection) but never says a word.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 8), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string silent = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  const std::string remote = Stub("silent", {"auto " + shards::ShardDir(local_, 0), "remote " + silent});
  search::OpenOptions options;
  options.remote_timeout_ms = 300;
  const auto start = std::chrono::steady_clock::now();
  auto opened = search::Searcher::Open(remote, A(), {}, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  close(fd);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find(silent), std::string::npos) << opened.status().message();
  EXPECT_LT(seconds, 10.0) << "waited far beyond the 0.3 s timeout";
}

}  // namespace
}  // namespace vankien
