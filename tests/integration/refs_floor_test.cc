// Quality floors for the reference recognizer: scores it on the hand-checked development sets
// (../shared/data/refs/refs-dev.jsonl: news and seed passages; ../shared/data/external-dev/
// mentions/refs-external-dev.jsonl: law texts, legal Q&A and encyclopedia pages), with the
// scoring rules of the refs README, and fails when precision (lenient or strict) or recall
// drops below the figures recorded here. Prints the figures and, on failure, every miss and
// false alarm. Each set is skipped with a message when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/refs/recognizer.h"
#include "tests/support/paths.h"
#include "tools/eval/refs_scoring.h"

namespace vankien {
namespace {

// The floors: what the recognizer reached when they were last raised (issue 17), less the
// rounding of one mention.
struct Floor {
  const char* name;
  const char* path;  // under the shared directory
  double precision, precision_strict, recall;
};

constexpr Floor kRefsDev = {"refs-dev", "/data/refs/refs-dev.jsonl", 0.992, 0.984, 0.988};
constexpr Floor kExternalDev = {"external-dev", "/data/external-dev/mentions/refs-external-dev.jsonl",
                                0.99, 0.99, 0.99};

void CheckFloor(const Floor& floor) {
  const std::string shared = test_support::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared (or $VANKIEN_SHARED) is absent: no gold reference passages ("
                 << floor.name << ") to score against";
  }
  const std::string path = shared + floor.path;
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " is absent: no gold reference passages (" << floor.name
                 << ") to score against";
  }
  auto gold = eval::LoadGoldPassages(path);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  ASSERT_FALSE(gold->empty()) << path;

  const refs::Recognizer recognizer;
  const eval::RefsScore s = eval::ScoreRecognizer(recognizer, *gold);
  std::printf("%s: %zu passages, %zu gold mentions, %zu predicted (%zu with ignore spans)\n", floor.name,
              gold->size(), s.gold, s.predicted, s.predicted_strict);
  std::printf("%s: precision %.4f (strict %.4f), recall %.4f\n", floor.name, s.precision,
              s.precision_strict, s.recall);
  std::printf("%s: attributes on matched mentions: year %zu/%zu, date %zu/%zu, term %zu/%zu\n", floor.name,
              s.year_right, s.year_total, s.date_right, s.date_total, s.term_right, s.term_total);
  ::testing::Test::RecordProperty("precision", std::to_string(s.precision));
  ::testing::Test::RecordProperty("precision_strict", std::to_string(s.precision_strict));
  ::testing::Test::RecordProperty("recall", std::to_string(s.recall));

  std::string errors;
  for (const eval::RefsError& e : s.errors) errors += e.pid + "  " + e.kind + ": " + e.text + "\n";
  EXPECT_GT(s.gold, 0u);
  EXPECT_GE(s.precision, floor.precision) << "false alarms and misses:\n" << errors;
  EXPECT_GE(s.precision_strict, floor.precision_strict)
      << "predictions on ignore spans (out-of-scope bodies, named laws without a number) count here";
  EXPECT_GE(s.recall, floor.recall) << "false alarms and misses:\n" << errors;
}

TEST(RefsFloorTest, DevSetPrecisionAndRecall) { CheckFloor(kRefsDev); }

TEST(RefsFloorTest, ExternalDevSetPrecisionAndRecall) { CheckFloor(kExternalDev); }

}  // namespace
}  // namespace vankien
