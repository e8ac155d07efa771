#include "tools/server/archive.h"

#include <sys/stat.h>

#include <utility>

#include "indexer/shard_layout.h"

namespace vankien::server {
namespace {

long long MtimeNs(const struct stat& st) {
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

}  // namespace

Archive::Archive(std::string db, std::chrono::milliseconds check_every, search::OpenOptions open)
    : db_(std::move(db)), check_every_(check_every), open_(open) {}

Archive::~Archive() = default;

// Xapian rewrites the version file (glass: "iamglass") by rename at every commit, so its inode
// and mtime change with each revision; replacing the whole directory changes the directory's
// inode. A few stat calls (one per shard) are far cheaper than asking Xapian, and catch both.
Archive::Fingerprint Archive::Read() const {
  Fingerprint f;
  struct stat st;
  if (::stat(db_.c_str(), &st) == 0) {
    f.dir_dev = st.st_dev;
    f.dir_ino = st.st_ino;
    f.dir_mtime_ns = MtimeNs(st);
  }
  auto layout = shards::Read(db_);
  if (!layout.ok()) return f;
  for (const std::string& file : layout->version_files) {
    if (::stat(file.c_str(), &st) != 0) {
      f.versions.insert(f.versions.end(), {-1, -1, -1});
      continue;
    }
    f.versions.insert(f.versions.end(), {static_cast<long long>(st.st_ino),
                                         static_cast<long long>(st.st_size), MtimeNs(st)});
  }
  return f;
}

Result<search::Searcher*> Archive::Searcher() {
  const auto now = std::chrono::steady_clock::now();
  if (searcher_ != nullptr && now - last_check_ < check_every_) return searcher_.get();
  last_check_ = now;
  const Fingerprint current = Read();
  if (searcher_ != nullptr && current == fingerprint_) return searcher_.get();
  // A missing index is looked for again at most once a second, so a client polling a server
  // without an index does not make every request try to open one.
  if (searcher_ == nullptr && failed_once_ && now - last_failed_open_ < std::chrono::seconds(1)) {
    return last_error_;
  }
  auto opened = search::Searcher::Open(db_, analyzer_, {}, open_);
  if (!opened.ok()) {
    // A database being replaced can be briefly unreadable: keep answering from the revision
    // already open (its files stay readable while we hold them) and try again next time.
    if (searcher_ != nullptr) return searcher_.get();
    failed_once_ = true;
    last_failed_open_ = now;
    last_error_ = opened.status();
    return last_error_;
  }
  searcher_ = std::move(opened).value();
  fingerprint_ = current;
  stats_.reset();
  failed_once_ = false;
  ++opens_;
  return searcher_.get();
}

Result<search::IndexStats> Archive::Stats() {
  if (searcher_ == nullptr) return last_error_;
  if (!stats_) {
    auto stats = searcher_->Stats();
    if (!stats.ok()) return stats.status();
    stats_ = std::move(stats).value();
  }
  return *stats_;
}

}  // namespace vankien::server
