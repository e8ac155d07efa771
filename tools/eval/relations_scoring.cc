#include "tools/eval/relations_scoring.h"

#include <unicode/unistr.h>

#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <utility>

#include "indexer/refs/relations.h"

namespace vankien::eval {
namespace {

// Lower case (ICU, so Vietnamese capitals fold too), white space runs as one space, trimmed.
std::string Normalize(std::string_view s) {
  std::string lower;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(lower);
  std::string out;
  for (char c : lower) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

bool IsIso(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && std::isdigit(static_cast<unsigned char>(s[0]));
}

bool SameDate(const std::string& gold, const std::string& got) {
  if (gold.empty() || got.empty()) return gold.empty() && got.empty();
  if (IsIso(gold) || IsIso(got)) return gold == got;
  const std::string a = Normalize(gold), b = Normalize(got);
  return a.compare(0, b.size(), b) == 0 || b.compare(0, a.size(), a) == 0;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

using Key = std::pair<std::string, std::string>;  // (type, normalized target)

// The baseline the issue names: after each keyword, the first numbered mention within 200 bytes
// is the target; before "hết hiệu lực", the last one. No notion of subject, preamble or list.
std::set<Key> Baseline(std::string_view text, const std::vector<refs::Mention>& ms) {
  static const std::pair<std::string_view, std::string_view> kKeywords[] = {
      {"Căn cứ", "based_on"},    {"thay thế", "replaces"},   {"bãi bỏ", "repeals"},
      {"Bãi bỏ", "repeals"},     {"sửa đổi", "amends"},      {"hướng dẫn", "guides"},
      {"thực hiện", "implements"}, {"triển khai", "implements"}};
  std::set<Key> out;
  for (const auto& [kw, type] : kKeywords) {
    for (std::size_t at = text.find(kw); at != std::string_view::npos; at = text.find(kw, at + 1)) {
      const std::size_t end = at + kw.size();
      for (const refs::Mention& m : ms) {
        if (m.byte_start < end) continue;
        if (m.byte_start - end >= 200) break;
        const std::string c = m.Canonical();
        if (c.empty()) continue;
        out.insert({std::string(type), Normalize(c)});
        break;
      }
    }
  }
  constexpr std::string_view kExpired = "hết hiệu lực";
  for (std::size_t at = text.find(kExpired); at != std::string_view::npos; at = text.find(kExpired, at + 1)) {
    const refs::Mention* last = nullptr;
    for (const refs::Mention& m : ms) {
      if (m.byte_end > at) break;
      if (at - m.byte_end < 200 && !m.Canonical().empty()) last = &m;
    }
    if (last) out.insert({"expires", Normalize(last->Canonical())});
  }
  return out;
}

void Tally(const std::set<Key>& gold, const std::set<Key>& got, Counts& c) {
  for (const Key& k : got) (gold.count(k) ? c.tp : c.fp)++;
  for (const Key& k : gold) {
    if (!got.count(k)) ++c.fn;
  }
}

}  // namespace

Result<std::vector<RelationsAnnotation>> LoadRelationsAnnotations(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path + ": give the relations annotation file");
  std::vector<RelationsAnnotation> out;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("file") || !j.contains("split") || !j.contains("relations") ||
        !j["relations"].is_array()) {
      return Status::InvalidArgument(path + ":" + std::to_string(n) +
                                     ": not an annotation (want file, split, relations)");
    }
    RelationsAnnotation a;
    a.file = Str(j, "file");
    a.split = Str(j, "split");
    a.effective_from = Str(j, "effective_from");
    a.expires_on = Str(j, "expires_on");
    for (const auto& r : j["relations"]) {
      AnnotatedRelation g;
      g.type = Str(r, "type");
      g.target = Str(r, "target");
      g.part = Str(r, "part");
      if (auto it = r.find("articles"); it != r.end() && it->is_array()) {
        for (const auto& x : *it) {
          if (x.is_string()) g.articles.push_back(x.get<std::string>());
        }
      }
      if (g.type.empty() || g.target.empty()) {
        return Status::InvalidArgument(path + ":" + std::to_string(n) + ": a relation without type or target");
      }
      a.relations.push_back(std::move(g));
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<RelationsScore> ScoreRelations(const refs::Recognizer& recognizer,
                                      const std::vector<RelationsAnnotation>& annotations,
                                      const std::string& docs_dir) {
  RelationsScore score;
  using Clock = std::chrono::steady_clock;
  for (const RelationsAnnotation& a : annotations) {
    const std::string path = docs_dir + "/" + a.file;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open " + path + " (annotated document; check --docs)");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    score.bytes += text.size();

    const auto t0 = Clock::now();
    const std::vector<refs::Mention> mentions = recognizer.Find(text);
    const auto t1 = Clock::now();
    const refs::DocumentRelations d = refs::ExtractRelations(text, mentions);
    const auto t2 = Clock::now();
    score.recognize_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    score.relations_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();

    SplitScore& s = score.splits[a.split];
    ++s.documents;
    std::set<Key> gold, got;
    std::map<Key, const AnnotatedRelation*> gold_rel;
    std::map<Key, const refs::Relation*> got_rel;
    for (const AnnotatedRelation& r : a.relations) {
      Key k{r.type, Normalize(r.target)};
      gold.insert(k);
      gold_rel[k] = &r;
    }
    for (const refs::Relation& r : d.relations) {
      Key k{std::string(refs::RelationTypeName(r.type)), Normalize(r.target)};
      got.insert(k);
      got_rel.emplace(k, &r);
    }
    Tally(gold, got, s.all);
    Tally(gold, Baseline(text, mentions), s.baseline);
    for (const Key& k : gold) {
      Counts& c = s.by_type[k.first];
      if (got.count(k)) {
        ++c.tp;
        const AnnotatedRelation& g = *gold_rel[k];
        if (!g.part.empty()) {
          ++s.part_total;
          if (got_rel[k]->part == g.part) ++s.part_right;
        }
      } else {
        ++c.fn;
        s.errors.push_back({a.file, "miss", k.first + " " + gold_rel[k]->target});
      }
    }
    for (const Key& k : got) {
      if (gold.count(k)) continue;
      ++s.by_type[k.first].fp;
      const refs::Relation& r = *got_rel[k];
      s.errors.push_back({a.file, "false alarm", k.first + " " + r.target + "  (\"" + r.surface + "\")"});
    }
    if (!a.effective_from.empty()) {
      ++s.date_total;
      if (SameDate(a.effective_from, d.effective_from)) {
        ++s.date_right;
      } else {
        s.errors.push_back({a.file, "date", "effective_from \"" + d.effective_from + "\", want \"" +
                                                a.effective_from + "\""});
      }
    } else if (!d.effective_from.empty()) {
      ++s.date_extra;
      s.errors.push_back({a.file, "date", "effective_from \"" + d.effective_from + "\", want none"});
    }
    if (!a.expires_on.empty() || !d.expires_on.empty()) {
      ++s.expiry_total;
      if (a.expires_on == d.expires_on) {
        ++s.expiry_right;
      } else {
        s.errors.push_back(
            {a.file, "expiry", "expires_on \"" + d.expires_on + "\", want \"" + a.expires_on + "\""});
      }
    }
  }
  return score;
}

}  // namespace vankien::eval
