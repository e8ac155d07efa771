#include "search/reference_reader.h"

#include <algorithm>
#include <optional>

#include "indexer/refs/key.h"
#include "indexer/refs/lexicon.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/terms.h"

namespace vankien::search {
namespace {

// Index terms looked at per prefix when listing the symbols a number may be: a number is shared
// by a few dozen documents at most, so this only bounds a pathological index.
constexpr std::size_t kMaxPrefixTerms = 500;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiUpper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

// Lower case for a type abbreviation: ASCII and "Đ" (U+0110 → U+0111).
std::string AbbreviationLower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\xC4' && i + 1 < s.size() && s[i + 1] == '\x90') {
      out += "\xC4\x91";
      ++i;
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

// What a partial number gives: a type and a number, maybe a year or term, no issuer.
struct Partial {
  std::string type, number, term;
  std::optional<int> year;
  refs::System system = refs::System::kUnknown;
};

// "Hội nghị Trung ương 4" without a term: "NQ/TW/HNTW4" (type/issuer/HNTW<n>, no fourth part).
bool IsPlenumWithoutTerm(std::string_view key, std::string* type, int* plenum) {
  const std::size_t a = key.find('/');
  if (a == std::string_view::npos) return false;
  const std::size_t b = key.find('/', a + 1);
  if (b == std::string_view::npos) return false;
  const std::string_view third = key.substr(b + 1);
  if (third.substr(0, 4) != "HNTW" || !AllDigits(third.substr(4))) return false;
  *type = std::string(key.substr(0, a));
  *plenum = std::stoi(std::string(third.substr(4)));
  return true;
}

std::string Plural(std::size_t n, std::string_view what) {
  return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

// "21-NQ/TW khóa XIII, 2022-06-16 (3 documents)", "749/QĐ-TTg of 2023 (1 document)"; for a
// plenum's term "khóa XII = 04-NQ/TW (2 documents)".
std::string Describe(const ReferenceCandidate& c, bool show_descriptive_term) {
  std::string out;
  const refs::KeyParts parts = refs::SplitKey(c.key);
  const bool roman = !parts.suffix.empty() && refs::FromRoman(parts.suffix) > 0;
  if (show_descriptive_term && !c.descriptive.empty()) {
    const std::string_view d = c.descriptive;
    out = "khóa " + std::string(d.substr(d.rfind('/') + 1));
    if (c.symbol != c.descriptive) out += " = " + c.symbol;
  } else {
    out = c.symbol;
    if (roman) out += " khóa " + std::string(parts.suffix);
    if (!c.date.empty()) {
      out += ", " + c.date;
    } else if (!roman && !parts.suffix.empty()) {
      out += " of " + std::string(parts.suffix);
    }
  }
  return out + " (" + Plural(c.documents(), "document") + ")";
}

}  // namespace

SymbolShape ShapeOf(std::string_view symbol) {
  SymbolShape s;
  if (symbol.empty() || !IsDigit(symbol.front())) return s;
  const std::size_t dash = symbol.find('-'), slash = symbol.find('/');
  if (slash == std::string_view::npos) return s;
  if (dash != std::string_view::npos && dash < slash) {  // Party "N-T/I"
    s.number = symbol.substr(0, dash);
    s.type = symbol.substr(dash + 1, slash - dash - 1);
    s.issuer = symbol.substr(slash + 1);
    return s;
  }
  s.number = symbol.substr(0, slash);
  std::string_view rest = symbol.substr(slash + 1);
  if (rest.size() > 5 && AllDigits(rest.substr(0, 4)) && rest[4] == '/') {
    s.year = rest.substr(0, 4);
    rest = rest.substr(5);
  }
  const std::size_t d = rest.find('-');
  if (d == std::string_view::npos) {
    s.issuer = rest;  // "59/2020/QH14": the issuer says the type
  } else {
    s.type = rest.substr(0, d);
    s.issuer = rest.substr(d + 1);
  }
  return s;
}

bool SpelledOut(std::string_view surface, std::string_view symbol) {
  const SymbolShape shape = ShapeOf(symbol);
  if (shape.issuer.empty()) return true;  // nothing to tell by
  const std::string text = AsciiUpper(surface);
  const std::string issuer = AsciiUpper(shape.issuer);
  return text.find("/" + issuer) != std::string::npos || text.find("-" + issuer) != std::string::npos;
}

ReferenceReader::ReferenceReader(const refs::Recognizer& recognizer, const refs::Registry* registry,
                                 const ReferenceIndex* index)
    : recognizer_(recognizer), registry_(registry), index_(index) {}

namespace {

// One Read's worth of work.
class Reading {
 public:
  Reading(const refs::Registry* registry, const ReferenceIndex* index) : registry_(registry), index_(index) {}

