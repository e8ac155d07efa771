// Server: the HTTP/1.1 front of `vankien serve` on Boost.Beast/Asio. One I/O thread runs the
// sockets; parsed requests go, in arrival order, to a pool of workers (one per core), each
// owning an Archive (its own Searcher) and answering with Handle() (handler.h). Requests are
// bounded in header and body size and in time (socket timeouts); Stop() stops accepting, lets
// requests in flight finish and then ends.
// Thread-safety: Stop() may be called from any thread (and from a signal handler via the
// server's own signal set); the rest from the thread that owns the Server.
#ifndef VANKIEN_TOOLS_SERVER_SERVER_H_
#define VANKIEN_TOOLS_SERVER_SERVER_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "indexer/base/status.h"
#include "tools/server/handler.h"

namespace vankien::server {

struct ServerOptions {
  std::string db = "vankien.db";  // index directory (read-only; may appear later)
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;      // 0: an ephemeral port (see Server::port())
  unsigned threads = 0;            // workers; 0: one per core
  HandlerOptions handler;
  std::size_t max_header_bytes = 16 * 1024;  // request line + headers; beyond: 431
  std::size_t max_body_bytes = 16 * 1024;    // beyond: 413 (the API takes no body)
  std::chrono::milliseconds read_timeout{10000};   // to receive one request, once it started
  std::chrono::milliseconds idle_timeout{15000};   // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{15000};  // to send one response
  std::chrono::milliseconds archive_check_every{200};  // see Archive
  search::OpenOptions open;  // remote shards: timeout, partial answers
  // Connections open at once, in total (also kept kReservedDescriptors below the descriptor
  // limit, so accept never fails for want of one) and from one client address. When the total
  // is reached, a new connection is still taken and the connection that has waited longest for
  // a request (idle keep-alive or a request arriving slowly) is closed to make room: a flood of
  // idle or slowloris connections cannot keep fresh clients out. Past the per-client bound a
  // new connection from that address is closed at once.
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_client = 256;
  static constexpr std::size_t kReservedDescriptors = 128;  // index files, logs, the listener
  bool handle_signals = false;         // stop on SIGINT / SIGTERM
  std::chrono::milliseconds shutdown_grace{3000};  // in-flight requests get this long
};

class Server {
 public:
  // Binds and starts the threads. Fails (with the address in the message) when it cannot bind.
  static Result<std::unique_ptr<Server>> Start(ServerOptions options);
  ~Server();  // Stop() and Wait()

  // The bound port (the ephemeral one when ServerOptions::port was 0).
  unsigned short port() const;
  // Stops accepting; requests in flight finish (up to shutdown_grace); idempotent.
  void Stop();
  // Blocks until every thread has ended (after Stop(), or a signal).
  void Wait();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::server

#endif  // VANKIEN_TOOLS_SERVER_SERVER_H_
