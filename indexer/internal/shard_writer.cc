#include "indexer/internal/shard_writer.h"

#include <utility>

#include "indexer/internal/xapian_status.h"

namespace vankien {

ShardWriter::ShardWriter(Xapian::WritableDatabase db, std::size_t queue_limit)
    : db_(std::move(db)), queue_limit_(queue_limit == 0 ? 1 : queue_limit), thread_([this] { Run(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::Replace(std::string id_term, Xapian::Document doc, std::string id) {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [&] { return queue_.size() < queue_limit_; });
  queue_.push_back(Change{false, std::move(id_term), std::move(id), std::move(doc)});
  lock.unlock();
  changed_.notify_one();
}

void ShardWriter::QueueCommit() {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [&] { return queue_.size() < queue_limit_; });
  queue_.push_back(Change{true, {}, {}, {}});
  lock.unlock();
  changed_.notify_one();
}

Status ShardWriter::Wait() {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [&] { return queue_.empty() && !busy_; });
  return error_;
}

void ShardWriter::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stop_, and nothing left to apply
    Change change = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    const bool skip = !error_.ok();  // after a failure Xapian's state may be half-applied
    lock.unlock();
    drained_.notify_all();
    Status status;
    if (!skip) {
      try {
        Apply(change);
      } catch (const Xapian::Error& e) {
        // The code is what callers branch on; IndexWriter adds which index and what to do.
        status = Status::WithCode(XapianWriteCode(e), change.commit
                                                          ? "commit failed: " + e.get_description()
                                                          : "cannot index " + change.id + ": " + e.get_description());
      }
    }
    change = Change{};  // the document is released on this thread, which last used it
    lock.lock();
    if (!status.ok() && error_.ok()) error_ = std::move(status);
    busy_ = false;
    if (queue_.empty()) drained_.notify_all();
  }
}

void ShardWriter::Apply(Change& change) {
  if (change.commit) {
    db_.commit();
  } else {
    db_.replace_document(change.id_term, change.doc);
  }
}

}  // namespace vankien
