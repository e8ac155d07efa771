// Tone placement and i/y rules on single syllables, both styles. Expected values are the
// spellings of the 2018 MOET rule (new) and the traditional placement (old).
#include "indexer/text/syllable.h"

#include <gtest/gtest.h>

#include <string>

#include "indexer/text/char_table.h"

namespace vankien::text {
namespace {

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

const CharTable& Table() {
  static const CharTable* table = new CharTable();
  return *table;
}

std::string Place(std::u32string s, ToneStyle style) {
  PlaceTone(Table(), style, &s);
  return Utf8(s);
}

struct PlacementCase {
  std::u32string input;
  std::string new_style;
  std::string old_style;
};

// Every nucleus shape: open oa/oe/uy differ between styles, everything else agrees.
const PlacementCase kPlacement[] = {
    {U"hòa", "hoà", "hòa"},       {U"hoà", "hoà", "hòa"},       {U"khỏe", "khoẻ", "khỏe"},
    {U"khoẻ", "khoẻ", "khỏe"},     {U"thủy", "thuỷ", "thủy"},     {U"thuỷ", "thuỷ", "thủy"},
    {U"tòa", "toà", "tòa"},       {U"ủy", "uỷ", "ủy"},           {U"HÒA", "HOÀ", "HÒA"},
    {U"Thủy", "Thuỷ", "Thủy"},     {U"họa", "hoạ", "họa"},       {U"hoàn", "hoàn", "hoàn"},
    {U"hòan", "hoàn", "hoàn"},     {U"khoét", "khoét", "khoét"}, {U"húyt", "huýt", "huýt"},
    {U"quý", "quý", "quý"},       {U"qúy", "quý", "quý"},       {U"quả", "quả", "quả"},
    {U"qủa", "quả", "quả"},       {U"già", "già", "già"},       {U"gìa", "già", "già"},
    {U"giữ", "giữ", "giữ"},       {U"gìn", "gìn", "gìn"},       {U"bìa", "bìa", "bìa"},
    {U"biả", "bỉa", "bỉa"},       {U"lúa", "lúa", "lúa"},       {U"lửa", "lửa", "lửa"},
    {U"được", "được", "được"},     {U"đựơc", "được", "được"},     {U"thuộc", "thuộc", "thuộc"},
    {U"biển", "biển", "biển"},     {U"yến", "yến", "yến"},       {U"quyết", "quyết", "quyết"},
    {U"tuyển", "tuyển", "tuyển"},  {U"tuấn", "tuấn", "tuấn"},     {U"hoặc", "hoặc", "hoặc"},
    {U"cứu", "cứu", "cứu"},       {U"ngoài", "ngoài", "ngoài"}, {U"ngòai", "ngoài", "ngoài"},
    {U"xoáy", "xoáy", "xoáy"},     {U"khuỷu", "khuỷu", "khuỷu"},   {U"ngoẹo", "ngoẹo", "ngoẹo"},
    {U"tài", "tài", "tài"},       {U"taì", "tài", "tài"},       {U"cháo", "cháo", "cháo"},
    {U"máu", "máu", "máu"},       {U"tay", "tay", "tay"},       {U"kéo", "kéo", "kéo"},
    {U"chịu", "chịu", "chịu"},     {U"tối", "tối", "tối"},       {U"mới", "mới", "mới"},
    {U"túi", "túi", "túi"},       {U"người", "người", "người"}, {U"thuở", "thuở", "thuở"},
    {U"huệ", "huệ", "huệ"},       {U"café", "café", "café"},   {U"résumé", "résumé", "résumé"},
    {U"Đảng", "Đảng", "Đảng"},     {U"QUỐC", "QUỐC", "QUỐC"},   {U"khỏang", "khoảng", "khoảng"},
};

TEST(PlaceToneTest, EveryNucleusInBothStyles) {
  for (const auto& c : kPlacement) {
    SCOPED_TRACE(Utf8(c.input));
    EXPECT_EQ(Place(c.input, ToneStyle::kNew), c.new_style);
    EXPECT_EQ(Place(c.input, ToneStyle::kOld), c.old_style);
  }
}

TEST(PlaceToneTest, LeavesMalformedSyllablesAlone) {
  // Two tone marks, too long, or a non-letter: unchanged.
  EXPECT_EQ(Place(U"hóà", ToneStyle::kNew), "hóà");
  EXPECT_EQ(Place(U"nghiêngggg", ToneStyle::kNew), "nghiêngggg");
  EXPECT_EQ(Place(U"h1òa", ToneStyle::kNew), "h1òa");
  EXPECT_EQ(Place(U"", ToneStyle::kNew), "");
}

std::string Iy(std::u32string s) {
  CanonicalizeIY(Table(), &s);
  return Utf8(s);
}

TEST(CanonicalizeIYTest, MergesVariantsOfTheSameWord) {
  EXPECT_EQ(Iy(U"kĩ"), "kỹ");
  EXPECT_EQ(Iy(U"kỹ"), "kỹ");
  EXPECT_EQ(Iy(U"lí"), "lý");
  EXPECT_EQ(Iy(U"mĩ"), "mỹ");
  EXPECT_EQ(Iy(U"kì"), "kỳ");
  EXPECT_EQ(Iy(U"quí"), "quý");
  EXPECT_EQ(Iy(U"qui"), "quy");
  EXPECT_EQ(Iy(U"sĩ"), "sỹ");
  EXPECT_EQ(Iy(U"tỉ"), "tỷ");
  EXPECT_EQ(Iy(U"hi"), "hy");
}

TEST(CanonicalizeIYTest, KeepsDifferentWordsApart) {
  EXPECT_EQ(Iy(U"thi"), "thi");  // exam, not the name Thy
  EXPECT_EQ(Iy(U"vi"), "vi");
  EXPECT_EQ(Iy(U"di"), "di");
  EXPECT_EQ(Iy(U"tin"), "tin");
  EXPECT_EQ(Iy(U"tuy"), "tuy");
  EXPECT_EQ(Iy(U"kinh"), "kinh");
  EXPECT_EQ(Iy(U"ý"), "ý");
  EXPECT_EQ(Iy(U"i"), "i");
}

}  // namespace
}  // namespace vankien::text
