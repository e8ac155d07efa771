// Tests for the document loaders (indexer/doc/loader.h) and the line reader
// (indexer/doc/line_reader.h): JSON record mapping, date normalization, .txt / .jsonl /
// .jsonl.zst loading with per-record problems, and bounded line reading.
#include "indexer/doc/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/doc/line_reader.h"
#include "indexer/text/analyzer.h"
#include "tests/support/loading.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;
using namespace std::literals;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

// One analyzer for the binary: the loader's callers build it once.
const text::Analyzer& TestAnalyzer() {
  static const text::Analyzer analyzer;
  return analyzer;
}

// A fresh directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vankien_loader_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << p;
    return p.string();
  }

  static bool HaveZstd() { return std::system("zstd --version >/dev/null 2>&1") == 0; }

  // Compresses `plain` with the zstd command-line tool into `name`; returns its path.
  std::string WriteZst(const std::string& name, std::string_view plain) {
    const std::string src = Write(name + ".plain", plain);
    const std::string dst = (dir_ / name).string();
    const std::string cmd = "zstd -q -f '" + src + "' -o '" + dst + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return dst;
  }

  static std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  struct Loaded {
    Status status;
    std::vector<Document> docs;
    std::vector<LoadProblem> problems;
  };

  static Loaded Load(const std::string& path, const std::string& id_for_file = "id-for-file",
                     LoadOptions options = {}) {
    Loaded out;
    out.status = LoadFile(
        path, id_for_file, test_support::WithTextTools(TestAnalyzer(), std::move(options)),
        [&](Document&& d) {
          out.docs.push_back(std::move(d));
          return Status::Ok();
        },
        &out.problems);
    return out;
  }

  static std::vector<std::string> Ids(const std::vector<Document>& docs) {
    std::vector<std::string> ids;
    for (const Document& d : docs) ids.push_back(d.id);
    return ids;
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// ParseJsonRecord
// ---------------------------------------------------------------------------------------------

TEST(ParseJsonRecordTest, MapsKnownFieldsAndKeepsOtherStringFields) {
  auto doc = ParseJsonRecord(
      R"({"id":"vb-001","title":"Nghị quyết 21-NQ/TW","text":"Về xây dựng Đảng",)"
      R"("date":"2022-06-16T08:00:00Z","url":"https://example.vn/a","source":"Báo Nhân Dân",)"
      R"("n":5,"arr":["x"],"obj":{"k":"v"},"flag":true,"nothing":null,"author":"Lê Văn A"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "vb-001");
  EXPECT_EQ(doc->title, "Nghị quyết 21-NQ/TW");
  EXPECT_EQ(doc->text, "Về xây dựng Đảng");
  EXPECT_EQ(doc->date, "2022-06-16");
  EXPECT_EQ(doc->url, "https://example.vn/a");
  EXPECT_EQ(doc->path, "");
  // Only the two other *string* fields; numbers, lists, objects, booleans and null are ignored.
  auto fields = doc->fields;
  std::sort(fields.begin(), fields.end());
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"author", "Lê Văn A"}, {"source", "Báo Nhân Dân"}};
  EXPECT_EQ(fields, expected);
}

