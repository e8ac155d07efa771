#include "tools/server/handler.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "indexer/text/utf8.h"
#include "search/catalog.h"
#include "search/catalog_format.h"
#include "tools/json/json_output.h"
#include "tools/server/static_assets.h"

namespace vankien::server {
namespace {

using nlohmann::json;
using i18n::Language;
using i18n::Subst;
using i18n::Tr;

constexpr std::size_t kMaxAssetBytes = 4u << 20;
constexpr std::size_t kMaxParamBytes = 256;  // every parameter but q

// The page's own policy: scripts, styles and fetches from this origin only, no inline script,
// no framing. Sent on every response (harmless on JSON, and it covers error pages too).
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void Log(const HandlerOptions& options, std::string_view line) {
  if (options.log) {
    options.log(line);
  } else {
    std::cerr << "vankien serve: " << line << "\n";
  }
}

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
  r.body = json_output::Dump(body);
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

// InvalidArgument on a malformed escape.
Result<Params> ParseQueryString(std::string_view qs, Language lang) {
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
      return Status::InvalidArgument(Tr(lang, "malformed percent-encoding in the query string"));
    }
    params.items.emplace_back(std::move(key), std::move(value));
  }
  return params;
}

// A parameter other than q, as typed: valid UTF-8, no control bytes, short. What it means is
// the library's business.
Status CheckText(std::string_view key, std::string_view value, Language lang) {
  if (value.size() > kMaxParamBytes || !IsValidUtf8(value) || HasControlBytes(value)) {
    return Status::InvalidArgument(Subst(Tr(lang, "parameter '{1}' is too long or not valid UTF-8 text"), {key}));
  }
  return Status::Ok();
}

Result<std::string> Param(const Params& params, std::string_view key, Language lang) {
  std::string v = params.Get(key);
  if (Status st = CheckText(key, v, lang); !st.ok()) return st;
  return v;
}

Result<std::size_t> PositiveNumber(const Params& params, std::string_view key,
                                   std::size_t fallback, std::size_t max, Language lang) {
  if (!params.Has(key)) return fallback;
  const std::string v = params.Get(key);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n == 0 || n > max) {
    return Status::InvalidArgument(
        Subst(Tr(lang, "parameter '{1}' must be a whole number from 1 to {2}"), {key, std::to_string(max)}));
  }
  return n;
}

// ---- Routes ---------------------------------------------------------------------------------

class Router {
 public:
  Router(Archive* archive, const HandlerOptions& options, Language lang)
      : archive_(archive), options_(options), lang_(lang) {}

  HttpResponse Api(std::string_view path, std::string_view query) {
    auto params = ParseQueryString(query, lang_);
    if (!params.ok()) return StatusResponse(params.status(), options_, lang_);
    auto response = ApiRoute(path, *params);
    if (!response.ok()) return StatusResponse(response.status(), options_, lang_);
    return std::move(response).value();
  }

  // The archive's catalogue (search/catalog.h): a printable HTML page at /catalog, JSON at
  // /api/catalog. Parameters as `vankien catalog`: type (comma list), issuer, term, from, to,
  // min (citations), sort (type|citations|date|symbol), limit.
  HttpResponse Catalog(bool html, std::string_view query) {
    auto params = ParseQueryString(query, lang_);
    if (!params.ok()) return StatusResponse(params.status(), options_, lang_);
    auto response = CatalogRoute(html, *params);
    if (!response.ok()) return StatusResponse(response.status(), options_, lang_);
    return std::move(response).value();
  }

 private:
  Result<HttpResponse> ApiRoute(std::string_view path, const Params& params) {
    if (path == "/healthz") return Health();
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    if (path == "/api/search") return SearchRoute(**searcher, params);
    if (path == "/api/stats") return StatsRoute();
    if (path.rfind("/api/ref/", 0) == 0 || path == "/api/ref") {
      auto symbol = Rest(path, "/api/ref/", params);
      if (!symbol.ok()) return symbol.status();
      return RefRoute(**searcher, *symbol);
    }
    if (path.rfind("/api/doc/", 0) == 0 || path == "/api/doc") {
      auto id = Rest(path, "/api/doc/", params, "id");
      if (!id.ok()) return id.status();
      return DocRoute(**searcher, *id);
    }
    return ErrorResponse(404, Tr(lang_, "no such API endpoint; see the README for /api/search, /api/ref, "
                                        "/api/doc and /api/stats"));
  }

  Result<search::Searcher*> OpenSearcher() {
    if (archive_ == nullptr) return Status::NotFound("no archive");  // for the log only
    return archive_->Searcher();
  }

