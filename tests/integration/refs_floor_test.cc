// Quality floor for the reference recognizer: scores it on the hand-checked development passages
// (../shared/data/refs/refs-dev.jsonl, scoring rules of its README, lenient mode) and fails when
// precision drops below 0.98 or recall below 0.97. Prints the figures and, on failure, every
// miss and false alarm. Skipped when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/refs/recognizer.h"
#include "tests/support/paths.h"
#include "tools/eval/refs_scoring.h"

namespace vankien {
namespace {

constexpr double kMinPrecision = 0.98;
constexpr double kMinRecall = 0.97;

TEST(RefsFloorTest, DevSetPrecisionAndRecall) {
  const std::string shared = test_support::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP()
        << "../shared (or $VANKIEN_SHARED) is absent: no gold reference passages to score against";
  }
  const std::string path = shared + "/data/refs/refs-dev.jsonl";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " is absent: no gold reference passages to score against";
  }
  auto gold = eval::LoadGoldPassages(path);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  ASSERT_FALSE(gold->empty()) << path;

  const refs::Recognizer recognizer;
  const eval::RefsScore s = eval::ScoreRecognizer(recognizer, *gold);
  std::printf("refs-dev: %zu passages, %zu gold mentions, %zu predicted (%zu with ignore spans)\n",
              gold->size(), s.gold, s.predicted, s.predicted_strict);
  std::printf("refs-dev: precision %.4f (strict %.4f), recall %.4f\n", s.precision,
              s.precision_strict, s.recall);
  std::printf(
      "refs-dev: attributes on matched mentions: year %zu/%zu, date %zu/%zu, term %zu/%zu\n",
      s.year_right, s.year_total, s.date_right, s.date_total, s.term_right, s.term_total);
  RecordProperty("precision", std::to_string(s.precision));
  RecordProperty("recall", std::to_string(s.recall));

  std::string errors;
  for (const eval::RefsError& e : s.errors) errors += e.pid + "  " + e.kind + ": " + e.text + "\n";
  EXPECT_GT(s.gold, 0u);
  EXPECT_GE(s.precision, kMinPrecision) << "false alarms and misses:\n" << errors;
  EXPECT_GE(s.recall, kMinRecall) << "false alarms and misses:\n" << errors;
}

}  // namespace
}  // namespace vankien