TEST(ParseJsonRecordTest, OtherFieldsKeepInputOrder) {
  // document.h: "Other string fields of the source record, in input order".
  auto doc = ParseJsonRecord(R"({"id":"x","zeta":"1","source":"2","alpha":"3","mid":"4"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"zeta", "1"}, {"source", "2"}, {"alpha", "3"}, {"mid", "4"}};
  EXPECT_EQ(doc->fields, expected);
}

TEST(ParseJsonRecordTest, IntegerIdIsPrinted) {
  auto doc = ParseJsonRecord(R"({"id":42,"text":"a"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->id, "42");
  auto big = ParseJsonRecord(R"({"id":9007199254740993})");
  ASSERT_TRUE(big.ok()) << big.status().message();
  EXPECT_EQ(big->id, "9007199254740993");
}

TEST(ParseJsonRecordTest, MissingOrBlankIdIsAnError) {
  for (std::string_view line : {R"({"title":"t","text":"x"})"sv, R"({"id":"","text":"x"})"sv,
                                R"({"id":"   ","text":"x"})"sv, R"({"id":null,"text":"x"})"sv,
                                R"({"id":["a"],"text":"x"})"sv, R"({"id":{},"text":"x"})"sv}) {
    auto doc = ParseJsonRecord(line);
    ASSERT_FALSE(doc.ok()) << line;
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidArgument) << line;
    EXPECT_NE(doc.status().message().find("id"), std::string::npos) << doc.status().message();
  }
}

TEST(ParseJsonRecordTest, InvalidJsonIsAnError) {
  for (std::string_view line : {"{not json"sv, R"({"id":"a",)"sv, ""sv, "   "sv,
                                R"({"id":"a"} trailing)"sv, R"(["id","a"])"sv, "42"sv,
                                R"("just a string")"sv}) {
    auto doc = ParseJsonRecord(line);
    ASSERT_FALSE(doc.ok()) << "accepted: " << line;
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidArgument) << line;
    EXPECT_FALSE(doc.status().message().empty());
  }
}

