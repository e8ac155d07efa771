// Compaction of an index after a full build: Xapian's compactor rewrites each database with
// full blocks and no free space (smaller, and faster to search). Each shard is compacted into a
// new directory beside it, which then replaces it by rename, so readers see either the old or the
// new database. With `merge`, the shards of a sharded index become one database.
// Thread-safety: holds each shard's write lock while it works, so no indexer runs meanwhile.
#ifndef VANKIEN_INDEXER_COMPACT_H_
#define VANKIEN_INDEXER_COMPACT_H_

#include <cstdint>
#include <string>

#include "indexer/base/status.h"

namespace vankien {

struct CompactReport {
  std::size_t shards_before = 0, shards_after = 0;
  std::uint64_t bytes_before = 0, bytes_after = 0;
};

// Compacts the index in `dir` (one database or local shards). Fails naming the shard, and
// leaves it as it was, when it cannot (another process is writing, disk full, remote shards).
Result<CompactReport> CompactIndex(const std::string& dir, bool merge);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_COMPACT_H_
