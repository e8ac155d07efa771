// Quality floors for the relation extractor: scores it on the hand-annotated documents of
// tests/data/relations/annotations.jsonl (texts in ../shared/data/external-dev/header/docs) and
// fails when precision, recall or effective-date accuracy on a split drops below what was
// reached, less about 0.02. Prints the figures and, on failure, every miss and false alarm.
// Skipped with a message when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/refs/recognizer.h"
#include "tests/support/paths.h"
#include "tools/eval/relations_scoring.h"

namespace vankien {
namespace {

struct Floor {
  const char* split;
  double precision, recall, date;
};

// check: the held-out split, annotated and first scored before any rule was tuned (first look
// P 0.937 R 0.832, dates 13/13); reached after tuning on "tune": P 0.941 R 0.888, dates 12/13.
constexpr Floor kCheck = {"check", 0.92, 0.86, 0.90};
// tune: the split the rules were tuned on (reached 1.000 / 1.000, dates 9/9).
constexpr Floor kTune = {"tune", 0.98, 0.98, 0.98};

void CheckFloor(const Floor& floor) {
  const std::string shared = test_support::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared (or $VANKIEN_SHARED) is absent: no annotated documents to score relations on";
  }
  const std::string docs = shared + "/data/external-dev/header/docs";
  if (!std::filesystem::is_directory(docs)) {
    GTEST_SKIP() << docs << " is absent: no annotated documents to score relations on";
  }
  auto annotations =
      eval::LoadRelationsAnnotations(std::string(VANKIEN_SOURCE_DIR) + "/tests/data/relations/annotations.jsonl");
  ASSERT_TRUE(annotations.ok()) << annotations.status().message();
  const refs::Recognizer recognizer;
  auto score = eval::ScoreRelations(recognizer, *annotations, docs);
  ASSERT_TRUE(score.ok()) << score.status().message();
  ASSERT_TRUE(score->splits.count(floor.split)) << "no documents in split " << floor.split;
  const eval::SplitScore& s = score->splits.at(floor.split);
  std::printf("%s: %zu documents, relations P %.3f R %.3f (tp %zu fp %zu fn %zu), baseline P %.3f R %.3f, "
              "effective date %zu/%zu\n",
              floor.split, s.documents, s.all.Precision(), s.all.Recall(), s.all.tp, s.all.fp, s.all.fn,
              s.baseline.Precision(), s.baseline.Recall(), s.date_right, s.date_total);
  ::testing::Test::RecordProperty("precision", std::to_string(s.all.Precision()));
  ::testing::Test::RecordProperty("recall", std::to_string(s.all.Recall()));

  std::string errors;
  for (const eval::RelationsError& e : s.errors) errors += e.file + "  " + e.kind + ": " + e.text + "\n";
  EXPECT_GE(s.documents, 12u);
  EXPECT_GE(s.all.Precision(), floor.precision) << "false alarms and misses:\n" << errors;
  EXPECT_GE(s.all.Recall(), floor.recall) << "false alarms and misses:\n" << errors;
  EXPECT_GE(s.DateAccuracy(), floor.date) << "errors:\n" << errors;
  // The extractor must stay well above the keyword baseline it replaces.
  EXPECT_GT(s.all.Precision(), s.baseline.Precision() + 0.2);
  EXPECT_GT(s.all.Recall(), s.baseline.Recall() + 0.2);
}

TEST(RelationsFloorTest, CheckSplit) { CheckFloor(kCheck); }

TEST(RelationsFloorTest, TuneSplit) { CheckFloor(kTune); }

}  // namespace
}  // namespace vankien
