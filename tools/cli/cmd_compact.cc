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
    const std::string before = Dec(report->bytes_before / 1e6, 1), after = Dec(report->bytes_after / 1e6, 1);
    const std::string from = Subst(TrN("{1} shard, {2} MB", "{1} shards, {2} MB", report->shards_before),
                                   {Num(report->shards_before), before});
    const std::string to = Subst(TrN("{1} shard, {2} MB", "{1} shards, {2} MB", report->shards_after),
                                 {Num(report->shards_after), after});
    std::printf("%s: %s → %s\n", args.db.c_str(), from.c_str(), to.c_str());
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
