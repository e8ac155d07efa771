#include "search/index_open.h"

#include <charconv>

#include "indexer/shard_layout.h"

namespace vankien::search {
namespace {

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

}  // namespace

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
      return Status::IoError("shard " + name + " of " + dir + " cannot be opened (" + e.get_description() +
                             "); start it (for a remote shard, its xapian-tcpsrv), or search with "
                             "--partial to answer from the other shards");
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
    return Status::IoError("no shard of " + dir + " can be opened (" + opened.missing.front() + ")");
  }
  return opened;
}

}  // namespace vankien::search