  // No index to open, whatever the reason: the operator's to fix, so the client gets advice
  // and the log gets the reason (which names server paths).
  HttpResponse Unavailable(const Status& status) {
    Log(options_, "index unavailable: " + status.ToString());
    return ErrorResponse(503, Tr(lang_, "the archive's index is not available; build it with `vankien index` "
                                        "and the server will pick it up"));
  }

  // The decoded remainder of the path after `prefix` ("/api/doc/seeds%2Fa.txt" → "seeds/a.txt"),
  // or the `key` parameter when the path has none.
  Result<std::string> Rest(std::string_view path, std::string_view prefix, const Params& params,
                           std::string_view key = "q") {
    std::string out;
    if (path.size() > prefix.size()) {
      if (!PercentDecode(path.substr(prefix.size()), false, &out)) {
        return Status::InvalidArgument(Tr(lang_, "malformed percent-encoding in the path"));
      }
    } else {
      out = params.Get(key);
    }
    if (out.empty()) {
      return Status::InvalidArgument(prefix.substr(5, 3) == "doc" ? Tr(lang_, "missing document id in the path")
                                                                  : Tr(lang_, "missing document number in the path"));
    }
    if (out.size() > options_.max_query_bytes || !IsValidUtf8(out) || HasControlBytes(out)) {
      return Status::InvalidArgument(Tr(lang_, "the path is too long or not valid UTF-8 text"));
    }
    return out;
  }

  HttpResponse Health() {
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    return JsonResponse(200, {{"status", "ok"}});
  }

  Result<HttpResponse> SearchRoute(search::Searcher& searcher, const Params& params) {
    const std::string q = params.Get("q");
    if (q.size() > options_.max_query_bytes) {
      return Status::InvalidArgument(
          Subst(Tr(lang_, "the query is longer than {1} bytes; shorten it"), {std::to_string(options_.max_query_bytes)}));
    }
    if (!IsValidUtf8(q)) return Status::InvalidArgument(Tr(lang_, "the query is not valid UTF-8 text"));
    if (q.find('\0') != std::string::npos) {
      return Status::InvalidArgument(Tr(lang_, "the query contains a NUL byte"));
    }

    // Filter values go to the library as typed, as `vankien search --type/--from/...` hands
    // them over: search/query_filters.h reads them (type names, "13" for XIII, "30/6/2020"), so
    // the API and the CLI accept the same values with the same messages.
    search::SearchOptions opts;
    for (const auto& [k, v] : params.items) {
      if (k != "type" || v.empty()) continue;
      if (Status st = CheckText(k, v, lang_); !st.ok()) return st;
      opts.filters.kinds.push_back(v);  // one value may list several: "NQ,KL"
    }
    for (auto [key, out] : {std::pair{"issuer", &opts.filters.issuer},
                            std::pair{"term", &opts.filters.term},
                            std::pair{"source", &opts.filters.source},
                            std::pair{"from", &opts.filters.from},
                            std::pair{"to", &opts.filters.to},
                            std::pair{"status", &opts.filters.status}}) {
      auto v = Param(params, key, lang_);
      if (!v.ok()) return v.status();
      *out = std::move(v).value();
    }
    auto sort = Param(params, "sort", lang_);
    if (!sort.ok()) return sort.status();
    if (sort->empty() || *sort == "relevance") {
      opts.sort = search::SortOrder::kRelevance;
    } else if (*sort == "newest") {
      opts.sort = search::SortOrder::kNewest;
    } else if (*sort == "oldest") {
      opts.sort = search::SortOrder::kOldest;
    } else {
      return Status::InvalidArgument(Tr(lang_, "parameter 'sort' must be relevance, newest or oldest"));
    }
    auto size = PositiveNumber(params, "size", options_.default_page_size, options_.max_page_size, lang_);
    if (!size.ok()) return size.status();
    const std::size_t max_page = search::SearchOptions::kMaxOffset / *size + 1;
    auto page = PositiveNumber(params, "page", 1, max_page, lang_);
    if (!page.ok()) return page.status();
    auto facets = Param(params, "facets", lang_);
    if (!facets.ok()) return facets.status();
    opts.offset = (*page - 1) * *size;
    opts.limit = *size;
    opts.facets = *facets != "0";
    opts.suggest = true;
    opts.time_limit = options_.search_time_limit;
    opts.cancel = options_.cancel;

    if (q.find_first_not_of(" \t\r\n") == std::string::npos && opts.filters.empty()) {
      return Status::InvalidArgument(
          Tr(lang_, "no query: give the words or document number to search for, or choose a filter"));
    }
    auto response = searcher.Search(q, opts);
    if (!response.ok()) {
      // Over its time budget the query itself is too costly: the client can narrow it.
      if (response.status().code() == Status::Code::kResourceExhausted) {
        return Status::InvalidArgument(response.status().message());
      }
      return response.status();
    }
    json body = json_output::SearchJson(q, *response);
    // Paging, which the API adds to the library's answer (the CLI has --offset and -n instead).
    body["page"] = *page;
    body["size"] = *size;
    body["pages"] = std::min((response->total + *size - 1) / *size, max_page);
    body["sort"] = sort->empty() ? "relevance" : *sort;
    return JsonResponse(200, body);
  }

