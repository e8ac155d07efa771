// Reliability: what survives a SIGKILL part-way through `vankien index`, what readers see while
// a writer commits, what a failing disk leaves behind, and the bounds on documents and queries.
// The writer runs as the real `vankien` binary in a child process (fork/exec) wherever a crash
// or a resource limit is involved, and in-process (vankien::IndexWriter) for the readers test.
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cxxabi.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <typeinfo>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "search/searcher.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using test_support::TempDir;

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The type of the exception being handled, demangled ("Xapian::DatabaseModifiedError"); the
// library promises not to throw, so the test names whatever escapes it.
std::string CurrentExceptionType() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  if (type == nullptr) return "unknown exception";
  int status = 0;
  char* name = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
  std::string result = status == 0 && name != nullptr ? name : type->name();
  std::free(name);
  return result;
}

// ---- A corpus where every document can be found by a word no other document has. ----

// "vk" + four letters spelling i in base 26: a token the analyzer keeps whole, in no dictionary.
std::string UniqueWord(int i) {
  std::string s = "vk";
  std::string letters(4, 'a');
  for (int k = 3; k >= 0; --k) {
    letters[k] = static_cast<char>('a' + i % 26);
    i /= 26;
  }
  return s + letters;
}

// Every document also has this word, so one query lists them all.
constexpr const char* kCommonWord = "kiemtra";

struct CorpusDoc {
  std::string name;   // file name, which is also the document id
  std::string title;  // first line of the file
  std::string body;   // the rest
  std::string word;   // its unique word
};

CorpusDoc MakeCorpusDoc(int i) {
  CorpusDoc d;
  char name[32];
  std::snprintf(name, sizeof name, "doc%04d.txt", i);
  d.name = name;
  d.word = UniqueWord(i);
  d.title = "Văn bản lưu trữ " + d.word;
  d.body = "Nội dung " + std::string(kCommonWord) + " về công tác văn thư, lưu trữ hồ sơ; từ khoá " +
           d.word + " chỉ có trong văn bản này.\nDòng cuối của " + d.word + ".\n";
  return d;
}

// Writes `n` documents as .txt files into `dir`; returns them in index order (sorted names).
std::vector<CorpusDoc> WriteCorpus(const fs::path& dir, int n) {
  fs::create_directories(dir);
  std::vector<CorpusDoc> docs;
  docs.reserve(n);
  for (int i = 0; i < n; ++i) {
    docs.push_back(MakeCorpusDoc(i));
    std::ofstream(dir / docs.back().name) << docs.back().title << "\n" << docs.back().body;
  }
  return docs;
}

// ---- Child processes. ----

struct ChildOptions {
  std::optional<std::chrono::milliseconds> kill_after;  // SIGKILL the child then
  std::optional<rlim_t> file_size_limit;                // RLIMIT_FSIZE, SIGXFSZ ignored
  std::optional<rlim_t> address_space_limit;            // RLIMIT_AS: bounds its memory
  std::optional<std::pair<uid_t, gid_t>> run_as;        // drop root to this user before exec
  std::string read_only_bind;  // in a private mount namespace, remount this directory read-only
  std::chrono::seconds timeout{240};                    // safety net against a hung child
};

// Exit codes of a child that could not set itself up (before exec), so tests can tell a
// missing privilege from a result of vankien's.
constexpr int kChildSetupFailed = 125;

struct ChildResult {
  bool exited = false;  // exited normally with exit_code
  int exit_code = -1;
  int signal = 0;  // the signal that ended it, if any
  bool timed_out = false;
  std::string out, err;
  double seconds = 0;
  bool killed() const { return signal == SIGKILL; }
  std::string Describe() const {
    return (exited ? "exit " + std::to_string(exit_code) : "signal " + std::to_string(signal)) +
           (timed_out ? " (timed out)" : "") + "; stderr: " + err;
  }
};

