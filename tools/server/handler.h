// The HTTP request handler of `vankien serve`: one parsed request in, one response out. It knows
// nothing of sockets (tools/server/server.h does), so it is unit tested and fuzzed directly.
// Routes: GET /api/search, /api/ref/{symbol}, /api/doc/{id}, /api/stats, /api/catalog,
// /catalog, /healthz, and the page's static assets. Parameters go to the library as typed; its
// Status codes become HTTP statuses (HttpStatusOf); the JSON bodies are tools/json/json_output.h's.
// Thread-safety: Handle() may run on many threads at once as long as each thread
// passes its own Archive.
#ifndef VANKIEN_TOOLS_SERVER_HANDLER_H_
#define VANKIEN_TOOLS_SERVER_HANDLER_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/base/i18n.h"
#include "indexer/base/status.h"
#include "tools/server/archive.h"

namespace vankien::server {

struct HttpRequest {
  std::string method;  // as sent: "GET", "HEAD", "OPTIONS", "POST", "FOO"...
  std::string target;  // the request-target: "/api/search?q=xay+dung"
  std::string host;    // the Host header, "" when absent
  std::string origin;  // the Origin header, "" when absent
  std::string accept_language;  // the Accept-Language header, "" when absent
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;  // for HEAD: the body a GET would have (the session sends only its length)
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/-Length

  // The value of header `name` (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

struct HandlerOptions {
  // The page's assets are read from this directory on every request; empty: the copies
  // compiled into the binary (tools/server/static at build time).
  std::string static_dir;
  // When not empty, API responses carry Access-Control-Allow-Origin with this value and
  // OPTIONS preflights are answered; otherwise no CORS header is ever sent.
  std::string cors_origin;
  // Host header names (without port) accepted; empty accepts any. A loopback server accepts
  // only loopback names, which defeats DNS rebinding.
  std::vector<std::string> allowed_hosts;
  std::size_t max_target_bytes = 8192;  // longer request-targets get 414
  std::size_t max_query_bytes = 2048;   // longer q (after decoding) gets 400
  std::size_t default_page_size = 10;
  std::size_t max_page_size = 50;
  std::size_t max_citing = 500;  // /api/ref: most citing documents listed
  // Seconds one search may take (SearchOptions::time_limit); past it the answer is 400 with a
  // message asking for a narrower query. 0: no limit.
  double search_time_limit = 10.0;
  // When set and true (the server is stopping), a running search is abandoned: 503.
  const std::atomic<bool>* cancel = nullptr;
  // The language of error messages and of the /catalog page when the request's Accept-Language
  // names neither Vietnamese nor English (the page is Vietnamese; "en" asks for English).
  i18n::Language language = i18n::Language::kVietnamese;
  // Where errors the client must not see are written (500s); nullptr: stderr.
  std::function<void(std::string_view)> log;
};

// Loopback host names: "localhost", "127.0.0.1", "::1" (and "[::1]").
std::vector<std::string> LoopbackHosts();

// Answers `request`. `archive` may be nullptr or hold no index (503 for the API). Never throws.
HttpResponse Handle(const HttpRequest& request, Archive* archive, const HandlerOptions& options);

// An error response: JSON {"error": message} with the security headers.
HttpResponse ErrorResponse(int status, std::string_view message);

// The HTTP status for a library Status code: InvalidArgument 400, NotFound 404; Unavailable,
// FailedPrecondition and ResourceExhausted 503 (the server's state, which may pass: not the
// client's fault, and nothing the client could resolve, hence not 409); every other code 500.
int HttpStatusOf(Status::Code code);

// The error response for a failed `status` (not ok): 4xx carry the library's message, which is
// written for the user; 5xx carry a fixed text (503 with Retry-After) and the status goes to
// `options.log`, since library messages name server paths and shard addresses. The fixed texts
// are in `lang` (the first form: options.language).
HttpResponse StatusResponse(const Status& status, const HandlerOptions& options);
HttpResponse StatusResponse(const Status& status, const HandlerOptions& options, i18n::Language lang);

// ---- Exposed for tests ----------------------------------------------------------------------
// Decodes %XX escapes (and '+' as space when `plus_is_space`); false on a malformed escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);

// The asset name for a decoded URL path ("/" → "index.html", "/app.js" → "app.js"), or "" when
// the path is not a plain asset name: any "." or ".." segment, empty segment, hidden file,
// backslash, NUL or other control byte, '%' or ':' is refused.
std::string AssetName(std::string_view decoded_path);

}  // namespace vankien::server

#endif  // VANKIEN_TOOLS_SERVER_HANDLER_H_
