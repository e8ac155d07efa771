#include "indexer/doc/loader.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "indexer/base/strings.h"
#include "indexer/doc/doc_extractor.h"
#include "indexer/doc/docx_extractor.h"
#include "indexer/doc/html_extractor.h"
#include "indexer/doc/line_reader.h"
#include "indexer/doc/metadata.h"
#include "indexer/doc/ocr_loader.h"
#include "indexer/doc/pdf_extractor.h"

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


Result<std::string> ReadWhole(const std::string& path, std::size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError("cannot read " + path + ": " + ec.message());
  if (size > limit) {
    return Status::InvalidArgument(path + ": " + std::to_string(size) + " bytes is over the " +
                                   std::to_string(limit) +
                                   "-byte document limit; split the file or raise --max-mb");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));
  return content;
}

// The folder a file sits in, as its source ("seeds" for corpus/seeds/x.txt).
std::string FolderOf(const std::string& path) {
  return std::filesystem::path(path).parent_path().filename().string();
}

// Decodes bytes to NFC UTF-8 and records how, with flags a reader should know about.
std::string Decode(std::string_view bytes, std::optional<text::Encoding> forced, Document* doc) {
  text::Decoded d = text::DecodeText(bytes, forced);
  doc->encoding = std::string(text::EncodingName(d.encoding));
  if (d.confidence < 0.8) doc->flags.push_back("encoding-guessed");
  if (d.repaired_mojibake) doc->flags.push_back("mojibake-repaired");
  if (d.invalid > 0) doc->flags.push_back("invalid-bytes");
  return std::move(d.text);
}

bool LooksBinary(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  std::size_t nul = 0;
  for (std::size_t i = 0; i < n; ++i) nul += bytes[i] == '\0';
  // UTF-16 text has NULs on every other byte; binary files have them scattered or in runs.
  return nul > 0 && (nul < n / 4 || nul > n * 3 / 4);
}

std::size_t NonSpaceBytes(std::string_view s);

OcrRun OcrRunOf(const LoadOptions& options) { return OcrRun{options.ocr_options, options.ocr_cache_dir}; }

// Records what OCR read into the document's flags.
void NoteOcr(const OcrResult& ocr, Document* doc) {
  if (ocr.pages_ocr == 0) return;
  doc->flags.push_back("ocr");
  doc->ocr_confidence = ocr.text.mean_confidence;
  if (ocr.text.pages_skipped > 0 || ocr.text.timed_out) doc->flags.push_back("ocr-incomplete");
}

Status LoadOne(const std::string& path, FileKind kind, const std::string& id, const LoadOptions& options,
               const DocumentSink& sink) {
  if (kind == FileKind::kImage && !options.ocr) {
    return Status::InvalidArgument(path + ": an image, read only by OCR, which is off (--no-ocr)");
  }
  if (options.analyzer == nullptr || options.recognizer == nullptr) {
    return Status::FailedPrecondition(path + ": LoadOptions has no analyzer or recognizer to "
                                      "read the document's header and title with");
  }
  const text::Analyzer& analyzer = *options.analyzer;
  const refs::Recognizer& recognizer = *options.recognizer;
  auto bytes = ReadWhole(path, options.max_document_bytes);
  if (!bytes.ok()) return bytes.status();
  Document doc;
  doc.id = id;
  doc.path = path;
  doc.source = FolderOf(path);
  switch (kind) {
    case FileKind::kText: {
      if (LooksBinary(*bytes)) {
        return Status::InvalidArgument(path + ": binary data, not text; skip it or convert it to text");
      }
      DescribeDocument(analyzer, recognizer, Decode(*bytes, options.encoding, &doc), {}, {}, &doc);
      break;
    }
    case FileKind::kHtml: {
      auto page = ExtractHtml(Decode(*bytes, options.encoding, &doc));
      if (!page.ok()) return Status::InvalidArgument(path + ": " + page.status().message());
      DescribeDocument(analyzer, recognizer, std::move(page->text), page->title,
                       NormalizeDate(page->published), &doc);
      break;
    }
    case FileKind::kPdf: {
      auto pdf = ExtractPdf(*bytes, options.max_pdf_pages);
      if (!pdf.ok()) return Status::InvalidArgument(path + ": " + pdf.status().message());
      if (options.ocr) {
        auto ocr = OcrScannedPdfPages(*bytes, &*pdf, OcrRunOf(options));
        if (!ocr.ok()) return Status::WithCode(ocr.status().code(), path + ": OCR: " + ocr.status().message());
        NoteOcr(*ocr, &doc);
      }
      std::string all;
      for (const std::string& page : pdf->pages) all.append(page).append("\n\n");
      if (pdf->truncated) doc.flags.push_back("pdf-truncated");
      doc.encoding = "pdf";
      DescribeDocument(analyzer, recognizer, std::move(all), pdf->title, pdf->created, &doc);
      break;
    }
    case FileKind::kDocx: {
      auto docx = ExtractDocx(*bytes);
      if (!docx.ok()) return Status::InvalidArgument(path + ": " + docx.status().message());
      doc.encoding = "docx";
      DescribeDocument(analyzer, recognizer, std::move(docx->text), docx->title,
                       NormalizeDate(docx->created), &doc);
      break;
    }
    case FileKind::kDoc: {
      ProgramLimits limits;
      limits.max_seconds = options.doc_max_seconds;
      limits.max_output_bytes = options.max_document_bytes * 4;  // XML markup around the text
      auto word = ExtractDoc(*bytes, limits);
      if (!word.ok()) return Status::WithCode(word.status().code(), path + ": " + word.status().message());
      // Text typed in TCVN3/VNI fonts comes out as Windows-1252 mojibake: DecodeText repairs it.
      const std::string title = text::DecodeText(word->title).text;
      DescribeDocument(analyzer, recognizer, Decode(word->text, std::nullopt, &doc), title,
                       NormalizeDate(word->created), &doc);
      if (doc.encoding == "utf-8") doc.encoding = "doc";
      break;
    }
    case FileKind::kImage: {
      auto ocr = OcrImageFile(*bytes, OcrRunOf(options));
      if (!ocr.ok()) return Status::WithCode(ocr.status().code(), path + ": " + ocr.status().message());
      NoteOcr(*ocr, &doc);
      std::string all;
      for (const std::string& page : ocr->text.pages) all.append(page).append("\n\n");
      doc.encoding = "ocr";
      DescribeDocument(analyzer, recognizer, std::move(all), {}, {}, &doc);
      break;
    }
    default:
      return Status::InvalidArgument(path + ": unsupported file type");
  }
  if (NonSpaceBytes(doc.text) == 0 && NonSpaceBytes(doc.title) == 0) {
    return Status::InvalidArgument(path + ": no text in it (empty, or a scan without a text "
                                   "layer); nothing to index");
  }
  return sink(std::move(doc));
}

