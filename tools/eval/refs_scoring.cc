#include "tools/eval/refs_scoring.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace vankien::eval {
namespace {

// Upper case for the ASCII and the few Vietnamese letters codes use; Ð (U+00D0) → Đ; TƯ → TW.
std::string NormalizeCode(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC3\x90") == 0) {  // Ð
      out += "\xC4\x90";
      ++i;
    } else if (s.compare(i, 2, "\xC4\x91") == 0) {  // đ
      out += "\xC4\x90";
      ++i;
    } else if (s.compare(i, 2, "\xC6\xB0") == 0 || s.compare(i, 2, "\xC6\xAF") == 0) {  // ư Ư
      out += "W";
      ++i;
    } else {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    }
  }
  std::string cleaned;
  for (char c : out) {
    if (c != '.' && c != ' ') cleaned += c;
  }
  return cleaned;
}

std::string StripZeros(const std::string& n) {
  std::size_t i = 0;
  while (i + 1 < n.size() && n[i] == '0') ++i;
  return n.substr(i);
}

bool Overlap(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) { return a0 < b1 && b0 < a1; }

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::optional<int> Int(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

bool Matches(const GoldMention& g, const refs::Mention& p) {
  if (!Overlap(g.start, g.end, p.start, p.end)) return false;
  if (NormalizeCode(g.type) != NormalizeCode(p.type)) return false;
  if (g.number.empty()) {
    return p.number.empty() && g.plenum == p.plenum && g.congress == p.congress && g.term == p.term;
  }
  if (StripZeros(NormalizeCode(g.number)) != StripZeros(NormalizeCode(p.number))) return false;
  return !g.compare_issuer || NormalizeCode(g.issuer) == NormalizeCode(p.issuer);
}

std::string Describe(const refs::Mention& m) {
  std::string d = "\"" + m.surface + "\" type=" + m.type + " number=" + m.number + " issuer=" + m.issuer;
  if (m.plenum) d += " plenum=" + std::to_string(*m.plenum);
  if (!m.congress.empty()) d += " congress=" + m.congress;
  if (!m.term.empty()) d += " term=" + m.term;
  return d;
}

std::string Describe(const GoldMention& m) {
  std::string d = "\"" + m.surface + "\" type=" + m.type + " number=" + m.number + " issuer=" + m.issuer;
  if (m.plenum) d += " plenum=" + std::to_string(*m.plenum);
  if (!m.congress.empty()) d += " congress=" + m.congress;
  if (!m.term.empty()) d += " term=" + m.term;
  return d;
}

}  // namespace

Result<std::vector<GoldPassage>> LoadGoldPassages(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<GoldPassage> out;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j.contains("mentions")) {
      return Status::InvalidArgument(path + ":" + std::to_string(n) + ": not a gold passage");
    }
    GoldPassage p;
    p.pid = Str(j, "pid");
    p.text = Str(j, "text");
    for (const auto& m : j["mentions"]) {
      GoldMention g;
      g.start = m.value("start", 0);
      g.end = m.value("end", 0);
      g.surface = Str(m, "surface");
      g.type = Str(m, "type");
      g.number = Str(m, "number");
      g.issuer = Str(m, "issuer");
      g.term = Str(m, "term");
      g.congress = Str(m, "congress");
      g.date = Str(m, "date");
      g.plenum = Int(m, "plenum");
      g.year = Int(m, "year");
      const std::string ctx = Str(m, "ctx");
      g.compare_issuer = !(ctx == "article" || ctx == "knowledge");
      p.mentions.push_back(std::move(g));
    }
    if (j.contains("ignore") && j["ignore"].is_array()) {
      for (const auto& s : j["ignore"]) p.ignore.emplace_back(s.value("start", 0), s.value("end", 0));
    }
    out.push_back(std::move(p));
  }
  return out;
}

RefsScore ScoreRecognizer(const refs::Recognizer& recognizer, const std::vector<GoldPassage>& gold) {
  RefsScore score;
  for (const GoldPassage& p : gold) {
    const std::vector<refs::Mention> predicted = recognizer.Find(p.text);
    std::vector<bool> gold_used(p.mentions.size(), false);
    score.gold += p.mentions.size();
    for (const refs::Mention& m : predicted) {
      ++score.predicted_strict;
      bool on_ignore = false;
      for (const auto& [a, b] : p.ignore) on_ignore = on_ignore || Overlap(a, b, m.start, m.end);
      int match = -1;
      for (std::size_t g = 0; g < p.mentions.size(); ++g) {
        if (!gold_used[g] && Matches(p.mentions[g], m)) {
          match = static_cast<int>(g);
          break;
        }
      }
      if (match < 0 && on_ignore) continue;  // lenient: neither rewarded nor penalised
      ++score.predicted;
      if (match < 0) {
        score.errors.push_back({p.pid, "false alarm", Describe(m) + "  in: " + p.text});
        continue;
      }
      gold_used[match] = true;
      ++score.matched_predicted;
      ++score.matched_gold;
      const GoldMention& g = p.mentions[match];
      if (g.year) {
        ++score.year_total;
        score.year_right += m.year == g.year;
      }
      if (!g.date.empty()) {
        ++score.date_total;
        score.date_right += m.date == g.date;
      }
      if (!g.term.empty() && !g.number.empty()) {
        ++score.term_total;
        score.term_right += m.term == g.term;
      }
    }
    for (std::size_t g = 0; g < p.mentions.size(); ++g) {
      if (!gold_used[g]) score.errors.push_back({p.pid, "miss", Describe(p.mentions[g]) + "  in: " + p.text});
    }
  }
  score.precision = score.predicted ? double(score.matched_predicted) / score.predicted : 1.0;
  score.recall = score.gold ? double(score.matched_gold) / score.gold : 1.0;
  score.precision_strict = score.predicted_strict ? double(score.matched_predicted) / score.predicted_strict : 1.0;
  return score;
}

}  // namespace vankien::eval
