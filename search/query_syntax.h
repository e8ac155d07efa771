// The query language's syntax: what a person types, as a tree. Free words, "quoted phrases",
// AND / OR / NOT (upper case), +required and -excluded items, parentheses and field filters
// (`loai:NQ`, `khoa:XIII`, `tu:2020-01-01`). Parsing never fails: whatever cannot be read as
// syntax is read as words, and each such repair adds a notice for the user.
// Precedence, loosest first: OR, AND, then juxtaposition (ranked, like a search box).
// Thread-safety: pure functions.
#ifndef VANKIEN_SEARCH_QUERY_SYNTAX_H_
#define VANKIEN_SEARCH_QUERY_SYNTAX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::search::syntax {

// How a clause takes part in its group.
enum class Occur {
  kShould,   // ranks: documents with it score more
  kMust,     // +item, or any item of an AND group
  kMustNot,  // -item or NOT item
};

// The field a filter names, whatever spelling or language was typed.
enum class Field {
  kType,    // loai: type: — "NQ", "nghi-quyet", "article"
  kSymbol,  // so: symbol: — the document's own number
  kCites,   // trichdan: cites: — documents citing a number
  kIssuer,  // coquan: issuer:
  kTerm,    // khoa: term:
  kFrom,    // tu: from:
  kTo,      // den: to:
  kYear,    // nam: year:
  kSource,  // nguon: source:
  kKind,    // kieu: kind: — "article" (bai-viet) or "official" (van-ban)
  // Relations (indexer/schema.h, XREL:): the documents stating that relation of a number —
  // thaythe:21-NQ/TW is "what replaces 21-NQ/TW".
  kReplaces,    // thaythe: replaces:
  kRepeals,     // baibo: repeals:
  kAmends,      // suadoi: amends:
  kGuides,      // huongdan: guides:
  kBasedOn,     // cancu: basedon:
  kImplements,  // trienkhai: implements:
  kExpires,     // hethieuluc: expires:
  kStatus,      // hieuluc: status: — in-force, replaced, repealed, amended, expired (search/validity.h)
};

// The relation type (refs::RelationTypeName: "replaces", …) a relation field selects, or ""
// for any other field.
std::string_view RelationOfField(Field field);

struct Node;

struct Clause {
  Occur occur = Occur::kShould;
  std::vector<Node> node;  // exactly one element (a vector so that Node can be incomplete here)
};

struct Node {
  enum class Kind {
    kText,    // a run of plain words, as typed (references inside it are found later)
    kPhrase,  // "quoted words", in this order (the query compiler decides when it is required)
    kField,   // field:value
    kGroup,   // clauses combined by `op`
  };
  enum class Op {
    kDefault,  // juxtaposition: should clauses rank, must clauses are required
    kAnd,      // every clause required
    kOr,       // any clause
  };
  Kind kind = Kind::kText;
  std::string text;  // kText and kPhrase: the words; kField: the value
  Field field = Field::kType;
  Op op = Op::kDefault;
  std::vector<Clause> clauses;  // kGroup
};

struct ParsedSyntax {
  Node root;  // always a kGroup
  std::vector<std::string> notices;  // what was repaired, in words for the user
};

// Parses `query`. Nesting deeper than kMaxDepth is read as words.
inline constexpr std::size_t kMaxDepth = 32;
ParsedSyntax Parse(std::string_view query);

// The field a name means ("loai", "loại", "type", "coquan", "cơ quan"…), or false when the name
// is not a field. Names compare without case or diacritics.
bool LookupField(std::string_view name, Field* field);

// The field's Vietnamese name, as the README documents it ("loai").
std::string_view FieldName(Field field);

}  // namespace vankien::search::syntax

#endif  // VANKIEN_SEARCH_QUERY_SYNTAX_H_