  std::size_t Docs(std::vector<std::string> terms) const {
    return index_ == nullptr ? 0 : index_->Documents(terms);
  }

  // Counts for `c`; `alone` when no other candidate shares its symbol, so that every mention of
  // the symbol counts, not only those that gave its term or year.
  void Count(ReferenceCandidate* c, bool alone) const {
    if (alone || c->key == c->symbol) {
      c->held = Docs({terms::OwnSymbol(c->symbol)});
      std::vector<std::string> citing = {terms::Ref(c->symbol)};
      if (!c->descriptive.empty()) citing.push_back(terms::Ref(c->descriptive));
      c->citing = Docs(citing);
    } else {
      c->held = Docs({terms::OwnKey(c->key)});
      std::vector<std::string> citing = {terms::RefKey(c->key)};
      if (!c->descriptive.empty()) citing.push_back(terms::Ref(c->descriptive));
      c->citing = Docs(citing);
    }
  }

  // The title and date of the registry entry with `c`'s key, or of the symbol's only entry.
  void FillFromRegistry(ReferenceCandidate* c) const {
    if (registry_ == nullptr) return;
    const auto entries = registry_->FindBySymbol(c->symbol);
    for (const auto* e : entries) {
      if (entries.size() > 1 && refs::DocumentKey(e->symbol, e->term, e->date) != c->key) continue;
      c->title = e->title;
      c->date = e->date;
      break;
    }
  }

  // Counts every candidate and puts the best first: most documents, then newest, then key.
  void Rank(std::vector<ReferenceCandidate>* list) const {
    for (ReferenceCandidate& c : *list) {
      const bool alone = std::count_if(list->begin(), list->end(), [&](const ReferenceCandidate& o) {
                           return o.symbol == c.symbol;
                         }) == 1;
      Count(&c, alone);
      if (c.title.empty()) FillFromRegistry(&c);
    }
    std::stable_sort(list->begin(), list->end(), [](const ReferenceCandidate& a, const ReferenceCandidate& b) {
      if (a.documents() != b.documents()) return a.documents() > b.documents();
      if (a.date != b.date) return a.date > b.date;
      return a.key < b.key;
    });
  }

