// End to end through the real `vankien` binary: index the bundled corpus into a temporary
// directory, search it in every spelling, batch mode, and the error paths a user can hit.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "tests/support/paths.h"

namespace vankien {
namespace {

using test_support::Quote;
using test_support::RunCommand;
using test_support::TempDir;

const std::string kCorpus = std::string(VANKIEN_SOURCE_DIR) + "/corpus";

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    db_ = *tmp_ / "db";
    const auto r = RunCommand(test_support::VankienBinary() + " index -q --db " + Quote(db_) + " " + Quote(kCorpus));
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() { delete tmp_; }

  static std::string Vk(const std::string& args) { return test_support::VankienBinary() + " " + args; }

  // Ids of the hits for `query` (JSON output), in rank order.
  static std::vector<std::string> Ids(const std::string& query, int limit = 20) {
    const auto r = RunCommand(Vk("search --json -n " + std::to_string(limit) + " --db " + Quote(db_) +
                          " " + Quote(query)));
    EXPECT_EQ(r.exit_code, 0) << query;
    std::vector<std::string> ids;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    if (!j.is_object()) return ids;
    for (const auto& h : j["hits"]) ids.push_back(h["id"].get<std::string>());
    return ids;
  }

  static TempDir* tmp_;
  static std::string db_;
};

TempDir* CliTest::tmp_ = nullptr;
std::string CliTest::db_;

TEST_F(CliTest, UnaccentedQueryFindsTheSeeds) {
  const auto ids = Ids("xay dung dang");
  ASSERT_GE(ids.size(), 4u);
  const std::set<std::string> found(ids.begin(), ids.end());
  EXPECT_TRUE(found.count("seeds/000_fa6553a92803c2d8.txt"));
  EXPECT_TRUE(found.count("seeds/003_99fad078a6312a8a.txt"));
}

TEST_F(CliTest, EverySpellingFindsTheSameDocuments) {
  const auto bare = Ids("nghi quyet");
  ASSERT_FALSE(bare.empty());
  const std::set<std::string> expected(bare.begin(), bare.end());
  for (const std::string q : {"nghị quyết", "NGHỊ QUYẾT", "Nghi\u0323 quye\u0302\u0301t"}) {
    const auto ids = Ids(q);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected) << q;
  }
}

TEST_F(CliTest, QuotedPhraseNeedsAdjacentWords) {
  const auto phrase = Ids("\"ban tổ chức\"");
  const auto words = Ids("tổ chức ban");
  EXPECT_FALSE(phrase.empty());
  EXPECT_LE(phrase.size(), words.size());
  // Words the seeds hold, but never adjacent in this order, match nothing as a phrase.
  EXPECT_FALSE(Ids("dựng xây").empty());
  EXPECT_TRUE(Ids("\"dựng xây\"").empty());
}

// Without positions a phrase matches where each adjacent pair of its words is adjacent; an
// index built with --positions also requires the whole phrase in order.
TEST_F(CliTest, PositionsMakeLongPhrasesExact) {
  namespace fs = std::filesystem;
  TempDir dir;
  const fs::path corpus = dir / "corpus";
  fs::create_directories(corpus);
  std::ofstream(corpus / "whole.txt") << "Dự báo\n\nNgày mai trời đẹp ở Hà Nội.\n";
  std::ofstream(corpus / "apart.txt") << "Dự báo\n\nNgày mai trời mưa, còn trời đẹp vào tuần sau.\n";
  for (const bool positions : {false, true}) {
    const std::string db = dir / (positions ? "with" : "without");
    const auto built = RunCommand(Vk(std::string("index -q ") + (positions ? "--positions " : "") +
                                     "--db " + Quote(db) + " " + Quote(corpus.string())));
    ASSERT_EQ(built.exit_code, 0) << built.out;
    const auto r = RunCommand(Vk("search --json --db " + Quote(db) + " " + Quote("\"mai trời đẹp\"")));
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(j.is_object()) << r.out;
    std::set<std::string> ids;
    for (const auto& h : j["hits"]) ids.insert(h["id"].get<std::string>());
    if (positions) {
      EXPECT_EQ(ids, (std::set<std::string>{"whole.txt"}));
    } else {
      EXPECT_EQ(ids, (std::set<std::string>{"whole.txt", "apart.txt"}));
    }
    const auto reversed = RunCommand(Vk("search --json --db " + Quote(db) + " " + Quote("\"đẹp trời\"")));
    EXPECT_TRUE(nlohmann::json::parse(reversed.out, nullptr, false)["hits"].empty()) << positions;
  }
}

