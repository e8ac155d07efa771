// Tests for tools/eval: metric arithmetic against hand-computed values, and the query/qrels
// loaders against fixtures written to a per-test temporary directory.
#include "tools/eval/metrics.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/eval/judgments.h"

namespace vankien::eval {
namespace {

using Judged = std::unordered_map<std::string, int>;

// Passes when `text` contains `needle`; the failure message shows both.
::testing::AssertionResult Contains(const std::string& text, const std::string& needle) {
  if (text.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "\"" << text << "\" does not contain \"" << needle << "\"";
}

constexpr double kEps = 1e-12;

// ---------------------------------------------------------------------------------------------
// nDCG

TEST(NdcgAtTest, BinaryRelevantAtRanks1And3Of2Relevant) {
  // DCG  = 1/log2(2) + 0 + 1/log2(4) = 1 + 0.5
  // IDCG = 1/log2(2) + 1/log2(3)
  const Judged judged = {{"a", 1}, {"b", 1}};
  const double expected = (1.0 + 1.0 / std::log2(4.0)) / (1.0 + 1.0 / std::log2(3.0));
  EXPECT_NEAR(NdcgAt({"a", "x", "b"}, judged, 10), expected, kEps);
  EXPECT_NEAR(expected, 0.919721, 1e-6);
}

TEST(NdcgAtTest, PerfectRankingIsOne) {
  const Judged judged = {{"a", 2}, {"b", 1}, {"n", 0}};
  EXPECT_NEAR(NdcgAt({"a", "b", "n", "x"}, judged, 10), 1.0, kEps);
}

TEST(NdcgAtTest, GradedGainsUseTwoToTheGradeMinusOne) {
  // judged a:3 b:1 c:2; ranked b, a, z, c
  // DCG  = (2^1-1)/log2(2) + (2^3-1)/log2(3) + 0/log2(4) + (2^2-1)/log2(5)
  //      = 1 + 7/log2(3) + 3/log2(5)                      ~= 6.70854
  // IDCG = grades sorted 3, 2, 1: 7/log2(2) + 3/log2(3) + 1/log2(4)
  //      = 7 + 3/log2(3) + 0.5                            ~= 9.39279
  const Judged judged = {{"a", 3}, {"b", 1}, {"c", 2}};
  const double dcg = 1.0 + 7.0 / std::log2(3.0) + 3.0 / std::log2(5.0);
  const double idcg = 7.0 + 3.0 / std::log2(3.0) + 0.5;
  EXPECT_NEAR(NdcgAt({"b", "a", "z", "c"}, judged, 10), dcg / idcg, kEps);
  EXPECT_NEAR(dcg / idcg, 0.714223, 1e-6);
}

TEST(NdcgAtTest, CutoffSmallerThanListTruncatesBothDcgAndIdeal) {
  // k=2, ranked x, a, b with a, b relevant: only x, a count.
  // DCG@2  = 0 + 1/log2(3);  IDCG@2 = 1 + 1/log2(3)
  const Judged judged = {{"a", 1}, {"b", 1}};
  const double expected = (1.0 / std::log2(3.0)) / (1.0 + 1.0 / std::log2(3.0));
  EXPECT_NEAR(NdcgAt({"x", "a", "b"}, judged, 2), expected, kEps);

  // k=1 with 3 relevant: IDCG@1 = 1 (not 1 + 1/log2(3) + 1/log2(4)), so a hit at rank 1 is 1.
  const Judged three = {{"a", 1}, {"b", 1}, {"c", 1}};
  EXPECT_NEAR(NdcgAt({"a", "x"}, three, 1), 1.0, kEps);
}

TEST(NdcgAtTest, NoRelevantJudgmentsGivesZero) {
  EXPECT_EQ(NdcgAt({"a", "b"}, {}, 10), 0.0);
  EXPECT_EQ(NdcgAt({"a", "b"}, {{"a", 0}, {"b", -1}}, 10), 0.0);
}

TEST(NdcgAtTest, ZeroAndNegativeGradesAreNotRelevant) {
  // judged a:0 b:-1 c:1; ranked a, b, c -> DCG = 1/log2(4) = 0.5, IDCG = 1
  const Judged judged = {{"a", 0}, {"b", -1}, {"c", 1}};
  EXPECT_NEAR(NdcgAt({"a", "b", "c"}, judged, 10), 0.5, kEps);
}

TEST(NdcgAtTest, DuplicatesCountOnceAtFirstOccurrence) {
  // ranked a, a, b with a, b relevant: the second "a" occupies rank 2 but gains 0.
  // DCG = 1/log2(2) + 0 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3)
  // (counting "a" twice would give 1 + 1/log2(3) + 0.5 > IDCG, i.e. nDCG > 1).
  const Judged judged = {{"a", 1}, {"b", 1}};
  const double expected = 1.5 / (1.0 + 1.0 / std::log2(3.0));
  EXPECT_NEAR(NdcgAt({"a", "a", "b"}, judged, 10), expected, kEps);
  EXPECT_NEAR(NdcgAt({"a", "a", "a", "a"}, {{"a", 1}}, 10), 1.0, kEps);
}

// ---------------------------------------------------------------------------------------------
// Edge cases shared by all metrics

TEST(MetricsEdgeTest, EmptyRankingScoresZero) {
  const Judged judged = {{"a", 1}};
  EXPECT_EQ(NdcgAt({}, judged, 10), 0.0);
  EXPECT_EQ(ReciprocalRankAt({}, judged, 10), 0.0);
  EXPECT_EQ(RecallAt({}, judged, 10), 0.0);
}

TEST(MetricsEdgeTest, KZeroScoresZero) {
  const Judged judged = {{"a", 1}};
  EXPECT_EQ(NdcgAt({"a"}, judged, 0), 0.0);
  EXPECT_EQ(ReciprocalRankAt({"a"}, judged, 0), 0.0);
  EXPECT_EQ(RecallAt({"a"}, judged, 0), 0.0);
}

TEST(MetricsEdgeTest, NoRelevantDocsScoresZeroForAll) {
  const Judged judged = {{"a", 0}};
  EXPECT_EQ(ReciprocalRankAt({"a"}, judged, 10), 0.0);
  EXPECT_EQ(RecallAt({"a"}, judged, 10), 0.0);
}

// ---------------------------------------------------------------------------------------------
// Reciprocal rank

TEST(ReciprocalRankAtTest, FirstRelevantRank) {
  const Judged judged = {{"b", 1}, {"d", 2}};
  EXPECT_DOUBLE_EQ(ReciprocalRankAt({"a", "b", "c", "d"}, judged, 10), 1.0 / 2.0);
  EXPECT_DOUBLE_EQ(ReciprocalRankAt({"b"}, judged, 10), 1.0);
  // Grade 0 at rank 1 is skipped; first relevant is d at rank 3.
  EXPECT_DOUBLE_EQ(ReciprocalRankAt({"z", "x", "d"}, {{"z", 0}, {"d", 1}}, 10), 1.0 / 3.0);
}

TEST(ReciprocalRankAtTest, RelevantBeyondCutoffIsZero) {
  const Judged judged = {{"c", 1}};
  EXPECT_EQ(ReciprocalRankAt({"a", "b", "c"}, judged, 2), 0.0);
  EXPECT_DOUBLE_EQ(ReciprocalRankAt({"a", "b", "c"}, judged, 3), 1.0 / 3.0);
}

// ---------------------------------------------------------------------------------------------
// Recall

TEST(RecallAtTest, FractionOfRelevantRetrieved) {
  // 3 relevant (a, b, c); d has grade 0. Top 3 of a, d, b, c holds a, b -> 2/3.
  const Judged judged = {{"a", 1}, {"b", 2}, {"c", 1}, {"d", 0}};
  EXPECT_DOUBLE_EQ(RecallAt({"a", "d", "b", "c"}, judged, 3), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(RecallAt({"a", "d", "b", "c"}, judged, 4), 1.0);
}

TEST(RecallAtTest, DuplicatesCountOnce) {
  // a, a in top 2 with relevant {a, b} is 1/2, not 2/2.
  const Judged judged = {{"a", 1}, {"b", 1}};
  EXPECT_DOUBLE_EQ(RecallAt({"a", "a", "b"}, judged, 2), 0.5);
  EXPECT_DOUBLE_EQ(RecallAt({"a", "a", "b"}, judged, 3), 1.0);
}

// ---------------------------------------------------------------------------------------------
// Accumulator

TEST(AccumulatorTest, EmptyMeanIsZero) {
  const Summary s = Accumulator().Mean();
  EXPECT_EQ(s.queries, 0u);
  EXPECT_EQ(s.skipped, 0u);
  EXPECT_EQ(s.ndcg10, 0.0);
  EXPECT_EQ(s.mrr10, 0.0);
  EXPECT_EQ(s.recall10, 0.0);
}

TEST(AccumulatorTest, AveragesOverJudgedQueriesAndCountsSkipped) {
  Accumulator acc;
  // q1: relevant a at rank 1 of 1 relevant -> nDCG 1, RR 1, recall 1.
  acc.Add({"a", "x"}, {{"a", 1}});
  // q2: relevant {b, c}, ranked x, b -> nDCG = (1/log2(3)) / (1 + 1/log2(3)), RR 1/2, recall 1/2.
  acc.Add({"x", "b"}, {{"b", 1}, {"c", 1}});
  // q3: no relevant judgment -> skipped, whatever the ranking.
  acc.Add({"a"}, {{"a", 0}});
  // q4: no judgments at all -> skipped.
  acc.Add({"a"}, {});

  const double ndcg_q2 = (1.0 / std::log2(3.0)) / (1.0 + 1.0 / std::log2(3.0));
  const Summary s = acc.Mean();
  EXPECT_EQ(s.queries, 2u);
  EXPECT_EQ(s.skipped, 2u);
  EXPECT_NEAR(s.ndcg10, (1.0 + ndcg_q2) / 2.0, kEps);
  EXPECT_NEAR(s.mrr10, (1.0 + 0.5) / 2.0, kEps);
  EXPECT_NEAR(s.recall10, (1.0 + 0.5) / 2.0, kEps);
}

TEST(AccumulatorTest, UsesCutoffTen) {
  // The only relevant doc is at rank 11: all @10 metrics are 0. At rank 10 they are not.
  std::vector<std::string> ranked;
  for (int i = 0; i < 10; ++i) ranked.push_back("x" + std::to_string(i));
  ranked.push_back("rel");
  Accumulator at11;
  at11.Add(ranked, {{"rel", 1}});
  EXPECT_EQ(at11.Mean().ndcg10, 0.0);
  EXPECT_EQ(at11.Mean().mrr10, 0.0);
  EXPECT_EQ(at11.Mean().recall10, 0.0);

  ranked[9] = "rel";  // now at rank 10: RR = 1/10, nDCG = (1/log2(11)) / 1
  Accumulator at10;
  at10.Add(ranked, {{"rel", 1}});
  EXPECT_NEAR(at10.Mean().mrr10, 0.1, kEps);
  EXPECT_NEAR(at10.Mean().ndcg10, 1.0 / std::log2(11.0), kEps);
  EXPECT_NEAR(at10.Mean().recall10, 1.0, kEps);
}

// ---------------------------------------------------------------------------------------------
// Loaders

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("vankien_eval_" + std::to_string(::getpid()) + "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `content` byte for byte to `name` in the temp dir and returns its path.
  std::string Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(LoaderTest, QrelsTabSeparatedIdsWithSpacesAndGrades) {
  const std::string path = Write("qrels.tsv",
                                 "train:q-1\t0\t01/VBHN-VPQH@418\t1\n"
                                 "train:DS-1\t0\tLuật Dân sự@5\t2\n"
                                 "train:DS-1\t0\tLuật Phòng, chống ma túy@32\t0\n"
                                 "train:DS-1\tQ0\tneg doc\t-1\n");
  auto qrels = LoadQrels(path);
  ASSERT_TRUE(qrels.ok()) << qrels.status().message();
  ASSERT_EQ(qrels->size(), 2u);
  EXPECT_EQ(qrels->at("train:q-1").at("01/VBHN-VPQH@418"), 1);
  const auto& ds1 = qrels->at("train:DS-1");
  ASSERT_EQ(ds1.size(), 3u);
  EXPECT_EQ(ds1.at("Luật Dân sự@5"), 2);
  EXPECT_EQ(ds1.at("Luật Phòng, chống ma túy@32"), 0);
  EXPECT_EQ(ds1.at("neg doc"), -1);
}

TEST_F(LoaderTest, QrelsCrlfAndBlankLinesAndBom) {
  const std::string path = Write("qrels.tsv",
                                 "\xEF\xBB\xBFq1\t0\tLuật A@1\t1\r\n"
                                 "\r\n"
                                 "   \n"
                                 "q2\t0\tdoc 2\t3\r\n");
  auto qrels = LoadQrels(path);
  ASSERT_TRUE(qrels.ok()) << qrels.status().message();
  ASSERT_EQ(qrels->size(), 2u);
  EXPECT_EQ(qrels->at("q1").at("Luật A@1"), 1);  // no BOM in qid, no CR in grade
  EXPECT_EQ(qrels->at("q2").at("doc 2"), 3);
}

TEST_F(LoaderTest, QrelsSpaceSeparatedOnlyWithExactlyFourFields) {
  auto ok = LoadQrels(Write("ok.txt", "q1 0 d1 1\nq1 0 d2 0\n"));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->at("q1").at("d1"), 1);
  EXPECT_EQ(ok->at("q1").at("d2"), 0);

  // An id with a space and no tabs is ambiguous: rejected, naming file and line 2.
  const std::string path = Write("bad.txt", "q1 0 d1 1\nq1 0 Luật Dân sự@5 1\n");
  auto bad = LoadQrels(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(bad.status().message(), path + ":2:"));
  EXPECT_TRUE(Contains(bad.status().message(), "6 space-separated fields"));
}

TEST_F(LoaderTest, QrelsWrongTabFieldCountNamesLine) {
  // Line numbers count blank lines too: the bad line is line 3.
  const std::string path = Write("qrels.tsv", "q1\t0\td1\t1\n\nq1\t0\td2\n");
  auto qrels = LoadQrels(path);
  ASSERT_FALSE(qrels.ok());
  EXPECT_TRUE(Contains(qrels.status().message(), path + ":3:"));
  EXPECT_TRUE(Contains(qrels.status().message(), "got 3"));
}

TEST_F(LoaderTest, QrelsNonIntegerGradeNamesLine) {
  for (const std::string grade : {"x", "1.0", "", "1a"}) {
    const std::string path = Write("qrels.tsv", "q1\t0\td1\t1\nq1\t0\td2\t" + grade + "\n");
    auto qrels = LoadQrels(path);
    ASSERT_FALSE(qrels.ok()) << "grade '" << grade << "'";
    EXPECT_TRUE(Contains(qrels.status().message(), path + ":2:"));
    EXPECT_TRUE(Contains(qrels.status().message(), "not an integer"));
  }
}

TEST_F(LoaderTest, QrelsEmptyDocidRejected) {
  const std::string path = Write("qrels.tsv", "q1\t0\t\t1\n");
  auto qrels = LoadQrels(path);
  ASSERT_FALSE(qrels.ok());
  EXPECT_TRUE(Contains(qrels.status().message(), path + ":1: empty docid"));
}

TEST_F(LoaderTest, QrelsDuplicatesSameGradeOkConflictingGradeRejected) {
  auto same = LoadQrels(Write("same.tsv", "q1\t0\td 1\t1\nq1\t0\td 1\t1\n"));
  ASSERT_TRUE(same.ok()) << same.status().message();
  EXPECT_EQ(same->at("q1").size(), 1u);

  const std::string path = Write("conflict.tsv", "q1\t0\td 1\t1\nq2\t0\td 1\t0\nq1\t0\td 1\t2\n");
  auto conflict = LoadQrels(path);
  ASSERT_FALSE(conflict.ok());
  EXPECT_TRUE(Contains(conflict.status().message(), path + ":3:"));
  EXPECT_TRUE(Contains(conflict.status().message(), "line 1 gave 1"));
}

TEST_F(LoaderTest, QrelsMissingFileIsNotFound) {
  auto qrels = LoadQrels((dir_ / "nope.tsv").string());
  ASSERT_FALSE(qrels.ok());
  EXPECT_EQ(qrels.status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(Contains(qrels.status().message(), "nope.tsv"));
}

TEST_F(LoaderTest, QueriesParsedInOrderSkippingBlankLines) {
  const std::string path = Write(
      "queries.jsonl",
      "{\"qid\": \"train:q-1\", \"text\": \"Chiếm đoạt di vật của tử sĩ có thể bị phạt tù lên "
      "đến bao nhiêu năm?\"}\r\n"
      "\n"
      "  \r\n"
      "{\"text\": \"câu hỏi hai\", \"qid\": \"q-2\", \"extra\": 1}\n");
  auto queries = LoadQueries(path);
  ASSERT_TRUE(queries.ok()) << queries.status().message();
  ASSERT_EQ(queries->size(), 2u);
  EXPECT_EQ((*queries)[0].qid, "train:q-1");
  EXPECT_EQ((*queries)[0].text,
            "Chiếm đoạt di vật của tử sĩ có thể bị phạt tù lên đến bao nhiêu năm?");
  EXPECT_EQ((*queries)[1].qid, "q-2");
  EXPECT_EQ((*queries)[1].text, "câu hỏi hai");
}

TEST_F(LoaderTest, QueriesBadJsonNamesFileAndLine) {
  const std::string path =
      Write("queries.jsonl", "{\"qid\": \"a\", \"text\": \"x\"}\n\n{\"qid\": \"b\", \"text\": \n");
  auto queries = LoadQueries(path);
  ASSERT_FALSE(queries.ok());
  EXPECT_EQ(queries.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Contains(queries.status().message(), path + ":3:"));
  EXPECT_TRUE(Contains(queries.status().message(), "bad JSON"));
}

TEST_F(LoaderTest, QueriesMissingFieldNamesFieldAndLine) {
  const std::string path =
      Write("queries.jsonl", "{\"qid\": \"a\", \"text\": \"x\"}\n{\"qid\": \"b\"}\n");
  auto queries = LoadQueries(path);
  ASSERT_FALSE(queries.ok());
  EXPECT_TRUE(Contains(queries.status().message(), path + ":2:"));
  EXPECT_TRUE(Contains(queries.status().message(), "missing field \"text\""));

  auto no_qid = LoadQueries(Write("q2.jsonl", "{\"text\": \"x\"}\n"));
  ASSERT_FALSE(no_qid.ok());
  EXPECT_TRUE(Contains(no_qid.status().message(), ":1: missing field \"qid\""));
}

TEST_F(LoaderTest, QueriesWrongTypesRejected) {
  auto numeric_qid = LoadQueries(Write("a.jsonl", "{\"qid\": 7, \"text\": \"x\"}\n"));
  ASSERT_FALSE(numeric_qid.ok());
  EXPECT_TRUE(Contains(numeric_qid.status().message(), ":1: field \"qid\" must be a string"));

  auto not_object = LoadQueries(Write("b.jsonl", "[\"q1\", \"text\"]\n"));
  ASSERT_FALSE(not_object.ok());
  EXPECT_TRUE(Contains(not_object.status().message(), ":1: expected a JSON object"));
}

TEST_F(LoaderTest, QueriesDuplicateOrEmptyQidRejected) {
  auto dup = LoadQueries(
      Write("dup.jsonl", "{\"qid\": \"q\", \"text\": \"x\"}\n{\"qid\": \"q\", \"text\": \"y\"}\n"));
  ASSERT_FALSE(dup.ok());
  EXPECT_TRUE(Contains(dup.status().message(), ":2: duplicate qid \"q\""));

  auto empty = LoadQueries(Write("empty.jsonl", "{\"qid\": \"\", \"text\": \"x\"}\n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(Contains(empty.status().message(), ":1: empty \"qid\""));
}

TEST_F(LoaderTest, QueriesMissingFileIsNotFound) {
  auto queries = LoadQueries((dir_ / "nope.jsonl").string());
  ASSERT_FALSE(queries.ok());
  EXPECT_EQ(queries.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace vankien::eval