  Result<HttpResponse> RefRoute(search::Searcher& searcher, const std::string& symbol) {
    auto report = searcher.Reference(symbol, options_.max_citing);
    if (!report.ok()) return report.status();
    json body = json_output::ReferenceJson(symbol, *report);
    // As `vankien ref --json`: the held document's own relations too.
    std::optional<StoredDocument> own;
    if (!report->documents.empty()) {
      auto stored = searcher.GetStored(report->documents.front().id);
      if (stored.ok()) own = std::move(stored).value();
    }
    auto relations = searcher.Relations(report->symbol, own ? &*own : nullptr);
    if (!relations.ok()) return relations.status();
    json_output::AddRelations(own ? &*own : nullptr, *relations, /*official=*/true, &body);
    return JsonResponse(200, body);
  }

  Result<HttpResponse> DocRoute(search::Searcher& searcher, const std::string& id) {
    auto stored = searcher.GetStored(id);
    if (!stored.ok()) {
      // The library's message names the index directory, which the client has no use for.
      if (stored.status().code() == Status::Code::kNotFound) {
        return ErrorResponse(404, Tr(lang_, "no document with this id in the archive"));
      }
      return stored.status();
    }
    Document& doc = stored->doc;
    doc.path.clear();  // a file on the server: left out on purpose
    json body = json_output::ToJson(doc, stored->mentions);
    const bool official = search::HasValidity(doc);
    auto relations = searcher.Relations(official ? doc.symbol : std::string(), &*stored);
    if (!relations.ok()) return relations.status();
    json_output::AddRelations(&*stored, *relations, official, &body);
    return JsonResponse(200, body);
  }

  Result<HttpResponse> CatalogRoute(bool html, const Params& params) {
    auto searcher = OpenSearcher();
    if (!searcher.ok()) return Unavailable(searcher.status());
    search::CatalogOptions o;
    for (const std::string& part : SplitList(params.Get("type"))) o.types.push_back(part);
    o.issuer = params.Get("issuer");
    o.term = params.Get("term");
    o.from = params.Get("from");
    o.to = params.Get("to");
    auto min = ParseCount(params.Get("min"), "min", lang_);
    if (!min.ok()) return min.status();
    auto limit = ParseCount(params.Get("limit"), "limit", lang_);
    if (!limit.ok()) return limit.status();
    o.min_citations = *min;
    o.limit = *limit;
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
      return Status::InvalidArgument(Tr(lang_, "sort must be type, citations, date or symbol"));
    }
    auto catalog = search::BuildCatalog(archive_->dir(), o);
    if (!catalog.ok()) return catalog.status();
    if (!html) {
      HttpResponse r = JsonResponse(200, {});
      r.body = search::CatalogJson(*catalog);
      return r;
    }
    HttpResponse r;
    r.status = 200;
    r.content_type = "text/html; charset=utf-8";
    r.body = search::CatalogHtml(*catalog, lang_);
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

  static Result<std::size_t> ParseCount(const std::string& value, const char* name, Language lang) {
    if (value.empty()) return std::size_t{0};
    if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
      return Status::InvalidArgument(Subst(Tr(lang, "{1} must be a whole number below 1000000000"), {name}));
    }
    return static_cast<std::size_t>(std::stoul(value));
  }

  Result<HttpResponse> StatsRoute() {
    auto stats = archive_->Stats();
    if (!stats.ok()) return stats.status();
    return JsonResponse(200, json_output::ToJson(*stats));
  }

  Archive* archive_;
  const HandlerOptions& options_;
  const Language lang_;
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

HttpResponse StaticRoute(std::string_view raw_path, const HandlerOptions& options, Language lang) {
  std::string decoded;
  if (!PercentDecode(raw_path, false, &decoded)) {
    return ErrorResponse(400, Tr(lang, "malformed percent-encoding in the path"));
  }
  const std::string name = AssetName(decoded);
  const std::string_view mime = MimeType(name);
  if (name.empty() || mime.empty()) return ErrorResponse(404, Tr(lang, "not found"));
  HttpResponse r;
  if (options.static_dir.empty()) {
    std::size_t count = 0;
    const Asset* assets = EmbeddedAssets(&count);
    const Asset* found = std::find_if(assets, assets + count, [&](const Asset& a) { return a.name == name; });
    if (found == assets + count) return ErrorResponse(404, Tr(lang, "not found"));
    r.body = std::string(found->data);
  } else {
    // AssetName already refused every way out of the directory; the canonical-path check
    // also refuses symbolic links that lead out of it.
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(options.static_dir, ec);
    if (ec) return ErrorResponse(404, Tr(lang, "not found"));
    const fs::path file = fs::weakly_canonical(root / name, ec);
    const std::string root_s = root.string() + "/";
    if (ec || file.string().rfind(root_s, 0) != 0 || !fs::is_regular_file(file, ec) ||
        fs::file_size(file, ec) > kMaxAssetBytes) {
      return ErrorResponse(404, Tr(lang, "not found"));
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in) return ErrorResponse(404, Tr(lang, "not found"));
    r.body = std::move(buf).str();
  }
  r.status = 200;
  r.content_type = std::string(mime);
  r.headers.emplace_back("Cache-Control", "no-cache");
  AddSecurityHeaders(&r);
  return r;
}