// Runs `vankien args...` (fork/exec), capturing stdout and stderr through pipes.
ChildResult RunVankien(const std::vector<std::string>& args, const ChildOptions& options = {}) {
  ChildResult r;
  const std::string binary = test_support::VankienBinary();
  std::vector<std::string> argv_storage = {binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return r;
  }
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    return r;
  }
  if (pid == 0) {  // child: only async-signal-safe calls until exec
    const int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (options.file_size_limit) {
      signal(SIGXFSZ, SIG_IGN);  // stays ignored across exec: writes past the limit fail with EFBIG
      const struct rlimit limit = {*options.file_size_limit, *options.file_size_limit};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    if (options.address_space_limit) {
      const struct rlimit limit = {*options.address_space_limit, *options.address_space_limit};
      if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(126);
    }
    if (!options.read_only_bind.empty()) {
      // Only this child sees the read-only mount; it goes away with it.
      const char* dir = options.read_only_bind.c_str();
      if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
          mount(dir, dir, nullptr, MS_BIND, nullptr) != 0 ||
          mount(nullptr, dir, nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        _exit(kChildSetupFailed);
      }
    }
    if (options.run_as) {
      if (setgroups(0, nullptr) != 0 || setgid(options.run_as->second) != 0 ||
          setuid(options.run_as->first) != 0) {
        _exit(kChildSetupFailed);
      }
    }
    execv(argv[0], argv.data());
    _exit(options.run_as ? kChildSetupFailed : 127);  // e.g. "nobody" may not reach the binary
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  const auto kill_at = options.kill_after ? start + *options.kill_after : start + options.timeout;
  bool kill_sent = false;
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  while (open_fds > 0) {
    int wait_ms = -1;
    if (!kill_sent) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(kill_at - Clock::now()).count();
      wait_ms = static_cast<int>(std::max<long long>(0, left));
    }
    const int n = poll(fds, 2, wait_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 && !kill_sent) {
      kill(pid, SIGKILL);
      kill_sent = true;
      r.timed_out = !options.kill_after.has_value();
      continue;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buf[4096];
      const ssize_t got = read(fds[k].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[k]->append(buf, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[k].fd);
        fds[k].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.seconds = SecondsSince(start);
  if (WIFEXITED(status)) {
    r.exited = true;
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
  }
  return r;
}

// ---- Checking an index against the corpus it was built from. ----

struct IndexState {
  bool exists = false;
  std::size_t documents = 0;  // in the index
  std::size_t files = 0;      // source files whose state the index recorded
};

// Opens `db` and checks it holds exactly the first N documents of `corpus` (N its document
// count), each once and intact: found by its own word alone, stored with the file's title and
// text; and that the file states it recorded are the first F files, F ∈ {N-1, N}.
//
// A sharded index (`sharded`) commits shard by shard, so what a kill leaves is not a prefix;
// there the check is that no document is lost or doubled: every file the index records has its
// document, intact, and every document present is intact.
IndexState CheckIndex(const std::string& db, const fs::path& root, const std::vector<CorpusDoc>& corpus,
                      bool sharded = false) {
  IndexState state;
  std::error_code ec;
  // A run killed while Xapian was creating the database leaves table files but no version
  // file: nothing was ever committed there (the next run clears them, see IndexWriter). That
  // is no database yet; a database that existed before and loses its version file is caught by
  // the caller's "exists" check.
  if (!fs::exists(fs::path(db) / (sharded ? "XAPIANDB" : "iamglass"), ec)) return state;
  state.exists = true;
  auto searcher = search::Searcher::Open(db, A());
  if (!searcher.ok()) {
    ADD_FAILURE() << "the index does not open: " << searcher.status().message();
    return state;
  }
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) {
    ADD_FAILURE() << "stats: " << stats.status().message();
    return state;
  }
  const std::size_t n = stats->documents;
  state.documents = n;
  EXPECT_LE(n, corpus.size());

  // Every document through the word they all share, page by page.
  std::vector<std::string> ids;
  for (std::size_t offset = 0;; offset += search::SearchOptions::kMaxLimit) {
    search::SearchOptions o;
    o.offset = offset;
    o.limit = search::SearchOptions::kMaxLimit;
    o.snippets = false;
    auto page = (*searcher)->Search(kCommonWord, o);
    if (!page.ok()) {
      ADD_FAILURE() << "listing search: " << page.status().message();
      return state;
    }
    if (offset == 0) {
      EXPECT_EQ(page->total, n);
    }
    for (const auto& h : page->hits) ids.push_back(h.id);
    if (page->hits.size() < o.limit) break;
  }
  const std::set<std::string> distinct(ids.begin(), ids.end());
  EXPECT_EQ(ids.size(), n) << "documents found by the shared word vs the document count";
  EXPECT_EQ(distinct.size(), ids.size()) << "a document is in the index twice";
  std::set<std::string> prefix;
  for (std::size_t i = 0; i < n && i < corpus.size(); ++i) prefix.insert(corpus[i].name);
  if (!sharded) {
    EXPECT_TRUE(distinct == prefix) << "the index does not hold exactly the first " << n
                                    << " files (files are indexed in sorted order and committed in batches)";
  }

  int broken = 0;
  for (std::size_t i = 0; i < corpus.size() && broken < 5; ++i) {
    const CorpusDoc& d = corpus[i];
    if (sharded && !distinct.count(d.name)) continue;  // not committed (any file may be)
    auto found = (*searcher)->Search(d.word);
    if (!found.ok()) {
      ADD_FAILURE() << d.word << ": " << found.status().message();
      ++broken;
      continue;
    }
    if (!sharded && i >= n) {  // not committed: must not be visible (only the first one is worth a search)
      EXPECT_TRUE(found->hits.empty()) << d.name << " is found but the index has only " << n;
      break;
    }
    if (found->total != 1 || found->hits.size() != 1 || found->hits[0].id != d.name) {
      ADD_FAILURE() << d.word << " should find exactly " << d.name << "; total " << found->total
                    << (found->hits.empty() ? std::string() : ", first " + found->hits[0].id);
      ++broken;
      continue;
    }
    auto got = (*searcher)->Get(d.name);
    if (!got.ok() || got->title != d.title || got->text != d.body) {
      ADD_FAILURE() << d.name << " is not intact: "
                    << (got.ok() ? "title \"" + got->title + "\" text \"" + got->text + "\""
                                 : got.status().message());
      ++broken;
    }
  }
  searcher->reset();

  // The file states the index committed (the writer lock is free: the child is gone).
  auto writer = IndexWriter::Open(db, A());
  if (!writer.ok()) {
    ADD_FAILURE() << "cannot open for writing: " << writer.status().message();
    return state;
  }
  std::string prefix_dir = root.string();
  if (prefix_dir.back() != '/') prefix_dir += '/';
  const auto known = (*writer)->KnownFiles(prefix_dir);
  state.files = known.size();
  std::set<std::string> known_paths;
  for (const auto& f : known) known_paths.insert(f.path);
  if (sharded) {
    // Every file the index records has its document: a recorded file is never read again.
    for (const auto& f : known) {
      EXPECT_TRUE(distinct.count(fs::path(f.path).filename().string()))
          << f.path << " is recorded as indexed but its document is missing";
    }
    return state;
  }
  EXPECT_TRUE(state.files == n || state.files + 1 == n)
      << state.files << " file states for " << n << " documents";
  std::set<std::string> expected_paths;
  for (std::size_t i = 0; i < state.files && i < corpus.size(); ++i) {
    expected_paths.insert((root / corpus[i].name).string());
  }
  EXPECT_TRUE(known_paths == expected_paths) << "file states are not the first " << state.files << " files";
  return state;
}

// ---- a. Crash safety: SIGKILL at random moments. ----

TEST(ReliabilityTest, RunsKilledAtRandomMomentsLeaveTheLastCommitIntact) {
  constexpr int kDocs = 3000;
  constexpr int kCommitEvery = 50;
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  const auto corpus = WriteCorpus(in, kDocs);
  const std::string db = tmp / "db";
  auto index_args = [&](const std::string& target) {
    return std::vector<std::string>{"index", "-q", "--commit-every", std::to_string(kCommitEvery),
                                    "--db", target, in.string()};
  };

  // How long an uninterrupted run takes here (build type, sanitizers and load vary a lot): the
  // kill delays are fractions of it, so the runs really are interrupted.
  // The first run is cold (page cache, dynamic loading): time a second one too and take the
  // faster, or on a fast machine the delays outlast the runs.
  const ChildResult full = RunVankien(index_args(tmp / "calibration"));
  ASSERT_TRUE(full.exited && full.exit_code == 0) << full.Describe();
  const ChildResult warm = RunVankien(index_args(tmp / "calibration2"));
  ASSERT_TRUE(warm.exited && warm.exit_code == 0) << warm.Describe();
  const double full_seconds = std::min(full.seconds, warm.seconds);

  IndexState state;  // what the previous check saw
  int kills = 0;
  std::vector<std::string> log;
  for (const unsigned seed : {11u, 23u, 37u, 41u, 59u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    // A fraction of the time the remaining work should take (the startup is part of it too).
    const double remaining = std::max(0.1, double(kDocs - state.documents) / kDocs);
    const double fraction = std::uniform_real_distribution<double>(0.05, 0.6)(rng);
    const auto delay = std::chrono::milliseconds(std::max<long long>(
        1, static_cast<long long>(1000 * fraction * full_seconds * remaining)));
    ChildOptions options;
    options.kill_after = delay;
    const ChildResult r = RunVankien(index_args(db), options);
    if (r.killed()) {
      ++kills;
    } else {
      // Not interrupted: it must have finished properly.
      ASSERT_TRUE(r.exited && r.exit_code == 0) << r.Describe();
    }
    const IndexState now = CheckIndex(db, in, corpus);
    if (HasFailure()) return;
    // The count is a commit boundary of this run: the run starts from the previous commit; the
    // file whose document was committed without its state (`files` = documents - 1) is redone
    // and counts in the first batch; a run that finishes commits everything.
    const std::size_t redo = state.documents - state.files;
    const bool boundary = now.documents == state.documents || now.documents == std::size_t(kDocs) ||
                          (now.documents > state.documents &&
                           (now.documents + redo - state.documents) % kCommitEvery == 0);
    EXPECT_TRUE(boundary) << now.documents << " documents is not a commit boundary after "
                          << state.documents << " (" << state.files << " file states)";
    EXPECT_GE(now.documents, state.documents) << "committed documents were lost";
    EXPECT_TRUE(now.exists || !state.exists);
    log.push_back("seed " + std::to_string(seed) + ": " + (r.killed() ? "killed" : "finished") +
                  " after " + std::to_string(delay.count()) + " ms, " + std::to_string(now.documents) +
                  " documents, " + std::to_string(now.files) + " file states");
    state = now;
    if (now.documents == std::size_t(kDocs)) {
      // Everything is indexed: the next seed starts over, so that it has work to interrupt.
      std::error_code ec;
      fs::remove_all(db, ec);
      state = IndexState{};
    }
  }
  for (const auto& line : log) std::cout << "  " << line << "\n";
  std::cout << "  " << kills << " of 5 runs killed (an uninterrupted run takes " << full_seconds << " s)\n";
  RecordProperty("kills", kills);
  EXPECT_GE(kills, 3) << "too few runs were interrupted; the test proves little";

  const ChildResult last = RunVankien(index_args(db));
  ASSERT_TRUE(last.exited && last.exit_code == 0) << last.Describe();
  const IndexState final_state = CheckIndex(db, in, corpus);
  EXPECT_EQ(final_state.documents, std::size_t(kDocs));
  EXPECT_EQ(final_state.files, std::size_t(kDocs));
}

// ---- a2. The same with two shards: no recorded document lost, none doubled. ----

TEST(ReliabilityTest, ShardedRunsKilledAtRandomMomentsLoseNoRecordedDocument) {
  constexpr int kDocs = 2000;
  constexpr int kCommitEvery = 50;
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  const auto corpus = WriteCorpus(in, kDocs);
  const std::string db = tmp / "db";
  const std::vector<std::string> args = {"index", "-q", "--shards", "2", "--commit-every",
                                         std::to_string(kCommitEvery), "--db", db, in.string()};
  const ChildResult full = RunVankien({"index", "-q", "--shards", "2", "--commit-every",
                                       std::to_string(kCommitEvery), "--db", tmp / "calibration", in.string()});
  ASSERT_TRUE(full.exited && full.exit_code == 0) << full.Describe();
  int kills = 0;
  std::size_t documents = 0;
  for (const unsigned seed : {5u, 17u, 29u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    const double fraction = std::uniform_real_distribution<double>(0.1, 0.5)(rng);
    ChildOptions options;
    options.kill_after = std::chrono::milliseconds(std::max<long long>(1, 1000 * fraction * full.seconds));
    const ChildResult r = RunVankien(args, options);
    if (r.killed()) {
      ++kills;
    } else {
      ASSERT_TRUE(r.exited && r.exit_code == 0) << r.Describe();
    }
    const IndexState now = CheckIndex(db, in, corpus, /*sharded=*/true);
    if (HasFailure()) return;
    EXPECT_GE(now.documents, documents) << "committed documents were lost";
    std::cout << "  seed " << seed << ": " << (r.killed() ? "killed" : "finished") << ", " << now.documents
              << " documents, " << now.files << " file states\n";
    documents = now.documents;
  }
  std::cout << "  " << kills << " of 3 runs killed\n";
  const ChildResult last = RunVankien(args);
  ASSERT_TRUE(last.exited && last.exit_code == 0) << last.Describe();
  const IndexState final_state = CheckIndex(db, in, corpus, /*sharded=*/true);
  EXPECT_EQ(final_state.documents, std::size_t(kDocs));
  EXPECT_EQ(final_state.files, std::size_t(kDocs));
}

// ---- b. Readers while a writer commits. ----

// "revision N, M documents" of the newest commit on disk, read through a handle of its own, so
// that a failure report says what a reader should have seen.
std::string DiskState(const std::string& db) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      Xapian::Database d(db, Xapian::DB_OPEN);
      return "revision " + std::to_string(d.get_revision()) + ", " + std::to_string(d.get_doccount()) +
             " documents";
    } catch (const Xapian::DatabaseModifiedError&) {
      // committed again while we opened: look once more
    } catch (const Xapian::Error& e) {
      return "unreadable: " + e.get_description();
    }
  }
  return "changing too fast to read";
}

// How a failed call reads in the report: the call, the status code and message, and the state
// on disk just after.
std::string Describe(const std::string& call, const Status& status, const std::string& db) {
  return call + " -> " + status.ToString() + " [on disk now: " +
         DiskState(db) + "]";
}

Document ReaderTestDoc(int i) {
  Document d;
  char id[32];
  std::snprintf(id, sizeof id, "r%05d", i);
  d.id = id;
  d.title = "Tiêu đề " + UniqueWord(i);
  d.text = std::string(kCommonWord) + " " + UniqueWord(i) +
           " nội dung về công tác xây dựng Đảng, tổ chức cán bộ, kiểm tra giám sát và văn thư lưu "
           "trữ; đoạn này đủ dài để mỗi lần ghi làm thay đổi nhiều khối của cơ sở dữ liệu " +
           UniqueWord(i) + ".";
  return d;
}

TEST(ReliabilityTest, ReadersGetCompleteDocumentsWhileAWriterCommits) {
  TempDir tmp;
  const std::string db = tmp / "db";
  constexpr int kFirst = 50;
  constexpr auto kWriteFor = std::chrono::seconds(3);
  IndexWriterOptions wo;
  wo.commit_every = 5;
  auto opened = IndexWriter::Open(db, A(), wo);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  std::unique_ptr<IndexWriter> writer = std::move(opened).value();
  for (int i = 0; i < kFirst; ++i) ASSERT_TRUE(writer->Add(ReaderTestDoc(i)).ok());
  ASSERT_TRUE(writer->Commit().ok());

  std::atomic<bool> done{false};
  std::atomic<int> added{kFirst};
  Status write_status;
  std::thread writer_thread([&] {
    const auto start = Clock::now();
    for (int i = kFirst; Clock::now() - start < kWriteFor; ++i) {
      write_status = writer->Add(ReaderTestDoc(i));
      if (!write_status.ok()) break;
      added.store(i + 1);
    }
    if (write_status.ok()) write_status = writer->Commit();
    done.store(true);
  });

  // Errors by kind, each with its count and first message.
  std::mutex mu;
  std::map<std::string, std::pair<std::size_t, std::string>> errors;
  std::atomic<long> searches{0}, hits_checked{0}, gets{0};
  auto report = [&](const std::string& kind, std::string message) {
    std::lock_guard<std::mutex> lock(mu);
    auto& e = errors[kind];
    if (e.first++ == 0) e.second = std::move(message);
  };
  auto reader = [&](unsigned seed) {
    auto s = search::Searcher::Open(db, A());
    if (!s.ok()) {
      report("Searcher::Open failed", Describe("Searcher::Open", s.status(), db));
      return;
    }
    search::Searcher& searcher = **s;
    std::mt19937 rng(seed);
    while (!done.load()) {
      // All documents (the newest revision this reader has), then one by its own word.
      const int j = std::uniform_int_distribution<int>(0, added.load() - 1)(rng);
      for (const std::string& q : {std::string(kCommonWord), UniqueWord(j)}) {
        search::SearchOptions o;
        o.limit = 20;
        std::optional<Result<search::SearchResponse>> result;
        try {
          result.emplace(searcher.Search(q, o));
        } catch (...) {
          report("Search threw", "Search(\"" + q + "\") threw " + CurrentExceptionType());
          continue;
        }
        auto& r = *result;
        ++searches;
        if (!r.ok()) {
          report("Search returned an error", Describe("Search(\"" + q + "\")", r.status(), db));
          continue;
        }
        if (q != kCommonWord && r->hits.size() > 1) report("duplicate", q + " found " + std::to_string(r->hits.size()));
        for (const search::Hit& h : r->hits) {
          ++hits_checked;
          if (h.id.size() != 6 || h.id[0] != 'r') {
            report("bad id", "hit with id \"" + h.id + "\"");
            continue;
          }
          const Document expected = ReaderTestDoc(std::stoi(h.id.substr(1)));
          if (h.title != expected.title || h.snippet.text.empty()) {
            report("incomplete hit", h.id + ": title \"" + h.title + "\"");
          }
          std::optional<Result<Document>> fetched;
          try {
            fetched.emplace(searcher.Get(h.id));
          } catch (...) {
            report("Get threw", "Get(\"" + h.id + "\") threw " + CurrentExceptionType());
            continue;
          }
          auto& got = *fetched;
          ++gets;
          if (!got.ok()) {
            // Whether a reader opened now finds it tells a missing document from a bad handle.
            auto fresh = search::Searcher::Open(db, A());
            const bool found = fresh.ok() && (*fresh)->Get(h.id).ok();
            report("Get returned an error", Describe("Get(\"" + h.id + "\") of a hit of Search(\"" + q + "\")",
                                                     got.status(), db) +
                                                "; a fresh reader " + (found ? "finds" : "does not find") + " it");
          } else if (got->text != expected.text || got->title != expected.title) {
            report("Get returned a different document", h.id);
          }
        }
      }
    }
  };
  std::thread r1(reader, 1u), r2(reader, 2u);
  writer_thread.join();
  r1.join();
  r2.join();
  std::cout << "  writer added " << added.load() << " documents (commit every 5); readers ran " << searches.load()
            << " searches, checked " << hits_checked.load() << " hits, " << gets.load() << " gets, "
            << errors.size() << " kinds of error\n";
  for (const auto& [kind, e] : errors) {
    ADD_FAILURE() << kind << ": " << e.first << " times; first: " << e.second;
  }
  EXPECT_TRUE(write_status.ok()) << write_status.message();
  EXPECT_GT(added.load(), kFirst + 100) << "the writer hardly wrote; the test proves little";
  EXPECT_GT(searches.load(), 50);
  EXPECT_GT(gets.load(), 50);

  // Afterwards a fresh reader sees every document.
  writer.reset();
  auto s = search::Searcher::Open(db, A());
  ASSERT_TRUE(s.ok());
  auto stats = (*s)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, std::size_t(added.load()));
}

