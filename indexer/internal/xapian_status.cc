#include "indexer/internal/xapian_status.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace vankien {

Status::Code WriteErrnoCode(int err) {
  switch (err) {
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
      return Status::Code::kResourceExhausted;
    case EROFS:
    case EACCES:
    case EPERM:
      return Status::Code::kPermissionDenied;
    default:
      return Status::Code::kIoError;
  }
}

Status::Code XapianWriteCode(const Xapian::Error& e) {
  // Xapian::Error has no virtual functions to dynamic_cast with; get_type() names the class.
  if (std::strcmp(e.get_type(), "DatabaseLockError") == 0) return Status::Code::kFailedPrecondition;
  // Xapian 1.4 keeps the errno private and exposes only strerror() of it; some of its write
  // errors carry no errno and put the system's words in the message instead ("Error writing
  // block 7 (No space left on device)"). Comparing with strerror() of the few values that have
  // a code recovers the errno exactly, here where the error arises, so no caller reads the text.
  const char* error_string = e.get_error_string();
  const std::string description = e.get_description();
  for (const int err : {ENOSPC, EFBIG, EDQUOT, EROFS, EACCES, EPERM}) {
    const char* text = std::strerror(err);
    if ((error_string != nullptr && std::strcmp(error_string, text) == 0) ||
        description.find(text) != std::string::npos) {
      return WriteErrnoCode(err);
    }
  }
  return Status::Code::kIoError;
}

}  // namespace vankien