TEST(ParseJsonRecordTest, NonStringKnownFieldsAreIgnored) {
  auto doc = ParseJsonRecord(R"({"id":"a","title":7,"text":["x"],"date":20220616,"url":null})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, "");
  EXPECT_EQ(doc->text, "");
  EXPECT_EQ(doc->date, "");
  EXPECT_EQ(doc->url, "");
  EXPECT_TRUE(doc->fields.empty());
}

TEST(ParseJsonRecordTest, UnrecognizedDateIsKeptAsAField) {
  auto doc = ParseJsonRecord(R"({"id":"a","date":"hôm qua"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->date, "");
  const std::vector<std::pair<std::string, std::string>> expected = {{"date", "hôm qua"}};
  EXPECT_EQ(doc->fields, expected);
}

TEST(ParseJsonRecordTest, VietnameseDateOrderIsNormalized) {
  auto doc = ParseJsonRecord(R"({"id":"a","date":"16/6/2022"})");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->date, "2022-06-16");
  EXPECT_TRUE(doc->fields.empty());
}

// ---------------------------------------------------------------------------------------------
// NormalizeDate
// ---------------------------------------------------------------------------------------------

struct DateCase {
  std::string_view input;
  std::string_view expected;
};

TEST(NormalizeDateTest, Table) {
  const DateCase cases[] = {
      // ISO and ISO with time
      {"2022-06-16T08:00:00Z", "2022-06-16"},
      {"2022-06-16", "2022-06-16"},
      {"2022-06-16 08:00", "2022-06-16"},
      {"  2022-06-16  ", "2022-06-16"},
      {"2022/06/16", "2022-06-16"},
      {"2022-06", "2022-06"},
      {"2022", "2022"},
      // Vietnamese day-month-year
      {"16/6/2022", "2022-06-16"},
      {"16/06/2022", "2022-06-16"},
      {"5-8-2022", "2022-08-05"},
      {"05.08.2022", "2022-08-05"},
      {"1/1/1999", "1999-01-01"},
      // Garbage and impossible dates
      {"", ""},
      {"   ", ""},
      {"hôm qua", ""},
      {"abcd", ""},
      {"June 16, 2022", ""},
      {"20220616", ""},
      {"2022-13-01", ""},
      {"2022-13", ""},
      {"16/13/2022", ""},
      {"32/1/2022", ""},
      {"0/1/2022", ""},
      {"1/0/2022", ""},
      {"16/6", ""},
      {"16/6/", ""},
      {"16:6:2022", ""},
  };
  for (const DateCase& c : cases) {
    EXPECT_EQ(NormalizeDate(c.input), c.expected) << "input: \"" << c.input << "\"";
  }
}

// ---------------------------------------------------------------------------------------------
// LoadFile: .txt
// ---------------------------------------------------------------------------------------------

using LoadFileTest = TempDirTest;

TEST_F(LoadFileTest, TextFileTitleIsFirstNonEmptyLineAndTextIsTheRest) {
  const std::string path =
      Write("bai.txt", "\n   \n  Tiêu đề bài viết  \nDòng một\n\nDòng hai\n");
  auto r = Load(path, "thu-muc/bai.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "thu-muc/bai.txt");
  EXPECT_EQ(r.docs[0].title, "Tiêu đề bài viết");
  EXPECT_EQ(r.docs[0].text, "Dòng một\n\nDòng hai\n");
  EXPECT_EQ(r.docs[0].path, path);
}

TEST_F(LoadFileTest, TextFileBomIsDropped) {
  const std::string path = Write("bom.txt", "\xEF\xBB\xBFTiêu đề\nNội dung");
  auto r = Load(path, "bom.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Tiêu đề");
  EXPECT_EQ(r.docs[0].text, "Nội dung");
  EXPECT_EQ(r.docs[0].title.find("\xEF\xBB\xBF"), std::string::npos);
}

TEST_F(LoadFileTest, TextFileWithCrlfHasNoCarriageReturnInTitle) {
  const std::string path = Write("crlf.txt", "Tiêu đề\r\nDòng một\r\n");
  auto r = Load(path, "crlf.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Tiêu đề");
  EXPECT_EQ(r.docs[0].text, "Dòng một\r\n");
}

TEST_F(LoadFileTest, TextFileWithOnlyATitle) {
  const std::string path = Write("only.txt", "Chỉ có tiêu đề");
  auto r = Load(path, "only.txt");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Chỉ có tiêu đề");
  EXPECT_EQ(r.docs[0].text, "");
}

TEST_F(LoadFileTest, TextFileOverTheLimitIsRefusedNamingTheFile) {
  const std::string path = Write("qua-lon.txt", "Tiêu đề\n" + std::string(200, 'x') + "\n");
  LoadOptions options;
  options.max_document_bytes = 100;
  auto r = Load(path, "qua-lon.txt", options);
  EXPECT_TRUE(r.docs.empty()) << "a too-large document was loaded";
  // Refused either as a whole-file Status or as a LoadProblem; either way the file is named.
  if (!r.status.ok()) {
    EXPECT_NE(r.status.message().find("qua-lon.txt"), std::string::npos) << r.status.message();
    EXPECT_TRUE(r.problems.empty()) << "a failed file must not also be a problem";
  } else {
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_NE((r.problems[0].path + r.problems[0].message).find("qua-lon.txt"),
              std::string::npos);
  }
  // Exactly at the limit is fine.
  const std::string ok_path = Write("vua.txt", "T\n" + std::string(98, 'x'));
  auto ok = Load(ok_path, "vua.txt", options);
  ASSERT_TRUE(ok.status.ok()) << ok.status.message();
  EXPECT_EQ(ok.docs.size(), 1u);
}

TEST_F(LoadFileTest, MissingFileIsAnError) {
  auto txt = Load((dir_ / "khong-co.txt").string());
  EXPECT_FALSE(txt.status.ok());
  EXPECT_NE(txt.status.message().find("khong-co.txt"), std::string::npos);
  auto jsonl = Load((dir_ / "khong-co.jsonl").string());
  EXPECT_FALSE(jsonl.status.ok());
  EXPECT_NE(jsonl.status.message().find("khong-co.jsonl"), std::string::npos);
  EXPECT_TRUE(txt.docs.empty());
  EXPECT_TRUE(jsonl.docs.empty());
}

TEST_F(LoadFileTest, DocumentFilesNeedTheCallersAnalyzerAndRecognizer) {
  const std::string txt = Write("bai.txt", "Tiêu đề\nNội dung bài viết.\n");
  const auto load = [&](const std::string& path, const LoadOptions& options) {
    Loaded out;
    out.status = LoadFile(
        path, "id", options,
        [&](Document&& d) {
          out.docs.push_back(std::move(d));
          return Status::Ok();
        },
        &out.problems);
    return out;
  };
  LoadOptions only_analyzer;
  only_analyzer.analyzer = &TestAnalyzer();
  for (const LoadOptions& options : {LoadOptions{}, only_analyzer}) {
    const Loaded r = load(txt, options);
    EXPECT_EQ(r.status.code(), Status::Code::kFailedPrecondition);
    EXPECT_NE(r.status.message().find("bai.txt"), std::string::npos) << r.status.message();
    EXPECT_TRUE(r.docs.empty());
  }
  // JSONL records are not described: they load without either.
  const Loaded jsonl = load(Write("a.jsonl", "{\"id\":\"1\",\"text\":\"x\"}\n"), {});
  EXPECT_TRUE(jsonl.status.ok()) << jsonl.status.message();
  EXPECT_EQ(Ids(jsonl.docs), std::vector<std::string>{"1"});
  // With both, the text file loads.
  const Loaded ok = load(txt, test_support::WithTextTools(TestAnalyzer()));
  ASSERT_TRUE(ok.status.ok()) << ok.status.message();
  ASSERT_EQ(ok.docs.size(), 1u);
  EXPECT_EQ(ok.docs[0].title, "Tiêu đề");
}

TEST_F(LoadFileTest, UnknownExtensionIsInvalidArgument) {
  for (const char* name : {"a.pdf", "a.json", "a.txt.gz", "a.zst", "noext"}) {
    const std::string path = Write(name, "{\"id\":\"1\"}\n");
    auto r = Load(path);
    EXPECT_EQ(r.status.code(), Status::Code::kInvalidArgument) << name;
    EXPECT_NE(r.status.message().find(name), std::string::npos) << r.status.message();
    EXPECT_TRUE(r.docs.empty()) << name;
  }
}

TEST(KindOfTest, ByExtension) {
  EXPECT_EQ(KindOf("a/b.txt"), FileKind::kText);
  EXPECT_EQ(KindOf("a/b.TXT"), FileKind::kText);
  EXPECT_EQ(KindOf("a/b.jsonl"), FileKind::kJsonl);
  EXPECT_EQ(KindOf("a/b.jsonl.zst"), FileKind::kJsonl);
  EXPECT_EQ(KindOf("a/b.json"), FileKind::kUnknown);
  EXPECT_EQ(KindOf("a/b.zst"), FileKind::kUnknown);
  EXPECT_EQ(KindOf("txt"), FileKind::kUnknown);
}

// ---------------------------------------------------------------------------------------------
// LoadFile: .jsonl
// ---------------------------------------------------------------------------------------------

const char kMixedJsonl[] =
    "{\"id\":\"1\",\"title\":\"Một\",\"text\":\"văn bản một\"}\n"  // 1 good
    "\n"                                                           // 2 blank
    "{not json\n"                                                  // 3 bad JSON
    "{\"title\":\"không có id\"}\n"                                // 4 no id
    "   \t \n"                                                     // 5 whitespace only
    "{\"id\":\"6\",\"text\":\"sáu\"}\r\n"                          // 6 good, CRLF
    "{\"id\":\"\"}\r\n"                                            // 7 blank id, CRLF
    "{\"id\":8,\"text\":\"tám\"}";                                 // 8 good, no final newline

void ExpectMixedJsonlResult(const std::vector<Document>& docs,
                            const std::vector<LoadProblem>& problems, const std::string& path) {
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_EQ(docs[0].title, "Một");
  EXPECT_EQ(docs[0].text, "văn bản một");
  EXPECT_EQ(docs[1].id, "6");
  EXPECT_EQ(docs[1].text, "sáu");
  EXPECT_EQ(docs[2].id, "8");
  EXPECT_EQ(docs[2].text, "tám");
  for (const Document& d : docs) {
    EXPECT_EQ(d.path, path);
    EXPECT_EQ(d.text.find('\r'), std::string::npos);
  }
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].line, 3u);
  EXPECT_EQ(problems[1].line, 4u);
  EXPECT_EQ(problems[2].line, 7u);
  for (const LoadProblem& p : problems) {
    EXPECT_EQ(p.path, path);
    EXPECT_FALSE(p.message.empty());
  }
}

