// `vankien catalog` end to end: the bundled corpus indexed into a temporary directory, its
// catalogue checked row by row against what the corpus files say (the counts below were made
// by reading the files: corpus/official, corpus/seeds, corpus/legacy, corpus/web and
// corpus/registry.tsv), then the output formats and errors a user meets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support/paths.h"

namespace vankien {
namespace {

using test_support::Quote;
using test_support::RunCommand;
using test_support::TempDir;

const std::string kCorpus = std::string(VANKIEN_SOURCE_DIR) + "/corpus";

std::string Vk(const std::string& args) { return test_support::VankienBinary() + " " + args; }

class CatalogCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    db_ = *tmp_ / "db";
    const auto r = RunCommand(Vk("index -q --db " + Quote(db_) + " " + Quote(kCorpus) + " 2>&1"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto c = RunCommand(Vk("catalog -q --json --top 10 --db " + Quote(db_)));
    ASSERT_EQ(c.exit_code, 0) << c.out;
    catalog_ = new nlohmann::json(nlohmann::json::parse(c.out));
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete tmp_;
  }

  static const nlohmann::json& Row(const std::string& key) {
    static const nlohmann::json kNone;
    for (const auto& e : (*catalog_)["entries"]) {
      if (e["key"] == key) return e;
    }
    ADD_FAILURE() << "no row " << key;
    return kNone;
  }
  // citing document id → mentions, from a row's top citers (all of them, with --top 10).
  static std::map<std::string, int> Citers(const nlohmann::json& row) {
    std::map<std::string, int> m;
    if (!row.is_object()) return m;
    for (const auto& c : row["top_citing"]) m[c["id"].get<std::string>()] = c["mentions"].get<int>();
    return m;
  }

  static TempDir* tmp_;
  static std::string db_;
  static nlohmann::json* catalog_;
};

TempDir* CatalogCliTest::tmp_ = nullptr;
std::string CatalogCliTest::db_;
nlohmann::json* CatalogCliTest::catalog_ = nullptr;

TEST_F(CatalogCliTest, EveryDocumentTheCorpusHoldsOrCitesHasOneRow) {
  // Held: the eleven official samples (corpus/official/README.md, corpus/legacy). Cited only:
  // what the seeds and samples name, Party numbers with the term their date or text gives.
  const std::set<std::string> expected = {
      "901-NQ/TW@XIII", "902-KL/TW@XIII", "903-CT/TW@XIII", "904-QĐ/TW@XIII", "905-NQ/TW@XIII",
      "906-CT/TW@XIII", "908-QĐ/TW@XIII", "909-KL/TW@XIII", "915/2024/NĐ-CP", "9916/QĐ-TTg@2024",
      "9917/QĐ-TTg@2024",
      // seeds/002 and /003 "Nghị quyết Trung ương 4" → 04-NQ/TW (khóa XII, registry);
      // "Chỉ thị 05 … của Bộ Chính trị"
      "04-NQ/TW@XII", "05-CT/TW@XII",
      // seeds/003: Kết luận số 06-KL/BTCTW, Chỉ thị số 35-CT/TW
      "06-KL/BTCTW", "35-CT/TW@XII",
      // seeds/000: 2045-QĐ/ĐUK ngày 06/3/2023, Quy định 96-QĐ/TW, 58-QĐ/TW
      "2045-QĐ/ĐUK@XIII", "96-QĐ/TW@XIII", "58-QĐ/TW@XIII",
      // seeds/001: 21-KL/TW, 21-NQ/TW (no term: two in the registry), 28-NQ/TW
      "21-KL/TW@XIII", "21-NQ/TW", "28-NQ/TW",
      // samples: Nghị định số 30/2020/NĐ-CP, Hướng dẫn số 36-HD/VPTW ngày 03/4/2018
      "30/2020/NĐ-CP", "36-HD/VPTW@XII"};
  std::set<std::string> keys;
  for (const auto& e : (*catalog_)["entries"]) keys.insert(e["key"].get<std::string>());
  EXPECT_EQ(keys, expected);
  std::set<std::string> held;
  for (const auto& e : (*catalog_)["entries"]) {
    if (e["held"].get<bool>()) held.insert(e["key"].get<std::string>());
  }
  EXPECT_EQ(held.size(), 11u);
}

TEST_F(CatalogCliTest, AHeldDirectiveAndEveryDocumentCitingIt) {
  const auto& r = Row("903-CT/TW@XIII");
  EXPECT_EQ(r["held_ids"], nlohmann::json::array({"official/party-ct-903.txt"}));
  EXPECT_EQ(r["date"], "2023-03-15");
  EXPECT_EQ(r["type"], "CT");
  EXPECT_EQ(r["title"], "về tăng cường công tác lưu trữ điện tử trong các cơ quan đảng");
  // party-kl-902: twice in its text; party-kl-909.html: its subject line (also its title) and
  // point 1; party-nq-901, party-qd-904, state-nd-915-2024: once each. Its own "Số 903-CT/TW"
  // is no citation.
  EXPECT_EQ(Citers(r), (std::map<std::string, int>{{"official/party-kl-902.txt", 2},
                                                   {"official/party-kl-909.html", 3},
                                                   {"official/party-nq-901.txt", 1},
                                                   {"official/party-qd-904.txt", 1},
                                                   {"official/state-nd-915-2024.txt", 1}}));
  EXPECT_EQ(r["citations"], 8);
  EXPECT_EQ(r["citing_documents"], 5);
  EXPECT_EQ(r["first_cited"], "2023-09-12");  // party-kl-902
  EXPECT_EQ(r["last_cited"], "2024-11-05");   // party-kl-909
}

TEST_F(CatalogCliTest, ResolvedInformalNamesCountForTheirDocument) {
  const auto& r = Row("04-NQ/TW@XII");
  EXPECT_FALSE(r["held"].get<bool>());
  EXPECT_TRUE(r["in_registry"].get<bool>());
  EXPECT_EQ(r["date"], "2016-10-30");
  EXPECT_EQ(r["plenum"], 4);
  EXPECT_EQ(r["title_source"], "registry");
  // seeds/002: "Nghị quyết Trung ương 4" three times; seeds/003 once; seeds/004 (2019-07-12)
  // "NQTW 4 (khóa XI, XII)", which names the khóa XII resolution too.
  EXPECT_EQ(Citers(r), (std::map<std::string, int>{{"seeds/002_f95d50a095e536ad.txt", 3},
                                                   {"seeds/003_99fad078a6312a8a.txt", 1},
                                                   {"seeds/004_f08cc3bc849c2e26.txt", 1}}));
  EXPECT_EQ(r["citations"], 5);
  EXPECT_EQ(r["first_cited"], "2019-07-12");
  EXPECT_EQ(r["last_cited"], "2020-08-14");
}

TEST_F(CatalogCliTest, RepeatedNumbersOfDifferentTermsStayApart) {
  // seeds/001 (2023-11-09) writes "Nghị quyết số 21-NQ/TW" without a term; the registry has
  // 21-NQ/TW of 2017 (XII) and of 2022 (XIII), both older than the page.
  const auto& r = Row("21-NQ/TW");
  EXPECT_EQ(r["citations"], 1);
  EXPECT_TRUE(r["term"].is_null());
  EXPECT_EQ(std::set<std::string>(r["candidates"].begin(), r["candidates"].end()),
            (std::set<std::string>{"21-NQ/TW@XII", "21-NQ/TW@XIII"}));
  // The title is what the page writes after it.
  EXPECT_EQ(r["title"],
            "về tăng cường củng cố xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong "
            "giai đoạn mới");
  EXPECT_EQ(r["title_source"], "mentions");
  // Kết luận 21-KL/TW is another document again.
  const auto& kl = Row("21-KL/TW@XIII");
  EXPECT_EQ(kl["date"], "2021-10-25");
  EXPECT_EQ(Citers(kl), (std::map<std::string, int>{{"seeds/001_ca6e148528d44b9b.txt", 1}}));
}

TEST_F(CatalogCliTest, FactsTakenFromTheMentions) {
  // seeds/000: "Quyết định số 2045-QĐ/ĐUK, ngày 06/3/2023 về “Phân cấp quản lý cán bộ …”".
  const auto& r = Row("2045-QĐ/ĐUK@XIII");
  EXPECT_FALSE(r["in_registry"].get<bool>());
  EXPECT_EQ(r["date"], "2023-03-06");
  EXPECT_EQ(r["title"], "về “Phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử”");
  // seeds/003: "Kết luận số 06-KL/BTCTW của Ban Tổ chức Trung ương, trọng tâm là …": an issuer
  // but no subject.
  const auto& kl = Row("06-KL/BTCTW");
  EXPECT_EQ(kl["issuer_name"], "Ban Tổ chức Trung ương");
  EXPECT_TRUE(kl["title"].is_null());
}

TEST_F(CatalogCliTest, HeldDocumentsNobodyCites) {
  const auto& r = Row("905-NQ/TW@XIII");
  EXPECT_EQ(r["held_ids"], nlohmann::json::array({"legacy/nghi-quyet-tcvn3.txt"}));
  EXPECT_EQ(r["citations"], 0);
  EXPECT_EQ(r["date"], "2024-03-10");
}

TEST_F(CatalogCliTest, UnresolvedReferencesWithTheirContexts) {
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& u : (*catalog_)["unresolved"]) by_name[u["name"].get<std::string>()] = u;
  // seeds/004 "NQTW 4 (khóa XI, XII)": the registry has no 4th plenum resolution of term XI.
  ASSERT_TRUE(by_name.count("NQ/TW/HNTW4/XI"));
  EXPECT_EQ(by_name["NQ/TW/HNTW4/XI"]["reason"], "informal");
  ASSERT_EQ(by_name["NQ/TW/HNTW4/XI"]["contexts"].size(), 1u);
  EXPECT_EQ(by_name["NQ/TW/HNTW4/XI"]["contexts"][0]["id"], "seeds/004_f08cc3bc849c2e26.txt");
  EXPECT_NE(by_name["NQ/TW/HNTW4/XI"]["contexts"][0]["context"].get<std::string>().find("NQTW 4 (khóa XI, XII)"),
            std::string::npos);
  // seeds/001: "Nghị quyết Đại hội XIII" three times.
  ASSERT_TRUE(by_name.count("NQ/ĐH/XIII"));
  EXPECT_EQ(by_name["NQ/ĐH/XIII"]["reason"], "congress");
  EXPECT_EQ(by_name["NQ/ĐH/XIII"]["citations"], 3);
  EXPECT_EQ(by_name["NQ/ĐH/XIII"]["citing_documents"], 1);
  EXPECT_EQ(by_name.size(), 2u);
}

TEST_F(CatalogCliTest, FiltersAndOrder) {
  auto keys = [](const std::string& args) {
    const auto r = RunCommand(Vk("catalog -q --json --db " + Quote(db_) + " " + args));
    EXPECT_EQ(r.exit_code, 0) << args;
    std::vector<std::string> k;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& e : j["entries"]) k.push_back(e["key"]);
    return k;
  };
  // Party resolutions of term XIII: 905 (10/3/2024) then 901 (18/5/2024), by date.
  EXPECT_EQ(keys("--type NQ --term XIII"), (std::vector<std::string>{"905-NQ/TW@XIII", "901-NQ/TW@XIII"}));
  EXPECT_EQ(keys("--type nq --term 13"), keys("--type NQ --term XIII"));
  EXPECT_EQ(keys("--type QD --issuer ttg"), (std::vector<std::string>{"9916/QĐ-TTg@2024", "9917/QĐ-TTg@2024"}));
  EXPECT_EQ(keys("--from 2018 --to 2018"), (std::vector<std::string>{"36-HD/VPTW@XII"}));
  const auto top = keys("--sort citations --limit 1");
  ASSERT_EQ(top.size(), 1u);
  // Five citing documents and eight mentions (30/2020/NĐ-CP: also five documents, six mentions).
  EXPECT_EQ(top[0], "903-CT/TW@XIII");
}

