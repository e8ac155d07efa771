// Recognizer: finds every reference to a Party or state document in running Vietnamese text,
// in the spellings real text uses (see README, "Document references"), and returns each with
// its offsets, attributes and canonical symbol.
// Thread-safety: immutable after construction; Find may be called from many threads.
#ifndef VANKIEN_INDEXER_REFS_RECOGNIZER_H_
#define VANKIEN_INDEXER_REFS_RECOGNIZER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "indexer/refs/mention.h"

namespace vankien::refs {

class Registry;

class Recognizer {
 public:
  // `registry` (optional, must outlive the recognizer) resolves informal references such as
  // "Nghị quyết Trung ương 4 khóa XII" to a symbol.
  explicit Recognizer(const Registry* registry = nullptr);
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  // Mentions in `text` (any bytes; invalid UTF-8 is tolerated), in text order. Mentions never
  // overlap, except the two readings of "Trung ương 4 (khóa XI, XII)", which share a span.
  // An informal reference gets the issuer the text names (an issuer phrase after it, the
  // subject of the verb that issues it); `document_issuer` (optional: the issuer code of the
  // official document `text` comes from, "BTC", "UBND", "TU") is used for an informal number
  // the text names no issuer for, when that body issues documents of its type. Without it
  // such an issuer stays empty.
  std::vector<Mention> Find(std::string_view text, std::string_view document_issuer = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_RECOGNIZER_H_
