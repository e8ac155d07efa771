// Validity rules and Searcher::Relations: a document's lược đồ and status from the XREL: terms.
#include "search/validity.h"

#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <set>

#include "indexer/schema.h"
#include "indexer/stored_document.h"
#include "indexer/terms.h"
#include "indexer/text/utf8.h"
#include "search/internal/searcher_impl.h"

namespace vankien::search {
namespace {

// Every relation type a term can carry (schema.h: a partial repeal has its own).
constexpr std::string_view kTermTypes[] = {"replaces", "repeals",    "repeals_part", "amends",
                                           "guides",   "based_on",   "implements",   "expires"};

// Documents stating one relation of one target, at most this many per type: a law is the
// basis of thousands of decrees, and the page lists the newest.
constexpr Xapian::doccount kMaxPerType = 100;
constexpr std::size_t kMaxSentence = 600;  // bytes of evidence shown

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::string Sentence(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  if (end - begin > kMaxSentence) end = begin + kMaxSentence;
  std::string out = text::SanitizeUtf8(text.substr(begin, end - begin));  // a cut character → U+FFFD
  const std::size_t a = out.find_first_not_of(" \n\r\t");
  const std::size_t b = out.find_last_not_of(" \n\r\t");
  return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

void NewestFirst(std::vector<RelationEdge>* edges) {
  std::stable_sort(edges->begin(), edges->end(),
                   [](const RelationEdge& a, const RelationEdge& b) { return a.date > b.date; });
}

std::string Joined(const std::vector<RelationEdge>& edges) {
  std::string out;
  std::set<std::string> seen;
  for (const RelationEdge& e : edges) {
    const std::string& name = e.symbol.empty() ? e.title : e.symbol;
    if (name.empty() || !seen.insert(name).second) continue;
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

std::string_view ValidityName(ValidityStatus status) {
  switch (status) {
    case ValidityStatus::kInForce: return "in-force";
    case ValidityStatus::kReplaced: return "replaced";
    case ValidityStatus::kRepealed: return "repealed";
    case ValidityStatus::kAmended: return "amended";
    case ValidityStatus::kExpired: return "expired";
  }
  return "in-force";
}

bool ParseValidity(std::string_view name, ValidityStatus* status) {
  struct Spelling {
    std::string_view name;
    ValidityStatus status;
  };
  static constexpr Spelling kSpellings[] = {
      {"in-force", ValidityStatus::kInForce},     {"inforce", ValidityStatus::kInForce},
      {"con-hieu-luc", ValidityStatus::kInForce}, {"còn-hiệu-lực", ValidityStatus::kInForce},
      {"hieu-luc", ValidityStatus::kInForce},     {"hiệu-lực", ValidityStatus::kInForce},
      {"replaced", ValidityStatus::kReplaced},    {"bi-thay-the", ValidityStatus::kReplaced},
      {"bị-thay-thế", ValidityStatus::kReplaced}, {"thay-the", ValidityStatus::kReplaced},
      {"repealed", ValidityStatus::kRepealed},    {"bi-bai-bo", ValidityStatus::kRepealed},
      {"bị-bãi-bỏ", ValidityStatus::kRepealed},   {"bai-bo", ValidityStatus::kRepealed},
      {"amended", ValidityStatus::kAmended},      {"duoc-sua-doi", ValidityStatus::kAmended},
      {"được-sửa-đổi", ValidityStatus::kAmended}, {"sua-doi", ValidityStatus::kAmended},
      {"expired", ValidityStatus::kExpired},      {"het-hieu-luc", ValidityStatus::kExpired},
      {"hết-hiệu-lực", ValidityStatus::kExpired},
  };
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == '_' || c == ' ' ? '-' : c);
  for (const Spelling& s : kSpellings) {
    if (s.name == lower) {
      *status = s.status;
      return true;
    }
  }
  return false;
}

std::string TodayIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

Validity DecideValidity(const std::vector<RelationEdge>& incoming, std::string_view expires_on,
                        std::string_view today) {
  auto of = [&](auto keep) {
    std::vector<RelationEdge> out;
    for (const RelationEdge& e : incoming) {
      if (keep(e)) out.push_back(e);
    }
    NewestFirst(&out);
    return out;
  };
  Validity v;
  if (auto e = of([](const RelationEdge& r) { return r.type == "repeals" && r.part != "part"; }); !e.empty()) {
    v.status = ValidityStatus::kRepealed;
    v.note = "Bị bãi bỏ bởi " + Joined(e);
    v.evidence = std::move(e);
    return v;
  }
  if (auto e = of([](const RelationEdge& r) { return r.type == "replaces"; }); !e.empty()) {
    v.status = ValidityStatus::kReplaced;
    v.note = "Bị thay thế bởi " + Joined(e);
    if (!e.front().date.empty()) v.note += " (" + e.front().date + ")";
    v.evidence = std::move(e);
    return v;
  }
  auto expired = of([](const RelationEdge& r) { return r.type == "expires"; });
  const bool own_expiry = IsIsoDate(expires_on) && IsIsoDate(today) && expires_on < today;
  if (!expired.empty() || own_expiry) {
    v.status = ValidityStatus::kExpired;
    v.note = !expired.empty() ? "Hết hiệu lực theo " + Joined(expired)
                              : "Hết hiệu lực từ " + std::string(expires_on) + " (văn bản tự quy định)";
    v.evidence = std::move(expired);
    return v;
  }
  if (auto e = of([](const RelationEdge& r) { return r.type == "amends" || (r.type == "repeals" && r.part == "part"); });
      !e.empty()) {
    v.status = ValidityStatus::kAmended;
    v.note = "Còn hiệu lực, được sửa đổi, bổ sung hoặc bãi bỏ một phần bởi " + Joined(e);
    v.evidence = std::move(e);
    return v;
  }
  v.note = "Còn hiệu lực theo những gì kho biết: không có thông tin thay thế, bãi bỏ hay sửa đổi trong kho";
  return v;
}

Result<DocumentRelationsReport> Searcher::Relations(std::string_view symbol, const StoredDocument* own,
                                                    std::string_view today) {
  const std::string day = today.empty() ? TodayIso() : std::string(today);
  return impl_->ReadWithReopen("reading relations of " + std::string(symbol),
                               [&]() -> Result<DocumentRelationsReport> {
    DocumentRelationsReport report;
    report.symbol = std::string(symbol);
    Xapian::Database& db = impl_->db;
    auto newest_first = [&](const std::string& term, Xapian::doccount limit) {
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(term));
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);
      return enquire.get_mset(0, limit);
    };
    if (own != nullptr) {
      report.effective_from = own->relations.effective_from;
      report.expires_on = own->relations.expires_on;
      for (const StoredRelation& r : own->relations.relations) {
        RelationEdge e;
        e.type = r.type;
        e.part = r.part;
        e.articles = r.articles;
        e.symbol = r.target;
        e.sentence = Sentence(own->doc.text, r.sentence_begin, r.sentence_end);
        // The target itself when the archive holds it: the page links to it.
        const Xapian::MSet held = newest_first(terms::OwnSymbol(r.target), 1);
        if (!held.empty()) {
          const Document d = DecodeStoredDocument(held.begin().get_document().get_data()).doc;
          e.id = d.id;
          e.title = d.title;
          e.date = d.date;
        }
        report.outgoing.push_back(std::move(e));
      }
      NewestFirst(&report.outgoing);
    }
    if (!symbol.empty()) {
      for (std::string_view type : kTermTypes) {
        const std::string term = terms::Relation(type, symbol);
        if (!db.term_exists(term)) continue;
        const std::string stated = type == "repeals_part" ? "repeals" : std::string(type);
        const Xapian::MSet by = newest_first(term, kMaxPerType);
        for (auto it = by.begin(); it != by.end(); ++it) {
          const StoredDocument s = DecodeStoredDocument(it.get_document().get_data());
          if (own != nullptr && s.doc.id == own->doc.id) continue;  // a document does not act on itself
          for (const StoredRelation& r : s.relations.relations) {
            if (r.type != stated || r.target != symbol) continue;
            RelationEdge e;
            e.type = r.type;
            e.part = r.part;
            e.articles = r.articles;
            e.id = s.doc.id;
            e.symbol = s.doc.symbol;
            e.title = s.doc.title;
            e.date = s.doc.date;
            e.sentence = Sentence(s.doc.text, r.sentence_begin, r.sentence_end);
            report.incoming.push_back(std::move(e));
            break;  // one edge per stating document and type
          }
        }
      }
      NewestFirst(&report.incoming);
    }
    report.validity = DecideValidity(report.incoming, report.expires_on, day);
    return report;
  });
}

}  // namespace vankien::search
