// `vankien compact`: rewrites the index compactly after a full build (indexer/compact.h).
#include <cstdio>
#include <memory>

#include "indexer/compact.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

struct CompactArgs {
  std::string db;
  bool merge = false;
  bool json = false;
};

int RunCompact(const CompactArgs& args) {
  auto report = CompactIndex(args.db, args.merge);
  if (!report.ok()) return Fail(report.status());
  if (args.json) {
    std::printf("%s\n", Dump({{"db", args.db},
                              {"shards_before", report->shards_before},
                              {"shards_after", report->shards_after},
                              {"bytes_before", report->bytes_before},
                              {"bytes_after", report->bytes_after}})
                            .c_str());
  } else {
    std::printf("%s: %zu shard%s, %.1f MB → %zu shard%s, %.1f MB\n", args.db.c_str(), report->shards_before,
                report->shards_before == 1 ? "" : "s", report->bytes_before / 1e6, report->shards_after,
                report->shards_after == 1 ? "" : "s", report->bytes_after / 1e6);
  }
  return kExitOk;
}

}  // namespace

Runner RegisterCompact(CLI::App& app) {
  auto args = std::make_shared<CompactArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compact", "Rewrite the index compactly (smaller, faster to search), e.g. after a full build. "
                 "Readers keep working; indexing waits until it is done.");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_flag("--merge", args->merge, "Merge the shards of a sharded index into one database");
  cmd->add_flag("--json", args->json, "Print a JSON summary");
  return [args] { return RunCompact(*args); };
}

}  // namespace vankien::cli
