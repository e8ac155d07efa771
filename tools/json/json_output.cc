#include "tools/json/json_output.h"

#include <utility>

#include "indexer/text/utf8.h"

namespace vankien::json_output {
namespace {

// The mentions' ranges in `text` as sent. The indexer took its offsets in the text it was given,
// but the stored copy has each invalid byte as U+FFFD (three bytes), so after one the stored
// offsets run short by two bytes per such byte. Surfaces are verbatim spans of the text, so each
// is looked for from where the previous one's shift puts it; in valid text (the usual case)
// the first comparison holds and nothing moves.
std::vector<StoredMention> Aligned(const std::string& text,
                                           std::vector<StoredMention> refs) {
  std::vector<StoredMention> out;
  out.reserve(refs.size());
  std::size_t shift = 0;  // only grows: replacements lengthen the text
  for (StoredMention& m : refs) {
    if (m.surface.empty()) continue;
    std::size_t begin = m.begin + shift;
    if (begin > text.size() || text.compare(begin, m.surface.size(), m.surface) != 0) {
      begin = text.find(m.surface, begin > text.size() ? text.size() : begin);
      if (begin == std::string::npos) continue;
      shift = begin - m.begin;
    }
    m.begin = begin;
    m.end = begin + m.surface.size();
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Json ToJson(const search::Hit& h) {
  Json highlights = Json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  return {{"id", h.id},
          {"title", h.title},
          {"date", h.date},
          {"url", h.url},
          {"kind", h.kind},
          {"symbol", h.symbol},
          {"issuer", h.issuer},
          {"term", h.term},
          {"source", h.source},
          {"score", h.score},
          {"snippet", {{"text", h.snippet.text}, {"highlights", std::move(highlights)}}}};
}

Json ToJson(const std::vector<search::Facet>& facets) {
  Json out = Json::object();
  for (const search::Facet& f : facets) {
    Json values = Json::array();
    for (const search::FacetCount& v : f.values) {
      values.push_back({{"value", v.value}, {"count", v.count}});
    }
    out[f.name] = std::move(values);
  }
  return out;
}

Json ToJson(const refs::Registry::Entry& e) {
  return {{"symbol", e.symbol},
          {"type", e.type},
          {"kind", e.type_name},
          {"number", e.number},
          {"issuer", e.issuer},
          {"issuer_name", e.issuer_name},
          {"date", e.date},
          {"term", e.term},
          {"plenum", e.plenum ? Json(*e.plenum) : Json()},
          {"title", e.title}};
}

Json ToJson(const search::IndexStats& s) {
  return {{"documents", s.documents},
          {"terms", s.distinct_terms},
          {"average_length", s.average_length},
          {"bytes_on_disk", s.bytes_on_disk},
          {"last_indexed", s.last_indexed}};
}

Json ToJson(const search::RelationEdge& e) {
  return {{"type", e.type},           {"part", e.part.empty() ? Json() : Json(e.part)},
          {"articles", e.articles},   {"id", e.id},
          {"symbol", e.symbol},       {"title", e.title},
          {"date", e.date},           {"sentence", e.sentence}};
}

void AddRelations(const StoredDocument* stored, const search::DocumentRelationsReport& report, bool official,
                  Json* out) {
  auto edges = [](const std::vector<search::RelationEdge>& list) {
    Json a = Json::array();
    for (const auto& e : list) a.push_back(ToJson(e));
    return a;
  };
  auto text_or_null = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
  if (stored != nullptr) {
    Json relations = Json::array();
    for (const StoredRelation& r : stored->relations.relations) {
      relations.push_back({{"type", r.type},
                           {"target", r.target},
                           {"surface", r.surface},
                           {"part", text_or_null(r.part)},
                           {"articles", r.articles},
                           {"begin", r.begin},
                           {"end", r.end}});
    }
    (*out)["relations"] = std::move(relations);
    (*out)["effective_from"] = text_or_null(stored->relations.effective_from);
    (*out)["expires_on"] = text_or_null(stored->relations.expires_on);
    (*out)["outgoing"] = edges(report.outgoing);
  }
  (*out)["status"] = official ? Json(std::string(search::ValidityName(report.validity.status))) : Json();
  (*out)["status_note"] = official ? report.validity.note : std::string();
  (*out)["evidence"] = edges(report.validity.evidence);
  (*out)["incoming"] = edges(report.incoming);
}

Json ToJson(const Document& d, const std::vector<StoredMention>& refs) {
  Json fields = Json::object();
  for (const auto& [k, v] : d.fields) fields[k] = v;
  // Made valid here, not by Dump, so that the ranges below are ranges of what is sent.
  std::string text = text::SanitizeUtf8(d.text);
  Json mentions = Json::array();
  for (const StoredMention& m : Aligned(text, refs)) {
    mentions.push_back({{"symbol", m.symbol},
                        {"key", m.key},
                        {"surface", m.surface},
                        {"begin", m.begin},
                        {"end", m.end}});
  }
  return {{"id", d.id},
          {"title", d.title},
          {"date", d.date},
          {"kind", d.kind},
          {"symbol", d.symbol},
          {"issuer", d.issuer},
          {"term", d.term},
          {"plenum", d.plenum ? Json(*d.plenum) : Json()},
          {"subject", d.subject},
          {"signer", d.signer},
          {"place", d.place},
          {"source", d.source},
          {"url", d.url},
          {"path", d.path},
          {"encoding", d.encoding},
          {"flags", d.flags},
          {"ocr_confidence", d.ocr_confidence ? Json(*d.ocr_confidence) : Json()},
          {"fields", std::move(fields)},
          {"text", std::move(text)},
          {"refs", std::move(mentions)}};
}

Json ToJson(const search::ReferenceCandidate& c) {
  return {{"symbol", c.symbol}, {"key", c.key},   {"descriptive", c.descriptive}, {"title", c.title},
          {"date", c.date},     {"held", c.held}, {"citing", c.citing}};
}

Json ToJson(const search::ReferenceReading& r) {
  Json candidates = Json::array();
  for (const auto& c : r.candidates) candidates.push_back(ToJson(c));
  const char* kind = r.kind == search::ReferenceReading::Kind::kPartial     ? "partial"
                     : r.kind == search::ReferenceReading::Kind::kEveryTerm ? "every-term"
                                                                            : "exact";
  return {{"surface", r.surface},
          {"begin", r.byte_start},
          {"end", r.byte_end},
          {"kind", kind},
          {"candidates", std::move(candidates)},
          {"meant", r.meant()},
          {"notice", r.notice}};
}

Json SearchJson(std::string_view query, const search::SearchResponse& r) {
  Json hits = Json::array();
  for (const search::Hit& h : r.hits) hits.push_back(ToJson(h));
  Json references = Json::array();
  for (const auto& reading : r.references) references.push_back(ToJson(reading));
  return {{"query", std::string(query)},
          {"total", r.total},
          {"total_exact", r.total_exact},
          {"hits", std::move(hits)},
          {"facets", ToJson(r.facets)},
          {"suggestion", r.suggestion},
          {"notices", r.notices},
          {"references", std::move(references)},
          {"missing_shards", r.missing_shards},
          {"dropped_words", r.dropped_words}};
}

Json ReferenceJson(std::string_view query, const search::ReferenceReport& report) {
  Json facts = Json::array();
  for (const auto& e : report.facts) facts.push_back(ToJson(e));
  Json documents = Json::array();
  for (const auto& d : report.documents) documents.push_back(ToJson(d));
  Json candidates = Json::array();
  for (const auto& c : report.candidates) candidates.push_back(ToJson(c));
  Json groups = Json::array();
  for (const auto& g : report.groups) {
    Json citations = Json::array();
    for (const auto& c : g.citations) {
      citations.push_back({{"id", c.id},
                           {"title", c.title},
                           {"date", c.date},
                           {"surface", c.surface},
                           {"context", c.context}});
    }
    groups.push_back({{"key", g.key}, {"citations", std::move(citations)}});
  }
  return {{"query", std::string(query)},
          {"symbol", report.symbol},
          {"key", report.key},
          {"facts", std::move(facts)},
          {"documents", std::move(documents)},
          {"citing_documents", report.citing_documents},
          {"groups", std::move(groups)},
          {"notices", report.notices},
          {"candidates", std::move(candidates)}};
}

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vankien::json_output