TEST_F(CatalogCliTest, CsvWithBomOpensInASpreadsheet) {
  TempDir tmp;
  const std::string out = tmp / "catalogue.csv";
  const auto r = RunCommand(Vk("catalog -q --format csv --bom -o " + Quote(out) + " --db " + Quote(db_)));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(out, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, 4), "key,");
  // 04-NQ/TW's registry title holds commas and curly quotes: the field is quoted.
  EXPECT_NE(csv.find(",\"về tăng cường xây dựng, chỉnh đốn Đảng;"), std::string::npos);
  // Rows end in CRLF: header + 23 rows.
  std::size_t crlf = 0;
  for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++crlf;
  EXPECT_EQ(crlf, 24u);
}

TEST_F(CatalogCliTest, HtmlEscapesDocumentText) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "in");
  std::ofstream(tmp / "in/bad.txt") << "Bài <script>alert('x')</script>\n"
                                    << "Tin ngày 02/01/2024: thực hiện Kết luận số 888-KL/TW ngày 05/12/2023 "
                                       "của Bộ Chính trị về <script>steal()</script> kiểm tra.\n";
  const std::string db = tmp / "db";
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db) + " " + Quote(tmp / "in"))).exit_code, 0);
  const auto r = RunCommand(Vk("catalog -q --format html --db " + Quote(db)));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("888-KL/TW"), std::string::npos);
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("http"), std::string::npos);  // no external asset
}

