// Reads a text file line by line, transparently decompressing Zstandard (.zst) and gzip (.gz)
// input, with a bound on line length so one runaway line cannot exhaust memory.
// Thread-safety: one LineReader per thread.
// Limits: memory is bounded by max_line plus a few 64 KiB buffers, whatever the compression
// ratio. A corrupt or truncated compressed stream ends reading with kError and a kCorrupt status
// naming the file; lines decoded before the damage have already been returned.
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

  // Opens `path`; decompresses when the name ends in ".zst" (Zstandard) or ".gz" (gzip, including
  // several concatenated members), compared case-insensitively. Fails only when the file cannot
  // be opened; a bad compressed stream is reported by Next.
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
  enum class Codec { kPlain, kZstd, kGzip };
  LineReader(std::string path, std::FILE* file, Codec codec, std::size_t max_line);
  bool Fill();      // appends decoded bytes to buffer_; false at end or error
  bool FillZstd();  // Fill for .zst
  bool FillGzip();  // Fill for .gz

  std::string path_;
  std::FILE* file_;
  struct Zstd;
  std::unique_ptr<Zstd> zstd_;
  struct Gzip;
  std::unique_ptr<Gzip> gzip_;
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
