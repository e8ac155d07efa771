// OcrCache: OCR results kept on disk by the content hash of the file they were read from, so
// that re-indexing an archive (a schema change, a rebuild, a touched file) does not recognise
// its scans again — OCR costs seconds a page, everything else milliseconds.
// One JSON file per entry, written to a temporary name and renamed, so a crash never leaves a
// half-written entry and concurrent indexers at worst both write the same result.
// Thread-safety: Get and Put may be called from many threads and processes at once.
#ifndef VANKIEN_INDEXER_DOC_OCR_CACHE_H_
#define VANKIEN_INDEXER_DOC_OCR_CACHE_H_

#include <optional>
#include <string>
#include <string_view>

#include "indexer/base/status.h"
#include "indexer/doc/ocr.h"

namespace vankien {

class OcrCache {
 public:
  // `dir` is created on the first Put; "" disables the cache (Get finds nothing, Put does nothing).
  explicit OcrCache(std::string dir) : dir_(std::move(dir)) {}

  // $VANKIEN_OCR_CACHE, else $XDG_CACHE_HOME/vankien/ocr, else $HOME/.cache/vankien/ocr, else "".
  static std::string DefaultDir();

  // The key of `bytes` read by `engine` ("tesseract 5.3.0 vie") with `what` (page limits …):
  // a 64-bit FNV-1a of each plus the size, as hex.
  static std::string Key(std::string_view bytes, std::string_view engine, std::string_view what);

  // The stored result for `key`, or nullopt (none, or unreadable: it is then recomputed).
  std::optional<OcrText> Get(const std::string& key) const;
  // Stores `text` under `key`. Results cut by the time limit are not stored (a later run with
  // more time should try again). Errors (kIoError) leave the cache as it was.
  Status Put(const std::string& key, const OcrText& text) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_OCR_CACHE_H_
