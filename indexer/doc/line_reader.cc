#include "indexer/doc/line_reader.h"

#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace vankien {

struct LineReader::Zstd {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  std::vector<char> in = std::vector<char>(ZSTD_DStreamInSize());
  ZSTD_inBuffer input{nullptr, 0, 0};
  std::size_t last_ret = 0;
  ~Zstd() { ZSTD_freeDCtx(ctx); }
};

namespace {
constexpr std::size_t kChunk = 1 << 16;
bool EndsWith(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}
}  // namespace

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                     std::size_t max_line) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  }
  return std::unique_ptr<LineReader>(new LineReader(path, f, EndsWith(path, ".zst"), max_line));
}

LineReader::LineReader(std::string path, std::FILE* file, bool zstd, std::size_t max_line)
    : path_(std::move(path)), file_(file), max_line_(max_line) {
  if (zstd) zstd_ = std::make_unique<Zstd>();
}

LineReader::~LineReader() { std::fclose(file_); }

bool LineReader::Fill() {
  if (eof_) return false;
  if (!zstd_) {
    char chunk[kChunk];
    const std::size_t n = std::fread(chunk, 1, sizeof chunk, file_);
    bytes_read_ += n;
    if (n == 0) {
      if (std::ferror(file_)) status_ = Status::IoError("read error in " + path_);
      eof_ = true;
      return false;
    }
    buffer_.append(chunk, n);
    return true;
  }
  Zstd& z = *zstd_;
  std::vector<char> out(ZSTD_DStreamOutSize());
  while (true) {
    if (z.input.pos == z.input.size) {
      const std::size_t n = std::fread(z.in.data(), 1, z.in.size(), file_);
      bytes_read_ += n;
      if (n == 0) {
        if (std::ferror(file_)) {
          status_ = Status::IoError("read error in " + path_);
        } else if (z.last_ret != 0) {
          status_ = Status::Corrupt(path_ + ": truncated zstd stream");
        }
        eof_ = true;
        return false;
      }
      z.input = ZSTD_inBuffer{z.in.data(), n, 0};
    }
    ZSTD_outBuffer output{out.data(), out.size(), 0};
    const std::size_t ret = ZSTD_decompressStream(z.ctx, &output, &z.input);
    if (ZSTD_isError(ret)) {
      status_ = Status::Corrupt(path_ + ": not a valid zstd stream (" + ZSTD_getErrorName(ret) +
                                "); decompress it or check the file");
      eof_ = true;
      return false;
    }
    z.last_ret = ret;
    if (output.pos > 0) {
      buffer_.append(out.data(), output.pos);
      return true;
    }
  }
}

LineReader::Outcome LineReader::Next(std::string* line) {
  bool too_long = false;
  while (true) {
    const std::size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      ++line_number_;
      if (too_long || nl - pos_ > max_line_) {
        pos_ = nl + 1;
        return Outcome::kTooLong;
      }
      std::size_t end = nl;
      if (end > pos_ && buffer_[end - 1] == '\r') --end;
      line->assign(buffer_, pos_, end - pos_);
      pos_ = nl + 1;
      return Outcome::kLine;
    }
    // No newline yet: compact, enforce the bound, read more.
    if (pos_ > 0) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    if (buffer_.size() > max_line_) {
      too_long = true;
      buffer_.clear();
    }
    if (!Fill()) {
      if (!status_.ok()) return Outcome::kError;
      if (buffer_.empty() && !too_long) return Outcome::kEnd;
      ++line_number_;
      if (too_long) {
        buffer_.clear();
        return Outcome::kTooLong;
      }
      std::size_t end = buffer_.size();
      if (end > 0 && buffer_[end - 1] == '\r') --end;
      line->assign(buffer_, 0, end);
      buffer_.clear();
      return Outcome::kLine;
    }
  }
}

}  // namespace vankien