TEST_F(LoadFileTest, JsonlBadLinesBecomeProblemsWithLineNumbers) {
  const std::string path = Write("data.jsonl", kMixedJsonl);
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ExpectMixedJsonlResult(r.docs, r.problems, path);
}

TEST_F(LoadFileTest, JsonlEmptyFileLoadsNothing) {
  const std::string path = Write("empty.jsonl", "");
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.problems.empty());
}

TEST_F(LoadFileTest, JsonlLoadStopsAtTheFirstRecordTheSinkRefuses) {
  // Record 3 is bad JSON: reaching it would add a problem, so no problem proves the reader
  // stopped at record 2, where the sink failed, and the sink's own Status came back.
  const std::string path = Write("stop.jsonl", "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{not json\n{\"id\":\"4\"}\n");
  std::vector<std::string> seen;
  std::vector<LoadProblem> problems;
  const Status st = LoadFile(path, "", {}, [&](Document&& d) {
    seen.push_back(d.id);
    return seen.size() == 2 ? Status::ResourceExhausted("disk full") : Status::Ok();
  }, &problems);
  EXPECT_EQ(st.code(), Status::Code::kResourceExhausted) << st.ToString();
  EXPECT_EQ(st.message(), "disk full");
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(problems.empty()) << problems.front().message;
}

