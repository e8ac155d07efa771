// search/validity.h: the status rules, their order, and the honest wording.
#include "search/validity.h"

#include <gtest/gtest.h>

namespace vankien::search {
namespace {

RelationEdge Edge(std::string type, std::string symbol, std::string date, std::string part = "") {
  RelationEdge e;
  e.type = std::move(type);
  e.symbol = std::move(symbol);
  e.date = std::move(date);
  e.part = std::move(part);
  e.sentence = "Nghị định này thay thế …";
  return e;
}

TEST(ValidityTest, NothingKnownIsInForceSaidHonestly) {
  const Validity v = DecideValidity({Edge("based_on", "Luật X 2015", "2020-01-01"), Edge("guides", "1/2020/TT-BTC", "2021-01-01")}, "", "2026-01-01");
  EXPECT_EQ(v.status, ValidityStatus::kInForce);
  EXPECT_TRUE(v.evidence.empty());
  EXPECT_NE(v.note.find("không có thông tin thay thế"), std::string::npos);
}

TEST(ValidityTest, RulesInOrder) {
  const RelationEdge repeal = Edge("repeals", "9/2024/NĐ-CP", "2024-01-01", "whole");
  const RelationEdge partial = Edge("repeals", "9/2024/NĐ-CP", "2024-01-01", "part");
  const RelationEdge replace = Edge("replaces", "8/2023/NĐ-CP", "2023-01-01");
  const RelationEdge amend = Edge("amends", "7/2022/NĐ-CP", "2022-01-01", "part");
  const RelationEdge expire = Edge("expires", "6/2021/NĐ-CP", "2021-01-01");
  EXPECT_EQ(DecideValidity({amend, replace, repeal}, "", "2026-01-01").status, ValidityStatus::kRepealed);
  EXPECT_EQ(DecideValidity({amend, replace}, "", "2026-01-01").status, ValidityStatus::kReplaced);
  EXPECT_EQ(DecideValidity({amend, expire}, "", "2026-01-01").status, ValidityStatus::kExpired);
  EXPECT_EQ(DecideValidity({amend}, "", "2026-01-01").status, ValidityStatus::kAmended);
  // A partial repeal leaves the document in force, amended.
  EXPECT_EQ(DecideValidity({partial}, "", "2026-01-01").status, ValidityStatus::kAmended);
  // Its own expiry: only once the date has passed.
  EXPECT_EQ(DecideValidity({}, "2025-12-31", "2026-01-01").status, ValidityStatus::kExpired);
  EXPECT_EQ(DecideValidity({}, "2026-01-01", "2026-01-01").status, ValidityStatus::kInForce);
  EXPECT_EQ(DecideValidity({}, "kể từ ngày ký", "2026-01-01").status, ValidityStatus::kInForce);
}

TEST(ValidityTest, EvidenceIsTheDecidingEdgesNewestFirst) {
  const Validity v = DecideValidity({Edge("replaces", "1/2020/NĐ-CP", "2020-01-01"), Edge("amends", "3/2022/NĐ-CP", "2022-01-01"),
                                     Edge("replaces", "2/2021/NĐ-CP", "2021-01-01")},
                                    "", "2026-01-01");
  EXPECT_EQ(v.status, ValidityStatus::kReplaced);
  ASSERT_EQ(v.evidence.size(), 2u);
  EXPECT_EQ(v.evidence[0].symbol, "2/2021/NĐ-CP");
  EXPECT_EQ(v.evidence[1].symbol, "1/2020/NĐ-CP");
  EXPECT_NE(v.note.find("2/2021/NĐ-CP"), std::string::npos);
}

TEST(ValidityTest, NamesParseInBothLanguages) {
  ValidityStatus s;
  for (auto [name, want] : {std::pair{"in-force", ValidityStatus::kInForce}, std::pair{"REPLACED", ValidityStatus::kReplaced},
                            std::pair{"bi-bai-bo", ValidityStatus::kRepealed}, std::pair{"được-sửa-đổi", ValidityStatus::kAmended},
                            std::pair{"het-hieu-luc", ValidityStatus::kExpired}}) {
    ASSERT_TRUE(ParseValidity(name, &s)) << name;
    EXPECT_EQ(s, want) << name;
    EXPECT_TRUE(ParseValidity(ValidityName(want), &s));
  }
  EXPECT_FALSE(ParseValidity("maybe", &s));
}

}  // namespace
}  // namespace vankien::search
