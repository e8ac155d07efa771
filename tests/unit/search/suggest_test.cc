// "Did you mean" building blocks (search/suggest.h) on hand-made vocabularies and texts.
#include "search/suggest.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace vankien::search {
namespace {

const text::Analyzer& A() {
  static const text::Analyzer* analyzer = new text::Analyzer();
  return *analyzer;
}

FoldedFrequency From(std::map<std::string, std::size_t> vocabulary) {
  return [vocabulary](const std::string& w) -> std::size_t {
    auto it = vocabulary.find(w);
    return it == vocabulary.end() ? 0 : it->second;
  };
}

TEST(CorrectTypoTest, TheMostFrequentWordOneEditAway) {
  const auto freq = From({{"quyet", 50}, {"quyen", 80}, {"uong", 40}, {"truong", 30}, {"dang", 9}});
  EXPECT_EQ(CorrectTypo("quyett", freq), "quyet");  // deletion
  EXPECT_EQ(CorrectTypo("uongg", freq), "uong");
  EXPECT_EQ(CorrectTypo("quyeb", freq), "quyen");   // substitution: quyen (80) beats quyet (50)
  EXPECT_EQ(CorrectTypo("adng", freq), "dang");     // transposition
  EXPECT_EQ(CorrectTypo("dng", freq), "dang");      // insertion
  EXPECT_EQ(CorrectTypo("xyzxyz", freq), "");       // nothing near
  EXPECT_EQ(CorrectTypo("q", freq), "");            // too short to guess
  EXPECT_EQ(CorrectTypo("đang", freq), "");         // only folded a-z0-9 words
}

TEST(RestoreMarksTest, FormsTheTextsUseBesideTheSameNeighbours) {
  const std::vector<std::string> words = {"nghi", "quyet", "trung", "uong"};
  const std::string a = "Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.";
  const std::string b = "Hội nghị Trung ương lần thứ tư; nghỉ phép; quyết tâm.";
  const std::vector<std::string_view> texts = {a, b};
  EXPECT_EQ(RestoreMarks(A(), words, texts),
            (std::vector<std::string>{"nghị", "quyết", "trung", "ương"}));
  // Context decides: "nghỉ" occurs alone, "nghị" beside "quyết".
  const std::string c = "nghỉ nghỉ nghỉ. Nghị quyết.";
  const std::vector<std::string_view> one = {c};
  EXPECT_EQ(RestoreMarks(A(), {"nghi", "quyet"}, one), (std::vector<std::string>{"nghị", "quyết"}));
  // A word the texts never use stays as typed.
  EXPECT_EQ(RestoreMarks(A(), {"abc"}, one), (std::vector<std::string>{"abc"}));
}

TEST(RewriteQueryTest, ReplacesWordsAndKeepsEverythingElse) {
  const std::map<std::string, std::string> r = {{"xay", "xây"}, {"dung", "dựng"}, {"dang", "đảng"}};
  EXPECT_EQ(RewriteQuery(A(), "xay dung dang", r), "xây dựng đảng");
  EXPECT_EQ(RewriteQuery(A(), "Xay dung Dang", r), "Xây dựng Đảng");  // capitals kept
  EXPECT_EQ(RewriteQuery(A(), "\"xay dung\" -dang loai:NQ", r), "\"xây dựng\" -đảng loai:NQ");
  EXPECT_EQ(RewriteQuery(A(), "khong doi", r), "khong doi");
}

}  // namespace
}  // namespace vankien::search