// "https://baomoi.com/a/b" → "baomoi.com".
std::string SourceOfUrl(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
  return std::string(url);
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
    auto doc = ParseJsonRecord(line, options.field_map);
    if (!doc.ok()) {
      problems->push_back({path, n, doc.status().message()});
      continue;
    }
    doc->path = path;
    if (doc->source.empty()) doc->source = SourceOfUrl(doc->url);
    if (doc->source.empty()) doc->source = std::filesystem::path(path).filename().string();
    // The sink's failure (a write error) ends the file here: the rest would be read for nothing.
    if (Status st = sink(std::move(doc).value()); !st.ok()) return st;
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
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.zst") || EndsWith(path, ".jsonl.gz")) {
    return FileKind::kJsonl;
  }
  if (EndsWith(path, ".html") || EndsWith(path, ".htm")) return FileKind::kHtml;
  if (EndsWith(path, ".pdf")) return FileKind::kPdf;
  if (EndsWith(path, ".docx")) return FileKind::kDocx;
  if (EndsWith(path, ".doc")) return FileKind::kDoc;
  for (const char* ext : {".png", ".jpg", ".jpeg", ".tif", ".tiff"}) {
    if (EndsWith(path, ext)) return FileKind::kImage;
  }
  return FileKind::kUnknown;
}

std::string_view SupportedExtensions() {
  return ".txt, .html, .htm, .pdf, .docx, .doc, .png, .jpg, .jpeg, .tif, .tiff, .jsonl, .jsonl.zst, .jsonl.gz";
}

namespace {

std::size_t NonSpaceBytes(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += !std::isspace(static_cast<unsigned char>(c));
  return n;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  text = TrimAsciiSpace(text);
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

Result<Document> ParseJsonRecord(std::string_view line,
                                 const std::vector<std::pair<std::string, std::string>>& field_map) {
  // ordered_json keeps the record's field order, which Document::fields promises.
  nlohmann::ordered_json record;
  try {
    record = nlohmann::ordered_json::parse(line);
  } catch (const nlohmann::ordered_json::exception& e) {
    // parse_error, and out_of_range for numbers such as 1e999 that overflow a double.
    return Status::InvalidArgument(std::string("not valid JSON (") + e.what() + ")");
  }
  if (!record.is_object()) return Status::InvalidArgument("record is not a JSON object");
  Document doc;
  // Which document field a record key fills: the key itself, unless --field maps another key
  // to that field (the key is then an ordinary field) or maps this key to a field.
  auto field_of = [&](const std::string& record_key, bool* ordinary) -> std::string {
    *ordinary = false;
    for (const auto& [doc_field, mapped_key] : field_map) {
      if (mapped_key == record_key) return doc_field;
    }
    for (const auto& [doc_field, mapped_key] : field_map) {
      if (doc_field == record_key) *ordinary = true;
    }
    return record_key;
  };
  for (auto it = record.begin(); it != record.end(); ++it) {
    bool ordinary = false;
    const std::string key = field_of(it.key(), &ordinary);
    const nlohmann::ordered_json& value = it.value();
    if (ordinary) {
      if (value.is_string()) doc.fields.emplace_back(key, value.get<std::string>());
      continue;
    }
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
  const FileKind kind = KindOf(path);
  if (kind == FileKind::kJsonl) return LoadJsonl(path, options, sink, problems);
  if (kind == FileKind::kUnknown) {
    return Status::InvalidArgument(path + ": unsupported file type (vankien reads " +
                                   std::string(SupportedExtensions()) + ")");
  }
  return LoadOne(path, kind, id_for_file, options, sink);
}

}  // namespace vankien
