#include "search/internal/query_filters.h"

#include <charconv>
#include <vector>

#include "indexer/refs/lexicon.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/schema.h"
#include "indexer/terms.h"
#include "search/reference_reader.h"
#include "search/validity.h"

namespace vankien::search {
namespace {

std::vector<std::string_view> SplitCommas(std::string_view value) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view part = value.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Xapian::Query Term(const std::string& term) { return Xapian::Query(term); }

Xapian::Query AnyOf(const std::vector<Xapian::Query>& queries) {
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// Targets of one relation type the status filter reads at most (every one in practice: an
// archive of a million official documents states far fewer replacements).
constexpr std::size_t kMaxStatusTargets = 1000000;

// The greatest key below ISO date `day` for OP_VALUE_LE, which has no strict form: the last
// byte one lower ("2026-12-10" → "2026-12-1/") sorts after every earlier date and before `day`.
std::string BeforeDay(std::string day) {
  if (!day.empty()) --day.back();
  return day;
}

}  // namespace

FilterBuilder::FilterBuilder(const text::Analyzer& analyzer, const refs::Recognizer* recognizer,
                             const ReferenceIndex* index)
    : analyzer_(analyzer), recognizer_(recognizer), index_(index) {}

// Status is computed here, at query time, from the relation terms (README, "Validity"): X is
// replaced when some document has "XREL:replaces:X". The same rules as DecideValidity, in its
// order: each status excludes the ones ranked above it.
Result<Xapian::Query> FilterBuilder::StatusFilter(std::string_view value) const {
  ValidityStatus wanted;
  if (!ParseValidity(value, &wanted)) {
    return Status::InvalidArgument("unknown status \"" + std::string(value) +
                                   "\" in hieuluc:; use in-force, replaced, repealed, amended or expired");
  }
  if (index_ == nullptr) return Status::InvalidArgument("hieuluc: needs an index to read relations from");
  // Every target of relations of `type`, as the documents that are it.
  auto targets = [&](std::string_view type) {
    const std::string prefix = terms::RelationTypePrefix(type);
    std::vector<Xapian::Query> own;
    for (const std::string& t : index_->TermsStartingWith(prefix, kMaxStatusTargets)) {
      own.push_back(Term(terms::OwnSymbol(std::string_view(t).substr(prefix.size()))));
    }
    // Not MatchNothing: that is an empty Query, which would read as "no filter given".
    return own.empty() ? Term(std::string(schema::kRelationPrefix)) : AnyOf(own);
  };
  const Xapian::Query repealed = targets("repeals");
  const Xapian::Query replaced = targets("replaces");
  const Xapian::Query expired(Xapian::Query::OP_OR, targets("expires"),
                              Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kExpiresSlot, BeforeDay(TodayIso())));
  const Xapian::Query amended(Xapian::Query::OP_OR, targets("amends"), targets(schema::kRepealsPartType));
  auto but = [](Xapian::Query q, std::vector<Xapian::Query> above) {
    for (Xapian::Query& a : above) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, a);
    return q;
  };
  const Xapian::Query official(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Term(terms::Kind("article")));
  switch (wanted) {
    case ValidityStatus::kRepealed: return repealed;
    case ValidityStatus::kReplaced: return but(replaced, {repealed});
    case ValidityStatus::kExpired: return but(expired, {repealed, replaced});
    case ValidityStatus::kAmended: return but(amended, {repealed, replaced, expired});
    case ValidityStatus::kInForce: return but(official, {repealed, replaced, expired, amended});
  }
  return Xapian::Query::MatchNothing;
}

std::string FilterBuilder::TypeCode(std::string_view value) const {
  std::string spaced(value);
  for (char& c : spaced) {
    if (c == '-' || c == '_') c = ' ';
  }
  const text::Analysis a = analyzer_.Analyze(spaced);
  std::string folded;
  for (const text::Token& t : a.tokens) folded += (folded.empty() ? "" : " ") + t.folded;
  if (folded == "article" || folded == "bai viet" || folded == "bai bao" || folded == "tin bai") {
    return "article";
  }
  for (const refs::TypeNoun& noun : refs::TypeNouns()) {
    if (noun.folded == folded && !noun.code.empty()) return std::string(noun.code);
  }
  if (a.tokens.size() == 1) return std::string(refs::TypeCode(a.tokens.front().exact));
  return "";
}

std::string FilterBuilder::TermNumeral(std::string_view value) {
  int n = 0;
  if (ParseInt(value, &n)) return n >= 1 && n <= 30 ? refs::ToRoman(n) : "";
  std::string upper(value);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  n = refs::FromRoman(upper);
  return n >= 1 && n <= 30 ? refs::ToRoman(n) : "";
}

std::string FilterBuilder::IssuerCode(std::string_view value) const {
  std::string joined;
  for (const text::Token& t : analyzer_.Analyze(value).tokens) joined += t.exact;
  std::string out;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(joined[i]);
    if (joined.compare(i, 2, "\xC6\xB0") == 0) {  // ư: "TƯ" is written "TW" in symbols
      out += 'W';
      ++i;
    } else if (joined.compare(i, 2, "\xC4\x91") == 0) {  // đ → Đ
      out += "\xC4\x90";
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(std::toupper(c));
    } else {
      return "";  // other letters never occur in issuer codes
    }
  }
  if (out == "TTG") return "TTg";  // Thủ tướng: the one code written in mixed case
  return out;
}