TEST_F(CliTest, SnippetHighlightsAccentedWordsForUnaccentedQuery) {
  const auto r = RunCommand(Vk("search --json -n 1 --db " + Quote(db_) + " " + Quote("xay dung")));
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["hits"].empty());
  const auto& hit = j["hits"][0];
  // The snippet is {text, highlights} as in the API (tools/json/json_output.h).
  const std::string snippet = hit["snippet"]["text"];
  ASSERT_FALSE(hit["snippet"]["highlights"].empty());
  for (const auto& h : hit["snippet"]["highlights"]) {
    const std::string word = snippet.substr(h[0].get<size_t>(), h[1].get<size_t>() - h[0].get<size_t>());
    EXPECT_TRUE(word == "xây" || word == "dựng" || word == "Xây" || word == "Dựng" ||
                word == "XÂY" || word == "DỰNG") << word;
  }
}

TEST_F(CliTest, ReindexingReplacesInsteadOfDuplicating) {
  const auto before = RunCommand(Vk("stats --json --db " + Quote(db_)));
  ASSERT_EQ(before.exit_code, 0);
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db_) + " " + Quote(kCorpus))).exit_code, 0);
  const auto after = RunCommand(Vk("stats --json --db " + Quote(db_)));
  EXPECT_EQ(nlohmann::json::parse(before.out)["documents"], nlohmann::json::parse(after.out)["documents"]);
  EXPECT_GE(nlohmann::json::parse(after.out)["documents"].get<int>(), 5);
}

