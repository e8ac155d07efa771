// The request handler of `vankien serve` (tools/server/handler.h) without sockets: routes,
// parameter checks, status codes, headers, static files and traversal attempts, and the archive
// picking up a re-indexed or replaced database.
#include "tools/server/handler.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "indexer/text/analyzer.h"
#include "tests/support/paths.h"
#include "tools/server/archive.h"

namespace vankien::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::TempDir;

Document Doc(std::string id, std::string title, std::string text, std::string date = "") {
  Document d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.text = std::move(text);
  d.date = std::move(date);
  d.kind = "article";
  return d;
}

Document Official() {
  Document d = Doc("nq-21", "Nghị quyết về tăng cường củng cố, xây dựng tổ chức cơ sở đảng",
                   "Nghị quyết số 21-NQ/TW. Xây dựng Đảng trong sạch, vững mạnh; củng cố tổ chức cơ sở.",
                   "2022-06-16");
  d.symbol = "21-NQ/TW";
  d.kind = "Nghị quyết";
  d.term = "XIII";
  d.path = "/srv/archive/private/nq-21.txt";  // a server path the API must not send
  return d;
}

const std::string kCitingText =
    "Hội nghị quán triệt Nghị quyết số 21-NQ/TW ngày 16/6/2022 về xây dựng tổ chức cơ sở đảng. "
    "Văn bản có <script>alert(1)</script> trong nội dung.";

void Write(const std::string& db, const std::vector<Document>& docs) {
  static const text::Analyzer analyzer;
  auto writer = IndexWriter::Open(db, analyzer);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  for (const auto& d : docs) ASSERT_TRUE((*writer)->Add(d).ok());
  ASSERT_TRUE((*writer)->Commit().ok());
}

class HandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = tmp_ / "db";
    Write(db_, {Official(), Doc("bai/1.txt", "Quán triệt Nghị quyết 21-NQ/TW", kCitingText, "2022-08-01"),
                Doc("xss", "<script>alert('x')</script> Tin xây dựng",
                    "<img src=x onerror=alert(1)> Tin về xây dựng đảng viên.", "2023-01-05")});
    archive_ = std::make_unique<Archive>(db_, std::chrono::milliseconds(0));
    options_.log = [this](std::string_view line) { log_.append(line).append("\n"); };
  }

  HttpResponse Get(const std::string& target, const std::string& method = "GET") {
    HttpRequest r;
    r.method = method;
    r.target = target;
    r.host = "127.0.0.1:8080";
    return Handle(r, archive_.get(), options_);
  }

  json Json(const HttpResponse& r) { return json::parse(r.body, nullptr, false); }

  TempDir tmp_;
  std::string db_;
  std::unique_ptr<Archive> archive_;
  HandlerOptions options_;
  std::string log_;
};

TEST_F(HandlerTest, SearchUnaccentedFindsAccentedWithByteRangeHighlights) {
  const auto r = Get("/api/search?q=xay+dung+dang");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  const json j = Json(r);
  ASSERT_TRUE(j.is_object());
  EXPECT_GE(j["total"].get<int>(), 2);
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["size"], 10);
  // Facets: an object keyed by facet name, each a list of {value, count} by descending count.
  ASSERT_TRUE(j["facets"].is_object()) << j["facets"].dump();
  ASSERT_TRUE(j["facets"]["kind"].is_array());
  std::size_t previous = SIZE_MAX;
  for (const auto& v : j["facets"]["kind"]) {
    EXPECT_TRUE(v["value"].is_string());
    EXPECT_LE(v["count"].get<std::size_t>(), previous);
    previous = v["count"];
  }
  EXPECT_TRUE(Json(Get("/api/search?q=xay+dung+dang&facets=0"))["facets"].empty());
  EXPECT_TRUE(j["suggestion"].is_string());
  EXPECT_TRUE(j["notices"].is_array());
  ASSERT_FALSE(j["hits"].empty());
  int marked = 0;
  for (const auto& h : j["hits"]) {
    const std::string text = h["snippet"]["text"];
    for (const auto& range : h["snippet"]["highlights"]) {
      const std::size_t b = range[0], e = range[1];
      ASSERT_LT(b, e);
      ASSERT_LE(e, text.size());
      const std::string word = text.substr(b, e - b);
      static const std::set<std::string> kWords = {"xây", "Xây", "dựng", "đảng", "Đảng", "dung"};
      EXPECT_TRUE(kWords.count(word)) << word;  // whole words, on UTF-8 boundaries
      ++marked;
    }
  }
  EXPECT_GT(marked, 0);
}

