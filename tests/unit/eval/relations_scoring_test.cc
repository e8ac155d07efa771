// The relations scorer on a document written for this test: matching rules (case-insensitive
// targets, relative dates by prefix), per-type counts, the listed errors, and bad input.
#include "tools/eval/relations_scoring.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "indexer/refs/recognizer.h"
#include "tests/support/paths.h"

namespace vankien::eval {
namespace {

void Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST(RelationsScoring, CountsMatchesMissesAndFalseAlarms) {
  test_support::TempDir dir;
  Write(dir / "d.txt",
        "CHÍNH PHỦ\nNGHỊ ĐỊNH\nVỀ KHO LƯU TRỮ THỬ NGHIỆM\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
        "Căn cứ Nghị định số 12/2023/NĐ-CP;\nĐiều 1. Phạm vi\nNghị định này quy định việc quản lý kho.\n"
        "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực kể từ ngày ký và thay thế Nghị định số 44/2019/NĐ-CP.\n");
  Write(dir / "ann.jsonl",
        R"({"file":"d.txt","split":"check","relations":[)"
        R"({"type":"based_on","target":"Luật tổ chức chính phủ 2025","part":"","articles":[]},)"
        R"({"type":"replaces","target":"44/2019/NĐ-CP","part":"","articles":[]},)"
        R"({"type":"repeals","target":"7/2015/QĐ-UBND","part":"whole","articles":[]}],)"
        R"("effective_from":"kể từ ngày ký ban hành","expires_on":""})"
        "\n");
  auto annotations = LoadRelationsAnnotations(dir / "ann.jsonl");
  ASSERT_TRUE(annotations.ok()) << annotations.status().message();
  ASSERT_EQ(annotations->size(), 1u);
  const refs::Recognizer recognizer;
  auto score = ScoreRelations(recognizer, *annotations, dir.path().string());
  ASSERT_TRUE(score.ok()) << score.status().message();
  const SplitScore& s = score->splits.at("check");
  EXPECT_EQ(s.documents, 1u);
  // Two found (the law's case differs from the annotation), one missed, one not annotated.
  EXPECT_EQ(s.all.tp, 2u);
  EXPECT_EQ(s.all.fn, 1u);
  EXPECT_EQ(s.all.fp, 1u);
  EXPECT_EQ(s.by_type.at("repeals").fn, 1u);
  EXPECT_EQ(s.by_type.at("based_on").fp, 1u);  // 12/2023/NĐ-CP
  EXPECT_EQ(s.date_right, 1u);                 // "kể từ ngày ký" is a prefix of the annotated phrase
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].kind, "miss");
  EXPECT_EQ(s.errors[1].kind, "false alarm");
  EXPECT_GT(score->bytes, 0u);
}

TEST(RelationsScoring, RejectsBadLinesAndMissingDocuments) {
  test_support::TempDir dir;
  Write(dir / "bad.jsonl", "{\"file\":\"x.txt\"}\n");
  auto bad = LoadRelationsAnnotations(dir / "bad.jsonl");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":1:"), std::string::npos);
  EXPECT_FALSE(LoadRelationsAnnotations(dir / "absent.jsonl").ok());

  const std::vector<RelationsAnnotation> one = {{"absent.txt", "tune", {}, "", ""}};
  const refs::Recognizer recognizer;
  EXPECT_FALSE(ScoreRelations(recognizer, one, dir.path().string()).ok());
}

}  // namespace
}  // namespace vankien::eval
