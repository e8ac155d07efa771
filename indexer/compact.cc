#include "indexer/compact.h"

#include <xapian.h>

#include <signal.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "indexer/shard_layout.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;

std::uint64_t SizeOf(const fs::path& dir) {
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) bytes += e.file_size(ec);
  }
  return bytes;
}

// `target` with `suffix` appended to its last component ("db/" + ".old" is "db.old").
fs::path Sibling(const fs::path& target, const char* suffix) {
  std::string s = target.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s + suffix;
}

// Fault injection for tests: VANKIEN_FAULT=compact-swap kills the process (SIGKILL, nothing
// flushed) between the two renames of a swap, the window a crash must survive.
void MaybeDieInSwap() {
  const char* fault = std::getenv("VANKIEN_FAULT");
  if (fault != nullptr && std::strcmp(fault, "compact-swap") == 0) ::raise(SIGKILL);
}

// Moves `target.old` back to `target` when `target` is missing.
Status RestoreOne(const fs::path& target, std::vector<std::string>* restored) {
  std::error_code ec;
  const fs::path old = Sibling(target, ".old");
  if (fs::exists(target, ec) || !fs::is_directory(old, ec)) return Status::Ok();
  fs::rename(old, target, ec);
  if (ec) {
    return Status::IoError(target.string() + " is missing and a compaction killed part-way left it in " +
                           old.string() + ", which cannot be moved back (" + ec.message() +
                           "); move it back by hand: mv " + old.string() + " " + target.string());
  }
  if (restored != nullptr) restored->push_back(target.string());
  return Status::Ok();
}

// Puts `fresh` where `target` is; `target` moves to target.old, which the caller removes once it
// has let go of the old database's lock. Renaming while the lock is held means no writer can
// slip into the old database between the copy and the swap.
Status Swap(const fs::path& target, const fs::path& fresh, fs::path* old) {
  *old = Sibling(target, ".old");
  std::error_code ec;
  fs::remove_all(*old, ec);
  fs::rename(target, *old, ec);
  if (ec) return Status::IoError("cannot move " + target.string() + " aside: " + ec.message());
  // A kill here leaves no `target`: RecoverInterruptedCompaction moves the old one back.
  MaybeDieInSwap();
  fs::rename(fresh, target, ec);
  if (ec) {
    std::error_code back;
    fs::rename(*old, target, back);
    return Status::IoError("cannot move the compacted copy to " + target.string() + ": " + ec.message());
  }
  return Status::Ok();
}

// Compacts the databases `sources` into the new directory `out` (one database).
Status CompactInto(const std::vector<std::string>& sources, const fs::path& out) {
  std::error_code ec;
  fs::remove_all(out, ec);
  Xapian::Database all;
  for (const auto& s : sources) all.add_database(Xapian::Database(s, Xapian::DB_OPEN));
  // Shards hold distinct documents: MULTIPASS keeps memory bounded however many there are.
  all.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
  return Status::Ok();
}

}  // namespace

Status RecoverInterruptedCompaction(const std::string& dir, std::vector<std::string>* restored) {
  // The index folder itself first (a merge swaps it whole), then its shards.
  if (Status st = RestoreOne(dir, restored); !st.ok()) return st;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return Status::Ok();
  auto layout = shards::Read(dir);
  if (!layout.ok()) return Status::Ok();  // not an index: the caller's own open says so
  if (!layout->sharded) return Status::Ok();
  for (const std::string& shard : layout->local) {
    if (Status st = RestoreOne(shard, restored); !st.ok()) return st;
  }
  return Status::Ok();
}

Result<CompactReport> CompactIndex(const std::string& dir, bool merge) {
  if (Status st = RecoverInterruptedCompaction(dir); !st.ok()) return st;
  auto layout = shards::Read(dir);
  if (!layout.ok()) return layout.status();
  if (!layout->remote.empty()) {
    return Status::InvalidArgument(dir + " lists remote shards; compact each on the machine that holds it");
  }
  CompactReport report;
  report.shards_before = layout->local.size();
  report.bytes_before = SizeOf(dir);
  std::string current;
  try {
    // Each shard's write lock, held to the end: no indexer may change what is being copied.
    std::vector<Xapian::WritableDatabase> locks;
    for (const auto& shard : layout->local) {
      current = shard;
      locks.emplace_back(shard, Xapian::DB_OPEN);
    }
    if (merge && layout->sharded) {
      const fs::path merged = Sibling(dir, ".merging");
      current = dir;
      Status st = CompactInto(layout->local, merged);
      if (!st.ok()) return st;
      fs::path old;
      st = Swap(dir, merged, &old);
      if (!st.ok()) return st;
      locks.clear();
      std::error_code ec;
      fs::remove_all(old, ec);
      report.shards_after = 1;
    } else {
      for (std::size_t k = 0; k < layout->local.size(); ++k) {
        current = layout->local[k];
        const fs::path fresh = Sibling(current, ".compacting");
        Status st = CompactInto({current}, fresh);
        if (!st.ok()) return st;
        fs::path old;
        st = Swap(current, fresh, &old);
        if (!st.ok()) return st;
        locks[k] = Xapian::WritableDatabase();
        std::error_code ec;
        fs::remove_all(old, ec);
      }
      report.shards_after = layout->local.size();
    }
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IoError(current + " is being written by another process (" + e.get_msg() +
                           "); compact when it has finished");
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot compact " + current + ": " + e.get_description() +
                           "; the index is left as it was");
  }
  report.bytes_after = SizeOf(dir);
  return report;
}

}  // namespace vankien
