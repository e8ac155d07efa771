// libFuzzer target for QueryBuilder::Build (search/query.h) with the shared Analyzer and a
// Recognizer over the project registry (so references in queries are resolved as in `vankien
// search`). Two builders run on every input: the defaults, and a tight one (4 words, 64 bytes,
// folded weight for marked words) that exercises dropping and refusal.
// Invariants:
//   * Build never throws and never crashes, whatever the bytes;
//   * on success Description() is non-empty, every highlight term is non-empty valid UTF-8,
//     every reference is non-empty, and dropped_words is 0 unless more than max_words words;
//   * a query over max_query_bytes is refused; a refusal carries a message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/text/analyzer.h"
#include "search/query.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;
using vankien::search::QueryBuilder;
using vankien::search::QueryOptions;

constexpr const char* kTarget = "query_fuzz";

struct Builders {
  vankien::text::Analyzer analyzer;
  const vankien::refs::Registry* registry = nullptr;
  vankien::refs::Recognizer* recognizer = nullptr;
  QueryOptions tight_options;
  QueryBuilder* standard = nullptr;
  QueryBuilder* tight = nullptr;
};

const Builders& TheBuilders() {
  static const Builders* const builders = [] {
    auto* b = new Builders();
    auto loaded = vankien::refs::Registry::Load(VANKIEN_SOURCE_DIR "/corpus/registry.tsv");
    if (loaded.ok()) b->registry = new vankien::refs::Registry(std::move(*loaded));
    b->recognizer = new vankien::refs::Recognizer(b->registry);
    b->tight_options.max_query_bytes = 64;
    b->tight_options.max_words = 4;
    b->tight_options.folded_weight_for_marked = 0.5;
    b->standard = new QueryBuilder(b->analyzer, QueryOptions{}, b->recognizer);
    b->tight = new QueryBuilder(b->analyzer, b->tight_options, b->recognizer);
    return b;
  }();
  return *builders;
}

void Check(const QueryBuilder& builder, const QueryOptions& options, std::string_view q) {
  const auto parsed = builder.Build(q);
  if (!parsed.ok()) {
    if (parsed.status().message().empty()) Fail(kTarget, "refusal without a message", q);
    return;
  }
  if (q.size() > options.max_query_bytes) Fail(kTarget, "query over max_query_bytes accepted", q);
  if (parsed->Description().empty()) Fail(kTarget, "empty Description() on success", q);
  for (const std::string& term : parsed->highlight_terms()) {
    if (term.empty()) Fail(kTarget, "empty highlight term", q);
    vankien::fuzz::CheckUtf8(kTarget, "highlight term", term);
  }
  for (const std::string& ref : parsed->references()) {
    if (ref.empty()) Fail(kTarget, "empty reference symbol", q);
  }
  if (parsed->dropped_words() > 0 &&
      parsed->highlight_terms().size() < options.max_words) {
    Fail(kTarget, "words dropped although fewer than max_words were used", q);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view q(reinterpret_cast<const char*>(data), size);
  const Builders& b = TheBuilders();
  vankien::fuzz::NoThrow(kTarget, "QueryBuilder::Build", [&] {
    Check(*b.standard, QueryOptions{}, q);
    Check(*b.tight, b.tight_options, q);
  });
  return 0;
}
