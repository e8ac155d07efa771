// The on-disk layout of an index. An index directory holds either one Xapian database, or N
// shard databases (dir/shard-00, dir/shard-01, ...) listed by a Xapian stub file dir/XAPIANDB.
// Xapian opens a directory holding a stub as all the databases it lists, searched as one, so
// every reader opens a sharded index exactly as a single one. A stub may also list remote
// shards ("remote HOST:PORT", served by xapian-tcpsrv), which can be searched but not written.
// Thread-safety: free functions on the file system; safe to call from any thread.
#ifndef VANKIEN_INDEXER_SHARD_LAYOUT_H_
#define VANKIEN_INDEXER_SHARD_LAYOUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"

namespace vankien::shards {

// The stub file's name inside an index directory (Xapian looks for exactly this name).
inline constexpr std::string_view kStubFile = "XAPIANDB";

// Most shards an index may be created with.
inline constexpr std::size_t kMaxShards = 64;

// The directory of local shard `k` of the index in `dir`: dir/shard-00 ...
std::string ShardDir(const std::string& dir, std::size_t k);

// Which shard a document id belongs to among `count`: stable across runs and machines, so
// that re-indexing a document always replaces it in the shard that holds it.
std::size_t ShardOf(std::string_view id, std::size_t count);

struct Layout {
  bool sharded = false;               // a stub lists the databases
  std::vector<std::string> local;     // database directories, absolute or relative to cwd
  std::vector<std::string> remote;    // "host:port" of remote shards
  std::vector<std::string> version_files;  // files whose change marks a new revision
};

// Reads how the index in `dir` is laid out. A directory without a stub is one database (which
// may not exist yet). Fails with a message naming the stub line that cannot be understood.
Result<Layout> Read(const std::string& dir);

// Writes dir/XAPIANDB listing shards 0..count-1 (atomically: a temporary file renamed).
Status WriteStub(const std::string& dir, std::size_t count);

}  // namespace vankien::shards

#endif  // VANKIEN_INDEXER_SHARD_LAYOUT_H_
