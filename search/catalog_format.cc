// Catalogue renderers. Archive text reaches every format, so each has one escaper and every
// piece of text goes through it.
#include "search/catalog_format.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/refs/registry.h"
#include "indexer/text/utf8.h"

namespace vankien::search {
namespace {

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string CiterLabel(const CatalogCiter& c) {
  std::string s = c.id.empty() ? std::string("?") : c.id;
  s += " (";
  if (!c.date.empty()) s += c.date + ", ";
  s += std::to_string(c.mentions) + "×)";
  return s;
}

std::vector<std::string> CiterLabels(const CatalogEntry& e) {
  std::vector<std::string> v;
  for (const auto& c : e.top_citing) v.push_back(CiterLabel(c));
  return v;
}

std::string Plenum(const std::optional<int>& p) { return p ? std::to_string(*p) : std::string(); }

// A group of entries of one type, in the catalogue's order.
struct TypeGroup {
  std::string id;     // anchor: "type-1"
  std::string title;  // "Nghị quyết (NQ) — Party"
  std::vector<const CatalogEntry*> entries;
};

std::vector<TypeGroup> GroupByType(const Catalog& c) {
  std::vector<TypeGroup> groups;
  std::vector<std::string> seen;
  for (const CatalogEntry& e : c.entries) {
    const std::string tag = e.system + "|" + e.type;
    std::size_t i = 0;
    while (i < seen.size() && seen[i] != tag) ++i;
    if (i == seen.size()) {
      seen.push_back(tag);
      TypeGroup g;
      g.id = "type-" + std::to_string(i + 1);
      g.title = e.type_name.empty() ? std::string("Other") : e.type_name;
      if (!e.type.empty()) g.title += " (" + e.type + ")";
      if (!e.system.empty()) g.title += e.system == "party" ? " — Party" : " — State";
      groups.push_back(std::move(g));
    }
    groups[i].entries.push_back(&e);
  }
  return groups;
}

std::string Count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Span(const CatalogEntry& e) {
  if (e.first_cited.empty()) return "";
  return e.first_cited == e.last_cited ? e.first_cited : e.first_cited + " – " + e.last_cited;
}

std::string Held(const CatalogEntry& e) { return e.held() ? "yes" : "no"; }

// XML 1.0 forbids most control characters even escaped; they become spaces.
std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char ch : text::SanitizeUtf8(s)) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' ' : ch;
    }
  }
  return out;
}

// Graphviz double-quoted string: quotes and backslashes escaped, line breaks as \n.
std::string DotString(std::string_view s) {
  std::string out = "\"";
  for (char ch : text::SanitizeUtf8(s)) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      continue;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// Markdown table cell: pipes and backslashes escaped, line breaks flattened, '<' written as
// an entity so renderers that allow HTML show it as text.
std::string MdCell(std::string_view s) {
  std::string out;
  for (char ch : text::SanitizeUtf8(s)) {
    switch (ch) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: out += ch;
    }
  }
  return out;
}

nlohmann::json Null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json CiterJson(const CatalogCiter& c) {
  return {{"id", c.id}, {"title", c.title}, {"date", Null(c.date)}, {"mentions", c.mentions},
          {"surface", c.surface}, {"context", c.context}};
}

// Words of the summary line shared by HTML and Markdown.
std::string Summary(const Catalog& c) {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", c.stats.seconds);
  return std::to_string(c.entries.size()) + " documents listed (of " +
         std::to_string(c.stats.entries_before_filters) + " identified), " +
         std::to_string(c.stats.mentions) + " citations in " + std::to_string(c.stats.citing_documents) +
         " citing documents; " + std::to_string(c.unresolved.size()) + " unresolved references; index of " +
         std::to_string(c.stats.documents) + " documents" +
         (c.last_indexed.empty() ? std::string() : ", last indexed " + c.last_indexed) + "; built in " + secs +
         " s";
}

}  // namespace

