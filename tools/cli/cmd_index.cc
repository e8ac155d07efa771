// `vankien index`: loads files and folders into the index.
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <map>
#include <memory>
#include <unordered_set>

#include "indexer/doc/file_hash.h"
#include "indexer/doc/loader.h"
#include "indexer/index_writer.h"
#include "indexer/refs/recognizer.h"
#include "indexer/schema.h"
#include "indexer/text/analyzer.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

namespace fs = std::filesystem;

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::size_t commit_every = 2000;
  std::size_t max_mb = 64;
  bool json = false;
  bool quiet = false;
  bool positions = false;
  bool exact_positions = false;
  std::size_t shards = 0;
  std::string registry = VANKIEN_DEFAULT_REGISTRY;
  std::string encoding;             // force one for text files
  std::vector<std::string> fields;  // "text=body"
  std::size_t max_pdf_pages = 2000;
};

struct Input {
  std::string path;  // absolute, normalized
  std::string id;    // id a .txt file gets: its path relative to the root it was found under
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

struct Collected {
  std::vector<Input> inputs;
  std::vector<std::string> roots;  // absolute folder prefixes ("/a/b/") and file paths given
  std::uint64_t bytes = 0;
};

std::string Absolute(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal().string();
}

bool Stat(const fs::path& p, Input* in) {
  std::error_code ec;
  in->size = fs::file_size(p, ec);
  if (ec) return false;
  const auto t = fs::last_write_time(p, ec);
  if (ec) return false;
  in->mtime = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  return true;
}

// Expands files and folders (recursively, sorted, symlinked folders not followed so loops
// cannot happen) into the files to load. Unreadable entries become problems.
Collected Collect(const std::vector<std::string>& paths, std::vector<LoadProblem>* problems) {
  Collected c;
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({arg, 0, "no such file or folder"});
      continue;
    }
    if (fs::is_regular_file(st)) {
      Input in{Absolute(arg), fs::path(arg).filename().string()};
      if (!Stat(arg, &in)) {
        problems->push_back({arg, 0, "cannot read its size or time"});
        continue;
      }
      c.roots.push_back(in.path);
      c.bytes += in.size;
      c.inputs.push_back(std::move(in));
      continue;
    }
    if (!fs::is_directory(st)) {
      problems->push_back({arg, 0, "not a regular file or folder"});
      continue;
    }
    std::string root = Absolute(arg);
    if (root.empty() || root.back() != '/') root += '/';
    c.roots.push_back(root);
    std::vector<Input> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      problems->push_back({arg, 0, "cannot list folder: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        problems->push_back({it->path().string(), 0, "cannot read: " + ec.message()});
        ec.clear();
        continue;
      }
      std::error_code fe;
      if (it->is_symlink(fe) && !fs::exists(it->path(), fe)) {
        problems->push_back({it->path().string(), 0, "broken symbolic link or link loop; fix or remove it"});
        continue;
      }
      if (!it->is_regular_file(fe)) continue;
      Input in{Absolute(it->path()), fs::relative(it->path(), arg, fe).generic_string()};
      if (!Stat(it->path(), &in)) {
        problems->push_back({it->path().string(), 0, "cannot read its size or time"});
        continue;
      }
      c.bytes += in.size;
      found.push_back(std::move(in));
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    c.inputs.insert(c.inputs.end(), found.begin(), found.end());
  }
  return c;
}

struct Counts {
  std::size_t added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, skipped = 0;
  std::size_t documents = 0, documents_removed = 0;
};

// One run over the inputs: each file is new, changed, unchanged or failed; files the index
// knows under the given roots but no longer on disk are removed.
class IndexRun {
 public:
  IndexRun(IndexWriter& writer, const IndexArgs& args, LoadOptions load_options)
      : writer_(writer), args_(args), load_options_(std::move(load_options)) {}

