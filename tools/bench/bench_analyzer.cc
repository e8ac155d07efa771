// Analyzer throughput on real text: loads the text fields of a JSONL(.zst) file into memory,
// then tokenizes all of it on one core and prints MB/s. Usage:
//   bench_analyzer [FILE] [--mb N]     (default ../shared/data/news/baomoi.jsonl.zst, all of it)
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "tools/bench/bench_corpus.h"

#include "indexer/text/analyzer.h"

int main(int argc, char** argv) {
  const vankien::bench::BenchCorpus corpus = vankien::bench::LoadBenchCorpus(argc, argv, "bench_analyzer");
  const auto& texts = corpus.texts;
  const std::size_t bytes = corpus.bytes;

  vankien::text::Analyzer analyzer;
  std::vector<vankien::text::Token> tokens;
  std::size_t token_count = 0;
  double best = 1e30;
  for (int round = 0; round < 3; ++round) {
    token_count = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& t : texts) {
      analyzer.Analyze(t, &tokens);
      token_count += tokens.size();
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, secs);
  }
  std::printf("analyzer: %.1f MB in %zu texts, %zu tokens; best of 3: %.3f s = %.1f MB/s, %.1f M tokens/s (one core)\n",
              bytes / 1e6, texts.size(), token_count, best, bytes / 1e6 / best, token_count / 1e6 / best);
  return 0;
}
