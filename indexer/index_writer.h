// IndexWriter: adds Documents to an index on disk: one Xapian database, or N shards searched as
// one (indexer/shard_layout.h). Re-adding a document with the same id replaces it (keyed on its
// unique-id term, in the shard its id hashes to), so re-indexing never duplicates. The caller's
// thread analyses each document; one thread per shard inverts it into Xapian (ShardWriter), so
// an index with N shards uses N + 1 cores. Changes are committed in batches and on
// Commit()/destruction.
//
// Crash safety: what a commit makes durable is consistent after a kill at any moment. The
// record of which source files are indexed (FileState) and the registry live in shard 0 and are
// committed only after every shard has committed the documents they describe, so a kill between
// the two leaves documents the index does not yet claim; the next run indexes their files again,
// replacing them.
// Errors carry codes to branch on and messages that name the index and say what to do (show
// them as they are): kResourceExhausted (disk full, file size limit, quota), kPermissionDenied
// (read-only file system, no permission), kFailedPrecondition (another writer holds the lock).
// After the first failed write the writer refuses everything with that same Status and commits
// nothing more: the index stays at its last commit.
// Thread-safety: one writer per index at a time (Xapian takes a lock per shard); the methods
// must be called from one thread.
#ifndef VANKIEN_INDEXER_INDEX_WRITER_H_
#define VANKIEN_INDEXER_INDEX_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/document.h"
#include "indexer/text/analyzer.h"

namespace vankien {

struct IndexWriterOptions {
  // Commit after this many added documents. A commit makes everything before it durable and
  // visible to readers; between commits Xapian buffers changes in memory.
  std::size_t commit_every = 2000;
  // Store positions for folded terms. Off: phrases match on adjacent syllable pairs (schema.h),
  // and the index has no position table (README, "Positions"); kept as an option.
  bool folded_positions = false;
  // Also store positions for exact-form terms (only with folded_positions).
  bool exact_positions = false;
  // Shards a new index is created with (1 = a single database). An existing index keeps its
  // layout; 0 means "whatever it has, or 1 for a new one".
  std::size_t shards = 0;
  // Recognize document references in titles and texts and index them (schema.h, XREF/XKEY).
  bool references = true;
  // For official documents (an own number, or an official kind), also extract the relations
  // their text states (refs::ExtractRelations) and store and index them (schema.h, XREL:).
  // Needs `references`. Off only to measure what extraction costs.
  bool relations = true;
  // Registry to start from when the index does not hold one yet (refs::Registry TSV, e.g.
  // corpus/registry.tsv); empty or missing file: start empty. Official documents indexed later
  // (those with a symbol) are added to the index's registry.
  std::string seed_registry;
  // Start over: an existing index in `dir` is emptied (Xapian's DB_CREATE_OR_OVERWRITE), and a
  // folder of Xapian tables that is not a readable index (no version file) is deleted instead
  // of refused. Off by default: such a folder is refused with kFailedPrecondition.
  bool rebuild = false;
};

class IndexWriter {
 public:
  // Opens or creates the database in directory `dir`. `analyzer` must outlive the writer.
  // Fails with kFailedPrecondition while another process writes it, kPermissionDenied when it
  // (or the folder it would be made in) cannot be written, kInvalidArgument when it was built
  // with another schema or its shard layout does not match `options.shards`, and
  // kFailedPrecondition when `dir` holds Xapian tables that are not a readable index (damaged,
  // half-copied: see IndexWriterOptions::rebuild). A compaction killed during its swap is
  // finished first (RecoverInterruptedCompaction, indexer/compact.h).
  static Result<std::unique_ptr<IndexWriter>> Open(const std::string& dir,
                                                   const text::Analyzer& analyzer,
                                                   const IndexWriterOptions& options = {});
  ~IndexWriter();  // commits pending changes; errors there are lost, so call Commit() first

  // Adds or replaces the document with `doc.id`; `doc.path`, when set, records the source file
  // (use an absolute path) for incremental runs. Fails on a write error (see above); as the
  // document is written on another thread, the error may surface on a later call.
  Status Add(const Document& doc);

  // ---- Incremental indexing: what the index knows of each source file. ----
  struct FileState {
    std::string path;  // absolute
    std::string hash;  // content hash (hex)
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  // seconds
    std::size_t documents = 0;
    // The document id the file's path gave it (a .txt, .html, .pdf or .docx file is one
    // document); empty for a JSONL file, whose records carry their own ids. Lets a later run
    // see that another file would take the same id.
    std::string id;
    // Full timestamps (nanoseconds since the epoch) and inode, so a rewrite within the same
    // second is seen (0 in records written before they were kept: such a file is hashed once).
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    // Modified at or after the start of the run that recorded it: a later write in that same
    // clock tick would leave size and times unchanged, so the next run hashes it again
    // (git's "racily clean" entries).
    bool racy = false;
  };
  std::optional<FileState> GetFileState(const std::string& path) const;
  // Records `state`; it becomes durable with the next commit, together with the documents
  // added before it, so call it after a file's last document.
  Status SetFileState(const FileState& state);
  // Deletes the documents that came from `path` except those whose Document::id is in
  // `keep_ids` (the ids its new version still has), returning how many were deleted.
  Result<std::size_t> RemoveStale(const std::string& path, const std::unordered_set<std::string>& keep_ids);
  // Deletes every document of `path` and forgets the file (it is gone from disk).
  Result<std::size_t> RemoveFile(const std::string& path);
  // Every source file the index knows whose path starts with `prefix`.
  std::vector<FileState> KnownFiles(const std::string& prefix) const;
  // Makes every change so far durable.
  Status Commit();

  std::size_t documents_added() const { return added_; }
  // Entries in the index's registry of known documents.
  std::size_t registry_size() const;
  // Documents in the database, as of now (including uncommitted changes).
  std::size_t document_count() const;
  // Shards the index has (1 for a single database).
  std::size_t shard_count() const;
  // The analyzer the writer was opened with.
  const text::Analyzer& analyzer() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::size_t added_ = 0;
  std::size_t since_commit_ = 0;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_INDEX_WRITER_H_
