// Loads the text fields of a JSONL(.zst) file into memory for the benchmark programs, so that
// what they time is the code under test and not reading or decompressing.
#ifndef VANKIEN_TOOLS_BENCH_BENCH_CORPUS_H_
#define VANKIEN_TOOLS_BENCH_BENCH_CORPUS_H_

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "indexer/doc/line_reader.h"
#include "indexer/doc/loader.h"

namespace vankien::bench {

struct BenchCorpus {
  std::vector<std::string> texts;  // title, text and every other string field of each record
  std::size_t bytes = 0;
};

// Parses `[FILE] [--mb N]` (default: baomoi from ../shared, all of it) and loads the texts.
// Exits with a message on --help or an unreadable file.
inline BenchCorpus LoadBenchCorpus(int argc, char** argv, const char* program) {
  std::string path = std::string(VANKIEN_SOURCE_DIR) + "/../shared/data/news/baomoi.jsonl.zst";
  std::size_t max_mb = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
      max_mb = std::strtoul(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: %s [FILE.jsonl[.zst]] [--mb N]\n", program);
      std::exit(0);
    } else {
      path = argv[i];
    }
  }
  auto reader = LineReader::Open(path);
  if (!reader.ok()) {
    std::fprintf(stderr, "%s: %s\n", program, reader.status().message().c_str());
    std::exit(1);
  }
  BenchCorpus corpus;
  std::string line;
  while ((*reader)->Next(&line) == LineReader::Outcome::kLine) {
    auto doc = ParseJsonRecord(line);
    if (!doc.ok()) continue;
    corpus.bytes += doc->title.size() + doc->text.size();
    corpus.texts.push_back(std::move(doc->title));
    corpus.texts.push_back(std::move(doc->text));
    for (auto& [k, v] : doc->fields) {
      corpus.bytes += v.size();
      corpus.texts.push_back(std::move(v));
    }
    if (max_mb > 0 && corpus.bytes >= (max_mb << 20)) break;
  }
  return corpus;
}

}  // namespace vankien::bench

#endif  // VANKIEN_TOOLS_BENCH_BENCH_CORPUS_H_