TEST_F(CliTest, BatchPrintsOneObjectPerQueryLine) {
  TempDir tmp;
  const std::string input = tmp / "queries.txt";
  std::ofstream(input) << "xay dung dang\n\nnghị quyết trung ương\n";
  const auto r = RunCommand(Vk("search --batch -n 3 --db " + Quote(db_) + " < " + Quote(input)));
  ASSERT_EQ(r.exit_code, 0);
  std::vector<nlohmann::json> lines;
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    const std::size_t nl = r.out.find('\n', pos);
    lines.push_back(nlohmann::json::parse(r.out.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["query"], "xay dung dang");
  EXPECT_GE(lines[0]["total"].get<int>(), 4);
  EXPECT_EQ(lines[0]["hits"].size(), 3u);
  for (const auto& h : lines[0]["hits"]) {
    EXPECT_TRUE(h.contains("id") && h.contains("score") && h.contains("title") && h.contains("snippet"));
    EXPECT_EQ(h["id"].get<std::string>().rfind("seeds/", 0), 0u);
  }
  EXPECT_TRUE(lines[1].contains("error"));  // the empty line
  EXPECT_EQ(lines[1]["total"], 0);
  // A failed line has the shape of an answer (no hits), so a script needs no special case.
  for (const auto& line : lines) {
    for (const char* key : {"query", "total", "hits", "facets", "suggestion", "notices",
                            "missing_shards", "dropped_words"}) {
      EXPECT_TRUE(line.contains(key)) << key << " in " << line.dump();
    }
  }
  EXPECT_EQ(lines[2]["query"], "nghị quyết trung ương");
}

TEST_F(CliTest, BadQueriesGiveAClearMessageAndUsageExit) {
  auto r = RunCommand(Vk("search --db " + Quote(db_) + " '   ' 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("empty query"), std::string::npos) << r.out;
  r = RunCommand(Vk("search --db " + Quote(db_) + " '!!! ---' 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no word"), std::string::npos) << r.out;
  r = RunCommand(Vk("search --db " + Quote(db_) + " " + std::string(5000, 'a') + " 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("limit"), std::string::npos);
  r = RunCommand(Vk("search --db " + Quote(db_) + " '\"unbalanced quote xây' 2>&1"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(CliTest, MissingDatabaseIsNamed) {
  const auto r = RunCommand(Vk("search --db /nonexistent/vk.db dang 2>&1"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("/nonexistent/vk.db"), std::string::npos) << r.out;
}

TEST_F(CliTest, ShowPrintsTheStoredDocument) {
  auto r = RunCommand(Vk("show --json --db " + Quote(db_) + " seeds/000_fa6553a92803c2d8.txt"));
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["id"], "seeds/000_fa6553a92803c2d8.txt");
  EXPECT_NE(j["title"].get<std::string>().find("XÂY DỰNG ĐẢNG"), std::string::npos);
  r = RunCommand(Vk("show --db " + Quote(db_) + " no/such/id 2>&1"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no/such/id"), std::string::npos);
}

TEST_F(CliTest, AnalyzeShowsExactAndFoldedForms) {
  const auto r = RunCommand(Vk("analyze --json 'Hòa THỦY 21-NQ/TW'"));
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["tokens"].size(), 5u);
  EXPECT_EQ(j["tokens"][0]["exact"], "hoà");
  EXPECT_EQ(j["tokens"][1]["exact"], "thuỷ");
  EXPECT_EQ(j["tokens"][1]["folded"], "thuy");
  EXPECT_EQ(j["tokens"][2]["begin"], 12);  // "Hòa " is 5 bytes, "THỦY " 7 (Ủ takes 3)
  EXPECT_EQ(j["folded"], "hoa thuy 21-nq/tw");
}

TEST_F(CliTest, ABadFileIsReportedAndTheRestIsIndexed) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "in");
  std::ofstream(tmp / "in/good.txt") << "Tiêu đề\nNội dung về công tác cán bộ.\n";
  std::ofstream(tmp / "in/records.jsonl") << "{\"id\":\"r1\",\"text\":\"thủy lợi\"}\n{broken\n{\"text\":\"no id\"}\n";
  std::ofstream(tmp / "in/image.bin") << std::string("\x89PNG\r\n\x1a\n\0\0", 10);
  const std::string db = tmp / "db";
  const auto r = RunCommand(Vk("index --json --db " + Quote(db) + " " + Quote(tmp / "in")));
  EXPECT_EQ(r.exit_code, 1);  // problems were reported
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["files"]["new"], 2);
  EXPECT_EQ(j["files"]["skipped"], 1);
  ASSERT_EQ(j["problems"].size(), 2u);
  EXPECT_EQ(j["problems"][0]["line"], 2);
  EXPECT_EQ(j["problems"][1]["line"], 3);
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_NE(j["skipped"][0].get<std::string>().find("image.bin"), std::string::npos);
  EXPECT_EQ(RunCommand(Vk("search --json --db " + Quote(db) + " thuy loi")).out.find("\"r1\"") != std::string::npos, true);
}

TEST_F(CliTest, RefFindsTheSeedCitingAConclusionInAnySpelling) {
  for (const std::string spelling : {"KL 21/TW", "21-KL/TW", "Kết luận số 21 - KL/TƯ", "21/KL-TW"}) {
    SCOPED_TRACE(spelling);
    const auto r = RunCommand(Vk("ref --json --db " + Quote(db_) + " " + Quote(spelling)));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["symbol"], "21-KL/TW");
    EXPECT_EQ(j["citing_documents"], 1);
    ASSERT_EQ(j["groups"].size(), 1u);
    const auto& c = j["groups"][0]["citations"][0];
    EXPECT_EQ(c["id"], "seeds/001_ca6e148528d44b9b.txt");
    EXPECT_NE(c["context"].get<std::string>().find("Kết luận số 21-KL/TW"), std::string::npos);
    // Registry facts come from corpus/registry.tsv.
    ASSERT_EQ(j["facts"].size(), 1u);
    EXPECT_EQ(j["facts"][0]["term"], "XIII");
  }
}

TEST_F(CliTest, RefKeepsRepeatedNumbersOfDifferentTermsApart) {
  const auto r = RunCommand(Vk("ref --json --db " + Quote(db_) + " 21-NQ/TW"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> terms;
  for (const auto& f : j["facts"]) terms.insert(f["term"].get<std::string>());
  EXPECT_EQ(terms, (std::set<std::string>{"XII", "XIII"}));
  const auto only = nlohmann::json::parse(
      RunCommand(Vk("ref --json --db " + Quote(db_) + " " + Quote("21-NQ/TW khóa XIII"))).out);
  ASSERT_EQ(only["facts"].size(), 1u);
  EXPECT_EQ(only["facts"][0]["date"], "2022-06-16");
}

TEST_F(CliTest, SearchRanksTheCitingDocumentFirstForAReference) {
  const auto ids = Ids("qđ 58/tw bảo vệ chính trị");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "seeds/000_fa6553a92803c2d8.txt");
}

TEST_F(CliTest, AnOfficialDocumentJoinsTheRegistryAndIsFoundByItsNumber) {
  TempDir tmp;
  const std::string input = tmp / "docs.jsonl";
  std::ofstream(input)
      << R"({"id":"kl-999","symbol":"999-KL/TW","date":"2024-03-01","title":"về công tác thử nghiệm",)"
      << R"("text":"Bộ Chính trị kết luận về công tác thử nghiệm."})" << "\n"
      << R"({"id":"bai-1","date":"2024-05-02","title":"Quán triệt kết luận",)"
      << R"("text":"Hội nghị quán triệt Kết luận số 999-KL/TW ngày 01/3/2024 của Bộ Chính trị."})" << "\n";
  const std::string db = tmp / "db";
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db) + " " + Quote(input))).exit_code, 0);
  const auto j = nlohmann::json::parse(RunCommand(Vk("ref --json --db " + Quote(db) + " 'KL 999/TW'")).out);
  EXPECT_EQ(j["symbol"], "999-KL/TW");
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["documents"][0]["id"], "kl-999");
  ASSERT_EQ(j["facts"].size(), 1u);  // added by indexing the document itself
  EXPECT_EQ(j["facts"][0]["term"], "XIII");
  EXPECT_EQ(j["facts"][0]["title"], "về công tác thử nghiệm");
  ASSERT_EQ(j["citing_documents"], 1);
  EXPECT_EQ(j["groups"][0]["citations"][0]["id"], "bai-1");
  // The document itself ranks first when its number is searched, before its citer.
  const auto r = RunCommand(Vk("search --json --db " + Quote(db) + " 999-KL/TW"));
  const auto hits = nlohmann::json::parse(r.out)["hits"];
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0]["id"], "kl-999");
  // The registry survives a second run that adds nothing new.
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db) + " " + Quote(input))).exit_code, 0);
  const auto again = nlohmann::json::parse(RunCommand(Vk("ref --json --db " + Quote(db) + " 999-KL/TW")).out);
  EXPECT_EQ(again["facts"].size(), 1u);
}

