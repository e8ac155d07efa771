// Shared plumbing of the `vankien` subcommands: registration, the default database, output
// helpers. Each subcommand lives in its own cmd_*.cc file.
// Thread-safety: used from the main thread only.
#ifndef VANKIEN_TOOLS_CLI_CLI_H_
#define VANKIEN_TOOLS_CLI_CLI_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/base/i18n.h"
#include "indexer/base/status.h"
#include "search/searcher.h"

namespace vankien::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// A registered subcommand: `run` is called after parsing when the subcommand was chosen.
using Runner = std::function<int()>;

// Each Register* adds one subcommand to `app` and returns what runs it.
Runner RegisterIndex(CLI::App& app);
Runner RegisterCompact(CLI::App& app);
Runner RegisterSearch(CLI::App& app);
Runner RegisterShow(CLI::App& app);
Runner RegisterStats(CLI::App& app);
Runner RegisterAnalyze(CLI::App& app);
Runner RegisterCatalog(CLI::App& app);
Runner RegisterEval(CLI::App& app);
Runner RegisterRefs(CLI::App& app);
Runner RegisterRef(CLI::App& app);
Runner RegisterServe(CLI::App& app);

// The language of this run's messages: i18n::LanguageFromEnvironment(), read once.
i18n::Language Lang();
// Tr / TrN in that language (marked for xgettext by the names Tr and TrN).
inline std::string Tr(const char* msgid) { return i18n::Tr(Lang(), msgid); }
inline std::string TrN(const char* singular, const char* plural, unsigned long long n) {
  return i18n::TrN(Lang(), singular, plural, n);
}
// A count as users of Lang() write it ("32.282" in Vietnamese), and an ISO date ("18/05/2024").
inline std::string Num(unsigned long long n) { return i18n::Number(Lang(), n); }
inline std::string Day(std::string_view iso) { return i18n::Date(Lang(), iso); }
inline std::string Dec(double value, int decimals) { return i18n::Fixed(Lang(), value, decimals); }
using i18n::Subst;

// $VANKIEN_DB, or ./vankien.db.
std::string DefaultDatabase();
// The registry `vankien index` starts a new index from: an installed binary's own copy
// (<prefix>/share/vankien/registry.tsv, found from the binary's location so a staged or moved
// install works too), else the source tree's corpus/registry.tsv (a build-tree binary).
std::string DefaultRegistryPath();
// Adds the common `--db DIR` option bound to `db` (defaulting to DefaultDatabase()).
void AddDatabaseOption(CLI::App& cmd, std::string* db);

// --partial and --remote-timeout: how a sharded index with remote shards is opened.
void AddShardOptions(CLI::App& cmd, search::OpenOptions* open);

// Prints "vankien: <message>" to stderr and returns kExitFailure (kExitUsage for bad input).
int Fail(const Status& status);

// JSON text with invalid UTF-8 replaced, so output never throws.
std::string Dump(const nlohmann::json& j, int indent = -1);

// True when stdout / stderr is a terminal (colour, progress).
bool StdoutIsTty();
bool StderrIsTty();

}  // namespace vankien::cli

#endif  // VANKIEN_TOOLS_CLI_CLI_H_