  void Run(const Collected& c) {
    start_ = std::chrono::steady_clock::now();
    progress_ = !args_.quiet && !args_.json && StderrIsTty();
    total_bytes_ = c.bytes;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < c.inputs.size() && write_error_.ok(); ++i) {
      seen.insert(c.inputs[i].path);
      ProcessFile(c.inputs[i], i, c.inputs.size());
      done_bytes_ += c.inputs[i].size;
    }
    if (write_error_.ok()) RemoveGone(c.roots, seen);
    if (progress_) std::fprintf(stderr, "\r%78s\r", "");
    if (write_error_.ok()) write_error_ = writer_.Commit();
  }

  const Counts& counts() const { return counts_; }
  const Status& write_error() const { return write_error_; }
  std::vector<LoadProblem>& problems() { return problems_; }
  const std::vector<std::string>& skipped() const { return skipped_; }
  // PDFs with more pages than --max-pdf-pages: only their first pages were indexed.
  const std::vector<std::string>& truncated() const { return truncated_; }
  std::uint64_t bytes_read() const { return text_bytes_; }

 private:
  void ProcessFile(const Input& in, std::size_t index, std::size_t total) {
    if (KindOf(in.path) == FileKind::kUnknown) {
      skipped_.push_back(in.path);
      ++counts_.skipped;
      return;
    }
    const auto known = writer_.GetFileState(in.path);
    if (known && known->size == in.size && known->mtime == in.mtime) {
      ++counts_.unchanged;
      return;
    }
    auto hash = HashFile(in.path);
    if (!hash.ok()) {
      problems_.push_back({in.path, 0, hash.status().message()});
      ++counts_.failed;
      return;
    }
    IndexWriter::FileState state{in.path, *hash, in.size, in.mtime, 0};
    if (known && known->hash == *hash) {  // touched, not changed
      state.documents = known->documents;
      write_error_ = writer_.SetFileState(state);
      ++counts_.unchanged;
      return;
    }
    std::unordered_set<std::string> kept;
    const Status st = LoadFile(in.path, in.id, load_options_, [&](Document&& doc) {
      if (!write_error_.ok()) return;
      doc.path = in.path;
      NoteEncoding(in.path, doc);
      if (std::find(doc.flags.begin(), doc.flags.end(), "pdf-truncated") != doc.flags.end()) {
        truncated_.push_back(in.path);
      }
      text_bytes_ += doc.text.size() + doc.title.size();
      kept.insert(schema::IdTerm(doc.id));
      ++state.documents;
      write_error_ = writer_.Add(doc);
      ShowProgress(index, total);
    }, &problems_);
    if (!write_error_.ok()) return;
    if (!st.ok()) {
      // The file's old documents stay (those not replaced); the next run tries it again.
      problems_.push_back({in.path, 0, st.message()});
      ++counts_.failed;
      return;
    }
    if (known) {
      auto stale = writer_.RemoveStale(in.path, kept);
      if (!stale.ok()) {
        write_error_ = stale.status();
        return;
      }
      counts_.documents_removed += *stale;
      ++counts_.updated;
    } else {
      ++counts_.added;
    }
    counts_.documents += state.documents;
    write_error_ = writer_.SetFileState(state);
  }

  // Which encoding each text file was read in: counted, and listed when it was not UTF-8 or
  // was a guess, so a reader can check the conversion.
  void NoteEncoding(const std::string& path, const Document& doc) {
    if (doc.encoding.empty()) return;
    ++encodings_[doc.encoding];
    const bool guessed = std::find(doc.flags.begin(), doc.flags.end(), "encoding-guessed") != doc.flags.end();
    const bool repaired = std::find(doc.flags.begin(), doc.flags.end(), "mojibake-repaired") != doc.flags.end();
    const bool legacy = doc.encoding != "utf-8" && doc.encoding != "pdf" && doc.encoding != "docx";
    if (legacy || guessed || repaired) {
      notes_.push_back({path, doc.encoding + (guessed ? " (a guess: check it, or force it with --encoding)" : "") +
                                  (repaired ? " (mis-decoded text repaired)" : "")});
    }
  }

 public:
  const std::map<std::string, std::size_t>& encodings() const { return encodings_; }
  const std::vector<std::pair<std::string, std::string>>& encoding_notes() const { return notes_; }

 private:
  void RemoveGone(const std::vector<std::string>& roots, const std::unordered_set<std::string>& seen) {
    for (const std::string& root : roots) {
      for (const auto& f : writer_.KnownFiles(root)) {
        // A folder root "/a/b/" owns everything below it; a file root only itself.
        if (root.back() != '/' && f.path != root) continue;
        if (seen.count(f.path)) continue;
        std::error_code ec;
        if (fs::exists(f.path, ec)) continue;  // still there, just not of a type we read now
        auto removed = writer_.RemoveFile(f.path);
        if (!removed.ok()) {
          write_error_ = removed.status();
          return;
        }
        counts_.documents_removed += *removed;
        ++counts_.removed;
      }
    }
  }

  void ShowProgress(std::size_t index, std::size_t total) {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report_ < std::chrono::milliseconds(500)) return;
    last_report_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = done_bytes_ / std::max(secs, 1e-3);
    const double eta = rate > 0 && total_bytes_ > done_bytes_ ? (total_bytes_ - done_bytes_) / rate : 0;
    std::fprintf(stderr, "\rindexing: file %zu/%zu, %zu documents, %.1f MB/s, ETA %.0f s   ", index + 1,
                 total, writer_.documents_added(), text_bytes_ / 1e6 / std::max(secs, 1e-3), eta);
  }

  IndexWriter& writer_;
  const IndexArgs& args_;
  LoadOptions load_options_;
  Counts counts_;
  Status write_error_;
  std::vector<LoadProblem> problems_;
  std::vector<std::string> skipped_;
  std::vector<std::string> truncated_;
  std::map<std::string, std::size_t> encodings_;
  std::vector<std::pair<std::string, std::string>> notes_;  // (path, how it was read)
  std::chrono::steady_clock::time_point start_, last_report_;
  bool progress_ = false;
  std::uint64_t total_bytes_ = 0, done_bytes_ = 0, text_bytes_ = 0;
};

