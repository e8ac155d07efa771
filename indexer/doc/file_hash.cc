#include "indexer/doc/file_hash.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace vankien {

Result<std::string> HashFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  std::uint64_t h = 1469598103934665603ull;
  std::uint64_t length = 0;
  unsigned char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    for (std::size_t i = 0; i < n; ++i) h = (h ^ buf[i]) * 1099511628211ull;
    length += n;
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError("read error in " + path);
  char hex[48];
  std::snprintf(hex, sizeof hex, "%016llx-%llx", static_cast<unsigned long long>(h),
                static_cast<unsigned long long>(length));
  return std::string(hex);
}

}  // namespace vankien
