// Scores the reference recognizer against hand-checked gold passages (the format of
// ../shared/data/refs/refs-dev.jsonl, scoring rules of its README): precision, recall, and
// every miss and false alarm, in lenient and strict mode.
// Thread-safety: pure functions over values.
#ifndef VANKIEN_TOOLS_EVAL_REFS_SCORING_H_
#define VANKIEN_TOOLS_EVAL_REFS_SCORING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"

namespace vankien::eval {

struct GoldMention {
  std::size_t start = 0, end = 0;  // code points
  std::string surface, type, number, issuer, term, congress, date;
  std::optional<int> plenum, year;
  bool compare_issuer = true;  // false when the annotator took the issuer from outside the passage
};

struct GoldPassage {
  std::string pid;
  std::string text;
  std::vector<GoldMention> mentions;
  std::vector<std::pair<std::size_t, std::size_t>> ignore;  // spans that are deliberately not mentions
};

Result<std::vector<GoldPassage>> LoadGoldPassages(const std::string& path);

struct RefsError {
  std::string pid;
  std::string kind;  // "miss" or "false alarm"
  std::string text;  // a human-readable description
};

struct RefsScore {
  std::size_t gold = 0, predicted = 0, matched_gold = 0, matched_predicted = 0;
  std::size_t predicted_strict = 0;  // predictions including those on ignore spans
  double precision = 0, recall = 0, precision_strict = 0;
  // Attribute accuracy over matched mentions where the gold has the attribute.
  std::size_t year_total = 0, year_right = 0, date_total = 0, date_right = 0, term_total = 0, term_right = 0;
  std::vector<RefsError> errors;
};

// Runs `recognizer` on every passage's text and scores it.
RefsScore ScoreRecognizer(const refs::Recognizer& recognizer, const std::vector<GoldPassage>& gold);

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_REFS_SCORING_H_
