// Internal (includes <xapian.h>): only search/ .cc files include it.
// The one read path: opening a vankien index for reading — one database, or every shard its
// stub lists (local shards and remote ones served by xapian-tcpsrv) combined into one
// Xapian::Database — with one retry policy against commits racing the read, one schema check,
// the stored registry, and one mapping of Xapian's errors to Status codes. The Searcher and
// BuildCatalog both come in here. vankien reads the stub itself rather than leaving it to
// Xapian so that it can bound how long a remote shard may take, name a shard that is down,
// and, when asked, answer from the shards that are up.
// Thread-safety: free functions; the returned database belongs to the caller.
#ifndef VANKIEN_SEARCH_INTERNAL_INDEX_READER_H_
#define VANKIEN_SEARCH_INTERNAL_INDEX_READER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/refs/registry.h"
#include "search/searcher.h"  // OpenOptions

namespace vankien::search {

// How many times a read (or an open) that loses a race with a commit is tried in all. Under
// frequent commits one retry is not always enough; a catalogue, which reads the whole index,
// loses races more often than a search.
inline constexpr int kReadAttempts = 8;

struct OpenedIndex {
  Xapian::Database db;
  std::vector<std::string> missing;  // "SHARD: why" for each shard left out (allow_partial)
  bool remote = false;               // the stub lists remote shards
};

// The newest revision of the index in `dir`. Opening races with commits: Xapian reads the
// version file, then each table's root block, and a writer committing twice in between reuses
// that block (DatabaseModifiedError, or DatabaseCorruptError "Expected block 4 to be level 1"),
// so up to kReadAttempts tries. A shard that cannot be opened is a Status naming it (or, with
// allow_partial, is listed in `missing`); a Xapian error that persists is thrown, for the caller
// to map with ReadError() or to retry within its own read.
Result<OpenedIndex> OpenNewest(const std::string& dir, const OpenOptions& options);

// What a reader needs of the index beyond a database.
struct ReadRequirements {
  // Oldest index schema (schema.h kMetaSchemaVersion) the reader understands. 0: any, including
  // a database no vankien commit has versioned yet. A schema newer than this build's is always
  // refused: its terms or data may be spelled otherwise.
  int min_schema = 0;
  // Refuse remote shards, saying `local_only` as why (the catalogue walks every term, which
  // Xapian's remote protocol does not offer). Empty: remote shards are fine.
  std::string local_only;
};

struct IndexForReading {
  OpenedIndex index;
  std::string schema_version;  // "" when never committed by vankien
  refs::Registry registry;     // the stored registry, from the same revision as `index`
};

// Opens the index in `dir` for reading. Errors, each naming `dir` (or the shard) and what to do:
// NotFound when `dir` does not exist or holds no index; InvalidArgument when `dir` lists remote
// shards and the reader is local_only; FailedPrecondition when the schema is outside what the
// reader understands or Xapian cannot read its format; Unavailable when a remote shard is down;
// Corrupt when the index or its stored registry is damaged; IoError otherwise.
Result<IndexForReading> OpenForReading(const std::string& dir, const OpenOptions& options,
                                       const ReadRequirements& requirements = {});

// `e`, raised while `what` (e.g. "search", "opening") ran on the index in `dir`, as a Status:
// NetworkError → Unavailable, DatabaseLockError → FailedPrecondition, DatabaseVersionError →
// FailedPrecondition, DatabaseNotFoundError → NotFound, DatabaseCorruptError → Corrupt,
// DatabaseModifiedError (persisting) and other errors → IoError.
Status ReadError(const Xapian::Error& e, const std::string& dir, std::string_view what);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_INTERNAL_INDEX_READER_H_
