// Reference-recognizer throughput on real text: loads the text fields of a JSONL(.zst) file
// into memory, then runs the recognizer over all of it on one core and prints MB/s and the
// number of mentions found. Usage:
//   bench_refs [FILE] [--mb N]     (default ../shared/data/news/baomoi.jsonl.zst, all of it)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "indexer/doc/line_reader.h"
#include "indexer/doc/loader.h"
#include "indexer/refs/recognizer.h"

int main(int argc, char** argv) {
  std::string path = std::string(VANKIEN_SOURCE_DIR) + "/../shared/data/news/baomoi.jsonl.zst";
  std::size_t max_mb = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
      max_mb = std::strtoul(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: bench_refs [FILE.jsonl[.zst]] [--mb N]\n");
      return 0;
    } else {
      path = argv[i];
    }
  }
  auto reader = vankien::LineReader::Open(path);
  if (!reader.ok()) {
    std::fprintf(stderr, "bench_refs: %s\n", reader.status().message().c_str());
    return 1;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  std::string line;
  while ((*reader)->Next(&line) == vankien::LineReader::Outcome::kLine) {
    auto doc = vankien::ParseJsonRecord(line);
    if (!doc.ok()) continue;
    bytes += doc->title.size() + doc->text.size();
    texts.push_back(std::move(doc->title));
    texts.push_back(std::move(doc->text));
    for (auto& [k, v] : doc->fields) {
      bytes += v.size();
      texts.push_back(std::move(v));
    }
    if (max_mb > 0 && bytes >= (max_mb << 20)) break;
  }

  vankien::refs::Recognizer recognizer;
  std::size_t mentions = 0;
  double best = 1e30;
  for (int round = 0; round < 3; ++round) {
    mentions = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& t : texts) mentions += recognizer.Find(t).size();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, secs);
  }
  std::printf("refs: %.1f MB in %zu texts, %zu mentions; best of 3: %.3f s = %.1f MB/s (one core)\n",
              bytes / 1e6, texts.size(), mentions, best, bytes / 1e6 / best);
  return 0;
}
