#include "tools/cli/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "tools/json/json_output.h"

namespace vankien::cli {

i18n::Language Lang() {
  static const i18n::Language lang = i18n::LanguageFromEnvironment();
  return lang;
}

std::string DefaultDatabase() {
  const char* env = std::getenv("VANKIEN_DB");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string("vankien.db");
}

std::string DefaultRegistryPath() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed =
        (exe.parent_path() / VANKIEN_INSTALLED_REGISTRY_FROM_BIN).lexically_normal();
    if (fs::is_regular_file(installed, ec)) return installed.string();
  }
  return VANKIEN_DEFAULT_REGISTRY;
}

void AddDatabaseOption(CLI::App& cmd, std::string* db) {
  *db = DefaultDatabase();
  cmd.add_option("--db", *db, "Index directory (default: $VANKIEN_DB or ./vankien.db)");
}

void AddShardOptions(CLI::App& cmd, search::OpenOptions* open) {
  cmd.add_flag("--partial", open->allow_partial,
               "For a sharded index: when shards are down, answer from the others and name the "
               "missing ones (default: fail naming the shard)");
  cmd.add_option("--remote-timeout", open->remote_timeout_ms,
                 "For remote shards: milliseconds to wait for one to connect or answer")
      ->capture_default_str();
}

int Fail(const Status& status) {
  std::cerr << "vankien: " << status.message() << "\n";
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
}

std::string Dump(const nlohmann::json& j, int indent) {
  return json_output::Dump(j, indent);
}

bool StdoutIsTty() { return isatty(STDOUT_FILENO) != 0; }
bool StderrIsTty() { return isatty(STDERR_FILENO) != 0; }

}  // namespace vankien::cli
