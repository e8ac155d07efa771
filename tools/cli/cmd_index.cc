// `vankien index`: loads files and folders into the index.
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>

#include "indexer/doc/loader.h"
#include "indexer/doc/ocr_cache.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::size_t commit_every = 2000;
  std::size_t max_mb = 64;
  bool json = false;
  bool quiet = false;
  bool positions = false;
  bool exact_positions = false;
  bool no_relations = false;
  std::size_t shards = 0;
  bool rebuild = false;
  std::string registry = DefaultRegistryPath();
  std::string encoding;             // force one for text files
  std::vector<std::string> fields;  // "text=body"
  std::size_t max_pdf_pages = 2000;
  bool no_ocr = false;
  std::string ocr_cache = OcrCache::DefaultDir();
  bool no_ocr_cache = false;
  std::size_t ocr_max_pages = 200;
  double ocr_timeout = 900;
  std::size_t ocr_threads = 0;
};

// Xapian 1.4.22 can end the process through std::terminate inside WritableDatabase::commit()
// when the disk fills part-way through a commit (seen on a nearly full tmpfs: "terminate called
// without an active exception", no exception to catch). The commit is then lost exactly as if
// the process were killed, so the index is still at its last commit; this handler replaces the
// bare "terminate called" with the same advice a caught write error gets, and exit code 1.
// The database path has to live in a global: a terminate handler takes no arguments.
const std::string* g_writing_db = nullptr;

[[noreturn]] void OnTerminateWhileWriting() {
  if (std::current_exception() != nullptr) {  // an exception nobody caught: a bug, keep the core
    static constexpr char kBug[] =
        "vankien: internal error: an exception escaped while indexing; the index keeps its last "
        "commit. Please report this with the command line.\n";
    const ssize_t ignored = write(STDERR_FILENO, kBug, sizeof kBug - 1);
    (void)ignored;
    std::abort();
  }
  std::string message = "vankien: the index library stopped while writing to index ";
  message += g_writing_db != nullptr ? *g_writing_db : std::string("?");
  struct statvfs vfs {};
  if (g_writing_db != nullptr && statvfs(g_writing_db->c_str(), &vfs) == 0) {
    const unsigned long long free_kb = static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize / 1024;
    message += " (its file system has " + std::to_string(free_kb) + " KB free)";
  }
  struct rlimit fsize {};
  if (getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY) {
    // The likeliest cause then, and one the message can name exactly.
    message += " (File too large? this process may write files of at most " +
               std::to_string(static_cast<unsigned long long>(fsize.rlim_cur) / 1024) + " KB: ulimit -f)";
  }
  message += ": disk full or file too large, most likely. The index keeps its last commit: documents "
             "committed before are intact and searchable. Free space on the disk that holds it (or "
             "raise the file size limit or quota) and run the same command again; it goes on from "
             "the last commit.\n";
  const ssize_t ignored = write(STDERR_FILENO, message.data(), message.size());
  (void)ignored;
  _exit(kExitFailure);
}

