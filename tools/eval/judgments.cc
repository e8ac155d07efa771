#include "tools/eval/judgments.h"
#include "indexer/base/strings.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>

namespace vankien::eval {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxExcerptBytes = 80;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}


// Shortens `line` for an error message without cutting a UTF-8 sequence in half.
std::string Excerpt(std::string_view line) {
  if (line.size() <= kMaxExcerptBytes) return std::string(line);
  std::size_t end = kMaxExcerptBytes;
  while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
  return std::string(line.substr(0, end)) + "...";
}

Status LineError(const std::string& path, std::size_t line_no, const std::string& what) {
  return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + what);
}

// Opens `path` for reading, or explains why it cannot be.
Status OpenForReading(const std::string& path, std::ifstream& in) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no such file; check the path");
  }
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + ": is a directory, expected a file");
  }
  in.open(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open for reading; check permissions");
  return Status::Ok();
}

// Reads the next line into `line` with any trailing CRs and (on line 1) a UTF-8 BOM removed.
bool NextLine(std::ifstream& in, std::size_t line_no, std::string& line) {
  if (!std::getline(in, line)) return false;
  while (!line.empty() && line.back() == '\r') line.pop_back();
  if (line_no == 1 && line.starts_with(kUtf8Bom)) line.erase(0, kUtf8Bom.size());
  return true;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

// Reads the string field `name` of `obj`; on failure sets `error` and returns false.
bool GetStringField(const nlohmann::json& obj, const char* name, std::string& out,
                    std::string& error) {
  auto it = obj.find(name);
  if (it == obj.end()) {
    error = std::string("missing field \"") + name + "\"";
    return false;
  }
  if (!it->is_string()) {
    error = std::string("field \"") + name + "\" must be a string, got " + it->type_name();
    return false;
  }
  out = it->get<std::string>();
  return true;
}

}  // namespace

Result<std::vector<JudgedQuery>> LoadQueries(const std::string& path) {
  std::ifstream in;
  if (Status s = OpenForReading(path, in); !s.ok()) return s;

  std::vector<JudgedQuery> queries;
  std::unordered_set<std::string> seen;
  std::string line;
  for (std::size_t line_no = 1; NextLine(in, line_no, line); ++line_no) {
    if (TrimAsciiSpace(line).empty()) continue;

    nlohmann::json obj;
    try {
      obj = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      return LineError(path, line_no, std::string("bad JSON (") + e.what() + ")");
    }
    if (!obj.is_object()) {
      return LineError(
          path, line_no,
          std::string("expected a JSON object with \"qid\" and \"text\", got ") + obj.type_name());
    }
    JudgedQuery query;
    std::string error;
    if (!GetStringField(obj, "qid", query.qid, error) ||
        !GetStringField(obj, "text", query.text, error)) {
      return LineError(path, line_no, error);
    }
    if (query.qid.empty()) return LineError(path, line_no, "empty \"qid\"");
    if (!seen.insert(query.qid).second) {
      return LineError(path, line_no, "duplicate qid \"" + query.qid + "\"");
    }
    queries.push_back(std::move(query));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return queries;
}

Result<Qrels> LoadQrels(const std::string& path) {
  std::ifstream in;
  if (Status s = OpenForReading(path, in); !s.ok()) return s;

  Qrels qrels;
  // "qid\tdocid" -> line of its first judgment, to point at conflicts.
  std::unordered_map<std::string, std::size_t> first_line;
  std::string line;
  for (std::size_t line_no = 1; NextLine(in, line_no, line); ++line_no) {
    if (TrimAsciiSpace(line).empty()) continue;

    std::vector<std::string_view> fields;
    if (line.find('\t') != std::string::npos) {
      fields = Split(line, '\t');
      if (fields.size() != 4) {
        return LineError(path, line_no,
                         "expected 4 tab-separated fields qid<TAB>iter<TAB>docid<TAB>grade, got " +
                             std::to_string(fields.size()) + " in \"" + Excerpt(line) + "\"");
      }
    } else {
      fields = Split(TrimAsciiSpace(line), ' ');
      if (fields.size() != 4) {
        return LineError(path, line_no,
                         "expected 4 tab-separated fields qid<TAB>iter<TAB>docid<TAB>grade; the "
                         "line has no tab and splits into " +
                             std::to_string(fields.size()) +
                             " space-separated fields (only exactly 4 are accepted without "
                             "tabs, since document ids may contain spaces): \"" +
                             Excerpt(line) + "\"");
      }
    }
    for (auto& field : fields) field = TrimAsciiSpace(field);

    const std::string_view qid = fields[0];
    const std::string_view docid = fields[2];
    const std::string_view grade_text = fields[3];
    if (qid.empty()) return LineError(path, line_no, "empty qid");
    if (docid.empty()) return LineError(path, line_no, "empty docid");
    int grade = 0;
    const char* end = grade_text.data() + grade_text.size();
    auto [ptr, ec] = std::from_chars(grade_text.data(), end, grade);
    if (grade_text.empty() || ec != std::errc() || ptr != end) {
      return LineError(path, line_no, "grade \"" + Excerpt(grade_text) + "\" is not an integer");
    }

    auto& judged = qrels[std::string(qid)];
    auto [it, inserted] = judged.emplace(std::string(docid), grade);
    std::string key = std::string(qid) + '\t' + std::string(docid);
    if (inserted) {
      first_line.emplace(std::move(key), line_no);
    } else if (it->second != grade) {
      return LineError(path, line_no,
                       "conflicting grade " + std::to_string(grade) + " for qid \"" +
                           std::string(qid) + "\", docid \"" + std::string(docid) + "\"; line " +
                           std::to_string(first_line[key]) + " gave " + std::to_string(it->second));
    }
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return qrels;
}

}  // namespace vankien::eval