TEST_F(HandlerTest, HitsCarryKindSymbolAndDate) {
  const json j = Json(Get("/api/search?q=21-NQ%2FTW"));
  ASSERT_FALSE(j["hits"].empty());
  bool official = false;
  for (const auto& h : j["hits"]) {
    if (h["id"] == "nq-21") {
      official = true;
      EXPECT_EQ(h["symbol"], "21-NQ/TW");
      EXPECT_EQ(h["date"], "2022-06-16");
      EXPECT_EQ(h["kind"], "NQ");
    }
  }
  EXPECT_TRUE(official) << j.dump();
}

TEST_F(HandlerTest, BadSearchParametersAre400) {
  for (const std::string target :
       {"/api/search?q=dang&page=0", "/api/search?q=dang&page=abc", "/api/search?q=dang&page=-1",
        "/api/search?q=dang&page=99999999999999999999999", "/api/search?q=dang&page=1e9",
        "/api/search?q=dang&size=0", "/api/search?q=dang&size=51", "/api/search?q=dang&sort=random",
        "/api/search?q=dang&from=20x2", "/api/search?q=dang&to=2022-13-011",
        "/api/search?q=%ff%fe", "/api/search?q=%c3", "/api/search?q=a%00b", "/api/search?q=%zz",
        "/api/search?q=dang%", "/api/search?q=dang&issuer=%01", "/api/search?q=",
        "/api/search?q=dang&type=NQNQNQNQNQNQNQNQNQ"}) {
    const auto r = Get(target);
    EXPECT_EQ(r.status, 400) << target << " " << r.body;
    const json j = Json(r);
    ASSERT_TRUE(j.is_object()) << target;
    EXPECT_TRUE(j["error"].is_string()) << target;
  }
}

TEST_F(HandlerTest, PageDepthIsBoundedByTheLibraryLimit) {
  const std::size_t deepest = search::SearchOptions::kMaxOffset / 10 + 1;
  EXPECT_EQ(Get("/api/search?q=dang&page=" + std::to_string(deepest)).status, 200);
  EXPECT_EQ(Get("/api/search?q=dang&page=" + std::to_string(deepest + 1)).status, 400);
  const json j = Json(Get("/api/search?q=dang&page=2&size=1"));
  EXPECT_EQ(j["page"], 2);
  EXPECT_EQ(j["hits"].size(), 1u);
}

TEST_F(HandlerTest, OverlongQueryIs400) {
  std::string words;
  while (words.size() < options_.max_query_bytes) words += "dang+";
  words.resize(options_.max_query_bytes);  // '+' decodes to one byte, like a letter
  EXPECT_EQ(Get("/api/search?q=" + words).status, 200);
  EXPECT_EQ(Get("/api/search?q=" + words + "a").status, 400);
}

TEST_F(HandlerTest, DocumentWithReferencesAsByteRanges) {
  for (const std::string target : {"/api/doc/bai%2F1.txt", "/api/doc/bai/1.txt", "/api/doc?id=bai%2F1.txt"}) {
    const auto r = Get(target);
    ASSERT_EQ(r.status, 200) << target << r.body;
    const json j = Json(r);
    EXPECT_EQ(j["id"], "bai/1.txt");
    const std::string text = j["text"];
    EXPECT_EQ(text, kCitingText);
    ASSERT_FALSE(j["refs"].empty()) << target;
    const auto& ref = j["refs"][0];
    EXPECT_EQ(ref["symbol"], "21-NQ/TW");
    const std::size_t b = ref["begin"], e = ref["end"];
    EXPECT_EQ(text.substr(b, e - b), ref["surface"].get<std::string>());
    EXPECT_NE(text.substr(b, e - b).find("21-NQ/TW"), std::string::npos);
  }
  // The shape has "path" (as `vankien show --json`), but the server's files are not told.
  const auto own = Get("/api/doc/nq-21");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(Json(own)["path"], "");
  EXPECT_EQ(own.body.find("/srv/archive"), std::string::npos);
  EXPECT_EQ(Get("/api/doc/no-such-id").status, 404);
  EXPECT_EQ(Get("/api/doc/no-such-id").body.find(db_), std::string::npos) << "no index path in a 404";
  EXPECT_EQ(Get("/api/doc/").status, 400);
  EXPECT_EQ(Get("/api/doc/%ff").status, 400);
}