// Index summary counts of a --json run.
nlohmann::json IndexJson(const std::string& db, const std::string& path) {
  const auto r = RunCommand(test_support::VankienBinary() + " index --json --db " + Quote(db) + " " + Quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST_F(CliTest, IncrementalRunsProcessOnlyWhatChanged) {
  TempDir tmp;
  namespace fs = std::filesystem;
  fs::create_directories(tmp.path() / "in/sub");
  std::ofstream(tmp / "in/a.txt") << "Tiêu đề A\nNội dung thủy lợi.\n";
  std::ofstream(tmp / "in/sub/b.txt") << "Tiêu đề B\nNội dung hoà bình.\n";
  std::ofstream(tmp / "in/r.jsonl") << R"({"id":"r1","text":"công tác cán bộ"})" << "\n"
                                    << R"({"id":"r2","text":"kinh tế tập thể"})" << "\n";
  const std::string db = tmp / "db";
  auto j = IndexJson(db, tmp / "in");
  EXPECT_EQ(j["files"]["new"], 3);
  EXPECT_EQ(j["documents_in_index"], 4);

  j = IndexJson(db, tmp / "in");  // nothing changed
  EXPECT_EQ(j["files"]["unchanged"], 3);
  EXPECT_EQ(j["documents"], 0);
  EXPECT_EQ(j["documents_in_index"], 4);

  // Change one record away, edit a file, delete a file, add a file.
  std::ofstream(tmp / "in/r.jsonl") << R"({"id":"r1","text":"công tác cán bộ cấp cơ sở"})" << "\n";
  fs::remove(tmp.path() / "in/sub/b.txt");
  std::ofstream(tmp / "in/c.txt") << "Tiêu đề C\nNội dung mới.\n";
  j = IndexJson(db, tmp / "in");
  EXPECT_EQ(j["files"]["new"], 1);
  EXPECT_EQ(j["files"]["updated"], 1);
  EXPECT_EQ(j["files"]["unchanged"], 1);
  EXPECT_EQ(j["files"]["removed"], 1);
  EXPECT_EQ(j["documents_removed"], 2);  // r2 and b.txt
  EXPECT_EQ(j["documents_in_index"], 3);
  EXPECT_EQ(RunCommand(Vk("show --db " + Quote(db) + " r2 2>&1")).exit_code, 1);
  EXPECT_EQ(RunCommand(Vk("show --db " + Quote(db) + " sub/b.txt 2>&1")).exit_code, 1);
  const auto hits = nlohmann::json::parse(RunCommand(Vk("search --json --db " + Quote(db) + " 'cap co so'")).out)["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["id"], "r1");
}

TEST_F(CliTest, AKilledRunLeavesAUsableIndexAndTheNextRunCompletesIt) {
  TempDir tmp;
  namespace fs = std::filesystem;
  fs::create_directories(tmp.path() / "in");
  constexpr int kFiles = 1500;
  for (int i = 0; i < kFiles; ++i) {
    std::ofstream(tmp / ("in/doc" + std::to_string(i) + ".txt"))
        << "Văn bản số " << i << "\nNội dung về công tác xây dựng Đảng, lần " << i << ".\n";
  }
  const std::string db = tmp / "db";
  // Commit every 5 documents and kill runs part-way (SIGKILL: no cleanup at all), each run
  // continuing from what the previous one committed.
  int kills = 0;
  for (const char* delay : {"0.05", "0.15", "0.3"}) {
    const auto r = RunCommand("timeout -s KILL " + std::string(delay) + " " + test_support::VankienBinary() +
                              " index -q --commit-every 5 --db " + Quote(db) + " " + Quote(tmp / "in") +
                              " 2>/dev/null");
    if (r.exit_code == 137) ++kills;
    const auto partial = RunCommand(Vk("stats --json --db " + Quote(db) + " 2>/dev/null"));
    if (partial.exit_code == 0) {  // once the index exists it must stay readable and consistent
      EXPECT_LE(nlohmann::json::parse(partial.out)["documents"].get<int>(), kFiles);
    }
  }
  EXPECT_GE(kills, 1) << "no run was killed part-way; the test proves nothing";
  const auto j = IndexJson(db, tmp / "in");
  EXPECT_EQ(j["documents_in_index"], kFiles);
  EXPECT_EQ(j["files"]["new"].get<int>() + j["files"]["unchanged"].get<int>(), kFiles);
  // Every document exactly once.
  const auto found = nlohmann::json::parse(
      RunCommand(Vk("search --json -n 10 --db " + Quote(db) + " '\"xay dung dang\"'")).out);
  EXPECT_EQ(found["total"], kFiles);
}

TEST_F(CliTest, EveryKindOfBadInputIsReportedAndTheRunGoesOn) {
  TempDir tmp;
  namespace fs = std::filesystem;
  const fs::path in = tmp.path() / "in";
  fs::create_directories(in);
  std::ofstream(in / "good.txt") << "Tiêu đề tốt\nNội dung về công tác văn thư lưu trữ.\n";
  std::ofstream(in / "binary.txt") << std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20)
                                   << std::string(3000, '\0') << "tail";
  std::ofstream(in / "empty.txt");
  std::ofstream(in / "truncated.pdf") << "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  std::ofstream(in / "broken.docx") << "PK\x03\x04 this is not really a zip archive";
  std::ofstream(in / "old.doc") << "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
  std::ofstream(in / "big.txt") << "Tiêu đề lớn\n" << std::string(2 << 20, 'a');
  fs::create_symlink("loop", in / "loop");  // a link to itself
  const std::string db = tmp / "db";
  const auto r = RunCommand(Vk("index --json --max-mb 1 --db " + Quote(db) + " " + Quote(in.string())));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 1);  // good.txt, whatever else happened
  std::map<std::string, std::string> reported;
  for (const auto& p : j["problems"]) {
    reported[fs::path(p["path"].get<std::string>()).filename().string()] = p["message"];
  }
  for (const char* name : {"binary.txt", "empty.txt", "truncated.pdf", "broken.docx", "old.doc", "big.txt", "loop"}) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(reported.count(name));
    EXPECT_NE(reported[name].find(name), std::string::npos) << "the message names the file: " << reported[name];
  }
  EXPECT_NE(reported["big.txt"].find("limit"), std::string::npos);
  EXPECT_NE(reported["old.doc"].find(".docx"), std::string::npos);  // says what to do
}

