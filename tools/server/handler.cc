#include "tools/server/handler.h"

#include "search/catalog.h"
#include "search/catalog_format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/text/utf8.h"
#include "tools/server/static_assets.h"

namespace vankien::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxAssetBytes = 4u << 20;
constexpr std::size_t kMaxParamBytes = 256;  // every parameter but q

// The page's own policy: scripts, styles and fetches from this origin only, no inline script,
// no framing. Sent on every response (harmless on JSON, and it covers error pages too).
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void AddSecurityHeaders(HttpResponse* r) {
  r->headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("Referrer-Policy", "no-referrer");
  r->headers.emplace_back("X-Frame-Options", "DENY");
}

HttpResponse JsonResponse(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = Dump(body);
  r.headers.emplace_back("Cache-Control", "no-store");
  AddSecurityHeaders(&r);
  return r;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t invalid = 0;
  text::SanitizeUtf8(s, &invalid);
  return invalid == 0;
}

bool HasControlBytes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The host name of a Host header value: "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1".
std::string HostName(std::string_view host) {
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    return close == std::string_view::npos ? std::string(host) : Lower(host.substr(1, close - 1));
  }
  const auto colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(':') == colon) host = host.substr(0, colon);
  return Lower(host);
}

// ---- Query strings -------------------------------------------------------------------------

struct Params {
  std::vector<std::pair<std::string, std::string>> items;
  // The last value of `key`, "" when absent.
  std::string Get(std::string_view key) const {
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      if (it->first == key) return it->second;
    }
    return {};
  }
  bool Has(std::string_view key) const {
    return std::any_of(items.begin(), items.end(), [&](const auto& p) { return p.first == key; });
  }
};

struct BadRequest {
  std::string message;
};

