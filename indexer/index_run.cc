#include "indexer/index_run.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "indexer/refs/recognizer.h"

#include "indexer/doc/file_hash.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string path;  // absolute, normalized
  std::string id;    // id a .txt file gets: its path relative to the root it was found under
  std::uint64_t size = 0;
  std::int64_t mtime = 0;     // seconds
  std::int64_t mtime_ns = 0;  // nanoseconds since the epoch
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
};

struct Collected {
  std::vector<Input> inputs;
  std::vector<std::string> roots;  // absolute folder prefixes ("/a/b/") and file paths given
  std::uint64_t bytes = 0;
};

// The path a file is known by: absolute with symbolic links resolved, so that a link to a file
// and the file itself are one source, indexed once.
std::string Absolute(const fs::path& p) {
  std::error_code ec;
  const fs::path c = fs::canonical(p, ec);
  if (!ec) return c.string();
  const fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal().string();
}

std::int64_t Nanos(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Size, full modification and change times and inode (of the target, for a link): a rewrite
// within one second changes the nanoseconds or, when the file system keeps only seconds, the
// change time or inode of a file replaced by rename.
bool Stat(const fs::path& p, Input* in) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;
  in->size = static_cast<std::uint64_t>(st.st_size);
  in->mtime = st.st_mtim.tv_sec;
  in->mtime_ns = Nanos(st.st_mtim);
  in->ctime_ns = Nanos(st.st_ctim);
  in->inode = st.st_ino;
  return true;
}

bool HasFlag(const Document& doc, std::string_view flag) {
  return std::find(doc.flags.begin(), doc.flags.end(), flag) != doc.flags.end();
}

// Expands files and folders (recursively, sorted, symlinked folders not followed so loops
// cannot happen) into the files to load. Unreadable entries become problems.
Collected Collect(const std::vector<std::string>& paths, std::vector<LoadProblem>* problems) {
  Collected c;
  std::unordered_set<std::string> taken;  // paths already collected: each file once
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
      if (!taken.insert(in.path).second) continue;
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
      found.push_back(std::move(in));
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    for (Input& in : found) {
      // A link to a file already collected (or two links to one) adds nothing.
      if (!taken.insert(in.path).second) continue;
      c.bytes += in.size;
      c.inputs.push_back(std::move(in));
    }
  }
  return c;
}

