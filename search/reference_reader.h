// Reading the document numbers a user types (in a query, or to `vankien ref`): the recognizer's
// mentions plus the short forms it leaves to the archive ("nq 21", "NĐ 30/2020"), each resolved
// against the registry and the index to every document it may name, best first.
// Thread-safety: a ReferenceReader is immutable; Read is as thread-safe as its ReferenceIndex.
#ifndef VANKIEN_SEARCH_REFERENCE_READER_H_
#define VANKIEN_SEARCH_REFERENCE_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::refs {
class Recognizer;
class Registry;
}  // namespace vankien::refs

namespace vankien::search {

// What an index knows about reference terms (indexer/terms.h: XREF, XKEY, XOWN, XOWNKEY). The
// searcher implements it over its database; tests over a map.
class ReferenceIndex {
 public:
  virtual ~ReferenceIndex() = default;
  // Documents that have at least one of `terms`.
  virtual std::size_t Documents(const std::vector<std::string>& terms) const = 0;
  // The terms of the index that start with `prefix`, in byte order, at most `limit`.
  virtual std::vector<std::string> TermsStartingWith(const std::string& prefix, std::size_t limit) const = 0;
};

// One document a typed number may name.
struct ReferenceCandidate {
  std::string symbol;       // canonical symbol ("30/2020/NĐ-CP"), or a descriptive key ("NQ/TW/HNTW4/XI")
  std::string key;          // refs::DocumentKey: "21-NQ/TW@XIII"; equal to `symbol` when nothing more is known
  std::string descriptive;  // the plenum name it was found through ("NQ/TW/HNTW4/XII"), or ""
  std::string title;        // from the registry, may be ""
  std::string date;         // from the registry, may be ""
  std::size_t held = 0;     // documents of the archive that are it
  std::size_t citing = 0;   // documents that cite it (by this key when the symbol has several)
  std::size_t documents() const { return held + citing; }
};

// A number as the user typed it, and what it was read as.
struct ReferenceReading {
  std::string surface;  // as typed
  std::size_t byte_start = 0, byte_end = 0;
  // kExact: the text named one document (or nothing the archive knows; candidates then holds that
  //   reading alone). kPartial: a number without its issuer or year form ("Nghị định 30/2020",
  //   "Chỉ thị 16"): candidates[0] is the reading, the others are offered. kEveryTerm: a plenum
  //   name without a term ("NQTW 4"): one candidate per term it exists in, all of them meant.
  enum class Kind { kExact, kPartial, kEveryTerm };
  Kind kind = Kind::kExact;
  std::vector<ReferenceCandidate> candidates;  // best first (most documents, then newest); never empty
  std::string notice;  // for the user when the number was partial or a plenum name; "" otherwise

  // How many leading candidates the reading means: all of them for kEveryTerm, else one.
  std::size_t meant() const { return kind == Kind::kEveryTerm ? candidates.size() : 1; }
};

class ReferenceReader {
 public:
  // `recognizer` must outlive the reader; `registry` and `index` (both optional) too. Without
  // them partial numbers have no candidates and are left as words.
  ReferenceReader(const refs::Recognizer& recognizer, const refs::Registry* registry = nullptr,
                  const ReferenceIndex* index = nullptr);

  // The numbers in `text`, in text order; they do not overlap, except the two readings of
  // "Trung ương 4 (khóa XI, XII)", which share a span. A number nothing completes (no issuer,
  // and no document of that type and number in the registry or the index) is left out: its
  // words are all there is to search.
  std::vector<ReferenceReading> Read(std::string_view text) const;

  // The index it reads (nullptr when none): the status filter lists relation terms through it.
  const ReferenceIndex* index() const { return index_; }

 private:
  const refs::Recognizer& recognizer_;
  const refs::Registry* registry_;
  const ReferenceIndex* index_;
};

// The type code and number of a canonical symbol, read from its shape: Party "N-T/I", state
// "N/T-I" or "N/YYYY/T-I" ("58-NQ/TW" → {"58", "NQ", "TW", ""}; "30/2020/NĐ-CP" → {"30", "NĐ",
// "CP", "2020"}). Empty fields for a descriptive key or a symbol of another shape.
struct SymbolShape {
  std::string number, type, issuer, year;
};
SymbolShape ShapeOf(std::string_view symbol);

// True when `surface` writes `symbol` out with its issuer ("Nghị quyết số 58/NQ-CP", "NQ 21/TW"),
// false for a bare "Nghị quyết 58" or "Nghị định 30/2020" the recognizer completed.
bool SpelledOut(std::string_view surface, std::string_view symbol);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_REFERENCE_READER_H_