bool Mentions(const std::string& message, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (message.find(w) != std::string::npos) return true;
  }
  return false;
}

// The database could not be opened for writing: say which, why, and what to do.
Status OpenFailure(const std::string& db, const Status& status) {
  const std::string& m = status.message();
  if (Mentions(m, {"read-only file system", "Read-only file system"})) {
    return Status::IoError(m + ". Nothing was changed; the index keeps its last commit and can still be "
                               "searched. Remount it read-write, or copy it to a writable disk and "
                               "index with --db pointing there.");
  }
  if (Mentions(m, {"no permission", "Permission denied"})) {
    return Status::IoError(m + ". Nothing was changed; the index keeps its last commit and can still be "
                               "searched. Make it writable for this user (e.g. chmod -R u+w " + db +
                               ") or index with --db pointing to a directory you can write.");
  }
  return status;
}

// A write failed part-way through the run: the database stays at its last commit.
Status WriteFailure(const std::string& db, const Status& status) {
  std::string m = status.message();
  // Said once, below, for every cause.
  constexpr std::string_view kKept = "; the index keeps its last committed state";
  if (m.ends_with(kKept)) m.resize(m.size() - kKept.size());
  if (Mentions(m, {"No space left on device", "File too large", "Disk quota exceeded", "ENOSPC", "EFBIG"})) {
    return Status::IoError("cannot write to index " + db + ": disk full or file too large (" + m +
                           "). The index keeps its last commit: documents committed before are "
                           "intact and searchable. Free space on the disk that holds " + db +
                           " (or raise the file size limit or quota) and run the same command "
                           "again; it goes on from the last commit.");
  }
  if (Mentions(m, {"Read-only file system", "Permission denied"})) {
    return Status::IoError("cannot write to index " + db + ": it became read-only or unwritable (" + m +
                           "). The index keeps its last commit. Make it writable and run the same "
                           "command again; it goes on from the last commit.");
  }
  return Status::IoError("cannot write to index " + db + ": " + m +
                         ". The index keeps its last commit; fix the cause and run the same command "
                         "again; it goes on from the last commit.");
}

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