HttpResponse Dispatch(const HttpRequest& request, Archive* archive, const HandlerOptions& options, Language lang) {
  if (!options.allowed_hosts.empty() && !request.host.empty()) {
    const std::string host = HostName(request.host);
    if (std::find(options.allowed_hosts.begin(), options.allowed_hosts.end(), host) ==
        options.allowed_hosts.end()) {
      return ErrorResponse(421, Tr(lang, "this server answers only to its own address (Host header refused)"));
    }
  }
  if (request.target.size() > options.max_target_bytes) {
    return ErrorResponse(414, Subst(Tr(lang, "the request target is longer than {1} bytes"),
                                    {std::to_string(options.max_target_bytes)}));
  }
  if (request.target.empty() || request.target.front() != '/') {
    return ErrorResponse(400, Tr(lang, "the request target must be a path starting with '/'"));
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
    HttpResponse r = ErrorResponse(405, Tr(lang, "only GET and HEAD are supported"));
    r.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
    return r;
  }
  const auto qmark = request.target.find('?');
  const std::string_view path = std::string_view(request.target).substr(0, qmark);
  const std::string_view query =
      qmark == std::string::npos ? std::string_view() : std::string_view(request.target).substr(qmark + 1);
  if (path == "/catalog" || path == "/api/catalog") {
    return Router(archive, options, lang).Catalog(path == "/catalog", query);
  }
  if (path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0) {
    return Router(archive, options, lang).Api(path, query);
  }
  return StaticRoute(path, options, lang);
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

int HttpStatusOf(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return 200;
    case Status::Code::kInvalidArgument: return 400;
    case Status::Code::kNotFound: return 404;
    // The index is not in a state to answer (not an index, an old schema): the server's state,
    // not a conflict the client could resolve, and it may pass once the operator re-indexes.
    case Status::Code::kFailedPrecondition: return 503;
    case Status::Code::kUnavailable: return 503;  // a remote shard is down: try again later
    // Out of memory, file handles or disk while answering a read: an overloaded server, not a
    // request that needs storage (507 is for requests that store something).
    case Status::Code::kResourceExhausted: return 503;
    case Status::Code::kIoError:
    case Status::Code::kCorrupt:
    case Status::Code::kInternal:
    case Status::Code::kPermissionDenied: return 500;
  }
  return 500;
}

HttpResponse StatusResponse(const Status& status, const HandlerOptions& options) {
  return StatusResponse(status, options, options.language);
}

HttpResponse StatusResponse(const Status& status, const HandlerOptions& options, Language lang) {
  const int code = HttpStatusOf(status.code());
  if (code < 500) return ErrorResponse(code, status.message());
  // Library messages name server paths and shard addresses: the log gets them, not the client.
  Log(options, (code == 503 ? "unavailable: " : "internal error: ") + status.ToString());
  if (code == 503) {
    HttpResponse r = ErrorResponse(503, Tr(lang, "the archive cannot answer right now; try again later"));
    r.headers.emplace_back("Retry-After", "5");
    return r;
  }
  return ErrorResponse(500, Tr(lang, "internal error; the server log has the details"));
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
  const Language lang = i18n::LanguageFromAcceptLanguage(request.accept_language, options.language);
  try {
    r = Dispatch(request, archive, options, lang);
  } catch (const std::exception& e) {
    // Nothing below throws by design (errors are Status); if something does, the client gets
    // no details.
    r = StatusResponse(Status::Internal(std::string("unexpected exception: ") + e.what()), options, lang);
  }
  const bool api = request.target.rfind("/api", 0) == 0 || request.target.rfind("/healthz", 0) == 0;
  if (!options.cors_origin.empty() && (api || request.method == "OPTIONS")) {
    r.headers.emplace_back("Access-Control-Allow-Origin", options.cors_origin);
    r.headers.emplace_back("Vary", "Origin");
  }
  return r;
}

}  // namespace vankien::server
