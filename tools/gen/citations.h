// The documents a synthetic archive cites: the known ones of a registry plus synthetic Party and
// state documents with plausible numbers, years and issuers, ranked by a Zipf-like popularity.
// How a citation is spelled is in tools/gen/spelling.h.
// Thread-safety: a CitationIndex is immutable after construction; draws take the caller's Rng.
#ifndef VANKIEN_TOOLS_GEN_CITATIONS_H_
#define VANKIEN_TOOLS_GEN_CITATIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tools/gen/random.h"

namespace vankien::refs {
class Registry;
}

namespace vankien::gen {

struct CitedDocument {
  std::string symbol;       // canonical, as refs::Mention::Canonical() prints it: "21-NQ/TW"
  std::string noun;         // the type noun: "Nghị quyết", "Quy định", "Luật"
  std::string type;         // the type code: "NQ", "QĐ", "L"
  std::string number;       // without leading zeros: "21"
  std::string issuer;       // the issuer code: "TW", "BTCTW", "CP", "TTg", "QH13"
  int symbol_year = 0;      // the year inside a state symbol (01/2021/NĐ-CP), else 0
  bool party = false;       // "N-T/I" Party symbol, else a state one
  std::string date;         // "YYYY-MM-DD"; may be "YYYY-MM", "YYYY" or "" for registry entries
  int year = 0;             // of `date`; 0 when unknown (citable on any date)
  std::string term;         // Party khóa in Roman numerals ("XII"); "" for state documents
  int plenum = 0;           // the Hội nghị Trung ương that adopted it, 0 if none or unknown
  std::string issuer_name;  // "Bộ Chính trị", "Chính phủ"
  std::string subject;      // "về ..." (may be empty)
  bool known = false;       // from the registry rather than made up
};

// A uniformly drawn day of `year`, "YYYY-MM-DD".
std::string RandomDateIn(int year, Rng& rng);

// Weights of the years first_year..last_year for dating documents: (year - 1980)^2, because an
// archive holds many more recent documents than old ones (1990 weighs 100, 2025 weighs 2025).
std::vector<unsigned> RecentYearWeights(int first_year, int last_year);

// The registry's entries as citable documents, in registry order.
std::vector<CitedDocument> FromRegistry(const refs::Registry& registry);

// `count` made-up documents dated between `first_year` and `last_year` (about 46% Party:
// resolutions, conclusions, directives, regulations, guidance of the Central Committee and its
// boards; the rest state: decrees, Prime Minister's decisions and directives, government
// resolutions, ministry circulars, provincial decisions), distinct from each other and from
// `avoid` by symbol and term (Party) or symbol and year (state numbers without a year).
std::vector<CitedDocument> SyntheticDocuments(std::size_t count, int first_year, int last_year,
                                              const std::vector<CitedDocument>& avoid,
                                              std::uint64_t seed);

// All citable documents by popularity rank: known ones first (the famous documents), then the
// synthetic ones. Rank r is drawn with weight 1/(r + 3): a Zipf law (exponent 1) flattened at
// the top, so that the most cited document takes about 4% of the citations, not 10%.
class CitationIndex {
 public:
  explicit CitationIndex(std::vector<CitedDocument> by_rank);

  std::size_t size() const { return documents_.size(); }
  const CitedDocument& at(std::size_t rank) const { return documents_[rank]; }

  // A popularity-weighted document issued before `date` ("YYYY-MM-DD"; a document of unknown
  // date always qualifies), other than `exclude`; nullptr when 64 draws found none (a 1990
  // article has few documents to cite).
  const CitedDocument* Draw(Rng& rng, const std::string& date,
                            const CitedDocument* exclude = nullptr) const;

 private:
  std::vector<CitedDocument> documents_;
  std::vector<double> cumulative_;  // cumulative_[r] = sum of the weights of ranks 0..r
};

}  // namespace vankien::gen

#endif  // VANKIEN_TOOLS_GEN_CITATIONS_H_
