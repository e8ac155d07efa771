// libFuzzer target for the request handling of `vankien serve`: the input is the raw bytes a
// client sends. They go through Beast's request parser with the server's limits (as in
// tools/server/server.cc), then through Handle() (tools/server/handler.h) over a small index
// built once at start-up — twice: with the embedded page and with the page read from
// tools/server/static on disk.
// Invariants:
//   * neither the parser nor the handler throws or crashes;
//   * a refused parse maps to 400, 413 or 431;
//   * the status is one the API documents, and never 500 (the index is healthy);
//   * every response has X-Content-Type-Options: nosniff and a Content-Security-Policy, and
//     no CORS header (none was asked for);
//   * a JSON response parses, and an error response has {"error": string};
//   * a 200 response that is not JSON is byte for byte one of the page's own files (nothing
//     else on disk is ever served).
#include <stdlib.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "indexer/index_writer.h"
#include "tests/fuzz/fuzz_check.h"
#include "tools/server/archive.h"
#include "tools/server/beast_glue.h"
#include "tools/server/handler.h"

namespace {

using namespace vankien;
using namespace vankien::server;
using vankien::fuzz::Fail;

constexpr const char* kTarget = "server_fuzz";

struct World {
  std::string root;
  std::unique_ptr<Archive> archive;
  HandlerOptions embedded, on_disk;
  std::set<std::string> assets;  // contents of every file in tools/server/static
};

Document Doc(std::string id, std::string title, std::string text, std::string date) {
  Document d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.text = std::move(text);
  d.date = std::move(date);
  d.kind = "article";
  return d;
}

std::string& TheWorldRoot();

World& TheWorld() {
  static World* const world = [] {
    auto* w = new World();
    std::string tmpl = (std::filesystem::temp_directory_path() / "vankien_server_fuzz_XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) Fail(kTarget, "cannot make a temporary directory");
    w->root = tmpl;
    // The index lives as long as the process; remove it when libFuzzer exits normally.
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(TheWorldRoot(), ec);
    });
    const std::string db = w->root + "/db";
    static const text::Analyzer analyzer;
    {
      auto writer = IndexWriter::Open(db, analyzer);
      if (!writer.ok()) Fail(kTarget, "cannot create the index: " + writer.status().message());
      Document official = Doc("nq-21", "Nghị quyết về xây dựng tổ chức cơ sở đảng",
                              "Nghị quyết số 21-NQ/TW về xây dựng Đảng.", "2022-06-16");
      official.symbol = "21-NQ/TW";
      official.kind = "Nghị quyết";
      (void)(*writer)->Add(official);
      (void)(*writer)->Add(Doc("bai/1.txt", "Quán triệt Nghị quyết 21-NQ/TW",
                               "Quán triệt Nghị quyết số 21-NQ/TW, Kết luận 21-KL/TW và Chỉ thị 05-CT/TW "
                               "về cán bộ. <script>x</script>", "2022-08-01"));
      (void)(*writer)->Add(Doc("xss", "<b>tin</b>", "Tin về xây dựng đảng viên.", "2023"));
      if (!(*writer)->Commit().ok()) Fail(kTarget, "cannot commit the index");
    }
    w->archive = std::make_unique<Archive>(db, std::chrono::hours(1));
    for (auto* o : {&w->embedded, &w->on_disk}) {
      o->allowed_hosts = LoopbackHosts();
      o->log = [](std::string_view) {};
    }
    const std::string static_dir = std::string(VANKIEN_SOURCE_DIR) + "/tools/server/static";
    w->on_disk.static_dir = static_dir;
    for (const auto& e : std::filesystem::directory_iterator(static_dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      w->assets.insert(std::move(s).str());
    }
    return w;
  }();
  return *world;
}

std::string& TheWorldRoot() { return TheWorld().root; }

void CheckResponse(const HttpResponse& r, const World& w) {
  static const std::set<int> kStatuses = {200, 204, 400, 404, 405, 413, 414, 421, 431, 503};
  if (!kStatuses.count(r.status)) Fail(kTarget, "unexpected status " + std::to_string(r.status), r.body);
  if (r.Header("X-Content-Type-Options") != "nosniff") Fail(kTarget, "no nosniff header");
  if (r.Header("Content-Security-Policy").empty()) Fail(kTarget, "no Content-Security-Policy");
  if (!r.Header("Access-Control-Allow-Origin").empty()) Fail(kTarget, "a CORS header nobody asked for");
  if (r.content_type.rfind("application/json", 0) == 0) {
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (j.is_discarded()) Fail(kTarget, "JSON response does not parse", r.body);
    if (r.status >= 400 && !(j.is_object() && j.contains("error") && j["error"].is_string())) {
      Fail(kTarget, "error response without {\"error\": string}", r.body);
    }
  } else if (r.status == 200 && !w.assets.count(r.body)) {
    Fail(kTarget, "a 200 response that is not one of the page's files", r.body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& w = TheWorld();
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(16 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  vankien::fuzz::NoThrow(kTarget, "request_parser::put", [&] {
    std::size_t used = 0;
    while (!ec && used < size && !parser.is_done()) {
      const std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
      if (n == 0) break;
      used += n;
    }
  });
  if (ec && ec != http::error::need_more) {
    const int status = StatusForParseError(ec);
    if (status != 400 && status != 413 && status != 431) Fail(kTarget, "parse error status " + std::to_string(status));
    return 0;
  }
  if (!parser.is_done()) return 0;
  const HttpRequest request = FromBeast(parser.get());
  for (const HandlerOptions* options : {&w.embedded, &w.on_disk}) {
    HttpResponse response;
    vankien::fuzz::NoThrow(kTarget, "Handle", [&] { response = Handle(request, w.archive.get(), *options); });
    CheckResponse(response, w);
    vankien::fuzz::NoThrow(kTarget, "ToBeast", [&] {
      (void)ToBeast(response, parser.get().version(), true, request.method == "HEAD");
    });
  }
  return 0;
}