  // A type and number without an issuer: what the registry and the index have of that type and
  // number ("Chỉ thị 16" → 16/CT-TTg, 16-CT/TW).
  std::vector<ReferenceCandidate> ByNumber(const Partial& p) const {
    std::vector<ReferenceCandidate> out;
    auto has = [&](const std::string& key) {
      return std::any_of(out.begin(), out.end(), [&](const ReferenceCandidate& c) { return c.key == key; });
    };
    auto system_fits = [&](std::string_view symbol) {
      if (p.system == refs::System::kUnknown) return true;
      const std::size_t dash = symbol.find('-'), slash = symbol.find('/');
      const bool party = dash != std::string_view::npos && dash < slash;
      return party == (p.system == refs::System::kParty);
    };
    const std::string year = p.year ? std::to_string(*p.year) : std::string();
    if (registry_ != nullptr) {
      for (const refs::Registry::Entry& e : *registry_) {
        if (e.type != p.type || e.number != p.number || !system_fits(e.symbol)) continue;
        if (p.year && e.Year() != p.year) continue;
        if (!p.term.empty() && e.term != p.term) continue;
        ReferenceCandidate c;
        c.symbol = e.symbol;
        c.key = refs::DocumentKey(e.symbol, e.term, e.date);
        c.title = e.title;
        c.date = e.date;
        if (!has(c.key)) out.push_back(std::move(c));
      }
    }
    if (index_ != nullptr) {
      for (std::string_view kind : {std::string_view("XOWN:"), std::string_view("XREF:")}) {
        for (std::string_view sep : {std::string_view("-"), std::string_view("/")}) {
          const std::string prefix = std::string(kind) + p.number + std::string(sep);
          for (const std::string& term : index_->TermsStartingWith(prefix, kMaxPrefixTerms)) {
            const std::string symbol = term.substr(kind.size());
            const SymbolShape shape = ShapeOf(symbol);
            if (shape.number != p.number || shape.type != p.type || !system_fits(symbol)) continue;
            if (std::any_of(out.begin(), out.end(), [&](const ReferenceCandidate& c) { return c.symbol == symbol; })) {
              continue;  // the registry's entries for it are there, by key
            }
            ReferenceCandidate c;
            c.symbol = symbol;
            c.key = symbol;
            if (p.year && !shape.year.empty()) {
              if (shape.year != year) continue;
            } else if (p.year || !p.term.empty()) {
              // The symbol does not show the year: only its documents of that year or term.
              c.key = refs::DocumentKey(symbol, p.term, year);
              if (c.key == symbol || Docs({terms::RefKey(c.key), terms::OwnKey(c.key)}) == 0) continue;
            }
            if (!has(c.key)) out.push_back(std::move(c));
          }
        }
      }
    }
    Rank(&out);
    return out;
  }

  // "30/NĐ-CP" with the year 2020 beside it is "30/2020/NĐ-CP" when that is known; the keyed
  // reading stays a candidate when the index has it.
  std::vector<ReferenceCandidate> YearForm(const std::string& symbol, const std::string& key) const {
    std::vector<ReferenceCandidate> out;
    const std::string_view year = refs::SplitKey(key).suffix;
    const SymbolShape shape = ShapeOf(symbol);
    if (year.size() != 4 || !AllDigits(year) || !shape.year.empty() || shape.type.empty()) return out;
    const std::size_t slash = symbol.find('/');
    if (symbol.find('-') < slash) return out;  // a Party symbol
    const std::string full = symbol.substr(0, slash + 1) + std::string(year) + symbol.substr(slash);
    const bool registered = registry_ != nullptr && !registry_->FindBySymbol(full).empty();
    if (registered || Docs({terms::Ref(full), terms::OwnSymbol(full)}) > 0) {
      ReferenceCandidate c;
      c.symbol = full;
      c.key = full;
      out.push_back(std::move(c));
    }
    if (out.empty()) return out;
    if (Docs({terms::RefKey(key), terms::OwnKey(key)}) > 0) {
      ReferenceCandidate c;
      c.symbol = symbol;
      c.key = key;
      out.push_back(std::move(c));
    }
    Rank(&out);
    return out;
  }

  // Every term whose plenum `plenum` the index or the registry knows, newest term first among
  // equals: "NQ/TW/HNTW4" → NQ/TW/HNTW4/XII (04-NQ/TW), NQ/TW/HNTW4/XI.
  std::vector<ReferenceCandidate> Terms(const std::string& descriptive, const std::string& type, int plenum) const {
    std::vector<std::string> terms_found;
    const std::string prefix = terms::Ref(descriptive + "/");
    if (index_ != nullptr) {
      for (const std::string& t : index_->TermsStartingWith(prefix, kMaxPrefixTerms)) {
        const std::string roman = t.substr(prefix.size());
        if (refs::FromRoman(roman) > 0) terms_found.push_back(roman);
      }
    }
    if (registry_ != nullptr) {
      for (const auto* e : registry_->FindByPlenum(type, plenum, "")) {
        if (!e->term.empty()) terms_found.push_back(e->term);
      }
    }
    std::sort(terms_found.begin(), terms_found.end(),
              [](const std::string& a, const std::string& b) { return refs::FromRoman(a) > refs::FromRoman(b); });
    terms_found.erase(std::unique(terms_found.begin(), terms_found.end()), terms_found.end());
    std::vector<ReferenceCandidate> out;
    for (const std::string& term : terms_found) {
      ReferenceCandidate c;
      c.descriptive = descriptive + "/" + term;
      c.symbol = c.descriptive;
      c.key = c.descriptive;
      if (registry_ != nullptr) {
        const auto found = registry_->FindByPlenum(type, plenum, term);
        if (found.size() == 1) {
          c.symbol = found.front()->symbol;
          c.key = refs::DocumentKey(c.symbol, found.front()->term, found.front()->date);
          c.title = found.front()->title;
          c.date = found.front()->date;
        }
      }
      if (c.symbol == c.descriptive) {
        c.citing = Docs({terms::Ref(c.descriptive)});
      } else {
        c.held = Docs({terms::OwnKey(c.key)});
        c.citing = Docs({terms::Ref(c.descriptive), terms::RefKey(c.key)});
      }
      out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const ReferenceCandidate& a, const ReferenceCandidate& b) {
      return a.documents() > b.documents();
    });
    return out;
  }

