// Validity: whether a document the archive holds or cites is still in force as far as the
// archive knows — replaced, repealed, amended or expired by what other documents state
// (indexer/refs/relations.h, stored as XREL: terms) — with the evidence, and its lược đồ (the
// relations to and from it). Computed at query time from the relation terms, never stored
// (README, "Validity"). Thread-safety: pure functions and plain values; the Searcher methods
// that fill them follow the Searcher's rules.
#ifndef VANKIEN_SEARCH_VALIDITY_H_
#define VANKIEN_SEARCH_VALIDITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/doc/document.h"

namespace vankien::search {

// True for a document validity applies to: an official one (its own number, or an official
// kind); a news article is neither in force nor replaced.
inline bool HasValidity(const Document& d) { return !d.symbol.empty() || (!d.kind.empty() && d.kind != "article"); }

enum class ValidityStatus { kInForce, kReplaced, kRepealed, kAmended, kExpired };

// "in-force", "replaced", "repealed", "amended", "expired".
std::string_view ValidityName(ValidityStatus status);

// The status a name means: the English names above, or Vietnamese with or without marks
// ("con-hieu-luc", "bi-thay-the", "bai-bo", "sua-doi", "het-hieu-luc"). False when none.
bool ParseValidity(std::string_view name, ValidityStatus* status);

// One relation between two documents, seen from one of them.
struct RelationEdge {
  std::string type;     // refs::RelationTypeName ("replaces", "amends", …)
  std::string part;     // repeals/amends: "whole" or "part"; "" otherwise
  std::vector<std::string> articles;
  // The other document: its id when the archive holds it ("" for a number only cited), its
  // canonical symbol (or "Luật <Tên> <year>"), title and date when known.
  std::string id, symbol, title, date;
  std::string sentence;  // the stating sentence, from the stating document's text
};

struct Validity {
  ValidityStatus status = ValidityStatus::kInForce;
  // The edges that decided `status` (those whose type is the status's: the replacing documents
  // of a replaced one…); empty for in force.
  std::vector<RelationEdge> evidence;
  // The status in Vietnamese words, honest about what the archive cannot know ("Còn hiệu lực
  // theo những gì kho biết: không có thông tin thay thế trong kho").
  std::string note;
};

// The status that `incoming` (relations other documents state about this one) and the
// document's own `expires_on` (ISO date or "") give on `today` (ISO "YYYY-MM-DD"). Rules, the
// first that applies wins: repealed (a whole repeal) > replaced > expired (an `expires`
// relation, or expires_on before today) > amended (an amendment, or a partial repeal) > in force.
Validity DecideValidity(const std::vector<RelationEdge>& incoming, std::string_view expires_on,
                        std::string_view today);

// Today's date (UTC) as "YYYY-MM-DD".
std::string TodayIso();

// What a document's lược đồ shows: what it states about others (from its stored relations),
// what others state about it, and its validity. Each list newest first.
struct DocumentRelationsReport {
  std::string symbol;                 // whose report this is
  std::vector<RelationEdge> outgoing; // this document replaces/amends/… the edge's document
  std::vector<RelationEdge> incoming; // the edge's document replaces/amends/… this one
  std::string effective_from, expires_on;
  Validity validity;
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_VALIDITY_H_
