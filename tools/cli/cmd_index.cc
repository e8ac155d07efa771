// `vankien index`: loads files and folders into the index.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "indexer/doc/loader.h"
#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

namespace fs = std::filesystem;

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::size_t commit_every = 5000;
  std::size_t max_mb = 64;
  bool json = false;
  bool quiet = false;
  bool exact_positions = false;
  std::string registry = VANKIEN_DEFAULT_REGISTRY;
};

struct Input {
  std::string path;
  std::string id;  // id a .txt file gets: its path relative to the root it was found under
};

// Expands files and folders (recursively, sorted, symlinked folders not followed so loops
// cannot happen) into the files to load. Unreadable entries become problems.
std::vector<Input> Collect(const std::vector<std::string>& paths, std::vector<LoadProblem>* problems) {
  std::vector<Input> inputs;
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({arg, 0, "no such file or folder"});
      continue;
    }
    if (fs::is_regular_file(st)) {
      inputs.push_back({arg, fs::path(arg).filename().string()});
      continue;
    }
    if (!fs::is_directory(st)) {
      problems->push_back({arg, 0, "not a regular file or folder"});
      continue;
    }
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
      if (!it->is_regular_file(fe)) continue;
      found.push_back({it->path().string(), fs::relative(it->path(), arg, fe).generic_string()});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    inputs.insert(inputs.end(), found.begin(), found.end());
  }
  return inputs;
}

int RunIndex(const IndexArgs& args) {
  std::vector<LoadProblem> problems;
  std::vector<std::string> skipped;
  const std::vector<Input> inputs = Collect(args.paths, &problems);

  text::Analyzer analyzer;
  IndexWriterOptions options;
  options.commit_every = std::max<std::size_t>(1, args.commit_every);
  options.exact_positions = args.exact_positions;
  options.seed_registry = args.registry;
  auto writer = IndexWriter::Open(args.db, analyzer, options);
  if (!writer.ok()) return Fail(writer.status());

  const auto start = std::chrono::steady_clock::now();
  const bool progress = !args.quiet && !args.json && StderrIsTty();
  auto last_report = start;
  std::size_t files_loaded = 0, bytes = 0;
  Status write_error;
  LoadOptions load_options;
  load_options.max_document_bytes = args.max_mb << 20;

  for (std::size_t i = 0; i < inputs.size() && write_error.ok(); ++i) {
    const Input& in = inputs[i];
    if (KindOf(in.path) == FileKind::kUnknown) {
      skipped.push_back(in.path);
      continue;
    }
    const Status st = LoadFile(in.path, in.id, load_options, [&](Document&& doc) {
      if (!write_error.ok()) return;
      bytes += doc.text.size() + doc.title.size();
      write_error = (*writer)->Add(doc);
      if (progress) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report > std::chrono::milliseconds(500)) {
          last_report = now;
          const double secs = std::chrono::duration<double>(now - start).count();
          std::fprintf(stderr, "\rindexing: file %zu/%zu, %zu documents, %.1f MB/s   ", i + 1,
                       inputs.size(), (*writer)->documents_added(), bytes / 1e6 / secs);
        }
      }
    }, &problems);
    if (!st.ok()) {
      problems.push_back({in.path, 0, st.message()});
    } else {
      ++files_loaded;
    }
  }
  if (progress) std::fprintf(stderr, "\r%70s\r", "");
  if (write_error.ok()) write_error = (*writer)->Commit();
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t docs = (*writer)->documents_added();
  const std::size_t total = (*writer)->document_count();

  if (args.json) {
    nlohmann::json j = {{"db", args.db},          {"files", files_loaded},
                        {"documents", docs},      {"documents_in_index", total},
                        {"seconds", secs},        {"docs_per_second", secs > 0 ? docs / secs : 0},
                        {"registry_entries", (*writer)->registry_size()},
                        {"skipped", skipped},     {"problems", nlohmann::json::array()}};
    for (const auto& p : problems) {
      j["problems"].push_back({{"path", p.path}, {"line", p.line}, {"message", p.message}});
    }
    if (!write_error.ok()) j["error"] = write_error.message();
    std::cout << Dump(j) << "\n";
  } else if (!args.quiet) {
    std::printf("indexed %zu documents from %zu files into %s in %.1f s (%.0f docs/s, %.1f MB/s); "
                "%zu documents in the index\n",
                docs, files_loaded, args.db.c_str(), secs, secs > 0 ? docs / secs : 0.0,
                secs > 0 ? bytes / 1e6 / secs : 0.0, total);
    if (!skipped.empty()) {
      std::printf("skipped %zu files of unsupported type (vankien reads .txt, .jsonl, .jsonl.zst):\n",
                  skipped.size());
      for (std::size_t k = 0; k < skipped.size() && k < 20; ++k) std::printf("  %s\n", skipped[k].c_str());
      if (skipped.size() > 20) std::printf("  … and %zu more\n", skipped.size() - 20);
    }
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
  if (!write_error.ok()) return Fail(write_error);
  return problems.empty() ? kExitOk : kExitFailure;
}

}  // namespace

Runner RegisterIndex(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Index .txt, .jsonl and .jsonl.zst files (folders are searched recursively). "
               "Re-indexing a document id replaces it. Exit code 1 if any file or record failed "
               "(the rest is still indexed).");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("paths", args->paths, "Files or folders to index")->required();
  cmd->add_option("--commit-every", args->commit_every, "Commit after this many documents")
      ->capture_default_str();
  cmd->add_option("--max-mb", args->max_mb, "Largest document accepted, in MB")->capture_default_str();
  cmd->add_option("--registry", args->registry,
                  "Registry of known documents a new index starts from (TSV)")
      ->capture_default_str();
  cmd->add_flag("--exact-positions", args->exact_positions,
                "Also store positions of exact (accented) terms: larger index, for measurement");
  cmd->add_flag("--json", args->json, "Print a JSON summary");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but problems");
  return [args] { return RunIndex(*args); };
}

}  // namespace vankien::cli
