// Status codes for the errors Xapian raises while a database is written: what callers branch on
// (a full disk, an unwritable database, a lock held by another writer) instead of Xapian's text.
// Internal to the indexer (indexer/internal/): included by its .cc files only.
// Thread-safety: pure functions; callable from any thread.
#ifndef VANKIEN_INDEXER_XAPIAN_STATUS_H_
#define VANKIEN_INDEXER_XAPIAN_STATUS_H_

#include <xapian.h>

#include "indexer/base/status.h"

namespace vankien {

// The code of an errno value met while writing: ENOSPC, EFBIG, EDQUOT → kResourceExhausted;
// EROFS, EACCES, EPERM → kPermissionDenied; anything else kIoError.
Status::Code WriteErrnoCode(int err);

// The code of a Xapian error met while opening or writing a database: a DatabaseLockError →
// kFailedPrecondition (the caller tells a lock from an unwritable directory, which Xapian also
// reports as a lock failure); an error carrying one of the errno values above → its code; else
// kIoError.
Status::Code XapianWriteCode(const Xapian::Error& e);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_XAPIAN_STATUS_H_
