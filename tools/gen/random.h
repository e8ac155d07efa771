// Portable random numbers for the archive generator: std::mt19937_64, whose output the C++
// standard fixes, with our own integer and real draws on top (std's distributions differ between
// library versions, and a seed must give the same archive everywhere).
// Thread-safety: an Rng is a plain value; use one per thread.
#ifndef VANKIEN_TOOLS_GEN_RANDOM_H_
#define VANKIEN_TOOLS_GEN_RANDOM_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace vankien::gen {

// SplitMix64 of seed and stream: independent seeds for the pool, each document, and so on, so
// that document i does not depend on how many random numbers documents 0..i-1 used.
constexpr std::uint64_t MixSeed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t Next() { return engine_(); }

  // Uniform in [0, n); n > 0. Rejects the few values that would bias the remainder.
  std::uint64_t Below(std::uint64_t n) {
    assert(n > 0);
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    std::uint64_t x = engine_();
    while (x < threshold) x = engine_();
    return x % n;
  }

  // Uniform in [lo, hi]; lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1), from the top 53 bits.
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // True with probability per_mille / 1000.
  bool Chance(unsigned per_mille) { return Below(1000) < per_mille; }

  // Index i with probability weights[i] / sum(weights); the sum must be positive.
  std::size_t Weighted(std::span<const unsigned> weights) {
    std::uint64_t total = 0;
    for (unsigned w : weights) total += w;
    std::uint64_t r = Below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;  // not reached
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace vankien::gen

#endif  // VANKIEN_TOOLS_GEN_RANDOM_H_
