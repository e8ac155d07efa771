#include "indexer/doc/ocr_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "indexer/schema.h"

namespace vankien {
namespace {

namespace fs = std::filesystem;

std::string Hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::string OcrCache::DefaultDir() {
  if (const char* d = std::getenv("VANKIEN_OCR_CACHE"); d != nullptr) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x == '/') return std::string(x) + "/vankien/ocr";
  if (const char* h = std::getenv("HOME"); h != nullptr && *h == '/') return std::string(h) + "/.cache/vankien/ocr";
  return {};
}

std::string OcrCache::Key(std::string_view bytes, std::string_view engine, std::string_view what) {
  return Hex(schema::Fnv1a64(bytes)) + "-" + Hex(bytes.size()) + "-" +
         Hex(schema::Fnv1a64(std::string(engine) + "\n" + std::string(what)));
}

std::optional<OcrText> OcrCache::Get(const std::string& key) const {
  if (dir_.empty()) return std::nullopt;
  std::ifstream in(fs::path(dir_) / (key + ".json"), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buf;
  buf << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("pages") || !j["pages"].is_array()) return std::nullopt;
  OcrText t;
  for (const auto& p : j["pages"]) {
    if (!p.is_string()) return std::nullopt;
    t.pages.push_back(p.get<std::string>());
  }
  t.mean_confidence = j.value("mean_confidence", 0.0);
  t.pages_recognized = j.value("pages_recognized", std::size_t{0});
  t.pages_skipped = j.value("pages_skipped", std::size_t{0});
  return t;
}

Status OcrCache::Put(const std::string& key, const OcrText& text) const {
  if (dir_.empty() || text.timed_out) return Status::Ok();
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return Status::IoError("cannot create the OCR cache folder " + dir_ + ": " + ec.message());
  const nlohmann::json j = {{"pages", text.pages},
                            {"mean_confidence", text.mean_confidence},
                            {"pages_recognized", text.pages_recognized},
                            {"pages_skipped", text.pages_skipped}};
  const fs::path final_path = fs::path(dir_) / (key + ".json");
  static std::atomic<unsigned> counter{0};
  const fs::path temp = fs::path(dir_) / (key + ".json.tmp" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!out.flush()) {
      fs::remove(temp, ec);
      return Status::IoError("cannot write to the OCR cache folder " + dir_);
    }
  }
  fs::rename(temp, final_path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Status::IoError("cannot store an entry in the OCR cache folder " + dir_);
  }
  return Status::Ok();
}

}  // namespace vankien
