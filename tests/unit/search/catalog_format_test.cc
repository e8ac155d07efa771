// Catalogue renderers (search/catalog_format.h) on hand-built catalogues: CSV a spreadsheet
// reads back field for field (RFC 4180), HTML with all archive text escaped and no external
// asset, Markdown cells, DOT and GraphML escaping.
#include "search/catalog_format.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace vankien::search {
namespace {

// An RFC 4180 reader, written here so the test does not trust the writer's idea of quoting.
std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

Catalog Sample() {
  Catalog c;
  c.database = "/tmp/a&b.db";
  CatalogEntry e;
  e.key = "21-NQ/TW@XIII";
  e.symbol = "21-NQ/TW";
  e.system = "party";
  e.type = "NQ";
  e.type_name = "Nghị quyết";
  e.number = "21";
  e.issuer = "TW";
  e.issuer_name = "Ban Chấp hành Trung ương";
  e.date = "2022-06-16";
  e.term = "XIII";
  e.title = "về tăng cường củng cố, xây dựng \"tổ chức\" cơ sở đảng\nvà đảng viên | bis";
  e.title_source = TitleSource::kRegistry;
  e.citations = 3;
  e.citing_documents = 2;
  e.first_cited = "2022-07-01";
  e.last_cited = "2023-01-02";
  e.top_citing.push_back({"bai-1", "<script>alert(1)</script>", "2023-01-02", 2, "21-NQ/TW",
                          "Câu có <b>thẻ</b> & ký hiệu | ống"});
  c.entries.push_back(e);
  CatalogEntry f;
  f.key = "30/2020/NĐ-CP";
  f.symbol = "30/2020/NĐ-CP";
  f.system = "state";
  f.type = "NĐ";
  f.type_name = "Nghị định";
  f.number = "30";
  f.issuer = "CP";
  f.title = "=HYPERLINK(\"http://x\")";
  f.held_ids = {"nd-30"};
  f.citations = 1;
  f.citing_documents = 1;
  c.entries.push_back(f);
  UnresolvedReference u;
  u.reason = "informal";
  u.name = "NQ/TW/HNTW9/X";
  u.type = "NQ";
  u.type_name = "Nghị quyết";
  u.term = "X";
  u.plenum = 9;
  u.citations = 1;
  u.citing_documents = 1;
  u.contexts.push_back({"bai-2", "T", "2020-01-01", 1, "Nghị quyết Trung ương 9", "<img src=x onerror=alert(1)>"});
  c.unresolved.push_back(u);
  c.edges.push_back({"21-NQ/TW@XIII", "30/2020/NĐ-CP", "cites", 2, ""});
  c.edges.push_back({"21-NQ/TW@XIII", "30/2020/NĐ-CP", "replaces", 1, "doc \"q\" & <x>"});
  return c;
}

TEST(CatalogCsvTest, SpreadsheetReadsEveryFieldBack) {
  const Catalog c = Sample();
  const std::string csv = CatalogCsv(c);
  EXPECT_NE(csv.substr(0, 3), "\xEF\xBB\xBF");
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 3u);
  const auto& header = rows[0];
  ASSERT_EQ(rows[1].size(), header.size());
  ASSERT_EQ(rows[2].size(), header.size());
  auto col = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << "no column " << name;
    return std::size_t{0};
  };
  EXPECT_EQ(rows[1][col("key")], "21-NQ/TW@XIII");
  EXPECT_EQ(rows[1][col("title")], c.entries[0].title);  // comma, quotes and newline survive
  EXPECT_EQ(rows[1][col("citations")], "3");
  EXPECT_EQ(rows[1][col("citing_documents")], "2");
  EXPECT_EQ(rows[1][col("held")], "no");
  EXPECT_EQ(rows[1][col("top_citing")], "bai-1 (2023-01-02, 2×)");
  EXPECT_EQ(rows[2][col("held")], "yes");
  EXPECT_EQ(rows[2][col("held_ids")], "nd-30");
  // A title that a spreadsheet would run as a formula is kept as text.
  EXPECT_EQ(rows[2][col("title")], "'=HYPERLINK(\"http://x\")");
}

TEST(CatalogCsvTest, BomOnlyWhenAsked) {
  const std::string csv = CatalogCsv(Sample(), {.bom = true});
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(ParseCsv(csv.substr(3)).size(), 3u);
}