// What `show --json` says of a document of the bundled corpus.
nlohmann::json Shown(const std::string& db, const std::string& id) {
  const auto r = RunCommand(test_support::VankienBinary() + " show --json --db " + Quote(db) + " " + Quote(id));
  EXPECT_EQ(r.exit_code, 0) << id;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST_F(CliTest, TheSeedsGetTheirHeadlineAndDate) {
  // Read off the pages by hand: the headline a reader sees and the publication date.
  const std::pair<const char*, std::pair<const char*, const char*>> kSeeds[] = {
      {"seeds/000_fa6553a92803c2d8.txt",
       {"BÀI VIẾT KỶ NIỆM 93 NĂM NGÀY TRUYỀN THỐNG NGÀNH TỔ CHỨC XÂY DỰNG ĐẢNG (14/10/1930-14/10/2023)", "2023-10-10"}},
      {"seeds/001_ca6e148528d44b9b.txt", {"Xây dựng Đảng bộ Khối các cơ quan TW trong sạch và vững mạnh", "2023-11-09"}},
      {"seeds/002_f95d50a095e536ad.txt", {"Đoàn kết, sáng tạo, xây dựng Đảng bộ Khối trong sạch, vững mạnh", "2020-08-14"}},
      {"seeds/003_99fad078a6312a8a.txt",
       {"Cụm thi đua số 5 Ngành Tổ chức xây dựng Đảng sơ kết hoạt động 6 tháng đầu năm 2020", "2020-07-26"}},
      {"seeds/004_f08cc3bc849c2e26.txt", {nullptr, "2019-07-12"}},
  };
  for (const auto& [id, expected] : kSeeds) {
    SCOPED_TRACE(id);
    const auto j = Shown(db_, id);
    if (expected.first != nullptr) {
      EXPECT_EQ(j["title"], expected.first);
    }
    EXPECT_EQ(j["date"], expected.second);
    EXPECT_EQ(j["kind"], "article");
  }
  // Seed 004's headline runs over two lines ("…(12/7/1989 - 12/7/2019):" then the headline).
  EXPECT_NE(Shown(db_, "seeds/004_f08cc3bc849c2e26.txt")["title"].get<std::string>().find("“Hạt nhân” là sự đoàn kết"),
            std::string::npos);
  // Boilerplate is gone from the text.
  EXPECT_EQ(Shown(db_, "seeds/001_ca6e148528d44b9b.txt")["text"].get<std::string>().find("Lượt xem"), std::string::npos);
}

TEST_F(CliTest, OfficialSamplesInEveryFormatAreIndexedAsThemselves) {
  struct Expect { const char* id; const char* symbol; const char* kind; const char* date; const char* encoding; };
  const Expect kDocs[] = {
      {"official/party-nq-901.txt", "901-NQ/TW", "Nghị quyết", "2024-05-18", "utf-8"},
      {"official/state-nd-915-2024.txt", "915/2024/NĐ-CP", "Nghị định", "2024-04-15", "utf-8"},
      {"official/party-qd-908.docx", "908-QĐ/TW", "Quy định", "2024-09-25", "docx"},
      {"official/state-qd-9917-ttg.pdf", "9917/QĐ-TTg", "Quyết định", "2024-10-14", "pdf"},
      {"official/party-kl-909.html", "909-KL/TW", "Kết luận", "2024-11-05", "utf-8"},
      {"legacy/nghi-quyet-tcvn3.txt", "905-NQ/TW", "Nghị quyết", "2024-03-10", "tcvn3"},
      {"legacy/chi-thi-vni.txt", "906-CT/TW", "Chỉ thị", "2024-05-20", "vni"},
  };
  for (const Expect& e : kDocs) {
    SCOPED_TRACE(e.id);
    const auto j = Shown(db_, e.id);
    EXPECT_EQ(j["symbol"], e.symbol);
    EXPECT_EQ(j["kind"], e.kind);
    EXPECT_EQ(j["date"], e.date);
    EXPECT_EQ(j["encoding"], e.encoding);
  }
  // The TCVN3 file reads as Vietnamese: an unaccented query finds it.
  const auto ids = Ids("chuyen doi kho van ban bo ma cu");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "legacy/nghi-quyet-tcvn3.txt");
  // A sample document is found by its number and cited by the others.
  const auto ref = nlohmann::json::parse(RunCommand(Vk("ref --json --db " + Quote(db_) + " 'NQ 901/TW'")).out);
  ASSERT_EQ(ref["documents"].size(), 1u);
  EXPECT_EQ(ref["documents"][0]["id"], "official/party-nq-901.txt");
  EXPECT_GE(ref["citing_documents"].get<int>(), 3);
}

