// Loaders: turn files into Documents. `.txt` files are one document each (first non-empty line
// is the title); `.jsonl` and `.jsonl.zst` files hold one JSON record per line.
// Thread-safety: free functions without shared state.
#ifndef VANKIEN_INDEXER_DOC_LOADER_H_
#define VANKIEN_INDEXER_DOC_LOADER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/document.h"

namespace vankien {

enum class FileKind { kText, kJsonl, kUnknown };

// By file name: ".txt" → kText; ".jsonl", ".jsonl.zst" → kJsonl; anything else kUnknown.
FileKind KindOf(const std::string& path);

// A problem with one record or file that did not stop the run.
struct LoadProblem {
  std::string path;
  std::size_t line = 0;  // 1-based record line for JSONL, 0 for a whole file
  std::string message;   // what is wrong and what to do
};

struct LoadOptions {
  // Larger text files are refused (LoadFile returns a non-ok Status naming the file); larger
  // JSONL records are skipped and reported as a LoadProblem.
  std::size_t max_document_bytes = 64u << 20;
};

using DocumentSink = std::function<void(Document&&)>;

// Loads one file. `id_for_file` is the id a .txt document gets (the path relative to the
// indexed root). Per-record problems are appended to `problems` and loading goes on; a non-ok
// Status means the file as a whole could not be read (it is not also added to `problems`).
Status LoadFile(const std::string& path, const std::string& id_for_file, const LoadOptions& options,
                const DocumentSink& sink, std::vector<LoadProblem>* problems);

// Parses one JSONL record. Needs a non-empty string "id" (a number is accepted and printed);
// "title", "text", "date", "url", "symbol" are optional strings; every other string field goes to
// Document::fields. `date` is normalized to YYYY[-MM[-DD]] when recognizable, else kept in fields.
Result<Document> ParseJsonRecord(std::string_view line);

// "2022-06-16T08:00:00Z" → "2022-06-16"; "16/6/2022" → "2022-06-16"; "2022" → "2022".
// Returns "" when the text is not a date it understands.
std::string NormalizeDate(std::string_view text);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_LOADER_H_
