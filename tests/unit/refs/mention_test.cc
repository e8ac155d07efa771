// Tests for indexer/refs/mention.h: canonical symbols and keys of every reference form, Party
// terms from dates (congress boundaries, partial dates), and Roman numerals. Expectations are
// derived by hand from the numbering rules (36-HD/VPTW, NĐ 30/2020) and the congress dates.
#include "indexer/refs/mention.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace vankien::refs {
namespace {

// Shorthand builders; each sets only what a recognizer would set for that form.
Mention Party(std::string number, std::string type, std::string issuer) {
  Mention m;
  m.system = System::kParty;
  m.number = std::move(number);
  m.type = std::move(type);
  m.issuer = std::move(issuer);
  return m;
}

Mention State(std::string number, std::optional<int> year, std::string type, std::string issuer,
              std::string unit = "") {
  Mention m;
  m.system = System::kState;
  m.number = std::move(number);
  m.year = m.symbol_year = year;  // a year written in the symbol
  m.type = std::move(type);
  m.issuer = std::move(issuer);
  m.unit = std::move(unit);
  return m;
}

struct CanonicalCase {
  const char* name;
  Mention mention;
  const char* expected;
};

TEST(MentionTest, CanonicalNumberedForms) {
  Mention unknown = Party("21", "NQ", "TW");
  unknown.system = System::kUnknown;
  const std::vector<CanonicalCase> cases = {
      {"party padded", Party("5", "CT", "TW"), "05-CT/TW"},
      {"party two digits", Party("21", "NQ", "TW"), "21-NQ/TW"},
      {"party three digits", Party("100", "KL", "TW"), "100-KL/TW"},
      {"party QĐi", Party("8", "QĐi", "TW"), "08-QĐi/TW"},
      {"party joint issuers", Party("5", "QC", "BTCTU-BDVTU"), "05-QC/BTCTU-BDVTU"},
      {"party number with zeros", Party("005", "CT", "TW"), "05-CT/TW"},
      {"party number with letter", Party("5a", "NQ", "TW"), "5a-NQ/TW"},
      {"party công văn", Party("8011", "CV", "BTCTW"), "8011-CV/BTCTW"},
      {"unknown system like party", unknown, "21-NQ/TW"},
      {"state with year", State("30", 2020, "NĐ", "CP"), "30/2020/NĐ-CP"},
      {"state with year padded", State("1", 2021, "NĐ", "CP"), "01/2021/NĐ-CP"},
      {"state joint issuers", State("55", 2005, "TTLT", "BNV-VPCP"), "55/2005/TTLT-BNV-VPCP"},
      {"law", State("59", 2020, "L", "QH14"), "59/2020/QH14"},
      {"standing committee", State("351", 2017, "NQ", "UBTVQH14"), "351/2017/UBTVQH14"},
      {"state without year", State("749", std::nullopt, "QĐ", "TTg"), "749/QĐ-TTg"},
      {"state without year padded", State("1", std::nullopt, "NQ", "CP"), "01/NQ-CP"},
      {"công văn with unit", State("3546", std::nullopt, "CV", "UBND", "VP"), "3546/UBND-VP"},
      {"công văn without unit", State("12", std::nullopt, "CV", "BNV"), "12/BNV"},
      {"công văn ignores year", State("3546", 2023, "CV", "UBND", "VP"), "3546/UBND-VP"},
  };
  for (const CanonicalCase& c : cases) {
    EXPECT_EQ(c.mention.Canonical(), c.expected) << c.name;
  }
}

TEST(MentionTest, CanonicalEmptyWhenPartsAreMissing) {
  EXPECT_EQ(Party("21", "NQ", "").Canonical(), "") << "number without issuer";
  EXPECT_EQ(State("30", 2020, "NĐ", "").Canonical(), "") << "state number without issuer";
  EXPECT_EQ(Party("", "NQ", "TW").Canonical(), "") << "no number, plenum or congress";
  EXPECT_EQ(Party("21", "", "TW").Canonical(), "") << "no type";
  EXPECT_EQ(State("30", 2020, "", "CP").Canonical(), "") << "state without type";
  EXPECT_EQ(Mention().Canonical(), "");
}

TEST(MentionTest, CanonicalPlenumAndCongress) {
  Mention plenum = Party("", "NQ", "");
  plenum.plenum = 4;
  plenum.term = "XII";
  EXPECT_EQ(plenum.Canonical(), "NQ/TW/HNTW4/XII");
  plenum.issuer = "TW";
  EXPECT_EQ(plenum.Canonical(), "NQ/TW/HNTW4/XII");
  plenum.term = "";
  EXPECT_EQ(plenum.Canonical(), "NQ/TW/HNTW4") << "term not stated";

  Mention congress = Party("", "NQ", "");
  congress.congress = "XIII";
  EXPECT_EQ(congress.Canonical(), "NQ/ĐH/XIII");
  congress.local_congress = true;
  EXPECT_EQ(congress.Canonical(), "") << "a provincial congress is not identifiable";
}

TEST(MentionTest, KeyUsesStatedTerm) {
  Mention m = Party("21", "NQ", "TW");
  m.term = "XIII";
  EXPECT_EQ(m.Key(), "21-NQ/TW@XIII");
  m.date = "2017-10-25";  // the stated term wins over the date
  EXPECT_EQ(m.Key(), "21-NQ/TW@XIII");
}

TEST(MentionTest, KeyDerivesTermFromDate) {
  Mention m = Party("21", "NQ", "TW");
  m.date = "2022-06-16";
  m.year = 2022;
  EXPECT_EQ(m.Key(), "21-NQ/TW@XIII");
  m.date = "2017-10-25";
  m.year = 2017;
  EXPECT_EQ(m.Key(), "21-NQ/TW@XII");
  m.date = "2026-01-23";  // closing day of congress XIV belongs to the new term
  m.year = 2026;
  EXPECT_EQ(m.Key(), "21-NQ/TW@XIV");
}

TEST(MentionTest, KeyFromYearOnlyWhenTheYearHasOneTerm) {
  Mention m = Party("21", "NQ", "TW");
  m.year = 2017;
  EXPECT_EQ(m.Key(), "21-NQ/TW@XII");
  m.year = 2021;  // congress XIII closed 2021-02-01: the year straddles two terms
  EXPECT_EQ(m.Key(), "21-NQ/TW@2021");
  m.year = 1932;  // before the first term
  EXPECT_EQ(m.Key(), "21-NQ/TW@1932");
  m.year.reset();
  EXPECT_EQ(m.Key(), "21-NQ/TW");
}

TEST(MentionTest, KeyOfStateSymbols) {
  Mention decree = State("30", 2020, "NĐ", "CP");
  EXPECT_EQ(decree.Key(), "30/2020/NĐ-CP") << "the year is already in the symbol";
  decree.date = "2020-03-05";
  EXPECT_EQ(decree.Key(), "30/2020/NĐ-CP");

  Mention decision = State("749", std::nullopt, "QĐ", "TTg");
  EXPECT_EQ(decision.Key(), "749/QĐ-TTg");
  decision.date = "2014-06-09";  // numbers restart every calendar year
  EXPECT_EQ(decision.Key(), "749/QĐ-TTg@2014");

  Mention cv = State("3546", 2023, "CV", "UBND", "VP");
  EXPECT_EQ(cv.Key(), "3546/UBND-VP@2023");
}

TEST(MentionTest, KeyOfUnnumberedEqualsCanonical) {
  Mention plenum = Party("", "NQ", "");
  plenum.plenum = 4;
  plenum.term = "XII";
  EXPECT_EQ(plenum.Key(), "NQ/TW/HNTW4/XII");
  Mention empty;
  EXPECT_EQ(empty.Key(), "");
}

TEST(PartyTermOnTest, CongressBoundaries) {
  struct Case {
    const char* date;
    const char* term;
  };
  const std::vector<Case> cases = {
      {"1930-02-03", ""},     {"1935-03-30", ""},     {"1935-03-31", "I"},   {"1951-02-18", "I"},
      {"1951-02-19", "II"},   {"1960-09-10", "III"},  {"1976-12-19", "III"}, {"1976-12-20", "IV"},
      {"1982-03-31", "V"},    {"1986-12-18", "VI"},   {"1991-06-27", "VII"}, {"1996-07-01", "VIII"},
      {"2001-04-21", "VIII"}, {"2001-04-22", "IX"},   {"2006-04-25", "X"},   {"2011-01-18", "X"},
      {"2011-01-19", "XI"},   {"2016-01-27", "XI"},   {"2016-01-28", "XII"}, {"2021-01-31", "XII"},
      {"2021-02-01", "XIII"}, {"2026-01-22", "XIII"}, {"2026-01-23", "XIV"}, {"2028-06-30", "XIV"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(PartyTermOn(c.date), c.term) << c.date;
  }
}

TEST(PartyTermOnTest, PartialDatesOnlyWhenUnambiguous) {
  EXPECT_EQ(PartyTermOn("2017"), "XII");
  EXPECT_EQ(PartyTermOn("2021"), "") << "XII until 1 Feb, XIII after";
  EXPECT_EQ(PartyTermOn("2016"), "");
  EXPECT_EQ(PartyTermOn("1935"), "") << "term I began on 31 March";
  EXPECT_EQ(PartyTermOn("1936"), "I");
  EXPECT_EQ(PartyTermOn("2016-01"), "");
  EXPECT_EQ(PartyTermOn("2016-02"), "XII");
  EXPECT_EQ(PartyTermOn("2021-02"), "XIII");
  EXPECT_EQ(PartyTermOn("2021-01"), "XII");
}

TEST(PartyTermOnTest, InvalidOrUnknownDates) {
  for (const char* date : {"", "abcd", "17", "2017-13", "2017-00", "2017-02-30", "2017-1-5",
                           "2017/10/25", "2017-10-25x", "1900-01-01", "2099-01-01"}) {
    EXPECT_EQ(PartyTermOn(date), "") << date;
  }
  EXPECT_EQ(PartyTermOn("2024-02-29"), "XIII") << "leap day";
}

TEST(RomanTest, KnownValues) {
  EXPECT_EQ(ToRoman(1), "I");
  EXPECT_EQ(ToRoman(4), "IV");
  EXPECT_EQ(ToRoman(9), "IX");
  EXPECT_EQ(ToRoman(12), "XII");
  EXPECT_EQ(ToRoman(14), "XIV");
  EXPECT_EQ(ToRoman(38), "XXXVIII");
  EXPECT_EQ(ToRoman(39), "XXXIX");
  EXPECT_EQ(ToRoman(0), "");
  EXPECT_EQ(ToRoman(40), "");
  EXPECT_EQ(ToRoman(-3), "");
}

TEST(RomanTest, RoundTripAndCaseInsensitive) {
  for (int n = 1; n <= 39; ++n) {
    EXPECT_EQ(FromRoman(ToRoman(n)), n) << n;
  }
  EXPECT_EQ(FromRoman("xii"), 12);
  EXPECT_EQ(FromRoman("Xiv"), 14);
}

TEST(RomanTest, InvalidNumerals) {
  for (const char* s : {"", "IIII", "VX", "IL", "XL", "XXXX", "ABC", "12", "X I", "XIIIIIIII"}) {
    EXPECT_EQ(FromRoman(s), 0) << s;
  }
}

TEST(SystemNameTest, Names) {
  EXPECT_EQ(SystemName(System::kParty), "party");
  EXPECT_EQ(SystemName(System::kState), "state");
  EXPECT_EQ(SystemName(System::kUnknown), "");
}

}  // namespace
}  // namespace vankien::refs
