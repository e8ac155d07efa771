// The message catalogue: language choice, Vietnamese from the compiled po/vi.po, English
// plurals, numbers, dates and displayed keys.
#include "indexer/base/i18n.h"

#include <gtest/gtest.h>

#include "search/display_key.h"

namespace vankien::i18n {
namespace {

TEST(LanguageTest, ChosenAsGettextChoosesIt) {
  const Language en = Language::kEnglish, vi = Language::kVietnamese;
  struct Case {
    const char *language, *lc_all, *lc_messages, *lang;
    Language want;
  } cases[] = {
      {nullptr, nullptr, nullptr, nullptr, en},
      {nullptr, nullptr, nullptr, "C", en},
      {nullptr, nullptr, nullptr, "C.UTF-8", en},
      {nullptr, nullptr, nullptr, "vi_VN.UTF-8", vi},
      {nullptr, nullptr, nullptr, "vi", vi},
      {nullptr, nullptr, nullptr, "en_US.UTF-8", en},
      {nullptr, "C", nullptr, "vi_VN.UTF-8", en},            // LC_ALL wins
      {nullptr, nullptr, "vi_VN.UTF-8", "en_US.UTF-8", vi},  // LC_MESSAGES before LANG
      {"vi:en", nullptr, nullptr, "en_US.UTF-8", vi},        // LANGUAGE before the locale
      {"fr:en", nullptr, nullptr, "vi_VN.UTF-8", en},
      {"vi", nullptr, nullptr, "C", en},                     // gettext ignores LANGUAGE in C
      {"", "", "", "vie_XX", en},                            // "vie" is not "vi"
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LanguageFrom(c.language, c.lc_all, c.lc_messages, c.lang), c.want)
        << (c.language ? c.language : "-") << " " << (c.lc_all ? c.lc_all : "-") << " "
        << (c.lc_messages ? c.lc_messages : "-") << " " << (c.lang ? c.lang : "-");
  }
}

TEST(LanguageTest, AcceptLanguage) {
  EXPECT_EQ(LanguageFromAcceptLanguage("en-US,en;q=0.9,vi;q=0.8", Language::kVietnamese), Language::kEnglish);
  EXPECT_EQ(LanguageFromAcceptLanguage("vi-VN,vi;q=0.9", Language::kEnglish), Language::kVietnamese);
  EXPECT_EQ(LanguageFromAcceptLanguage("fr, de", Language::kVietnamese), Language::kVietnamese);
  EXPECT_EQ(LanguageFromAcceptLanguage("", Language::kEnglish), Language::kEnglish);
}

TEST(CatalogueTest, VietnameseFromTheBuiltCatalogue) {
  ASSERT_TRUE(HasCatalogue(Language::kVietnamese))
      << "vi.mo not found in the build tree: the vankien_translations target did not run";
  EXPECT_EQ(Tr(Language::kVietnamese, "{1} (term {2})"), "{1} (khóa {2})");
  EXPECT_EQ(Tr(Language::kEnglish, "{1} (term {2})"), "{1} (term {2})");
  // A msgid the catalogue lacks comes back as it is.
  EXPECT_EQ(Tr(Language::kVietnamese, "no such message, surely"), "no such message, surely");
}

TEST(CatalogueTest, EnglishPlurals) {
  EXPECT_EQ(TrN(Language::kEnglish, "{1} document", "{1} documents", 1), "{1} document");
  EXPECT_EQ(TrN(Language::kEnglish, "{1} document", "{1} documents", 2), "{1} documents");
  EXPECT_EQ(TrN(Language::kEnglish, "{1} document", "{1} documents", 0), "{1} documents");
}

TEST(FormatTest, SubstNumbersDates) {
  EXPECT_EQ(Subst("{2} of {1}", {"a", "b"}), "b of a");
  EXPECT_EQ(Subst("{1} and {3}", {"x"}), "x and {3}");
  EXPECT_EQ(Subst("{x} {}", {"x"}), "{x} {}");
  EXPECT_EQ(Number(Language::kVietnamese, 32282), "32.282");
  EXPECT_EQ(Number(Language::kEnglish, 32282), "32,282");
  EXPECT_EQ(Number(Language::kVietnamese, 1234567), "1.234.567");
  EXPECT_EQ(Number(Language::kVietnamese, 999), "999");
  EXPECT_EQ(Number(Language::kVietnamese, 0), "0");
  EXPECT_EQ(Fixed(Language::kVietnamese, 6.0864, 3), "6,086");
  EXPECT_EQ(Fixed(Language::kEnglish, 6.0864, 3), "6.086");
  EXPECT_EQ(Fixed(Language::kVietnamese, 12.0, 0), "12");
  EXPECT_EQ(Date(Language::kVietnamese, "2024-05-18"), "18/05/2024");
  EXPECT_EQ(Date(Language::kVietnamese, "2024-05"), "05/2024");
  EXPECT_EQ(Date(Language::kVietnamese, "2024"), "2024");
  EXPECT_EQ(Date(Language::kVietnamese, "18/5/2024"), "18/5/2024");
  EXPECT_EQ(Date(Language::kEnglish, "2024-05-18"), "2024-05-18");
}

TEST(DisplayKeyTest, KeysAsPeopleWriteThem) {
  using search::DisplayKey;
  const Language vi = Language::kVietnamese;
  EXPECT_EQ(DisplayKey(vi, "21-NQ/TW@XIII"), "21-NQ/TW (khóa XIII)");
  EXPECT_EQ(DisplayKey(Language::kEnglish, "21-NQ/TW@XIII"), "21-NQ/TW (term XIII)");
  EXPECT_EQ(DisplayKey(vi, "01/NĐ-CP@2021"), "01/NĐ-CP (2021)");
  EXPECT_EQ(DisplayKey(vi, "59/2020/QH14"), "59/2020/QH14");
  EXPECT_EQ(DisplayKey(vi, "NQ/TW/HNTW4/XII"), "Nghị quyết Hội nghị Trung ương 4 (khóa XII)");
  EXPECT_EQ(DisplayKey(vi, "NQ/TW/HNTW4"), "Nghị quyết Hội nghị Trung ương 4");
  EXPECT_EQ(DisplayKey(vi, "NQ/ĐH/XIII"), "Nghị quyết Đại hội XIII");
  EXPECT_EQ(DisplayKey(vi, "plain"), "plain");
}

}  // namespace
}  // namespace vankien::i18n