TEST_F(CliTest, TheIndexRunSaysWhichEncodingEachLegacyFileWasReadIn) {
  TempDir tmp;
  const auto j = IndexJson(tmp / "db", kCorpus + "/legacy");
  EXPECT_EQ(j["encodings"], (nlohmann::json{{"tcvn3", 1}, {"vni", 1}}));
  ASSERT_EQ(j["encoding_notes"].size(), 2u);
  std::set<std::string> read_as;
  for (const auto& n : j["encoding_notes"]) read_as.insert(n["read_as"].get<std::string>());
  EXPECT_EQ(read_as, (std::set<std::string>{"tcvn3", "vni"}));
  // Forcing the wrong encoding is honoured (and the text then no longer reads as Vietnamese).
  TempDir tmp2;
  const auto r = RunCommand(Vk("index --json --encoding windows-1252 --db " + Quote(tmp2 / "db") + " " +
                               Quote(kCorpus + "/legacy/chi-thi-vni.txt")));
  EXPECT_EQ(nlohmann::json::parse(r.out)["encodings"], (nlohmann::json{{"windows-1252", 1}}));
  EXPECT_EQ(RunCommand(Vk("index --encoding klingon --db " + Quote(tmp2 / "db") + " x 2>&1")).exit_code, 2);
}