int RunIndex(const IndexArgs& args) {
  LoadOptions load_options;
  load_options.max_document_bytes = args.max_mb << 20;
  load_options.max_pdf_pages = args.max_pdf_pages;
  if (!args.encoding.empty()) {
    load_options.encoding = text::ParseEncoding(args.encoding);
    if (!load_options.encoding) {
      return Fail(Status::InvalidArgument("unknown encoding \"" + args.encoding +
                                          "\": use utf-8, utf-16le, utf-16be, windows-1258, tcvn3, "
                                          "vni, viscii, viqr or windows-1252"));
    }
  }
  for (const std::string& f : args.fields) {
    const std::size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return Fail(Status::InvalidArgument("--field " + f + ": write it as FIELD=RECORD_KEY, e.g. text=body"));
    }
    load_options.field_map.emplace_back(f.substr(0, eq), f.substr(eq + 1));
  }
  std::vector<LoadProblem> collect_problems;
  const Collected collected = Collect(args.paths, &collect_problems);

  text::Analyzer analyzer;
  // Reads the number-symbol of official headers; built once for the run, like the analyzer.
  const refs::Recognizer recognizer;
  load_options.analyzer = &analyzer;
  load_options.recognizer = &recognizer;
  IndexWriterOptions options;
  options.commit_every = std::max<std::size_t>(1, args.commit_every);
  options.folded_positions = args.positions || args.exact_positions;
  options.exact_positions = args.exact_positions;
  options.shards = args.shards;
  options.seed_registry = args.registry;
  auto writer = IndexWriter::Open(args.db, analyzer, options);
  if (!writer.ok()) return Fail(OpenFailure(args.db, writer.status()));

  const auto start = std::chrono::steady_clock::now();
  IndexRun run(**writer, args, std::move(load_options));
  run.problems() = std::move(collect_problems);
  g_writing_db = &args.db;
  const std::terminate_handler previous = std::set_terminate(OnTerminateWhileWriting);
  run.Run(collected);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Counts& n = run.counts();
  const std::size_t docs = (*writer)->documents_added();
  const std::size_t total = (*writer)->document_count();
  const auto& problems = run.problems();
  const auto& skipped = run.skipped();
  const std::size_t failed_files = n.failed;

  if (args.json) {
    nlohmann::json j = {{"db", args.db},
                        {"files", {{"new", n.added}, {"updated", n.updated}, {"unchanged", n.unchanged},
                                   {"removed", n.removed}, {"failed", failed_files}, {"skipped", n.skipped}}},
                        {"documents", docs},
                        {"documents_removed", n.documents_removed},
                        {"documents_in_index", total},
                        {"shards", (*writer)->shard_count()},
                        {"seconds", secs},
                        {"docs_per_second", secs > 0 ? docs / secs : 0},
                        {"registry_entries", (*writer)->registry_size()},
                        {"skipped", skipped},
                        {"pdf_truncated", run.truncated()},
                        {"encodings", run.encodings()},
                        {"encoding_notes", nlohmann::json::array()},
                        {"problems", nlohmann::json::array()}};
    for (const auto& [path, how] : run.encoding_notes()) {
      j["encoding_notes"].push_back({{"path", path}, {"read_as", how}});
    }
    for (const auto& p : problems) {
      j["problems"].push_back({{"path", p.path}, {"line", p.line}, {"message", p.message}});
    }
    if (!run.write_error().ok()) j["error"] = WriteFailure(args.db, run.write_error()).message();
    std::cout << Dump(j) << "\n";
  } else if (!args.quiet) {
    std::printf("%s: %zu new, %zu updated, %zu unchanged, %zu removed, %zu failed files; "
                "%zu documents indexed, %zu removed in %.1f s (%.0f docs/s, %.1f MB/s); "
                "%zu documents in the index\n",
                args.db.c_str(), n.added, n.updated, n.unchanged, n.removed, failed_files, docs,
                n.documents_removed, secs, secs > 0 ? docs / secs : 0.0,
                secs > 0 ? run.bytes_read() / 1e6 / secs : 0.0, total);
    for (const auto& [path, how] : run.encoding_notes()) {
      std::printf("read as %s: %s\n", how.c_str(), path.c_str());
    }
    if (!skipped.empty()) {
      std::printf("skipped %zu files of unsupported type (vankien reads %s):\n", skipped.size(),
                  std::string(SupportedExtensions()).c_str());
      for (std::size_t k = 0; k < skipped.size() && k < 20; ++k) std::printf("  %s\n", skipped[k].c_str());
      if (skipped.size() > 20) std::printf("  … and %zu more\n", skipped.size() - 20);
    }
  }
  std::fflush(stdout);
  if (!run.truncated().empty() && !args.json) {
    // Indexed, but not all of it: said even with -q, as the rest of the text cannot be found.
    std::fprintf(stderr,
                 "note: %zu PDF%s longer than --max-pdf-pages %zu: only the first %zu pages were "
                 "indexed; raise --max-pdf-pages to index the rest:\n",
                 run.truncated().size(), run.truncated().size() == 1 ? " is" : "s are", args.max_pdf_pages,
                 args.max_pdf_pages);
    for (const auto& path : run.truncated()) std::fprintf(stderr, "  %s\n", path.c_str());
  }
  if (!problems.empty() && !args.json) {
    std::fprintf(stderr, "%zu problems:\n", problems.size());
    for (const auto& p : problems) {
      if (p.line > 0) {
        std::fprintf(stderr, "  %s:%zu: %s\n", p.path.c_str(), p.line, p.message.c_str());
      } else {
        std::fprintf(stderr, "  %s: %s\n", p.path.c_str(), p.message.c_str());
      }
    }
  }
  if (!run.write_error().ok()) {
    (*writer).reset();  // Xapian's destructor may still try to write: keep the handler till then
    std::set_terminate(previous);
    return Fail(WriteFailure(args.db, run.write_error()));
  }
  (*writer).reset();
  std::set_terminate(previous);
  return problems.empty() ? kExitOk : kExitFailure;
}

}  // namespace

Runner RegisterIndex(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Index .txt, .html, .pdf, .docx and .jsonl(.zst|.gz) files; folders are searched "
               "recursively. Runs are incremental: only new or changed files are read, documents of "
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
  cmd->add_option("--shards", args->shards,
                  "Create the new index as N shards written in parallel and searched as one "
                  "(default 1; an existing index keeps its shards)")
      ->check(CLI::Range(1, 64));
  cmd->add_flag("--positions", args->positions,
                "Store word positions, so that phrases must match word for word in order (larger, "
                "slower index; without them a phrase matches its adjacent word pairs)");
  cmd->add_flag("--exact-positions", args->exact_positions,
                "Also store positions of exact (accented) terms: larger index, for measurement");
  cmd->add_flag("--json", args->json, "Print a JSON summary");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but problems");
  return [args] { return RunIndex(*args); };
}

}  // namespace vankien::cli