std::string CsvField(std::string_view value) {
  std::string v = text::SanitizeUtf8(value);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) {
    bool number = v.size() > 1;
    for (std::size_t i = 1; i < v.size(); ++i) {
      if (!((v[i] >= '0' && v[i] <= '9') || v[i] == '.')) number = false;
    }
    if (!number) v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char ch : text::SanitizeUtf8(text)) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string CatalogCsv(const Catalog& catalog, const CsvOptions& options) {
  std::string out = options.bom ? "\xEF\xBB\xBF" : "";
  auto row = [&out](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += "\r\n";
  };
  row({"key", "symbol", "system", "type", "type_name", "number", "issuer", "issuer_name", "date", "term",
       "plenum", "title", "title_source", "in_registry", "held", "held_ids", "citations", "citing_documents",
       "first_cited", "last_cited", "top_citing", "candidates", "status"});
  for (const CatalogEntry& e : catalog.entries) {
    row({e.key, e.symbol, e.system, e.type, e.type_name, e.number, e.issuer, e.issuer_name, e.date, e.term,
         Plenum(e.plenum), e.title, std::string(TitleSourceName(e.title_source)), e.in_registry ? "yes" : "no",
         Held(e), Join(e.held_ids, "; "), std::to_string(e.citations), std::to_string(e.citing_documents),
         e.first_cited, e.last_cited, Join(CiterLabels(e), "; "), Join(e.candidates, "; "), e.status});
  }
  return out;
}