TEST_F(LoadFileTest, TextFileSinkFailureIsReturnedAsIs) {
  const std::string path = Write("one.txt", "Tiêu đề\nnội dung");
  std::vector<LoadProblem> problems;
  const Status st = LoadFile(path, "one", test_support::WithTextTools(TestAnalyzer()), [](Document&&) { return Status::PermissionDenied("read-only"); },
                             &problems);
  EXPECT_EQ(st.code(), Status::Code::kPermissionDenied) << st.ToString();
  EXPECT_EQ(st.message(), "read-only");
}

TEST_F(LoadFileTest, JsonlRecordOverTheLimitIsAProblemAndLoadingGoesOn) {
  const std::string big = "{\"id\":\"2\",\"text\":\"" + std::string(500, 'x') + "\"}";
  const std::string path =
      Write("big.jsonl", "{\"id\":\"1\"}\n" + big + "\n{\"id\":\"3\"}\n");
  LoadOptions options;
  options.max_document_bytes = 100;
  auto r = Load(path, "", options);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(Ids(r.docs), (std::vector<std::string>{"1", "3"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_EQ(r.problems[0].path, path);
}

TEST_F(LoadFileTest, JsonlManyRecordsAcrossReadChunks) {
  // Well over the reader's 64 KiB chunk, so lines straddle chunk boundaries.
  std::string content;
  const int n = 3000;
  for (int i = 1; i <= n; ++i) {
    content += "{\"id\":\"doc-" + std::to_string(i) + "\",\"text\":\"Đảng và nhà nước " +
               std::string(static_cast<std::size_t>(i % 37), 'a') + "\"}\n";
  }
  ASSERT_GT(content.size(), 3u * 65536u);
  const std::string path = Write("many.jsonl", content);
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    ASSERT_EQ(r.docs[i - 1].id, "doc-" + std::to_string(i));
    ASSERT_EQ(r.docs[i - 1].text,
              "Đảng và nhà nước " + std::string(static_cast<std::size_t>(i % 37), 'a'));
  }
}

// ---------------------------------------------------------------------------------------------
// LoadFile: .jsonl.zst
// ---------------------------------------------------------------------------------------------

TEST_F(LoadFileTest, JsonlZstIsDecompressed) {
  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  const std::string path = WriteZst("data.jsonl.zst", kMixedJsonl);
  ASSERT_NE(ReadAll(path).substr(0, 4), std::string(kMixedJsonl).substr(0, 4));
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ExpectMixedJsonlResult(r.docs, r.problems, path);
}

TEST_F(LoadFileTest, JsonlZstLargerThanOneOutputBuffer) {
  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  std::string content;
  const int n = 12000;
  for (int i = 1; i <= n; ++i) {
    content += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"xây dựng " +
               std::to_string(i * 7919) + "\"}\n";
  }
  ASSERT_GT(content.size(), 2u * 131072u);
  const std::string path = WriteZst("big.jsonl.zst", content);
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(r.docs.front().id, "1");
  EXPECT_EQ(r.docs.back().id, std::to_string(n));
  EXPECT_EQ(r.docs.back().text, "xây dựng " + std::to_string(n * 7919));
}

TEST_F(LoadFileTest, JsonlZstConcatenatedFramesAreRead) {
  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  const std::string a = WriteZst("a.zst", "{\"id\":\"a\"}\n");
  const std::string b = WriteZst("b.zst", "{\"id\":\"b\"}\n");
  const std::string path = Write("ab.jsonl.zst", ReadAll(a) + ReadAll(b));
  auto r = Load(path);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(Ids(r.docs), (std::vector<std::string>{"a", "b"}));
}

TEST_F(LoadFileTest, TruncatedZstIsReportedNotCrashed) {
  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  std::string content;
  for (int i = 1; i <= 2000; ++i) {
    content += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::to_string(i * 31337) +
               " nghị quyết\"}\n";
  }
  const std::string full = ReadAll(WriteZst("full.jsonl.zst", content));
  ASSERT_GT(full.size(), 100u);
  for (std::size_t keep : {full.size() / 2, full.size() - 1, std::size_t{5}}) {
    const std::string path = Write("cut.jsonl.zst", full.substr(0, keep));
    auto r = Load(path);
    EXPECT_TRUE(!r.status.ok() || !r.problems.empty())
        << "truncated to " << keep << " of " << full.size() << " bytes, yet loaded "
        << r.docs.size() << " documents without complaint";
    if (!r.status.ok()) {
      EXPECT_NE(r.status.message().find("cut.jsonl.zst"), std::string::npos)
          << r.status.message();
    }
    // Cut in the middle, the records after the cut cannot have been loaded.
    if (keep == full.size() / 2) {
      EXPECT_LT(r.docs.size(), 2000u);
    }
  }
}

TEST_F(LoadFileTest, CorruptZstIsReportedNotCrashed) {
  // Not zstd at all.
  const std::string plain = Write("plain.jsonl.zst", "{\"id\":\"1\"}\n{\"id\":\"2\"}\n");
  auto r = Load(plain);
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), Status::Code::kCorrupt) << r.status.message();
  EXPECT_TRUE(r.docs.empty());

  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  std::string content;
  for (int i = 1; i <= 500; ++i) content += "{\"id\":\"" + std::to_string(i) + "\"}\n";
  std::string bytes = ReadAll(WriteZst("ok.jsonl.zst", content));
  ASSERT_GT(bytes.size(), 40u);
  for (std::size_t i = bytes.size() / 3; i < bytes.size() / 3 + 8; ++i) bytes[i] ^= 0x5A;
  const std::string path = Write("bad.jsonl.zst", bytes);
  auto c = Load(path);
  EXPECT_TRUE(!c.status.ok() || !c.problems.empty())
      << "corrupt frame loaded " << c.docs.size() << " documents without complaint";
}

