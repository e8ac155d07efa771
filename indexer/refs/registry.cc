#include "indexer/refs/registry.h"
#include "indexer/base/strings.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>

namespace vankien::refs {
namespace {

constexpr std::string_view kSharedHeader =
    "symbol\ttype\tnumber\tissuer\tdate\tterm\ttitle\tsource_url";

enum class Format { kProject, kShared };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

int ParseInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}


std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string StripLeadingZeros(std::string_view number) {
  std::size_t first = number.find_first_not_of('0');
  if (first == std::string_view::npos) return number.empty() ? "" : "0";
  if (!IsDigit(number[first])) return std::string(number);  // "0a" keeps its zero.
  return std::string(number.substr(first));
}

bool ValidDate(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (!AllDigits(date.substr(0, 4))) return false;
  if (date.size() == 4) return true;
  if (date[4] != '-' || !AllDigits(date.substr(5, 2))) return false;
  int month = ParseInt(date.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  if (date[7] != '-' || !AllDigits(date.substr(8, 2))) return false;
  int day = ParseInt(date.substr(8, 2));
  return day >= 1 && day <= 31;
}

// Laws and National Assembly resolutions have no type code in their symbol ("80/2015/QH13"),
// so the noun supplies it.
std::string TypeCodeForLegislature(std::string_view type_name) {
  if (type_name == "Luật" || type_name == "Bộ luật") return "L";
  if (type_name == "Nghị quyết") return "NQ";
  if (type_name == "Nghị quyết liên tịch") return "NQLT";
  if (type_name == "Pháp lệnh") return "PL";
  return "";
}

bool IsLegislature(std::string_view s) {
  return s.substr(0, 2) == "QH" || s.substr(0, 6) == "UBTVQH";
}

// Splits a canonical symbol into the entry's code fields. The result is checked afterwards by
// printing it back with Mention::Canonical(), which rejects non-canonical spellings.
Status ParseSymbol(std::string_view symbol, Registry::Entry* e) {
  std::size_t sep = symbol.find_first_of("-/");
  if (sep == 0 || sep == std::string_view::npos || !IsDigit(symbol[0])) {
    return Status::Corrupt("symbol '" + std::string(symbol) +
                           "' is neither '<number>-<type>/<issuer>' nor '<number>/...'");
  }
  e->number = StripLeadingZeros(symbol.substr(0, sep));
  std::string_view rest = symbol.substr(sep + 1);
  if (symbol[sep] == '-') {
    e->system = System::kParty;
    std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) {
      return Status::Corrupt("Party symbol '" + std::string(symbol) +
                             "' lacks '<type>/<issuer>' after the number");
    }
    e->type = std::string(rest.substr(0, slash));
    e->issuer = std::string(rest.substr(slash + 1));
    return Status::Ok();
  }
  e->system = System::kState;
  std::string_view tail = rest;
  std::size_t slash = rest.find('/');
  if (slash != std::string_view::npos) {
    std::string_view year = rest.substr(0, slash);
    if (year.size() != 4 || !AllDigits(year)) {
      return Status::Corrupt("state symbol '" + std::string(symbol) +
                             "' has no 4-digit year between its slashes");
    }
    tail = rest.substr(slash + 1);
  }
  if (tail.empty()) {
    return Status::Corrupt("state symbol '" + std::string(symbol) + "' ends after a slash");
  }
  std::size_t dash = tail.find('-');
  if (e->type_name == "Công văn") {
    e->type = "CV";
    e->issuer = std::string(tail.substr(0, dash));
    if (dash != std::string_view::npos) e->unit = std::string(tail.substr(dash + 1));
    return Status::Ok();
  }
  if (dash == std::string_view::npos && IsLegislature(tail)) {
    e->type = TypeCodeForLegislature(e->type_name);
    if (e->type.empty()) {
      return Status::Corrupt("cannot tell the type code of '" + std::string(symbol) +
                             "' from the type '" + e->type_name +
                             "'; use Luật, Bộ luật, Nghị quyết or Pháp lệnh");
    }
    e->issuer = std::string(tail);
    return Status::Ok();
  }
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == tail.size()) {
    return Status::Corrupt("state symbol '" + std::string(symbol) +
                           "' lacks '<type>-<issuer>' (for a công văn set the type to Công văn)");
  }
  e->type = std::string(tail.substr(0, dash));
  e->issuer = std::string(tail.substr(dash + 1));
  return Status::Ok();
}

// "Ban Chấp hành Trung ương (Hội nghị TW 4)" → name "Ban Chấp hành Trung ương", plenum 4.
void SplitPlenum(std::string* issuer_name, std::optional<int>* plenum) {
  static constexpr std::string_view kPrefixes[] = {"(Hội nghị TW ", "(Hội nghị Trung ương "};
  std::string_view name = *issuer_name;
  if (name.empty() || name.back() != ')') return;
  for (std::string_view prefix : kPrefixes) {
    std::size_t at = name.rfind(prefix);
    if (at == std::string_view::npos) continue;
    std::string_view digits = name.substr(at + prefix.size(), name.size() - 1 - at - prefix.size());
    if (!AllDigits(digits) || digits.size() > 3) continue;
    *plenum = ParseInt(digits);
    *issuer_name = std::string(TrimAsciiSpace(name.substr(0, at)));
    return;
  }
}

