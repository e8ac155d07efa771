// gen_archive: writes a deterministic synthetic archive of N JSONL documents made of real news
// paragraphs recombined, with realistic references to Party and state documents (issue 10).
// The same seed and the same inputs give byte-identical output. See --help and README.md
// ("Benchmarks").
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/refs/registry.h"
#include "tools/gen/archive_generator.h"

namespace vankien::gen {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kProgressEvery = 100'000;
constexpr std::size_t kFlushBytes = 4u << 20;

struct Args {
  std::uint64_t count = 1'000'000;
  std::uint64_t seed = 1;
  std::string out;
  std::string out_dir;
  std::size_t files = 1;
  std::string shared = std::string(VANKIEN_SOURCE_DIR) + "/../shared";
  std::vector<std::string> news;
  std::string registry;
  bool no_registry = false;
  std::size_t pool_paragraphs = PoolOptions{}.max_paragraphs;
  std::size_t synthetic = GeneratorOptions{}.synthetic_documents;
  std::size_t official_every = GeneratorOptions{}.official_every;
  bool progress = false;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Say(const std::string& message) { std::fprintf(stderr, "gen_archive: %s\n", message.c_str()); }

int Fail(const std::string& message) {
  Say(message);
  return kExitFailure;
}

// Fills the defaults that depend on --shared, and checks that every input exists, naming the
// missing one and how to point at it.
bool ResolveInputs(Args* args) {
  const std::filesystem::path shared = std::filesystem::path(args->shared).lexically_normal();
  if (args->news.empty()) {
    args->news = {(shared / "data/news/baomoi.jsonl.zst").string(),
                  (shared / "data/news/vietnews.jsonl.zst").string()};
  }
  if (args->registry.empty() && !args->no_registry) {
    args->registry = (shared / "data/registry.tsv").string();
  }
  std::vector<std::string> inputs = args->news;
  if (!args->no_registry) inputs.push_back(args->registry);
  for (const std::string& path : inputs) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) continue;
    Say("missing input " + path +
        " (the shared test data, see ../shared/README.md; point at it with --shared DIR, or "
        "pass --news FILE and --registry TSV or --no-registry)");
    return false;
  }
  return true;
}

// Where the documents go: stdout, one file, or `files` files of consecutive documents.
class Output {
 public:
  explicit Output(const Args& args) : args_(args) {}
  ~Output() { Close(); }

  // Makes sure document `index` goes to the right file; false (with a message) on an error.
  bool Route(std::uint64_t index) {
    if (args_.out_dir.empty()) return file_ != nullptr || Open(args_.out);
    const std::size_t part =
        args_.count == 0 ? 0 : static_cast<std::size_t>(index * args_.files / args_.count);
    if (file_ != nullptr && part == part_) return true;
    if (!Flush() || !Close()) return false;
    part_ = part;
    char name[32];
    std::snprintf(name, sizeof name, "part-%04zu.jsonl", part + 1);
    return Open((std::filesystem::path(args_.out_dir) / name).string());
  }

  std::string& buffer() { return buffer_; }
  std::uint64_t bytes() const { return bytes_ + buffer_.size(); }

  bool FlushIfFull() { return buffer_.size() < kFlushBytes || Flush(); }

  bool Flush() {
    if (buffer_.empty()) return true;
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      return Error("cannot write");
    }
    bytes_ += buffer_.size();
    buffer_.clear();
    return true;
  }

  bool Close() {
    if (file_ == nullptr) return true;
    const bool is_stdout = file_ == stdout;
    const bool ok = (is_stdout ? std::fflush(file_) : std::fclose(file_)) == 0;
    file_ = nullptr;
    return ok || Error("cannot finish writing");
  }

 private:
  bool Open(const std::string& path) {
    name_ = path.empty() ? "stdout" : path;
    if (path.empty()) {
      file_ = stdout;
      return true;
    }
    file_ = std::fopen(path.c_str(), "wb");
    return file_ != nullptr || Error("cannot create");
  }

  bool Error(const char* what) {
    Say(std::string(what) + " " + name_ + ": " + std::strerror(errno));
    return false;
  }

  const Args& args_;
  std::FILE* file_ = nullptr;
  std::string name_;
  std::size_t part_ = 0;
  std::string buffer_;
  std::uint64_t bytes_ = 0;
};