TEST_F(CatalogCliTest, GraphOutputs) {
  auto r = RunCommand(Vk("catalog -q --graph dot --db " + Quote(db_)));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("digraph catalog {", 0), 0u);
  // party-nq-901 is held and cites Quy định 904-QĐ/TW once.
  EXPECT_NE(r.out.find("\"901-NQ/TW@XIII\" -> \"904-QĐ/TW@XIII\" [label=\"cites\", weight=1]"), std::string::npos)
      << r.out;
  r = RunCommand(Vk("catalog -q --graph graphml --db " + Quote(db_)));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("<graphml"), std::string::npos);
  EXPECT_NE(r.out.find("source=\"901-NQ/TW@XIII\" target=\"904-QĐ/TW@XIII\""), std::string::npos);
}

TEST_F(CatalogCliTest, RegistryRowsToFillIn) {
  TempDir tmp;
  const std::string todo = tmp / "todo.tsv";
  const auto r = RunCommand(Vk("catalog -q --todo " + Quote(todo) + " --db " + Quote(db_) + " > /dev/null"));
  ASSERT_EQ(r.exit_code, 0);
  std::ifstream in(todo);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle");
  std::set<std::string> symbols;
  while (std::getline(in, line)) symbols.insert(line.substr(0, line.find('\t')));
  // Cited, not held, not in corpus/registry.tsv; "" is the unresolved NQTW 4 khóa XI.
  EXPECT_EQ(symbols, (std::set<std::string>{"2045-QĐ/ĐUK", "06-KL/BTCTW", "28-NQ/TW", ""}));
}