std::string LineError(const std::string& path, int line, const std::string& what) {
  return path + ":" + std::to_string(line) + ": " + what;
}

// One data row of either format into an entry; errors carry no location (the caller adds it).
Result<Registry::Entry> ParseRow(const std::vector<std::string_view>& f, Format format) {
  Registry::Entry e;
  std::string_view symbol = TrimAsciiSpace(f[0]);
  e.type_name = std::string(TrimAsciiSpace(f[1]));
  std::string_view number = TrimAsciiSpace(f[2]);
  e.issuer_name = std::string(TrimAsciiSpace(f[3]));
  e.date = std::string(TrimAsciiSpace(f[4]));
  std::string_view term = TrimAsciiSpace(f[5]);
  std::string_view plenum = format == Format::kProject ? TrimAsciiSpace(f[6]) : std::string_view();
  e.title = std::string(TrimAsciiSpace(format == Format::kProject ? f[7] : f[6]));

  if (symbol.empty()) return Status::Corrupt("empty symbol");
  e.symbol = std::string(symbol);
  if (Status s = ParseSymbol(symbol, &e); !s.ok()) return s;

  Mention m;
  m.system = e.system;
  m.type = e.type;
  m.number = e.number;
  m.issuer = e.issuer;
  m.unit = e.unit;
  if (e.system == System::kState && symbol.find('/') != symbol.rfind('/')) {
    m.year = m.symbol_year = ParseInt(symbol.substr(symbol.find('/') + 1, 4));
  }
  if (std::string canonical = m.Canonical(); canonical != symbol) {
    return Status::Corrupt("symbol '" + std::string(symbol) + "' is not canonical (expected '" +
                           canonical + "')");
  }
  if (StripLeadingZeros(number) != e.number) {
    return Status::Corrupt("number '" + std::string(number) + "' disagrees with symbol '" +
                           e.symbol + "'");
  }
  if (!ValidDate(e.date)) {
    return Status::Corrupt("date '" + e.date + "' is not YYYY-MM-DD, YYYY-MM or YYYY");
  }

  // Party terms only: the shared file writes National Assembly terms as "QH XIII", and state
  // documents are numbered per year or per legislature, not per Party term.
  if (format == Format::kShared && (e.system == System::kState || term.substr(0, 2) == "QH")) {
    term = {};
  }
  if (!term.empty()) {
    if (e.system == System::kState) {
      return Status::Corrupt("term '" + std::string(term) +
                             "' given for state document; terms are for Party documents only");
    }
    int n = FromRoman(term);
    if (n == 0) {
      return Status::Corrupt("term '" + std::string(term) + "' is not a Roman numeral 1..39");
    }
    e.term = ToRoman(n);
  } else if (e.system == System::kParty) {
    e.term = PartyTermOn(e.date);
  }

  if (format == Format::kShared) {
    SplitPlenum(&e.issuer_name, &e.plenum);
  } else if (!plenum.empty()) {
    if (!AllDigits(plenum) || plenum.size() > 3 || ParseInt(plenum) == 0) {
      return Status::Corrupt("plenum '" + std::string(plenum) + "' is not a positive number");
    }
    e.plenum = ParseInt(plenum);
  }
  return e;
}

Result<Registry> Read(std::istream& in, const std::string& path, Format format) {
  const std::string_view header = format == Format::kProject ? Registry::kHeader : kSharedHeader;
  constexpr std::size_t kColumns = 8;  // both formats have eight, ending in title / source_url.
  Registry registry;
  // (symbol, term, date) → line, to report repeats with both places.
  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  std::string line;
  int line_no = 0;
  bool have_header = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (TrimAsciiSpace(line).empty()) continue;
    if (!have_header) {
      std::string_view text = line;
      if (line_no == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
      if (text != header) {
        return Status::Corrupt(LineError(
            path, line_no, "expected the header '" + std::string(header) + "' (TAB-separated)"));
      }
      have_header = true;
      continue;
    }
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != kColumns) {
      return Status::Corrupt(LineError(path, line_no,
                                       "expected " + std::to_string(kColumns) +
                                           " TAB-separated columns (" + std::string(header) +
                                           "), found " + std::to_string(fields.size())));
    }
    Result<Registry::Entry> entry = ParseRow(fields, format);
    if (!entry.ok()) {
      return Status::Corrupt(LineError(path, line_no, entry.status().message()));
    }
    auto key = std::make_tuple(entry->symbol, entry->term, entry->date);
    if (auto [it, inserted] = seen.emplace(key, line_no); !inserted) {
      return Status::Corrupt(LineError(path, line_no,
                                       "repeats " + entry->symbol + " (term '" + entry->term +
                                           "', date '" + entry->date + "') of line " +
                                           std::to_string(it->second)));
    }
    registry.Add(std::move(entry).value());
  }
  if (in.bad()) {
    return Status::IoError("error reading registry " + path + ": " + std::strerror(errno));
  }
  if (!have_header) {
    return Status::Corrupt(LineError(
        path, line_no + 1, "empty file; expected the header '" + std::string(header) + "'"));
  }
  return registry;
}

