// IndexPaths: one incremental indexing run over files and folders, the work behind `vankien
// index`. It expands the paths, skips files whose size and time are unchanged, hashes and loads
// the others, adds their documents, drops the documents a changed file no longer has and those
// of files gone from disk, and commits; it returns what it did as an IndexReport and prints
// nothing (a progress callback lets a caller draw progress). Modelled on leveldb's BuildTable
// (db/builder.h): the library does the work, a thin tool parses options and prints.
// Thread-safety: IndexPaths uses the writer from the calling thread only (IndexWriter's rule);
// the progress callback is called on that thread, except OCR progress (IndexProgress).
#ifndef VANKIEN_INDEXER_INDEX_RUN_H_
#define VANKIEN_INDEXER_INDEX_RUN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/loader.h"
#include "indexer/index_writer.h"

namespace vankien {

// Where a run is, for a progress line. Byte counts let a caller compute a rate and an ETA.
struct IndexProgress {
  std::size_t file = 0;                 // 0-based position of the file being loaded
  std::size_t files = 0;                // files the paths expanded to (skipped ones included)
  std::size_t documents = 0;            // documents added by this run so far
  std::uint64_t file_bytes_done = 0;    // size of the files before this one
  std::uint64_t file_bytes_total = 0;   // size of all the files
  std::uint64_t text_bytes = 0;         // title and text bytes of the documents added so far
  // While a file's scanned pages are recognised (OCR): pages done and to do in that file; both
  // 0 otherwise. Such reports come from an OCR worker thread, one at a time, while the run's
  // own thread waits for the file.
  std::size_t ocr_pages_done = 0;
  std::size_t ocr_pages_total = 0;
};

// A file whose text was recognised by OCR.
struct OcrNote {
  std::string path;
  double confidence = 0;    // Tesseract's mean word confidence, 0..100
  bool incomplete = false;  // some pages were left out by the OCR page or time limit
};

struct IndexRunOptions {
  // How files are read (document size limit, forced encoding, JSONL field map, PDF pages, OCR).
  // Without an analyzer or recognizer of its own, the run uses the writer's analyzer and builds
  // one recognizer for itself.
  LoadOptions load;
  // Called after every document added (may be empty). Called often: a caller that draws
  // something should throttle by time itself.
  std::function<void(const IndexProgress&)> progress;
};

// A file read in a legacy encoding, or whose encoding was a guess or needed repair: listed so
// that a reader can check the conversion.
struct EncodingNote {
  std::string path;
  std::string read_as;  // "tcvn3", "windows-1258 (a guess: check it, or force it with --encoding)"
};

// What a run did. Counts are complete up to the write error, when there is one.
struct IndexReport {
  // Files, each counted once: new to the index, changed (re-read), unchanged (same size and
  // time, or same content hash), removed (known to the index under a given folder or file but
  // gone from disk), failed (could not be read: see `problems`; its old documents stay), and
  // skipped (a type vankien does not read: see `skipped`).
  std::size_t files_new = 0;
  std::size_t files_updated = 0;
  std::size_t files_unchanged = 0;
  std::size_t files_removed = 0;
  std::size_t files_failed = 0;
  std::size_t files_skipped = 0;
  // Documents added (or replaced) by this run, counted once per id, removed by it (stale
  // documents of changed files and those of removed files), and in the index after it.
  std::size_t documents_added = 0;
  std::size_t documents_removed = 0;
  std::size_t documents_in_index = 0;
  // Title and text bytes of the documents added (what was analysed, for a MB/s figure).
  std::uint64_t bytes_read = 0;
  // Problems that did not stop the run, in the order met: paths that do not exist or cannot be
  // listed, files that cannot be read, JSONL records that were rejected (with their line).
  std::vector<LoadProblem> problems;
  // Files of an unsupported type (by extension, see KindOf), absolute.
  std::vector<std::string> skipped;
  // PDFs longer than LoadOptions::max_pdf_pages: only their first pages were indexed.
  std::vector<std::string> pdf_truncated;
  // How many documents were read in each encoding ("utf-8", "tcvn3", "pdf", "docx", ...).
  std::map<std::string, std::size_t> encodings;
  std::vector<EncodingNote> encoding_notes;
  // Files read by OCR, in the order met.
  std::vector<OcrNote> ocr;
  // Ok, or the write failure that stopped the run part-way (IndexWriter's Status, whose code
  // says why and whose message says what to do). The index then stays at its last commit:
  // files after the failure were not looked at, gone files not removed, nothing committed.
  Status write_error;
};

// Indexes `paths` (files and folders; folders recursively, in path order, symbolic links to
// folders not followed) into `writer` and commits. A file is identified by its absolute path
// with symbolic links resolved (a link to a file and the file are one source, indexed once);
// a .txt, .html, .pdf or .docx file's document id is its path relative to the folder given (the
// file name, for a file given itself), a JSONL record's id its "id". Ids never collide
// silently: a file whose id another existing file already holds (two folders with the same
// relative path, two same-named files given) is not indexed and is reported in `problems` (and
// `files_failed`), as is a JSONL record whose id a document of another file took in this run.
// A file whose size, full modification and change times and inode match what the index
// recorded is not read, unless the record was made in the same second as the file's last
// change (it is hashed again, as git does with racily clean entries); one whose content hash
// matches is recorded with its new times and not loaded. Files the index knows below a folder
// given (or a file given) that no longer exist are removed with their documents.
// Never fails as a whole: per-file trouble becomes `problems` (the rest is still indexed),
// and a write error stops the run and is returned in `write_error` with everything done before.
IndexReport IndexPaths(IndexWriter& writer, const std::vector<std::string>& paths,
                       const IndexRunOptions& options = {});

}  // namespace vankien

#endif  // VANKIEN_INDEXER_INDEX_RUN_H_
