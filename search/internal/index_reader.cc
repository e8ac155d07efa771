#include "search/internal/index_reader.h"

#include <charconv>
#include <filesystem>

#include "indexer/schema.h"
#include "indexer/shard_layout.h"

namespace vankien::search {
namespace {

// NetworkError and its subclasses (NetworkTimeoutError): a remote shard that is down or silent.
bool IsNetworkError(const Xapian::Error& e) { return std::string_view(e.get_type()).starts_with("Network"); }

// "host:port" or ":port" (loopback) of a remote shard.
Result<Xapian::Database> OpenRemote(const std::string& where, unsigned timeout_ms) {
  const std::size_t colon = where.rfind(':');
  unsigned port = 0;
  const char* end = where.data() + where.size();
  if (colon == std::string::npos || std::from_chars(where.data() + colon + 1, end, port).ptr != end ||
      port == 0 || port > 65535) {
    return Status::InvalidArgument("remote shard \"" + where + "\": write it as HOST:PORT");
  }
  const std::string host = colon == 0 ? "127.0.0.1" : where.substr(0, colon);
  return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
}

// Opens every database of the index once; a race with a commit is thrown (OpenNewest retries).
Result<OpenedIndex> OpenIndex(const std::string& dir, const OpenOptions& options) {
  auto layout = shards::Read(dir);
  if (!layout.ok()) return layout.status();
  OpenedIndex opened;
  if (!layout->sharded) {
    opened.db = Xapian::Database(dir, Xapian::DB_OPEN);  // errors: the caller names `dir`
    return opened;
  }
  opened.remote = !layout->remote.empty();
  std::size_t added = 0;
  auto add = [&](const std::string& name, auto&& open) -> Status {
    try {
      Result<Xapian::Database> shard = open();
      if (!shard.ok()) return shard.status();
      opened.db.add_database(*shard);
      ++added;
      return Status::Ok();
    } catch (const Xapian::DatabaseModifiedError&) {
      throw;  // a race with a commit, not a shard that is down: the caller opens again
    } catch (const Xapian::DatabaseCorruptError&) {
      throw;  // likewise (a root block reused by a commit while opening)
    } catch (const Xapian::Error& e) {
      if (options.allow_partial) {
        opened.missing.push_back(name + ": " + e.get_description());
        return Status::Ok();
      }
      const std::string message = "shard " + name + " of " + dir + " cannot be opened (" + e.get_description() +
                                  "); start it (for a remote shard, its xapian-tcpsrv), or search with "
                                  "--partial to answer from the other shards";
      // A shard that is down may come back: Unavailable; a local one that is damaged or gone
      // keeps the IoError it always had.
      if (IsNetworkError(e)) return Status::Unavailable(message);
      return Status::IoError(message);
    }
  };
  for (const std::string& local : layout->local) {
    const Status st = add(local, [&]() -> Result<Xapian::Database> { return Xapian::Database(local, Xapian::DB_OPEN); });
    if (!st.ok()) return st;
  }
  for (const std::string& remote : layout->remote) {
    const Status st = add(remote, [&] { return OpenRemote(remote, options.remote_timeout_ms); });
    if (!st.ok()) return st;
  }
  if (added == 0) {
    return Status::Unavailable("no shard of " + dir + " can be opened (" + opened.missing.front() + ")");
  }
  return opened;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Refuses a schema the reader does not understand (see ReadRequirements::min_schema).
Status CheckSchema(const std::string& dir, const std::string& version, Xapian::doccount documents,
                   int min_schema) {
  const int current = std::stoi(std::string(schema::kSchemaVersion));
  const int v = AllDigits(version) && version.size() < 6 ? std::stoi(version) : 0;
  if (version.empty() && min_schema == 0) return Status::Ok();
  if (version.empty() && documents == 0) {
    return Status::NotFound(dir + " holds no vankien index; build one with `vankien index --db " + dir + " …`");
  }
  if (v < min_schema || v > current) {
    return Status::FailedPrecondition(
        dir + " was built with index schema " + (version.empty() ? "?" : version) + ", this reader reads schemas " +
        std::to_string(min_schema == 0 ? 1 : min_schema) + " to " + std::to_string(current) + "; index it again" +
        (v > current ? " or use a newer vankien" : ""));
  }
  return Status::Ok();
}

}  // namespace

Result<OpenedIndex> OpenNewest(const std::string& dir, const OpenOptions& options) {
  for (int attempt = 1;; ++attempt) {
    try {
      return OpenIndex(dir, options);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kReadAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == kReadAttempts) throw;
    }
  }
}

Status ReadError(const Xapian::Error& e, const std::string& dir, std::string_view what) {
  const std::string where = std::string(what) + " on " + dir;
  // Xapian::Error is not polymorphic: its class is told by name.
  const std::string_view type = e.get_type();
  if (IsNetworkError(e)) {
    return Status::Unavailable(where + " failed: a remote shard does not answer (" + e.get_description() +
                               "); start its xapian-tcpsrv, or search with --partial to answer from the "
                               "other shards");
  }
  if (type == "DatabaseLockError") {
    return Status::FailedPrecondition(where + " failed: the index is locked (" + e.get_description() +
                                      "); wait for the other process to finish");
  }
  if (type == "DatabaseVersionError") {
    return Status::FailedPrecondition(dir + " is in a format this Xapian cannot read (" + e.get_description() +
                                      "); rebuild it with `vankien index`");
  }
  if (type == "DatabaseNotFoundError") {
    return Status::NotFound("no vankien index in " + dir + " (" + e.get_description() +
                            "); build one with `vankien index --db " + dir + " PATH...`");
  }
  if (type == "DatabaseCorruptError") {
    return Status::Corrupt(dir + " is damaged (" + e.get_description() + "); rebuild it with `vankien index`");
  }
  if (type == "DatabaseModifiedError") {
    return Status::IoError(where + " failed while the index kept changing (" + e.get_description() + "); try again");
  }
  return Status::IoError(where + " failed: " + e.get_description());
}

Result<IndexForReading> OpenForReading(const std::string& dir, const OpenOptions& options,
                                       const ReadRequirements& requirements) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    return Status::NotFound("no index at " + dir + ": build one with `vankien index --db " + dir + " PATH...`");
  }
  if (!requirements.local_only.empty()) {
    if (auto layout = shards::Read(dir); layout.ok() && !layout->remote.empty()) {
      return Status::InvalidArgument(requirements.local_only + " (" + layout->remote.front() + ")");
    }
  }
  IndexForReading out;
  std::string stored;
  try {
    // The metadata is read in the same attempt as the open, so it comes from the revision opened.
    for (int attempt = 1;; ++attempt) {
      try {
        auto opened = OpenIndex(dir, options);
        if (!opened.ok()) return opened.status();
        out.schema_version = opened->db.get_metadata(std::string(schema::kMetaSchemaVersion));
        stored = opened->db.get_metadata(std::string(schema::kMetaRegistry));
        if (Status st = CheckSchema(dir, out.schema_version, opened->db.get_doccount(), requirements.min_schema);
            !st.ok()) {
          return st;
        }
        out.index = std::move(opened).value();
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kReadAttempts) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt == kReadAttempts) throw;
      }
    }
  } catch (const Xapian::Error& e) {
    return ReadError(e, dir, "opening the index");
  }
  if (!stored.empty()) {
    auto parsed = refs::Registry::Parse(stored, dir + " (stored registry)");
    if (!parsed.ok()) return parsed.status();
    out.registry = std::move(parsed).value();
  }
  return out;
}

}  // namespace vankien::search
