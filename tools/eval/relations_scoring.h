// Scores the relation extractor (refs::ExtractRelations) against hand-annotated documents
// (tests/data/relations/annotations.jsonl): precision and recall on (type, canonical target)
// per split and per type, effective-date accuracy, a keyword baseline, every miss and false alarm.
// Thread-safety: pure functions over values; ScoreRelations reads files and holds no state.
#ifndef VANKIEN_TOOLS_EVAL_RELATIONS_SCORING_H_
#define VANKIEN_TOOLS_EVAL_RELATIONS_SCORING_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "indexer/refs/recognizer.h"

namespace vankien::eval {

struct AnnotatedRelation {
  std::string type;    // "replaces", "repeals", "amends", "guides", "based_on", "implements", "expires"
  std::string target;  // canonical symbol or "Luật <Tên> <year>"
  std::string part;    // "whole" / "part" for repeals and amends, "" otherwise
  std::vector<std::string> articles;
};

struct RelationsAnnotation {
  std::string file;   // a file name under the documents directory
  std::string split;  // "tune" or "check"
  std::vector<AnnotatedRelation> relations;
  std::string effective_from;  // ISO date or the relative phrase; "" when the text states none
  std::string expires_on;
};

// Reads one annotation per line. Fails with the line number on a line that is not an object
// with "file", "split" and "relations".
Result<std::vector<RelationsAnnotation>> LoadRelationsAnnotations(const std::string& path);

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
};

struct RelationsError {
  std::string file;
  std::string kind;  // "miss", "false alarm", "date", "expiry"
  std::string text;
};

struct SplitScore {
  std::size_t documents = 0;
  Counts all, baseline;
  std::map<std::string, Counts> by_type;
  // effective_from over the documents whose annotation states one; `date_extra` counts
  // documents stating none for which the extractor reported one.
  std::size_t date_total = 0, date_right = 0, date_extra = 0;
  std::size_t expiry_total = 0, expiry_right = 0;
  // repeals / amends matched with the right "whole" / "part".
  std::size_t part_total = 0, part_right = 0;
  std::vector<RelationsError> errors;
  double DateAccuracy() const { return date_total ? double(date_right) / double(date_total) : 0.0; }
};

struct RelationsScore {
  std::map<std::string, SplitScore> splits;  // "check", "tune"
  // Time spent over all documents: recognizing mentions, and extracting relations from them.
  double recognize_ms = 0, relations_ms = 0;
  std::size_t bytes = 0;
};

// Reads each annotated document from `docs_dir`, runs the recognizer and the extractor on it and
// scores them. Targets compare case-insensitively with runs of white space as one space ("Luật Tổ
// chức Chính quyền địa phương 2025" = "… chính quyền …"); an ISO date compares exactly, a relative
// phrase ("kể từ ngày ký") matches when one normalized phrase starts with the other ("kể từ ngày ký
// ban hành"). Fails when a document cannot be read.
Result<RelationsScore> ScoreRelations(const refs::Recognizer& recognizer,
                                      const std::vector<RelationsAnnotation>& annotations,
                                      const std::string& docs_dir);

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_RELATIONS_SCORING_H_
