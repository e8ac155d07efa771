// The page's assets (tools/server/static) compiled into the binary, so `vankien serve` needs no
// files beside it. The definition is generated at build time by embed_static.cmake.
// Thread-safety: immutable data.
#ifndef VANKIEN_TOOLS_SERVER_STATIC_ASSETS_H_
#define VANKIEN_TOOLS_SERVER_STATIC_ASSETS_H_

#include <string_view>

namespace vankien::server {

struct Asset {
  std::string_view name;  // file name relative to the static directory: "index.html"
  std::string_view data;
};

// Every embedded asset; the list ends at `count`.
const Asset* EmbeddedAssets(std::size_t* count);

}  // namespace vankien::server

#endif  // VANKIEN_TOOLS_SERVER_STATIC_ASSETS_H_