// Opening races with commits too: Xapian reads the version file, then each table's root, and a
// writer that commits twice in between has reused that root. Searcher::Open must open the newer
// revision instead of calling the index unreadable. About 1 open in 1000 loses the race when a
// writer commits after every document, so without the retry most runs of this test fail.
TEST(ReliabilityTest, SearchersOpenWhileAWriterCommitsAfterEveryDocument) {
  TempDir tmp;
  const std::string db = tmp / "db";
  IndexWriterOptions wo;
  wo.commit_every = 1;
  auto opened = IndexWriter::Open(db, A(), wo);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  std::unique_ptr<IndexWriter> writer = std::move(opened).value();
  ASSERT_TRUE(writer->Add(ReaderTestDoc(0)).ok());

  std::atomic<bool> done{false};
  std::atomic<int> added{1};
  Status write_status;
  std::thread writer_thread([&] {
    const auto start = Clock::now();
    for (int i = 1; Clock::now() - start < std::chrono::seconds(3); ++i) {
      write_status = writer->Add(ReaderTestDoc(i));
      if (!write_status.ok()) break;
      added.store(i + 1);
    }
    done.store(true);
  });
  long opens = 0, failures = 0;
  std::string first;
  while (!done.load()) {
    auto s = search::Searcher::Open(db, A());
    ++opens;
    if (!s.ok() && failures++ == 0) first = Describe("Searcher::Open", s.status(), db);
  }
  writer_thread.join();
  std::cout << "  " << opens << " opens while the writer committed " << added.load() << " documents one by one\n";
  EXPECT_EQ(failures, 0) << failures << " of " << opens << " opens failed; first: " << first;
  EXPECT_TRUE(write_status.ok()) << write_status.message();
  // Low floors, for slow (sanitizer) builds too.
  EXPECT_GT(added.load(), 100) << "the writer hardly committed; the test proves little";
  EXPECT_GT(opens, 100) << "too few opens; the test proves little";
}

