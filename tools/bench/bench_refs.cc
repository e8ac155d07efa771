// Reference-recognizer throughput on real text: loads the text fields of a JSONL(.zst) file
// into memory, then runs the recognizer over all of it on one core and prints MB/s and the
// number of mentions found. Usage:
//   bench_refs [FILE] [--mb N]     (default ../shared/data/news/baomoi.jsonl.zst, all of it)
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "tools/bench/bench_corpus.h"

#include "indexer/refs/recognizer.h"

int main(int argc, char** argv) {
  const vankien::bench::BenchCorpus corpus = vankien::bench::LoadBenchCorpus(argc, argv, "bench_refs");
  const auto& texts = corpus.texts;
  const std::size_t bytes = corpus.bytes;

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
