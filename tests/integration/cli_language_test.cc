// The `vankien` binary speaks the user's language: under LANG=vi_VN.UTF-8 (a locale this
// machine need not have generated) its summaries, headings and errors are Vietnamese, with
// dd/mm/yyyy dates and 32.282-style counts; under LANG=C they are English, with right plurals.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/paths.h"

namespace vankien {
namespace {

using test_support::Quote;
using test_support::RunCommand;
using test_support::TempDir;

const std::string kCorpus = std::string(VANKIEN_SOURCE_DIR) + "/corpus";

// English words of vankien's own messages; none may reach a Vietnamese user. (The corpus is
// Vietnamese, so its text does not contain them.)
const char* const kEnglishWords[] = {  // NOLINT: a table
    "document",  "match",    "showing",   "archive", "the registry", "cites",     "Cited",   "indexed",
    "problem",   "Contents", "Unresolved", "untitled", "score",   "note:",    "Catalogue", "mention",
    "database:", "never",    "unchanged", "skipped", "normalized", "tokens:", "title:",  "Did you",
    "citation",  "identified", "built in",  "no query", "wrote",
};

class CliLanguageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    db_ = *tmp_ / "db";
    index_vi_ = RunCommand(Vk("vi_VN.UTF-8", "index --db " + Quote(db_) + " " + Quote(kCorpus) + " 2>&1"));
  }
  static void TearDownTestSuite() { delete tmp_; }

  // The command line for `args` run with LANG=`lang` and no other locale variable.
  static std::string Vk(const std::string& lang, const std::string& args) {
    return "env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u VANKIEN_LOCALEDIR LANG=" + lang + " " +
           test_support::VankienBinary() + " " + args;
  }
  static std::string Run(const std::string& lang, const std::string& args) {
    return RunCommand(Vk(lang, args + " 2>&1")).out;
  }
  static void ExpectNoEnglish(const std::string& out, const std::string& what) {
    for (const char* word : kEnglishWords) {
      EXPECT_EQ(out.find(word), std::string::npos) << what << ": English \"" << word << "\" in:\n" << out;
    }
  }

  static TempDir* tmp_;
  static std::string db_;
  static test_support::CommandResult index_vi_;
};
TempDir* CliLanguageTest::tmp_ = nullptr;
std::string CliLanguageTest::db_;
test_support::CommandResult CliLanguageTest::index_vi_;

TEST_F(CliLanguageTest, VietnameseEverywhereUnderAVietnameseLocale) {
  ASSERT_EQ(index_vi_.exit_code, 0) << index_vi_.out;
  EXPECT_NE(index_vi_.out.find("đã lập chỉ mục"), std::string::npos) << index_vi_.out;
  EXPECT_NE(index_vi_.out.find("bỏ qua 3 tệp"), std::string::npos) << index_vi_.out;
  ExpectNoEnglish(index_vi_.out, "index");
  const std::string db = " --db " + Quote(db_);

  const std::string search = Run("vi_VN.UTF-8", "search" + db + " xây dựng đảng -n 3");
  EXPECT_NE(search.find("văn bản khớp với \"xây dựng đảng\"; hiển thị 1–3"), std::string::npos) << search;
  EXPECT_NE(search.find("điểm "), std::string::npos) << search;
  ExpectNoEnglish(search, "search");
  // Dates as 18/05/2024, not ISO.
  const std::string listed = Run("vi_VN.UTF-8", "search" + db + " --type NQ --term XIII --sort newest");
  EXPECT_NE(listed.find("văn bản khớp với bộ lọc"), std::string::npos) << listed;
  EXPECT_NE(listed.find("18/05/2024"), std::string::npos) << listed;
  EXPECT_EQ(listed.find("2024-05-18"), std::string::npos) << listed;
  ExpectNoEnglish(listed, "search by filters");
  const std::string none = Run("vi_VN.UTF-8", "search" + db + " zzqqxxy --no-suggest");
  EXPECT_NE(none.find("Không tìm thấy văn bản nào"), std::string::npos) << none;
  ExpectNoEnglish(none, "search, no match");
  ExpectNoEnglish(Run("vi_VN.UTF-8", "search" + db), "search without a query");

  const std::string ref = Run("vi_VN.UTF-8", "ref" + db + " 21-NQ/TW");
  EXPECT_NE(ref.find("văn bản trích dẫn văn bản này"), std::string::npos) << ref;
  EXPECT_NE(ref.find("16/06/2022"), std::string::npos) << ref;
  ExpectNoEnglish(ref, "ref");
  const std::string plenum = Run("vi_VN.UTF-8", "ref" + db + " \"Nghị quyết Trung ương 4 khóa XII\"");
  EXPECT_EQ(plenum.find("HNTW"), std::string::npos) << "internal keys stay internal:\n" << plenum;
  ExpectNoEnglish(plenum, "ref of a plenum");

  const std::string stats = Run("vi_VN.UTF-8", "stats" + db);
  EXPECT_NE(stats.find("số văn bản:"), std::string::npos) << stats;
  ExpectNoEnglish(stats, "stats");
  ExpectNoEnglish(Run("vi_VN.UTF-8", "analyze Nghị quyết"), "analyze");

  const std::string md = Run("vi_VN.UTF-8", "catalog -q" + db);
  EXPECT_NE(md.find("## Mục lục"), std::string::npos) << md.substr(0, 400);
  EXPECT_NE(md.find("Trích dẫn chưa xác định được"), std::string::npos);
  EXPECT_EQ(md.find("@XIII"), std::string::npos) << "keys are shown as \"21-NQ/TW (khóa XIII)\"";
  ExpectNoEnglish(md, "catalog");
  const std::string html_path = *tmp_ / "catalogue.html";
  const std::string summary = Run("vi_VN.UTF-8", "catalog --format html" + db + " -o " + Quote(html_path));
  EXPECT_NE(summary.find("đã ghi"), std::string::npos) << summary;
  ExpectNoEnglish(summary, "catalog summary");
  std::ifstream in(html_path);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_NE(html.str().find("<html lang=\"vi\">"), std::string::npos);
  ExpectNoEnglish(html.str(), "catalog html");
}

