// The Document value type: one archive item as loaders produce it and the writer indexes it.
// Thread-safety: a plain value.
#ifndef VANKIEN_INDEXER_DOC_DOCUMENT_H_
#define VANKIEN_INDEXER_DOC_DOCUMENT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vankien {

struct Document {
  std::string id;     // unique: the JSONL "id", or the file path relative to the indexed root
  std::string title;  // may be empty
  std::string text;   // body text, UTF-8 (invalid bytes are tolerated by the analyzer)
  std::string date;   // "YYYY-MM-DD", "YYYY-MM", "YYYY" or empty
  std::string url;    // source address, may be empty
  std::string path;   // file it came from, may be empty
  std::string symbol;  // the document's own number and symbol when it is an official document ("21-NQ/TW")
  std::string kind;    // "article", or the official type noun ("Nghị quyết", "Nghị định")
  std::string source;  // the site (URL host) or folder the document came from
  std::string encoding;  // how its bytes were read ("utf-8", "tcvn3", ...); "" for JSONL
  // Quality flags: "encoding-guessed" (low confidence), "mojibake-repaired", "invalid-bytes",
  // "boilerplate-removed", "no-title", "no-date", "pdf-truncated", "ocr" (text recognised from
  // page images), "ocr-incomplete" (some pages skipped by the OCR page or time limit).
  std::vector<std::string> flags;
  // Official documents: what their header says (see doc/official_header.h).
  std::string issuer;  // as written: "BAN CHẤP HÀNH TRUNG ƯƠNG", "CHÍNH PHỦ"
  std::string term;    // Party khóa, Roman
  std::optional<int> plenum;
  std::string subject;  // "về ..."
  std::string signer;
  std::string place;
  // Tesseract's mean word confidence (0..100) over the recognised pages, when flags has "ocr".
  std::optional<double> ocr_confidence;
  // Other string fields of the source record, in input order: stored and indexed as text.
  std::vector<std::pair<std::string, std::string>> fields;
};

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_DOCUMENT_H_