TEST(CatalogCsvTest, FieldQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rx"), "\"cr\rx\"");
  EXPECT_EQ(CsvField("-5"), "-5");
  EXPECT_EQ(CsvField("+cmd"), "'+cmd");
  EXPECT_EQ(CsvField("Nghị quyết"), "Nghị quyết");
}

TEST(CatalogHtmlTest, StandalonePageWithEverythingEscaped) {
  const std::string html = CatalogHtml(Sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  // No markup from the archive gets through, only its escaped text.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("/tmp/a&amp;b.db"), std::string::npos);
  // One file: no external stylesheet, script, image or font.
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), html.find("src=x"));  // only inside the escaped text
  EXPECT_EQ(html.find("url("), std::string::npos);
  // The contents link to one section per type, and each link has its target.
  const std::regex href("href=\"#([a-z0-9-]+)\"");
  std::set<std::string> targets;
  for (std::sregex_iterator it(html.begin(), html.end(), href), end; it != end; ++it) targets.insert((*it)[1]);
  EXPECT_EQ(targets, (std::set<std::string>{"type-1", "type-2", "unresolved", "relations"}));
  for (const auto& t : targets) EXPECT_NE(html.find("id=\"" + t + "\""), std::string::npos) << t;
  EXPECT_NE(html.find("Nghị quyết (NQ) — Party"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(CatalogMarkdownTest, CellsCannotBreakTheTable) {
  const std::string md = CatalogMarkdown(Sample());
  // Every table row has the header's number of cells: pipes in text are escaped.
  std::size_t pos = 0;
  std::size_t rows = 0;
  while (pos < md.size()) {
    const std::size_t nl = md.find('\n', pos);
    const std::string line = md.substr(pos, nl - pos);
    pos = nl == std::string::npos ? md.size() : nl + 1;
    if (line.rfind("| ", 0) != 0 || line.find("21-NQ/TW (term XIII) | 2022") == std::string::npos) continue;
    ++rows;
    std::size_t cells = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++cells;
    }
    EXPECT_EQ(cells, 11u) << line;  // ten columns, Status among them
    EXPECT_NE(line.find(" | in force | "), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
  }
  EXPECT_EQ(rows, 1u);
  EXPECT_EQ(md.find("<img"), std::string::npos);
}

TEST(CatalogGraphTest, DotQuotesEverything) {
  const std::string dot = CatalogDot(Sample());
  EXPECT_EQ(dot.rfind("digraph catalog {", 0), 0u);
  EXPECT_NE(dot.find("\"21-NQ/TW@XIII\" -> \"30/2020/NĐ-CP\" [label=\"cites\", weight=2]"), std::string::npos);
  EXPECT_NE(dot.find("label=\"replaces\""), std::string::npos);
  EXPECT_NE(dot.find("evidence=\"doc \\\"q\\\" & <x>\""), std::string::npos);
  EXPECT_NE(dot.find("\\\"tổ chức\\\""), std::string::npos);  // quotes in titles escaped
}

TEST(CatalogGraphTest, GraphmlIsEscapedXml) {
  const std::string xml = CatalogGraphml(Sample());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  std::size_t nodes = 0, edges = 0;
  for (std::size_t p = xml.find("<node "); p != std::string::npos; p = xml.find("<node ", p + 1)) ++nodes;
  for (std::size_t p = xml.find("<edge "); p != std::string::npos; p = xml.find("<edge ", p + 1)) ++edges;
  EXPECT_EQ(nodes, 2u);
  EXPECT_EQ(edges, 2u);
  EXPECT_NE(xml.find("doc &quot;q&quot; &amp; &lt;x&gt;"), std::string::npos);
  EXPECT_EQ(xml.find("& "), std::string::npos);  // no bare ampersand
}

TEST(CatalogJsonTest, StableKeys) {
  const auto j = nlohmann::json::parse(CatalogJson(Sample()));
  for (const char* k : {"database", "last_indexed", "stats", "notes", "entries", "unresolved", "edges", "articles"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  ASSERT_EQ(j["entries"].size(), 2u);
  EXPECT_EQ(j["entries"][0]["key"], "21-NQ/TW@XIII");
  EXPECT_EQ(j["entries"][0]["held"], false);
  EXPECT_EQ(j["entries"][1]["held_ids"][0], "nd-30");
  EXPECT_EQ(j["unresolved"][0]["plenum"], 9);
  EXPECT_EQ(j["edges"][1]["kind"], "replaces");
}

}  // namespace
}  // namespace vankien::search