Params ParseQueryString(std::string_view qs) {
  Params params;
  while (!qs.empty()) {
    const auto amp = qs.find('&');
    const std::string_view item = qs.substr(0, amp);
    qs = amp == std::string_view::npos ? std::string_view() : qs.substr(amp + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    std::string key, value;
    if (!PercentDecode(item.substr(0, eq), true, &key) ||
        (eq != std::string_view::npos && !PercentDecode(item.substr(eq + 1), true, &value))) {
      throw BadRequest{"malformed percent-encoding in the query string"};
    }
    params.items.emplace_back(std::move(key), std::move(value));
  }
  return params;
}

// A parameter other than q: valid UTF-8, no control bytes, short.
std::string Param(const Params& params, std::string_view key) {
  std::string v = params.Get(key);
  if (v.size() > kMaxParamBytes || !IsValidUtf8(v) || HasControlBytes(v)) {
    throw BadRequest{"parameter '" + std::string(key) + "' is too long or not valid UTF-8 text"};
  }
  return v;
}

std::size_t PositiveNumber(const Params& params, std::string_view key, std::size_t fallback,
                           std::size_t max) {
  if (!params.Has(key)) return fallback;
  const std::string v = params.Get(key);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n == 0 || n > max) {
    throw BadRequest{"parameter '" + std::string(key) + "' must be a whole number from 1 to " +
                     std::to_string(max)};
  }
  return n;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool IsDate(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  return true;
}

// ---- JSON shapes ----------------------------------------------------------------------------

json HitJson(const search::Hit& h) {
  json highlights = json::array();
  for (const auto& [b, e] : h.snippet.highlights) highlights.push_back({b, e});
  return {{"id", h.id},         {"title", h.title},   {"date", h.date},     {"url", h.url},
          {"kind", h.kind},     {"symbol", h.symbol}, {"issuer", h.issuer}, {"term", h.term},
          {"source", h.source}, {"score", h.score},
          {"snippet", {{"text", h.snippet.text}, {"highlights", highlights}}}};
}

json FactJson(const refs::Registry::Entry& e) {
  json j = {{"symbol", e.symbol}, {"type", e.type},     {"kind", e.type_name},
            {"number", e.number}, {"issuer", e.issuer}, {"issuer_name", e.issuer_name},
            {"date", e.date},     {"term", e.term},     {"title", e.title}};
  j["plenum"] = e.plenum ? json(*e.plenum) : json();
  return j;
}

// ---- Routes ---------------------------------------------------------------------------------

class Router {
 public:
  Router(Archive* archive, const HandlerOptions& options) : archive_(archive), options_(options) {}

  HttpResponse Api(std::string_view path, const Params& params) {
    if (path == "/healthz") return Health();
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    if (path == "/api/search") return SearchRoute(**searcher, params);
    if (path == "/api/stats") return StatsRoute();
    if (path.rfind("/api/ref/", 0) == 0 || path == "/api/ref") {
      return RefRoute(**searcher, Rest(path, "/api/ref/", params));
    }
    if (path.rfind("/api/doc/", 0) == 0 || path == "/api/doc") {
      return DocRoute(**searcher, Rest(path, "/api/doc/", params, "id"));
    }
    return ErrorResponse(404, "no such API endpoint; see the README for /api/search, /api/ref, "
                              "/api/doc and /api/stats");
  }

 private:
  Result<search::Searcher*> OpenSearcher() {
    if (archive_ == nullptr) return Status::NotFound("no archive");
    return archive_->Searcher();
  }

  HttpResponse Unavailable(const Status& status) {
    Log("index unavailable: " + status.message());
    return ErrorResponse(503, "the archive's index is not available; build it with `vankien index` "
                              "and the server will pick it up");
  }

  HttpResponse Internal(const Status& status) {
    Log("internal error: " + status.message());
    return ErrorResponse(500, "internal error; the server log has the details");
  }

  // A library error: the user's fault (400/404) with its message, or ours (500) without.
  HttpResponse FromStatus(const Status& status) {
    switch (status.code()) {
      case Status::Code::kInvalidArgument: return ErrorResponse(400, status.message());
      case Status::Code::kNotFound: return ErrorResponse(404, status.message());
      default: return Internal(status);
    }
  }

  void Log(const std::string& line) {
    if (options_.log) {
      options_.log(line);
    } else {
      std::cerr << "vankien serve: " << line << "\n";
    }
  }

  // The decoded remainder of the path after `prefix` ("/api/doc/seeds%2Fa.txt" → "seeds/a.txt"),
  // or the `key` parameter when the path has none.
  std::string Rest(std::string_view path, std::string_view prefix, const Params& params,
                   std::string_view key = "q") {
    std::string out;
    if (path.size() > prefix.size()) {
      if (!PercentDecode(path.substr(prefix.size()), false, &out)) {
        throw BadRequest{"malformed percent-encoding in the path"};
      }
    } else {
      out = params.Get(key);
    }
    if (out.empty()) throw BadRequest{"missing " + std::string(prefix.substr(5, 3)) + " in the path"};
    if (out.size() > options_.max_query_bytes || !IsValidUtf8(out) || HasControlBytes(out)) {
      throw BadRequest{"the path is too long or not valid UTF-8 text"};
    }
    return out;
  }

  HttpResponse Health() {
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    return JsonResponse(200, {{"status", "ok"}});
  }

  HttpResponse SearchRoute(search::Searcher& searcher, const Params& params) {
    const std::string q = params.Get("q");
    if (q.size() > options_.max_query_bytes) {
      throw BadRequest{"the query is longer than " + std::to_string(options_.max_query_bytes) +
                       " bytes; shorten it"};
    }
    if (!IsValidUtf8(q)) throw BadRequest{"the query is not valid UTF-8 text"};
    if (q.find('\0') != std::string::npos) throw BadRequest{"the query contains a NUL byte"};

    search::SearchOptions opts;
    for (const auto& [k, v] : params.items) {
      if (k != "type") continue;
      std::string_view rest = v;
      while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string one(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (one.empty()) continue;
        if (one.size() > 16 || !IsValidUtf8(one) || HasControlBytes(one)) {
          throw BadRequest{"parameter 'type' must be type codes such as NQ,KL,article"};
        }
        opts.filters.kinds.push_back(std::move(one));
      }
    }
    if (opts.filters.kinds.size() > 32) throw BadRequest{"too many types in 'type'"};
    opts.filters.issuer = Param(params, "issuer");
    opts.filters.term = Param(params, "term");
    opts.filters.source = Param(params, "source");
    opts.filters.from = Param(params, "from");
    opts.filters.to = Param(params, "to");
    for (const auto* d : {&opts.filters.from, &opts.filters.to}) {
      if (!d->empty() && !IsDate(*d)) {
        throw BadRequest{"'from' and 'to' must be dates: YYYY, YYYY-MM or YYYY-MM-DD"};
      }
    }
    const std::string sort = Param(params, "sort");
    if (sort.empty() || sort == "relevance") {
      opts.sort = search::SortOrder::kRelevance;
    } else if (sort == "newest") {
      opts.sort = search::SortOrder::kNewest;
    } else if (sort == "oldest") {
      opts.sort = search::SortOrder::kOldest;
    } else {
      throw BadRequest{"parameter 'sort' must be relevance, newest or oldest"};
    }
    const std::size_t size =
        PositiveNumber(params, "size", options_.default_page_size, options_.max_page_size);
    const std::size_t max_page = search::SearchOptions::kMaxOffset / size + 1;
    const std::size_t page = PositiveNumber(params, "page", 1, max_page);
    opts.offset = (page - 1) * size;
    opts.limit = size;
    opts.facets = Param(params, "facets") != "0";
    opts.suggest = true;

    if (q.find_first_not_of(" \t\r\n") == std::string::npos && opts.filters.empty()) {
      throw BadRequest{"no query: give the words or document number to search for"};
    }
    auto response = searcher.Search(q, opts);
    if (!response.ok()) return FromStatus(response.status());
    json hits = json::array();
    for (const auto& h : response->hits) hits.push_back(HitJson(h));
    json facets = json::array();
    for (const auto& f : response->facets) {
      json values = json::array();
      for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
      facets.push_back({{"name", f.name}, {"values", values}});
    }
    const std::size_t pages = std::min((response->total + size - 1) / size, max_page);
    return JsonResponse(200, {{"query", q},
                              {"total", response->total},
                              {"page", page},
                              {"size", size},
                              {"pages", pages},
                              {"sort", sort.empty() ? "relevance" : sort},
                              {"hits", hits},
                              {"facets", facets},
                              {"suggestion", response->suggestion},
                              {"notices", response->notices},
                              {"missing_shards", response->missing_shards},
                              {"dropped_words", response->dropped_words}});
  }

  HttpResponse RefRoute(search::Searcher& searcher, const std::string& symbol) {
    auto report = searcher.Reference(symbol, options_.max_citing);
    if (!report.ok()) return FromStatus(report.status());
    json facts = json::array();
    for (const auto& e : report->facts) facts.push_back(FactJson(e));
    json docs = json::array();
    for (const auto& d : report->documents) docs.push_back(HitJson(d));
    json groups = json::array();
    for (const auto& g : report->groups) {
      json citations = json::array();
      for (const auto& c : g.citations) {
        citations.push_back({{"id", c.id},
                             {"title", c.title},
                             {"date", c.date},
                             {"surface", c.surface},
                             {"context", c.context}});
      }
      groups.push_back({{"key", g.key}, {"citations", citations}});
    }
    return JsonResponse(200, {{"query", symbol},
                              {"symbol", report->symbol},
                              {"key", report->key},
                              {"facts", facts},
                              {"documents", docs},
                              {"citing_documents", report->citing_documents},
                              {"groups", groups}});
  }

  HttpResponse DocRoute(search::Searcher& searcher, const std::string& id) {
    auto doc = searcher.Get(id);
    if (!doc.ok()) return FromStatus(doc.status());
    json fields = json::object();
    for (const auto& [k, v] : doc->fields) fields[k] = v;
    // The references in the text, found with the index's registry, as byte ranges of the text
    // sent (made valid UTF-8 first, so the offsets hold in what the client receives).
    const std::string text = text::SanitizeUtf8(doc->text);
    json references = json::array();
    for (const auto& m : archive_->recognizer().Find(text)) {
      const std::string symbol = m.resolved_symbol.empty() ? m.Canonical() : m.resolved_symbol;
      if (symbol.empty()) continue;
      references.push_back({{"symbol", symbol},
                            {"key", m.resolved_symbol.empty() ? m.Key() : symbol},
                            {"surface", m.surface},
                            {"begin", m.byte_start},
                            {"end", m.byte_end}});
    }
    // `path` (a file on the server) is left out on purpose.
    return JsonResponse(200, {{"id", doc->id},
                              {"title", doc->title},
                              {"date", doc->date},
                              {"kind", doc->kind},
                              {"symbol", doc->symbol},
                              {"issuer", doc->issuer},
                              {"term", doc->term},
                              {"plenum", doc->plenum ? json(*doc->plenum) : json()},
                              {"subject", doc->subject},
                              {"signer", doc->signer},
                              {"place", doc->place},
                              {"source", doc->source},
                              {"url", doc->url},
                              {"encoding", doc->encoding},
                              {"flags", doc->flags},
                              {"fields", fields},
                              {"text", text},
                              {"refs", references}});
  }

 public:
  // The archive's catalogue (search/catalog.h): a printable HTML page at /catalog, JSON at
  // /api/catalog. Parameters as `vankien catalog`: type (comma list), issuer, term, from, to,
  // min (citations), sort (type|citations|date|symbol), limit.
  HttpResponse CatalogRoute(bool html, const Params& params) {
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    search::CatalogOptions o;
    for (const std::string& part : SplitList(params.Get("type"))) o.types.push_back(part);
    o.issuer = params.Get("issuer");
    o.term = params.Get("term");
    o.from = params.Get("from");
    o.to = params.Get("to");
    o.min_citations = ParseCount(params.Get("min"), "min");
    o.limit = ParseCount(params.Get("limit"), "limit");
    const std::string sort = params.Get("sort");
    if (sort.empty() || sort == "type") {
      o.sort = search::CatalogSort::kType;
    } else if (sort == "citations") {
      o.sort = search::CatalogSort::kCitations;
    } else if (sort == "date") {
      o.sort = search::CatalogSort::kDate;
    } else if (sort == "symbol") {
      o.sort = search::CatalogSort::kSymbol;
    } else {
      throw BadRequest{"sort must be type, citations, date or symbol"};
    }
    auto catalog = search::BuildCatalog(archive_->dir(), o);
    if (!catalog.ok()) return FromStatus(catalog.status());
    if (!html) {
      HttpResponse r = JsonResponse(200, {});
      r.body = search::CatalogJson(*catalog);
      return r;
    }
    HttpResponse r;
    r.status = 200;
    r.content_type = "text/html; charset=utf-8";
    r.body = search::CatalogHtml(*catalog);
    r.headers.emplace_back("Cache-Control", "no-store");
    // The catalogue page is standalone: its own inline styles, no scripts at all.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                           "form-action 'none'; frame-ancestors 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    return r;
  }

  static std::vector<std::string> SplitList(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      if (comma > start) out.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
    return out;
  }

  static std::size_t ParseCount(const std::string& value, const char* name) {
    if (value.empty()) return 0;
    if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
      throw BadRequest{std::string(name) + " must be a whole number below 1000000000"};
    }
    return std::stoul(value);
  }

 private:
  HttpResponse StatsRoute() {
    auto stats = archive_->Stats();
    if (!stats.ok()) return FromStatus(stats.status());
    return JsonResponse(200, {{"documents", stats->documents},
                              {"terms", stats->distinct_terms},
                              {"average_length", stats->average_length},
                              {"bytes_on_disk", stats->bytes_on_disk},
                              {"last_indexed", stats->last_indexed}});
  }

  Archive* archive_;
  const HandlerOptions& options_;
};

