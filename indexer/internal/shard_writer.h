// Internal (includes <xapian.h>): only indexer/ .cc files include it.
// ShardWriter: one writable Xapian database and the thread that applies changes to it. Xapian
// spends most of an indexing run inverting documents into postings (adding to its buffers and
// writing them out at commit); running that on a thread per shard lets the caller analyse the
// next documents meanwhile, and lets N shards invert on N cores.
//
// Thread-safety: call every method from one thread (the owner). The database itself may be
// used directly by the owner only while the writer is idle, i.e. after Wait() and before the
// next Replace() or QueueCommit().
#ifndef VANKIEN_INDEXER_INTERNAL_SHARD_WRITER_H_
#define VANKIEN_INDEXER_INTERNAL_SHARD_WRITER_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "indexer/base/status.h"

namespace vankien {

class ShardWriter {
 public:
  // Takes over `db` and starts the writing thread.
  explicit ShardWriter(Xapian::WritableDatabase db, std::size_t queue_limit = 64);
  // Stops the thread after the queued changes; does not commit (Xapian's own destructor
  // commits what is pending, see IndexWriter).
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues replacing the document whose unique term is `id_term` by `doc` (adding it when
  // there is none); `id` names it in an error message. Blocks while the queue is full, so
  // memory stays bounded however fast the caller produces documents.
  void Replace(std::string id_term, Xapian::Document doc, std::string id);
  // Queues a commit of every change queued before it.
  void QueueCommit();
  // Waits until every queued change is applied; returns the first failure since the writer
  // started (after which it applies nothing more).
  Status Wait();

  // The database; only while idle (see above).
  Xapian::WritableDatabase& db() { return db_; }

 private:
  struct Change {
    bool commit = false;
    std::string id_term;
    std::string id;
    Xapian::Document doc;
  };
  void Run();
  void Apply(Change& change);

  Xapian::WritableDatabase db_;
  const std::size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable changed_;  // queue gained a change, or stop
  std::condition_variable drained_;  // queue lost a change, or went idle
  std::deque<Change> queue_;
  bool busy_ = false;  // the thread is applying a change taken off the queue
  bool stop_ = false;
  Status error_;
  std::thread thread_;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_INTERNAL_SHARD_WRITER_H_
