#include "indexer/terms.h"

namespace vankien::terms {
namespace {

std::string Prefixed(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  return term.append(prefix).append(value);
}

}  // namespace

std::string Folded(std::string_view folded) { return Prefixed(schema::kFoldedPrefix, folded); }
std::string Exact(std::string_view exact) { return Prefixed(schema::kExactPrefix, exact); }

std::string Pair(std::string_view folded_a, std::string_view folded_b) {
  std::string term;
  term.reserve(schema::kPairPrefix.size() + folded_a.size() + 1 + folded_b.size());
  return term.append(schema::kPairPrefix).append(folded_a).append(" ").append(folded_b);
}

// Reference values stay whole, never hashed: the catalogue reads symbols and keys back from
// the terms. One that does not Fit() is not indexed (the writer checks).
std::string Ref(std::string_view symbol) { return Prefixed(schema::kRefPrefix, symbol); }
std::string RefKey(std::string_view key) { return Prefixed(schema::kRefKeyPrefix, key); }
std::string OwnSymbol(std::string_view symbol) { return Prefixed(schema::kOwnSymbolPrefix, symbol); }
std::string OwnKey(std::string_view key) { return Prefixed(schema::kOwnKeyPrefix, key); }

std::string_view RelationTermType(std::string_view type, std::string_view part) {
  return type == "repeals" && part == "part" ? schema::kRepealsPartType : type;
}
std::string RelationTypePrefix(std::string_view type) {
  return Prefixed(schema::kRelationPrefix, type).append(":");
}
std::string Relation(std::string_view type, std::string_view target) {
  return RelationTypePrefix(type).append(target);
}

std::string Kind(std::string_view kind) { return schema::BoundedTerm(schema::kKindPrefix, kind); }
std::string Issuer(std::string_view code) { return schema::BoundedTerm(schema::kIssuerPrefix, code); }
std::string Term(std::string_view roman) { return schema::BoundedTerm(schema::kTermPrefix, roman); }
std::string Year(std::string_view year) { return schema::BoundedTerm(schema::kYearPrefix, year); }
std::string Source(std::string_view source) { return schema::BoundedTerm(schema::kSourcePrefix, source); }

std::string_view YearOfDate(std::string_view date) {
  return date.size() >= 4 ? date.substr(0, 4) : std::string_view();
}

std::string Id(std::string_view id) { return schema::IdTerm(id); }
std::string File(std::string_view path) { return schema::FileTerm(path); }

}  // namespace vankien::terms