TEST_F(CliTest, ARunKilledWhileCreatingTheIndexDoesNotBlockTheNext) {
  // What SIGKILL during Xapian's database creation leaves: table files, no version file.
  TempDir tmp;
  namespace fs = std::filesystem;
  const fs::path db = tmp.path() / "db";
  fs::create_directories(db);
  std::ofstream(db / "postlist.glass") << "partial";
  std::ofstream(db / "flintlock");
  const auto r = RunCommand(Vk("index -q --db " + Quote(db.string()) + " " + Quote(kCorpus + "/seeds") + " 2>&1"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // A folder holding anything else is not touched.
  const fs::path other = tmp.path() / "other";
  fs::create_directories(other);
  std::ofstream(other / "notes.txt") << "mine";
  std::ofstream(other / "postlist.glass") << "partial";
  EXPECT_NE(RunCommand(Vk("index -q --db " + Quote(other.string()) + " " + Quote(kCorpus + "/seeds") + " 2>&1")).exit_code, 0);
  EXPECT_TRUE(fs::exists(other / "notes.txt"));
}

TEST_F(CliTest, ADamagedIndexIsRefusedWithWhatToDoAndRebuildStartsOver) {
  // Issue 21: an index that lost its version file used to be wiped and rebuilt, exit 0.
  TempDir tmp;
  namespace fs = std::filesystem;
  const fs::path db = tmp.path() / "db";
  ASSERT_EQ(RunCommand(Vk("index -q --db " + Quote(db.string()) + " " + Quote(kCorpus + "/seeds") + " 2>&1")).exit_code, 0);
  fs::remove(db / "iamglass");
  const auto size = fs::file_size(db / "postlist.glass");
  const auto r = RunCommand(Vk("index -q --db " + Quote(db.string()) + " " + Quote(kCorpus + "/seeds") + " 2>&1"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("not a readable index"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--rebuild"), std::string::npos) << r.out;
  EXPECT_EQ(fs::file_size(db / "postlist.glass"), size);
  const auto rebuilt = RunCommand(Vk("index -q --rebuild --db " + Quote(db.string()) + " " + Quote(kCorpus + "/seeds") + " 2>&1"));
  EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.out;
  EXPECT_TRUE(fs::exists(db / "iamglass"));
}

// Issue 17: a number in a query adds to the words. The seeds 002 and 003 say "Nghị quyết Trung
// ương 4 (khóa XII)", 004 "NQTW 4 (khóa XI, XII)"; five documents cite 30/2020/NĐ-CP (corpus/official: 915/2024/NĐ-CP,
// 9916/QĐ-TTg, 9917/QĐ-TTg, 901-NQ/TW, 903-CT/TW).
TEST_F(CliTest, ANumberInAQueryAddsItsDocumentsAndCitersToTheWords) {
  for (const std::string q : {"nghị quyết trung ương 4", "nghi quyet trung uong 4", "NQTW 4"}) {
    SCOPED_TRACE(q);
    const auto r = RunCommand(Vk("search --json --db " + Quote(db_) + " " + Quote(q)));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    // ... and seed 004 says "NQTW 4 (khóa XI, XII)": the three documents that name it come first.
    ASSERT_GE(j["hits"].size(), 3u);
    std::set<std::string> top;
    for (int k = 0; k < 3; ++k) top.insert(j["hits"][k]["id"].get<std::string>());
    EXPECT_EQ(top, (std::set<std::string>{"seeds/002_f95d50a095e536ad.txt", "seeds/003_99fad078a6312a8a.txt",
                                          "seeds/004_f08cc3bc849c2e26.txt"}));
    ASSERT_EQ(j["references"].size(), 1u);
    EXPECT_EQ(j["references"][0]["kind"], "every-term");
    EXPECT_EQ(j["references"][0]["candidates"][0]["symbol"], "04-NQ/TW");
    ASSERT_EQ(j["notices"].size(), 1u);
    EXPECT_NE(j["notices"][0].get<std::string>().find("khóa XII"), std::string::npos);
  }
  for (const std::string q : {"Nghị định 30/2020", "NĐ 30/2020"}) {
    SCOPED_TRACE(q);
    const auto r = RunCommand(Vk("search --json --db " + Quote(db_) + " " + Quote(q)));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    std::set<std::string> top;
    for (std::size_t i = 0; i < 5 && i < j["hits"].size(); ++i) top.insert(j["hits"][i]["id"].get<std::string>());
    EXPECT_EQ(top, (std::set<std::string>{"official/state-nd-915-2024.txt", "official/state-qd-9916-ttg.txt",
                                          "official/state-qd-9917-ttg.pdf", "official/party-nq-901.txt",
                                          "official/party-ct-903.txt"}));
    EXPECT_EQ(j["references"][0]["candidates"][0]["symbol"], "30/2020/NĐ-CP");
    EXPECT_EQ(j["references"][0]["candidates"][0]["citing"], 5);
  }
}

TEST_F(CliTest, RefReadsPartialNumbersAndNeverListsADocumentAsItsOwnCiter) {
  for (const std::string q : {"Nghị định 30/2020", "NĐ 30/2020"}) {
    SCOPED_TRACE(q);
    const auto r = RunCommand(Vk("ref --json --db " + Quote(db_) + " " + Quote(q)));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["symbol"], "30/2020/NĐ-CP");
    EXPECT_EQ(j["citing_documents"], 5);
    ASSERT_EQ(j["facts"].size(), 1u);
    ASSERT_EQ(j["notices"].size(), 1u);
    EXPECT_NE(j["notices"][0].get<std::string>().find("read as 30/2020/NĐ-CP"), std::string::npos);
  }
  const auto text = RunCommand(Vk("ref --db " + Quote(db_) + " " + Quote("Nghị định 30/2020") + " 2>&1")).out;
  EXPECT_EQ(text.find("not in the registry"), std::string::npos) << text;
  const auto r = RunCommand(Vk("ref --json --db " + Quote(db_) + " 901-NQ/TW"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["citing_documents"], 3);
  std::set<std::string> citers;
  std::size_t listed = 0;
  for (const auto& g : j["groups"]) {
    for (const auto& c : g["citations"]) citers.insert(c["id"].get<std::string>()), ++listed;
  }
  EXPECT_EQ(citers, (std::set<std::string>{"official/party-qd-908.docx", "official/state-qd-9916-ttg.txt",
                                           "web/quan-triet-nghi-quyet-901.html"}));
  EXPECT_EQ(j["groups"].size(), 1u) << "the web page's mention without the term joins its term";
}

TEST_F(CliTest, RefRejectsTextThatIsNoDocumentNumber) {
  const auto r = RunCommand(Vk("ref --db " + Quote(db_) + " 'xây dựng Đảng' 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("not a document number"), std::string::npos) << r.out;
}


TEST_F(CliTest, SearchFacetsFiltersSortAndSuggestionInJson) {
  // The bundled corpus: corpus/official holds Party documents of term XIII (901-NQ/TW …) and
  // state documents (915/2024/NĐ-CP, 9916/QĐ-TTg); the seeds are articles.
  auto j = nlohmann::json::parse(
      RunCommand(Vk("search --json --facets -n 50 --db " + Quote(db_) + " 'xay dung'")).out);
  ASSERT_TRUE(j.contains("facets")) << j.dump();
  std::map<std::string, int> kinds;
  for (const auto& v : j["facets"]["kind"]) kinds[v["value"]] = v["count"];
  EXPECT_GE(kinds["article"], 5) << "the five seeds are articles";
  EXPECT_GE(kinds["NQ"], 1);
  EXPECT_EQ(j["suggestion"], "xây dựng");

  j = nlohmann::json::parse(
      RunCommand(Vk("search --json -n 50 --type NQ --term 13 --db " + Quote(db_) + " 'nghi quyet'")).out);
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& h : j["hits"]) {
    EXPECT_EQ(h["kind"], "NQ") << h.dump();
    EXPECT_EQ(h["term"], "XIII") << h.dump();
  }
  j = nlohmann::json::parse(
      RunCommand(Vk("search --json -n 50 --db " + Quote(db_) + " 'coquan:TTg'")).out);
  ASSERT_EQ(j["hits"].size(), 2u) << "corpus/official has two decisions of the Prime Minister";
  EXPECT_GE(j["hits"][0]["date"].get<std::string>(), j["hits"][1]["date"].get<std::string>())
      << "a query of filters alone lists newest first";

  j = nlohmann::json::parse(
      RunCommand(Vk("search --json -n 50 --sort oldest --db " + Quote(db_) + " 'dang'")).out);
  std::string previous;
  for (const auto& h : j["hits"]) {
    const std::string date = h["date"];
    if (date.empty()) continue;
    EXPECT_LE(previous, date);
    previous = date;
  }
}

TEST_F(CliTest, QueryLanguageMistakesGiveNoticesOrClearErrors) {
  auto r = RunCommand(Vk("search --db " + Quote(db_) + " 'xây dựng OR' 2>&1"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("note: OR needs something on both sides"), std::string::npos) << r.out;
  r = RunCommand(Vk("search --db " + Quote(db_) + " 'dang khoa:abc' 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("khoa:"), std::string::npos) << r.out;
  r = RunCommand(Vk("search --db " + Quote(db_) + " 'AND' 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no word to search for"), std::string::npos) << r.out;
  r = RunCommand(Vk("search --db " + Quote(db_) + " '((((dang' 2>&1"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}


TEST_F(CliTest, EvalBaselineNeedsACorpusAndNamesAMissingOne) {
  test_support::TempDir tmp;
  const std::string queries = tmp / "q.jsonl", qrels = tmp / "qrels.tsv";
  std::ofstream(queries) << "{\"qid\": \"q1\", \"text\": \"xay dung\"}\n";
  std::ofstream(qrels) << "q1\t0\tseeds/000_fa6553a92803c2d8.txt\t1\n";
  auto r = RunCommand(Vk("eval --baseline --db " + Quote(db_) + " --queries " + Quote(queries) +
                         " --qrels " + Quote(qrels) + " 2>&1"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--corpus"), std::string::npos) << r.out;
  r = RunCommand(Vk("eval --corpus " + Quote(tmp / "missing.jsonl") + " --queries " + Quote(queries) +
                    " --qrels " + Quote(qrels) + " 2>&1"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("missing.jsonl"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vankien
