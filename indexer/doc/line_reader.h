// Reads a text file line by line, transparently decompressing Zstandard (.zst) input, with a
// bound on line length so one runaway line cannot exhaust memory.
// Thread-safety: one LineReader per thread.
#ifndef VANKIEN_INDEXER_DOC_LINE_READER_H_
#define VANKIEN_INDEXER_DOC_LINE_READER_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

#include "indexer/base/status.h"

namespace vankien {

class LineReader {
 public:
  // Lines longer than this are reported (Next returns kTooLong) and skipped.
  static constexpr std::size_t kDefaultMaxLine = 64u << 20;

  // Opens `path`; decompresses when the name ends in ".zst".
  static Result<std::unique_ptr<LineReader>> Open(const std::string& path,
                                                  std::size_t max_line = kDefaultMaxLine);
  ~LineReader();

  enum class Outcome { kLine, kTooLong, kEnd, kError };
  // Reads the next line (without its "\n" or "\r\n") into `line`. After kError, status() says why.
  Outcome Next(std::string* line);
  // 1-based number of the line last returned.
  std::size_t line_number() const { return line_number_; }
  // Bytes consumed from the (possibly compressed) file so far, for progress.
  std::size_t bytes_read() const { return bytes_read_; }
  const Status& status() const { return status_; }

 private:
  LineReader(std::string path, std::FILE* file, bool zstd, std::size_t max_line);
  bool Fill();  // appends decoded bytes to buffer_; false at end or error

  std::string path_;
  std::FILE* file_;
  struct Zstd;
  std::unique_ptr<Zstd> zstd_;
  std::size_t max_line_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
  std::size_t bytes_read_ = 0;
  Status status_;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_LINE_READER_H_
