// Content hashes of source files, for incremental indexing (a file is re-read only when its
// hash changed). Thread-safety: pure function.
#ifndef VANKIEN_INDEXER_DOC_FILE_HASH_H_
#define VANKIEN_INDEXER_DOC_FILE_HASH_H_

#include <string>

#include "indexer/base/status.h"

namespace vankien {

// 64-bit FNV-1a of the file's bytes plus its length, as 16+ hex digits. Not cryptographic:
// it detects edits, not tampering.
Result<std::string> HashFile(const std::string& path);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_FILE_HASH_H_
