// refs/key.h: document keys as the recognizer, the writer, the catalogue and the archive
// generator all compute them.
#include "indexer/refs/key.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "indexer/refs/mention.h"

namespace vankien::refs {
namespace {

TEST(DocumentKeyTest, Cases) {
  const struct {
    const char *symbol, *term, *date, *key;
  } kCases[] = {
      // Party: the term given, else the one in force on the date, else the year.
      {"21-NQ/TW", "XIII", "2022-06-16", "21-NQ/TW@XIII"},
      {"21-NQ/TW", "XIII", "", "21-NQ/TW@XIII"},
      {"21-NQ/TW", "", "2017-10-25", "21-NQ/TW@XII"},
      {"21-NQ/TW", "", "2022", "21-NQ/TW@XIII"},
      {"21-NQ/TW", "", "2021", "21-NQ/TW@2021"},  // 2021 straddles the XIII congress
      {"21-NQ/TW", "", "2021-02-01", "21-NQ/TW@XIII"},
      {"21-NQ/TW", "", "", "21-NQ/TW"},
      // State: a symbol that shows its year is its own key; others take the year.
      {"30/2020/NĐ-CP", "", "2020-03-05", "30/2020/NĐ-CP"},
      {"59/2020/QH14", "", "2020-06-17", "59/2020/QH14"},
      {"38/QH12", "", "2009", "38/QH12@2009"},
      {"749/QĐ-TTg", "", "2020-06-03", "749/QĐ-TTg@2020"},
      {"3546/UBND-VP", "", "2021-01-02", "3546/UBND-VP@2021"},
      {"749/QĐ-TTg", "", "", "749/QĐ-TTg"},
      {"749/QĐ-TTg", "", "20", "749/QĐ-TTg"},
      // Descriptive keys and "" are their own keys.
      {"NQ/TW/HNTW4/XII", "", "2017-01-01", "NQ/TW/HNTW4/XII"},
      {"NQ/ĐH/XIII", "", "2021", "NQ/ĐH/XIII"},
      {"", "XIII", "2022", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(DocumentKey(c.symbol, c.term, c.date), c.key) << c.symbol << " " << c.term << " " << c.date;
  }
}

Mention Numbered(System system, std::string type, std::string number, std::string issuer) {
  Mention m;
  m.system = system;
  m.type = std::move(type);
  m.number = std::move(number);
  m.issuer = std::move(issuer);
  return m;
}

TEST(DocumentKeyTest, MentionKeyIsTheDocumentKeyOfWhatTheTextGave) {
  Mention party = Numbered(System::kParty, "NQ", "21", "TW");
  EXPECT_EQ(party.Key(), "21-NQ/TW");
  party.year = 2017;  // a date beside it: the term in force then
  EXPECT_EQ(party.Key(), "21-NQ/TW@XII");
  party.date = "2017-10-25";
  EXPECT_EQ(party.Key(), DocumentKey("21-NQ/TW", "", "2017-10-25"));
  party.term = "XIII";  // the term the text says wins
  EXPECT_EQ(party.Key(), "21-NQ/TW@XIII");

  Mention state = Numbered(System::kState, "QĐ", "749", "TTg");
  state.year = 2023;
  state.date = "2020-06-03";  // another year's date: the year the text gives wins
  EXPECT_EQ(state.Key(), "749/QĐ-TTg@2023");
  state.symbol_year = 2023;
  EXPECT_EQ(state.Canonical(), "749/2023/QĐ-TTg");
  EXPECT_EQ(state.Key(), "749/2023/QĐ-TTg");
}

TEST(SplitKeyTest, SymbolAndSuffix) {
  EXPECT_EQ(SplitKey("21-NQ/TW@XIII").symbol, "21-NQ/TW");
  EXPECT_EQ(SplitKey("21-NQ/TW@XIII").suffix, "XIII");
  EXPECT_EQ(SplitKey("749/QĐ-TTg@2023").suffix, "2023");
  EXPECT_EQ(SplitKey("30/2020/NĐ-CP").symbol, "30/2020/NĐ-CP");
  EXPECT_EQ(SplitKey("30/2020/NĐ-CP").suffix, "");
  EXPECT_EQ(SplitKey("").symbol, "");
  // Round trip: a key splits into the symbol it was built from.
  const std::string key = DocumentKey("21-NQ/TW", "", "2022-06-16");
  EXPECT_EQ(SplitKey(key).symbol, "21-NQ/TW");
  EXPECT_EQ(SplitKey(key).suffix, "XIII");
}

}  // namespace
}  // namespace vankien::refs
