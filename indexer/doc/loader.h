// Loaders: turn files into Documents. Text, HTML, PDF and DOCX files are one document each:
// bytes are decoded (legacy Vietnamese encodings included), text extracted with a real parser,
// and the title, date and official header found (doc/metadata.h). JSONL files (.jsonl,
// .jsonl.zst, .jsonl.gz) hold one JSON record per line.
// Thread-safety: free functions without shared state; the Analyzer and Recognizer named in
// LoadOptions are only read, so one pair may serve any number of threads.
#ifndef VANKIEN_INDEXER_DOC_LOADER_H_
#define VANKIEN_INDEXER_DOC_LOADER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/doc/document.h"
#include "indexer/doc/ocr.h"
#include "indexer/text/encoding.h"

namespace vankien {

namespace refs {
class Recognizer;
}  // namespace refs
namespace text {
class Analyzer;
}  // namespace text

enum class FileKind { kText, kJsonl, kHtml, kPdf, kDocx, kDoc, kImage, kUnknown };

// By file name, case-insensitively: ".txt" → kText; ".jsonl", ".jsonl.zst", ".jsonl.gz" →
// kJsonl; ".html", ".htm" → kHtml; ".pdf" → kPdf; ".docx" → kDocx; ".doc" → kDoc (Word 97-2003,
// read by antiword); ".png", ".jpg", ".jpeg", ".tif", ".tiff" → kImage (read by OCR); anything
// else kUnknown (skipped and listed, never guessed).
FileKind KindOf(const std::string& path);

// What `vankien index` reads, for messages: ".txt, .html, .htm, .pdf, .docx, .jsonl, ...".
std::string_view SupportedExtensions();

// A problem with one record or file that did not stop the run.
struct LoadProblem {
  std::string path;
  std::size_t line = 0;  // 1-based record line for JSONL, 0 for a whole file
  std::string message;   // what is wrong and what to do
};

struct LoadOptions {
  // Larger files are refused (LoadFile returns a non-ok Status naming the file); larger JSONL
  // records are skipped and reported as a LoadProblem.
  std::size_t max_document_bytes = 64u << 20;
  // Read text files in this encoding instead of detecting it.
  std::optional<text::Encoding> encoding;
  // JSONL field names: {"text", "body"} reads Document::text from the record's "body".
  std::vector<std::pair<std::string, std::string>> field_map;
  // PDFs longer than this are indexed up to it (flag "pdf-truncated").
  std::size_t max_pdf_pages = 2000;
  // Recognise scanned PDF pages (a text layer under kScannedPageMaxTextBytes) and image files
  // by OCR (doc/ocr.h). Off: scans index as "no text" and image files are refused.
  bool ocr = true;
  // Engine, threads, page and time limits per file, progress (doc/ocr.h).
  OcrOptions ocr_options;
  // Where OCR results are kept by content hash (doc/ocr_cache.h); "" keeps none.
  std::string ocr_cache_dir;
  // Word 97-2003 files: antiword's time limit per file.
  double doc_max_seconds = 60;
  // What reads the title, date and official header of .txt, .html, .pdf and .docx files
  // (DescribeDocument, doc/metadata.h). Required for those (LoadFile returns
  // FailedPrecondition without them); JSONL records need neither. Not owned: build them once
  // per process (they cost milliseconds) and keep them alive while loading.
  const text::Analyzer* analyzer = nullptr;
  const refs::Recognizer* recognizer = nullptr;
};

// Receives each loaded document. A non-ok Status stops the load: no further record is read
// (a JSONL file is not parsed to its end after, say, a failed write), and LoadFile returns that
// Status unchanged, so the caller can tell its own failure from the file's.
using DocumentSink = std::function<Status(Document&&)>;

// Loads one file. `id_for_file` is the id a .txt document gets (the path relative to the
// indexed root). Per-record problems are appended to `problems` and loading goes on; a non-ok
// Status means the file as a whole could not be read (it is not also added to `problems`), or
// is the sink's own Status when the sink stopped the load.
Status LoadFile(const std::string& path, const std::string& id_for_file, const LoadOptions& options,
                const DocumentSink& sink, std::vector<LoadProblem>* problems);

// Parses one JSONL record. Needs a non-empty string "id" (a number is accepted and printed);
// "title", "text", "date", "url", "symbol" are optional strings; every other string field goes to
// Document::fields. `date` is normalized to YYYY[-MM[-DD]] when recognizable, else kept in fields.
// `field_map` renames: {"text", "body"} takes the text from "body".
Result<Document> ParseJsonRecord(std::string_view line,
                                 const std::vector<std::pair<std::string, std::string>>& field_map = {});

// "2022-06-16T08:00:00Z" → "2022-06-16"; "16/6/2022" → "2022-06-16"; "2022" → "2022".
// Returns "" when the text is not a date it understands.
std::string NormalizeDate(std::string_view text);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_LOADER_H_