std::string Field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

Result<Registry> Read(const std::string& path, Format format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError("cannot open registry " + path + ": " + std::strerror(errno));
  }
  return Read(in, path, format);
}

}  // namespace

std::optional<int> Registry::Entry::Year() const {
  if (date.size() >= 4 && AllDigits(std::string_view(date).substr(0, 4))) {
    return ParseInt(std::string_view(date).substr(0, 4));
  }
  return std::nullopt;
}

Result<Registry> Registry::Load(const std::string& path) { return Read(path, Format::kProject); }

Result<Registry> Registry::Parse(std::string_view tsv, const std::string& name) {
  std::istringstream in{std::string(tsv)};
  return Read(in, name, Format::kProject);
}

Result<Registry> Registry::ImportShared(const std::string& path) {
  return Read(path, Format::kShared);
}

std::string Registry::ToTsv() const {
  std::vector<const Entry*> sorted;
  sorted.reserve(entries_.size());
  for (const Entry& e : entries_) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry* a, const Entry* b) {
    return std::tie(a->type_name, a->date, a->symbol, a->term) <
           std::tie(b->type_name, b->date, b->symbol, b->term);
  });
  std::ostringstream out;
  out << kHeader << '\n';
  for (const Entry* e : sorted) {
    out << Field(e->symbol) << '\t' << Field(e->type_name) << '\t' << Field(e->number) << '\t'
        << Field(e->issuer_name) << '\t' << Field(e->date) << '\t' << Field(e->term) << '\t'
        << (e->plenum ? std::to_string(*e->plenum) : "") << '\t' << Field(e->title) << '\n';
  }
  return out.str();
}

Status Registry::Save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status::IoError("cannot write registry " + tmp + ": " + std::strerror(errno));
    }
    out << ToTsv();
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::IoError("error writing registry " + tmp + " (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::IoError("cannot replace registry " + path + ": " + reason);
  }
  return Status::Ok();
}

void Registry::Add(Entry entry) {
  std::vector<std::size_t>& slots = by_symbol_[entry.symbol];
  for (std::size_t i : slots) {
    if (entries_[i].term == entry.term && entries_[i].date == entry.date) {
      entries_[i] = std::move(entry);
      return;
    }
  }
  slots.push_back(entries_.size());
  entries_.push_back(std::move(entry));
}

std::vector<const Registry::Entry*> Registry::FindBySymbol(
    std::string_view canonical_symbol) const {
  std::vector<const Entry*> found;
  auto it = by_symbol_.find(canonical_symbol);
  if (it == by_symbol_.end()) return found;
  for (std::size_t i : it->second) found.push_back(&entries_[i]);
  return found;
}

const Registry::Entry* Registry::Find(std::string_view canonical_symbol, std::string_view term,
                                      std::optional<int> year) const {
  std::vector<const Entry*> pool;
  for (const Entry* e : FindBySymbol(canonical_symbol)) {
    // A different term is a different document (numbers restart every term); so is a
    // different year.
    if (!term.empty() && !e->term.empty() && e->term != term) continue;
    std::optional<int> y = e->Year();
    if (year && y && *y != *year) continue;
    pool.push_back(e);
  }
  auto narrow = [&pool](auto&& pred) {
    std::vector<const Entry*> kept;
    for (const Entry* e : pool) {
      if (pred(*e)) kept.push_back(e);
    }
    if (!kept.empty()) pool = std::move(kept);
  };
  if (!term.empty()) narrow([&](const Entry& e) { return e.term == term; });
  if (year) narrow([&](const Entry& e) { return e.Year() == year; });
  return pool.size() == 1 ? pool.front() : nullptr;
}

std::vector<const Registry::Entry*> Registry::FindByPlenum(std::string_view type_code, int plenum,
                                                           std::string_view term) const {
  std::vector<const Entry*> found;
  for (const Entry& e : entries_) {
    if (e.system == System::kParty && e.issuer == "TW" && e.type == type_code && e.plenum &&
        *e.plenum == plenum && (term.empty() || e.term == term)) {
      found.push_back(&e);
    }
  }
  // By number, numerically ("9" before "18"), then by term for "any term" lookups.
  std::stable_sort(found.begin(), found.end(), [](const Entry* a, const Entry* b) {
    auto num = [](const Entry* e) {
      std::size_t digits = 0;
      while (digits < e->number.size() && IsDigit(e->number[digits])) ++digits;
      return std::make_tuple(digits, e->number, FromRoman(e->term));
    };
    return num(a) < num(b);
  });
  return found;
}

}  // namespace vankien::refs
