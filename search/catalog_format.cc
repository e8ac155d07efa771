// Catalogue renderers. Archive text reaches every format, so each has one escaper and every
// piece of text goes through it.
#include "search/catalog_format.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/refs/registry.h"
#include "indexer/text/utf8.h"
#include "search/display_key.h"

namespace vankien::search {
namespace {

using i18n::Language;
using i18n::Subst;
using i18n::Tr;
using i18n::TrN;

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string CiterLabel(const CatalogCiter& c, Language lang = Language::kEnglish) {
  std::string s = c.id.empty() ? std::string("?") : c.id;
  s += " (";
  if (!c.date.empty()) s += i18n::Date(lang, c.date) + ", ";
  s += std::to_string(c.mentions) + "×)";
  return s;
}

std::vector<std::string> CiterLabels(const CatalogEntry& e, Language lang = Language::kEnglish) {
  std::vector<std::string> v;
  for (const auto& c : e.top_citing) v.push_back(CiterLabel(c, lang));
  return v;
}

std::string Plenum(const std::optional<int>& p) { return p ? std::to_string(*p) : std::string(); }

// A group of entries of one type, in the catalogue's order.
struct TypeGroup {
  std::string id;     // anchor: "type-1"
  std::string title;  // "Nghị quyết (NQ) — Party"
  std::vector<const CatalogEntry*> entries;
};

std::vector<TypeGroup> GroupByType(const Catalog& c, Language lang) {
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
      g.title = e.type_name.empty() ? Tr(lang, "Other") : e.type_name;
      if (!e.type.empty()) g.title += " (" + e.type + ")";
      if (!e.system.empty()) {
        g.title = Subst(e.system == "party" ? Tr(lang, "{1} — Party") : Tr(lang, "{1} — State"), {g.title});
      }
      groups.push_back(std::move(g));
    }
    groups[i].entries.push_back(&e);
  }
  return groups;
}

// `pattern` (a TrN form) with the count `n` for its "{1}".
std::string Count(Language lang, std::size_t n, const std::string& pattern) {
  return Subst(pattern, {i18n::Number(lang, n)});
}

std::string Span(const CatalogEntry& e, Language lang = Language::kEnglish) {
  if (e.first_cited.empty()) return "";
  const std::string first = i18n::Date(lang, e.first_cited);
  return e.first_cited == e.last_cited ? first : first + " – " + i18n::Date(lang, e.last_cited);
}

// Keys joined for reading: "21-NQ/TW (khóa XII), 21-NQ/TW (khóa XIII)".
std::string ShownKeys(Language lang, const std::vector<std::string>& keys) {
  std::vector<std::string> shown;
  for (const std::string& k : keys) shown.push_back(DisplayKey(lang, k));
  return Join(shown, ", ");
}

// The "term or year not stated; may be …" note of an entry whose key is a guess.
// A status name ("in-force", search/validity.h) as the reader's language says it.
std::string StatusLabel(Language lang, std::string_view status) {
  static constexpr std::pair<std::string_view, const char*> kLabels[] = {
      {"in-force", i18n::Mark("in force")}, {"replaced", i18n::Mark("replaced")},
      {"repealed", i18n::Mark("repealed")}, {"amended", i18n::Mark("amended")},
      {"expired", i18n::Mark("expired")}};
  for (const auto& [name, label] : kLabels) {
    if (name == status) return Tr(lang, label);
  }
  return std::string(status);
}

std::string MayBe(Language lang, const std::vector<std::string>& candidates) {
  return Subst(Tr(lang, "(term or year not stated; may be {1})"), {ShownKeys(lang, candidates)});
}

// An unresolved reference's reason code, or an edge's kind, for reading.
std::string CodeName(Language lang, const std::string& code) {
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"informal", i18n::Mark("informal name")},    {"congress", i18n::Mark("congress document")},
      {"no-issuer", i18n::Mark("no issuer stated")}, {"cites", i18n::Mark("cites")},
      {"replaces", i18n::Mark("replaces")},          {"amends", i18n::Mark("amends")},
  };
  for (const auto& [key, name] : kNames) {
    if (code == key) return Tr(lang, name);
  }
  return code;
}

