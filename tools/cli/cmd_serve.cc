// `vankien serve`: the web page and JSON API over the index (tools/server).
#include <iostream>
#include <memory>

#include "tools/cli/cli.h"
#include "tools/server/server.h"

namespace vankien::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string bind = "127.0.0.1";
  unsigned port = 8080;
  std::string static_dir;
  std::string cors;
  search::OpenOptions open;
  unsigned threads = 0;
  double time_limit = 10;
};

int RunServe(const ServeArgs& args) {
  server::ServerOptions options;
  options.db = args.db;
  options.bind = args.bind;
  options.port = static_cast<unsigned short>(args.port);
  options.threads = args.threads;
  options.handler.static_dir = args.static_dir;
  options.handler.cors_origin = args.cors;
  options.handler.search_time_limit = args.time_limit;
  options.handle_signals = true;
  options.open = args.open;
  auto started = server::Server::Start(options);
  if (!started.ok()) return Fail(started.status());
  const std::string host = args.bind.find(':') != std::string::npos ? "[" + args.bind + "]" : args.bind;
  const std::string url = "http://" + host + ":" + std::to_string((*started)->port()) + "/";
  std::cout << "vankien: " << Subst(Tr("serving {1} at {2}  (Ctrl-C to stop)"), {args.db, url}) << std::endl;
  (*started)->Wait();
  std::cout << "vankien: " << Tr("stopped") << std::endl;
  return kExitOk;
}

}  // namespace

Runner RegisterServe(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the search page and the JSON API (/api/search, /api/ref, /api/doc, /api/stats)");
  AddDatabaseOption(*cmd, &args->db);
  cmd->add_option("--bind", args->bind, "Address to listen on (loopback by default)")->capture_default_str();
  cmd->add_option("--port", args->port, "Port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--static", args->static_dir,
                  "Serve the page from this directory instead of the copy built into vankien");
  cmd->add_option("--cors", args->cors, "Allow this origin (or *) to call the API from another site");
  cmd->add_option("--threads", args->threads, "Worker threads (default: one per core)");
  cmd->add_option("--time-limit", args->time_limit,
                  "Seconds one search may take; a longer one is stopped and answered 400 (0: no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0));
  AddShardOptions(*cmd, &args->open);
  return [args] { return RunServe(*args); };
}

}  // namespace vankien::cli