// ---------------------------------------------------------------------------------------------
// LineReader
// ---------------------------------------------------------------------------------------------

using LineReaderTest = TempDirTest;

std::vector<std::pair<LineReader::Outcome, std::string>> ReadAllLines(LineReader& reader,
                                                                      std::vector<std::size_t>* numbers) {
  std::vector<std::pair<LineReader::Outcome, std::string>> out;
  std::string line;
  for (int guard = 0; guard < 100000; ++guard) {
    line = "<unset>";
    const auto o = reader.Next(&line);
    if (o == LineReader::Outcome::kEnd || o == LineReader::Outcome::kError) break;
    out.emplace_back(o, o == LineReader::Outcome::kLine ? line : std::string());
    if (numbers) numbers->push_back(reader.line_number());
  }
  return out;
}

TEST_F(LineReaderTest, LastLineWithoutNewline) {
  const std::string path = Write("a.jsonl", "một\nhai\r\n\nba");
  auto reader = LineReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  std::vector<std::size_t> numbers;
  const auto lines = ReadAllLines(**reader, &numbers);
  using O = LineReader::Outcome;
  const std::vector<std::pair<O, std::string>> expected = {
      {O::kLine, "một"}, {O::kLine, "hai"}, {O::kLine, ""}, {O::kLine, "ba"}};
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
  std::string line;
  EXPECT_EQ((*reader)->Next(&line), O::kEnd);
  EXPECT_EQ((*reader)->Next(&line), O::kEnd);
  EXPECT_TRUE((*reader)->status().ok());
  EXPECT_EQ((*reader)->bytes_read(), std::string("một\nhai\r\n\nba").size());
}

