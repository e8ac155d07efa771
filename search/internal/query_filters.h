// Internal (includes <xapian.h>): only search/ .cc files and tests include it.
// Field filters: what a field value typed by a person (`loai:nghi-quyet`, `khoa:13`,
// `tu:6/2020`, `so:nq 21/tw`) or given in a Filters struct means, as a boolean Xapian query over
// the filter terms and value slots of indexer/schema.h.
// Thread-safety: immutable after construction; methods may be called concurrently.
#ifndef VANKIEN_SEARCH_INTERNAL_QUERY_FILTERS_H_
#define VANKIEN_SEARCH_INTERNAL_QUERY_FILTERS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "search/query_syntax.h"

namespace vankien::refs {
class Recognizer;
}

namespace vankien::search {

class ReferenceIndex;

class FilterBuilder {
 public:
  // `recognizer` (optional) reads document numbers for so: and trichdan:; `index` (optional)
  // lists the relation terms the status filter (hieuluc:) selects by. Without it hieuluc: fails.
  FilterBuilder(const text::Analyzer& analyzer, const refs::Recognizer* recognizer,
                const ReferenceIndex* index = nullptr);

  // Bounds on what one field value may expand to: comma-separated values, and distinct years
  // in nam: (its values and ranges merged into one set).
  static constexpr std::size_t kMaxFieldValues = 32;
  static constexpr std::size_t kMaxYears = 201;

  // The documents `value` selects for `field`. Several values separated by commas select any
  // of them ("loai:NQ,CT"). InvalidArgument, with a message for the user, when the value means
  // nothing for the field ("khoa:abc", "tu:hôm qua") or is over a bound above.
  Result<Xapian::Query> ForField(syntax::Field field, std::string_view value) const;

  // All of `filters` AND-ed; an empty Xapian::Query when `filters` is empty.
  Result<Xapian::Query> ForFilters(const Filters& filters) const;

  // Canonical values, also used to read facet values back: "nghị quyết" → "NQ", "13" → "XIII",
  // "TƯ" → "TW", "30/6/2020" → "2020-06-30". Empty when not understood.
  std::string TypeCode(std::string_view value) const;
  static std::string TermNumeral(std::string_view value);
  std::string IssuerCode(std::string_view value) const;
  static std::string DateValue(std::string_view value);

 private:
  Result<Xapian::Query> One(syntax::Field field, std::string_view value) const;
  Result<Xapian::Query> Years(const std::vector<std::string_view>& parts) const;
  Result<Xapian::Query> StatusFilter(std::string_view value) const;
  const text::Analyzer& analyzer_;
  const refs::Recognizer* recognizer_;
  const ReferenceIndex* index_;
};

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_INTERNAL_QUERY_FILTERS_H_
