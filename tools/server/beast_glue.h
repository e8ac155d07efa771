// Between Boost.Beast messages and the handler's plain request/response types, shared by the
// socket code and the fuzz target (which feeds raw bytes through the same parser limits).
// Thread-safety: pure functions.
#ifndef VANKIEN_TOOLS_SERVER_BEAST_GLUE_H_
#define VANKIEN_TOOLS_SERVER_BEAST_GLUE_H_

#include <boost/beast/http.hpp>
#include <string>

#include "tools/server/handler.h"

namespace vankien::server {

namespace http = boost::beast::http;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

inline HttpRequest FromBeast(const BeastRequest& req) {
  HttpRequest r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  if (auto it = req.find(http::field::host); it != req.end()) r.host = std::string(it->value());
  if (auto it = req.find(http::field::origin); it != req.end()) r.origin = std::string(it->value());
  if (auto it = req.find(http::field::accept_language); it != req.end()) {
    r.accept_language = std::string(it->value());
  }
  return r;
}

// The Beast response for `res`; a HEAD request gets the headers (with the GET length) only.
inline BeastResponse ToBeast(HttpResponse res, unsigned version, bool keep_alive, bool head) {
  BeastResponse out{static_cast<http::status>(res.status), version};
  out.set(http::field::server, "vankien");
  if (!res.content_type.empty()) out.set(http::field::content_type, res.content_type);
  for (auto& [k, v] : res.headers) out.insert(k, v);
  out.keep_alive(keep_alive);
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  return out;
}

// The status for a request the parser refused: 431 headers too large, 413 body too large,
// 400 anything malformed.
inline int StatusForParseError(const boost::system::error_code& ec) {
  if (ec == http::error::header_limit) return 431;
  if (ec == http::error::body_limit) return 413;
  return 400;
}

}  // namespace vankien::server

#endif  // VANKIEN_TOOLS_SERVER_BEAST_GLUE_H_
