// vankien: the command-line front end. One subcommand per file (cmd_*.cc).
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include <iostream>
#include <vector>

#include "indexer/version.h"
#include "tools/cli/cli.h"

namespace {

// Tesseract runs its own OpenMP teams inside each page, and vankien already runs one engine per
// core: the two together oversubscribe the cores and libgomp's idle threads spin (measured on 5
// scans: 36 s wall, 10 s of it system time; 16 s with one OpenMP thread per engine). libgomp
// reads OMP_THREAD_LIMIT only when it is loaded, before main(), so `index` sets it and starts
// itself again; a limit the user set is kept.
void LimitOpenMpForOcr(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) != "index" || std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  if (setenv("OMP_THREAD_LIMIT", "1", 0) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure: then go on with the default
}

}  // namespace

int main(int argc, char** argv) {
  LimitOpenMpForOcr(argc, argv);
  using namespace vankien::cli;
  CLI::App app{"vankien — archive and full-text search for Vietnamese resolutions, conclusions, "
               "directives and the articles that discuss them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vankien " + std::string(vankien::kVersion));
  std::vector<std::pair<CLI::App*, Runner>> commands;
  auto add = [&](Runner (*reg)(CLI::App&)) {
    const std::size_t before = app.get_subcommands({}).size();
    Runner r = reg(app);
    commands.emplace_back(app.get_subcommands({})[before], std::move(r));
  };
  add(RegisterIndex);
  add(RegisterCompact);
  add(RegisterSearch);
  add(RegisterShow);
  add(RegisterStats);
  add(RegisterAnalyze);
  add(RegisterEval);
  add(RegisterRefs);
  add(RegisterRef);
  add(RegisterCatalog);
  add(RegisterServe);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [cmd, run] : commands) {
    if (cmd->parsed()) return run();
  }
  return kExitUsage;
}