// ---- c. A write that fails (file size limit): clean error, last commit kept, rerun completes. ----

TEST(ReliabilityTest, AFailingDiskStopsTheRunCleanlyAndKeepsTheLastCommit) {
  constexpr int kDocs = 2000;
  constexpr int kCommitEvery = 100;
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  const auto corpus = WriteCorpus(in, kDocs);
  const std::string db = tmp / "db";
  const std::vector<std::string> args = {"index", "-q", "--commit-every", std::to_string(kCommitEvery),
                                         "--db", db, in.string()};
  ChildOptions limited;
  limited.file_size_limit = 256 << 10;  // no index file may grow past 256 KB
  const ChildResult r = RunVankien(args, limited);
  EXPECT_FALSE(r.signal) << "crashed instead of reporting the error: " << r.Describe();
  ASSERT_TRUE(r.exited);
  EXPECT_NE(r.exit_code, 0) << "the file size limit did not stop the run; lower it. " << r.Describe();
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << "the message should say why: " << r.err;
  EXPECT_NE(r.err.find("disk full or file too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(db), std::string::npos) << "the message should name the database: " << r.err;
  EXPECT_NE(r.err.find("run the same command again"), std::string::npos) << "and say what to do: " << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
  std::cout << "  with a 256 KB file size limit: exit " << r.exit_code << ", stderr: " << r.err;

  const IndexState failed = CheckIndex(db, in, corpus);
  std::cout << "  the index kept " << failed.documents << " documents\n";
  if (failed.exists) {
    EXPECT_EQ(failed.documents % kCommitEvery, 0u) << "not the state of a commit";
    EXPECT_LT(failed.documents, std::size_t(kDocs));
  }

  const ChildResult again = RunVankien(args);
  ASSERT_TRUE(again.exited && again.exit_code == 0) << again.Describe();
  const IndexState done = CheckIndex(db, in, corpus);
  EXPECT_EQ(done.documents, std::size_t(kDocs));
  EXPECT_EQ(done.files, std::size_t(kDocs));
}

// ---- c2. A full disk (a small tmpfs): the same, with the real ENOSPC. ----

// Unmounts a file system when the test ends, however it ends.
class MountGuard {
 public:
  explicit MountGuard(std::string dir) : dir_(std::move(dir)) {}
  ~MountGuard() { umount2(dir_.c_str(), MNT_DETACH); }
  MountGuard(const MountGuard&) = delete;
  MountGuard& operator=(const MountGuard&) = delete;

 private:
  std::string dir_;
};

TEST(ReliabilityTest, AFullDiskStopsTheRunCleanlyAndKeepsTheLastCommit) {
  constexpr int kDocs = 2000;
  constexpr int kCommitEvery = 100;
  TempDir tmp;
  const fs::path small = tmp.path() / "small";
  fs::create_directories(small);
  if (mount("tmpfs", small.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=640k,mode=0755") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno)
                 << "; needs root or CAP_SYS_ADMIN): the full disk is covered by the file size "
                    "limit test only";
  }
  MountGuard unmount(small.string());
  const fs::path in = tmp.path() / "in";
  const auto corpus = WriteCorpus(in, kDocs);
  const std::string db = (small / "db").string();
  const std::vector<std::string> args = {"index", "-q", "--commit-every", std::to_string(kCommitEvery),
                                         "--db", db, in.string()};
  const ChildResult r = RunVankien(args);
  EXPECT_FALSE(r.signal) << "crashed instead of reporting the error: " << r.Describe();
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.exit_code, 1) << "a 640 KB disk did not stop the run; make it smaller. " << r.Describe();
  // Xapian's own words ("No space left on device") when it reports the error; when Xapian 1.4
  // aborts inside the commit instead (std::terminate, depending on where the disk fills), the
  // index command's terminate handler says the same without them.
  EXPECT_NE(r.err.find("disk full or file too large"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(db), std::string::npos) << "the message should name the database: " << r.err;
  EXPECT_NE(r.err.find("Free space"), std::string::npos) << "and say what to do: " << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
  std::cout << "  on a 640 KB tmpfs: exit " << r.exit_code << ", stderr: " << r.err;

  const IndexState failed = CheckIndex(db, in, corpus);
  std::cout << "  the index kept " << failed.documents << " documents\n";
  ASSERT_TRUE(failed.exists);
  EXPECT_GT(failed.documents, 0u) << "nothing was committed before the disk filled; the test proves little";
  EXPECT_EQ(failed.documents % kCommitEvery, 0u) << "not the state of a commit";
  EXPECT_LT(failed.documents, std::size_t(kDocs));

  // More room (as after deleting files); the same command finishes the work.
  ASSERT_EQ(mount("tmpfs", small.c_str(), "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV, "size=64m"), 0)
      << std::strerror(errno);
  const ChildResult again = RunVankien(args);
  ASSERT_TRUE(again.exited && again.exit_code == 0) << again.Describe();
  const IndexState done = CheckIndex(db, in, corpus);
  EXPECT_EQ(done.documents, std::size_t(kDocs));
  EXPECT_EQ(done.files, std::size_t(kDocs));
}

// ---- c3. A database that cannot be written: clear error, nothing changed, rerun completes. ----

// Adds (writable) or removes write permission for everyone on `root` and everything below it,
// and lets everyone read and traverse it (the run may be as another user).
void SetWritable(const fs::path& root, bool writable) {
  const auto write = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  const auto read = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
  const auto exec = fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;
  auto apply = [&](const fs::path& p) {
    fs::permissions(p, write, writable ? fs::perm_options::add : fs::perm_options::remove);
    fs::permissions(p, fs::is_directory(p) ? read | exec : read, fs::perm_options::add);
  };
  apply(root);
  for (const auto& e : fs::recursive_directory_iterator(root)) apply(e.path());
}

class UnwritableDatabaseTest : public ::testing::Test {
 protected:
  static constexpr int kCommitted = 200;
  static constexpr int kDocs = 300;

  // An index of the first kCommitted documents, then kDocs - kCommitted new files beside them.
  void SetUp() override {
    in_ = tmp_.path() / "in";
    db_ = tmp_ / "db";
    corpus_ = WriteCorpus(in_, kCommitted);
    const ChildResult first = RunVankien(Args());
    ASSERT_TRUE(first.exited && first.exit_code == 0) << first.Describe();
    for (int i = kCommitted; i < kDocs; ++i) {
      corpus_.push_back(MakeCorpusDoc(i));
      std::ofstream(in_ / corpus_.back().name) << corpus_.back().title << "\n" << corpus_.back().body;
    }
    SetWritable(tmp_.path(), true);  // readable by all (the runs below may be as "nobody")
  }

  std::vector<std::string> Args() const {
    return {"index", "-q", "--commit-every", "50", "--db", db_, in_.string()};
  }

  // The refused run changed nothing; once writable again, the same command completes.
  void ExpectUnchangedAndRerunCompletes() {
    const IndexState kept = CheckIndex(db_, in_, corpus_);
    EXPECT_EQ(kept.documents, std::size_t(kCommitted)) << "the refused run changed the index";
    EXPECT_EQ(kept.files, std::size_t(kCommitted));
    const ChildResult again = RunVankien(Args());
    ASSERT_TRUE(again.exited && again.exit_code == 0) << again.Describe();
    const IndexState done = CheckIndex(db_, in_, corpus_);
    EXPECT_EQ(done.documents, std::size_t(kDocs));
    EXPECT_EQ(done.files, std::size_t(kDocs));
  }

  void ExpectClearRefusal(const ChildResult& r, const std::string& why, const std::string& advice) {
    EXPECT_FALSE(r.signal) << r.Describe();
    EXPECT_TRUE(r.exited && r.exit_code == 1) << r.Describe();
    EXPECT_NE(r.err.find(db_), std::string::npos) << "the message should name the database: " << r.err;
    EXPECT_NE(r.err.find(why), std::string::npos) << "the message should say why: " << r.err;
    EXPECT_NE(r.err.find(advice), std::string::npos) << "the message should say what to do: " << r.err;
    EXPECT_EQ(r.err.find("another process"), std::string::npos) << "not a lock held by a writer: " << r.err;
    EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
    std::cout << "  stderr: " << r.err;
  }

  TempDir tmp_;
  fs::path in_;
  std::string db_;
  std::vector<CorpusDoc> corpus_;
};

TEST_F(UnwritableDatabaseTest, WithoutWritePermissionTheRunIsRefusedByName) {
  SetWritable(db_, false);  // chmod -R a-w
  ChildOptions options;
  if (geteuid() == 0) {
    // Permissions do not bind root: run as an ordinary user, for whom the root-owned index is
    // read-only anyway.
    const struct passwd* nobody = getpwnam("nobody");
    if (nobody == nullptr) GTEST_SKIP() << "running as root and there is no user \"nobody\" to drop to";
    options.run_as = std::make_pair(nobody->pw_uid, nobody->pw_gid);
  }
  const ChildResult r = RunVankien(Args(), options);
  SetWritable(db_, true);
  if (r.exited && r.exit_code == kChildSetupFailed) {
    GTEST_SKIP() << "running as root and cannot run vankien as user \"nobody\" (no CAP_SETUID, or "
                    "the build directory is not readable by other users)";
  }
  ExpectClearRefusal(r, "no permission to write", "chmod -R u+w " + db_);
  ExpectUnchangedAndRerunCompletes();
}

TEST_F(UnwritableDatabaseTest, OnAReadOnlyFileSystemTheRunIsRefusedByName) {
  ChildOptions options;
  options.read_only_bind = db_;  // mount --bind -o ro, seen by the child only
  const ChildResult r = RunVankien(Args(), options);
  if (r.exited && r.exit_code == kChildSetupFailed) {
    GTEST_SKIP() << "cannot make a read-only bind mount here (needs root or CAP_SYS_ADMIN); the "
                    "unwritable database is covered by the permission test";
  }
  ExpectClearRefusal(r, "read-only file system", "Remount it read-write");
  ExpectUnchangedAndRerunCompletes();
}

// ---- d. Bounds on documents and queries. ----

TEST(ReliabilityTest, ADocumentOverMaxMbIsRefusedByName) {
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  fs::create_directories(in);
  std::ofstream(in / "small.txt") << "Văn bản nhỏ\nNội dung vkaaaa của văn bản nhỏ.\n";
  {
    std::ofstream big(in / "huge-document.txt");
    big << "Văn bản lớn\n";
    const std::string line = "Nội dung vkzzzz của văn bản lớn lặp lại nhiều lần.\n";
    for (std::size_t written = 0; written < (3u << 19); written += line.size()) big << line;  // 1.5 MB
  }
  const std::string db = tmp / "db";
  const ChildResult r = RunVankien({"index", "--max-mb", "1", "--db", db, in.string()});
  ASSERT_TRUE(r.exited) << r.Describe();
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_NE(r.err.find("huge-document.txt"), std::string::npos) << "names the file: " << r.err;
  EXPECT_NE(r.err.find("limit"), std::string::npos) << "says why: " << r.err;
  EXPECT_EQ(r.err.find("small.txt"), std::string::npos) << r.err;

  auto s = search::Searcher::Open(db, A());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE((*s)->Get("small.txt").ok());
  EXPECT_EQ((*s)->Get("huge-document.txt").status().code(), Status::Code::kNotFound);
  auto found = (*s)->Search("vkzzzz");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->total, 0u);
}

// A PDF of `pages` tiny pages, page i showing "trang <UniqueWord(i)>", written byte by byte:
// catalog, a two-level page tree (100 kids per node), one font, and a content stream per page,
// with a correct cross-reference table.
std::string TinyPagesPdf(int pages) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;  // offsets[n - 1] is object n's
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    return int(offsets.size());
  };
  constexpr int kFanout = 100;
  const int nodes = (pages + kFanout - 1) / kFanout;
  // Object numbers: 1 catalog, 2 root, 3 font, 4.. intermediate nodes, then page/content pairs.
  const int first_node = 4, first_page = first_node + nodes;
  auto page_object = [&](int i) { return first_page + 2 * i; };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int n = 0; n < nodes; ++n) kids += std::to_string(first_node + n) + " 0 R ";
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int n = 0; n < nodes; ++n) {
    std::string node_kids;
    const int end = std::min(pages, (n + 1) * kFanout);
    for (int i = n * kFanout; i < end; ++i) node_kids += std::to_string(page_object(i)) + " 0 R ";
    object("<< /Type /Pages /Parent 2 0 R /Kids [" + node_kids + "] /Count " +
           std::to_string(end - n * kFanout) + " >>");
  }
  for (int i = 0; i < pages; ++i) {
    object("<< /Type /Page /Parent " + std::to_string(first_node + i / kFanout) +
           " 0 R /MediaBox [0 0 200 50] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
           std::to_string(page_object(i) + 1) + " 0 R >>");
    const std::string content = "BT /F1 10 Tf 10 20 Td (trang " + UniqueWord(i) + ") Tj ET";
    object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Whether this binary (and so the vankien beside it) runs under AddressSanitizer, whose shadow
// memory does not fit under an address space limit.
constexpr bool kUnderAsan =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

TEST(ReliabilityTest, APdfOfTenThousandPagesIsIndexedUpToMaxPdfPagesInBoundedMemory) {
  constexpr int kPages = 10000;
  constexpr int kMaxPages = 1000;
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  fs::create_directories(in);
  std::ofstream(in / "pages.pdf", std::ios::binary) << TinyPagesPdf(kPages);
  std::ofstream(in / "small.txt") << "Văn bản nhỏ\nNội dung vksmal của văn bản nhỏ.\n";
  const std::string db = tmp / "db";
  ChildOptions options;
  options.timeout = std::chrono::seconds(120);  // a generous net; the run takes seconds
  if (!kUnderAsan) options.address_space_limit = rlim_t{2} << 30;  // 2 GiB
  const ChildResult r = RunVankien(
      {"index", "--json", "--max-pdf-pages", std::to_string(kMaxPages), "--db", db, in.string()}, options);
  ASSERT_FALSE(r.timed_out) << r.Describe();
  ASSERT_TRUE(r.exited) << r.Describe();
  EXPECT_EQ(r.exit_code, 0) << "a long PDF is indexed in part, not an error: " << r.Describe();
  std::cout << "  " << kPages << "-page PDF, --max-pdf-pages " << kMaxPages << ": " << r.seconds << " s"
            << (kUnderAsan ? "" : " under a 2 GiB address space limit") << "\n";
  const auto summary = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << r.out;
  EXPECT_EQ(summary["documents"], 2);
  ASSERT_EQ(summary["pdf_truncated"].size(), 1u) << r.out;
  EXPECT_EQ(summary["pdf_truncated"][0], (in / "pages.pdf").string());

  auto s = search::Searcher::Open(db, A());
  ASSERT_TRUE(s.ok()) << s.status().message();
  for (const int page : {0, kMaxPages / 2, kMaxPages - 1}) {  // indexed pages are found
    auto found = (*s)->Search(UniqueWord(page));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->total, 1u) << "page " << page + 1 << " (" << UniqueWord(page) << ")";
  }
  for (const int page : {kMaxPages, kPages - 1}) {  // pages past the limit are not
    auto found = (*s)->Search(UniqueWord(page));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->total, 0u) << "page " << page + 1 << " is past --max-pdf-pages";
  }
  auto doc = (*s)->Get("pages.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_NE(std::find(doc->flags.begin(), doc->flags.end(), "pdf-truncated"), doc->flags.end());

  // Without --json the cut is said on stderr, even with -q, with the limit and what to do.
  const ChildResult text_run = RunVankien(
      {"index", "-q", "--max-pdf-pages", std::to_string(kMaxPages), "--db", tmp / "db2", in.string()}, options);
  ASSERT_TRUE(text_run.exited && text_run.exit_code == 0) << text_run.Describe();
  EXPECT_NE(text_run.err.find("pages.pdf"), std::string::npos) << text_run.err;
  EXPECT_NE(text_run.err.find("only the first 1000 pages"), std::string::npos) << text_run.err;
  EXPECT_NE(text_run.err.find("raise --max-pdf-pages"), std::string::npos) << text_run.err;
}

class QueryBoundsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = tmp_ / "db";
    auto w = IndexWriter::Open(db_, A());
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 20; ++i) ASSERT_TRUE((*w)->Add(ReaderTestDoc(i)).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  // A query of `n` words: real ones first (so the kept words match), then distinct made-up ones.
  static std::string ManyWords(int n) {
    std::string q = "xây dựng Đảng kiemtra";
    for (int i = 4; i < n; ++i) q += " " + UniqueWord(i * 7);
    return q;
  }
  TempDir tmp_;
  std::string db_;
};

