// vankien: the command-line front end. One subcommand per file (cmd_*.cc).
#include <iostream>
#include <vector>

#include "tools/cli/cli.h"

int main(int argc, char** argv) {
  using namespace vankien::cli;
  CLI::App app{"vankien — archive and full-text search for Vietnamese resolutions, conclusions, "
               "directives and the articles that discuss them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vankien 0.1.0");
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