// The TTY progress line, from the run's progress reports: at most twice a second.
class ProgressLine {
 public:
  void Update(const IndexProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    drawn_ = true;
    const double secs = std::max(std::chrono::duration<double>(now - start_).count(), 1e-3);
    const double rate = p.file_bytes_done / secs;
    const double eta =
        rate > 0 && p.file_bytes_total > p.file_bytes_done ? (p.file_bytes_total - p.file_bytes_done) / rate : 0;
    if (p.ocr_pages_total > 0) {
      std::fprintf(stderr, "\rindexing: file %zu/%zu, %zu documents, OCR page %zu/%zu of this file   ",
                   p.file + 1, p.files, p.documents, p.ocr_pages_done, p.ocr_pages_total);
      return;
    }
    std::fprintf(stderr, "\rindexing: file %zu/%zu, %zu documents, %.1f MB/s, ETA %.0f s   ", p.file + 1,
                 p.files, p.documents, p.text_bytes / 1e6 / secs, eta);
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r%78s\r", "");
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
  bool drawn_ = false;
};

void PrintJson(const IndexArgs& args, const IndexWriter& writer, const IndexReport& r, double secs) {
  const std::size_t docs = r.documents_added;
  nlohmann::json j = {{"db", args.db},
                      {"files", {{"new", r.files_new}, {"updated", r.files_updated}, {"unchanged", r.files_unchanged},
                                 {"removed", r.files_removed}, {"failed", r.files_failed}, {"skipped", r.files_skipped}}},
                      {"documents", docs},
                      {"documents_removed", r.documents_removed},
                      {"documents_in_index", r.documents_in_index},
                      {"shards", writer.shard_count()},
                      {"seconds", secs},
                      {"docs_per_second", secs > 0 ? docs / secs : 0},
                      {"registry_entries", writer.registry_size()},
                      {"skipped", r.skipped},
                      {"pdf_truncated", r.pdf_truncated},
                      {"encodings", r.encodings},
                      {"encoding_notes", nlohmann::json::array()},
                      {"problems", nlohmann::json::array()}};
  j["ocr"] = nlohmann::json::array();
  for (const auto& note : r.ocr) {
    j["ocr"].push_back({{"path", note.path}, {"confidence", note.confidence}, {"incomplete", note.incomplete}});
  }
  for (const auto& note : r.encoding_notes) {
    j["encoding_notes"].push_back({{"path", note.path}, {"read_as", note.read_as}});
  }
  for (const auto& p : r.problems) {
    j["problems"].push_back({{"path", p.path}, {"line", p.line}, {"message", p.message}});
  }
  if (!r.write_error.ok()) j["error"] = r.write_error.message();
  std::cout << Dump(j) << "\n";
}

void PrintSummary(const IndexArgs& args, const IndexReport& r, double secs) {
  const std::size_t docs = r.documents_added;
  const std::string seconds = Dec(secs, 1), rate = Dec(secs > 0 ? docs / secs : 0.0, 0);
  const std::string mb = Dec(secs > 0 ? r.bytes_read / 1e6 / secs : 0.0, 1);
  const std::string files = Subst(
      TrN("{1} new, {2} updated, {3} unchanged, {4} removed, {5} failed file",
          "{1} new, {2} updated, {3} unchanged, {4} removed, {5} failed files", r.files_failed),
      {Num(r.files_new), Num(r.files_updated), Num(r.files_unchanged), Num(r.files_removed), Num(r.files_failed)});
  const std::string indexed =
      Subst(TrN("{1} document indexed, {2} removed in {3} s ({4} docs/s, {5} MB/s)",
                "{1} documents indexed, {2} removed in {3} s ({4} docs/s, {5} MB/s)", docs),
            {Num(docs), Num(r.documents_removed), seconds, rate, mb});
  const std::string held = Subst(TrN("{1} document in the index", "{1} documents in the index", r.documents_in_index),
                                 {Num(r.documents_in_index)});
  std::printf("%s: %s; %s; %s\n", args.db.c_str(), files.c_str(), indexed.c_str(), held.c_str());
  for (const auto& note : r.ocr) {
    const std::string confidence = Dec(note.confidence, 0);
    const std::string line =
        note.incomplete
            ? Subst(Tr("read by OCR (confidence {1}%, some pages left out by --ocr-max-pages or --ocr-timeout): {2}"),
                    {confidence, note.path})
            : Subst(Tr("read by OCR (confidence {1}%): {2}"), {confidence, note.path});
    std::printf("%s\n", line.c_str());
  }
  for (const auto& note : r.encoding_notes) {
    std::printf("%s\n", Subst(Tr("read as {1}: {2}"), {note.read_as, note.path}).c_str());
  }
  if (!r.skipped.empty()) {
    std::printf("%s\n", Subst(TrN("skipped {1} file of unsupported type (vankien reads {2}):",
                                  "skipped {1} files of unsupported type (vankien reads {2}):", r.skipped.size()),
                              {Num(r.skipped.size()), SupportedExtensions()})
                            .c_str());
    for (std::size_t k = 0; k < r.skipped.size() && k < 20; ++k) std::printf("  %s\n", r.skipped[k].c_str());
    if (r.skipped.size() > 20) {
      std::printf("  %s\n", Subst(Tr("… and {1} more"), {Num(r.skipped.size() - 20)}).c_str());
    }
  }
}

// Truncated PDFs and problems, on stderr (said even with -q: they are what needs attention).
void PrintNotes(const IndexArgs& args, const IndexReport& r) {
  if (!r.pdf_truncated.empty()) {
    const std::string pages = std::to_string(args.max_pdf_pages);
    std::fprintf(stderr, "%s\n",
                 Subst(TrN("note: {1} PDF is longer than --max-pdf-pages {2}: only the first {2} pages were "
                           "indexed; raise --max-pdf-pages to index the rest:",
                           "note: {1} PDFs are longer than --max-pdf-pages {2}: only the first {2} pages were "
                           "indexed; raise --max-pdf-pages to index the rest:",
                           r.pdf_truncated.size()),
                       {Num(r.pdf_truncated.size()), pages})
                     .c_str());
    for (const auto& path : r.pdf_truncated) std::fprintf(stderr, "  %s\n", path.c_str());
  }
  if (!r.problems.empty()) {
    std::fprintf(stderr, "%s\n",
                 Subst(TrN("{1} problem:", "{1} problems:", r.problems.size()), {Num(r.problems.size())}).c_str());
    for (const auto& p : r.problems) {
      if (p.line > 0) {
        std::fprintf(stderr, "  %s:%zu: %s\n", p.path.c_str(), p.line, p.message.c_str());
      } else {
        std::fprintf(stderr, "  %s: %s\n", p.path.c_str(), p.message.c_str());
      }
    }
  }
}

int RunIndex(const IndexArgs& args) {
  IndexRunOptions run_options;
  LoadOptions& load = run_options.load;
  load.max_document_bytes = args.max_mb << 20;
  load.max_pdf_pages = args.max_pdf_pages;
  if (!args.encoding.empty()) {
    load.encoding = text::ParseEncoding(args.encoding);
    if (!load.encoding) {
      return Fail(Status::InvalidArgument(
          Subst(Tr("unknown encoding \"{1}\": use utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, "
                   "viscii, viqr or windows-1252"),
                {args.encoding})));
    }
  }
  for (const std::string& f : args.fields) {
    const std::size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return Fail(Status::InvalidArgument(Subst(Tr("--field {1}: write it as FIELD=RECORD_KEY, e.g. text=body"), {f})));
    }
    load.field_map.emplace_back(f.substr(0, eq), f.substr(eq + 1));
  }
  load.ocr = !args.no_ocr;
  load.ocr_cache_dir = args.no_ocr_cache ? std::string() : args.ocr_cache;
  load.ocr_options.max_pages = args.ocr_max_pages;
  load.ocr_options.max_seconds = args.ocr_timeout;
  load.ocr_options.threads = args.ocr_threads;

