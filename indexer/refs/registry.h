// Registry: facts about known Party and state documents (symbol, type, number, issuer, date,
// term, plenum, title), read from a TSV file. The recognizer uses it to resolve informal
// references ("Nghị quyết Trung ương 4 khóa XII" → 04-NQ/TW) and callers use it for titles.
// Thread-safety: const methods may be called from many threads; Add needs exclusive access.
#ifndef VANKIEN_INDEXER_REFS_REGISTRY_H_
#define VANKIEN_INDEXER_REFS_REGISTRY_H_

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/refs/mention.h"

namespace vankien::refs {

class Registry {
 public:
  // One document. A symbol may have several entries: Party numbers restart every term, so
  // 21-NQ/TW names one resolution of term XII (2017) and another of term XIII (2022).
  struct Entry {
    std::string symbol;       // canonical, as Mention::Canonical() prints it: "04-NQ/TW"
    std::string type;         // type code: "NQ", "QĐi", "NĐ", "CV"; "L" for laws
    std::string type_name;    // the noun: "Nghị quyết", "Quy định", "Luật"
    std::string number;       // without leading zeros: "4", "30a"
    std::string issuer;       // issuer code from the symbol: "TW", "CP", "QH13", "BNV-VPCP"
    std::string unit;         // state công văn drafting unit ("VP" in 3546/UBND-VP), else ""
    std::string issuer_name;  // "Bộ Chính trị", "Ban Chấp hành Trung ương", "Chính phủ"
    System system = System::kUnknown;  // from the symbol's shape: "N-T/I" Party, "N/..." state
    std::string date;                  // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" when unknown
    std::string term;                  // Party khóa in Roman numerals ("XII"); "" for state
    std::optional<int> plenum;         // the Hội nghị Trung ương that adopted it, if any
    std::string title;  // "về tăng cường xây dựng, chỉnh đốn Đảng; ..."

    // The year of `date`, if known.
    std::optional<int> Year() const;
  };
  using const_iterator = std::vector<Entry>::const_iterator;

  // The header line of the project format, without its newline.
  static constexpr std::string_view kHeader =
      "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle";

  Registry() = default;

  // Reads the project format (corpus/registry.tsv), as Save writes it: the kHeader line, then
  // one entry per line, eight TAB-separated columns:
  //   symbol  canonical symbol; the type code, issuer code, unit and system are derived from it
  //   type    the type noun ("Nghị quyết"); gives the type code of "80/2015/QH13" ("Luật" → L)
  //           and tells state công văn ("Công văn", symbol "<n>/<issuer>-<unit>") apart
  //   number  without leading zeros; must agree with the symbol
  //   issuer  issuer name ("Bộ Chính trị")
  //   date    "YYYY-MM-DD", "YYYY-MM", "YYYY" or empty
  //   term    Party khóa in Roman numerals, or empty (filled from the date for Party entries);
  //           must be empty for state entries
  //   plenum  Hội nghị Trung ương number, or empty
  //   title   free text
  // Blank lines are skipped; a trailing '\r' is ignored. Errors: kIoError when the file cannot
  // be read; kCorrupt, naming the file and line, for a wrong header, a wrong column count, a
  // symbol that is not canonical or disagrees with the number, a bad date, term or plenum, or
  // a repeated (symbol, term, date).
  static Result<Registry> Load(const std::string& path);

  // Reads the shared research registry (../shared/data/registry.tsv): header
  // "symbol type number issuer date term title source_url", where issuer is a long name that may
  // end in "(Hội nghị TW N)" (taken out into `plenum`) and term may be a National Assembly term
  // "QH XIII" (dropped: only Party terms are kept). Source URLs are not kept. Same errors as
  // Load.
  static Result<Registry> ImportShared(const std::string& path);

  // Parses the project format from memory (the copy an index keeps in its metadata); `name`
  // names the source in error messages.
  static Result<Registry> Parse(std::string_view tsv, const std::string& name);
  // The project format as text, exactly what Save writes.
  std::string ToTsv() const;

  // Writes the project format (see Load) to `path`, replacing it: entries sorted by type noun,
  // then date, then symbol; TABs and line breaks inside fields become spaces. Writes a sibling
  // temporary file first, so a failed save leaves an existing file intact. kIoError on failure.
  Status Save(const std::string& path) const;

  // Adds `entry`, replacing an entry with the same symbol, term and date. `entry.symbol` must be
  // canonical. Invalidates pointers returned by the lookups.
  void Add(Entry entry);

  // Every entry for `canonical_symbol` (exact, case-sensitive: "21-NQ/TW"), in insertion order.
  std::vector<const Entry*> FindBySymbol(std::string_view canonical_symbol) const;

  // The one entry for `canonical_symbol` that fits: entries whose known term or year contradicts
  // the given `term` or `year` are ruled out; among the rest, an exact term match wins, then a
  // year match, then the only entry left. nullptr when none is left or the choice is ambiguous
  // (21-NQ/TW without term or year).
  const Entry* Find(std::string_view canonical_symbol, std::string_view term,
                    std::optional<int> year) const;

  // The Party Central Committee documents of type `type_code` ("NQ") adopted by plenum `plenum`
  // of term `term` (any term when empty), ordered by number: ("NQ", 6, "XII") → 18-, 20-,
  // 21-NQ/TW.
  std::vector<const Entry*> FindByPlenum(std::string_view type_code, int plenum,
                                         std::string_view term) const;

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }

 private:
  std::vector<Entry> entries_;
  // symbol → indexes into entries_, in insertion order.
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_symbol_;
};

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_REGISTRY_H_