TEST_F(HandlerTest, ReferenceOffsetsHoldInTextWithInvalidBytes) {
  // Each invalid byte becomes U+FFFD (3 bytes) in the text sent: offsets are into that text.
  Write(db_, {Doc("bad-bytes", "Bad", "\xff\xfe\xfd Theo Nghị quyết số 21-NQ/TW \xc3 và Kết luận 21-KL/TW.")});
  const json j = Json(Get("/api/doc/bad-bytes"));
  const std::string text = j["text"];
  EXPECT_EQ(text.find('\xff'), std::string::npos);
  ASSERT_EQ(j["refs"].size(), 2u) << j.dump();
  for (const auto& ref : j["refs"]) {
    const std::size_t b = ref["begin"], e = ref["end"];
    ASSERT_LE(e, text.size());
    EXPECT_EQ(text.substr(b, e - b), ref["surface"].get<std::string>());
  }
  EXPECT_EQ(j["refs"][1]["symbol"], "21-KL/TW");
}

TEST_F(HandlerTest, ReferencePageHasTheDocumentFactsAndCiters) {
  const auto r = Get("/api/ref/21-NQ%2FTW");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = Json(r);
  EXPECT_EQ(j["symbol"], "21-NQ/TW");
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["documents"][0]["id"], "nq-21");
  EXPECT_GE(j["citing_documents"].get<int>(), 1);
  bool cited = false;
  for (const auto& g : j["groups"]) {
    for (const auto& c : g["citations"]) {
      if (c["id"] == "bai/1.txt") {
        cited = true;
        EXPECT_NE(c["context"].get<std::string>().find("21-NQ/TW"), std::string::npos);
      }
    }
  }
  EXPECT_TRUE(cited) << j.dump();
  // The raw form with a slash in the path and the query form work too.
  EXPECT_EQ(Json(Get("/api/ref/21-NQ/TW"))["symbol"], "21-NQ/TW");
  EXPECT_EQ(Json(Get("/api/ref?q=NQ+21%2FTW"))["symbol"], "21-NQ/TW");
  EXPECT_EQ(Get("/api/ref/hello").status, 400);
}

TEST_F(HandlerTest, CatalogAsPageAndJson) {
  // The fixture holds 21-NQ/TW itself and an article citing it.
  const auto j = Get("/api/catalog");
  ASSERT_EQ(j.status, 200) << j.body;
  const json c = Json(j);
  bool found = false;
  for (const auto& e : c["entries"]) {
    if (e["symbol"] == "21-NQ/TW") {
      found = true;
      EXPECT_GE(e["citing_documents"].get<int>(), 1) << e.dump();
    }
  }
  EXPECT_TRUE(found) << c.dump();
  EXPECT_EQ(Json(Get("/api/catalog?type=KL"))["entries"].size(), 0u);
  EXPECT_EQ(Get("/api/catalog?sort=sideways").status, 400);
  EXPECT_EQ(Get("/api/catalog?min=-1").status, 400);

  const auto page = Get("/catalog");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("21-NQ/TW"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)</script>"), std::string::npos) << "archive text is escaped";
  const std::string csp = page.Header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("script-src"), std::string::npos) << "the catalogue page runs no script";
}

