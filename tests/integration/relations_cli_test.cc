// Relations end to end through the CLI: three decrees written here — B replaces A, C amends B
// — indexed, then `show --json`, `search --status`, the relation fields and `ref`.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/paths.h"

namespace vankien {
namespace {

using test_support::Quote;
using test_support::RunCommand;
using test_support::TempDir;

std::string Vk(const std::string& args) { return test_support::VankienBinary() + " " + args; }

const char kHeader[] = "CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------\tĐộc lập - Tự do - Hạnh phúc\n";

const char kA[] = "Số: 801/2020/NĐ-CP\tHà Nội, ngày 10 tháng 3 năm 2020\n\nNGHỊ ĐỊNH\nVề lưu trữ hồ sơ điện tử\n\n"
                  "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
                  "Chính phủ ban hành Nghị định về lưu trữ hồ sơ điện tử.\n\n"
                  "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc lưu trữ hồ sơ điện tử.\n\n"
                  "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2020.\n";
const char kB[] = "Số: 802/2023/NĐ-CP\tHà Nội, ngày 15 tháng 5 năm 2023\n\nNGHỊ ĐỊNH\nVề lưu trữ và khai thác hồ sơ điện tử\n\n"
                  "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
                  "Chính phủ ban hành Nghị định về lưu trữ và khai thác hồ sơ điện tử.\n\n"
                  "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc lưu trữ và khai thác hồ sơ điện tử.\n\n"
                  "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2023 và "
                  "thay thế Nghị định số 801/2020/NĐ-CP ngày 10 tháng 3 năm 2020 của Chính phủ về lưu trữ hồ sơ điện tử.\n";
const char kC[] = "Số: 803/2025/NĐ-CP\tHà Nội, ngày 20 tháng 2 năm 2025\n\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của "
                  "Nghị định số 802/2023/NĐ-CP ngày 15 tháng 5 năm 2023 của Chính phủ về lưu trữ và khai thác hồ sơ điện tử\n\n"
                  "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
                  "Điều 1. Sửa đổi, bổ sung Điều 1 của Nghị định số 802/2023/NĐ-CP\n"
                  "Điều 1 được sửa đổi như sau: quy định việc lưu trữ, khai thác và chia sẻ hồ sơ điện tử.\n\n"
                  "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 4 năm 2025.\n";

class RelationsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    const std::filesystem::path docs = tmp_->path() / "docs";
    std::filesystem::create_directories(docs);
    for (auto [name, body] : {std::pair{"a.txt", kA}, std::pair{"b.txt", kB}, std::pair{"c.txt", kC}}) {
      std::ofstream(docs / name) << kHeader << body;
    }
    db_ = *tmp_ / "db";
    const auto r = RunCommand(Vk("index -q --db " + Quote(db_) + " " + Quote(docs.string()) + " 2>&1"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() { delete tmp_; }

  static nlohmann::json Json(const std::string& args) {
    const auto r = RunCommand(Vk(args + " --db " + Quote(db_)));
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  static std::vector<std::string> Ids(const nlohmann::json& search) {
    std::vector<std::string> ids;
    for (const auto& h : search["hits"]) ids.push_back(h["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static TempDir* tmp_;
  static std::string db_;
};
TempDir* RelationsCliTest::tmp_ = nullptr;
std::string RelationsCliTest::db_;

TEST_F(RelationsCliTest, ShowSaysAIsReplacedByBWithBsSentence) {
  const auto a = Json("show --json a.txt");
  EXPECT_EQ(a["symbol"], "801/2020/NĐ-CP");
  EXPECT_EQ(a["status"], "replaced");
  EXPECT_EQ(a["effective_from"], "2020-05-01");
  ASSERT_EQ(a["evidence"].size(), 1u) << a.dump(2);
  EXPECT_EQ(a["evidence"][0]["id"], "b.txt");
  EXPECT_EQ(a["evidence"][0]["symbol"], "802/2023/NĐ-CP");
  const std::string sentence = a["evidence"][0]["sentence"];
  EXPECT_NE(sentence.find("thay thế Nghị định số 801/2020/NĐ-CP"), std::string::npos) << sentence;
  EXPECT_NE(a["status_note"].get<std::string>().find("802/2023/NĐ-CP"), std::string::npos);
}

TEST_F(RelationsCliTest, ShowSaysBIsAmendedByCAndReplacesA) {
  const auto b = Json("show --json b.txt");
  EXPECT_EQ(b["status"], "amended");
  ASSERT_EQ(b["evidence"].size(), 1u) << b.dump(2);
  EXPECT_EQ(b["evidence"][0]["id"], "c.txt");
  EXPECT_EQ(b["evidence"][0]["type"], "amends");
  bool replaces_a = false;
  for (const auto& r : b["relations"]) replaces_a |= r["type"] == "replaces" && r["target"] == "801/2020/NĐ-CP";
  EXPECT_TRUE(replaces_a) << b["relations"].dump();
  EXPECT_EQ(b["outgoing"].size(), b["relations"].size());
  const auto c = Json("show --json c.txt");
  EXPECT_EQ(c["status"], "in-force");
  EXPECT_TRUE(c["incoming"].empty());
}

TEST_F(RelationsCliTest, SearchByStatusAndByRelation) {
  EXPECT_EQ(Ids(Json("search --json --status replaced ''")), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(Ids(Json("search --json --status amended ''")), std::vector<std::string>{"b.txt"});
  EXPECT_EQ(Ids(Json("search --json --status in-force ''")), std::vector<std::string>{"c.txt"});
  EXPECT_TRUE(Ids(Json("search --json --status repealed ''")).empty());
  // "What replaces A", "what amends B", in the query language.
  EXPECT_EQ(Ids(Json("search --json 'thaythe:801/2020/NĐ-CP'")), std::vector<std::string>{"b.txt"});
  EXPECT_EQ(Ids(Json("search --json 'suadoi:802/2023/NĐ-CP'")), std::vector<std::string>{"c.txt"});
  EXPECT_EQ(Ids(Json("search --json 'hieuluc:replaced hồ sơ'")), std::vector<std::string>{"a.txt"});
  const auto bad = RunCommand(Vk("search --status maybe x --db " + Quote(db_) + " 2>&1"));
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("in-force"), std::string::npos) << bad.out;
}

TEST_F(RelationsCliTest, RefShowsTheNumbersStatus) {
  const auto r = Json("ref --json 801/2020/NĐ-CP");
  EXPECT_EQ(r["status"], "replaced");
  ASSERT_FALSE(r["incoming"].empty());
  EXPECT_EQ(r["incoming"][0]["id"], "b.txt");
}

}  // namespace
}  // namespace vankien
