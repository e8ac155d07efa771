// Status and Result<T>: how vankien functions report failure without exceptions crossing a
// public header. A Status is ok or carries a code callers can branch on and a message that names
// the input and what to do; callers never parse the message. Modelled on absl::Status.
// Thread-safety: plain values; copy freely.
#ifndef VANKIEN_INDEXER_BASE_STATUS_H_
#define VANKIEN_INDEXER_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vankien {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,     // the caller's input is wrong (a bad query, option, file format choice)
    kNotFound,            // no such document, file or entry
    kIoError,             // reading or writing failed for another reason
    kCorrupt,             // the data is damaged or not what it claims to be
    kInternal,            // a bug or an exhausted allocator: not the caller's fault
    kResourceExhausted,   // disk full, file size limit or quota reached
    kPermissionDenied,    // read-only file system or no permission
    kFailedPrecondition,  // the system is not in a state to do it (another writer holds the lock,
                          // a folder that is not an index)
    kUnavailable,         // a remote shard or service is down; trying again later may work
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }
  static Status ResourceExhausted(std::string m) { return Status(Code::kResourceExhausted, std::move(m)); }
  static Status PermissionDenied(std::string m) { return Status(Code::kPermissionDenied, std::move(m)); }
  static Status FailedPrecondition(std::string m) { return Status(Code::kFailedPrecondition, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(Code::kUnavailable, std::move(m)); }
  // The same code with `m` as the message (to add context while keeping what callers branch on).
  static Status WithCode(Code code, std::string m) { return code == Code::kOk ? Status() : Status(code, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NOT_FOUND: no document ..." (or "OK"), for logs and test failures.
  std::string ToString() const {
    std::string s(CodeName(code_));
    if (!ok()) s.append(": ").append(message_);
    return s;
  }
  // The code's stable upper-case name: "OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", ...
  static std::string_view CodeName(Code code) {
    switch (code) {
      case Code::kOk: return "OK";
      case Code::kInvalidArgument: return "INVALID_ARGUMENT";
      case Code::kNotFound: return "NOT_FOUND";
      case Code::kIoError: return "IO_ERROR";
      case Code::kCorrupt: return "CORRUPT";
      case Code::kInternal: return "INTERNAL";
      case Code::kResourceExhausted: return "RESOURCE_EXHAUSTED";
      case Code::kPermissionDenied: return "PERMISSION_DENIED";
      case Code::kFailedPrecondition: return "FAILED_PRECONDITION";
      case Code::kUnavailable: return "UNAVAILABLE";
    }
    return "UNKNOWN";
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like StatusOr.
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_BASE_STATUS_H_
