#include "indexer/shard_layout.h"

#include "indexer/base/strings.h"
#include "indexer/schema.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vankien::shards {
namespace {

namespace fs = std::filesystem;

// The version file each backend rewrites (by rename) at every commit.
constexpr const char* kVersionFiles[] = {"iamglass", "iamhoney", "iamchert"};

void AddVersionFiles(const fs::path& db, std::vector<std::string>* out) {
  std::error_code ec;
  for (const char* name : kVersionFiles) {
    if (fs::exists(db / name, ec)) {
      out->push_back((db / name).string());
      return;
    }
  }
  out->push_back((db / kVersionFiles[0]).string());  // not created yet: watch for it
}


}  // namespace

std::string ShardDir(const std::string& dir, std::size_t k) {
  char name[24];
  std::snprintf(name, sizeof name, "shard-%02zu", k);
  return (fs::path(dir) / name).string();
}

std::size_t ShardOf(std::string_view id, std::size_t count) {
  if (count <= 1) return 0;
  return static_cast<std::size_t>(schema::Fnv1a64(id) % count);
}

Result<Layout> Read(const std::string& dir) {
  Layout layout;
  const fs::path stub = fs::path(dir) / kStubFile;
  std::error_code ec;
  if (!fs::exists(stub, ec)) {
    layout.local.push_back(dir);
    AddVersionFiles(dir, &layout.version_files);
    return layout;
  }
  std::ifstream in(stub);
  if (!in) return Status::IoError("cannot read " + stub.string());
  layout.sharded = true;
  layout.version_files.push_back(stub.string());  // a stub rewritten with other shards
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    line = TrimAsciiSpace(line);
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string type, where;
    words >> type;
    std::getline(words, where);
    where = TrimAsciiSpace(where);
    if (where.empty() && type != "inmemory") {
      return Status::Corrupt(stub.string() + " line " + std::to_string(n) + ": \"" + line +
                             "\" names no database; write \"auto shard-00\" or \"remote HOST:PORT\"");
    }
    if (type == "remote") {
      layout.remote.push_back(where);
    } else if (type == "auto" || type == "glass" || type == "chert" || type == "honey") {
      const fs::path p = fs::path(where).is_absolute() ? fs::path(where) : fs::path(dir) / where;
      layout.local.push_back(p.lexically_normal().string());
      AddVersionFiles(p, &layout.version_files);
    } else {
      return Status::Corrupt(stub.string() + " line " + std::to_string(n) + ": unknown database type \"" +
                             type + "\"; use auto, glass or remote");
    }
  }
  if (layout.local.empty() && layout.remote.empty()) {
    return Status::Corrupt(stub.string() + " lists no database; list one shard per line, e.g. \"auto shard-00\"");
  }
  return layout;
}

Status WriteStub(const std::string& dir, std::size_t count) {
  const fs::path stub = fs::path(dir) / kStubFile;
  const fs::path tmp = fs::path(dir) / (std::string(kStubFile) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# vankien index: " << count << " shards searched as one (Xapian stub database).\n";
    for (std::size_t k = 0; k < count; ++k) {
      out << "auto " << fs::path(ShardDir(dir, k)).filename().string() << "\n";
    }
    out.flush();
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, stub, ec);
  if (ec) return Status::IoError("cannot write " + stub.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace vankien::shards