std::string_view MimeType(std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string_view::npos ? "" : Lower(name.substr(dot + 1));
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return {};
}

HttpResponse StaticRoute(std::string_view raw_path, const HandlerOptions& options) {
  std::string decoded;
  if (!PercentDecode(raw_path, false, &decoded)) return ErrorResponse(400, "malformed percent-encoding in the path");
  const std::string name = AssetName(decoded);
  const std::string_view mime = MimeType(name);
  if (name.empty() || mime.empty()) return ErrorResponse(404, "not found");
  HttpResponse r;
  if (options.static_dir.empty()) {
    std::size_t count = 0;
    const Asset* assets = EmbeddedAssets(&count);
    const Asset* found = std::find_if(assets, assets + count, [&](const Asset& a) { return a.name == name; });
    if (found == assets + count) return ErrorResponse(404, "not found");
    r.body = std::string(found->data);
  } else {
    // AssetName already refused every way out of the directory; the canonical-path check
    // also refuses symbolic links that lead out of it.
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(options.static_dir, ec);
    if (ec) return ErrorResponse(404, "not found");
    const fs::path file = fs::weakly_canonical(root / name, ec);
    const std::string root_s = root.string() + "/";
    if (ec || file.string().rfind(root_s, 0) != 0 || !fs::is_regular_file(file, ec) ||
        fs::file_size(file, ec) > kMaxAssetBytes) {
      return ErrorResponse(404, "not found");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in) return ErrorResponse(404, "not found");
    r.body = std::move(buf).str();
  }
  r.status = 200;
  r.content_type = std::string(mime);
  r.headers.emplace_back("Cache-Control", "no-cache");
  AddSecurityHeaders(&r);
  return r;
}

