// Opening an index for reading: one database, or every shard its stub lists (local shards and
// remote ones served by xapian-tcpsrv) combined into one Xapian::Database. vankien reads the
// stub itself rather than leaving it to Xapian so that it can bound how long a remote shard
// may take, name a shard that is down, and, when asked, answer from the shards that are up.
// Thread-safety: a free function; the returned database belongs to the caller.
#ifndef VANKIEN_SEARCH_INDEX_OPEN_H_
#define VANKIEN_SEARCH_INDEX_OPEN_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "search/searcher.h"  // OpenOptions

namespace vankien::search {

struct OpenedIndex {
  Xapian::Database db;
  std::vector<std::string> missing;  // "SHARD: why" for each shard left out (allow_partial)
  bool remote = false;               // the stub lists remote shards
};

// Opens the index in `dir`. Fails with a message naming the shard that cannot be opened (or
// `dir` itself), and what to do.
Result<OpenedIndex> OpenIndex(const std::string& dir, const OpenOptions& options);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_INDEX_OPEN_H_