TEST_F(CliLanguageTest, EnglishInTheCLocaleWithRightPlurals) {
  const std::string db = " --db " + Quote(db_);
  const std::string search = Run("C", "search" + db + " xây dựng đảng -n 3");
  EXPECT_NE(search.find(" documents match \"xây dựng đảng\"; showing 1–3:"), std::string::npos) << search;
  const std::string ref = Run("C", "ref" + db + " 21-NQ/TW");
  EXPECT_NE(ref.find("\n1 document cites it.\n"), std::string::npos) << ref;
  EXPECT_NE(ref.find("The archive does not hold the document itself."), std::string::npos) << ref;
  EXPECT_NE(ref.find("2022-06-16"), std::string::npos) << "ISO dates in English:\n" << ref;
  const std::string one = Run("C", "search" + db + " --type NQ --term XIII --from 2024-05-01");
  EXPECT_NE(one.find("1 document matches the filters"), std::string::npos) << one;
  // Unset, LANG=C.UTF-8 and an English locale are English too.
  EXPECT_NE(Run("C.UTF-8", "stats" + db).find("documents:"), std::string::npos);
  EXPECT_NE(Run("en_US.UTF-8", "stats" + db).find("documents:"), std::string::npos);
}

TEST_F(CliLanguageTest, LanguageVariableAndCatalogueFromTheInstallDir) {
  const std::string db = " --db " + Quote(db_);
  // LANGUAGE picks Vietnamese over an English locale, as in GNU gettext.
  const std::string vi = RunCommand("env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 LANGUAGE=vi " +
                                    test_support::VankienBinary() + " stats" + db).out;
  EXPECT_NE(vi.find("số văn bản:"), std::string::npos) << vi;
  // An installed layout: PREFIX/bin/vankien reads PREFIX/share/locale/vi/LC_MESSAGES/vankien.mo
  // before the build tree's. The installed catalogue here says something the real one does not.
  const std::string prefix = *tmp_ / "prefix";
  const std::string po = *tmp_ / "installed.po";
  std::ofstream(po) << "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgid \"documents:     {1}\"\nmsgstr \"ĐÃ CÀI ĐẶT {1}\"\n";
  ASSERT_EQ(RunCommand("mkdir -p " + Quote(prefix + "/bin") + " " + Quote(prefix + "/share/locale/vi/LC_MESSAGES") +
                       " && cp " + Quote(test_support::VankienBinary()) + " " + Quote(prefix + "/bin/") +
                       " && msgfmt -o " + Quote(prefix + "/share/locale/vi/LC_MESSAGES/vankien.mo") + " " + Quote(po))
                .exit_code,
            0);
  const std::string installed = RunCommand("env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=vi_VN.UTF-8 " +
                                           Quote(prefix + "/bin/vankien") + " stats" + db).out;
  EXPECT_NE(installed.find("ĐÃ CÀI ĐẶT 17"), std::string::npos) << installed;
}

}  // namespace
}  // namespace vankien