  text::Analyzer analyzer;
  IndexWriterOptions options;
  options.commit_every = std::max<std::size_t>(1, args.commit_every);
  options.folded_positions = args.positions || args.exact_positions;
  options.exact_positions = args.exact_positions;
  options.relations = !args.no_relations;
  options.shards = args.shards;
  options.seed_registry = args.registry;
  options.rebuild = args.rebuild;
  auto writer = IndexWriter::Open(args.db, analyzer, options);
  if (!writer.ok()) return Fail(writer.status());  // its message names the index and what to do

  ProgressLine progress;
  if (!args.quiet && !args.json && StderrIsTty()) {
    run_options.progress = [&progress](const IndexProgress& p) { progress.Update(p); };
  }
  const auto start = std::chrono::steady_clock::now();
  g_writing_db = &args.db;
  const std::terminate_handler previous = std::set_terminate(OnTerminateWhileWriting);
  const IndexReport report = IndexPaths(**writer, args.paths, run_options);
  progress.Clear();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (args.json) {
    PrintJson(args, **writer, report, secs);
  } else if (!args.quiet) {
    PrintSummary(args, report, secs);
  }
  std::fflush(stdout);
  if (!args.json) PrintNotes(args, report);
  (*writer).reset();  // Xapian's destructor may still try to write: keep the handler till then
  std::set_terminate(previous);
  if (!report.write_error.ok()) {
    (void)Fail(report.write_error);  // the library's message: which index, why, what to do
    return kExitFailure;             // never a usage error, whatever the code
  }
  return report.problems.empty() ? kExitOk : kExitFailure;
}

}  // namespace

