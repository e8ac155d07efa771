#include "indexer/doc/loader.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "indexer/doc/line_reader.h"

namespace vankien {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = s[s.size() - suffix.size() + i];
    if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
  }
  return true;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Status LoadText(const std::string& path, const std::string& id, const LoadOptions& options,
                const DocumentSink& sink) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError("cannot read " + path + ": " + ec.message());
  if (size > options.max_document_bytes) {
    return Status::InvalidArgument(path + ": " + std::to_string(size) + " bytes is over the " +
                                   std::to_string(options.max_document_bytes) +
                                   "-byte document limit; split the file or raise the limit");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));
  // A UTF-8 byte-order mark is not part of the text.
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);

  Document doc;
  doc.id = id;
  doc.path = path;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    const std::string_view line(content.data() + pos, nl - pos);
    if (!IsBlank(line)) {
      doc.title = std::string(Trim(line));
      doc.text = content.substr(std::min(nl + 1, content.size()));
      break;
    }
    pos = nl + 1;
  }
  sink(std::move(doc));
  return Status::Ok();
}

Status LoadJsonl(const std::string& path, const LoadOptions& options, const DocumentSink& sink,
                 std::vector<LoadProblem>* problems) {
  auto reader = LineReader::Open(path, options.max_document_bytes);
  if (!reader.ok()) return reader.status();
  std::string line;
  while (true) {
    const auto outcome = (*reader)->Next(&line);
    if (outcome == LineReader::Outcome::kEnd) break;
    if (outcome == LineReader::Outcome::kError) return (*reader)->status();
    const std::size_t n = (*reader)->line_number();
    if (outcome == LineReader::Outcome::kTooLong) {
      problems->push_back({path, n, "record longer than the document limit; skipped"});
      continue;
    }
    if (IsBlank(line)) continue;
    auto doc = ParseJsonRecord(line);
    if (!doc.ok()) {
      problems->push_back({path, n, doc.status().message()});
      continue;
    }
    doc->path = path;
    sink(std::move(doc).value());
  }
  return Status::Ok();
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::string FormatDate(int y, int m, int d) {
  char buf[32];
  if (m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Month and day may be 0 (unknown) but not out of range; a day needs a month.
bool Plausible(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0) return false;
  if (m == 0) return d == 0;
  return d <= DaysInMonth(y, m);
}

}  // namespace

FileKind KindOf(const std::string& path) {
  if (EndsWith(path, ".txt")) return FileKind::kText;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.zst")) return FileKind::kJsonl;
  return FileKind::kUnknown;
}

std::string NormalizeDate(std::string_view text) {
  text = Trim(text);
  // Up to three runs of digits separated by '-', '/' or '.'; anything after a 'T' or a space
  // (a time of day) is ignored.
  const std::size_t cut = text.find_first_of("T ");
  if (cut != std::string_view::npos) text = text.substr(0, cut);
  int parts[3] = {0, 0, 0};
  std::size_t widths[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (count == 3) return "";
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i || j - i > 4) return "";
    parts[count] = ToInt(text.substr(i, j - i));
    widths[count++] = j - i;
    if (j < text.size()) {
      if (text[j] != '/' && text[j] != '-' && text[j] != '.') return "";
      ++j;
      if (j == text.size()) return "";
    }
    i = j;
  }
  int y = 0, m = 0, d = 0;
  if (count >= 1 && widths[0] == 4) {  // ISO order: YYYY[-M[-D]]
    y = parts[0];
    m = count >= 2 ? parts[1] : 0;
    d = count >= 3 ? parts[2] : 0;
    if ((count >= 2 && m == 0) || (count == 3 && d == 0)) return "";
  } else if (count == 3 && widths[2] == 4) {  // Vietnamese order: D/M/YYYY
    d = parts[0];
    m = parts[1];
    y = parts[2];
    if (d == 0 || m == 0) return "";
  } else {
    return "";
  }
  return Plausible(y, m, d) ? FormatDate(y, m, d) : "";
}

Result<Document> ParseJsonRecord(std::string_view line) {
  // ordered_json keeps the record's field order, which Document::fields promises.
  nlohmann::ordered_json record;
  try {
    record = nlohmann::ordered_json::parse(line);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    return Status::InvalidArgument(std::string("not valid JSON (") + e.what() + ")");
  }
  if (!record.is_object()) return Status::InvalidArgument("record is not a JSON object");
  Document doc;
  for (auto it = record.begin(); it != record.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::ordered_json& value = it.value();
    if (key == "id") {
      if (value.is_string()) {
        doc.id = value.get<std::string>();
      } else if (value.is_number_integer()) {
        doc.id = value.dump();
      }
      continue;
    }
    if (!value.is_string()) continue;  // numbers, lists and objects are not text
    std::string s = value.get<std::string>();
    if (key == "title") {
      doc.title = std::move(s);
    } else if (key == "text") {
      doc.text = std::move(s);
    } else if (key == "url") {
      doc.url = std::move(s);
    } else if (key == "symbol") {
      doc.symbol = std::move(s);
    } else if (key == "date") {
      doc.date = NormalizeDate(s);
      if (doc.date.empty() && !IsBlank(s)) doc.fields.emplace_back(key, std::move(s));
    } else {
      doc.fields.emplace_back(key, std::move(s));
    }
  }
  if (IsBlank(doc.id)) return Status::InvalidArgument("record has no \"id\" (a non-empty string)");
  return doc;
}

Status LoadFile(const std::string& path, const std::string& id_for_file, const LoadOptions& options,
                const DocumentSink& sink, std::vector<LoadProblem>* problems) {
  switch (KindOf(path)) {
    case FileKind::kText:
      return LoadText(path, id_for_file, options, sink);
    case FileKind::kJsonl:
      return LoadJsonl(path, options, sink, problems);
    case FileKind::kUnknown:
      break;
  }
  return Status::InvalidArgument(path + ": unsupported file type (vankien reads .txt, .jsonl, "
                                 ".jsonl.zst)");
}

}  // namespace vankien