std::string CatalogJson(const Catalog& c) {
  nlohmann::json entries = nlohmann::json::array();
  for (const CatalogEntry& e : c.entries) {
    nlohmann::json top = nlohmann::json::array();
    for (const auto& t : e.top_citing) top.push_back(CiterJson(t));
    entries.push_back({{"key", e.key},
                       {"symbol", e.symbol},
                       {"system", Null(e.system)},
                       {"type", Null(e.type)},
                       {"type_name", Null(e.type_name)},
                       {"number", Null(e.number)},
                       {"issuer", Null(e.issuer)},
                       {"issuer_name", Null(e.issuer_name)},
                       {"date", Null(e.date)},
                       {"term", Null(e.term)},
                       {"plenum", e.plenum ? nlohmann::json(*e.plenum) : nlohmann::json()},
                       {"title", Null(e.title)},
                       {"title_source", Null(std::string(TitleSourceName(e.title_source)))},
                       {"in_registry", e.in_registry},
                       {"held", e.held()},
                       {"held_ids", e.held_ids},
                       {"status", e.status},
                       {"citations", e.citations},
                       {"citing_documents", e.citing_documents},
                       {"first_cited", Null(e.first_cited)},
                       {"last_cited", Null(e.last_cited)},
                       {"top_citing", top},
                       {"candidates", e.candidates}});
  }
  nlohmann::json unresolved = nlohmann::json::array();
  for (const UnresolvedReference& u : c.unresolved) {
    nlohmann::json contexts = nlohmann::json::array();
    for (const auto& t : u.contexts) contexts.push_back(CiterJson(t));
    unresolved.push_back({{"name", u.name},
                          {"reason", u.reason},
                          {"type", Null(u.type)},
                          {"type_name", Null(u.type_name)},
                          {"term", Null(u.term)},
                          {"plenum", u.plenum ? nlohmann::json(*u.plenum) : nlohmann::json()},
                          {"candidates", u.candidates},
                          {"title", Null(u.title)},
                          {"citations", u.citations},
                          {"citing_documents", u.citing_documents},
                          {"contexts", contexts}});
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const CatalogEdge& e : c.edges) {
    edges.push_back({{"from", e.from}, {"to", e.to}, {"kind", e.kind}, {"weight", e.weight},
                     {"evidence", Null(e.evidence)}});
  }
  nlohmann::json articles = nlohmann::json::array();
  for (const CatalogArticle& a : c.articles) {
    articles.push_back({{"node", a.node}, {"id", a.id}, {"date", Null(a.date)}});
  }
  const nlohmann::json j = {{"database", c.database},
                            {"last_indexed", Null(c.last_indexed)},
                            {"stats",
                             {{"documents", c.stats.documents},
                              {"citing_documents", c.stats.citing_documents},
                              {"mentions", c.stats.mentions},
                              {"entries", c.entries.size()},
                              {"entries_before_filters", c.stats.entries_before_filters},
                              {"documents_read", c.stats.documents_read},
                              {"read_limit_reached", c.stats.read_limit_reached},
                              {"seconds", c.stats.seconds}}},
                            {"notes", c.notes},
                            {"entries", entries},
                            {"unresolved", unresolved},
                            {"edges", edges},
                            {"articles", articles}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string CatalogHtml(const Catalog& c) {
  const auto groups = GroupByType(c);
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<title>Mục lục văn kiện — " + HtmlEscape(c.database) + "</title>\n";
  o += "<style>\n"
       "body{font-family:\"Times New Roman\",serif;margin:2em;color:#111;line-height:1.35}\n"
       "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}\n"
       ".meta{color:#444;font-size:.9em}nav ol{columns:2}\n"
       "table{border-collapse:collapse;width:100%;font-size:.88em}\n"
       "th,td{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}\n"
       "th{background:#eee}td.n{text-align:right;white-space:nowrap}td.k{white-space:nowrap;font-weight:bold}\n"
       ".src{color:#666;font-size:.85em}.ctx{color:#333;font-size:.9em}ul.c{margin:.2em 0;padding-left:1.1em}\n"
       "@media print{body{margin:0;font-size:10pt}a{color:#000;text-decoration:none}"
       "thead{display:table-header-group}tr{page-break-inside:avoid}h2{page-break-after:avoid}}\n"
       "</style>\n</head>\n<body>\n";
  o += "<h1>Mục lục văn kiện</h1>\n";
  o += "<p class=\"meta\">" + HtmlEscape(c.database) + " — " + HtmlEscape(Summary(c)) + "</p>\n";
  for (const auto& n : c.notes) o += "<p class=\"meta\">Note: " + HtmlEscape(n) + "</p>\n";
  o += "<nav>\n<h2>Contents</h2>\n<ol>\n";
  for (const auto& g : groups) {
    o += "<li><a href=\"#" + g.id + "\">" + HtmlEscape(g.title) + "</a> (" + std::to_string(g.entries.size()) +
         ")</li>\n";
  }
  o += "<li><a href=\"#unresolved\">Unresolved references</a> (" + std::to_string(c.unresolved.size()) + ")</li>\n";
  if (!c.edges.empty()) o += "<li><a href=\"#relations\">Relations</a> (" + std::to_string(c.edges.size()) + ")</li>\n";
  o += "</ol>\n</nav>\n";
  for (const auto& g : groups) {
    o += "<section id=\"" + g.id + "\">\n<h2>" + HtmlEscape(g.title) + "</h2>\n<table>\n<thead><tr>"
         "<th>Number</th><th>Date</th><th>Term</th><th>Issuer</th><th>Title</th><th>In archive</th><th>Status</th>"
         "<th>Citations</th><th>Citing docs</th><th>Cited</th><th>Most citing</th></tr></thead>\n<tbody>\n";
    for (const CatalogEntry* e : g.entries) {
      o += "<tr><td class=\"k\">" + HtmlEscape(e->symbol) + "</td><td>" + HtmlEscape(e->date) + "</td><td>" +
           HtmlEscape(e->term) + (e->candidates.empty() ? "" : "?") + "</td><td>" +
           HtmlEscape(e->issuer_name.empty() ? e->issuer : e->issuer_name) + "</td><td>" + HtmlEscape(e->title);
      if (e->title_source == TitleSource::kMentions) o += " <span class=\"src\">(from mentions)</span>";
      if (!e->candidates.empty()) o += " <span class=\"src\">(term or year not stated; may be " + HtmlEscape(Join(e->candidates, ", ")) + ")</span>";
      o += "</td><td>" + HtmlEscape(e->held() ? Join(e->held_ids, ", ") : "—") + "</td><td>" + HtmlEscape(e->status) +
           "</td><td class=\"n\">" +
           std::to_string(e->citations) + "</td><td class=\"n\">" + std::to_string(e->citing_documents) +
           "</td><td>" + HtmlEscape(Span(*e)) + "</td><td>";
      if (!e->top_citing.empty()) {
        o += "<ul class=\"c\">";
        for (const auto& t : e->top_citing) {
          o += "<li>" + HtmlEscape(CiterLabel(t));
          if (!t.title.empty()) o += " " + HtmlEscape(t.title);
          o += "</li>";
        }
        o += "</ul>";
      }
      o += "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n</section>\n";
  }
  o += "<section id=\"unresolved\">\n<h2>Unresolved references</h2>\n";
  if (c.unresolved.empty()) o += "<p>None.</p>\n";
  for (const UnresolvedReference& u : c.unresolved) {
    o += "<h3>" + HtmlEscape(u.name) + "</h3>\n<p class=\"meta\">" + HtmlEscape(u.reason) + "; " +
         Count(u.citations, "mention", "mentions") + " in " + Count(u.citing_documents, "document", "documents");
    if (!u.candidates.empty()) o += "; may be " + HtmlEscape(Join(u.candidates, ", "));
    if (!u.title.empty()) o += "; " + HtmlEscape(u.title);
    o += "</p>\n<ul>\n";
    for (const auto& t : u.contexts) {
      o += "<li>" + HtmlEscape(CiterLabel(t)) + " " + HtmlEscape(t.title) + "<br><span class=\"ctx\">" +
           HtmlEscape(t.context) + "</span></li>\n";
    }
    o += "</ul>\n";
  }
  o += "</section>\n";
  if (!c.edges.empty()) {
    o += "<section id=\"relations\">\n<h2>Relations</h2>\n<table>\n<thead><tr><th>From</th><th>Relation</th>"
         "<th>To</th><th>Weight</th><th>Stated in</th></tr></thead>\n<tbody>\n";
    for (const CatalogEdge& e : c.edges) {
      o += "<tr><td>" + HtmlEscape(e.from) + "</td><td>" + HtmlEscape(e.kind) + "</td><td>" + HtmlEscape(e.to) +
           "</td><td class=\"n\">" + std::to_string(e.weight) + "</td><td>" + HtmlEscape(e.evidence) + "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n</section>\n";
  }
  o += "</body>\n</html>\n";
  return o;
}

std::string CatalogMarkdown(const Catalog& c) {
  const auto groups = GroupByType(c);
  std::string o = "# Catalogue of " + MdCell(c.database) + "\n\n" + MdCell(Summary(c)) + ".\n\n";
  for (const auto& n : c.notes) o += "Note: " + MdCell(n) + ".\n\n";
  o += "## Contents\n\n";
  for (const auto& g : groups) o += "- " + MdCell(g.title) + ": " + std::to_string(g.entries.size()) + "\n";
  o += "- Unresolved references: " + std::to_string(c.unresolved.size()) + "\n";
  for (const auto& g : groups) {
    o += "\n## " + MdCell(g.title) + "\n\n";
    o += "| Key | Date | Issuer | Title | In archive | Citations | Citing docs | Cited | Most citing |\n";
    o += "|---|---|---|---|---|--:|--:|---|---|\n";
    for (const CatalogEntry* e : g.entries) {
      std::string title = e->title;
      if (e->title_source == TitleSource::kMentions) title += " (from mentions)";
      if (!e->candidates.empty()) title += " (term or year not stated; may be " + Join(e->candidates, ", ") + ")";
      o += "| " + MdCell(e->key) + " | " + MdCell(e->date) + " | " +
           MdCell(e->issuer_name.empty() ? e->issuer : e->issuer_name) + " | " + MdCell(title) + " | " +
           MdCell(e->held() ? Join(e->held_ids, ", ") : "—") + " | " + std::to_string(e->citations) + " | " +
           std::to_string(e->citing_documents) + " | " + MdCell(Span(*e)) + " | " +
           MdCell(Join(CiterLabels(*e), "; ")) + " |\n";
    }
  }
  o += "\n## Unresolved references\n\n";
  if (c.unresolved.empty()) o += "None.\n";
  for (const UnresolvedReference& u : c.unresolved) {
    o += "- **" + MdCell(u.name) + "** (" + MdCell(u.reason) + "): " +
         Count(u.citations, "mention", "mentions") + " in " + Count(u.citing_documents, "document", "documents");
    if (!u.candidates.empty()) o += "; may be " + MdCell(Join(u.candidates, ", "));
    if (!u.title.empty()) o += "; " + MdCell(u.title);
    o += "\n";
    for (const auto& t : u.contexts) o += "  - " + MdCell(CiterLabel(t)) + ": " + MdCell(t.context) + "\n";
  }
  if (!c.edges.empty()) {
    o += "\n## Relations\n\n| From | Relation | To | Weight | Stated in |\n|---|---|---|--:|---|\n";
    for (const CatalogEdge& e : c.edges) {
      o += "| " + MdCell(e.from) + " | " + MdCell(e.kind) + " | " + MdCell(e.to) + " | " + std::to_string(e.weight) +
           " | " + MdCell(e.evidence) + " |\n";
    }
  }
  return o;
}

std::string CatalogDot(const Catalog& c) {
  std::string o = "digraph catalog {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const CatalogEntry& e : c.entries) {
    std::string label = e.key;
    if (!e.date.empty()) label += "\n" + e.date;
    if (!e.title.empty()) label += "\n" + (e.title.size() > 80 ? e.title.substr(0, 80) + "…" : e.title);
    o += "  " + DotString(e.key) + " [label=" + DotString(text::SanitizeUtf8(label)) + ", type=" + DotString(e.type) +
         ", citations=" + std::to_string(e.citations) + (e.held() ? ", style=bold" : "") + "];\n";
  }
  for (const CatalogArticle& a : c.articles) {
    o += "  " + DotString(a.node) + " [label=" + DotString(a.id) + ", shape=note, type=\"article\"];\n";
  }
  for (const CatalogEdge& e : c.edges) {
    o += "  " + DotString(e.from) + " -> " + DotString(e.to) + " [label=" + DotString(e.kind);
    if (e.kind == "cites") o += ", weight=" + std::to_string(e.weight);
    if (e.kind == "replaces") o += ", color=red, style=bold";
    if (e.kind == "amends") o += ", color=blue, style=dashed";
    if (!e.evidence.empty()) o += ", evidence=" + DotString(e.evidence);
    o += "];\n";
  }
  return o + "}\n";
}

std::string CatalogGraphml(const Catalog& c) {
  std::string o =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
      "  <key id=\"title\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n"
      "  <key id=\"held\" for=\"node\" attr.name=\"held\" attr.type=\"boolean\"/>\n"
      "  <key id=\"citations\" for=\"node\" attr.name=\"citations\" attr.type=\"int\"/>\n"
      "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <graph id=\"catalog\" edgedefault=\"directed\">\n";
  for (const CatalogEntry& e : c.entries) {
    o += "    <node id=\"" + XmlEscape(e.key) + "\"><data key=\"label\">" + XmlEscape(e.key) +
         "</data><data key=\"kind\">document</data><data key=\"type\">" + XmlEscape(e.type) +
         "</data><data key=\"date\">" + XmlEscape(e.date) + "</data><data key=\"title\">" + XmlEscape(e.title) +
         "</data><data key=\"held\">" + (e.held() ? "true" : "false") + "</data><data key=\"citations\">" +
         std::to_string(e.citations) + "</data></node>\n";
  }
  for (const CatalogArticle& a : c.articles) {
    o += "    <node id=\"" + XmlEscape(a.node) + "\"><data key=\"label\">" + XmlEscape(a.id) +
         "</data><data key=\"kind\">article</data><data key=\"date\">" + XmlEscape(a.date) + "</data></node>\n";
  }
  std::size_t n = 0;
  for (const CatalogEdge& e : c.edges) {
    o += "    <edge id=\"e" + std::to_string(++n) + "\" source=\"" + XmlEscape(e.from) + "\" target=\"" +
         XmlEscape(e.to) + "\"><data key=\"relation\">" + XmlEscape(e.kind) + "</data><data key=\"weight\">" +
         std::to_string(e.weight) + "</data>";
    if (!e.evidence.empty()) o += "<data key=\"evidence\">" + XmlEscape(e.evidence) + "</data>";
    o += "</edge>\n";
  }
  return o + "  </graph>\n</graphml>\n";
}

std::string CatalogRegistryTodo(const Catalog& c) {
  auto clean = [](std::string s) {
    for (char& ch : s) {
      if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
    }
    return text::SanitizeUtf8(s);
  };
  std::string o = std::string(refs::Registry::kHeader) + "\n";
  for (const CatalogEntry& e : c.entries) {
    if (e.in_registry || e.held() || !e.candidates.empty()) continue;
    o += clean(e.symbol) + "\t" + clean(e.type_name) + "\t" + clean(e.number) + "\t" + clean(e.issuer_name) + "\t" +
         clean(e.date) + "\t" + clean(e.system == "party" ? e.term : "") + "\t" + Plenum(e.plenum) + "\t" +
         clean(e.title) + "\n";
  }
  for (const UnresolvedReference& u : c.unresolved) {
    if (u.reason == "no-issuer" || u.reason == "informal") {
      const std::string issuer = u.plenum ? "Ban Chấp hành Trung ương" : "";
      o += "\t" + clean(u.type_name) + "\t\t" + issuer + "\t\t" + clean(u.term) + "\t" + Plenum(u.plenum) + "\t" +
           clean(u.title) + "\n";
    }
  }
  return o;
}

}  // namespace vankien::search