Result<std::vector<CitedDocument>> LoadKnown(const Args& args) {
  if (args.no_registry) return std::vector<CitedDocument>{};
  auto registry = refs::Registry::ImportShared(args.registry);
  if (!registry.ok()) return registry.status();
  return FromRegistry(*registry);
}

Result<ParagraphPool> LoadPool(const Args& args, bool progress) {
  PoolOptions options;
  options.max_paragraphs = args.pool_paragraphs;
  auto on_file = [progress](const std::string& path, std::size_t articles, double seconds) {
    if (!progress) return;
    char line[512];
    std::snprintf(line, sizeof line, "read %zu articles from %s in %.1f s", articles, path.c_str(),
                  seconds);
    Say(line);
  };
  return LoadParagraphPool(args.news, options, MixSeed(args.seed, 0), on_file);
}

void ReportPool(const ParagraphPool& pool) {
  std::size_t bytes = 0;
  for (const std::string& p : pool.paragraphs) bytes += p.size();
  char line[256];
  std::snprintf(line, sizeof line, "pool: %zu paragraphs (%.0f bytes on average), %zu titles",
                pool.paragraphs.size(), double(bytes) / pool.paragraphs.size(), pool.titles.size());
  Say(line);
}

struct Totals {
  std::uint64_t documents = 0;
  std::uint64_t official = 0;
  std::uint64_t mentions = 0;
  std::uint64_t text_bytes = 0;
};

void ReportProgress(const Args& args, const Totals& t, const Output& out, double seconds) {
  char line[256];
  std::snprintf(line, sizeof line, "%llu / %llu documents, %.0f MB, %.1f s",
                static_cast<unsigned long long>(t.documents),
                static_cast<unsigned long long>(args.count), out.bytes() / 1e6, seconds);
  Say(line);
}

void ReportSummary(const Totals& t, std::uint64_t bytes, double pool_seconds,
                   double write_seconds) {
  const double n = t.documents > 0 ? static_cast<double>(t.documents) : 1.0;
  char line[512];
  std::snprintf(line, sizeof line,
                "%llu documents (%llu official), %llu bytes (%.0f bytes per document on "
                "average, text %.0f), %llu references; %.1f s (pool %.1f s, writing %.1f s = "
                "%.0f documents/s)",
                static_cast<unsigned long long>(t.documents),
                static_cast<unsigned long long>(t.official), static_cast<unsigned long long>(bytes),
                bytes / n, t.text_bytes / n, static_cast<unsigned long long>(t.mentions),
                pool_seconds + write_seconds, pool_seconds, write_seconds,
                t.documents / std::max(write_seconds, 1e-9));
  Say(line);
}

// Writes the documents; `out` already holds the first file open.
int Generate(const Args& args, const ArchiveGenerator& generator, bool progress, Output& out,
             double pool_seconds) {
  const auto start = std::chrono::steady_clock::now();
  Totals totals;
  GeneratedDocument doc;
  for (std::uint64_t i = 0; i < args.count; ++i) {
    if (!out.Route(i)) return kExitFailure;
    generator.Generate(i, &doc);
    AppendJsonLine(doc, &out.buffer());
    if (!out.FlushIfFull()) return kExitFailure;
    ++totals.documents;
    totals.official += doc.own != nullptr;
    totals.mentions += doc.mentions.size();
    totals.text_bytes += doc.text.size();
    if (progress && totals.documents % kProgressEvery == 0) {
      ReportProgress(args, totals, out, SecondsSince(start));
    }
  }
  if (!out.Flush() || !out.Close()) return kExitFailure;
  ReportSummary(totals, out.bytes(), pool_seconds, SecondsSince(start));
  return 0;
}