  std::optional<ReferenceReading> FromMention(const refs::Mention& m) const {
    ReferenceReading r;
    r.surface = m.surface;
    r.byte_start = m.byte_start;
    r.byte_end = m.byte_end;
    const std::string symbol = m.resolved_symbol.empty() ? m.Canonical() : m.resolved_symbol;
    if (symbol.empty()) {
      if (m.type.empty() || m.number.empty()) return std::nullopt;
      Partial p;
      p.type = m.type;
      p.number = m.number;
      p.term = m.term;
      p.year = m.year;
      p.system = m.system;
      return FromPartial(std::move(r), p);
    }
    std::string type;
    int plenum = 0;
    if (m.resolved_symbol.empty() && IsPlenumWithoutTerm(symbol, &type, &plenum)) {
      r.candidates = Terms(symbol, type, plenum);
      if (!r.candidates.empty()) {
        r.kind = ReferenceReading::Kind::kEveryTerm;
        r.notice = EveryTermNotice(r);
        return r;
      }
    }
    const std::string key = m.resolved_symbol.empty() ? m.Key() : ResolvedKey(m);
    if (m.resolved_symbol.empty() && key != symbol) {
      r.candidates = YearForm(symbol, key);
      if (!r.candidates.empty()) {
        r.kind = ReferenceReading::Kind::kPartial;
        r.notice = PartialNotice(r);
        return r;
      }
    }
    ReferenceCandidate c;
    c.symbol = symbol;
    c.key = key;
    if (!m.resolved_symbol.empty()) c.descriptive = m.Canonical();
    r.candidates.push_back(std::move(c));
    Rank(&r.candidates);
    return r;
  }

  std::optional<ReferenceReading> FromPartial(ReferenceReading r, const Partial& p) const {
    r.candidates = ByNumber(p);
    if (r.candidates.empty()) return std::nullopt;
    r.kind = ReferenceReading::Kind::kPartial;
    r.notice = PartialNotice(r);
    return r;
  }

 private:
  // The key of the registry entry an informal name resolved to ("04-NQ/TW@XII").
  std::string ResolvedKey(const refs::Mention& m) const {
    if (registry_ != nullptr) {
      if (const auto* e = registry_->Find(m.resolved_symbol, m.term, m.year)) {
        return refs::DocumentKey(e->symbol, e->term, e->date);
      }
    }
    return m.resolved_symbol;
  }

  static std::string PartialNotice(const ReferenceReading& r) {
    std::string out = "\"" + r.surface + "\" read as " + Describe(r.candidates.front(), false);
    if (r.candidates.size() > 1) {
      out += "; it may also be ";
      for (std::size_t i = 1; i < r.candidates.size(); ++i) {
        if (i > 1) out += "; ";
        out += Describe(r.candidates[i], false);
      }
      out += ": type the full number to choose";
    }
    return out;
  }

  static std::string EveryTermNotice(const ReferenceReading& r) {
    std::string out = "\"" + r.surface + "\" names no term: searched for ";
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
      if (i > 0) out += "; ";
      out += Describe(r.candidates[i], true);
    }
    if (r.candidates.size() > 1) {
      const std::string_view d = r.candidates.front().descriptive;
      out += ": add the term (\"khóa " + std::string(d.substr(d.rfind('/') + 1)) + "\") to choose one";
    }
    return out;
  }