Runner RegisterIndex(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Index .txt, .html, .pdf, .docx, Word 97 .doc, images (.png, .jpg, .tif: OCR) and "
               ".jsonl(.zst|.gz) files; folders are searched recursively; scanned PDF pages are "
               "read by OCR. Runs are incremental: only new or changed files are read, documents of "
               "deleted files are removed. Exit code 1 if any file or record failed (the rest is "
               "still indexed).");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("paths", args->paths, "Files or folders to index")->required();
  cmd->add_option("--commit-every", args->commit_every, "Commit after this many documents")
      ->capture_default_str();
  cmd->add_option("--max-mb", args->max_mb, "Largest document accepted, in MB")->capture_default_str();
  cmd->add_option("--registry", args->registry,
                  "Registry of known documents a new index starts from (TSV)")
      ->capture_default_str();
  cmd->add_option("--encoding", args->encoding,
                  "Read text files in this encoding instead of detecting it (utf-8, utf-16le, "
                  "utf-16be, windows-1258, tcvn3, vni, viscii, viqr, windows-1252)");
  cmd->add_option("--field", args->fields,
                  "JSONL field mapping FIELD=KEY, e.g. text=body (repeatable; fields: id, title, "
                  "text, date, url, symbol)");
  cmd->add_option("--max-pdf-pages", args->max_pdf_pages, "Index at most this many pages of a PDF")
      ->capture_default_str();
  cmd->add_flag("--no-ocr", args->no_ocr,
                "Do not recognise scanned PDF pages and images (OCR, Tesseract): scans then index "
                "as having no text and image files are skipped");
  cmd->add_option("--ocr-cache", args->ocr_cache,
                  "Keep OCR results here by file content, so a re-run does not recognise a scan "
                  "again ($VANKIEN_OCR_CACHE, else ~/.cache/vankien/ocr)")
      ->capture_default_str();
  cmd->add_flag("--no-ocr-cache", args->no_ocr_cache, "Keep no OCR results");
  cmd->add_option("--ocr-max-pages", args->ocr_max_pages, "Recognise at most this many pages of one file")
      ->capture_default_str();
  cmd->add_option("--ocr-timeout", args->ocr_timeout,
                  "Seconds of OCR one file may take; pages not started by then are left out and reported")
      ->capture_default_str();
  cmd->add_option("--ocr-threads", args->ocr_threads, "OCR worker threads (0: one per core)")
      ->capture_default_str();
  cmd->add_flag("--rebuild", args->rebuild,
                "Start the index over: delete what --db holds (also a damaged index, which is "
                "otherwise refused) and index the paths from scratch");
  cmd->add_option("--shards", args->shards,
                  "Create the new index as N shards written in parallel and searched as one "
                  "(default 1; an existing index keeps its shards)")
      ->check(CLI::Range(1, 64));
  cmd->add_flag("--positions", args->positions,
                "Store word positions, so that phrases must match word for word in order (larger, "
                "slower index; without them a phrase matches its adjacent word pairs)");
  cmd->add_flag("--exact-positions", args->exact_positions,
                "Also store positions of exact (accented) terms: larger index, for measurement");
  cmd->add_flag("--no-relations", args->no_relations,
                "Do not extract relations (replaces, amends, …) from official documents; to measure their cost");
  cmd->add_flag("--json", args->json, "Print a JSON summary");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but problems");
  return [args] { return RunIndex(*args); };
}

}  // namespace vankien::cli