TEST_F(QueryBoundsTest, TenThousandWordsAreCutToTheWordLimit) {
  const std::string query = ManyWords(10000);
  {  // By default a query that long is refused outright, with a message.
    auto s = search::Searcher::Open(db_, A());
    ASSERT_TRUE(s.ok());
    auto r = (*s)->Search(query);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(r.status().message().find("limit"), std::string::npos) << r.status().message();
  }
  // With the byte limit lifted, the words beyond max_words are dropped and counted.
  search::QueryOptions qo;
  qo.max_query_bytes = 1 << 20;
  auto s = search::Searcher::Open(db_, A(), qo);
  ASSERT_TRUE(s.ok());
  const auto start = Clock::now();
  auto r = (*s)->Search(query);
  const double seconds = SecondsSince(start);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->dropped_words, std::size_t(10000) - qo.max_words);
  EXPECT_EQ(r->total, 20u);
  EXPECT_LT(seconds, 5.0);
  // The same words as one quoted phrase: also cut, and no phrase of 10,000 positions is run.
  const auto phrase_start = Clock::now();
  auto p = (*s)->Search("\"" + query + "\"");
  EXPECT_LT(SecondsSince(phrase_start), 5.0);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->dropped_words, std::size_t(10000) - qo.max_words);
  std::cout << "  10,000-word query: " << seconds * 1000 << " ms\n";
}

