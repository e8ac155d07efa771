#include "indexer/doc/line_reader.h"

#include <zlib.h>
#include <zstd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace vankien {

namespace {
constexpr std::size_t kChunk = 1 << 16;

// Case-insensitive suffix test: "DATA.JSONL.GZ" is gzip too.
bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = s[s.size() - suffix.size() + i];
    if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
  }
  return true;
}
}  // namespace

struct LineReader::Zstd {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  std::vector<char> in = std::vector<char>(ZSTD_DStreamInSize());
  ZSTD_inBuffer input{nullptr, 0, 0};
  std::size_t last_ret = 0;
  ~Zstd() { ZSTD_freeDCtx(ctx); }
};

struct LineReader::Gzip {
  z_stream strm{};
  bool initialized = false;
  // True while a gzip member has been started and its end (trailer) not yet seen: reaching the
  // end of the file then means the file was cut short.
  bool in_member = false;
  std::vector<unsigned char> in = std::vector<unsigned char>(kChunk);
  std::vector<unsigned char> out = std::vector<unsigned char>(kChunk);
  Gzip() {
    // 15 + 32: largest window, and detect the gzip (or zlib) header automatically.
    initialized = inflateInit2(&strm, 15 + 32) == Z_OK;
  }
  ~Gzip() {
    if (initialized) inflateEnd(&strm);
  }
};

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                     std::size_t max_line) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  }
  Codec codec = Codec::kPlain;
  if (EndsWith(path, ".zst")) codec = Codec::kZstd;
  if (EndsWith(path, ".gz")) codec = Codec::kGzip;
  auto reader = std::unique_ptr<LineReader>(new LineReader(path, f, codec, max_line));
  if (reader->gzip_ && !reader->gzip_->initialized) {
    return Status::Internal("cannot start gzip decompression for " + path + " (out of memory?)");
  }
  return reader;
}

LineReader::LineReader(std::string path, std::FILE* file, Codec codec, std::size_t max_line)
    : path_(std::move(path)), file_(file), max_line_(max_line) {
  if (codec == Codec::kZstd) zstd_ = std::make_unique<Zstd>();
  if (codec == Codec::kGzip) gzip_ = std::make_unique<Gzip>();
}

LineReader::~LineReader() { std::fclose(file_); }

bool LineReader::Fill() {
  if (eof_) return false;
  if (zstd_) return FillZstd();
  if (gzip_) return FillGzip();
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

bool LineReader::FillZstd() {
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

bool LineReader::FillGzip() {
  Gzip& g = *gzip_;
  z_stream& s = g.strm;
  while (true) {
    if (s.avail_in == 0) {
      const std::size_t n = std::fread(g.in.data(), 1, g.in.size(), file_);
      bytes_read_ += n;
      if (n == 0) {
        if (std::ferror(file_)) {
          status_ = Status::IoError("read error in " + path_);
        } else if (g.in_member) {
          status_ = Status::Corrupt(path_ +
                                    ": truncated gzip stream (the file ends inside compressed "
                                    "data); copy or download it again, or check it with gzip -t");
        }
        eof_ = true;
        return false;
      }
      s.next_in = g.in.data();
      s.avail_in = static_cast<uInt>(n);
    }
    g.in_member = true;
    s.next_out = g.out.data();
    s.avail_out = static_cast<uInt>(g.out.size());
    const int ret = inflate(&s, Z_NO_FLUSH);
    const std::size_t produced = g.out.size() - s.avail_out;
    if (ret == Z_STREAM_END) {
      // End of one member; another may follow (concatenated .gz files are valid gzip).
      inflateReset(&s);
      g.in_member = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      status_ = Status::Corrupt(path_ + ": not a valid gzip stream (" +
                                (s.msg != nullptr ? s.msg : "zlib error " + std::to_string(ret)) +
                                "); check the file with gzip -t");
      eof_ = true;
      return false;
    }
    if (produced > 0) {
      buffer_.append(reinterpret_cast<const char*>(g.out.data()), produced);
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
