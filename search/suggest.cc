#include "search/suggest.h"

#include <unordered_map>

namespace vankien::search {

std::string CorrectTypo(const std::string& folded, const FoldedFrequency& frequency) {
  if (folded.size() < 2 || folded.size() > 16) return "";
  for (char c : folded) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return "";
  }
  static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string best;
  std::size_t best_freq = 0;
  auto consider = [&](const std::string& candidate) {
    if (candidate.empty() || candidate == folded) return;
    const std::size_t f = frequency(candidate);
    if (f > best_freq || (f == best_freq && f > 0 && candidate < best)) {
      best_freq = f;
      best = candidate;
    }
  };
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    for (char c : kLetters) consider(folded.substr(0, i) + c + folded.substr(i));  // insert
    if (i == folded.size()) break;
    consider(folded.substr(0, i) + folded.substr(i + 1));  // delete
    for (char c : kLetters) {                              // substitute
      std::string s = folded;
      s[i] = c;
      consider(s);
    }
    if (i + 1 < folded.size()) {  // transpose
      std::string s = folded;
      std::swap(s[i], s[i + 1]);
      consider(s);
    }
  }
  return best;
}

std::vector<std::string> RestoreMarks(const text::Analyzer& analyzer,
                                      const std::vector<std::string>& folded_words,
                                      const std::vector<std::string_view>& texts) {
  // votes[i][exact] = weight of evidence that query word i is written `exact`.
  std::vector<std::unordered_map<std::string, double>> votes(folded_words.size());
  std::unordered_map<std::string, std::vector<std::size_t>> positions;  // folded → query indexes
  for (std::size_t i = 0; i < folded_words.size(); ++i) positions[folded_words[i]].push_back(i);
  for (std::string_view text : texts) {
    const std::vector<text::Token> tokens = analyzer.Analyze(text).tokens;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      auto it = positions.find(tokens[k].folded);
      if (it == positions.end()) continue;
      for (std::size_t i : it->second) {
        double weight = 1;
        // Beside the same neighbour as in the query: strong evidence of the same word.
        if (i > 0 && k > 0 && tokens[k - 1].folded == folded_words[i - 1]) weight += 4;
        if (i + 1 < folded_words.size() && k + 1 < tokens.size() &&
            tokens[k + 1].folded == folded_words[i + 1]) {
          weight += 4;
        }
        votes[i][tokens[k].exact] += weight;
      }
    }
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < folded_words.size(); ++i) {
    std::string best = folded_words[i];
    double best_votes = 0;
    for (const auto& [exact, v] : votes[i]) {
      if (v > best_votes || (v == best_votes && exact < best)) {
        best = exact;
        best_votes = v;
      }
    }
    out.push_back(best);
  }
  return out;
}

std::string RewriteQuery(const text::Analyzer& analyzer, std::string_view query,
                         const std::map<std::string, std::string>& replacements) {
  std::string out;
  std::size_t pos = 0;
  for (const text::Token& t : analyzer.Analyze(query).tokens) {
    auto it = replacements.find(t.folded);
    if (it == replacements.end() || t.begin < pos) continue;
    out.append(query.substr(pos, t.begin - pos));
    std::string word = it->second;
    const unsigned char first = static_cast<unsigned char>(query[t.begin]);
    if (!word.empty() && first >= 'A' && first <= 'Z') {  // keep a capital the user typed
      if (word[0] >= 'a' && word[0] <= 'z') {
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
      } else if (word.compare(0, 2, "\xC4\x91") == 0) {  // đ → Đ
        word[1] = '\x90';
      }
    } else if (!word.empty() && first == 0xC4 && t.begin + 1 < query.size() &&
               static_cast<unsigned char>(query[t.begin + 1]) == 0x90 && word.compare(0, 2, "\xC4\x91") == 0) {
      word[1] = '\x90';  // the user typed Đ
    }
    out.append(word);
    pos = t.end;
  }
  out.append(query.substr(pos));
  return out;
}

}  // namespace vankien::search