int Run(Args& args) {
  const auto start = std::chrono::steady_clock::now();
  const bool progress = args.progress || isatty(STDERR_FILENO) != 0;
  if (!args.out_dir.empty() && args.files > std::max<std::uint64_t>(args.count, 1)) {
    return Fail("--files " + std::to_string(args.files) + " is more than --count " +
                std::to_string(args.count) + ": every file needs a document");
  }
  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec) return Fail("cannot create " + args.out_dir + ": " + ec.message());
  }
  if (!ResolveInputs(&args)) return kExitFailure;
  // The first output file is created before the slow part, so a bad path fails at once.
  Output out(args);
  if (!out.Route(0)) return kExitFailure;
  auto known = LoadKnown(args);
  if (!known.ok()) return Fail(known.status().message());
  const std::size_t known_count = known->size();
  auto pool = LoadPool(args, progress);
  if (!pool.ok()) return Fail(pool.status().message());
  if (progress) ReportPool(*pool);

  GeneratorOptions options;
  options.seed = args.seed;
  options.synthetic_documents = args.synthetic;
  options.official_every = args.official_every;
  auto generator =
      ArchiveGenerator::Create(std::move(pool).value(), std::move(known).value(), options);
  if (!generator.ok()) return Fail(generator.status().message());
  if (progress) {
    Say(std::to_string(generator->citations().size()) + " citable documents (" +
        std::to_string(known_count) + " from the registry)");
  }
  return Generate(args, *generator, progress, out, SecondsSince(start));
}

}  // namespace
}  // namespace vankien::gen

int main(int argc, char** argv) {
  using vankien::gen::Args;
  Args args;
  CLI::App app{
      "Writes a deterministic synthetic archive: N JSONL documents made of real news paragraphs "
      "(../shared/data/news) recombined, with references to Party and state documents (known "
      "ones from ../shared/data/registry.tsv and made-up ones) planted in sentences, dates "
      "1990-2025 and a few sources; one document in --official-every is an official document "
      "with a \"symbol\". The same seed and inputs give byte-identical output.",
      "gen_archive"};
  app.add_option("--count", args.count, "Documents to write")->capture_default_str();
  app.add_option("--seed", args.seed, "Random seed")->capture_default_str();
  auto* out = app.add_option("--out", args.out, "Output file (default: stdout)");
  auto* out_dir = app.add_option("--out-dir", args.out_dir,
                                 "Output folder: --files files part-0001.jsonl ... of "
                                 "consecutive documents");
  out->excludes(out_dir);
  app.add_option("--files", args.files, "With --out-dir: how many files")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}))
      ->needs(out_dir);
  app.add_option("--shared", args.shared, "The shared data folder")->capture_default_str();
  app.add_option("--news", args.news,
                 "News JSONL(.zst) to take paragraphs from (repeatable; default: baomoi and "
                 "vietnews in <shared>/data/news)");
  auto* registry =
      app.add_option("--registry", args.registry,
                     "Registry of known documents (default: <shared>/data/registry.tsv)");
  app.add_flag("--no-registry", args.no_registry, "Cite only made-up documents")
      ->excludes(registry);
  app.add_option("--pool-paragraphs", args.pool_paragraphs,
                 "Paragraphs kept in memory (a uniform sample)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--synthetic-docs", args.synthetic, "Made-up documents to cite")
      ->capture_default_str();
  app.add_option("--official-every", args.official_every,
                 "One document in this many is an official document (0: none)")
      ->capture_default_str();
  app.add_flag("--progress", args.progress,
               "Report progress on stderr every 100,000 documents even when it is not a terminal");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vankien::gen::kExitUsage;
  }
  return vankien::gen::Run(args);
}