TEST_F(CatalogCliTest, ErrorsAndUsage) {
  auto r = RunCommand(Vk("catalog --db /nonexistent/vk.db 2>&1"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("/nonexistent/vk.db"), std::string::npos) << r.out;
  r = RunCommand(Vk("catalog --format xml --db " + Quote(db_) + " 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  r = RunCommand(Vk("catalog --from 2020-13-01x --db " + Quote(db_) + " 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("YYYY"), std::string::npos) << r.out;
  r = RunCommand(Vk("catalog --term abc --db " + Quote(db_) + " 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  r = RunCommand(Vk("catalog --help"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--min-citations"), std::string::npos);
}

// A slice of the shared news archive (../shared/data/news/baomoi.jsonl.zst): counts that must
// agree with each other whatever the articles say.
TEST(CatalogNewsTest, CountsAgreeOnASliceOfTheNewsArchive) {
  const std::string shared = test_support::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared (or $VANKIEN_SHARED) is absent: no news archive to catalogue";
  const std::string news = shared + "/data/news/baomoi.jsonl.zst";
  if (!std::filesystem::exists(news)) GTEST_SKIP() << news << " is absent";
  TempDir tmp;
  const std::string slice = tmp / "slice.jsonl";
  ASSERT_EQ(RunCommand("zstdcat " + Quote(news) + " | head -n 3000 > " + Quote(slice)).exit_code, 0);
  const std::string db = tmp / "db";
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db) + " " + Quote(slice))).exit_code, 0);
  const auto r = RunCommand(Vk("catalog -q --json --top 1000 --db " + Quote(db)));
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j["entries"].size(), 20u) << "3,000 articles cite more than 20 documents";
  std::size_t mentions = 0;
  std::set<std::string> keys;
  for (const auto& e : j["entries"]) {
    const std::string key = e["key"];
    EXPECT_TRUE(keys.insert(key).second) << "two rows for " << key;
    EXPECT_EQ(key.substr(0, key.find('@')), e["symbol"].get<std::string>());
    const int citations = e["citations"], citing = e["citing_documents"];
    EXPECT_LE(citing, citations) << key;
    int listed = 0;
    for (const auto& c : e["top_citing"]) listed += c["mentions"].get<int>();
    EXPECT_EQ(listed, citations) << key << ": the citers (all listed) add up to the citations";
    EXPECT_EQ(static_cast<int>(e["top_citing"].size()), citing) << key;
    mentions += citations;
  }
  EXPECT_EQ(mentions, j["stats"]["mentions"].get<std::size_t>());
}

}  // namespace
}  // namespace vankien
