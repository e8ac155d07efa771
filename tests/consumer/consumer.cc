// A program outside the vankien tree that uses the installed libraries: indexes two documents
// with vankien::indexer, then searches them with vankien::search. Built by
// tools/package_test.sh against a staged install, once through find_package(vankien) and once
// through pkg-config. Usage: consumer INDEX_DIR; exit 0 when every check holds.
#include <cstdio>
#include <string>
#include <string_view>

#include "indexer/doc/document.h"
#include "indexer/index_writer.h"
#include "indexer/text/analyzer.h"
#include "indexer/version.h"
#include "search/searcher.h"

namespace {

int Fail(const std::string& what) {
  std::fprintf(stderr, "consumer: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return Fail("usage: consumer INDEX_DIR");
  const std::string dir = argv[1];
  vankien::text::Analyzer analyzer;

  {
    auto writer = vankien::IndexWriter::Open(dir, analyzer);
    if (!writer.ok()) return Fail("open for writing: " + writer.status().ToString());
    vankien::Document chuyen_doi;
    chuyen_doi.id = "chuyen-doi-so";
    chuyen_doi.title = "Chuyển đổi số quốc gia";
    chuyen_doi.text = "Nghị quyết về chuyển đổi số và kinh tế số đến năm 2030.";
    vankien::Document rung;
    rung.id = "bao-ve-rung";
    rung.title = "Bảo vệ và phát triển rừng";
    rung.text = "Chỉ thị về tăng cường bảo vệ rừng, phòng cháy chữa cháy rừng.";
    for (const auto* doc : {&chuyen_doi, &rung}) {
      if (auto s = (*writer)->Add(*doc); !s.ok()) return Fail("add: " + s.ToString());
    }
    if (auto s = (*writer)->Commit(); !s.ok()) return Fail("commit: " + s.ToString());
  }

  auto searcher = vankien::search::Searcher::Open(dir, analyzer);
  if (!searcher.ok()) return Fail("open for searching: " + searcher.status().ToString());
  // Typed without diacritics, as users often do: each query finds its one document.
  const struct {
    std::string_view query, id;
  } cases[] = {{"chuyen doi so", "chuyen-doi-so"}, {"rừng", "bao-ve-rung"}};
  for (const auto& c : cases) {
    auto response = (*searcher)->Search(c.query);
    if (!response.ok()) return Fail("search: " + response.status().ToString());
    if (response->total != 1 || response->hits.empty() || response->hits[0].id != c.id) {
      return Fail("query '" + std::string(c.query) + "': expected the one hit " +
                  std::string(c.id) + ", got " + std::to_string(response->total) + " hits" +
                  (response->hits.empty() ? "" : ", first " + response->hits[0].id));
    }
  }
  std::printf("consumer: vankien %s: 2 documents indexed, both found\n",
              std::string(vankien::kVersion).c_str());
  return 0;
}