HttpResponse Dispatch(const HttpRequest& request, Archive* archive, const HandlerOptions& options) {
  if (!options.allowed_hosts.empty() && !request.host.empty()) {
    const std::string host = HostName(request.host);
    if (std::find(options.allowed_hosts.begin(), options.allowed_hosts.end(), host) ==
        options.allowed_hosts.end()) {
      return ErrorResponse(421, "this server answers only to its own address (Host header refused)");
    }
  }
  if (request.target.size() > options.max_target_bytes) {
    return ErrorResponse(414, "the request target is longer than " +
                                  std::to_string(options.max_target_bytes) + " bytes");
  }
  if (request.target.empty() || request.target.front() != '/') {
    return ErrorResponse(400, "the request target must be a path starting with '/'");
  }
  const bool is_get = request.method == "GET" || request.method == "HEAD";
  if (request.method == "OPTIONS") {
    HttpResponse r;
    r.status = 204;
    r.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
    if (!options.cors_origin.empty()) {
      r.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      r.headers.emplace_back("Access-Control-Max-Age", "600");
    }
    AddSecurityHeaders(&r);
    return r;
  }
  if (!is_get) {
    HttpResponse r = ErrorResponse(405, "only GET and HEAD are supported");
    r.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
    return r;
  }
  const auto qmark = request.target.find('?');
  const std::string_view path = std::string_view(request.target).substr(0, qmark);
  const std::string_view query =
      qmark == std::string::npos ? std::string_view() : std::string_view(request.target).substr(qmark + 1);
  if (path == "/catalog" || path == "/api/catalog") {
    Router router(archive, options);
    return router.CatalogRoute(path == "/catalog", ParseQueryString(query));
  }
  if (path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0) {
    Router router(archive, options);
    return router.Api(path, ParseQueryString(query));
  }
  return StaticRoute(path, options);
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  const std::string want = Lower(name);
  if (want == "content-type") return content_type;
  for (const auto& [k, v] : headers) {
    if (Lower(k) == want) return v;
  }
  return {};
}

