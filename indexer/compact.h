// Compaction of an index after a full build: Xapian's compactor rewrites each database with
// full blocks and no free space (smaller, and faster to search). Each shard is compacted into a
// new directory beside it, which then replaces it by rename, so readers see either the old or the
// new database. With `merge`, the shards of a sharded index become one database.
// Thread-safety: holds each shard's write lock while it works, so no indexer runs meanwhile.
#ifndef VANKIEN_INDEXER_COMPACT_H_
#define VANKIEN_INDEXER_COMPACT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/base/status.h"

namespace vankien {

struct CompactReport {
  std::size_t shards_before = 0, shards_after = 0;
  std::uint64_t bytes_before = 0, bytes_after = 0;
};

// Compacts the index in `dir` (one database or local shards). Fails naming the shard, and
// leaves it as it was, when it cannot (another process is writing, disk full, remote shards).
// Starts with RecoverInterruptedCompaction(dir).
Result<CompactReport> CompactIndex(const std::string& dir, bool merge);

// Finishes what a compaction killed during its swap left: the database (or a shard) moved to
// `<name>.old` and its compacted copy not yet in place, so `<name>` is missing. The old
// database, durable since its last commit, is moved back (the compacted copy is then a
// leftover the next compaction replaces). Does nothing when every database is in place. The
// writer calls it before opening, so that an indexer never creates an empty index where the
// old one should be. `restored` (optional) receives the paths put back.
Status RecoverInterruptedCompaction(const std::string& dir, std::vector<std::string>* restored = nullptr);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_COMPACT_H_
