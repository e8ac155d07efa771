// Searcher::Reference: a document number's own document, facts and citations.
#include <xapian.h>

#include <algorithm>
#include <map>

#include "indexer/refs/key.h"
#include "indexer/schema.h"
#include "indexer/stored_document.h"
#include "indexer/terms.h"
#include "indexer/text/utf8.h"
#include "search/internal/citations.h"
#include "search/internal/searcher_impl.h"

namespace vankien::search {
namespace {

constexpr std::size_t kMaxContext = 400;  // bytes on each side of a mention

bool IsSentenceEnd(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  // A full stop followed by a space ends a sentence; "16.6.2017" and "TP.HCM" do not.
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
}

// The sentence around [begin, end) of `text`, at most kMaxContext bytes either side.
std::string SentenceAround(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  std::size_t from = begin;
  while (from > 0 && begin - from < kMaxContext && !IsSentenceEnd(text, from - 1)) --from;
  std::size_t to = end;
  while (to < text.size() && to - end < kMaxContext && !IsSentenceEnd(text, to)) ++to;
  if (to < text.size() && text[to] != '\n') ++to;  // keep the full stop
  // Do not cut a UTF-8 character in two.
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out = text::SanitizeUtf8(text.substr(from, to - from));
  const std::size_t a = out.find_first_not_of(" \n\r\t");
  const std::size_t b = out.find_last_not_of(" \n\r\t");
  return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

}  // namespace

Result<ReferenceReport> Searcher::Reference(std::string_view reference, std::size_t max_citing) {
  ReferenceReport report;
  const std::vector<ReferenceReading> readings = impl_->reader.Read(reference);
  if (!readings.empty()) {
    const ReferenceReading& r = readings.front();
    const ReferenceCandidate& best = r.candidates.front();
    report.symbol = best.symbol;
    if (best.key != best.symbol) report.key = best.key;
    if (r.kind != ReferenceReading::Kind::kExact) {
      report.candidates = r.candidates;
      report.notices.push_back(r.notice);
    }
  }
  if (report.symbol.empty()) {
    return Status::InvalidArgument("\"" + std::string(reference) +
                                   "\" is not a document number vankien recognizes: write it like "
                                   "21-NQ/TW, 01/2021/NĐ-CP or \"Nghị quyết Trung ương 4 khóa XII\"");
  }
  // A requested key names an entry by its term or, when the year was all the text gave, its year.
  const std::string_view wanted = refs::SplitKey(report.key).suffix;
  for (const auto* e : impl_->registry.FindBySymbol(report.symbol)) {
    if (report.key.empty() || (!wanted.empty() && wanted == e->term) ||
        (e->Year() && wanted == std::to_string(*e->Year()))) {
      report.facts.push_back(*e);
    }
  }

  return impl_->ReadWithReopen("looking up " + report.symbol, [&]() -> Result<ReferenceReport> {
    report.documents.clear();
    report.groups.clear();
    auto newest_first = [&](const std::string& term, std::size_t limit) {
      Xapian::Enquire enquire(impl_->db);
      enquire.set_query(Xapian::Query(term));
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);
      return enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    };
    const std::string own_term = report.key.empty() ? terms::OwnSymbol(report.symbol) : terms::OwnKey(report.key);
    const Xapian::MSet own = newest_first(own_term, 20);
    for (auto it = own.begin(); it != own.end(); ++it) {
      report.documents.push_back(impl_->MakeHit(it.get_document(), 0, nullptr));
    }

    const Xapian::MSet citing = newest_first(terms::Ref(report.symbol), max_citing);
    std::size_t not_citing = 0;  // matched documents whose every mention is of themselves or another reading
    std::map<std::string, CitationGroup> groups;
    for (auto it = citing.begin(); it != citing.end(); ++it) {
      const StoredDocument stored = DecodeStoredDocument(it.get_document().get_data());
      const Document& doc = stored.doc;
      bool cites = false;
      for (const StoredMention& r : CountedMentions(stored, /*drop_self=*/true)) {
        if (r.symbol != report.symbol) continue;
        std::string group = r.key == report.symbol ? "" : r.key;
        // A plenum name the registry resolved ("NQ/TW/HNTW4/XII" → 04-NQ/TW) is cited as the key
        // of its term.
        if (!group.empty() && (group.front() < '0' || group.front() > '9')) {
          const std::string_view term = std::string_view(group).substr(group.rfind('/') + 1);
          group = term == wanted ? report.key : std::string();
        }
        // A requested term keeps its own citations and those that do not say a term.
        if (!report.key.empty() && !group.empty() && group != report.key) continue;
        cites = true;
        Citation c;
        c.id = doc.id;
        c.title = doc.title;
        c.date = doc.date;
        c.surface = r.surface;
        c.context = SentenceAround(doc.text, r.begin, r.end);
        groups[group].key = group;
        groups[group].citations.push_back(std::move(c));
      }
      if (!cites) ++not_citing;
    }
    report.citing_documents = citing.get_matches_estimated() - std::min<std::size_t>(not_citing, citing.get_matches_estimated());
    for (auto& [key, group] : groups) {
      if (!key.empty()) report.groups.push_back(std::move(group));
    }
    if (groups.count("")) report.groups.push_back(std::move(groups[""]));  // term unknown: last
    return report;
  });
}

}  // namespace vankien::search