// "3 mentions in 2 documents", with the unresolved reference's candidates and title after.
std::string UnresolvedLine(Language lang, const UnresolvedReference& u) {
  const std::string mentions = Count(lang, u.citations, TrN(lang, "{1} mention", "{1} mentions", u.citations));
  const std::string documents =
      Count(lang, u.citing_documents, TrN(lang, "{1} document", "{1} documents", u.citing_documents));
  std::string s = Subst(Tr(lang, "{1} in {2}"), {mentions, documents});
  if (!u.candidates.empty()) s += "; " + Subst(Tr(lang, "may be {1}"), {ShownKeys(lang, u.candidates)});
  return s;
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
std::string Summary(const Catalog& c, Language lang) {
  const std::string secs = i18n::Fixed(lang, c.stats.seconds, 2);
  const std::string listed =
      Subst(TrN(lang, "{1} document listed (of {2} identified)", "{1} documents listed (of {2} identified)",
                c.entries.size()),
            {i18n::Number(lang, c.entries.size()), i18n::Number(lang, c.stats.entries_before_filters)});
  const std::string cited =
      Subst(Tr(lang, "{1} in {2}"),
            {Count(lang, c.stats.mentions, TrN(lang, "{1} citation", "{1} citations", c.stats.mentions)),
             Count(lang, c.stats.citing_documents,
                   TrN(lang, "{1} citing document", "{1} citing documents", c.stats.citing_documents))});
  std::string index = Subst(
      Tr(lang, "index of {1}"),
      {Count(lang, c.stats.documents, TrN(lang, "{1} document", "{1} documents", c.stats.documents))});
  if (!c.last_indexed.empty()) index += ", " + Subst(Tr(lang, "last indexed {1}"), {c.last_indexed});
  return listed + ", " + cited + "; " +
         Count(lang, c.unresolved.size(),
               TrN(lang, "{1} unresolved reference", "{1} unresolved references", c.unresolved.size())) +
         "; " + index +
         "; " + Subst(Tr(lang, "built in {1} s"), {secs});
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

std::string CatalogHtml(const Catalog& c, Language lang) {
  const auto groups = GroupByType(c, lang);
  const std::string heading = Tr(lang, "Catalogue of documents");
  std::string o;
  o += std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == Language::kVietnamese ? "vi" : "en") +
       "\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<title>" + HtmlEscape(heading) + " — " + HtmlEscape(c.database) + "</title>\n";
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
  o += "<h1>" + HtmlEscape(heading) + "</h1>\n";
  o += "<p class=\"meta\">" + HtmlEscape(c.database) + " — " + HtmlEscape(Summary(c, lang)) + "</p>\n";
  for (const auto& n : c.notes) o += "<p class=\"meta\">" + HtmlEscape(Subst(Tr(lang, "Note: {1}"), {Tr(lang, n.c_str())})) + "</p>\n";
  o += "<nav>\n<h2>" + HtmlEscape(Tr(lang, "Contents")) + "</h2>\n<ol>\n";
  for (const auto& g : groups) {
    o += "<li><a href=\"#" + g.id + "\">" + HtmlEscape(g.title) + "</a> (" + std::to_string(g.entries.size()) +
         ")</li>\n";
  }
  o += "<li><a href=\"#unresolved\">" + HtmlEscape(Tr(lang, "Unresolved references")) + "</a> (" +
       i18n::Number(lang, c.unresolved.size()) + ")</li>\n";
  if (!c.edges.empty()) {
    o += "<li><a href=\"#relations\">" + HtmlEscape(Tr(lang, "Relations")) + "</a> (" +
         i18n::Number(lang, c.edges.size()) + ")</li>\n";
  }
  o += "</ol>\n</nav>\n";
  for (const auto& g : groups) {
    o += "<section id=\"" + g.id + "\">\n<h2>" + HtmlEscape(g.title) + "</h2>\n<table>\n<thead><tr>";
    for (const char* column : {i18n::Mark("Number"), i18n::Mark("Date"), i18n::Mark("Term"), i18n::Mark("Issuer"),
                               i18n::Mark("Title"), i18n::Mark("In archive"), i18n::Mark("Status"), i18n::Mark("Citations"),
                               i18n::Mark("Citing docs"), i18n::Mark("Cited"), i18n::Mark("Most citing")}) {
      o += "<th>" + HtmlEscape(Tr(lang, column)) + "</th>";
    }
    o += "</tr></thead>\n<tbody>\n";
    for (const CatalogEntry* e : g.entries) {
      o += "<tr><td class=\"k\">" + HtmlEscape(e->symbol) + "</td><td>" + HtmlEscape(i18n::Date(lang, e->date)) + "</td><td>" +
           HtmlEscape(e->term) + (e->candidates.empty() ? "" : "?") + "</td><td>" +
           HtmlEscape(e->issuer_name.empty() ? e->issuer : e->issuer_name) + "</td><td>" + HtmlEscape(e->title);
      if (e->title_source == TitleSource::kMentions) {
        o += " <span class=\"src\">" + HtmlEscape(Tr(lang, "(from mentions)")) + "</span>";
      }
      if (!e->candidates.empty()) o += " <span class=\"src\">" + HtmlEscape(MayBe(lang, e->candidates)) + "</span>";
      o += "</td><td>" + HtmlEscape(e->held() ? Join(e->held_ids, ", ") : "—") + "</td><td>" + HtmlEscape(StatusLabel(lang, e->status)) +
           "</td><td class=\"n\">" +
           i18n::Number(lang, e->citations) + "</td><td class=\"n\">" + i18n::Number(lang, e->citing_documents) +
           "</td><td>" + HtmlEscape(Span(*e, lang)) + "</td><td>";
      if (!e->top_citing.empty()) {
        o += "<ul class=\"c\">";
        for (const auto& t : e->top_citing) {
          o += "<li>" + HtmlEscape(CiterLabel(t, lang));
          if (!t.title.empty()) o += " " + HtmlEscape(t.title);
          o += "</li>";
        }
        o += "</ul>";
      }
      o += "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n</section>\n";
  }
  o += "<section id=\"unresolved\">\n<h2>" + HtmlEscape(Tr(lang, "Unresolved references")) + "</h2>\n";
  if (c.unresolved.empty()) o += "<p>" + HtmlEscape(Tr(lang, "None.")) + "</p>\n";
  for (const UnresolvedReference& u : c.unresolved) {
    o += "<h3>" + HtmlEscape(u.name) + "</h3>\n<p class=\"meta\">" + HtmlEscape(CodeName(lang, u.reason)) + "; " +
         HtmlEscape(UnresolvedLine(lang, u));
    if (!u.title.empty()) o += "; " + HtmlEscape(u.title);
    o += "</p>\n<ul>\n";
    for (const auto& t : u.contexts) {
      o += "<li>" + HtmlEscape(CiterLabel(t, lang)) + " " + HtmlEscape(t.title) + "<br><span class=\"ctx\">" +
           HtmlEscape(t.context) + "</span></li>\n";
    }
    o += "</ul>\n";
  }
  o += "</section>\n";
  if (!c.edges.empty()) {
    o += "<section id=\"relations\">\n<h2>" + HtmlEscape(Tr(lang, "Relations")) + "</h2>\n<table>\n<thead><tr>";
    for (const char* column : {i18n::Mark("From"), i18n::Mark("Relation"), i18n::Mark("To"), i18n::Mark("Weight"),
                               i18n::Mark("Stated in")}) {
      o += "<th>" + HtmlEscape(Tr(lang, column)) + "</th>";
    }
    o += "</tr></thead>\n<tbody>\n";
    for (const CatalogEdge& e : c.edges) {
      o += "<tr><td>" + HtmlEscape(DisplayKey(lang, e.from)) + "</td><td>" + HtmlEscape(CodeName(lang, e.kind)) + "</td><td>" +
           HtmlEscape(DisplayKey(lang, e.to)) +
           "</td><td class=\"n\">" + std::to_string(e.weight) + "</td><td>" + HtmlEscape(e.evidence) + "</td></tr>\n";
    }
    o += "</tbody>\n</table>\n</section>\n";
  }
  o += "</body>\n</html>\n";
  return o;
}

std::string CatalogMarkdown(const Catalog& c, Language lang) {
  const auto groups = GroupByType(c, lang);
  std::string o = "# " + MdCell(Subst(Tr(lang, "Catalogue of {1}"), {c.database})) + "\n\n" +
                  MdCell(Summary(c, lang)) + ".\n\n";
  for (const auto& n : c.notes) o += MdCell(Subst(Tr(lang, "Note: {1}"), {Tr(lang, n.c_str())})) + ".\n\n";
  o += "## " + Tr(lang, "Contents") + "\n\n";
  for (const auto& g : groups) o += "- " + MdCell(g.title) + ": " + i18n::Number(lang, g.entries.size()) + "\n";
  o += "- " + Tr(lang, "Unresolved references") + ": " + i18n::Number(lang, c.unresolved.size()) + "\n";
  for (const auto& g : groups) {
    o += "\n## " + MdCell(g.title) + "\n\n|";
    for (const char* column : {i18n::Mark("Key"), i18n::Mark("Date"), i18n::Mark("Issuer"), i18n::Mark("Title"),
                               i18n::Mark("In archive"), i18n::Mark("Status"), i18n::Mark("Citations"),
                               i18n::Mark("Citing docs"), i18n::Mark("Cited"), i18n::Mark("Most citing")}) {
      o += " " + MdCell(Tr(lang, column)) + " |";
    }
    o += "\n|---|---|---|---|---|---|--:|--:|---|---|\n";
    for (const CatalogEntry* e : g.entries) {
      std::string title = e->title;
      if (e->title_source == TitleSource::kMentions) title += " " + Tr(lang, "(from mentions)");
      if (!e->candidates.empty()) title += " " + MayBe(lang, e->candidates);
      o += "| " + MdCell(DisplayKey(lang, e->key)) + " | " + MdCell(i18n::Date(lang, e->date)) + " | " +
           MdCell(e->issuer_name.empty() ? e->issuer : e->issuer_name) + " | " + MdCell(title) + " | " +
           MdCell(e->held() ? Join(e->held_ids, ", ") : "—") + " | " + MdCell(StatusLabel(lang, e->status)) + " | " +
           i18n::Number(lang, e->citations) + " | " +
           i18n::Number(lang, e->citing_documents) + " | " + MdCell(Span(*e, lang)) + " | " +
           MdCell(Join(CiterLabels(*e, lang), "; ")) + " |\n";
    }
  }
  o += "\n## " + Tr(lang, "Unresolved references") + "\n\n";
  if (c.unresolved.empty()) o += Tr(lang, "None.") + "\n";
  for (const UnresolvedReference& u : c.unresolved) {
    o += "- **" + MdCell(u.name) + "** (" + MdCell(CodeName(lang, u.reason)) + "): " + MdCell(UnresolvedLine(lang, u));
    if (!u.title.empty()) o += "; " + MdCell(u.title);
    o += "\n";
    for (const auto& t : u.contexts) o += "  - " + MdCell(CiterLabel(t, lang)) + ": " + MdCell(t.context) + "\n";
  }
  if (!c.edges.empty()) {
    o += "\n## " + Tr(lang, "Relations") + "\n\n|";
    for (const char* column : {"From", "Relation", "To", "Weight", "Stated in"}) o += " " + Tr(lang, column) + " |";
    o += "\n|---|---|---|--:|---|\n";
    for (const CatalogEdge& e : c.edges) {
      o += "| " + MdCell(DisplayKey(lang, e.from)) + " | " + MdCell(CodeName(lang, e.kind)) + " | " +
           MdCell(DisplayKey(lang, e.to)) + " | " + i18n::Number(lang, e.weight) +
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