  const refs::Registry* registry_;
  const ReferenceIndex* index_;
};

// Short forms the recognizer leaves alone because they name no issuer: a type abbreviation, an
// optional "số", a number and an optional "/YYYY" or "năm YYYY" ("nq 21", "NĐ 30/2020").
struct ShortForm {
  std::size_t begin, end;
  Partial partial;
};

std::vector<ShortForm> FindShortForms(std::string_view text) {
  struct Word {
    std::size_t begin, end;
  };
  std::vector<Word> words;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' ||
                               text[i] == ',' || text[i] == ';' || text[i] == '(' || text[i] == ')' || text[i] == '"')) {
      ++i;
    }
    const std::size_t b = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' ||
                                text[i] == ',' || text[i] == ';' || text[i] == '(' || text[i] == ')' || text[i] == '"')) {
      ++i;
    }
    std::size_t e = i;
    while (e > b && (text[e - 1] == '.' || text[e - 1] == '?' || text[e - 1] == '!' || text[e - 1] == ':')) --e;
    if (e > b) words.push_back({b, e});
  }
  std::vector<ShortForm> out;
  auto word = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string_view code = refs::TypeCode(AbbreviationLower(word(k)));
    if (code.empty()) continue;
    std::size_t n = k + 1;
    const std::string next = AbbreviationLower(word(n));
    if ((next == "số" || next == "so") && n + 1 < words.size()) ++n;
    const std::string_view num = word(n);
    std::size_t digits = 0;
    while (digits < num.size() && IsDigit(num[digits])) ++digits;
    if (digits == 0 || digits > 6) continue;
    std::size_t j = digits;
    if (j < num.size() && num[j] >= 'a' && num[j] <= 'z') ++j;  // "30a"
    ShortForm f;
    f.begin = words[k].begin;
    f.end = words[n].end;
    f.partial.type = std::string(code);
    f.partial.number = std::string(num.substr(0, j));
    while (f.partial.number.size() > 1 && f.partial.number.front() == '0') f.partial.number.erase(0, 1);
    if (j < num.size()) {
      // Only "/YYYY" may follow: anything else ("21/TW") is the recognizer's to read.
      const std::string_view rest = num.substr(j);
      if (rest.size() != 5 || rest[0] != '/' || !AllDigits(rest.substr(1))) continue;
      f.partial.year = std::stoi(std::string(rest.substr(1)));
    } else if (n + 2 < words.size() && (AbbreviationLower(word(n + 1)) == "năm" || AbbreviationLower(word(n + 1)) == "nam") &&
               word(n + 2).size() == 4 && AllDigits(word(n + 2))) {
      f.partial.year = std::stoi(std::string(word(n + 2)));
      f.end = words[n + 2].end;
    }
    if (f.partial.year && (*f.partial.year < 1930 || *f.partial.year > 2100)) continue;
    if (refs::IsStateOnlyType(code)) f.partial.system = refs::System::kState;
    out.push_back(std::move(f));
    k = n;
  }
  return out;
}

}  // namespace

std::vector<ReferenceReading> ReferenceReader::Read(std::string_view text) const {
  const Reading reading(registry_, index_);
  std::vector<ReferenceReading> out;
  const std::vector<refs::Mention> mentions = recognizer_.Find(text);
  for (const refs::Mention& m : mentions) {
    if (auto r = reading.FromMention(m)) out.push_back(std::move(*r));
  }
  for (const ShortForm& f : FindShortForms(text)) {
    const bool overlaps = std::any_of(mentions.begin(), mentions.end(), [&](const refs::Mention& m) {
      return m.byte_start < f.end && f.begin < m.byte_end;
    });
    if (overlaps) continue;
    ReferenceReading r;
    r.surface = std::string(text.substr(f.begin, f.end - f.begin));
    r.byte_start = f.begin;
    r.byte_end = f.end;
    if (auto read = reading.FromPartial(std::move(r), f.partial)) out.push_back(std::move(*read));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ReferenceReading& a, const ReferenceReading& b) { return a.byte_start < b.byte_start; });
  return out;
}

}  // namespace vankien::search