TEST_F(QueryBoundsTest, TheSearchCommandRefusesTenThousandWordsAndCutsFiveHundred) {
  // 10,000 words as 10,000 arguments: over the byte limit, refused with a message, exit 2.
  std::vector<std::string> args = {"search", "--db", db_};
  std::istringstream words(ManyWords(10000));
  for (std::string w; words >> w;) args.push_back(w);
  ASSERT_EQ(args.size(), 3u + 10000u);
  const ChildResult refused = RunVankien(args);
  ASSERT_TRUE(refused.exited) << refused.Describe();
  EXPECT_EQ(refused.exit_code, 2) << refused.Describe();
  EXPECT_NE(refused.err.find("limit"), std::string::npos) << refused.err;
  // 500 words fit in the byte limit: answered, and the words past max_words reported.
  const ChildResult cut = RunVankien({"search", "--db", db_, ManyWords(500)});
  ASSERT_TRUE(cut.exited && cut.exit_code == 0) << cut.Describe();
  EXPECT_NE(cut.out.find("20 documents match"), std::string::npos) << cut.out.substr(0, 300);
  const std::size_t dropped = 500 - search::QueryOptions().max_words;
  EXPECT_NE(cut.err.find(std::to_string(dropped) + " words beyond the limit were ignored"), std::string::npos)
      << cut.err;
}

TEST_F(QueryBoundsTest, TenThousandCharactersOfPunctuationAreRefused) {
  const std::string marks[] = {"!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/",
                               ":", ";", "<", "=", ">", "?", "@", "[", "\\", "]", "^", "_", "`", "{",
                               "|", "}", "~", "…", "–", "—", "“", "”", "«", "»", "·"};
  std::string query;
  for (int i = 0; i < 10000; ++i) query += marks[(i * 7) % std::size(marks)];
  search::QueryOptions qo;
  qo.max_query_bytes = 1 << 20;
  for (const bool lifted : {false, true}) {
    SCOPED_TRACE(lifted ? "byte limit lifted" : "default options");
    auto s = lifted ? search::Searcher::Open(db_, A(), qo) : search::Searcher::Open(db_, A());
    ASSERT_TRUE(s.ok());
    auto r = (*s)->Search(query);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_FALSE(r.status().message().empty());
    if (lifted) {
      EXPECT_NE(r.status().message().find("no word"), std::string::npos) << r.status().message();
    }
  }
}

}  // namespace
}  // namespace vankien