TEST_F(LineReaderTest, EmptyFileEndsAtOnce) {
  const std::string path = Write("empty.txt", "");
  auto reader = LineReader::Open(path);
  ASSERT_TRUE(reader.ok());
  std::string line;
  EXPECT_EQ((*reader)->Next(&line), LineReader::Outcome::kEnd);
}

TEST_F(LineReaderTest, MissingFileFailsToOpen) {
  auto reader = LineReader::Open((dir_ / "khong-co.jsonl").string());
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIoError);
  EXPECT_NE(reader.status().message().find("khong-co.jsonl"), std::string::npos);
}

TEST_F(LineReaderTest, ShortFileLineLongerThanMaxIsTooLongAndLaterLinesAreRead) {
  // The whole file fits in one read chunk.
  const std::string path = Write("long.jsonl", "ngắn\n" + std::string(50, 'x') + "\nsau\ncuối");
  auto reader = LineReader::Open(path, /*max_line=*/10);
  ASSERT_TRUE(reader.ok());
  std::vector<std::size_t> numbers;
  const auto lines = ReadAllLines(**reader, &numbers);
  using O = LineReader::Outcome;
  const std::vector<std::pair<O, std::string>> expected = {
      {O::kLine, "ngắn"}, {O::kTooLong, ""}, {O::kLine, "sau"}, {O::kLine, "cuối"}};
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST_F(LineReaderTest, LineLongerThanMaxAcrossChunksIsTooLongAndLaterLinesAreRead) {
  // The long line spans several 64 KiB read chunks.
  const std::string path =
      Write("huge.jsonl", "a\n" + std::string(300000, 'y') + "\nb\n" + std::string(5000, 'z'));
  auto reader = LineReader::Open(path, /*max_line=*/1000);
  ASSERT_TRUE(reader.ok());
  std::vector<std::size_t> numbers;
  const auto lines = ReadAllLines(**reader, &numbers);
  using O = LineReader::Outcome;
  const std::vector<std::pair<O, std::string>> expected = {
      {O::kLine, "a"}, {O::kTooLong, ""}, {O::kLine, "b"}, {O::kTooLong, ""}};
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST_F(LineReaderTest, LineOfExactlyMaxIsKept) {
  const std::string path = Write("exact.txt", std::string(10, 'q') + "\nr\n");
  auto reader = LineReader::Open(path, /*max_line=*/10);
  ASSERT_TRUE(reader.ok());
  const auto lines = ReadAllLines(**reader, nullptr);
  using O = LineReader::Outcome;
  const std::vector<std::pair<O, std::string>> expected = {{O::kLine, std::string(10, 'q')},
                                                           {O::kLine, "r"}};
  EXPECT_EQ(lines, expected);
}

TEST_F(LineReaderTest, ZstdInputIsDecompressed) {
  if (!HaveZstd()) GTEST_SKIP() << "the zstd command-line tool is not installed";
  const std::string path = WriteZst("lines.txt.zst", "một\r\nhai\nba");
  auto reader = LineReader::Open(path);
  ASSERT_TRUE(reader.ok());
  const auto lines = ReadAllLines(**reader, nullptr);
  using O = LineReader::Outcome;
  const std::vector<std::pair<O, std::string>> expected = {
      {O::kLine, "một"}, {O::kLine, "hai"}, {O::kLine, "ba"}};
  EXPECT_EQ(lines, expected);
  EXPECT_TRUE((*reader)->status().ok());
  EXPECT_EQ((*reader)->bytes_read(), ReadAll(path).size());
}

TEST_F(LineReaderTest, GarbageZstdGivesErrorStatus) {
  const std::string path = Write("junk.zst", "definitely not zstd\nat all\n");
  auto reader = LineReader::Open(path);
  ASSERT_TRUE(reader.ok());
  std::string line;
  EXPECT_EQ((*reader)->Next(&line), LineReader::Outcome::kError);
  EXPECT_FALSE((*reader)->status().ok());
  EXPECT_NE((*reader)->status().message().find("junk.zst"), std::string::npos);
}

}  // namespace
}  // namespace vankien