std::string FilterBuilder::DateValue(std::string_view value) {
  int y = 0, m = 0, d = 0;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == '-' || value[i] == '/' || value[i] == '.') {
      parts.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  bool ok = false;
  if (!parts.empty() && parts.front().size() == 4) {  // YYYY[-MM[-DD]]
    ok = parts.size() <= 3 && ParseInt(parts[0], &y) && (parts.size() < 2 || ParseInt(parts[1], &m)) &&
         (parts.size() < 3 || ParseInt(parts[2], &d));
  } else if (parts.size() == 3) {  // D/M/YYYY
    ok = parts[2].size() == 4 && ParseInt(parts[0], &d) && ParseInt(parts[1], &m) && ParseInt(parts[2], &y);
  } else if (parts.size() == 2) {  // M/YYYY
    ok = parts[1].size() == 4 && ParseInt(parts[0], &m) && ParseInt(parts[1], &y);
  }
  if (!ok || y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0 || d > 31 || (d > 0 && m == 0)) return "";
  char buf[16];
  if (d > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else if (m > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", y);
  }
  return buf;
}

Result<Xapian::Query> FilterBuilder::One(syntax::Field field, std::string_view value) const {
  const std::string name(syntax::FieldName(field));
  const std::string quoted = "\"" + std::string(value) + "\"";
  switch (field) {
    case syntax::Field::kType: {
      const std::string code = TypeCode(value);
      if (code.empty()) {
        return Status::InvalidArgument("unknown document type " + quoted +
                                       " in loai:; use a code (NQ, CT, KL, QĐ, NĐ, TT), a name "
                                       "(nghi-quyet, chi-thi) or article");
      }
      return Term(terms::Kind(code));
    }
    case syntax::Field::kKind: {
      const std::string code = TypeCode(value);
      if (code == "article") return Term(terms::Kind("article"));
      const std::string folded = analyzer_.StripMarks(value);
      if (folded == "official" || folded == "van-ban" || folded == "vanban" || folded == "van ban") {
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                             Term(terms::Kind("article")));
      }
      return Status::InvalidArgument("unknown kind " + quoted + " in kieu:; use bai-viet (article) or van-ban (official)");
    }
    case syntax::Field::kSymbol:
    case syntax::Field::kCites: {
      std::vector<Xapian::Query> any;
      if (recognizer_ != nullptr) {
        const bool own = field == syntax::Field::kSymbol;
        for (const refs::Mention& m : recognizer_->Find(value)) {
          const std::string symbol = m.resolved_symbol.empty() ? m.Canonical() : m.resolved_symbol;
          if (symbol.empty()) continue;
          const std::string key = m.Key();
          const bool keyed = key != symbol && m.resolved_symbol.empty();
          if (own) {
            any.push_back(keyed ? Term(terms::OwnKey(key)) : Term(terms::OwnSymbol(symbol)));
          } else {  // a document naming its own number does not cite itself
            any.emplace_back(Xapian::Query::OP_AND_NOT,
                             keyed ? Term(terms::RefKey(key)) : Term(terms::Ref(symbol)),
                             Term(terms::OwnSymbol(symbol)));
          }
        }
      }
      if (any.empty()) {
        return Status::InvalidArgument(quoted + " in " + name + ": is not a document number; write it as on the document, e.g. " + name + ":21-NQ/TW");
      }
      return AnyOf(any);
    }
    case syntax::Field::kIssuer: {
      const std::string code = IssuerCode(value);
      if (code.empty()) return Status::InvalidArgument("unknown issuer " + quoted + " in coquan:; use its code, e.g. coquan:TW, coquan:CP");
      return Term(terms::Issuer(code));
    }
    case syntax::Field::kTerm: {
      const std::string roman = TermNumeral(value);
      if (roman.empty()) return Status::InvalidArgument("unknown term " + quoted + " in khoa:; use a Roman or Arabic numeral, e.g. khoa:XIII or khoa:13");
      return Term(terms::Term(roman));
    }
    case syntax::Field::kFrom:
    case syntax::Field::kTo: {
      const std::string date = DateValue(value);
      if (date.empty()) {
        return Status::InvalidArgument("unknown date " + quoted + " in " + name + ":; write 2020, 2020-06, 2020-06-30 or 30/6/2020");
      }
      if (field == syntax::Field::kFrom) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, date);
      // Inclusive of every date that starts with the bound: den:2023-06 keeps 2023-06-30.
      return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, date + "\xFF");
    }
    case syntax::Field::kYear:
      return Years({value});
    case syntax::Field::kSource:
      return Term(terms::Source(value));
    case syntax::Field::kReplaces:
    case syntax::Field::kRepeals:
    case syntax::Field::kAmends:
    case syntax::Field::kGuides:
    case syntax::Field::kBasedOn:
    case syntax::Field::kImplements:
    case syntax::Field::kExpires: {
      // The target as the writer stored it: Mention::Canonical() of the number (and a
      // registry-resolved symbol, in case the stating text wrote that), or an unnumbered law's
      // name as typed (cancu:"Luật Đất đai 2024").
      std::vector<std::string> targets;
      if (recognizer_ != nullptr) {
        for (const refs::Mention& m : recognizer_->Find(value)) {
          if (std::string c = m.Canonical(); !c.empty()) targets.push_back(std::move(c));
          if (!m.resolved_symbol.empty()) targets.push_back(m.resolved_symbol);
        }
      }
      if (targets.empty()) targets.emplace_back(value);
      const std::string_view type = syntax::RelationOfField(field);
      std::vector<Xapian::Query> any;
      for (const std::string& t : targets) {
        any.push_back(Term(terms::Relation(type, t)));
        // A partial repeal is a repeal too (its term has a type of its own, schema.h).
        if (field == syntax::Field::kRepeals) any.push_back(Term(terms::Relation(schema::kRepealsPartType, t)));
      }
      return AnyOf(any);
    }
    case syntax::Field::kStatus:
      return StatusFilter(value);
  }
  return Status::InvalidArgument("unknown field");
}

