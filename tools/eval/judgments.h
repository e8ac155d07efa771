// Loaders for retrieval-evaluation inputs: test queries (JSONL) and relevance judgments
// (TREC qrels). Both read a whole file into plain values and report problems as a Status
// naming the file and the 1-based line. Thread-safety: free functions with no shared state.
#ifndef VANKIEN_TOOLS_EVAL_JUDGMENTS_H_
#define VANKIEN_TOOLS_EVAL_JUDGMENTS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/base/status.h"

namespace vankien::eval {

struct JudgedQuery {
  std::string qid;
  std::string text;
};

// Reads a JSONL file with one object per line, each with string fields "qid" and "text"
// (other fields are ignored), e.g.
//   {"qid": "train:q-1", "text": "Chiếm đoạt di vật của tử sĩ ..."}
// Returns the queries in file order. Blank (whitespace-only) lines are skipped; CRLF line ends
// and a leading UTF-8 BOM are tolerated. Errors: NotFound/IoError when the file cannot be
// read; InvalidArgument "<path>:<line>: ..." for bad JSON, a non-object line, a missing or
// non-string "qid"/"text", an empty qid, or a qid that repeats an earlier line.
Result<std::vector<JudgedQuery>> LoadQueries(const std::string& path);

// qid -> docid -> grade. A grade <= 0 is kept but counts as non-relevant.
using Qrels = std::unordered_map<std::string, std::unordered_map<std::string, int>>;

// Reads TREC qrels, one judgment per line: qid<TAB>iter<TAB>docid<TAB>grade. The iter field is
// ignored; grade is a (possibly negative) integer. Lines are split on tabs only, because
// document ids may contain spaces ("Luật Dân sự@5"); a line without any tab is accepted only
// if single spaces split it into exactly 4 fields. Fields are trimmed of surrounding ASCII
// whitespace. Blank lines are skipped; CRLF and a leading UTF-8 BOM are tolerated. A repeated
// (qid, docid) pair with the same grade is accepted; with a different grade it is an error.
// Errors: NotFound/IoError when the file cannot be read; InvalidArgument "<path>:<line>: ..."
// for a wrong field count, an empty qid or docid, a non-integer grade, or a conflicting grade.
Result<Qrels> LoadQrels(const std::string& path);

}  // namespace vankien::eval

#endif  // VANKIEN_TOOLS_EVAL_JUDGMENTS_H_
