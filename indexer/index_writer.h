// IndexWriter: adds Documents to a Xapian database on disk. Re-adding a document with the same
// id replaces it (keyed on its unique-id term), so re-indexing never duplicates. Changes are
// committed in batches and on Commit()/destruction.
// Thread-safety: one writer per database at a time (Xapian takes a lock); not thread-safe.
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
  std::size_t commit_every = 5000;
  // Also store positions for exact-form terms. Off: phrases run on folded positions (see
  // schema.h), which halves the positional data; kept as an option for measurement.
  bool exact_positions = false;
  // Recognize document references in titles and texts and index them (schema.h, XREF/XKEY).
  bool references = true;
  // Registry to start from when the index does not hold one yet (refs::Registry TSV, e.g.
  // corpus/registry.tsv); empty or missing file: start empty. Official documents indexed later
  // (those with a symbol) are added to the index's registry.
  std::string seed_registry;
};

class IndexWriter {
 public:
  // Opens or creates the database in directory `dir`. `analyzer` must outlive the writer.
  static Result<std::unique_ptr<IndexWriter>> Open(const std::string& dir,
                                                   const text::Analyzer& analyzer,
                                                   const IndexWriterOptions& options = {});
  ~IndexWriter();  // commits pending changes; errors there are lost, so call Commit() first

  // Adds or replaces the document with `doc.id`; `doc.path`, when set, records the source file
  // (use an absolute path) for incremental runs. Fails on a Xapian error (disk full, ...).
  Status Add(const Document& doc);

  // ---- Incremental indexing: what the index knows of each source file. ----
  struct FileState {
    std::string path;  // absolute
    std::string hash;  // content hash (hex)
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  // seconds
    std::size_t documents = 0;
  };
  std::optional<FileState> GetFileState(const std::string& path) const;
  // Records `state`; it becomes durable with the next commit, together with the documents
  // added before it, so call it after a file's last document.
  Status SetFileState(const FileState& state);
  // Deletes the documents that came from `path` except those whose id is in `keep` (the ids
  // its new version still has), returning how many were deleted.
  Result<std::size_t> RemoveStale(const std::string& path, const std::unordered_set<std::string>& keep);
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

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::size_t added_ = 0;
  std::size_t since_commit_ = 0;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_INDEX_WRITER_H_