// nam: values and ranges are one set of years: overlapping and repeated ranges are merged
// ("1800-2000,1800-2000,..." is 201 years, not k times 201 terms) and the set is capped, so a
// few bytes of query cannot expand into thousands of terms.
Result<Xapian::Query> FilterBuilder::Years(const std::vector<std::string_view>& parts) const {
  constexpr int kFirst = 1000, kLast = 2999;
  std::vector<bool> wanted(kLast - kFirst + 1, false);
  std::size_t count = 0;
  for (std::string_view value : parts) {
    const std::string quoted = "\"" + std::string(value) + "\"";
    int from = 0, to = 0;
    const std::size_t dash = value.find('-');
    const bool range = dash != std::string_view::npos;
    if (!ParseInt(range ? value.substr(0, dash) : value, &from) ||
        !ParseInt(range ? value.substr(dash + 1) : value, &to) || from < kFirst || to > kLast || to < from) {
      return Status::InvalidArgument("unknown year " + quoted + " in nam:; write nam:2022 or nam:2020-2022");
    }
    for (int y = from; y <= to; ++y) {
      if (!wanted[y - kFirst]) {
        wanted[y - kFirst] = true;
        ++count;
      }
    }
    if (count > kMaxYears) {
      return Status::InvalidArgument("nam: covers more than " + std::to_string(kMaxYears) +
                                     " years; narrow it (e.g. nam:1945-2000), or use tu: and den: for a longer span");
    }
  }
  std::vector<Xapian::Query> years;
  for (int y = kFirst; y <= kLast; ++y) {
    if (wanted[y - kFirst]) years.push_back(Term(terms::Year(std::to_string(y))));
  }
  return AnyOf(years);
}

Result<Xapian::Query> FilterBuilder::ForField(syntax::Field field, std::string_view value) const {
  const std::vector<std::string_view> parts = SplitCommas(value);
  const std::string name(syntax::FieldName(field));
  if (parts.size() > kMaxFieldValues) {
    return Status::InvalidArgument(name + ": has " + std::to_string(parts.size()) + " values; the limit is " +
                                   std::to_string(kMaxFieldValues) + ": give fewer, or a range");
  }
  if (field == syntax::Field::kYear) return Years(parts);
  std::vector<Xapian::Query> any;
  for (std::string_view part : parts) {
    auto q = One(field, part);
    if (!q.ok()) return q.status();
    any.push_back(std::move(q).value());
  }
  if (any.empty()) {
    return Status::InvalidArgument(std::string(syntax::FieldName(field)) + ": has no value");
  }
  return AnyOf(any);
}

Result<Xapian::Query> FilterBuilder::ForFilters(const Filters& filters) const {
  std::vector<Xapian::Query> all;
  auto add = [&](syntax::Field field, std::string_view value) -> Status {
    if (value.empty()) return Status::Ok();
    auto q = ForField(field, value);
    if (!q.ok()) return q.status();
    all.push_back(std::move(q).value());
    return Status::Ok();
  };
  if (!filters.kinds.empty()) {
    std::string joined;
    for (const std::string& k : filters.kinds) joined += (joined.empty() ? "" : ",") + k;
    if (Status st = add(syntax::Field::kType, joined); !st.ok()) return st;
  }
  for (auto [field, value] : {std::pair{syntax::Field::kIssuer, &filters.issuer},
                              std::pair{syntax::Field::kTerm, &filters.term},
                              std::pair{syntax::Field::kSource, &filters.source},
                              std::pair{syntax::Field::kFrom, &filters.from},
                              std::pair{syntax::Field::kTo, &filters.to},
                              std::pair{syntax::Field::kStatus, &filters.status}}) {
    if (Status st = add(field, *value); !st.ok()) return st;
  }
  if (all.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

}  // namespace vankien::search
