// Document keys: a canonical symbol plus what tells documents that share it apart
// ("21-NQ/TW@XIII", "749/QĐ-TTg@2023", "30/2020/NĐ-CP"). One spelling for the recognizer
// (Mention::Key), the writer's XKEY/XOWNKEY terms, the catalogue and the archive generator.
// Thread-safety: pure functions.
#ifndef VANKIEN_INDEXER_REFS_KEY_H_
#define VANKIEN_INDEXER_REFS_KEY_H_

#include <string>
#include <string_view>

namespace vankien::refs {

// The key of the document `symbol` (a canonical symbol, Mention::Canonical()) names, given its
// Party term (Roman, may be "") and its date ("YYYY[-MM[-DD]]", may be ""):
//   Party ("N-T/I"; numbers restart every term): symbol@term; without a term, the term in
//     force on `date` (PartyTermOn); when the date falls in no single term, symbol@year;
//     with neither, the symbol.
//   State ("N/…"): a symbol that shows its year ("30/2020/NĐ-CP", "59/2020/QH14") is its own
//     key; one that does not ("749/QĐ-TTg", công văn "3546/UBND-VP") restarts every year, so
//     symbol@year when `date` gives one, else the symbol.
// Descriptive keys of unnumbered references ("NQ/TW/HNTW4/XII", not starting with a digit)
// already name their plenum or congress and are returned unchanged, as is "".
std::string DocumentKey(std::string_view symbol, std::string_view term, std::string_view date);

// A key split at its '@': {"21-NQ/TW", "XIII"}; a key without '@' is all symbol, suffix "".
struct KeyParts {
  std::string_view symbol;
  std::string_view suffix;  // a Roman term, a four-digit year, or ""
};
KeyParts SplitKey(std::string_view key);

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_KEY_H_