// One run over the collected files: each is new, changed, unchanged, failed or skipped; files
// the index knows under the given roots but no longer on disk are removed. The first write
// error ends it (Xapian's state may then be half-applied: see IndexWriter).
class Run {
 public:
  Run(IndexWriter& writer, const IndexRunOptions& options, IndexReport* report)
      : writer_(writer), options_(options), report_(*report) {
    // Whole seconds: file systems stamp with a coarse clock that may lag this one by a tick.
    start_ns_ = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch()).count() * 1000000000;
    for (const auto& f : writer_.KnownFiles("")) {
      if (!f.id.empty()) id_owner_.emplace(f.id, f.path);
    }
  }

  void Go(const Collected& c) {
    progress_.files = c.inputs.size();
    progress_.file_bytes_total = c.bytes;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < c.inputs.size() && report_.write_error.ok(); ++i) {
      seen.insert(c.inputs[i].path);
      progress_.file = i;
      File(c.inputs[i]);
      progress_.file_bytes_done += c.inputs[i].size;
    }
    if (report_.write_error.ok()) RemoveGone(c.roots, seen);
    if (report_.write_error.ok()) report_.write_error = writer_.Commit();
    // Distinct ids, not Add calls: a record replacing one added earlier in the run is one document.
    report_.documents_added = added_ids_.size();
    report_.documents_in_index = writer_.document_count();
  }

 private:
  void File(const Input& in) {
    const FileKind kind = KindOf(in.path);
    // Images are documents only through OCR: with OCR off they are a type not read, like any other.
    if (kind == FileKind::kUnknown || (kind == FileKind::kImage && !options_.load.ocr)) {
      report_.skipped.push_back(in.path);
      ++report_.files_skipped;
      return;
    }
    // A file that is one document takes the id its path gives; another file holding that id
    // (two folders with the same relative path, two same-named files given) would silently
    // replace it, so the second is refused by name. A holder gone from disk hands its id on.
    const bool path_id = kind != FileKind::kJsonl;
    if (path_id) {
      const auto owner = id_owner_.find(in.id);
      std::error_code ec;
      if (owner != id_owner_.end() && owner->second != in.path && fs::exists(owner->second, ec)) {
        report_.problems.push_back(
            {in.path, 0,
             "not indexed: its document id \"" + in.id + "\" is already that of " + owner->second +
                 "; ids are paths relative to the folder given, so give the folders' common parent "
                 "folder instead (e.g. the folder holding both), or rename one of the files"});
        ++report_.files_failed;
        return;
      }
    }
    const auto known = writer_.GetFileState(in.path);
    // Trusted unchanged only when size, full times and inode all match and the record was not
    // made in the same second as the file's last change (a racy entry: hash it again).
    if (known && !known->racy && known->size == in.size && known->mtime_ns == in.mtime_ns &&
        known->ctime_ns == in.ctime_ns && known->inode == in.inode) {
      if (path_id) id_owner_[in.id] = in.path;
      ++report_.files_unchanged;
      return;
    }
    auto hash = HashFile(in.path);
    if (!hash.ok()) {
      report_.problems.push_back({in.path, 0, hash.status().message()});
      ++report_.files_failed;
      return;
    }
    IndexWriter::FileState state;
    state.path = in.path;
    state.hash = *hash;
    state.size = in.size;
    state.mtime = in.mtime;
    state.id = path_id ? in.id : "";
    state.mtime_ns = in.mtime_ns;
    state.ctime_ns = in.ctime_ns;
    state.inode = in.inode;
    state.racy = in.mtime_ns >= start_ns_ || in.ctime_ns >= start_ns_;
    if (path_id) id_owner_[in.id] = in.path;
    if (known && known->hash == *hash) {  // touched, not changed
      state.documents = known->documents;
      if (state.id.empty()) state.id = known->id;
      report_.write_error = writer_.SetFileState(state);
      ++report_.files_unchanged;
      return;
    }
    std::unordered_set<std::string> kept;  // ids the file's new version has
    LoadOptions load = options_.load;
    if (options_.progress) {
      load.ocr_options.progress = [this](std::size_t done, std::size_t total) {
        IndexProgress p = progress_;
        p.ocr_pages_done = done;
        p.ocr_pages_total = total;
        options_.progress(p);
      };
    }
    const Status st = LoadFile(in.path, in.id, load, [&](Document&& doc) {
      doc.path = in.path;
      NoteEncoding(in.path, doc);
      if (HasFlag(doc, "pdf-truncated")) report_.pdf_truncated.push_back(in.path);
      if (HasFlag(doc, "ocr")) {
        report_.ocr.push_back({in.path, doc.ocr_confidence.value_or(0), HasFlag(doc, "ocr-incomplete")});
      }
      // A record whose id another file added in this run would replace that file's document.
      if (const auto other = added_ids_.find(doc.id); other != added_ids_.end() && other->second != in.path) {
        report_.problems.push_back({in.path, 0,
                                    "record not indexed: its id \"" + doc.id + "\" is already that of a document of " +
                                        other->second + "; give it an id of its own"});
        return Status::Ok();
      }
      added_ids_.emplace(doc.id, in.path);
      report_.bytes_read += doc.text.size() + doc.title.size();
      kept.insert(doc.id);
      ++state.documents;
      // A failed write stops the load here (the loader returns this Status).
      report_.write_error = writer_.Add(doc);
      if (report_.write_error.ok() && options_.progress) {
        progress_.documents = added_ids_.size();
        progress_.text_bytes = report_.bytes_read;
        options_.progress(progress_);
      }
      return report_.write_error;
    }, &report_.problems);
    if (!report_.write_error.ok()) return;
    if (!st.ok()) {
      // The file's old documents stay (those not replaced); the next run tries it again.
      report_.problems.push_back({in.path, 0, st.message()});
      ++report_.files_failed;
      return;
    }
    if (known) {
      auto stale = writer_.RemoveStale(in.path, kept);
      if (!stale.ok()) {
        report_.write_error = stale.status();
        return;
      }
      report_.documents_removed += *stale;
      ++report_.files_updated;
    } else {
      ++report_.files_new;
    }
    report_.write_error = writer_.SetFileState(state);
  }

  // Which encoding each text file was read in: counted, and noted when it was not UTF-8 or
  // was a guess, so a reader can check the conversion.
  void NoteEncoding(const std::string& path, const Document& doc) {
    if (doc.encoding.empty()) return;
    ++report_.encodings[doc.encoding];
    const bool guessed = HasFlag(doc, "encoding-guessed");
    const bool repaired = HasFlag(doc, "mojibake-repaired");
    // Formats that carry their own encoding (or none: OCR) are not legacy text.
    const bool legacy = doc.encoding != "utf-8" && doc.encoding != "pdf" && doc.encoding != "docx" &&
                        doc.encoding != "doc" && doc.encoding != "ocr";
    if (legacy || guessed || repaired) {
      report_.encoding_notes.push_back(
          {path, doc.encoding + (guessed ? " (a guess: check it, or force it with --encoding)" : "") +
                     (repaired ? " (mis-decoded text repaired)" : "")});
    }
  }

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
          report_.write_error = removed.status();
          return;
        }
        report_.documents_removed += *removed;
        ++report_.files_removed;
      }
    }
  }

  IndexWriter& writer_;
  const IndexRunOptions& options_;
  IndexReport& report_;
  IndexProgress progress_;
  std::int64_t start_ns_ = 0;  // this run's start, whole seconds, in nanoseconds
  // Which file holds each path-given id (known to the index, or taken in this run).
  std::unordered_map<std::string, std::string> id_owner_;
  // Ids of the documents this run added, with the file each came from.
  std::unordered_map<std::string, std::string> added_ids_;
};

}  // namespace

IndexReport IndexPaths(IndexWriter& writer, const std::vector<std::string>& paths,
                       const IndexRunOptions& options) {
  IndexReport report;
  const Collected collected = Collect(paths, &report.problems);
  // The loader reads headers and titles with the writer's analyzer and a recognizer built once
  // for the run, unless the caller brought its own.
  IndexRunOptions run_options = options;
  std::optional<refs::Recognizer> recognizer;
  if (run_options.load.analyzer == nullptr) run_options.load.analyzer = &writer.analyzer();
  if (run_options.load.recognizer == nullptr) run_options.load.recognizer = &recognizer.emplace();
  Run(writer, run_options, &report).Go(collected);
  return report;
}

}  // namespace vankien
