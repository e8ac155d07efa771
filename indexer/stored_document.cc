#include "indexer/stored_document.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace vankien {
namespace {

using Json = nlohmann::ordered_json;  // keeps the field order a person reading the data expects

std::string String(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t Offset(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

}  // namespace

std::string EncodeStoredDocument(const Document& d, const IndexedFacts& facts,
                                 const std::vector<StoredMention>& mentions,
                                 const StoredRelations& relations) {
  Json data = {{"id", d.id},
               {"title", d.title},
               {"text", d.text},
               {"date", d.date},
               {"url", d.url},
               {"path", d.path},
               {"symbol", facts.symbol},
               {"kind", d.kind.empty() ? "article" : d.kind},
               {"source", d.source},
               {"encoding", d.encoding},
               {"flags", d.flags},
               {"issuer", d.issuer},
               {"term", facts.term},
               {"plenum", d.plenum ? Json(*d.plenum) : Json()},
               {"subject", d.subject},
               {"signer", d.signer},
               {"place", d.place}};
  if (d.ocr_confidence) data["ocr_confidence"] = *d.ocr_confidence;
  Json fields = Json::object();
  for (const auto& [key, value] : d.fields) fields[key] = value;
  data["fields"] = std::move(fields);
  Json refs = Json::array();
  for (const StoredMention& m : mentions) {
    refs.push_back({{"symbol", m.symbol}, {"key", m.key}, {"surface", m.surface}, {"begin", m.begin}, {"end", m.end}});
  }
  data["refs"] = std::move(refs);
  if (!relations.empty()) {
    Json list = Json::array();
    for (const StoredRelation& r : relations.relations) {
      list.push_back({{"type", r.type},
                      {"target", r.target},
                      {"surface", r.surface},
                      {"part", r.part},
                      {"articles", r.articles},
                      {"begin", r.begin},
                      {"end", r.end},
                      {"sentence_begin", r.sentence_begin},
                      {"sentence_end", r.sentence_end}});
    }
    data["relations"] = std::move(list);
    data["effective_from"] = relations.effective_from;
    data["expires_on"] = relations.expires_on;
  }
  return data.dump(-1, ' ', false, Json::error_handler_t::replace);
}

StoredDocument DecodeStoredDocument(std::string_view data) {
  StoredDocument out;
  const Json j = Json::parse(data.begin(), data.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  Document& doc = out.doc;
  doc.id = String(j, "id");
  doc.title = String(j, "title");
  doc.text = String(j, "text");
  doc.date = String(j, "date");
  doc.url = String(j, "url");
  doc.path = String(j, "path");
  doc.symbol = String(j, "symbol");
  doc.kind = String(j, "kind");
  doc.source = String(j, "source");
  doc.encoding = String(j, "encoding");
  doc.issuer = String(j, "issuer");
  doc.term = String(j, "term");
  doc.subject = String(j, "subject");
  doc.signer = String(j, "signer");
  doc.place = String(j, "place");
  if (auto it = j.find("plenum"); it != j.end() && it->is_number_integer()) doc.plenum = it->get<int>();
  if (auto it = j.find("ocr_confidence"); it != j.end() && it->is_number()) doc.ocr_confidence = it->get<double>();
  if (auto it = j.find("flags"); it != j.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (f.is_string()) doc.flags.push_back(f.get<std::string>());
    }
  }
  if (auto it = j.find("fields"); it != j.end() && it->is_object()) {
    for (auto f = it->begin(); f != it->end(); ++f) {
      if (f->is_string()) doc.fields.emplace_back(f.key(), f->get<std::string>());
    }
  }
  if (auto it = j.find("refs"); it != j.end() && it->is_array()) {
    const std::size_t size = doc.text.size();
    for (const auto& r : *it) {
      if (!r.is_object()) continue;
      StoredMention m;
      m.symbol = String(r, "symbol");
      m.key = String(r, "key");
      m.surface = String(r, "surface");
      m.begin = std::min(Offset(r, "begin"), size);
      m.end = std::min(std::max(Offset(r, "end"), m.begin), size);
      out.mentions.push_back(std::move(m));
    }
  }
  if (auto it = j.find("relations"); it != j.end() && it->is_array()) {
    const std::size_t size = doc.text.size();
    for (const auto& r : *it) {
      if (!r.is_object()) continue;
      StoredRelation rel;
      rel.type = String(r, "type");
      rel.target = String(r, "target");
      if (rel.type.empty() || rel.target.empty()) continue;  // damaged: nothing to say
      rel.surface = String(r, "surface");
      rel.part = String(r, "part");
      if (auto a = r.find("articles"); a != r.end() && a->is_array()) {
        for (const auto& n : *a) {
          if (n.is_string()) rel.articles.push_back(n.get<std::string>());
        }
      }
      rel.begin = std::min(Offset(r, "begin"), size);
      rel.end = std::min(std::max(Offset(r, "end"), rel.begin), size);
      rel.sentence_begin = std::min(Offset(r, "sentence_begin"), size);
      rel.sentence_end = std::min(std::max(Offset(r, "sentence_end"), rel.sentence_begin), size);
      out.relations.relations.push_back(std::move(rel));
    }
  }
  out.relations.effective_from = String(j, "effective_from");
  out.relations.expires_on = String(j, "expires_on");
  return out;
}

}  // namespace vankien