TEST_F(HandlerTest, StatsAndHealth) {
  const auto s = Get("/api/stats");
  ASSERT_EQ(s.status, 200);
  EXPECT_EQ(Json(s)["documents"], 3);
  const auto h = Get("/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(Json(h)["status"], "ok");
  EXPECT_EQ(Get("/api/nothing").status, 404);
}

TEST_F(HandlerTest, MissingIndexIs503WithoutLeakingThePath) {
  Archive missing(tmp_ / "not-there", std::chrono::milliseconds(0));
  HttpRequest r;
  r.method = "GET";
  for (const std::string target : {"/healthz", "/api/search?q=dang", "/api/stats", "/api/doc/x", "/api/ref/21-NQ%2FTW"}) {
    r.target = target;
    const auto resp = Handle(r, &missing, options_);
    EXPECT_EQ(resp.status, 503) << target;
    EXPECT_EQ(resp.body.find(tmp_.path().string()), std::string::npos) << resp.body;
  }
  EXPECT_NE(log_.find("not-there"), std::string::npos);  // the operator sees why
  r.target = "/";
  EXPECT_EQ(Handle(r, &missing, options_).status, 200);  // the page still loads
  EXPECT_EQ(Handle(r, nullptr, options_).status, 200);
}

TEST_F(HandlerTest, MethodsOtherThanGetAndHeadAre405) {
  for (const std::string m : {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "BREW", "get"}) {
    const auto r = Get("/api/search?q=dang", m);
    EXPECT_EQ(r.status, 405) << m;
    EXPECT_EQ(r.Header("Allow"), "GET, HEAD, OPTIONS");
  }
  EXPECT_EQ(Get("/api/search?q=dang", "HEAD").status, 200);
  const auto o = Get("/api/search", "OPTIONS");
  EXPECT_EQ(o.status, 204);
  EXPECT_EQ(o.Header("Access-Control-Allow-Origin"), "");
}

TEST_F(HandlerTest, CorsOnlyWhenAsked) {
  EXPECT_EQ(Get("/api/search?q=dang").Header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(Get("/api/stats").Header("Access-Control-Allow-Origin"), "");
  options_.cors_origin = "https://archive.example";
  EXPECT_EQ(Get("/api/search?q=dang").Header("Access-Control-Allow-Origin"), "https://archive.example");
  EXPECT_EQ(Get("/api/search", "OPTIONS").Header("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(Get("/").Header("Access-Control-Allow-Origin"), "");  // the page itself: never
}

TEST_F(HandlerTest, SecurityHeadersOnEveryResponse) {
  for (const std::string target : {"/", "/app.js", "/api/search?q=dang", "/api/search?q=", "/nope", "/healthz"}) {
    const auto r = Get(target);
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_NE(r.Header("Content-Security-Policy").find("default-src 'none'"), std::string::npos) << target;
    EXPECT_NE(r.Header("Content-Security-Policy").find("script-src 'self'"), std::string::npos) << target;
  }
}

TEST_F(HandlerTest, ForeignHostIsRefusedOnLoopback) {
  options_.allowed_hosts = LoopbackHosts();
  HttpRequest r;
  r.method = "GET";
  r.target = "/api/stats";
  for (const std::string host : {"127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]:8080", ""}) {
    r.host = host;
    EXPECT_EQ(Handle(r, archive_.get(), options_).status, 200) << host;
  }
  for (const std::string host : {"evil.example", "evil.example:8080", "127.0.0.1.evil.example"}) {
    r.host = host;
    EXPECT_EQ(Handle(r, archive_.get(), options_).status, 421) << host;
  }
}

TEST_F(HandlerTest, TargetLimitsAndForms) {
  EXPECT_EQ(Get("/api/search?q=" + std::string(options_.max_target_bytes, 'a')).status, 414);
  EXPECT_EQ(Get("http://127.0.0.1/api/stats").status, 400);
  EXPECT_EQ(Get("*").status, 400);
  EXPECT_EQ(Get("").status, 400);
}

TEST_F(HandlerTest, EmbeddedPageIsServed) {
  const auto page = Get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("Kho văn kiện"), std::string::npos);
  EXPECT_EQ(Get("/index.html").body, page.body);
  const auto js = Get("/app.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(js.body.find("textContent"), std::string::npos);
  EXPECT_EQ(js.body.find("innerHTML"), std::string::npos);  // no HTML parsing of data, ever
  EXPECT_EQ(Get("/style.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(Get("/missing.js").status, 404);
}

// Every way out of the static directory; none may return the secret's bytes.
const std::vector<std::string> kTraversals = {
    "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
    "/%2E%2E%2Fsecret.txt", "/%252e%252e%252fsecret.txt", "/%252e%252e/secret.txt",
    "/static/../../secret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt",
    "//secret.txt", "/%2fsecret.txt", "/%2F%2E%2E%2Fsecret.txt", "/.%2e/secret.txt",
    "/secret.txt%00.html", "/index.html%00", "/%00", "/.hidden", "/./index.html",
    "/sub/../index.html", "/link.txt", "/C:%5csecret.txt", "/index.html/", "/..",
    "/%2e%2e", "/....//secret.txt", "/.../secret.txt"};

TEST_F(HandlerTest, StaticDirectoryRefusesEveryTraversal) {
  // static/ holds the page and a symbolic link leading out; secret.txt sits beside it.
  const fs::path root = tmp_.path() / "static";
  fs::create_directories(root / "sub");
  std::ofstream(root / "index.html") << "<!doctype html>page";
  std::ofstream(root / ".hidden") << "hidden";
  std::ofstream(tmp_.path() / "secret.txt") << "SECRET";
  fs::create_symlink(tmp_.path() / "secret.txt", root / "link.txt");
  options_.static_dir = (tmp_.path() / "static").string();
  EXPECT_EQ(Get("/").body, "<!doctype html>page");
  for (const auto& target : kTraversals) {
    const auto r = Get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " " << r.status;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("hidden"), std::string::npos) << target;
  }
  // Absolute paths name nothing in the directory.
  EXPECT_EQ(Get("/etc/passwd").status, 404);
  EXPECT_EQ(Get("/%2Fetc%2Fpasswd").status, 404);
}

TEST_F(HandlerTest, EmbeddedAssetsRefuseEveryTraversal) {
  for (const auto& target : kTraversals) {
    const auto r = Get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " " << r.status;
  }
}

TEST(AssetNameTest, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/", "index.html"},     {"/index.html", "index.html"}, {"/app.js", "app.js"},
      {"/style.css", "style.css"}, {"/a-b_c.min.js", "a-b_c.min.js"}, {"/../x", ""},
      {"/..", ""},             {"/.x", ""},                   {"/a/b.js", ""},
      {"/a\\b", ""},           {std::string("/a\0b", 4), ""}, {"//x", ""},
      {"/a..b", ""},           {"x", ""},                     {"", ""},
      {"/%2e", ""},            {"/C:x", ""}};
  for (const auto& [in, want] : cases) EXPECT_EQ(AssetName(in), want) << in;
}

TEST(PercentDecodeTest, Table) {
  std::string out;
  EXPECT_TRUE(PercentDecode("a%20b+c", true, &out));
  EXPECT_EQ(out, "a b c");
  EXPECT_TRUE(PercentDecode("a+b", false, &out));
  EXPECT_EQ(out, "a+b");
  EXPECT_TRUE(PercentDecode("%C4%90%e1%BA%A3ng", false, &out));
  EXPECT_EQ(out, "Đảng");
  EXPECT_TRUE(PercentDecode("%252e", false, &out));
  EXPECT_EQ(out, "%2e");  // decoded once only
  for (const std::string bad : {"%", "%2", "%zz", "a%g0", "%%"}) {
    EXPECT_FALSE(PercentDecode(bad, false, &out)) << bad;
  }
}

TEST_F(HandlerTest, ReindexedDatabaseIsPickedUp) {
  EXPECT_EQ(Json(Get("/api/stats"))["documents"], 3);
  EXPECT_EQ(Json(Get("/api/search?q=hoptacxa"))["total"], 0);
  Write(db_, {Doc("moi", "Tin mới", "hoptacxa kiểu mới", "2024-01-01")});
  EXPECT_EQ(Json(Get("/api/search?q=hoptacxa"))["total"], 1);
  EXPECT_EQ(Json(Get("/api/stats"))["documents"], 4);
  EXPECT_EQ(archive_->opens(), 2);
}

TEST_F(HandlerTest, ReplacedDatabaseDirectoryIsPickedUp) {
  ASSERT_EQ(Get("/api/doc/nq-21").status, 200);
  const std::string fresh = tmp_ / "fresh";
  Write(fresh, {Doc("khac", "Một kho khác", "thuvienmoi hoàn toàn", "2024-01-01")});
  fs::rename(db_, tmp_ / "old");
  fs::rename(fresh, db_);
  EXPECT_EQ(Get("/api/doc/nq-21").status, 404);
  EXPECT_EQ(Json(Get("/api/search?q=thuvienmoi"))["total"], 1);
  // Removed altogether: the revision already open keeps answering.
  fs::rename(db_, tmp_ / "gone");
  EXPECT_EQ(Get("/api/doc/khac").status, 200);
}


// The date, term and type values the CLI accepts (search/query_filters.h) are accepted by the API:
// it hands them over as typed instead of checking them itself.
TEST_F(HandlerTest, FilterValuesAreReadByTheLibraryAsInTheCli) {
  auto ids = [&](const std::string& target) {
    const auto r = Get(target);
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    std::set<std::string> out;
    const json j = Json(r);
    for (const auto& h : j["hits"]) out.insert(h["id"].get<std::string>());
    return out;
  };
  // nq-21 is dated 2022-06-16, bai/1.txt 2022-08-01, xss 2023-01-05.
  const std::set<std::string> after = {"bai/1.txt", "xss"};
  EXPECT_EQ(ids("/api/search?q=xay+dung&from=30/6/2022"), after);
  EXPECT_EQ(ids("/api/search?q=xay+dung&from=30%2F6%2F2022"), after);
  EXPECT_EQ(ids("/api/search?q=xay+dung&from=2022-06-30"), after);
  EXPECT_EQ(ids("/api/search?q=xay+dung&to=6/2022"), std::set<std::string>{"nq-21"});
  EXPECT_EQ(ids("/api/search?q=xay+dung&term=13"), std::set<std::string>{"nq-21"});
  EXPECT_EQ(ids("/api/search?q=xay+dung&type=nghi-quyet"), std::set<std::string>{"nq-21"});
  // The library's own message, as `vankien search --from hom-qua` prints it.
  const auto bad = Get("/api/search?q=xay+dung&from=hom-qua");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(Json(bad)["error"].get<std::string>().find("unknown date \"hom-qua\""), std::string::npos)
      << bad.body;
}

TEST(HttpStatusTest, EveryStatusCodeHasItsHttpStatus) {
  using C = Status::Code;
  const std::vector<std::pair<C, int>> cases = {
      {C::kOk, 200},
      {C::kInvalidArgument, 400},
      {C::kNotFound, 404},
      {C::kUnavailable, 503},
      {C::kFailedPrecondition, 503},
      {C::kResourceExhausted, 503},
      {C::kIoError, 500},
      {C::kCorrupt, 500},
      {C::kInternal, 500},
      {C::kPermissionDenied, 500}};
  for (const auto& [code, http] : cases) {
    EXPECT_EQ(HttpStatusOf(code), http) << Status::CodeName(code);
  }
}

TEST(HttpStatusTest, ClientErrorsSayWhyServerErrorsTellOnlyTheLog) {
  std::string log;
  HandlerOptions options;
  options.log = [&](std::string_view line) { log.append(line).append("\n"); };

  const auto bad = StatusResponse(Status::InvalidArgument("unknown date \"x\""), options);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"], "unknown date \"x\"");
  EXPECT_EQ(StatusResponse(Status::NotFound("no such thing"), options).status, 404);
  EXPECT_TRUE(log.empty()) << log;

  for (const Status& st : {Status::IoError("reading /srv/db/postlist.glass failed"),
                           Status::PermissionDenied("/srv/db is not readable"),
                           Status::Corrupt("/srv/db/termlist.glass is damaged")}) {
    const auto r = StatusResponse(st, options);
    EXPECT_EQ(r.status, 500) << st.ToString();
    EXPECT_EQ(r.body.find("/srv/db"), std::string::npos) << r.body;
    EXPECT_TRUE(json::parse(r.body)["error"].is_string());
  }
  for (const Status& st : {Status::Unavailable("shard tcp://10.0.0.7:7000 does not answer"),
                           Status::FailedPrecondition("/srv/db has schema 2; re-index"),
                           Status::ResourceExhausted("too many open files under /srv/db")}) {
    const auto r = StatusResponse(st, options);
    EXPECT_EQ(r.status, 503) << st.ToString();
    EXPECT_EQ(r.body.find("/srv/db"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("10.0.0.7"), std::string::npos) << r.body;
    EXPECT_EQ(r.Header("Retry-After"), "5");
  }
  // The operator sees every cause, with its code.
  EXPECT_NE(log.find("IO_ERROR: reading /srv/db/postlist.glass failed"), std::string::npos) << log;
  EXPECT_NE(log.find("UNAVAILABLE: shard tcp://10.0.0.7:7000"), std::string::npos) << log;
  EXPECT_NE(log.find("FAILED_PRECONDITION"), std::string::npos) << log;
}

// /api/doc sends the mentions stored with the document; it runs no recognizer. The stored data
// is rewritten here to hold a mention no recognizer would find, at offsets of its own.
TEST_F(HandlerTest, DocumentReferencesAreTheStoredMentions) {
  {
    Xapian::WritableDatabase db(db_, Xapian::DB_OPEN);
    const std::string term = schema::IdTerm("bai/1.txt");
    Xapian::PostingIterator p = db.postlist_begin(term);
    ASSERT_NE(p, db.postlist_end(term));
    Xapian::Document doc = db.get_document(*p);
    json data = json::parse(doc.get_data());
    ASSERT_TRUE(data["refs"].is_array());
    ASSERT_FALSE(data["refs"].empty()) << "the indexer stores the mentions it found";
    const std::string surface = "Hội nghị";  // the first 10 bytes of kCitingText
    data["refs"] = json::array({{{"symbol", "99-NQ/TW"},
                                 {"key", "99-NQ/TW@XIII"},
                                 {"surface", surface},
                                 {"begin", 0},
                                 {"end", surface.size()}}});
    doc.set_data(data.dump());
    db.replace_document(*p, doc);
    db.commit();
  }
  const auto r = Get("/api/doc/bai%2F1.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  const json refs = Json(r)["refs"];
  ASSERT_EQ(refs.size(), 1u) << refs.dump();
  EXPECT_EQ(refs[0]["symbol"], "99-NQ/TW");
  EXPECT_EQ(refs[0]["key"], "99-NQ/TW@XIII");
  EXPECT_EQ(refs[0]["begin"], 0);
  EXPECT_EQ(refs[0]["end"], std::string("Hội nghị").size());
}

}  // namespace
}  // namespace vankien::server

namespace vankien::server {
namespace {

// Errors are in Vietnamese, the page's language, unless Accept-Language asks for English.
TEST(HandlerLanguageTest, ErrorsInVietnameseUnlessEnglishIsAsked) {
  ASSERT_TRUE(i18n::HasCatalogue(i18n::Language::kVietnamese)) << "vi.mo not built";
  HandlerOptions options;
  options.log = [](std::string_view) {};
  HttpRequest r;
  r.method = "GET";
  r.target = "/api/search?q=x";
  auto error = [&] { return nlohmann::json::parse(Handle(r, nullptr, options).body)["error"].get<std::string>(); };
  EXPECT_EQ(error(), "chỉ mục của kho chưa sẵn sàng; hãy lập chỉ mục bằng `vankien index`, máy chủ sẽ tự nhận");
  r.accept_language = "en-GB,en;q=0.9";
  EXPECT_EQ(error().rfind("the archive's index is not available", 0), 0u) << error();
  r.accept_language = "vi,en;q=0.5";
  r.method = "POST";
  EXPECT_EQ(error(), "chỉ hỗ trợ GET và HEAD");
  options.language = i18n::Language::kEnglish;  // the server's default when the header says neither
  r.accept_language = "fr";
  EXPECT_EQ(error(), "only GET and HEAD are supported");
}

// /api/doc and /api/search?status=: B replaces A, C amends B (state decrees written here).
class HandlerRelationsTest : public ::testing::Test {
 protected:
  static Document Decree(std::string id, std::string symbol, std::string date, std::string text) {
    Document d = Doc(std::move(id), "Nghị định " + symbol, std::move(text), std::move(date));
    d.symbol = std::move(symbol);
    d.kind = "Nghị định";
    return d;
  }
  void SetUp() override {
    db_ = tmp_ / "db";
    Write(db_, {Decree("a", "801/2020/NĐ-CP", "2020-03-10", "Điều 1. Phạm vi\nNghị định này quy định việc lưu trữ."),
                Decree("b", "802/2023/NĐ-CP", "2023-05-15",
                       "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm "
                       "2023 và thay thế Nghị định số 801/2020/NĐ-CP ngày 10 tháng 3 năm 2020."),
                Doc("news", "Tin", "Nghị định mới thay thế Nghị định số 802/2023/NĐ-CP.", "2024-01-01")});
    archive_ = std::make_unique<Archive>(db_, std::chrono::milliseconds(0));
  }
  HttpResponse Get(const std::string& target) {
    HttpRequest r;
    r.method = "GET";
    r.target = target;
    r.host = "127.0.0.1:8080";
    return Handle(r, archive_.get(), options_);
  }
  TempDir tmp_;
  std::string db_;
  std::unique_ptr<Archive> archive_;
  HandlerOptions options_;
};

TEST_F(HandlerRelationsTest, DocCarriesRelationsStatusAndInverseEdges) {
  const auto b = Get("/api/doc/b");
  ASSERT_EQ(b.status, 200) << b.body;
  const json jb = json::parse(b.body);
  ASSERT_EQ(jb["relations"].size(), 1u) << jb.dump();
  EXPECT_EQ(jb["relations"][0]["type"], "replaces");
  EXPECT_EQ(jb["relations"][0]["target"], "801/2020/NĐ-CP");
  const std::string text = jb["text"];
  const std::size_t begin = jb["relations"][0]["begin"], end = jb["relations"][0]["end"];
  EXPECT_EQ(text.substr(begin, end - begin), jb["relations"][0]["surface"].get<std::string>());
  EXPECT_EQ(jb["effective_from"], "2023-07-01");
  EXPECT_TRUE(jb["expires_on"].is_null());
  EXPECT_EQ(jb["outgoing"][0]["id"], "a");  // the target is held: the page links to it
  // The article describing a replacement is no relation: B stays in force.
  EXPECT_EQ(jb["status"], "in-force");
  EXPECT_NE(jb["status_note"].get<std::string>().find("không có thông tin thay thế"), std::string::npos);

  const json ja = json::parse(Get("/api/doc/a").body);
  EXPECT_EQ(ja["status"], "replaced");
  ASSERT_EQ(ja["incoming"].size(), 1u);
  EXPECT_EQ(ja["incoming"][0]["id"], "b");
  EXPECT_EQ(ja["evidence"][0]["type"], "replaces");
  EXPECT_NE(ja["evidence"][0]["sentence"].get<std::string>().find("thay thế Nghị định số 801/2020/NĐ-CP"),
            std::string::npos);
  // An article has no validity.
  EXPECT_TRUE(json::parse(Get("/api/doc/news").body)["status"].is_null());
}

TEST_F(HandlerRelationsTest, SearchFiltersByStatus) {
  const json replaced = json::parse(Get("/api/search?q=&status=replaced").body);
  ASSERT_EQ(replaced["hits"].size(), 1u) << replaced.dump();
  EXPECT_EQ(replaced["hits"][0]["id"], "a");
  const json in_force = json::parse(Get("/api/search?q=&status=in-force").body);
  ASSERT_EQ(in_force["hits"].size(), 1u) << in_force.dump();
  EXPECT_EQ(in_force["hits"][0]["id"], "b");
  EXPECT_EQ(Get("/api/search?q=&status=maybe").status, 400);
}

}  // namespace
}  // namespace vankien::server