std::vector<std::string> LoopbackHosts() { return {"localhost", "127.0.0.1", "::1"}; }

HttpResponse ErrorResponse(int status, std::string_view message) {
  return JsonResponse(status, {{"error", std::string(message)}});
}

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

std::string AssetName(std::string_view path) {
  if (path == "/" || path == "/index.html") return "index.html";
  if (path.size() < 2 || path.front() != '/' || path.size() > 200) return {};
  const std::string_view name = path.substr(1);
  // One level only: the static directory is flat. Letters, digits, '-', '_' and one or more
  // dots that neither start the name nor follow each other.
  if (name.front() == '.') return {};
  char prev = 0;
  for (char c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return {};
    prev = c;
  }
  return std::string(name);
}

HttpResponse Handle(const HttpRequest& request, Archive* archive, const HandlerOptions& options) {
  HttpResponse r;
  try {
    r = Dispatch(request, archive, options);
  } catch (const BadRequest& e) {
    r = ErrorResponse(400, e.message);
  } catch (const std::exception& e) {
    // Nothing below should throw; if it does, the client gets no details.
    (options.log ? options.log : [](std::string_view s) { std::cerr << "vankien serve: " << s << "\n"; })(
        std::string("unexpected exception: ") + e.what());
    r = ErrorResponse(500, "internal error; the server log has the details");
  }
  const bool api = request.target.rfind("/api", 0) == 0 || request.target.rfind("/healthz", 0) == 0;
  if (!options.cors_origin.empty() && (api || request.method == "OPTIONS")) {
    r.headers.emplace_back("Access-Control-Allow-Origin", options.cors_origin);
    r.headers.emplace_back("Vary", "Origin");
  }
  return r;
}

}  // namespace vankien::server
