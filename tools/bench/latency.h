// Latency summaries shared by the query benchmarks (bench_query, bench_fts5), so that both
// print the same line and compare line by line. Thread-safety: pure functions.
#ifndef VANKIEN_TOOLS_BENCH_LATENCY_H_
#define VANKIEN_TOOLS_BENCH_LATENCY_H_

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace vankien::bench {

// The nearest-rank percentile `p` (0..1) of `v`; 0 when empty.
inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

// "<name>  N runs  p50 … ms  p95 … ms  p99 … ms  mean … ms" for times in milliseconds.
inline void PrintLatency(const std::string& name, const std::vector<double>& ms) {
  double sum = 0;
  for (double x : ms) sum += x;
  std::printf("%-18s %6zu runs  p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  mean %7.3f ms\n",
              name.c_str(), ms.size(), Percentile(ms, 0.50), Percentile(ms, 0.95),
              Percentile(ms, 0.99), ms.empty() ? 0 : sum / ms.size());
}

}  // namespace vankien::bench

#endif  // VANKIEN_TOOLS_BENCH_LATENCY_H_
