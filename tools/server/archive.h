// Archive: one thread's read-only view of the index for the server — a Searcher and cached
// statistics. It notices a re-indexed or replaced database (the directory, its version file, a
// shard's version file or the stub listing the shards changed) and reopens; a database that
// does not exist yet is retried at most once a second.
// Thread-safety: not thread-safe; each server thread owns one (Searcher is not thread-safe).
#ifndef VANKIEN_TOOLS_SERVER_ARCHIVE_H_
#define VANKIEN_TOOLS_SERVER_ARCHIVE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/text/analyzer.h"
#include "search/searcher.h"

namespace vankien::server {

class Archive {
 public:
  // `db` is the index directory; nothing is opened until first use. `check_every` is how often
  // the directory is looked at for a new revision (0: on every request).
  explicit Archive(std::string db,
                   std::chrono::milliseconds check_every = std::chrono::milliseconds(200),
                   search::OpenOptions open = {});
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // The searcher for the current database, reopened when the database changed on disk.
  // NotFound / Corrupt when there is no readable index (the server answers 503).
  Result<search::Searcher*> Searcher();

  // Statistics of the open database, computed once per revision (counting terms walks the
  // whole term list). Call after Searcher() succeeded.
  Result<search::IndexStats> Stats();

  // The index directory this archive serves.
  const std::string& dir() const { return db_; }

  // How many times a database has been opened (first open included); for tests.
  int opens() const { return opens_; }

 private:
  struct Fingerprint {
    unsigned long long dir_dev = 0, dir_ino = 0;
    long long dir_mtime_ns = -1;
    // Inode, size and mtime of each version file (one per shard, and the stub).
    std::vector<long long> versions;
    bool operator==(const Fingerprint&) const = default;
  };
  Fingerprint Read() const;

  std::string db_;
  std::chrono::milliseconds check_every_;
  search::OpenOptions open_;
  text::Analyzer analyzer_;
  std::unique_ptr<search::Searcher> searcher_;
  std::optional<search::IndexStats> stats_;
  Fingerprint fingerprint_;
  Status last_error_ = Status::NotFound("not opened yet");
  std::chrono::steady_clock::time_point last_check_{};
  std::chrono::steady_clock::time_point last_failed_open_{};
  bool failed_once_ = false;
  int opens_ = 0;
};

}  // namespace vankien::server

#endif  // VANKIEN_TOOLS_SERVER_ARCHIVE_H_
